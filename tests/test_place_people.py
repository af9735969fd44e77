"""A place's people and adjective for a crisis term naming a town (issue 11), from OpenTaal's
word list (contentcheck/data/places-nl.txt), with the rule for names the data lacks.

Every sentence here was written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from contentcheck.matching.compounds import vocabulary
from contentcheck.matching.lemmas import table
from contentcheck.matching.places import people
from tests.conftest import run
from tests.helpers_detection import PAUSE, QUIET, verdict
from tests.test_detection_readings import crisis

DATA = Path(__file__).resolve().parents[1] / "contentcheck" / "data" / "places-nl.txt"

# (crisis term, sentence, word, verdict)
ROWS = [
    ("Meppel", "Alle Meppelers worden gevraagd binnen te blijven", "meppelers", PAUSE),
    ("Meppel", "Een Meppeler ondernemer zag de rook als eerste", "meppeler", PAUSE),
    ("Meppel", "De Meppelse brandweer is ter plaatse", "meppelse", PAUSE),
    ("Meppel", "Meppelders helpen elkaar vandaag", "meppelders", PAUSE),
    ("Zutphen", "Zutphenaren staan in de rij voor zandzakken", "zutphenaren", PAUSE),
    ("Zutphen", "Een Zutphenaar filmde de ravage", "zutphenaar", PAUSE),
    ("Zutphen", "Het Zutphense centrum is afgesloten", "zutphense", PAUSE),
    ("Borne", "Bornse scholen blijven morgen dicht", "bornse", PAUSE),
    ("Borne", "Honderden Borners kwamen naar de wake", "borners", PAUSE),
    ("Moerdijk", "De Moerdijkse haven ligt stil na de explosie", "moerdijkse", PAUSE),
    ("Hoofddorp", "Hoofddorpers melden een harde knal", "hoofddorpers", PAUSE),
    ("Hoofddorp", "Een Hoofddorper buurtbewoner belde 112", "hoofddorper", PAUSE),
    ("Hoofddorp", "De Hoofddorpse politie zoekt getuigen", "hoofddorpse", PAUSE),
    ("Groningen", "Groningers zijn de bevingen beu", "groningers", PAUSE),
    ("Zwolle", "Zwollenaren kunnen hun auto nergens kwijt", "zwollenaren", PAUSE),
    ("Haarlem", "De Haarlemmers leven mee", "haarlemmers", PAUSE),
    ("Apeldoorn", "Apeldoorners, blijf weg bij het plein", "apeldoorners", PAUSE),  # the rule
    # a name that is a word too keeps its people, not the word's forms
    ("Leiden", "Leidenaren worden gevraagd de binnenstad te mijden", "leidenaren", PAUSE),
    ("Leiden", "De Leidse markt gaat niet door", "leidse", PAUSE),
    ("Leiden", "Onze leider van het jaar is bekend", "leider", QUIET),
    ("Kampen", "Kampenaren houden hun adem in", "kampenaren", PAUSE),
    # a form that is a word of its own stays out: a town whose -er form is a common word
    ("Kampen", "Met de kamper naar de Veluwe", "kamper", QUIET),
    ("Kampen", "Kampers opgelet: de camping is open", "kampers", QUIET),
    ("Hoorn", "Een hoornaar in de tuin", "hoornaar", QUIET),
    ("Best", "De Bestse kermis gaat niet door", "bestse", PAUSE),
    ("Bergen", "Zeven bergers van de reddingsdienst", "bergers", QUIET),
    # irregular names and names of several words, from the curated table (QA round 6)
    ("Gouda", "Gouwenaars helpen vandaag de getroffen gezinnen", "gouwenaars", PAUSE),
    ("Den Haag", "Hagenaars helpen elkaar na de brand in het centrum", "hagenaars", PAUSE),
    ("'s-Hertogenbosch", "Bosschenaren staan klaar voor de getroffen buren", "bosschenaren", PAUSE),
    ("Den Bosch", "Een Bosschenaar filmde de overstroming", "bosschenaar", PAUSE),
    ("Dordrecht", "Dordtenaren vullen zandzakken bij de Merwede", "dordtenaren", PAUSE),
    ("Gorinchem", "Gorcummers blijven vandaag binnen", "gorcummers", PAUSE),
    ("Lelystad", "Lelystedelingen worden opgeroepen ramen dicht te doen", "lelystedelingen", PAUSE),
    ("Almere", "De Almeerse brandweer rukte massaal uit", "almeerse", PAUSE),
    ("Alphen aan den Rijn", "Alphenaren leggen bloemen bij het gemeentehuis", "alphenaren", PAUSE),
    ("Nijmegen", "Het Nijmeegse ziekenhuis vraagt om bloed", "nijmeegse", PAUSE),
    # a product named after the town is left out of the table: everyday shop words
    ("Gouda", "Goudse kaas nu twee halen, één betalen", "goudse", QUIET),
    ("'s-Hertogenbosch", "Bossche bollen, vers van de bakker", "bossche", QUIET),
    ("Den Haag", "Haagse hopjes bij de kassa", "haagse", QUIET),
    # the -se form of a word whose -s adjective is a word of its own: another place's or
    # people's adjective (Schotse: of Schotland), no form of the word (QA round 7)
    ("schot", "Schotse whisky nu in de aanbieding", "schotse", QUIET),
    ("schot", "Verse Schotse zalm voor het kerstdiner", "schotse", QUIET),
    ("schot", "Er vielen twee schoten bij het station", "schoten", PAUSE),
    ("engel", "Engelse drop in het schap", "engelse", QUIET),
    ("pool", "Poolse pierogi bij de deli", "poolse", QUIET),
    ("dood", "Een doodse stilte in de zaal", "doodse", QUIET),
    ("Amsterdam", "De Amsterdamse grachten zijn afgezet", "amsterdamse", PAUSE),
    ("Nederland", "De Nederlandse vlag hangt halfstok", "nederlandse", PAUSE),
    # no place, no people
    ("storm", "De stormers van Ajax", "stormers", QUIET),
    ("kaas", "Kazers uit de regio", "kazers", QUIET),
]


@pytest.mark.parametrize(("term", "text", "word", "expected"), ROWS)
def test_place_people(term: str, text: str, word: str, expected: str) -> None:
    assert verdict(crisis(term, language="nl"), text, word) == expected


def test_the_data_holds_no_word_of_its_own() -> None:
    """Every line is a name and its forms, folded; no form is a word of English or a form the
    Dutch lemma table gives to a word other than a place's (kamper, bests)."""
    lines = DATA.read_text("utf-8").splitlines()
    assert len(lines) > 4000
    english = vocabulary("en")
    for line in lines:
        name, *forms = line.split()
        assert forms and line == line.lower() and line.isascii(), line
        for form in forms:
            assert form not in english or english[form] > 30_000, line
            lemma = table("nl").lemma_of.get(form)
            assert lemma in (None, form) or lemma[:3] == name[:3], line


def test_people_reads_the_data_and_falls_back_on_the_rule() -> None:
    assert {"zutphenaar", "zutphenaren", "zutphense"} <= people("zutphen")
    assert "apeldoorners" in people("apeldoorn")
    assert people("xyzzydorp") == {"xyzzydorper", "xyzzydorpers"}  # no data: the rule
    assert people("kaas") == set()


def test_the_curated_table_reads_and_holds_no_word_of_its_own() -> None:
    """places-irregular-nl.txt: a name, a tab, its forms; no form is a common English word or
    a form the Dutch lemma table gives to another word."""
    from contentcheck.matching.places import _irregular, name_key, people_of_name

    table_ = _irregular()
    assert len(table_) >= 20
    english = vocabulary("en")
    for key, forms in table_.items():
        assert key.isalpha() and forms, key
        for form in forms:
            assert form == form.lower() and form.isalpha(), form
            assert form not in english or english[form] > 30_000, form
            lemma = table("nl").lemma_of.get(form)
            assert lemma in (None, form) or lemma[:4] == form[:4], form  # delftse: delfts
    assert name_key(["'s-Hertogenbosch"]) == name_key(["s", "hertogenbosch"]) == "shertogenbosch"
    assert "hagenaars" in people_of_name(["den", "haag"])
    assert people_of_name(["den", "helder", "zee"]) == frozenset()


def test_explain_names_the_place_reading(tmp_path: Path) -> None:
    terms = tmp_path / "meppel.txt"
    terms.write_text("Meppel\nexplosie\n", encoding="utf-8")
    result = run("explain", "Meppelers horen een harde knal", "--crisis", terms,
                 "--no-shipped-lists")
    assert result.exit_code == 0, result.output
    assert "place: 'meppelers', the people or adjective of 'meppel' (place names)" \
        in result.output
    assert "term 'Meppel' (the people or adjective of a place)" in result.output
    assert "PAUSE" in result.output


@pytest.mark.parametrize(("word", "form"), [("schot", "schotse"), ("engel", "engelse"),
                                            ("pool", "poolse"), ("dood", "doodse")])
def test_an_se_adjective_of_its_own_is_no_form_of_the_word(word: str, form: str) -> None:
    """The lemma table lists Schots (Scottish) as an adjective with a comparative: its -se
    form is that word's, not schot's."""
    from contentcheck.matching.places import adjective_of_its_own

    assert adjective_of_its_own(word) == {form}


@pytest.mark.parametrize("word", ["amsterdam", "haag", "nederland", "turk", "kaas", "brand"])
def test_a_place_keeps_its_own_se_adjective(word: str) -> None:
    """A place's (or people's) -se adjective that the place data lists stays its form
    (Amsterdamse, Haagse, Turkse); a word with no -s adjective has none to leave out."""
    from contentcheck.matching.places import adjective_of_its_own

    assert adjective_of_its_own(word) == set()


@pytest.mark.parametrize("text", ["Schotse whisky nu in de aanbieding",
                                  "Verse Schotse zalm voor het kerstdiner"])
def test_schot_does_not_pause_scottish(text: str) -> None:
    """A shooting: the on-call person types `schot` ("er viel een schot"). `explain` reads
    *Schotse* as "an inflected form" of schot (inflection: 'schotse' ~ 'schot'), the -se
    adjective that belongs to place names (Amsterdamse), and pauses Scottish whisky and
    salmon; *Schotland* is a review. *Schotse* is the adjective of Schotland, not a form of
    schot; an editor would not pause it."""
    result = run("explain", text, "--term", "schot")
    assert result.exit_code == 0, result.stderr
    assert "decision: PAUSE" not in result.stdout, result.stdout
