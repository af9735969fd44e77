"""Report outputs made safe: never over an input, no cell a spreadsheet runs as a formula.

The atomic write itself is ``contentcheck.fileio.write_atomically``."""

from __future__ import annotations

from collections.abc import Iterable
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
