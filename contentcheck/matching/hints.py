"""Hints about crisis terms as typed: a plural whose singular is not found.

Under pressure people type ``--term treinen`` or ``--term slachtoffers``. Where the singular
cannot be another word, a scan adds it (``singulars.py``: slachtoffer); elsewhere adding it
would be wrong as often as right (``Huizen`` and ``Bergen`` are towns, ``doden`` is not
``dood``-as-in-doodgewoon, ``treinen`` is a verb too, ``lives`` is not ``live``), so the person
is told and decides: "add the term 'trein' to find the singular too".
"""

from __future__ import annotations

from collections.abc import Iterator

from contentcheck.matching.terms import TermSet, WordSpec, pattern_of
from contentcheck.records import Term


SHIPPED = "wordlists/"  # the origin of a shipped kit's terms (kits.shipped_kits)


def plural_hints(terms: TermSet) -> list[str]:
    """One line per crisis term typed in the plural of a real word whose singular is not a
    term as well. A capitalised term is the word unless it names a place (Huizen, Bergen)."""
    from contentcheck.matching.compounds import vocabulary
    from contentcheck.matching.forms import base_words
    from contentcheck.matching.singulars import typed_as_word

    words = {}
    for term in terms.terms:
        try:
            pattern = pattern_of(term)
        except ValueError:
            continue
        if pattern.kind == "word" and not (pattern.words[0].any_before or pattern.words[0].any_after):
            words[term.text] = (term, pattern.words[0].norm)
    present = {norm for _, norm in words.values()}
    dutch, english = vocabulary("nl"), vocabulary("en")
    hints = []
    for text, (term, norm) in words.items():
        if not term.crisis or not typed_as_word(text, norm) or term.origin.startswith(SHIPPED):
            continue  # a kit's word is curated: its singular belongs in the kit, not in a hint
        # a singular named as an exception (!slachtoffer) is kept out on purpose: no note
        bases = sorted(base_words(norm, term.language, dutch, english) - present
                       - terms.exceptions)
        if bases:
            singular = " or ".join(f"'{base}'" for base in bases)
            hints.append(f"crisis term '{text}' is a plural: it finds {text} and its forms, "
                         f"not {singular}; add that as a term to find the singular too")
    return hints


def _one_word_crisis_terms(terms: TermSet) -> Iterator[tuple[Term, WordSpec]]:
    """The crisis terms of one word (a wildcard too), each with its word; a term that cannot
    be read is left to the error that names it."""
    for term in terms.terms:
        if not term.crisis:
            continue
        try:
            pattern = pattern_of(term)
        except ValueError:
            continue
        if pattern.kind == "word":
            yield term, pattern.words[0]


def left_out_forms(terms: TermSet) -> list[str]:
    """One line per crisis term whose lemma table gave forms that were left out as junk
    (``lemmas.table_forms``): they are not added silently, the person sees which and why."""
    from contentcheck.matching.compounds import vocabulary
    from contentcheck.matching.forms import FUNCTION_WORDS, home_languages
    from contentcheck.matching.lemmas import table_forms

    notes = []
    for term, word in _one_word_crisis_terms(terms):
        if word.any_before or word.any_after:
            continue
        norm = word.norm
        if len(norm) <= 2 or norm in FUNCTION_WORDS or not norm.isalpha():
            continue
        left_out: dict[str, str] = {}
        for language in home_languages(norm, term.language, vocabulary("nl"), vocabulary("en")):
            left_out.update(table_forms(norm, language).left_out)
        # only forms a person would recognise as the term's own (brands, shot); a table entry
        # such as "sta" for "station" is noise to them, left out without a word
        left_out = {form: why for form, why in left_out.items()
                    if form[:3] == norm[:3] and len(form) >= len(norm) - 2}
        # never advise a form of the other language (brands for the Dutch brand, bust for
        # bussen): followed, it would find that language's word
        left_out = {form: why for form, why in left_out.items()
                    if not why.startswith("a word of ")}
        if left_out:
            why = ", ".join(f"{form} ({reason})" for form, reason in sorted(left_out.items()))
            notes.append(f"crisis term '{term.text}' does not find {why}; "
                         "add a form as a term to find it")
    return notes


def language_hints(terms: TermSet) -> list[str]:
    """One line per one-word crisis term read in one language whose word belongs to the other
    only (a Dutch ``explosie`` under ``@language en``, copied from an English file): it finds
    no post in its own language, and the person would never know."""
    from contentcheck.matching.language import OTHER, word_language

    hints = []
    for term, word in _one_word_crisis_terms(terms):
        if term.language not in OTHER or not word.norm.isalpha():
            continue
        own = word_language(word.norm)
        if own == OTHER[term.language]:
            names = {"nl": "Dutch", "en": "English"}
            hints.append(f"crisis term '{term.text}' is read as {names[term.language]} "
                         f"(@language {term.language}) but is a {names[own]} word: it finds "
                         f"no {names[own]} post; put it under @language {own} or remove "
                         "the @language line")
    return hints


SHORT_STEM = 3  # a wildcard's letters below this reach a large part of the vocabulary


def reach_hints(terms: TermSet) -> list[str]:
    """One line per crisis term of one word that would pause a large part of any calendar:
    a wildcard of one or two letters (``e*``, ``*ion`` is fine, ``*s`` is not) or a function
    word (``en``, ``the``: ``--term @en`` read as the word *en*). Typed in a hurry; the person
    is told which, the term is kept as typed."""
    from contentcheck.matching.forms import FUNCTION_WORDS

    hints = []
    for term, word in _one_word_crisis_terms(terms):
        if word.emoji:
            continue
        if (word.any_before or word.any_after) and len(word.norm) < SHORT_STEM:
            hints.append(f"crisis term '{term.text}' has only {len(word.norm)} letter(s) "
                         "beside its wildcard: it matches a large part of every calendar; "
                         "type more of the word")
        elif not (word.any_before or word.any_after) and word.norm in FUNCTION_WORDS:
            hints.append(f"crisis term '{term.text}' is a word of nearly every post "
                         f"('{word.norm}'); was it meant as a term? (a language goes after "
                         "a term: 'train @en')")
    return hints


def term_notes(terms: TermSet, *, left_out: bool = True) -> list[str]:
    """What to tell the person about the terms as typed: lines that could be read two ways
    (a hashtag or a comment, ``terms.read_line``), plural hints, and (``left_out``) table forms
    left out. The last is for the person choosing terms (``explain``, ``crisis start``); a
    scan's report would repeat it for every run and read as noise ("does not find sta")."""
    return (list(terms.warnings) + plural_hints(terms) + language_hints(terms)
            + reach_hints(terms) + (left_out_forms(terms) if left_out else []))
