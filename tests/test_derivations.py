"""Second round on issue 11: lexicalised compounds ask for review, a crisis word's derived words
(a noun's verb, an English -ing form's verb, a wildcard stem's prefixed verbs) pause. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from contentcheck.matching.compounds import lexicalised
from contentcheck.matching.lemmas import participles
from contentcheck.matching.terms import parse_terms
from contentcheck.matching.matcher import Matcher
from contentcheck.records import Severity
from tests.conftest import run
from tests.test_morphology import crisis_matcher


def _status(term: str, text: str, language: str) -> str:
    found = crisis_matcher(term).find(text, language=language)
    return "quiet" if not found else "review" if all(m.loose for m in found) else "pause"


# a compound among the everyday words has a meaning of its own: review, not pause
LEXICALISED = [
    ("boom", "Zet je kerstboom dit jaar in een emmer zand."),
    ("brand", "Brandstof wordt volgende maand duurder, meldt de bond."),
    ("vuur", "Het vuurwerk boven de haven begint om twaalf uur."),
    ("vuur", "Wandel naar de vuurtoren en terug langs de duinen."),
    ("station", "Bij het treinstation staan nieuwe fietsenrekken."),
]


@pytest.mark.parametrize("term,text", LEXICALISED)
def test_lexicalised_compound_asks_for_review(term: str, text: str) -> None:
    assert _status(term, text, "nl") == "review"


# compounds made for the occasion still pause
MADE_UP = [
    ("boom", "De boomgaard achter de school is afgesloten."),
    ("brand", "Het brandhout ligt droog onder het afdak."),
    ("storm", "Na een stormnacht vol regen ruimen we de straat op."),
    ("rook", "Een rookpluim hing boven het industrieterrein."),
    ("mes", "Een vleesmes hoort niet in je handbagage."),
    ("station", "Het benzinestation aan de ringweg is gesloten."),
    ("gas", "Controleer de gasfles voor je gaat koken."),
]


@pytest.mark.parametrize("term,text", MADE_UP)
def test_occasional_compound_pauses(term: str, text: str) -> None:
    assert _status(term, text, "nl") == "pause"


@pytest.mark.parametrize("word,expected", [
    ("kerstboom", True), ("vuurwerk", True), ("tankstation", True), ("brandstof", True),
    ("stormschade", False), ("messenset", False), ("geitenkaas", False), ("rookpluim", False),
    ("xyzboom", False),
])
def test_lexicalised_rule_on_the_vocabulary(word: str, expected: bool) -> None:
    assert lexicalised(word) is expected


# a Dutch noun's verb in the past, and an English -ing form's verb: pause
DERIVED = [
    ("storm", "Het stormde de hele nacht langs de kust.", "nl"),
    ("storm", "Er werd gestormd op de winkel toen de deuren opengingen.", "nl"),
    ("crash", "De server crashte twee keer op een middag.", "nl"),
    ("crash", "Mijn laptop is gisteren gecrasht.", "nl"),
    ("vuur", "De agent vuurde een waarschuwingsschot af.", "nl"),
    ("stabbing", "A man was stabbed outside the cinema.", "en"),
    ("stabbing", "Police say he tried to stab a guard.", "en"),
    ("flooding", "The basement flooded within an hour.", "en"),
    ("brand*", "Hij verbrandde de oude brieven in de tuin.", "nl"),
    ("brand*", "Het gras is verbrand door de zon.", "nl"),
    ("brand*", "Toen ontbrandde de discussie pas echt.", "nl"),
    ("brand*", "De schuur is tot de grond afgebrand.", "nl"),       # participle the table lacks
    ("brand*", "Een uitgebrande auto stond langs de weg.", "nl"),
    ("brand*", "Het hout is zwart gebrand.", "nl"),
    ("besmet", "De besmetting kwam uit het koelhuis.", "nl"),        # a verb's -ing noun
    ("besmet", "Let op voedselbesmetting bij warm weer.", "nl"),     # ... and its compounds
    ("ontruimen", "De ontruiming duurde twee uur.", "nl"),
    ("betalen", "Betalingen lukken weer.", "nl"),
]


@pytest.mark.parametrize("term,text,language", DERIVED)
def test_derived_word_pauses(term: str, text: str, language: str) -> None:
    assert _status(term, text, language) == "pause"


QUIET = [
    ("storing", "We store your data for thirty days.", "en"),   # Dutch storing: no English store
    ("shooting", "Our team will shoot the spring catalogue on Monday.", "en"),  # a noun of its own
    ("kaas", "Het regende de hele dag.", "nl"),
    ("stabbing", "Stable prices all week.", "en"),
    ("brand*", "Het vuur werd gedoofd.", "nl"),
    ("branden", "Onze nieuwe branding is klaar.", "nl"),             # -ing noun of English
]


@pytest.mark.parametrize("term,text,language", QUIET)
def test_derivations_stay_quiet(term: str, text: str, language: str) -> None:
    found = [m for m in crisis_matcher(term).find(text, language=language)
             if m.matched.lower().startswith(("store", "stab", "shoot", "gedoofd", "regende", "branding"))]
    assert found == []


@pytest.mark.parametrize("term,text", [("storm", "Het stormde flink."), ("crash", "De app crashte."),
                                       ("stabbing", "He was stabbed.")])
def test_word_lists_do_not_derive(term: str, text: str) -> None:
    """Derived words are for crisis terms only: a list of thousands of words would take in
    too many everyday verbs."""
    matcher = Matcher.compile(parse_terms(term, origin="t", list_name="t", category="x",
                                          severity=Severity.MEDIUM))
    assert matcher.find(text) == []


def test_explain_names_the_derivation() -> None:
    findings, _ = crisis_matcher("storm").explain("Het stormde.", language="nl")
    assert [f.rule for f in findings] == ["derived"]
    assert "stormde" in findings[0].detail and "storm" in findings[0].detail


@pytest.mark.parametrize("verb,expected", [
    ("branden", {"gebrand", "gebrande"}), ("afbranden", {"afgebrand", "afgebrande"}),
    ("pinnen", {"gepind", "gepinde"}), ("verbranden", set()),   # no ge- after ver-
    ("roken", {"gerookt"}),                                      # the table's own
    ("ontruimen", set()),
])
def test_participles(verb: str, expected: set[str]) -> None:
    assert participles(verb) == expected


def _crisis_file_status(terms: str, text: str, language: str) -> str:
    """As a scan reads a crisis file: each term gets its guessed language."""
    from contentcheck.matching.language import guess_languages
    from contentcheck.matching.terms import parse_pattern
    from dataclasses import replace

    termset = parse_terms(terms, origin="t", list_name="t", category="crisis",
                          severity=Severity.CRISIS, crisis=True)
    words = [[w.norm for w in parse_pattern(t.text).words] for t in termset.terms]
    guessed = guess_languages(words)
    termset = type(termset)([replace(t, language=g) for t, g in zip(termset.terms, guessed)],
                            termset.exceptions)
    found = Matcher.compile(termset).find(text, language=language)
    return "quiet" if not found else "review" if all(m.loose for m in found) else "pause"


# two English words written as one are an English phrase: review
@pytest.mark.parametrize("term,text,expected", [
    ("crash", "Volg een crashcourse Excel in twee avonden.", "review"),
    ("flat", "Nieuwe flatscreens in de aanbieding.", "review"),
    ("crash", "Na de treincrash rijden er bussen.", "pause"),                   # a Dutch part
    ("app", "Alle appgebruikers krijgen een melding.", "pause"),               # a Dutch part
    # the English word's compound with a head of both languages or in Dutch spelling (QA round 7)
    ("brand", "Maak kennis met onze brandmanager: zij vertelt over de huisstijl.", "review"),
    ("brand", "Word brandambassadeur en deel onze nieuwe collectie.", "review"),
    ("brand", "Onze brandidentiteit krijgt een frisse look.", "review"),
    ("brand", "Grote woningbrand in de binnenstad.", "pause"),
    ("brand", "Een bosbrand woedt op de Veluwe.", "pause"),
    ("brand", "Het brandalarm ging af in de school.", "pause"),
])
def test_english_pair_written_as_one(term: str, text: str, expected: str) -> None:
    assert _status(term, text, "nl") == expected


# a word of both languages next to a lower-case word of the other language only
@pytest.mark.parametrize("terms,text,expected", [
    ("flat\nrook\nvlammen", "Een flat white en een croissant voor twee euro.", "review"),
    ("brand\nrook\nvlammen", "Onze brand new keuken staat in de winkel.", "review"),
    ("flat\nrook\nvlammen", "De flat aan de haven is ontruimd.", "pause"),
    ("storm\nboom\nwindstoten", "Storm Floor trekt vannacht over het land.", "pause"),  # a name
])
def test_homograph_in_a_borrowed_phrase(terms: str, text: str, expected: str) -> None:
    assert _crisis_file_status(terms, text, "nl") == expected


@pytest.mark.parametrize("word", ["brandmanager", "brandambassadeur"])
def test_brand_as_fire_does_not_pause_the_brand_manager(word: str) -> None:
    """During a fire (`--term brand`), a Dutch marketing post about "onze brandmanager" (a
    common job title, brand manager) pauses as brand|manager; *brandstory*, *brandbook* and
    *brandstore* are loose readings (review: "two English words written as one"), but the
    head words *manager* and *ambassadeur* are Dutch words too, so the English compound is
    read as a Dutch fire compound. An editor would not pause it (review at most)."""
    result = run("explain", f"Maak kennis met onze {word}: zij vertelt over de nieuwe huisstijl",
                 "--term", "brand")
    assert result.exit_code == 0, result.stderr
    assert "decision: PAUSE" not in result.stdout, result.stdout
