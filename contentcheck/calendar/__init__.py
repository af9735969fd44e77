"""Reading content calendars: workbooks, CSV exports and scheduler bulk files -> posts.

``stream_calendar`` hands the posts over a chunk at a time (a scan of 1,000,000 posts never
holds them all); ``read_calendar`` collects them, for apply, explain and the tests. Neither
ever writes to the file it reads.
"""

from __future__ import annotations

import stat
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from types import ModuleType

from contentcheck.calendar.columns import HEADER_NAMES, HEADER_SEARCH_ROWS, Role, textless_header
from contentcheck.calendar.model import Calendar, ReadOptions, Table
from contentcheck.calendar.posts import sheet_stream
from contentcheck.calendar import textfile, workbook
from contentcheck.calendar.schedulers import kind_from_header
from contentcheck.calendar.source import (MAX_CALENDAR_BYTES, ByteSource, open_regular,
                                          read_capped)
from contentcheck.errors import CalendarError
from contentcheck.records import Post
from contentcheck.calendar.posts import SheetStream

__all__ = ["Calendar", "CalendarStream", "ReadOptions", "load_bytes", "read_calendar",
           "stream_calendar", "SUPPORTED"]

# The readers, one module per kind of file, each with SUFFIXES and MAGIC (kind by extension,
# else by the first bytes) and read(path, data, calendar) -> tables; the last one reads what
# no other claims. A reader with STREAMS = True reads the file itself (read(path, source,
# calendar), a ByteSource) and has finish(calendar, tables) for what only the end tells.
# A calendar format is one module plus one line here.
READERS = (workbook, textfile)
SUFFIXES = {suffix: kind for reader in READERS for suffix, kind in reader.SUFFIXES.items()}
SUPPORTED = ", ".join(sorted(SUFFIXES))


def _stat(path: Path) -> None:
    """A missing file or a folder, named before anything is opened."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise CalendarError(str(path), "no such file") from None
    except OSError as exc:
        raise CalendarError(str(path), f"cannot be read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise CalendarError(str(path), f"is a folder; give a calendar file ({SUPPORTED})")


def load_bytes(path: Path) -> bytes:
    """The file's bytes, read once: only a regular file, and never more than MAX_CALENDAR_BYTES
    (``source.open_regular`` says why a pipe or a device is refused)."""
    _stat(path)
    with open_regular(path) as stream:
        data = read_capped(path, stream, MAX_CALENDAR_BYTES + 1)
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


def _reader_for(path: Path, start: bytes) -> tuple[ModuleType, str]:
    """The reader of a file and its kind (``xlsx``, ``ods``, ``csv`` ...): by extension, and
    by its first bytes otherwise; a file nobody claims is read as delimited text."""
    suffix = path.suffix.lower()
    for reader in READERS:
        if suffix in reader.SUFFIXES:
            return reader, reader.SUFFIXES[suffix]
    for reader in READERS:
        for magic, kind in reader.MAGIC.items():
            if start.startswith(magic):
                return reader, kind
    return READERS[-1], "csv"


def _first_bytes(path: Path) -> bytes:
    """The start of a file whose extension names no reader, for its magic number."""
    suffix = path.suffix.lower()
    if any(suffix in reader.SUFFIXES for reader in READERS):
        return b""
    with open_regular(path) as stream:
        return read_capped(path, stream, 16)


def _no_calendar(path: Path, tables: list[Table], options: ReadOptions) -> CalendarError:
    if options.columns:
        wanted = ", ".join(repr(name) for name in options.columns.values())
        return CalendarError(str(path), f"no sheet has a header row with the column(s) {wanted}")
    examples = ", ".join(HEADER_NAMES[Role.TEXT][:6])
    where = f" (looked in sheets {', '.join(repr(t.name) for t in tables)})" if tables[0].name else ""
    return CalendarError(str(path), f"no calendar found: no header row with a text column "
                         f"such as {examples}{where}; name it with --text-column")


def _refuse_textless(path: Path, table: Table, options: ReadOptions) -> None:
    """A sheet with a calendar's header but no text column is an error, not a note: beside a
    good sheet it was skipped with one warning line and exit 0, its posts never checked."""
    if options.columns:
        return  # a --text-column the sheet lacks is said as "it has no column ..."
    rows = table.rows[:HEADER_SEARCH_ROWS] if isinstance(table.rows, list) else \
        list(islice(table.rows, HEADER_SEARCH_ROWS))
    names = textless_header(rows)
    if names is not None:
        examples = ", ".join(HEADER_NAMES[Role.TEXT][:4])
        raise CalendarError(str(path), f"has a calendar header ({', '.join(names)}) but no text "
                            f"column such as {examples}: name it with --text-column",
                            sheet=table.name)


class CalendarStream:
    """A calendar being read: ``calendar`` (its kind, sheets and notes; complete, with its
    SHA-256, once ``chunks`` is exhausted) and its posts in chunks, sheet after sheet."""

    def __init__(self, calendar: Calendar, reader: ModuleType, tables: list[Table],
                 options: ReadOptions, chunk: int | None) -> None:
        self.calendar = calendar
        self._reader, self._tables, self._options, self._chunk = reader, tables, options, chunk
        self.source: ByteSource | None = None
        self._named_found = False  # a sheet had the columns named with --text-column & co.

    def _sheet(self, table: Table, path: Path) -> SheetStream | None:
        """A sheet's posts by the columns named (``--text-column``), else, in a workbook whose
        other sheets have them, by the sheet's own header names (with a note): following
        "name it with --text-column" for December must not skip November's posts quietly.
        Raises KeyError(name) when the sheet has neither."""
        from dataclasses import replace

        try:
            sheet = sheet_stream(table, str(path), self._options, self._chunk)
        except KeyError as missing:
            if table.name is None or len(self._tables) < 2:
                raise
            sheet = sheet_stream(table, str(path), replace(self._options, columns={}),
                                 self._chunk)
            if sheet is None:
                raise
            self.calendar.notes.append(f"sheet {table.name!r} has no column {missing}: its "
                                       "columns were recognised by their own names")
            return sheet
        self._named_found = self._named_found or sheet is not None
        return sheet

    def chunks(self) -> Iterator[list[Post]]:
        calendar, path = self.calendar, Path(self.calendar.path)
        found = False
        for table in self._tables:
            try:
                sheet = self._sheet(table, path)
            except KeyError as missing:
                calendar.notes.append(f"sheet {table.name!r} skipped: it has no column {missing}")
                continue
            if sheet is None:
                _refuse_textless(path, table, self._options)
                if table.name is not None:
                    calendar.notes.append(f"sheet {table.name!r} skipped: no calendar header "
                                          "row (no text column)")
                continue
            found = True
            calendar.layouts[table.name] = (sheet.header_row, sheet.columns)
            if calendar.kind == "csv":
                calendar.kind = kind_from_header(sheet.columns.headers) or "csv"
            for chunk in sheet.chunks:
                calendar.read += len(chunk)
                yield chunk
            calendar.notes.extend(sheet.notes)
            if table.name is not None:
                calendar.sheets.append(table.name)
        if not found or (self._options.columns and not self._named_found):
            raise _no_calendar(path, self._tables, self._options)
        if getattr(self._reader, "STREAMS", False):
            self._reader.finish(calendar, self._tables)
        if self.source is not None:
            calendar.sha256 = self.source.sha256


def stream_calendar(path: Path | str, options: ReadOptions, data: bytes | None = None,
                    chunk: int | None = None) -> CalendarStream:
    """Open a calendar for reading its posts a chunk at a time (``chunk`` posts, default
    ``posts.CHUNK``): a text file is read from disk as it goes, a workbook whole.

    ``data``: the file's bytes when the caller already read them (apply hashes and copies the
    very bytes it checks). Raises CalendarError (with file, sheet, row, column where known)
    for anything unreadable, here or while the chunks are read.
    """
    import hashlib

    path = Path(path)
    if data is None and str(path) == STDIN:
        data = _stdin_bytes()
    elif data is not None and not data.strip():
        raise CalendarError(str(path), "is empty")
    if data is None:
        _stat(path)
    reader, kind = _reader_for(path, data if data is not None else _first_bytes(path))
    calendar = Calendar(path=str(path), kind=kind)
    source = None
    if getattr(reader, "STREAMS", False):
        source = ByteSource(path, data)
        tables = reader.read(path, source, calendar)
    else:
        data = load_bytes(path) if data is None else data
        calendar.sha256 = hashlib.sha256(data).hexdigest()
        tables = reader.read(path, data, calendar)
    stream = CalendarStream(calendar, reader, tables, options, chunk)
    stream.source = source
    return stream


def read_calendar(path: Path | str, options: ReadOptions, data: bytes | None = None) -> Calendar:
    """Read every calendar sheet of a file into posts (``stream_calendar``, collected).

    ``data``: the file's bytes when the caller already read them. Raises CalendarError (with
    file, sheet, row, column where known) for anything unreadable.
    """
    stream = stream_calendar(path, options, data)
    for chunk in stream.chunks():
        stream.calendar.posts.extend(chunk)
    return stream.calendar
