"""``contentcheck crisis start|add|end|list|show``: declare a crisis once, for every later scan.

The commands only parse options and print; crisis.py keeps the files.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from contentcheck import crisis as crises
from contentcheck.cli.common import (
    GuardedGroup,
    config_option,
    config_zone,
    current_moment,
    now_option,
)
from contentcheck.errors import SettingsError


class _Context:
    """The state folder, zone and moment every subcommand works with."""

    def __init__(self, config_path: Path | None, now_text: str | None) -> None:
        from contentcheck.config import load_config

        config = load_config(config_path)
        self.zone = config_zone(config)
        self.now = current_moment(now_text, self.zone)
        self.state_dir, self.state_origin = crises.state_location(config)

    def show_time(self, moment: datetime | None) -> str:
        return moment.astimezone(self.zone).strftime("%Y-%m-%d %H:%M %Z") if moment else "-"


def _with_context(func: Callable[..., None]) -> Callable[..., None]:
    """Add ``--config`` and ``--now`` and hand the command a ready ``_Context`` as ``ctx``."""

    @config_option
    @now_option
    @functools.wraps(func)
    def wrapper(*args: Any, config_path: Path | None, now_text: str | None, **kwargs: Any) -> None:
        func(*args, ctx=_Context(config_path, now_text), **kwargs)

    return wrapper


def _terms(count: int) -> str:
    return f"{count} term" + ("" if count == 1 else "s")


def _term_lines(terms: tuple[str, ...], terms_file: Path | None) -> str:
    """``--term`` values as lines of word-list syntax: one term each, taken literally, so a
    leading ``#`` (a hashtag) is dropped rather than read as a comment."""
    from contentcheck.matching import read_text_file

    lines = []
    for term in terms:
        if "\n" in term or "\r" in term:
            raise SettingsError(f"--term {term!r}: one term per --term, no line breaks")
        line = term.strip().replace(" #", " ").replace("\t#", " ")
        if line.startswith("#"):
            line = line.lstrip("#").strip()
        if line:
            lines.append(line)
    text = "".join(f"{line}\n" for line in lines)
    if terms_file is not None:
        file_text = read_text_file(terms_file)
        text += file_text if file_text.endswith("\n") or not file_text else file_text + "\n"
    return text


_error_option = click.option(
    "--error", "errors", multiple=True, metavar="TEXT",
    help="The brand's own mistake (a wrong price, image file, link): every upcoming post that "
         "repeats it is paused. Repeatable.")


def _errors(errors: tuple[str, ...]) -> tuple[str, ...]:
    """``--error`` values, each one line of text."""
    for error in errors:
        if not error.strip() or "\n" in error or "\r" in error:
            raise SettingsError(f"--error {error!r}: one non-empty line of text per --error")
    return tuple(error.strip() for error in errors)


def _error_count(declared: crises.Crisis) -> str:
    count = len(declared.errors)
    return f", {count} error" + ("" if count == 1 else "s") if count else ""


@click.group(cls=GuardedGroup, context_settings={"help_option_names": ["-h", "--help"]})
def crisis() -> None:
    """Declare, extend and end crises; every scan uses the active ones' terms.

    Crises are plain TOML files in <state folder>/crises/: state_dir in the nearest
    contentcheck.toml (here or in a folder above), else $CONTENTCHECK_STATE_DIR, else the
    per-user state folder. `crisis start` says which.
    """


def _hint(declared: crises.Crisis) -> None:
    """Say so when a term is typed in the plural (it does not find the singular)."""
    from contentcheck.matching import plural_hints

    for hint in plural_hints(declared.termset()):
        click.echo(f"note: {hint}")


@crisis.command()
@click.argument("name")
@click.option("--term", "terms", multiple=True, help="A crisis term (word-list syntax). Repeatable.")
@click.option("--terms-file", type=click.Path(path_type=Path, dir_okay=False),
              help="A file of crisis terms, one per line.")
@_error_option
@click.option("--until", "until_text", metavar="DATETIME",
              help="Stop counting then by itself (ISO date or date-time; a date counts whole).")
@_with_context
def start(name: str, terms: tuple[str, ...], terms_file: Path | None, errors: tuple[str, ...],
          until_text: str | None, ctx: _Context) -> None:
    """Declare crisis NAME: from now on every scan pauses posts that hit its terms."""
    from contentcheck.settings import parse_moment

    until = parse_moment(until_text, ctx.zone, option="--until", end_of_day=True) if until_text else None
    declared = crises.start(ctx.state_dir, name, _term_lines(terms, terms_file), ctx.now, until,
                            _errors(errors))
    limit = f" until {ctx.show_time(declared.until)}" if declared.until else ""
    click.echo(f"crisis {declared.name!r} active{limit}: {_terms(len(declared.terms))}"
               f"{_error_count(declared)}; every scan now uses them")
    click.echo(f"saved in {declared.path}\n  (state folder from {ctx.state_origin}; a check or "
               "watcher using another state folder does not see it)")
    _hint(declared)


@crisis.command()
@click.argument("name")
@click.option("--term", "terms", multiple=True, help="A crisis term to add. Repeatable.")
@click.option("--terms-file", type=click.Path(path_type=Path, dir_okay=False),
              help="A file of crisis terms to add.")
@_error_option
@_with_context
def add(name: str, terms: tuple[str, ...], terms_file: Path | None, errors: tuple[str, ...],
        ctx: _Context) -> None:
    """Add terms (or errors) to the active crisis NAME."""
    text = _term_lines(terms, terms_file)
    if not text.strip() and not errors:
        raise SettingsError("nothing to add: give --term, --terms-file or --error")
    before = len(crises.find(ctx.state_dir, name, ctx.now).terms)
    updated = crises.add_terms(ctx.state_dir, name, text, ctx.now, _errors(errors))
    click.echo(f"crisis {updated.name!r}: {_terms(len(updated.terms) - before)} added, "
               f"{len(updated.terms)} in all{_error_count(updated)} ({updated.path})")
    _hint(updated)


@crisis.command()
@click.argument("name")
@_with_context
def end(name: str, ctx: _Context) -> None:
    """End crisis NAME; its file stays as history."""
    ended = crises.end(ctx.state_dir, name, ctx.now)
    click.echo(f"crisis {ended.name!r} ended at {ctx.show_time(ended.ended)}; scans no longer "
               f"use its terms ({ended.path})")


@crisis.command(name="list")
@click.option("--all", "show_all", is_flag=True, help="Ended and expired crises too.")
@_with_context
def list_(show_all: bool, ctx: _Context) -> None:
    """List the active crises (with --all: every crisis, ended ones too)."""
    shown = [c for c in crises.all_crises(ctx.state_dir) if show_all or c.is_active(ctx.now)]
    where = f"state folder {ctx.state_dir} (from {ctx.state_origin})"
    if not shown:
        click.echo(f"no {'' if show_all else 'active '}crisis in {where}"
                   + ("" if show_all else "; --all shows ended ones"))
        return
    for item in shown:
        status = item.status(ctx.now)
        if status == "ended":
            detail = f"ended {ctx.show_time(item.ended)}"
        elif item.until:
            detail = f"until {ctx.show_time(item.until)}"
        else:
            detail = "no end set"
        click.echo(f"{status:<9} {item.name}  (since {ctx.show_time(item.started)}, {detail}; "
                   f"{_terms(len(item.terms))})")
    click.echo(f"({where})")


@crisis.command()
@click.argument("name")
@_with_context
def show(name: str, ctx: _Context) -> None:
    """Show crisis NAME: its status, times, file and terms."""
    item = crises.find(ctx.state_dir, name, ctx.now)
    click.echo(f"crisis:  {item.name}\nstatus:  {item.status(ctx.now)}\n"
               f"started: {ctx.show_time(item.started)}\nuntil:   {ctx.show_time(item.until)}\n"
               f"ended:   {ctx.show_time(item.ended)}\nfile:    {item.path}")
    if item.errors:
        click.echo(f"errors:  {' | '.join(item.errors)}")
    click.echo("terms:")
    for line in item.text.splitlines():
        click.echo(f"  {line}")


if __name__ == "__main__":
    crisis()
