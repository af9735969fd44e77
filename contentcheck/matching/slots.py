"""The slot in a phrase: an article or possessive stands for any other.

``"van het dak"`` is about the roof whoever it belongs to: ``van zijn dak``, ``van hun dak``,
``van een dak``. In a quoted phrase, a word of ``SLOT`` matches any word of ``SLOT`` at that
place (Dutch and English together: posts mix them). The class is small on purpose: articles
and possessive determiners only, never nouns, numbers or demonstratives (``die``, ``deze``
would let "die dag" stand for "de dag"). Forms with an apostrophe (m'n, z'n, 't) are read as
two words and fill no slot. ``explain`` names a slot word as ``slot``.

A crisis phrase of three words or more also lets a post put words *in*: an article or
possessive right before one of the phrase's content words (``"ramen en deuren dicht"``: *ramen
en je deuren dicht*), and one adverb of ``ADVERBS`` right before its last word (*ramen en
deuren maar dicht*): how people write an instruction. Only these two small classes, one word
each place, so the phrase keeps its words and their order.
"""

from __future__ import annotations

SLOT = frozenset("""
de het een mijn je jouw zijn haar ons onze hun uw jullie
the a an my your his her its our their
""".split())

# adverbs a post puts before the last word of an instruction (doe de ramen maar dicht, keep
# windows well shut): softeners and intensifiers, never a negation (niet, geen, not)
ADVERBS = frozenset("""
maar even snel nu goed wel ook alvast gewoon allemaal helemaal stevig extra direct meteen
all now well quickly tightly firmly securely properly fully
""".split())
