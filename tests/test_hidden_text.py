"""Invisible characters and look-alike letters do not hide a word (issue 12): zero-width
space and joiners, soft hyphen, a stray BOM, Cyrillic or Greek letters in a Latin word,
circled and small-capital letters are read as what they show; the match's span still points
at the original text, and explain says the text held them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contentcheck import text
from tests.conftest import NOW, run, write_csv

HIDDEN = {
    "zero-width space": "b\u200bom",
    "zero-width joiner": "bo\u200dm",
    "zero-width non-joiner": "b\u200com",
    "soft hyphen": "bo\u00adm",
    "stray BOM": "\ufeffbom",
    "word joiner": "b\u2060om",
    "Cyrillic o": "b\u043em",
    "Greek capital Beta": "\u0392om",
    "small capitals": "\u0299\u1d0f\u1d0d",
    "circled letters": "\u24d1\u24de\u24dc",
    "Cyrillic capitals": "B\u041eM",
}


def _scan_json(calendar: Path, *extra: str) -> dict:
    result = run("scan", calendar, "--now", NOW, "--timezone", "Europe/Amsterdam",
                 "--format", "json", "--exit-zero", *extra)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_each_kind_of_hiding_still_matches_with_spans_into_the_original(tmp_path: Path) -> None:
    rows = [["Datum", "Kanaal", "Bericht"]]
    rows += [["25-11-2026", kind, f"Vanavond: een {word} in het centrum"] for kind, word in HIDDEN.items()]
    rows.append(["25-11-2026", "control", "Vanavond: een boom in het centrum"])
    calendar = write_csv(tmp_path / "kalender.csv", rows, encoding="utf-8-sig")
    report = _scan_json(calendar, "--term", "bom", "--no-shipped-lists")
    by_channel = {post["channel"]: post for post in report["posts"]}
    for kind, word in HIDDEN.items():
        post = by_channel[kind]
        assert post["status"] == "pause", kind
        [match] = post["matches"]
        assert post["text"][match["start"]:match["end"]] == match["matched"] == word, kind
    assert by_channel["control"]["status"] == "ok"


def test_shipped_lists_see_through_hiding_too(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Bericht"],
        ["25-11-2026", "Onze korting is een aan\u200bslag op je portemonnee"],
        ["26-11-2026", "Onze korting is een a\u0430nslag op je portemonnee"],  # Cyrillic а
    ], encoding="utf-8")
    report = _scan_json(calendar)
    assert [p["status"] for p in report["posts"]] == ["review", "review"]
    assert all("slag" in p["matches"][0]["matched"] for p in report["posts"])


def test_explain_says_the_text_held_them() -> None:
    result = run("explain", "Een b\u200bom en een b\u043em", "--term", "bom", "--no-shipped-lists")
    assert result.exit_code == 0
    assert "hidden:   2 invisible or look-alike character(s)" in result.stdout
    assert "U+200B ZERO WIDTH SPACE at 5 read as nothing" in result.stdout
    assert "U+043E CYRILLIC SMALL LETTER O at 17 read as 'o'" in result.stdout
    assert "2 matches" in result.stdout
    plain = run("explain", "Een bom", "--term", "bom", "--no-shipped-lists")
    assert "hidden:" not in plain.stdout


@pytest.mark.parametrize("sample", ["Привет, мир", "Καλημέρα κόσμε", "👩\u200d👩\u200d👧 familie",
                                  "gewoon café-terras"])
def test_real_other_scripts_and_emoji_are_not_reported_as_hidden(sample: str) -> None:
    assert text.hidden_characters(sample) == []


def test_terms_and_text_fold_alike() -> None:
    assert text.tokens("ʙᴏᴍ-ⓐⓛⓐⓡⓜ") == ["bom", "alarm"]
    assert text.fold("wereld\u00adoorlog") == "wereldoorlog"
    assert text.tokens("2026\u200bSTORM") == ["2026", "storm"]
