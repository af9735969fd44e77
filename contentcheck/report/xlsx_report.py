"""A basic Excel report: flagged posts first with matched words highlighted, then every post.

Written with XlsxWriter in constant-memory mode (rows go out in order), so big calendars write
quickly with bounded memory. Every post text is written as a string: never a formula.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from contentcheck.records import Status, Verdict
from contentcheck.report.spans import pieces
from contentcheck.scan import ScanResult

COLUMNS = (("Status", 10), ("Date", 17), ("Channel", 12), ("Text", 70), ("Matched terms", 30),
           ("Reasons", 60), ("File", 24), ("Sheet", 14), ("Row", 6), ("Decision", 12))
STATUS_COLOURS = {Status.PAUSE: "#F8CBAD", Status.REVIEW: "#FFE699", Status.OK: "#C6EFCE"}


def _moment(verdict: Verdict) -> str:
    when = verdict.post.scheduled_at
    if when is None:
        return ""
    return when.strftime("%d-%m-%Y") if verdict.post.all_day else when.strftime("%d-%m-%Y %H:%M")


class _Sheet:
    """One sheet of posts with its formats."""

    def __init__(self, book: Any, name: str, formats: dict[str, Any]) -> None:
        self.sheet = book.add_worksheet(name)
        self.formats = formats
        self.row = 0
        for column, (title, width) in enumerate(COLUMNS):
            self.sheet.set_column(column, column, width)
            self.sheet.write_string(0, column, title, formats["header"])
        self.sheet.freeze_panes(1, 0)

    def add(self, verdict: Verdict) -> None:
        self.row += 1
        post, f, row = verdict.post, self.formats, self.row
        self.sheet.write_string(row, 0, verdict.status.value, f[verdict.status.value])
        self.sheet.write_string(row, 1, _moment(verdict), f["wrap"])
        self.sheet.write_string(row, 2, post.channel or "", f["wrap"])
        self._write_text(row, 3, post.text, verdict, post.fields[0].name if post.fields else "")
        terms = "; ".join(sorted({f"{m.matched} ({m.term})" for m in verdict.matches}))
        self.sheet.write_string(row, 4, terms, f["wrap"])
        self.sheet.write_string(row, 5, "\n".join(verdict.reasons + post.warnings), f["wrap"])
        self.sheet.write_string(row, 6, Path(post.source).name, f["wrap"])
        self.sheet.write_string(row, 7, post.sheet or "", f["wrap"])
        self.sheet.write_number(row, 8, post.row)

    def _write_text(self, row: int, column: int, text: str, verdict: Verdict, field: str) -> None:
        parts = pieces(text, verdict.matches, field)
        if not any(crisis is not None for _, crisis in parts) or len(parts) < 2:
            self.sheet.write_string(row, column, text, self.formats["wrap"])
            return
        fragments: list[Any] = []
        for piece, crisis in parts:
            if crisis is None:
                fragments.append(piece)
            else:
                fragments += [self.formats["crisis_hit" if crisis else "hit"], piece]
        self.sheet.write_rich_string(row, column, *fragments, self.formats["wrap"])

    def finish(self) -> None:
        self.sheet.autofilter(0, 0, max(self.row, 1), len(COLUMNS) - 1)
        if self.row:
            self.sheet.data_validation(1, 9, self.row, 9, {
                "validate": "list", "source": ["pause", "change", "publish"]})


def write(result: ScanResult, path: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False,
                                           "strings_to_urls": False})
    formats = {
        "header": book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1}),
        "wrap": book.add_format({"text_wrap": True, "valign": "top"}),
        "hit": book.add_format({"bold": True, "bg_color": "#FFE699"}),
        "crisis_hit": book.add_format({"bold": True, "color": "#C00000", "underline": 1}),
    }
    for status, colour in STATUS_COLOURS.items():
        formats[status.value] = book.add_format({"bg_color": colour, "bold": True, "valign": "top"})
    flagged = _Sheet(book, "Flagged", formats)
    for verdict in result.flagged:
        flagged.add(verdict)
    flagged.finish()
    every = _Sheet(book, "All posts", formats)
    for verdict in result.verdicts:
        every.add(verdict)
    every.finish()
    book.close()
