"""One word group of a post (a word, a hyphenated word, a hashtag, an emoji sequence) -> pieces.

A group is read both whole and split: ``#PrayForBoston`` gives the leaves pray, for, boston
(cut at case changes) and the piece ``prayforboston`` over all three; ``#stormciara`` and
``BOOMSALE`` are cut at known words; ``gas-explosie`` gives gas, explosie and gasexplosie. Each
piece carries the lexicon hits of its folded text. Phrases need leaf positions, so a piece
knows the leaves it covers. The result depends only on the group's text, so it is cached.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass

from contentcheck.matching import compounds
from contentcheck.matching.index import Lexicon
from contentcheck.text import Leaf, fold, fold_emoji, fold_with_offsets, is_emoji, split_group


@dataclass(frozen=True, slots=True)
class Piece:
    start: int  # span relative to the group
    end: int
    first: int  # leaves covered, relative to the group
    last: int
    norm: str
    hits: tuple[tuple[int, str], ...]
    split: bool = False  # a leaf cut out of a hashtag, camelCase word or code


# what a group holds, for the fast path: a word of a one-word term (a match), the rarest word
# of a phrase or proximity term (a match if its partners are there), or only partners
SINGLE, ANCHOR, PARTNER = 3, 2, 1


@dataclass(frozen=True, slots=True)
class GroupInfo:
    hot: int  # SINGLE, ANCHOR, PARTNER or 0: what the fast path asks
    leaves: int
    pieces: tuple[Piece, ...]  # the pieces that have hits
    suppressed: tuple[tuple[Piece, int, str], ...] = ()  # (piece, unit, exception word)
    busy: bool = False  # has pieces or suppressed hits: the slow path looks closer
    units: frozenset[int] = frozenset()  # if ANCHOR or PARTNER: the phrase/proximity words


def _should_segment(group: str, start: int, end: int, tag: bool, norm: str) -> bool:
    raw = group[start:end]
    return (tag or (raw.isupper() and len(raw) >= 2 * compounds.MIN_PART)) and norm.isalpha()


def _leaves(group: str, known: Container[str]) -> tuple[list[tuple[str, int, int, bool]],
                                                  list[tuple[str, int, int, int, int]]]:
    """Leaves ``(norm, start, end, split)`` and overlays ``(norm, start, end, first, last)``."""
    if group.isalpha() and (group.islower() or group[1:].islower()) and not is_emoji(group):
        # most groups are a plain word, lower or capitalised: one leaf, nothing to cut
        return [(fold(group), 0, len(group), False)], []
    return _cut_leaves(group, known)


def _cut_leaves(group: str, known: Container[str]) -> tuple[list[tuple[str, int, int, bool]],
                                                      list[tuple[str, int, int, int, int]]]:
    """``_leaves`` for any group: emoji sequences, hashtags, hyphenated and camelCase words."""
    if is_emoji(group):
        leaves, offset = [], 0
        for part in group.split("\u200d"):
            if fold_emoji(part):
                leaves.append((fold_emoji(part), offset, offset + len(part), False))
            offset += len(part) + 1
        overlays = [(fold_emoji(group), 0, len(group), 0, len(leaves) - 1)] if len(leaves) > 1 else []
        return leaves, overlays
    tag = group[:1] in "#@"
    raw_leaves, runs = _known_camel_whole(*split_group(group))
    leaves: list[tuple[str, int, int, bool]] = []
    overlays: list[tuple[str, int, int, int, int]] = []
    for leaf in raw_leaves:
        spans = None
        if _should_segment(group, leaf.start, leaf.end, tag, leaf.norm):
            spans = compounds.segment(leaf.norm, known)
        if not spans:
            leaves.append((leaf.norm, leaf.start, leaf.end, leaf.cased))
            continue
        folded, offsets = fold_with_offsets(group[leaf.start:leaf.end])
        first = len(leaves)
        for start, end in spans:
            leaves.append((folded[start:end], leaf.start + offsets[start],
                           leaf.start + offsets[end - 1] + 1, True))
        overlays.append((leaf.norm, leaf.start, leaf.end, first, len(leaves) - 1))
    if len(leaves) > 1 and not _apostrophe_s(group, runs):
        if len(runs) > 1:  # a run cut at case changes inside a hyphenated group: Haag-CentraalNL
            index = 0
            for run_start, run_end in runs:
                first = index
                while index < len(leaves) and leaves[index][1] < run_end:
                    index += 1
                if index - first > 1:
                    overlays.append((fold(group[run_start:run_end]), run_start, run_end,
                                     first, index - 1))
        start, end = runs[0][0], runs[-1][1]
        joined = "".join(fold(group[a:b]) for a, b in runs)
        if not any(o[3] == 0 and o[4] == len(leaves) - 1 for o in overlays):
            overlays.append((joined, start, end, 0, len(leaves) - 1))
    return leaves, overlays


def _known_camel_whole(leaves: list[Leaf], runs: list[tuple[int, int]]
                       ) -> tuple[list[Leaf], list[tuple[int, int]]]:
    """A camelCase run that is a word of its own stays whole: PlayStation is no play + station,
    YouTube no you + tube (a known word among the COMMON most frequent of either language);
    #KaasLiefde and #PrayForBoston are no words, and are cut."""
    if not any(leaf.cased for leaf in leaves):
        return leaves, runs
    dutch, english = compounds.vocabulary("nl"), compounds.vocabulary("en")
    kept: list[Leaf] = []
    for start, end in runs:
        inside = [leaf for leaf in leaves if start <= leaf.start and leaf.end <= end]
        whole = "".join(leaf.norm for leaf in inside)
        if len(inside) > 1 and whole.isalpha() and min(
                dutch.get(whole, 1 << 30), english.get(whole, 1 << 30)) < compounds.COMMON:
            kept.append(Leaf(whole, inside[0].start, inside[-1].end))
        else:
            kept.extend(inside)
    return kept, runs


def _apostrophe_s(group: str, runs: list[tuple[int, int]]) -> bool:
    """``collega's``, ``auto's``, ``Boston's``: a plural or possessive ending, not a second
    word; joined up ("collegas") it would be cut into false compounds (colle|gas)."""
    return (len(runs) == 2 and runs[1][1] - runs[1][0] == 1 and group[runs[1][0]] in "sS"
            and group[runs[1][0] - 1] in "'’")


def read_group(group: str, lexicon: Lexicon) -> list[str]:
    """The folded leaves of a group, as the matcher reads them."""
    return [norm for norm, _, _, _ in _leaves(group, lexicon.known)[0]]


def analyze_group(group: str, lexicon: Lexicon, singles: frozenset[int],
                  anchors: frozenset[int], multi_units: frozenset[int]) -> GroupInfo:
    """All pieces of one group with their hits; exceptions silence the pieces inside them."""
    leaves, overlays = _leaves(group, lexicon.known)
    candidates = [Piece(s, e, i, i, norm, (), split) for i, (norm, s, e, split) in enumerate(leaves)]
    candidates += [Piece(s, e, a, b, norm, ()) for norm, s, e, a, b in overlays]
    exceptions = [p for p in candidates if p.norm in lexicon.exceptions]
    pieces: list[Piece] = []
    suppressed: list[tuple[Piece, int, str]] = []
    for piece in candidates:
        hits = lexicon.hits(piece.norm)
        for uid, blocker in lexicon.suppressed(piece.norm):
            suppressed.append((piece, uid, blocker))
        if not hits:
            continue
        blocker = next((x for x in exceptions if x.first <= piece.first and piece.last <= x.last
                        and x is not piece), None)
        if blocker is not None:
            suppressed.extend((piece, uid, blocker.norm) for uid, _ in hits)
            continue
        pieces.append(Piece(piece.start, piece.end, piece.first, piece.last, piece.norm, hits,
                            piece.split))
    units = {uid for piece in pieces for uid, _ in piece.hits}
    hot = (SINGLE if units & singles else ANCHOR if units & anchors
           else PARTNER if units & multi_units else 0)
    return GroupInfo(hot, len(leaves), tuple(pieces), tuple(suppressed), bool(pieces or suppressed),
                     frozenset(units & multi_units) if hot in (ANCHOR, PARTNER) else frozenset())
