"""Turning a table of cells into posts: header, section rows, dates, text fields.

A row with any text is a post, even when its date cannot be read (it gets a warning and
``scheduled_at=None``): a post is never dropped silently. Blank rows and section rows
("Week 48", "December") are not posts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, compress, islice, repeat
from operator import itemgetter
from datetime import date, datetime, time
from typing import Any

import regex

from contentcheck.calendar.columns import (HEADER_SEARCH_ROWS, ColumnMap, Role, build_column_map,
                                           column_letter, find_header_row, fold_header)
from contentcheck.calendar.dates import DateError, date_order_votes, to_date, to_time
from contentcheck.calendar.model import ReadOptions, Table
from contentcheck.records import Post, field_of

SECTION_ROW = regex.compile(
    r"^(?:week|wk|w)\s*\d{1,2}\b|^(?:q[1-4]|kwartaal\s*\d)\b|"
    r"^(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
    r"december|january|february|march|may|june|july|august|october)\b(?:\s+\d{4})?\s*$",
    regex.IGNORECASE)


def is_id_header(header: Any) -> bool:
    """"ID", "Post ID", "Message ID": a scheduler's own number for the post, which apply names
    so a person can find the post there and unschedule it."""
    words = fold_header(header).split(" ")
    return words[-1] == "id" and len(words) <= 3


def cell_text(value: Any) -> str:
    """A cell as text: numbers without a spurious ``.0``, dates in ISO form."""
    if type(value) is str:  # the common case, first: this runs for every cell
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    return str(value).strip()


def _text(value: Any) -> str:
    """``cell_text`` with its common case (a str) taken before the call: every cell."""
    return value.strip() if type(value) is str else cell_text(value)


def _is_blank_or_section(row: list[Any]) -> bool:
    """A row with no cells filled, or only a section label such as "Week 48" or "December"."""
    filled = [c for c in row if c is not None and c != ""]
    if len(filled) > 1:
        return False
    return not filled or bool(SECTION_ROW.match(cell_text(filled[0])))


def _date_texts(rows: Iterable[list[Any]], index: int) -> set[str]:
    """The distinct text cells of the date column: what the day-first vote reads."""
    return {row[index] for row in rows if index < len(row) and isinstance(row[index], str)}


def _choose_dayfirst(texts: set[str], columns: ColumnMap, options: ReadOptions
                     ) -> tuple[bool, str | None]:
    """Day-first unless told otherwise, or unless the file's own dates can only be month-first."""
    if options.dayfirst is not None:
        return options.dayfirst, None
    index = columns.roles.get(Role.DATE)
    if index is None:
        return True, None
    texts = sorted(texts)
    only_dayfirst, only_monthfirst, either = date_order_votes(texts)
    if only_monthfirst and not only_dayfirst:
        example = next(t for t in texts if date_order_votes([t])[1])
        return False, (f"dates in column {columns.headers[index]!r} are month-first "
                       f"(e.g. {example!r}); read them as such")
    if either and not only_dayfirst:  # a short calendar (1-12 December), or a Sprout export
        example = next(t for t in texts if date_order_votes([t])[2])
        return True, (f"dates in column {columns.headers[index]!r} could be day-first or "
                      f"month-first (e.g. {example!r}); read day-first: use --monthfirst if "
                      "they are month-first")
    return True, None


def _schedule(raw_date: Any, raw_time: Any, columns: ColumnMap, options: ReadOptions,
              dayfirst: bool, warnings: list[str]) -> tuple[datetime | None, bool]:
    """The post's moment as an aware datetime, and whether it is a whole day (no time)."""
    if Role.DATE not in columns.roles and raw_time not in (None, ""):
        try:  # no date column, but a "Publish time" that holds the date and time
            whole = to_date(raw_time, dayfirst=dayfirst, reference=options.reference)
        except DateError:
            whole = None
        if isinstance(whole, datetime):
            raw_date, raw_time = whole, None
    try:
        when = to_date(raw_date, dayfirst=dayfirst, reference=options.reference)
    except DateError:
        warnings.append(f"column {columns.header(Role.DATE) or columns.header(Role.TIME)!r}: "
                        f"{cell_text(raw_date)!r} "
                        "is not a date I can read")
        return None, False
    if when is None:
        if Role.DATE in columns.roles:
            warnings.append(f"column {columns.header(Role.DATE)!r} is empty: the post has no date")
        else:
            warnings.append("the calendar has no date column: the post has no date")
        return None, False
    clock: time | None = None
    try:
        clock = to_time(raw_time)
    except DateError:
        warnings.append(f"column {columns.header(Role.TIME)!r}: {cell_text(raw_time)!r} "
                        "is not a time I can read; the whole day is checked")
    if isinstance(when, datetime):
        moment = datetime.combine(when.date(), clock, when.tzinfo) if clock else when
        all_day = False
    elif clock is not None:
        moment, all_day = datetime.combine(when, clock), False
    else:
        moment, all_day = datetime.combine(when, time(0)), True
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=options.timezone)
    return moment, all_day


def _name_columns_past_the_header(columns: ColumnMap, rows: list[list[Any]]) -> None:
    """A row longer than the header row ("...;Gewoon;Extra: slachtprijzen") still has its text
    checked: the extra columns are named by their letter and scanned."""
    width = max((len(row) for row in rows), default=0)
    for index in range(len(columns.headers), width):
        columns.headers.append(f"column {column_letter(index)}")
        columns.text_columns.append(index)


SUB_HEADER_WORD = regex.compile(r"^\p{L}[\p{L} .()/-]{0,14}$")


def _own_labels(row: list[Any], columns: ColumnMap) -> dict[int, str]:
    """The filled cells of a row that are not a header merged down into it."""
    labels = {}
    for index, value in enumerate(row):
        text = cell_text(value)
        header = columns.headers[index] if index < len(columns.headers) else ""
        if text and text.casefold() != header.casefold():
            labels[index] = text
    return labels


def _is_sub_header(row: list[Any], columns: ColumnMap) -> bool:
    """A second header row under the first: "NL" and "EN" under a "Tekst" merged over two
    columns. No date, at least two short labels, each under a text column, and at least one
    under a column the first row left without a name (headers merged down don't count)."""
    labels = _own_labels(row, columns)
    date_at = columns.roles.get(Role.DATE)
    unnamed = {i for i, h in enumerate(columns.headers) if h.startswith("column ")}
    return (date_at not in labels and len(labels) >= 2
            and all(i in columns.text_columns for i in labels) and bool(unnamed & set(labels))
            and all(SUB_HEADER_WORD.match(value) for value in labels.values()))


def _name_by_sub_header(columns: ColumnMap, row: list[Any]) -> None:
    """Fold the second header row into the column names: "Tekst NL", "Tekst EN"."""
    labels = _own_labels(row, columns)
    last_named = ""
    for index, header in enumerate(columns.headers):
        below = labels.get(index, "")
        if not header.startswith("column "):
            last_named = header
            columns.headers[index] = f"{header} {below}" if below else header
        elif below:
            columns.headers[index] = f"{last_named} {below}".strip()


def _make_names_unique(columns: ColumnMap) -> None:
    """Two columns with one name ("Bericht" twice, Dutch and English) get their letter added,
    "Bericht (C)" and "Bericht (D)": a post's fields, a report and apply must tell them apart."""
    seen = Counter(header.casefold() for header in columns.headers)
    for index, header in enumerate(columns.headers):
        if seen[header.casefold()] > 1:
            columns.headers[index] = f"{header} ({column_letter(index)})"


CHUNK = 5000  # posts handed over at a time: a big calendar is never all posts at once
BUFFER_ROWS = 20_000  # rows held while the dates cannot yet tell day-first from month-first
HEAD_ROWS = HEADER_SEARCH_ROWS + 2  # the header's search area, and the row under it
# distinct channels, statuses and extra cells a sheet shares between its posts (a column of
# post IDs would fill it once, then nothing more is shared): a post held until the report
# is some 250 bytes smaller
SHARED = 10_000


@dataclass
class SheetStream:
    """The posts of one table in chunks, and how its columns were read. ``columns`` and
    ``notes`` are final once ``chunks`` is exhausted (a row past the header's width, the
    dates' order)."""

    chunks: Iterator[list[Post]]
    columns: ColumnMap
    header_row: int
    notes: list[str]


class _Schedules(dict):  # type: ignore[type-arg]
    """(date cell, time cell) -> the moment, whole day and warnings: calendars repeat the
    same dates and times, each pair is parsed once (and looked up in C)."""

    def __init__(self, rows: "_Rows") -> None:
        super().__init__()
        self.rows = rows

    def __missing__(self, raw: tuple[Any, Any]) -> tuple[datetime | None, bool, tuple[str, ...]]:
        rows, warnings = self.rows, []
        moment, all_day = _schedule(*raw, rows.columns, rows.options, rows.dayfirst, warnings)
        schedule = self[raw] = (moment, all_day, tuple(warnings))
        return schedule


class _Rows:
    """Builds a table's posts row by row; ``extend`` names columns past the header's width
    as rows reach them."""

    def __init__(self, columns: ColumnMap, source: str, table: Table,
                 options: ReadOptions) -> None:
        self.columns, self.source, self.options = columns, source, options
        self.sheet, self.first_row = table.name, table.first_row
        self.dayfirst = True
        self.schedules = _Schedules(self)
        self._layout()

    def _layout(self) -> None:
        columns = self.columns
        at = columns.roles.get  # column indexes, looked up once: the loop runs for every row
        self.date_at, self.time_at = at(Role.DATE), at(Role.TIME)
        self.channel_at, self.status_at = at(Role.CHANNEL), at(Role.STATUS)
        extra_at = [(columns.headers[i], i) for i in (at(Role.OWNER), at(Role.CAMPAIGN))
                    if i is not None]
        self.extra_at = extra_at + [(name, i) for i, name in enumerate(columns.headers)
                                    if is_id_header(name)]
        self.text_at = [(columns.headers[i], i) for i in columns.text_columns]
        # every row padded to this width (most already are): plain indexing in the loop
        self.width = max([len(columns.headers), *(i + 1 for i in columns.roles.values())])
        self.named = len(columns.headers)

    def extend(self, width: int) -> None:
        """A row longer than every row before it: its extra columns are named and scanned."""
        _name_columns_past_the_header(self.columns, [[None] * width])
        self._layout()

    def posts(self, numbered: Iterable[tuple[int, list[Any]]]) -> Iterator[Post]:
        """The posts of the rows (index in the table, cells), in order: a block of rows at a
        time, a column at a time in C where the block is plain (``_block``), else row by
        row (``_each``)."""
        numbered = iter(numbered)
        shared: dict[Any, Any] = {}  # channels, statuses, owners repeat: one object each
        while block := list(islice(numbered, BLOCK)):
            posts = self._block(block, shared)
            yield from self._each(block, shared) if posts is None else posts

    def _block(self, block: list[tuple[int, list[Any]]], shared: dict[Any, Any]
               ) -> list[Post] | None:
        """The posts of a block of rows, each column stripped and each record built with
        ``map``: no Python of ours per row but for a row with one text (a section label?).
        None unless the block is plain: every row as wide as the header, every cell read as
        text a text (``str.strip`` takes nothing else), room left in ``shared``. What
        ``_each`` gives for the same rows."""
        width, text_at, extra_at = self.width, self.text_at, self.extra_at
        if width != self.named or len(shared) + 3 * len(block) >= SHARED:
            return None
        indexes, rows = zip(*block)
        if not all(map(width.__eq__, map(len, rows))):
            return None
        columns = list(zip(*rows))
        try:
            texts = [list(map(str.strip, columns[i])) for _, i in text_at]
            cells = [list(map(str.strip, columns[i])) for _, i in extra_at]
            channels, statuses = (None if at is None else list(map(str.strip, columns[at]))
                                  for at in (self.channel_at, self.status_at))
        except TypeError:  # a cell that is no text (a number, a date, empty)
            return None
        fields = list(map(tuple, map(compress, zip(*[map(field_of, zip(repeat(name), column))
                                                     for (name, _), column in zip(text_at, texts)]),
                                     zip(*texts))))
        kept = None
        counts = list(map(len, fields))
        if min(counts) < 2:  # no text to check, or one that may be a "Week 48" section row
            kept = [count > 1 or (count == 1 and not _is_blank_or_section(row))
                    for count, row in zip(counts, rows)]
            if all(kept):
                kept = None
            else:
                indexes, rows, fields = (list(compress(c, kept)) for c in (indexes, rows, fields))
                if not rows:
                    return []
                columns = list(zip(*rows))
        schedules = list(map(self.schedules.__getitem__, zip(
            repeat(None) if self.date_at is None else columns[self.date_at],
            repeat(None) if self.time_at is None else columns[self.time_at])))
        channels, statuses = (_shared(values, kept, shared, texts=True)
                              for values in (channels, statuses))
        extras: Iterable[tuple[tuple[str, str], ...]] = ()
        if extra_at:
            extras = list(map(tuple, map(compress, zip(
                *[zip(repeat(name), column) for (name, _), column in zip(extra_at, cells)]),
                zip(*cells))))
        extras = _shared(extras, kept, shared)
        return list(map(Post, repeat(self.source), repeat(self.sheet),
                        map(self.first_row.__add__, indexes), map(_MOMENT, schedules), channels,
                        statuses, fields, map(_WARNINGS, schedules), extras,
                        map(_ALL_DAY, schedules)))

    def _each(self, block: Iterable[tuple[int, list[Any]]], shared: dict[Any, Any]
              ) -> Iterator[Post]:
        """The posts of rows, one row at a time."""
        extra_at, text_at, width, named = self.extra_at, self.text_at, self.width, self.named
        date_at, time_at, channel_at, status_at = (self.date_at, self.time_at, self.channel_at,
                                                   self.status_at)
        padding = [None] * width
        source, sheet, first_row = self.source, self.sheet, self.first_row
        schedule_of = self.schedules.__getitem__
        for index, row in block:
            if not row:
                continue  # an empty row (a sheet read cell by cell has one per row number)
            if len(row) > named:
                self.extend(len(row))
                extra_at, text_at = self.extra_at, self.text_at
                width, named = self.width, self.named
                padding = [None] * width
            if len(row) < width:
                row = row + padding[len(row):]
            # _text inlined: no call per text cell; a field for each cell with text
            fields = tuple([field_of((name, text)) for name, i in text_at if (text := (
                value.strip() if type(value := row[i]) is str else cell_text(value)))])
            if not fields or (len(fields) == 1 and _is_blank_or_section(row)):
                continue  # no text to check (a date or channel only), or a "Week 48" section row
            moment, all_day, date_warnings = schedule_of(
                (None if date_at is None else row[date_at], None if time_at is None else row[time_at]))
            # _text inlined here too
            channel = None if channel_at is None else (
                value.strip() if type(value := row[channel_at]) is str else cell_text(value)) or None
            status = None if status_at is None else (
                value.strip() if type(value := row[status_at]) is str else cell_text(value)) or None
            extra = tuple([(name, text) for name, i in extra_at if (text := (
                value.strip() if type(value := row[i]) is str else cell_text(value)))])
            if len(shared) < SHARED:  # channels, statuses, owners repeat: one object each
                channel = shared.setdefault(channel, channel)
                status = shared.setdefault(status, status)
                extra = shared.setdefault(extra, extra)
            # by position (a quarter cheaper than by keyword; this runs for every row)
            yield Post(source, sheet, index + first_row, moment, channel, status, fields,
                       date_warnings, extra, all_day)


BLOCK = 1000  # rows read ahead and turned into posts at once


def _shared(values: Any, kept: list[bool] | None, shared: dict[Any, Any], *,
            texts: bool = False) -> Iterable[Any]:
    """A column's values in the rows kept, one object per value (as ``_each`` shares them):
    ``texts`` are stripped cells, None where empty (a channel, a status); a column that is
    not there (None, or ``()`` for no extra columns) is that value in every row."""
    if values is None or values == ():
        shared.setdefault(values, values)
        return repeat(values)
    if kept is not None:
        values = list(compress(values, kept))
    if texts:
        values = list(map(_EMPTY_AS_NONE.get, values, values))
    return list(map(shared.setdefault, values, values))


_EMPTY_AS_NONE: dict[str, None] = {"": None}
_MOMENT, _ALL_DAY, _WARNINGS = itemgetter(0), itemgetter(1), itemgetter(2)


def _in_chunks(posts: Iterator[Post], size: int) -> Iterator[list[Post]]:
    while chunk := list(islice(posts, size)):
        yield chunk


def _columns(header: list[Any], below: Iterable[list[Any]], options: ReadOptions
             ) -> tuple[ColumnMap, bool] | None:
    """The column map of a header row, named past its width as far as the rows ``below`` reach,
    by a second header row under it, uniquely; and whether that row is such a sub-header."""
    columns = build_column_map(header, options.columns)
    if Role.TEXT not in columns.roles:
        return None
    below = list(below)
    _name_columns_past_the_header(columns, below)
    sub = bool(below) and _is_sub_header(below[0], columns)
    if sub:
        _name_by_sub_header(columns, below[0])
    _make_names_unique(columns)
    return columns, sub


def _renamed_later(columns: ColumnMap) -> bool:
    """Whether a column the rows may still reach could be named like one already named (a
    header that reads "column K"): then the names are settled over every row first."""
    return any(name.casefold().startswith("column ")
               and name.casefold() != f"column {column_letter(i)}".casefold()
               for i, name in enumerate(columns.headers))


def sheet_stream(table: Table, source: str, options: ReadOptions,
                 chunk: int | None = None) -> SheetStream | None:
    """The posts of a table in chunks, or None when the table holds no calendar (no header
    row). A sheet in memory is read as a whole; rows read from a file are read once, and a
    second time only when a whole-file question stays open past ``BUFFER_ROWS`` rows (dates
    that could be month-first) or a header could clash with a column named later.

    Raises KeyError(name) when a column named in the options is not in the header row.
    """
    size = chunk or CHUNK
    in_memory = isinstance(table.rows, list)
    head = table.rows[:HEAD_ROWS] if in_memory else list(islice(table.rows, HEAD_ROWS))
    header_index = find_header_row(head, options.columns)
    if header_index is None:
        return None
    if in_memory:
        found = _columns(head[header_index], table.rows[header_index + 1:], options)
    else:
        found = _columns(head[header_index], head[header_index + 1:header_index + 2], options)
    if found is None:
        return None
    columns, sub = found
    notes: list[str] = []
    first = header_index + 1 + sub
    rows = _Rows(columns, source, table, options)
    if in_memory or _renamed_later(columns):
        posts = _whole(table, header_index, first, rows, notes)
    else:
        posts = _streamed(table, header_index, first, rows, notes)
    if table.unsaved:
        posts = _formulas_named(posts, table, rows)
    return SheetStream(_in_chunks(posts, size), columns, header_index + table.first_row, notes)


def _formulas_named(posts: Iterator[Post], table: Table, rows: _Rows) -> Iterator[Post]:
    """Each post read from a cell that holds a formula without a saved result says which
    (its date, time, channel, status or a text it is checked by): the scan saw the formula,
    not what it shows (the unsaved-formulas check asks for review)."""
    from dataclasses import replace

    from contentcheck.calendar.formulas import formula_warning

    for post in posts:
        cells = table.unsaved.get(post.row - table.first_row)
        if cells:
            headers = rows.columns.headers
            read = {i for i in (rows.date_at, rows.time_at, rows.channel_at, rows.status_at)
                    if i is not None} | {i for _, i in rows.text_at}
            named = tuple(formula_warning(headers[column] if column < len(headers)
                                          else column_letter(column), ref, formula)
                          for column, (ref, formula) in sorted(cells.items()) if column in read)
            if named:
                post = replace(post, warnings=post.warnings + named)
        yield post


def _whole(table: Table, header_index: int, first: int, rows: _Rows, notes: list[str]
           ) -> Iterator[Post]:
    """The posts once every row was looked at: the column names and the dates' order are
    settled over the whole table first (a file's rows are read twice)."""
    columns = rows.columns
    date_at = columns.roles.get(Role.DATE)
    texts: set[str] = set()
    if not isinstance(table.rows, list):
        width = 0
        for row in islice(table.rows, header_index + 1, None):
            width = max(width, len(row))
            if date_at is not None and date_at < len(row) and isinstance(row[date_at], str):
                texts.add(row[date_at])
        if width > len(columns.headers):  # settled as a sheet in memory would be
            header = next(islice(table.rows, header_index, None))
            below = [[None] * width]
            second = next(islice(table.rows, header_index + 1, None), None)
            settled = _columns(header, [second or [], *below] if second is not None else below,
                               rows.options)
            assert settled is not None
            columns.headers, columns.text_columns = settled[0].headers, settled[0].text_columns
            rows._layout()
    elif date_at is not None:
        texts = _date_texts(table.rows[header_index + 1:], date_at)
    dayfirst, note = _choose_dayfirst(texts, columns, rows.options)
    notes += [note] if note else []
    rows.dayfirst = dayfirst
    yield from rows.posts(enumerate(islice(table.rows, first, None), first))


def _streamed(table: Table, header_index: int, first: int, rows: _Rows, notes: list[str]
              ) -> Iterator[Post]:
    """The posts of rows read from a file, in one reading: rows wait (at most
    ``BUFFER_ROWS``) until a date that can only be day-first settles the dates' order."""
    columns, options = rows.columns, rows.options
    date_at = columns.roles.get(Role.DATE)
    numbered = enumerate(islice(iter(table.rows), first, None), first)
    if options.dayfirst is not None or date_at is None:
        rows.dayfirst = options.dayfirst if options.dayfirst is not None else True
        yield from rows.posts(numbered)
        return
    texts: set[str] = set()
    if first > header_index + 1:  # the sub-header row votes too, as in a whole table
        texts = _date_texts([next(islice(iter(table.rows), header_index + 1, None))], date_at)
    waiting: list[tuple[int, list[Any]]] = []
    settled = any(date_order_votes([t])[0] for t in texts)
    for index, row in numbered:
        waiting.append((index, row))
        if date_at < len(row):
            text = row[date_at]
            if isinstance(text, str) and text not in texts:
                texts.add(text)
                settled = settled or bool(date_order_votes([text])[0])
        if settled:
            break
        if len(waiting) >= BUFFER_ROWS:  # open for too long: settle it over the whole file
            yield from _whole(table, header_index, first, rows, notes)
            return
    dayfirst, note = _choose_dayfirst(texts, columns, options)
    notes += [note] if note else []
    rows.dayfirst = dayfirst
    yield from rows.posts(chain(waiting, numbered))
