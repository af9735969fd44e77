"""QA round 9 of detection as a user sees it: crisis terms typed on a crisis morning at a
bank, a telecom and a fashion chain, the kit chosen from them, `crisis suggest`, `explain`.
One test per finding, named for the bug (bench/README.md, "QA round 9 (terms)")."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests.conftest import NOW, run, write_csv


def _explain(text: str, *terms: str, lang: str = "en") -> str:
    args = [arg for term in terms for arg in ("--term", term)]
    result = run("explain", text, *args, "--lang", lang)
    assert result.exit_code == 0, result.stderr
    return result.stdout


# 1. a plural noun made from a participle stood for its verb


@pytest.mark.parametrize(("typed", "text"), [
    # a hostage-taking: the prisoners; a telecom's offer says "catch"
    ("gevangenen", "Vang de beste deals van het jaar!"),
    ("gevangenen", "Vorige week vingen we al duizend nieuwe klanten."),
    # those involved; a bank's post says "involve your customers"
    ("betrokkenen", "Betrek je klanten bij je merk met onze zakelijke app."),
    # a bank's data breach: the data; a post says the team "gave" everything
    ("gegevens", "Ons team heeft alles gegeven voor de beste service."),
    ("gegevens", "Het is een bekend gegeven: sparen loont."),
])
def test_a_plural_noun_of_a_participle_does_not_pause_its_verbs_everyday_forms(
        typed: str, text: str) -> None:
    """`--term gevangenen` paused "Vang de beste deals!" (lemma: 'vang' is a form of
    'gevangenen'); `--term gegevens` paused "alles gegeven" and added the singular
    'gegeven' as a pause term: the noun stood for the verb it was made from."""
    said = _explain(text, typed)
    assert "decision: PAUSE" not in said, said


def test_a_plural_noun_of_a_participle_still_finds_its_own_forms() -> None:
    said = _explain("De gevangenen zijn vrijgelaten; de gegevens van 2.000 klanten gelekt.",
                    "gevangenen", "gegevens")
    assert "'gevangenen' at" in said and "'gegevens' at" in said, said


def test_crisis_add_gegevens_adds_no_singular_gegeven(tmp_path: Path) -> None:
    """`crisis suggest` offers 'gegevens' (a word of the data-breach kit); added, it brought
    'singulars (pause, 1): gegeven (gegevens)': every "gegeven" paused."""
    started = run("crisis", "start", "Datalek", "--term", "datalek", "--term", "gegevens")
    assert started.exit_code == 0, started.stderr
    assert "gegeven (gegevens)" not in started.stdout, started.stdout


# 2. crisis suggest offered the English "store" for the Dutch "storing"


def test_suggest_offers_no_english_store_for_a_dutch_storing(tmp_path: Path) -> None:
    """A telecom's outage (`storing`): `crisis suggest` listed "3. store  same word stem as
    'storing'; in 2 upcoming posts" and its "add with: ... --from-suggestions 1,2,3" took it:
    every post about a shop would pause."""
    calendar = write_csv(tmp_path / "kal.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht"],
        ["25-11-2026", "12:00", "X", "Visit our flagship store in Amsterdam for the winter sale!"],
        ["25-11-2026", "13:00", "X", "Our stores are open late this Thursday."],
        ["25-11-2026", "14:00", "X", "Vacature: storingsmonteur gezocht voor ons netwerkteam."]])
    assert run("crisis", "start", "Storing", "--term", "storing", "--term", "KPN",
               "--now", NOW).exit_code == 0
    said = run("crisis", "suggest", "Storing", str(calendar), "--now", NOW)
    assert said.exit_code == 0, said.stderr
    listed = [line.split()[1] for line in said.stdout.splitlines()
              if line[:4].strip().rstrip(".").isdigit()]
    assert "store" not in listed and "stores" not in listed, said.stdout
    assert "storingsmonteur" in listed, said.stdout  # the Dutch compound stays a suggestion


# 3. the kit was not chosen from the word everyone types


@pytest.mark.parametrize(("typed", "kit"), [
    ("vermist", "missing-child"),     # `crisis kits` even names vermist in its description
    ("riot", "riots"),
])
def test_the_word_a_person_types_chooses_its_kit(typed: str, kit: str) -> None:
    """`--term vermist` chose no kit: the missing-child kit has vermiste, vermissing and
    "vermist kind", none of which finds the bare word; `--term riot` none (the kit has
    riots)."""
    said = _explain("Hallo", typed)
    assert f"kit:      kit {kit}, chosen from your term {typed}" in said, said


# 4. a Dutch -isme word was called a plural of an English word


@pytest.mark.parametrize(("typed", "english"), [("racisme", "racism"),
                                                ("terrorisme", "terrorism")])
def test_a_dutch_isme_word_is_no_plural_of_the_english_word(typed: str, english: str) -> None:
    """`--term racisme` said "crisis term 'racisme' is a plural: it finds racisme and its
    forms, not 'racism'; add that as a term to find the singular too"."""
    said = _explain("Hallo", typed)
    assert "is a plural" not in said and f"'{english}'" not in said, said


# 5. the data-breach kit knew "leaked" but not "gelekt"


def test_the_data_breach_kit_finds_gelekt() -> None:
    """A bank's data breach: "Er zijn gegevens gelekt" is the event; the kit had the English
    `leaked` and no Dutch word for it, so `--kit data-breach` did not pause it."""
    said = run("explain", "Er zijn gegevens van klanten gelekt.", "--kit", "data-breach",
               "--no-shipped-lists").stdout
    assert "decision: PAUSE" in said, said


# 6. -isme terms did not find their English word


@pytest.mark.parametrize(("typed", "text"), [
    ("terrorisme", "Terrorism has no place in our city."),
    ("racisme", "Racism has no place at our company."),
])
def test_a_typed_isme_word_finds_its_english_translation(typed: str, text: str) -> None:
    said = _explain(text, typed)
    assert "decision: PAUSE" in said, said


# 7. an English term typed as a participle found none of its family


def test_evacuated_finds_evacuation() -> None:
    """`--term evacuated` (a flood) missed "Evacuation centres are open", where
    `--term geëvacueerd` finds *evacuatie* and `--term evacuate` *evacuation*."""
    said = run("explain", "Evacuation centres are open across the region.", "--term",
               "evacuated", "--no-shipped-lists", "--no-kit-guess").stdout
    assert "decision: PAUSE" in said, said


# 8. Dutch wording: "je termen" for one term


def test_a_kit_chosen_from_one_term_says_je_term_in_dutch(tmp_path: Path) -> None:
    """`scan --lang nl --term vermissing`: "kit missing-child, gekozen bij je termen
    vermissing" (the English says "your term")."""
    calendar = write_csv(tmp_path / "kal.csv", [["Datum", "Tijd", "Kanaal", "Bericht"],
                                                ["25-11-2026", "12:00", "X", "Hallo"]])
    said = run("scan", calendar, "--term", "vermissing", "--now", NOW, "--lang", "nl").stdout
    assert "gekozen bij je term vermissing:" in said, said
    two = run("scan", calendar, "--term", "vermissing", "--term", "ontvoerd", "--now", NOW,
              "--lang", "nl").stdout
    assert "gekozen bij je termen vermissing, ontvoerd:" in two, two


# 9. the Dutch workbook said "(chosen, review)"


def test_the_dutch_workbook_names_a_chosen_kit_in_dutch(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "kal.csv", [["Datum", "Tijd", "Kanaal", "Bericht"],
                                                ["25-11-2026", "12:00", "X", "Hallo"]])
    report = tmp_path / "review.xlsx"
    result = run("scan", calendar, "--term", "vermissing", "--now", NOW, "--lang", "nl",
                 "-o", report)
    assert result.exit_code in (0, 1), result.stderr
    cells = [str(cell) for row in openpyxl.load_workbook(report).worksheets[0].iter_rows(
        values_only=True) for cell in row if cell]
    assert not any("(chosen, review)" in cell for cell in cells), cells
    assert any("kit missing-child (gekozen, controle)" in cell for cell in cells), cells


# 10. the kit line counted words the team had removed


def test_the_chosen_kit_line_counts_without_removed_words() -> None:
    """`crisis remove Datalek wachtwoord` and the line still said "21 tone-deaf words"."""
    assert run("crisis", "start", "Datalek", "--term", "datalek").exit_code == 0
    before = run("crisis", "show", "Datalek").stdout
    assert "and 21 tone-deaf words" in before, before
    assert run("crisis", "remove", "Datalek", "wachtwoord").exit_code == 0
    after = run("crisis", "show", "Datalek").stdout
    assert "and 20 tone-deaf words" in after, after


# 11. an empty --term


def test_an_empty_term_is_called_empty() -> None:
    """`--term ""` (a shell variable that was not set) said "a language without a term"."""
    result = run("explain", "Hallo", "--term", "")
    assert result.exit_code == 2
    assert "--term 1: an empty term" in result.stderr, result.stderr


# 12. a participle was called the plural of a past tense


@pytest.mark.parametrize(("typed", "past"), [("verloren", "verloor"), ("bevroren", "bevroor")])
def test_a_participle_is_no_plural_of_a_past_tense(typed: str, past: str) -> None:
    """`--term verloren` said "crisis term 'verloren' is a plural: it finds verloren and its
    forms, not 'verloor'; add that as a term": verloor is the past of verliezen."""
    said = _explain("Hallo", typed)
    assert f"'{past}'" not in said and "is a plural" not in said, said


# 13. a telecom's outage paused a hotel's "uitvalsbasis"


def test_uitval_does_not_pause_an_uitvalsbasis() -> None:
    """A telecom's outage (`--term storing --term uitval`, the data-breach kit chosen):
    "Een uitvalsbasis voor je vakantie" (a base for your holiday) paused; the kit keeps
    *uitvalsweg* out, not *uitvalsbasis*."""
    said = _explain("Een uitvalsbasis voor je vakantie: ons partnerhotel.", "storing", "uitval")
    assert "decision: OK" in said, said
    assert "decision: PAUSE" in _explain("Stroomuitval legt het netwerk stil.", "storing",
                                         "uitval")


# 14. a crisis file saved on Windows could not be declared


def test_crisis_start_reads_a_terms_file_with_windows_line_ends(tmp_path: Path) -> None:
    """A crisis file typed in Notepad (CRLF, a BOM) works with `scan --crisis`, and `crisis
    start NAME --terms-file` refused it: "crisis term '# Crisis: aanslag Utrecht' holds a
    control character (U+000D); type it without"."""
    terms = tmp_path / "aanslag.txt"
    terms.write_bytes("\ufeff# Crisis: aanslag Utrecht\r\naanslag\r\nUtrecht\r\n".encode())
    started = run("crisis", "start", "Aanslag", "--terms-file", terms, "--now", NOW)
    assert started.exit_code == 0, started.stderr
    assert run("crisis", "add", "Aanslag", "--terms-file", terms, "--now", NOW).exit_code == 0
    calendar = write_csv(tmp_path / "kal.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht"],
        ["25-11-2026", "12:00", "X", "Onze winkel in Utrecht is vandaag dicht."]])
    said = run("scan", calendar, "--now", NOW, "--no-shipped-lists", "--format", "json")
    assert '"status":"pause"' in said.stdout, said.stdout


# 15. the option that names a crisis file differs between scan and crisis start


def test_crisis_start_takes_the_crisis_file_as_scan_does(tmp_path: Path) -> None:
    """The on-call person scanned with `--crisis aanslag.txt`, then declared it with the same
    flag: "No such option '--crisis'" (crisis start calls it --terms-file)."""
    terms = tmp_path / "aanslag.txt"
    terms.write_text("aanslag\nUtrecht\n", encoding="utf-8")
    started = run("crisis", "start", "Aanslag", "--crisis", terms, "--now", NOW)
    assert started.exit_code == 0, started.stderr
    assert "2 terms" in started.stdout, started.stdout


# 16. a wildcard on a verb's stem took the verb's own noun of the event for another word


@pytest.mark.parametrize(("typed", "text"), [
    ("besmet*", "Besmettingen nemen toe in de regio."),
    ("ontplof*", "Twee ontploffingen in de haven vannacht."),
    ("overstroom*", "Overstromingen in Limburg: onze winkels blijven dicht."),
    ("ontspoor*", "Ontsporing bij Harmelen: geen treinen tot vanavond."),
])
def test_a_verb_stem_wildcard_pauses_the_verbs_ing_noun(typed: str, text: str) -> None:
    """`--term 'besmet*'` (an outbreak) gave "Besmettingen nemen toe" only a review ("a word
    of its own that begins with the wildcard"), and `overstroom*`, `ontspoor*` did not find
    *overstromingen*, *ontsporing* at all (the noun drops a vowel), where `besmet` and
    `overstroomd` typed plainly find them."""
    said = run("explain", text, "--term", typed, "--no-shipped-lists", "--no-kit-guess").stdout
    assert "decision: PAUSE" in said, said


def test_a_wildcard_still_reviews_a_word_that_only_begins_with_it() -> None:
    said = run("explain", "Onze nieuwe branding is live.", "--term", "brand*", "--term",
               "rookwolk", "--no-shipped-lists", "--no-kit-guess").stdout
    assert "decision: REVIEW" in said, said


# 17. a translation crisis show lists could not be removed


def test_crisis_remove_keeps_a_translation_out(tmp_path: Path) -> None:
    """`crisis show T` lists "translations (pause, 1): train (trein*)"; a telecom's English
    posts say "Train your team with us", so the on-call person runs `crisis remove T train`:
    "crisis 'T' has no term 'train'". The way to keep it out (`!train`) was not said."""
    assert run("crisis", "start", "T", "--term", "trein*", "--now", NOW).exit_code == 0
    removed = run("crisis", "remove", "T", "train", "--now", NOW)
    assert removed.exit_code == 0, removed.stderr
    assert "translation of 'trein*'" in removed.stdout, removed.stdout
    shown = run("crisis", "show", "T", "--now", NOW).stdout
    assert "train (trein*)" not in shown, shown
    said = run("explain", "Train your team with us. Met de trein naar Keulen.", "--now", NOW,
               "--no-shipped-lists").stdout
    assert "'Train' at" not in said and "'trein' at" in said, said


# 18. a singular the team removed was asked for again on every scan


def test_a_removed_singular_gets_no_note_to_add_it(tmp_path: Path) -> None:
    """`crisis remove S slachtoffer` (the singular `slachtoffers` adds), and every scan and
    `crisis add` after it said "crisis term 'slachtoffers' is a plural: ... not 'slachtoffer';
    add that as a term to find the singular too", as `!slachtoffer` in a file does not."""
    assert run("crisis", "start", "S", "--term", "slachtoffers", "--now", NOW).exit_code == 0
    assert run("crisis", "remove", "S", "slachtoffer", "--now", NOW).exit_code == 0
    calendar = write_csv(tmp_path / "kal.csv", [["Datum", "Tijd", "Kanaal", "Bericht"],
                                                ["25-11-2026", "12:00", "X", "Hallo"]])
    scanned = run("scan", calendar, "--now", NOW, "--no-shipped-lists")
    assert "'slachtoffers' is a plural" not in scanned.stdout, scanned.stdout
    added = run("crisis", "add", "S", "--term", "gewonden", "--now", NOW)
    assert "'slachtoffers' is a plural" not in added.output, added.output


# 19. a bus crash or a train accident written -ongeval chose no kit


@pytest.mark.parametrize("typed", ["busongeluk", "treinongeval", "verkeersongeval"])
def test_a_bus_crash_or_an_ongeval_chooses_the_transport_kit(typed: str) -> None:
    """`--term busongeluk` chose no kit (the kit has treinongeluk, verkeersongeluk,
    vliegtuigongeluk, no bus), nor did `treinongeval` (Dutch news writes -ongeval as often)."""
    said = _explain("Hallo", typed)
    assert f"kit:      kit transport-accident, chosen from your term {typed}" in said, said


# 20. a note about a singular nobody typed


def test_no_plural_note_about_a_singular_the_scan_added(tmp_path: Path) -> None:
    """`--term verdachten` (the suspects) finds *de verdachte* (its singular, added), and
    `explain` said "crisis term 'verdachte' is a plural: ... not 'verdacht'; add that as a
    term": a note on a term nobody typed, asking for an adjective (suspicious)."""
    said = _explain("De verdachte is opgepakt.", "verdachten")
    assert "decision: PAUSE" in said, said
    assert "crisis term 'verdachte' is a plural" not in said, said
