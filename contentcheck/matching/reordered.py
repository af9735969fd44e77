"""A quoted crisis phrase of an adjective and a noun, said the other way round: ``"hoog water"``
in *het water staat hoog*, ``"zachte kaas"`` in *deze kaas is zacht*.

Dutch and English put an adjective before its noun (*hoog water*) or, said of it, after the
noun and a verb (*het water staat hoog*, *the water is high*): the same thing. A quoted phrase
keeps its order otherwise, so the rule is narrow: a crisis phrase of exactly two words, the
first an adjective (its lemma has a superlative in the lemma table: hoog -> hoogst, high ->
highest) and the second no adjective; the noun (any of its forms) first, then the adjective in
a form said of a noun (hoog, hoger, hoogst; never the inflected *hoge*, which stands before
another noun: *water bij hoge temperaturen*), at most ``GAP`` words later, a linking verb right
after the noun (*staat*, *is*, *blijft*, *remains*: *water prices are high* is about prices) or
right before it or its article (*bij Lobith staat het water hoog*), in
one clause (no sentence end, comma or conjunction between), and the adjective closing its clause (the text
ends, or punctuation, a preposition or a conjunction follows: *het water staat hoog in de
uiterwaarden*; not *het water stijgt in hoog tempo*). In a Dutch subordinate clause the verb
goes last: a word such as *als* or *omdat* right before the noun or its article, and a linking
verb right after the adjective, which ends the clause (*als het water hoog staat*). Noun phrases (``"code oranje"``) and
phrases with a function word (``"niet betalen"``) are never turned round: their order is
their meaning. Crisis terms only; word lists hold idioms (*killer deal* is no *deal killer*).
"""

from __future__ import annotations

import re

from contentcheck.matching.forms import FUNCTION_WORDS
from contentcheck.matching.separable import CLAUSE_BREAK, FOLLOWERS
from contentcheck.matching.spans import Occurrence

GAP = 4  # words at most between the noun and its adjective (het water staat nog steeds erg hoog)
RULE = "reversed"
_BREAK = re.compile(r"[.!?;:,\n\r]")
_WORD = re.compile(r"\w+")
_NEXT = re.compile(r"[ \t]*(\w+)?")
ARTICLES = frozenset("het de the".split())
ENGLISH_BREAK = frozenset("and but or because while when so".split())
# an adjective said of its noun ends the clause: a preposition, conjunction or time may follow
ENGLISH_FOLLOWERS = frozenset("""
in on at across along near around after since for with and but or because as today tonight
now again here there throughout all than dan
""".split())
# the verb right after the noun that says the adjective of it (het water staat hoog, the
# water is high); without one, the adjective belongs to another noun (water prices are high)
LINKING = frozenset("""
is zijn was waren staat staan stond stonden blijft blijven bleef bleven wordt worden werd
werden lijkt lijken leek leken ligt liggen lag lagen raakt raken raakte raakten
are were remains remain remained stays stay stayed gets get got looks look seems seem keeps
keep runs run ran be been
""".split())


def _superlative(lemma: str, forms: tuple[str, ...]) -> bool:
    return any(form != lemma and form.startswith(lemma[:-1]) and form.endswith(("st", "est"))
               for form in forms)


def predicative(word: str, languages: tuple[str, ...]) -> frozenset[str]:
    """The forms in which ``word`` is said of a noun after it, if it is an adjective (its
    lemma has a superlative): the lemma, comparative and superlative (hoog, hoger, hoogst;
    high, higher, highest); empty for any other word."""
    from contentcheck.matching.lemmas import lemma_of, table

    for language in languages:
        lemma = lemma_of(word, language) or word
        forms = table(language).groups.get(lemma, ())
        if forms and _superlative(lemma, forms):
            return frozenset({lemma} | {f for f in forms if f.endswith(("er", "st", "est"))
                                         and not f.endswith("ster")})
    return frozenset()


def reversible(words: list[str], languages: tuple[str, ...]) -> frozenset[str]:
    """The adjective's predicative forms when a phrase of these words may be turned round
    (``"hoog water"``), else empty."""
    if len(words) != 2 or not all(w.isalpha() for w in words) \
            or any(w in FUNCTION_WORDS for w in words):
        return frozenset()
    adjective, noun = words
    if predicative(noun, languages):
        return frozenset()
    return predicative(adjective, languages)


def _closes_clause(text: str, end: int) -> bool:
    following = _NEXT.match(text, end)
    word = following.group(1) if following else None
    return not word or word.lower() in FOLLOWERS or word.lower() in ENGLISH_FOLLOWERS


_BEFORE = re.compile(r"(\w+)[ \t]+(?:(\w+)[ \t]+)?$")


def _verb_before(text: str, start: int) -> bool:
    """A linking verb right before the noun, or before its article: the clause turned round
    (*bij Lobith staat het water hoog*)."""
    found = _BEFORE.search(text, 0, start)
    if not found:
        return False
    first, last = found.group(1).lower(), (found.group(2) or "").lower()
    return last in LINKING or (first in LINKING and last in ("", *ARTICLES))


# Dutch words that open a subordinate clause, whose verb goes last: als het water hoog staat
SUBORDINATORS = frozenset("""
als wanneer omdat doordat zodat terwijl nu dat zolang voordat nadat zodra tenzij hoewel
indien mits zoals
""".split())
_DETERMINERS = ARTICLES | frozenset("deze dit die onze ons".split())


def _subordinate(text: str, start: int, end: int) -> bool:
    """A Dutch subordinate clause: a word such as *als* or *omdat* right before the noun or its
    article, and a linking verb right after the adjective, last in the clause (*als het water
    hoog staat*, *omdat de kaas te zacht is*, *zolang het water hoog staat gaan we niet open*)."""
    found = _BEFORE.search(text, 0, start)
    if not found:
        return False
    words = [w.lower() for w in found.groups() if w]
    if not (words[-1] in SUBORDINATORS
            or (len(words) == 2 and words[0] in SUBORDINATORS and words[1] in _DETERMINERS)):
        return False
    verb = _NEXT.match(text, end)  # the clause's last word: the main clause may follow at once
    return bool(verb and verb.group(1) and verb.group(1).lower() in LINKING)


def chains(text: str, nouns: list[Occurrence], adjectives: list[Occurrence]
           ) -> list[tuple[Occurrence, Occurrence]]:
    """(noun, adjective) pairs: the noun, then its adjective said of it in the same clause."""
    found = []
    for noun in nouns:
        for adjective in adjectives:
            if not 0 < adjective.first - noun.last <= GAP + 1:
                continue
            between = text[noun.end:adjective.start]
            words = [w.lower() for w in _WORD.findall(between)]
            if _BREAK.search(between) or any(w in CLAUSE_BREAK or w in ENGLISH_BREAK
                                             for w in words):
                continue
            if _subordinate(text, noun.start, adjective.end):  # als het water hoog staat
                found.append((noun, adjective))
                break
            if not (words and words[0] in LINKING or _verb_before(text, noun.start)):
                continue
            if _closes_clause(text, adjective.end):
                found.append((noun, adjective))
                break
    return found
