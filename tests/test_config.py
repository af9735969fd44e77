"""contentcheck.toml: found in the working folder, paths relative to it, flags on top."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import NOW, run, write_csv


@pytest.fixture
def team_folder(tmp_path: Path) -> Path:
    write_csv(tmp_path / "kalender.csv", [
        ["Wanneer", "Tekst van de post", "Platform"],
        ["24-11-2026 12:00", "Met de trein naar Aken", "X"],
        ["25-11-2026 12:00", "Stormachtige deals", "X"],
        ["27-11-2026 12:00", "Zonnige dag", "X"]])
    (tmp_path / "crisis.txt").write_text("trein\n", encoding="utf-8")
    (tmp_path / "contentcheck.toml").write_text(
        '[scan]\n'
        'calendars = ["kalender.csv"]\n'
        'crisis = ["crisis.txt"]\n'
        'shipped_lists = false\n'
        'days = 2\n'
        'timezone = "Europe/Amsterdam"\n'
        'format = "json"\n'
        '[scan.columns]\n'
        'date = "Wanneer"\n'
        'text = "Tekst van de post"\n', encoding="utf-8")
    return tmp_path


def test_config_in_the_working_folder(team_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(team_folder)
    result = run("scan", "--now", NOW, "--exit-zero")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["window"]["end"] == "2026-11-26T08:00:00+01:00"   # days = 2 from the file
    assert [(p["row"], p["status"]) for p in doc["posts"]] == [(2, "pause"), (3, "ok")]
    assert doc["calendars"][0]["path"] == str(team_folder / "kalender.csv")


def test_flags_override_and_add_up(team_folder: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    result = run("scan", "--config", team_folder / "contentcheck.toml", "--now", NOW,
                 "--days", "7", "--term", "storm", "--exit-zero")
    doc = json.loads(result.stdout)
    assert doc["window"]["end"] == "2026-12-01T08:00:00+01:00"
    assert [(p["row"], p["status"]) for p in doc["posts"]] == [(2, "pause"), (3, "pause"), (4, "ok")]
    assert doc["crisis"]["terms"] == ["trein", "storm", "train"]  # and trein's translation


@pytest.mark.parametrize("text,fragment", [
    ('[scan]\ncalender = ["x.csv"]\n', "unknown key 'calender'"),
    ('[scan]\ndays = "zeven"\n', "days must be a number, not 'zeven'"),
    ('[scan]\njobs = "4"\n', "jobs must be a whole number, not '4'"),  # not "a int"
    ('[scan]\nexit_zero = "ja"\n', "exit_zero must be true or false, not 'ja'"),
    ('[scan]\n[scan.columns]\ntekst = "Bericht"\n', "unknown key 'tekst'"),
    ('[scan\n', "not valid TOML"),
    ('[scan]\nformat = "pdf"\ncalendars = ["k.csv"]\n', "[scan] format must be one of"),
])
def test_bad_config_is_one_line(tmp_path: Path, text: str, fragment: str) -> None:
    write_csv(tmp_path / "k.csv", [["Datum", "Bericht"], ["25-11-2026", "x"]])
    config = tmp_path / "contentcheck.toml"
    config.write_text(text, encoding="utf-8")
    result = run("scan", "--config", config, "--now", NOW)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and fragment in result.stderr


@pytest.mark.parametrize("setting, key", [
    ('escalate = ["violence"]', "escalate"),
    ('until = "morgen"', "until"),
    ('until = "2026-11-01"', "until"),
    ('days = -1', "days"),
    ('timezone = "Europe/Amsterdm"', "timezone"),
    ('kits = ["food"]', "kits"),
    ('terms = ["re:("]', "terms"),
    ('terms = ["trein\\nbus"]', "terms"),
    ('format = "pdf"', "format"),
    ('csv_delimiter = "|"', "csv_delimiter"),
])
def test_a_bad_config_value_names_the_config_file_and_key(tmp_path: Path, setting: str,
                                                          key: str) -> None:
    """configuration.md: an error in the file names the file and the key. From cron, an
    error about a flag ("--escalate: unknown category") sends a person hunting for a flag
    nobody typed."""
    calendar = write_csv(tmp_path / "k.csv", [["Datum", "Bericht"], ["25-11-2026", "x"]])
    config = tmp_path / "team.toml"
    config.write_text(f"[scan]\n{setting}\n", encoding="utf-8")
    for command in (["scan", calendar, "--now", NOW], ["explain", "x", "--now", NOW]):
        result = run(*command, "--config", config)
        if command[0] == "explain" and key in ("until", "days", "format", "csv_delimiter"):
            continue  # explain has no window and no report
        assert result.exit_code == 2, (command[0], result.stdout)
        assert f"team.toml: [scan] {key}" in result.stderr, result.stderr
        assert "--" not in result.stderr and len(result.stderr.splitlines()) == 1, result.stderr


def test_a_bad_timezone_in_the_config_names_it_in_watch_and_crisis(tmp_path: Path) -> None:
    from tests.test_nightly import run_watch, write_config

    config = write_config(tmp_path, "")
    config.write_text(config.read_text(encoding="utf-8").replace("Europe/Amsterdam",
                                                                 "Europe/Amsterdm"), encoding="utf-8")
    for result in (run_watch("--once", "--config", config, "--now", NOW),
                   run("crisis", "list", "--config", config)):
        assert result.exit_code == 2, result.stdout
        assert "contentcheck.toml: [scan] timezone: unknown timezone" in result.stderr, result.stderr


def test_missing_config_and_no_calendar(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = run("scan", "--config", tmp_path / "missing.toml")
    assert result.exit_code == 2 and "config file not found" in result.stderr
    monkeypatch.chdir(tmp_path)
    result = run("scan")
    assert result.exit_code == 2 and "no calendar given" in result.stderr
