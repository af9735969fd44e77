"""QA round 11 (where protection fails open): one test per bug found, named for the bug, each
on real files and the CLI as a user runs it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import NOW, run, write_csv

HEADER = ["Datum", "Tijd", "Kanaal", "Bericht", "Status"]


def team_config(folder: Path) -> Path:
    """A contentcheck.toml with its own state folder, in Amsterdam time."""
    config = folder / "contentcheck.toml"
    config.write_text('state_dir = "state"\n[scan]\ntimezone = "Europe/Amsterdam"\n'
                      "shipped_lists = false\n", encoding="utf-8")
    return config


def hand_edited(folder: Path, extra: str, terms: str = "trein\n") -> Path:
    """A crisis file as a person edits it in the state folder: one field typed wrong."""
    crises = folder / "state" / "crises"
    crises.mkdir(parents=True)
    path = crises / "ramp.toml"
    path.write_text('name = "Ramp"\nstarted = 2026-11-24T07:00:00+01:00\n'
                    f"{extra}\nterms = '''\n{terms}'''\n", encoding="utf-8")
    return path


def scan_day(folder: Path, config: Path, *posts: tuple[str, str]) -> Result:
    """``scan`` of a calendar of these (time, text) posts on NOW's day, with ``config``."""
    calendar = write_csv(folder / "k.csv", [HEADER] + [["24-11-2026", at, "X", text, ""]
                                                      for at, text in posts])
    return run("scan", calendar, "--config", config, "--now", NOW, "--days", "1")


def pauses(output: str) -> dict[str, str]:
    """{time: decision} of the posts a terminal report lists."""
    return {line.split()[3]: line.split()[0] for line in output.splitlines()
            if line.startswith(("PAUSE", "REVIEW", "OK"))}


@pytest.mark.parametrize("extra, named", [
    ('hold_until = "tomorrow"', "hold_until"),
    ('until = "next week"', "until"),
    ("hold_until = tomorrow", "not valid TOML at line 3"),  # not even TOML: the line is left out, not the file
    ('hold = "12h"', "hold"),  # an unknown key: what the person meant does not happen
    ('kits = ["transport-acident"]', "transport-acident"),
    ('escalate = ["death"]', "death"),
    ('errors = "€ 2,99"', "errors"),
])
def test_a_crisis_file_with_one_bad_field_keeps_its_terms_and_names_the_field(
        tmp_path: Path, extra: str, named: str) -> None:
    config = team_config(tmp_path)
    path = hand_edited(tmp_path, extra)
    calendar = write_csv(tmp_path / "k.csv", [HEADER,
                                              ["24-11-2026", "12:00", "X", "Met de trein", ""],
                                              ["24-11-2026", "13:00", "X", "Koffie", ""]])
    result = run("scan", calendar, "--config", config, "--now", NOW, "--days", "1")
    assert pauses(result.output) == {"12:00": "PAUSE"}, result.output
    assert f"{path}" in result.output and named in result.output
    assert "the rest of crisis Ramp still counts" in result.output
    listed = run("crisis", "list", "--config", config, "--now", NOW)
    assert "active    Ramp" in listed.output
    assert named in listed.stderr and "still counts" in listed.stderr
    shown = run("crisis", "show", "Ramp", "--config", config, "--now", NOW)
    assert "NOT READ: " in shown.stdout and named in shown.stdout


def test_a_crisis_file_with_one_bad_term_line_keeps_its_other_terms(tmp_path: Path) -> None:
    config = team_config(tmp_path)
    path = hand_edited(tmp_path, "", terms="trein\nre:(spoor\nbus\n")
    calendar = write_csv(tmp_path / "k.csv", [HEADER,
                                              ["24-11-2026", "12:00", "X", "Met de trein", ""],
                                              ["24-11-2026", "13:00", "X", "Met de bus", ""],
                                              ["24-11-2026", "14:00", "X", "Koffie", ""]])
    result = run("scan", calendar, "--config", config, "--now", NOW, "--days", "1")
    assert result.exit_code == 1, result.output  # pauses found: the scan ran
    assert pauses(result.output) == {"12:00": "PAUSE", "13:00": "PAUSE"}
    assert f"{path}: line 6: bad regular expression '(spoor'" in result.output


def test_changing_a_crisis_whose_file_has_a_bad_field_is_refused_not_a_silent_rewrite(
        tmp_path: Path) -> None:
    config = team_config(tmp_path)
    path = hand_edited(tmp_path, 'hold_until = "tomorrow"')
    result = run("crisis", "add", "Ramp", "--term", "bus", "--config", config, "--now", NOW)
    assert result.exit_code == 2 and "hold_until" in result.stderr, result.output
    assert 'hold_until = "tomorrow"' in path.read_text(encoding="utf-8")


def test_extend_to_before_the_quiet_period_end_says_the_quiet_period_ends_with_it(
        tmp_path: Path) -> None:
    config = team_config(tmp_path)
    started = run("crisis", "start", "Ramp", "--term", "trein", "--hold", "3d",
                  "--config", config, "--now", NOW)
    assert started.exit_code == 0, started.output
    result = run("crisis", "extend", "Ramp", "--until", "2026-11-25", "--config", config,
                 "--now", NOW)
    assert result.exit_code == 0, result.output
    assert "its quiet period ends with it" in result.output
    assert "2026-11-26 00:00" in result.output and "2026-11-27 08:00" in result.output


def test_explain_dash_reads_the_text_from_standard_input() -> None:
    from click.testing import CliRunner

    from contentcheck.cli import main

    result = CliRunner().invoke(main, ["explain", "-", "--term", "trein", "--no-active-crises"],
                                input="Met de trein naar huis\n")
    assert result.exit_code == 0, result.output
    assert "Met de trein naar huis" in result.output and "'trein'" in result.output


def test_a_calendar_pattern_skips_the_lock_file_excel_leaves_while_the_workbook_is_open(
        tmp_path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Contentkalender november"])
    sheet.append(HEADER)
    sheet.append(["24-11-2026", "12:00", "X", "Met de trein", ""])
    workbook.save(tmp_path / "kalender.xlsx")
    # the owner file Excel writes beside an open workbook: 165 bytes, the user's name in it
    (tmp_path / "~$kalender.xlsx").write_bytes(b"\x05Marit" + b" " * 48 + b"\x00" * 111)
    config = team_config(tmp_path)
    config.write_text(config.read_text(encoding="utf-8").replace(
        "[scan]\n", '[scan]\ncalendars = ["*.xlsx"]\nterms = ["trein"]\n'), encoding="utf-8")
    result = run("scan", "--config", config, "--now", NOW, "--days", "1")
    assert result.exit_code == 1, result.output  # the post paused, no calendar failed
    assert pauses(result.output) == {"12:00": "PAUSE"}
    assert "~$" not in result.output


@pytest.mark.parametrize("typo, named", [
    ('state-dir = "gedeeld"\n', "state-dir"),  # the team's crises in gedeeld/ went unseen
    ('[nightyl]\ncrisis_every_minutes = 5\n', "nightyl"),
    ('[check.links]\nenabled = false\n', "check"),
])
def test_a_config_typo_in_a_top_level_key_or_table_is_refused_not_ignored(
        tmp_path: Path, typo: str, named: str) -> None:
    (tmp_path / "gedeeld" / "crises").mkdir(parents=True)
    (tmp_path / "gedeeld" / "crises" / "ramp.toml").write_text(
        "name = \"Ramp\"\nstarted = 2026-11-24T07:00:00+01:00\nterms = '''\ntrein\n'''\n",
        encoding="utf-8")
    config = tmp_path / "contentcheck.toml"
    config.write_text(typo + '[scan]\ntimezone = "Europe/Amsterdam"\nshipped_lists = false\n',
                      encoding="utf-8")
    result = scan_day(tmp_path, config, ("12:00", "Met de trein"))
    assert result.exit_code == 2, result.output
    assert f"{config}: unknown" in result.stderr and repr(named) in result.stderr
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("name", ["ramp.toml.txt", "Ramp.TOML"])
def test_a_crisis_file_saved_by_notepad_as_txt_or_in_capitals_still_counts_and_is_named(
        tmp_path: Path, name: str) -> None:
    config = team_config(tmp_path)
    path = hand_edited(tmp_path, "")
    path.rename(path.with_name(name))
    result = scan_day(tmp_path, config, ("12:00", "Met de trein"))
    assert pauses(result.output) == {"12:00": "PAUSE"}, result.output
    assert f"{path.with_name(name)}: read as a crisis file" in result.output


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16"])
def test_a_crisis_file_saved_as_ansi_or_utf16_keeps_its_terms_and_says_how_it_was_read(
        tmp_path: Path, encoding: str) -> None:
    config = team_config(tmp_path)
    path = hand_edited(tmp_path, "")
    path.write_bytes(path.read_text(encoding="utf-8").replace("Ramp", "Brand Café")
                     .replace("trein\n", "trein\ncrème brûlée\n").encode(encoding))
    calendar = write_csv(tmp_path / "k.csv", [HEADER,
                                              ["24-11-2026", "12:00", "X", "Met de trein", ""],
                                              ["24-11-2026", "13:00", "X", "Crème brûlée!", ""]])
    result = run("scan", calendar, "--config", config, "--now", NOW, "--days", "1")
    assert pauses(result.output) == {"12:00": "PAUSE", "13:00": "PAUSE"}, result.output
    assert "CRISIS ACTIVE (crisis Brand Café)" in result.output
    if encoding == "cp1252":
        assert f"{path}: line 1 is not UTF-8" in result.output


def test_a_crisis_file_kit_typed_as_a_string_not_a_list_still_counts(tmp_path: Path) -> None:
    config = team_config(tmp_path)
    path = hand_edited(tmp_path, 'kits = "transport-accident"', terms="")
    result = scan_day(tmp_path, config, ("12:00", "Ontsporing!"))
    assert pauses(result.output) == {"12:00": "PAUSE"}, result.output
    assert f'{path}: kits must be a list of strings (kits = ["transport-accident"])' in result.output


def test_a_team_state_folder_that_is_not_there_is_named_not_read_as_no_crisis(
        tmp_path: Path) -> None:
    shared = tmp_path / "teamshare" / "contentcheck"  # the share, not mounted on this laptop
    config = tmp_path / "contentcheck.toml"
    config.write_text(f'state_dir = "{shared.as_posix()}"\n[scan]\ntimezone = "Europe/Amsterdam"\n'
                      "shipped_lists = false\n", encoding="utf-8")
    result = scan_day(tmp_path, config, ("12:00", "Met de trein"))
    assert f"state folder {shared} does not exist" in result.output, result.output
    listed = run("crisis", "list", "--config", config, "--now", NOW)
    assert f"state folder {shared} does not exist" in listed.output + listed.stderr


def test_the_watcher_says_when_it_makes_a_state_folder_that_was_not_there(tmp_path: Path) -> None:
    import subprocess
    import sys

    shared = tmp_path / "teamshare" / "contentcheck"
    write_csv(tmp_path / "k.csv", [HEADER, ["24-11-2026", "12:00", "X", "Koffie", ""]])
    (tmp_path / "contentcheck.toml").write_text(
        f'state_dir = "{shared.as_posix()}"\n[scan]\ncalendars = ["k.csv"]\nterms = ["trein"]\n'
        'timezone = "Europe/Amsterdam"\nshipped_lists = false\n[nightly]\nretries = 0\n',
        encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", "from contentcheck.cli import main; main()",
                             "watch", "--once"], cwd=tmp_path, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert f"state folder {shared} does not exist: this watcher makes it now" in result.stderr
    assert "crises declared in it are NOT used" in result.stderr


@pytest.mark.parametrize("opened", ["'''", '"""'])
def test_a_crisis_file_whose_terms_block_is_left_open_keeps_its_terms(tmp_path: Path,
                                                                      opened: str) -> None:
    config = team_config(tmp_path)
    path = hand_edited(tmp_path, "")
    path.write_text('name = "Ramp"\nstarted = 2026-11-24T07:00:00+01:00\n'
                    f"terms = {opened}\ntrein\nbus\n", encoding="utf-8")  # the closing quotes lost
    result = scan_day(tmp_path, config, ("12:00", "Met de bus"))
    assert pauses(result.output) == {"12:00": "PAUSE"}, result.output
    assert f"{path}: the terms block is not closed" in result.output


def test_a_crisis_whose_start_is_later_than_the_scan_is_named_not_left_out_silently(
        tmp_path: Path) -> None:
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    config = team_config(tmp_path)
    path = hand_edited(tmp_path, "")  # a date typed a day late: it starts tomorrow
    starts = (datetime.now(ZoneInfo("Europe/Amsterdam")) + timedelta(days=1)).replace(
        second=0, microsecond=0)
    path.write_text(path.read_text(encoding="utf-8").replace(
        "2026-11-24T07:00:00+01:00", starts.isoformat()), encoding="utf-8")
    post = starts + timedelta(hours=2)
    calendar = write_csv(tmp_path / "k.csv", [HEADER, [f"{post:%d-%m-%Y}", f"{post:%H:%M}", "X",
                                                       "Met de trein", ""]])
    result = run("scan", calendar, "--config", config)
    assert (f"crisis 'Ramp' has not started: it starts at {starts:%Y-%m-%d %H:%M %Z}"
            in result.output), result.output
    listed = run("crisis", "list", "--config", config)
    assert "scheduled Ramp" in listed.output and "no scan uses it" in listed.output


def test_the_nightly_message_names_what_a_crisis_file_could_not_read_and_pauses_its_terms(
        tmp_path: Path) -> None:
    import subprocess
    import sys
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from tests.helpers_servers import http_server

    path = hand_edited(tmp_path, 'hold_until = "morgen"')
    post = datetime.now(ZoneInfo("Europe/Amsterdam")) + timedelta(days=1)
    write_csv(tmp_path / "k.csv", [HEADER, [f"{post:%d-%m-%Y}", "11:00", "X", "Met de trein", ""]])
    with http_server() as (hook, url):
        (tmp_path / "contentcheck.toml").write_text(
            'state_dir = "state"\n[scan]\ncalendars = ["k.csv"]\ntimezone = "Europe/Amsterdam"\n'
            'shipped_lists = false\ndays = 3\n[nightly]\nretries = 0\n'
            f'[notify.webhook]\nurl = "{url}"\n', encoding="utf-8")
        result = subprocess.run([sys.executable, "-c", "from contentcheck.cli import main; main()",
                                 "watch", "--once"], cwd=tmp_path, capture_output=True, text=True,
                                timeout=120)
        assert result.returncode == 1, result.stderr  # flagged
        (message,) = hook.wait_for(1)
    text = message["json"]["text"]
    assert "CRISIS ACTIVE (crisis Ramp): trein" in text and "PAUSE" in text
    assert f"{path.resolve()}: hold_until must be a date" in text or \
        f"{path}: hold_until must be a date" in text, text
    assert "NO quiet period holds until it is fixed" in text


def test_a_word_list_saved_as_docx_or_ods_in_the_lists_folder_is_named_not_ignored(
        tmp_path: Path) -> None:
    folder = tmp_path / "eigen-lijsten"
    folder.mkdir()
    (folder / "merk.txt").write_text("@category marketing-metaphors\nknaller\n", encoding="utf-8")
    calendar = write_csv(tmp_path / "k.csv", [HEADER, ["24-11-2026", "12:00", "X", "Koffie", ""]])
    config = team_config(tmp_path)
    first = run("scan", calendar, "--wordlists", folder, "--config", config, "--now", NOW)
    assert first.exit_code == 0 and "woorden" not in first.output, first.output
    (folder / "woorden.docx").write_bytes(b"PK\x03\x04 a Word document")  # added since
    (folder / "README.md").write_text("# Our lists\n", encoding="utf-8")
    result = run("scan", calendar, "--wordlists", folder, "--config", config, "--now", NOW)
    assert f"{folder / 'woorden.docx'}: not read as a word list" in result.output, result.output
    assert "README.md" not in result.output  # notes about the lists are no list
    checked = run("lists", "check", folder)
    assert "woorden.docx: warning: not read as a word list" in checked.output
