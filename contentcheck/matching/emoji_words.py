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

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib.resources import files


SEVERAL = frozenset("en met and with".split())  # a name that joins several things
# a name that places one thing on or in another (heart on fire, person in tuxedo, cat with
# smiling eyes): its last word is not what it shows, so it heads no family
PLACED = SEVERAL | frozenset("on in of behind".split())


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


@lru_cache(maxsize=1)
def _english_entries() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """(emoji -> its English CLDR name's words, emoji -> its keywords), emoji folded as a term
    is (no variation selector or skin tone)."""
    from contentcheck.text import fold_emoji

    names: dict[str, tuple[str, ...]] = {}
    keywords: dict[str, tuple[str, ...]] = {}
    text = (files("contentcheck") / "data" / "emoji-words-en.txt").read_text("utf-8")
    for line in text.splitlines():
        emoji, name, words = line.split("\t")
        if name.split():
            names[fold_emoji(emoji)] = tuple(name.split())
        keywords[fold_emoji(emoji)] = tuple(words.split())
    return names, keywords


FAMILY_SIZE = 4  # a head that names more emoji is a word of many things (face, heart, cloud)


def family(emoji: str) -> tuple[str, ...]:
    """The other emoji of a typed emoji's family (🚂 locomotive -> 🚆 train, 🚄 train, 🚅 bullet
    train): a typed 🚂 during a train crash means them too. One of the family is headed (its
    CLDR name's last word) by the emoji's own name's head or by a keyword of it that is the
    whole name of two emoji or more (🚂's *train*: 🚆 and 🚄 are named so), shares two keywords with it (railway, train), joins no several
    things (🍴 fork and knife) and has a head that names few emoji: 🚉 railway station and 🚒
    fire engine are headed by what they are, a station and an engine."""
    names, keywords = _english_entries()
    own = names.get(emoji)
    if not own or PLACED.intersection(own):
        return ()
    named = Counter(name[0] for name in names.values() if len(name) == 1)
    family_names = {word for word, count in named.items() if count >= 2}  # 🚆 and 🚄: train
    heads = {own[-1]} | (set(keywords.get(emoji, ())) & family_names)
    headed: dict[str, list[str]] = defaultdict(list)
    for other, name in names.items():
        if name[-1] in heads and not PLACED.intersection(name):
            headed[name[-1]].append(other)
    mine = set(keywords.get(emoji, ()))
    return tuple(sorted(other for group in headed.values() if len(group) <= FAMILY_SIZE
                        for other in group if other != emoji
                        and len(mine.intersection(keywords.get(other, ()))) >= 2))
