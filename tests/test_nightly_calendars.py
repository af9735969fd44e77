"""The nightly check with several calendars: glob patterns, and one missing calendar that is
named loudly while every readable calendar is still checked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contentcheck.nightly.history import History
from tests.conftest import NOW, run, write_csv, write_xlsx
from tests.helpers_servers import smtp_server
from tests.test_nightly import ROWS, email_config, run_watch

pytest.importorskip("aiosmtpd")

HEADER = ["Datum", "Tijd", "Kanaal", "Bericht"]


def team_folder(folder: Path, calendars: str, extra: str = "") -> Path:
    """kalender.csv plus two exported workbooks under exports/, and a config naming them."""
    (folder / "crisis.txt").write_text("trein*\n", encoding="utf-8")
    write_csv(folder / "kalender.csv", ROWS)
    (folder / "exports").mkdir()
    write_xlsx(folder / "exports" / "meta-week48.xlsx",
               {"Posts": [HEADER, ["25-11-2026", "10:00", "Facebook", "Treinkaartjes te winnen"]]})
    write_xlsx(folder / "exports" / "meta-week49.xlsx",
               {"Posts": [HEADER, ["26-11-2026", "10:00", "Instagram", "Met de trein op vakantie"]]})
    config = folder / "contentcheck.toml"
    config.write_text(
        f'state_dir = "state"\n[scan]\ncalendars = {calendars}\ncrisis = ["crisis.txt"]\n'
        'timezone = "Europe/Amsterdam"\nshipped_lists = false\n'
        f'[nightly]\nreport_dir = "reports"\nretries = 0\n{extra}', encoding="utf-8")
    return config


def test_a_glob_pattern_in_calendars_reads_every_matching_file(tmp_path: Path) -> None:
    config = team_folder(tmp_path, '["kalender.csv", "exports/*.xlsx"]')
    result = run("scan", "--config", config, "--now", NOW, "--format", "json", "--exit-zero")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    texts = {post["text"] for post in document["posts"]}
    assert {"Treinkaartjes te winnen", "Met de trein op vakantie",
            "Met de trein naar de kerstmarkt"} <= texts


def test_a_pattern_leaves_out_the_copy_apply_wrote_of_a_calendar_it_finds(tmp_path: Path) -> None:
    config = team_folder(tmp_path, '["exports/*.xlsx"]')
    report = tmp_path / "review.xlsx"
    scanned = run("scan", "--config", config, "--now", NOW, "-o", report)
    assert scanned.exit_code == 1, scanned.stderr
    applied = run("apply", report)
    assert applied.exit_code in (0, 1), applied.stderr
    assert (tmp_path / "exports" / "meta-week48-checked.xlsx").is_file()
    result = run("scan", "--config", config, "--now", NOW, "--format", "json", "--exit-zero")
    document = json.loads(result.stdout)
    assert sorted(Path(c["path"]).name for c in document["calendars"]) == [
        "meta-week48.xlsx", "meta-week49.xlsx"]
    assert len(document["posts"]) == 2  # each once, none its own duplicate


def test_one_missing_calendar_is_named_loudly_and_the_others_are_checked(tmp_path: Path) -> None:
    with smtp_server() as (box, port):
        config = team_folder(tmp_path, '["kalender.csv", "weg/planning.xlsx", "exports/*.xlsx"]',
                             email_config(port))
        result = run_watch("--once", "--config", config, "--now", NOW)
        assert result.exit_code == 2, "incomplete: scripts see it as a failed check"
        (mail,) = box.wait_for(1)
    assert mail["Subject"].startswith("[contentcheck] 1 CALENDAR NOT CHECKED - ")
    body = mail.get_body(("plain",)).get_content()
    assert body.startswith("CRISIS ACTIVE")  # the crisis first, then what was not checked
    assert body.index("NOT CHECKED: 1 calendar(s) could not be read") < body.index("NEW")
    assert "weg/planning.xlsx: no such file" in body
    for text in ("Treinkaartjes te winnen", "Met de trein op vakantie",
                 "Met de trein naar de kerstmarkt"):
        assert text in body, text
    assert "planning.xlsx: no such file (skipped; the other calendars are checked)" in result.stderr
    (record,) = History(tmp_path / "state").runs()
    assert record.ok and record.flagged == 3
    assert [(Path(p).name, digest is None) for p, digest in record.calendars] == [
        ("kalender.csv", False), ("meta-week48.xlsx", False), ("meta-week49.xlsx", False),
        ("planning.xlsx", True)]


def test_a_pattern_that_matches_nothing_is_named(tmp_path: Path) -> None:
    config = team_folder(tmp_path, '["kalender.csv", "exports/*.ods"]', 'notify = "always"\n')
    result = run_watch("--once", "--config", config, "--now", NOW)
    assert result.exit_code == 2
    assert "exports/*.ods: no such file" in result.stderr


def test_the_crisis_checks_repeat_a_missing_calendar_only_when_that_changes(tmp_path: Path) -> None:
    from contentcheck.config import load_config
    from contentcheck.nightly.config import nightly_settings
    from contentcheck.nightly.runner import run_check

    config = load_config(team_folder(tmp_path, '["kalender.csv", "weg.csv"]'))
    job = nightly_settings(config)
    first = run_check(job, config, reason="crisis", scan_now=NOW)
    assert first.message is not None and "NOT CHECKED" in first.message.subject
    second = run_check(job, config, reason="crisis", scan_now=NOW)
    assert second.message is None, "the same calendar still missing: said already"
    daily = run_check(job, config, reason="daily", scan_now=NOW)
    assert daily.message is not None and "weg.csv: no such file" in daily.message.text
    write_csv(tmp_path / "weg.csv", [HEADER, ["25-11-2026", "09:00", "X", "Oliebollen"]])
    back = run_check(job, config, reason="crisis", scan_now=NOW)
    assert back.ok and back.unreadable == [] and back.message is None


def test_crisis_checks_mail_only_what_is_new_and_the_daily_check_still_reports(
        tmp_path: Path) -> None:
    """notify = "flagged" (the default): the daily check mails what is flagged, but the checks
    every few minutes during a crisis (here `--once --if-crisis`, as cron runs them) mail only
    when something is new."""
    from datetime import datetime, timezone

    from contentcheck import crisis as crises

    with smtp_server() as (box, port):
        config = team_folder(tmp_path, '["kalender.csv"]', email_config(port))
        crises.start(tmp_path / "state", "Trein", "trein*\n", datetime(2026, 1, 1, tzinfo=timezone.utc))
        for _ in range(3):
            assert run_watch("--once", "--if-crisis", "--config", config, "--now", NOW).exit_code == 1
        assert len(box.wait_for(1)) == 1 and len(box.messages) == 1, "one mail, not three"
        write_csv(tmp_path / "kalender.csv", ROWS + [["26-11-2026", "09:00", "X", "Treinreis winnen"]])
        assert run_watch("--once", "--if-crisis", "--config", config, "--now", NOW).exit_code == 1
        assert run_watch("--once", "--config", config, "--now", NOW).exit_code == 1
        first, new, daily = box.wait_for(3)
    assert "Treinreis winnen" in new.get_body(("plain",)).get_content()
    assert "nothing new; 2 still flagged" in daily["Subject"]


def test_the_first_crisis_check_runs_when_the_watcher_starts() -> None:
    from datetime import datetime, time

    from contentcheck.nightly.schedule_loop import Watcher
    from tests.conftest import AMSTERDAM

    reasons: list[str] = []
    at = time((datetime.now(AMSTERDAM).hour + 12) % 24)  # the daily check is hours away
    watcher = Watcher(reasons.append, lambda: True, at=at, zone=AMSTERDAM, crisis_every_minutes=30)
    assert watcher.run(max_runs=1) == 1 and reasons == ["crisis"]


def test_the_nightly_check_does_not_read_its_own_reports_as_calendars(tmp_path: Path) -> None:
    """QA: with calendars = ["**/*.xlsx"] in the team folder, the second run read the first
    run's report as a calendar (its All posts sheet has a Datum/Bericht header), the third
    read both: 2 flagged, then 6, then 18, each 'new' and mailed. A pattern skips the review
    workbooks contentcheck wrote; one named as a calendar is refused, exit 2, one line."""
    import datetime as dt

    header = ["Datum", "Tijd", "Kanaal", "Bericht", "Status"]
    write_xlsx(tmp_path / "kalender.xlsx", {"Planning": [
        header,
        [dt.datetime(2026, 11, 25), "09:00", "Facebook", "Neem de trein naar de kerstmarkt!", "Gepland"],
        [dt.datetime(2026, 11, 25), "12:00", "X", "Met de trein naar oma", "Gepland"],
    ]})
    config = tmp_path / "contentcheck.toml"
    config.write_text('state_dir = "state"\n[scan]\ncalendars = ["**/*.xlsx"]\nterms = ["trein"]\n'
                      'timezone = "Europe/Amsterdam"\nshipped_lists = false\n'
                      '[nightly]\nretries = 0\n', encoding="utf-8")
    for _ in range(3):
        result = run_watch("--once", "--config", config, "--now", NOW)
        assert result.exit_code in (1, 2), result.stderr
    runs = History(tmp_path / "state").runs()
    assert [run.flagged for run in runs] == [2, 2, 2]

    report = next((tmp_path / "state").rglob("*.xlsx"))
    result = run("scan", report, "--term", "trein", "--now", NOW)
    assert result.exit_code == 2, result.stdout
    assert "is a contentcheck report, not a calendar" in result.stderr
    assert "Traceback" not in result.stderr
