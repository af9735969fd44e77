"""Merged cells of an OpenDocument spreadsheet (.ods), which calamine does not report.

calamine gives xlsx and xls merged ranges but none for .ods, so a text merged over three
channel rows would be one post and two empty rows. This reads the ranges from ``content.xml``
(``table:number-rows-spanned`` / ``number-columns-spanned``) in one streaming pass, in the
same ``((first_row, first_column), (last_row, last_column))`` form calamine uses, so
``fill_merged_down`` treats every format alike.
"""

from __future__ import annotations

import io
import zipfile

from contentcheck.errors import CalendarError

Range = tuple[tuple[int, int], tuple[int, int]]

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_SHEET, _ROW = f"{{{_TABLE}}}table", f"{{{_TABLE}}}table-row"
_CELLS = (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell")
_NAME = f"{{{_TABLE}}}name"
_ROWS_REPEATED, _COLUMNS_REPEATED = f"{{{_TABLE}}}number-rows-repeated", f"{{{_TABLE}}}number-columns-repeated"
_ROWS_SPANNED, _COLUMNS_SPANNED = f"{{{_TABLE}}}number-rows-spanned", f"{{{_TABLE}}}number-columns-spanned"


def _count(element: object, key: str) -> int:
    try:
        return max(int(element.get(key, 1)), 1)  # type: ignore[attr-defined]
    except ValueError:
        return 1


def ods_merged_ranges(path: str, data: bytes) -> dict[str, list[Range]]:
    """Each sheet's merged ranges (only those over more than one cell), by sheet name."""
    from defusedxml.ElementTree import iterparse

    merged: dict[str, list[Range]] = {}
    ranges: list[Range] = []
    depth = row = column = repeat = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("content.xml") as content:
            for event, element in iterparse(content, events=("start", "end")):
                tag = element.tag
                if tag == _SHEET:
                    depth += 1 if event == "start" else -1
                    if event == "start" and depth == 1:
                        ranges, row = merged.setdefault(element.get(_NAME, ""), []), 0
                    continue
                if depth != 1:  # a table inside a cell (rare) is not the sheet's grid
                    continue
                if tag == _ROW:
                    if event == "start":
                        column, repeat = 0, _count(element, _ROWS_REPEATED)
                    else:
                        row += repeat
                        element.clear()
                elif tag in _CELLS and event == "start":
                    rows, columns = _count(element, _ROWS_SPANNED), _count(element, _COLUMNS_SPANNED)
                    if rows > 1 or columns > 1:
                        ranges.append(((row, column), (row + rows - 1, column + columns - 1)))
                    column += _count(element, _COLUMNS_REPEATED)
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, SyntaxError) as exc:
        # ValueError: defusedxml's refusals; SyntaxError: expat's ParseError
        raise CalendarError(path, f"cannot be read as an OpenDocument spreadsheet: "
                            f"{type(exc).__name__}: {exc}") from None
    return merged
