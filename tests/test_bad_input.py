"""Bad input ends with exit code 2 and one line naming the file and what is wrong; no traceback."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest

from tests.conftest import NOW, run, sha256, write_csv, write_xlsx

BOMB_SHEET = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>"""


def scan(path: Path, *extra: str):
    return run("scan", path, "--now", NOW, "--timezone", "Europe/Amsterdam", *extra)


def assert_one_line_error(result, *fragments: str) -> None:
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def xml_bomb_workbook(tmp_path: Path) -> Path:
    """A real workbook whose sheet XML is swapped for a billion-laughs document."""
    good = write_xlsx(tmp_path / "good.xlsx", {"K": [["Datum", "Bericht"], ["25-11-2026", "x"]]})
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bomb, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = BOMB_SHEET
            target.writestr(item, data)
    return bomb


def test_missing_file(tmp_path: Path) -> None:
    assert_one_line_error(scan(tmp_path / "nope.xlsx"), "nope.xlsx", "no such file")


def test_directory(tmp_path: Path) -> None:
    assert_one_line_error(scan(tmp_path), str(tmp_path), "is a folder")


@pytest.mark.parametrize("name,data", [("empty.xlsx", b""), ("empty.csv", b""), ("blank.csv", b"\r\n \n")])
def test_empty_files(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert_one_line_error(scan(path), name, "is empty")


def test_random_bytes_named_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "random.xlsx"
    path.write_bytes(os.urandom(4096))
    assert_one_line_error(scan(path), "random.xlsx", "is not an Excel workbook")


def test_truncated_workbook(tmp_path: Path) -> None:
    good = write_xlsx(tmp_path / "good.xlsx", {"K": [["Datum", "Bericht"], ["25-11-2026", "x"]]})
    path = tmp_path / "truncated.xlsx"
    path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    assert_one_line_error(scan(path), "truncated.xlsx", "damaged or truncated")


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.txt", "not a workbook")
    assert_one_line_error(scan(path), "photos.xlsx", "not a workbook")


def test_password_protected_workbook(tmp_path: Path) -> None:
    path = tmp_path / "locked.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4088))
    assert_one_line_error(scan(path), "locked.xlsx", "password-protected")


def test_binary_file_named_csv(tmp_path: Path) -> None:
    path = tmp_path / "image.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(512))
    assert_one_line_error(scan(path), "image.csv", "not a text file")


def test_calendar_without_text_column(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "numbers.xlsx", {"Budget": [["Datum", "Bedrag"], ["25-11-2026", 12]],
                                                  "Namen": [["Naam", "Team"], ["Sanne", "Social"]]})
    assert_one_line_error(scan(path), "numbers.xlsx", "no calendar found", "'Budget'", "'Namen'")


def test_csv_without_text_column(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "numbers.csv", [["Datum", "Bedrag"], ["25-11-2026", "12"]])
    assert_one_line_error(scan(path), "numbers.csv", "no calendar found", "--text-column")


def test_xml_entity_bomb(tmp_path: Path) -> None:
    path = xml_bomb_workbook(tmp_path)
    before = sha256(path)
    assert_one_line_error(scan(path), "bomb.xlsx", "sheet1.xml", "XML entities")
    assert sha256(path) == before


def test_unknown_column_override(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "k.csv", [["Datum", "Bericht"], ["25-11-2026", "x"]])
    assert_one_line_error(scan(path, "--text-column", "Copy"), "k.csv", "'Copy'")


def test_invalid_utf8_crisis_file(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "k.csv", [["Datum", "Bericht"], ["25-11-2026", "x"]])
    crisis = tmp_path / "crisis.txt"
    crisis.write_bytes("trein\nstoring \x00".encode("utf-8"))
    assert_one_line_error(scan(path, "--crisis", crisis), "crisis.txt")


@pytest.mark.parametrize("flags,fragment", [
    (["--timezone", "Mars/Olympus"], "unknown timezone"),
    (["--now", "24-11-2026"], "--now"),
    (["--until", "volgende week"], "--until"),
    (["--format", "xlsx"], "--output"),
])
def test_bad_options(tmp_path: Path, flags: list[str], fragment: str) -> None:
    path = write_csv(tmp_path / "k.csv", [["Datum", "Bericht"], ["25-11-2026", "x"]])
    result = run("scan", path, *flags)
    assert_one_line_error(result, fragment)


def test_report_folder_missing(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "k.csv", [["Datum", "Bericht"], ["25-11-2026", "x"]])
    result = scan(path, "-o", tmp_path / "nowhere" / "r.json")
    assert_one_line_error(result, "does not exist")


def test_one_bad_calendar_among_good_ones_names_the_bad_one(tmp_path: Path) -> None:
    good = write_csv(tmp_path / "good.csv", [["Datum", "Bericht"], ["25-11-2026", "x"]])
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 broken")
    assert_one_line_error(scan(good, bad), "bad.xlsx")


@pytest.mark.parametrize("flags,fragment", [
    (["--until", "2026-11-20"], "would end before it starts"),
    (["-o", "report.pdf"], "cannot tell the report format"),
])
def test_options_that_cannot_work(tmp_path: Path, flags: list[str], fragment: str) -> None:
    path = write_csv(tmp_path / "k.csv", [["Datum", "Bericht"], ["25-11-2026", "x"]])
    assert_one_line_error(scan(path, *[str(tmp_path / f) if f.endswith(".pdf") else f for f in flags]),
                          fragment)


def _train_calendar(folder: Path) -> Path:
    return write_xlsx(folder / "kal.xlsx", {"Planning": [
        ["Datum", "Tijd", "Kanaal", "Bericht", "Status"],
        ["25-11-2026", "09:00", "Facebook", "Neem de trein naar de kerstmarkt!", "Gepland"]]})


def test_a_term_with_a_line_break_is_refused_by_scan_and_explain(tmp_path: Path) -> None:
    """QA: `crisis start` refused `--term $'trein\\nbus'` (two terms pasted at once), but scan
    and explain took it, showed it in the CRISIS ACTIVE banner, matched nothing and exited 0:
    the post with 'trein' went out. One rule for every --term: exit 2, one line."""
    calendar = _train_calendar(tmp_path)
    for command in (["scan", calendar, "--now", NOW, "--timezone", "Europe/Amsterdam"],
                    ["explain", "Neem de trein naar de kerstmarkt!"],
                    ["crisis", "start", "Treinongeluk"]):
        result = run(*command, "--no-shipped-lists", "--term", "trein\nbus") \
            if command[0] != "crisis" else run(*command, "--term", "trein\nbus")
        assert result.exit_code == 2, f"{command[0]}: exit {result.exit_code}\n{result.stdout}"
        assert "one term per --term, no line breaks" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("text", ["", "# Treinongeluk Utrecht, termen volgen\n\n", "!treinstaking\n"])
def test_a_crisis_file_without_a_term_is_named(tmp_path: Path, text: str) -> None:
    """QA: the team's crisis file came back empty or all comments (a failed sync, a half-saved
    edit): scan reported no crisis, no warning, exit 0, and the nightly check sent nothing. The
    file is named among the warnings (terminal, JSON, report) as adding nothing."""
    calendar = _train_calendar(tmp_path)
    crisis = tmp_path / "crisis-treinongeluk.txt"
    crisis.write_text(text, encoding="utf-8")
    result = run("scan", calendar, "--crisis", crisis, "--no-shipped-lists", "--now", NOW,
                 "--timezone", "Europe/Amsterdam", "--format", "json")
    assert result.exit_code == 0, result.stderr
    warnings = json.loads(result.stdout)["warnings"]
    assert any("crisis-treinongeluk.txt: crisis file has no term" in w for w in warnings), warnings
