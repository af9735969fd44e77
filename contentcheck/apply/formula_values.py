"""Formula results kept in an xlsx copy, so a reader that does not calculate still sees them.

openpyxl writes every formula without its result. Excel calculates them again when it opens the
copy (openpyxl marks the workbook for that), but a reader that does not calculate, a later
scan, a scheduler's import or a script, sees an empty cell: a date ``=A2+1`` reads as no date,
a text ``=D2&" !"`` as its formula. So the copy gets back the result the checked workbook had
for each formula cell none of whose inputs apply changed. A formula that could read a cell
apply wrote (a post's new text, a status, through other formulas too), or whose inputs cannot
be told (a name, another workbook, ``INDIRECT``, ``OFFSET``, a volatile ``TODAY()``) keeps no
result, and apply lists it: open the copy in Excel and save it there before anything else
reads it.
"""

from __future__ import annotations

import io
import re
import zipfile
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from xml.sax.saxutils import escape

from contentcheck.calendar.formulas import sheet_parts

# functions whose result does not follow from the cells their arguments name
_UNKNOWN_INPUTS = {"INDIRECT(", "OFFSET(", "NOW(", "TODAY(", "RAND(", "RANDBETWEEN(",
                   "RANDARRAY(", "CELL(", "INFO("}
_CELL = re.compile(r"\$?([A-Z]{1,3})\$?(\d{1,7})")
_COLUMNS = re.compile(r"\$?([A-Z]{1,3}):\$?([A-Z]{1,3})")
_ROWS = re.compile(r"\$?(\d{1,7}):\$?(\d{1,7})")
_LAST_ROW, _LAST_COLUMN = 1_048_576, 16_384
# a formula cell as openpyxl writes it: no type, an empty result
_WRITTEN = re.compile(rb'<c r="([A-Z]{1,3}\d{1,7})"((?: (?!t=)[a-zA-Z]+="[^"]*")*)>'
                      rb'(<f>[^<]*</f>)<v\s*/>(</c>)')
_TYPES = {None: "n", "n": "n", "str": "str", "b": "b", "e": "e"}  # results we can write back
# a formula cell with its saved result, as a spreadsheet program writes it (bounded: a
# hostile part full of "<c" costs one pass)
_SAVED = re.compile(rb"<c\b([^<>]{0,512})>\s{0,64}<f\b[^<>]{0,512}(?:/>|>[^<]*</f>)\s{0,64}"
                    rb"<v>([^<]*)</v>")
_ATTRIBUTE_R = re.compile(rb'\sr="([A-Z]{1,3}\d{1,7})"')
_ATTRIBUTE_T = re.compile(rb'\st="([a-zA-Z]+)"')

Cell = tuple[str, int, int]  # sheet, row, column (1-based)
Area = tuple[str, int, int, int, int]  # sheet, first row, last row, first column, last column


def _column(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _area(sheet: str, ref: str) -> Area | None:
    """``B3``, ``A1:B3``, ``A:A``, ``2:2`` on ``sheet`` as an area; None for anything else
    (a defined name, a table column)."""
    first, _, last = ref.partition(":")
    if (one := _CELL.fullmatch(first)) and (not last or (two := _CELL.fullmatch(last))):
        rows = sorted((int(one[2]), int(two[2]) if last else int(one[2])))
        columns = sorted((_column(one[1]), _column(two[1]) if last else _column(one[1])))
        return sheet, rows[0], rows[1], columns[0], columns[1]
    if found := _COLUMNS.fullmatch(ref):
        columns = sorted((_column(found[1]), _column(found[2])))
        return sheet, 1, _LAST_ROW, columns[0], columns[1]
    if found := _ROWS.fullmatch(ref):
        rows = sorted((int(found[1]), int(found[2])))
        return sheet, rows[0], rows[1], 1, _LAST_COLUMN
    return None


def inputs(formula: str, sheet: str) -> list[Area] | None:
    """The areas a formula reads; None when they cannot be told from its text."""
    from openpyxl.formula import Tokenizer

    try:
        tokens = Tokenizer("=" + formula).items
    except Exception:  # the tokenizer's own errors for a formula it cannot take apart
        return None
    areas: list[Area] = []
    for token in tokens:
        if token.type == "FUNC" and token.value.upper() in _UNKNOWN_INPUTS:
            return None
        if token.type != "OPERAND" or token.subtype != "RANGE":
            continue
        on, ref = sheet, token.value
        if "!" in ref:
            on, ref = ref.rsplit("!", 1)
            if "[" in on or (":" in on and not on.startswith("'")):
                return None  # another workbook, or a range across sheets
            on = on[1:-1].replace("''", "'") if on.startswith("'") else on
        area = _area(on, ref.upper())
        if area is None:
            return None
        areas.append(area)
    return areas


def stale_formulas(formulas: dict[Cell, str | None], written: Iterable[Cell]) -> set[Cell]:
    """The formula cells whose result may differ from the checked workbook's: those reading a
    written cell, or another such formula, and those whose inputs cannot be told (a formula
    given as None: not a plain one)."""
    areas = {cell: None if formula is None else inputs(formula, cell[0])
             for cell, formula in formulas.items()}
    stale = {cell for cell, found in areas.items() if found is None}
    readers: dict[Cell, list[Cell]] = defaultdict(list)  # a cell -> formulas naming it alone
    spans: list[tuple[Area, Cell]] = []  # ranges, looked through for each changed cell
    for cell, found in areas.items():
        for area in found or ():
            sheet, top, bottom, left, right = area
            if top == bottom and left == right:
                readers[(sheet, top, left)].append(cell)
            else:
                spans.append((area, cell))
    spans.sort()
    pending = list(dict.fromkeys([*written, *stale]))
    seen = set(pending)
    while pending:
        sheet, row, column = changed = pending.pop()
        found = list(readers.get(changed, ()))
        for (on, top, bottom, left, right), cell in spans[bisect_left(spans, ((sheet,),)):]:
            if on != sheet:
                break
            if top <= row <= bottom and left <= column <= right:
                found.append(cell)
        for cell in found:
            if cell not in seen:
                seen.add(cell)
                stale.add(cell)
                pending.append(cell)
    return stale


def saved_results(data: bytes) -> dict[tuple[str, str], tuple[str, str]]:
    """(sheet, cell reference) -> (type, text) of each formula result the workbook saved.

    Found with a pattern over the sheet's XML, not a parser: a calendar of 20,000 dated rows
    holds 20,000 formulas, and a parser took 1.3 s over them. A cell the pattern misses (a
    writer's own namespace prefix) only goes without its result, and is listed."""
    import html

    results: dict[tuple[str, str], tuple[str, str]] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        for part, sheet in sheet_parts(archive).items():
            xml = archive.read(part) if part in names else b""
            if b"<f" not in xml:
                continue
            for found in _SAVED.finditer(xml):
                ref, kind = _ATTRIBUTE_R.search(found[1]), _ATTRIBUTE_T.search(found[1])
                kind_text = kind[1].decode() if kind else None
                if ref is not None and kind_text in _TYPES:
                    results[(sheet, ref[1].decode())] = (
                        _TYPES[kind_text], html.unescape(found[2].decode("utf-8")))
    return results


def put_back(copy: bytes, results: dict[tuple[str, str], tuple[str, str]],
             keep: set[tuple[str, str]]) -> tuple[bytes, set[tuple[str, str]]]:
    """The copy (as openpyxl wrote it) with the saved result in each formula cell of ``keep``;
    and the cells that got one."""
    done: set[tuple[str, str]] = set()
    source = zipfile.ZipFile(io.BytesIO(copy))
    parts = sheet_parts(source)
    out = io.BytesIO()
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            sheet = parts.get(info.filename)
            if sheet is not None and any(on == sheet for on, _ in keep):
                def result(found: re.Match[bytes], sheet: str = sheet) -> bytes:
                    key = (sheet, found[1].decode())
                    if key not in keep or key not in results:
                        return found[0]
                    kind, text = results[key]
                    done.add(key)
                    typed = b"" if kind == "n" else b' t="' + kind.encode() + b'"'
                    return (b'<c r="' + found[1] + b'"' + found[2] + typed + b">" + found[3]
                            + b"<v>" + escape(text).encode("utf-8") + b"</v>" + found[4])
                data = _WRITTEN.sub(result, data)
            target.writestr(info, data)
    return out.getvalue(), done
