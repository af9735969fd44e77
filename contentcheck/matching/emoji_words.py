"""Emoji that stand for a crisis term: ✈️ for ``vliegtuig`` or ``plane``, 🔥 for ``brand``.

A post may say the word with a picture (*Ready for take-off ✈️*). Emoji are mostly decoration,
so such a hit is a loose reading: review, never pause. The emoji's meaning comes from the
Unicode CLDR annotations (its short name and keywords, Dutch and English:
contentcheck/data/emoji-words-*.txt, made by tools/make_emoji_words.py), so no meaning is
guessed: an emoji counts for a term only when the term word, or its lemma, is one of them.
An emoji whose name joins several things (*vork en mes*, *fork and knife with plate*) shows a
meal, not a knife, and stands for none of them. Read on first use, only when crisis terms
are compiled.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib.resources import files


SEVERAL = frozenset("en met and with".split())  # a name that joins several things


@lru_cache(maxsize=None)
def _emoji_of(language: str) -> Mapping[str, tuple[str, ...]]:
    """Word -> the emoji whose CLDR name or keywords hold it, in ``language``."""
    found: dict[str, list[str]] = defaultdict(list)
    text = (files("contentcheck") / "data" / f"emoji-words-{language}.txt").read_text("utf-8")
    for line in text.splitlines():
        emoji, name, keywords = line.split("\t")
        if SEVERAL.intersection(name.split()):
            continue  # 🍽 vork en mes met bord: a meal
        for word in (*name.split(), *keywords.split()):
            found[word].append(emoji)
    return {word: tuple(emoji) for word, emoji in found.items()}


def emoji_for(word: str, languages: Iterable[str]) -> dict[str, str]:
    """Emoji -> the word it stands for, for a term word (or its lemma: vlammen -> vlam) in
    its languages. Only a noun's lemma (a plural's singular): rook is smoke, and the verb it
    is also a form of, roken (smoking: 🚬), is another word."""
    from contentcheck.matching.lemmas import is_verb, lemma_of

    found: dict[str, str] = {}
    for language in languages:
        lemma = lemma_of(word, language)
        if lemma and (is_verb(lemma) if language == "nl" else not word.endswith("s")):
            lemma = None  # a verb: ik rook is roken; English: a plural only (knives)
        for candidate in (word, lemma):
            for emoji in _emoji_of(language).get(candidate or "", ()):
                found.setdefault(emoji, candidate)
    return found
