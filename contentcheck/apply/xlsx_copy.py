"""Writing decisions into a copy of an Excel calendar, keeping its sheets and layout.

openpyxl edits the workbook in place of its layout (styles, widths, merged cells, validation,
hidden sheets, formulas elsewhere stay); it cannot carry charts over, which we say aloud. It
writes formulas without their results: ``formula_values`` puts back those that cannot have
changed, and the rest are listed for a person to let Excel calculate.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from contentcheck.apply.changes import Change, changed_part, quoted
from contentcheck.calendar.columns import Role
from contentcheck.calendar.model import Calendar
from contentcheck.errors import CalendarError
from contentcheck.report.labels import Decision
from contentcheck.wording import apply_phrase


def _lost_parts(data: bytes) -> list[str]:
    """What openpyxl does not carry into a copy: charts, and images without Pillow."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
    lost = ["charts"] if any(n.startswith("xl/charts/") for n in names) else []
    if any(n.startswith("xl/media/") for n in names):
        try:
            import PIL  # noqa: F401  (openpyxl keeps images only when Pillow is there)
        except ImportError:
            lost.append("images")
    return lost


def write_xlsx_copy(source: Path, data: bytes, calendar: Calendar, changes: list[Change],
                    target: Path, paused_label: str, lang: str = "en") -> tuple[list[str], list[str]]:
    """Apply the changes to a copy of ``data`` (the workbook's bytes as read and checked)
    written at ``target``; returns the change log lines and what a person must still do
    (in ``lang``)."""
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), keep_vba=source.suffix.lower() == ".xlsm",
                                  rich_text=True)
    log: list[str] = []
    written: list[tuple[str, int, int]] = []  # (sheet, row, column) of every cell written
    for change in changes:
        header_row, columns = calendar.layouts[change.sheet]
        sheet = book[change.sheet]
        if change.decision is Decision.CHANGE:
            cell = _writable(source, sheet, change.row, columns.roles[Role.TEXT] + 1)
            written.append((change.sheet, change.row, cell.column))
            old, new = changed_part(cell.value, change.new_text)
            cell.value = change.new_text
            cell.data_type = "s"  # a text starting with "=" stays text
            log.append(apply_phrase(lang, "new_text", where=change.where(lang), new=new, old=old))
        elif change.decision is Decision.PAUSE:
            if Role.STATUS not in columns.roles:
                column = len(columns.headers)
                sheet.cell(header_row, column + 1, "Status")
                written.append((change.sheet, header_row, column + 1))
                columns.headers.append("Status")
                columns.roles[Role.STATUS] = column
                log.append(apply_phrase(lang, "added_status_at", sheet=change.sheet,
                                        letter=_letter(column)))
            cell = _writable(source, sheet, change.row, columns.roles[Role.STATUS] + 1)
            written.append((change.sheet, change.row, cell.column))
            old = cell.value
            cell.value = paused_label
            log.append(apply_phrase(lang, "paused_status", where=change.where(lang),
                                    old=quoted(old), new=paused_label))
    todo = _save_with_results(book, data, written, target, lang)
    lost = _lost_parts(data)
    if lost:
        log.append(apply_phrase(lang, "lost_parts", parts=apply_phrase(lang, "and").join(
            apply_phrase(lang, part) for part in lost)))
    return log, todo


def _save_with_results(book: object, data: bytes, written: list[tuple[str, int, int]],
                       target: Path, lang: str) -> list[str]:
    """Save the copy with every formula result that cannot have changed; the line naming the
    formula cells left without one (Excel calculates them on opening), if any."""
    from contentcheck.apply.formula_values import put_back, saved_results, stale_formulas

    # an array or data-table formula is no text: its inputs are not told, so it is stale
    formulas = {(sheet.title, cell.row, cell.column):
                cell.value[1:] if isinstance(cell.value, str) else None
                for sheet in book.worksheets
                for cell in sheet._cells.values()  # the cells present (iter_rows makes the rest)
                if cell.data_type == "f"}
    if not formulas:
        book.save(target)
        return []
    buffer = io.BytesIO()
    book.save(buffer)
    stale = stale_formulas(formulas, written)
    keep = {(sheet, f"{_letter(column - 1)}{row}") for sheet, row, column in formulas
            if (sheet, row, column) not in stale}
    copy, done = put_back(buffer.getvalue(), saved_results(data), keep)
    target.write_bytes(copy)
    missing = sorted(((sheet, row, column) for sheet, row, column in formulas
                      if (sheet, f"{_letter(column - 1)}{row}") not in done),
                     key=lambda cell: (cell[0], cell[1], cell[2]))
    if not missing:
        return []
    cells = ", ".join(f"[{sheet}] {_letter(column - 1)}{row}" for sheet, row, column in missing[:8])
    return [apply_phrase(lang, "recalculate", n=len(missing),
                         cells=cells + (", ..." if len(missing) > 8 else ""))]


def _writable(source: Path, sheet: object, row: int, column: int) -> object:
    """The cell to write, refusing one that is part of a merged range: its text is shared
    with other posts, and changing it would change them too."""
    from openpyxl.cell.cell import MergedCell

    cell = sheet.cell(row, column)
    shared = any(cell.coordinate in r and r.max_row > r.min_row for r in sheet.merged_cells.ranges)
    if isinstance(cell, MergedCell) or shared:
        raise CalendarError(str(source), "this cell is merged with other rows, so other posts "
                            "share it; unmerge it in the calendar, scan again and review",
                            sheet=sheet.title, row=row, column=_letter(column - 1))
    return cell


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)
