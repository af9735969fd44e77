"""The Excel review report: summary, flagged posts (pause, review, by date), every post.

Written with XlsxWriter in constant-memory mode: rows go out in order, so 100,000 posts write in
seconds with a few megabytes of memory. Post text is always written as a string, never a formula.
A hidden sheet keeps what ``contentcheck apply`` needs to trust the reviewer's decisions later.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from contentcheck.records import Status
from contentcheck.report import ReportOptions, writing
from contentcheck.report.labels import Decision, default_language
from contentcheck.report.report_meta import (
    META_SHEET,
    build_meta,
    calendar_indexes,
    meta_rows,
    post_key,
)
from contentcheck.report.xlsx_posts import PostSheet
from contentcheck.report.xlsx_summary import write_summary
from contentcheck.scan import ScanResult
from contentcheck.twins import find_twins
from contentcheck.wording import LABELS

STATUS_FILLS = {Status.PAUSE: ("#F8CBAD", "#9C0006"), Status.REVIEW: ("#FFE699", "#7F6000"),
                Status.OK: ("#E2EFDA", "#375623")}
DECISION_FILLS = {Decision.PAUSE: "#F8CBAD", Decision.CHANGE: "#FFE699", Decision.PUBLISH: "#C6EFCE"}


PROGRESS_STEP = 2000  # rows between progress updates
FORMAT = "xlsx"
SUFFIXES = (".xlsx",)
TERMINAL = False  # a workbook needs a file: --format xlsx goes with -o

def _formats(book: Any) -> dict[str, Any]:
    top = {"valign": "top", "text_wrap": True}
    formats = {
        "header": book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1,
                                   "text_wrap": True, "valign": "vcenter"}),
        "header_reviewer": book.add_format({"bold": True, "bg_color": "#FFF2CC", "border": 1,
                                            "text_wrap": True, "valign": "vcenter"}),
        "cell": book.add_format(top),
        "plain": book.add_format({"valign": "top"}),
        "wrap": book.add_format(top),
        "reviewer": book.add_format({**top, "bg_color": "#FFFBEA", "border": 1,
                                     "border_color": "#D9D9D9", "locked": False}),
        "date": book.add_format({"valign": "top", "num_format": "dd-mm-yyyy"}),
        "time": book.add_format({"valign": "top", "num_format": "hh:mm"}),
        "number": book.add_format({"valign": "top", "num_format": "0"}),
        "warning": book.add_format({**top, "font_color": "#7030A0", "italic": True}),
        "urgent": book.add_format({**top, "bold": True, "font_color": "#C00000"}),
        "hit": book.add_format({"bold": True, "font_color": "#9C5700", "underline": 1}),
        "crisis_hit": book.add_format({"bold": True, "font_color": "#C00000", "underline": 1}),
        "hit_cell": book.add_format({**top, "bold": True, "font_color": "#9C5700", "underline": 1}),
        "crisis_hit_cell": book.add_format({**top, "bold": True, "font_color": "#C00000",
                                            "underline": 1}),
        "field_name": book.add_format({"italic": True, "font_color": "#595959"}),
        "label": book.add_format({"bold": True, "valign": "top"}),
        "title": book.add_format({"bold": True, "font_size": 16}),
        "banner": book.add_format({"bold": True, "font_color": "#FFFFFF", "bg_color": "#C00000",
                                   "valign": "top", "text_wrap": True}),
    }
    for status, (fill, font) in STATUS_FILLS.items():
        formats[status.value] = book.add_format({"bold": True, "valign": "top", "bg_color": fill,
                                                 "font_color": font, "border": 1})
    for decision, fill in DECISION_FILLS.items():
        formats[f"decided_{decision.value}"] = book.add_format({"bg_color": fill, "bold": True})
    return formats


def write(result: ScanResult, path: Path, options: ReportOptions) -> None:
    """Write the report workbook to ``path`` (callers write to a temporary file and move it).

    ``is_new`` (from the nightly history) marks the flagged posts that were not flagged in the
    previous run, so a reviewer starts with what changed.
    """
    import xlsxwriter

    lang, is_new = options.lang or default_language(), options.is_new
    labels = LABELS[lang]
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False,
                                           "strings_to_urls": False, "strings_to_numbers": False})
    book.set_properties({"title": labels["title"], "comments": "contentcheck"})
    formats = _formats(book)
    new = {id(v) for v in result.flagged if is_new(v)} if is_new else set()
    write_summary(book, labels["summary"], result, labels, formats,
                  new_count=len(new) if is_new else None, lang=lang)
    indexes = calendar_indexes(result)
    twins = find_twins(result.verdicts, indexes)
    progress = writing(options, len(result.flagged) + len(result.verdicts))
    for name, verdicts in ((labels["flagged"], result.flagged), (labels["all"], result.verdicts)):
        sheet = PostSheet(book, name, formats, labels, lang, result.now, options.earlier,
                          lambda post: result.channel_shown(post.channel, post.source, lang))
        for number, verdict in enumerate(verdicts, 1):
            group = twins.get(id(verdict), (verdict,))
            if group[0] is verdict:  # twins are one row, shown with the first of them
                sheet.add(verdict, post_key(indexes[verdict.post.source], verdict.post),
                          any(id(v) in new for v in group),
                          [(v, post_key(indexes[v.post.source], v.post)) for v in group[1:]])
            if number % PROGRESS_STEP == 0:
                progress.advance(PROGRESS_STEP)
        progress.advance(len(verdicts) % PROGRESS_STEP)
        sheet.finish()
    meta = book.add_worksheet(META_SHEET)
    for row, chunk in enumerate(meta_rows(build_meta(result, lang))):
        meta.write_string(row, 0, chunk)
    meta.very_hidden()
    book.close()
