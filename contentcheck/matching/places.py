"""A place's people and adjective for a crisis term naming a town: ``Meppel`` -> *Meppeler(s)*,
*Meppelse*; ``Zutphen`` -> *Zutphenaren*; ``Hoofddorp`` -> *Hoofddorpers*.

Which ending a town takes (-er, -aar, -enaar, -der; Groninger, Zwollenaar, Meppelder) is
usage, not a rule, so the forms come from data: contentcheck/data/places-nl.txt, derived from
OpenTaal's word list by tools/make_places.py (one line per name, ``name form form ...``; a form
that is a word of its own, such as *kamper* for ``Kampen``, is left out there). A name the data
does not hold falls back on the rule of ``lemmas.place_people`` (-er, -ers, and for -en names
the adjective), which adds nothing for a word either lemma table knows. Read on first use.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files


@lru_cache(maxsize=None)
def _places() -> dict[str, str]:
    """Folded place name -> its line of the data (split when asked for)."""
    text = (files("contentcheck") / "data" / "places-nl.txt").read_text("utf-8")
    return {line[:line.find(" ")]: line for line in text.splitlines() if " " in line}


def people(word: str) -> set[str]:
    """The inhabitants and adjective forms of the place ``word`` names (folded), if it is
    one: from the data, else by the rule for a name no lemma table knows."""
    from contentcheck.matching.lemmas import place_people

    line = _places().get(word)
    if line is not None:
        return set(line.split()[1:])
    return place_people(word)
