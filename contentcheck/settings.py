"""Scan settings: defaults < config file < command-line flags, validated once, here.

The CLI and the nightly runner both build a ScanSettings and call ``run_scan`` with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo
from pathlib import Path

from contentcheck.calendar.columns import Role
from contentcheck.errors import SettingsError

DEFAULT_DAYS = 7.0


@dataclass(frozen=True)
class ScanSettings:
    """Everything one scan needs; ``now=None`` means the current time."""

    calendars: tuple[Path, ...]
    timezone: tzinfo
    crisis_files: tuple[Path, ...] = ()
    crisis_terms: tuple[str, ...] = ()
    wordlist_dirs: tuple[Path, ...] = ()
    shipped_lists: bool = True
    now: datetime | None = None
    days: float = DEFAULT_DAYS
    until: datetime | None = None
    all_posts: bool = False
    dayfirst: bool | None = None
    columns: dict[Role, str] = field(default_factory=dict)


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
                from datetime import timedelta

                moment += timedelta(days=1)
        else:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        raise SettingsError(f"{option}: {text!r} is not an ISO-8601 date or date-time "
                            "(e.g. 2026-11-24 or 2026-11-24T08:00)") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)
