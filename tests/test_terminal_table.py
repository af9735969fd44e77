"""The terminal table of flagged posts stays readable: a field of thousands of characters is
shown as its hits with some words around them, never the whole text (the reports keep it)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import NOW, run, write_csv

FILLER = "Lees hier alles over onze nieuwe collectie en de aanbiedingen van deze week. " * 80


def test_a_very_long_post_shows_its_hits_not_every_character(tmp_path: Path) -> None:
    text = FILLER + "Met de trein naar de kerstmarkt! " + FILLER + "Slot: weer de trein."
    calendar = write_csv(tmp_path / "kalender.csv", [["Datum", "Tijd", "Kanaal", "Bericht"],
                                                     ["25-11-2026", "10:00", "X", text],
                                                     ["25-11-2026", "11:00", "X", "Kort: de trein"]])
    args = ("scan", calendar, "--term", "trein", "--now", NOW, "--timezone", "Europe/Amsterdam",
            "--no-shipped-lists", "--exit-zero")
    table = run(*args).stdout
    long_line, short_line = [line for line in table.splitlines() if "trein" in line
                             and line.startswith(" ") and "->" not in line]
    assert len(text) > 12_000 and len(long_line) < 700
    assert long_line.strip().startswith("…") and long_line.count("trein") == 2
    assert " … " in long_line  # the cut between the two hits is marked
    assert short_line.strip() == "Kort: de trein"
    report = json.loads(run(*args, "--format", "json").stdout)
    assert report["posts"][0]["text"] == text  # the report keeps every character
