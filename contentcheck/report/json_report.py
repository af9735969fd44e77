"""The JSON report: one document with the window, the calendars, every upcoming post, a summary."""

from __future__ import annotations

import io
import json
from typing import Any, TextIO

from contentcheck import __version__
from contentcheck.scan import ScanResult


def to_document(result: ScanResult, *, posts: bool = True) -> dict[str, Any]:
    return {
        "contentcheck": __version__,
        "now": result.now.isoformat(),
        "window": result.window.to_dict() if result.window else {"start": None, "end": None},
        "crisis": {"active": result.crisis_active, "crises": result.crises,
                   "sources": result.crisis_sources,
                   "terms": result.crisis_terms},
        "lists": result.lists,
        "calendars": [calendar.to_dict() for calendar in result.calendars],
        "posts": [verdict.to_dict() for verdict in result.verdicts] if posts else [],
        "warnings": result.warnings(),
        "summary": result.summary(),
    }


def write(result: ScanResult, out: TextIO) -> None:
    """Pretty at the top level, one compact line per post, written as it goes.

    Readable in a terminal and diff-friendly, and fast: ``indent`` would force the pure-Python
    encoder (seconds for 100,000 posts), and streaming keeps no second copy of 100,000 posts.
    """
    document = to_document(result, posts=False)
    keys = list(document)
    out.write("{\n")
    for number, key in enumerate(keys):
        out.write(f"  {json.dumps(key)}: ")
        if key == "posts" and result.verdicts:
            out.write("[\n")
            last = len(result.verdicts) - 1
            for index, verdict in enumerate(result.verdicts):
                out.write("    " + json.dumps(verdict.to_dict(), ensure_ascii=False)
                          + (",\n" if index < last else "\n"))
            out.write("  ]")
        else:
            out.write(json.dumps(document[key], ensure_ascii=False))
        out.write(",\n" if number < len(keys) - 1 else "\n")
    out.write("}\n")


def render(result: ScanResult) -> str:
    buffer = io.StringIO()
    write(result, buffer)
    return buffer.getvalue()
