"""The form a Dutch noun with an -eren plural takes in front of a compound: kind -> kinder|fiets.

A handful of old Dutch nouns make their plural with -eren (kinderen, runderen, eieren,
kalveren, liederen, beenderen), and in front of a compound they keep that -er: *kinderfiets*,
*kinderopvang*, *rundergehakt*, *eierkoek*, *kalverliefde*, *beendermeel*. A crisis term
``kinderen`` (a school-bus crash) or ``rund`` (a meat recall) means those compounds as much
as *kindvriendelijk* or *rundvlees*; the plain compound rules only know the word itself and a
linking s, e or en. Which nouns take -eren is the lemma table's knowledge (simplemma), never
guessed: the front is the table's -eren plural without its -en. The front is only a compound's
first part, never a word alone (*Kinder* is a chocolate brand), and the rest of the word must
be a compound part as for any compound (``compounds.compound_ok``).
"""

from __future__ import annotations

from functools import lru_cache

from contentcheck.matching.lemmas import lemma_of, table


@lru_cache(maxsize=4096)
def er_fronts(word: str) -> set[str]:
    """The -er front of a Dutch noun term word (kind, kinderen -> kinder; rund -> runder; ei
    -> eier), from its lemma's -eren plural in the lemma table; none for an adjective (goed ->
    goederen is another word) or a noun whose plural only ends in -eren (ader -> aderen)."""
    groups = table("nl").groups
    lemma = word if word in groups and lemma_of(word, "nl") is None else lemma_of(word, "nl")
    if not lemma or lemma not in groups or len(lemma) < 2:
        return set()
    forms = groups[lemma]
    if any(form.endswith(("st", "ste")) for form in forms[1:]):
        return set()  # an adjective with a superlative: goed, goedst
    return {form[:-2] for form in forms[1:]
            if form.endswith("eren") and len(form) > len(lemma) + 2 and form[:-2] != lemma
            and form[:len(lemma) - 1] == lemma[:-1]}
