"""Settings of the nightly check: ``[nightly]``, ``[notify.email]`` and ``[notify.webhook]``.

Layered like the scan settings: defaults < contentcheck.toml < ``watch`` flags, checked once at
start so a typo stops the watcher now rather than at two in the morning. Secrets (the SMTP
password, a webhook URL with a token in it) come from environment variables, never the file.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import time, tzinfo
from pathlib import Path
from typing import Any

from contentcheck.config import Config
from contentcheck.crisis import state_dir_for
from contentcheck.errors import SettingsError

DEFAULT_AT = "02:00"
DEFAULT_CRISIS_EVERY = 30.0  # minutes
DEFAULT_KEEP_DAYS = 90  # run history and dated reports; 0 keeps everything
REPORT_FORMATS = ("xlsx", "json")
NOTIFY_WHEN = ("flagged", "new", "always")
SECURITY = {"starttls": 587, "ssl": 465, "none": 25}
WEBHOOK_STYLES = ("slack", "teams", "json")

NIGHTLY_KEYS: dict[str, type | tuple[type, ...]] = {
    "at": str, "crisis_every_minutes": (int, float), "report_dir": str, "reports": list,
    "notify": str, "name": str, "log_file": str, "log_max_kb": int, "log_backups": int,
    "retries": int, "retry_seconds": (int, float), "keep_days": int,
}
EMAIL_KEYS: dict[str, type | tuple[type, ...]] = {
    "host": str, "port": int, "security": str, "sender": str, "recipients": list,
    "username": str, "password_env": str, "timeout": (int, float), "ca_file": str,
    "subject_prefix": str,
}
WEBHOOK_KEYS: dict[str, type | tuple[type, ...]] = {
    "url": str, "url_env": str, "style": str, "timeout": (int, float),
}


@dataclass(frozen=True)
class EmailSettings:
    host: str
    port: int
    security: str  # starttls | ssl | none
    sender: str
    recipients: tuple[str, ...]
    username: str | None = None
    password_env: str = "CONTENTCHECK_SMTP_PASSWORD"
    timeout: float = 30.0
    ca_file: Path | None = None  # a private CA (or a test's own certificate)
    subject_prefix: str = "[contentcheck]"

    def password(self) -> str | None:
        """Read at send time, so a rotated secret needs no restart."""
        return os.environ.get(self.password_env) or None


@dataclass(frozen=True)
class WebhookSettings:
    url: str
    style: str = "slack"  # slack | teams | json
    timeout: float = 10.0


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
    email: EmailSettings | None = None
    webhook: WebhookSettings | None = None
    log_file: Path | None = None
    log_max_bytes: int = 1024 * 1024
    log_backups: int = 5
    retries: int = 2  # a calendar being saved by Excel is unreadable for a moment: try again
    retry_seconds: float = 30.0
    lang: str | None = None  # the report's language ([scan] lang), else the locale's
    keep_days: int = DEFAULT_KEEP_DAYS  # older runs and dated reports are removed; 0: never

    @property
    def reports_folder(self) -> Path:
        return self.report_dir or self.state_dir / "reports"


def _check_keys(where: str, table: dict[str, Any], known: dict[str, Any]) -> None:
    for key, value in table.items():
        if key not in known:
            raise SettingsError(f"{where} has an unknown key {key!r} (known: {', '.join(sorted(known))})")
        expected = known[key]
        if not isinstance(value, expected) or (expected is not bool and isinstance(value, bool)):
            names = "/".join(t.__name__ for t in (expected if isinstance(expected, tuple) else (expected,)))
            raise SettingsError(f"{where} {key} must be a {names}, not {value!r}")


def _choice(where: str, key: str, value: str, known: tuple[str, ...] | dict[str, Any]) -> str:
    if value not in known:
        raise SettingsError(f"{where} {key} must be one of {', '.join(known)}, not {value!r}")
    return value


def parse_at(text: str, where: str = "--at") -> time:
    """``02:00`` or ``02:00:30`` (seconds, for tests and odd set-ups)."""
    found = re.fullmatch(r"(\d{1,2}):(\d{2})(?::(\d{2}))?", text.strip())
    try:
        if not found:
            raise ValueError
        return time(int(found[1]), int(found[2]), int(found[3] or 0))
    except ValueError:
        raise SettingsError(f"{where} must be a time like 02:00, not {text!r}") from None


def _email(config: Config, table: dict[str, Any]) -> EmailSettings:
    where = f"{config.path}: [notify.email]"
    if "password" in table:
        raise SettingsError(f"{where} password must not be in the file; set it in the environment "
                            f"variable named by password_env (default CONTENTCHECK_SMTP_PASSWORD)")
    _check_keys(where, table, EMAIL_KEYS)
    for key in ("host", "sender", "recipients"):
        if not table.get(key):
            raise SettingsError(f"{where} needs {key}")
    if not all(isinstance(r, str) and "@" in r for r in table["recipients"]):
        raise SettingsError(f"{where} recipients must be e-mail addresses")
    security = _choice(where, "security", table.get("security", "starttls"), SECURITY)
    return EmailSettings(
        host=table["host"], port=table.get("port", SECURITY[security]), security=security,
        sender=table["sender"], recipients=tuple(table["recipients"]),
        username=table.get("username"),
        password_env=table.get("password_env", "CONTENTCHECK_SMTP_PASSWORD"),
        timeout=float(table.get("timeout", 30)),
        ca_file=config.resolve(table["ca_file"]) if table.get("ca_file") else None,
        subject_prefix=table.get("subject_prefix", "[contentcheck]"))


def _webhook(config: Config, table: dict[str, Any]) -> WebhookSettings:
    where = f"{config.path}: [notify.webhook]"
    _check_keys(where, table, WEBHOOK_KEYS)
    url = table.get("url") or (os.environ.get(table["url_env"], "") if table.get("url_env") else "")
    if not url:
        raise SettingsError(f"{where} needs url, or url_env naming a set environment variable")
    if not url.startswith(("http://", "https://")):
        raise SettingsError(f"{where} url must start with http:// or https://")
    style = _choice(where, "style", table.get("style", "slack"), WEBHOOK_STYLES)
    return WebhookSettings(url=url, style=style,
                           timeout=float(table.get("timeout", 10)))


def nightly_settings(config: Config, *, at: str | None = None, crisis_every: float | None = None,
                     report_dir: Path | None = None) -> NightlySettings:
    """Defaults < the file's [nightly]/[notify] < the flags given to ``watch``."""
    from contentcheck.settings import resolve_timezone

    nightly, notify = config.section("nightly"), config.section("notify")
    where = f"{config.path}: [nightly]"
    _check_keys(where, nightly, NIGHTLY_KEYS)
    unknown = set(notify) - {"email", "webhook"}
    if unknown:
        raise SettingsError(f"{config.path}: [notify] has an unknown key {sorted(unknown)[0]!r} "
                            "(known: email, webhook)")
    every = float(crisis_every if crisis_every is not None
                  else nightly.get("crisis_every_minutes", DEFAULT_CRISIS_EVERY))
    if every <= 0:
        raise SettingsError(f"{where} crisis_every_minutes must be more than 0")
    reports = tuple(nightly.get("reports", REPORT_FORMATS))
    for name in reports:
        _choice(where, "reports", name, REPORT_FORMATS)
    folder = report_dir or (config.resolve(nightly["report_dir"]) if nightly.get("report_dir") else None)
    return NightlySettings(
        job=nightly.get("name") or (str(config.path.resolve()) if config.path else "default"),
        state_dir=state_dir_for(config),
        timezone=resolve_timezone(config.scan.get("timezone")),
        at=parse_at(at) if at else parse_at(nightly.get("at", DEFAULT_AT), f"{where} at"),
        crisis_every=every, report_dir=folder, reports=reports,
        notify_when=_choice(where, "notify", nightly.get("notify", "flagged"), NOTIFY_WHEN),
        email=_email(config, notify["email"]) if "email" in notify else None,
        webhook=_webhook(config, notify["webhook"]) if "webhook" in notify else None,
        log_file=config.resolve(nightly["log_file"]) if nightly.get("log_file") else None,
        lang=config.scan.get("lang"),
        log_max_bytes=1024 * int(nightly.get("log_max_kb", 1024)),
        log_backups=int(nightly.get("log_backups", 5)),
        retries=_at_least_zero(where, "retries", nightly.get("retries", 2)),
        retry_seconds=float(_at_least_zero(where, "retry_seconds", nightly.get("retry_seconds", 30))),
        keep_days=int(_at_least_zero(where, "keep_days", nightly.get("keep_days", DEFAULT_KEEP_DAYS))))


def _at_least_zero(where: str, key: str, value: int | float) -> int | float:
    if value < 0:
        raise SettingsError(f"{where} {key} must be 0 or more, not {value!r}")
    return value
