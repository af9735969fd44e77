"""The CSV report: one row per upcoming post, flagged first; opens cleanly in Excel."""

from __future__ import annotations

import csv
import io

from contentcheck.report.output import as_text_cell
from contentcheck.scan import ScanResult

COLUMNS = ("status", "scheduled_at", "channel", "text", "matched_terms", "reasons", "source",
           "sheet", "row", "calendar_status", "warnings")


def render(result: ScanResult) -> str:
    """UTF-8 with BOM-less header; formula-looking text is prefixed with ``'`` so it stays text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for verdict in result.verdicts:
        post = verdict.post
        terms = sorted({f"{m.matched} ({m.term})" for m in verdict.matches})
        row = (verdict.status.value,
               post.scheduled_at.isoformat() if post.scheduled_at else "",
               post.channel or "", post.text, "; ".join(terms), " | ".join(verdict.reasons),
               post.source, post.sheet or "", post.row, post.status or "",
               " | ".join(post.warnings))
        writer.writerow([as_text_cell(v) if isinstance(v, str) else v for v in row])
    return buffer.getvalue()
