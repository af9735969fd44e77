"""English closed compounds of an English crisis term: *airplane* for ``plane``, *wildfire* for
``fire``, *firefighters* for ``fire``.

English writes a compound closed once it is established, so nearly every closed compound is
in the vocabulary; being frequent says nothing about its meaning (Dutch ``compounds.lexicalised``
does not carry over). What does is the head, the last part: an airplane is a plane, a wildfire
a fire, so a term that is the head is a hit (``compound-en``, pause). A term in front names
what the compound is about, not what it is: a firefighter is no fire, a fireplace no fire
either, but during a fire both may be about it, so that is a loose reading (review). A
compound that is a verb of its own (*brainstorming*, *backfired*, *troubleshooting*: the
vocabulary has its -ed or -ing form) has drifted from its head: loose too. English particles
(``down``, ``out``) head no compound a crisis means (*countdown*, *lockdown*, *workout*): they
get none. Everything is judged on the parts with the vocabulary and lemma data of
contentcheck/data/, one pair of lookups per split point, cached per word by the lexicon.
"""

from __future__ import annotations

from collections.abc import Mapping

from contentcheck.matching.compounds import MIN_PART, SHORT_WORDS, vocabulary

PART_RANK = 30_000  # the other part must be an English word this frequent (wild, air, fighters)
HEAD = "compound-en"  # the term is the head: airplane, wildfire
OWN_VERB = "compound-en-verb"  # the compound is a verb of its own: brainstorm, backfire
MODIFIER = "compound-en-modifier"  # the term in front: firefighters, fireplace


def takes_compounds(norm: str) -> bool:
    """Can this English term word be part of an English compound? A content word of 3+
    letters of the English vocabulary; no function word or particle."""
    from contentcheck.matching.forms import FUNCTION_WORDS
    from contentcheck.matching.readings import ENGLISH_PARTICLES

    return (norm.isalpha() and len(norm) >= MIN_PART and norm in vocabulary("en")
            and norm not in FUNCTION_WORDS and norm not in SHORT_WORDS
            and norm not in ENGLISH_PARTICLES)


def _part(word: str) -> bool:
    """Is ``word`` the other part of an English compound: an English content word."""
    from contentcheck.matching.forms import FUNCTION_WORDS

    return (len(word) >= MIN_PART and vocabulary("en").get(word, 1 << 30) < PART_RANK
            and word not in FUNCTION_WORDS and word not in SHORT_WORDS)


def _own_verb(whole: str) -> bool:
    """Is the compound (or the lemma it is a form of) a verb in its own right: an -ed or -ing
    form of it in the English vocabulary, from the lemma table or the regular rule
    (brainstorming, backfired, troubleshooting)? An airplane, a gunshot are no verbs."""
    from contentcheck.matching.lemmas import lemma_of, table

    english = vocabulary("en")
    lemma = lemma_of(whole, "en") or whole
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {whole, stem + "ed", stem + "ing", *table("en").groups.get(lemma, ())[1:]}
    return any(form.endswith(("ed", "ing")) and form in english for form in forms)


def _english_word(whole: str) -> bool:
    """Not a Dutch word that happens to end with the term: more frequent in English, or new."""
    dutch_rank = vocabulary("nl").get(whole)
    return dutch_rank is None or vocabulary("en").get(whole, 1 << 30) < dutch_rank


def _own_word(whole: str, other: str) -> bool:
    """Is ``whole`` more frequent than the other part it would be made of? Then it is a word
    of its own, no compound (important is no import + ant, device no dev + ice); a compound
    is rarer than its parts (airplane, wildfire, fireplace)."""
    english = vocabulary("en")
    return english.get(whole, 1 << 30) < english.get(other, 1 << 30)


def splits(word: str, heads: Mapping[str, list[int]], modifiers: Mapping[str, list[int]]
           ) -> list[tuple[int, tuple[int, int], str]]:
    """``(unit, span of the term's part, rule)`` for the English compounds ``word`` is of a
    term's head forms (``heads``: plane, planes) or of a term in front (``modifiers``)."""
    found: list[tuple[int, tuple[int, int], str]] = []
    if not _english_word(word):
        return found
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        left, right = word[:cut], word[cut:]
        units = heads.get(right, ())
        if units and _part(left) and not _own_word(word, left):
            rule = OWN_VERB if _own_verb(word) else HEAD
            found += [(uid, (cut, len(word)), rule) for uid in units]
        units = modifiers.get(left, ())
        if units and _part(right) and not _own_word(word, right):
            found += [(uid, (0, cut), MODIFIER) for uid in units]
    return found
