"""A place's people and adjective for a crisis term naming a town: ``Meppel`` -> *Meppeler(s)*,
*Meppelse*; ``Zutphen`` -> *Zutphenaren*; ``Hoofddorp`` -> *Hoofddorpers*.

Which ending a town takes (-er, -aar, -enaar, -der; Groninger, Zwollenaar, Meppelder) is
usage, not a rule, so the forms come from data: contentcheck/data/places-nl.txt, derived from
OpenTaal's word list by tools/make_places.py (one line per name, ``name form form ...``; a form
that is a word of its own, such as *kamper* for ``Kampen``, is left out there). A name the data
does not hold falls back on the rule of ``lemmas.place_people`` (-er, -ers, and for -en names
the adjective), which adds nothing for a word either lemma table knows. Read on first use.

OpenTaal lacks the irregular names (*Gouwenaar* for Gouda, *Hagenaar* for Den Haag,
*Dordtenaar*, *Lelystedeling*) and has no entry for a name of several words: those come from a
small table curated by hand after the Taalunie's geographical names,
contentcheck/data/places-irregular-nl.txt (``name<TAB>forms``), keyed by the name's letters
(``Den Haag``, ``'s-Hertogenbosch``: denhaag, shertogenbosch), so a term of several words finds
them too (``people_of_name``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib.resources import files

from contentcheck.text import fold

_NOT_A_LETTER = re.compile(r"[^a-z]")


def name_key(words: Iterable[str]) -> str:
    """A place name's key: its folded letters, without spaces or signs (Den Haag -> denhaag,
    's-Hertogenbosch -> shertogenbosch)."""
    return _NOT_A_LETTER.sub("", fold(" ".join(words)))


@lru_cache(maxsize=None)
def _irregular() -> dict[str, frozenset[str]]:
    """Name key -> the forms of the curated table of irregular and multi-word names."""
    text = (files("contentcheck") / "data" / "places-irregular-nl.txt").read_text("utf-8")
    found: dict[str, frozenset[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, forms = line.partition("\t")
            found[name_key([name])] = frozenset(forms.split())
    return found


def people_of_name(words: Iterable[str]) -> frozenset[str]:
    """The people and adjective of a place name of several words (den haag -> hagenaars), from
    the curated table only: no rule guesses the people of a phrase."""
    return _irregular().get(name_key(words), frozenset())


@lru_cache(maxsize=None)
def _places() -> dict[str, str]:
    """Folded place name -> its line of the data (split when asked for)."""
    text = (files("contentcheck") / "data" / "places-nl.txt").read_text("utf-8")
    return {line[:line.find(" ")]: line for line in text.splitlines() if " " in line}


def is_place(word: str) -> bool:
    """Does the folded ``word`` name a place of the data (huizen, bergen, gouda)?"""
    return word in _places() or word in _irregular()


def people(word: str) -> set[str]:
    """The inhabitants and adjective forms of the place ``word`` names (folded), if it is
    one: from the data, else by the rule for a name no lemma table knows."""
    from contentcheck.matching.lemmas import place_people

    line = _places().get(word)
    irregular = _irregular().get(word)
    if line is not None:
        return set(line.split()[1:]) | (irregular or set())
    if irregular is not None:
        return set(irregular)  # gouda: the curated table, no rule
    return place_people(word)


def adjective_of_its_own(word: str) -> set[str]:
    """The -se form the inflection rule gives a Dutch word (Amsterdam -> Amsterdamse) when it
    is the -e form of an adjective the lemma table lists as its own lemma, with a comparative
    (schot -> Schotse, of Schots: Scottish; engel -> Engelse, pool -> Poolse, dood -> doodse,
    deathly): a word of its own, no form of the noun. A place's own adjective (Haagse,
    Nederlandse, from the place data) stays its form."""
    from contentcheck.matching.lemmas import table

    form = word + "se"
    adjective = table("nl").groups.get(word + "s", ())
    if form not in adjective or not any(f.endswith(("st", "ste")) for f in adjective) \
            or form in people(word):
        return set()
    return {form}


def other_places(forms: Iterable[str], word: str) -> set[str]:
    """The -e and -se forms the inflection rule gives ``word`` that are another place and its
    adjective (brug -> brugge, brugse: Bruges and its adjective, no forms of a bridge): words of
    their own. A plural in -en that is a town (bergen, huizen, kampen) is a real form and
    stays."""
    data = _places()
    found = {form for form in forms if form != word and form.endswith("e") and form in data}
    return found | ({word + "se"} & set(forms) if found else set())  # Brugse: of Brugge
