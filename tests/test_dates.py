"""Text dates and times as Dutch and English calendars write them."""

from __future__ import annotations

import datetime as dt

import pytest

from contentcheck.calendar.dates import DateError, parse_date_text, parse_time_text, to_date, to_time


@pytest.mark.parametrize("text,expected", [
    ("24-11-2026", dt.date(2026, 11, 24)),
    ("24/11/2026", dt.date(2026, 11, 24)),
    ("24.11.2026", dt.date(2026, 11, 24)),
    ("2-12-26", dt.date(2026, 12, 2)),
    ("2026-11-05", dt.date(2026, 11, 5)),          # ISO stays year-month-day even day-first
    ("24/11/2026 09:30", dt.datetime(2026, 11, 24, 9, 30)),
    ("24-11-2026 9.30", dt.datetime(2026, 11, 24, 9, 30)),
    ("2026-11-24 09:30", dt.datetime(2026, 11, 24, 9, 30)),
    ("2026-11-24T09:30:00", dt.datetime(2026, 11, 24, 9, 30)),
    ("di 24-11-2026", dt.date(2026, 11, 24)),
    ("24 nov 2026", dt.date(2026, 11, 24)),
    ("dinsdag 24 november 2026", dt.date(2026, 11, 24)),
    ("3 mrt 2027 14:00", dt.datetime(2027, 3, 3, 14, 0)),
    ("Nov 24, 2026", dt.date(2026, 11, 24)),
    ("24-11", dt.date(2026, 11, 24)),               # no year: the year of "now"
    ("woensdag 25 november 2026 om 10.00 uur", dt.datetime(2026, 11, 25, 10, 0)),
    ("wo 25 nov 2026 9u30", dt.datetime(2026, 11, 25, 9, 30)),
    ("25 nov om 10u", dt.datetime(2026, 11, 25, 10, 0)),
    ("25-11-2026 om 10:00", dt.datetime(2026, 11, 25, 10, 0)),
    ("25 november 2026, 10:00 uur", dt.datetime(2026, 11, 25, 10, 0)),
    ("Wednesday 25 November 2026 at 9:30 PM", dt.datetime(2026, 11, 25, 21, 30)),
])
def test_text_dates(text: str, expected: dt.date) -> None:
    assert parse_date_text(text, True, dt.date(2026, 11, 24)) == expected


def test_offsets_are_kept() -> None:
    parsed = parse_date_text("2026-11-24T09:30:00+00:00", True, dt.date(2026, 11, 24))
    assert parsed.utcoffset() == dt.timedelta(0)


@pytest.mark.parametrize("text", ["n.t.b.", "volgende week", "Week 48", "31-02-2026", "13/13/2026",
                                  "later", "24-11-2026 25:00"])
def test_not_dates(text: str) -> None:
    with pytest.raises(DateError):
        parse_date_text(text, True, dt.date(2026, 11, 24))


@pytest.mark.parametrize("text,expected", [
    ("9:30", dt.time(9, 30)), ("09.30", dt.time(9, 30)), ("9u30", dt.time(9, 30)),
    ("21:00 uur", dt.time(21, 0)), ("9:30 PM", dt.time(21, 30)), ("12:00 am", dt.time(0, 0)),
    ("14u", dt.time(14, 0)), ("08:15:30", dt.time(8, 15, 30)),
])
def test_times(text: str, expected: dt.time) -> None:
    assert parse_time_text(text) == expected


@pytest.mark.parametrize("text", ["930", "middag", "25:00", "9:75"])
def test_not_times(text: str) -> None:
    with pytest.raises(DateError):
        parse_time_text(text)


def test_cell_values() -> None:
    assert to_date(None) is None and to_time("") is None
    assert to_time(0.5) == dt.time(12, 0)                      # Excel fraction of a day
    assert to_date(46350.5) == dt.datetime(2026, 11, 24, 12, 0)  # Excel serial with time
    with pytest.raises(DateError):
        to_date(True)
    with pytest.raises(DateError):
        to_date(12)


@pytest.mark.parametrize("text,now,expected", [
    ("02-01", dt.date(2026, 12, 28), dt.date(2027, 1, 2)),       # next January, not last
    ("28-12", dt.date(2027, 1, 3), dt.date(2026, 12, 28)),       # last December
    ("vr 1 jan", dt.date(2026, 12, 28), dt.date(2027, 1, 1)),
    ("15 mrt", dt.date(2026, 11, 24), dt.date(2027, 3, 15)),
    ("30-11", dt.date(2026, 11, 24), dt.date(2026, 11, 30)),
])
def test_a_date_without_a_year_is_the_nearest_one(text: str, now: dt.date, expected: dt.date) -> None:
    assert parse_date_text(text, True, now) == expected
