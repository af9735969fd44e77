"""Detection, fifth round (issue 11): English compounds, emoji for a crisis term, a separable
verb's stem that is also a noun, and English rule forms that are Dutch words.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contentcheck.matching import Matcher, parse_terms
from contentcheck.matching.compounds import vocabulary
from contentcheck.matching.forms import word_forms
from contentcheck.records import Severity
from tests.conftest import NOW, run, write_csv
from tests.helpers_detection import PAUSE, QUIET, REVIEW, verdict
from tests.test_detection_readings import crisis

# (term, term language, sentence, word, verdict): English closed compounds
ENGLISH_COMPOUNDS = [
    # the term is the head: the compound is a kind of it
    ("plane", "en", "An airplane circled over the harbour all morning", "airplane", PAUSE),
    ("plane", "en", "Two seaplanes landed on the lake", "seaplanes", PAUSE),
    ("plane", "en", "The old biplane is back in the museum", "biplane", QUIET),  # bi: no word
    ("plane", None, "Airplanes were grounded for the night", "airplanes", PAUSE),
    ("fire", "en", "The wildfire has reached the valley", "wildfire", PAUSE),
    ("fire", "en", "Bushfires keep spreading in the east", "bushfires", PAUSE),
    ("fire", "en", "Gunfire was heard near the square", "gunfire", PAUSE),
    ("knife", "en", "He pulled out a penknife", "penknife", PAUSE),
    ("storm", "en", "A thunderstorm hit the coast at dawn", "thunderstorm", PAUSE),
    ("storm", "en", "Snowstorms closed the motorway", "snowstorms", PAUSE),
    ("quake", "en", "The earthquake was felt in three towns", "earthquake", PAUSE),
    # the compound is a verb of its own: its meaning drifted from the head
    ("storm", "en", "Let's brainstorm ideas for the spring menu", "brainstorm", REVIEW),
    ("storm", "en", "Brainstorming session at ten in the studio", "brainstorming", REVIEW),
    ("fire", "en", "Cheap shortcuts always backfire", "backfire", REVIEW),
    ("shooting", "en", "Troubleshooting tips for your new router", "troubleshooting", REVIEW),
    # the term in front: the compound is another thing, about the term
    ("fire", "en", "Thank you, firefighters, for your work", "firefighters", REVIEW),
    ("fire", "en", "Cosy evenings by the fireplace", "fireplace", REVIEW),
    ("fire", "en", "Fireworks are not allowed in the park", "fireworks", REVIEW),
    ("pay", "en", "Payday treats in every store", "payday", REVIEW),
    # particles head no compound a crisis means; no part, no compound
    ("down", "en", "The countdown to the sale has started", "countdown", QUIET),
    ("down", "en", "A breakdown of this week's prices", "breakdown", QUIET),
    ("out", "en", "A quick workout before breakfast", "workout", QUIET),
    ("plane", "en", "The planet is warming", "planet", QUIET),
    ("plane", "en", "Our explanation of the new rules", "explanation", QUIET),
    ("fire", "en", "Sapphire earrings on sale", "sapphire", QUIET),
    ("knife", "en", "Knitwear for the winter", "knitwear", QUIET),
    # a word more frequent than its other part is a word of its own: no import + ant
    ("ant", "en", "An important update for all members", "important", QUIET),
    ("ice", "en", "Charge your device overnight", "device", QUIET),
    # a Dutch term gets no English compounds: brand is fire in Dutch, firebrand is not brand
    ("brand", "nl", "A real firebrand of a speaker", "firebrand", QUIET),
    ("storm", "nl", "A thunderstorm is coming", "thunderstorm", QUIET),
    # Dutch compounds are judged as before
    ("vliegtuig", "nl", "Het vrachtvliegtuig landde veilig", "vrachtvliegtuig", PAUSE),
    ("brand", "nl", "De brandweer was snel ter plaatse", "brandweer", REVIEW),
]


@pytest.mark.parametrize(("term", "language", "text", "word", "expected"), ENGLISH_COMPOUNDS)
def test_english_compounds(term: str, language: str | None, text: str, word: str,
                           expected: str) -> None:
    assert verdict(crisis(term, language=language), text, word) == expected


def test_english_compounds_are_for_crisis_terms_only() -> None:
    """A word list of thousands of words would take in too many everyday compounds."""
    listed = parse_terms("fire\n", origin="t", list_name="t", category="c",
                         severity=Severity.MEDIUM, language="en")
    assert Matcher.compile(listed).find("The wildfire has reached the valley") == []


# (term, term language, sentence, emoji): an emoji for the term reviews, never pauses
EMOJI = [
    ("vliegtuig", "nl", "Klaar voor vertrek ✈️ onze reiskoffers zijn binnen", "✈️"),
    ("vliegtuig", "nl", "Zomer! 🛫", "🛫"),
    ("plane", "en", "Holiday mode ✈ on", "✈"),
    ("planes", "en", "Ready to go ✈️", "✈️"),
    ("brand", "nl", "Deze deals zijn 🔥", "🔥"),
    ("vuur", "nl", "Heet van de naald 🔥🔥", "🔥"),
    ("vlammen", "nl", "Nieuwe pannen 🔥", "🔥"),
    ("fire", "en", "This weekend is 🔥", "🔥"),
    ("mes", "nl", "Scherpe prijzen 🔪", "🔪"),
    ("knife", "en", "Chef's choice 🔪", "🔪"),
    ("knives", "en", "Cut the price 🔪", "🔪"),
    ("explosie", "nl", "Een knaller van een actie 💣", "💣"),
    ("storm", "nl", "Wat een week 🌪️", "🌪️"),
    ("boom", "nl", "Samen de tuin in 🌳", "🌳"),
]
EMOJI_QUIET = [
    ("mes", "nl", "Eet smakelijk 🍽️"),  # a meal: fork, knife and plate
    ("knife", "en", "Dinner is served 🍴"),  # fork and knife
    ("rook", "nl", "Ons terras: 🚭"),  # smoking is roken, not the smoke of a fire
    ("vliegtuig", "nl", "Op naar zee 🌊"),
    ("brand", "nl", "Nieuwe collectie 👗"),
    ("overstroming", "nl", "Lekker pootjebaden 🌊"),  # no CLDR word of it: no guess
]


@pytest.mark.parametrize(("term", "language", "text", "emoji"), EMOJI)
def test_an_emoji_for_a_crisis_term_is_a_review(term: str, language: str, text: str,
                                               emoji: str) -> None:
    found = [m for m in Matcher.compile(crisis(term, language=language)).find(text)
             if m.matched == emoji]
    assert found and all(m.loose for m in found), found


@pytest.mark.parametrize(("term", "language", "text"), EMOJI_QUIET)
def test_an_emoji_of_another_meaning_stays_quiet(term: str, language: str, text: str) -> None:
    assert Matcher.compile(crisis(term, language=language)).find(text) == []


def test_an_emoji_term_still_pauses() -> None:
    """An emoji typed as a crisis term is meant: it pauses as before."""
    found = Matcher.compile(crisis("✈️", "vliegtuig", language="nl")).find("Vertrek ✈️")
    assert any(m.term == "✈️" and m.loose is None for m in found), found


# a typed emoji finds the other emoji of its family (QA round 7): a review, as an emoji for a word
@pytest.mark.parametrize(("term", "text", "emoji"), [
    ("🚂", "Onze 🚆 rijdt vandaag een kwartier later", "🚆"),
    ("🚂", "Met de 🚄 naar Parijs", "🚄"),
    ("🚂", "Snel thuis met de 🚅", "🚅"),
    ("🚆", "Met de 🚄 naar Parijs", "🚄"),
    ("✈️", "Rondvlucht in een 🛩️", "🛩️"),
])
def test_a_typed_emoji_finds_its_family(term: str, text: str, emoji: str) -> None:
    found = [m for m in Matcher.compile(crisis(term)).find(text) if m.matched == emoji]
    assert found and all(m.loose for m in found), found


@pytest.mark.parametrize(("term", "text"), [
    ("🚂", "Het 🚉 is vandaag open"),          # a station is no train
    ("🔥", "Wij ❤️‍🔥 onze klanten"),       # a heart on fire: a heart
    ("🔪", "Eet smakelijk 🍴"),                 # fork and knife: a meal
    ("☠️", "Halloween 🎃 bij ons in de winkel"),
])
def test_a_typed_emoji_s_family_keeps_out_other_things(term: str, text: str) -> None:
    found = [m for m in Matcher.compile(crisis(term)).find(text) if m.term == term and m.loose]
    assert found == [], found


def test_the_train_family_and_no_station() -> None:
    """The family is read from the CLDR names: 🚂's keyword *train* names 🚆 and 🚄."""
    from contentcheck.matching.emoji_words import family

    assert family("🚂") == ("🚄", "🚅", "🚆")
    assert family("🚉") != () and "🚉" not in family("🚂")
    assert family("🔥") == ()


def test_emoji_are_for_crisis_terms_only() -> None:
    listed = parse_terms("vuur\n", origin="t", list_name="t", category="c",
                         severity=Severity.MEDIUM, language="nl")
    assert Matcher.compile(listed).find("Deze deals zijn 🔥") == []


# (term, sentence, split verb found or None): a separable verb's stem that is also a noun
SEPARABLE_STEMS = [
    ("omvallen", "Pas op: val niet om op het gladde pad!", "val niet om"),
    ("omgevallen", "Ik val bijna om van de slaap.", "val bijna om"),
    ("uitvallen", "Val er straks weer uit?", "val er straks weer uit"),
    ("omvallen", "De oude kastanje valt om.", "valt om"),
    ("omvallen", "In de val om het huis zat niets.", None),  # om the house: no clause end
    ("omvallen", "De val was hard.", None),
]


@pytest.mark.parametrize(("term", "text", "span"), SEPARABLE_STEMS)
def test_a_separable_verb_finds_a_stem_that_is_also_a_noun(term: str, text: str,
                                                          span: str | None) -> None:
    found = {m.matched.lower() for m in Matcher.compile(crisis(term, language="nl")).find(text)}
    assert (span in found) if span else not any(" " in f for f in found), found


# (term, sentence, word, found?): an English rule form that is a Dutch word of its own
OTHER_LANGUAGE_FORMS = [
    ("brand", "De brander van de barbecue is stuk", "brander", False),
    ("brand", "Twee branders in de aanbieding", "branders", False),
    ("brand", "Nieuwe branding voor het merk", "branding", True),  # more English than Dutch
    ("storm", "The storming of the castle", "storming", True),
    ("crash", "The crashed car", "crashed", True),
]


@pytest.mark.parametrize(("term", "text", "word", "found"), OTHER_LANGUAGE_FORMS)
def test_an_english_form_that_is_a_dutch_word_is_left_out(term: str, text: str, word: str,
                                                         found: bool) -> None:
    """``--term brand`` is a word of both languages: it gets both languages' forms, but not
    an English -er form that is a Dutch word of its own (brander: a burner)."""
    hits = {m.matched.lower() for m in Matcher.compile(crisis(term)).find(text)}
    assert (word in hits) == found, hits


def test_word_forms_keep_the_english_forms_that_are_english() -> None:
    dutch, english = vocabulary("nl"), vocabulary("en")
    forms = word_forms("brand", None, dutch, english)
    assert "brander" not in forms and "branded" in forms
    assert "shooter" in word_forms("shooting", "en", dutch, english)


def test_explain_says_emoji_for_the_term(tmp_path: Path) -> None:
    terms = tmp_path / "vliegramp.txt"
    terms.write_text("vliegtuig\nplane\n", encoding="utf-8")
    result = run("explain", "Klaar voor vertrek ✈️ en een airplane", "--crisis", terms,
                 "--no-shipped-lists", "--no-translations")  # vliegtuig's airplane aside
    assert result.exit_code == 0, result.output
    assert "emoji for 'vliegtuig'" in result.output
    assert "English compound: 'air|plane' holds 'plane'" in result.output
    matches = result.output.split("\ndecision: ")[0]  # the decision repeats the reasons
    assert matches.count("review, not pause") == 2  # the emoji for each term


def test_scan_on_a_real_calendar(tmp_path: Path) -> None:
    """A CSV calendar in UTF-8 and a crisis file as typed: statuses per post."""
    terms = tmp_path / "crash.txt"
    terms.write_text("vliegtuig\nplane\nfire\n", encoding="utf-8")
    posts = ["An airplane came down near the coast",  # pause: the head of the compound
             "Ready for take-off ✈️ with our travel kits",  # review: an emoji for the term
             "Cosy evenings by the fireplace",  # review: fire in front
             "Our spring collection is in"]  # ok
    calendar = write_csv(tmp_path / "kalender.csv", [["Datum", "Tijd", "Kanaal", "Bericht"]] + [
        ["2026-11-25", f"{9 + n}:00", "Instagram", text] for n, text in enumerate(posts)],
        encoding="utf-8")
    out = tmp_path / "report.json"
    result = run("scan", calendar, "--crisis", terms, "--now", NOW, "--timezone",
                 "Europe/Amsterdam", "--format", "json", "-o", out, "--exit-zero")
    assert result.exit_code == 0, result.output
    status = {p["text"]: p["status"] for p in json.loads(out.read_text("utf-8"))["posts"]}
    assert [status[text] for text in posts] == ["pause", "review", "review", "ok"]
