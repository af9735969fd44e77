"""``contentcheck crisis start|add|extend|remove|end|list|show|kits|suggest``: declare a crisis once,
for every later scan; kits and suggestions help say what it is about.

The commands only parse options and print; crisis.py keeps the files.
"""

from __future__ import annotations

import functools
import re
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
    detail,
    kit_options,
    now_option,
    say,
)
from contentcheck.errors import SettingsError, TermFileError


class _Context:
    """The state folder, zone and moment every subcommand works with."""

    def __init__(self, config_path: Path | None, now_text: str | None) -> None:
        from contentcheck.config import load_config

        config = load_config(config_path)
        self.config = config
        self.zone = config_zone(config)
        self.now = current_moment(now_text, self.zone)
        self.now_text = now_text  # repeated in the command a suggestion list prints
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
    """``--term`` values as lines of word-list syntax: one term each (a list ``trein, spoor``
    is its terms), taken literally. A
    hashtag (``#tag``) is written as it is, which the file syntax reads as a hashtag term; a
    value that the file would read as a comment (``#two words``) loses its ``#``."""
    from contentcheck.matching import read_line, read_text_file, split_term_lists

    lines = []
    split, notes = split_term_lists("--term", list(terms))
    for note in notes:  # trein, spoor: two terms
        detail(f"note: {note}")
    for term in split:
        line = term.strip().replace(" #", " ").replace("\t#", " ")
        if line.startswith("#") and read_line(line).text != line:
            line = line.lstrip("#").strip()
        if line:
            lines.append(line)
    text = "".join(f"{line}\n" for line in lines)
    if terms_file is not None:
        # a file saved on Windows ends its lines in CR LF: line ends, not part of a term
        file_text = read_text_file(terms_file).replace("\r\n", "\n").replace("\r", "\n")
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


def _hint(declared: crises.Crisis, ctx: _Context) -> None:
    """Say so when a term is typed in the plural whose singular is not found, which singulars
    its plural terms find, and which translations its terms bring (a scan finds them too)."""
    from contentcheck.matching import TermSet, term_notes

    pairs = _singular_pairs(declared)
    singulars = TermSet(tuple(singular for _, singular in pairs))
    for hint in term_notes(declared.termset() + singulars + declared.kept_out()):
        detail(f"note: {hint}")
    for line in (*_singulars(pairs), _translations(declared, ctx),
                 *(choice.line() for choice in _chosen(declared, ctx))):
        if line:
            detail(line)


def _chosen(declared: crises.Crisis, ctx: _Context) -> list[Any]:
    """The kits a scan chooses from the terms of a crisis that names none (kit_choice.py);
    none when the config switches that off."""
    if declared.kits or not ctx.config.scan.get("kit_guess", True):
        return []
    from contentcheck.kit_choice import choose_kits

    try:
        return choose_kits(declared.typed_termset(), declared.name, dropped=declared.dropped)
    except TermFileError:  # a hand-edited term that cannot be read: a scan names it
        return []


def _singular_pairs(declared: crises.Crisis) -> list[tuple[Any, Any]]:
    """(typed plural, its singular) for what a scan adds to the crisis's terms
    (matching/singulars.py)."""
    try:
        return declared.singular_pairs()
    except TermFileError:  # a hand-edited term that cannot be read: a scan names it
        return []


def _singulars(pairs: list[tuple[Any, Any]]) -> list[str]:
    """"singulars (pause, 1): slachtoffer (slachtoffers)" for ``_singular_pairs``, and a line
    for the review ones (everyday words such as aanslag)."""
    lines = []
    for label, crisis in (("pause", True), ("review", False)):
        chosen = [(plural, singular) for plural, singular in pairs if singular.crisis is crisis]
        if chosen:
            lines.append(f"singulars ({label}, {len(chosen)}): " + ", ".join(
                f"{singular.text} ({plural.text})" for plural, singular in chosen))
    return lines


def _translation_pairs(declared: crises.Crisis, ctx: _Context) -> list[tuple[Any, Any]]:
    """(typed term, translation) for what a scan with this config adds to the crisis's terms
    (contentcheck.translations); none when the config switches translations off."""
    if not ctx.config.scan.get("translations", True):
        return []
    from contentcheck.translations import translations_of

    try:
        return translations_of(declared.typed_termset(), known=declared.termset().terms)
    except TermFileError:  # a hand-edited term that cannot be read: a scan names it
        return []


def _translations(declared: crises.Crisis, ctx: _Context) -> str | None:
    """"translations (pause, 1): train (trein*)", with "; (review, 1): dead (doden)" for the
    translations that ask for review, or None."""
    pairs = _translation_pairs(declared, ctx)
    parts = [f"({label}, {len(chosen)}): " + ", ".join(f"{new.text} ({typed.text})"
                                                     for typed, new in chosen)
             for label, chosen in (("pause", [p for p in pairs if p[1].crisis]),
                                   ("review", [p for p in pairs if not p[1].crisis])) if chosen]
    return "translations " + "; ".join(parts) if parts else None


def _kit_summary(declared: crises.Crisis) -> str:
    """", kits food-safety; escalated: illness-pandemic" for the line a command prints."""
    parts = []
    if declared.kits:
        parts.append(f"kit{'s' if len(declared.kits) > 1 else ''} {', '.join(declared.kits)}")
    if declared.escalations():
        parts.append(f"escalated to pause: {', '.join(declared.escalations())}")
    return "".join(f"; {part}" for part in parts)


def _crisis_input(func: Callable[..., None]) -> Callable[..., None]:
    """What `crisis start` and `crisis add` both take: terms, a terms file, kits and
    escalations, and the brand's own errors."""
    for decorator in reversed((
            click.option("--term", "terms", multiple=True,
                         help="A crisis term (word-list syntax). Repeatable."),
            click.option("--terms-file", "--crisis", "terms_file",
                         type=click.Path(path_type=Path, dir_okay=False),
                         help="A file of crisis terms, one per line (as scan --crisis)."),
            kit_options, _error_option)):
        func = decorator(func)
    return func


@crisis.command()
@click.argument("name")
@_crisis_input
@click.option("--until", "until_text", metavar="DATETIME",
              help="Stop counting then by itself (ISO date or date-time; a date counts whole).")
@click.option("--hold", "hold_text", metavar="SPAN|DATETIME",
              help="A quiet period: every post scheduled in the next SPAN (6h, 90m, 1d) or "
                   "before DATETIME waits, whatever its words.")
@_with_context
def start(name: str, terms: tuple[str, ...], terms_file: Path | None, kits: tuple[str, ...],
          escalate: tuple[str, ...], errors: tuple[str, ...], until_text: str | None,
          hold_text: str | None, ctx: _Context) -> None:
    """Declare crisis NAME: from now on every scan pauses posts that hit its terms."""
    from contentcheck.settings import parse_moment

    until = parse_moment(until_text, ctx.zone, option="--until", end_of_day=True) if until_text else None
    hold_until = _hold_end(hold_text, ctx, "--hold") if hold_text else None
    declared = crises.start(ctx.state_dir, name, _term_lines(terms, terms_file), ctx.now, until,
                            kits=kits, escalate=escalate, errors=_errors(errors),
                            hold_until=hold_until)
    limit = f" until {ctx.show_time(declared.until)}" if declared.until else ""
    say(f"crisis {declared.name!r} active{limit}: {_terms(len(declared.terms))}"
               f"{_kit_summary(declared)}{_error_count(declared)}; every scan now uses them")
    if declared.hold_until:
        say(_quiet_period(declared, ctx))
    detail(f"saved in {declared.path}")
    detail(f"  (state folder from {ctx.state_origin}; a check or watcher using another state "
        "folder does not see it)")
    _hint(declared, ctx)
    if not declared.hold_until:
        detail("tip: posts that only allude to the news use none of its words; a quiet period "
               f"holds every post of the first hours: contentcheck crisis hold "
               f"{crises.quoted(declared.name)} 12h")


@crisis.command()
@click.argument("name")
@_crisis_input
@click.option("--from-suggestions", "picks", metavar="1,3,5",
              help="Add these numbers of `contentcheck crisis suggest NAME CALENDAR...`; name "
                   "the same calendars after NAME.")
@click.argument("calendars", nargs=-1, type=click.Path(path_type=Path))
@_with_context
def add(name: str, terms: tuple[str, ...], terms_file: Path | None, kits: tuple[str, ...],
        escalate: tuple[str, ...], errors: tuple[str, ...], picks: str | None,
        calendars: tuple[Path, ...], ctx: _Context) -> None:
    """Add terms, kits, escalated categories or errors to the active crisis NAME."""
    text = _term_lines(terms, terms_file)
    if calendars and not picks:
        raise SettingsError("calendars are read only with --from-suggestions")
    if picks:
        declared, found = _suggestions(name, calendars, ctx)
        if not found:
            raise SettingsError(f"--from-suggestions {picks}: there is nothing to choose from: "
                                f"no suggestions for crisis {declared.name!r}"
                                + (" and these calendars" if calendars else "")
                                + "; add terms with --term or --kit")
        chosen = _picked(picks, found)
        text += "".join(f"{s.term}\n" for s in chosen if s.kit is None)
        kits += tuple(s.kit for s in chosen if s.kit)
        # by name: the numbered list moves as posts go out, so a number may now be another term
        say("from the suggestions: " + "; ".join(
            f"{number}. {f'kit {s.kit}' if s.kit else repr(s.term)}"
            for number, s in zip(picks.replace(" ", "").split(","), chosen)))
    if not text.strip() and not kits and not escalate and not errors:
        raise SettingsError("nothing to add: give --term, --terms-file, --kit, --escalate, "
                            "--error or --from-suggestions")
    before = len(crises.find(ctx.state_dir, name, ctx.now).terms)
    updated = crises.add_terms(ctx.state_dir, name, text, ctx.now, kits=kits, escalate=escalate,
                               errors=_errors(errors))
    exceptions = [line.strip() for line in text.splitlines() if line.strip().startswith("!")]
    excepted = f" and {len(exceptions)} exception(s) ({', '.join(exceptions)})" if exceptions else ""
    say(f"crisis {updated.name!r}: {_terms(len(updated.terms) - before)}{excepted} added, "
               f"{len(updated.terms)} in all{_kit_summary(updated)}{_error_count(updated)} "
               f"({updated.path})")
    _hint(updated, ctx)


@crisis.command()
@click.argument("name")
@click.option("--until", "until_text", metavar="DATETIME", required=True,
              help="The new end (ISO date or date-time; a date counts whole).")
@_with_context
def extend(name: str, until_text: str, ctx: _Context) -> None:
    """Give crisis NAME a later end: one that expired (its until passed) counts again."""
    from contentcheck.settings import parse_moment

    until = parse_moment(until_text, ctx.zone, option="--until", end_of_day=True)
    before = crises.find(ctx.state_dir, name, ctx.now).until
    extended = crises.extend(ctx.state_dir, name, until, ctx.now)
    if before is not None and until < before:  # 2026-11-25 typed for 2026-12-25
        say(f"crisis {extended.name!r} now ends earlier: until {ctx.show_time(extended.until)}, "
            f"not {ctx.show_time(before)} ({extended.path})")
    else:
        say(f"crisis {extended.name!r} active until {ctx.show_time(extended.until)}: every scan "
            f"uses its terms again ({extended.path})")
    if extended.hold_until is not None and extended.hold_until > until and \
            extended.hold_until > ctx.now:  # the quiet period is cut short with it
        say(f"its quiet period ends with it, at {ctx.show_time(until)}, not at "
            f"{ctx.show_time(extended.hold_until)}: posts between the two no longer wait; to "
            f"keep the quiet period, extend the crisis past it")


@crisis.command()
@click.argument("name")
@click.argument("when", metavar="SPAN|DATETIME|off")
@_with_context
def hold(name: str, when: str, ctx: _Context) -> None:
    """A quiet period for crisis NAME: every post scheduled in the next SPAN (6h, 90m, 1d) or
    before DATETIME waits, whatever its words; `off` ends it."""
    off = when.strip().casefold() in ("off", "uit")
    until = None if off else _hold_end(when, ctx, "hold")
    updated = crises.hold(ctx.state_dir, name, until, ctx.now)
    if off:
        say(f"crisis {updated.name!r}: no quiet period; its terms alone decide "
            f"({updated.path})")
    else:
        say(_quiet_period(updated, ctx) + f" ({updated.path})")


def _hold_end(text: str, ctx: _Context, option: str) -> datetime:
    """The end of a quiet period as typed (a span or a moment), refused when it has passed,
    naming what was typed (a date counts whole: ``2026-11-20`` ends at the 21st's start)."""
    from contentcheck.settings import parse_hold

    until = parse_hold(text, ctx.now, ctx.zone, option=option)
    if until <= ctx.now:
        raise SettingsError(f"{option}: {text.strip()!r} is not in the future (it ends at "
                            f"{ctx.show_time(until)}; it is {ctx.show_time(ctx.now)} now)")
    return until


def _quiet_period(declared: crises.Crisis, ctx: _Context) -> str:
    line = (f"quiet period: every post scheduled before {ctx.show_time(declared.hold_until)} "
            f"waits, whatever its words (contentcheck crisis hold {crises.quoted(declared.name)} "
            "off to end it early)")
    if declared.until is not None and declared.hold_until is not None and \
            declared.hold_until > declared.until:  # the period ends with the crisis
        line += (f"; but the crisis itself ends at {ctx.show_time(declared.until)}, and the "
                 f"quiet period with it: {crises.extend_command(declared)} to keep both")
    return line


@crisis.command()
@click.argument("name")
@click.argument("term")
@_with_context
def remove(name: str, term: str, ctx: _Context) -> None:
    """Drop TERM from the active crisis NAME: a typed term, or a kit term, a typed plural's
    singular or a typed term's translation the team does not want (the kit itself stays as
    shipped)."""
    from contentcheck.kits import term_key

    updated, source = crises.remove_term(ctx.state_dir, name, term, ctx.now)
    where = "" if source == "typed" else (
        f" ({source}; kept out with `dropped`)" if source.startswith(crises.SINGULAR_SOURCE)
        else f" ({source}; kept out as the exception '!{term_key(term)}')"
        if source.startswith(crises.TRANSLATION_SOURCE)
        else f" (from kit {source}; kept out with `dropped`)")
    click.echo(f"crisis {updated.name!r}: {term!r} removed{where}, "
               f"{_terms(len(updated.terms))} left ({updated.path})")


def _suggestions(name: str | None, calendars: tuple[Path, ...], ctx: _Context
                 ) -> tuple[crises.Crisis, list[Any]]:
    """The crisis (NAME, else the only active one) and its ranked suggestions, given the
    upcoming posts of the calendars (else the config's; none is fine)."""
    from contentcheck.scan import run_scan
    from contentcheck.settings import build_scan_settings
    from contentcheck.suggest import suggest

    if name is None:
        active = crises.active_crises(ctx.state_dir, ctx.now)
        if len(active) != 1:
            raise SettingsError("name the crisis: " + (
                f"{len(active)} are active ({', '.join(c.name for c in active)})" if active
                else "none is active"))
        declared = active[0]
    else:
        declared = crises.find(ctx.state_dir, name, ctx.now)
    posts = []
    if calendars or ctx.config.scan.get("calendars"):
        settings = build_scan_settings(ctx.config, calendars=calendars,
                                       now=ctx.now.isoformat(), active_crises=False)
        posts = [verdict.post for verdict in run_scan(settings).verdicts]
    from contentcheck.matching import TermSet

    # what a scan adds by itself: the typed plurals' singulars and the translations
    automatic = TermSet(tuple(new for _, new in (*_singular_pairs(declared),
                                                 *_translation_pairs(declared, ctx))))
    chosen = tuple(choice.kit.name for choice in _chosen(declared, ctx))
    return declared, suggest(declared.termset(), declared.kits, posts, automatic=automatic,
                             chosen=chosen)


def _is_calendar(arg: str) -> bool:
    """A calendar file (one that exists, or is named like one), not a crisis name."""
    from contentcheck.calendar import SUFFIXES

    return Path(arg).exists() or Path(arg).suffix.lower() in SUFFIXES


def _picked(picks: str, found: list[Any]) -> list[Any]:
    """``1,3,5`` (or ``1 3 5``, ``1;3``) -> those suggestions; a number not on the list is
    an error."""
    chosen = []
    for part in re.split(r"[\s,;]+", picks.strip()):
        if not part.isdigit() or not 1 <= int(part) <= len(found):
            raise SettingsError(f"--from-suggestions {picks}: {part!r} is not one of the "
                                f"{len(found)} suggestions (numbers 1-{len(found)})")
        chosen.append(found[int(part) - 1])
    return chosen


@crisis.command()
@click.argument("name_and_calendars", nargs=-1, metavar="[NAME] [CALENDAR]...")
@_with_context
def suggest(name_and_calendars: tuple[str, ...], ctx: _Context) -> None:
    """Suggest terms to add to crisis NAME (else the only active one), ranked, each with why:
    related words in the upcoming posts of the CALENDARs, kits that fit, translations."""
    args = list(name_and_calendars)
    name = args.pop(0) if args and not _is_calendar(args[0]) else None
    declared, found = _suggestions(name, tuple(Path(a) for a in args), ctx)
    if not found:
        click.echo(f"no suggestions for crisis {declared.name!r}")
        return
    width = max(len(s.term if s.kit is None else f"--kit {s.kit}") for s in found)
    for number, item in enumerate(found, start=1):
        shown = item.term if item.kit is None else f"--kit {item.kit}"
        say(f"{number:3}. {shown:<{width}}  {item.line()}")
    calendars = "".join(f" {a}" for a in args)
    example = ",".join(str(n) for n in range(1, min(3, len(found)) + 1))
    pinned = f" --now {ctx.now_text}" if ctx.now_text else ""  # the same list, the same numbers
    click.echo(f"\nadd with: contentcheck crisis add {declared.name!r} --from-suggestions "
               f"{example}{calendars}{pinned}")


@crisis.command()
def kits() -> None:
    """List the shipped crisis kits, each with what it is for."""
    from contentcheck.kits import shipped_kits

    found = shipped_kits()
    width = max(len(name) for name in found)
    for kit in found.values():
        click.echo(f"{kit.name:<{width}}  {kit.description}")
    click.echo("\nuse: contentcheck crisis start NAME --kit KIT (or scan --kit KIT); "
               "`crisis show` lists a kit's terms")


@crisis.command()
@click.argument("name")
@_with_context
def end(name: str, ctx: _Context) -> None:
    """End crisis NAME; its file stays as history."""
    ended = crises.end(ctx.state_dir, name, ctx.now)
    say(f"crisis {ended.name!r} ended at {ctx.show_time(ended.ended)}; scans no longer "
               f"use its terms ({ended.path})")


@crisis.command(name="list")
@click.option("--all", "show_all", is_flag=True, help="Ended and expired crises too.")
@_with_context
def list_(show_all: bool, ctx: _Context) -> None:
    """List the active crises (with --all: every crisis, ended ones too)."""
    problems: list[str] = []
    declared = crises.read_declared(ctx.state_dir, problems, ctx.zone)
    # without --all, a crisis that stopped counting by itself lately is shown too: its posts
    # look ok again, and nobody decided that
    expired = {c.path for c in declared.recently_expired(ctx.now)}
    scheduled = {c.path for c in declared.scheduled(ctx.now)}  # it counts later: said now
    shown = [c for c in declared.crises
             if show_all or c.is_active(ctx.now) or c.path in expired | scheduled]
    for problem in problems:
        say(f"contentcheck: warning: {problem}", err=True)
    where = f"state folder {ctx.state_dir} (from {ctx.state_origin})"
    if not shown:
        say(f"no {'' if show_all else 'active '}crisis in {where}"
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
        say(f"{status:<9} {item.name}  (since {ctx.show_time(item.started)}, {detail}; "
                   f"{_terms(len(item.terms))})")
        if item.holds(ctx.now):
            say(f"          quiet period: every post before {ctx.show_time(item.hold_end)} waits")
        if item.path in scheduled:
            say(f"          starts at {ctx.show_time(item.started)}: until then no scan uses it; "
                f"if it has begun, set an earlier started in {item.path}")
        if item.path in expired:
            say(f"          stopped counting by itself: if it is not over, "
                f"{crises.extend_command(item)}; if it is, contentcheck crisis end "
                f"{crises.quoted(item.name)}")
    say(f"({where})")


def _hold_shown(item: crises.Crisis, ctx: _Context) -> str:
    """The quiet period as `crisis show` gives it: its end, and whether it still holds."""
    if item.hold_until is None:
        return "-"
    return ctx.show_time(item.hold_end) + ("" if item.holds(ctx.now) else " (over)")


@crisis.command()
@click.argument("name")
@_with_context
def show(name: str, ctx: _Context) -> None:
    """Show crisis NAME: its status, times, file and terms."""
    item = crises.find(ctx.state_dir, name, ctx.now)
    for label, value in (("crisis", item.name), ("status", item.status(ctx.now)),
                         ("started", ctx.show_time(item.started)),
                         ("until", ctx.show_time(item.until)),
                         ("ended", ctx.show_time(item.ended)),
                         ("hold", _hold_shown(item, ctx)), ("file", item.path)):
        say(f"{label + ':':<9}{value}")  # one say() a line: a name's own line breaks stay visible
    for what in item.unread:  # a hand-edited file: what was left out, the rest counts
        say(f"NOT READ: {what}")
    if item.escalations():
        say(f"escalated to pause: {', '.join(item.escalations())}")
    if item.errors:
        say(f"errors:  {' | '.join(item.errors)}")
    say("terms:")
    for line in item.text.splitlines():
        say(f"  {line}")
    from contentcheck.kits import get_kit, term_key

    dropped = {term_key(term) for term in item.dropped}
    for kit in item.kits:
        shipped = get_kit(kit)
        for label, terms in (("pause", shipped.pause_terms()), ("review", shipped.review_terms())):
            kept = [t for t in terms if term_key(t) not in dropped]
            say(f"from kit {kit} ({label}, {len(kept)}): {', '.join(kept)}")
    singulars = item.dropped_singulars()
    kit_dropped = [term for term in item.dropped if term not in singulars]
    if kit_dropped:
        say(f"dropped kit terms: {', '.join(kit_dropped)}")
    if singulars:
        say(f"dropped singulars: {', '.join(singulars)}")
    for line in (*_singulars(_singular_pairs(item)), _translations(item, ctx),
                 *(choice.line() for choice in _chosen(item, ctx))):
        if line:
            say(line)


if __name__ == "__main__":
    crisis()
