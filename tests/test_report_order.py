"""The report order (pause, review, ok; then date, source, sheet, row; then reading order),
found by ``verdicts.keyed``: posts read in the order of their source, sheet and row are
ordered by sorting small integers (``_quick_order``); it must give what sorting the full keys
gives. Posts from real files: a CSV with undated posts and the night the clock goes back, a
workbook whose sheets are not in alphabetical order, two calendars given out of order."""

from __future__ import annotations

import datetime as dt
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from contentcheck.calendar import ReadOptions, read_calendar
from contentcheck.records import Status, Verdict
from contentcheck.verdicts import _quick_order, keyed
from tests.conftest import write_csv, write_xlsx

OPTIONS = ReadOptions(timezone=ZoneInfo("Europe/Amsterdam"), reference=date(2026, 10, 20))
STATUSES = [Status.OK, Status.REVIEW, Status.OK, Status.PAUSE, Status.OK]


def _csv(tmp_path: Path) -> Path:
    rows = [["Datum", "Tijd", "Kanaal", "Bericht"]]
    for n in range(60):
        when = [("25-10-2026", "02:30"), ("25-10-2026", "01:30"), ("", ""),
                ("24-10-2026", "09:00"), ("25-10-2026", "03:30")][n % 5]
        rows.append([*when, "X", f"Bericht {n}"])
    return write_csv(tmp_path / "b-kalender.csv", rows)


def _workbook(tmp_path: Path) -> Path:
    day = dt.datetime(2026, 10, 24)
    return write_xlsx(tmp_path / "a-kalender.xlsx", {
        name: [["Datum", "Tijd", "Kanaal", "Bericht"],
               *[[day, f"{9 + n % 3}:00", "X", f"{name} {n}"] for n in range(20)]]
        for name in ("Zomer", "Herfst")})


def _held(*paths: Path) -> dict[int, Verdict]:
    posts = [post for path in paths for post in read_calendar(path, OPTIONS).posts]
    return {index: Verdict(post, STATUSES[index % len(STATUSES)])
            for index, post in enumerate(posts)}


def test_quick_order_is_the_order_of_the_keys(tmp_path: Path) -> None:
    for held, quick in ((_held(_csv(tmp_path)), True),  # one file, one table: in place order
                        (_held(_workbook(tmp_path)), False),  # sheet Zomer read before Herfst
                        (_held(_csv(tmp_path), _workbook(tmp_path)), False)):  # b- before a-
        pairs = keyed(held)
        assert pairs == sorted(pairs) and len(pairs) == len(held)
        in_place = sorted(pairs, key=lambda pair: pair[0][2:])
        order = _quick_order(in_place)
        assert order is not None
        assert [in_place[i] for i in order] == pairs
        read_order = [(key, verdict) for key, verdict in sorted(pairs, key=lambda p: p[0][-1])]
        assert (_quick_order(read_order) is not None) is quick
    # five moments, the undated posts among them (they sort last)
    stamps = [key[1] for key, _ in keyed(_held(_csv(tmp_path)))]
    assert len(set(stamps)) == 5 and stamps[-1] == float("inf")
