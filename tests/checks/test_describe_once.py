"""A scan phrases each distinct finding once per language (``checks.describe``): posts that
hit the same word in the same field share one reason, whatever the word's place; a finding
that differs in anything a reason reads (the matched text) gets its own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contentcheck import checks
from contentcheck.checks import terms
from tests.conftest import run, write_csv

PINNED = ("--now", "2026-11-24T08:00", "--timezone", "Europe/Amsterdam", "--all", "--exit-zero")


@pytest.fixture
def phrased(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The terms check's phrasing, watched: (matched, language) of each call."""
    calls: list[tuple[str, str]] = []
    real = terms.describe

    def watched(finding, lang):  # type: ignore[no-untyped-def]
        calls.append((finding.matched, lang))
        return real(finding, lang)

    monkeypatch.setattr(checks, "_PHRASED", {})
    monkeypatch.setattr(terms, "describe", watched)
    return calls


def test_the_same_word_in_many_posts_is_phrased_once(tmp_path: Path,
                                                     phrased: list[tuple[str, str]]) -> None:
    calendar = write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht"],
        ["25-11-2026", "09:00", "X", "Een bom van een deal"],
        ["25-11-2026", "10:00", "X", "Vandaag: een bom van een deal, echt"],
        ["25-11-2026", "11:00", "X", "Wat een Bom van een deal"],
    ])
    result = run("scan", calendar, "--term", "bom", "--format", "json", *PINNED)
    assert result.exit_code == 0, result.stderr
    posts = sorted(json.loads(result.stdout)["posts"], key=lambda p: p["row"])
    assert [p["matches"][0]["start"] for p in posts] == [4, 13, 8]  # three places
    assert posts[0]["reasons"] == posts[1]["reasons"] != posts[2]["reasons"]
    assert "'bom'" in posts[0]["reasons"][0] and "'Bom'" in posts[2]["reasons"][0]
    assert sorted(phrased) == [("Bom", "en"), ("bom", "en")]
    table = run("scan", calendar, "--term", "bom", "--lang", "nl", *PINNED)
    assert table.stdout.count("'bom' in Bericht") == 2 and table.stdout.count("'Bom' in Bericht") == 1
    assert sorted(phrased) == [("Bom", "en"), ("Bom", "nl"), ("bom", "en"), ("bom", "nl")]
