"""A text calendar is read in several passes (its head, all of it, rarely again): a file saved
by another program in between must not give posts of two versions under one SHA-256."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from contentcheck.calendar import source
from contentcheck.calendar.source import ByteSource
from contentcheck.errors import CalendarError

ROWS = "Datum;Bericht\n" + "".join(f"25-11-2026;Post {n}\n" for n in range(2000))


def test_the_same_file_read_twice_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "kalender.csv"
    path.write_text(ROWS, encoding="utf-8")
    calendar = ByteSource(path)
    assert b"".join(calendar.blocks()) == b"".join(calendar.blocks()) == path.read_bytes()


def test_a_file_saved_between_two_passes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "kalender.csv"
    path.write_text(ROWS, encoding="utf-8")
    calendar = ByteSource(path)
    list(calendar.blocks())
    path.write_text(ROWS + "26-11-2026;Nieuw\n", encoding="utf-8")
    with pytest.raises(CalendarError, match="changed while it was being read"):
        list(calendar.blocks())


def test_a_file_saved_during_a_pass_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "BLOCK", 1024)  # several blocks
    path = tmp_path / "kalender.csv"
    path.write_text(ROWS, encoding="utf-8")
    blocks = ByteSource(path).blocks()
    next(blocks)
    stamp = path.stat().st_mtime_ns + 10**9
    os.utime(path, ns=(stamp, stamp))  # saved again: same bytes, a new modification time
    with pytest.raises(CalendarError, match="changed while it was being read"):
        list(blocks)
