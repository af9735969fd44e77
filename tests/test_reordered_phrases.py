"""A quoted crisis phrase of an adjective and a noun said the other way round (issue 11):
``"hoog water"`` in *het water staat hoog*. Narrow on purpose: see contentcheck/matching/reordered.py.

Every sentence here was written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from contentcheck.matching import Matcher, TermSet, parse_terms
from contentcheck.records import Severity
from tests.conftest import run
from tests.helpers_detection import PAUSE, QUIET, REVIEW
from tests.test_detection_readings import crisis


def verdict(terms: TermSet, text: str) -> str:
    """pause / review / quiet for the term's hits in ``text`` (a pause wins)."""
    found = Matcher.compile(terms).find(text)
    if not found:
        return QUIET
    return PAUSE if any(m.loose is None for m in found) else REVIEW


# (phrase, term language, sentence, verdict)
ROWS = [
    # the noun, a linking verb, the adjective said of it: the same thing as the phrase
    ('"hoog water"', "nl", "Het water staat hoog in de uiterwaarden", PAUSE),
    ('"hoog water"', "nl", "Bij Lobith staat het water vanavond hoog.", PAUSE),  # verb first
    ('"hoog water"', None, "Het water staat nog steeds erg hoog", PAUSE),
    ('"hoog water"', "nl", "Vanavond staat water in de kelders hoog", PAUSE),
    ('"hoog water"', "nl", "Het water staat nu hoger dan in 1995", PAUSE),
    ('"hoog water"', "nl", "Het water blijft hoog, de veerpont vaart niet", PAUSE),
    ('"zachte kaas"', "nl", "Deze kaas is lekker zacht", PAUSE),
    ('"zachte kaas"', "nl", "De kaas blijft zacht tot de laatste plak", PAUSE),
    ('"high water"', "en", "The water is high along the whole river", PAUSE),
    ('"high water"', "en", "The water remains high tonight", PAUSE),
    ('"heavy rain"', "en", "The rain was heavy all night", PAUSE),
    ('"zware storm"', "nl", "De storm was zwaar", PAUSE),
    # the phrase in its own order, as before
    ('"hoog water"', "nl", "Hoog water in Venlo", PAUSE),
    ('"zachte kaas"', "nl", "Wij roepen onze zachte kazen terug", PAUSE),
    # the adjective of another noun, or before one: no linking verb after the noun
    ('"hoog water"', "nl", "Drink genoeg water bij hoge temperaturen", QUIET),
    ('"hoog water"', "nl", "Het water stijgt in hoog tempo", QUIET),
    ('"hoog water"', "nl", "De waterprijzen zijn hoog", QUIET),
    ('"high water"', "en", "Water prices are high this year", QUIET),
    ('"high water"', "en", "Drink water at high altitude", QUIET),
    ('"zachte kaas"', "nl", "Kaas met een zachte korst", QUIET),
    # another clause between them
    ('"hoog water"', "nl", "Het water is koud en hoog is de golf", QUIET),
    ('"hoog water"', "nl", "Water is er genoeg. Hoog tijd voor een ijsje", QUIET),
    ('"hoog water"', "nl", "Het water is helder, hoog in de bergen", QUIET),
    ('"high water"', "en", "The water is warm and high tide is at six", QUIET),
    # too far apart
    ('"hoog water"', "nl", "Het water staat in de hele regio vandaag opvallend hoog", QUIET),
    # the adjective inside a longer phrase of its own
    ('"hoog water"', "nl", "Het water is hoog nodig voor de planten", QUIET),
    # no adjective first: a noun phrase keeps its order
    ('"code oranje"', "nl", "De code is oranje", QUIET),
    ('"storm ciara"', "nl", "Ciara is een storm", QUIET),
    # a function word keeps its order
    ('"niet betalen"', "nl", "Betalen is niet mogelijk", QUIET),
    ('"te laat"', "nl", "Laat de was te drogen hangen", QUIET),
    # a verb before the noun that is no linking verb
    ('"hoog water"', "nl", "Drink het water hoog in de bergen", QUIET),
    # a Dutch subordinate clause puts its verb last (held-out miss class)
    ('"hoog water"', "nl", "Als het water hoog staat, blijft de veerpont liggen.", PAUSE),
    ('"hoog water"', "nl", "Zolang het water nog steeds hoog staat gaan de dijken niet open", PAUSE),
    ('"hoog water"', "nl", "We sluiten de winkel omdat het water te hoog is.", PAUSE),
    ('"hoog water"', "nl", "Als water hoger komt te staan, bellen we je.", QUIET),  # no linking verb right after
    ('"zachte kaas"', "nl", "Omdat de kaas te zacht is, halen we hem terug.", PAUSE),
    ('"zachte kaas"', "nl", "Wanneer deze kaas zacht wordt, eet hem dan snel op.", PAUSE),
    ('"hoog water"', "nl", "Als het water hoog tempo maakt in de pan, zet het vuur lager.", QUIET),
    ('"hoog water"', "nl", "Als de prijzen van water hoog zijn, drink dan thee.", QUIET),
    ('"hoog water"', "nl", "Als het water hoog en droog is, gaan we weer open.", QUIET),
]


@pytest.mark.parametrize(("term", "language", "text", "expected"), ROWS)
def test_reordered_phrase(term: str, language: str | None, text: str, expected: str) -> None:
    assert verdict(crisis(term, language=language), text) == expected


def test_word_lists_keep_the_order() -> None:
    """A list's phrases are idioms: turned round they mean something else."""
    listed = parse_terms('"hoog water"', origin="l", list_name="l", category="weather",
                         severity=Severity.HIGH, language="nl")
    assert Matcher.compile(listed).find("Het water staat hoog") == []


def test_explain_names_the_reversed_reading(tmp_path: Path) -> None:
    terms = tmp_path / "hoogwater.txt"
    terms.write_text('"hoog water"\n', encoding="utf-8")
    result = run("explain", "Het water staat hoog bij de stuw", "--crisis", terms,
                 "--no-shipped-lists")
    assert result.exit_code == 0, result.output
    assert "'water staat hoog' at 4-20" in result.output
    assert "reversed: 'hoog' said of the word before it, 'hoog water' the other way round" \
        in result.output
    assert "(a two-word phrase the other way round, in one clause)" in result.output
    assert "PAUSE" in result.output
