"""The JSON report writes each post's moment as ``isoformat`` does, though it writes each
distinct moment only once (``records.iso_moment``): moments that compare equal but read
differently keep their own text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from contentcheck.records import iso_moment
from tests.conftest import scan_json, write_csv


def test_one_instant_in_two_zones_keeps_each_zone(tmp_path: Path) -> None:
    """08:00 in Amsterdam and 07:00 UTC are one instant (equal datetimes), written apart."""
    rows = [["Datum", "Tijd", "Kanaal", "Tekst"],
            ["24-11-2026", "08:00", "Instagram", "Nieuwe wintercollectie in de winkel"],
            ["2026-11-24T07:00:00+00:00", "", "Facebook", "Warme truien voor het hele gezin"],
            ["24-11-2026", "08:00", "LinkedIn", "Wij zoeken een nieuwe collega"]]
    calendar = write_csv(tmp_path / "kalender.csv", rows)
    moments = [post["scheduled_at"] for post in scan_json(str(calendar), "--all")["posts"]]
    assert sorted(moments) == ["2026-11-24T07:00:00+00:00", "2026-11-24T08:00:00+01:00",
                               "2026-11-24T08:00:00+01:00"]


def test_the_hour_the_clock_goes_back_keeps_both_offsets() -> None:
    """02:30 on 25 October happens twice in Amsterdam: equal datetimes, other offsets."""
    first = dt.datetime(2026, 10, 25, 2, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
    second = first.replace(fold=1)
    assert first == second
    for moment in (first, second, first, second):
        assert iso_moment(moment) == moment.isoformat()
    assert iso_moment(first) != iso_moment(second)
