"""Cutting a text into plain and highlighted pieces, for every report that highlights."""

from __future__ import annotations

from collections.abc import Iterable

from contentcheck.records import Match


def merged_spans(matches: Iterable[Match], field: str) -> list[tuple[int, int, bool]]:
    """The (start, end, crisis) spans of one field, overlaps merged (crisis wins)."""
    spans = sorted((m.start, m.end, m.crisis) for m in matches if m.field == field and m.end > m.start)
    merged: list[tuple[int, int, bool]] = []
    for start, end, crisis in spans:
        if merged and start <= merged[-1][1]:
            last_start, last_end, last_crisis = merged[-1]
            merged[-1] = (last_start, max(last_end, end), last_crisis or crisis)
        else:
            merged.append((start, end, crisis))
    return merged


def pieces(text: str, matches: Iterable[Match], field: str) -> list[tuple[str, bool | None]]:
    """``text`` as (piece, highlight) pairs: None = plain, False = sensitive, True = crisis."""
    result: list[tuple[str, bool | None]] = []
    position = 0
    for start, end, crisis in merged_spans(matches, field):
        if start > position:
            result.append((text[position:start], None))
        result.append((text[start:end], crisis))
        position = end
    if position < len(text):
        result.append((text[position:], None))
    return result
