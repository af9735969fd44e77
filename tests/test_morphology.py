"""Word forms from the lemma table: strong and weak past tenses, participles, learned plurals,
diminutives, English irregular verbs and plurals; and the forms that must stay quiet.

Each row: (crisis term, post text, should it match). The sentences are written for these
tests; none comes from the development corpus.
"""

from __future__ import annotations

import pytest

from contentcheck.matching.forms import base_words
from contentcheck.matching.compounds import vocabulary
from contentcheck.matching.hints import plural_hints
from contentcheck.matching.lemmas import table_forms
from contentcheck.matching.matcher import Matcher
from contentcheck.matching.terms import parse_terms
from contentcheck.records import Severity
from tests.conftest import run


def crisis_matcher(*terms: str) -> Matcher:
    return Matcher.compile(parse_terms("\n".join(terms), origin="t", list_name="t",
                                       category="crisis", severity=Severity.CRISIS, crisis=True))


def hits(term: str, text: str) -> bool:
    return bool(crisis_matcher(term).find(text))


DUTCH_VERBS = [
    # a participle without ge- (an inseparable over- verb) stands for its verb (QA round 7)
    ("overstroomd", "De Maas overstroomt bij Venlo.", True),
    ("overstroomd", "Als de rivieren overstromen, staan wij klaar.", True),
    ("overspoeld", "Een golf aan kortingen overspoelt onze winkels!", True),
    # a participle the table files as an adjective lemma is still a form of its verb
    ("afsluiten", "De A2 wordt vanavond afgesloten.", True),
    ("afgesloten", "Rijkswaterstaat sluit de A2 vanavond af.", True),
    ("uitsterven", "De soort is in 1900 uitgestorven.", True),
    # a participle the table lacks altogether: op + gesloten (QA of held-out 3's misses)
    ("opgesloten", "Wie sloot zich gisteren op in de kelder?", True),
    ("opgesloten", "Sluit de kat niet op in de schuur.", True),
    ("opsluiten", "Twee mensen zaten uren opgesloten in de lift.", True),
    ("opgesloten", "We sluiten op zondag om vijf uur.", False),
    # strong past tenses and participles
    ("verdrinken", "Een hert verdronk gisteren in de vaart bij Zwolle.", True),
    ("verdrinken", "Twee koeien zijn verdronken in de uiterwaarden.", True),
    ("verdrinken", "Het kalf verdrinkt bijna in de modder.", True),
    ("breken", "De dijk brak halverwege de nacht.", True),
    ("breken", "Ramen zijn gebroken door de drukgolf.", True),
    ("steken", "Hij stak een voorbijganger met een schaar.", True),
    ("steken", "Een man is gestoken in het winkelcentrum.", True),
    ("schieten", "Een agent schoot op de vluchtauto.", True),
    ("schieten", "Er is geschoten bij de markt.", True),
    ("vallen", "Een kraan viel op het dak van de school.", True),
    ("vallen", "Er zijn bomen gevallen op het spoor.", True),
    ("vliegen", "Het toestel vloog te laag over de haven.", True),
    ("roepen", "De fabrikant riep de potjes babyvoeding terug.", True),
    ("sterven", "Drie mensen stierven bij het ongeluk.", True),
    ("sterven", "De bestuurder is ter plekke gestorven.", True),
    # weak past tenses and participles
    ("ontploffen", "Een gastank ontplofte achter de bakkerij.", True),
    ("ontploffen", "De accu is ontploft in de garage.", True),
    ("ontruimen", "Het gemeentehuis werd gisteren ontruimd.", True),
    ("ontruimen", "Politie ontruimde het plein rond middernacht.", True),
    ("ontruimen", "Het stadion wordt nu ontruimd.", True),
    ("evacueren", "Bewoners evacueerden hun huizen in de nacht.", True),
    ("evacueren", "De wijk is geëvacueerd na het gaslek.", True),
    ("betalen", "Klanten betaalden dubbel voor hun boodschappen.", True),
    ("instorten", "Het viaduct is gedeeltelijk ingestort.", True),
    ("instorten", "Toen de brug instortte, stond er niemand op.", True),
    ("uitbreken", "Als er paniek uitbreekt, blijf kalm.", True),
    ("neersteken", "Een conducteur werd neergestoken in de trein.", True),
    ("terugroepen", "Het merk heeft alle hagelslag teruggeroepen.", True),
    ("overstromen", "De kelder overstroomde binnen een uur.", True),
    ("overstromen", "Hele polders zijn overstroomd.", True),
    # the plural past that simplemma's table lacks while it has the singular (QA round 6):
    # completed by tools/make_lemmas.py for every weak verb of that kind
    ("overstromen", "Kelders overstroomden in het hele dorp.", True),
    ("overstroming", "Kelders overstroomden in heel Valkenburg, de winkel blijft dicht.", True),
    ("verzakken", "Twee huizen verzakten na de aardbeving.", True),
    ("degraderen", "Beide clubs degradeerden na de omkoopaffaire.", True),
    ("migreren", "Duizenden vogels migreerden door de storm te vroeg.", True),
    ("overstromen", "Stroomden er klanten binnen? Ja, bij de opening.", False),
    ("verzakken", "Zakten de prijzen? Nee, ze bleven gelijk.", False),
    ("besmetten", "Honderd kippen zijn besmet met vogelgriep.", True),
    # a participle typed as the term stands for its verb
    ("ingestort", "De muur kan ieder moment instorten.", True),
    ("omgevallen", "Pas op voor omvallende hekken.", True),
    ("geëvacueerd", "Ze evacueren het hele dorp.", True),
    # quiet: different words that look alike
    ("verdrinken", "Verdriet deel je met vrienden.", False),
    ("ontploffen", "Onze ontbijtbox is ontploft van populariteit? Nee, gewoon lekker.", True),
    ("breken", "Brekend nieuws: ons brood is brak? Nee hoor.", True),
    ("steken", "Steek je licht op bij de bibliotheek.", True),
    ("schieten", "Schoten in de roos: onze taartjes.", False),
    ("instorten", "Het storten van geld gaat via de app.", False),
    ("ingestort", "Gestort bedrag staat morgen op je rekening.", False),
    ("uitbreken", "Breek je hoofd niet over het menu.", False),
    ("neersteken", "Steek het vuurwerk niet af in de buurt van dieren.", False),
    ("terugroepen", "Roep je hulp in van onze klantenservice.", False),
    ("omgevallen", "Wij vallen niet om van de prijzen.", True),  # omvallen, figuratively
    ("omgevallen", "We vallen je niet lastig om je te storen.", False),
    ("ontruimen", "Ruim je kast op met onze opbergdozen.", False),
    ("overstromen", "Stroom bespaar je met onze slimme stekker.", False),
    ("betalen", "Betaalbaar en lekker: de nieuwe soep.", False),
]

DUTCH_NOUNS = [
    ("museum", "Alle musea gaan vandaag dicht.", True),
    ("museum", "Het museumpje in de haven is ontruimd.", True),
    ("crisis", "Na alle crises van dit jaar blijft de wijk sterk.", True),
    ("atlas", "Twee atlassen gestolen uit de bibliotheek.", True),
    ("kaas", "De kazen uit deze partij zijn teruggehaald.", True),
    ("kaas", "Een kaasje bij de borrel?", True),
    ("mes", "Er zijn drie messen gevonden.", True),
    ("mes", "Het mesje lag onder de bank.", True),
    ("boom", "Omgewaaide bomen blokkeren de weg.", True),
    ("boom", "Een boompje in de tuin.", True),
    ("vliegtuig", "Twee vliegtuigen stonden op de baan.", True),
    ("vliegtuig", "Een vliegtuigje van papier.", True),
    ("storing", "Meerdere storingen bij de bank vandaag.", True),
    ("aanslag", "De aanslagen in de hoofdstad.", True),
    ("vlucht", "Alle vluchten naar Madrid geschrapt.", True),
    ("kip", "Verse kippen uit de schuur.", True),
    ("kip", "Een kippetje van chocolade.", True),
    # a diminutive's plural, which the lemma table does not always list
    ("kip", "Drie kippetjes van chocolade in het paasnest.", True),
    ("brug", "We varen onder de bruggetjes van de binnenstad door.", True),
    ("kat", "Twee katjes zoeken een nieuw thuis.", True),
    ("bal", "Gehaktballetjes in tomatensaus.", True),
    ("stad", "Steden in het oosten kregen de meeste regen.", True),
    ("schip", "Twee schepen botsten op de rivier.", True),
    ("kind", "Vier kinderen raakten gewond.", True),
    ("ei", "Een ei met salmonella uit de handel.", True),
    # quiet
    ("mes", "Messing kranen voor je badkamer.", False),
    ("mes", "Mesdag schilderde de zee.", False),
    ("kaas", "Kazerne open voor publiek.", False),
    ("boom", "Boomers en millennials houden van koffie.", True),
    ("vis", "Visueel de mooiste taart van het jaar.", False),
    ("storing", "Storingsvrij bellen met ons nieuwe abonnement.", True),
    ("stad", "Stadig aan doen vandaag.", False),
    ("kind", "Kindly note our new opening hours.", False),
    ("atlas", "Atlasgebergte op de foto.", True),
]

ENGLISH = [
    ("sink", "The ferry sank near the harbour.", True),
    ("sink", "A fishing boat has sunk off the coast.", True),
    ("sink", "The ship is sinking fast.", True),
    ("steal", "Thieves stole the van overnight.", True),
    ("steal", "The paintings were stolen last week.", True),
    ("knife", "Two knives were found in the car.", True),
    ("knife", "He was knifed outside the club.", True),
    ("pay", "Customers paid twice for their shopping.", True),
    ("pay", "Paying by card is not possible right now.", True),
    ("crash", "The plane crashed after take-off.", True),
    ("crash", "Several crashes on the motorway.", True),
    ("stab", "A man was stabbed at the station.", True),
    ("stab", "Two stabbings in one week.", True),
    ("fly", "The jet flew over the city.", True),
    ("fly", "Drones have flown over the airport.", True),
    ("fall", "A tree fell on the road.", True),
    ("fall", "Tiles have fallen from the roof.", True),
    ("shoot", "Police are shooting at the car.", True),
    ("shoot", "A double espresso shot to start the day.", False),
    ("kill", "Three people were killed in the fire.", True),
    ("burn", "The barn burnt down overnight.", True),
    ("child", "Two children were injured.", True),
    ("mouse", "Mice found in the bakery.", True),
    ("crisis", "After two crises in a year.", True),
    ("flood", "The cellar flooded within an hour.", True),
    # quiet
    ("pay", "Payday treats for everyone.", True),  # review: an English compound, pay in front
    ("sink", "The new kitchen sinks are in stock.", True),
    ("steal", "Steel pans on offer.", False),
    ("knife", "Knitwear for the winter.", False),
    ("crash", "Crass jokes are not our thing.", False),
    ("stab", "Stable prices all week.", False),
    ("fly", "Flying Dutchman beer on tap.", True),
    ("die", "Diet coke on offer.", False),
    ("shoot", "Shoots of spring in the garden.", True),
    ("plane", "Planet-friendly packaging.", False),
    ("plane", "Explained in five steps.", False),
]


@pytest.mark.parametrize(("term", "text", "expected"), DUTCH_VERBS + DUTCH_NOUNS + ENGLISH)
def test_forms(term: str, text: str, expected: bool) -> None:
    assert hits(term, text) == expected, (term, text)


PAST_PLURALS = [
    ("overstromen", {"overstroom", "overstroomt", "overstroomde"}, {"overstroomden"}),
    ("verzakken", {"verzak", "verzakt", "verzakte"}, {"verzakten"}),
    # a stem in -t: zette has the shape of an inflected participle (aangezette)
    ("aanzetten", {"aangezet", "aangezette", "aanzette"}, set()),
    # a superlative is no past
    ("verlegen", {"verleeg", "verleegt", "verlegenste"}, set()),
    ("storten", {"stort", "stortte", "stortten"}, set()),  # there already
    ("groen", {"groenste"}, set()),  # no verb
]


@pytest.mark.parametrize(("lemma", "forms", "added"), PAST_PLURALS)
def test_the_table_gets_the_plural_past_of_a_weak_verb(lemma: str, forms: set[str],
                                                      added: set[str]) -> None:
    from tools.make_lemmas import past_plurals

    assert past_plurals(lemma, forms) == added


def test_the_shipped_table_has_the_plural_pasts() -> None:
    from contentcheck.matching.lemmas import table

    groups = table("nl").groups
    assert "overstroomden" in groups["overstromen"]
    assert "degradeerden" in groups["degraderen"]


def test_a_table_form_is_explained_as_lemma() -> None:
    findings, _ = crisis_matcher("verdrinken").explain("Een ree verdronk in de sloot.")
    assert [(f.match.matched, f.rule) for f in findings] == [("verdronk", "lemma")]


@pytest.mark.parametrize(("word", "language", "form", "why"), [
    ("brand", "nl", "brands", "English"),
    ("storm", "nl", "storms", "English"),
    ("museum", "nl", "museums", "English"),
    ("crash", "nl", "crashes", "English"),
])
def test_junk_forms_are_left_out_and_said_so(word: str, language: str, form: str, why: str) -> None:
    found = table_forms(word, language)
    assert form not in found.forms
    assert why in found.left_out[form]


def test_a_dutch_brand_term_does_not_find_english_brands() -> None:
    assert not crisis_matcher("@language nl", "brand").find("Our brands are the best.")


@pytest.mark.parametrize("verb", ["verdrinken", "ontploffen", "instorten", "uitbreken",
                                  "betalen", "evacueren", "terugroepen", "overstromen"])
def test_a_verb_term_is_not_called_a_plural(verb: str) -> None:
    assert plural_hints(parse_terms(verb, origin="t", list_name="t", category="crisis",
                                    severity=Severity.CRISIS, crisis=True)) == []


@pytest.mark.parametrize(("plural", "singular"), [
    ("treinen", "trein"), ("kazen", "kaas"), ("messen", "mes"), ("overstromingen", "overstroming"),
    ("slachtoffers", "slachtoffer"), ("bomen", "boom"), ("crashes", "crash"),
    ("vlammen", "vlam"),
])
def test_a_plural_term_names_the_one_singular(plural: str, singular: str) -> None:
    assert base_words(plural, None, vocabulary("nl"), vocabulary("en")) == {singular}


@pytest.mark.parametrize(("word", "form"), [("station", "stations"), ("flat", "flats"),
                                            ("app", "apps"), ("camembert", "camemberts"),
                                            ("laptop", "laptops")])
def test_dutch_plurals_in_s_that_english_shares_are_kept(word: str, form: str) -> None:
    assert form in table_forms(word, "nl").forms


def test_left_out_forms_are_said() -> None:
    from contentcheck.matching.hints import term_notes

    notes = term_notes(parse_terms("brand\nrook\ncirkelen\n", origin="t", list_name="t",
                                   category="crisis", severity=Severity.CRISIS, crisis=True))
    assert any("'cirkelen' does not find cirkel (mostly the word 'cirkel' of its own)" in note
               for note in notes), notes


@pytest.mark.parametrize(("term", "wrong"), [("brand", "brands"), ("bussen", "bust"),
                                             ("bank", "banks")])
def test_no_note_advises_a_form_of_the_other_language(term: str, wrong: str) -> None:
    """A Dutch fire: the note "'brand' does not find brands (a word of English); add a form as a
    term" was advice to pause 'Shop our favourite brands'. Left out without a word."""
    said = run("explain", "Met de bus naar de winkel", "--term", term, "--no-shipped-lists")
    assert f"does not find {wrong} " not in said.stdout and "a word of English" not in said.stdout


@pytest.mark.parametrize(("verb", "participle"), [
    ("afsluiten", "afgesloten"), ("uitsterven", "uitgestorven"), ("afleiden", "afgeleid"),
    ("opruimen", "opgeruimd"), ("terugtrekken", "teruggetrokken"),
])
def test_a_participle_filed_as_an_adjective_is_a_form_of_its_verb(verb: str, participle: str
                                                                  ) -> None:
    """simplemma files *afgesloten* under its own adjective lemma, not under afsluiten: the
    table test that it is one (both ways: the verb finds it, it stands for the verb)."""
    from contentcheck.matching.lemmas import adjective_verbs, filed_participles, table

    assert participle in table("nl").groups and participle not in table("nl").groups[verb]
    assert participle in filed_participles(verb)
    assert participle in table_forms(verb, "nl").forms
    assert adjective_verbs(participle) == (verb,)


def test_a_participle_the_table_lacks_is_a_form_of_its_particle_verb() -> None:
    """opgesloten is in no lemma line of simplemma's table; op + gesloten (sluiten's
    participle) is a form of opsluiten all the same, both ways."""
    from contentcheck.matching.lemmas import adjective_verbs, filed_participles, table

    assert "opgesloten" not in table("nl").groups and "opgesloten" not in table("nl").lemma_of
    assert filed_participles("opsluiten") == {"opgesloten"}
    assert adjective_verbs("opgesloten") == ("opsluiten",)
    assert filed_participles("instorten") == set()  # ingestort is in its own line


@pytest.mark.parametrize("verb", ["sluiten", "storen", "overstromen", "branden"])
def test_no_participle_is_filed_for_a_verb_that_lists_its_own(verb: str) -> None:
    from contentcheck.matching.lemmas import filed_participles

    assert filed_participles(verb) == set()


@pytest.mark.parametrize("term, text", [
    ("overstroomd", "De Maas overstroomt bij Venlo"),
    ("overstroomd", "Als de rivieren overstromen, staan wij klaar"),
    ("overspoeld", "Een golf aan kortingen overspoelt onze winkels!"),
])
def test_a_participle_without_ge_finds_its_verb(term: str, text: str) -> None:
    """term-syntax.md: "`ingestort` | instorten, instortte, stort ... in (a participle stands
    for its verb)". It does for gehackt (hackt), ontspoord (ontspoort), geëvacueerd
    (evacueert), but not for a participle of an inseparable over- verb: `overstroomd` (typed
    after "Limburg overstroomd", and a word of the flood-storm kit) finds *overstroomde* but
    not *overstroomt* or *overstromen*; the kit's `overspoeld` not *overspoelt*."""
    result = run("explain", text, "--term", term, "--no-shipped-lists", "--no-translations")
    assert result.exit_code == 0, result.stderr
    assert "decision: PAUSE" in result.stdout, result.stdout


@pytest.mark.parametrize(("verb", "forms"), [
    ("lekken", {"gelekte", "lekkende"}),  # the table has gelekt, lekkend only
    ("branden", {"gebrande", "brandende"}),
    ("hacken", {"gehackte", "hackende"}),  # there already
    ("afbranden", {"afgebrande"}),
    ("breken", {"brekende"}),
])
def test_a_verb_finds_its_inflected_participles(verb: str, forms: set[str]) -> None:
    """De gelekte klantgegevens: the table lists gelekte for hacken (gehackte) but not for
    lekken; the rules fill the inflected participles where the table lacks them."""
    assert forms <= table_forms(verb, "nl").forms


@pytest.mark.parametrize(("verb", "form"), [("breken", "gebrokene"), ("breken", "gebrokende"),
                                            ("betalen", "gebetaalde")])
def test_no_inflected_participle_is_made_up(verb: str, form: str) -> None:
    """A strong participle takes no -e here (gebroken), and no ge- is put on a verb whose
    participle has none (betaald)."""
    assert form not in table_forms(verb, "nl").forms


@pytest.mark.parametrize("term", ["lek", "lekken"])
@pytest.mark.parametrize("text", ["De gelekte klantgegevens: wat je moet weten",
                                  "Een lekkende database bij de bank"])
def test_a_leak_term_finds_the_leaked_data(term: str, text: str) -> None:
    assert hits(term, text), (term, text)
