"""Writing report files safely: atomically, and never over an input calendar."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from contextlib import suppress
from pathlib import Path

from contentcheck.errors import ContentcheckError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text_cell(value: str) -> str:
    """A value a spreadsheet will show as text, never run as a formula (OWASP CSV injection)."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def check_not_an_input(output: Path, inputs: Iterable[Path]) -> None:
    """Refuse to write a report over a calendar being read: the input is never overwritten."""
    target = output.resolve()
    for path in inputs:
        if Path(path).resolve() == target:
            raise ContentcheckError(f"{output}: is one of the calendars being scanned; "
                                    "choose another --output")


def _file_mode(path: Path) -> int:
    """The mode a new file would get (mkstemp makes it private), or the replaced file's own."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Let ``write`` fill a temporary file beside ``path``, then move it into place in one step,
    so a reader (or a crash) never sees half a report."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise ContentcheckError(f"{path}: folder {directory} does not exist")
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    os.close(handle)
    temp = Path(temp_name)
    try:
        write(temp)
        os.chmod(temp, _file_mode(path))
        os.replace(temp, path)
    except OSError as exc:
        raise ContentcheckError(f"{path}: cannot write the report: {exc.strerror or exc}") from None
    finally:
        with suppress(FileNotFoundError):
            temp.unlink()


