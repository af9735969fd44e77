"""A Dutch crisis term typed in the plural finds its singular where that cannot be another
word (contentcheck/matching/singulars.py); elsewhere the plural note stays."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run

# (typed terms, a post, what explain decides)
ROWS = [
    (["slachtoffers"], "Het eerste slachtoffer is geïdentificeerd.", "PAUSE"),
    (["slachtoffers"], "Verkeersslachtoffer herdacht in de wijk.", "PAUSE"),
    (["windstoten"], "Een windstoot van 100 km/u verwacht.", "PAUSE"),
    (["overstromingen"], "De overstroming van vorig jaar is niet vergeten.", "PAUSE"),
    (["daken", "storm"], "Het dak van de sporthal is eraf gewaaid.", "PAUSE"),
    # a singular with an everyday sense of its own (a tax bill) asks for review
    (["aanslagen"], "De aanslag op het station.", "REVIEW"),
    (["aanslagen"], "Je voorlopige aanslag 2027 staat klaar in de app", "REVIEW"),
    (["aanslagen"], "Drie aanslagen in een week.", "PAUSE"),
    # typed with a capital (first, or a phone's autocapitalise): the word, not a name
    (["Slachtoffers"], "Het eerste slachtoffer is een kind uit Gouda", "PAUSE"),
    # the singular could be another word: the plural stays itself, with a note
    (["doden"], "Doodgewoon lekker: onze appeltaart.", "OK"),
    (["Huizen"], "Ons huis is jouw huis.", "OK"),
    (["treinen"], "De trein van 8 uur rijdt weer.", "OK"),
    (["lives"], "Live music every Friday night.", "OK"),
    # an exception keeps the singular out, never the typed plural
    (["slachtoffers", "!slachtoffer"], "Het eerste slachtoffer is geïdentificeerd.", "OK"),
    (["slachtoffers", "!slachtoffer"], "Drie slachtoffers bij het ongeluk.", "PAUSE"),
]


@pytest.mark.parametrize(("typed", "text", "decision"), ROWS)
def test_a_typed_plural_finds_its_singular_where_it_is_only_a_plural(
        typed: list[str], text: str, decision: str) -> None:
    args = [arg for term in typed for arg in ("--term", term)]
    said = run("explain", text, *args, "--no-shipped-lists").stdout
    assert f"decision: {decision}" in said


def test_explain_names_the_plural_the_singular_stands_for() -> None:
    said = run("explain", "Het eerste slachtoffer", "--term", "slachtoffers",
               "--no-shipped-lists").stdout
    assert "slachtoffer: singular of 'slachtoffers'" in said
    assert "is a plural" not in said  # the note is for a plural whose singular is not found


def test_crisis_start_and_show_list_the_singulars(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONTENTCHECK_STATE_DIR", str(tmp_path))
    started = run("crisis", "start", "Storm", "--term", "slachtoffers", "--term", "treinen")
    assert started.exit_code == 0
    assert "singulars (pause, 1): slachtoffer (slachtoffers)" in started.output
    assert "'treinen' is a plural" in started.output and "'slachtoffers' is a plural" not in started.output
    shown = run("crisis", "show", "Storm")
    assert "singulars (pause, 1): slachtoffer (slachtoffers)" in shown.output


def test_keeping_the_singular_out_of_a_crisis_file_keeps_the_typed_plural(tmp_path: Path) -> None:
    """docs/term-syntax.md: `!slachtoffer` keeps the singular out. The exception's forms
    (slachtoffers) must not stop the plural the person typed, and no note asks for the
    singular that was left out on purpose."""
    crisis = tmp_path / "crisis.txt"
    crisis.write_text("slachtoffers\n!slachtoffer\n", encoding="utf-8")
    plural = run("explain", "Drie slachtoffers bij het ongeluk", "--crisis", crisis,
                 "--no-shipped-lists")
    assert "decision: PAUSE" in plural.stdout, plural.stdout
    assert "is a plural" not in plural.stdout
    singular = run("explain", "Het eerste slachtoffer", "--crisis", crisis, "--no-shipped-lists")
    assert "decision: OK" in singular.stdout, singular.stdout


def test_crisis_remove_keeps_a_listed_singular_out() -> None:
    """`crisis show` lists 'singulars (pause, 1): slachtoffer (slachtoffers)'; `crisis remove`
    of that singular keeps it out (recorded in `dropped`), the typed plural stays."""
    assert run("crisis", "start", "Bus", "--term", "slachtoffers").exit_code == 0
    assert "slachtoffer (slachtoffers)" in run("crisis", "show", "Bus").stdout
    removed = run("crisis", "remove", "Bus", "slachtoffer")
    assert removed.exit_code == 0, removed.stderr
    assert "the singular of 'slachtoffers'" in removed.stdout
    shown = run("crisis", "show", "Bus").stdout
    assert "slachtoffer (slachtoffers)" not in shown and "dropped singulars: slachtoffer" in shown
    assert "decision: OK" in run("explain", "Het eerste slachtoffer", "--no-shipped-lists").stdout
    assert "decision: PAUSE" in run("explain", "Drie slachtoffers",
                                    "--no-shipped-lists").stdout


def test_a_kit_word_removed_does_not_return_as_a_singular() -> None:
    """`crisis remove Ramp overstroming` drops the kit's word; the typed 'overstromingen' must
    not bring it back as its singular."""
    assert run("crisis", "start", "Ramp", "--term", "overstromingen",
               "--kit", "flood-storm").exit_code == 0
    assert run("crisis", "remove", "Ramp", "overstroming").exit_code == 0
    shown = run("crisis", "show", "Ramp").stdout
    assert "dropped kit terms: overstroming" in shown
    assert "overstroming (overstromingen)" not in shown, shown


def test_a_typed_plural_is_one_reason_not_two(tmp_path: Path) -> None:
    """'Drie slachtoffers' with --term slachtoffers: the singular's forms hold the plural, and
    the scan gave two reasons for the one word (the plural and 'slachtoffer: singular of
    ...'), in the report, the mail and explain. One reason: the typed term."""
    import json

    from tests.conftest import NOW, write_csv

    calendar = write_csv(tmp_path / "kal.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht"],
        ["24-11-2026", "12:00", "X", "Drie slachtoffers bij het ongeluk"]])
    result = run("scan", calendar, "--term", "slachtoffers", "--no-shipped-lists", "--now", NOW,
                 "--timezone", "Europe/Amsterdam", "--format", "json", "--exit-zero")
    post = json.loads(result.stdout)["posts"][0]
    assert post["status"] == "pause"
    assert len(post["reasons"]) == 1, post["reasons"]
    said = run("explain", "Drie slachtoffers bij het ongeluk", "--term", "slachtoffers",
               "--no-shipped-lists").stdout
    assert "1 match:" in said and "singular of" not in said, said



@pytest.mark.parametrize(("term", "singular"), [
    ("auto's", "auto"), ("baby's", "baby"), ("schepen", "schip"), ("winkels", "winkel"),
    ("kinderen", "kind")])
def test_a_typed_plural_without_singular_gets_the_note(term: str, singular: str) -> None:
    """The apostrophe plurals, the irregular ones and winkels got neither the singular nor the
    note (the rules make no singular of them; the lemma table does): the singular post was
    ok without a word."""
    said = run("explain", "Een tekst", "--term", term, "--no-shipped-lists").stdout
    assert f"crisis term '{term}' is a plural: it finds {term} and its forms, not " \
        f"'{singular}'" in said, said


@pytest.mark.parametrize(("term", "singular"), [('"dodelijke slachtoffers"', "slachtoffer"),
                                                ('"gewonde reizigers"', "reiziger")])
def test_a_phrase_ending_in_a_plural_gets_the_note(term: str, singular: str) -> None:
    said = run("explain", "Er viel een dodelijk slachtoffer", "--term", term,
               "--no-shipped-lists").stdout
    assert f"crisis term '{term}' ends in a plural" in said and f"('{singular}')" in said, said


def test_a_phrase_with_its_singular_typed_gets_no_note() -> None:
    said = run("explain", "Een tekst", "--term", '"gewonde reizigers"', "--term",
               '"gewonde reiziger"', "--no-shipped-lists").stdout
    assert "ends in a plural" not in said, said


@pytest.mark.parametrize("term", ["Huizen", "Bergen"])
def test_a_capitalised_place_stays_a_name(term: str) -> None:
    said = run("explain", "Ons huis bij de berg", "--term", term, "--no-shipped-lists").stdout
    assert "is a plural" not in said and "decision: OK" in said, said


@pytest.mark.parametrize(("term", "noun"), [("lekken", "lek"), ("branden", "brand")])
def test_a_verb_is_not_called_a_plural(term: str, noun: str) -> None:
    """lekken and branden are verbs (gelekt, brandde are everyday words): the note names the
    noun they are also the plural of, without calling the term a plural."""
    said = run("explain", "Een tekst", "--term", term, "--no-shipped-lists").stdout
    assert "is a plural" not in said
    assert f"crisis term '{term}' is a verb, and the plural of '{noun}'" in said, said


def test_the_everyday_singular_is_listed_for_review_and_said() -> None:
    started = run("crisis", "start", "Aanslag", "--term", "aanslagen")
    assert "singulars (review, 1): aanslag (aanslagen)" in started.stdout, started.stdout
    assert "its singular 'aanslag' has an everyday sense too" in started.stdout
