"""Scan settings: defaults < config file < command-line flags, validated once, here.

The CLI and the nightly runner both build a ScanSettings and call ``run_scan`` with it.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contentcheck.calendar.columns import Role
from contentcheck.errors import SettingsError

if TYPE_CHECKING:
    from contentcheck.config import Config

DEFAULT_DAYS = 7.0
MAX_DAYS = 36_600  # a century: a window past that is a typo


@dataclass(frozen=True)
class TermSources:
    """Where the terms of a check come from: what ``scan`` and ``explain`` share."""

    crisis_files: tuple[Path, ...] = ()
    crisis_terms: tuple[str, ...] = ()
    wordlist_dirs: tuple[Path, ...] = ()
    shipped_lists: bool = True
    disabled_categories: tuple[str, ...] = ()
    state_dir: Path | None = None  # None: the default state folder (see crisis.py)
    active_crises: bool = True
    kits: tuple[str, ...] = ()  # shipped crisis kits (--kit), as if a crisis used them
    escalate: tuple[str, ...] = ()  # list categories whose hits pause (--escalate)
    translations: bool = True  # a typed crisis term's NL<->EN translation counts (translations.py)
    kit_guess: bool = True  # a crisis naming no kit gets the kit its terms fit, as review (kit_choice.py)
    timezone: tzinfo | None = None  # the config's: a crisis file's bare date (None: this machine's)
    config_terms: int = 0  # the first crisis_terms are the config's [scan] terms, the rest --term


@dataclass(frozen=True)
class ScanSettings:
    """Everything one scan needs; ``now=None`` means the current time."""

    calendars: tuple[Path, ...]
    timezone: tzinfo
    terms: TermSources = TermSources()
    now: datetime | None = None
    days: float = DEFAULT_DAYS
    until: datetime | None = None
    all_posts: bool = False
    dayfirst: bool | None = None
    columns: dict[Role, str] = field(default_factory=dict)
    checks: dict[str, dict[str, Any]] = field(default_factory=lambda: check_configs({}))
    skip_unreadable: bool = False  # the nightly check: name an unreadable calendar, check the rest
    jobs: int | None = None  # processes checking posts; None: every core (workers.py)
    cache: bool = True  # keep compiled terms in the state folder's cache/ (matching/cache.py)
    hold_until: datetime | None = None  # --hold: every post before it waits (checks/quiet_period.py)


def check_configs(overrides: dict[str, Any], origin: str = "config",
                  config: "Config | None" = None) -> dict[str, dict[str, Any]]:
    """Each check's settings: its defaults with the config's ``[checks.ID]`` tables on top
    (file paths in them relative to the config file)."""
    from contentcheck.checks import check_config

    return check_config(overrides, origin, config.resolve if config is not None else None)


def resolve_timezone(name: str | None) -> tzinfo:
    """The named IANA zone, else the machine's own zone (as a DST-aware zone, not an offset)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise SettingsError(f"unknown timezone {name!r} (use a name like Europe/Amsterdam)") from None
    try:
        from tzlocal import get_localzone

        return get_localzone()
    except Exception:  # tzlocal refuses odd machine set-ups; UTC is an honest fallback
        return ZoneInfo("UTC")


def config_timezone(config: "Config") -> tzinfo:
    """The ``[scan] timezone`` of the config (a typo named by file and key), else this
    machine's zone."""
    return config.value("timezone", resolve_timezone)


# a date day first, as the reports print it and a Dutch calendar writes it (30-11-2026 18:00):
# refused like any date that is not ISO, but with the ISO form it means
_DAY_FIRST = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})(?:[ T](\d{1,2}:\d{2}))?$")


def parse_moment(text: str, zone: tzinfo, *, option: str, end_of_day: bool = False) -> datetime:
    """An ISO-8601 date or date-time (``2026-11-24``, ``2026-11-24T08:00``, with or without
    offset); a naive one is in ``zone``. A bare date means its start, or with ``end_of_day``
    the start of the next day (so ``--until 2026-11-30`` includes the 30th)."""
    value = text.strip()
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            moment = datetime.combine(day, time(0))
            if end_of_day:
                moment += timedelta(days=1)
        else:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        raise SettingsError(f"{option}: {text!r} is not an ISO-8601 date or date-time "
                            f"({_iso_hint(value)})") from None
    except OverflowError:  # 9999-12-31 counted whole ends past the last date there is
        raise _too_far(option, text) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def _iso_hint(value: str, example: str = "e.g. 2026-11-24 or 2026-11-24T08:00") -> str:
    """The ISO form of a date typed day first (``30-11-2026`` -> ``write 2026-11-30``), else
    the example."""
    if day_first := _DAY_FIRST.match(value):
        day, month, year, clock = day_first.groups()
        try:
            iso = date(int(year), int(month), int(day)).isoformat()
        except ValueError:  # 11-30-2026: month first, or no date at all
            pass
        else:
            return f"write {iso}" + (f"T{clock:0>5}" if clock else "")
    return example


def _too_far(option: str, text: str) -> SettingsError:
    return SettingsError(f"{option}: {text!r} is too far ahead (the last day that can be "
                         "counted is 9999-12-30)")


# 6h, 90m, 1d12h, and as typed in a hurry in Dutch or English: 12 uur, 2 dagen, 30 min, 12 hours
_DAYS = r"d|dag|dagen|day|days"
_HOURS = r"h|u|uur|hr|hrs|hour|hours"
_MINUTES = r"m|min|mins|minuut|minuten|minute|minutes"
_SPAN = re.compile(rf"^(?:(\d+)\s*(?:{_DAYS})(?![a-z]))?\s*(?:(\d+)\s*(?:{_HOURS})(?![a-z]))?"
                   rf"\s*(?:(\d+)\s*(?:{_MINUTES})(?![a-z]))?$", re.IGNORECASE)


def parse_hold(text: str, now: datetime, zone: tzinfo, *, option: str = "--hold") -> datetime:
    """The end of a quiet period: a span from ``now`` (``6h``, ``90m``, ``1d``, ``1d12h``;
    ``u`` for uur too, as a Dutch on-call person types ``24u``) or a moment as ``--until``
    takes it (a bare date counts whole)."""
    found = _SPAN.match(text.strip())
    if found and any(found.groups()):
        days, hours, minutes = (int(part or 0) for part in found.groups())
        try:
            span = timedelta(days=days, hours=hours, minutes=minutes)
            end = now + span
        except OverflowError:
            raise _too_far(option, text) from None
        if not span:
            raise SettingsError(f"{option}: {text!r} is no time at all (e.g. 6h, 90m or 1d)")
        return end
    try:
        return parse_moment(text, zone, option=option, end_of_day=True)
    except SettingsError:
        hint = _iso_hint(text.strip(), "2026-11-24T18:00")
        raise SettingsError(f"{option}: {text!r} is neither a span (6h, 90m, 1d, 1d12h) nor an "
                            f"ISO-8601 date or date-time ({hint})") from None


def _first(*values: object) -> object:
    """The first value that was given (None means not given)."""
    return next((v for v in values if v is not None), None)


def build_term_sources(config: "Config", *, crisis_files: tuple[Path, ...] = (),
                       terms: tuple[str, ...] = (), wordlist_dirs: tuple[Path, ...] = (),
                       shipped_lists: bool | None = None, active_crises: bool = True,
                       disabled_categories: tuple[str, ...] = (), kits: tuple[str, ...] = (),
                       escalate: tuple[str, ...] = (),
                       translations: bool | None = None,
                       kit_guess: bool | None = None) -> TermSources:
    """The config's crisis files, terms, word-list folders and switched-off categories, with
    the flags' added on top (an on-call person's ``--term`` comes on top of the team's crisis
    file); ``--no-shipped-lists``, ``--no-translations`` and ``--no-kit-guess`` replace the
    config's choice."""
    from contentcheck.kits import check_categories

    scan = config.scan
    configured = _config_terms(config)
    return TermSources(
        crisis_files=tuple(config.resolve(p) for p in scan.get("crisis", [])) + tuple(crisis_files),
        crisis_terms=configured + tuple(terms), config_terms=len(configured),
        wordlist_dirs=tuple(config.resolve(p) for p in scan.get("wordlists", [])) + tuple(wordlist_dirs),
        shipped_lists=bool(_first(shipped_lists, scan.get("shipped_lists"), True)),
        disabled_categories=tuple(scan.get("disabled_categories", [])) + tuple(disabled_categories),
        state_dir=config.resolve(config.data["state_dir"]) if config.data.get("state_dir") else None,
        active_crises=active_crises,
        kits=tuple(dict.fromkeys(config.value("kits", lambda v: _kit_names(tuple(v or ())))
                                 + _kit_names(kits))),
        escalate=tuple(dict.fromkeys(check_categories(scan.get("escalate", []),
                                                      config.where("escalate"))
                                     + check_categories(escalate, "--escalate"))),
        translations=bool(_first(translations, scan.get("translations"), True)),
        kit_guess=bool(_first(kit_guess, scan.get("kit_guess"), True)),
        timezone=config_timezone(config),
    )


def _config_terms(config: "Config") -> tuple[str, ...]:
    """``[scan] terms``, each checked here, so that a bad one names the file and key (the scan
    reads them with the ``--term`` values)."""
    from contentcheck.errors import TermFileError

    terms = tuple(config.scan.get("terms", []))
    for number, term in enumerate(terms, start=1):
        if "\n" in term or "\r" in term:  # two terms pasted at once would find neither
            raise SettingsError(f"{config.where('terms')} {term!r}: one term per entry, "
                                "no line breaks")
        from contentcheck.matching import crisis_terms_from_cli

        try:
            crisis_terms_from_cli([term])
        except TermFileError as exc:
            raise SettingsError(f"{config.where('terms')} {number}: {exc.message}") from None
    return terms


GLOB_CHARACTERS = frozenset("*?[")


def config_calendars(config: "Config", entry: str) -> list[Path]:
    """A ``calendars`` entry of the config: a path, or a glob pattern (``exports/*.csv``,
    ``**/kalender-*.xlsx``) giving its files in name order. A pattern that matches nothing is
    kept as it is, so reading it fails with its name rather than silently checking nothing.
    A review workbook contentcheck wrote is no calendar: a pattern skips it (the nightly
    reports in ``**/*.xlsx`` would otherwise be read again on every run), and so is the lock
    file Excel leaves beside an open workbook (``~$kalender.xlsx``): read as a calendar, it
    failed every nightly run while a colleague had the calendar open."""
    path = config.resolve(entry)
    if not GLOB_CHARACTERS & set(entry):
        return [path]
    import glob

    from contentcheck.calendar.workbook import is_report

    found = sorted(Path(p) for p in glob.glob(str(path), recursive=True)
                   if Path(p).is_file() and not Path(p).name.startswith("~$"))
    calendars = [p for p in found if not is_report(p)] or found or [path]
    return [p for p in calendars if not _applied_copy_of(p, calendars)]


def _applied_copy_of(path: Path, calendars: list[Path]) -> bool:
    """Whether ``path`` is the copy ``apply`` wrote of another calendar the same pattern
    found (``kalender-checked.xlsx``, its audit trail beside it): read as well, every post of
    the original counted twice and was its own duplicate."""
    if not path.stem.endswith("-checked") or \
            not path.with_name(f"{path.stem}.decisions.json").is_file():
        return False
    return path.with_name(path.stem.removesuffix("-checked") + path.suffix) in calendars


def _once(paths: tuple[Path, ...]) -> tuple[Path, ...]:
    """Each calendar once, however often it is named (``calendars = ["kal.xlsx", "*.xlsx"]``,
    ``scan kal.xlsx ./kal.xlsx``, a link to it): read twice, every post was its own duplicate
    ("the same text is also scheduled"), counted and notified twice, and apply refused."""
    seen: dict[str, Path] = {}
    for path in paths:
        seen.setdefault(str(path) if str(path) == "-" else os.path.realpath(path), path)
    return tuple(seen.values())


def _kit_names(names: tuple[str, ...]) -> tuple[str, ...]:
    """``--kit`` and ``[scan] kits``, each checked (an unknown kit is an error)."""
    from contentcheck.kits import get_kit

    return tuple(dict.fromkeys(get_kit(str(name)).name for name in names))


def _window_days(days: object) -> float | None:
    """The window's length, refused unless a real number of days up to MAX_DAYS: ``nan`` and
    ``inf`` pass a "at least 0" check but no date arithmetic."""
    if days is None:
        return None
    value = float(days)  # type: ignore[arg-type]
    if not math.isfinite(value) or not 0 <= value <= MAX_DAYS:
        raise SettingsError(f"a window of {days} days: give a number of days from 0 to {MAX_DAYS:,}")
    return value


def build_scan_settings(config: "Config", *, calendars: tuple[Path, ...] = (),
                        crisis_files: tuple[Path, ...] = (), terms: tuple[str, ...] = (),
                        wordlist_dirs: tuple[Path, ...] = (), shipped_lists: bool | None = None,
                        now: str | None = None, days: float | None = None,
                        until: str | None = None, all_posts: bool = False,
                        timezone: str | None = None, dayfirst: bool | None = None,
                        columns: dict[Role, str] | None = None,
                        active_crises: bool = True,
                        disabled_categories: tuple[str, ...] = (), kits: tuple[str, ...] = (),
                        escalate: tuple[str, ...] = (), jobs: int | None = None,
                        cache: bool | None = None,
                        translations: bool | None = None,
                        kit_guess: bool | None = None, hold: str | None = None) -> ScanSettings:
    """Layer defaults < config < flags. Lists (crisis files, terms, word-list folders) add up:
    an on-call person's ``--term`` comes on top of the team's crisis file; single values from
    flags replace the config's. Calendars on the command line replace the config's list."""
    scan = config.scan
    zone = resolve_timezone(timezone) if timezone else config_timezone(config)
    calendar_paths = _once(calendars or tuple(path for entry in scan.get("calendars", [])
                                              for path in config_calendars(config, entry)))
    if not calendar_paths:
        raise SettingsError("no calendar given: name one or more files, or list them as "
                            "calendars in [scan] of contentcheck.toml")
    if sum(bool(x) for x in (days is not None, until, all_posts)) > 1:
        raise SettingsError("use only one of --days, --until and --all")
    until_option, days = "--until", _window_days(days)
    if days is None and not until and not all_posts:  # the config's window
        until, until_option = scan.get("until"), config.where("until")
        days = None if until else config.value("days", _window_days)
    config_columns = {Role(key): value for key, value in scan.get("columns", {}).items()}
    start = parse_moment(now, zone, option="--now") if now else None
    end = parse_moment(until, zone, option=until_option, end_of_day=True) if until else None
    if end is not None and end <= (start or datetime.now(zone)):
        raise SettingsError(f"{until_option} {until}: the window would end before it starts "
                            f"({(start or datetime.now(zone)):%Y-%m-%d %H:%M})")
    hold_until = parse_hold(hold, start or datetime.now(zone), zone) if hold else None
    if hold_until is not None and hold_until <= (start or datetime.now(zone)):
        raise SettingsError(f"--hold {hold}: the quiet period would end before the scan's "
                            f"moment ({(start or datetime.now(zone)):%Y-%m-%d %H:%M})")
    return ScanSettings(
        calendars=tuple(calendar_paths), timezone=zone,
        terms=build_term_sources(config, crisis_files=crisis_files, terms=terms,
                                 wordlist_dirs=wordlist_dirs, shipped_lists=shipped_lists,
                                 active_crises=active_crises,
                                 disabled_categories=disabled_categories, kits=kits,
                                 escalate=escalate, translations=translations,
                                 kit_guess=kit_guess),
        now=start,
        days=DEFAULT_DAYS if days is None else float(days),
        until=end,
        all_posts=all_posts, dayfirst=_first(dayfirst, scan.get("dayfirst")),
        columns={**config_columns, **(columns or {})},
        checks=check_configs(config.section("checks"), str(config.path or "config"), config),
        jobs=_jobs(jobs, scan.get("jobs"), config),
        cache=bool(_first(cache, scan.get("cache"), True)),
        hold_until=hold_until,
    )


def _jobs(flag: int | None, configured: Any, config: "Config") -> int | None:
    """``--jobs`` over ``[scan] jobs``; None (every core) when neither is given."""
    jobs = flag if flag is not None else configured
    if jobs is not None and jobs < 1:
        where = "--jobs" if flag is not None else f"{config.path}: [scan] jobs"
        raise SettingsError(f"{where} must be 1 or more, not {jobs!r}")
    return jobs
