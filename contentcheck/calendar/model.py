"""What a reader returns: the raw tables of a file, and the calendar made of them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, tzinfo
from itertools import chain
from typing import Any

from contentcheck.calendar.columns import ColumnMap, Role
from contentcheck.records import Post


@dataclass
class Table:
    """The cells of one sheet (or of a CSV file); the ``i``-th row is row ``i + first_row`` as a
    person sees it in Excel. ``rows`` is a list (a sheet) or rows read from the file each time
    they are iterated (a text file: ``textfile.TextRows``)."""

    name: str | None
    rows: list[list[Any]] | Iterable[list[Any]]
    first_row: int = 1
    # row index -> column index -> (cell reference, formula) of the cells holding a formula
    # without a saved result, whose formula text stands in the cell (calendar/formulas.py)
    unsaved: dict[int, dict[int, tuple[str, str]]] = field(default_factory=dict)


@dataclass
class HeadedRows:
    """Rows with a made-up header row on top, iterable as often as ``rest`` is."""

    head: list[list[Any]]
    rest: Iterable[list[Any]]

    def __iter__(self) -> Iterator[list[Any]]:
        return chain(self.head, self.rest)


@dataclass(frozen=True)
class ReadOptions:
    """How to read calendars; ``dayfirst=None`` means day-first unless a file proves otherwise."""

    timezone: tzinfo
    dayfirst: bool | None = None
    columns: dict[Role, str] = field(default_factory=dict)
    reference: date = date(2000, 7, 1)  # "now": a date without a year is put nearest to it


@dataclass
class Calendar:
    """A calendar file as read: its posts, what kind of file it was, and notes for the reader.

    ``kind`` and the CSV details are kept so later steps can write the same format back.
    """

    path: str
    kind: str  # "xlsx", "ods", "xls", "csv", "hootsuite-bulk", "sprout-bulk", "buffer"
    posts: list[Post] = field(default_factory=list)
    read: int = 0  # posts read: a streamed scan (calendar.stream_calendar) keeps none in posts
    notes: list[str] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)  # sheets read as calendars
    encoding: str | None = None
    delimiter: str | None = None
    newline: str | None = None
    sha256: str = ""
    # per sheet (None for a CSV): the header's row number as Excel shows it (0: no header row)
    # and what each column holds, so decisions can be written back into the right cells
    layouts: dict[str | None, tuple[int, ColumnMap]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "kind": self.kind, "sheets": self.sheets,
                "encoding": self.encoding, "delimiter": self.delimiter, "sha256": self.sha256,
                "posts": len(self.posts) or self.read, "notes": self.notes}
