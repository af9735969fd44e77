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
from contentcheck.records import Post, Status, Verdict
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
                   "sources": result.crisis_sources,
                   "terms": result.crisis_terms},
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
    plain = _PlainPosts(twins)
    verdicts = iter(result.verdicts)
    first = True
    while chunk := list(islice(verdicts, batch)):
        if not first:
            yield b",\n    "
        first = False
        yield b",\n    ".join([plain.entry(v) or _encode(_post(v, twins)) for v in chunk])
        progress.advance(len(chunk))


class _PlainPosts:
    """The JSON of a plain post (ok, nothing found, no warning, no twin: most posts) put
    together from parts, the same bytes as ``_encode(_post(...))``: the parts that repeat
    from post to post (file and sheet; moment, channel and calendar status) are encoded once,
    and only the row and the texts per post. A third of the cost of a dict per post."""

    _TAIL = b',"status":"ok","reasons":[],"matches":[],"warnings":[],"twins":[]}'
    _KEPT = 10_000  # parts kept (a calendar of a year has a few thousand moments)

    def __init__(self, twins: Twins) -> None:
        self._twins = twins
        self._heads: dict[tuple[str, str | None], bytes] = {}
        self._middles: dict[tuple[str | None, bool, str | None, str | None], bytes] = {}

    def entry(self, verdict: Verdict) -> bytes | None:
        """The post's JSON, or None when it is not plain (or holds what orjson refuses):
        ``_post`` makes it then."""
        post = verdict.post
        fields = post.fields
        if (verdict.status is not Status.OK or verdict.findings or verdict.reasons
                or post.warnings or not fields or id(verdict) in self._twins):
            return None
        moment = post.scheduled_at
        iso = moment.isoformat() if moment else None  # not the moment: equal across zones
        try:
            head = self._heads.get((post.source, post.sheet)) or self._head(post)
            key = (iso, post.all_day, post.channel, post.status)
            middle = self._middles.get(key) or self._middle(key)
            return b"".join((head, b"%d" % post.row, middle, orjson.dumps(fields[0][1]),
                             b',"fields":', orjson.dumps(dict(fields)), self._TAIL))
        except orjson.JSONEncodeError:  # a lone surrogate: the standard library escapes it
            return None

    def _head(self, post: Post) -> bytes:
        head = (b'{"source":' + orjson.dumps(post.source) + b',"sheet":'
                + orjson.dumps(post.sheet) + b',"row":')
        if len(self._heads) < self._KEPT:
            self._heads[(post.source, post.sheet)] = head
        return head

    def _middle(self, key: tuple[str | None, bool, str | None, str | None]) -> bytes:
        iso, all_day, channel, status = key
        middle = (b',"scheduled_at":' + orjson.dumps(iso) + b',"all_day":'
                  + orjson.dumps(all_day) + b',"channel":' + orjson.dumps(channel)
                  + b',"calendar_status":' + orjson.dumps(status) + b',"text":')
        if len(self._middles) < self._KEPT:
            self._middles[key] = middle
        return middle


def _post(verdict: Verdict, twins: Twins) -> dict[str, Any]:
    """A post's entry: the verdict's dict, then where else the post is (no copy of the dict)."""
    entry = verdict.to_dict()
    entry["twins"] = places(verdict, twins) if twins else []
    return entry


def render(result: ScanResult, options: ReportOptions = ReportOptions()) -> str:
    buffer = io.StringIO()
    stream(result, buffer, options.extra)
    return buffer.getvalue()
