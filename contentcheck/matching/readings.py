"""Context that turns a crisis term's hit into a loose reading: the same letters, another word.

A word can be two words: Dutch ``rook`` is smoke and also a form of *roken* (ik rook: I smoke)
and the past of *ruiken* (het rook naar soep: it smelled of soup); English ``down`` is an
outage (the app is down) and a mood or a direction (calm down, slow down); ``Boom!`` alone is
the English interjection, not a Dutch tree. Only the words right around the hit can tell, so
these rules look at the neighbours of a hit in the original text. Each turns a hit into a loose
reading (review rather than pause: ``index.LOOSE``), never drops it, so a person still looks.

The rules are for crisis terms of one word, decided once per term when the terms are compiled
(``term_readings``); per post only a hit of such a term is looked at again (``reread``).
"""

from __future__ import annotations

import re

from contentcheck.matching.compounds import vocabulary
from contentcheck.matching.language import SHARED_RANK
from contentcheck.matching.lemmas import is_verb, lemma_of, noun_verbs, table

# subject pronouns: right before or after a finite verb form (ik rook, het rook, rook jij).
# Not ``je`` before the word (je rook: your smoke), and ``het`` before it only for a word the
# lemma table knows as a verb form alone (het rook; het vuur is the fire, vuur a lemma too)
_SUBJECTS = frozenset("ik jij hij zij ze we wij jullie u men".split())
_SUBJECTS_AFTER = _SUBJECTS | {"je", "het"}
# English adverb particles whose crisis sense is a state (the site is down, the power is out)
ENGLISH_PARTICLES = frozenset("down out off up over".split())
# the verbs that say a thing is in that state: is down, went down, stays out (``s``: it's down)
_STATE_VERBS = frozenset("""
is are was were be been being am s go goes going went gone stay stays stayed still
""".split())

_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+$")
_AFTER = re.compile(r"[ \t]+([^\W\d_]+)")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“‘(\n])[ \t]*$")

VERB_FORM, PARTICLE, EXCLAMATION = "verb-form", "particle", "exclamation"
ADDRESSED = "separable-you"
# the reader as the subject: viel je om van verbazing? stort jij je geld in?
_YOU = frozenset("je jij u".split())


def verb_of_form(word: str) -> str | None:
    """The Dutch verb whose first person a term word also is (rook -> roken, brand ->
    branden, storm -> stormen), by the lemma table, or None."""
    lemma = lemma_of(word, "nl")
    if lemma and lemma.endswith("en") and is_verb(lemma) and word + "t" in table("nl").groups[lemma]:
        return lemma
    verbs = noun_verbs(word)
    return verbs[0] if verbs else None


def term_readings(word: str, languages: tuple[str, ...], other_language: str | None
                  ) -> frozenset[str]:
    """Which of the context rules apply to a one-word crisis term (folded ``word``, the
    languages whose forms it gets, the post language it is left out of)."""
    rules = set()
    if "nl" in languages and word.isalpha() and verb_of_form(word):
        rules.add(VERB_FORM)
    if "en" in languages and word in ENGLISH_PARTICLES:
        rules.add(PARTICLE)
    if other_language == "en" and vocabulary("en").get(word, 1 << 30) < SHARED_RANK:
        rules.add(EXCLAMATION)
    return frozenset(rules)


def _neighbours(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """The words right before and after a span in the same clause (only blanks between)."""
    before, after = _BEFORE.search(text, 0, start), _AFTER.match(text, end)
    return (before.group(1).lower() if before else None, after.group(1).lower() if after else None)


def reread(rules: frozenset[str], text: str, start: int, end: int, norm: str) -> str | None:
    """The loose rule a hit of the bare term word (``norm``) at ``start:end`` takes in its
    context, or None when the context says nothing."""
    before, after = _neighbours(text, start, end)
    if VERB_FORM in rules and (
            before in _SUBJECTS or after in _SUBJECTS_AFTER
            or (before == "het" and norm not in table("nl").groups)):
        return VERB_FORM  # het rook naar soep, ik brand van verlangen, rook jij?
    if PARTICLE in rules and before is not None and before not in _STATE_VERBS \
            and _english_only(before):
        return PARTICLE  # calm down, slow down; not: the app is down, de site ligt down
    if EXCLAMATION in rules and text[end:end + 1] == "!" and (
            _SENTENCE_START.search(text, 0, start) is not None):
        return EXCLAMATION  # Boom! Nieuwe laagste prijs
    return None


def addressed(text: str, start: int, end: int) -> bool:
    """Is the verb form at ``start:end`` said to the reader (je, jij, u right before or after
    it)? A crisis post tells what happened to someone; a split verb addressed to the reader
    (*viel je om van verbazing?*, *stort jij je geld in?*) is a figure of speech or an
    invitation, so such a separable reading is loose."""
    before, after = _neighbours(text, start, end)
    return before in _YOU or after in _YOU


def _english_only(word: str) -> bool:
    """A word of English that Dutch does not share (feeling, calm), by frequency."""
    english, dutch = vocabulary("en"), vocabulary("nl")
    rank = english.get(word)
    return rank is not None and 3 * rank < dutch.get(word, 1 << 30)


# how ``explain`` says why a context rule took a hit (after "verb-form: 'rook' ")
CONTEXT = {
    VERB_FORM: lambda word: f"next to a subject: the verb {verb_of_form(word) or '?'} "
                            "(or another verb's past), not the noun",
    PARTICLE: lambda word: "after a word of English that is no 'is'/'went': a particle "
                           "in another sense (calm down), not a state",
    EXCLAMATION: lambda word: "alone with '!': the English interjection",
}
