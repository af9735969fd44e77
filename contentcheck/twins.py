"""The same post in several calendars: a workbook and the scheduler export made from it.

A team scanning ``kalender.xlsx`` and ``hootsuite.csv`` together has each post twice: two rows
in the review workbook, decided twice, or once and half-applied. Posts in different files with
the same text and the same moment are twins: the review workbook shows them as one row naming
every place, and a decision on it goes to each place. Only an unambiguous match counts: a file
holding the same text at the same moment twice (Instagram and Facebook at 12:00) keeps its
posts apart, since nobody can tell which of them the export row is.
"""

from __future__ import annotations

from collections.abc import Sequence

from contentcheck.records import Post, Verdict
from contentcheck.text import same_words

Twins = dict[int, tuple[Verdict, ...]]  # id(verdict) -> its group, the row to show first


def identity(post: Post) -> tuple[object, str] | None:
    """What twins share: the moment and the text, case and spacing aside; None for a post
    without a date or text (the scan hashes this to find candidates as it goes)."""
    text = same_words(post.text)
    if post.scheduled_at is None or not text:
        return None
    return post.scheduled_at, text


def find_twins(verdicts: Sequence[Verdict], order: dict[str, int]) -> Twins:
    """Each verdict that has twins, mapped to its group: the worst status first, then a post
    that names its channel, then the calendars in ``order`` (source -> position: every
    calendar of the scan; with only one there are no twins, and no post is looked at)."""
    if len(order) < 2:
        return {}
    groups: dict[tuple[object, str], list[Verdict]] = {}
    for verdict in verdicts:
        shared = identity(verdict.post)
        if shared is not None:
            groups.setdefault(shared, []).append(verdict)
    twins: Twins = {}
    for group in groups.values():
        sources = [v.post.source for v in group]
        if len(group) < 2 or len(set(sources)) != len(sources):
            continue  # alone, or ambiguous: two of one file at one moment
        ranked = tuple(sorted(group, key=lambda v: (v.status.rank, not v.post.channel,
                                                    order.get(v.post.source, len(order)),
                                                    v.post.row)))
        for verdict in group:
            twins[id(verdict)] = ranked
    return twins


def places(verdict: Verdict, twins: Twins) -> list[str]:
    """Where else this post is: ``hootsuite.csv row 1`` for each twin (English, for scripts)."""
    return [other.post.location() for other in twins.get(id(verdict), ()) if other is not verdict]
