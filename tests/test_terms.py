"""The term-file syntax: directives, exceptions, suggestions, patterns and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from contentcheck.errors import TermFileError
from contentcheck.matching.terms import (
    WordSpec,
    crisis_terms_from_cli,
    load_crisis_file,
    parse_pattern,
    parse_terms,
)
from contentcheck.records import Severity


def parse(text: str):
    return parse_terms(text, origin="list.txt", list_name="list", category="general",
                       severity=Severity.LOW)


def test_directives_comments_suggestions_exceptions() -> None:
    termset = parse("# header\n\nexplosie   # trailing comment\n@category geweld\n@severity high\n"
                    "@language nl\nslachtprijzen  => scherpe prijzen\n!Bommetje\n!aanslag-biljet\n"
                    "@language any\n💣\n")
    first, second, third = termset.terms
    assert (first.text, first.category, first.severity, first.language) == \
        ("explosie", "general", Severity.LOW, None)
    assert (second.text, second.category, second.severity, second.language, second.suggestion) == \
        ("slachtprijzen", "geweld", Severity.HIGH, "nl", "scherpe prijzen")
    assert (third.text, third.language, third.origin) == ("💣", None, "list.txt:11")
    assert termset.exceptions == {"bommetje", "aanslagbiljet"}


def test_per_line_metadata() -> None:
    termset = parse("@severity low\nslachtprijzen => scherpe prijzen  @severity high @category prijs\n"
                    "bom @language nl\nexplosie\n")
    first, second, third = termset.terms
    assert (first.text, first.suggestion, first.severity, first.category) == \
        ("slachtprijzen", "scherpe prijzen", Severity.HIGH, "prijs")
    assert (second.text, second.language, second.severity) == ("bom", "nl", Severity.LOW)
    assert (third.text, third.language, third.severity, third.category) == \
        ("explosie", None, Severity.LOW, "general")
    with pytest.raises(TermFileError, match="line 1: unknown severity"):
        parse("bom @severity enorm\n")


@pytest.mark.parametrize("text,kind,words", [
    ("explosie", "word", (WordSpec("explosie"),)),
    ("Explo*", "word", (WordSpec("explo", any_after=True),)),
    ("*aanslag", "word", (WordSpec("aanslag", any_before=True),)),
    ('"shop till you drop"', "phrase", tuple(WordSpec(w) for w in "shop till you drop".split())),
    ("“den haag”", "phrase", (WordSpec("den"), WordSpec("haag"))),
    ("gas-explosie", "phrase", (WordSpec("gas"), WordSpec("explosie"))),
    ("PrayForBoston", "phrase", (WordSpec("pray"), WordSpec("for"), WordSpec("boston"))),
    ("boston explosion", "proximity", (WordSpec("boston"), WordSpec("explosion"))),
    ("💣🏽", "word", (WordSpec("💣"),)),
])
def test_patterns(text: str, kind: str, words: tuple) -> None:
    pattern = parse_pattern(text)
    assert (pattern.kind, pattern.words) == (kind, words)


def test_regex_pattern_and_joined_form() -> None:
    assert parse_pattern(r"re:\bcovid\b").regex == r"\bcovid\b"
    assert parse_pattern("gas-explosie").joined == "gasexplosie"


@pytest.mark.parametrize("line,message", [
    ("@severity enorm", "unknown severity"),
    ("@language fr", "unknown language"),
    ("@colour red", "unknown directive"),
    ("=> iets", "a suggestion without a term"),
    ("ex*plo", "wildcard"),
    ('"open quote', "unbalanced quotes"),
    ("re:(unclosed", "bad regular expression"),
    ("re:a*", "matches empty text"),
    ("!", "exception"),
    ("***", "no word"),
])
def test_errors_name_file_and_line(line: str, message: str) -> None:
    with pytest.raises(TermFileError) as info:
        parse(f"ok\n{line}\n")
    assert info.value.line == 2
    assert message in str(info.value)
    assert str(info.value).startswith("list.txt, line 2: ")


def test_crisis_file_and_cli_terms(tmp_path: Path) -> None:
    path = tmp_path / "storm.txt"
    path.write_text("\ufeffstorm ciara\n@language nl\nwindkracht\n", encoding="utf-8")
    termset = load_crisis_file(path)
    assert [(t.text, t.language, t.crisis, t.severity, t.list_name) for t in termset.terms] == [
        ("storm ciara", None, True, Severity.CRISIS, "storm"),
        ("windkracht", "nl", True, Severity.CRISIS, "storm")]
    cli = crisis_terms_from_cli(["#PrayForBoston", "!bommetje"])
    assert [t.text for t in cli.terms] == ["#PrayForBoston"]
    assert cli.exceptions == {"bommetje"}
    with pytest.raises(TermFileError, match="--term"):
        crisis_terms_from_cli(["re:("])


def test_bad_files(tmp_path: Path) -> None:
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"ab\x00cd")
    latin = tmp_path / "y.txt"
    latin.write_bytes("ok\ngeëxplodeerd\n".encode("latin-1"))
    with pytest.raises(TermFileError, match="binary"):
        load_crisis_file(binary)
    with pytest.raises(TermFileError, match="line 2: is not UTF-8"):
        load_crisis_file(latin)
    with pytest.raises(TermFileError, match="directory"):
        load_crisis_file(tmp_path)


def test_the_documented_example_parses() -> None:
    """The README's term syntax opens with an example file: it must stay valid."""
    from tests.conftest import documentation

    doc = documentation()
    doc = doc[doc.index("# Term syntax"):]
    block = doc.split("```text\n", 1)[1].split("```", 1)[0]
    text = "\n".join(line.split("<-")[0].rstrip() for line in block.splitlines())
    termset = parse(text)
    kinds = [parse_pattern(t.text).kind for t in termset.terms]
    assert kinds == ["proximity", "phrase", "word", "word", "word", "regex"]
    assert {t.category for t in termset.terms} == {"weather"}
    assert termset.exceptions == {"stormachtige aanbiedingen"}


def test_a_term_keeps_the_pattern_it_was_read_as() -> None:
    from contentcheck.matching.terms import crisis_terms_from_cli, parse_pattern, parse_terms, pattern_of

    read = parse_terms('"shop till you drop"\nexplo*\n', origin="t.txt", list_name="t",
                       category="crime", severity=Severity.LOW)
    typed = crisis_terms_from_cli(["trein", "boston explosion"])
    for term in (*read.terms, *typed.terms):
        assert term.pattern is not None and term.pattern == parse_pattern(term.text)
        assert pattern_of(term) is term.pattern
    assert [t.pattern.kind for t in read.terms] == ["phrase", "word"]


@pytest.mark.parametrize("typed", ["trein, spoor", "trein,spoor", "trein; spoor", "trein/spoor",
                                   "trein / spoor", "trein OR spoor"])
def test_a_term_list_typed_in_one_term_is_read_as_its_terms(tmp_path: Path, typed: str) -> None:
    """`--term "trein, spoor"` was one phrase no post holds: both posts ok, exit 0, under a
    banner that read like two terms. A list is its terms, and the scan says so."""
    from tests.conftest import NOW, run, write_csv

    calendar = write_csv(tmp_path / "kal.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht"],
        ["24-11-2026", "12:00", "X", "Met de trein naar Aken"],
        ["24-11-2026", "13:00", "X", "Spoor 5 vertrekt om 08:12"]])
    result = run("scan", calendar, "--term", typed, "--no-shipped-lists", "--now", NOW,
                 "--timezone", "Europe/Amsterdam", "--lang", "en")
    assert result.exit_code == 1, result.stdout
    assert "2 pause" in result.stdout
    assert "is read as 2 terms (trein, spoor)" in result.stdout


@pytest.mark.parametrize(("typed", "kept"), [
    ('"trein, spoor"', '"trein, spoor"'), ("re:a{1,3}b", "re:a{1,3}b"),
    ("bom => knaller, hit", "bom => knaller, hit"), ("1,5 meter", "1,5 meter"),
    ("trein,", "trein"), ("24/7", "24/7"), ("korenaar.nl/actie-oud", "korenaar.nl/actie-oud"),
    ("trein/2", "trein/2"), ("now or never", "now or never"), ('"trein/bus"', '"trein/bus"')])
def test_a_quoted_phrase_a_regex_a_suggestion_or_a_number_stays_whole(typed: str, kept: str) -> None:
    from contentcheck.matching.terms import split_term_list

    assert split_term_list("--term", typed) == ([kept], None)


def test_crisis_start_writes_a_term_list_as_its_terms(tmp_path: Path) -> None:
    from tests.conftest import run

    started = run("crisis", "start", "Spoor", "--term", "trein; spoor")
    assert started.exit_code == 0, started.stderr
    assert "2 terms" in started.stdout and "is read as 2 terms" in started.stdout
    shown = run("crisis", "show", "Spoor").stdout
    assert "  trein\n  spoor\n" in shown, shown
