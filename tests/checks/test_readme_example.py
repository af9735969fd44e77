"""The README's reviewing example (a crisis term, a house-style word and a repeated error side
by side) is what contentcheck prints for that calendar, word for word."""

from __future__ import annotations

from pathlib import Path

from tests.checks.helpers import write_config
from tests.conftest import documentation, run, write_csv


def _example() -> str:
    text = documentation()
    start = text.index("CRISIS ACTIVE (crisis Prijsfout kerststol")
    return text[start:text.index("```", start)].strip()


def test_the_readme_reviewing_example_is_true(tmp_path: Path) -> None:
    for args in (["Prijsfout kerststol", "--error", "€ 2,99"], ["Treinongeluk", "--term", "trein"]):
        assert run("crisis", "start", *args, "--now", "2026-11-24T07:00").exit_code == 0
    write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht", "Link"],
        ["24-11-2026", "12:00", "Instagram", "Met de trein naar de kerstmarkt? Onze excuses voor "
         "het ongemak, de bus rijdt wel.", "https://www.korenaar.nl/kerstmarkt"],
        ["25-11-2026", "09:00", "Facebook", "Kerststol-bites nu voor €2.99!",
         "https://www.korenaar.nl/kerststol"],
        ["26-11-2026", "18:30", "LinkedIn", "Wij van Korenaar wensen u fijne feestdagen", ""]],
        encoding="utf-8")
    config = write_config(tmp_path, "[checks.house-words]\nexample = true\n")
    result = run("scan", tmp_path / "kalender.csv", "--config", config, "--now", "2026-11-24T08:00",
                 "--timezone", "Europe/Amsterdam", "--no-shipped-lists", "--exit-zero")
    shown = result.stdout.replace(str(tmp_path / "kalender.csv"), "kalender.csv")
    assert _example() in shown
