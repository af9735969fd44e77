"""Reading delimited text calendars (.csv/.tsv/.txt) into a table.

Exports come from Excel in a Dutch locale (``;``, Windows-1252), Google Sheets (``,``, UTF-8),
schedulers (UTF-8 with or without BOM) and Excel's "Unicode text" (UTF-16, tabs). The encoding
and the delimiter are detected and kept, so a file can be written back the way it came.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from contentcheck.calendar.model import Table
from contentcheck.errors import CalendarError

DELIMITERS = (";", ",", "\t", "|")
SAMPLE_LINES = 50


@dataclass(frozen=True)
class TextFormat:
    """How a text calendar is written: enough to write a copy the same way."""

    encoding: str
    delimiter: str
    newline: str


def decode(path: Path, data: bytes) -> tuple[str, str]:
    """The text and the encoding name: UTF-16 or UTF-8 (BOM optional), else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise CalendarError(str(path), "starts like UTF-16 text but is not") from None
    if b"\x00" in data[:65536]:
        raise CalendarError(str(path), "is not a text file (it holds binary data); "
                            "expected a CSV export")
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    else:
        encoding = "utf-8"
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CalendarError(str(path), "is neither UTF-8 nor Windows-1252 text",
                            row=line) from None


def detect_delimiter(text: str, suffix: str) -> str:
    """The delimiter that splits the first lines into the same number (>1) of columns most often.

    csv.Sniffer guesses from character frequencies and is easily fooled by commas inside post
    text; counting consistent columns over real parsed rows is not.
    """
    if suffix == ".tsv":
        return "\t"
    sample = "\n".join(text.splitlines()[:SAMPLE_LINES])
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        rows = [row for row in csv.reader(io.StringIO(sample), delimiter=delimiter) if any(row)]
        if not rows:
            continue
        widths = [len(row) for row in rows]
        width = max(set(widths), key=widths.count)
        score = (widths.count(width) if width > 1 else 0, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_text_table(path: Path, data: bytes) -> tuple[Table, TextFormat]:
    """The whole file as one table, with its detected format."""
    text, encoding = decode(path, data)
    if not text.strip():
        raise CalendarError(str(path), "holds no text (only blank lines)")
    newline = "\r\n" if "\r\n" in text[:65536] else "\n"
    delimiter = detect_delimiter(text, path.suffix.lower())
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = [row for row in reader]
    except csv.Error as exc:
        raise CalendarError(str(path), f"is not valid CSV: {exc}", row=reader.line_num) from None
    return Table(None, rows), TextFormat(encoding, delimiter, newline)
