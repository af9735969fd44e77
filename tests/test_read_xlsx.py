"""Reading workbooks as teams keep them: several sheets, title rows, Dutch headers, mixed dates."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from contentcheck.calendar import ReadOptions, read_calendar
from contentcheck.calendar.columns import Role
from tests.conftest import AMSTERDAM, NOW, run, sha256, write_xlsx

OPTIONS = ReadOptions(timezone=AMSTERDAM, reference=dt.date(2026, 11, 24))
FIXTURES = Path(__file__).parent / "fixtures"


def by_row(calendar, sheet: str) -> dict:
    return {post.row: post for post in calendar.posts if post.sheet == sheet}


def test_sheets_title_rows_week_rows_and_row_numbers(dutch_calendar: Path) -> None:
    calendar = read_calendar(dutch_calendar, OPTIONS)
    assert calendar.kind == "xlsx"
    assert calendar.sheets == ["November", "December"]
    assert any("Instructies" in note and "skipped" in note for note in calendar.notes)
    november = by_row(calendar, "November")
    # header on row 3, "Week 48" on row 4 is a section row, not a post
    assert sorted(november) == [5, 6, 7, 8, 9, 12, 13]
    assert november[5].text == "Met de trein naar de kerstmarkt!"
    assert november[5].channel == "Instagram"
    assert november[5].status == "Gepland"


def test_every_text_bearing_column_is_a_field(dutch_calendar: Path) -> None:
    post = by_row(read_calendar(dutch_calendar, OPTIONS), "November")[5]
    names = [f.name for f in post.fields]
    assert names[0] == "Bericht"
    assert {"Hashtags", "Link", "Afbeelding (alt-tekst)"} <= set(names)
    # not published, so not scanned: who made it, its status, its internal campaign name
    assert not {"Eigenaar", "Status", "Kanaal", "Campagne"} & set(names)
    assert dict(post.extra) == {"Eigenaar": "Sanne", "Campagne": "Kerst"}


@pytest.mark.parametrize("sheet,row,expected,all_day", [
    ("November", 5, dt.datetime(2026, 11, 24, 9, 30), False),   # date cell + time cell
    ("November", 6, dt.datetime(2026, 11, 24, 9, 30), False),   # date cell + "09.30"
    ("November", 8, dt.datetime(2026, 11, 25, 9, 30), False),   # date cell + "9:30"
    ("November", 12, dt.datetime(2026, 11, 30, 18, 0), False),  # datetime cell, no time
    ("December", 3, dt.datetime(2026, 11, 27, 12, 0), False),   # text date + text time
    ("December", 4, dt.datetime(2026, 11, 28, 14, 15), False),  # text date-time in one cell
    ("December", 6, dt.datetime(2026, 11, 29, 0, 0), True),     # ISO date, no time: whole day
])
def test_dates_in_every_style(dutch_calendar: Path, sheet: str, row: int,
                              expected: dt.datetime, all_day: bool) -> None:
    post = by_row(read_calendar(dutch_calendar, OPTIONS), sheet)[row]
    assert post.scheduled_at == expected.replace(tzinfo=AMSTERDAM)
    assert post.all_day is all_day
    assert post.warnings == ()


def test_unreadable_date_is_kept_with_a_warning(dutch_calendar: Path) -> None:
    post = by_row(read_calendar(dutch_calendar, OPTIONS), "December")[5]
    assert post.scheduled_at is None
    assert post.text == "Nog geen datum, wel een trein"
    assert "'n.t.b.' is not a date" in post.warnings[0] and "Datum" in post.warnings[0]


def test_reading_never_writes_the_file(dutch_calendar: Path) -> None:
    before = sha256(dutch_calendar), dutch_calendar.stat().st_mtime_ns
    read_calendar(dutch_calendar, OPTIONS)
    assert (sha256(dutch_calendar), dutch_calendar.stat().st_mtime_ns) == before


def test_english_headers_and_hidden_sheet(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "plan.xlsx", {
        "Plan": [["Publish date", "Network", "Caption", "First comment", "Alt text"],
                 [dt.datetime(2026, 11, 25, 10, 0), "LinkedIn", "Hello", "Link in bio", "A train"]],
        "Old": [["Date", "Post"], [dt.datetime(2026, 11, 25, 10, 0), "hidden post"]],
    }, hidden=["Old"])
    calendar = read_calendar(path, OPTIONS)
    assert calendar.sheets == ["Plan"]
    assert any("'Old'" in note and "hidden" in note for note in calendar.notes)
    post = calendar.posts[0]
    assert [f.name for f in post.fields] == ["Caption", "First comment", "Alt text"]
    assert post.channel == "LinkedIn" and post.row == 2


def test_column_names_given_by_the_user(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "odd.xlsx", {
        "Blad1": [["Wanneer precies", "Wat we zeggen", "Waar"],
                  ["25-11-2026", "Eigen kolomnamen", "X"]]})
    options = ReadOptions(timezone=AMSTERDAM, columns={Role.TEXT: "Wat we zeggen",
                                                       Role.DATE: "Wanneer precies",
                                                       Role.CHANNEL: "Waar"})
    post = read_calendar(path, options).posts[0]
    assert post.text == "Eigen kolomnamen" and post.channel == "X"
    assert post.scheduled_at == dt.datetime(2026, 11, 25, tzinfo=AMSTERDAM)


def test_a_named_column_a_sheet_lacks_leaves_that_sheet_read_by_its_own_names(
        tmp_path: Path) -> None:
    """December says "Campagnetekst", November "Bericht": `--text-column Campagnetekst` reads
    December by it and November by its own header (with a note), instead of skipping
    November's posts with one warning line. A name that no sheet has is still an error."""
    path = write_xlsx(tmp_path / "kal.xlsx", {
        "November": [["Datum", "Tijd", "Kanaal", "Bericht"],
                     ["25-11-2026", "09:00", "X", "Met de trein naar de kerstmarkt"]],
        "December": [["Datum", "Tijd", "Kanaal", "Campagnetekst"],
                     ["01-12-2026", "09:00", "X", "Kerstpakketten"]],
        "Team": [["Naam", "Rol"], ["Sanne", "Social"]],
    })
    calendar = read_calendar(path, ReadOptions(timezone=AMSTERDAM, reference=dt.date(2026, 11, 24),
                                               columns={Role.TEXT: "Campagnetekst"}))
    assert [(p.sheet, p.text) for p in calendar.posts] == [
        ("November", "Met de trein naar de kerstmarkt"), ("December", "Kerstpakketten")]
    assert "sheet 'November' has no column 'Campagnetekst': its columns were recognised by " \
           "their own names" in calendar.notes, calendar.notes
    assert any(note.startswith("sheet 'Team' skipped") for note in calendar.notes)
    result = run("scan", path, "--text-column", "Copy", "--now", NOW, "--timezone",
                 "Europe/Amsterdam", "--no-shipped-lists")
    assert result.exit_code == 2 and "'Copy'" in result.stderr, result.stderr


def test_xlsm_is_read_like_xlsx(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "macro.xlsm", {"Kalender": [["Datum", "Tekst"], ["25-11-2026", "Hoi"]]})
    assert [p.text for p in read_calendar(path, OPTIONS).posts] == ["Hoi"]


def test_serial_numbers_in_a_text_date_column(tmp_path: Path) -> None:
    # An unformatted date cell holds Excel's serial number: 46350 is 24-11-2026.
    path = write_xlsx(tmp_path / "serial.xlsx", {"K": [["Datum", "Tekst"], [46350, "Serieel"]]})
    post = read_calendar(path, OPTIONS).posts[0]
    assert post.scheduled_at == dt.datetime(2026, 11, 24, tzinfo=AMSTERDAM) and post.all_day


@pytest.mark.parametrize("name,kind", [("kalender.ods", "ods"), ("kalender.xls", "xls")])
def test_libreoffice_and_legacy_excel_files(name: str, kind: str) -> None:
    calendar = read_calendar(Path(__file__).parent / "fixtures" / name, OPTIONS)
    assert calendar.kind == kind and calendar.sheets == ["Kalender"]
    assert [(p.row, p.scheduled_at, p.text) for p in calendar.posts] == [
        (4, dt.datetime(2026, 11, 25, 9, 30, tzinfo=AMSTERDAM), "Met de trein naar Aken"),
        (5, dt.datetime(2026, 11, 26, 14, 0, tzinfo=AMSTERDAM), "Oliebollen!")]


@pytest.mark.parametrize("header,expected", [
    (["Week", "Dag", "Datum", "Tijd", "Kanaal", "Bericht"], {"date": 2, "time": 3, "text": 5}),
    (["Datum aanvraag", "Publicatiedatum", "Bericht"], {"date": 1, "text": 2}),
    (["Date Created", "Caption", "Publish Date"], {"date": 2, "text": 1}),
    (["Post type", "Post ID", "Caption", "Datum"], {"date": 3, "text": 2}),
    (["Datum", "Tijd besteed", "Tijd", "Bericht"], {"date": 0, "time": 2, "text": 3}),
    (["Datum", "Copy (NL)", "Copy (EN)"], {"date": 0, "text": 1}),
    (["Datum", "Publicatiedatum", "Kanaal", "Bericht"], {"date": 1, "text": 3}),   # logged vs published
    (["Publish date", "Date", "Post"], {"date": 0, "text": 2}),
    (["Datum", "Omschrijving"], {"date": 0, "text": 1}),
])
def test_the_best_fitting_column_wins(header: list[str], expected: dict[str, int]) -> None:
    from contentcheck.calendar.columns import build_column_map

    roles = {role.value: index for role, index in build_column_map(header).roles.items()
             if role.value in ("date", "time", "text")}
    assert roles == expected


def test_columns_without_a_header_are_scanned(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "blank.xlsx", {"K": [["Datum", "Bericht", None],
                                                      ["25-11-2026", "Hallo", "neem de trein!"]]})
    post = read_calendar(path, OPTIONS).posts[0]
    assert [(f.name, f.text) for f in post.fields] == [("Bericht", "Hallo"), ("column C", "neem de trein!")]


def merged_workbook(folder: Path, suffix: str) -> Path:
    """A week's plan with merged cells, written by openpyxl; for .ods and .xls converted by
    LibreOffice itself, so each format is as its own program writes it."""
    import shutil
    import subprocess

    import openpyxl

    path = folder / "merged.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Kalender"
    for row in (["Planning week 48"], ["Datum", "Kanaal", "Bericht"], ["Week 48"],
                ["25-11-2026", "Instagram", "Met de trein naar Aken"], [None, "Facebook", None],
                [None, "LinkedIn", None], ["26-11-2026", "X", "Iets anders"]):
        sheet.append(row)
    sheet.merge_cells("A1:C1")   # a title across the row stays one cell
    sheet.merge_cells("A3:C3")   # and so does a section label
    sheet.merge_cells("A4:A6")   # the date of three rows
    sheet.merge_cells("C4:C6")   # one text for three channels
    book.save(path)
    if suffix == ".xlsx":
        return path
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice (soffice) is needed to write a real .ods/.xls")
    subprocess.run([office, "--headless", f"-env:UserInstallation=file://{folder}/lo-profile",
                    "--convert-to", suffix[1:], "--outdir", str(folder), str(path)],
                   check=True, capture_output=True, timeout=180)
    return path.with_suffix(suffix)


@pytest.mark.parametrize("suffix", [".xlsx", ".ods", ".xls"])
def test_vertically_merged_cells_belong_to_every_row(tmp_path: Path, suffix: str) -> None:
    path = merged_workbook(tmp_path, suffix)
    posts = read_calendar(path, OPTIONS).posts
    assert [(p.row, p.channel, p.text, p.scheduled_at.day) for p in posts] == [
        (4, "Instagram", "Met de trein naar Aken", 25), (5, "Facebook", "Met de trein naar Aken", 25),
        (6, "LinkedIn", "Met de trein naar Aken", 25), (7, "X", "Iets anders", 26)]


def test_damaged_ods_content_is_an_error_naming_the_file(tmp_path: Path) -> None:
    import zipfile

    from contentcheck.calendar.ods import ods_merged_ranges
    from contentcheck.errors import CalendarError

    path = tmp_path / "kapot.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content xmlns:office='x'><unclosed>")
    with pytest.raises(CalendarError) as error:
        ods_merged_ranges(str(path), path.read_bytes())
    assert str(error.value).startswith(f"{path}: cannot be read as an OpenDocument spreadsheet")


def test_an_old_xls_named_xlsx_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "renamed.xlsx"
    path.write_bytes((Path(__file__).parent / "fixtures" / "kalender.xls").read_bytes())
    assert [p.text for p in read_calendar(path, OPTIONS).posts] == ["Met de trein naar Aken", "Oliebollen!"]


def test_a_second_header_row_names_the_columns(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "twoheader.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["Datum", "Kanaal", "Tekst", None], [None, None, "NL", "EN"],
                ["25-11-2026", "LinkedIn", "Met de trein", "By train"]):
        sheet.append(row)
    sheet.merge_cells("C1:D1")
    book.save(path)
    calendar = read_calendar(path, OPTIONS)
    assert [(p.row, [(f.name, f.text) for f in p.fields]) for p in calendar.posts] == [
        (3, [("Tekst NL", "Met de trein"), ("Tekst EN", "By train")])]


def test_a_second_header_row_under_headers_merged_down(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "twoheader_merged.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["Datum", "Kanaal", "Tekst", None, "Status"], [None, None, "NL", "EN", None],
                ["25-11-2026", "LinkedIn", "Met de trein", "By train", "Gepland"],
                [None, None, None, None, None]):
        sheet.append(row)
    for cells in ("A1:A2", "B1:B2", "E1:E2", "C1:D1", "C3:C4"):   # C3:C4 runs over a spacer row
        sheet.merge_cells(cells)
    book.save(path)
    posts = read_calendar(path, OPTIONS).posts
    assert [(p.row, [(f.name, f.text) for f in p.fields]) for p in posts] == [
        (3, [("Tekst NL", "Met de trein"), ("Tekst EN", "By train")])]


def test_formulas_without_a_saved_result_are_checked_by_their_text(tmp_path: Path) -> None:
    """openpyxl (like other scripts) saves formulas without their result: the post is not
    dropped, its formula text is checked, and the note names the cells."""
    path = write_xlsx(tmp_path / "script.xlsx", {"K": [["Datum", "Bericht"],
                                                       ["25-11-2026", '=CONCAT("met de ","trein")'],
                                                       ["26-11-2026", "Gewoon"],
                                                       ["27-11-2026", '="Oliebollen "&"terug"']]})
    calendar = read_calendar(path, OPTIONS)
    assert [p.text for p in calendar.posts] == ['=CONCAT("met de ","trein")', "Gewoon",
                                                '="Oliebollen "&"terug"']
    assert any(note.startswith("sheet 'K': 2 formula cell(s) have no saved result (B2, B4)")
               for note in calendar.notes), calendar.notes
    result = run("scan", path, "--term", "trein", "--no-shipped-lists", "--now", NOW,
                 "--timezone", "Europe/Amsterdam", "--format", "json")
    flagged = [p for p in json.loads(result.stdout)["posts"] if p["status"] == "pause"]
    assert [(p["row"], p["matches"][0]["matched"]) for p in flagged] == [(2, "trein")]
    plain = write_xlsx(tmp_path / "plain.xlsx", {"K": [["Datum", "Bericht"], ["25-11-2026", "Hoi"]]})
    assert not any("formula" in note for note in read_calendar(plain, OPTIONS).notes)


def test_formulas_saved_with_their_result_read_the_result() -> None:
    """The same kind of formulas saved by a spreadsheet program (LibreOffice here) carry their
    result: that is what is read, and there is nothing to say. An empty result (a template's
    =IF(...,"#korenaar","") copied down rows without a post) is empty, not a post."""
    calendar = read_calendar(FIXTURES / "formules.xlsx", OPTIONS)
    assert [[f.text for f in p.fields] for p in calendar.posts] == [
        ["Met de trein naar de markt"], ["Gewoon bericht", "#korenaar"], ["Oliebollen zijn terug"]]
    assert not any("formula" in note for note in calendar.notes)


def test_shared_formulas_take_the_text_of_their_first_cell() -> None:
    """Excel stores a formula filled down once, on its first cell; the others refer to it."""
    from contentcheck.calendar.formulas import _cells

    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    xml = (f'<worksheet xmlns="{main}"><sheetData><row r="2">'
           '<c r="C2" t="str"><f t="shared" ref="C2:C3" si="0">"Met de trein "&amp;A2</f></c>'
           '</row><row r="3"><c r="C3" t="str"><f t="shared" si="0"/></c>'
           '<c r="D3" t="str"><f>"saved"</f><v>saved</v></c></row></sheetData></worksheet>')
    assert _cells(xml.encode()) == [(1, 2, "C2", '"Met de trein "&A2'), (2, 2, "C3", '"Met de trein "&A2')]


def test_formula_cells_without_a_reference_are_placed_by_order() -> None:
    """The file format lets a writer leave out a cell's and a row's reference."""
    from contentcheck.calendar.formulas import _cells

    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    xml = (f'<worksheet xmlns="{main}"><sheetData><row r="1"><c t="s"><v>0</v></c><c t="s"><v>1</v>'
           '</c></row><row><c><v>46000</v></c><c><f>"Met de trein"</f></c></row>'
           '<row r="7"><c r="B7" t="str"><f>""</f><v></v></c><c><f>"bus"</f><v/></c></row>'
           '</sheetData></worksheet>')
    assert _cells(xml.encode()) == [(1, 1, "B2", '"Met de trein"'), (6, 2, "C7", '"bus"')]


def test_a_sheet_with_a_calendar_header_but_no_text_column_is_an_error(tmp_path: Path) -> None:
    """QA: November says "Bericht", December (a colleague's) says "Campagnetekst". Beside
    November, December was "skipped: no calendar header row (no text column)", one warning,
    exit 0, though its header has Datum, Tijd and Kanaal and five posts said "trein". A sheet
    with a calendar's header and no text column is an error naming the sheet, as it is alone."""
    december = [[dt.datetime(2026, 11, 25 + day), "09:00", "X", f"Met de trein, dag {day}"]
                for day in range(1, 6)]
    calendar = write_xlsx(tmp_path / "kal.xlsx", {
        "Uitleg": [["Vul hieronder de posts in"], ["Datum: dd-mm-jjjj"]],
        "November": [["Datum", "Tijd", "Kanaal", "Bericht"],
                     [dt.datetime(2026, 11, 25), "09:00", "X", "Fijne woensdag"]],
        "December": [["Datum", "Tijd", "Kanaal", "Campagnetekst"], *december],
    })
    result = run("scan", calendar, "--term", "trein", "--no-shipped-lists", "--now", NOW,
                 "--timezone", "Europe/Amsterdam", "--lang", "en")
    assert result.exit_code == 2, result.stdout
    assert "December" in result.stderr and "no text column" in result.stderr, result.stderr
    assert "--text-column" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    named = run("scan", calendar, "--term", "trein", "--no-shipped-lists", "--now", NOW,
                "--timezone", "Europe/Amsterdam", "--text-column", "Campagnetekst")
    assert named.exit_code == 1, named.stderr  # November is skipped, said; December is read
