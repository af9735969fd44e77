"""The JSON report: one document with the window, the calendars, every upcoming post, a summary."""

from __future__ import annotations

import json
from typing import Any

from contentcheck import __version__
from contentcheck.scan import ScanResult


def to_document(result: ScanResult) -> dict[str, Any]:
    return {
        "contentcheck": __version__,
        "now": result.now.isoformat(),
        "window": result.window.to_dict() if result.window else {"start": None, "end": None},
        "crisis": {"active": result.crisis_active, "crises": result.crises,
                   "sources": result.crisis_sources,
                   "terms": result.crisis_terms},
        "lists": result.lists,
        "calendars": [calendar.to_dict() for calendar in result.calendars],
        "posts": [verdict.to_dict() for verdict in result.verdicts],
        "warnings": result.warnings(),
        "summary": result.summary(),
    }


def render(result: ScanResult) -> str:
    """Pretty at the top level, one compact line per post.

    Readable in a terminal and diff-friendly, and fast: ``indent`` would force the pure-Python
    encoder, which takes seconds for 100,000 posts; the C encoder does each post in microseconds.
    """
    parts = []
    for key, value in to_document(result).items():
        if key == "posts" and value:
            body = ",\n".join("    " + json.dumps(post, ensure_ascii=False) for post in value)
            text = f"[\n{body}\n  ]"
        else:
            text = json.dumps(value, ensure_ascii=False)
        parts.append(f"  {json.dumps(key)}: {text}")
    return "{\n" + ",\n".join(parts) + "\n}\n"
