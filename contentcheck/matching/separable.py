"""Dutch separable verbs split across a sentence: ``het dak stortte gisteren in`` is instorten.

In a main clause the particle of a separable verb (in, uit, neer, terug, om...) stands at the
end of the clause, words after the finite verb: ``er brak brand uit``, ``de dader stak twee
mensen neer``. The lexicon knows the finite forms of the base verb (``lemmas.separable_parts``)
and the particle as two units; a match needs the verb form first, then the particle within
``WINDOW`` words in the same sentence. Many particles are prepositions too (``in de kelder``,
``breek het brood in stukken``), so the particle must end its clause: the sentence ends after
it, or a preposition or conjunction starts the next phrase (``stortte bijna neer van de
drukte``, ``stak twee mensen neer op de markt``). A conjunction between the verb and the
particle starts another clause (``steek de kaarsjes aan en zet ze neer`` is no neersteken).
Known misses: a coordinated object (``roept kaas en melk terug``) and a particle followed by
an adverb (``viel de stroom uit gisteren``).
"""

from __future__ import annotations

import re

from contentcheck.matching.spans import Occurrence

WINDOW = 10  # leaves from the verb form to its particle
SENTENCE_END = re.compile(r"[.!?;:\n\r]")
# a particle ends its clause: the sentence ends, or a new phrase or clause begins after it
FOLLOWERS = frozenset("""
van in op bij met naar voor door aan om uit over onder tegen achter na tot sinds rond
langs zonder tijdens vanwege via en maar want of dus omdat toen terwijl zodat nadat waarna
doordat als hoewel zoals
""".split())
# ... en ... word pairs that are fixed expressions: af en toe, op en neer, in en uit
PAIRED = frozenset("toe neer uit af aan weer in op".split())
# a new clause between the verb and the particle: the particle is not the verb's
CLAUSE_BREAK = frozenset("en maar want omdat toen terwijl zodat nadat waarna doordat".split())
_WORD = re.compile(r"\w+")
_NEXT = re.compile(r"[ \t]*(\w+)?")


def _ends_clause(text: str, end: int) -> bool:
    """Does the particle ending at ``end`` close its clause?"""
    following = _NEXT.match(text, end)
    word = following.group(1) if following else None
    if not word:
        return True  # end of text, punctuation, an emoji, a hashtag
    word = word.lower()
    if word == "en":
        after = _NEXT.match(text, following.end())
        if after and after.group(1) and after.group(1).lower() in PAIRED:
            return False  # af en toe, op en neer
    return word in FOLLOWERS


def chains(text: str, verbs: list[Occurrence], particles: list[Occurrence]
           ) -> list[tuple[Occurrence, Occurrence]]:
    """(verb form, particle) pairs of one separable verb in a text, one per verb form."""
    found = []
    for verb in verbs:
        for particle in particles:
            if not 0 < particle.first - verb.last <= WINDOW:
                continue
            between = text[verb.end:particle.start]
            if SENTENCE_END.search(between) or any(
                    w.lower() in CLAUSE_BREAK for w in _WORD.findall(between)):
                continue
            if not _ends_clause(text, particle.end):
                continue
            found.append((verb, particle))
            break
    return found
