"""Should-flag / should-pass tables per matching rule, in Dutch and English."""

from __future__ import annotations

from dataclasses import replace

import pytest

from contentcheck.matching.matcher import Matcher
from contentcheck.records import Post, PostField, Severity
from contentcheck.matching.terms import TermSet, parse_terms

TERMS = """
ongeluk
@language any
explosie
aanslag
overstroming
gewond
amsterdam
shooting
crash
ramp
terreur
bom
hel
boom
explo*
*brand
geëxplodeerd
*xplod*
"shop till you drop"
boston explosion
storm ciara
Den Haag
PrayForBoston
🚂
💣
re:\\bcov(id)?-?19\\b
neger
reet
"code ro*"
"op tijd"
stormciara
moordaanbieding
verdrinken
instorten
dressed to kill
COVID-19
@language nl
brand => vuur
@language en
ass
@language any
!bommetje
!dwarsbomen
!brandstof
!aanslagbiljet
"""


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    termset = parse_terms(TERMS, origin="test", list_name="test", category="test",
                          severity=Severity.HIGH)
    return Matcher.compile(termset)


def hits(matcher: Matcher, text: str, language: str | None = None) -> set[tuple[str, str]]:
    found = matcher.find(text, language=language)
    for match in found:
        assert text[match.start:match.end] == match.matched
    return {(m.term, m.matched) for m in found}


SHOULD_FLAG = [
    # (rule, text, term, matched text)
    ("exact", "Een explosie in de haven", "explosie", "explosie"),
    ("inflection nl plural", "Twee explosies vannacht", "explosie", "explosies"),
    ("inflection nl plural -en", "Na de aanslagen", "aanslag", "aanslagen"),
    ("inflection nl -ingen", "Overstromingen in Limburg", "overstroming", "Overstromingen"),
    ("inflection nl -e", "Drie gewonde mensen", "gewond", "gewonde"),
    ("diminutive after k: -je", "Een klein ongelukje", "ongeluk", "ongelukje"),
    ("inflection nl place -se", "Amsterdamse grachten", "amsterdam", "Amsterdamse"),
    ("inflection en plural", "Two shootings in one week", "shooting", "shootings"),
    ("inflection en -er", "The shooter was arrested", "shooting", "shooter"),
    ("inflection en -es", "Market crashes again", "crash", "crashes"),
    ("inflection en -ed", "The site crashed", "crash", "crashed"),
    ("compound head", "Gasexplosie in flat", "explosie", "Gasexplosie"),
    ("compound modifier", "Er is explosiegevaar", "explosie", "explosiegevaar"),
    ("compound head plural", "Bosbranden in Zuid-Europa", "brand", "Bosbranden"),
    ("compound vliegramp", "Na de vliegramp", "ramp", "vliegramp"),
    ("compound terreuraanslag", "Een terreuraanslag", "aanslag", "terreuraanslag"),
    ("compound autobom", "Een autobom ontplofte", "bom", "autobom"),
    ("compound bommelding", "Bommelding op station", "bom", "Bommelding"),
    ("wildcard end", "Iets explodeerde", "explo*", "explodeerde"),
    ("wildcard start", "Grote natuurbrand", "*brand", "natuurbrand"),
    ("diacritics", "Het is geexplodeerd", "geëxplodeerd", "geexplodeerd"),
    ("upper case + diacritics", "GEËXPLODEERD", "geëxplodeerd", "GEËXPLODEERD"),
    ("combining diaeresis", "gee\u0308xplodeerd", "geëxplodeerd", "gee\u0308xplodeerd"),
    ("wildcard both ends", "Het is geëxplodeerd", "*xplod*", "geëxplodeerd"),
    ("width", "ＢＯＭ gevonden", "bom", "ＢＯＭ"),
    ("hyphen split", "Een gas-explosie", "explosie", "explosie"),
    ("unicode hyphen", "Een gas\u2011explosie", "explosie", "explosie"),
    ("slash split", "explosie/brand", "explosie", "explosie"),
    ("phrase", "Shop till you drop!", '"shop till you drop"', "Shop till you drop"),
    ("phrase punctuation", "Shop, till... you drop", '"shop till you drop"',
     "Shop, till... you drop"),
    ("phrase hashtag camel", "#ShopTillYouDrop", '"shop till you drop"', "ShopTillYouDrop"),
    ("phrase hashtag lower", "#shoptillyoudrop", '"shop till you drop"', "shoptillyoudrop"),
    ("phrase with hyphenated text", "Den Haag-Centraal", "Den Haag", "Den Haag"),
    ("proximity", "explosions near the Boston finish line", "boston explosion",
     "explosions near the Boston"),
    ("proximity hashtag", "#BostonMarathon explosion", "boston explosion",
     "BostonMarathon explosion"),
    ("hashtag camel whole", "#PrayForBoston", "PrayForBoston", "PrayForBoston"),
    ("hashtag lower whole", "#prayforboston", "PrayForBoston", "prayforboston"),
    ("hashtag split known words", "#stormciara", "storm ciara", "stormciara"),
    ("hashtag camel", "#StormCiara nadert", "storm ciara", "StormCiara"),
    ("code split", "BOOMSALE nu!", "boom", "BOOM"),
    ("joined term, words apart", "Storm Ciara nadert", "stormciara", "Storm Ciara"),
    ("joined term, hashtag", "#StormCiara", "stormciara", "StormCiara"),
    ("joined term, words apart (nl)", "Een moord aanbieding!", "moordaanbieding",
     "moord aanbieding"),
    ("emoji", "Met de 🚂 naar zee", "🚂", "🚂"),
    ("emoji skin tone / variation", "Dit is 💣🏽 goed", "💣", "💣🏽"),
    ("regex", "Nieuws over covid-19", r"re:\bcov(id)?-?19\b", "covid-19"),
    ("wildcard inside a phrase", "Code rood voor de kust", '"code ro*"', "Code rood"),
    ("hyphenated term, spaced text", "covid 19 cijfers", "COVID-19", "covid 19"),
    ("hyphenated term, joined text", "#covid19", "COVID-19", "covid19"),
    ("handle", "Volg @PrayForBoston", "PrayForBoston", "PrayForBoston"),
    ("curly apostrophe / quotes", "„Shop till you drop”", '"shop till you drop"',
     "Shop till you drop"),
    ("phrase of function words", "Altijd op tijd!", '"op tijd"', "op tijd"),
    ("nl term in nl post", "De brand is geblust", "brand", "brand"),
    ("en term in en post", "What an ass he is", "ass", "ass"),
    ("lemma table: a strong past tense", "Het hert verdronk", "verdrinken", "verdronk"),
    ("a word that only begins with the wildcard", "Een exploot van de deurwaarder", "explo*",
     "exploot"),
]

SHOULD_PASS = [
    # (rule, text, term that must not match)
    ("boundary ass/classic", "A classic look for the summer", "ass"),
    ("boundary hel/helpen", "Wij helpen je graag", "hel"),
    ("boundary hel/helling", "Een steile helling", "hel"),
    ("boundary hel/Helmond", "Groeten uit Helmond", "hel"),
    ("boundary bom/bomen", "Bomen in het park", "bom"),
    ("false friend bommetje", "Een bommetje in het zwembad", "bom"),
    ("exception inside a compound", "Een waterbommetje", "bom"),
    ("false friend dwarsbomen", "Ze dwarsbomen het plan", "bom"),
    ("false friend brandstof", "De brandstof is op", "brand"),
    ("false friend brandstof caps", "BRANDSTOF", "*brand"),
    ("false friend aanslagbiljet", "Je aanslagbiljet komt eraan", "aanslag"),
    ("false friend aanslag-biljet", "Het aanslag-biljet", "aanslag"),
    ("hashtag common word stays whole", "#helpen", "hel"),
    ("bare stem of -ing: a photo shoot", "Our photo shoot went great", "shooting"),
    ("joined term apart: no compounds", "Een moordgoede aanbieding", "moordaanbieding"),
    ("proximity needs every word", "Boston is lovely in spring", "boston explosion"),
    ("phrase order", "drop you till shop", '"shop till you drop"'),
    ("phrase gap", "shop until you really drop", '"shop till you drop"'),
    ("proximity too far", "Boston is a lovely city to visit in spring and the fireworks "
     "show has no explosion", "boston explosion"),
    ("nl term in en post", "Our brand new look", "brand"),
    ("en term in nl post", "Dat is een ass", "ass"),
    ("regex boundary", "covid19x", r"re:\bcov(id)?-?19\b"),
    ("-er word takes -s: negeren is not neger+en", "Die kun je beter negeren", "neger"),
    ("common word is no compound: discreet", "Wij zijn discreet", "reet"),
    ("short term needs a longer part: decreet", "Het decreet", "reet"),
    ("bom not bommen of boom", "bomen en bommetjes", "bom"),
    ("function words are not inflected: op is not open", "De deur gaat open tijdens de pauze",
     '"op tijd"'),
    ("English word gets English forms only: kill is not kille", "Dressed to impress, een kille wind",
     "dressed to kill"),
]


@pytest.mark.parametrize("rule,text,term,matched", SHOULD_FLAG, ids=[r[0] for r in SHOULD_FLAG])
def test_should_flag(matcher: Matcher, rule: str, text: str, term: str, matched: str) -> None:
    language = "en" if term == "ass" else "nl" if term == "brand" else None
    assert (term, matched) in hits(matcher, text, language)


@pytest.mark.parametrize("rule,text,term", SHOULD_PASS, ids=[r[0] for r in SHOULD_PASS])
def test_should_pass(matcher: Matcher, rule: str, text: str, term: str) -> None:
    language = "en" if "brand" in term else "nl" if term == "ass" else None
    assert term not in {t for t, _ in hits(matcher, text, language)}


def test_every_rule_has_an_example(matcher: Matcher) -> None:
    """Like proselint's registry test: each rule explain can name is shown by a table row."""
    from contentcheck.cli.explain import RULES

    seen = set()
    for _, text, term, matched in SHOULD_FLAG:
        language = "en" if term == "ass" else "nl" if term == "brand" else None
        seen |= {f.rule for f in matcher.explain(text, language=language)[0]
                 if (f.match.term, f.match.matched) == (term, matched)}
    crisis = Matcher.compile(TermSet([replace(t, language="nl") for t in parse_terms(
        "spoorwegongeluk\noverstroming\nbrand*\ninstorten\nvuur\ncrash\nflat\nrook\nboom\nomgevallen\n"
        "dijk*\nMeppel\n\"hoog water\"\nontvoering\nkapseis*\nquarantaine\n",
        origin="t", list_name="t", category="crisis", severity=Severity.CRISIS, crisis=True).terms],
        false_friends=frozenset({"brandstof"})))
    for text in ("Een ongeluk op de A1", "De overstorming van 1953", "Met Anna Brandt",
                 "De schuur stortte gisteren in.", "Het oud papier verbrandde snel.",
                 "Kijk naar het vuurwerk!", "Een crashcourse koken", "Een flat white graag",
                 "Het rook naar soep", "Boom! Deals van de week", "De brandstofprijs daalt",
                 "Toen viel je om van de prijzen", "De rivierdijken houden het",
                 "Alle Meppelers blijven binnen", "Het water staat hoog",
                 "Laat je ontvoeren door onze smaken", "Kapsijzen leer je zo",
                 "Quarentaineproof sporten"):
        seen |= {f.rule for f in crisis.explain(text)[0]}
    english = Matcher.compile(TermSet([replace(t, language="en") for t in parse_terms(
        "down\nfire\nplane\n", origin="t", list_name="t", category="crisis",
        severity=Severity.CRISIS, crisis=True).terms]))
    for text in ("Calm down, it is only Monday", "An airplane overhead", "Thanks, firefighters",
                 "That joke may backfire", "Ready to go ✈️"):
        seen |= {f.rule for f in english.explain(text)[0]}
    assert seen == set(RULES)


def test_exception_really_suppresses() -> None:
    """Without the shipped exceptions these words would match: the exceptions do the work."""
    bare = Matcher.compile(parse_terms("bom\nbrand\naanslag\n", origin="t", list_name="t",
                                       category="c", severity=Severity.LOW))
    for text, term in [("bommetje", "bom"), ("brandstof", "brand"), ("aanslagbiljet", "aanslag")]:
        assert term in {m.term for m in bare.find(text)}, text


def test_match_records_carry_metadata(matcher: Matcher) -> None:
    text = "Nieuw: de brand bij ons"
    (match,) = [m for m in matcher.find(text, field="caption", language="nl") if m.term == "brand"]
    assert (match.field, match.list_name, match.category, match.severity, match.suggestion) == \
        ("caption", "test", "test", Severity.HIGH, "vuur")
    assert (match.start, match.end) == (10, 15)


def test_matches_sorted_by_span(matcher: Matcher) -> None:
    found = matcher.find("💣 en een explosie en een aanslag")
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert [m.term for m in found] == ["💣", "explo*", "explosie", "aanslag"]  # same span: by term


def test_match_post_detects_language_once(matcher: Matcher) -> None:
    post = Post(source="cal.xlsx", sheet=None, row=2, scheduled_at=None, channel=None,
                status=None, fields=(PostField("Text", "Check out our brand new summer look"),
                                     PostField("Notes", "brand")))
    assert "brand" not in [m.term for m in matcher.match_post(post)]
    dutch = Post(source="cal.xlsx", sheet=None, row=3, scheduled_at=None, channel=None,
                 status=None, fields=(PostField("Tekst", "De brand is nu voorbij en we zijn weer open"),))
    assert ("brand", "Tekst") in [(m.term, m.field) for m in matcher.match_post(dutch)]


def test_regex_timeout_does_not_hang() -> None:
    slow = Matcher.compile(parse_terms("re:(a+)+$", origin="t", list_name="t", category="c",
                                       severity=Severity.LOW))
    assert slow.find("a" * 40 + "!") == []


def test_many_terms_compile_and_find() -> None:
    words = "\n".join(f"woord{i}x" for i in range(2000))
    big = Matcher.compile(parse_terms(words, origin="t", list_name="t", category="c",
                                      severity=Severity.LOW))
    assert [m.matched for m in big.find("hier staat woord1234x en woord7")] == ["woord1234x"]


def test_exception_phrase() -> None:
    """``!groene aanslag`` (algae on a terrace) takes away the hit on aanslag there only."""
    termset = parse_terms('aanslag\n!groene aanslag\n!"witte aanslag"\n', origin="t",
                          list_name="t", category="c", severity=Severity.LOW)
    assert termset.exceptions == {"groene aanslag", "witte aanslag"}
    matcher = Matcher.compile(termset)
    assert matcher.find("Weg met groene aanslag op je terras") == []
    assert matcher.find("Groene aanslagen? Witte aanslag?") == []
    assert [m.matched for m in matcher.find("De aanslag in de groene stad")] == ["aanslag"]
    findings, suppressed = matcher.explain("groene aanslag")
    assert findings == [] and [(s.word, s.exception) for s in suppressed] == [
        ("aanslag", "groene aanslag")]


def test_invalid_term_made_in_code_is_a_clean_error() -> None:
    from contentcheck.errors import TermFileError
    from contentcheck.records import Term
    from contentcheck.matching.terms import TermSet

    bad = Term(text="ex*plo", list_name="sheet", category="c", severity=Severity.LOW,
               origin="lists.xlsx:7")
    with pytest.raises(TermFileError, match="lists.xlsx:7: a wildcard"):
        Matcher.compile(TermSet((bad,)))


def test_fast_path_waits_for_every_word_of_a_phrase() -> None:
    """A common word of a phrase (shop) does not send every post down the slow path."""
    matcher = Matcher.compile(parse_terms('"shop till you drop"\nboston explosion\nexplosie\n',
                                          origin="t", list_name="t", category="c",
                                          severity=Severity.LOW))
    assert not matcher.may_match("Shop now, you will love it")
    assert not matcher.may_match("Boston in spring")
    assert matcher.may_match("Shop till you drop")
    assert matcher.may_match("explosion in Boston")
    assert matcher.may_match("een explosie")
    assert matcher.find("Shop now, you will love it") == []


def test_cache_limit_clears_safely(monkeypatch: pytest.MonkeyPatch) -> None:
    """When the per-group caches fill up they are emptied, mid-post if need be."""
    import contentcheck.matching.matcher as module

    monkeypatch.setattr(module, "CACHE_LIMIT", 3)
    matcher = Matcher.compile(parse_terms('"shop till you drop"\nexplosie\n', origin="t",
                                          list_name="t", category="c", severity=Severity.LOW))
    for _ in range(3):
        assert [m.matched for m in matcher.find("a b c d e f shop till you drop g h")] == [
            "shop till you drop"]
        assert [m.matched for m in matcher.find("x y z explosie")] == ["explosie"]
