"""Crisis words inside the compounds people write the day after (found by a QA pass)."""

from __future__ import annotations

import pytest

from contentcheck.matching.matcher import Matcher
from contentcheck.records import Severity
from contentcheck.matching.terms import parse_terms


@pytest.mark.parametrize("term,word", [
    ("ongeluk", "verkeersongeluk"),      # linking s: verkeer + s + ongeluk
    ("ongeluk", "verkeersongelukken"),
    ("brandweer", "brandweerman"),       # a long term takes a short word after it
    ("bomen", "bomenkap"),
    ("trein", "treinrit"),
    ("trein", "kersttrein"),
])
def test_compounds_of_crisis_words(term: str, word: str) -> None:
    matcher = Matcher.compile(parse_terms(term, origin="t", list_name="t", category="crisis",
                                          severity=Severity.CRISIS, crisis=True))
    assert [m.matched for m in matcher.find(f"Na het {word} van gisteren", language="nl")] == [word]


@pytest.mark.parametrize("term,word", [("hel", "helpen"), ("hel", "helling"), ("bom", "bomen"),
                                       ("reet", "discreet")])
def test_short_terms_still_need_a_longer_word(term: str, word: str) -> None:
    matcher = Matcher.compile(parse_terms(term, origin="t", list_name="t", category="x",
                                          severity=Severity.MEDIUM))
    assert matcher.find(f"Wij {word} graag", language="nl") == []
