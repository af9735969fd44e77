"""The Excel report's rows, written straight into the sheet XML (xlsx_rows), read back with
openpyxl: past Excel's row limit (set small here) the post sheets go on in "All posts (2)" ...
with their highlights, dropdown and filter, and apply reads a decision from any of them; text
Excel stores escaped comes back as written; a part past 2 GiB is written with ZIP64."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock

from contentcheck.report import xlsx_report
from tests.conftest import NOW, run, write_csv

HEADER = ["Datum", "Tijd", "Kanaal", "Bericht", "Status"]


def scan(calendar: Path, out: Path, *extra: str) -> None:
    result = run("scan", calendar, "--term", "trein", "--no-shipped-lists", "--now", NOW,
                 "--timezone", "Europe/Amsterdam", "-o", out, "--lang", "en", *extra)
    assert result.exit_code in (0, 1), result.stderr


def rows_of(sheet) -> list[dict]:
    header = [c.value for c in sheet[1]]
    return [dict(zip(header, (c.value for c in row))) for row in sheet.iter_rows(min_row=2)]


@pytest.fixture
def calendar(tmp_path: Path) -> Path:
    """Eight posts: three with the crisis term (one of them in a long text), five without."""
    rows = [HEADER]
    for day in range(8):
        text = f"Dag {day}: gewoon een fijne dag"
        if day in (1, 4, 6):
            text = f"Dag {day}: met de trein naar de kerstmarkt"
        rows.append([f"{24 + day // 3}-11-2026", f"{9 + day}:00", "Instagram", text, "Gepland"])
    return write_csv(tmp_path / "kalender.csv", rows)


def test_post_sheets_go_on_past_the_row_limit(calendar: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_report, "SHEET_ROWS", 4)  # a header and three posts a sheet
    out = tmp_path / "rapport.xlsx"
    scan(calendar, out)
    book = openpyxl.load_workbook(out, rich_text=True)
    assert book.sheetnames == ["Summary", "Flagged", "All posts", "All posts (2)",
                               "All posts (3)", "_contentcheck"]
    every = [row for name in ("All posts", "All posts (2)", "All posts (3)")
             for row in rows_of(book[name])]
    # every post once, in the report's order: the paused ones first, then by date
    assert [r["Row"] for r in every] == [3, 6, 8, 2, 4, 5, 7, 9]
    assert [r["Status"] for r in every] == ["pause"] * 3 + ["ok"] * 5
    assert [len(rows_of(book[name])) for name in book.sheetnames[2:5]] == [3, 3, 2]
    assert every[0]["Date"] == dt.datetime(2026, 11, 24, 10, 0)
    for name, last in (("Flagged", 4), ("All posts", 4), ("All posts (2)", 4),
                       ("All posts (3)", 3)):
        sheet = book[name]
        assert sheet["G1"].value == "Decision" and sheet.freeze_panes == "B2"
        validation = sheet.data_validations.dataValidation
        assert len(validation) == 1 and str(validation[0].sqref) == f"G2:G{last}"
        assert validation[0].formula1 == '"pause,change,publish"'
        assert sheet.auto_filter.ref == f"A1:V{last}"
        assert sheet.column_dimensions["T"].hidden
    # a paused post keeps its highlight on whichever sheet it is
    text = book["All posts"]["F2"].value
    assert isinstance(text, CellRichText)
    hits = [(p.text, p.font.color.rgb) for p in text if isinstance(p, TextBlock) and p.font.b]
    assert hits == [("trein", "FFC00000")]
    assert book["All posts (3)"]["A2"].fill.fgColor.rgb == "FFE2EFDA"  # ok


def test_apply_reads_a_decision_on_a_continued_sheet(calendar: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_report, "SHEET_ROWS", 4)
    out = tmp_path / "rapport.xlsx"
    scan(calendar, out)
    book = openpyxl.load_workbook(out)
    sheet = book["All posts (3)"]
    assert sheet["S2"].value == 7  # calendar row 7: an ok post, on the third sheet
    sheet["G2"].value = "pause"
    book.save(out)
    result = run("apply", out)
    assert result.exit_code == 1, result.stderr  # the three paused posts have no decision yet
    assert "1 pause, 3 paused without a decision" in result.stdout
    assert "row 7: paused" in result.stdout


def test_text_that_xml_or_excel_escapes_comes_back_as_written(tmp_path: Path) -> None:
    texts = ["Tom & Jerry <3 > alles", "regel een\nregel twee", "letterlijk _x0041_ in de tekst",
             "tab\tin de trein", "🚆" * 20_000]
    rows = [[f"2{4 + n}-11-2026", "12:00", "X", text, ""] for n, text in enumerate(texts)]
    calendar = write_csv(tmp_path / "k.csv", [HEADER, *rows], encoding="utf-8")
    out = tmp_path / "r.xlsx"
    scan(calendar, out)
    every = {r["Row"]: r["Post text"] for r in rows_of(openpyxl.load_workbook(out)["All posts"])}
    assert [every[n] for n in (2, 3, 5)] == [texts[0], texts[1], texts[3]]
    # a text that looks like Excel's own escape is stored with its underscore escaped, as
    # Excel does, so Excel shows it as typed (openpyxl shows what is stored)
    assert every[4] == "letterlijk _x005F_x0041_ in de tekst"
    # 20,000 emoji are 40,000 UTF-16 units: cut where Excel's 32,767 end, no half emoji
    assert set(every[6]) == {"🚆"} and len(every[6]) == 32_767 // 2


def test_a_part_past_the_zip_limit_is_written_with_zip64(calendar: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zipfile, "ZIP64_LIMIT", 2_000)  # the sheet parts are bigger than this
    out = tmp_path / "rapport.xlsx"
    scan(calendar, out)
    book = openpyxl.load_workbook(out)
    assert [r["Row"] for r in rows_of(book["Flagged"])] == [3, 6, 8]
    assert [r["Row"] for r in rows_of(book["All posts"])] == [3, 6, 8, 2, 4, 5, 7, 9]
    with zipfile.ZipFile(out) as archive:  # the sheet parts carry ZIP64 sizes
        assert archive.getinfo("xl/worksheets/sheet2.xml").extra


def test_summary_counts_channels_case_blind_and_days_in_one_pass(tmp_path: Path) -> None:
    """The summary's tables, counted in one pass over the posts: "tiktok" and "TikTok" are one
    channel under the spelling used most, each day and the undated posts a row."""
    calendar = write_csv(tmp_path / "k.csv", [
        HEADER,
        ["24-11-2026", "09:00", "TikTok", "Met de trein", ""],
        ["24-11-2026", "10:00", "tiktok", "Een fijne dag", ""],
        ["25-11-2026", "11:00", "TikTok", "Nog een fijne dag", ""],
        ["25-11-2026", "12:00", "Instagram", "Weer de trein", ""],
        ["n.t.b.", "", "Instagram", "Ooit", ""]])
    out = tmp_path / "r.xlsx"
    scan(calendar, out)
    sheet = openpyxl.load_workbook(out)["Summary"]
    rows = [[c.value for c in row[:4]] for row in sheet.iter_rows()]

    def table(title: str) -> list[list]:
        start = next(n for n, row in enumerate(rows) if row[0] == title)
        assert rows[start][1:] == ["pause", "review", "ok"]
        end = next(n for n in range(start + 1, len(rows)) if rows[n][0] is None)
        return rows[start + 1:end]

    assert table("Posts by channel") == [["Instagram", 1, 0, 1], ["TikTok", 1, 0, 2]]
    assert table("Posts by day") == [["2026-11-24", 1, 0, 1], ["2026-11-25", 1, 0, 1],
                                     ["no date", 0, 0, 1]]
    counts = {row[0]: row[1] for row in rows if row[0] in ("pause", "review", "ok", "Total")}
    assert counts == {"pause": 2, "review": 0, "ok": 3, "Total": 5}
