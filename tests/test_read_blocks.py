"""Rows become posts a block at a time, a column at a time (``posts._Rows._block``) where a
block is plain, row by row (``_Rows._each``) where it is not; both must give the same posts.
Real files of a few thousand rows: plain blocks, and blocks with empty links, section rows,
rows without text, channels and owners left empty, numbers and dates in text columns, a row
wider than the header."""

from __future__ import annotations

import datetime as dt
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from contentcheck.calendar import ReadOptions, read_calendar
from contentcheck.calendar import posts as reading
from tests.conftest import write_csv, write_xlsx

HEADER = ["Datum", "Tijd", "Kanaal", "Bericht", "Hashtags", "Link", "Status", "Eigenaar"]
OPTIONS = ReadOptions(timezone=ZoneInfo("Europe/Amsterdam"), reference=date(2026, 11, 24))


def _rows(workbook: bool) -> list[list[object]]:
    day = (lambda n: dt.datetime(2026, 12, 1 + n % 28)) if workbook else (
        lambda n: f"{1 + n % 28:02d}-12-2026")
    rows = [[day(n), f"{8 + n % 10}:{n % 60:02d}", ["Instagram", "X", "LinkedIn"][n % 3],
             f"Bericht nummer {n} met een 🎉", f"#deal{n % 7}", f"https://example.nl/p/{n}",
             "Gepland", ["Sanne", "Joost"][n % 2]] for n in range(1200)]  # a plain block
    odd = []
    for n in range(1200, 2600):
        row = [day(n), f"{8 + n % 10}:00", "Instagram", f"  Tekst {n}  ", "", "", "", ""]
        if n % 5 == 0:
            row[5] = f"https://example.nl/q/{n}"  # a link, the rest empty: one field or two
        if n % 97 == 0:
            row = ["", "", "", "Week 48", "", "", "", ""]  # a section label
        if n % 89 == 0:
            row = [day(n), "10:00", "X", "", "", "", "", ""]  # a date and channel, no text
        if n % 83 == 0:
            row[2] = ""  # no channel
        odd.append(row)
    if workbook:
        odd[700][4] = 12.0  # a number in a text column
    else:
        odd[900] = odd[900] + ["een cel voorbij de kop"]  # a row wider than the header
    return [HEADER, *rows, *odd]


@pytest.mark.parametrize("workbook", [False, True])
def test_blocks_give_the_posts_rows_give(tmp_path: Path, workbook: bool,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    if workbook:
        path = write_xlsx(tmp_path / "kalender.xlsx", {"Planning": _rows(True)})
    else:
        path = write_csv(tmp_path / "kalender.csv", _rows(False), encoding="utf-8")
    blocks = read_calendar(path, OPTIONS)
    taken = []
    real = reading._Rows._block

    def watched(self, block, shared):  # type: ignore[no-untyped-def]
        posts = real(self, block, shared)
        taken.append(posts is not None)
        return posts

    monkeypatch.setattr(reading._Rows, "_block", watched)
    read_calendar(path, OPTIONS)
    monkeypatch.setattr(reading._Rows, "_block", lambda self, block, shared: None)
    rows = read_calendar(path, OPTIONS)
    assert blocks.posts == rows.posts and blocks.notes == rows.notes
    assert len(rows.posts) > 2400
    assert any(taken) and not all(taken)  # both ways were taken
    # what the odd rows hold came through: one field, no channel, no owner, section rows out
    assert {len(p.fields) for p in rows.posts} == {1, 2, 3}
    assert any(p.channel is None for p in rows.posts)
    assert not any(p.text == "Week 48" for p in rows.posts)
