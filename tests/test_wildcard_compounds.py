"""A prefix wildcard's stem at the back of a compound (issue 11): ``dijk*`` finds *rivierdijken*
by the compound rules, not by any substring.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contentcheck.matching import Matcher
from tests.conftest import NOW, run, write_csv
from tests.helpers_detection import PAUSE, QUIET, REVIEW, verdict
from tests.test_detection_readings import crisis

# (wildcard, term language, sentence, word, verdict)
ROWS = [
    # the stem's word, or a form of it, as the last part: a compound of the occasion
    ("dijk*", "nl", "De rivierdijk bij Zaltbommel wordt bewaakt", "rivierdijk", PAUSE),
    ("dijk*", "nl", "Alle rivierdijken in de regio worden gecontroleerd", "rivierdijken", PAUSE),
    ("dijk*", None, "Achter het zomerdijkje staat het water al hoog", "zomerdijkje", PAUSE),
    ("dijk*", "nl", "Vrijwilligers versterken de zeedijk met zandzakken", "zeedijk", PAUSE),
    ("dijk*", "nl", "De dijkwacht loopt de hele nacht", "dijkwacht", PAUSE),  # as before
    ("trein*", "nl", "Onze speelgoedtrein rijdt niet meer", "speelgoedtrein", PAUSE),
    ("trein*", None, "De sneltrein naar Zwolle is ontspoord", "sneltrein", PAUSE),
    ("trein*", "nl", "Twee goederentreinen staan stil", "goederentreinen", PAUSE),
    ("brand*", "nl", "Een bosbrand rukt op naar het dorp", "bosbrand", PAUSE),
    ("brand*", "nl", "Drie woningbranden in een week", "woningbranden", PAUSE),
    ("brand*", "nl", "Het natuurbrandje is gelukkig geblust", "natuurbrandje", PAUSE),
    # a part that is the stem's word with another word: rivier|dijkwacht
    ("dijk*", "nl", "De rivierdijkwacht is opgeroepen", "rivierdijkwacht", PAUSE),
    ("mes*", "nl", "Hij had een broodmes bij zich", "broodmes", PAUSE),
    ("hack*", None, "Onze lifehack voor een snelle lunch", "lifehack", PAUSE),
    ("hack*", "en", "Ten lifehacks for busy parents", "lifehacks", PAUSE),
    # English compounds of an English wildcard, judged on the head as for a plain term
    ("storm*", "en", "Thunderstorms expected along the coast tonight", "thunderstorms", PAUSE),
    ("flood*", "en", "Flashflooding closed the old road", "flashflooding", PAUSE),
    ("storm*", "en", "Brainstorming at ten in the studio", "brainstorming", REVIEW),
    # an everyday compound is loose, as for a plain term (a Christmas tree is no tree)
    ("boom*", "nl", "De kerstboom staat al in de etalage", "kerstboom", REVIEW),
    ("station*", "nl", "Afspreken op het treinstation om negen uur", "treinstation", REVIEW),
    # a person's name after a first name is a name, as for a wildcard hit alone
    ("dijk*", "nl", "Zangeres Anna Zomerdijk treedt vanavond op", "zomerdijk", REVIEW),
    ("brug*", "nl", "Gitarist Piet Hoogebrug speelt zaterdag", "hoogebrug", REVIEW),
    # a named bridge or dike is a bridge or a dike, as the plain term finds it
    ("brug*", "nl", "Fietsen over de Erasmusbrug bij avondlicht", "erasmusbrug", PAUSE),
    ("brug*", "nl", "Wie fotografeert de Nijlbrug het mooist?", "nijlbrug", PAUSE),
    ("dijk*", "nl", "Een wandeling over de Afsluitdijk met gids", "afsluitdijk", PAUSE),
    ("dijk*", "nl", "Morgen zingt Zomerdijk in de winkel", "zomerdijk", PAUSE),  # no first name
    # no real split: a function word, a prefix, three letters next to three
    ("raad*", "nl", "De voorraad is bijna op", "voorraad", QUIET),
    ("arm*", "nl", "Het alarm ging om zes uur af", "alarm", QUIET),
    ("ster*", "nl", "Een monster van een taart voor het weekend", "monster", QUIET),
    ("eten*", "nl", "Met een gerust geweten op vakantie", "geweten", QUIET),
    ("mes*", "nl", "Op dagmes hebben we geen dagmenu", "dagmes", QUIET),
    ("dijk*", "nl", "Het duurt eindeloos lang", "eindeloos", QUIET),
    # an s that begins the last word is no linking s: nep|spinnen (spiders), no neps|pinnen
    ("pin*", "nl", "Nepspinnen en snoep voor de buurtkinderen", "nepspinnen", QUIET),
    ("pin", "nl", "Nepspinnen en snoep voor de buurtkinderen", "nepspinnen", QUIET),
    ("pin*", "nl", "Betaalpinnen werkt weer overal", "betaalpinnen", PAUSE),
    ("slachtoffer", "nl", "Herdenking van de oorlogsslachtoffers", "oorlogsslachtoffers", PAUSE),
    # a word that merely ends with the stem's letters inside a word of its own
    ("lijk*", "nl", "Dat is natuurlijk gratis", "natuurlijk", QUIET),
    ("hack*", "nl", "Een shack aan het strand", "shack", QUIET),
    # an English wildcard gets no Dutch compounds
    ("storm*", "en", "Een zandstorm in de woestijn", "zandstorm", QUIET),
    # the suffix and infix wildcards are unchanged: they match any ending
    ("*dijk", "nl", "Langs de rivierdijken", "rivierdijken", QUIET),
]


@pytest.mark.parametrize(("term", "language", "text", "word", "expected"), ROWS)
def test_wildcard_in_compounds(term: str, language: str | None, text: str, word: str,
                               expected: str) -> None:
    assert verdict(crisis(term, language=language), text, word) == expected


def test_a_plain_term_and_its_wildcard_agree_on_compounds() -> None:
    """The wildcard finds the compounds the plain word finds (the same rules)."""
    words = ["rivierdijken", "zeedijk", "zomerdijkje", "voorraad", "eindeloos"]
    text = " en ".join(words)
    plain = {m.matched for m in Matcher.compile(crisis("dijk", language="nl")).find(text)}
    wild = {m.matched for m in Matcher.compile(crisis("dijk*", language="nl")).find(text)}
    assert plain == wild == {"rivierdijken", "zeedijk", "zomerdijkje"}


def test_the_shipped_lists_false_friend_stays_loose_inside_a_compound(tmp_path: Path) -> None:
    """brand* on diesel|brandstof: the part is the lists' ``!brandstof``: review, as alone."""
    terms = tmp_path / "brand.txt"
    terms.write_text("brand*\n", encoding="utf-8")
    result = run("explain", "Dieselbrandstof is weer duurder", "--crisis", terms)
    assert result.exit_code == 0, result.output
    assert "REVIEW" in result.output.split("decision: ")[-1].upper()
    assert "false friend" in result.output


def test_explain_names_the_split_and_the_wildcard(tmp_path: Path) -> None:
    terms = tmp_path / "hoogwater.txt"
    terms.write_text("dijk*\n", encoding="utf-8")
    result = run("explain", "De rivierdijken houden het nog", "--crisis", terms,
                 "--no-shipped-lists")
    assert result.exit_code == 0, result.output
    assert "compound: 'rivier|dijken', a part that matches 'dijk*'" in result.output
    assert "term 'dijk*' (a compound whose last part the wildcard matches)" in result.output
    assert "PAUSE" in result.output


def test_scan_on_a_real_calendar(tmp_path: Path) -> None:
    """A CSV calendar as Excel exports it (cp1252, semicolons) and a crisis file as typed."""
    terms = tmp_path / "hoogwater.txt"
    terms.write_text("dijk*\ntrein*\n", encoding="utf-8")
    posts = ["Alle rivierdijken worden vannacht bewaakt",  # pause
             "Onze speelgoedtrein is uitverkocht",  # pause
             "Zangeres Anna Zomerdijk komt naar de winkel",  # review: a name
             "De voorraad paaseieren is bijna op"]  # ok
    calendar = write_csv(tmp_path / "kalender.csv", [["Datum", "Tijd", "Kanaal", "Bericht"]] + [
        ["2026-11-25", f"{9 + n}:00", "Instagram", text] for n, text in enumerate(posts)])
    out = tmp_path / "report.json"
    result = run("scan", calendar, "--crisis", terms, "--now", NOW, "--timezone",
                 "Europe/Amsterdam", "--format", "json", "-o", out, "--exit-zero",
                 "--no-shipped-lists")
    assert result.exit_code == 0, result.output
    status = {p["text"]: p["status"] for p in json.loads(out.read_text("utf-8"))["posts"]}
    assert [status[text] for text in posts] == ["pause", "pause", "review", "ok"]
