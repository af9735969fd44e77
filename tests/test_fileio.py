"""Atomic writes and TOML reading, written once for reports, apply's copies and crisis state."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from contentcheck.errors import ContentcheckError
from contentcheck.fileio import read_toml, write_atomically, write_text_atomically


def test_a_new_file_gets_the_umask_mode_not_a_private_one(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_text_atomically(tmp_path / "crisis.toml", "name = 'x'\n")
    finally:
        os.umask(old)
    assert (tmp_path / "crisis.toml").stat().st_mode & 0o777 == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["crisis.toml"]


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_text_atomically(target, "new")
    assert target.read_text(encoding="utf-8") == "new" and target.stat().st_mode & 0o777 == 0o640


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    target.write_text("old", encoding="utf-8")

    def broken(temp: Path) -> None:
        temp.write_text("half", encoding="utf-8")
        raise OSError(28, "No space left on device")

    with pytest.raises(ContentcheckError, match="report.csv: cannot write the report: No space left"):
        write_atomically(target, broken)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.csv"]


def test_a_target_that_cannot_be_replaced_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "c.toml").mkdir()  # a folder where the file should go: even root cannot
    with pytest.raises(ContentcheckError, match="c.toml: cannot write the crisis file"):
        write_text_atomically(tmp_path / "c.toml", "x", what="the crisis file")
    assert [p.name for p in tmp_path.iterdir()] == ["c.toml"]


def test_read_toml_reads_and_refuses() -> None:
    assert read_toml('name = "Brand"\n[scan]\ndays = 3\n') == {"name": "Brand", "scan": {"days": 3}}
    with pytest.raises(ValueError):
        read_toml("name = \n")


def test_a_report_locked_by_excel_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows refuses to replace a file Excel has open (PermissionError); Linux cannot lock
    it that way, so the refusal is injected at the one call that meets it."""
    def locked(source: object, target: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ContentcheckError, match="open in Excel or another program, close it"):
        write_text_atomically(tmp_path / "review.xlsx", "x", what="the report")
    assert list(tmp_path.iterdir()) == []
