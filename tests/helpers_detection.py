"""The verdict a crisis term gives one word of a sentence, for the detection table tests."""

from __future__ import annotations

from contentcheck.matching import Matcher, TermSet
from contentcheck.matching.language import detect

PAUSE, REVIEW, QUIET = "pause", "review", "quiet"


def verdict(terms: TermSet, text: str, word: str, *, in_its_language: bool = False) -> str:
    """pause / review / quiet for the hit on ``word`` (lower case) in ``text``;
    ``in_its_language``: the text read in the language detected for it, as a scan does."""
    language = detect(text) if in_its_language else None
    found = {m.matched.lower(): m.loose
             for m in Matcher.compile(terms).find(text, language=language)}
    if word not in found:
        return QUIET
    return REVIEW if found[word] else PAUSE
