"""The JSON report: one document with the window, the calendars, every upcoming post, a summary."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any, TextIO

import orjson

from contentcheck import __version__
from contentcheck.progress import SILENT, Progress
from contentcheck.report import ReportOptions, writing
from contentcheck.scan import ScanResult
from contentcheck.records import Verdict
from contentcheck.twins import Twins, places

FORMAT = "json"
SUFFIXES = (".json",)
TERMINAL = True

def _encode(value: Any) -> bytes:
    """Compact UTF-8 JSON. orjson writes the posts of a big calendar four times as fast as the
    standard library (bench/README.md); a value it refuses (a lone surrogate in a text) is
    written by the standard library instead, escaped."""
    try:
        return orjson.dumps(value)
    except orjson.JSONEncodeError:
        return json.dumps(value, separators=(",", ":")).encode("ascii")


def to_document(result: ScanResult, *, posts: bool = True) -> dict[str, Any]:
    return {
        "contentcheck": __version__,
        "now": result.now.isoformat(),
        "window": result.window.to_dict() if result.window else {"start": None, "end": None},
        "crisis": {"active": result.crisis_active, "crises": result.crises,
                   "sources": result.crisis_sources, "kits_chosen": result.kits_chosen,
                   "holds": result.holds, "terms": result.crisis_terms},
        "lists": result.lists,
        "calendars": [calendar.to_dict() for calendar in result.calendars],
        "posts": [verdict.to_dict() for verdict in result.verdicts] if posts else [],  # small uses
        "warnings": result.warnings(),
        "summary": result.summary(),
    }


def write(result: ScanResult, path: Path, options: ReportOptions) -> None:
    """The report streamed into ``path`` (UTF-8, ``\\n`` line ends): 100,000 posts are never
    held twice. orjson's bytes go to the file as they are (no decoding and encoding again)."""
    with path.open("wb") as out:
        out.writelines(_parts(result, options.extra, writing(options, len(result.verdicts))))


def stream(result: ScanResult, out: TextIO, extra: dict[str, Any] | None = None,
           progress: Progress = SILENT) -> None:
    """Pretty at the top level, one compact line per post, written as it goes; ``extra`` adds
    top-level keys (the nightly check's "nightly").

    Readable in a terminal and diff-friendly, and fast: ``indent`` would force the pure-Python
    encoder (seconds for 100,000 posts), and streaming keeps no second copy of 100,000 posts.
    """
    for part in _parts(result, extra, progress):
        out.write(part.decode())


def _parts(result: ScanResult, extra: dict[str, Any] | None, progress: Progress
           ) -> Iterator[bytes]:
    """The document as UTF-8, a part at a time (``stream``)."""
    document = {**to_document(result, posts=False), **(extra or {})}
    keys = list(document)
    yield b"{\n"
    for number, key in enumerate(keys):
        yield f"  {json.dumps(key)}: ".encode()
        if key == "posts" and result.verdicts:
            yield b"[\n    "
            yield from _posts(result, progress)
            yield b"\n  ]"
        else:
            yield _encode(document[key])
        yield b",\n" if number < len(keys) - 1 else b"\n"
    yield b"}\n"


def _posts(result: ScanResult, progress: Progress, batch: int = 2000) -> Iterator[bytes]:
    """The posts, one compact line each, joined a batch at a time (fewer, larger writes);
    the verdicts are read once, in order (a big scan merges them from disk)."""
    twins = result.twins_found()
    verdicts = iter(result.verdicts)
    first = True
    while chunk := list(islice(verdicts, batch)):
        if not first:
            yield b",\n    "
        first = False
        yield b",\n    ".join([_encode(_post(v, twins)) for v in chunk])
        progress.advance(len(chunk))


def _post(verdict: Verdict, twins: Twins) -> dict[str, Any]:
    """A post's entry: the verdict's dict, then where else the post is (no copy of the dict)."""
    entry = verdict.to_dict()
    entry["twins"] = places(verdict, twins) if twins else []
    return entry


def render(result: ScanResult, options: ReportOptions = ReportOptions()) -> str:
    buffer = io.StringIO()
    stream(result, buffer, options.extra)
    return buffer.getvalue()
