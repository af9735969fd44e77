"""duplicate-post: the same text on the same channel twice in one calendar file is reviewed;
everything that merely looks alike stays quiet. Written as real workbooks and CSV files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import run, scan_json, write_csv, write_xlsx

D = dt.datetime
# (rows after the header [Datum, Tijd, Kanaal, Bericht], the statuses expected, in row order)
EXAMPLES = [
    # should flag
    ([[D(2026, 11, 25), "09:00", "Instagram", "Kerstpakket nu te bestellen"],
      [D(2026, 11, 27), "12:00", "Instagram", "Kerstpakket nu te bestellen"]], ["review", "review"]),
    ([[D(2026, 11, 25), "09:00", "Facebook", "Gratis bezorging!"],
      [D(2026, 11, 25), "09:00", "facebook ", "gratis   BEZORGING!"]], ["review", "review"]),
    ([[D(2026, 11, 25), "09:00", "X", "Drie keer"], [D(2026, 11, 26), "09:00", "X", "Drie keer"],
      [D(2026, 11, 27), "09:00", "X", "Drie keer"]], ["review", "review", "review"]),
    # should stay quiet
    ([[D(2026, 11, 25), "09:00", "Instagram", "Kerstpakket nu te bestellen"],
      [D(2026, 11, 25), "09:00", "Facebook", "Kerstpakket nu te bestellen"]], ["ok", "ok"]),
    ([[D(2026, 11, 25), "09:00", "Instagram", "Kerstpakket nu te bestellen"],
      [D(2026, 11, 26), "09:00", "Instagram", "Kerstpakket nu te bestellen!"]], ["ok", "ok"]),
    ([[D(2026, 11, 25), "09:00", None, "Zonder kanaal"],
      [D(2026, 11, 26), "09:00", None, "Zonder kanaal"]], ["ok", "ok"]),
    # the older copy is outside the window: only upcoming posts are compared
    ([[D(2026, 11, 20), "09:00", "X", "Terug van weggeweest"],
      [D(2026, 11, 26), "09:00", "X", "Terug van weggeweest"]], ["ok"]),
]


@pytest.mark.parametrize(("rows", "expected"), EXAMPLES)
def test_examples(tmp_path: Path, rows: list, expected: list[str]) -> None:
    calendar = write_xlsx(tmp_path / "kalender.xlsx", {"Planning": [
        ["Datum", "Tijd", "Kanaal", "Bericht"], *rows]})
    posts = sorted(scan_json(calendar)["posts"], key=lambda p: p["row"])
    assert [p["status"] for p in posts] == expected


def test_each_copy_names_the_other_in_both_languages(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht"],
        ["25-11-2026", "09:00", "Instagram", "Winterjassen -20%"],
        ["26-11-2026", "18:30", "Instagram", "Winterjassen -20%"],
    ])
    posts = sorted(scan_json(calendar)["posts"], key=lambda p: p["row"])
    assert posts[0]["reasons"] == [
        "the same text is also scheduled for Instagram in row 3 (26-11-2026 18:30)"]
    assert posts[1]["reasons"] == [
        "the same text is also scheduled for Instagram in row 2 (25-11-2026 09:00)"]
    finding = posts[0]["matches"][0]
    assert finding["check"] == "duplicate-post" and finding["severity"] == "low"
    assert finding["details"] == {"channel": "Instagram", "rows": "3", "when": "26-11-2026 18:30"}
    table = run("scan", calendar, "--now", "2026-11-24T08:00", "--timezone", "Europe/Amsterdam",
                "--no-shipped-lists", "--lang", "nl").stdout
    assert "dezelfde tekst staat ook gepland voor Instagram in rij 3 (26-11-2026 18:30)" in table


def test_the_same_post_in_two_files_is_not_a_duplicate(tmp_path: Path) -> None:
    rows = [["Datum", "Tijd", "Kanaal", "Bericht"], ["25-11-2026", "09:00", "X", "Tot morgen"]]
    first = write_csv(tmp_path / "a.csv", rows)
    second = write_csv(tmp_path / "b.csv", rows)
    assert [p["status"] for p in scan_json(first, second)["posts"]] == ["ok", "ok"]


def test_a_duplicate_that_also_hits_a_crisis_term_is_paused_with_both_reasons(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht"],
        ["25-11-2026", "09:00", "X", "Met de trein op pad"],
        ["26-11-2026", "09:00", "X", "Met de trein op pad"],
    ])
    posts = scan_json(calendar, "--term", "trein")["posts"]
    assert [p["status"] for p in posts] == ["pause", "pause"]
    assert posts[0]["reasons"][0].startswith("'trein' in Bericht matches crisis term 'trein'")
    assert posts[0]["reasons"][1].startswith("the same text is also scheduled for X")
