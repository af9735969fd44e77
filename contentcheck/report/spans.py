"""Cutting a text into plain and highlighted pieces, for every report that highlights."""

from __future__ import annotations

from collections.abc import Iterable

from contentcheck.records import Finding, Status


def merged_spans(findings: Iterable[Finding], field: str) -> list[tuple[int, int, bool]]:
    """The (start, end, pause) spans of one field, overlaps merged (pause wins)."""
    spans = sorted((f.start, f.end, f.status is Status.PAUSE) for f in findings
                   if f.field == field and f.end > f.start)
    merged: list[tuple[int, int, bool]] = []
    for start, end, crisis in spans:
        if merged and start <= merged[-1][1]:
            last_start, last_end, last_crisis = merged[-1]
            merged[-1] = (last_start, max(last_end, end), last_crisis or crisis)
        else:
            merged.append((start, end, crisis))
    return merged


def pieces(text: str, findings: Iterable[Finding], field: str) -> list[tuple[str, bool | None]]:
    """``text`` as (piece, highlight) pairs: None = plain, False = review, True = pause."""
    result: list[tuple[str, bool | None]] = []
    position = 0
    for start, end, crisis in merged_spans(findings, field):
        if start > position:
            result.append((text[position:start], None))
        result.append((text[start:end], crisis))
        position = end
    if position < len(text):
        result.append((text[position:], None))
    return result


def excerpts(parts: list[tuple[str, bool]], context: int, mark: str) -> list[str]:
    """A long text's pieces cut down to what is kept whole (a hit, a field name: ``True``)
    with ``context`` characters of the plain text on each side, every cut shown by ``mark``;
    the first and last plain pieces keep only their side towards a hit. For the reports that
    must show a very long post in little room (a terminal line, an Excel cell) without losing
    a hit far down it."""
    last = len(parts) - 1
    out = []
    for number, (text, whole) in enumerate(parts):
        if whole or len(text) <= 2 * context + len(mark):
            out.append(text)
            continue
        head = text[:context] if number > 0 else ""
        tail = text[-context:] if number < last else ""
        if head and tail:
            out.append(head + mark + tail)
        elif tail:
            out.append(mark.lstrip() + tail.lstrip())
        else:
            out.append(head.rstrip() + mark.rstrip())
    return out
