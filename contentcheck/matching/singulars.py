"""A Dutch crisis term typed in the plural also finds its singular.

Under pressure people type ``slachtoffers`` or ``overstromingen``; a term finds its own forms,
so *het eerste slachtoffer* and *overstroming* were missed and the person only got a note
("is a plural: add the singular"). On the development corpus, adding the singulars of the
typed plurals paused two more posts at unchanged precision (bench/README.md).

The singular is added only where it cannot be another word: a Dutch word (English ``lives``
is not ``live``), not a place's name (``Huizen``, ``Bergen`` are towns; ``Slachtoffers``
typed first or capitalised by a phone is the word), that the lemma table does not hold as a
lemma of its own (``doden`` is to kill, not ``dood`` as in doodgewoon; ``treinen``,
``vlammen`` are verbs too: those keep the note), whose singular the table holds, is no verb's
form (``gegevens`` is no ``gegeven``: given) and whose forms give back the typed word. Everything else keeps the note.

A singular with an everyday sense of its own asks for review, not pause: ``aanslagen`` (the
attacks) finds *de aanslag op het station*, but also *je voorlopige aanslag* (a tax bill)
and *kalkaanslag*. Everyday is what the shipped data says: the Dutch side of a one-way
``nl>en`` pair of the translation table (aanslag, ongeluk, ramp, spoor: ``attack`` never
finds *aanslag*), or a word the shipped lists guard with an exception phrase (``!voorlopige
aanslag``, ``!per ongeluk``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from contentcheck.matching.terms import TermSet, parse_pattern, pattern_of, read_line
from contentcheck.records import Severity, Term

MARK = ": singular of "  # in a singular's list name: "slachtoffer: singular of 'slachtoffers'"


def typed_as_word(text: str, norm: str) -> bool:
    """Is a term typed with capitals the word rather than a name? In lower case always; with
    a capital or in capitals (``Slachtoffers``: typed first, or a phone's autocapitalise)
    unless it names a place (``Huizen``, ``Bergen``)."""
    from contentcheck.matching.places import is_place

    return text == text.lower() or not is_place(norm)


@lru_cache(maxsize=1)
def everyday_words() -> frozenset[str]:
    """Dutch words with an everyday sense of their own, by the shipped data (see the module):
    read from the translation table and the lists as data (they sit a layer above)."""
    from importlib.resources import files

    shipped = files("contentcheck.wordlists")
    found: set[str] = set()
    for line in (shipped / "kits" / "translations.tsv").read_text("utf-8").splitlines():
        columns = line.split("\t")
        if len(columns) >= 3 and not line.startswith("#") and "nl>en" in columns[2].split():
            found.add(columns[0].strip().lower())
    for entry in shipped.iterdir():
        if entry.name.endswith(".txt"):
            for line in entry.read_text("utf-8").splitlines():
                exception = read_line(line).text
                if exception.startswith("!") and " " in exception:
                    found.update(exception[1:].lower().split())
    return frozenset(found)


def singular_of(term: Term) -> str | None:
    """The singular a typed Dutch plural crisis term stands for, or None (see the module)."""
    from contentcheck.matching.compounds import vocabulary
    from contentcheck.matching.forms import base_words
    from contentcheck.matching.lemmas import is_verb, lemma_of, table, table_forms

    if not term.crisis or term.language not in ("nl", None):
        return None
    try:
        pattern = pattern_of(term)
    except ValueError:
        return None
    if pattern.kind != "word" or pattern.words[0].any_before or pattern.words[0].any_after:
        return None
    norm = pattern.words[0].norm
    if not typed_as_word(term.text, norm):
        return None
    dutch, english = vocabulary("nl"), vocabulary("en")
    groups = table("nl").groups
    if norm in groups or norm in english:
        return None
    bases = [base for base in base_words(norm, "nl", dutch, english)
             if base in groups and norm in table_forms(base, "nl").forms
             and not is_verb(lemma_of(base, "nl") or "")]  # gegeven: also given, of geven
    return bases[0] if len(bases) == 1 else None


def singular_pairs(typed: TermSet, known: Iterable[Term] = (), dropped: Iterable[str] = ()
                   ) -> list[tuple[Term, Term]]:
    """(typed plural, its singular) for the typed crisis terms, each singular a crisis term
    naming the plural it stands for (a review word, not crisis, for an everyday word:
    ``everyday_words``); one the crisis has already, names as an exception (``!slachtoffer``)
    or has dropped (``crisis remove``: a kit word or a singular), is left out."""
    seen = ({term.text.lower() for term in (*typed.terms, *known)} | set(typed.exceptions)
            | {word.strip().strip('"').casefold() for word in dropped})
    pairs = []
    for term in typed.terms:
        singular = singular_of(term)
        if singular and singular not in seen:
            seen.add(singular)
            added = replace(term, text=singular, pattern=parse_pattern(singular),
                            suggestion=None,
                            list_name=f"{term.list_name}, {singular}{MARK}'{term.text}'")
            if singular in everyday_words():  # aanslag: also a tax bill, limescale
                added = replace(added, crisis=False, severity=Severity.HIGH)
            pairs.append((term, added))
    return pairs


def singular_terms(typed: TermSet, known: Iterable[Term] = (), dropped: Iterable[str] = ()
                   ) -> tuple[TermSet, TermSet]:
    """The singulars of ``singular_pairs`` as a scan adds them: (crisis terms, review
    words)."""
    added = [singular for _, singular in singular_pairs(typed, known, dropped)]
    return (TermSet(tuple(term for term in added if term.crisis)),
            TermSet(tuple(term for term in added if not term.crisis)))


def is_singular(term: Term) -> bool:
    """Whether a crisis term was made here (its list name names the plural it stands for)."""
    return MARK in term.list_name
