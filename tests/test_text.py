"""Folding and tokenizing: what counts as the same word, and where a group starts and ends."""

from __future__ import annotations

import pytest

from contentcheck.text import fold, fold_emoji, fold_with_offsets, iter_groups, split_group, tokens


@pytest.mark.parametrize("raw,folded", [
    ("geëxplodeerd", "geexplodeerd"), ("GEËXPLODEERD", "geexplodeerd"),
    ("gee\u0308xplodeerd", "geexplodeerd"), ("ＢＯＭ", "bom"), ("Straße", "strasse"),
    ("ĳsbeer", "ijsbeer"), ("Crème", "creme"),
])
def test_fold(raw: str, folded: str) -> None:
    assert fold(raw) == folded


def test_fold_with_offsets_maps_back() -> None:
    folded, offsets = fold_with_offsets("Straße")
    assert folded == "strasse" and offsets == [0, 1, 2, 3, 4, 4, 5]


@pytest.mark.parametrize("text,words", [
    ("Den Haag-Centraal", ["den", "haag", "centraal"]),
    ("gas‐explosie en/of auto's", ["gas", "explosie", "en", "of", "auto", "s"]),
    ("#PrayForBoston @ShopNL", ["pray", "for", "boston", "shop", "nl"]),
    ("#zomerSALE2024 HTMLParser", ["zomer", "sale", "2024", "html", "parser"]),
    ("❤️ 💣🏽 👨‍👩‍👧", ["❤", "💣", "👨", "👩", "👧"]),
    ("“quoted” — text…", ["quoted", "text"]),
])
def test_tokens(text: str, words: list[str]) -> None:
    assert tokens(text) == words


def test_groups_keep_spans_into_original() -> None:
    text = "Vandaag: #PrayForBoston, gas-explosie 💣🏽!"
    groups = list(iter_groups(text))
    assert [g for _, _, g in groups] == ["Vandaag", "#PrayForBoston", "gas-explosie", "💣🏽"]
    for start, end, group in groups:
        assert text[start:end] == group


def test_split_group_runs_and_cases() -> None:
    leaves, runs = split_group("#StormCiara")
    assert [(l.norm, l.start, l.end, l.cased) for l in leaves] == [
        ("storm", 1, 6, True), ("ciara", 6, 11, True)]
    assert runs == [(1, 11)]
    leaves, runs = split_group("BOOMSALE")
    assert [l.norm for l in leaves] == ["boomsale"] and runs == [(0, 8)]


def test_fold_emoji() -> None:
    assert fold_emoji("💣🏽") == "💣" and fold_emoji("❤️") == "❤"


@pytest.mark.parametrize("text,words", [
    ("IJsland", ["ijsland"]),
    ("#BezoekIJmuiden", ["bezoek", "ijmuiden"]),
    ("iPhone", ["i", "phone"]),
])
def test_dutch_ij_is_one_letter(text: str, words: list[str]) -> None:
    assert tokens(text) == words
