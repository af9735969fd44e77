"""Sheets whose cells lie far apart: read so that memory follows the cells present.

The workbook reader makes a dense grid from the first to the last cell. One stray cell at
``XFD1048576`` (a click in the far corner, or a hostile file) makes that grid 17 billion
cells, and the process aborts. Before reading, we measure each sheet's extent from the cell
references in its XML (one bounded pass); a sheet too wide for a grid is read cell by cell
instead, its empty rows sharing one empty row; one that even then would not fit is refused.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from contentcheck.calendar.columns import column_letter

DENSE_LIMIT = 4_000_000  # cells in a grid; a real calendar has tens of thousands
SPARSE_LIMIT = 4_000_000  # cells kept when read cell by cell (rows cut at their last cell)
# a cell's reference; the scan of one tag is bounded, so hostile text costs one pass
_CELL_REF = re.compile(rb'<c\s[^<>]{0,512}?\br="([A-Z]{1,3})([0-9]{1,7})"')
_COLUMN = re.compile(rb' r="([A-Z]{1,3})[0-9]')  # any reference's column
_ROW = re.compile(rb' r="[A-Z]{0,3}([0-9]{1,7})"')  # any reference's row, a row tag's too
_ROW_REF = re.compile(rb'<row\s[^<>]{0,512}?\br="([0-9]{1,7})"')  # a row's number, cells or not
EMPTY_ROW: tuple = ()


@dataclass
class Extent:
    """How far a sheet's cells reach, and how many a row-by-row reading would keep."""

    cells: int = 0
    rows: int = 0
    columns: int = 0
    row_widths: dict[int, int] = field(default_factory=dict)

    @property
    def grid(self) -> int:
        return self.rows * self.columns

    @property
    def kept(self) -> int:
        return sum(self.row_widths.values()) + self.rows

    @property
    def corner(self) -> str:
        return f"{column_letter(self.columns - 1)}{self.rows}" if self.rows else "A1"


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def measure(xml: bytes) -> Extent:
    """The extent of one worksheet part, from its cells' ``r`` references."""
    extent = Extent()
    widths = extent.row_widths
    for found in _CELL_REF.finditer(xml):
        row, column = int(found[2]), _column_number(found[1])
        extent.cells += 1
        if column > widths.get(row, 0):
            widths[row] = column
    if widths:
        extent.rows = max(widths)
        extent.columns = max(widths.values())
    # a cell may leave out its reference: then its row's number places it
    extent.rows = max([extent.rows, *(int(found[1]) for found in _ROW_REF.finditer(xml))])
    return extent


def far_sheets(data: bytes, sheets: dict[str, bytes] | None = None) -> dict[str, Extent]:
    """Sheet name -> extent of each worksheet too wide for a dense grid (most workbooks: none).
    ``sheets``: the worksheet parts, already inflated."""
    from contentcheck.calendar.formulas import sheet_parts

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if sheets is None:
            sheets = {n: archive.read(n) for n in archive.namelist()
                      if n.startswith("xl/worksheets/") and n.endswith(".xml")}
        far = {part: extent for part, xml in sheets.items()
               if _grid(xml) > DENSE_LIMIT and (extent := measure(xml)).grid > DENSE_LIMIT}
        if not far:
            return {}
        names = sheet_parts(archive)
    return {names.get(part, part): extent for part, extent in far.items()}


def _grid(xml: bytes) -> int:
    """An upper bound of the cells of a dense grid, in two C-speed passes: the farthest column
    and the farthest row that any reference names (a row tag's, or a cell's)."""
    letters = set(_COLUMN.findall(xml))
    if not letters:
        return 0
    return max(map(_column_number, letters)) * max(map(int, _ROW.findall(xml)))


def read_sparse(data: bytes, sheets: list[str]) -> dict[str, tuple[list[Any], list]]:
    """Sheet name -> (rows, merged ranges) for the named sheets, read cell by cell: a row holds
    the cells up to its own last one, an empty row is one shared empty tuple."""
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    result: dict[str, tuple[list[Any], list]] = {}
    for name in sheets:
        sheet = book[name]
        cells = sheet._cells  # (row, column) -> cell: only the cells present
        widths: dict[int, int] = {}
        for row, column in cells:
            widths[row] = max(widths.get(row, 0), column)
        rows: list[Any] = [EMPTY_ROW] * (max(widths, default=0))
        for row, width in widths.items():
            values = [""] * width
            rows[row - 1] = values
        for (row, column), cell in cells.items():
            if cell.value is not None:
                rows[row - 1][column - 1] = cell.value
        merged = [((r.min_row - 1, r.min_col - 1), (r.max_row - 1, r.max_col - 1))
                  for r in sheet.merged_cells.ranges]
        result[name] = (rows, merged)
    book.close()
    return result
