"""Reading delimited text calendars (.csv/.tsv/.txt) into a table, streamed from the file.

Exports come from Excel in a Dutch locale (``;``, Windows-1252), Google Sheets (``,``, UTF-8),
schedulers (UTF-8 with or without BOM) and Excel's "Unicode text" (UTF-16, tabs). The encoding
and the delimiter are detected and kept, so a file can be written back the way it came.

The file is decoded and parsed a block at a time (``TextRows``): a calendar of 1,000,000
posts is never one string nor one list of rows. What the whole file decides is decided as the
whole file would: the encoding (a stray byte far down a UTF-8 file), a stray quote (read
leniently from the start) and every error with its line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from contentcheck.calendar.model import Table
from contentcheck.calendar.source import ByteSource

if TYPE_CHECKING:
    from contentcheck.calendar.model import Calendar
from contentcheck.errors import CalendarError

DELIMITERS = (";", ",", "\t", "|")
SAMPLE_LINES = 50
SAMPLE_CHARS = 65536  # the start of the text, where the line ends are looked at
STRICT, LENIENT, CP1252 = "strict", "lenient", "cp1252"  # how UTF-8 bytes are decoded


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


class _Decided(Exception):
    """The first byte that is not UTF-8 decided how the whole file is decoded: read it again
    from the start that way."""


def _real_non_ascii(text: str) -> bool:
    """Whether a text has a character beyond ASCII other than U+FFFD (what a bad byte becomes)."""
    if text.isascii():
        return False
    return len(text) - len(text.encode("ascii", "ignore")) > text.count("\ufffd")


def _lines(blocks: Iterator[bytes]) -> Iterator[bytes]:
    """The bytes in pieces that end at a line end (the last piece may not): UTF-8 and
    Windows-1252 never put ``\\n`` inside a character, so each piece decodes on its own."""
    tail = b""
    for block in blocks:
        cut = block.rfind(b"\n") + 1
        if not cut:
            tail += block
            continue
        yield tail + block[:cut]
        tail = block[cut:]
    if tail:
        yield tail


class TextDecoder:
    """The text of a calendar file, piece by piece, each piece ending at a line end.

    UTF-16 or UTF-8 (BOM optional), else Windows-1252. A UTF-8 file with a few stray
    Windows-1252 bytes (a pasted "é") stays UTF-8, those bytes read as Windows-1252 and named
    in a note, instead of turning every emoji and accent of the file into mojibake. Which of
    the two a file is, the first bad byte decides by looking at the whole file, once."""

    def __init__(self, path: Path, source: ByteSource) -> None:
        self.path = path
        self.source = source
        self.encoding = ""
        self.mode = STRICT
        self.first_bad_line = 0
        self.notes: list[str] = []

    def pieces(self) -> Iterator[str]:
        """The text from the start; raises ``_Decided`` once, when the first byte that is not
        UTF-8 turns up, after which the pieces start again decoded as the whole file says."""
        blocks = self.source.blocks()
        start = b""
        for block in blocks:  # the first 64 KiB: the byte-order mark and binary data
            start += block
            if len(start) >= 65536:
                break
        if start.startswith((b"\xff\xfe", b"\xfe\xff")):
            yield from self._utf16(chain([start], blocks))
            return
        if b"\x00" in start[:65536]:
            raise CalendarError(str(self.path), "is not a text file (it holds binary data); "
                                "expected a CSV export")
        sig = start.startswith(b"\xef\xbb\xbf")
        self.encoding = self.encoding or ("utf-8-sig" if sig else "utf-8")
        line, first = 1, True
        for piece in _lines(chain([start], blocks)):
            encoding = "utf-8-sig" if first and sig else "utf-8"
            first = False
            if self.mode == CP1252:
                try:
                    yield piece.decode("cp1252")
                except UnicodeDecodeError:
                    raise CalendarError(str(self.path), "is neither UTF-8 nor Windows-1252 text",
                                        row=self.first_bad_line) from None
            elif self.mode == LENIENT:
                yield piece.decode(encoding, errors="contentcheck-cp1252")
            else:
                try:
                    yield piece.decode(encoding)
                except UnicodeDecodeError as exc:
                    self.first_bad_line = line + piece[:exc.start].count(b"\n")
                    self._decide()
                    raise _Decided from None
                line += piece.count(b"\n")

    def _utf16(self, blocks: Iterator[bytes]) -> Iterator[str]:
        self.encoding = "utf-16"
        decoder = codecs.getincrementaldecoder("utf-16")()
        tail = ""
        try:
            for block in blocks:
                text = tail + decoder.decode(block)
                cut = text.rfind("\n") + 1
                if cut:
                    yield text[:cut]
                tail = text[cut:]
            tail += decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            raise CalendarError(str(self.path), "starts like UTF-16 text but is not") from None
        if tail:
            yield tail

    def _decide(self) -> None:
        """UTF-8 with stray bytes when the file has real UTF-8 characters besides the bad
        bytes, else Windows-1252; the lines with bad bytes (up to six) for the note."""
        real, bad_lines, line = False, [], 1
        for number, piece in enumerate(_lines(self.source.blocks())):
            encoding = "utf-8-sig" if number == 0 and self.encoding == "utf-8-sig" else "utf-8"
            real = real or _real_non_ascii(piece.decode(encoding, errors="replace"))
            if len(bad_lines) <= 5:
                try:
                    piece.decode("utf-8")
                except UnicodeDecodeError:
                    for offset, text in enumerate(piece.split(b"\n")):
                        try:
                            text.decode("utf-8")
                        except UnicodeDecodeError:
                            bad_lines.append(line + offset)
                            if len(bad_lines) > 5:
                                break
            line += piece.count(b"\n")
            if real and len(bad_lines) > 5:
                break
        if not real:
            self.mode, self.encoding = CP1252, "cp1252"
            return
        self.mode = LENIENT
        shown = ", ".join(map(str, bad_lines[:5])) + (" ..." if len(bad_lines) > 5 else "")
        self.notes.append(f"line(s) {shown}: bytes that are not UTF-8, read as Windows-1252")

    def text(self) -> Iterator[str]:
        """``pieces`` that starts again by itself when the encoding is decided: for a look at
        the start of the file."""
        while True:
            try:
                yield from self.pieces()
                return
            except _Decided:
                continue


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


def _head(decoder: TextDecoder) -> str:
    """The start of the text: enough for the delimiter (the first lines), the line ends (the
    first 64 K characters) and to know it holds any text at all."""
    head = ""
    for piece in decoder.text():
        head += piece
        if (len(head) >= SAMPLE_CHARS and len(head.splitlines()) > SAMPLE_LINES
                and head.strip()):
            break
    return head


def _split(pieces: Iterator[str]) -> Iterator[str]:
    """The text's lines as ``io.StringIO(text, newline="")`` gives them, a piece at a time
    (chained in C: no Python frame per line)."""
    return chain.from_iterable(io.StringIO(piece, newline="") for piece in pieces)


MAX_NOTES = 5  # notes of one kind (rows swallowed by a quote, ...), then a count


class TextRows:
    """The records of a text calendar, parsed from the start on every iteration (a table's
    ``rows``). A stray quote inside a field switches to lenient parsing with a note, as the
    whole file would have been read; an unclosed quote or a field past csv's limit is the
    one-line error, whichever chunk of posts it is in."""

    def __init__(self, path: Path, decoder: TextDecoder, delimiter: str) -> None:
        self.path = path
        self.decoder = decoder
        self.delimiter = delimiter
        self.strict = True
        self.stray: str | None = None  # the note on a stray quote
        self.swallowed: dict[int, str] = {}  # line -> note: rows read into a quoted field
        self.overflowing: dict[int, str] = {}  # line -> note: a row with fields past the header

    @property
    def notes(self) -> list[str]:
        return (self.decoder.notes + ([self.stray] if self.stray else [])
                + _capped(list(self.swallowed.values()), "quoted fields")
                + _capped(list(self.overflowing.values()), "rows with fields past the header"))

    def _check_width(self, row: list[str], number: int, line: int, width: int) -> None:
        """A row with more filled fields than the header has names is most often a text with
        the delimiter in it, unquoted ("Kerstmarkt; neem de trein!"): every field after it
        moves one column to the right, the text's end into Status or Channel, where it is not
        checked as text. Valid CSV, so no error: said out loud, naming the row."""
        if len(row) > width and any(field.strip() for field in row[width:]):
            self.overflowing.setdefault(line, (
                f"row {number} (line {line}): {len(row)} fields under {width} column names; "
                f"a '{self.delimiter}' in an unquoted text? Then its end was read as the next "
                f"column's value, not checked as text: check the row and quote that text"))

    def _check_spanning(self, row: list[str], first: int, last: int, number: int,
                        width: int) -> None:
        """A record over several lines is a post with line breaks, or rows swallowed by a
        quote opened by mistake (``"Begin van citaat`` closed three lines on): then the lines
        inside the field look like rows of their own, with the calendar's delimiters. Say
        so, naming the row: those posts are read as part of this one, not checked apart."""
        needed = max(2, width - 1)
        for field in row:
            inner = field.split("\n")[1:]
            rows = sum(1 for text in inner if text.count(self.delimiter) >= needed)
            if rows:
                self.swallowed.setdefault(first, (
                    f"row {number} (lines {first}-{last}): a quoted field holds {rows} line(s) "
                    f"that look like rows of their own (a quote opened by mistake?); they are "
                    f"read as part of this row, not as posts: check the quotes there"))
                return

    def __iter__(self) -> Iterator[list[str]]:
        done = 0  # records handed out by this iteration: a restart skips them
        while True:
            try:
                for row in self._records(done):
                    done += 1
                    yield row
                return
            except _Decided:  # the encoding is known now: again from the start
                continue

    def _records(self, skip: int) -> Iterator[list[str]]:
        lines = _split(self.decoder.pieces())
        reader = csv.reader(lines, delimiter=self.delimiter, strict=self.strict)
        parsed, line, width = 0, 1, 0
        try:
            for row in reader:
                parsed += 1
                if reader.line_num > line:  # one record over several lines
                    self._check_spanning(row, line, reader.line_num, parsed, width)
                if width:
                    self._check_width(row, parsed, line, width)
                elif sum(1 for field in row if field.strip()) > 1:  # a title line is no header
                    width = len(row)
                line = reader.line_num + 1
                if parsed > skip:
                    yield row
        except csv.Error as exc:
            if not self.strict:  # never end quietly: the rows after it would be lost unseen
                if "field limit" in str(exc):
                    self._strict_error(str(exc), line, parsed)
                raise CalendarError(str(self.path), f"is not valid CSV: {exc}", row=line) from None
            self._strict_error(str(exc), line, parsed)
            self.strict = False
            yield from self._records(max(skip, parsed))

    def _strict_error(self, message: str, line: int, parsed: int) -> None:
        if "field limit" in message:  # csv's own limit (131,072 characters) is far past any post
            raise CalendarError(str(self.path), "a field is longer than "
                                f"{csv.field_size_limit():,} characters; no post is that long "
                                "(is a quote missing?)", row=line)
        if "end of data" in message:  # an opened quote never closed: it ate the rows after it
            raise CalendarError(str(self.path), f"is not valid CSV: a quote opened on line {line} "
                                "is never closed, so every row after it would be lost",
                                row=parsed + 1)
        # a stray quote inside a field: lenient
        self.stray = f"line {line}: a stray quote inside a field ({message}); read leniently"


def _capped(notes: list[str], what: str) -> list[str]:
    """The first few notes of a kind, then a count: a file full of them is one problem."""
    if len(notes) > MAX_NOTES:
        notes[MAX_NOTES:] = [f"... and {len(notes) - MAX_NOTES} more "
                                       f"{what} like these"]
    return notes


def read_text_table(path: Path, source: ByteSource) -> tuple[Table, TextFormat, TextRows]:
    """The file as one table whose rows are read as they are needed, with its detected format
    (the notes come with the rows: some are known only once every row was read)."""
    decoder = TextDecoder(path, source)
    head = _head(decoder)
    if not head.strip():
        raise CalendarError(str(path), "holds no text (only blank lines)")
    newline = "\r\n" if "\r\n" in head[:SAMPLE_CHARS] else "\n"
    rows = TextRows(path, decoder, detect_delimiter(head, path.suffix.lower()))
    return Table(None, rows), TextFormat(decoder.encoding, rows.delimiter, newline), rows


# what this reader reads (calendar.READERS); it also reads a file no other reader claims
SUFFIXES = {".csv": "csv", ".tsv": "csv", ".txt": "csv", ".tab": "csv"}
MAGIC: dict[bytes, str] = {}
STREAMS = True  # read(path, source, calendar) reads the file itself, a block at a time


def read(path: Path, source: ByteSource, calendar: "Calendar") -> list[Table]:
    """The reader's face (calendar.READERS): the one table of a delimited text file; a
    scheduler's bulk-upload file is recognised and read as such. The encoding and the notes
    are final once the rows were read (``finish``)."""
    from contentcheck.calendar.schedulers import as_hootsuite, is_hootsuite_bulk

    table, text_format, rows = read_text_table(path, source)
    calendar.encoding, calendar.delimiter = text_format.encoding, text_format.delimiter
    calendar.newline = text_format.newline
    calendar.kind = "csv"
    if is_hootsuite_bulk(table):
        table, calendar.kind = as_hootsuite(table), "hootsuite-bulk"
    return [table]


def finish(calendar: "Calendar", tables: list[Table]) -> None:
    """What is known once every row was read: the encoding (a late stray byte decides it) and
    the notes on the file, before the notes on its posts."""
    rows = _rows_of(tables[0])
    calendar.encoding = rows.decoder.encoding
    calendar.notes[:0] = rows.notes


def _rows_of(table: Table) -> TextRows:
    rows = table.rows
    return rows if isinstance(rows, TextRows) else rows.rest  # type: ignore[union-attr]
