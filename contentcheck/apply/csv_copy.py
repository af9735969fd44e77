"""Writing decisions into a copy of a CSV calendar, byte for byte the same elsewhere.

Untouched records are copied as the exact text they were (quoting, line ends and all); only a
changed record is written anew, with the file's own delimiter, quoting style and line end, and
the whole copy is encoded as the original was. Bulk-upload files (Hootsuite, Sprout, Buffer)
have no status to set, so a paused post is left out of them: what is not in the file is not
uploaded.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from contentcheck.apply.changes import Change, changed_part, quoted
from contentcheck.calendar.columns import Role
from contentcheck.calendar.schedulers import BULK_KINDS
from contentcheck.calendar.model import Calendar
from contentcheck.errors import CalendarError
from contentcheck.report.labels import Decision
from contentcheck.wording import apply_phrase



def _records(text: str, delimiter: str) -> list[tuple[str, list[str]]]:
    """Each record as (its exact text, its fields); records may span lines."""
    lines = io.StringIO(text, newline="").readlines()
    reader = csv.reader(iter(lines), delimiter=delimiter)
    records: list[tuple[str, list[str]]] = []
    consumed = 0
    for fields in reader:
        records.append(("".join(lines[consumed:reader.line_num]), fields))
        consumed = reader.line_num
    return records


def _write_record(fields: list[str], delimiter: str, ending: str, quoting: int) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=ending, quoting=quoting).writerow(fields)
    return buffer.getvalue()


def _serialize(fields: list[str], raw: str, original: list[str], delimiter: str) -> str:
    """The record written anew in the style of the original: same line end, and every field
    quoted if the original quoted every field."""
    ending = "\r\n" if raw.endswith("\r\n") else "\n" if raw.endswith("\n") else ""
    quoting = csv.QUOTE_MINIMAL
    if raw == _write_record(original, delimiter, ending, csv.QUOTE_ALL):
        quoting = csv.QUOTE_ALL
    return _write_record(fields, delimiter, ending, quoting)


def _check_encodable(source: Path, text: str, encoding: str, row: int, column: str) -> None:
    """Refuse a new text the calendar's encoding cannot hold, naming its row and column:
    with forty decisions, 'a new text' alone leaves the reviewer hunting for it."""
    try:
        text.encode(encoding)
    except UnicodeEncodeError as exc:
        bad = exc.object[exc.start:exc.end]
        raise CalendarError(str(source), f"the new text has characters {encoding} cannot hold "
                            f"({bad!r}); the copy would lose them: give it without them",
                            row=row, column=column) from None


def write_csv_copy(source: Path, data: bytes, calendar: Calendar, changes: list[Change],
                   target: Path, paused_label: str, lang: str = "en") -> tuple[list[str], list[str]]:
    """Apply the changes to a copy of ``data`` (the calendar's bytes as read and checked)
    written at ``target``; returns the change log lines (in ``lang``) and what a person must
    still do about the copy (nothing: a CSV holds no formulas)."""
    encoding = calendar.encoding or "utf-8"
    delimiter = calendar.delimiter or ","
    # a UTF-8 file with a stray Windows byte (scan read it with a note): such bytes travel as
    # surrogates and are written back as they were, so nothing changes that was not decided
    text = data.decode(encoding, "surrogateescape")
    records = _records(text, delimiter)
    header_row, columns = calendar.layouts[None]
    by_row = {change.row: change for change in changes}
    add_status = (calendar.kind not in BULK_KINDS and Role.STATUS not in columns.roles
                  and any(c.decision is Decision.PAUSE for c in changes))
    log: list[str] = []
    out: list[str] = []
    for index, (raw, original) in enumerate(records):
        row = index + 1  # record i is the row Excel shows as i + 1, with or without a header
        change = by_row.get(row)
        fields = list(original)
        if change is not None:  # a short record gets empty fields up to the column we write
            wanted = max(columns.roles.get(Role.TEXT, 0), columns.roles.get(Role.STATUS, 0)) + 1
            fields += [""] * (wanted - len(fields))
        if add_status and fields:
            fields.append("Status" if row == header_row else "")
        if change is None:
            out.append(_serialize(fields, raw, original, delimiter) if add_status else raw)
            continue
        if change.decision is Decision.CHANGE:
            column = columns.roles[Role.TEXT]
            _check_encodable(source, change.new_text or "", encoding, row, columns.headers[column])
            old, new = changed_part(fields[column], change.new_text)
            log.append(apply_phrase(lang, "new_text", where=change.where(lang), new=new, old=old))
            fields[column] = change.new_text or ""
        elif calendar.kind in BULK_KINDS:
            log.append(apply_phrase(lang, "left_out", where=change.where(lang),
                                    text=quoted(fields[columns.roles[Role.TEXT]])))
            continue
        else:
            column = columns.roles.get(Role.STATUS, len(fields) - 1)
            log.append(apply_phrase(lang, "paused_status", where=change.where(lang),
                                    old=quoted(fields[column]), new=paused_label))
            fields[column] = paused_label
        out.append(_serialize(fields, raw, original, delimiter))
    if add_status:
        log.insert(0, apply_phrase(lang, "added_status"))
    try:
        data = "".join(out).encode(encoding, "surrogateescape")
    except UnicodeEncodeError as exc:
        bad = exc.object[exc.start:exc.end]
        raise CalendarError(str(source), f"a new text has characters {encoding} cannot hold "
                            f"({bad!r}); the copy would lose them") from None
    target.write_bytes(data)
    return log, []
