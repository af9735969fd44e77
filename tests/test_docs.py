"""Every `contentcheck` command shown in a ```sh block of the README (and docs/*.md) runs, in
order, on the bundled samples, and ends with exit code 0 or 1: the documentation cannot drift
from the tool.

A block runs in a fresh folder holding the sample calendar as `kalender.xlsx`,
`calendar.xlsx` and `kalender.csv`, the sample crisis file, an empty `onze-lijsten/` and a
`storm-terms.txt`; commands that take `--now` run as of the sample's morning, so dates in the
docs keep working after they have passed.
"""

from __future__ import annotations

import re
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from contentcheck.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
NOW = "2026-11-24T08:00"
FENCE = re.compile(r"^[ \t]*```sh[^\n]*\n(.*?)^[ \t]*```", re.S | re.M)


def _commands(text: str) -> Iterator[list[str]]:
    """The ``contentcheck`` command lines of one block, comments (``  # ...``) left off."""
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("contentcheck "):
            continue
        line = re.split(r"\s{2,}#|\s#\s", line)[0]  # a trailing comment, not '#tag' in quotes
        yield shlex.split(line)[1:]


def _blocks() -> list[tuple[str, list[list[str]]]]:
    blocks = []
    for doc in DOCS:
        for number, match in enumerate(FENCE.finditer(doc.read_text(encoding="utf-8")), 1):
            commands = list(_commands(match.group(1)))
            if commands and not any("[" in arg and "]" in arg for c in commands for arg in c):
                blocks.append((f"{doc.name}#{number}", commands))
    return blocks


def _takes_now(args: list[str]) -> bool:
    import click

    command: click.Command = main
    for word in args:
        if not isinstance(command, click.Group):
            break
        sub = command.get_command(click.Context(command), word)  # commands load lazily
        if sub is None:
            break
        command = sub
    return any("--now" in param.opts for param in command.params)


def _folder(tmp_path: Path) -> Path:
    samples = ROOT / "samples"
    for name in ("kalender.xlsx", "calendar.xlsx"):
        shutil.copy(samples / "contentkalender.xlsx", tmp_path / name)
    shutil.copy(samples / "contentkalender.csv", tmp_path / "kalender.csv")
    shutil.copy(samples / "crisis-treinongeluk.txt", tmp_path / "crisis-treinongeluk.txt")
    (tmp_path / "onze-lijsten").mkdir()
    (tmp_path / "onze-lijsten" / "nl-eigen.txt").write_text(
        "@category marketing-metaphors\nslachtprijzen\n", encoding="utf-8")
    (tmp_path / "storm-terms.txt").write_text("storm\nomgewaaid\n#codeoranje\n", encoding="utf-8")
    return tmp_path


BLOCKS = _blocks()


def test_the_readme_shows_commands() -> None:
    assert len(BLOCKS) >= 3


@pytest.mark.parametrize(("where", "commands"), BLOCKS, ids=[b[0] for b in BLOCKS])
def test_every_documented_command_runs(where: str, commands: list[list[str]], tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(_folder(tmp_path))
    for args in commands:
        if _takes_now(args) and "--now" not in args:
            args = [*args, "--now", NOW]
        result = CliRunner().invoke(main, args, catch_exceptions=False)
        assert result.exit_code in (0, 1), f"{where}: contentcheck {shlex.join(args)}\n{result.output}"


def test_every_documented_config_is_valid_toml_and_its_checks_load() -> None:
    """A team copies the examples into contentcheck.toml: each must parse, and each
    [checks.*] table must be one contentcheck accepts."""
    import tomllib

    from contentcheck.checks import CHECKS, check_config, documentation

    texts = [doc.read_text(encoding="utf-8") for doc in DOCS]
    texts += [documentation(check_id) for check_id in CHECKS]
    blocks = [block for text in texts
              for block in re.findall(r"```toml\n(.*?)```", text, re.S)]
    blocks += [re.sub(r"(?m)^ {8}", "", block) for text in texts[len(DOCS):]
               for block in re.findall(r"::\n\n((?: {8}.*\n|\n)+)", text) if "[checks." in block]
    assert len(blocks) >= 5
    for block in blocks:
        data = tomllib.loads(block)
        checks = data.get("checks", {})
        for table in checks.values():
            table.pop("file", None), table.pop("files", None), table.pop("allow_files", None)
        check_config(checks, "the documented example")
