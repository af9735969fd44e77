"""A check's findings as every reporter shows them: the terminal table, JSON, CSV, Excel and
HTML, written by the real CLI; the reporters know only ``Finding``s, so a new check must show
up in each without a change to them."""

from __future__ import annotations

import csv
import html
import json
from pathlib import Path

import openpyxl

from tests.conftest import NOW, run

PINNED = ("--now", NOW, "--timezone", "Europe/Amsterdam", "--no-shipped-lists", "--exit-zero")


def reports(tmp_path: Path, calendar: Path, *args: str, lang: str = "en") -> dict[str, str]:
    """Every report format of one scan, each as the text a reader sees."""
    out = tmp_path / "reports"
    out.mkdir(exist_ok=True)
    shown = {}
    result = run("scan", calendar, *args, *PINNED, "--lang", lang)
    assert result.exit_code == 0, result.stderr
    shown["terminal"] = result.stdout
    for suffix in ("json", "csv", "xlsx", "html"):
        path = out / f"report.{suffix}"
        result = run("scan", calendar, *args, *PINNED, "--lang", lang, "-o", path)
        assert result.exit_code == 0, result.stderr
        if suffix == "json":
            data = json.loads(path.read_text("utf-8"))
            shown[suffix] = "\n".join(r for p in data["posts"] for r in p["reasons"])
        elif suffix == "csv":
            with path.open(encoding="utf-8-sig", newline="") as handle:
                shown[suffix] = "\n".join(" | ".join(row) for row in csv.reader(handle))
        elif suffix == "xlsx":
            book = openpyxl.load_workbook(path, read_only=True)
            sheet = book.worksheets[1]  # Flagged / Te beoordelen
            shown[suffix] = "\n".join(str(c) for row in sheet.iter_rows(values_only=True)
                                      for c in row if c is not None)
            book.close()
        else:
            shown[suffix] = html.unescape(path.read_text("utf-8"))
    return shown


def assert_in_every_report(tmp_path: Path, calendar: Path, reason: str, *args: str,
                           lang: str = "en") -> None:
    """The reason in every report (JSON and CSV keep English for scripts: only with ``lang="en"``)."""
    for name, text in reports(tmp_path, calendar, *args, lang=lang).items():
        if lang != "en" and name in ("json", "csv"):
            continue
        assert reason in text, f"{name} report lacks {reason!r}"


def write_config(folder: Path, text: str) -> Path:
    """A contentcheck.toml in ``folder``."""
    config = folder / "contentcheck.toml"
    config.write_text(text, encoding="utf-8")
    return config
