"""Formula cells without a saved result, so their posts are not lost.

Excel saves the result of every formula next to it; a workbook written by a script (openpyxl,
a planning tool's export) may hold only the formula. A reader then sees an empty cell, and a
post whose text is ``="Met de trein naar "&B2`` would go unchecked. Here we find those cells
in the xlsx itself, so the reader can check the formula's own text instead (its quoted words
are usually the post) and say which cells they were.
"""

from __future__ import annotations

import io
import re
import zipfile
from posixpath import dirname, join, normpath

from contentcheck.calendar.columns import column_letter

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# A self-closing <f .../> carries a few short attributes: the scan of one is bounded, so a part
# full of "<f" that never closes costs one pass over it, not one pass per "<f" (quadratic).
_UNSAVED = re.compile(rb"(?:</f>|<f[^<>]{0,512}/>)\s{0,64}(?:<v\s{0,8}/>|<v></v>)?\s{0,64}</c>")
_REF = re.compile(r"([A-Z]+)(\d+)")
# a post's warning about one such cell: made by ``formula_warning``, read by ``formula_cells``
_WARNING = re.compile(r"column (?P<column>'.*'|\".*\") \((?P<ref>[A-Z]{1,3}\d{1,7})\): a formula "
                      r"without a saved result \(=(?P<formula>.*)\); what it shows was not checked",
                      re.DOTALL)


def formula_warning(column: str, ref: str, formula: str) -> str:
    """The warning a post gets for a cell it is read from that holds a formula without a saved
    result: the post is checked by the formula's text, which may not be what it shows."""
    return (f"column {column!r} ({ref}): a formula without a saved result (={formula}); what it "
            "shows was not checked")


def formula_cells(warnings: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """(column, cell reference, formula) of each ``formula_warning`` among a post's warnings."""
    import ast

    found = []
    for warning in warnings:
        if warning.startswith("column ") and (match := _WARNING.match(warning)):
            found.append((ast.literal_eval(match["column"]), match["ref"], match["formula"]))
    return found


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part name (``xl/worksheets/sheet1.xml``) -> the sheet's name."""
    from defusedxml.ElementTree import fromstring  # only for a workbook with such formulas

    workbook = fromstring(archive.read("xl/workbook.xml"))
    rels = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels.iter(f"{_PACKAGE_REL}Relationship")}
    parts = {}
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_REL}id"), "")
        part = target.lstrip("/") if target.startswith("/") else normpath(join("xl", target))
        parts[part] = sheet.get("name", "")
    return parts


def _position(ref: str) -> tuple[int, int] | None:
    """``"D5"`` -> (4, 3): zero-based row and column."""
    found = _REF.fullmatch(ref)
    if found is None:
        return None
    column = 0
    for letter in found[1]:
        column = column * 26 + ord(letter) - 64
    return int(found[2]) - 1, column - 1


def _cells(xml: bytes) -> list[tuple[int, int, str, str]]:
    """(row, column, reference, formula) of each formula cell of one sheet without a result.

    An empty result is a result: Excel and LibreOffice write ``t="str"`` and an empty ``<v>``
    for a formula that shows "" (a template's ``=IF(...,"#tag","")``); openpyxl writes an empty
    ``<v/>`` and no type. A cell may leave out its ``r`` (the file format allows it): then it
    is the one after the previous cell, in the row after the previous row."""
    from defusedxml.ElementTree import iterparse

    found: list[tuple[int, int, str, str]] = []
    shared: dict[str, str] = {}  # a shared formula's text sits on its first cell only
    row, column = -1, -1
    for event, element in iterparse(io.BytesIO(xml), events=("start", "end")):
        if event == "start":
            if element.tag == f"{_MAIN}row":
                row = int(element.get("r")) - 1 if (element.get("r") or "").isdigit() else row + 1
                column = -1
            elif element.tag == f"{_MAIN}c":
                position = _position(element.get("r", ""))
                row, column = position if position else (row, column + 1)
            continue
        if element.tag != f"{_MAIN}c":
            continue
        formula, value = element.find(f"{_MAIN}f"), element.find(f"{_MAIN}v")
        if formula is not None:
            text = formula.text or ""
            if formula.get("t") == "shared" and formula.get("si") is not None:
                text = shared.setdefault(formula.get("si"), text) if text else shared.get(formula.get("si"), "")
            saved = value is not None and (value.text or element.get("t") is not None)
            if not saved and row >= 0 and column >= 0:
                found.append((row, column, element.get("r") or f"{column_letter(column)}{row + 1}",
                              text))
        element.clear()
    return found


def unsaved_formulas(data: bytes, sheets: dict[str, bytes] | None = None
                     ) -> dict[str, list[tuple[int, int, str, str]]]:
    """Sheet name -> (row, column, cell reference, formula) of every formula cell that has no
    saved result, for an xlsx given as bytes (``sheets``: its worksheet parts, already
    inflated). Most workbooks have none: a quick byte search skips every sheet without one."""
    result: dict[str, list[tuple[int, int, str, str]]] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if sheets is None:
            sheets = {n: archive.read(n) for n in archive.namelist()
                      if n.startswith("xl/worksheets/") and n.endswith(".xml")}
        parts: dict[str, str] | None = None
        for name, xml in sheets.items():
            if b"<f" not in xml or not _UNSAVED.search(xml):
                continue
            if parts is None:
                parts = sheet_parts(archive)
            if cells := _cells(xml):
                result[parts.get(name, dirname(name))] = cells
    return result
