"""The term-file grammar: hashtags are terms, comments need '# ', ambiguous lines warn.

Every reader goes through ``terms.read_line``: term files, spreadsheet lists, ``--term`` values
saved in a crisis, and ``lists check``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contentcheck.lists.load import load_wordlist_file
from contentcheck.lists.check import check_paths
from contentcheck.matching.matcher import Matcher
from contentcheck.records import Severity
from contentcheck.matching.terms import load_crisis_file, parse_terms, read_line
from tests.conftest import NOW, run, write_csv

# (line, content read, warns)
LINES = [
    ("# a comment", "", False),
    ("#", "", False),
    ("##", "", False),
    ("## heading", "", False),
    ("#----------", "", False),
    ("#  indented comment", "", False),
    ("   # comment after spaces", "", False),
    ("\ufeff# comment after a BOM", "", False),
    ("", "", False),
    ("   ", "", False),
    ("#dijkdoorbraak", "#dijkdoorbraak", False),
    ("#DijkDoorbraak", "#DijkDoorbraak", False),
    ("  #watersnood  ", "#watersnood", False),
    ("#112nieuws", "#112nieuws", False),
    ("#tag => #andertag", "#tag => #andertag", False),
    ("#tag  @severity high", "#tag  @severity high", False),
    ("#tag  # why we watch it", "#tag", False),
    ("#Oude stijl commentaar", "", True),
    ("#todo nog nakijken", "", True),
    ("brand  # the fire", "brand", False),
    ("brand\t# tab then comment", "brand", False),
    ("brand #vuur", "brand", True),
    ("C#", "C#", False),
    ("F#", "F#", False),
    ("C++", "C++", False),
    ("prijs#1", "prijs#1", False),
    ("!bommetje  # exception with a comment", "!bommetje", False),
    ("@category weer", "@category weer", False),
]


@pytest.mark.parametrize(("raw", "content", "warns"), LINES)
def test_read_line(raw: str, content: str, warns: bool) -> None:
    line = read_line(raw)
    assert line.text == content
    assert bool(line.warning) == warns


def test_a_hashtag_line_is_a_crisis_term_and_matches_the_tag_and_the_word(tmp_path: Path) -> None:
    path = tmp_path / "crisis.txt"
    path.write_text("# dijk bij Wolfsdorp\n#dijkdoorbraak\n#Wolfsdorp\n", encoding="utf-8")
    termset = load_crisis_file(path)
    assert [t.text for t in termset.terms] == ["#dijkdoorbraak", "#Wolfsdorp"]
    assert termset.warnings == ()
    matcher = Matcher.compile(termset)
    assert [m.matched for m in matcher.find("Volg #dijkdoorbraak voor nieuws")] == ["dijkdoorbraak"]
    assert [m.matched for m in matcher.find("Na de dijkdoorbraak")] == ["dijkdoorbraak"]
    # the head alone is a loose reading (review), see test_compounds.py
    assert [m.loose is not None for m in matcher.find("Een dijk en een doorbraak")] == [True]


def test_an_ambiguous_line_warns_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "crisis.txt"
    path.write_text("storm\n#Termen van vanochtend\nregen #nat\n", encoding="utf-8")
    termset = load_crisis_file(path)
    assert [t.text for t in termset.terms] == ["storm", "regen"]
    assert len(termset.warnings) == 2
    assert termset.warnings[0].startswith(f"{path}:2: ")
    assert termset.warnings[1].startswith(f"{path}:3: ")


def test_symbol_terms_match_the_symbol_word_only() -> None:
    termset = parse_terms("C#\nC++\n", origin="x", list_name="x", category="tech",
                          severity=Severity.MEDIUM)
    matcher = Matcher.compile(termset)
    assert [m.matched for m in matcher.find("Wij zoeken een C# en C++ ontwikkelaar")] == ["C#", "C++"]
    for quiet in ("Vitamine C in een sinaasappel", "Blok C, c.q. de C-vleugel", "C#maj akkoord"):
        assert matcher.find(quiet) == [], quiet


def test_spreadsheet_list_reads_hashtags_and_skips_comments(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "eigen.csv", [["term", "category"], ["# intern", ""],
                                              ["#hittegolf", "weer"], ["#oud commentaar", ""],
                                              ["onweer", "weer"]])
    termset = load_wordlist_file(path)
    assert [t.text for t in termset.terms] == ["#hittegolf", "onweer"]
    assert len(termset.warnings) == 1 and termset.warnings[0].startswith(f"{path}:4: ")


def test_lists_check_warns_about_an_ambiguous_line(tmp_path: Path) -> None:
    path = tmp_path / "nl-eigen.txt"
    path.write_text("# ok\n#hittegolf\n#twee woorden hier\n", encoding="utf-8")
    result = check_paths([path])
    codes = [(p.line, p.code, p.level) for p in result.problems]
    assert (3, "hash", "warning") in codes
    assert not result.failed()


def test_scan_with_term_hashtag_and_crisis_file_hashtag(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "kal.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht", "Hashtags"],
        ["24-11-2026", "10:00", "Instagram", "Dag allemaal", "#hoogwater"],
        ["24-11-2026", "11:00", "Instagram", "Onze nieuwe soep", "#soep"],
        ["24-11-2026", "12:00", "Instagram", "Zie ook #Wolfsdorp", ""],
    ])
    crisis = tmp_path / "crisis.txt"
    crisis.write_text("#Wolfsdorp\n#let op deze\n", encoding="utf-8")
    result = run("scan", calendar, "--term", "#hoogwater", "--crisis", crisis, "--now", NOW,
                 "--timezone", "Europe/Amsterdam", "--format", "json", "--no-shipped-lists",
                 "--exit-zero")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    status = {p["text"]: p["status"] for p in report["posts"]}
    assert status == {"Dag allemaal": "pause", "Onze nieuwe soep": "ok",
                      "Zie ook #Wolfsdorp": "pause"}
    assert f"{crisis}:2:" in result.stdout + result.stderr + json.dumps(report)


def test_crisis_start_keeps_a_hashtag_term(tmp_path: Path, isolated_state: Path) -> None:
    result = run("crisis", "start", "dijk", "--term", "#dijkdoorbraak", "--term", "C#")
    assert result.exit_code == 0, result.stderr
    shown = run("crisis", "show", "dijk").stdout
    assert "#dijkdoorbraak" in shown and "C#" in shown


# (--term value, the term read, its language); QA round 7: "train @en" was two words
TERM_LANGUAGES = [
    ("train @en", "train", "en"),
    ("train @EN", "train", "en"),
    ("brand @nl", "brand", "nl"),
    ("brand @language nl", "brand", "nl"),
    ("storm @any", "storm", None),
    ('"hoog water" @nl', '"hoog water"', "nl"),
    ("#PrayForBoston @en", "#PrayForBoston", "en"),
]


@pytest.mark.parametrize(("value", "text", "language"), TERM_LANGUAGES)
def test_a_term_on_the_command_line_takes_a_language_at_its_end(value: str, text: str,
                                                                language: str | None) -> None:
    from contentcheck.matching.terms import crisis_terms_from_cli

    (term,) = crisis_terms_from_cli([value]).terms
    assert (term.text, term.language) == (text, language)


def test_a_language_at_the_end_of_a_file_line_and_an_unknown_one(tmp_path: Path) -> None:
    crisis = tmp_path / "crisis.txt"
    crisis.write_text("train @en\nbrand\n", encoding="utf-8")
    terms = {t.text: t.language for t in load_crisis_file(crisis).terms}
    assert terms["train"] == "en"
    crisis.write_text("storm\ntrein @fr\n", encoding="utf-8")
    result = run("explain", "Storm", "--crisis", crisis)
    assert result.exit_code == 2
    assert "crisis.txt, line 2: unknown language 'fr'" in result.stderr
    assert "Traceback" not in result.stderr
    result = run("explain", "Storm", "--term", "storm", "--term", "trein @fr")
    assert result.exit_code == 2 and "--term 2: unknown language 'fr'" in result.stderr


def test_a_scan_reads_train_at_en_as_one_english_term(tmp_path: Path) -> None:
    texts = ["Trains and trams for the whole family this weekend",
             "Training voor beginners: elke dinsdag in het park"]
    calendar = write_csv(tmp_path / "kalender.csv", [["Datum", "Tijd", "Kanaal", "Bericht"]] + [
        ["2026-11-25", f"{9 + n}:00", "Instagram", text] for n, text in enumerate(texts)])
    result = run("scan", calendar, "--term", "train @en", "--now", NOW, "--timezone",
                 "Europe/Amsterdam", "--format", "json", "--exit-zero", "--no-shipped-lists")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    status = {p["text"]: p["status"] for p in doc["posts"]}
    assert status[texts[0]] == "pause"
    assert not any("'en'" in warning for warning in doc["warnings"]), doc["warnings"]
