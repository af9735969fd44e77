"""What every command shares: the exit-code table, one way to fail (one line on stderr, exit
code 2), the guard that turns errors into that line, the option declarations that several
commands take, and "now" in the configured zone.
"""

from __future__ import annotations

import logging
import os
import threading
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from enum import IntEnum
from pathlib import Path
from typing import Any, TypeVar

import click

from contentcheck.errors import ContentcheckError
from contentcheck.visible import VisibleFormatter, visible

F = TypeVar("F", bound=Callable[..., Any])


class ExitCode(IntEnum):
    """Every exit code contentcheck uses, for scripts, cron and systemd to act on."""

    CLEAN = 0  # nothing flagged (or nothing wrong)
    FLAGGED = 1  # posts to pause or review; list problems found
    ERROR = 2  # input or settings the user can fix: one line on stderr says what
    INTERNAL = 3  # a bug: CONTENTCHECK_DEBUG=1 shows the traceback
    NOTIFY_FAILED = 4  # watch: checked, but a notification failed; its posts go out next run
    INTERRUPTED = 130  # Ctrl-C
    TERMINATED = 143  # SIGTERM: kill, timeout, systemctl stop (128 + 15, as the shell says)


def say(line: object = "", *, err: bool = False) -> None:
    """Print one line that holds the user's data (post text, file, list and crisis names),
    with control characters shown, never obeyed (see ``contentcheck.visible``)."""
    click.echo(visible(line), err=err)


def detail(line: object = "") -> None:
    """A line that explains rather than reports (where a file was saved, a note on a term):
    left out with ``-q``, which promises only errors and the report itself."""
    if not terminal().quiet:
        say(line)


def fail(message: str) -> click.exceptions.Exit:
    """Print one line on stderr; raise the result to leave with exit code 2."""
    say(f"contentcheck: error: {message}", err=True)
    return click.exceptions.Exit(ExitCode.ERROR)


def reader_language(lang: str | None, config: Any) -> str | None:
    """The language a reader sees (``--lang``, else the config's ``[scan] lang``), checked;
    None leaves it to the locale, as the reports do."""
    lang = lang or config.scan.get("lang")
    if lang not in (None, "nl", "en"):
        raise fail(f"{config.path}: [scan] lang must be nl or en, not {lang!r}")
    return lang


def safe_streams() -> None:
    """Replace what the console's encoding cannot show (an emoji on a cp1252 console) instead
    of crashing: the report matters more than one character."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):  # a stream that cannot change (already written to)
                pass


def usage_line(exc: click.UsageError) -> str:
    """click's usage error as one line that says where the help is."""
    where = f" (see '{exc.ctx.command_path} --help')" if exc.ctx is not None else ""
    return f"{exc.format_message()}{where}"


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is, so every ``finally`` and every cleanup made for
    Ctrl-C runs (a scan's spilled verdicts, a pool's workers) instead of the process dying
    with its temporary files left behind."""


def terminate_cleanly() -> None:
    """SIGTERM raises ``Terminated`` (``watch`` puts its own handler over this one)."""
    import signal

    def handler(number: int, frame: object) -> None:
        raise Terminated

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, handler)


def run_guarded(invoke: Callable[[], Any]) -> Any:
    """Run a command body: our own errors become one line and exit 2, a bug a short line
    and exit 3 (``CONTENTCHECK_DEBUG=1`` shows the traceback), as in ``contentcheck scan``."""
    try:
        return invoke()
    except ContentcheckError as exc:
        raise fail(str(exc)) from None
    except click.UsageError as exc:  # a wrong option or value: one line too, not click's three
        raise fail(usage_line(exc)) from None
    except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
        raise
    except Terminated:  # SIGTERM: cleaned up on the way out like Ctrl-C (temporary files)
        say("contentcheck: terminated", err=True)
        raise click.exceptions.Exit(ExitCode.TERMINATED) from None
    except KeyboardInterrupt:  # Ctrl-C: the documented 130, not click's "Aborted!" and 1
        say("contentcheck: interrupted", err=True)
        raise click.exceptions.Exit(ExitCode.INTERRUPTED) from None
    except BrokenPipeError:  # `contentcheck ... | head`: the reader left; leave quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise click.exceptions.Exit(ExitCode.CLEAN) from None
    except Exception as exc:
        if os.environ.get("CONTENTCHECK_DEBUG"):
            raise
        say(f"contentcheck: internal error: {type(exc).__name__}: {exc} "
                   "(set CONTENTCHECK_DEBUG=1 for details)", err=True)
        raise click.exceptions.Exit(ExitCode.INTERNAL) from None


@dataclass
class Terminal:
    """How loud and how colourful this run is, from ``-v``/``-q``/``--color`` and NO_COLOR."""

    verbose: int = 0
    quiet: bool = False
    color: bool | None = None  # None: colour on a terminal only (and never with NO_COLOR)


def terminal(ctx: click.Context | None = None) -> Terminal:
    """This run's terminal settings (kept on the outermost context, shared by subcommands)."""
    root = (ctx or click.get_current_context()).find_root()
    return root.meta.setdefault("contentcheck.terminal", Terminal())


def _apply_terminal(ctx: click.Context) -> None:
    settings = terminal(ctx)
    color = settings.color
    if color is None and os.environ.get("NO_COLOR"):  # https://no-color.org: any non-empty value
        color = False
    context: click.Context | None = ctx
    while context is not None:  # this command's context and its parents: echo reads the current one
        context.color = color
        context = context.parent
    # only our own logger: -vv does not flood the screen with other libraries' debug lines; no
    # flag leaves it to the root logger (the watcher logs INFO there)
    level = (logging.ERROR if settings.quiet else
             logging.WARNING - 10 * min(settings.verbose, 2) if settings.verbose else logging.NOTSET)
    logging.getLogger("contentcheck").setLevel(level)
    root = logging.getLogger()
    if not root.handlers:  # log lines quote file names and post text: shown, never obeyed
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(VisibleFormatter("%(levelname)s %(name)s: %(message)s"))
        logging.basicConfig(level=logging.WARNING, handlers=[handler])


def _verbose(ctx: click.Context, param: click.Parameter, value: int) -> None:
    if value:
        terminal(ctx).verbose += value
    _apply_terminal(ctx)


def _quiet(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        terminal(ctx).quiet = True
    _apply_terminal(ctx)


def _color(ctx: click.Context, param: click.Parameter, value: bool | None) -> None:
    if value is not None:
        terminal(ctx).color = value
    _apply_terminal(ctx)


def _terminal_options() -> list[click.Option]:
    """Fresh option objects for one command: the same flags, in the same places, everywhere."""
    return [
        click.Option(["-v", "--verbose"], count=True, expose_value=False, callback=_verbose,
                     help="Log what is done (twice for more)."),
        click.Option(["-q", "--quiet"], is_flag=True, expose_value=False, callback=_quiet,
                     help="Only errors and the report itself."),
        click.Option(["--color/--no-color"], default=None, expose_value=False, callback=_color,
                     help="Colour in the terminal [default: on a terminal, unless NO_COLOR is set]."),
    ]


def _add_terminal_options(command: click.Command) -> None:
    taken = {opt for param in command.params for opt in param.opts}
    command.params += [option for option in _terminal_options() if not taken & set(option.opts)]


class _Guarded:
    """What every command of ours is: errors end as ``run_guarded`` ends them, and it takes
    -h, -v, -q and --color."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("context_settings", {"help_option_names": ["-h", "--help"]})
        super().__init__(*args, **kwargs)
        _add_terminal_options(self)  # type: ignore[arg-type]

    def invoke(self, ctx: click.Context) -> Any:
        return run_guarded(lambda: super(_Guarded, self).invoke(ctx))  # type: ignore[misc]


class GuardedCommand(_Guarded, click.Command):
    """A command of ours."""


class GuardedGroup(_Guarded, click.Group):
    """A group of ours; its subcommands and subgroups are ours too."""

    command_class = GuardedCommand


GuardedGroup.group_class = GuardedGroup


def _options(*decorators: Callable[[F], F]) -> Callable[[F], F]:
    """Several click options as one decorator, declared once for every command that takes them."""
    def apply(func: F) -> F:
        for decorator in reversed(decorators):
            func = decorator(func)
        return func

    return apply


def config_option(func: F) -> F:
    return click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False),
                        help="Config file [default: the nearest contentcheck.toml here or above].")(func)


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

# A shipped crisis kit and the list categories to escalate: wherever --term is accepted.
kit_options = _options(
    click.option("--kit", "kits", multiple=True, metavar="NAME",
                 help="A crisis kit: its event words pause, its tone-deaf words ask for "
                      "review (see `contentcheck crisis kits`). Repeatable."),
    click.option("--escalate", multiple=True, metavar="CATEGORY",
                 help="A list category whose hits pause, e.g. violence-weapons. Repeatable."),
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
    click.option("--no-translations", "no_translations", is_flag=True, default=None,
                 help="Do not let a typed crisis term's English or Dutch translation count "
                      "(trein -> train) [default: [scan] translations, else on]."),
    click.option("--no-kit-guess", "no_kit_guess", is_flag=True, default=None,
                 help="Do not choose a kit from the typed terms of a crisis that names none "
                      "(its words ask for review) [default: [scan] kit_guess, else on]."),
    kit_options,
)


def now_option(func: F) -> F:
    return click.option("--now", "now_text", metavar="ISO-8601", hidden=True,
                        help="Pretend it is this moment (for tests and re-runs).")(func)


def config_zone(config: Any) -> tzinfo:
    """The ``[scan] timezone`` of the config, else this machine's zone."""
    from contentcheck.settings import config_timezone

    return config_timezone(config)


def current_moment(now_text: str | None, zone: tzinfo) -> datetime:
    """``--now`` if given (naive means ``zone``), else the real time in ``zone``."""
    from contentcheck.settings import parse_moment

    if now_text:
        return parse_moment(now_text, zone, option="--now")
    return datetime.now(zone)
