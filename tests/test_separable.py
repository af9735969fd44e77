"""Dutch separable verbs with the particle later in the sentence, and the prepositions that
look like particles but begin a phrase of their own. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.test_morphology import crisis_matcher

ROWS = [
    # the particle at the end of the clause
    ("instorten", "Het oude pakhuis stortte vannacht in.", True),
    ("instorten", "Het dak stort in als de sneeuw blijft liggen.", True),
    ("instorten", "De tribunes storten bij harde wind in.", True),
    ("ingestort", "Een deel van de kademuur stortte gisteren in.", True),
    ("uitbreken", "Er brak vannacht brand uit in een loods.", True),
    ("uitbreken", "In de stal breekt vaak brand uit.", True),
    ("uitbreken", "Er brak paniek uit, schrijft de krant.", True),
    ("neerstorten", "Een sportvliegtuig stortte neer bij Texel.", True),
    ("neergestort", "Een helikopter stortte neer bij Lelystad.", True),
    ("neersteken", "De verdachte stak twee reizigers neer.", True),
    ("neergestoken", "De dader stak twee mensen neer op de markt.", True),
    ("omvallen", "Tijdens het onweer viel een eik om.", True),
    ("omgevallen", "Door de wind vielen drie hekken om.", True),
    ("terugroepen", "Het bedrijf roept de pindakaas terug.", True),
    ("terugroepen", "De supermarkt riep gisteren alle salades terug.", True),
    ("terugroepen", "Wij roepen deze partij uit voorzorg terug!", True),
    ("uitvallen", "Bij de storing viel de stroom uit.", True),
    ("uitvallen", "Vanochtend vallen alle treinen uit.", True),
    ("afbranden", "De schuur brandde volledig af.", True),
    ("wegspoelen", "De stranden spoelden deels weg.", True),
    ("aanrijden", "Een vrachtwagen rijdt een fietser aan.", True),
    ("inbreken", "Een dief brak in bij de juwelier.", True),
    # a particle after other phrases in the clause
    ("neerstorten", "Het toestel stortte kort na vertrek neer in zee.", True),
    ("uitbreken", "Er brak brand uit op de derde verdieping.", True),
    # the same words, but the "particle" begins a phrase or another sentence
    ("instorten", "Ik stort geld in de pot.", False),
    ("instorten", "Stort je in het avontuur!", False),
    ("instorten", "Wij storten het bedrag. In de app zie je het meteen.", False),
    ("omvallen", "We vallen je niet lastig om je te storen.", False),
    ("omvallen", "Prijzen vallen mee om dit jaar af te sluiten.", False),
    ("uitbreken", "Breek je niet het hoofd. Uit voorzorg bellen we je.", False),
    ("terugroepen", "Roep ons als je vragen hebt. Terug naar school!", False),
    ("uitvallen", "Vallen je kinderen uit de toon? Lees onze tips.", False),
    ("uitvallen", "Het valt ons op: uit de hand gelopen feestjes.", False),
    ("neersteken", "Steek de kaarsjes aan en zet ze neer.", False),
    ("aanrijden", "We rijden naar je toe. Aan de deur betalen kan.", False),
    ("inbreken", "Breek het brood in stukken.", False),
    ("afbranden", "Brand een kaarsje af en toe.", False),
    # particles that also begin verbs that never split (onderzoeken, volgen, voorkomen):
    # split when the table has the participle with ge- inside (ondergelopen, volgelopen)
    ("ondergelopen", "De kelder liep vannacht helemaal onder.", True),
    ("ondergelopen", "Na de wolkbreuk liepen alle tunnels in de stad onder.", True),
    ("onderlopen", "Als het zo blijft regenen, loopt de garage onder.", True),
    ("volgelopen", "Onze kelder liep in een uur vol.", True),
    ("leeglopen", "Het stuwmeer liep binnen twee dagen leeg.", True),
    ("kapotgegaan", "De pomp ging gisteren kapot.", True),
    ("ondergelopen", "Loop even onder de brug door en je ziet ons.", False),
    ("volgelopen", "Loop vol verwachting onze winkel binnen.", False),
    ("onderzocht", "We zochten onder de bank en vonden de sleutels.", False),
    ("ondergelopen", "Liep je onder? Nee, onze regenjas houdt je droog.", True),
    # far apart: more than the window of words
    ("uitbreken", "Er brak een heel erg lange en mooie zonnige dag voor ons allemaal en ook voor jou uit.", False),
]


@pytest.mark.parametrize(("term", "text", "expected"), ROWS)
def test_separable(term: str, text: str, expected: bool) -> None:
    assert bool(crisis_matcher(term).find(text)) == expected, (term, text)


def test_explain_names_both_parts() -> None:
    (finding,) = crisis_matcher("instorten").explain("De brug stortte vannacht in.")[0]
    assert finding.rule == "separable"
    assert finding.match.matched == "stortte vannacht in"


VERB_PHRASES = [
    # a quoted crisis phrase of an infinitive and one word: that word closes the clause with
    # words between, as a particle does, and the verb takes its forms
    ('"liggen plat"', "Ons netwerk ligt nooit plat, ook niet met kerst", True),
    ('"liggen plat"', "Het netwerk lag gisteren plat", True),
    ('"liggen plat"', "De servers liggen plat", True),
    ('"liggen eruit"', "Gisteren lag de app eruit, vandaag 20% korting", True),
    ('"liggen eruit"', "Ons netwerk ligt er nooit uit", True),  # eruit split: er ... uit
    ('"liggen down"', "De app lag down", True),
    # the word does not close the clause, or another clause comes between
    ('"liggen plat"', "Het ligt plat op de plaat en bakt", True),  # op begins a phrase
    ('"liggen plat"', "Lekker liggen en een plat bord", False),
    ('"liggen plat"', "De deeg ligt klaar. Plat het uit met een roller", False),
    ('"liggen eruit"', "Het ligt er mooi uitgestald", False),
]


@pytest.mark.parametrize(("term", "text", "expected"), VERB_PHRASES)
def test_a_verb_phrase_finds_its_word_later_in_the_clause(term: str, text: str,
                                                          expected: bool) -> None:
    assert bool(crisis_matcher(term).find(text)) == expected, (term, text)


def test_a_review_phrase_or_a_particle_is_not_split() -> None:
    """"bouwen op" (a kit's review phrase, rely on) is no opbouwen: a particle as the last
    word, or a phrase of a word list, is never read split."""
    from contentcheck.matching.lemmas import verb_phrase_parts
    from contentcheck.matching.terms import parse_pattern

    assert verb_phrase_parts(parse_pattern('"bouwen op"').words, "nl") == []
    assert verb_phrase_parts(parse_pattern('"handen schudden"').words, "nl") == []
    assert verb_phrase_parts(parse_pattern('"liggen plat"').words, "en") == []


@pytest.mark.parametrize("text", ["Ons netwerk ligt nooit plat, ook niet met kerst",
                                  "Ons netwerk ligt er nooit uit",
                                  "Gisteren lag de app eruit, vandaag 20% korting",
                                  "De app lag down"])
def test_the_outage_phrases_of_the_data_breach_kit_find_their_forms(text: str) -> None:
    """A telecom's outage morning with --kit data-breach: the kit's "ligt plat" and "ligt
    eruit" were fixed phrases, so the bragging post with a word between or in the past was ok."""
    from tests.conftest import run

    result = run("explain", text, "--kit", "data-breach", "--no-shipped-lists")
    assert result.exit_code == 0, result.stderr
    assert "decision: PAUSE" in result.stdout, result.stdout
