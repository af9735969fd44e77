"""Loading word lists: shipped, user folders of .txt/.csv/.xlsx, switched-off categories."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from contentcheck.errors import SettingsError, TermFileError
from contentcheck.lists.load import all_lists, load_lists, load_wordlist_file, without_categories
from contentcheck.records import Severity


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_shipped_lists_cover_both_languages_and_every_category() -> None:
    termset = load_lists()
    languages = {t.language for t in termset.terms}
    assert {"nl", "en", None} <= languages
    from contentcheck.lists.categories import LIST_CATEGORIES

    assert {t.category for t in termset.terms} == set(LIST_CATEGORIES)
    assert "bommetje" in termset.exceptions


def test_no_shipped_lists() -> None:
    assert len(load_lists(shipped=False)) == 0


def test_text_list_takes_language_and_category_from_the_name(tmp_path: Path) -> None:
    _write(tmp_path / "nl-concurrenten.txt", "# merken die we niet noemen\nKorenaar\n!korenaarbrood\n")
    termset = load_lists([tmp_path], shipped=False)
    (term,) = termset.terms
    assert (term.text, term.language, term.category, term.severity) == (
        "Korenaar", "nl", "concurrenten", Severity.MEDIUM)
    assert term.list_name == "nl-concurrenten"
    assert termset.exceptions == {"korenaarbrood"}


def test_directives_win_over_the_file_name(tmp_path: Path) -> None:
    _write(tmp_path / "mine.txt", "@language en\n@category crime\n@severity high\nheist => job\n")
    (term,) = load_lists([tmp_path], shipped=False).terms
    assert (term.language, term.category, term.severity, term.suggestion) == (
        "en", "crime", Severity.HIGH, "job")


def test_csv_in_cp1252_with_semicolons(tmp_path: Path) -> None:
    text = ("term;category;severity;suggestion;language\r\n"
            '"""knallende prijzen""";marketing-metaphors;low;scherpe prijzen;nl\r\n'  # as Excel writes it
            "café-explosie;disasters-accidents;hoog;;\r\n"
            "!bomvolle;;;;\r\n")
    path = _write(tmp_path / "eigen.csv", text, "cp1252")
    termset = load_wordlist_file(path)
    first, second = termset.terms
    assert (first.text, first.category, first.severity, first.suggestion, first.language) == (
        '"knallende prijzen"', "marketing-metaphors", Severity.LOW, "scherpe prijzen", "nl")
    assert (second.text, second.severity, second.language, second.category) == (
        "café-explosie", Severity.HIGH, None, "disasters-accidents")
    assert second.origin == f"{path}:3"
    assert termset.exceptions == {"bomvolle"}


def test_csv_utf8_bom_with_commas_and_dutch_headers(tmp_path: Path) -> None:
    text = "\ufeffTerm,Categorie,Ernst,Suggestie\nslachtprijzen,marketing-metaphors,review,scherpe prijzen\n"
    path = _write(tmp_path / "nl-eigen.csv", text)
    (term,) = load_wordlist_file(path).terms
    assert (term.text, term.severity, term.suggestion, term.language) == (
        "slachtprijzen", Severity.LOW, "scherpe prijzen", "nl")


def test_xlsx_list(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "en-extra.xlsx", [
        ["Term", "Category", "Severity", "Suggestion"],
        ["\"killer app\"", "marketing-metaphors", "low", "standout app"],
        [None, None, None, None],
        ["heist", None, None, None],
    ])
    first, second = load_wordlist_file(path).terms
    assert (first.text, first.suggestion, first.language, first.origin) == (
        '"killer app"', "standout app", "en", f"{path}:2")
    assert (second.text, second.category, second.severity, second.origin) == (
        "heist", "extra", Severity.MEDIUM, f"{path}:4")


def test_folder_mixes_formats_and_skips_lock_files(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", "een\n")
    _write(tmp_path / "b.csv", "term\ntwee\n")
    _xlsx(tmp_path / "c.xlsx", [["term"], ["drie"]])
    _write(tmp_path / "~$c.xlsx", "lock")
    _write(tmp_path / "notes.md", "not a list")
    names = [wl.name for wl in all_lists([tmp_path], shipped=False)]
    assert names == ["a", "b", "c"]


def test_bad_severity_in_csv_names_the_row(tmp_path: Path) -> None:
    path = _write(tmp_path / "x.csv", "term;severity\nok;low\nbad;enorm\n")
    with pytest.raises(TermFileError) as caught:
        load_wordlist_file(path)
    assert caught.value.line == 3
    assert "enorm" in caught.value.message


def test_csv_without_term_column(tmp_path: Path) -> None:
    path = _write(tmp_path / "x.csv", "woord;ernst\nbom;hoog\n")
    path.write_text("word;level\nbom;high\n", encoding="utf-8")
    assert [t.text for t in load_wordlist_file(path).terms] == ["bom"]  # "word" is an alias
    path.write_text("wat;ernst\nbom;hoog\n", encoding="utf-8")
    with pytest.raises(TermFileError, match="no 'term' column") as caught:
        load_wordlist_file(path)
    assert caught.value.line == 1


def test_broken_xlsx_and_old_xls(tmp_path: Path) -> None:
    with pytest.raises(TermFileError, match="XLSX"):
        load_wordlist_file(_write(tmp_path / "x.xlsx", "not a zip"))
    with pytest.raises(TermFileError, match=r"\.xls"):
        load_wordlist_file(_write(tmp_path / "x.xls", "old"))


def test_bad_text_list_names_the_line(tmp_path: Path) -> None:
    _write(tmp_path / "x.txt", "goed\n@severity enorm\n")
    with pytest.raises(TermFileError) as caught:
        load_lists([tmp_path], shipped=False)
    assert caught.value.line == 2


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(TermFileError, match="not a folder"):
        load_lists([tmp_path / "nope"], shipped=False)


def test_a_single_file_is_accepted_as_a_list_source(tmp_path: Path) -> None:
    path = _write(tmp_path / "en-x.txt", "heist\n")
    assert [t.text for t in load_lists([path], shipped=False).terms] == ["heist"]


def test_switch_off_categories() -> None:
    everything = load_lists()
    fewer = load_lists(disabled_categories=["marketing-metaphors", "Obscenity-Profanity "])
    categories = {t.category for t in fewer.terms}
    assert "marketing-metaphors" not in categories
    assert "obscenity-profanity" not in categories
    assert len(fewer) < len(everything)
    assert fewer.exceptions == everything.exceptions


def test_switch_off_a_user_category(tmp_path: Path) -> None:
    _write(tmp_path / "nl-concurrenten.txt", "Korenaar\n")
    assert len(load_lists([tmp_path], shipped=False, disabled_categories=["concurrenten"])) == 0
    _write(tmp_path / "nl-concurrenten.txt", "@category Concurrenten\nKorenaar\n")
    assert len(load_lists([tmp_path], shipped=False, disabled_categories=["concurrenten"])) == 0


def test_unknown_category_to_switch_off_is_an_error() -> None:
    with pytest.raises(SettingsError, match="marketing-metafoor"):
        load_lists(disabled_categories=["marketing-metafoor"])


def test_crisis_category_is_reserved(tmp_path: Path) -> None:
    _write(tmp_path / "x.txt", "@category crisis\ntrein\n")
    with pytest.raises(TermFileError, match="reserved"):
        load_lists([tmp_path], shipped=False)


def test_without_categories_keeps_everything_when_nothing_is_off() -> None:
    termset = load_lists()
    assert without_categories(termset, []) is termset


def test_categories_have_labels_in_both_languages() -> None:
    from contentcheck.lists import categories

    assert categories.LIST_CATEGORIES[-1] == "marketing-metaphors"
    assert categories.CRISIS not in categories.LIST_CATEGORIES
    assert categories.label("crime", "nl") == "Misdaad"
    assert categories.label("crime", "en") == "Crime"
    assert categories.label("concurrenten", "nl") == "concurrenten"  # a user's own category
    assert categories.is_known("terrorism") and not categories.is_known("metaforen")
    with pytest.raises(KeyError, match="marketing-metaphors"):
        categories.get("metaforen")
    for category in categories.CATEGORIES.values():
        assert category.label_nl and category.label_en and category.description


def test_a_switched_off_category_keeps_the_warnings_of_the_lists(tmp_path: Path) -> None:
    """A team list's line read two ways is named in the scan, whichever category is off:
    switching off profanity must not hide that 'ramp #fout' counts only 'ramp'."""
    import json

    from click.testing import CliRunner

    from contentcheck.cli import main

    lists = tmp_path / "lijsten"
    lists.mkdir()
    _write(lists / "team.txt", "@category disaster\n@severity high\nramp #fout\n")
    calendar = _write(tmp_path / "kalender.csv",
                      "Datum;Tijd;Kanaal;Bericht\n25-11-2026;09:00;Instagram;Een ramp voor je tuin\n",
                      "cp1252")
    out = tmp_path / "rapport.json"
    result = CliRunner().invoke(main, [
        "scan", str(calendar), "--wordlists", str(lists), "--no-shipped-lists",
        "--disable-category", "obscenity-profanity", "--now", "2026-11-24T08:00",
        "--timezone", "Europe/Amsterdam", "--format", "json", "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    warnings = json.loads(out.read_text(encoding="utf-8"))["warnings"]
    assert any("team.txt:3" in w and "#fout" in w for w in warnings), warnings
