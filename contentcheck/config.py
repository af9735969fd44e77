"""The config file (``contentcheck.toml``): found in the working folder or given with --config.

Only reading and checking the file is done here; settings.py layers it between the defaults and
the command-line flags. Paths in the file are relative to the file's own folder, so a team can
keep the file beside its calendars and run the check from anywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from contentcheck.errors import SettingsError
from contentcheck.fileio import read_regular, read_toml

CONFIG_NAME = "contentcheck.toml"

Keys = dict[str, type | tuple[type, ...]]  # a table's keys and the types they take

# Keys of [scan] and the types they take; anything else is a typo worth stopping for.
SCAN_KEYS: Keys = {
    "calendars": list, "crisis": list, "terms": list, "wordlists": list,
    "shipped_lists": bool, "disabled_categories": list, "kits": list, "escalate": list,
    "days": (int, float), "until": str,
    "timezone": str, "dayfirst": bool, "format": str, "output": str, "columns": dict,
    "exit_zero": bool, "lang": str, "csv_delimiter": str, "jobs": int,
    "cache": bool, "translations": bool, "kit_guess": bool,
}
COLUMN_KEYS = ("text", "date", "time", "channel", "status")
# The file's top-level keys and tables; a typo (``state-dir``, ``[nightyl]``) is refused: ignored,
# a team's shared state folder went unused and its declared crises unseen by every scan.
TOP_KEYS = ("state_dir", "scan", "nightly", "notify", "checks")


class Config:
    """A parsed config file; an absent file is an empty config."""

    def __init__(self, data: dict[str, Any] | None = None, path: Path | None = None) -> None:
        self.data = data or {}
        self.path = path

    @property
    def scan(self) -> dict[str, Any]:
        return self.data.get("scan", {})

    def section(self, name: str) -> dict[str, Any]:
        """Any other top-level table (``[nightly]``, ``[notify]``, ...), for the parts that use it."""
        value = self.data.get(name, {})
        if not isinstance(value, dict):
            raise SettingsError(f"{self.path}: [{name}] must be a table")
        return value

    def where(self, key: str, table: str = "scan") -> str:
        """Where a value of this file is, for an error: ``team.toml: [scan] kits``, so a
        person reading a cron mail looks in the file, not for a flag nobody typed."""
        return f"{self.path or 'config'}: [{table}] {key}"

    def value(self, key: str, read: Callable[[Any], Any], table: str = "scan") -> Any:
        """A value of this file (None when absent) through ``read``, a SettingsError in it
        prefixed with the file and key: not a flag's name nobody typed."""
        try:
            return read(self.data.get(table, {}).get(key))
        except SettingsError as exc:
            raise SettingsError(f"{self.where(key, table)}: {exc}") from None

    def resolve(self, value: str) -> Path:
        """A path from the file, relative to the file's folder."""
        path = Path(value).expanduser()
        if self.path is not None and not path.is_absolute():
            path = self.path.parent / path
        return path


def check_keys(where: str, table: dict[str, Any], known: Keys) -> None:
    """Refuse a key a table does not know or a value of the wrong type (a bool is no number):
    a typo stops the command now, not the watcher at two in the morning."""
    for key, value in table.items():
        if key not in known:
            raise SettingsError(f"{where} has an unknown key {key!r} (known: {', '.join(sorted(known))})")
        expected = known[key]
        if not isinstance(value, expected) or (expected is not bool and isinstance(value, bool)):
            types = expected if isinstance(expected, tuple) else (expected,)
            types = tuple(t for t in types if not (t is int and float in types))  # "a number"
            names = " or ".join(dict.fromkeys(TYPE_WORDS.get(t, t.__name__) for t in types))
            raise SettingsError(f"{where} {key} must be {names}, not {value!r}")


# a TOML value's type as the person editing the file says it ("jobs must be a whole number")
TYPE_WORDS = {int: "a whole number", float: "a number", bool: "true or false", str: "a text",
              list: "a list", dict: "a table"}


def choice(where: str, key: str, value: str, known: tuple[str, ...] | dict[str, Any]) -> str:
    if value not in known:
        raise SettingsError(f"{where} {key} must be one of {', '.join(known)}, not {value!r}")
    return value


def positive(where: str, key: str, value: int | float) -> float:
    if value <= 0:
        raise SettingsError(f"{where} {key} must be more than 0, not {value!r}")
    return float(value)


def _check_scan(path: Path, scan: Any) -> None:
    if not isinstance(scan, dict):
        raise SettingsError(f"{path}: [scan] must be a table")
    check_keys(f"{path}: [scan]", scan, SCAN_KEYS)
    for key in scan.get("columns", {}):
        if key not in COLUMN_KEYS:
            raise SettingsError(f"{path}: [scan.columns] has an unknown key {key!r} "
                                f"(known: {', '.join(COLUMN_KEYS)})")


def find_config(start: Path) -> Path | None:
    """The nearest ``contentcheck.toml`` in ``start`` or a folder above it: the team's config
    (and so its state folder) is found from any subfolder of the team's folder."""
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def load_config(path: Path | None) -> Config:
    """The given file (which must exist), else the nearest ``contentcheck.toml`` from the
    working folder up, if there is one."""
    if path is None:
        path = find_config(Path.cwd())
        if path is None:
            return Config()
    try:
        text = read_regular(Path(path)).decode("utf-8-sig")
    except FileNotFoundError:
        raise SettingsError(f"{path}: config file not found") from None
    except OSError as exc:  # a FIFO or a device too: refused before it is read, never a hang
        raise SettingsError(f"{path}: cannot read the config file: "
                            f"{exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise SettingsError(f"{path}: cannot read the config file: {exc}") from None
    try:
        data = read_toml(text)
    except ValueError as exc:  # tomllib.TOMLDecodeError says line and column
        raise SettingsError(f"{path}: not valid TOML: {exc}") from None
    unknown = next((key for key in data if key not in TOP_KEYS), None)
    if unknown is not None:
        raise SettingsError(f"{path}: unknown {'table' if isinstance(data[unknown], dict) else 'key'}"
                            f" {unknown!r} (known: {', '.join(TOP_KEYS)})")
    _check_scan(Path(path), data.get("scan", {}))
    return Config(data, Path(path))
