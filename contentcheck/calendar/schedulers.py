"""Recognising scheduler bulk-upload files, so a team can scan the very file it will upload.

- Hootsuite bulk composer: no header row; A = date-time (``05/13/2016 19:00`` or day-first),
  B = message, C = optional link.
- Sprout Social bulk import: headers ``date``, ``time_24hr``, ``message_text`` (and more).
- Buffer-style: ``Text``, ``Scheduled Date``/``Scheduled Time`` or ``Posting Time``, ``Link``.
The kind is remembered on the Calendar so a later step can write the same format back.
"""

from __future__ import annotations

from datetime import datetime

from contentcheck.calendar.columns import Role, fold_header
from contentcheck.calendar.dates import DateError, to_date
from contentcheck.calendar.model import HeadedRows, Table

HOOTSUITE_HEADER = ["Date", "Message", "Link"]
# files a scheduler uploads whole: a paused post is left out of them
BULK_KINDS = ("hootsuite-bulk", "sprout-bulk", "buffer")
HOOTSUITE_ROLES = {Role.DATE: "Date", Role.TEXT: "Message", Role.LINK: "Link"}


def _first_row(table: Table) -> list | None:
    return next((row for row in table.rows if any(str(c).strip() for c in row)), None)


def is_hootsuite_bulk(table: Table) -> bool:
    """No header, and the first row is a date-time followed by a message."""
    row = _first_row(table)
    if row is None or len(row) < 2 or not str(row[1]).strip():
        return False
    if len([c for c in row if str(c).strip()]) > 3:
        return False
    for dayfirst in (True, False):
        try:
            if isinstance(to_date(row[0], dayfirst=dayfirst), datetime):
                return True
        except DateError:
            continue
    return False


def as_hootsuite(table: Table) -> Table:
    """The same rows under a made-up header row, so the usual column logic applies.

    The made-up header is "row 0", so every data row keeps the row number Excel shows for it.
    """
    rows = table.rows
    headed = ([HOOTSUITE_HEADER] + rows if isinstance(rows, list)
              else HeadedRows([HOOTSUITE_HEADER], rows))  # rows read from the file
    return Table(table.name, headed, first_row=0)


def kind_from_header(header: list) -> str | None:
    """``sprout-bulk`` or ``buffer`` when the header row is one of theirs, else None."""
    names = {fold_header(cell) for cell in header if cell is not None}
    if {"date", "time 24hr", "message text"} <= names:
        return "sprout-bulk"
    if "text" in names and names & {"scheduled date", "scheduled time", "posting time"}:
        return "buffer"
    return None
