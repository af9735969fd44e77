"""QA round 9 of the loop (watch, crisis lifecycle, scan -o, the Excel report, apply): one test
per bug found, named for the bug, each on real files and the CLI as a user runs it."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import openpyxl
from click.testing import Result

from tests.conftest import NOW, run, sha256, write_csv, write_xlsx
from tests.helpers_servers import free_port, smtp_server

HEADER = ["Datum", "Tijd", "Kanaal", "Bericht", "Hashtags", "Status"]


def scan_report(calendars: list[Path], report: Path, *extra: str) -> None:
    result = run("scan", *calendars, "--term", "trein", "--term", "spoor", "--no-shipped-lists",
                 "--now", NOW, "--timezone", "Europe/Amsterdam", "-o", report, *extra)
    assert result.exit_code in (0, 1), result.output


def decide(report: Path, decisions: dict[int, tuple[str, str | None]]) -> None:
    """Decision and New text on the Flagged sheet, by the calendar row, as a reviewer does."""
    book = openpyxl.load_workbook(report)
    sheet = book["Flagged"]
    at = {cell.value: cell.column for cell in sheet[1] if cell.value}
    for cells in sheet.iter_rows(min_row=2):
        row = cells[at["Row"] - 1].value
        if row in decisions:
            sheet.cell(cells[0].row, at["Decision"]).value = decisions[row][0]
            sheet.cell(cells[0].row, at["New text"]).value = decisions[row][1]
            sheet.cell(cells[0].row, at["Reviewer"]).value = "Ilse"
    book.save(report)


def hootsuite(path: Path, rows: list[tuple[str, str]]) -> Path:
    """A Hootsuite bulk-composer file: no header, day-first date-time, message, link."""
    write_csv(path, [[when, text, ""] for when, text in rows], delimiter=",", encoding="utf-8")
    return path


def apply_bulk(tmp_path: Path, when: str, text: str) -> Result:
    """A Hootsuite file of the post ``when``/``text``, a crisis post (row 2, decided: pause)
    and an ok one, scanned at NOW and applied."""
    bulk = hootsuite(tmp_path / "hootsuite.csv", [
        (when, text), ("24/11/2026 15:00", "Met de trein naar huis"),
        ("25/11/2026 10:00", "Gezellige zaterdag")])
    report = tmp_path / "review.xlsx"
    scan_report([bulk], report)
    decide(report, {2: ("pause", None)})
    return run("apply", report)


# --- apply ------------------------------------------------------------------------------------

def test_a_change_whose_hashtags_still_hit_a_crisis_term_is_not_published(tmp_path: Path) -> None:
    """The reviewer rewrote the text of a post paused for 'trein' in its text and hashtags;
    apply wrote the new text, left '#trein' in the Hashtags, unpaused the post and exited 0
    (only a log line said the hashtags' hits were still there): `apply && upload` sent the
    crisis hashtag out. A crisis hit left in another field keeps the post paused, listed."""
    calendar = write_xlsx(tmp_path / "kal.xlsx", {"Planning": [
        HEADER, ["24-11-2026", "12:00", "Instagram", "Met de trein naar de kerstmarkt!",
                 "#trein #kerst", "Gepland"]]})
    report = tmp_path / "review.xlsx"
    scan_report([calendar], report)
    decide(report, {2: ("change", "Met de bus naar de kerstmarkt!")})
    result = run("apply", report)
    assert result.exit_code == 1, result.output
    assert "Hashtags" in result.output and "not decided" in result.output
    copy = openpyxl.load_workbook(tmp_path / "kal-checked.xlsx")["Planning"]
    assert copy["F2"].value == "Gepauzeerd"
    assert copy["D2"].value == "Met de trein naar de kerstmarkt!"  # nothing half-done


def test_an_undecided_review_post_of_a_bulk_file_is_not_called_unreviewed(tmp_path: Path) -> None:
    """'Spoor je favoriete cadeau op' is a loose reading of the crisis term 'spoor': the
    report flagged it for review. apply called it 'not flagged when the report was made
    (changed since ...?)' and, for a Hootsuite bulk file, refused to write anything (exit 2)
    though the report had it and the reviewer had decided every pause."""
    result = apply_bulk(tmp_path, "24/11/2026 12:00", "Spoor je favoriete cadeau op")
    assert "not flagged when the report was made" not in result.output
    assert result.exit_code == 1, result.output  # the review post is listed as not decided
    assert "Spoor je favoriete cadeau op" in result.output and "not decided" in result.output
    written = (tmp_path / "hootsuite-checked.csv").read_text(encoding="utf-8")
    assert "Spoor je favoriete cadeau op" in written and "trein" not in written


def test_apply_reads_the_calendar_times_in_the_reports_timezone(tmp_path: Path) -> None:
    """The report was made at 08:00 Amsterdam time; a bulk file's post at 07:30 that morning
    was past and not in it. apply read the file's times as UTC (07:30 UTC is 08:30 in
    Amsterdam), so that post was 'in the report's window, not flagged when the report was
    made' and the whole apply was refused (exit 2, nothing written)."""
    result = apply_bulk(tmp_path, "24/11/2026 07:30", "Met de trein naar huis (ochtend)")
    assert result.exit_code == 0, result.output
    assert "not reviewed" not in result.output


def test_apply_calendar_option_naming_another_calendar_of_the_report_is_refused(
        tmp_path: Path) -> None:
    """--calendar goes by the report's order. Given only for the second calendar (or both in
    the wrong order), apply took the workbook's decisions to the CSV export and the other
    way round: every decision 'changed or deleted since', copies written of both."""
    workbook = write_xlsx(tmp_path / "kal.xlsx", {"Planning": [
        HEADER, ["24-11-2026", "12:00", "Instagram", "Met de trein naar huis", None, "Gepland"]]})
    export = write_csv(tmp_path / "export.csv", [
        ["Date", "Time", "Network", "Message", "Status"],
        ["24/11/2026", "13:00", "Twitter", "Treinreis naar Keulen", "Scheduled"]])
    report = tmp_path / "review.xlsx"
    scan_report([workbook, export], report)
    decide(report, {2: ("pause", None)})
    moved = tmp_path / "moved"
    moved.mkdir()
    for path in (workbook, export):
        path.rename(moved / path.name)
    result = run("apply", report, "--calendar", moved / "export.csv",
                 "--calendar", moved / "kal.xlsx")
    assert result.exit_code == 2, result.output
    assert "kal.xlsx" in result.output and "export.csv" in result.output
    assert sorted(p.name for p in moved.iterdir()) == ["export.csv", "kal.xlsx"]


# --- scan -o, several calendars ---------------------------------------------------------------

def test_scan_output_never_replaces_an_audit_trail_or_the_run_history(tmp_path: Path) -> None:
    """`scan -o kal-checked.decisions.json --format json` (tab completion) replaced apply's
    audit trail, the record of who decided what that the next apply builds on, with a scan
    report; `-o state/history.sqlite3` the run history. Both are refused, exit 2, untouched."""
    calendar = write_xlsx(tmp_path / "kal.xlsx", {"Planning": [
        HEADER, ["24-11-2026", "12:00", "Instagram", "Met de trein naar huis", None, "Gepland"]]})
    state = tmp_path / "state"
    (tmp_path / "contentcheck.toml").write_text(
        'state_dir = "state"\n[scan]\ncalendars = ["kal.xlsx"]\ntimezone = "Europe/Amsterdam"\n'
        'shipped_lists = false\n[nightly]\nreports = ["json"]\n', encoding="utf-8")
    report = tmp_path / "review.xlsx"
    config = tmp_path / "contentcheck.toml"
    scan_report([calendar], report, "--config", config)
    decide(report, {2: ("pause", None)})
    assert run("apply", report, "--config", config).exit_code == 0
    watched = run("watch", "--once", "--config", config, "--now", NOW,
                  "--report-dir", tmp_path / "nightly")
    assert (state / "history.sqlite3").is_file(), watched.output
    for target in (tmp_path / "kal-checked.decisions.json", state / "history.sqlite3"):
        before = sha256(target)
        result = run("scan", calendar, "--config", config, "--term", "trein", "--now", NOW,
                     "--format", "json", "-o", target)
        assert result.exit_code == 2, (target, result.output)
        assert "contentcheck: error:" in result.output
        assert sha256(target) == before


def test_a_calendar_named_twice_is_read_once(tmp_path: Path) -> None:
    """calendars = ["kalender.xlsx", "*.xlsx"] (or `scan kal.xlsx ./kal.xlsx`) read the file
    twice: every post counted twice and flagged for review as 'the same text is also
    scheduled' in its own row, the nightly notified twice as many posts, and apply refused
    the report ('the copies of kal.xlsx and kal.xlsx would both be written here')."""
    write_xlsx(tmp_path / "kal.xlsx", {"Planning": [
        HEADER, ["24-11-2026", "12:00", "Instagram", "Met de trein naar huis", None, "Gepland"],
        ["24-11-2026", "15:00", "Facebook", "Onze oliebollen zijn terug", None, "Gepland"]]})
    (tmp_path / "contentcheck.toml").write_text(
        'state_dir = "state"\n[scan]\ncalendars = ["kal.xlsx", "*.xlsx"]\nterms = ["trein"]\n'
        'timezone = "Europe/Amsterdam"\nshipped_lists = false\n', encoding="utf-8")
    result = run("scan", "--config", tmp_path / "contentcheck.toml", "--now", NOW,
                 "--format", "json", "-o", "-")
    summary = json.loads(result.stdout)["summary"]
    assert (summary["pause"], summary["review"], summary["ok"]) == (1, 0, 1), summary
    report = tmp_path / "review.xlsx"
    scan_report([tmp_path / "kal.xlsx", tmp_path / "." / "kal.xlsx"], report)
    assert run("apply", report).exit_code == 1  # one pause undecided: paused, listed


# --- the nightly check ------------------------------------------------------------------------

def test_a_crisis_expired_notice_whose_mail_failed_is_sent_by_the_next_check(
        tmp_path: Path) -> None:
    """The night a crisis expired the mail server was down (exit 4). The next check looked
    only at crises whose until passed since the previous check, which was that failed one:
    the CRISIS EXPIRED notice was never sent, and with nothing flagged no mail went out at
    all. A failed notification is never counted as delivered, this one neither."""
    write_csv(tmp_path / "kalender.csv", [["Datum", "Tijd", "Kanaal", "Bericht"],
                                          ["24-11-2030", "12:00", "X", "Gezellige zaterdag"]])
    crises = tmp_path / "state" / "crises"
    crises.mkdir(parents=True)
    real_now = datetime.now(timezone.utc).replace(microsecond=0)
    (crises / "trein.toml").write_text(
        f'name = "Treinongeluk"\nstarted = {(real_now - timedelta(days=2)).isoformat()}\n'
        f"until = {(real_now - timedelta(hours=1)).isoformat()}\nterms = '''\ntrein\n'''\n",
        encoding="utf-8")
    port = free_port()
    config = tmp_path / "contentcheck.toml"
    config.write_text(
        'state_dir = "state"\n[scan]\ncalendars = ["kalender.csv"]\n'
        'timezone = "Europe/Amsterdam"\nshipped_lists = false\n'
        '[nightly]\nreports = ["json"]\nretries = 0\n'
        f'[notify.email]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\n'
        'sender = "check@example.nl"\nrecipients = ["webcare@example.nl"]\ntimeout = 5\n',
        encoding="utf-8")
    down = run("watch", "--once", "--config", config)
    assert down.exit_code == 4, down.output
    with smtp_server(port=port) as (box, _):
        again = run("watch", "--once", "--config", config)
        assert again.exit_code == 0, again.output
        mails = box.wait_for(1, timeout=5)
        third = run("watch", "--once", "--config", config)
        assert third.exit_code == 0, third.output
    assert len(box.messages) == 1, [m["Subject"] for m in box.messages]
    assert "CRISIS EXPIRED (Treinongeluk)" in mails[0]["Subject"]


# --- crisis lifecycle -------------------------------------------------------------------------

def test_crisis_remove_of_the_last_term_is_refused(tmp_path: Path) -> None:
    """`crisis remove Storing storing` on a crisis of one term left an active crisis of no
    terms (exit 0, '0 terms left'): every scan then paused nothing, with no CRISIS ACTIVE
    banner and no warning, while `crisis list` said it was active. `crisis start` refuses a
    crisis of nothing; so does remove, pointing at `crisis end`."""
    now = ("--now", "2026-11-24T08:00")
    assert run("crisis", "start", "Storing", "--term", "storing", *now).exit_code == 0
    result = run("crisis", "remove", "Storing", "storing", *now)
    assert result.exit_code == 2, result.output
    assert "crisis end" in result.output
    shown = run("crisis", "show", "Storing", *now)
    assert "storing" in shown.output.split("terms:", 1)[1]


def test_crisis_extend_to_an_earlier_until_says_it_shortens(tmp_path: Path) -> None:
    """`crisis extend Brand --until 2026-11-25` (2026-12-25 meant) on a crisis running to
    1 December moved its end a week earlier and said 'every scan uses its terms again'. A
    shorter until is said as such, with the end it had."""
    now = ("--now", "2026-11-24T08:00")
    assert run("crisis", "start", "Brand", "--term", "brand*", "--until", "2026-11-30",
               *now).exit_code == 0
    result = run("crisis", "extend", "Brand", "--until", "2026-11-25", *now)
    assert "earlier" in result.output and "2026-12-01" in result.output, result.output


def test_a_json_format_never_lands_in_an_xlsx_report(tmp_path: Path) -> None:
    """A team config with `[scan] format = "json"` (for its scripts) and the README's
    `scan kalender.xlsx -o review.xlsx` wrote JSON into review.xlsx: Excel cannot open it, apply
    called it 'not a contentcheck report workbook'. The file's extension wins over the config;
    a --format that contradicts it is refused, exit 2, nothing written."""
    calendar = write_xlsx(tmp_path / "kal.xlsx", {"Planning": [
        HEADER, ["24-11-2026", "12:00", "Instagram", "Met de trein naar huis", None, "Gepland"]]})
    config = tmp_path / "contentcheck.toml"
    config.write_text('[scan]\nformat = "json"\ntimezone = "Europe/Amsterdam"\n'
                      'shipped_lists = false\n', encoding="utf-8")
    report = tmp_path / "review.xlsx"
    scan_report([calendar], report, "--config", config)
    assert openpyxl.load_workbook(report)["Flagged"]["F2"].value == "Met de trein naar huis"
    refused = run("scan", calendar, "--term", "trein", "--config", config, "--now", NOW,
                  "--format", "json", "-o", tmp_path / "other.xlsx")
    assert refused.exit_code == 2, refused.output
    assert "--format json" in refused.output and not (tmp_path / "other.xlsx").exists()


def test_a_new_text_the_csv_encoding_cannot_hold_is_refused_naming_its_row(tmp_path: Path) -> None:
    """A Windows-1252 export and a new text with an emoji: apply refused with 'a new text has
    characters cp1252 cannot hold', no row or column: with many decisions the reviewer had to
    hunt for it. The line names the calendar's row and column."""
    calendar = tmp_path / "export.csv"
    write_csv(calendar, [["Datum", "Tijd", "Kanaal", "Bericht", "Status"],
                         ["24-11-2026", "12:00", "X", "Café: met de trein", "Gepland"],
                         ["24-11-2026", "13:00", "X", "Treinkaartjes", "Gepland"]])
    report = tmp_path / "review.xlsx"
    scan_report([calendar], report)
    decide(report, {2: ("change", "Café: met de bus"), 3: ("change", "Kaartjes 🎄")})
    result = run("apply", report)
    assert result.exit_code == 2, result.output
    assert "row 3, column 'Bericht'" in result.output and "cp1252 cannot hold" in result.output
    assert not (tmp_path / "export-checked.csv").exists()


def test_a_new_text_applied_before_a_crisis_term_was_added_is_said_and_decided_again(
        tmp_path: Path) -> None:
    """Morning: 'Met de trein naar de kerstmarkt!' changed into 'Met de bus ...' and applied;
    the checked copy goes to the scheduler. Afternoon: 'bus' is added to the crisis. Scans
    read the original calendar, where the post still says 'trein' and its change was carried
    into every new report: nothing ever checked the text going out, nobody was told. The
    nightly mail now says so (once), and the next report leaves that decision out."""
    write_xlsx(tmp_path / "kal.xlsx", {"Planning": [
        HEADER, ["25-11-2026", "12:00", "Instagram", "Met de trein naar de kerstmarkt!", None,
                 "Gepland"]]})
    with smtp_server() as (box, port):
        config = tmp_path / "contentcheck.toml"
        config.write_text(
            'state_dir = "state"\n[scan]\ncalendars = ["kal.xlsx"]\n'
            'timezone = "Europe/Amsterdam"\nshipped_lists = false\n'
            '[nightly]\nreports = ["json"]\nretries = 0\n'
            f'[notify.email]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\n'
            'sender = "check@example.nl"\nrecipients = ["webcare@example.nl"]\ntimeout = 5\n',
            encoding="utf-8")
        at = ("--config", config)
        assert run("crisis", "start", "Trein", "--term", "trein", *at,
                   "--now", NOW).exit_code == 0
        report = tmp_path / "review.xlsx"
        assert run("scan", *at, "--now", NOW, "-o", report).exit_code == 1
        decide(report, {2: ("change", "Met de bus naar de kerstmarkt!")})
        assert run("apply", report, *at).exit_code == 0
        assert run("crisis", "add", "Trein", "--term", "bus", *at,
                   "--now", "2026-11-24T14:00").exit_code == 0
        evening = ("--now", "2026-11-24T18:00")
        assert run("watch", "--once", *at, *evening).exit_code == 1
        first = box.wait_for(1, timeout=5)[0]
        assert run("watch", "--once", *at, *evening).exit_code == 1
        second = box.wait_for(2, timeout=5)[1]
    assert first["Subject"].startswith("[contentcheck] NEW TEXT HITS A CRISIS TERM (1)")
    body = first.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert ("kal.xlsx [Planning] row 2: the new text applied earlier, 'Met de bus naar de "
            "kerstmarkt!', hits 'bus' (crisis term 'bus') now") in body
    assert "NEW TEXT" not in second["Subject"]  # said once
    avond = tmp_path / "avond.xlsx"
    assert run("scan", *at, *evening, "-o", avond).exit_code == 1
    row = [cell.value for cell in openpyxl.load_workbook(avond)["Flagged"][2]]
    assert row[5] == "Met de trein naar de kerstmarkt!" and row[6] is None and row[7] is None


def test_a_bulk_file_never_uploads_posts_a_quiet_period_holds_after_the_reports_window(
        tmp_path: Path) -> None:
    """`scan --hold 3d --days 1`: a quiet period holds every post of the next three days, the
    report covers one. apply re-uploads every row of a Hootsuite file and checked the rows
    after the window against the crisis terms only: the held posts of day two and three, no
    crisis word in them, went into the upload file unpaused, unlisted, exit 0."""
    bulk = hootsuite(tmp_path / "hootsuite.csv", [
        ("24/11/2026 12:00", "Met de trein naar huis"), ("24/11/2026 15:00", "Gezellige middag"),
        ("25/11/2026 10:00", "Gezellige zaterdag"), ("26/11/2026 10:00", "Kom naar de markt")])
    report = tmp_path / "review.xlsx"
    scan_report([bulk], report, "--hold", "3d", "--days", "1")
    decide(report, {1: ("pause", None), 2: ("publish", None)})
    refused = run("apply", report)
    assert refused.exit_code == 2, refused.output
    assert "row 3" in refused.output and "quiet period" in refused.output
    assert not (tmp_path / "hootsuite-checked.csv").exists()
    held = run("apply", report, "--unreviewed", "pause")
    assert held.exit_code == 1, held.output
    assert (tmp_path / "hootsuite-checked.csv").read_text(encoding="utf-8").splitlines() == [
        "24/11/2026 15:00,Gezellige middag,"]


def test_a_quiet_period_past_the_crisis_end_says_it_ends_with_the_crisis(tmp_path: Path) -> None:
    """`crisis hold Brand 3d` on a crisis that ends tomorrow said 'every post scheduled before
    <in three days> waits'; the period ends with the crisis, a day and a half earlier, and
    posts in between went out as the terms decide. The line says when it really ends."""
    now = ("--now", "2026-11-24T08:00")
    assert run("crisis", "start", "Brand", "--term", "brand*", "--until", "2026-11-25",
               *now).exit_code == 0
    result = run("crisis", "hold", "Brand", "3d", *now)
    assert result.exit_code == 0, result.output
    assert "the crisis itself ends at 2026-11-26 00:00" in result.output
    assert "contentcheck crisis extend Brand --until DATE" in result.output
