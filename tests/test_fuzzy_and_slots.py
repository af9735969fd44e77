"""One typo in a long crisis word; articles and possessives in a phrase slot.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from contentcheck.matching.fuzzy import MIN_LENGTH, one_edit
from contentcheck.matching.matcher import Matcher
from contentcheck.matching.terms import parse_terms
from contentcheck.records import Severity
from tests.test_morphology import crisis_matcher

FUZZY = [
    ("overstroming", "De overstorming van de Maas.", True),   # swap
    ("overstroming", "Na de overstoming bleef het nat.", True),  # one letter out
    ("overstroming", "Een overstromming in het dorp.", True),  # one letter in
    ("overstroming", "De overstrqming was zwaar.", True),  # one letter wrong
    ("explosie", "Een exlposie in de haven.", True),
    ("explosie", "Een explossie in de haven.", True),
    ("steekpartij", "Na de steekparij op het plein.", True),
    ("aardbeving", "Een aardbeveing in Groningen.", True),
    ("evacuation", "The evacutaion of the town.", True),
    ("hurricane", "The huricane hit the coast.", True),
    ("earthquake", "An earthqauke shook the city.", True),
    ("overstroming", "De overstromingen van vorig jaar.", True),  # a form, not fuzzy
    # quiet: real words one edit away, two edits, short words
    ("overstroming", "Overstromend water in de kelder.", False),
    ("explosie", "Een explosief feest!", True),  # no typo: the adjective, derived (derivations.py)
    ("explosie", "Een exploosje.", False),
    ("brandweer", "Brandwerend glas in de aanbieding.", False),
    ("steekpartij", "Een steekpartijtje? Nee, een taartje.", True),  # a diminutive form
    ("aardbeving", "Aardbevingsbestendig bouwen.", True),  # a compound
    ("aardbeving", "Aardbeien uit eigen kas.", False),
    ("evacuation", "Evaluation of our service.", False),
    ("hurricane", "Hurricanes and cocktails.", True),  # a form
    ("vluchten", "Vlechten in je haar.", False),  # 8 letters but a word
    ("storm", "Een sturm in een glas water.", False),  # short words get no typo
    ("explosie", "Een xeplosie? Twee letters om.", True),  # a swap at the start
    ("explosie", "Een ekspolsie.", False),  # two edits
]


@pytest.mark.parametrize(("term", "text", "expected"), FUZZY)
def test_fuzzy(term: str, text: str, expected: bool) -> None:
    assert bool(crisis_matcher(term).find(text)) == expected, (term, text)


def test_fuzzy_is_shown_and_pauses() -> None:
    (finding,) = crisis_matcher("overstroming").explain("De overstorming.")[0]
    assert finding.rule == "fuzzy" and "one typo" in finding.detail
    assert finding.match.loose is None  # a typo a reader understands is the same word


def test_word_lists_get_no_fuzzy_matching() -> None:
    lists = Matcher.compile(parse_terms("overstroming", origin="t", list_name="t",
                                        category="x", severity=Severity.HIGH))
    assert lists.find("De overstorming.") == []


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("explosie", "exlposie", True), ("explosie", "explosi", True), ("explosie", "explosiee", True),
    ("explosie", "explosje", True), ("explosie", "explosie", False), ("explosie", "ekspolsie", False),
    ("abcdefgh", "bacdefgh", True), ("abcdefgh", "abcdefhg", True), ("abcdefgh", "abcdefghij", False),
])
def test_one_edit(a: str, b: str, expected: bool) -> None:
    assert one_edit(a, b) == expected and one_edit(b, a) == expected


def test_min_length() -> None:
    assert MIN_LENGTH == 8


SLOTS = [
    ('"van het dak"', "Hij viel van zijn dak.", True),
    ('"van het dak"', "Ze vielen van hun dak af.", True),
    ('"van het dak"', "Sneeuw glijdt van het dak.", True),
    ('"van het dak"', "Een pan viel van een dak.", True),
    ('"van het dak"', "Van m\'n dak, dat was schrikken.", False),  # m'n is read as two words
    ('"van het dak"', "Van dak tot dak.", False),
    ('"van het dak"', "Van zijn kant.", False),
    ('"van het dak"', "Van het dakje van de schuur.", True),  # a form of dak
    ('"van het dak"', "Van die dak is niets over.", False),  # demonstratives are no slot
    ('"in de rij"', "Sta jij ook in je rij?", True),
    ('"uit de bocht"', "Hij vloog uit zijn bocht.", True),
    ('"on the road"', "Back on our road again.", True),
    ('"on the road"', "On the long road home.", False),
    ('"the end of the world"', "It is the end of their world.", True),
    ('"the end of the world"', "The end of a world.", True),
    ('"the end of the world"', "End of the world.", False),
    ('"code rood"', "Code rood in Zeeland.", True),  # two words: no slot needed
    # words put in (held-out miss class): an article or possessive before a content word of
    # the phrase, one adverb of a small list before its last word; crisis phrases only
    ('"ramen en deuren dicht"', "Doe je ramen en je deuren maar dicht.", True),
    ('"ramen en deuren dicht"', "Houd ramen en de deuren dicht vanavond.", True),
    ('"ramen en deuren dicht"', "Doe de ramen en deuren even dicht.", True),
    ('"ramen en deuren dicht"', "Ramen en deuren goed dicht, de rook trekt over.", True),
    ('"ramen en deuren dicht"', "Ramen en deuren niet dicht doen.", False),  # no negation
    ('"ramen en deuren dicht"', "Ramen en lekker veel deuren dicht.", False),
    ('"ramen en deuren dicht"', "Ramen en deuren zijn vaak dicht.", False),  # two words in
    ('"keep windows closed"', "Keep your windows closed tonight.", True),
    ('"keep windows closed"', "Keep windows tightly closed tonight.", True),
    ('"keep windows closed"', "Keep windows never closed.", False),
    ('"blijf binnen vandaag"', "Blijf maar binnen vandaag.", False),  # an adverb goes last only
]


@pytest.mark.parametrize(("term", "text", "expected"), SLOTS)
def test_slots(term: str, text: str, expected: bool) -> None:
    assert bool(crisis_matcher(term).find(text)) == expected, (term, text)


def test_slot_is_named_in_explain() -> None:
    (finding,) = crisis_matcher('"van het dak"').explain("Van zijn dak gevallen")[0]
    assert "slot: 'zijn'" in finding.detail


def test_a_word_list_phrase_takes_no_words_in() -> None:
    from contentcheck.matching.matcher import Matcher
    from contentcheck.matching.terms import parse_terms
    from contentcheck.records import Severity

    listed = Matcher.compile(parse_terms('"ramen en deuren dicht"', origin="t", list_name="t",
                                         category="x", severity=Severity.MEDIUM))
    assert listed.find("Houd ramen en deuren dicht.")
    assert not listed.find("Doe je ramen en je deuren maar dicht.")
