"""Report formats, and the one place that lists them.

A reporter is a module with ``FORMAT`` (the ``--format`` name), ``SUFFIXES`` (the ``-o``
extensions that choose it), ``TERMINAL`` (whether it can be shown on a terminal: the Excel
workbook cannot) and

- ``write(result, path, options)``: the whole report into ``path`` (a temporary file that
  ``write_report`` then moves into place atomically);
- ``render(result, options) -> str``: the report as text, for reporters with ``TERMINAL``.

Reporters read only ``ScanResult`` and its verdicts' findings, so a new check shows up in
every format without a change here. Adding a format is one module plus one line in
``REPORTERS``; modules are imported when used, so ``--help`` does not load XlsxWriter.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from contentcheck.errors import ContentcheckError
from contentcheck.progress import SILENT, WORTH_SHOWING_POSTS, Progress

if TYPE_CHECKING:
    from contentcheck.records import Post, Verdict
    from contentcheck.scan import ScanResult

# format name -> module; the order is the order of `--format`'s choices
REPORTERS: dict[str, str] = {
    "table": "contentcheck.report.terminal",
    "json": "contentcheck.report.json_report",
    "csv": "contentcheck.report.csv_report",
    "xlsx": "contentcheck.report.xlsx_report",
    "html": "contentcheck.report.html_report",
}


@dataclass(frozen=True)
class ReportOptions:
    """What a reporter may be asked beyond the result itself."""

    lang: str | None = None  # None: the locale's language
    show_ok: bool = False  # the table lists ok posts too
    extra: dict[str, Any] = field(default_factory=dict)  # top-level JSON keys (the nightly run's)
    is_new: Callable[["Verdict"], bool] | None = None  # nightly: flagged since the last run
    progress: Progress = SILENT  # a bar on the terminal while a big report is written
    csv_delimiter: str | None = None  # None: ";" for a decimal-comma locale, else ","
    # a person's earlier decision on a post that still says the same (decision, new text,
    # reviewer, note), filled into the Excel report's reviewer columns
    earlier: Callable[["Post"], tuple[str, str | None, str | None, str | None] | None] | None = None


def reporter(name: str) -> ModuleType:
    """The reporter module of a format."""
    if name not in REPORTERS:
        raise ContentcheckError(f"unknown report format {name!r} (known: {', '.join(REPORTERS)})")
    return importlib.import_module(REPORTERS[name])


def format_for(path: Path) -> str | None:
    """The format an output file's extension asks for, if any."""
    suffix = path.suffix.lower()
    for name in REPORTERS:
        if suffix in reporter(name).SUFFIXES:
            return name
    return None


def known_suffixes() -> list[str]:
    return [suffix for name in REPORTERS for suffix in reporter(name).SUFFIXES]


def write_report(result: "ScanResult", name: str, path: Path, options: ReportOptions) -> None:
    """The report in format ``name``, written atomically to ``path``."""
    from contentcheck.fileio import write_atomically

    module = reporter(name)
    write_atomically(path, lambda temp: module.write(result, temp, options))


def write_text(path: Path, text: str) -> None:
    """A text report as UTF-8 with ``\\n`` line ends (CSV keeps its own ``\\r\\n``)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(text)


def writing(options: ReportOptions, rows: int) -> Progress:
    """The progress of writing ``rows`` rows (posts) of a report."""
    options.progress.stage("writing", rows, worth_showing=rows >= WORTH_SHOWING_POSTS)
    return options.progress
