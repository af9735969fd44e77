"""Checking a config table: unknown keys, wrong types and bad choices stop the watcher at start.

Shared by ``nightly.config`` and each notification channel, which checks its own table.
"""

from __future__ import annotations

from typing import Any

from contentcheck.errors import SettingsError

Keys = dict[str, type | tuple[type, ...]]


def check_keys(where: str, table: dict[str, Any], known: Keys) -> None:
    """Refuse a key the table does not know or a value of the wrong type (a bool is no number)."""
    for key, value in table.items():
        if key not in known:
            raise SettingsError(f"{where} has an unknown key {key!r} (known: {', '.join(sorted(known))})")
        expected = known[key]
        if not isinstance(value, expected) or (expected is not bool and isinstance(value, bool)):
            names = "/".join(t.__name__ for t in (expected if isinstance(expected, tuple) else (expected,)))
            raise SettingsError(f"{where} {key} must be a {names}, not {value!r}")


def choice(where: str, key: str, value: str, known: tuple[str, ...] | dict[str, Any]) -> str:
    if value not in known:
        raise SettingsError(f"{where} {key} must be one of {', '.join(known)}, not {value!r}")
    return value


def positive(where: str, key: str, value: int | float) -> float:
    if value <= 0:
        raise SettingsError(f"{where} {key} must be more than 0, not {value!r}")
    return float(value)
