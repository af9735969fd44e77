"""What a report remembers about its scan, so ``apply`` can trust it later.

Stored as JSON in a hidden sheet of the workbook: the calendars with their content hash and
format, the language, the window, and every flagged post with its status and fingerprint (so
apply knows which posts nobody decided on). The post sheets repeat each post's key (calendar,
sheet, row) and fingerprint (what the post says) in hidden columns: apply gives a decision
only to a post that still says what the reviewer saw, even when the calendar changed elsewhere.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from contentcheck import __version__
from contentcheck.calendar.workbook import REPORT_SHEET, closing_workbook
from contentcheck.records import Post, Verdict
from contentcheck.scan import ScanResult

META_SHEET = REPORT_SHEET  # a calendar reader refuses a workbook with this sheet
META_VERSION = 1


def post_key(calendar_index: int, post: Post) -> str:
    """A post's address across the report: ``<calendar>|<sheet>|<row>``."""
    return f"{calendar_index}|{post.sheet or ''}|{post.row}"


def post_fingerprint(post: Post) -> str:
    """What a post says (its text fields, names included), in 16 hex digits; the date, the
    channel and the status are left out, so a colleague setting a status keeps the decision."""
    digest = hashlib.blake2b(digest_size=8)
    for name, text in post.fields:
        digest.update(f"{name}\0{text}\1".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def verdict_key(verdict: Verdict) -> str:
    """Why a post was flagged, in 16 hex digits: its status and every finding's check, rule and
    source. A decision carries to a later report only while this stays the same, so a
    "publish" given before a crisis is not read as a "publish" of the crisis post."""
    digest = hashlib.blake2b(digest_size=8)
    digest.update(verdict.status.value.encode())
    for item in sorted({(f.check, f.rule, f.source, f.status.value) for f in verdict.findings}):
        digest.update("\0".join(item).encode("utf-8", "surrogatepass") + b"\1")
    return digest.hexdigest()


def split_key(key: str) -> tuple[int, str | None, int]:
    index, sheet, row = key.split("|")
    return int(index), sheet or None, int(row)


def calendar_indexes(result: ScanResult) -> dict[str, int]:
    return {calendar.path: index for index, calendar in enumerate(result.calendars)}


def build_meta(result: ScanResult, lang: str, earlier: Any = None) -> dict[str, Any]:
    """``earlier`` (``audit.carried_decisions``) gives the decisions the post sheets fill in
    from earlier applies: kept as "carried", so apply can tell the one a reviewer changed on
    one sheet from the one the report filled in on the other."""
    from pathlib import Path

    indexes = calendar_indexes(result)
    carried = {}
    if earlier is not None:
        for verdict in result.flagged:
            if found := earlier(verdict.post, verdict):
                carried[post_key(indexes[verdict.post.source], verdict.post)] = list(found[:2])
    return {
        "carried": carried,
        "contentcheck": __version__, "version": META_VERSION, "lang": lang,
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "now": result.now.isoformat(),
        # the zone the scan read calendar times in ("Europe/Amsterdam"): apply reads them so
        "timezone": getattr(result.now.tzinfo, "key", None),
        "columns": result.columns,
        "dayfirst": result.dayfirst,  # --dayfirst/--monthfirst: apply reads the dates so
        "crisis_terms": result.crisis_terms,  # apply checks new texts against them too
        "holds": result.holds,  # quiet periods: apply holds the rows the report did not see
        "window": None if result.window is None else
        {"start": _iso(result.window.start), "end": _iso(result.window.end)},
        "flagged": {post_key(indexes[v.post.source], v.post):
                    [v.status.value, post_fingerprint(v.post), verdict_key(v)]
                    for v in result.flagged},
        "calendars": [{"path": str(Path(c.path).resolve()), "given": c.path, "kind": c.kind,
                       "sha256": c.sha256, "encoding": c.encoding, "delimiter": c.delimiter,
                       "newline": c.newline, "sheets": c.sheets}
                      for c in result.calendars],
    }


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def meta_rows(meta: dict[str, Any], chunk: int = 30000) -> list[str]:
    """The JSON cut into cell-sized pieces (a cell holds at most 32,767 characters)."""
    text = json.dumps(meta, ensure_ascii=False)
    return [text[i:i + chunk] for i in range(0, len(text), chunk)] or ["{}"]


def parse_meta_rows(rows: list[str]) -> dict[str, Any]:
    return json.loads("".join(rows))


def is_report(path: Path) -> bool:
    """Whether the workbook at ``path`` has the hidden sheet every contentcheck report has;
    only the sheet names are read (milliseconds for a report of 200,000 posts)."""
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception:  # calamine's own error types: no workbook at all
        return False
    with closing_workbook(book):
        return META_SHEET in book.sheet_names
