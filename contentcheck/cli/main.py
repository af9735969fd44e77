"""The command line: parse options, call the pipeline, pick a formatter, set the exit code.

Nothing here decides about posts; errors the user can cause end as one line and exit code 2.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from contentcheck import __version__
from contentcheck.cli.common import (
    ExitCode,
    GuardedGroup,
    config_option,
    crisis_options,
    fail,
    say,
    list_options,
    reader_language,
    safe_streams,
    terminate_cleanly,
    terminal,
    usage_line,
)
from contentcheck.config import choice
from contentcheck.report import REPORTERS, reporter
from contentcheck.visible import visible

if TYPE_CHECKING:
    from contentcheck.calendar.columns import Role
    from contentcheck.config import Config
    from contentcheck.progress import Progress
    from contentcheck.report import ReportOptions
    from contentcheck.scan import ScanResult
    from contentcheck.settings import TermSources


STDOUT = Path("-")  # `-o -`: the report on standard output
EPILOG = """\b
Exit codes:
  0  nothing flagged          1  posts to pause or review (lists check: problems)
  2  bad input or settings; a --jobs worker process died (no report written)
  3  internal error (CONTENTCHECK_DEBUG=1 shows it)
  4  watch: a notification failed (its posts go out with the next run)
  130 interrupted (Ctrl-C)    143 terminated (SIGTERM), cleaned up
\b
Environment:
  CONTENTCHECK_STATE_DIR  where declared crises and the nightly history live
  CONTENTCHECK_DEBUG=1    show the traceback of an internal error
  NO_COLOR                no colour in the terminal (--color forces it)
  _CONTENTCHECK_COMPLETE=bash_source contentcheck   shell completion (bash, zsh, fish)
"""

# --text-column ... -> the column role (calendar.columns.Role values); the calendar package
# is imported only when a scan runs, so `--help` stays quick
COLUMN_OPTIONS = {"text_column": "text", "date_column": "date", "time_column": "time",
                  "channel_column": "channel", "status_column": "status"}


class CommandGroup(GuardedGroup):
    """The top level: the other commands live in their own modules and are imported only when
    they run (``--help`` shows their one-line summaries from ``HELP``), so ``contentcheck scan``
    does not load the watcher, apply or the crisis commands."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *LAZY_COMMANDS})

    def make_context(self, info_name: str | None, args: list[str],
                     parent: click.Context | None = None, **extra: Any) -> click.Context:
        """An option before the command name that is wrong is one line too."""
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.UsageError as exc:
            raise fail(usage_line(exc)) from None

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in LAZY_COMMANDS:
            import importlib

            command = getattr(importlib.import_module(LAZY_COMMANDS[name]), name)
            _with_help(command, name)
            self.add_command(command, name)
        return self.commands.get(name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, HELP[name][0] if name in HELP else self.get_command(ctx, name).get_short_help_str())
                for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


# the commands that live in their own modules: name -> module (the click object has the name)
LAZY_COMMANDS = {"apply": "contentcheck.cli.apply", "checks": "contentcheck.cli.checks",
                 "crisis": "contentcheck.cli.crisis", "explain": "contentcheck.cli.explain",
                 "lists": "contentcheck.cli.lists", "watch": "contentcheck.cli.watch"}


@click.group(cls=CommandGroup, epilog=EPILOG)
@click.version_option(__version__, prog_name="contentcheck")
def main() -> None:
    """Check scheduled social posts against crisis terms and sensitive word lists."""
    safe_streams()
    terminate_cleanly()


def _column_overrides(values: dict[str, str | None]) -> dict["Role", str]:
    from contentcheck.calendar.columns import Role

    return {Role(role): values[name] for name, role in COLUMN_OPTIONS.items() if values.get(name)}


def _configured_format(config: "Config") -> str | None:
    """``[scan] format``, checked here so that a typo names the file and key."""
    named = config.scan.get("format")
    return None if named is None else choice(f"{config.path}: [scan]", "format", named, REPORTERS)


def _check_suffix(report_format: str, output: Path) -> None:
    """Refuse an output whose extension names another report format than ``--format``
    (``--format json -o review.xlsx``); a ``.txt`` takes any text."""
    from contentcheck.report import format_for, reporter

    named = format_for(output)
    if named not in (None, report_format, "table"):
        raise fail(f"{output}: --format {report_format} under a {output.suffix} name (a "
                   f"{named} report's); name it {reporter(report_format).SUFFIXES[0]}, or "
                   "leave --format out")


def _pick_format(chosen: str | None, output: Path | None, configured: str | None = None) -> str:
    """``--format``, else the output file's extension, else ``[scan] format``, else the
    terminal table. A file's extension that names a format wins over the config's: JSON
    written to ``review.xlsx`` is a workbook no Excel opens, on the morning a reviewer needs
    it (and ``_check_suffix`` refuses a ``--format`` that contradicts it)."""
    from contentcheck.report import REPORTERS, format_for, known_suffixes

    named = format_for(output) if output is not None else None
    if chosen:
        if chosen not in REPORTERS:
            raise fail(f"unknown report format {chosen!r} (known: {', '.join(REPORTERS)})")
        return chosen
    if configured and named in (None, "table"):
        return configured
    if output is not None:
        name = format_for(output)
        if name is None:
            raise fail(f"{output}: cannot tell the report format from {output.suffix or 'no extension'!r} "
                       f"({', '.join(known_suffixes())}); use --format ({', '.join(REPORTERS)})")
        return name
    return "table"


@main.command()
@click.argument("calendars", nargs=-1, type=click.Path(path_type=Path))
@config_option
@crisis_options
@list_options
@click.option("--now", "now_text", metavar="ISO-8601", help="Pretend it is this moment.")
@click.option("--days", type=click.FloatRange(min=0), metavar="DAYS",
              help="Window length in days, e.g. 3 or 0.5 [default: 7].")
@click.option("--until", "until_text", metavar="DATE", help="Window end (a date counts whole).")
@click.option("--all", "all_posts", is_flag=True, help="Every post, whatever its date or status.")
@click.option("--hold", "hold", metavar="SPAN|DATETIME",
              help="A quiet period: pause every post scheduled in the next SPAN (6h, 90m, 1d) "
                   "or before DATETIME, whatever its words.")
@click.option("--timezone", "timezone_name", metavar="TZ",
              help="Zone of times without one [default: this machine's].")
@click.option("--dayfirst/--monthfirst", default=None,
              help="How to read 01/02/2026 [default: day-first unless the file shows otherwise].")
@click.option("--text-column", metavar="NAME", help="Column holding the post text.")
@click.option("--date-column", metavar="NAME", help="Column holding the date.")
@click.option("--time-column", metavar="NAME", help="Column holding the time.")
@click.option("--channel-column", metavar="NAME", help="Column holding the channel.")
@click.option("--status-column", metavar="NAME", help="Column holding the status.")
@click.option("--format", "format_name", type=click.Choice(list(REPORTERS)),
              help="Report format [default: from --output's extension, else table].")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the report here (atomically) instead of to the terminal.")
@click.option("--csv-delimiter", type=click.Choice([",", ";"]),
              help="Delimiter of a CSV report [default: [scan] csv_delimiter, else ';' when "
                   "your locale writes a decimal comma (Dutch Excel), else ','].")
@click.option("--lang", type=click.Choice(["nl", "en"], case_sensitive=False),
              help="Language of the Excel/HTML report [default: config, else your locale].")
@click.option("--show-ok", is_flag=True, help="List ok posts too in the table.")
@click.option("--exit-zero", is_flag=True, default=None, help="Exit 0 even when posts are flagged.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), metavar="N",
              help="Processes checking posts [default: [scan] jobs, else every core; "
                   "a small calendar uses one].")
@click.option("--no-cache", "no_cache", is_flag=True, default=None,
              help="Compile the terms afresh instead of loading them as compiled by an "
                   "earlier run from the state folder's cache/ [default: [scan] cache, else on].")
def scan(calendars: tuple[Path, ...], config_path: Path | None, crisis_files: tuple[Path, ...],
         terms: tuple[str, ...], wordlist_dirs: tuple[Path, ...], shipped_lists: bool | None,
         disabled_categories: tuple[str, ...], no_active_crises: bool,
         no_translations: bool | None, no_kit_guess: bool | None, kits: tuple[str, ...],
         escalate: tuple[str, ...], now_text: str | None,
         days: float | None, until_text: str | None, all_posts: bool, hold: str | None,
         timezone_name: str | None, dayfirst: bool | None, format_name: str | None, output: Path | None,
         csv_delimiter: str | None, lang: str | None,
         show_ok: bool, exit_zero: bool | None, jobs: int | None, no_cache: bool | None,
         **columns: str | None) -> None:
    """Check the upcoming posts of one or more calendars (.xlsx, .xlsm, .ods, .csv, ...).

    Settings come from the defaults, then contentcheck.toml, then these flags.
    Exit code 0: nothing flagged; 1: posts to pause or review; 2: bad input.
    """
    from contentcheck.config import load_config
    from contentcheck.scan import run_scan
    from contentcheck.settings import build_scan_settings

    config = load_config(config_path)
    settings = build_scan_settings(
        config, calendars=calendars, crisis_files=crisis_files, terms=terms,
        wordlist_dirs=wordlist_dirs, shipped_lists=shipped_lists, now=now_text, days=days,
        until=until_text, all_posts=all_posts, timezone=timezone_name, dayfirst=dayfirst,
        columns=_column_overrides(columns), active_crises=not no_active_crises,
        disabled_categories=disabled_categories, kits=kits, escalate=escalate, jobs=jobs,
        cache=False if no_cache else None, translations=False if no_translations else None,
        kit_guess=False if no_kit_guess else None, hold=hold)
    from contentcheck.crisis import default_state_dir

    state_dir = settings.terms.state_dir or default_state_dir()  # where apply notes its trails
    if output is None and config.scan.get("output"):
        output = config.resolve(config.scan["output"])
    report_format = _pick_format(format_name, None if output == STDOUT else output,
                                 _configured_format(config))
    if output is None and not reporter(report_format).TERMINAL:
        raise fail(f"--format {report_format} needs --output FILE{reporter(report_format).SUFFIXES[0]} "
                   "(or -o - for standard output)")
    if output is not None and output != STDOUT:
        from contentcheck.report.output import (check_not_a_calendar, check_not_a_record,
                                                check_not_an_input)
        from contentcheck.scan import run_inputs

        check_not_an_input(output, *run_inputs(settings, config.path))
        check_not_a_record(output, state_dir)
        check_not_a_calendar(output)
        _check_suffix(report_format, output)
        _keep_decisions(output, state_dir)
    lang = reader_language(lang, config)
    csv_delimiter = csv_delimiter or config.scan.get("csv_delimiter")
    if csv_delimiter not in (None, ",", ";"):  # checked before the scan, naming file and key
        raise fail(f"{config.path}: [scan] csv_delimiter must be ',' or ';', not {csv_delimiter!r}")
    from contentcheck.cli.progress import for_terminal
    from contentcheck.gcpause import keep_to_the_end, paused_gc

    progress = for_terminal(terminal().quiet)
    with paused_gc():  # a scan makes many objects that live to the end: no collector passes
        result = run_scan(settings, progress)
        try:
            _deliver(result, report_format, output, show_ok, lang, progress, state_dir,
                     csv_delimiter, settings.terms)
        finally:
            result.close()  # a big scan's temporary files
        keep_to_the_end(result)
    progress.done()
    exit_zero = bool(exit_zero if exit_zero is not None else config.scan.get("exit_zero", False))
    flagged = result.any_flagged and not exit_zero
    raise click.exceptions.Exit(ExitCode.FLAGGED if flagged else ExitCode.CLEAN)


# Every command's one-line summary (the command list cuts longer first sentences off) and the
# examples its --help ends with: real commands, as in the README.
HELP: dict[str, tuple[str, str]] = {
    "scan": ("Check the upcoming posts of calendars.",
             "contentcheck scan kalender.xlsx --days 3\n"
             "contentcheck scan kalender.xlsx --term trein --term spoor -o review.xlsx\n"
             "contentcheck scan kalender.xlsx --term kip --kit food-safety\n"
             "cat export.csv | contentcheck scan - --format json -o - | jq .summary"),
    "apply": ("Write a reviewed report's decisions into calendar copies.",
              "contentcheck apply review.xlsx\n"
              "contentcheck apply review.xlsx --output-dir gecontroleerd"),
    "checks": ("List the checks and show what each one does.",
               "contentcheck checks\ncontentcheck checks sensitive-dates"),
    "crisis": ("Declare, extend, show and end crises.",
               "contentcheck crisis start Treinongeluk --term trein --kit transport-accident\n"
               "contentcheck crisis suggest Treinongeluk kalender.xlsx\n"
               "contentcheck crisis list"),
    "explain": ("Show what matches in one text, and why.",
                "contentcheck explain \"Met de trein naar de kerstmarkt\" --term trein\n"
                "contentcheck explain \"Killer deals!\" --language en\n"
                "contentcheck explain \"Heb jij al besteld?\" --channel LinkedIn"),
    "lists": ("Show the word lists; check or measure them.",
              "contentcheck lists\ncontentcheck lists check --strict"),
    "watch": ("Check the calendars every night (and often in a crisis).",
              "contentcheck watch --once\ncontentcheck watch --config /srv/webcare/contentcheck.toml"),
    "crisis start": ("Declare a crisis: its terms, kits or the brand's own errors.",
                     "contentcheck crisis start Treinongeluk --term trein --until 2026-11-30\n"
                     "contentcheck crisis start Salmonella --term kip --kit food-safety\n"
                     "contentcheck crisis start Prijsfout --error \"€ 2,99\" --error kerstmarkt-2025.jpg"),
    "crisis add": ("Add terms, kits, errors or escalations to a crisis.",
                   "contentcheck crisis add Treinongeluk --term 🚂\n"
                   "contentcheck crisis add Schietpartij --escalate violence-weapons\n"
                   "contentcheck crisis add Treinongeluk --from-suggestions 1,3 kalender.xlsx"),
    "crisis extend": ("Give a crisis a later end; an expired one counts again.",
                      "contentcheck crisis extend Treinongeluk --until 2026-11-30"),
    "crisis remove": ("Drop a typed or kit term from an active crisis.",
                      "contentcheck crisis remove Salmonella smullen"),
    "crisis kits": ("List the crisis kits, one line each.", "contentcheck crisis kits"),
    "crisis suggest": ("Suggest terms to add to a crisis, ranked, with why.",
                       "contentcheck crisis suggest Treinongeluk kalender.xlsx\n"
                       "contentcheck crisis suggest"),
    "crisis end": ("End a crisis (its file stays as history).", "contentcheck crisis end Treinongeluk"),
    "crisis list": ("List the active crises (--all: every crisis).", "contentcheck crisis list --all"),
    "crisis show": ("Show a crisis: status, times, file, terms.", "contentcheck crisis show Treinongeluk"),
}


def _with_help(command: click.Command, name: str) -> None:
    short, examples = HELP.get(name, (None, ""))
    if short and not command.short_help:
        command.short_help = short
    if examples and not command.epilog:
        lines = "\n".join(f"  {line}" for line in examples.splitlines())
        command.epilog = f"\b\nExamples:\n{lines}"
    for sub_name, sub in getattr(command, "commands", {}).items():
        _with_help(sub, f"{name} {sub_name}")


def _keep_decisions(output: Path, state_dir: Path) -> None:
    """Refuse to write over a report holding decisions no apply has given yet: they would be
    lost (the next report fills in applied decisions only). Only a workbook holds them: for
    any other output the apply package (all of it, ~0.02 s) is not even imported."""
    if output.suffix.lower() not in (".xlsx", ".xlsm"):
        return
    from contentcheck.apply.pending import unapplied_decisions

    if count := unapplied_decisions(output, state_dir):
        raise fail(f"{output}: holds {count} decision(s) a reviewer filled in that are not "
                   "applied yet, and a new report there would lose them: apply it first (the "
                   "next report fills in applied decisions), or write the new report to "
                   "another file")


def _deliver(result: "ScanResult", report_format: str, output: Path | None, show_ok: bool,
             lang: str | None, progress: "Progress", state_dir: Path,
             csv_delimiter: str | None = None, terms: "TermSources | None" = None) -> None:
    """Show the report on the terminal (or standard output: ``-o -``), or write it atomically
    to a file and say so. ``terms``: what the scan read, to check new texts applied earlier
    before the workbook carries their decisions."""
    from contentcheck.report import ReportOptions, write_report

    earlier = None
    if report_format == "xlsx":  # only the workbook has the reviewer's columns to fill in
        from contentcheck.apply.audit import carried_decisions
        from contentcheck.apply.stale import crisis_hits_now

        earlier = carried_decisions([c.path for c in result.calendars], result.flagged,
                                    state_dir, crisis_hits_now(terms, result.crisis_terms))
    options = ReportOptions(lang=lang, show_ok=show_ok, progress=progress,
                            csv_delimiter=csv_delimiter, earlier=earlier)
    if output is None:
        text = reporter(report_format).render(result, options)
        if report_format != "table" and sys.stdout is not None and sys.stdout.isatty():
            text = visible(text, newlines=True)  # the table shows its text safely itself
        click.echo(text, nl=False)
        return
    if output == STDOUT:
        _to_stdout(result, report_format, options)
        return
    write_report(result, report_format, output, options)
    if not terminal().quiet:
        summary = result.summary()
        from contentcheck.wording import WRITTEN_SUMMARY, words

        say(WRITTEN_SUMMARY[words(lang or "en")].format(output=output, **summary), err=True)


def _to_stdout(result: "ScanResult", report_format: str, options: "ReportOptions") -> None:
    """The report file's bytes on standard output, for a pipe (``-o - | jq``)."""
    import shutil
    import tempfile

    module = reporter(report_format)
    with tempfile.TemporaryDirectory(prefix="contentcheck-") as folder:
        temp = Path(folder) / f"report{module.SUFFIXES[0]}"
        module.write(result, temp, options)
        stream = sys.stdout.buffer  # click 8.5 deprecates get_binary_stream
        with temp.open("rb") as report:  # in blocks: a big scan's report is never held whole
            shutil.copyfileobj(report, stream)
        stream.flush()


_with_help(scan, "scan")
