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
    ('[scan]\ndays = "zeven"\n', "days must be"),
    ('[scan]\n[scan.columns]\ntekst = "Bericht"\n', "unknown key 'tekst'"),
    ('[scan\n', "not valid TOML"),
    ('[scan]\nformat = "pdf"\ncalendars = ["k.csv"]\n', "unknown report format 'pdf'"),
])
def test_bad_config_is_one_line(tmp_path: Path, text: str, fragment: str) -> None:
    write_csv(tmp_path / "k.csv", [["Datum", "Bericht"], ["25-11-2026", "x"]])
    config = tmp_path / "contentcheck.toml"
    config.write_text(text, encoding="utf-8")
    result = run("scan", "--config", config, "--now", NOW)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and fragment in result.stderr


def test_missing_config_and_no_calendar(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = run("scan", "--config", tmp_path / "missing.toml")
    assert result.exit_code == 2 and "config file not found" in result.stderr
    monkeypatch.chdir(tmp_path)
    result = run("scan")
    assert result.exit_code == 2 and "no calendar given" in result.stderr
