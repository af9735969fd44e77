"""No output path is ever an input of the run (issue 12): `-o`, the config's `output` and
`[nightly] log_file` are checked against every calendar, crisis file, word list, declared
crisis and the config itself, resolved, through symlinks and hard links; an output that is a
FIFO or a device is refused rather than replaced."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import NOW, run, sha256, write_csv
from tests.test_bad_input import assert_one_line_error


@pytest.fixture
def team(tmp_path: Path) -> dict[str, Path]:
    """A team folder: a calendar, a crisis file, a word-list folder and a config naming them."""
    calendar = write_csv(tmp_path / "kalender.csv", [["Datum", "Bericht"],
                                                      ["25-11-2026", "Met de trein"]])
    crisis = tmp_path / "crisis.txt"
    crisis.write_text("trein\n", encoding="utf-8")
    lists = tmp_path / "lijsten"
    lists.mkdir()
    (lists / "eigen.txt").write_text("oliebol\n", encoding="utf-8")
    config = tmp_path / "contentcheck.toml"
    config.write_text('[scan]\ncalendars = ["kalender.csv"]\ntimezone = "Europe/Amsterdam"\n'
                      'crisis = ["crisis.txt"]\nwordlists = ["lijsten"]\n', encoding="utf-8")
    return {"calendar": calendar, "crisis": crisis, "list": lists / "eigen.txt", "config": config,
            "lists": lists, "folder": tmp_path}


def _scan(team: dict[str, Path], *extra: object):
    return run("scan", "--config", team["config"], "--now", NOW, *extra)


@pytest.mark.parametrize("which, what", [("calendar", "one of the calendars being scanned"),
                                         ("crisis", "a crisis file in use"),
                                         ("list", "a word list in use"),
                                         ("config", "the config file in use")])
def test_output_onto_any_input_is_refused(team: dict[str, Path], which: str, what: str) -> None:
    before = {name: sha256(path) for name, path in team.items() if path.is_file()}
    target = team[which]
    link = team["folder"] / f"link{target.suffix or '.txt'}"
    link.symlink_to(target)
    hard = team["folder"] / f"hard{target.suffix}"
    os.link(target, hard)
    dotted = team["folder"] / "lijsten" / ".." / target.relative_to(team["folder"])
    for output in (target, link, hard, dotted):
        fmt = ["--format", "json"]
        assert_one_line_error(_scan(team, "-o", output, *fmt), what)
    assert {name: sha256(path) for name, path in team.items() if path.is_file()} == before


def test_config_output_naming_the_config_itself(team: dict[str, Path]) -> None:
    team["config"].write_text(team["config"].read_text(encoding="utf-8")
                              + 'output = "contentcheck.toml"\nformat = "json"\n', encoding="utf-8")
    before = sha256(team["config"])
    assert_one_line_error(_scan(team), "the config file in use")
    assert sha256(team["config"]) == before


def test_output_onto_a_declared_crisis_file(team: dict[str, Path]) -> None:
    assert run("crisis", "start", "storm", "--term", "storm").exit_code == 0
    state = Path(os.environ["CONTENTCHECK_STATE_DIR"]) / "crises"
    declared = next(state.glob("*.toml"))
    assert_one_line_error(_scan(team, "-o", declared, "--format", "json"), "a declared crisis's file")
    assert_one_line_error(_scan(team, "-o", state / "nieuw.toml", "--format", "json"),
                          "would be read as one next time")


def test_report_into_a_word_list_folder_would_become_a_list(team: dict[str, Path]) -> None:
    assert_one_line_error(_scan(team, "-o", team["lists"] / "rapport.csv"), "word-list folder")
    assert not (team["lists"] / "rapport.csv").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_output_onto_a_fifo_or_device_is_refused(team: dict[str, Path]) -> None:
    fifo = team["folder"] / "rapport.json"
    os.mkfifo(fifo)
    assert_one_line_error(_scan(team, "-o", fifo), "not a regular file")
    assert fifo.is_fifo()
    assert_one_line_error(_scan(team, "-o", "/dev/null", "--format", "json"), "not a regular file")
    assert Path("/dev/null").is_char_device()


def test_nightly_log_file_naming_the_calendar(team: dict[str, Path]) -> None:
    team["config"].write_text(team["config"].read_text(encoding="utf-8")
                              + '[nightly]\nlog_file = "kalender.csv"\n', encoding="utf-8")
    before = sha256(team["calendar"])
    assert_one_line_error(run("watch", "--config", team["config"], "--once", "--now", NOW),
                          "one of the calendars being scanned")
    assert sha256(team["calendar"]) == before


def test_a_new_report_beside_the_inputs_is_written(team: dict[str, Path]) -> None:
    result = _scan(team, "-o", team["folder"] / "rapport.json")
    assert result.exit_code == 1, result.stderr
    assert (team["folder"] / "rapport.json").is_file()
