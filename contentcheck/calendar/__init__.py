"""Reading content calendars: workbooks, CSV exports and scheduler bulk files -> posts.

``read_calendar`` is the one entry point; it never writes to the file it reads.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from types import ModuleType

from contentcheck.calendar.columns import HEADER_NAMES, Role
from contentcheck.calendar.model import Calendar, ReadOptions, Table
from contentcheck.calendar.posts import table_to_posts
from contentcheck.calendar import textfile, workbook
from contentcheck.calendar.schedulers import kind_from_header
from contentcheck.errors import CalendarError

__all__ = ["Calendar", "ReadOptions", "load_bytes", "read_calendar", "SUPPORTED"]

# The readers, one module per kind of file, each with SUFFIXES and MAGIC (kind by extension,
# else by the first bytes) and read(path, data, calendar) -> tables; the last one reads what
# no other claims. A calendar format is one module plus one line here.
READERS = (workbook, textfile)
SUFFIXES = {suffix: kind for reader in READERS for suffix, kind in reader.SUFFIXES.items()}
MAX_CALENDAR_BYTES = 256 << 20  # far beyond any real calendar; memory stays bounded
SUPPORTED = ", ".join(sorted(SUFFIXES))


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


def _reader_for(path: Path, data: bytes) -> tuple[ModuleType, str]:
    """The reader of a file and its kind (``xlsx``, ``ods``, ``csv`` ...): by extension, and
    by content otherwise; a file nobody claims is read as delimited text."""
    suffix = path.suffix.lower()
    for reader in READERS:
        if suffix in reader.SUFFIXES:
            return reader, reader.SUFFIXES[suffix]
    for reader in READERS:
        for magic, kind in reader.MAGIC.items():
            if data.startswith(magic):
                return reader, kind
    return READERS[-1], "csv"


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
    reader, kind = _reader_for(path, data)
    calendar = Calendar(path=str(path), kind=kind, sha256=hashlib.sha256(data).hexdigest())
    tables = reader.read(path, data, calendar)
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
