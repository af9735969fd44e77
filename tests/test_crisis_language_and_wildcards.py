"""Crisis terms get a language (guessed from the terms, or @language), and a wildcard hit on
a word that merely begins with the stem asks for review instead of pause. Sentences written
for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contentcheck.matching.language import guess_languages
from contentcheck.matching.terms import crisis_terms_from_cli, parse_terms
from contentcheck.records import Severity
from tests.conftest import NOW, run, write_csv
from tests.test_morphology import crisis_matcher


def crisis(text: str):
    return parse_terms(text, origin="t", list_name="t", category="crisis",
                       severity=Severity.CRISIS, crisis=True)


@pytest.mark.parametrize(("terms", "expected"), [
    (["brand", "rook", "vlammen"], ["nl", "nl", "nl"]),
    (["brand", "smoke", "flames"], ["en", "en", "en"]),
    # typed alone or among terms of both languages: the side of the NL<->EN table it names a
    # crisis on (brand: fire); a word the table has on both sides or not at all: every post
    (["brand", "rook", "smoke"], ["nl", "nl", "en"]),
    (["storm", "rook", "smoke"], [None, "nl", "en"]),
    (["flat", "rook", "smoke"], [None, "nl", "en"]),
    (["storm", "windstoten"], ["nl", "nl"]),
    (["Wolfsdorp", "dijkdoorbraak"], ["nl", "nl"]),  # a name takes the file's language
    (["brand"], ["nl"]),
    (["storm"], [None]),
])
def test_guessed_languages(terms: list[str], expected: list[str | None]) -> None:
    assert [t.language for t in crisis("\n".join(terms)).terms] == expected


def test_at_language_overrides_the_guess() -> None:
    assert [t.language for t in crisis("@language any\nbrand\nrook\n").terms] == [None, None]
    assert [t.language for t in crisis("brand  @language en\nrook\n").terms] == ["en", "nl"]


def test_term_values_are_guessed_together() -> None:
    assert [t.language for t in crisis_terms_from_cli(["brand", "blussen"]).terms] == ["nl", "nl"]


def test_guess_ignores_regex_and_emoji_terms() -> None:
    assert guess_languages([None, ["brand"], ["rook"]]) == [None, "nl", "nl"]


ROWS = [
    # (terms, text, expected: pause / review / None)
    (["brand", "rook"], "Our brand is back with a new look this spring.", None),
    (["brand"], "Our brand is built on trust.", None),  # --term brand alone: the Dutch fire
    (["brand"], "Grote brand in de haven van Delfzijl.", "pause"),
    (["brand", "rook"], "We love our brand and our customers.", None),
    (["brand", "rook"], "Grote brand in de haven van Delfzijl.", "pause"),
    (["brand", "rook"], "The brand new brand store opens today.", None),
    # a Dutch file: storm is left out of English posts; a bilingual file keeps it
    (["storm", "regen"], "The storm is coming, so stay inside with our soup!", None),
    (["storm", "gale"], "The storm is coming, so stay inside with our soup!", "pause"),
    (["brand*", "rook"], "Onze brandweer doet een oefening.", "pause"),
    (["brand*", "rook"], "Het bos brandde de hele nacht.", "pause"),
    (["brand*", "rook"], "Brandhout in de aanbieding.", "pause"),
    (["brand*", "rook"], "Nieuwe branding voor onze webshop.", "review"),
    (["brand*", "rook"], "Soep van brandnetels uit eigen tuin.", "review"),
    (["brand*", "rook"], "Brandstichting in de wijk.", "pause"),
    # a compound of one of the stem's forms is the word's compound, as the plain term finds it
    (["brug*", "Zutphen"], "Bruggenbouwers gezocht voor ons team.", "pause"),
    (["brug*", "Zutphen"], "Bruggetjes tellen tijdens de rondvaart.", "pause"),
    (["bom*", "aanslag"], "Bommenwerpers in het museum.", "pause"),
    (["brug*", "Zutphen"], "Brugklassers krijgen korting op de fiets.", "pause"),
    (["pin*", "storing"], "Pinnen kan weer bij alle kassa's.", "pause"),
    (["pin*", "storing"], "Er was een pinstoring vanochtend.", "pause"),
    (["pin*", "storing"], "Pinguïns in de dierentuin.", "review"),
    (["pin*", "storing"], "Pinda's in de aanbieding.", "review"),
    (["pin*", "storing"], "De pinautomaat doet het weer.", "pause"),
    (["terugroep*", "kaas"], "Onze terugroepactie loopt nog.", "pause"),
    (["terugroep*", "kaas"], "Alle pakken zijn teruggeroepen.", "pause"),  # the stem's verb
    (["terugroep*", "kaas"], "Wij roepen die pakken terug.", "pause"),  # split
    (["pin*", "storing"], "Gepind bij de bakker?", "pause"),
    (["brand*", "rook"], "Signeersessie met Anna Brandt in de winkel.", "review"),  # a name
    (["brand*", "rook"], "We bezorgen nu ook in Brandwijk.", "review"),
    (["brand*", "rook"], "Brandwijk krijgt een nieuwe winkel.", "pause"),  # sentence start: unknown
    (["brand*", "rook"], "Volg #BrandweerNL voor nieuws.", "pause"),  # a hashtag is no name
    (["Brand*", "rook"], "Nieuw in Brandwijk.", "pause"),  # a capitalised term means names
    (["explo*", "bom"], "Een explosie bij de fabriek.", "pause"),
    (["explo*", "bom"], "Ga op exploratie in het museum.", "review"),
]


@pytest.mark.parametrize(("terms", "text", "expected"), ROWS)
def test_wildcards_and_language(terms: list[str], text: str, expected: str | None) -> None:
    matcher = crisis_matcher(*terms)
    from contentcheck.matching.language import detect

    language = detect(text)
    matches = [m for m in matcher.find(text, language=language)]
    got = None if not matches else "review" if all(m.loose for m in matches) else "pause"
    assert got == expected, (terms, text, [(m.matched, m.loose) for m in matches])


def test_a_loose_wildcard_hit_asks_for_review_in_a_scan(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "kal.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht"],
        ["24-11-2026", "10:00", "Instagram", "Nieuwe branding voor onze webshop"],
        ["24-11-2026", "11:00", "Instagram", "De brandweer was er snel"],
        ["24-11-2026", "12:00", "Instagram", "Our brand is here to stay"],
    ])
    result = run("scan", calendar, "--term", "brand*", "--term", "rook", "--now", NOW,
                 "--timezone", "Europe/Amsterdam", "--format", "json", "--no-shipped-lists",
                 "--exit-zero")
    assert result.exit_code == 0, result.stderr
    posts = {p["text"]: p for p in json.loads(result.stdout)["posts"]}
    assert posts["Nieuwe branding voor onze webshop"]["status"] == "review"
    assert "loose reading" in " ".join(posts["Nieuwe branding voor onze webshop"]["reasons"])
    assert posts["De brandweer was er snel"]["status"] == "pause"
    assert posts["Our brand is here to stay"]["status"] == "ok"


def test_a_word_of_the_other_language_under_at_language_is_named(tmp_path: Path) -> None:
    """A crisis file copied from an English one keeps `@language en`; the Dutch word typed
    under it finds no Dutch post. QA: it was dropped without a word; now the scan says so."""
    crisis_file = tmp_path / "crisis.txt"
    crisis_file.write_text("@language en\nexplosie\nfire\n", encoding="utf-8")
    text = "Explosie bij de fabriek: onze winkel blijft vandaag dicht"
    path = write_csv(tmp_path / "kalender.csv",
                     [["Datum", "Tijd", "Kanaal", "Bericht"], ["25-11-2026", "09:00", "X", text]])
    result = run("scan", path, "--crisis", crisis_file, "--now", NOW, "--timezone",
                 "Europe/Amsterdam", "--format", "json", "--exit-zero")
    assert result.exit_code == 0, result.stderr
    warnings = json.loads(result.stdout)["warnings"]
    assert any("'explosie' is read as English (@language en) but is a Dutch word" in w
               for w in warnings), warnings
    assert not any("'fire'" in w for w in warnings)


@pytest.mark.parametrize(("typed", "named"), [
    ("e*", "has only 1 letter(s) beside its wildcard"),
    ("*s", "has only 1 letter(s) beside its wildcard"),
    ("@en", "is a word of nearly every post ('en')"),
    ("the", "is a word of nearly every post ('the')"),
])
def test_a_crisis_term_that_reaches_every_post_is_named(tmp_path: Path, typed: str,
                                                       named: str) -> None:
    """Typed in a hurry (QA: `e*` paused 23 of 29 sample posts without a word): kept as typed,
    but the scan says which term and why."""
    path = write_csv(tmp_path / "kalender.csv", [["Datum", "Tijd", "Kanaal", "Bericht"],
                                                 ["25-11-2026", "09:00", "X", "Een fijne week"]])
    result = run("scan", path, "--term", typed, "--term", "treinramp", "--now", NOW,
                 "--timezone", "Europe/Amsterdam", "--format", "json", "--exit-zero")
    warnings = json.loads(result.stdout)["warnings"]
    assert any(f"crisis term '{typed}' {named}" in w for w in warnings), warnings
    assert not any("treinramp" in w for w in warnings)


def test_brand_typed_alone_is_the_dutch_fire_in_a_scan(tmp_path: Path) -> None:
    """The issue's own example: `--term brand` alone paused "Our brand is built on trust"
    (a word of both languages, with no other term to tell the team's language)."""
    from tests.conftest import scan_json

    calendar = write_csv(tmp_path / "kal.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht"],
        ["24-11-2026", "12:00", "X", "Our brand is built on trust, and so is our service."],
        ["24-11-2026", "13:00", "X", "Fire at our Rotterdam store: everyone is safe."],
        ["24-11-2026", "14:00", "X", "Grote brand in de haven van Delfzijl."]], encoding="utf-8")
    posts = sorted(scan_json(calendar, "--term", "brand")["posts"], key=lambda p: p["row"])
    assert [p["status"] for p in posts] == ["ok", "pause", "pause"]
