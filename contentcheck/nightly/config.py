"""Settings of the nightly check: ``[nightly]`` and one ``[notify.<channel>]`` table per channel.

Layered like the scan settings: defaults < contentcheck.toml < ``watch`` flags, checked once at
start so a typo stops the watcher now rather than at two in the morning. Secrets (the SMTP
password, a webhook URL with a token in it) come from environment variables, never the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import time, tzinfo
from pathlib import Path
from typing import Any

from contentcheck.config import Config, Keys, check_keys, choice, positive
from contentcheck.crisis import state_dir_for
from contentcheck.errors import SettingsError
from contentcheck.nightly.notify import CHANNELS, Channel

DEFAULT_AT = "02:00"
DEFAULT_CRISIS_EVERY = 30.0  # minutes
DEFAULT_KEEP_DAYS = 90  # run history and dated reports; 0 keeps everything
REPORT_FORMATS = ("xlsx", "json")
NOTIFY_WHEN = ("flagged", "new", "always")
NIGHTLY_KEYS: Keys = {
    "at": str, "crisis_every_minutes": (int, float), "report_dir": str, "reports": list,
    "notify": str, "name": str, "log_file": str, "log_max_kb": int, "log_backups": int,
    "retries": int, "retry_seconds": (int, float), "keep_days": int,
    "notify_retry_minutes": (int, float), "lang": str,
}
DEFAULT_NOTIFY_RETRY = 2.0  # minutes before the first new try after a failed notification


@dataclass(frozen=True)
class NightlySettings:
    """Everything the watcher needs besides the scan settings themselves."""

    job: str  # the name runs are recorded under, so two teams can share a state folder
    state_dir: Path
    timezone: tzinfo
    at: time = time(2, 0)
    crisis_every: float = DEFAULT_CRISIS_EVERY
    report_dir: Path | None = None  # None: <state>/reports
    reports: tuple[str, ...] = REPORT_FORMATS
    notify_when: str = "flagged"
    channels: dict[str, Any] = field(default_factory=dict)  # [notify.<id>] -> its settings
    notify_retry: float = DEFAULT_NOTIFY_RETRY  # minutes; doubles after each failure, to an hour
    log_file: Path | None = None
    log_max_bytes: int = 1024 * 1024
    log_backups: int = 5
    retries: int = 2  # a calendar being saved by Excel is unreadable for a moment: try again
    retry_seconds: float = 30.0
    lang: str | None = None  # reports and messages: [nightly] lang, [scan] lang, else the locale's
    keep_days: int = DEFAULT_KEEP_DAYS  # older runs and dated reports are removed; 0: never

    @property
    def reports_folder(self) -> Path:
        return self.report_dir or self.state_dir / "reports"

    def notify_channels(self) -> dict[str, tuple[Channel, Any]]:
        """Each configured channel's module with its settings, in registry order."""
        return {key: (CHANNELS[key], self.channels[key]) for key in CHANNELS if key in self.channels}


def parse_at(text: str, where: str = "--at") -> time:
    """``02:00`` or ``02:00:30`` (seconds, for tests and odd set-ups)."""
    found = re.fullmatch(r"(\d{1,2}):(\d{2})(?::(\d{2}))?", text.strip())
    try:
        if not found:
            raise ValueError
        return time(int(found[1]), int(found[2]), int(found[3] or 0))
    except ValueError:
        raise SettingsError(f"{where} must be a time like 02:00, not {text!r}") from None


def nightly_settings(config: Config, *, at: str | None = None, crisis_every: float | None = None,
                     report_dir: Path | None = None) -> NightlySettings:
    """Defaults < the file's [nightly]/[notify] < the flags given to ``watch``."""
    from contentcheck.settings import config_timezone

    nightly, notify = config.section("nightly"), config.section("notify")
    where = f"{config.path}: [nightly]"
    check_keys(where, nightly, NIGHTLY_KEYS)
    unknown = set(notify) - set(CHANNELS)
    if unknown:
        raise SettingsError(f"{config.path}: [notify] has an unknown key {sorted(unknown)[0]!r} "
                            f"(known: {', '.join(CHANNELS)})")
    for key, table in notify.items():
        if not isinstance(table, dict):
            raise SettingsError(f"{config.path}: [notify.{key}] must be a table")
    every = float(crisis_every if crisis_every is not None
                  else nightly.get("crisis_every_minutes", DEFAULT_CRISIS_EVERY))
    if every <= 0:
        raise SettingsError(f"{where} crisis_every_minutes must be more than 0")
    reports = tuple(nightly.get("reports", REPORT_FORMATS))
    for name in reports:
        choice(where, "reports", name, REPORT_FORMATS)
    folder = report_dir or (config.resolve(nightly["report_dir"]) if nightly.get("report_dir") else None)
    return NightlySettings(
        job=nightly.get("name") or (str(config.path.resolve()) if config.path else "default"),
        state_dir=state_dir_for(config),
        timezone=config_timezone(config),
        at=parse_at(at) if at else parse_at(nightly.get("at", DEFAULT_AT), f"{where} at"),
        crisis_every=every, report_dir=folder, reports=reports,
        notify_when=choice(where, "notify", nightly.get("notify", "flagged"), NOTIFY_WHEN),
        channels={key: CHANNELS[key].settings(config, table) for key, table in notify.items()},
        notify_retry=positive(where, "notify_retry_minutes",
                              nightly.get("notify_retry_minutes", DEFAULT_NOTIFY_RETRY)),
        log_file=config.resolve(nightly["log_file"]) if nightly.get("log_file") else None,
        lang=_lang(config, nightly),
        log_max_bytes=1024 * int(nightly.get("log_max_kb", 1024)),
        log_backups=int(nightly.get("log_backups", 5)),
        retries=_at_least_zero(where, "retries", nightly.get("retries", 2)),
        retry_seconds=float(_at_least_zero(where, "retry_seconds", nightly.get("retry_seconds", 30))),
        keep_days=int(_at_least_zero(where, "keep_days", nightly.get("keep_days", DEFAULT_KEEP_DAYS))))


def _lang(config: Config, nightly: dict[str, Any]) -> str | None:
    """``[nightly] lang``, else ``[scan] lang``, checked now: a typo (``"NL"``) would otherwise
    fail every check at the first report it writes."""
    from contentcheck.wording import LANGUAGES

    table = "nightly" if nightly.get("lang") else "scan"
    lang = nightly.get("lang") or config.scan.get("lang")
    if lang is not None and lang not in LANGUAGES:
        raise SettingsError(f"{config.path}: [{table}] lang must be nl or en, not {lang!r}")
    return lang


def _at_least_zero(where: str, key: str, value: int | float) -> int | float:
    if value < 0:
        raise SettingsError(f"{where} {key} must be 0 or more, not {value!r}")
    return value
