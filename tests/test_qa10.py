"""QA round 10 (the quiet period, typed terms, the docs as written, bad input): one test per
bug found, named for the bug, each on real files and the CLI as a user runs it."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import NOW, documentation, run, write_csv

HEADER = ["Datum", "Tijd", "Kanaal", "Bericht", "Status"]


def team_config(folder: Path, extra: str = "") -> Path:
    """A contentcheck.toml with its own state folder, in Amsterdam time."""
    config = folder / "contentcheck.toml"
    config.write_text('state_dir = "state"\n[scan]\ntimezone = "Europe/Amsterdam"\n'
                      f"shipped_lists = false\n{extra}", encoding="utf-8")
    return config


def declare(config: Path, *args: str) -> str:
    """``crisis start Ramp --term trein ...`` as of NOW: what it prints (exit 0)."""
    result = run("crisis", "start", "Ramp", "--term", "trein", *args, "--config", config,
                 "--now", NOW)
    assert result.exit_code == 0, result.output
    return result.output


def one_line_error(result) -> str:
    """The refusal a user sees: exit 2 and one line, never an internal error or traceback."""
    assert result.exit_code == 2, result.output
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.startswith("contentcheck: error: ") and result.stderr.count("\n") == 1
    return result.stderr


def test_a_typo_in_nightly_lang_is_refused_at_start_not_a_failed_check_every_night(
        tmp_path: Path) -> None:
    write_csv(tmp_path / "kalender.csv", [HEADER, ["24-11-2026", "12:00", "X", "Met de trein", ""]])
    config = team_config(tmp_path, 'calendars = ["kalender.csv"]\nterms = ["trein"]\n'
                                   '[nightly]\nlang = "NL"\nretries = 0\n')
    result = run("watch", "--once", "--config", config, "--now", NOW)
    stderr = one_line_error(result)
    assert f"{config}: [nightly] lang must be nl or en, not 'NL'" in stderr


def test_a_quiet_period_ends_with_its_crisis_as_crisis_start_says(tmp_path: Path) -> None:
    config = team_config(tmp_path)
    started = run("crisis", "start", "Kort", "--term", "trein", "--until", "2026-11-24T12:00",
                  "--hold", "12h", "--config", config, "--now", NOW)
    assert started.exit_code == 0, started.output
    assert "and the quiet period with it" in started.output
    calendar = write_csv(tmp_path / "k.csv", [HEADER,
                                              ["24-11-2026", "10:00", "X", "Koffie vroeg", ""],
                                              ["24-11-2026", "14:00", "X", "Koffie laat", ""]])
    result = run("scan", calendar, "--config", config, "--now", NOW, "--days", "1")
    posts = {line.split()[3]: line.split()[0] for line in result.output.splitlines()
             if line.startswith(("PAUSE", "REVIEW", "OK"))}
    assert posts == {"10:00": "PAUSE"}, result.output  # 14:00 is after the crisis: ok
    assert "holds every post scheduled before Tue 24-11-2026 12:00" in result.output
    listed = run("crisis", "list", "--config", config, "--now", NOW)
    assert "quiet period: every post before 2026-11-24 12:00 CET waits" in listed.output


@pytest.mark.parametrize("args", [
    ["scan", "{calendar}", "--term", "trein", "--until", "9999-12-31"],
    ["scan", "{calendar}", "--term", "trein", "--hold", "99999999d"],
    ["crisis", "start", "Ver", "--term", "trein", "--hold", "9999-12-31"],
    ["crisis", "start", "Ver", "--term", "trein", "--until", "9999-12-31"],
])
def test_a_moment_past_the_end_of_the_calendar_is_one_line_exit_2(tmp_path: Path,
                                                                 args: list[str]) -> None:
    calendar = write_csv(tmp_path / "k.csv", [HEADER, ["24-11-2026", "10:00", "X", "Koffie", ""]])
    config = team_config(tmp_path)
    result = run(*[a.format(calendar=calendar) for a in args], "--config", config, "--now", NOW)
    stderr = one_line_error(result)
    assert "9999-12-31" in stderr or "99999999d" in stderr


def test_a_crisis_file_until_past_the_end_of_the_calendar_is_a_warning_not_an_internal_error(
        tmp_path: Path, isolated_state: Path) -> None:
    (isolated_state / "crises").mkdir()
    (isolated_state / "crises" / "altijd.toml").write_text(
        'name = "Altijd"\nstarted = 2026-11-20T00:00:00+01:00\nuntil = 9999-12-31\n'
        "terms = '''\ntrein\n'''\n", encoding="utf-8")
    calendar = write_csv(tmp_path / "k.csv", [HEADER, ["24-11-2026", "10:00", "X", "Koffie", ""]])
    result = run("scan", calendar, "--now", NOW, "--timezone", "Europe/Amsterdam",
                 "--no-shipped-lists")
    assert result.exit_code in (0, 1) and "internal error" not in result.output
    assert "altijd.toml: until 9999-12-31 is too far ahead" in result.output
    listed = run("crisis", "list", "--now", NOW)
    assert listed.exit_code == 0 and "internal error" not in listed.output

def test_a_dutch_report_names_the_quiet_period_and_its_end_in_dutch(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "k.csv", [HEADER, ["24-11-2026", "10:00", "X", "Koffie", ""]])
    report = tmp_path / "rapport.xlsx"
    result = run("scan", calendar, "--term", "trein", "--hold", "6h", "--now", NOW,
                 "--timezone", "Europe/Amsterdam", "--no-shipped-lists", "--lang", "nl",
                 "-o", report)
    assert result.exit_code == 1, result.output
    sheet = openpyxl.load_workbook(report)["Te beoordelen"]
    at = {cell.value: cell.column for cell in sheet[1]}
    terms = sheet.cell(2, at["Gevonden termen"]).value
    lists = sheet.cell(2, at["Lijst / categorie / ernst"]).value
    assert "quiet-period" not in lists and "Rustperiode" in lists, lists
    assert not re.search(r"\d{4}-\d\d-\d\dT", terms), terms  # no raw ISO moment for a reviewer
    assert "di 24-11-2026 14:00" in terms, terms


@pytest.mark.parametrize("typed, parts", [("trein|bus", ["trein", "bus"]),
                                          ("trein | bus", ["trein", "bus"]),
                                          ("🚂/🚌", ["🚂", "🚌"])])
def test_a_term_list_typed_with_a_pipe_or_emoji_slash_is_split_not_a_phrase_that_finds_nothing(
        typed: str, parts: list[str]) -> None:
    result = run("explain", "Met de bus 🚌 naar huis", "--term", typed, "--no-shipped-lists",
                 "--no-kit-guess")
    assert result.exit_code == 0, result.output
    assert f"is read as 2 terms ({', '.join(parts)})" in result.output
    assert "decision: PAUSE" in result.output


def test_a_scan_with_only_hold_shows_no_empty_crisis_term_list(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "k.csv", [HEADER, ["24-11-2026", "10:00", "X", "Koffie", ""]])
    result = run("scan", calendar, "--hold", "6h", "--now", NOW, "--timezone",
                 "Europe/Amsterdam", "--no-shipped-lists")
    banner = next(line for line in result.output.splitlines() if line.startswith("CRISIS ACTIVE"))
    assert not banner.rstrip().endswith(":"), banner


def test_apply_in_dutch_calls_the_quiet_period_rustperiode_as_the_report_does(
        tmp_path: Path) -> None:
    calendar = tmp_path / "bulk.csv"
    calendar.write_text("24/11/2026 12:00,Koffie vandaag,\n26/11/2026 12:00,Koffie later,\n",
                        encoding="utf-8")
    report = tmp_path / "r.xlsx"
    scanned = run("scan", calendar, "--hold", "3d", "--days", "1", "--now", NOW, "--timezone",
                  "Europe/Amsterdam", "--no-shipped-lists", "--lang", "nl", "-o", report)
    assert scanned.exit_code == 1, scanned.output
    result = run("apply", report, "--unreviewed", "pause")
    assert "rustperiode van scan --hold" in result.output, result.output
    assert "stille periode" not in result.output


def test_the_docs_quote_the_quiet_period_reason_as_an_english_report_says_it() -> None:
    from datetime import datetime

    from tests.conftest import AMSTERDAM

    from contentcheck.checks.quiet_period import describe
    from contentcheck.records import Finding, Severity, Status

    finding = Finding(check="quiet-period", field="Bericht", start=0, end=0, matched="",
                      rule=datetime(2026, 11, 24, 22, 0, tzinfo=AMSTERDAM).isoformat(),
                      source="crisis Treinongeluk", category="quiet-period",
                      severity=Severity.HIGH, status=Status.PAUSE)
    reason = describe(finding, "en")
    assert reason in " ".join(documentation().split()), reason


def test_crisis_hold_in_the_past_names_the_value_typed_not_an_option_it_lacks(
        tmp_path: Path) -> None:
    config = team_config(tmp_path)
    assert run("crisis", "start", "Ramp", "--term", "trein", "--config", config,
               "--now", NOW).exit_code == 0
    result = run("crisis", "hold", "Ramp", "2026-11-20", "--config", config, "--now", NOW)
    stderr = one_line_error(result)
    assert "'2026-11-20'" in stderr and "--hold" not in stderr, stderr


def test_apply_names_a_quiet_period_declared_since_as_the_reason_a_row_was_not_flagged(
        tmp_path: Path) -> None:
    from datetime import datetime, timedelta, timezone

    config = team_config(tmp_path)  # apply checks against the crises active now: real time
    soon = datetime.now(timezone.utc) + timedelta(hours=2)
    later = soon + timedelta(hours=1)
    calendar = tmp_path / "bulk.csv"
    calendar.write_text(f"{soon:%d/%m/%Y %H:%M},Met de trein,\n"
                        f"{later:%d/%m/%Y %H:%M},Koffie vandaag,\n", encoding="utf-8")
    report = tmp_path / "r.xlsx"
    assert run("scan", calendar, "--term", "trein", "--days", "1", "--config", config,
               "--timezone", "UTC", "-o", report).exit_code == 1
    assert run("crisis", "start", "Ramp", "--term", "trein", "--hold", "12h", "--config",
               config).exit_code == 0
    result = run("apply", report, "--config", config)
    line = next(line for line in result.output.splitlines() if "Koffie vandaag" in line)
    assert "quiet period declared since" in line, line


def test_apply_does_not_list_a_whole_day_post_of_an_earlier_day_as_unreviewed(
        tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "k.csv", [
        ["Datum", "Kanaal", "Bericht", "Status"],
        ["20-11-2026", "Nieuwsbrief", "Met de trein naar huis", "Gepland"],  # four days ago
        ["24-11-2026", "Nieuwsbrief", "Vandaag de trein", "Gepland"],
        ["25-11-2026 12:00", "X", "Koffie", "Gepland"]])
    report = tmp_path / "r.xlsx"
    assert run("scan", calendar, "--term", "trein", "--now", NOW, "--timezone",
               "Europe/Amsterdam", "--no-shipped-lists", "-o", report).exit_code == 1
    result = run("apply", report)
    assert "naar huis" not in result.output, result.output  # past: not going out
    assert "nobody reviewed" not in result.output


def test_apply_shows_a_control_character_in_a_channel_instead_of_sending_it(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "k.csv", [
        HEADER, ["24-11-2026", "12:00", "X\x1b]0;owned\x07", "Met de trein", "Gepland"]],
        encoding="utf-8")
    report = tmp_path / "r.xlsx"
    assert run("scan", calendar, "--term", "trein", "--now", NOW, "--timezone",
               "Europe/Amsterdam", "--no-shipped-lists", "-o", report).exit_code == 1
    result = run("apply", report)
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "X\u241b]0;owned\u2407" in result.output, result.output


@pytest.mark.parametrize("typed, hours", [("12 uur", 12), ("6uur", 6), ("2 dagen", 48),
                                          ("1 dag", 24), ("30 min", 0.5), ("12 hours", 12),
                                          ("12hrs", 12), ("1 day 6 hours", 30)])
def test_a_hold_typed_in_words_as_an_on_call_person_types_it_is_read(tmp_path: Path, typed: str,
                                                                     hours: float) -> None:
    from datetime import datetime, timedelta

    from tests.conftest import AMSTERDAM

    end = datetime.fromisoformat(NOW).replace(tzinfo=AMSTERDAM) + timedelta(hours=hours)
    said = declare(team_config(tmp_path), "--hold", typed)
    assert f"every post scheduled before {end:%Y-%m-%d %H:%M} CET waits" in said


@pytest.mark.parametrize("option, typed, iso", [("--until", "30-11-2026", "2026-11-30"),
                                               ("--until", "30-11-2026 18:00", "2026-11-30T18:00"),
                                               ("--hold", "30-11-2026", "2026-11-30")])
def test_a_date_typed_day_first_as_the_calendar_writes_it_is_refused_with_its_iso_form(
        tmp_path: Path, option: str, typed: str, iso: str) -> None:
    result = run("crisis", "start", "Ramp", "--term", "trein", option, typed, "--config",
                 team_config(tmp_path), "--now", NOW)
    assert f"{option}: {typed!r} is" in one_line_error(result)
    assert f"write {iso})" in result.stderr


def test_a_solidarity_hashtag_chooses_no_attack_kit_for_a_train_accident(tmp_path: Path) -> None:
    said = declare(team_config(tmp_path), "--term", "ontsporing", "--term", "#PrayForUtrecht")
    assert "kit transport-accident, chosen" in said
    assert "violence-attack" not in said, said


@pytest.mark.parametrize("typed", ["transport_accident", "Transport accident"])
def test_a_kit_name_typed_with_an_underscore_or_a_space_is_the_kit(tmp_path: Path,
                                                                    typed: str) -> None:
    assert "kit transport-accident;" in declare(team_config(tmp_path), "--kit", typed)


def test_a_kit_name_typed_in_part_is_refused_naming_the_kit_it_may_mean(tmp_path: Path) -> None:
    result = run("crisis", "start", "Ramp", "--term", "trein", "--kit", "transport",
                 "--config", team_config(tmp_path), "--now", NOW)
    assert "unknown kit 'transport': did you mean transport-accident?" in one_line_error(result)


@pytest.mark.parametrize("picks", ["1 2", "1;2"])
def test_suggestions_picked_with_spaces_are_read_as_two_numbers_not_one(tmp_path: Path,
                                                                        picks: str) -> None:
    from contentcheck.cli.crisis import _picked

    assert _picked(picks, ["a", "b", "c"]) == ["a", "b"]


def test_explain_in_dutch_names_the_field_in_dutch() -> None:
    result = run("explain", "Met de trein naar huis", "--term", "trein", "--lang", "nl",
                 "--no-shipped-lists", "--no-kit-guess")
    assert "'trein' in tekst raakt crisisterm 'trein'" in result.output, result.output


@pytest.mark.parametrize("line", ["trein, bus", "trein/bus", "trein OR bus", "trein|bus"])
def test_a_crisis_file_line_typed_as_a_list_is_named_not_a_phrase_that_silently_finds_nothing(
        tmp_path: Path, line: str) -> None:
    crisis = tmp_path / "crisis.txt"
    crisis.write_text(f"spoor\n{line}\n", encoding="utf-8")
    calendar = write_csv(tmp_path / "k.csv", [HEADER, ["24-11-2026", "10:00", "X", "Met de bus", ""]])
    result = run("scan", calendar, "--crisis", crisis, "--now", NOW, "--timezone",
                 "Europe/Amsterdam", "--no-shipped-lists", "--no-kit-guess")
    assert f"{crisis}:2: {line!r} is one term" in result.output, result.output
    checked = run("lists", "check", crisis)
    assert f"crisis.txt:2: warning: {line!r} is one term" in checked.output, checked.output


def test_a_declared_crisis_term_typed_as_a_list_is_named_at_start_and_in_every_scan(
        tmp_path: Path) -> None:
    terms = tmp_path / "termen.txt"
    terms.write_text("spoor\ntrein, bus\n", encoding="utf-8")
    config = team_config(tmp_path)
    assert "'trein, bus' is one term" in declare(config, "--terms-file", terms)
    calendar = write_csv(tmp_path / "k.csv", [HEADER, ["24-11-2026", "10:00", "X", "Met de bus", ""]])
    result = run("scan", calendar, "--config", config, "--now", NOW)
    assert "ramp.toml:" in result.output and "'trein, bus' is one term" in result.output


@pytest.mark.parametrize("typed", ["trein of bus", "trein or bus"])
def test_a_term_typed_with_a_lower_case_or_says_it_is_one_phrase(typed: str) -> None:
    result = run("explain", "Met de bus naar huis", "--term", typed, "--no-shipped-lists",
                 "--no-kit-guess")
    first, _, second = typed.split()
    assert f"{typed!r} is one phrase, found only as written; for two terms write " \
           f"'{first}, {second}'" in result.output, result.output
