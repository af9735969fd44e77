"""The Excel review report: summary, flagged posts (pause, review, by date), every post.

XlsxWriter lays the workbook out in memory (formats, summary, the post sheets' headers, filter
and dropdown, the hidden metadata); the post rows are then streamed into the file by
``xlsx_rows``, so 1,000,000 posts write in well under a minute with flat memory, and a post
sheet past Excel's 1,048,576 rows goes on in "All posts (2)". Post text is always written as a
string, never a formula. A hidden sheet keeps what ``contentcheck apply`` needs to trust the
reviewer's decisions later.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import islice
from pathlib import Path
from typing import IO, Any

from contentcheck.records import Post, Status, Verdict
from contentcheck.report import ReportOptions, writing
from contentcheck.report.labels import Decision, default_language
from contentcheck.report.report_meta import (
    META_SHEET,
    build_meta,
    calendar_indexes,
    meta_rows,
    post_key,
)
from contentcheck.report.xlsx_posts import COLUMNS, PostSheet
from contentcheck.report.xlsx_rows import (
    Filler,
    RowWriter,
    run_properties,
    splice,
    style_index,
)
from contentcheck.report.xlsx_summary import write_summary
from contentcheck.scan import ScanResult
from contentcheck.wording import LABELS

STATUS_FILLS = {Status.PAUSE: ("#F8CBAD", "#9C0006"), Status.REVIEW: ("#FFE699", "#7F6000"),
                Status.OK: ("#E2EFDA", "#375623")}
DECISION_FILLS = {Decision.PAUSE: "#F8CBAD", Decision.CHANGE: "#FFE699", Decision.PUBLISH: "#C6EFCE"}


PROGRESS_STEP = 2000  # rows between progress updates
SHEET_ROWS = 1_048_576  # Excel's rows in a sheet
# the highlights inside a cell's text (rich-text runs), as XlsxWriter format properties
RUN_FONTS = {"hit": {"bold": True, "font_color": "#9C5700", "underline": 1},
             "crisis_hit": {"bold": True, "font_color": "#C00000", "underline": 1},
             "field_name": {"italic": True, "font_color": "#595959"}}
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
        **{name: book.add_format(font) for name, font in RUN_FONTS.items()},
        "hit_cell": book.add_format({**top, **RUN_FONTS["hit"]}),
        "crisis_hit_cell": book.add_format({**top, **RUN_FONTS["crisis_hit"]}),
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
    previous run, so a reviewer starts with what changed. The workbook is laid out by
    XlsxWriter in memory with the post sheets' headers only; the rows are then streamed into
    the file (xlsx_rows), one sheet after the other, each a pass over the verdicts.
    """
    import xlsxwriter

    lang, is_new = options.lang or default_language(), options.is_new
    labels = LABELS[lang]
    layout = io.BytesIO()
    # (ZIP64 only comes into play for a part past 2 GiB: never the layout's own parts)
    book = xlsxwriter.Workbook(layout, {"in_memory": True, "use_zip64": True,
                                        "strings_to_formulas": False, "strings_to_urls": False,
                                        "strings_to_numbers": False})
    book.set_properties({"title": labels["title"], "comments": "contentcheck"})
    formats = _formats(book)
    flagged = result.flagged
    places = _Places(result, flagged, is_new)
    write_summary(book, labels["summary"], result, labels, formats,
                  new_count=len(places.new) if is_new else None, lang=lang)

    channels: dict[tuple[str | None, str], str] = {}

    def channel(post: Post) -> str:
        place = (post.channel, post.source)
        if place not in channels:
            channels[place] = result.channel_shown(post.channel, post.source, lang)
        return channels[place]

    counts = {"flagged": len(flagged) - sum(places.key(v) in places.shown_later for v in flagged),
              "all": len(result.verdicts) - len(places.shown_later)}
    sheets = {kind: [PostSheet(book, name, size, formats, labels, lang, result.now,
                               options.earlier, channel)
                     for name, size in sheet_sizes(labels[kind], counts[kind])]
              for kind in ("flagged", "all")}
    meta = book.add_worksheet(META_SHEET)
    for row, chunk in enumerate(meta_rows(build_meta(result, lang, options.earlier))):
        meta.write_string(row, 0, chunk)
    meta.very_hidden()
    styles = {id(f): style_index(f) for f in formats.values()}  # before closing: see style_index
    runs = {id(formats[name]): run_properties(font) for name, font in RUN_FONTS.items()}
    book.close()

    progress = writing(options, counts["flagged"] + counts["all"])

    def fillers() -> dict[str, Filler]:
        found = {}
        for kind, verdicts in (("flagged", flagged), ("all", result.verdicts)):
            source = _Shared(lambda verdicts=verdicts: places.rows(verdicts))
            for sheet in sheets[kind]:
                found[sheet.name] = (sheet.rows, len(COLUMNS),
                                     partial(_fill, sheet, source, styles, runs, progress,
                                             sheet is sheets[kind][-1]))
        return found

    splice(layout, str(path), fillers)


class _Places:
    """Which row each post is, by its key (calendar, sheet, row): twins shown with the first
    of them, and the posts new since the last run. Keys, not objects: a pass over the verdicts
    may read them back from disk as new objects (a scan too big to keep in memory)."""

    def __init__(self, result: ScanResult, flagged: list[Verdict],
                 is_new: Callable[[Verdict], bool] | None) -> None:
        self.indexes = calendar_indexes(result)
        self.groups: dict[str, list[tuple[Verdict, str]]] = {}  # first twin's key -> group
        for group in result.twins_found().values():  # found as the scan went
            first = self.key(group[0])
            if first not in self.groups:
                self.groups[first] = [(v, self.key(v)) for v in group]
        self.shown_later = {key for group in self.groups.values() for _, key in group[1:]}
        self.new = {self.key(v) for v in flagged if is_new(v)} if is_new else set()

    def key(self, verdict: Verdict) -> str:
        return post_key(self.indexes[verdict.post.source], verdict.post)

    def rows(self, verdicts: Iterable[Verdict]) -> Iterator[tuple[Verdict, str, bool, list]]:
        """(verdict, key, new, twins) for each row, in the verdicts' order."""
        for verdict in verdicts:
            key = self.key(verdict)
            if key in self.shown_later:
                continue
            group = self.groups.get(key)
            if group is None:
                yield verdict, key, key in self.new, []
            else:
                yield (verdict, key, any(k in self.new for _, k in group), group[1:])


class _Shared:
    """One pass over a kind's rows, shared by its sheets (a sheet takes the next rows); the
    pass starts when the first sheet is written, so only one pass is open at a time."""

    def __init__(self, start: Callable[[], Iterator[Any]]) -> None:
        self.start, self.rows = start, None

    def take(self, count: int) -> Iterator[Any]:
        if self.rows is None:
            self.rows = self.start()
        return islice(self.rows, count)

    def left(self) -> bool:
        return next(self.rows, None) is not None


def _fill(sheet: PostSheet, source: _Shared, styles: dict[int, int], runs: dict[int, str],
          progress: Any, last: bool, out: IO[bytes]) -> None:
    """Write a post sheet's rows into its part. The rows were counted before the sheets were
    laid out: a post more or less than counted is a bug, never a post left out unsaid."""
    sheet.out, sheet.row = RowWriter(out, styles, runs), 0
    for number, (verdict, key, new, twins) in enumerate(source.take(sheet.rows), 1):
        sheet.add(verdict, key, new, twins)
        if number % PROGRESS_STEP == 0:
            progress.advance(PROGRESS_STEP)
    sheet.out.flush()
    progress.advance(sheet.rows % PROGRESS_STEP)
    if sheet.row != sheet.rows or (last and source.left()):
        raise ValueError(f"{sheet.name}: {sheet.rows} posts counted, not as many written")


def sheet_sizes(name: str, rows: int) -> list[tuple[str, int]]:
    """A post sheet's name and rows, split into "name (2)", "name (3)" ... past Excel's
    1,048,576 rows a sheet (the header is one of them)."""
    per_sheet = SHEET_ROWS - 1
    sizes = [min(per_sheet, rows - start) for start in range(0, rows, per_sheet)] or [0]
    return [(name if part == 0 else f"{name} ({part + 1})", size)
            for part, size in enumerate(sizes)]
