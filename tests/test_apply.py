"""`contentcheck apply`: reviewed decisions become a corrected copy in the calendar's own format."""

from __future__ import annotations

import csv
import io

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import NOW, run, scan_json, sha256, write_csv, write_xlsx

HEADER = ["Datum", "Tijd", "Kanaal", "Bericht", "Status"]
ROWS = [["24-11-2026", "12:00", "Instagram", "Met de trein naar de kerstmarkt", "Gepland"],
        ["25-11-2026", "09:00", "Facebook", "Treinkaartjes met korting", "Gepland"],
        ["26-11-2026", "10:00", "X", "Volgende week de trein", ""],
        ["27-11-2026", "10:00", "X", "Gewoon een fijne dag", "Concept"]]


def scan_to_report(calendar: Path, report: Path, *extra: str) -> None:
    result = run("scan", calendar, "--term", "trein", "--no-shipped-lists", "--now", NOW,
                 "--timezone", "Europe/Amsterdam", "-o", report, *extra)
    assert result.exit_code in (0, 1), result.stderr


def column(sheet, label: str) -> int:
    """The report column with this header (1-based), wherever the layout puts it."""
    return next(cell.column for cell in sheet[1] if cell.value == label)


def decide(report: Path, decisions: dict[int, tuple[str | None, str | None]],
           sheet_index: int = 1) -> None:
    """Fill Decision and New text on the Flagged sheet as a reviewer does in Excel."""
    book = openpyxl.load_workbook(report)
    sheet = book.worksheets[sheet_index]
    for row, (decision, new_text) in decisions.items():
        sheet.cell(row, column(sheet, "Decision")).value = decision
        cell = sheet.cell(row, column(sheet, "New text"))
        cell.value = new_text  # None clears what an earlier round wrote
        cell.data_type = "s" if new_text else cell.data_type
    book.save(report)


def flagged_rows(report: Path) -> dict[int, int]:
    """Calendar row -> report row on the Flagged sheet."""
    sheet = openpyxl.load_workbook(report).worksheets[1]
    at = column(sheet, "Row") - 1
    return {row[at].value: index for index, row in enumerate(sheet.iter_rows(min_row=2), start=2)}


def test_xlsx_round_trip(tmp_path: Path) -> None:
    calendar = write_xlsx(tmp_path / "kalender.xlsx", {
        "Uitleg": [["Vul de kalender in"]],
        "November": [["Kalender november"], [], HEADER, *ROWS]})
    book = openpyxl.load_workbook(calendar)
    book["November"].column_dimensions["D"].width = 55
    book.save(calendar)
    before = sha256(calendar)
    report = tmp_path / "rapport.xlsx"
    scan_to_report(calendar, report)
    at = flagged_rows(report)
    decide(report, {at[4]: ("pause", None), at[5]: ("change", "=Kortingskaartjes, nu!"),
                    at[6]: ("publish", None)})
    result = run("apply", report)
    assert result.exit_code == 0, result.stderr
    copy = tmp_path / "kalender-checked.xlsx"
    assert "row 4: paused (status 'Gepland' -> 'Gepauzeerd')" in result.stdout  # a Dutch calendar
    assert "row 5: new text '=Kortingskaartjes, nu!'" in result.stdout
    assert "1 change, 1 pause, 1 publish; written to" in result.stdout
    assert sha256(calendar) == before
    original, checked = openpyxl.load_workbook(calendar), openpyxl.load_workbook(copy)
    assert checked.sheetnames == ["Uitleg", "November"]
    assert checked["November"].column_dimensions["D"].width == 55
    changed = {("E", 4): "Gepauzeerd", ("D", 5): "=Kortingskaartjes, nu!"}
    for row in original["November"].iter_rows():
        for cell in row:
            expected = changed.get((cell.column_letter, cell.row), cell.value)
            assert checked["November"][cell.coordinate].value == expected, cell.coordinate
    assert checked["November"]["D5"].data_type == "s"
    rescan = run("scan", copy, "--term", "trein", "--no-shipped-lists", "--now", NOW,
                 "--timezone", "Europe/Amsterdam", "--format", "json")
    posts = {post["row"]: post for post in json.loads(rescan.stdout)["posts"]}
    assert 4 not in posts          # paused: no longer upcoming
    assert 5 in posts and [post["status"] for post in posts.values()].count("pause") == 1


def test_csv_round_trip_keeps_bytes_encoding_and_delimiter(tmp_path: Path) -> None:
    rows = [HEADER, *ROWS, ["28-11-2026", "10:00", "X", "Crème brûlée, één keer; €5", "Gepland"]]
    calendar = write_csv(tmp_path / "kalender.csv", rows, delimiter=";", encoding="cp1252")
    report = tmp_path / "rapport.xlsx"
    scan_to_report(calendar, report)
    at = flagged_rows(report)
    decide(report, {at[2]: ("pauzeren", None), at[3]: ("aanpassen", "Kaartjes met korting; café"),
                    at[4]: ("publiceren", None)})
    assert run("apply", report, "-o", tmp_path / "nieuw.csv").exit_code == 0
    old_lines = calendar.read_bytes().split(b"\r\n")
    new_lines = (tmp_path / "nieuw.csv").read_bytes().split(b"\r\n")
    assert len(old_lines) == len(new_lines)
    assert new_lines[1] == "24-11-2026;12:00;Instagram;Met de trein naar de kerstmarkt;Gepauzeerd".encode("cp1252")
    assert new_lines[2] == '25-11-2026;09:00;Facebook;"Kaartjes met korting; café";Gepland'.encode("cp1252")
    for index in (0, 3, 4, 5, 6):
        assert new_lines[index] == old_lines[index]


def test_hootsuite_bulk_file_leaves_paused_posts_out(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "bulk.csv", [
        ["24/11/2026 12:00", "Met de trein naar Aken", "https://example.nl/a"],
        ["25/11/2026 12:00", "Trein naar Keulen", ""],
        ["26/11/2026 12:00", "Gewone post", ""]], delimiter=",", encoding="utf-8", newline="\n")
    report = tmp_path / "r.xlsx"
    scan_to_report(calendar, report)
    at = flagged_rows(report)
    decide(report, {at[1]: ("pause", None), at[2]: ("change", "Bus naar Keulen")})
    result = run("apply", report)
    assert result.exit_code == 0, result.stderr
    assert "left out of the upload file" in result.stdout
    assert (tmp_path / "bulk-checked.csv").read_text(encoding="utf-8") == (
        "25/11/2026 12:00,Bus naar Keulen,\n26/11/2026 12:00,Gewone post,\n")


def test_csv_without_status_column_gets_one(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "k.csv", [["Date", "Post"], ["25-11-2026", "trein"],
                                              ["26-11-2026", "fiets"]], delimiter=",", encoding="utf-8")
    report = tmp_path / "r.xlsx"
    scan_to_report(calendar, report)
    decide(report, {2: ("pause", None)})
    result = run("apply", report)
    assert "added a Status column" in result.stdout
    assert (tmp_path / "k-checked.csv").read_bytes() == (
        b"Date,Post,Status\r\n25-11-2026,trein,Paused\r\n26-11-2026,fiets,\r\n")  # English headers


def test_an_added_status_never_writes_over_notes_in_a_column_without_a_header(tmp_path: Path) -> None:
    calendar = write_xlsx(tmp_path / "k.xlsx", {"Planning": [
        ["Datum", "Tijd", "Kanaal", "Bericht"],
        [dt.datetime(2026, 11, 25), "12:00", "X", "Met de trein naar Aken"],
        [dt.datetime(2026, 11, 26), "12:00", "X", "Fietsen door de duinen", None, None,
         "bel Joris eerst"]]})
    report = tmp_path / "r.xlsx"
    scan_to_report(calendar, report)
    decide(report, {2: ("pause", None)})
    result = run("apply", report)
    assert "added a Status column" in result.stdout
    sheet = openpyxl.load_workbook(tmp_path / "k-checked.xlsx").active
    assert sheet.cell(3, 7).value == "bel Joris eerst"
    assert sheet.cell(1, 8).value == "Status" and sheet.cell(2, 8).value == "Gepauzeerd"


def make_old_report(report: Path) -> None:
    """The report as versions before post fingerprints wrote it: no fingerprint column, no
    list of flagged posts in the hidden metadata."""
    book = openpyxl.load_workbook(report)
    meta = book["_contentcheck"]
    data = json.loads("".join(row[0].value for row in meta.iter_rows() if row[0].value))
    for key in ("flagged", "window"):
        data.pop(key)
    meta.delete_rows(1, meta.max_row)
    meta["A1"] = json.dumps(data)
    for sheet in book.worksheets[1:3]:
        labels = [cell.value for cell in sheet[1]]
        sheet.delete_cols(labels.index("post fingerprint") + 1)
    book.save(report)


def test_an_old_report_is_refused_when_the_calendar_changed(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "k.csv", [HEADER, *ROWS])
    report = tmp_path / "r.xlsx"
    scan_to_report(calendar, report)
    decide(report, {2: ("pause", None)})
    make_old_report(report)
    calendar.write_bytes(calendar.read_bytes() + b"29-11-2026;10:00;X;Nieuw;\r\n")
    result = run("apply", report)
    assert result.exit_code == 2 and "or it changed since (its content differs)" in result.stderr
    assert not (tmp_path / "k-checked.csv").exists()


def test_an_old_report_still_applies_to_an_unchanged_calendar(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "k.csv", [HEADER, *ROWS])
    report = tmp_path / "r.xlsx"
    scan_to_report(calendar, report)
    at = flagged_rows(report)
    decide(report, {at[2]: ("pause", None), at[3]: ("publish", None), at[4]: ("publish", None)})
    make_old_report(report)
    result = run("apply", report)
    assert result.exit_code == 0, result.output
    assert "row 2: paused" in result.stdout


@pytest.mark.parametrize("decisions,fragment", [
    ({2: ("misschien", None)}, "'misschien' is not a decision"),
    ({2: ("change", None)}, "needs a new text"),
    ({2: ("publish", "andere tekst")}, "a new text with decision 'publish'"),
])
def test_unreadable_decisions(tmp_path: Path, decisions: dict, fragment: str) -> None:
    calendar = write_csv(tmp_path / "k.csv", [HEADER, *ROWS])
    report = tmp_path / "r.xlsx"
    scan_to_report(calendar, report)
    decide(report, decisions)
    result = run("apply", report)
    assert result.exit_code == 2
    line = result.stderr.strip()
    assert fragment in line and "r.xlsx" in line and "'Flagged'" in line and "row 2" in line
    assert "Decision" in line or "New text" in line
    assert not (tmp_path / "k-checked.csv").exists()


def test_conflicting_decisions_on_two_sheets(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "k.csv", [HEADER, *ROWS])
    report = tmp_path / "r.xlsx"
    scan_to_report(calendar, report)
    decide(report, {2: ("pause", None)}, sheet_index=1)
    decide(report, {2: ("publish", None)}, sheet_index=2)
    result = run("apply", report)
    assert result.exit_code == 2 and "different decision" in result.stderr


def test_new_text_the_encoding_cannot_hold(tmp_path: Path) -> None:
    rows = [HEADER, *ROWS, ["28-11-2026", "10:00", "X", "Café", ""]]  # not ASCII: read as cp1252
    calendar = write_csv(tmp_path / "k.csv", rows, encoding="cp1252")
    report = tmp_path / "r.xlsx"
    scan_to_report(calendar, report)
    decide(report, {2: ("change", "Met de bus 🚌")})
    result = run("apply", report)
    assert result.exit_code == 2 and "cp1252 cannot hold" in result.stderr
    assert not (tmp_path / "k-checked.csv").exists()


def test_never_over_the_calendar_and_only_our_reports(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "k.csv", [HEADER, *ROWS])
    report = tmp_path / "r.xlsx"
    scan_to_report(calendar, report)
    decide(report, {2: ("pause", None)})
    before = sha256(calendar)
    result = run("apply", report, "-o", calendar)
    assert result.exit_code == 2 and "would overwrite" in result.stderr and sha256(calendar) == before
    other = write_xlsx(tmp_path / "other.xlsx", {"K": [["a"]]})
    result = run("apply", other)
    assert result.exit_code == 2 and "not a contentcheck report" in result.stderr


def test_a_merged_text_cell_is_not_changed_for_one_post(tmp_path: Path) -> None:
    calendar = tmp_path / "merged.xlsx"
    book = openpyxl.Workbook()
    for row in (["Datum", "Kanaal", "Bericht", "Status"], ["25-11-2026", "Instagram", "De trein!", "Gepland"],
                ["25-11-2026", "Facebook", None, "Gepland"]):
        book.active.append(row)
    book.active.merge_cells("C2:C3")
    book.save(calendar)
    report = tmp_path / "r.xlsx"
    scan_to_report(calendar, report)
    decide(report, {3: ("change", "De bus!")})
    result = run("apply", report)
    assert result.exit_code == 2 and "merged with other rows" in result.stderr
    assert not (tmp_path / "merged-checked.xlsx").exists()


def test_the_pause_word_follows_most_of_the_headers(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "k.csv", [["Datum", "Time", "Channel", "Post", "Status"],
                                              ["25-11-2026", "10:00", "X", "trein", "Scheduled"]],
                         delimiter=",", encoding="utf-8")
    report = tmp_path / "r.xlsx"
    scan_to_report(calendar, report)
    decide(report, {2: ("pause", None)})
    assert run("apply", report).exit_code == 0
    assert (tmp_path / "k-checked.csv").read_text(encoding="utf-8").splitlines()[1].endswith(",Paused")


def test_a_new_text_goes_only_where_the_hits_are(tmp_path: Path) -> None:
    """A bilingual calendar: New text replaces the main text. When the hits are only in the
    English column, putting the reviewer's text in the Dutch one would be wrong: apply refuses,
    naming the report's cell; when both have hits, the new text would leave the English
    crisis hit to go out (QA9): the post stays paused, listed, the new text not written."""
    calendar = write_xlsx(tmp_path / "kalender.xlsx", {"November": [
        ["Datum", "Kanaal", "Bericht", "Bericht EN"],
        ["24-11-2026", "X", "Met de bus naar de markt", "By train to the market"],
        ["25-11-2026", "X", "Met de trein naar de markt", "By train to the market"]]})
    report = tmp_path / "rapport.xlsx"
    result = run("scan", calendar, "--term", "trein", "--term", "train", "--no-shipped-lists",
                 "--now", NOW, "--timezone", "Europe/Amsterdam", "-o", report)
    assert result.exit_code == 1, result.stderr
    at = flagged_rows(report)
    decide(report, {at[2]: ("change", "Met de fiets naar de markt")})
    refused = run("apply", report)
    assert refused.exit_code == 2 and not (tmp_path / "kalender-checked.xlsx").exists()
    assert f"row {at[2]}" in refused.stderr and "'Bericht EN'" in refused.stderr
    assert "replaces 'Bericht'" in refused.stderr and refused.stderr.count("\n") == 1

    decide(report, {at[2]: ("pause", None), at[3]: ("change", "Met de fiets naar de markt")})
    done = run("apply", report)
    assert done.exit_code == 1, done.stderr
    assert "a new text replaces 'Bericht' only, and 'Bericht EN' still hit 'train'" in done.stdout
    copy = openpyxl.load_workbook(tmp_path / "kalender-checked.xlsx")["November"]
    assert [copy["C3"].value, copy["D3"].value] == ["Met de trein naar de markt", "By train to the market"]
    assert copy["E3"].value == "Gepauzeerd"


def test_a_report_without_the_hit_fields_column_still_applies(tmp_path: Path) -> None:
    """Reports written before the hidden 'fields with hits' column existed keep working."""
    calendar = write_csv(tmp_path / "kalender.csv", [HEADER, *ROWS], delimiter=";")
    report = tmp_path / "rapport.xlsx"
    scan_to_report(calendar, report)
    book = openpyxl.load_workbook(report)
    for sheet in book.worksheets[1:3]:
        labels = [cell.value for cell in sheet[1]]
        sheet.delete_cols(labels.index("fields with hits") + 1)
    book.save(report)
    at = flagged_rows(report)
    decide(report, {at[3]: ("change", "Kortingskaartjes met de bus"), at[2]: ("publish", None),
                    at[4]: ("publish", None)})
    result = run("apply", report)
    assert result.exit_code == 0, result.stderr
    assert "Kortingskaartjes met de bus" in (tmp_path / "kalender-checked.csv").read_text(encoding="utf-8")


def test_a_utf8_csv_with_a_stray_windows_byte_keeps_it(tmp_path: Path) -> None:
    """Scan reads a UTF-8 export with one cp1252 byte in it (with a note); apply keeps that
    byte as it was, in untouched records and in the other fields of a changed one."""
    data = ("Datum;Tijd;Kanaal;Bericht;Status;Eigenaar\r\n"
            "24-11-2026;12:00;X;Met de trein naar de kerstmarkt;Gepland;Ren").encode() + b"\xe9e\r\n" + \
        b"25-11-2026;09:00;X;Treinkaartjes voor het caf\xe9;Gepland;Sanne\r\n" + \
        "26-11-2026;10:00;X;Crème brûlée 🎉;Gepland;Ren".encode() + b"\xe9e\r\n"
    calendar = tmp_path / "kalender.csv"
    calendar.write_bytes(data)
    report = tmp_path / "rapport.xlsx"
    scan_to_report(calendar, report)
    at = flagged_rows(report)
    decide(report, {at[2]: ("change", "Met de bus naar de kerstmarkt — gezellig"),
                    at[3]: ("publish", None)})
    result = run("apply", report)
    assert result.exit_code == 0, result.stderr
    assert "(was 'Met de trein naar de kerstmarkt')" in result.stdout
    old, new = data.split(b"\r\n"), (tmp_path / "kalender-checked.csv").read_bytes().split(b"\r\n")
    assert new[1] == "24-11-2026;12:00;X;Met de bus naar de kerstmarkt — gezellig;Gepland;Ren".encode() + b"\xe9e"
    assert [new[i] for i in (0, 2, 3, 4)] == [old[i] for i in (0, 2, 3, 4)]
    assert b"Treinkaartjes voor het caf\xe9" in new[2] and "Crème brûlée 🎉".encode() in new[3]


def test_two_columns_with_one_name_are_told_apart(tmp_path: Path) -> None:
    """"Bericht" twice (Dutch, then English): the fields are "Bericht (C)" and "Bericht (D)",
    so the report shows the right one and apply still knows where the hits are."""
    calendar = write_xlsx(tmp_path / "kalender.xlsx", {"November": [
        ["Datum", "Kanaal", "Bericht", "Bericht", "Hashtags"],
        ["24-11-2026", "X", "Met de bus", "Take the train", ""],
        ["25-11-2026", "X", "Met de trein", "Take the bus", ""]]})
    report = tmp_path / "rapport.xlsx"
    result = run("scan", calendar, "--term", "trein", "--term", "train", "--no-shipped-lists",
                 "--now", NOW, "--timezone", "Europe/Amsterdam", "--format", "json")
    posts = {p["row"]: p for p in json.loads(result.stdout)["posts"]}
    assert posts[2]["fields"] == {"Bericht (C)": "Met de bus", "Bericht (D)": "Take the train"}
    assert [m["field"] for m in posts[2]["matches"]] == ["Bericht (D)"]
    run("scan", calendar, "--term", "trein", "--term", "train", "--no-shipped-lists",
        "--now", NOW, "--timezone", "Europe/Amsterdam", "-o", report)
    flagged = openpyxl.load_workbook(report).worksheets[1]
    at, text = column(flagged, "Row") - 1, column(flagged, "Post text") - 1
    shown = {row[at].value: row[text].value for row in flagged.iter_rows(min_row=2)}
    assert shown == {2: "Met de bus\nBericht (D): Take the train", 3: "Met de trein"}
    decide(report, {flagged_rows(report)[2]: ("change", "Met de auto")})
    refused = run("apply", report)
    assert refused.exit_code == 2 and "hits are in 'Bericht (D)'" in refused.stderr


def test_a_new_text_that_still_hits_is_named_in_the_log(tmp_path: Path) -> None:
    """A reviewer rewriting fast during an incident: the new text is checked against the
    report's crisis terms and the word lists. A word-list hit is a warning, the text is
    written; a crisis hit (QA8 #15: it was a warning with exit 0, so `apply && upload` sent
    the crisis post out) keeps the post paused, the new text not written, listed, exit 1."""
    calendar = write_csv(tmp_path / "kalender.csv", [HEADER, *ROWS], delimiter=";")
    report = tmp_path / "rapport.xlsx"
    result = run("scan", calendar, "--term", "trein", "--now", NOW, "--timezone",
                 "Europe/Amsterdam", "-o", report)
    assert result.exit_code == 1, result.stderr
    at = flagged_rows(report)
    decide(report, {at[2]: ("change", "Nu met de treinen naar Aken, slachtprijzen!"),
                    at[3]: ("change", "Kortingskaartjes voor de bus, slachtprijzen!"),
                    at[4]: ("publish", None)})
    done = run("apply", report)
    assert done.exit_code == 1, done.stderr
    warned = [line for line in done.stdout.splitlines() if "still hits" in line]
    assert len(warned) == 2, done.stdout
    warned.sort(key=lambda line: "row 3:" in line)
    assert "not decided: row 2 (24-11-2026 12:00, Instagram) 'Met de trein naar de kerstmarkt': the new " \
        "text 'Nu met de treinen naar Aken, slachtprijzen!' still hits 'treinen' (crisis term " \
        "'trein'): paused, the new text not written" in warned[0]
    assert "row 3: the new text still hits 'slachtprijzen' (marketing-metaphors " \
        "'slachtprijzen')" in warned[1]
    copy = list(csv.reader(io.StringIO((tmp_path / "kalender-checked.csv").read_text(
        encoding="utf-8-sig")), delimiter=";"))
    assert copy[1][3:] == ["Met de trein naar de kerstmarkt", "Gepauzeerd"], copy[1]
    assert copy[2][3] == "Kortingskaartjes voor de bus, slachtprijzen!"


def test_a_new_text_typed_as_a_number_stays_that_number(tmp_path: Path) -> None:
    """Decisions are read with python-calamine, which reads every number as a float: the
    reviewer's 2026 is written as 2026, not 2026.0."""
    calendar = write_csv(tmp_path / "k.csv", [HEADER, *ROWS])
    report = tmp_path / "r.xlsx"
    scan_to_report(calendar, report)
    at = flagged_rows(report)
    book = openpyxl.load_workbook(report)
    sheet = book.worksheets[1]
    decision, new_text = column(sheet, "Decision"), column(sheet, "New text")
    sheet.cell(at[2], decision).value, sheet.cell(at[2], new_text).value = "change", 2026
    sheet.cell(at[3], decision).value, sheet.cell(at[4], decision).value = "publish", "publish"
    book.save(report)
    result = run("apply", report)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "k-checked.csv").read_bytes().split(b"\r\n")[1] == \
        b"24-11-2026;12:00;Instagram;2026;Gepland"


def test_a_report_whose_hidden_sheet_was_damaged(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "k.csv", [HEADER, *ROWS])
    report = tmp_path / "r.xlsx"
    scan_to_report(calendar, report)
    book = openpyxl.load_workbook(report)
    book["_contentcheck"]["A1"] = "{not json"
    book.save(report)
    result = run("apply", report)
    assert result.exit_code == 2 and "hidden '_contentcheck' sheet cannot be read" in result.stderr


def test_apply_quiet_leaves_out_the_row_log_but_not_what_needs_a_person(tmp_path: Path) -> None:
    """-q: a report of 50,000 decisions printed 38,000 lines; the row log is in the audit
    trail, and what a person must still do (undecided posts, unschedule by hand) stays."""
    calendar = write_xlsx(tmp_path / "kalender.xlsx", {"November": [HEADER, *ROWS]})
    report = tmp_path / "rapport.xlsx"
    scan_to_report(calendar, report)
    at = flagged_rows(report)
    decide(report, {at[min(at)]: ("publish", None)})  # the other flagged posts stay undecided
    result = run("apply", report, "-q")
    assert result.exit_code == 1, result.stderr
    assert "publish as planned" not in result.stdout  # the row log
    assert "paused (status" not in result.stdout
    assert "not decided: [November] row" in result.stdout
    assert "unschedule by hand: [November] row" in result.stdout
    assert "1 publish; written to" in result.stdout
    loud = run("apply", report, "--replace")
    assert "row 2: publish as planned" in loud.stdout and "paused (status" in loud.stdout


def _delete_column(report: Path, label: str, sheet_index: int = 1) -> None:
    """The reviewer deletes a column in Excel (the hidden ones go with a selection across them)."""
    book = openpyxl.load_workbook(report)
    sheet = book.worksheets[sheet_index]
    sheet.delete_cols(column(sheet, label))
    book.save(report)


def test_a_deleted_key_column_is_refused_naming_report_sheet_and_column(tmp_path: Path) -> None:
    """Without the hidden key no decision finds its post: rather than list every post as
    undecided (the reviewer's work silently ignored), apply refuses and writes nothing."""
    calendar = write_csv(tmp_path / "k.csv", [HEADER, *ROWS])
    report = tmp_path / "r.xlsx"
    scan_to_report(calendar, report)
    at = flagged_rows(report)
    decide(report, {at[2]: ("publish", None), at[3]: ("pause", None)})
    _delete_column(report, "key")
    result = run("apply", report)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"contentcheck: error: {report}, sheet 'Flagged', column 'key': this hidden column, "
        "which ties each decision to its post, is gone (deleted?), so no decision on the sheet "
        "can be given; nothing written: undo the delete in Excel, or scan again and decide in "
        "the new report"]
    assert result.stdout == "" and not (tmp_path / "k-checked.csv").exists()
    # in a Dutch report the column has its Dutch name, on whichever post sheet lost it
    dutch = tmp_path / "rapport.xlsx"
    scan_to_report(calendar, dutch, "--lang", "nl")
    _delete_column(dutch, "sleutel", sheet_index=2)
    result = run("apply", dutch)
    assert result.exit_code == 2
    assert "sheet 'Alle berichten', column 'sleutel': this hidden column" in result.stderr


def test_a_deleted_note_or_reviewer_column_reads_as_empty(tmp_path: Path) -> None:
    """Reviewer and Note are the reviewer's own words: deleting them loses no decision."""
    calendar = write_csv(tmp_path / "k.csv", [HEADER, *ROWS])
    report = tmp_path / "r.xlsx"
    scan_to_report(calendar, report)
    at = flagged_rows(report)
    decide(report, {at[2]: ("publish", None), at[3]: ("change", "Kortingskaartjes"),
                    at[4]: ("pause", None)})
    _delete_column(report, "Note")
    _delete_column(report, "Reviewer")
    result = run("apply", report)
    assert result.exit_code == 0, result.stderr
    assert "1 change, 1 pause, 1 publish" in result.stdout
    trail = json.loads((tmp_path / "k-checked.decisions.json").read_text(encoding="utf-8"))
    assert sorted((d["row"], d["decision"], d["reviewer"], d["note"])
                  for d in trail["decisions"]) == [(2, "publish", None, None),
                                                   (3, "change", None, None),
                                                   (4, "pause", None, None)]


FORMULAS = Path(__file__).resolve().parent / "fixtures" / "formules-kalender.xlsx"


def _formula_calendar(tmp_path: Path) -> tuple[Path, Path]:
    """The fixture's calendar (dates =A2+1..., texts =D2&" !" and ="Een fijne "&"dag", saved
    with their results by LibreOffice) scanned into a report."""
    calendar = tmp_path / "kalender.xlsx"
    calendar.write_bytes(FORMULAS.read_bytes())
    report = tmp_path / "rapport.xlsx"
    scan_to_report(calendar, report)
    return calendar, report


def test_an_applied_workbook_keeps_the_formula_results_nothing_changed(tmp_path: Path) -> None:
    """openpyxl writes formulas without results: a later scan of the copy read the dates as
    'no date' and the text =D2&" !" as its formula, so the crisis post looked ok. The copy
    keeps the results the checked workbook had where apply changed none of their inputs."""
    calendar, report = _formula_calendar(tmp_path)
    at = flagged_rows(report)
    decide(report, {at[2]: ("pause", None), at[3]: ("publish", None), at[4]: ("publish", None)})
    result = run("apply", report)
    assert result.exit_code == 0, result.stderr
    assert "recalculate" not in result.stdout
    copy = tmp_path / "kalender-checked.xlsx"
    formulas = openpyxl.load_workbook(copy)["Planning"]
    values = openpyxl.load_workbook(copy, data_only=True)["Planning"]
    assert [formulas[c].value for c in ("A3", "D3", "D5")] == ["=A2+1", '=D2&" !"',
                                                               '="Een fijne "&"dag"']
    assert values["A3"].value == dt.datetime(2026, 11, 25)
    assert values["D3"].value == "Met de trein naar de kerstmarkt !"
    assert values["D5"].value == "Een fijne dag" and values["E2"].value == "Gepauzeerd"
    rescan = scan_json(copy, "--term", "trein")
    posts = {p["row"]: p for p in rescan["posts"]}
    assert posts[3]["scheduled_at"].startswith("2026-11-25T09:00")
    assert posts[3]["status"] == "pause"  # the trein the post shows is seen again
    assert not any("formula" in w for w in rescan["warnings"])


def test_a_formula_reading_a_changed_cell_is_listed_for_excel(tmp_path: Path) -> None:
    """A new text in D2 changes what =D2&" !" shows: its old result would be wrong, so it has
    none, apply says which cell Excel must calculate (also with -q), and a scan of the copy
    names the cell and asks for review rather than call the post ok."""
    calendar, report = _formula_calendar(tmp_path)
    at = flagged_rows(report)
    decide(report, {at[2]: ("change", "Met de bus naar de kerstmarkt"),
                    at[3]: ("publish", None), at[4]: ("publish", None)})
    result = run("-q", "apply", report)
    assert result.exit_code == 0, result.stderr
    assert "kalender.xlsx recalculate in Excel: 1 formula cell(s) have no result in the copy " \
           "([Planning] D3): they read a cell apply changed" in result.stdout
    assert "open it in Excel and save it before a scan or an upload reads it" in result.stdout
    copy = tmp_path / "kalender-checked.xlsx"
    values = openpyxl.load_workbook(copy, data_only=True)["Planning"]
    assert values["D3"].value is None and values["A3"].value == dt.datetime(2026, 11, 25)
    assert values["D5"].value == "Een fijne dag"
    post = next(p for p in scan_json(copy, "--term", "trein")["posts"] if p["row"] == 3)
    assert post["status"] == "review" and post["scheduled_at"].startswith("2026-11-25")
    assert post["reasons"] == ["'Bericht' (D3) is a formula without a saved result "
                               "(=D2&\" !\"): what it shows was not checked; open the file in "
                               "Excel and save it there, then scan again"]
    dutch = tmp_path / "rapport-nl.xlsx"  # apply speaks the report's language
    scan_to_report(calendar, dutch, "--lang", "nl")
    book = openpyxl.load_workbook(dutch)
    sheet = book["Te beoordelen"]
    sheet.cell(at[2], column(sheet, "Besluit")).value = "aanpassen"
    sheet.cell(at[2], column(sheet, "Nieuwe tekst")).value = "Met de bus naar de kerstmarkt"
    book.save(dutch)
    result = run("apply", dutch, "--replace", "--undecided", "publish")
    assert "kalender.xlsx herberekenen in Excel: 1 formulecel(len) hebben geen uitkomst in de " \
           "kopie ([Planning] D3)" in result.stdout


@pytest.mark.parametrize(("formula", "written", "stale"), [
    # (formula in Planning!D3, cells apply wrote, whether its saved result may be wrong)
    ("A2+1", [("Planning", 2, 4)], False),
    ('D2&" !"', [("Planning", 2, 4)], True),
    ("$D$2&\"!\"", [("Planning", 2, 4)], True),
    ("COUNTIF(E:E,\"Gepland\")", [("Planning", 7, 5)], True),
    ("COUNTIF(E:E,\"Gepland\")", [("Planning", 7, 6)], False),
    ("'Planning'!D2", [("Planning", 2, 4)], True),
    ("Uitleg!D2", [("Planning", 2, 4)], False),
    ("INDIRECT(\"D2\")", [], True),
    ("TODAY()+1", [], True),
    ("Prijslijst", [], True),  # a defined name: its cells cannot be told
    ("[1]Blad1!A1", [], True),
])
def test_which_formula_results_may_be_wrong(formula: str, written: list, stale: bool) -> None:
    from contentcheck.apply.formula_values import stale_formulas

    cell = ("Planning", 3, 4)
    assert (cell in stale_formulas({cell: formula}, written)) is stale


def test_a_formula_reading_a_stale_formula_is_stale_too() -> None:
    from contentcheck.apply.formula_values import stale_formulas

    chain = {("P", row, 4): f"D{row - 1}&\"!\"" for row in range(3, 2000)}
    chain[("P", 2, 1)] = "A1+1"
    found = stale_formulas(chain, [("P", 2, 4)])
    assert found == set(chain) - {("P", 2, 1)}
