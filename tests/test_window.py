"""Which posts are upcoming: the window, whole-day posts, and published or cancelled statuses."""

from __future__ import annotations

import datetime as dt

import pytest

from contentcheck.records import Post, PostField
from contentcheck.window import Window, is_upcoming, status_is_final
from tests.conftest import AMSTERDAM

NOW = dt.datetime(2026, 11, 24, 8, 0, tzinfo=AMSTERDAM)
WEEK = Window.days_ahead(NOW, 7)


def post(when: dt.datetime | None, *, all_day: bool = False, status: str | None = None) -> Post:
    return Post(source="k.xlsx", sheet="S", row=2, scheduled_at=when, channel="X", status=status,
                fields=(PostField("Bericht", "tekst"),), all_day=all_day)


@pytest.mark.parametrize("when,all_day,inside", [
    (NOW, False, True),                                            # starts now: inside
    (NOW - dt.timedelta(minutes=1), False, False),                 # just gone
    (NOW + dt.timedelta(days=7) - dt.timedelta(minutes=1), False, True),
    (NOW + dt.timedelta(days=7), False, False),                    # end is exclusive
    (dt.datetime(2026, 11, 24, tzinfo=AMSTERDAM), True, True),     # today, no time: whole day
    (dt.datetime(2026, 11, 23, tzinfo=AMSTERDAM), True, False),    # yesterday
    (dt.datetime(2026, 12, 1, tzinfo=AMSTERDAM), True, True),      # last day, before 08:00 end
    (dt.datetime(2026, 12, 2, tzinfo=AMSTERDAM), True, False),
    (None, False, True),                                           # undated: always shown
])
def test_window(when: dt.datetime | None, all_day: bool, inside: bool) -> None:
    assert is_upcoming(post(when, all_day=all_day), WEEK) is inside


def test_window_in_another_zone() -> None:
    utc_post = post(dt.datetime(2026, 11, 24, 6, 59, tzinfo=dt.timezone.utc))  # 07:59 Amsterdam
    assert not is_upcoming(utc_post, WEEK)
    assert is_upcoming(post(dt.datetime(2026, 11, 24, 7, 0, tzinfo=dt.timezone.utc)), WEEK)


@pytest.mark.parametrize("status", ["Gepubliceerd", "gepubliceerd ✅", "Geplaatst", "Verzonden",
                                    "Geannuleerd", "GESCHRAPT", "Published", "Sent", "Cancelled",
                                    "canceled", "Posted (by Sprout)", "Live", "✅ Gepubliceerd",
                                    "On hold", "on-hold", "Gepauzeerd"])
def test_final_statuses(status: str) -> None:
    assert status_is_final(status)
    assert not is_upcoming(post(NOW, status=status), WEEK)


@pytest.mark.parametrize("status", [None, "", "Gepland", "Ingepland", "Concept", "Klaar",
                                    "Scheduled", "Draft", "Ready", "Te publiceren", "Niet gepubliceerd"])
def test_open_statuses(status: str | None) -> None:
    assert not status_is_final(status)
