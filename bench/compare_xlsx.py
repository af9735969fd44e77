"""Compare two Excel review reports cell by cell: what a reviewer sees must not change.

    python bench/compare_xlsx.py OLD.xlsx NEW.xlsx      # exits 1 on a difference

For a change to how the report is written (report/xlsx_*.py): write the report of the same
scan with the old and the new code, then compare. Checked per sheet: every cell's value (rich
text as runs with their bold / italic / underline / colour; unstyled runs joined, since a run
without properties and one in the default font look the same), font, fill, number format,
alignment, border and protection; row heights, column widths and hidden columns; panes,
filter, validation and conditional formats; the hidden metadata apart from its creation time.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock


def _colour(colour: Any) -> Any:
    if colour is None:
        return None
    return colour.rgb if isinstance(colour.rgb, str) else ("theme", colour.theme)


def _runs(value: Any) -> Any:
    if not isinstance(value, CellRichText):
        return value
    runs: list[tuple[str, Any]] = []
    for part in value:
        style = None
        if isinstance(part, TextBlock):
            font = part.font
            if font.b or font.i or font.u or isinstance(getattr(font.color, "rgb", None), str):
                style = (bool(font.b), bool(font.i), font.u, _colour(font.color))
        text = part.text if isinstance(part, TextBlock) else str(part)
        if runs and style is None and runs[-1][1] is None:
            runs[-1] = (runs[-1][0] + text, None)
        else:
            runs.append((text, style))
    return runs


def _look(cell: Any) -> tuple:
    font, fill, align, border = cell.font, cell.fill, cell.alignment, cell.border
    return (font.name, font.sz, font.b, font.i, font.u, _colour(font.color), fill.patternType,
            _colour(fill.fgColor), cell.number_format, align.wrap_text, align.vertical,
            border.left.style, border.top.style, _colour(border.left.color),
            cell.protection.locked)


def _sheet(name: str, old: Any, new: Any) -> list[str]:
    found = []
    if (old.max_row, old.max_column) != (new.max_row, new.max_column):
        found.append(f"{name}: {old.dimensions} against {new.dimensions}")
    for old_row, new_row in zip(old.iter_rows(), new.iter_rows()):
        for a, b in zip(old_row, new_row):
            if _runs(a.value) != _runs(b.value) or _look(a) != _look(b):
                found.append(f"{name}!{a.coordinate}: {_runs(a.value)!r:.120} {_look(a)} "
                             f"against {_runs(b.value)!r:.120} {_look(b)}")
    for row in range(1, old.max_row + 1):
        if old.row_dimensions[row].height != new.row_dimensions[row].height:
            found.append(f"{name} row {row}: height {old.row_dimensions[row].height} against "
                         f"{new.row_dimensions[row].height}")
    layout = [
        ("panes", lambda s: s.freeze_panes), ("filter", lambda s: s.auto_filter.ref),
        ("validation", lambda s: [(str(d.sqref), d.formula1) for d in
                                  s.data_validations.dataValidation]),
        ("conditional formats", lambda s: [str(c.sqref) for c in s.conditional_formatting]),
        ("columns", lambda s: {k: (v.width, v.hidden) for k, v in s.column_dimensions.items()})]
    for what, get in layout:
        if get(old) != get(new):
            found.append(f"{name}: {what} {get(old)!r:.200} against {get(new)!r:.200}")
    return found


def main() -> int:
    old = openpyxl.load_workbook(sys.argv[1], rich_text=True)
    new = openpyxl.load_workbook(sys.argv[2], rich_text=True)
    if old.sheetnames != new.sheetnames:
        print(f"sheets: {old.sheetnames} against {new.sheetnames}")
        return 1
    found = []
    for name in old.sheetnames:
        if name == "_contentcheck":
            metas = [json.loads("".join(c.value for c in book[name]["A"])) for book in (old, new)]
            for meta in metas:
                meta.pop("created", None)
            if metas[0] != metas[1]:
                found.append("the hidden metadata differs")
            continue
        found += _sheet(name, old[name], new[name])
        print(f"{name}: {old[name].max_row} rows compared")
    print("\n".join(found[:50]) or "no difference")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
