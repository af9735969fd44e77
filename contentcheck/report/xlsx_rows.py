"""The rows of the big post sheets, written as sheet XML straight into the workbook's zip.

XlsxWriter lays out the workbook (styles, columns, panes, filter, validation, print setup,
summary, hidden metadata) with the post sheets holding their header only; ``splice`` then
copies that small workbook into the report and streams each post sheet's rows into its part,
between the header and the rest. Why: XlsxWriter's per-cell work (argument checks, a cell
record, two regular expressions and an attribute list per cell) was ~8 µs a cell, 13-15 cells
a row: 1,000,000 posts took minutes. Here a row is one string built from already-escaped cells,
and its part is compressed once, as it is written: memory stays flat, whatever the size.

What the rows hold is what XlsxWriter would have written (inline strings, numbers, rich text
runs, row heights, the cell styles of the formats), so the reviewer's workbook is the same.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import PurePosixPath
from typing import IO, Any
from xml.etree import ElementTree

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
# what text needs beyond the plain case: XML's own characters, control characters (written
# as _xHHHH_, as Excel does), Excel's non-characters, and a literal _xHHHH_ (its escape escaped)
_SPECIAL = re.compile(r"[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_")
_LITERAL_ESCAPE = re.compile(r"(_x[0-9a-fA-F]{4}_)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")
_EPOCH = datetime(1899, 12, 31)
DEFAULT_HEIGHT = 15.0
STRING_LIMIT = 32_767  # UTF-16 units in a cell, as Excel counts
FLUSH_ROWS = 500  # rows joined and encoded at a time
COMPRESS_LEVEL = 3  # level 6 costs ~15 % more of the report's time for a file ~8 % smaller
COLUMN_LETTERS = [chr(ord("A") + n) for n in range(26)]


def xml_text(text: str) -> str:
    """Cell text as Excel stores it in XML."""
    if _SPECIAL.search(text) is None:
        return text
    text = _LITERAL_ESCAPE.sub(r"_x005F\1", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _CONTROL.sub(lambda found: f"_x{ord(found.group()):04X}_", text)
    return text.replace("\ufffe", "_xFFFE_").replace("\uffff", "_xFFFF_")


def _t(text: str) -> str:
    """A ``<t>`` element; leading or trailing white space kept, as Excel needs told."""
    if _SPECIAL.search(text) is not None:
        text = xml_text(text)
    if text[:1].isspace() or text[-1:].isspace():
        return f'<t xml:space="preserve">{text}</t>'
    return f"<t>{text}</t>"


def _within_limit(text: str) -> str:
    """Excel's cell limit counts UTF-16 units: an emoji counts twice."""
    if len(text) * 2 <= STRING_LIMIT:
        return text
    encoded = text.encode("utf-16-le", "surrogatepass")
    if len(encoded) <= STRING_LIMIT * 2:
        return text
    return encoded[: STRING_LIMIT * 2].decode("utf-16-le", "ignore")


def excel_serial(moment: datetime) -> float:
    """A naive date-time as Excel's day number (1900 system, its leap-year slip included)."""
    delta = moment - _EPOCH
    serial = delta.days + (delta.seconds + delta.microseconds / 1e6) / 86400
    return serial + 1 if serial > 59 else serial


class RowWriter:
    """Rows of one sheet, in order, as XML into ``out``; cells take XlsxWriter formats."""

    def __init__(self, out: IO[bytes], styles: dict[int, int], runs: dict[int, str]) -> None:
        self.out = out
        # id(format) -> its style attribute (from style_index, asked before closing)
        self.styles = {key: f' s="{index}"' if index else "" for key, index in styles.items()}
        self.runs = runs  # id(format) -> the <rPr> of a rich-text run in that format
        self.cells: list[str] = []
        self.rows: list[str] = []
        self.r = "1"  # the current row as Excel numbers it
        self.column = -1  # the last cell's column: Excel wants a row's cells left to right

    def row(self, number: int, height: float = DEFAULT_HEIGHT) -> None:
        """Start row ``number`` (0-based, as in XlsxWriter); the previous one is finished."""
        self._end()
        self.r = r = str(number + 1)
        self.column = -1
        self.cells.append(f'<row r="{r}">' if height == DEFAULT_HEIGHT else
                          f'<row r="{r}" ht="{height:.16g}" customHeight="1">')

    def _next(self, column: int) -> str:
        """The cell reference; a cell left of the last one is a bug (Excel would call the
        file damaged)."""
        if column <= self.column:
            raise ValueError(f"cell {column} after {self.column} in row {self.r}")
        self.column = column
        return f"{COLUMN_LETTERS[column]}{self.r}"

    def string(self, column: int, text: str, cell_format: Any) -> None:
        # _t inlined: this runs for ~13 cells of every row
        if len(text) * 2 > STRING_LIMIT:
            text = _within_limit(text)
        if _SPECIAL.search(text) is not None:
            text = xml_text(text)
        space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
        self.cells.append(f'<c r="{self._next(column)}"{self.styles[id(cell_format)]}'
                          f' t="inlineStr"><is><t{space}>{text}</t></is></c>')

    def number_cell(self, column: int, value: float, cell_format: Any) -> None:
        self.cells.append(f'<c r="{self._next(column)}"{self.styles[id(cell_format)]}'
                          f'><v>{value:.16G}</v></c>')

    def datetime_cell(self, column: int, moment: datetime, cell_format: Any) -> None:
        self.number_cell(column, excel_serial(moment), cell_format)

    def rich(self, column: int, fragments: Iterable[Any], cell_format: Any) -> None:
        """Text in runs: ``fragments`` alternate formats and strings as in XlsxWriter's
        ``write_rich_string``; a string without a format before it is in the cell's font."""
        runs: list[str] = []
        properties: str | None = None
        for fragment in fragments:
            if isinstance(fragment, str):
                runs.append(f"<r>{properties or ''}{_t(fragment)}</r>")
                properties = None
            else:
                properties = self.runs[id(fragment)]
        self.cells.append(f'<c r="{self._next(column)}"{self.styles[id(cell_format)]}'
                          f' t="inlineStr"><is>{"".join(runs)}</is></c>')

    def _end(self) -> None:
        if self.cells:
            self.cells.append("</row>")
            self.rows.append("".join(self.cells))
            self.cells = []
            if len(self.rows) >= FLUSH_ROWS:
                self.flush()

    def flush(self) -> None:
        """Write what is waiting (a text with a lone surrogate, which no workbook can hold,
        gets "?" in its place)."""
        self._end()
        if self.rows:
            self.out.write("".join(self.rows).encode("utf-8", "replace"))
            self.rows = []


def style_index(cell_format: Any) -> int:
    """The style number XlsxWriter gives a format. Asking for it before the workbook is closed
    also puts the format into the styles part, as writing a cell in it would; XlsxWriter has
    no public call for this (``_get_xf_index`` has been its name since its first versions, and
    the tests read the styles back)."""
    return cell_format._get_xf_index()


def run_properties(font: dict[str, Any]) -> str:
    """The ``<rPr>`` of a rich-text run in a font given as XlsxWriter format properties
    (bold, italic, underline, font_color: what the report's highlights use)."""
    unknown = set(font) - {"bold", "italic", "underline", "font_color"}
    if unknown:
        raise ValueError(f"run properties not supported: {sorted(unknown)}")
    colour = font.get("font_color")
    parts = ["<rPr>", "<b/>" if font.get("bold") else "", "<i/>" if font.get("italic") else "",
             "<u/>" if font.get("underline") else "", '<sz val="11"/>',
             f'<color rgb="FF{colour.lstrip("#").upper()}"/>' if colour else '<color theme="1"/>',
             '<rFont val="Calibri"/><family val="2"/><scheme val="minor"/></rPr>']
    return "".join(parts)


def _sheet_parts(book: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> its part in the zip, read from the workbook and its relationships."""
    workbook = ElementTree.fromstring(book.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels.iter(f"{_RELS}Relationship")}
    parts = {}
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        target = targets[sheet.get(_REL_ID)]
        parts[sheet.get("name", "")] = (target.lstrip("/") if target.startswith("/")
                                        else str(PurePosixPath("xl") / target))
    return parts


_DIMENSION = re.compile(r'<dimension ref="[^"]*"/>')


def _sheet_xml(layout: str, rows: int, columns: int) -> tuple[bytes, bytes]:
    """The part XlsxWriter wrote (its header row only) cut where the rows go, the
    dimension set to the rows that will be there."""
    head, tail = layout.split("</sheetData>", 1)
    last = COLUMN_LETTERS[columns - 1]
    head = _DIMENSION.sub(f'<dimension ref="A1:{last}{rows + 1}"/>', head, count=1)
    return head.encode("utf-8"), ("</sheetData>" + tail).encode("utf-8")


Filler = tuple[int, int, Callable[[IO[bytes]], None]]  # rows, columns, fill(out)


def splice(layout: IO[bytes], target: str, fillers: Callable[[], dict[str, Filler]]) -> None:
    """Copy the workbook ``layout`` to ``target``, each sheet named by ``fillers()`` with its
    rows written by its filler: ``name -> (rows, columns, fill)``; ``fill(out)`` writes the
    rows' XML to ``out``. Sheets are filled in workbook order. A part that grows past 2 GiB
    (a sheet of a million very long posts) makes a second try with ZIP64, with new fillers."""
    with zipfile.ZipFile(layout) as source:
        parts = _sheet_parts(source)
        for zip64 in (False, True):
            filled = {parts[name]: filler for name, filler in fillers().items()}
            order = [part for part in parts.values() if part in filled]
            try:
                _write(source, target, filled, order, zip64)
                return
            except RuntimeError as error:  # zipfile: "File size too large, try using force_zip64"
                if zip64 or "force_zip64" not in str(error):
                    raise


def _write(source: zipfile.ZipFile, target: str, filled: dict[str, Any], order: list[str],
           zip64: bool) -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL,
                         allowZip64=True) as out:
        for info in source.infolist():
            if info.filename not in filled:
                out.writestr(info.filename, source.read(info.filename))  # (writestr changes
                # the ZipInfo it is given: the source's own would be wrong for a second try)
        for part in order:
            rows, columns, fill = filled[part]
            head, tail = _sheet_xml(source.read(part).decode("utf-8"), rows, columns)
            with out.open(part, "w", force_zip64=zip64) as handle:
                handle.write(head)
                fill(handle)
                handle.write(tail)

