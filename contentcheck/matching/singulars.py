"""A Dutch crisis term typed in the plural also finds its singular.

Under pressure people type ``slachtoffers`` or ``overstromingen``; a term finds its own forms,
so *het eerste slachtoffer* and *overstroming* were missed and the person only got a note
("is a plural: add the singular"). On the development corpus, adding the singulars of the
typed plurals paused two more posts at unchanged precision (bench/README.md).

The singular is added only where it cannot be another word: a Dutch word (English ``lives``
is not ``live``), typed in lower case (``Huizen``, ``Bergen`` are towns), that the lemma
table does not hold as a lemma of its own (``doden`` is to kill, not ``dood`` as in
doodgewoon; ``treinen``, ``vlammen`` are verbs too: those keep the note), whose singular the
table holds and whose forms give back the typed word. Everything else keeps the note.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from contentcheck.matching.terms import TermSet, parse_pattern, pattern_of
from contentcheck.records import Term

MARK = ": singular of "  # in a singular's list name: "slachtoffer: singular of 'slachtoffers'"


def singular_of(term: Term) -> str | None:
    """The singular a typed Dutch plural crisis term stands for, or None (see the module)."""
    from contentcheck.matching.compounds import vocabulary
    from contentcheck.matching.forms import base_words
    from contentcheck.matching.lemmas import table, table_forms

    if not term.crisis or term.language not in ("nl", None) or term.text != term.text.lower():
        return None
    try:
        pattern = pattern_of(term)
    except ValueError:
        return None
    if pattern.kind != "word" or pattern.words[0].any_before or pattern.words[0].any_after:
        return None
    norm = pattern.words[0].norm
    dutch, english = vocabulary("nl"), vocabulary("en")
    groups = table("nl").groups
    if norm in groups or norm in english:
        return None
    bases = [base for base in base_words(norm, "nl", dutch, english)
             if base in groups and norm in table_forms(base, "nl").forms]
    return bases[0] if len(bases) == 1 else None


def singular_pairs(typed: TermSet, known: Iterable[Term] = (), dropped: Iterable[str] = ()
                   ) -> list[tuple[Term, Term]]:
    """(typed plural, its singular) for the typed crisis terms, each singular a crisis term
    naming the plural it stands for; one the crisis has already, names as an exception
    (``!slachtoffer``) or has dropped (``crisis remove``: a kit word or a singular), is left
    out."""
    seen = ({term.text.lower() for term in (*typed.terms, *known)} | set(typed.exceptions)
            | {word.strip().strip('"').casefold() for word in dropped})
    pairs = []
    for term in typed.terms:
        singular = singular_of(term)
        if singular and singular not in seen:
            seen.add(singular)
            pairs.append((term, replace(
                term, text=singular, pattern=parse_pattern(singular), suggestion=None,
                list_name=f"{term.list_name}, {singular}{MARK}'{term.text}'")))
    return pairs


def singular_terms(typed: TermSet, known: Iterable[Term] = (), dropped: Iterable[str] = ()
                   ) -> TermSet:
    """The singulars of ``singular_pairs`` as the crisis terms a scan adds."""
    return TermSet(tuple(singular for _, singular in singular_pairs(typed, known, dropped)))


def is_singular(term: Term) -> bool:
    """Whether a crisis term was made here (its list name names the plural it stands for)."""
    return MARK in term.list_name
