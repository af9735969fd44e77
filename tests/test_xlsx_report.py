"""The Excel review report, read back with openpyxl: sheets, values, rich text, fills, dropdowns."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock

from tests.conftest import NOW, run, write_csv


@pytest.fixture
def report(tmp_path: Path) -> Path:
    """A scan of a small CSV calendar with one crisis hit, one list hit and a formula-like text."""
    calendar = write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht", "Hashtags", "Status"],
        ["24-11-2026", "12:00", "Instagram", "Met de trein naar de kerstmarkt", "#treinreis", "Gepland"],
        ["25-11-2026", "09:00", "Facebook", "=1+1 is een storm van korting", "", ""],
        ["26-11-2026", "10:00", "X", "Gewoon een fijne dag", "", ""],
        ["27-11-2026", "", "LinkedIn", "@team: storm op komst? Nee hoor", "", ""],
        ["n.t.b.", "", "X", "Nog geen datum", "", ""]])
    lists = tmp_path / "lists"
    lists.mkdir()
    (lists / "weer.txt").write_text("@category disasters-accidents\n@severity medium\nstorm => bui\n",
                                    encoding="utf-8")
    out = tmp_path / "rapport.xlsx"
    result = run("scan", calendar, "--term", "trein", "--wordlists", lists, "--no-shipped-lists",
                 "--now", NOW, "--timezone", "Europe/Amsterdam", "-o", out, "--lang", "en")
    assert result.exit_code == 1, result.stderr
    return out


def rows_of(sheet) -> list[dict]:
    header = [c.value for c in sheet[1]]
    return [dict(zip(header, (c.value for c in row))) for row in sheet.iter_rows(min_row=2)]


def test_sheet_order_and_hidden_metadata(report: Path) -> None:
    book = openpyxl.load_workbook(report)
    assert book.sheetnames == ["Summary", "Flagged", "All posts", "_contentcheck"]
    assert book["_contentcheck"].sheet_state == "veryHidden"
    meta = json.loads("".join(c.value for c in book["_contentcheck"]["A"]))
    assert meta["lang"] == "en" and meta["calendars"][0]["kind"] == "csv"
    assert meta["calendars"][0]["delimiter"] == ";" and len(meta["calendars"][0]["sha256"]) == 64


def test_flagged_sheet_order_values_and_reasons(report: Path) -> None:
    flagged = rows_of(openpyxl.load_workbook(report)["Flagged"])
    assert [(r["Status"], r["Row"]) for r in flagged] == [("pause", 2), ("review", 3), ("review", 5)]
    first = flagged[0]
    assert first["Date"] == dt.datetime(2026, 11, 24, 12, 0) and first["Channel"] == "Instagram"
    # the hashtag's hit is shown (and highlighted) under the text, in the cell a reviewer reads
    assert first["Post text"] == "Met de trein naar de kerstmarkt\nHashtags: #treinreis"
    assert (first["Live in"], first["Calendar status"]) == ("4 h", "Gepland")  # 08:00 -> 12:00
    assert "crisis term 'trein'" in first["Why"]
    assert first["File"] == "kalender.csv" and first["Sheet"] is None
    assert (first["Decision"], first["New text"], first["Reviewer"], first["Note"]) == (None,) * 4
    assert "suggestion: 'bui'" in flagged[1]["Why"] and "disasters-accidents" in flagged[1]["Why"]


def test_formula_like_text_stays_text(report: Path) -> None:
    sheet = openpyxl.load_workbook(report)["All posts"]
    cells = {c.value if isinstance(c.value, str) else str(c.value): c for c in sheet["F"][1:]}
    formula_like = next(c for text, c in cells.items() if text.startswith("=1+1"))
    assert formula_like.data_type != "f"
    assert any(text.startswith("@team") for text in cells)


def test_matched_words_are_rich_text_runs(report: Path) -> None:
    sheet = openpyxl.load_workbook(report, rich_text=True)["Flagged"]
    value = sheet["F2"].value
    assert isinstance(value, CellRichText)
    assert [str(part) if not isinstance(part, TextBlock) else part.text for part in value] == [
        "Met de ", "trein", " naar de kerstmarkt", "\n", "Hashtags: ", "#", "treinreis"]
    bold = [(p.text, p.font.color.rgb) for p in value if isinstance(p, TextBlock) and p.font.b]
    assert bold == [("trein", "FFC00000"), ("treinreis", "FFC00000")]
    review = sheet["F3"].value
    hit = next(part for part in review if isinstance(part, TextBlock))
    assert hit.text == "storm" and hit.font.color.rgb == "FF9C5700"


def test_status_fills_dropdown_and_layout(report: Path) -> None:
    sheet = openpyxl.load_workbook(report)["Flagged"]
    assert sheet["A2"].fill.fgColor.rgb == "FFF8CBAD"   # pause
    assert sheet["A3"].fill.fgColor.rgb == "FFFFE699"   # review
    validations = sheet.data_validations.dataValidation
    assert len(validations) == 1
    assert validations[0].formula1 == '"pause,change,publish"'
    assert str(validations[0].sqref) == "G2:G4"
    assert sheet.freeze_panes == "B2"
    assert sheet.auto_filter.ref == "A1:V4"
    assert sheet.print_title_rows.replace("$", "") == "1:1"
    assert sheet.page_setup.orientation == "landscape" and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.column_dimensions["T"].hidden
    assert sheet["T2"].value == "0||2"
    assert sheet.row_dimensions[2].height >= 15


def test_all_posts_sheet_and_undated(report: Path) -> None:
    every = rows_of(openpyxl.load_workbook(report)["All posts"])
    assert [r["Row"] for r in every] == [2, 3, 5, 4, 6]
    undated = every[-1]
    assert undated["Date"] == "no date" and "not a date" in undated["Why"]


def test_summary_sheet(report: Path) -> None:
    sheet = openpyxl.load_workbook(report)["Summary"]
    values = {row[0].value: row[1].value for row in sheet.iter_rows() if row[0].value}
    assert values["contentcheck report"] is None
    assert values["CRISIS ACTIVE"] == "--term"
    assert values["Window"] == "24-11-2026 08:00 - 01-12-2026 08:00"
    assert values["pause"] == 1 and values["review"] == 2 and values["ok"] == 2
    assert "weer (1)" in values["Word lists"]
    assert sheet._charts or True  # openpyxl drops charts on load; checked in the XML below
    import zipfile
    with zipfile.ZipFile(report) as archive:
        assert any(name.startswith("xl/charts/chart") for name in archive.namelist())


def test_dutch_labels(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "k.csv", [["Datum", "Bericht"], ["25-11-2026", "trein"]])
    out = tmp_path / "r.xlsx"
    run("scan", calendar, "--term", "trein", "--no-shipped-lists", "--now", NOW,
        "--timezone", "Europe/Amsterdam", "-o", out, "--lang", "nl")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[:3] == ["Samenvatting", "Te beoordelen", "Alle berichten"]
    sheet = book["Te beoordelen"]
    assert sheet["A2"].value == "pauze" and sheet["G1"].value == "Besluit"
    assert sheet["F2"].value == "trein" and sheet["F2"].font.b   # a text that is all hit
    assert sheet.data_validations.dataValidation[0].formula1 == '"pauzeren,aanpassen,publiceren"'


def test_a_laptop_screen_shows_status_time_text_decision_and_new_text(tmp_path: Path) -> None:
    """On a 1366-pixel screen the reviewer sees, without scrolling sideways, everything up to
    the New text (Excel: a column of width w is w * 7 + 5 pixels in Calibri 11; the row
    numbers and the scroll bar take about 45 pixels); the frozen part is the status only."""
    calendar = write_csv(tmp_path / "k.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht", "Status", "Eigenaar", "Campagne"],
        ["24-11-2026", "08:24", "Instagram", "Kip van de week", "Ingepland", "Sanne", "Kerst"],
        ["24-11-2026", "12:00", "X", "Verse kip", "Concept", "", ""],
        ["26-11-2026", "", "X", "Hele kip, hele dag", "", "", ""]])
    out = tmp_path / "r.xlsx"
    run("scan", calendar, "--term", "kip", "--no-shipped-lists", "--now", NOW,
        "--timezone", "Europe/Amsterdam", "-o", out, "--lang", "nl")
    sheet = openpyxl.load_workbook(out)["Te beoordelen"]
    header = [c.value for c in sheet[1]]
    shown = header[: header.index("Nieuwe tekst") + 1]
    assert shown[:6] == ["Status", "Live over", "Datum", "Tijd", "Kanaal", "Bericht"]
    assert shown[-2:] == ["Besluit", "Nieuwe tekst"]
    letters = [c.column_letter for c in sheet[1]][: len(shown)]
    pixels = sum(sheet.column_dimensions[letter].width * 7 + 5 for letter in letters)
    assert pixels + 45 <= 1366, pixels
    assert sheet.freeze_panes == "B2"
    assert sheet.column_dimensions["A"].width >= len("pauze · nieuw")
    rows = rows_of(sheet)
    first = rows[0]
    assert (first["Live over"], first["Status kalender"], first["Eigenaar"], first["Campagne"]) == \
        ("24 min", "Ingepland", "Sanne", "Kerst")
    assert sheet["B2"].font.b and sheet["B2"].font.color.rgb == "FFC00000"  # within two hours
    assert (rows[1]["Live over"], rows[2]["Live over"]) == ("4 u", "2 d")
    assert not sheet["B3"].font.b
