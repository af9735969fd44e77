"""The nightly check in-process: config layering, dated reports, history, "new since the
previous run", failure notifications, the lock and the schedule arithmetic."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from contentcheck.cli.watch import watch
from contentcheck.config import load_config
from contentcheck.locks import AlreadyRunning, WatchLock
from contentcheck.nightly.config import nightly_settings
from contentcheck.nightly.history import History
from contentcheck.nightly.runner import run_check
from contentcheck.nightly.schedule_loop import Watcher, next_daily
from tests.conftest import AMSTERDAM, NOW, write_csv
from tests.helpers_servers import smtp_server

ROWS = [["Datum", "Tijd", "Kanaal", "Bericht"],
        ["24-11-2026", "12:00", "X", "Met de trein naar de kerstmarkt"],
        ["25-11-2026", "12:00", "X", "Oliebollen zijn terug"]]


def write_config(folder: Path, extra: str = "") -> Path:
    """A team's contentcheck.toml: one CSV calendar, a crisis term file, reports beside it."""
    (folder / "crisis.txt").write_text("trein*\n", encoding="utf-8")
    write_csv(folder / "kalender.csv", ROWS)
    config = folder / "contentcheck.toml"
    config.write_text(
        'state_dir = "state"\n[scan]\ncalendars = ["kalender.csv"]\ncrisis = ["crisis.txt"]\n'
        'timezone = "Europe/Amsterdam"\nshipped_lists = false\n'
        f'[nightly]\nreport_dir = "reports"\nretries = 0\n{extra}', encoding="utf-8")
    return config


def run_watch(*args: str) -> Result:
    return CliRunner().invoke(watch, [str(a) for a in args], catch_exceptions=False)


def test_config_layering_defaults_file_flags(tmp_path: Path) -> None:
    bare = nightly_settings(load_config(write_config(tmp_path, "")))
    assert (bare.at, bare.crisis_every, bare.notify_when) == (time(2, 0), 30.0, "flagged")
    assert bare.reports_folder == tmp_path / "reports"
    assert bare.state_dir == tmp_path / "state"

    config = load_config(write_config(tmp_path, 'at = "03:15"\ncrisis_every_minutes = 10\n'))
    from_file = nightly_settings(config)
    assert (from_file.at, from_file.crisis_every) == (time(3, 15), 10.0)

    flags = nightly_settings(config, at="04:30:15", crisis_every=2.5, report_dir=tmp_path / "x")
    assert (flags.at, flags.crisis_every, flags.reports_folder) == (time(4, 30, 15), 2.5, tmp_path / "x")


def test_no_config_uses_the_state_folder_for_reports(isolated_state: Path) -> None:
    job = nightly_settings(load_config(None))
    assert job.reports_folder == isolated_state / "reports" and job.at == time(2, 0)


@pytest.mark.parametrize("extra, message", [
    ('at = "2 uur"\n', "[nightly] at must be a time like 02:00"),
    ("crisis_every_minutes = 0\n", "[nightly] crisis_every_minutes must be more than 0"),
    ('reports = ["pdf"]\n', "[nightly] reports must be one of xlsx, json"),
    ('notify = "sometimes"\n', "[nightly] notify must be one of flagged, new, always"),
    ("at_time = 1\n", "[nightly] has an unknown key 'at_time'"),
    ("keep_days = -1\n", "[nightly] keep_days must be 0 or more"),
])
def test_nightly_config_errors_exit_2_naming_the_file(tmp_path: Path, extra: str, message: str) -> None:
    config = write_config(tmp_path, extra)
    result = run_watch("--once", "--config", config)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"contentcheck: error: {config}: {message}")
    assert result.stderr.count("\n") == 1


def email_config(port: int) -> str:
    return (f'[notify.email]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\n'
            'sender = "check@example.nl"\nrecipients = ["webcare@example.nl"]\ntimeout = 5\n')


def test_once_twice_reports_history_and_only_new_flags(tmp_path: Path) -> None:
    with smtp_server() as (box, port):
        config = write_config(tmp_path, email_config(port))
        first = run_watch("--once", "--config", config, "--now", NOW)
        assert first.exit_code == 1, first.stderr
        rows = ROWS + [["26-11-2026", "09:00", "Instagram", "Treinreis winnen!"]]
        write_csv(tmp_path / "kalender.csv", rows)
        second = run_watch("--once", "--config", config, "--now", NOW)
        assert second.exit_code == 1, second.stderr
        mails = box.wait_for(2)
    assert "1 new flagged post" in mails[0]["Subject"] and "CRISIS ACTIVE" in mails[0]["Subject"]
    body = mails[1].get_body(("plain",)).get_content()
    assert body.startswith("CRISIS ACTIVE (")
    assert "Treinreis winnen!" in body and "Met de trein" not in body
    assert "Still flagged from earlier runs: 1" in body
    assert [a.get_filename().endswith(".xlsx") for a in mails[1].iter_attachments()] == [True]

    reports = sorted((tmp_path / "reports").iterdir())
    assert [p.suffix for p in reports] == [".json", ".xlsx", ".json", ".xlsx"]
    document = json.loads(reports[2].read_text(encoding="utf-8"))
    assert [f["text"] for f in document["nightly"]["new"]] == ["Treinreis winnen!"]
    assert document["nightly"]["still_flagged"] == 1 and document["crisis"]["active"]
    import openpyxl

    flagged = openpyxl.load_workbook(reports[3]).worksheets[1]
    text = next(cell.column for cell in flagged[1] if cell.value in ("Post text", "Bericht")) - 1
    status = {row[text].value: row[0].value for row in flagged.iter_rows(min_row=2)}
    assert status["Treinreis winnen!"].endswith((" · new", " · nieuw"))   # marked as new
    assert status["Met de trein naar de kerstmarkt"] in ("pause", "pauze")  # seen last night

    latest, earlier = History(tmp_path / "state").runs()
    assert (earlier.flagged, earlier.new, latest.flagged, latest.new) == (1, 1, 2, 1)
    assert latest.ok and latest.calendars[0][0].endswith("kalender.csv")
    assert latest.calendars[0][1] != earlier.calendars[0][1], "the content hash follows the file"


def test_inserting_a_row_above_does_not_make_old_flags_new(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path))
    job = nightly_settings(config)
    assert len(run_check(job, config, scan_now=NOW).new) == 1
    write_csv(tmp_path / "kalender.csv", [ROWS[0], ["23-11-2026", "12:00", "X", "Nieuw"], *ROWS[1:]])
    again = run_check(job, config, scan_now=NOW)
    assert again.ok and len(again.flags) == 1 and again.new == []


def test_failed_run_is_recorded_notified_and_next_run_works(tmp_path: Path) -> None:
    with smtp_server() as (box, port):
        config_path = write_config(tmp_path, email_config(port))
        (tmp_path / "kalender.csv").unlink()
        failed = run_watch("--once", "--config", config_path, "--now", NOW)
        assert failed.exit_code == 2
        assert "check failed" in failed.stderr and "kalender.csv: no such file" in failed.stderr
        write_csv(tmp_path / "kalender.csv", ROWS)
        assert run_watch("--once", "--config", config_path, "--now", NOW).exit_code == 1
        failure, flagged = box.wait_for(2)
    assert failure["Subject"].strip().startswith("[contentcheck] check FAILED: ")
    assert "kalender.csv: no such file" in failure.get_body(("plain",)).get_content()
    assert "1 new flagged post" in flagged["Subject"]
    latest, first = History(tmp_path / "state").runs()
    assert (first.ok, latest.ok) == (False, True) and "no such file" in first.error


def test_report_folder_that_cannot_be_written_is_a_failed_run(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path, ""))
    (tmp_path / "reports").write_text("a file where the folder should be", encoding="utf-8")
    outcome = run_check(nightly_settings(config), config, scan_now=NOW)
    assert not outcome.ok and "reports" in outcome.error
    assert outcome.message is not None and outcome.message.subject.startswith("check FAILED")


def test_notify_new_sends_nothing_when_nothing_is_new(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path, 'notify = "new"\n'))
    job = nightly_settings(config)
    assert run_check(job, config, scan_now=NOW).message is not None
    assert run_check(job, config, scan_now=NOW).message is None


def test_a_second_watcher_says_so_and_exits(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    with WatchLock(tmp_path / "state"):
        result = run_watch("--once", "--config", config, "--now", NOW)
        with pytest.raises(AlreadyRunning):
            WatchLock(tmp_path / "state").acquire()
    assert result.exit_code == 2
    assert "another watcher is already running for state folder" in result.stderr
    assert "pid " in result.stderr
    assert run_watch("--once", "--config", config, "--now", NOW).exit_code == 1, "lock released"


def test_next_daily_in_the_configured_zone_across_dst() -> None:
    before = datetime(2026, 3, 28, 12, 0, tzinfo=AMSTERDAM)
    assert next_daily(before, time(2, 0), AMSTERDAM) == datetime(2026, 3, 29, 3, 0, tzinfo=AMSTERDAM)
    night = datetime(2026, 11, 24, 1, 59, tzinfo=AMSTERDAM)
    assert next_daily(night, time(2, 0), AMSTERDAM) == datetime(2026, 11, 24, 2, 0, tzinfo=AMSTERDAM)
    after = datetime(2026, 11, 24, 2, 0, tzinfo=AMSTERDAM)
    assert next_daily(after, time(2, 0), AMSTERDAM) == datetime(2026, 11, 25, 2, 0, tzinfo=AMSTERDAM)


def test_watcher_runs_crisis_checks_only_while_a_crisis_is_active() -> None:
    reasons: list[str] = []
    crisis = {"on": False}

    def check(reason: str) -> None:
        reasons.append(reason)
        crisis["on"] = True  # the first (daily) check finds a crisis was declared meanwhile
        if len(reasons) == 3:
            raise RuntimeError("a bug in one check must not stop the watcher")

    soon = (datetime.now(AMSTERDAM).replace(microsecond=0).timestamp() + 1)
    at = datetime.fromtimestamp(soon, AMSTERDAM).time()
    watcher = Watcher(check, lambda: crisis["on"], at=at, zone=AMSTERDAM, crisis_every_minutes=0.005)
    assert watcher.run(max_runs=4) == 4
    assert reasons[0] == "daily" and reasons[1:] == ["crisis"] * 3


def test_stop_ends_the_loop_between_checks() -> None:
    watcher = Watcher(lambda reason: None, lambda: True, at=time(2, 0), zone=AMSTERDAM,
                      crisis_every_minutes=0.005)
    watcher.check = lambda reason: watcher.stop()
    assert watcher.run() == 1


def test_if_crisis_checks_only_during_a_crisis(tmp_path: Path) -> None:
    from contentcheck import crisis as crises

    config = tmp_path / "contentcheck.toml"
    config.write_text('state_dir = "state"\n[scan]\ncalendars = ["kalender.csv"]\nshipped_lists = false\n'
                      'timezone = "Europe/Amsterdam"\n', encoding="utf-8")
    write_csv(tmp_path / "kalender.csv", ROWS)
    assert run_watch("--once", "--if-crisis", "--config", config, "--now", NOW).exit_code == 0
    assert not (tmp_path / "state" / "reports").exists()
    crises.start(tmp_path / "state", "trein", "trein*\n", datetime(2026, 1, 1, tzinfo=AMSTERDAM))
    assert run_watch("--once", "--if-crisis", "--config", config, "--now", NOW).exit_code == 1
    assert run_watch("--if-crisis", "--config", config).exit_code == 2


def test_the_documented_config_example_is_valid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import documentation

    examples = [part.split("```")[0] for part in documentation().split("```toml\nstate_dir")[1:]]
    assert len(examples) >= 2  # the README's minimal one and the full one in docs/nightly.md
    monkeypatch.setenv("CONTENTCHECK_WEBHOOK_URL", "https://hooks.example/T0/abc")
    config = tmp_path / "contentcheck.toml"
    for example in examples:  # every documented team config loads
        config.write_text("state_dir" + example, encoding="utf-8")
        job = nightly_settings(load_config(config))
        assert job.channels["email"].sender == "contentcheck@example.nl"
    full = next(example for example in examples if "[nightly]" in example)
    config.write_text("state_dir" + full, encoding="utf-8")
    job = nightly_settings(load_config(config))
    assert (job.at, job.crisis_every, job.reports_folder) == (time(2, 0), 15.0, tmp_path / "rapporten")
    assert job.channels["email"].security == "starttls" and "webhook" in job.channels


def test_a_calendar_being_saved_is_tried_again(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    import threading

    config = load_config(write_config(tmp_path))
    job = replace(nightly_settings(config), retries=3, retry_seconds=0.2)
    calendar = tmp_path / "kalender.csv"
    calendar.unlink()
    later = threading.Timer(0.3, lambda: write_csv(calendar, ROWS))
    later.start()
    try:
        outcome = run_check(job, config, scan_now=NOW)
    finally:
        later.join(timeout=5)
    assert outcome.ok and len(outcome.flags) == 1
    assert "trying again in 0.2 s (1 of 3)" in caplog.text


def test_a_history_that_cannot_be_written_is_a_failed_run(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path))
    (tmp_path / "state" / "history.sqlite3").mkdir(parents=True)
    outcome = run_check(nightly_settings(config), config, scan_now=NOW)
    assert not outcome.ok and "unable to open database file" in outcome.error
    assert outcome.message is not None and "FAILED" in outcome.message.text


def test_a_bug_in_a_check_is_still_notified(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import contentcheck.scan

    def broken(settings: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(contentcheck.scan, "run_scan", broken)
    config = load_config(write_config(tmp_path))
    outcome = run_check(nightly_settings(config), config, scan_now=NOW)
    assert outcome.error == "internal error: ZeroDivisionError: division by zero"


def _old_run(history: History, job: str, started: datetime, *, ok: bool = True,
             reports: tuple[Path, ...] = ()) -> int:
    from contentcheck.nightly.history import Flag

    flag = Flag(key=f"k{started:%j}", status="pause", location="kalender.csv row 2",
                scheduled_at=None, channel="X", text="Met de trein", terms=("trein*",))
    return history.record(job=job, reason="daily", started=started, finished=started,
                          error=None if ok else "kalender.csv: locked", reports=reports,
                          flags=[flag] if ok else [], new_keys={flag.key})


def test_runs_and_reports_older_than_keep_days_are_removed(tmp_path: Path) -> None:
    """A watcher that runs for months (every few minutes in a crisis) does not fill the disk:
    its runs and the dated reports they wrote go after keep_days; another team's runs and
    reports in the same folders, and every other file, stay."""
    config = load_config(write_config(tmp_path, "keep_days = 30\n"))
    job = nightly_settings(config)
    history = History(job.state_dir)
    reports = tmp_path / "reports"
    reports.mkdir()
    old, recent = datetime(2020, 1, 5, 2, tzinfo=AMSTERDAM), datetime.now(AMSTERDAM)
    ours = [reports / f"contentcheck-{old:%Y-%m-%d_%H%M%S}.xlsx",
            reports / f"contentcheck-{old:%Y-%m-%d_%H%M%S}.json"]
    theirs = reports / f"contentcheck-{old:%Y-%m-%d_%H%M%S}_2.xlsx"
    others = [theirs, reports / f"contentcheck-{recent:%Y-%m-%d_%H%M%S}.xlsx",
              reports / "contentcheck-notes.xlsx", reports / "eigen.xlsx"]
    for path in ours + others:
        path.write_bytes(b"x")
    _old_run(history, job.job, old, reports=tuple(ours))
    _old_run(history, job.job, old.replace(day=6), ok=False)
    _old_run(history, "other team", old, reports=(theirs,))
    assert len(history.runs()) == 3

    done = run_check(job, config, scan_now=NOW)
    assert done.ok
    assert {r.job for r in history.runs()} == {job.job, "other team"}
    assert [r.started for r in history.runs(job.job)] == [done.started.isoformat()]
    import sqlite3

    with sqlite3.connect(history.path) as db:
        assert db.execute("SELECT COUNT(*) FROM flags").fetchone()[0] == 2  # this run + other team
    assert sorted(reports.iterdir()) == sorted(others + done.reports)


def test_the_last_good_run_and_its_report_stay_however_old(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path, "keep_days = 30\n"))
    job = nightly_settings(config)
    history = History(job.state_dir)
    old = datetime(2020, 1, 5, 2, tzinfo=AMSTERDAM)
    report = tmp_path / "reports" / f"contentcheck-{old:%Y-%m-%d_%H%M%S}.xlsx"
    report.parent.mkdir()
    report.write_bytes(b"x")
    _old_run(history, job.job, old, reports=(report,))
    (tmp_path / "kalender.csv").unlink()  # tonight's check fails: last year's stays the reference
    failed = run_check(job, config, scan_now=NOW)
    assert not failed.ok
    from contentcheck.nightly.runner import prune

    prune(job, history, datetime.now(AMSTERDAM))
    previous, keys = history.previous_keys(job.job)
    assert previous is not None and previous.started == old.isoformat() and keys == {f"k{old:%j}"}
    assert report.exists()
    _old_run(history, job.job, old.replace(day=7), ok=False)
    prune(replace(job, keep_days=0), history, datetime.now(AMSTERDAM))  # 0: keep everything
    assert len(history.runs(job.job)) == 3
    prune(job, history, datetime.now(AMSTERDAM))
    assert len(history.runs(job.job)) == 2


def test_the_nightly_report_carries_the_decisions_applied_since(tmp_path: Path) -> None:
    """The morning's reviewer decided and applied; the nightly report fills those decisions in
    for the posts that still say the same, so nobody types them twice."""
    import openpyxl

    from tests.conftest import run

    config = write_config(tmp_path)
    assert run_watch("--once", "--config", config, "--now", NOW).exit_code == 1
    first = next(p for p in sorted((tmp_path / "reports").iterdir()) if p.suffix == ".xlsx")
    book = openpyxl.load_workbook(first)
    sheet = book.worksheets[1]
    column = {cell.value: cell.column for cell in sheet[1]}
    decision = column.get("Decision") or column["Besluit"]
    reviewer = column.get("Reviewer") or column["Beoordelaar"]
    sheet.cell(2, decision).value, sheet.cell(2, reviewer).value = "publish", "Ilse"
    book.save(first)
    applied = run("apply", first)
    assert applied.exit_code == 0, applied.output
    assert run_watch("--once", "--config", config, "--now", NOW).exit_code == 1
    second = [p for p in sorted((tmp_path / "reports").iterdir()) if p.suffix == ".xlsx"][-1]
    assert second != first
    row = [cell.value for cell in openpyxl.load_workbook(second).worksheets[1][2]]
    assert row[decision - 1] in ("publish", "publiceren") and row[reviewer - 1] == "Ilse"


def test_the_nightly_mail_says_a_crisis_expired_overnight(tmp_path: Path) -> None:
    """QA8 #3: the night after a crisis's until passed unended its posts look ok again,
    nothing is flagged, so no mail went out (notify = flagged) and the only trace was a log
    line. The check tells people once (subject and first line), with the scan's warnings in
    the mail; the next check, the until long before it, is quiet again."""
    write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht"],
        ["24-11-2026", "12:00", "X", "Met de trein naar de kerstmarkt"]])
    crises = tmp_path / "state" / "crises"
    crises.mkdir(parents=True)
    (crises / "trein.toml").write_text(
        'name = "Treinongeluk"\nstarted = 2026-11-22T07:00:00+01:00\n'
        "until = 2026-11-24T06:00:00+01:00\nterms = '''\ntrein\n'''\n", encoding="utf-8")
    with smtp_server() as (box, port):
        config = tmp_path / "contentcheck.toml"
        config.write_text(
            'state_dir = "state"\n[scan]\ncalendars = ["kalender.csv"]\n'
            'timezone = "Europe/Amsterdam"\nshipped_lists = false\n'
            f'[nightly]\nreport_dir = "reports"\nretries = 0\n{email_config(port)}',
            encoding="utf-8")
        first = run_watch("--once", "--config", config, "--now", NOW)
        assert first.exit_code == 0, first.stderr
        assert "Treinongeluk" in first.stderr  # the log line
        mails = box.wait_for(1, timeout=5)
        second = run_watch("--once", "--config", config, "--now", NOW)
        assert second.exit_code == 0, second.stderr
    assert len(box.messages) == 1, [m["Subject"] for m in box.messages]
    assert mails[0]["Subject"].endswith("] CRISIS EXPIRED (Treinongeluk) - nothing flagged")
    body = mails[0].get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert body.startswith("CRISIS EXPIRED: crisis 'Treinongeluk' stopped counting at Tue "
                           "2026-11-24 06:00 (its until)")
    assert "Warnings (1):\n  crisis 'Treinongeluk' stopped counting at" in body


def test_the_nightly_history_is_read_once_per_channel_not_per_flag(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA8 #7: runner.py asked History.notified_keys (a new sqlite connection reading every
    notified key) once per flagged post: quadratic (4,000 flagged posts 2.2 -> 11.6 s; a
    crisis check of 22,000 flagged posts ran for minutes, SIGTERM waiting for it)."""
    write_csv(tmp_path / "kalender.csv", [["Datum", "Tijd", "Kanaal", "Bericht"]] + [
        ["25-11-2026", f"{8 + i // 6}:{i % 6}0", "X", f"Storing nummer {i}"] for i in range(30)])
    config = tmp_path / "contentcheck.toml"
    config.write_text('state_dir = "state"\n[scan]\ncalendars = ["kalender.csv"]\n'
                      'terms = ["storing"]\nshipped_lists = false\ntimezone = "Europe/Amsterdam"\n'
                      '[nightly]\nreports = ["json"]\nretries = 0\n', encoding="utf-8")
    calls = []
    original = History.notified_keys

    def counted(self: History, job: str, channel: str) -> set[str]:
        calls.append(channel)
        return original(self, job, channel)

    monkeypatch.setattr(History, "notified_keys", counted)
    for _ in range(2):
        result = run_watch("--once", "--config", config, "--now", NOW)
        assert result.exit_code == 1, result.stderr
    assert calls == ["report", "report"], f"{len(calls)} reads for 30 flagged posts, 2 runs"
