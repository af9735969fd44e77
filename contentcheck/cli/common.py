"""What every command shares: the exit-code table, one way to fail (one line on stderr, exit
code 2), the guard that turns errors into that line, the option declarations that several
commands take, and "now" in the configured zone.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import datetime, tzinfo
from enum import IntEnum
from pathlib import Path
from typing import Any, TypeVar

import click

from contentcheck.errors import ContentcheckError

F = TypeVar("F", bound=Callable[..., Any])


class ExitCode(IntEnum):
    """Every exit code contentcheck uses, for scripts, cron and systemd to act on."""

    CLEAN = 0  # nothing flagged (or nothing wrong)
    FLAGGED = 1  # posts to pause or review; list problems found
    ERROR = 2  # input or settings the user can fix: one line on stderr says what
    INTERNAL = 3  # a bug: CONTENTCHECK_DEBUG=1 shows the traceback
    INTERRUPTED = 130  # Ctrl-C



def fail(message: str) -> click.exceptions.Exit:
    """Print one line on stderr; raise the result to leave with exit code 2."""
    click.echo(f"contentcheck: error: {message}", err=True)
    return click.exceptions.Exit(ExitCode.ERROR)


def run_guarded(invoke: Callable[[], Any]) -> Any:
    """Run a command body: our own errors become one line and exit 2, a bug a short line
    and exit 3 (``CONTENTCHECK_DEBUG=1`` shows the traceback), as in ``contentcheck scan``."""
    try:
        return invoke()
    except ContentcheckError as exc:
        raise fail(str(exc)) from None
    except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
        raise
    except BrokenPipeError:  # `contentcheck ... | head`: the reader left; leave quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise click.exceptions.Exit(ExitCode.CLEAN) from None
    except Exception as exc:
        if os.environ.get("CONTENTCHECK_DEBUG"):
            raise
        click.echo(f"contentcheck: internal error: {type(exc).__name__}: {exc} "
                   "(set CONTENTCHECK_DEBUG=1 for details)", err=True)
        raise click.exceptions.Exit(ExitCode.INTERNAL) from None


class GuardedGroup(click.Group):
    """A group whose subcommands end errors the way ``run_guarded`` does."""

    def invoke(self, ctx: click.Context) -> Any:
        return run_guarded(lambda: super(GuardedGroup, self).invoke(ctx))


class GuardedCommand(click.Command):
    """A command that ends errors the way ``run_guarded`` does."""

    def invoke(self, ctx: click.Context) -> Any:
        return run_guarded(lambda: super(GuardedCommand, self).invoke(ctx))


def _options(*decorators: Callable[[F], F]) -> Callable[[F], F]:
    """Several click options as one decorator, declared once for every command that takes them."""
    def apply(func: F) -> F:
        for decorator in reversed(decorators):
            func = decorator(func)
        return func

    return apply


def config_option(func: F) -> F:
    return click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False),
                        help="Config file [default: ./contentcheck.toml if present].")(func)


# The word lists a check uses: scan, explain and lists take the same options, same spellings.
list_options = _options(
    click.option("--wordlists", "wordlist_dirs", multiple=True, metavar="DIR",
                 type=click.Path(path_type=Path),
                 help="Folder (or file) of your own word lists: .txt, .csv or .xlsx. Repeatable."),
    click.option("--shipped-lists/--no-shipped-lists", " /--no-shipped", default=None,
                 help="Use the word lists that ship with contentcheck [default: yes]."),
    click.option("--disable-category", "disabled_categories", multiple=True, metavar="ID",
                 help="Switch off a category (see `contentcheck lists`). Repeatable."),
)

# The crisis terms a check uses: scan and explain take the same options, same spellings.
crisis_options = _options(
    click.option("--crisis", "crisis_files", multiple=True, metavar="FILE",
                 type=click.Path(path_type=Path),
                 help="File of crisis terms (one per line); a hit pauses the post. Repeatable."),
    click.option("--term", "terms", multiple=True, metavar="TERM",
                 help="A crisis term, e.g. --term trein --term 'boston explosion'. Repeatable."),
    click.option("--no-active-crises", is_flag=True,
                 help="Ignore the crises declared with `contentcheck crisis start`."),
)


def now_option(func: F) -> F:
    return click.option("--now", "now_text", metavar="ISO-8601", hidden=True,
                        help="Pretend it is this moment (for tests and re-runs).")(func)


def config_zone(config: Any) -> tzinfo:
    """The ``[scan] timezone`` of the config, else this machine's zone."""
    from contentcheck.settings import resolve_timezone

    return resolve_timezone(config.scan.get("timezone"))


def current_moment(now_text: str | None, zone: tzinfo) -> datetime:
    """``--now`` if given (naive means ``zone``), else the real time in ``zone``."""
    from contentcheck.settings import parse_moment

    if now_text:
        return parse_moment(now_text, zone, option="--now")
    return datetime.now(zone)
