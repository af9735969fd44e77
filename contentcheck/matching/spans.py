"""Matches that span several words (phrases, proximity), the tightest span, and the records
that say why something matched (``Finding``) or did not (``Suppressed``).

Positions are leaf indexes over the whole text (a hashtag's split words count one each), so
``#ShopTillYouDrop`` is a phrase just like ``Shop, till you drop``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from contentcheck.matching.index import LOOSE
from contentcheck.records import Match, Term

LOOSE_RULES = frozenset(LOOSE)  # readings that ask for review (index.LOOSE)
PROXIMITY = 6  # unquoted words match when at most this many words apart ("within a few")


@dataclass(frozen=True)
class Finding:
    """A match and why: the rule (exact, inflection, compound, wildcard, phrase, proximity,
    hashtag-split, emoji, regex) and the words that made it."""

    match: Match
    term: Term
    rule: str
    detail: str


@dataclass(frozen=True)
class Suppressed:
    """A hit that an exception word took away."""

    word: str
    unit: str
    exception: str
    start: int
    end: int


class Occurrence(NamedTuple):
    """One place where a unit hit: span in the text, leaves covered, rule, folded word."""

    start: int
    end: int
    first: int
    last: int
    rule: str
    norm: str


def tightest(spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Of spans that overlap, keep the shortest (gas-explosie: 'explosie', not the whole)."""
    spans.sort()
    kept: list[tuple[int, int, str, str]] = []
    cluster: list[tuple[int, int, str, str]] = []
    reach = -1
    for span in [*spans, (1 << 62, 1 << 62, "", "")]:
        if span[0] >= reach and cluster:
            chosen: list[tuple[int, int, str, str]] = []
            # the shortest; of equal spans a full reading before a loose one (index.LOOSE)
            for candidate in sorted(cluster, key=lambda c: (c[1] - c[0], c[0], c[2] in LOOSE_RULES)):
                if all(candidate[1] <= c[0] or c[1] <= candidate[0] for c in chosen):
                    chosen.append(candidate)
            kept.extend(chosen)
            cluster = []
        cluster.append(span)
        reach = max(reach, span[1]) if len(cluster) > 1 else span[1]
    return kept


@dataclass(frozen=True)
class Inserts:
    """Words a post may put into a crisis phrase (``slots``): a slot word (its leaves in
    ``slot``) before the phrase words at ``before``, one adverb (``adverb``) before the last."""

    slot: frozenset[int]
    adverb: frozenset[int]
    before: frozenset[int]


def _fits(gap: range, position: int, last: bool, inserts: Inserts) -> bool:
    """May the leaves ``gap`` stand between the phrase words before ``position`` and at it?"""
    leaves = list(gap)
    if len(leaves) == 1:
        return ((leaves[0] in inserts.slot and position in inserts.before)
                or (last and leaves[0] in inserts.adverb))
    return (len(leaves) == 2 and last and position in inserts.before
            and leaves[0] in inserts.adverb and leaves[1] in inserts.slot)


def phrases(units: tuple[int, ...], occurrences: dict[int, list[Occurrence]],
            inserts: Inserts | None = None) -> list[tuple[Occurrence, ...]]:
    """Chains of occurrences, one per unit, each starting at the leaf after the previous (or,
    with ``inserts``, after the words a post may put in)."""
    chains: list[tuple[Occurrence, ...]] = []
    for first in occurrences[units[0]]:
        partial = [(first,)]
        for position, unit in enumerate(units[1:], start=1):
            last = position == len(units) - 1
            partial = [chain + (occ,) for chain in partial for occ in occurrences[unit]
                       if occ.first == chain[-1].last + 1 or (
                           inserts is not None and 0 < occ.first - chain[-1].last - 1 <= 2
                           and _fits(range(chain[-1].last + 1, occ.first), position, last,
                                     inserts))]
            if not partial:
                break
        chains.extend(partial[:1])
    return chains


def proximity(units: tuple[int, ...], occurrences: dict[int, list[Occurrence]]
               ) -> list[tuple[Occurrence, ...]]:
    """Windows of at most PROXIMITY words holding every unit, in any order, not overlapping."""
    events = sorted(((occ.first, position, occ) for position, unit in enumerate(units)
                     for occ in occurrences[unit]), key=lambda event: event[:2])
    windows: list[tuple[Occurrence, ...]] = []
    index = 0
    while index < len(events):
        anchor = events[index][0]
        chosen: dict[int, Occurrence] = {}
        last_used = index
        for probe in range(index, len(events)):
            first, position, occ = events[probe]
            if first - anchor > PROXIMITY:
                break
            if position not in chosen and all(occ.first > o.last or occ.last < o.first
                                              for o in chosen.values()):
                chosen[position] = occ
                last_used = probe
            if len(chosen) == len(units):
                break
        if len(chosen) == len(units):
            windows.append(tuple(chosen[p] for p in range(len(units))))
            index = last_used + 1
        else:
            index += 1
    return windows
