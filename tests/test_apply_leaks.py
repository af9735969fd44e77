"""`apply`: the paths through which a paused post could still go out, or an input be written
(QA round 7). Each test writes real workbooks and runs the CLI as a reviewer does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
from click.testing import Result

from tests.conftest import NOW, run, sha256, write_xlsx
from tests.test_inputs_never_written import team  # noqa: F401 (a fixture)

HEADER = ["Datum", "Tijd", "Kanaal", "Bericht", "Status"]
TRAIN_POST = [dt.datetime(2026, 11, 25), "09:00", "Facebook", "Neem de trein naar de kerstmarkt!",
              "Gepland"]


def _calendar(folder: Path, *rows: list[Any]) -> Path:
    """The team's workbook: one sheet, a header and these posts."""
    return write_xlsx(folder / "kal.xlsx", {"Planning": [HEADER, *rows]})


def _statuses(copy: Path) -> dict[str, str | None]:
    sheet = openpyxl.load_workbook(copy).active
    return {row[3]: row[4] for row in sheet.iter_rows(min_row=2, values_only=True)}


def _scan_to(report: Path, *calendars: Path, term: str = "trein") -> Result:
    """The review workbook (English labels) of these calendars for one crisis term."""
    return run("scan", *calendars, "--term", term, "--no-shipped-lists", "--now", NOW,
               "--timezone", "Europe/Amsterdam", "--lang", "en", "-o", report)


def _flagged(report: Path) -> tuple[openpyxl.Workbook, Any, dict[str, int]]:
    """The report's Flagged sheet as a reviewer opens it, with its columns by header."""
    book = openpyxl.load_workbook(report)
    sheet = book["Flagged"]
    return book, sheet, {cell.value: cell.column for cell in sheet[1]}


def _decide(report: Path, cells: dict[str, str]) -> None:
    """Fill these cells (by header) of the Flagged sheet's first post, as a reviewer does."""
    book, sheet, at = _flagged(report)
    for header, value in cells.items():
        sheet.cell(2, at[header]).value = value
    book.save(report)


def test_a_decision_word_typed_in_new_text_does_not_publish_it(tmp_path: Path) -> None:
    """QA: the reviewer typed "pause" one cell too far right, in New text, with Decision
    empty; apply read it as "change" and the post went out saying "pause". A new text without
    a decision is refused, naming the report's sheet, row and column."""
    calendar = _calendar(tmp_path, TRAIN_POST)
    report = tmp_path / "review.xlsx"
    assert _scan_to(report, calendar).exit_code == 1
    _decide(report, {"New text": "pause"})

    result = run("apply", report)
    assert result.exit_code == 2, result.stdout
    assert "without a decision" in result.stderr and "row 2" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kal.xlsx", "review.xlsx"]


def test_a_deleted_twin_row_does_not_hand_its_publish_to_the_post_paused(tmp_path: Path) -> None:
    """QA: the same text on Facebook and LinkedIn at 09:00; the reviewer publishes the
    Facebook post and pauses the LinkedIn one; a colleague deletes the Facebook row. Both
    decisions then found the LinkedIn post (its row and its text), the publish won, and the
    pause was dropped without a word. Two decisions that find one post: the safer one holds,
    the other is listed (exit 1)."""
    calendar = write_xlsx(tmp_path / "kal.xlsx", {"Planning": [
        HEADER,
        [dt.datetime(2026, 11, 25), "09:00", "Facebook", "Met de trein naar de kerstmarkt!", "Gepland"],
        [dt.datetime(2026, 11, 25), "09:00", "LinkedIn", "Met de trein naar de kerstmarkt!", "Gepland"],
        [dt.datetime(2026, 11, 25), "10:00", "X", "Fijne woensdag", "Gepland"],
    ]})
    report = tmp_path / "review.xlsx"
    assert _scan_to(report, calendar).exit_code == 1
    book, sheet, at = _flagged(report)
    for row in range(2, sheet.max_row + 1):
        channel = sheet.cell(row, at["Channel"]).value
        sheet.cell(row, at["Decision"]).value = "publish" if channel == "Facebook" else "pause"
    book.save(report)
    book = openpyxl.load_workbook(calendar)
    book.active.delete_rows(2)
    book.save(calendar)

    result = run("apply", report)
    copy = openpyxl.load_workbook(tmp_path / "kal-checked.xlsx").active
    linkedin = [row for row in copy.iter_rows(min_row=2, values_only=True) if row[2] == "LinkedIn"]
    assert linkedin[0][4] == "Gepauzeerd", result.stdout
    assert result.exit_code == 1, result.stdout
    assert "changed or deleted since the decision (publish" in result.stdout


def test_undecided_pause_post_edited_and_moved_stays_paused(tmp_path: Path) -> None:
    """QA: the report said pause, nobody decided; meanwhile a colleague inserted a post above
    it and added an exclamation mark to it. apply found no post for the report's row, wrote it
    as scheduled (no copy at all) and called it 'not flagged when the report was made'. A row
    the report saw and its crisis terms hit now changed since: it stays paused, and is listed."""
    calendar = write_xlsx(tmp_path / "kal.xlsx", {"Planning": [
        HEADER,
        [dt.datetime(2026, 11, 25), "09:00", "Facebook", "Neem de trein naar de kerstmarkt!", "Gepland"],
        [dt.datetime(2026, 11, 25), "12:00", "Instagram", "Onze winterjassen zijn binnen.", "Gepland"],
    ]})
    report = tmp_path / "review.xlsx"
    assert _scan_to(report, calendar).exit_code == 1

    book = openpyxl.load_workbook(calendar)
    sheet = book["Planning"]
    sheet.insert_rows(2)
    for column, value in enumerate([dt.datetime(2026, 11, 26), "10:00", "X",
                                    "Fijne woensdag allemaal!", "Gepland"], start=1):
        sheet.cell(2, column).value = value
    sheet.cell(3, 4).value = "Neem de trein naar de kerstmarkt!!"
    book.save(calendar)

    result = run("apply", report)
    assert result.exit_code == 1, result.stderr
    copy = tmp_path / "kal-checked.xlsx"
    assert copy.exists(), result.stdout
    assert _statuses(copy)["Neem de trein naar de kerstmarkt!!"] == "Gepauzeerd", result.stdout
    assert "not flagged when the report was made" not in result.stdout
    assert "row 3" in result.stdout and "changed since the report" in result.stdout


def test_a_cancelled_row_with_a_crisis_word_is_not_paused_as_changed(tmp_path: Path) -> None:
    """The report leaves a cancelled (or published) row out for its status, not for a change:
    a calendar edited elsewhere does not make apply pause it as a changed post."""
    calendar = _calendar(tmp_path, TRAIN_POST, [dt.datetime(2026, 11, 25), "11:00", "X",
                                                "Met de trein naar Aken", "Geannuleerd"])
    report = tmp_path / "review.xlsx"
    assert _scan_to(report, calendar).exit_code == 1
    _decide(report, {"Decision": "pause"})
    book = openpyxl.load_workbook(calendar)
    book.active.cell(4, 1).value = dt.datetime(2026, 11, 26)  # a third row, added since
    book.active.cell(4, 4).value = "Fijne donderdag"
    book.save(calendar)
    result = run("apply", report)
    assert result.exit_code == 0, result.stdout  # not going out: nothing for anyone to do
    assert _statuses(tmp_path / "kal-checked.xlsx")["Met de trein naar Aken"] == "Geannuleerd"
    assert "it was in the report's window" not in result.stdout
    assert "not reviewed" not in result.stdout



def _two_train_posts(tmp_path: Path) -> tuple[Path, Path]:
    calendar = _calendar(tmp_path, TRAIN_POST, [dt.datetime(2026, 11, 25), "10:00", "LinkedIn",
                                                "Treinstaking? Wij bezorgen gewoon", "Gepland"])
    report = tmp_path / "review.xlsx"
    assert _scan_to(report, calendar).exit_code == 1
    return calendar, report


def _decide_strike_publish(sheet: Any, at: dict[str, int]) -> None:
    for row in (2, 3):
        strike = sheet.cell(row, at["Post text"]).value.startswith("Treinstaking")
        sheet.cell(row, at["Decision"]).value = "publish" if strike else "pause"


def test_sorting_the_flagged_sheet_by_its_filter_keeps_each_decision_with_its_post(
        tmp_path: Path) -> None:
    """QA: the filter covered Status .. Row and left the hidden key and fingerprint out, so a
    sort by a filter arrow moved the visible columns only and apply gave the publish of the
    strike post to the Christmas-market post. The filter now covers the hidden columns too:
    a sort moves each row whole."""
    _, report = _two_train_posts(tmp_path)
    book, sheet, _ = _flagged(report)
    assert sheet.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(sheet.max_column)}3"
    last = sheet.max_column
    rows = [[sheet.cell(row, column).value for column in range(1, last + 1)] for row in (2, 3)]
    for row, values in zip((2, 3), reversed(rows)):  # sort Z-A on the filter range
        for column, value in enumerate(values, start=1):
            sheet.cell(row, column).value = value
    at = {cell.value: cell.column for cell in sheet[1]}
    _decide_strike_publish(sheet, at)
    book.save(report)

    result = run("apply", report)
    assert result.exit_code == 0, result.stdout + result.stderr
    statuses = _statuses(tmp_path / "kal-checked.xlsx")
    assert statuses[TRAIN_POST[3]] == "Gepauzeerd"
    assert statuses["Treinstaking? Wij bezorgen gewoon"] == "Gepland"


def test_a_decision_beside_another_post_s_key_is_refused(tmp_path: Path) -> None:
    """QA: rows sorted without the hidden columns (a report made before the filter covered
    them, or a selection of the visible columns sorted by hand): each decision sits beside
    another post's key. apply compares the visible Sheet and Row with the key and refuses,
    naming the report's row, writing nothing."""
    _, report = _two_train_posts(tmp_path)
    book, sheet, at = _flagged(report)
    rows = [[sheet.cell(row, column).value for column in range(1, at["Row"] + 1)] for row in (2, 3)]
    for row, values in zip((2, 3), reversed(rows)):  # the visible columns A:S only
        for column, value in enumerate(values, start=1):
            sheet.cell(row, column).value = value
    _decide_strike_publish(sheet, at)
    book.save(report)

    result = run("apply", report)
    assert result.exit_code == 2, result.stdout
    assert "sorted without the hidden columns" in result.stderr and "row 2" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "kal-checked.xlsx").exists()


def test_a_renamed_calendar_sheet_keeps_the_reviewer_s_pause(tmp_path: Path) -> None:
    """QA: a colleague renamed the sheet "November" to "Nov 2026" before apply: the explicit
    pause was "changed or deleted since the decision" and apply wrote no copy. A post in a
    sheet the report did not know, saying exactly what the reviewer saw, is the post of the
    sheet that is gone: its decision follows it."""
    calendar = write_xlsx(tmp_path / "kal.xlsx", {"November": [HEADER, TRAIN_POST]})
    report = tmp_path / "review.xlsx"
    assert _scan_to(report, calendar).exit_code == 1
    _decide(report, {"Decision": "pause"})
    book = openpyxl.load_workbook(calendar)
    book["November"].title = "Nov 2026"
    book.save(calendar)

    result = run("apply", report)
    copy = tmp_path / "kal-checked.xlsx"
    assert result.exit_code == 0, result.stdout
    assert _statuses(copy)[TRAIN_POST[3]] == "Gepauzeerd", result.stdout
    assert "[November] row 2: the post is now at [Nov 2026] row 2" in result.stdout


def test_apply_never_writes_over_a_crisis_file_or_the_config(tmp_path: Path,
                                                            isolated_state: Path) -> None:
    """QA: apply checked its copy's path against the report and the calendars only: with
    --replace it overwrote the declared crisis (the crisis silently ended) and the config in
    use. Its copy, and its audit trail, may land on no input a scan reads."""
    calendar = _calendar(tmp_path, TRAIN_POST)
    result = run("crisis", "start", "Treinongeluk", "--term", "trein")
    assert result.exit_code == 0, result.stderr
    crisis_file = isolated_state / "crises" / "treinongeluk.toml"
    config = tmp_path / "contentcheck.toml"
    config.write_text('[scan]\ntimezone = "Europe/Amsterdam"\n', encoding="utf-8")
    report = tmp_path / "review.xlsx"
    result = run("scan", calendar, "--config", config, "--no-shipped-lists", "-o", report,
                 "--all")
    assert result.exit_code == 1, result.stderr
    before = {crisis_file: sha256(crisis_file), config: sha256(config)}

    for target in (crisis_file, config):
        result = run("apply", report, "--config", config, "-o", target, "--replace")
        assert result.exit_code == 2, f"{target.name}: {result.exit_code} {result.stdout}"
        assert "Traceback" not in result.stderr
    assert {path: sha256(path) for path in before} == before


def test_apply_never_writes_over_a_crisis_file_of_the_calendar_s_format(
        team: dict[str, Path], tmp_path: Path) -> None:
    """The same with a name of the calendar's own format: a CSV calendar and the team's crisis
    file crisis.txt (a .txt is read as CSV too), or a word list in the config's folder."""
    report = tmp_path / "review.xlsx"
    result = run("scan", "--config", team["config"], "-o", report, "--now", NOW)
    assert result.exit_code == 1, result.stderr
    before = {path: sha256(path) for path in (team["crisis"], team["list"])}
    for target, said in ((team["crisis"], "a crisis file in use"), (team["list"], "word list"),
                         (team["list"].with_name("nieuw.csv"), "word-list folder")):
        result = run("apply", report, "--config", team["config"], "-o", target, "--replace")
        assert result.exit_code == 2, f"{target.name}: {result.exit_code} {result.stdout}"
        assert said in result.stderr, result.stderr
    assert {path: sha256(path) for path in before} == before
    assert not team["list"].with_name("nieuw.csv").exists()


def test_apply_output_with_another_format_s_extension_is_refused(tmp_path: Path) -> None:
    """QA: `apply review.xlsx -o kalender-upload.csv` for a workbook calendar wrote the xlsx
    copy (a zip) under a .csv name, exit 0; a scheduler's import, or a later scan, then fails
    on it. apply writes the calendar's own format only: another format's name is refused."""
    calendar = _calendar(tmp_path, TRAIN_POST)
    report = tmp_path / "review.xlsx"
    assert _scan_to(report, calendar).exit_code == 1
    for name in ("kalender-upload.csv", "kalender.toml", "kalender"):
        result = run("apply", report, "-o", tmp_path / name)
        assert result.exit_code == 2, result.stdout
        assert "calendar's own format (xlsx)" in result.stderr, result.stderr
        assert not (tmp_path / name).exists()
    assert run("apply", report, "-o", tmp_path / "kalender-upload.xlsx").exit_code == 1


def test_a_refusal_on_the_second_calendar_writes_no_copy_of_the_first(tmp_path: Path) -> None:
    """QA: a workbook and its Buffer export (cp1252) hold the same post; the new text has an
    emoji. apply wrote kal-checked.xlsx and its audit trail ("applied"), then refused the
    Buffer file and exited 2 ("nothing written"). Every copy is now made before any is moved
    into place: a refusal leaves nothing, not even a temporary file."""
    calendar = write_xlsx(tmp_path / "kal.xlsx", {"Planning": [
        HEADER,
        [dt.datetime(2026, 11, 25), "12:00", "Instagram", "Warme chocolademelk in onze cafés", "Gepland"],
    ]})
    bulk = tmp_path / "buffer.csv"
    bulk.write_bytes("Text;Scheduled Date;Scheduled Time;Link;Profile\r\n"
                     "\"Warme chocolademelk in onze cafés\";25-11-2026;12:00;;Instagram\r\n"
                     .encode("cp1252"))
    report = tmp_path / "review.xlsx"
    assert _scan_to(report, calendar, bulk, term="chocolademelk").exit_code == 1
    _decide(report, {"Decision": "change", "New text": "Warme drankjes in onze cafés ☕"})

    result = run("apply", report)
    assert result.exit_code == 2, result.stdout
    assert "cp1252 cannot hold" in result.stderr, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["buffer.csv", "kal.xlsx", "review.xlsx"]


def test_a_pause_in_a_calendar_without_status_says_to_check_the_scheduler(tmp_path: Path) -> None:
    """QA: many calendars have no Status column (posts scheduled in Buffer or Meta by hand).
    apply added a Status column, paused the post, listed nothing to unschedule and exited 0:
    "nothing left to do" while the post may still be queued in the tool. A paused post whose
    calendar gives no status is listed under "unschedule by hand"."""
    calendar = write_xlsx(tmp_path / "kal.xlsx", {"Planning": [HEADER[:4], TRAIN_POST[:4]]})
    report = tmp_path / "review.xlsx"
    assert _scan_to(report, calendar).exit_code == 1
    _decide(report, {"Decision": "pause"})

    result = run("apply", report)
    assert result.exit_code == 0, result.stderr
    assert "unschedule by hand: [Planning] row 2" in result.stdout, result.stdout
    assert "no status for it" in result.stdout
