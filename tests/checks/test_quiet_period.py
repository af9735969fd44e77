"""quiet-period: while a crisis (or a scan's ``--hold``) holds a quiet period, every upcoming
post scheduled before its end is paused whatever its words; posts after it are decided on their
words alone, and the period ends with the crisis or when lifted."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest

from tests.checks.helpers import assert_in_every_report, write_config
from tests.conftest import NOW, run, scan_json, write_csv, write_xlsx

HEADER = ["Datum", "Tijd", "Kanaal", "Bericht"]
# the crisis is declared at 06:00 with --hold 14h: every post before 20:00 that day waits
# (Datum, Tijd) -> status; the text is always an ordinary one
EXAMPLES = [
    # should pause
    ((dt.datetime(2026, 11, 24), "09:00"), "pause"),
    ((dt.datetime(2026, 11, 24), "19:59"), "pause"),
    ((dt.datetime(2026, 11, 24), None), "pause"),  # a whole-day post counts from its day's start
    ((None, None), "pause"),  # no date: nothing shows it comes later
    (("2026-11-24T18:30:00Z", None), "pause"),  # 19:30 in Amsterdam
    # should stay ok
    ((dt.datetime(2026, 11, 24), "20:00"), "ok"),  # the end itself no longer waits
    (("2026-11-24T19:30:00Z", None), "ok"),  # 20:30 in Amsterdam
    ((dt.datetime(2026, 11, 25), None), "ok"),
    ((dt.datetime(2026, 11, 25), "09:00"), "ok"),
]
TEXT = "Onze wintercollectie ligt in de winkel: kom langs!"


def _declare(*args: str) -> None:
    result = run("crisis", "start", "Treinramp", "--term", "trein*", "--hold", "14h",
                 "--now", "2026-11-24T06:00+01:00", *args)
    assert result.exit_code == 0, result.stderr
    assert "quiet period: every post scheduled before 2026-11-24 " in result.stdout


def _calendar(tmp_path: Path, *rows: list) -> Path:
    return write_xlsx(tmp_path / "kalender.xlsx", {"Planning": [HEADER, *rows]})


@pytest.mark.parametrize(("when", "status"), EXAMPLES)
def test_examples(tmp_path: Path, when: tuple, status: str) -> None:
    _declare()
    post = scan_json(_calendar(tmp_path, [*when, "Instagram", TEXT]))["posts"][0]
    assert post["status"] == status
    held = [m for m in post["matches"] if m["check"] == "quiet-period"]
    assert bool(held) == (status == "pause")


def test_the_terms_still_decide_after_the_period_and_show_during_it(tmp_path: Path) -> None:
    _declare()
    calendar = _calendar(tmp_path,
                         [dt.datetime(2026, 11, 24), "10:00", "X", "Met de trein naar Parijs"],
                         [dt.datetime(2026, 11, 26), "10:00", "X", "Met de trein naar Brussel"],
                         [dt.datetime(2026, 11, 26), "11:00", "X", TEXT])
    posts = scan_json(calendar)["posts"]
    assert [p["status"] for p in posts] == ["pause", "pause", "ok"]
    assert {m["check"] for m in posts[0]["matches"]} == {"terms", "quiet-period"}
    assert {m["check"] for m in posts[1]["matches"]} == {"terms"}


def test_the_reason_and_the_banner_in_every_report(tmp_path: Path) -> None:
    _declare()
    calendar = _calendar(tmp_path, [dt.datetime(2026, 11, 24), "09:00", "Instagram", TEXT])
    assert_in_every_report(tmp_path, calendar,
                           "quiet period of crisis Treinramp: every post until "
                           "Tue 24-11-2026 20:00 waits")
    assert_in_every_report(tmp_path, calendar,
                           "rustperiode van crisis Treinramp: elk bericht tot "
                           "di 24-11-2026 20:00 wacht", lang="nl")
    table = run("scan", calendar, "--now", NOW, "--timezone", "Europe/Amsterdam")
    assert ("QUIET PERIOD: crisis Treinramp holds every post scheduled before "
            "Tue 24-11-2026 20:00") in table.stdout
    assert "contentcheck crisis hold Treinramp off" in table.stdout
    report = tmp_path / "rapport.xlsx"
    run("scan", calendar, "--now", NOW, "--timezone", "Europe/Amsterdam", "--lang", "nl",
        "-o", report)
    summary = openpyxl.load_workbook(report).worksheets[0]
    cells = [str(c) for row in summary.iter_rows(values_only=True) for c in row if c]
    assert "Rustperiode" in cells
    assert any(c.startswith("RUSTPERIODE: crisis Treinramp houdt elk bericht tegen dat vóór "
                            "di 24-11-2026 20:00") for c in cells)


def test_json_names_the_period_for_scripts(tmp_path: Path) -> None:
    _declare()
    report = scan_json(_calendar(tmp_path, [dt.datetime(2026, 11, 25), "09:00", "X", TEXT]))
    assert report["crisis"]["holds"] == [{"by": "crisis Treinramp",
                                          "until": "2026-11-24T20:00:00+01:00"}]
    assert report["crisis"]["crises"][0]["hold_until"] == "2026-11-24T20:00:00+01:00"


def test_hold_moves_and_lifts_the_period_and_it_ends_with_the_crisis(tmp_path: Path) -> None:
    _declare()
    calendar = write_csv(tmp_path / "kalender.csv", [
        HEADER, ["24-11-2026", "21:00", "X", "Avondeten"], ["24-11-2026", "09:00", "X", TEXT]])

    def statuses() -> list[str]:
        return [p["status"] for p in sorted(scan_json(calendar)["posts"], key=lambda p: p["row"])]

    assert statuses() == ["ok", "pause"]
    moved = run("crisis", "hold", "Treinramp", "2026-11-24T22:00+01:00", "--now", NOW)
    assert moved.exit_code == 0, moved.stderr
    assert statuses() == ["pause", "pause"]
    shown = run("crisis", "show", "Treinramp", "--now", NOW).stdout
    assert "hold:    2026-11-24 " in shown and "(over)" not in shown
    lifted = run("crisis", "hold", "Treinramp", "off", "--now", NOW)
    assert lifted.exit_code == 0 and "no quiet period" in lifted.stdout
    assert statuses() == ["ok", "ok"]
    run("crisis", "hold", "Treinramp", "14h", "--now", "2026-11-24T08:00+01:00")
    assert statuses() == ["pause", "pause"]
    assert run("crisis", "end", "Treinramp", "--now", "2026-11-24T07:30+01:00").exit_code == 0
    assert statuses() == ["ok", "ok"]


def test_list_says_a_period_is_on(tmp_path: Path) -> None:
    _declare()
    listed = run("crisis", "list", "--now", "2026-11-24T08:00+01:00").stdout
    assert "quiet period: every post before 2026-11-24 " in listed
    listed = run("crisis", "list", "--now", "2026-11-24T21:00+01:00").stdout
    assert "quiet period" not in listed


def test_a_scan_holds_on_demand(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "kalender.csv", [
        HEADER, ["24-11-2026", "13:59", "X", TEXT], ["24-11-2026", "14:00", "X", "Avondeten"]],
        encoding="utf-8")
    result = run("scan", calendar, "--hold", "6h", "--now", NOW, "--timezone", "Europe/Amsterdam",
                 "--format", "json", "-o", "-", "--exit-zero")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert [p["status"] for p in report["posts"]] == ["pause", "ok"]
    assert report["crisis"]["holds"] == [{"by": "scan --hold", "until": "2026-11-24T14:00:00+01:00"}]
    assert report["summary"]["crisis_active"] is True
    assert "quiet period of scan --hold" in report["posts"][0]["reasons"][0]


def test_a_hold_file_date_counts_the_whole_day(tmp_path: Path, isolated_state: Path) -> None:
    folder = isolated_state / "crises"
    folder.mkdir()
    (folder / "treinramp.toml").write_text(
        'name = "Treinramp"\nstarted = 2026-11-24T06:00:00+01:00\nhold_until = 2026-11-24\n'
        "terms = '''\ntrein*\n'''\n", encoding="utf-8")
    calendar = _calendar(tmp_path, [dt.datetime(2026, 11, 24), "23:30", "X", TEXT],
                         [dt.datetime(2026, 11, 25), "09:00", "X", "Avondeten"])
    assert [p["status"] for p in scan_json(calendar)["posts"]] == ["pause", "ok"]


@pytest.mark.parametrize(("args", "message"), [
    (("scan", "{cal}", "--hold", "6x"), "--hold: '6x' is neither a span"),
    (("scan", "{cal}", "--hold", "0h"), "--hold: '0h' is no time at all"),
    (("scan", "{cal}", "--hold", "2026-11-23T10:00"), "the quiet period would end before"),
    (("crisis", "hold", "Treinramp", "2026-11-20"), "is not in the future"),
    (("crisis", "hold", "Geen", "6h"), "no crisis named 'Geen'"),
    (("crisis", "start", "Brand", "--term", "brand", "--hold", "morgen"), "'morgen' is neither"),
])
def test_bad_periods_are_one_line_and_exit_2(tmp_path: Path, args: tuple, message: str) -> None:
    _declare()
    calendar = write_csv(tmp_path / "kalender.csv", [HEADER, ["25-11-2026", "09:00", "X", TEXT]])
    result = run(*(a.format(cal=calendar) for a in args), "--now", NOW)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_a_broken_hold_in_a_crisis_file_names_the_file(tmp_path: Path, isolated_state: Path) -> None:
    folder = isolated_state / "crises"
    folder.mkdir()
    broken = folder / "treinramp.toml"
    broken.write_text('name = "Treinramp"\nstarted = 2026-11-24T06:00:00+01:00\n'
                      'hold_until = "morgen"\nterms = \'\'\'\ntrein*\n\'\'\'\n', encoding="utf-8")
    calendar = write_csv(tmp_path / "kalender.csv", [HEADER, ["25-11-2026", "09:00", "X", TEXT]])
    report = scan_json(calendar)
    assert any(str(broken) in w and "hold_until must be a date" in w for w in report["warnings"])


def test_the_config_cannot_switch_a_declared_period_off(tmp_path: Path) -> None:
    config = write_config(tmp_path, "[checks.quiet-period]\nenabled = false\n")
    calendar = write_csv(tmp_path / "kalender.csv", [HEADER, ["25-11-2026", "09:00", "X", TEXT]])
    result = run("scan", calendar, "--config", config, "--now", NOW)
    assert result.exit_code == 2
    assert "[checks.quiet-period] cannot be switched off" in result.stderr


def test_the_crisis_file_keeps_the_period_readable(isolated_state: Path) -> None:
    _declare()
    text = (isolated_state / "crises" / "treinramp.toml").read_text("utf-8")
    assert "hold_until = 2026-11-24T20:00:00+01:00\n" in text


def test_explain_says_a_post_now_would_wait() -> None:
    _declare()
    result = run("explain", "Onze wintercollectie", "--now", "2026-11-24T08:00+01:00",
                 "--no-shipped-lists")
    assert "[quiet-period, pause] quiet period of crisis Treinramp: every post until" in result.stdout
    assert "decision: PAUSE" in result.stdout
    later = run("explain", "Onze wintercollectie", "--now", "2026-11-24T21:00+01:00",
                "--no-shipped-lists")
    assert "quiet-period" not in later.stdout and "decision: OK" in later.stdout


def test_the_nightly_message_says_the_period_and_lists_the_held_posts(tmp_path: Path) -> None:
    from contentcheck.config import load_config
    from contentcheck.nightly.config import nightly_settings
    from contentcheck.nightly.runner import run_check

    write_csv(tmp_path / "kalender.csv", [HEADER, ["24-11-2026", "12:00", "X", TEXT],
                                          ["26-11-2026", "12:00", "X", "Avondeten"]],
              encoding="utf-8")
    config_path = tmp_path / "contentcheck.toml"
    config_path.write_text(
        'state_dir = "state"\n[scan]\ncalendars = ["kalender.csv"]\n'
        'timezone = "Europe/Amsterdam"\nshipped_lists = false\nlang = "nl"\n'
        '[nightly]\nreport_dir = "reports"\nretries = 0\nnotify = "always"\n', encoding="utf-8")
    started = run("crisis", "start", "Treinramp", "--term", "trein*", "--hold", "14h",
                  "--config", config_path, "--now", "2026-11-24T06:00+01:00")
    assert started.exit_code == 0, started.stderr
    config = load_config(config_path)
    outcome = run_check(nightly_settings(config), config, scan_now=NOW)
    assert outcome.ok and [flag.status for flag in outcome.flags] == ["pause"]
    assert outcome.message is not None
    assert "RUSTPERIODE: crisis Treinramp houdt elk bericht tegen dat vóór di 24-11-2026 20:00" \
        in outcome.message.text


def test_start_without_a_period_tips_it() -> None:
    result = run("crisis", "start", "Brand Zwolle", "--term", "brand", "--now", NOW)
    assert "a quiet period holds every post of the first hours: contentcheck crisis hold " \
        "'Brand Zwolle' 12h" in result.output


def test_the_reason_says_the_end_in_the_scans_zone(tmp_path: Path) -> None:
    started = run("crisis", "start", "Treinramp", "--term", "trein*", "--hold", "2026-11-24T19:00Z",
                  "--now", "2026-11-24T06:00+01:00")
    assert started.exit_code == 0, started.stderr
    post = scan_json(_calendar(tmp_path, [dt.datetime(2026, 11, 24), "12:00", "X", TEXT]))["posts"][0]
    assert "every post until Tue 24-11-2026 20:00 waits" in post["reasons"][0]



def test_the_watch_log_names_the_period(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    import logging

    from contentcheck.config import load_config
    from contentcheck.nightly.config import nightly_settings
    from contentcheck.nightly.runner import run_check

    write_csv(tmp_path / "kalender.csv", [HEADER, ["24-11-2026", "12:00", "X", TEXT]],
              encoding="utf-8")
    config_path = tmp_path / "contentcheck.toml"
    config_path.write_text(
        'state_dir = "state"\n[scan]\ncalendars = ["kalender.csv"]\n'
        'timezone = "Europe/Amsterdam"\nshipped_lists = false\n'
        '[nightly]\nreport_dir = "reports"\nretries = 0\n', encoding="utf-8")
    assert run("crisis", "start", "Treinramp", "--term", "trein*", "--hold", "14h", "--config",
               config_path, "--now", "2026-11-24T06:00+01:00").exit_code == 0
    config = load_config(config_path)
    with caplog.at_level(logging.INFO, logger="contentcheck"):
        run_check(nightly_settings(config), config, scan_now=NOW)
    assert "QUIET PERIOD: crisis Treinramp holds every post scheduled before Tue 24-11-2026 20:00" \
        in caplog.text
