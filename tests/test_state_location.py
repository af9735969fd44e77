"""One state folder per team, found the same way by every command: the config's state_dir
(the config found from any subfolder), else $CONTENTCHECK_STATE_DIR, else the per-user
folder; commands say which one they use, and crisis files are readable by the team."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import NOW, run, write_csv
from tests.test_nightly import ROWS, run_watch


def team_folder(root: Path) -> Path:
    """A team's shared folder: config at the top, calendars and notes in subfolders."""
    (root / "kalenders").mkdir(parents=True)
    (root / "notities" / "2026").mkdir(parents=True)
    write_csv(root / "kalenders" / "kalender.csv", ROWS)
    (root / "contentcheck.toml").write_text(
        'state_dir = "gedeeld/state"\n[scan]\ncalendars = ["kalenders/kalender.csv"]\n'
        'timezone = "Europe/Amsterdam"\nshipped_lists = false\n', encoding="utf-8")
    return root


def test_the_team_config_is_found_from_any_subfolder(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    team = team_folder(tmp_path / "webcare")
    monkeypatch.chdir(team / "notities" / "2026")
    started = run("crisis", "start", "Treinongeluk", "--term", "trein", "--now", NOW)
    assert started.exit_code == 0, started.stderr
    saved = team / "gedeeld" / "state" / "crises" / "treinongeluk.toml"
    assert f"saved in {saved}" in started.stdout
    assert f"state folder from state_dir in {team / 'contentcheck.toml'}" in started.stdout
    monkeypatch.chdir(team / "kalenders")
    checked = run_watch("--once", "--now", NOW)
    assert checked.exit_code == 1, checked.stderr  # the crisis term flags the train post
    assert f"state folder: {team / 'gedeeld' / 'state'} (from state_dir in" in checked.stderr
    assert f"active crises: Treinongeluk ({saved})" in checked.stderr


@pytest.mark.parametrize("from_environment", [True, False])
def test_without_a_config_the_environment_variable_else_the_per_user_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_state: Path,
        from_environment: bool) -> None:
    if from_environment:
        folder, origin = isolated_state, "$CONTENTCHECK_STATE_DIR"
    else:
        monkeypatch.delenv("CONTENTCHECK_STATE_DIR")
        monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))  # what platformdirs reads on Linux
        folder, origin = tmp_path / "xdg" / "contentcheck", "the per-user state folder"
    monkeypatch.chdir(tmp_path)
    started = run("crisis", "start", "Storm", "--term", "storm", "--now", NOW)
    assert started.exit_code == 0, started.stderr
    assert f"saved in {folder / 'crises' / 'storm.toml'}" in started.stdout
    assert f"state folder from {origin}" in started.stdout


def test_a_crisis_the_watcher_cannot_see_is_named_at_start(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The issue's morning: a crisis declared before the team config existed, then the
    README's nightly config (state_dir = "state") is added: the watcher says so."""
    monkeypatch.delenv("CONTENTCHECK_STATE_DIR")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
    monkeypatch.chdir(tmp_path)
    assert run("crisis", "start", "Recall kip", "--term", "kip", "--now", NOW).exit_code == 0
    team = team_folder(tmp_path / "webcare")
    monkeypatch.chdir(team)
    checked = run_watch("--once", "--now", NOW)
    assert checked.exit_code == 0, checked.stderr
    assert "active crises: none" in checked.stderr
    assert "active crisis 'Recall kip' in " in checked.stderr
    assert "is NOT used by this watcher" in checked.stderr


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o002, 0o664)])
def test_crisis_files_are_readable_by_the_team(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               isolated_state: Path, umask: int, mode: int) -> None:
    monkeypatch.chdir(tmp_path)
    old = os.umask(umask)
    try:
        assert run("crisis", "start", "Storm", "--term", "storm", "--now", NOW).exit_code == 0
        assert run("crisis", "add", "Storm", "--term", "orkaan", "--now", NOW).exit_code == 0
    finally:
        os.umask(old)
    assert (isolated_state / "crises" / "storm.toml").stat().st_mode & 0o777 == mode


def test_crisis_list_says_where_it_looked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    team = team_folder(tmp_path / "webcare")
    monkeypatch.chdir(team / "kalenders")
    state = team / "gedeeld" / "state"
    empty = run("crisis", "list", "--now", NOW)
    assert empty.stdout.startswith(f"no active crisis in state folder {state} (from state_dir in ")
    assert run("crisis", "start", "Storm", "--term", "storm", "--now", NOW).exit_code == 0
    listed = run("crisis", "list", "--now", NOW).stdout.splitlines()
    assert listed[0].startswith("active    Storm") and listed[-1].startswith(f"(state folder {state}")
