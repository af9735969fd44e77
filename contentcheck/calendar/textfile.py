"""Reading delimited text calendars (.csv/.tsv/.txt) into a table.

Exports come from Excel in a Dutch locale (``;``, Windows-1252), Google Sheets (``,``, UTF-8),
schedulers (UTF-8 with or without BOM) and Excel's "Unicode text" (UTF-16, tabs). The encoding
and the delimiter are detected and kept, so a file can be written back the way it came.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import codecs
import csv
import io
from dataclasses import dataclass
from pathlib import Path

from contentcheck.calendar.model import Table

if TYPE_CHECKING:
    from contentcheck.calendar.model import Calendar
from contentcheck.errors import CalendarError

DELIMITERS = (";", ",", "\t", "|")
SAMPLE_LINES = 50


@dataclass(frozen=True)
class TextFormat:
    """How a text calendar is written: enough to write a copy the same way."""

    encoding: str
    delimiter: str
    newline: str
    notes: tuple[str, ...] = ()


def _cp1252_byte(error: UnicodeDecodeError) -> tuple[str, int]:
    """Decode one stray byte as Windows-1252 (the usual culprit in a UTF-8 file)."""
    bad = error.object[error.start:error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error("contentcheck-cp1252", _cp1252_byte)


def _undecodable_lines(data: bytes) -> list[int]:
    """The numbers of the lines (up to six) that are not valid UTF-8, for the note."""
    found = []
    for number, line in enumerate(data.split(b"\n"), start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            found.append(number)
            if len(found) > 5:
                break
    return found


def decode(path: Path, data: bytes) -> tuple[str, str, list[str]]:
    """The text, the encoding name, and notes: UTF-16 or UTF-8 (BOM optional), else
    Windows-1252. A UTF-8 file with a few stray Windows-1252 bytes (a pasted "é") stays UTF-8,
    those bytes read as Windows-1252 and named in a note, instead of turning every emoji and
    accent of the file into mojibake."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", []
        except UnicodeDecodeError:
            raise CalendarError(str(path), "starts like UTF-16 text but is not") from None
    if b"\x00" in data[:65536]:
        raise CalendarError(str(path), "is not a text file (it holds binary data); "
                            "expected a CSV export")
    encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    try:
        return data.decode(encoding), encoding, []
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    lenient = data.decode(encoding, errors="replace")  # C speed, unlike a regex over the bytes
    stray = lenient.count("\ufffd")
    non_ascii = len(lenient) - len(lenient.encode("ascii", "ignore"))
    if non_ascii > stray:  # real UTF-8 characters besides the bad bytes: a UTF-8 file
        text = data.decode(encoding, errors="contentcheck-cp1252")
        lines = _undecodable_lines(data)
        shown = ", ".join(map(str, lines[:5])) + (" ..." if len(lines) > 5 else "")
        return text, encoding, [f"line(s) {shown}: bytes that are not UTF-8, read as Windows-1252"]
    try:
        return data.decode("cp1252"), "cp1252", []
    except UnicodeDecodeError:
        line = data[:first_bad].count(b"\n") + 1
        raise CalendarError(str(path), "is neither UTF-8 nor Windows-1252 text", row=line) from None


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
        try:
            rows = [row for row in csv.reader(io.StringIO(sample), delimiter=delimiter) if any(row)]
        except csv.Error:  # a field past csv's limit: reading the file says where
            continue
        if not rows:
            continue
        widths = [len(row) for row in rows]
        width = max(set(widths), key=widths.count)
        score = (widths.count(width) if width > 1 else 0, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _parse(text: str, delimiter: str, *, strict: bool
           ) -> tuple[list[list[str]], tuple[int, str] | None]:
    """The records, and (line, message) of the first error when strict parsing fails."""
    try:  # the common case at C speed; a file with an error is read again, row by row
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter,
                               strict=strict)), None
    except csv.Error:
        pass
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=strict)
    rows: list[list[str]] = []
    line = 1
    try:
        for row in reader:
            rows.append(row)
            line = reader.line_num + 1
    except csv.Error as exc:
        return rows, (line, str(exc))
    return rows, None


def read_text_table(path: Path, data: bytes) -> tuple[Table, TextFormat]:
    """The whole file as one table, with its detected format."""
    text, encoding, notes = decode(path, data)
    if not text.strip():
        raise CalendarError(str(path), "holds no text (only blank lines)")
    newline = "\r\n" if "\r\n" in text[:65536] else "\n"
    delimiter = detect_delimiter(text, path.suffix.lower())
    rows, problem = _parse(text, delimiter, strict=True)
    if problem is not None:
        line, message = problem
        if "field limit" in message:  # csv's own limit (131,072 characters) is far past any post
            raise CalendarError(str(path), "a field is longer than "
                                f"{csv.field_size_limit():,} characters; no post is that long "
                                "(is a quote missing?)", row=line)
        if "end of data" in message:  # an opened quote never closed: it ate the rows after it
            raise CalendarError(str(path), f"is not valid CSV: a quote opened on line {line} is "
                                "never closed, so every row after it would be lost",
                                row=len(rows) + 1)
        rows, _ = _parse(text, delimiter, strict=False)  # a stray quote inside a field: lenient
        notes.append(f"line {line}: a stray quote inside a field ({message}); read leniently")
    return Table(None, rows), TextFormat(encoding, delimiter, newline, tuple(notes))


# what this reader reads (calendar.READERS); it also reads a file no other reader claims
SUFFIXES = {".csv": "csv", ".tsv": "csv", ".txt": "csv", ".tab": "csv"}
MAGIC: dict[bytes, str] = {}


def read(path: Path, data: bytes, calendar: "Calendar") -> list[Table]:
    """The reader's face (calendar.READERS): the one table of a delimited text file; a
    scheduler's bulk-upload file is recognised and read as such."""
    from contentcheck.calendar.schedulers import as_hootsuite, is_hootsuite_bulk

    table, text_format = read_text_table(path, data)
    calendar.encoding, calendar.delimiter = text_format.encoding, text_format.delimiter
    calendar.newline = text_format.newline
    calendar.notes.extend(text_format.notes)
    calendar.kind = "csv"
    if is_hootsuite_bulk(table):
        table, calendar.kind = as_hootsuite(table), "hootsuite-bulk"
    return [table]
