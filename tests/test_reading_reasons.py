"""The reports' reasons name the reading behind a crisis hit, as ``explain`` does (QA round 7):
a derivation, a place's people, a wildcard's compound, a loan word, a translation. Read back
from a real CSV report (csv module) and a real Excel report (openpyxl); sentences written for
these tests."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl

from tests.conftest import NOW, run, write_csv

# (post, a words the English reason holds, the same in a Dutch report)
POSTS = [
    ("De tank explodeerde gisteren bij de haven",
     "derived from 'explosie' via 'exploderen'", "afgeleid van 'explosie' via 'exploderen'"),
    ("Hagenaars helpen elkaar na de brand",
     "the people or adjective of the place 'den haag'",
     "inwoners of bijvoeglijk naamwoord van de plaats 'den haag'"),
    ("Onze rivierdijken worden vannacht bewaakt",
     "compound 'rivier|dijken', a part that matches 'dijk*'",
     "samenstelling 'rivier|dijken', met een deel dat 'dijk*' raakt"),
    ("Onze webshop ligt down sinds vanochtend, sorry",
     "'down' is a loan word, the same in Dutch and English",
     "'down' is een leenwoord, hetzelfde in het Nederlands en het Engels"),
    ("Trains to the coast are cancelled today", "train: translation of 'trein*'",
     "train: translation of 'trein*'"),
]


def _calendar(tmp_path: Path) -> tuple[Path, Path]:
    crisis = tmp_path / "crisis.txt"
    crisis.write_text("explosie\nDen Haag\ndijk*\ndown\nstoring\ntrein*\n", encoding="utf-8")
    calendar = write_csv(tmp_path / "kalender.csv", [["Datum", "Tijd", "Kanaal", "Bericht"]] + [
        ["25-11-2026", f"{9 + n}:00", "Facebook", text] for n, (text, _, _) in enumerate(POSTS)],
        encoding="cp1252")
    return calendar, crisis


def _scan(calendar: Path, crisis: Path, out: Path, *args: str) -> None:
    result = run("scan", calendar, "--crisis", crisis, "--now", NOW, "--timezone",
                 "Europe/Amsterdam", "--no-shipped-lists", "-o", out, "--exit-zero", *args)
    assert result.exit_code == 0, result.stderr


def test_the_csv_report_names_each_reading(tmp_path: Path) -> None:
    calendar, crisis = _calendar(tmp_path)
    out = tmp_path / "rapport.csv"
    _scan(calendar, crisis, out)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        reasons = {row["text"]: row["reasons"] for row in csv.DictReader(handle)}
    for text, english, _ in POSTS:
        assert english in reasons[text], (text, reasons[text])


def test_the_excel_report_names_each_reading_in_dutch(tmp_path: Path) -> None:
    calendar, crisis = _calendar(tmp_path)
    out = tmp_path / "rapport.xlsx"
    _scan(calendar, crisis, out, "--lang", "nl")
    book = openpyxl.load_workbook(out)
    flagged = book.worksheets[1]  # Samenvatting, Gemarkeerd, ...: the flagged posts
    cells = [str(cell.value) for row in flagged.iter_rows() for cell in row if cell.value]
    for _, _, dutch in POSTS:
        assert any(dutch in cell for cell in cells), dutch


def test_a_dutch_report_explains_a_loose_reading_in_dutch(tmp_path: Path) -> None:
    """--lang nl: everything a reader sees is Dutch, the reason why a hit is only a loose
    reading (review, not pause) too; JSON keeps the English for scripts."""
    calendar = write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht"],
        ["25-11-2026", "09:00", "X", "Black Friday: knallende deals 💥"],
        ["25-11-2026", "10:00", "X", "Bereikbaarheid gegarandeerd!"]], encoding="utf-8-sig")
    args = ["scan", calendar, "--kit", "transport-accident", "--term", "bereikbaar*",
            "--no-shipped-lists", "--now", NOW, "--timezone", "Europe/Amsterdam"]
    result = run(*args, "--lang", "nl")
    assert result.exit_code == 1, result.stderr
    assert "losse lezing (een emoji voor de term: emoji zijn vaak versiering)" in result.stdout
    assert "losse lezing (een los woord dat met de wildcard begint)" in result.stdout
    assert "emoji are often decoration" not in result.stdout
    english = run(*args, "--lang", "en", "--format", "json")
    assert "an emoji for the term: emoji are often decoration" in english.stdout


def test_every_loose_reading_has_a_dutch_phrase() -> None:
    from contentcheck.matching.index import LOOSE
    from contentcheck.wording import LOOSE_NL, loose_words

    assert set(LOOSE_NL) == set(LOOSE)
    for rule, english in LOOSE.items():
        assert loose_words(rule, english, "nl") == LOOSE_NL[rule] != english
        assert loose_words(rule, english, "en") == english
