"""The CSV report: one row per upcoming post, flagged first, the same facts as the JSON report.

Lists within a cell (terms, reasons) are separated by `` | `` so the file stays one row per post
and opens cleanly in Excel, Dutch Excel included (a byte-order mark, and ``;`` for a locale with
a decimal comma, or ``--csv-delimiter``); text that could start a formula is prefixed with ``'``.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TextIO

from contentcheck.records import Verdict
from contentcheck.report import ReportOptions
from contentcheck.report.labels import csv_delimiter
from contentcheck.report.output import as_text_cell
from contentcheck.scan import ScanResult
from contentcheck.twins import Twins, places

FORMAT = "csv"
SUFFIXES = (".csv",)
TERMINAL = True
COLUMNS = ("status", "scheduled_at", "all_day", "channel", "text", "other_fields",
           "matched_terms", "matched_text", "matched_fields", "lists", "categories",
           "severities", "suggestions", "reasons", "source", "sheet", "row", "calendar_status",
           "warnings", "crisis", "twins")


def _unique(values: list[str]) -> str:
    return " | ".join(dict.fromkeys(v for v in values if v))


def _row(verdict: Verdict, crisis: str, twins: Twins) -> list[object]:
    post, matches = verdict.post, verdict.findings
    return [
        verdict.status.value,
        post.scheduled_at.isoformat() if post.scheduled_at else "",
        "yes" if post.all_day else "",
        post.channel or "", post.text,
        " | ".join(f"{f.name}: {f.text}" for f in post.fields[1:]),
        _unique([m.rule for m in matches]), _unique([m.matched for m in matches]),
        _unique([m.field for m in matches]), _unique([m.source for m in matches]),
        _unique([m.category for m in matches]), _unique([m.severity.value for m in matches]),
        _unique([m.suggestion or "" for m in matches]), " | ".join(verdict.reasons),
        post.source, post.sheet or "", post.row, post.status or "",
        " | ".join(post.warnings), crisis, " | ".join(places(verdict, twins)),
    ]


def stream(result: ScanResult, out: TextIO, options: ReportOptions) -> None:
    """The report as CSV into ``out``, a row per post as the verdicts are read (a big scan
    merges them from disk): CRLF, and the delimiter the reader's Excel splits at (``;`` where
    numbers have a decimal comma, as in Dutch, else ``,``; or as asked)."""
    crisis = ", ".join(result.crisis_sources)
    writer = csv.writer(out, delimiter=options.csv_delimiter or csv_delimiter(),
                        lineterminator="\r\n")
    writer.writerow(COLUMNS)
    twins = result.twins_found()
    for verdict in result.verdicts:
        writer.writerow([as_text_cell(v) if isinstance(v, str) else v
                         for v in _row(verdict, crisis, twins)])


def render(result: ScanResult, options: ReportOptions = ReportOptions()) -> str:
    """The report as CSV text (``stream``)."""
    buffer = io.StringIO()
    stream(result, buffer, options)
    return buffer.getvalue()


def write(result: ScanResult, path: Path, options: ReportOptions) -> None:
    """The file starts with a UTF-8 byte-order mark: without it Excel reads "café" as
    "cafÃ©"; Python's ``utf-8-sig``, pandas and LibreOffice skip it."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("\ufeff")
        stream(result, handle, options)
