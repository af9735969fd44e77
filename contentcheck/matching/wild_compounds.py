"""A prefix wildcard's stem at the back of a compound: ``dijk*`` in *rivierdijken*, *zomerdijkje*.

A plain term finds its compounds by the compound rules (``compounds.compound_ok``): a real
split into parts, never any substring. A wildcard ``X*`` matches a word that begins with X; in
a compound, the same holds for a part: *rivier|dijken* is a compound whose last part is a word
``dijk*`` matches, *speelgoed|trein* one whose last part is ``trein``. So a post word is cut
where the front is a compound part (Dutch: ``compounds.compound_ok``, the same guards against
false splits; English: ``english_compounds.splits``, for *life|hacks*), and the back is judged
as the wildcard judges a word alone (``Lexicon._prefix_rule``): a form of the stem's word or
a compound of it with a word is a hit (``wildcard-compound``, or ``compound-word`` inside an
everyday word such as *zonnebrand*); a word the lists keep as a false friend stays one
(``wildcard-excepted``); a word of its own that merely begins with the stem (*kerst|pinguïn*
for ``pin*``) is no hit at all: a compound of an unrelated word is not about the stem, and the
wildcard already asks a review for that word alone. Compile-time tables, one lookup per split
point and stem length, cached per word with every other reading of the word.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from contentcheck.matching import compounds, english_compounds

RULE = "wildcard-compound"  # the wildcard matches the last part of a compound: rivier|dijken


class WildHeads:
    """The prefix wildcards that are looked for as the last part of a compound."""

    def __init__(self) -> None:
        self.dutch: dict[str, list[int]] = defaultdict(list)  # stem -> units
        self.english: dict[str, list[int]] = defaultdict(list)
        self._sizes: list[int] = []

    def add(self, stem: str, uid: int, dutch: bool, english: bool) -> None:
        """A prefix wildcard's stem; ``dutch``/``english``: the compounds it is looked for in."""
        if dutch:
            self.dutch[stem].append(uid)
        if english:
            self.english[stem].append(uid)

    def finish(self) -> None:
        self._sizes = sorted({len(stem) for stem in (*self.dutch, *self.english)})

    def __bool__(self) -> bool:
        return bool(self._sizes)

    def _parts(self, word: str, table: dict[str, list[int]]):
        """``(cut, uid)`` where the part from ``cut`` on begins with a unit's stem."""
        for cut in range(compounds.MIN_PART, len(word) - compounds.MIN_PART + 1):
            for size in self._sizes:
                if cut + size > len(word):
                    break
                for uid in table.get(word[cut:cut + size], ()):
                    yield cut, uid

    def hits(self, word: str, part_rule: Callable[[int, str], str]
             ) -> list[tuple[int, tuple[int, int], str]]:
        """``(unit, span of the part, rule)`` for the compounds of ``word`` whose last part a
        wildcard matches; ``part_rule(uid, part)`` is how the wildcard reads the part alone."""
        found: list[tuple[int, tuple[int, int], str]] = []
        seen: set[int] = set()
        for cut, uid in self._parts(word, self.dutch):
            part, front = word[cut:], word[:cut]
            if uid in seen or not compounds.compound_ok(word, part, front, True):
                continue
            rule = _compound_rule(part_rule(uid, part), word, (cut, len(word)))
            if rule:
                seen.add(uid)
                found.append((uid, (cut, len(word)), rule))
        for cut, uid in self._parts(word, self.english):
            part = word[cut:]
            if uid in seen or part_rule(uid, part) != "wildcard":
                continue
            for found_uid, _, rule in english_compounds.splits(word, {part: [uid]}, {}):
                if found_uid == uid and uid not in seen:  # brainstorming: a verb of its own
                    seen.add(uid)
                    found.append((uid, (cut, len(word)),
                                  RULE if rule == english_compounds.HEAD else rule))
        return found

    def split(self, word: str, uid: int, part_rule: Callable[[int, str], str]) -> str | None:
        """The word with a bar where a wildcard's compound reading cuts it: ``rivier|dijken``."""
        for found, (start, _), _ in self.hits(word, part_rule):
            if found == uid:
                return f"{word[:start]}|{word[start:]}"
        return None


def _compound_rule(part_rule: str, word: str, span: tuple[int, int]) -> str | None:
    """The compound's reading from the part's: a sure part is a sure compound, unless the
    compound is an everyday word (zonnebrand: loose, as for a plain term); a false friend stays
    one; a word of its own that begins with the stem makes no compound hit."""
    if part_rule == "wildcard":
        return "compound-word" if compounds.everyday_inside(word, span) else RULE
    if part_rule == "wildcard-excepted":
        return part_rule
    return None
