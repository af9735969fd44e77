"""The slot in a phrase: an article or possessive stands for any other.

``"van het dak"`` is about the roof whoever it belongs to: ``van zijn dak``, ``van hun dak``,
``van een dak``. In a quoted phrase, a word of ``SLOT`` matches any word of ``SLOT`` at that
place (Dutch and English together: posts mix them). The class is small on purpose: articles
and possessive determiners only, never nouns, numbers or demonstratives (``die``, ``deze``
would let "die dag" stand for "de dag"). Forms with an apostrophe (m'n, z'n, 't) are read as
two words and fill no slot. ``explain`` names a slot word as ``slot``.
"""

from __future__ import annotations

SLOT = frozenset("""
de het een mijn je jouw zijn haar ons onze hun uw jullie
the a an my your his her its our their
""".split())
