"""The command line as one package: shared options spelled the same on every command, one
error format, one exit-code table, and the `checks` command."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from contentcheck.cli.common import ExitCode
from contentcheck.cli.main import main
from tests.conftest import run, write_csv

LIST_FLAGS = {"--wordlists", "--shipped-lists", "--no-shipped-lists", "--no-shipped",
              "--disable-category"}
CRISIS_FLAGS = {"--crisis", "--term", "--no-active-crises"}


def _flags(command: click.Command) -> set[str]:
    return {flag for param in command.params for flag in (*param.opts, *param.secondary_opts)}


@pytest.mark.parametrize(("command", "expected"), [
    ("scan", LIST_FLAGS | CRISIS_FLAGS), ("explain", LIST_FLAGS | CRISIS_FLAGS),
    ("lists", LIST_FLAGS)])
def test_term_options_are_spelled_the_same_everywhere(command: str, expected: set[str]) -> None:
    assert expected <= _flags(main.get_command(click.Context(main), command))


@pytest.mark.parametrize("args", [
    ("scan", "missing.csv"),
    ("explain", "tekst", "--term", "("),
    ("lists", "--wordlists", "missing-folder"),
    ("checks", "spelling-nl"),  # no such check
])
def test_every_command_fails_with_one_line_and_exit_2(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exit_code == ExitCode.ERROR
    assert result.stderr.startswith("contentcheck: error: ") and result.stderr.count("\n") == 1


def test_checks_lists_every_check_and_follows_the_config(tmp_path: Path) -> None:
    listing = run("checks")
    assert listing.exit_code == 0
    lines = listing.stdout.splitlines()
    assert lines[0].split()[:2] == ["terms", "on"]
    assert any(line.split()[:2] == ["duplicate-post", "on"] for line in lines)
    config = tmp_path / "team.toml"
    config.write_text("[checks.duplicate-post]\nenabled = false\n", encoding="utf-8")
    lines = run("checks", "--config", config).stdout.splitlines()
    assert any(line.split()[:2] == ["duplicate-post", "off"] for line in lines)
    doc = run("checks", "duplicate-post").stdout
    assert doc.startswith("duplicate-post: the same post scheduled twice") and "Known problems" in doc


def test_a_report_format_that_needs_a_file_says_so(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "k.csv", [["Datum", "Bericht"], ["25-11-2026", "Hallo"]])
    result = run("scan", calendar, "--format", "xlsx")
    assert result.exit_code == ExitCode.ERROR
    assert "--format xlsx needs --output FILE.xlsx" in result.stderr
    unknown = run("scan", calendar, "-o", tmp_path / "rapport.pdf")
    assert unknown.exit_code == ExitCode.ERROR and ".json" in unknown.stderr and ".xlsx" in unknown.stderr


@pytest.mark.parametrize("offline", ["config", "environment"])
def test_checks_does_not_call_an_offline_links_check_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, offline: str) -> None:
    """QA8 #27: [checks.links] enabled = true with offline = true (or CONTENTCHECK_OFFLINE=1):
    the check opens no link, yet `contentcheck checks` listed 'links on' like a check that
    runs. It says 'idle' and why."""
    config = tmp_path / "contentcheck.toml"
    config.write_text("[checks.links]\nenabled = true\n"
                      + ("offline = true\n" if offline == "config" else ""), encoding="utf-8")
    monkeypatch.delenv("CONTENTCHECK_OFFLINE", raising=False)
    if offline == "environment":
        monkeypatch.setenv("CONTENTCHECK_OFFLINE", "1")
    result = run("checks", "--config", config)
    assert result.exit_code == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("links"))
    assert line.split()[1] == "idle", line
    assert line.endswith("(on, but idle: offline = true)" if offline == "config"
                         else "(on, but idle: $CONTENTCHECK_OFFLINE)"), line
    monkeypatch.delenv("CONTENTCHECK_OFFLINE", raising=False)
    config.write_text("[checks.links]\nenabled = true\n", encoding="utf-8")
    online = run("checks", "--config", config).stdout
    assert next(x for x in online.splitlines() if x.startswith("links")).split()[1] == "on"
