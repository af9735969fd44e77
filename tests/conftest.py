"""Shared helpers: real calendar files written in tmp_path, and the CLI run as a user runs it."""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from click.testing import CliRunner, Result

from contentcheck.cli.main import main

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NOW = "2026-11-24T08:00"  # a Tuesday morning; the default window runs to 2026-12-01 08:00


def documentation() -> str:
    """The README and every page of docs/, as one text: tests that hold the documentation to
    the tool find a section wherever it lives."""
    root = Path(__file__).resolve().parent.parent
    pages = [root / "README.md", *sorted((root / "docs").glob("*.md"))]
    return "\n\n".join(page.read_text(encoding="utf-8") for page in pages)


def write_xlsx(path: Path, sheets: dict[str, Sequence[Sequence[Any]]], *,
               hidden: Sequence[str] = ()) -> Path:
    """A workbook written by openpyxl, one sheet per entry, rows from A1 down."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
        if name in hidden:
            sheet.sheet_state = "hidden"
    book.save(path)
    return path


def write_csv(path: Path, rows: Sequence[Sequence[Any]], *, delimiter: str = ";",
              encoding: str = "cp1252", newline: str = "\r\n") -> Path:
    """A CSV as a spreadsheet program exports it: chosen delimiter, encoding and line ends."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=newline).writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(*args: str) -> Result:
    """Run ``contentcheck`` with the arguments, as a user would (no exception catching)."""
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def scan_json(*args: str) -> dict:
    """``contentcheck scan ... --format json`` pinned to NOW in Amsterdam, parsed."""
    import json

    result = run("scan", *args, "--now", NOW, "--timezone", "Europe/Amsterdam",
                 "--format", "json", "--no-shipped-lists", "--exit-zero")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def dutch_calendar(tmp_path: Path) -> Path:
    """A calendar as a Dutch team keeps it: instructions tab, title rows, week rows, two sheets."""
    import datetime as dt

    header = ["Datum", "Tijd", "Kanaal", "Bericht", "Hashtags", "Link", "Afbeelding (alt-tekst)",
              "Eerste reactie", "Status", "Eigenaar", "Campagne"]
    november = [
        ["Contentkalender Q4 2026 - Spoorzicht"],
        [],
        header,
        ["Week 48"],
        [dt.datetime(2026, 11, 24), dt.time(9, 30), "Instagram", "Met de trein naar de kerstmarkt!",
         "#kerstmarkt", "https://example.nl/kerst", "Foto van een markt", None, "Gepland", "Sanne", "Kerst"],
        [dt.datetime(2026, 11, 24), "09.30", "Facebook", "Onze oliebollen zijn terug",
         None, None, "Een trein bij een perron", None, "Ingepland", "Sanne", None],
        [dt.datetime(2026, 11, 20), "10:00", "X", "Met de trein naar huis", None, None, None, None,
         "Gepland", "Mo", None],
        [dt.datetime(2026, 11, 25), "9:30", "LinkedIn", "Trein gemist? Wij niet", None, None, None,
         None, "Gepubliceerd", "Mo", None],
        [dt.datetime(2026, 11, 26), None, "TikTok", "Een hele dag trein-tips", None, None, None,
         None, "Geannuleerd", "Mo", None],
        [],
        ["Week 49"],
        [dt.datetime(2026, 11, 30, 18, 0), None, "Nieuwsbrief", "Winterse recepten",
         None, None, None, "Reageer met je favoriete trein-recept", "", "Lotte", None],
        [dt.datetime(2026, 12, 3), dt.time(12, 0), "Instagram", "Na het venster: trein", None,
         None, None, None, "Gepland", "Lotte", None],
    ]
    december = [
        ["December"],
        header,
        ["27-11-2026", "12:00", "instagram", "Tekstdatum met een trein", None, None, None, None,
         "Concept", "Sanne", None],
        ["28/11/2026 14:15", None, "Facebook", "Datum en tijd in een cel", None, None, None, None,
         None, "Sanne", None],
        ["n.t.b.", None, "X", "Nog geen datum, wel een trein", None, None, None, None, None, None, None],
        ["2026-11-29", None, "X", "Hele dag, geen tijd", None, None, None, None, None, None, None],
    ]
    instructions = [["Zo vul je de kalender in"], ["Eén post per regel; status Gepland of Concept."]]
    return write_xlsx(tmp_path / "kalender.xlsx",
                      {"Instructies": instructions, "November": november, "December": december})


@pytest.fixture(autouse=True)
def isolated_state(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty state folder: no crisis declared on this machine leaks in."""
    state = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("CONTENTCHECK_STATE_DIR", str(state))
    # the per-user state folder (platformdirs) too: a crisis on this machine never leaks in
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("xdg-state")))
    return state


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the scan's temporary files go: checked empty afterwards."""
    import tempfile

    folder = tmp_path / "scratch"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def children_of(parent: int) -> list[int]:
    """The running processes whose parent is ``parent`` (Linux /proc; zombies left out)."""
    import os

    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            state, ppid = stat.rsplit(")", 1)[1].split()[:2]
            if int(ppid) == parent and state != "Z":
                found.append(int(entry))
    return found
