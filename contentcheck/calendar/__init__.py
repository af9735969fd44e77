"""Reading content calendars: workbooks, CSV exports and scheduler bulk files -> posts.

``read_calendar`` is the one entry point; it never writes to the file it reads.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from contentcheck.calendar.columns import HEADER_NAMES, Role
from contentcheck.calendar.model import Calendar, ReadOptions, Table
from contentcheck.calendar.posts import table_to_posts
from contentcheck.calendar.schedulers import (
    as_hootsuite,
    is_hootsuite_bulk,
    kind_from_header,
)
from contentcheck.calendar.textfile import read_text_table
from contentcheck.calendar.workbook import OLE_MAGIC, ZIP_MAGIC, read_workbook
from contentcheck.errors import CalendarError

__all__ = ["Calendar", "ReadOptions", "load_bytes", "read_calendar", "SUPPORTED"]

WORKBOOK_SUFFIXES = {".xlsx": "xlsx", ".xlsm": "xlsx", ".xltx": "xlsx", ".xltm": "xlsx",
                     ".xls": "xls", ".xlsb": "xlsb", ".ods": "ods"}
TEXT_SUFFIXES = {".csv", ".tsv", ".txt", ".tab"}
MAX_CALENDAR_BYTES = 256 << 20  # far beyond any real calendar; memory stays bounded
SUPPORTED = ", ".join(sorted(set(WORKBOOK_SUFFIXES) | TEXT_SUFFIXES))


def load_bytes(path: Path) -> bytes:
    """The file's bytes, read once: only a regular file, and never more than MAX_CALENDAR_BYTES.

    A pipe or a device (``/dev/zero``, a FIFO) is refused before it is read, since it may never
    end or never start; the file is opened without blocking and checked again through the open
    handle, so a path swapped for a pipe in between is caught too."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise CalendarError(str(path), "no such file") from None
    except OSError as exc:
        raise CalendarError(str(path), f"cannot be read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise CalendarError(str(path), f"is a folder; give a calendar file ({SUPPORTED})")
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except PermissionError:
        raise CalendarError(str(path), "cannot be opened: permission denied "
                            "(is it open and locked in another program?)") from None
    except OSError as exc:
        raise CalendarError(str(path), f"cannot be read: {exc.strerror or exc}") from None
    with os.fdopen(handle, "rb") as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise CalendarError(str(path), "is not a regular file (a pipe, device or socket); "
                                "give a saved calendar file")
        if info.st_size > MAX_CALENDAR_BYTES:
            raise CalendarError(str(path), f"is {info.st_size >> 20} MiB; a calendar is at most "
                                f"{MAX_CALENDAR_BYTES >> 20} MiB")
        try:
            data = stream.read(MAX_CALENDAR_BYTES + 1)
        except OSError as exc:
            raise CalendarError(str(path), f"cannot be read: {exc.strerror or exc}") from None
    if len(data) > MAX_CALENDAR_BYTES:  # it grew while being read
        raise CalendarError(str(path), f"is larger than {MAX_CALENDAR_BYTES >> 20} MiB")
    if not data.strip():
        raise CalendarError(str(path), "is empty")
    return data


STDIN = "-"  # a calendar piped in: `cat kalender.csv | contentcheck scan -`
MAX_STDIN_BYTES = MAX_CALENDAR_BYTES  # a piped calendar has the same cap as a file


def _stdin_bytes() -> bytes:
    """A calendar from standard input, read whole (capped: a pipe from /dev/zero must end)."""
    import sys

    if sys.stdin is None or sys.stdin.isatty():
        raise CalendarError(STDIN, "standard input is a terminal: pipe a calendar in "
                            "(cat kalender.csv | contentcheck scan -)")
    data = sys.stdin.buffer.read(MAX_STDIN_BYTES + 1)
    if len(data) > MAX_STDIN_BYTES:
        raise CalendarError(STDIN, f"more than {MAX_STDIN_BYTES // 2**20} MiB on standard input")
    if not data.strip():
        raise CalendarError(STDIN, "standard input is empty")
    return data


def _kind_of(path: Path, data: bytes) -> str:
    """``xlsx``/``xls``/``ods``/``xlsb`` or ``text``: by extension, and by content otherwise."""
    suffix = path.suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        return WORKBOOK_SUFFIXES[suffix]
    if suffix in TEXT_SUFFIXES:
        return "text"
    if data.startswith(ZIP_MAGIC):
        return "xlsx"
    if data.startswith(OLE_MAGIC):
        return "xls"
    return "text"


def _no_calendar(path: Path, tables: list[Table], options: ReadOptions) -> CalendarError:
    if options.columns:
        wanted = ", ".join(repr(name) for name in options.columns.values())
        return CalendarError(str(path), f"no sheet has a header row with the column(s) {wanted}")
    examples = ", ".join(HEADER_NAMES[Role.TEXT][:6])
    where = f" (looked in sheets {', '.join(repr(t.name) for t in tables)})" if tables[0].name else ""
    return CalendarError(str(path), f"no calendar found: no header row with a text column "
                         f"such as {examples}{where}; name it with --text-column")


def read_calendar(path: Path | str, options: ReadOptions, data: bytes | None = None) -> Calendar:
    """Read every calendar sheet of a file into posts.

    ``data``: the file's bytes when the caller already read them (apply hashes and copies the
    very bytes it checks). Raises CalendarError (with file, sheet, row, column where known)
    for anything unreadable.
    """
    path = Path(path)
    if data is None:
        data = _stdin_bytes() if str(path) == STDIN else load_bytes(path)
    elif not data.strip():
        raise CalendarError(str(path), "is empty")
    kind = _kind_of(path, data)
    calendar = Calendar(path=str(path), kind=kind, sha256=hashlib.sha256(data).hexdigest())
    if kind == "text":
        table, text_format = read_text_table(path, data)
        calendar.encoding, calendar.delimiter = text_format.encoding, text_format.delimiter
        calendar.newline = text_format.newline
        calendar.notes.extend(text_format.notes)
        calendar.kind = "csv"
        if is_hootsuite_bulk(table):
            table, calendar.kind = as_hootsuite(table), "hootsuite-bulk"
        tables = [table]
    else:
        tables, calendar.notes = read_workbook(path, data)
        if not tables:
            raise CalendarError(str(path), "has no visible worksheets")
    found = False
    for table in tables:
        try:
            sheet = table_to_posts(table, str(path), options)
        except KeyError as missing:
            calendar.notes.append(f"sheet {table.name!r} skipped: it has no column {missing}")
            continue
        if sheet is None:
            if table.name is not None:
                calendar.notes.append(f"sheet {table.name!r} skipped: no calendar header row "
                                      "(no text column)")
            continue
        found = True
        calendar.layouts[table.name] = (sheet.header_row, sheet.columns)
        if calendar.kind == "csv":
            calendar.kind = kind_from_header(sheet.columns.headers) or "csv"
        calendar.posts.extend(sheet.posts)
        calendar.notes.extend(sheet.notes)
        if table.name is not None:
            calendar.sheets.append(table.name)
    if not found:
        raise _no_calendar(path, tables, options)
    return calendar
