"""A false friend's compounds that are its English word: *brandmanager*, *brandambassadeur*.

``brand`` is fire in Dutch and a brand in English; a Dutch post writes the English phrase
*brand manager* as one word, with a head of both languages (manager) or in Dutch spelling
(ambassadeur), which ``compounds.english_pair`` (the other part is a word of English) does not
see. contentcheck/data/english-sense-heads.txt lists, per term word, the heads that make the
compound the English word: a crisis term's hit there is a loose reading (review).
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files


@lru_cache(maxsize=1)
def _heads() -> dict[str, frozenset[str]]:
    """Term word -> the heads that make its compound the English word (read once)."""
    text = (files("contentcheck") / "data" / "english-sense-heads.txt").read_text("utf-8")
    found: dict[str, frozenset[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            word, heads = line.split("\t")
            found[word] = frozenset(heads.split())
    return found


def english_sense(term_part: str, other: str) -> bool:
    """Is ``term_part`` + ``other`` (brand|manager) the term word's English compound?"""
    return other in _heads().get(term_part, frozenset())
