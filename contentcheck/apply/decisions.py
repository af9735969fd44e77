"""Reading the reviewer's decisions back from a report workbook.

The report may be in Dutch or English, and the reviewer may have filled in either post sheet;
columns are found by their label, posts by the hidden key column. Anything unreadable stops the
whole apply with the report's sheet, row and column named: a half-understood review is worse
than none.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contentcheck.apply.changes import quoted
from contentcheck.calendar.workbook import closing_workbook
from contentcheck.errors import CalendarError
from contentcheck.report.labels import Decision, parse_decision
from contentcheck.wording import LABELS
from contentcheck.report.report_meta import META_SHEET, parse_meta_rows, split_key

WANTED = ("decision", "key")  # a post sheet has both; without the key no decision finds its post
OPTIONAL = ("new_text", "reviewer", "note",  # a deleted one reads as empty
            "hit_fields", "fingerprint",  # reports made before they were added have neither
            "sheet", "row")  # what the reviewer sees of the post's place, checked against the key


@dataclass(frozen=True)
class ReviewDecision:
    """One post's decision, with where in the report it was read."""

    key: str
    decision: Decision
    new_text: str | None
    reviewer: str | None
    note: str | None
    where: str  # "sheet 'Flagged' row 4", for messages
    sheet: str = ""  # where in the report, for errors
    row: int = 0
    hit_fields: tuple[str, ...] | None = None  # the post's fields with hits; None: not known
    fingerprint: str | None = None  # what the post said (report_meta.post_fingerprint)

    @property
    def address(self) -> tuple[int, str | None, int]:
        return split_key(self.key)


@dataclass
class Review:
    meta: dict[str, Any]
    decisions: dict[str, ReviewDecision]


def _header_columns(path: Path, sheet: str, header: tuple[Any, ...]) -> dict[str, int] | None:
    """Column index per wanted label key, matching the labels of either language; None for a
    sheet without a Decision column (no post sheet).

    A post sheet whose hidden key column was deleted is refused: its decisions could not find
    their posts, and every post the report said to pause would be listed as undecided, the
    reviewer's work silently ignored. Nothing is written, so no paused post goes out."""
    names = {str(value).strip(): index for index, value in enumerate(header) if value is not None}
    found: dict[str, int] = {}
    for key in WANTED + OPTIONAL:
        for labels in LABELS.values():
            if labels[key] in names:
                found[key] = names[labels[key]]
                break
    if "decision" not in found:
        return None
    if "key" not in found:
        label = next(labels["key"] for labels in LABELS.values()
                     if labels["decision"] in names)
        raise CalendarError(str(path), "this hidden column, which ties each decision to its "
                            "post, is gone (deleted?), so no decision on the sheet can be given; "
                            "nothing written: undo the delete in Excel, or scan again and "
                            "decide in the new report", sheet=sheet, column=label)
    return found


def _text(value: Any) -> str | None:
    """A cell as text; calamine reads every number as a float: 2026.0 was typed as 2026."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    return text if text.strip() else None


def _read_row(path: Path, sheet: str, number: int, row: tuple[Any, ...],
              columns: dict[str, int], labels: dict[str, str]) -> list[ReviewDecision]:
    """The row's decision, once for each place the post occurs (one line per place in the
    hidden columns: the same post in a workbook and its scheduler export is one row)."""
    def cell(key: str) -> Any:
        index = columns.get(key, len(row))
        return row[index] if index < len(row) else None

    key = _text(cell("key"))
    raw, new_text = _text(cell("decision")), _text(cell("new_text"))
    if key is None or (raw is None and new_text is None):
        return []
    if raw is None:  # "pause" typed one cell too far right must not become the post's text
        raise CalendarError(str(path), f"a new text ({quoted(new_text, 40)}) without a decision: "
                            f"choose {labels['decision']} 'change' to use it, or clear it",
                            sheet=sheet, row=number, column=labels["decision"])
    try:
        decision = parse_decision(raw)
    except ValueError as exc:
        raise CalendarError(str(path), str(exc), sheet=sheet, row=number,
                            column=labels["decision"]) from None
    if decision is Decision.CHANGE and new_text is None:
        raise CalendarError(str(path), f"decision {raw!r} needs a new text", sheet=sheet,
                            row=number, column=labels["new_text"])
    if decision is not Decision.CHANGE and new_text is not None:
        raise CalendarError(str(path), f"a new text with decision {raw!r}: choose "
                            f"{labels['decision']} 'change' to use it, or clear it",
                            sheet=sheet, row=number, column=labels["new_text"])
    keys = key.split("\n")
    try:
        for one in keys:
            split_key(one)
    except ValueError:
        raise CalendarError(str(path), f"the hidden key {key!r} was edited", sheet=sheet,
                            row=number, column=labels["key"]) from None
    _same_place(path, sheet, number, keys, _text(cell("sheet")), _text(cell("row")), labels)
    hit_fields = _lines(_text(cell("hit_fields")), len(keys))
    fingerprints = _lines(_text(cell("fingerprint")), len(keys))
    return [ReviewDecision(one, decision, new_text, _text(cell("reviewer")), _text(cell("note")),
                           f"sheet {sheet!r} row {number}", sheet, number,
                           _hit_fields(fields), fingerprint)
            for one, fields, fingerprint in zip(keys, hit_fields, fingerprints)]


def _same_place(path: Path, sheet: str, number: int, keys: list[str], shown_sheet: str | None,
                shown_row: str | None, labels: dict[str, str]) -> None:
    """The visible Sheet and Row of a decided row must name the post its hidden key names: a
    sort that moved some columns and not the hidden ones would give the decision to another
    post."""
    places = [split_key(one) for one in keys]
    rows = [str(row) for _, _, row in places]
    sheets = [name or "-" for _, name, _ in places]
    if shown_row is not None and shown_row.split("\n") != rows or (
            shown_sheet is not None and any(name for _, name, _ in places)
            and shown_sheet.split("\n") != sheets):
        shown = f"{labels['sheet']} {shown_sheet or '-'}, {labels['row']} {shown_row or '-'}"
        raise CalendarError(str(path), f"this decision's row says {shown!r} but belongs to "
                            f"{labels['sheet']} {'/'.join(sheets)}, {labels['row']} "
                            f"{'/'.join(rows)} (sorted without the hidden columns?): sort the "
                            "whole sheet, or scan again and decide in the new report",
                            sheet=sheet, row=number, column=labels["row"])


def _lines(value: str | None, count: int) -> list[str | None]:
    """A hidden cell's line per place; "not known" for each when the lines do not match up."""
    lines = value.split("\n") if value else []
    return list(lines) if len(lines) == count else [None] * count


def _hit_fields(value: str | None) -> tuple[str, ...] | None:
    """The hidden list of fields with hits; anything but a JSON list of names is "not known"."""
    try:
        fields = json.loads(value) if value else None
    except ValueError:
        return None
    if isinstance(fields, list) and all(isinstance(name, str) for name in fields):
        return tuple(fields)
    return None


def read_review(path: Path) -> Review:
    """The report's metadata and every decision in it; raises CalendarError on anything odd.

    Read with python-calamine (Rust): a report of 200,000 posts reads in seconds (see bench/).
    """
    from python_calamine import CalamineWorkbook

    if not path.is_file():
        raise CalendarError(str(path), "no such file")
    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own error types for a file that is no workbook
        raise CalendarError(str(path), "is not a contentcheck report workbook "
                            f"({' '.join(str(exc).split())[:200]})") from None
    with closing_workbook(book):
        if META_SHEET not in book.sheet_names:
            raise CalendarError(str(path), "is not a contentcheck report (no hidden "
                                f"{META_SHEET!r} sheet); apply needs the report scan wrote")
        try:
            meta = parse_meta_rows([str(r[0]) for r in _rows(path, book, META_SHEET) if r and r[0]])
            if not isinstance(meta, dict) or not isinstance(meta.get("calendars"), list):
                raise ValueError("no calendars")
        except ValueError:
            raise CalendarError(str(path), f"the hidden {META_SHEET!r} sheet cannot be read (was "
                                "it edited?); scan the calendar again") from None
        labels = LABELS.get(meta.get("lang", "en"), LABELS["en"])
        decisions: dict[str, ReviewDecision] = {}
        for sheet_name in book.sheet_names:
            if sheet_name == META_SHEET:
                continue
            rows = _rows(path, book, sheet_name)
            columns = _header_columns(path, sheet_name, tuple(rows[0])) if rows else None
            if columns is None:
                continue
            for number, row in enumerate(rows[1:], start=2):
                for found in _read_row(path, sheet_name, number, row, columns, labels):
                    _add(decisions, found, path, sheet_name, number, labels,
                         meta.get("carried") or {})
        return Review(meta, decisions)


def _add(decisions: dict[str, ReviewDecision], found: ReviewDecision, path: Path,
         sheet_name: str, number: int, labels: dict[str, str],
         carried: dict[str, list[str | None]]) -> None:
    """One post's decision; the same post decided otherwise on the other sheet is refused,
    unless one of the two is what the report filled in from an earlier apply (``carried``):
    the other is the reviewer's revision of it, and wins."""
    earlier = decisions.get(found.key)
    if earlier and (earlier.decision, earlier.new_text) != (found.decision, found.new_text):
        filled_in = carried.get(found.key)
        if filled_in == [earlier.decision.value, earlier.new_text]:
            decisions[found.key] = found
            return
        if filled_in == [found.decision.value, found.new_text]:
            return
        raise CalendarError(str(path), f"this post has a different decision in "
                            f"{earlier.where}", sheet=sheet_name, row=number,
                            column=labels["decision"])
    decisions.setdefault(found.key, found)


def _rows(path: Path, book: Any, name: str) -> list[list[Any]]:
    """A sheet's cells from A1, row 1 first (nothing skipped, so row numbers are Excel's)."""
    try:
        return book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except Exception as exc:
        raise CalendarError(str(path), f"cannot be read: {' '.join(str(exc).split())[:200]}",
                            sheet=name) from None
