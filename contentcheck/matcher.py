"""Compiled matcher: TermSet x text -> Match records with spans.

PLACEHOLDER (issue 3 replaces it with the real engine, same public API): a plain word matches
the word and the forms that start with it; case and diacritics are ignored.
"""

from __future__ import annotations

import unicodedata

import regex

from contentcheck.records import Match, Post
from contentcheck.terms import TermSet


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class Matcher:
    """Finds every term of a TermSet in a text; compile once, use for every post."""

    def __init__(self, termset: TermSet) -> None:
        self._termset = termset
        self._patterns = [
            (term, regex.compile(r"(?<!\w)" + regex.escape(_fold(term.text).rstrip("*")) + r"\w*",
                                 regex.IGNORECASE))
            for term in termset.terms
        ]

    @classmethod
    def compile(cls, termset: TermSet) -> "Matcher":
        return cls(termset)

    def find(self, text: str, field: str = "text", language: str | None = None) -> list[Match]:
        """Every match in one text; spans point into ``text`` itself."""
        folded = "".join(_fold(c) or c for c in text)
        if len(folded) != len(text):  # keep spans honest in the placeholder
            folded = text.casefold() if len(text.casefold()) == len(text) else text
        found: list[Match] = []
        for term, pattern in self._patterns:
            for hit in pattern.finditer(folded):
                word = hit.group(0)
                if word in self._termset.exceptions:
                    continue
                found.append(Match(term=term.text, matched=text[hit.start():hit.end()],
                                   field=field, start=hit.start(), end=hit.end(),
                                   list_name=term.list_name, category=term.category,
                                   severity=term.severity, crisis=term.crisis,
                                   suggestion=term.suggestion))
        return sorted(found, key=lambda m: (m.start, m.end))

    def match_post(self, post: Post) -> list[Match]:
        """Matches in every text-bearing field of a post."""
        found: list[Match] = []
        for post_field in post.fields:
            found.extend(self.find(post_field.text, post_field.name))
        return found
