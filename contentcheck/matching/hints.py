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


VERB_RANK = 20_000  # a verb's past or participle this frequent: the word is a living verb too


def plural_hints(terms: TermSet) -> list[str]:
    """One line per crisis term typed in the plural of a real word whose singular is not a
    term as well: a word (``treinen``; ``auto's``; ``kinderen``, ``schepen`` by the lemma
    table), or a phrase that ends in one (``"dodelijke slachtoffers"``). A capitalised word is
    the word unless it names a place (``Huizen``, ``Bergen``); a singular kept out on purpose
    (``!slachtoffer``) gets no note; a word that is a verb as well (``lekken``, ``branden``)
    is not called a plural; a singular a scan adds for review (``aanslag``) is said so."""
    from contentcheck.matching.singulars import (everyday_words, is_singular, singular_of,
                                                 typed_as_word)

    present = set()
    typed = []
    for term in terms.terms:
        try:
            pattern = pattern_of(term)
        except ValueError:
            continue
        if pattern.kind == "regex" or any(w.any_before or w.any_after or w.emoji
                                          for w in pattern.words):
            continue
        norms = tuple(w.norm for w in pattern.words)
        if term.crisis:
            present.add(" ".join(norms))
        typed.append((term, norms))
    hints = []
    for term, norms in dict((term.text, (term, norms)) for term, norms in typed).values():
        text = term.text
        if not term.crisis or term.origin.startswith(SHIPPED) or is_singular(term):
            continue  # a kit's word is curated: its singular belongs in the kit, not in a hint;
            # a singular the scan added was typed by nobody (verdachte, of verdachten)
        apostrophe = len(norms) == 2 and norms[1] == "s" and text.endswith(("'s", "’s"))
        if len(norms) == 1 or apostrophe:  # auto's is the word auto + 's
            if not typed_as_word(text, norms[0]):
                continue
            bases = sorted(({norms[0]} if apostrophe else singular_bases(norms[0], term.language))
                           - present - terms.exceptions)
            if not bases:
                continue
            singular = " or ".join(f"'{base}'" for base in bases)
            if not apostrophe and mostly_verb(norms[0]):
                hints.append(f"crisis term '{text}' is a verb, and the plural of {singular}: it "
                             f"finds {text} and the verb's forms, not {singular}; add that as a "
                             "term if the noun is meant too")
            elif singular_of(term) in everyday_words() and singular_of(term) == bases[0]:
                hints.append(f"crisis term '{text}' is a plural: its singular {singular} has "
                             "an everyday sense too, so a post with the singular goes to review, "
                             "not pause; add that as a term to pause on it")
            else:
                hints.append(f"crisis term '{text}' is a plural: it finds {text} and its forms, "
                             f"not {singular}; add that as a term to find the singular too")
        elif len(norms) > 1 and norms[-1].isalpha():  # "dodelijke slachtoffers"
            bases = sorted(base for base in singular_bases(norms[-1], term.language)
                           if " ".join((*norms[:-1], base)) not in present)
            if bases:
                singular = " or ".join(f"'{base}'" for base in bases)
                hints.append(f"crisis term '{text}' ends in a plural: it finds {text}, not the "
                             f"singular ({singular}); add the phrase in the singular as a term "
                             "to find it too")
    return hints


def singular_bases(norm: str, language: str | None) -> set[str]:
    """The singular(s) a typed plural word stands for: by the rules (``forms.base_words``:
    treinen -> trein), else by the Dutch lemma table for a plural the rules do not make
    (kinderen -> kind, schepen -> schip, winkels -> winkel); never a verb form's infinitive
    (liepen is no plural of lopen)."""
    from contentcheck.matching.compounds import vocabulary
    from contentcheck.matching.forms import base_words
    from contentcheck.matching.lemmas import is_verb, lemma_of, table

    bases = base_words(norm, language, vocabulary("nl"), vocabulary("en"))
    if bases or language == "en" or not norm.endswith(("en", "s")) or len(norm) <= 4:
        return bases
    lemma = lemma_of(norm, "nl")
    if lemma and lemma != norm and len(lemma) >= 3 and not is_verb(lemma) \
            and norm in table("nl").groups[lemma]:
        return {lemma}
    return set()


def mostly_verb(norm: str) -> bool:
    """Is a typed Dutch plural a living verb as well (lekken: gelekt; branden: brandde), not
    only a plural that the table also lists as a rare verb (treinen: getreind)?"""
    from contentcheck.matching.compounds import vocabulary
    from contentcheck.matching.lemmas import is_verb, table

    if not is_verb(norm):
        return False
    dutch = vocabulary("nl")
    return any(dutch.get(form, 1 << 30) < VERB_RANK for form in table("nl").groups[norm][1:]
               if form.startswith("ge") or form.endswith(("de", "te")))


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
