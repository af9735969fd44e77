"""The term engine: term files and their grammar -> compiled matchers -> matches in a text.

This is the package's one face; code outside ``matching`` imports from here, never from the
modules inside, so the engine can change shape without touching its callers. Names are
loaded when first used (PEP 562), so importing the face costs nothing until a scan needs it.

- ``TermSet``, ``parse_terms``, ``parse_pattern``, ``load_crisis_file``,
  ``crisis_terms_from_cli``, ``read_text_file``, ``read_line``: the term grammar (``terms``),
  parsed in one place (``read_line`` tells a comment from a hashtag term);
- ``Checker``: the crisis terms and the word lists compiled together, each with its
  exceptions (``checker``); ``Matcher``: one compiled term set (``matcher``);
- ``detect``: a post's language, ``word_language``: a word's (``language``);
  ``vocabulary``: the word list that tells a real compound from a false split (``compounds``);
- ``lemma_of``: a word form's lemma in the lemma table (``lemmas``);
- ``plural_hints``, ``term_notes``: notes on crisis terms typed in a form that misses others,
  and on lines that could be read two ways (``hints``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_FACE = {
    "TermSet": "terms", "parse_terms": "terms", "parse_pattern": "terms",
    "load_crisis_file": "terms", "crisis_terms_from_cli": "terms", "read_text_file": "terms",
    "one_line_term": "terms", "split_term_lists": "terms", "with_list_warnings": "terms",
    "Checker": "checker", "Matcher": "matcher", "detect": "language", "vocabulary": "compounds",
    "plural_hints": "hints", "term_notes": "hints", "read_line": "terms",
    "word_language": "language", "lemma_of": "lemmas",
}
__all__ = sorted(_FACE)

if TYPE_CHECKING:
    from contentcheck.matching.checker import Checker
    from contentcheck.matching.compounds import vocabulary
    from contentcheck.matching.hints import plural_hints, term_notes
    from contentcheck.matching.language import detect, word_language
    from contentcheck.matching.lemmas import lemma_of
    from contentcheck.matching.matcher import Matcher
    from contentcheck.matching.terms import (TermSet, crisis_terms_from_cli, load_crisis_file,
                                             one_line_term, parse_pattern, parse_terms,
                                             read_line, read_text_file, split_term_lists,
                                             with_list_warnings)


def __getattr__(name: str) -> Any:
    if name not in _FACE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_FACE[name]}"), name)
    globals()[name] = value
    return value
