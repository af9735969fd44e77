"""A fast language guess for a post: Dutch, English, or unknown.

Word lists are per language (``brand`` is fire in Dutch, a brand in English), so each post
needs a language before its terms are chosen. Posts are short and mixed, so a full detector
buys little; counting frequent function words that exist in only one of the two languages is
cheap (a few microseconds) and right for the posts a calendar holds. Unknown (``None``) means
every list applies: a missed hit is worse than an extra one to review.

A detected language only keeps out the terms that mean something else in it (``brand``): posts
mix languages ("Moordend goede deals this weekend"), so a word that only Dutch has is looked
for in an English post too, and the other way round (``left_out_of``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from contentcheck.matching.compounds import vocabulary

# A word among this many most frequent words of a language is a word of it. Further down, the
# vocabulary (wordfreq counts web and subtitle text) is mostly the other language quoted or
# borrowed (murder, shooting and killing in Dutch text; dood, kut, bom in English text). With
# this cut, no shipped term let into posts of the other language matches a word of that
# language's 50,000 most frequent other than itself (tests/test_language.py checks it).
SHARED_RANK = 10_000
OTHER = {"nl": "en", "en": "nl"}
# the end of a translated term's list name when it is a word of both languages (bridge, a card
# game in Dutch too): it is looked for only in posts detected as its own language
OWN_POSTS = {"nl": " (Dutch posts only)", "en": " (English posts only)"}

DUTCH = frozenset("""
de het een van en niet op te dat die voor met zijn maar ook als bij nog wel naar uit dan
hebben heeft wordt worden kan kun kunt moet deze dit wat hoe waar wij jij jouw jullie onze
ons mijn zij hun ze geen meer dus omdat toch even heel veel nieuwe nieuw vandaag morgen
gisteren nu alle alles hier daar wie welke zo echt gaan gaat komt komen doen bent ben zien
tot over onder door tegen zonder tussen na om er al ik je u uw mee zeker graag lekker
allemaal fijne fijn welkom bestel bekijk ontdek snel korting gratis bezorgd winkel
""".split())
ENGLISH = frozenset("""
the and of to for with that this are be you your our were have has will would
can could should not but from by they them their what when where who how which there here
out about more new just get now all today tomorrow yesterday it's its we're don't shop
free off than then only also very really some any every into under after before
my he she his her us an at as or if so no yes do does did been being make made
happy everyone everything order discover store welcome join chance off delivery
""".split()) - DUTCH
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def detect(text: str) -> str | None:
    """``"nl"``, ``"en"`` or None when the text gives no clear sign."""
    words = _WORD.findall(text.lower())
    dutch = sum(map(DUTCH.__contains__, words))  # the two sets share no word
    english = sum(map(ENGLISH.__contains__, words))
    if dutch == english:
        return None
    if dutch >= 2 * english + 1:
        return "nl"
    if english >= 2 * dutch + 1:
        return "en"
    return None


def left_out_of(term_language: str | None, words: Iterable[str] | None) -> str | None:
    """The post language a term is not used for, or None: a Dutch term is left out of an
    English post only when every word of it is an English word too (``brand``, ``"in brand"``),
    because there it would mean something else, and no loan word that means the same in both
    (``hack``, ``down``: ``loans``); ``slachtprijzen`` and ``moordend`` exist only in
    Dutch and are found in an English post as well. ``words`` None (a regular expression, whose
    words cannot be told) keeps the term to posts in its own language."""
    other = OTHER.get(term_language) if term_language else None
    if other is None or words is None:
        return other
    from contentcheck.matching.loans import same_in_both

    ranks = vocabulary(other)
    for word in words:
        rank = ranks.get(word)
        if rank is None or rank >= SHARED_RANK or same_in_both(word):
            return None  # a word of the term's language only, or a loan word (hack, down)
    return other


def word_language(word: str) -> str | None:
    """The language a word mostly belongs to by frequency (``forms.home_languages``), or
    None when it is common in both or in neither (brand, storm, a name)."""
    from contentcheck.matching.forms import home_languages

    homes = home_languages(word, None, vocabulary("nl"), vocabulary("en"))
    return homes[0] if len(homes) == 1 else None


def guess_languages(terms: list[list[str] | None]) -> list[str | None]:
    """The language of each crisis term (its words; None for a regular expression).

    A term whose words all belong to one language gets that language (``steekpartij`` is
    Dutch, ``stabbing`` English). A term of both languages (``brand``, ``storm``, a place)
    gets the language of the other terms when they are all of one language: in a Dutch file,
    ``brand`` is fire, and an English post about "our brand" is not paused for it (see
    ``left_out_of``). When the terms are of both languages, the team writes in both, and such
    a term applies to every post. A loan word (``down`` in a Dutch file, ``loans``) tells
    nothing of the team's language and is left out of that vote. ``@language`` in the file
    overrides the guess.
    """
    own: list[str | None] = []
    for words in terms:
        found = {word_language(w) for w in words} if words else {None}
        own.append(found.pop() if len(found) == 1 else None)
    from contentcheck.matching.loans import same_in_both

    # a loan word says nothing of the team's language: a Dutch team types down and hack too
    decided = {language for language, words in zip(own, terms)
               if language and not all(same_in_both(w) and w in vocabulary(OTHER[language])
                                       for w in words)}
    single = decided.pop() if len(decided) == 1 else None
    return [language or (single if words else None) or (_crisis_side(words) if words else None)
            for language, words in zip(own, terms)]


def _crisis_side(words: list[str]) -> str | None:
    """For a word of both languages when the other terms tell no one language (typed alone,
    or among terms of both): the language in which it names a crisis, when the NL<->EN table
    (``wordlists/kits/translations.tsv``) has it on one side only: ``brand`` is fire there,
    so ``--term brand`` alone leaves "Our brand is built on trust" alone (its translation
    ``fire`` finds the English posts); ``storm``, on both sides, and a word the table lacks
    (``flat``) stay in every post."""
    if len(words) != 1:
        return None
    sides = [language for language, crisis_words in _table_sides().items()
             if words[0] in crisis_words]
    return sides[0] if len(sides) == 1 else None


@lru_cache(maxsize=1)
def _table_sides() -> dict[str, frozenset[str]]:
    """The one-word crisis words of each side of the shipped NL<->EN table, a side that only
    translates into the other (``rook`` nl>en: smoke never finds *rook*) counted too."""
    from importlib.resources import files

    text = files("contentcheck.wordlists").joinpath("kits", "translations.tsv").read_text("utf-8")
    sides: dict[str, set[str]] = {"nl": set(), "en": set()}
    for line in text.splitlines():
        parts = line.split("\t")
        if line.startswith("#") or len(parts) < 2:
            continue
        for language, word in zip(("nl", "en"), parts):
            word = word.strip().casefold()
            if word and " " not in word:
                sides[language].add(word)
    return {language: frozenset(words) for language, words in sides.items()}
