"""The rest of the review loop (issue 13): a scheduler row's channel, the reader's language,
the audit trail in the run history, and one post in several calendars."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from tests.conftest import NOW, run, write_csv


def scan(*args: object) -> str:
    result = run("scan", *args, "--term", "kip", "--no-shipped-lists", "--now", NOW,
                 "--timezone", "Europe/Amsterdam")
    assert result.exit_code in (0, 1), result.stderr
    return result.stdout


def flagged_rows(report: Path) -> list[dict[str, object]]:
    sheet = openpyxl.load_workbook(report).worksheets[1]
    header = [cell.value for cell in sheet[1]]
    return [dict(zip(header, [c.value for c in row])) for row in sheet.iter_rows(min_row=2)]


# --- a scheduler row's channel ----------------------------------------------------------------

def hootsuite_bulk(tmp_path: Path) -> Path:
    """Hootsuite's bulk composer file: no header; date-time, message, link."""
    return write_csv(tmp_path / "hootsuite.csv", [
        ["24/11/2026 12:00", "Onze kip van de week: krokant!", "https://example.nl/kip"],
        ["25/11/2026 17:00", "Verse bloemen bij de kassa", ""]],
        delimiter=",", encoding="utf-8", newline="\n")


def test_a_hootsuite_bulk_row_says_the_profile_is_chosen_at_upload(tmp_path: Path) -> None:
    bulk = hootsuite_bulk(tmp_path)
    report = tmp_path / "review.xlsx"
    scan(bulk, "-o", report)
    [row] = flagged_rows(report)
    assert row["Channel"] == "Hootsuite (profile chosen at upload)"
    assert "Hootsuite (profile chosen at upload)  " in scan(bulk)
    dutch = tmp_path / "controle.xlsx"
    scan(bulk, "-o", dutch, "--lang", "nl")
    assert openpyxl.load_workbook(dutch).worksheets[1]["E2"].value == \
        "Hootsuite (profiel kies je bij uploaden)"


def test_a_scheduler_export_with_a_profile_column_shows_that_profile(tmp_path: Path) -> None:
    export = write_csv(tmp_path / "buffer.csv", [
        ["Text", "Scheduled Date", "Scheduled Time", "Link", "Social Profile"],
        ["Onze kip van de week: krokant!", "2026-11-24", "12:00", "", "Instagram @supermarkt"]],
        delimiter=",", encoding="utf-8")
    report = tmp_path / "review.xlsx"
    scan(export, "-o", report)
    [row] = flagged_rows(report)
    assert row["Channel"] == "Instagram @supermarkt"
