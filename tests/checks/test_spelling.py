"""spelling: Dutch and English words looked up in pyspellchecker's dictionaries, compounds of
common words accepted, names and the team's allow-list left alone, suggestions shown."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from contentcheck.checks.spelling import words_to_check
from tests.checks.helpers import assert_in_every_report, write_config
from tests.conftest import NOW, run, scan_json, write_csv, write_xlsx

ON = "[checks.spelling]\nenabled = true\n"
# (post text, [(word flagged, suggestion)])
EXAMPLES = [
    # should flag
    ("Bestel nu met 20% kortnig!", [("kortnig", "korting")]),
    ("Onze bezorgrs rijden voorzichtig.", [("bezorgrs", "bezorgers")]),
    ("Alle kerstpakkets zijn binnen.", [("kerstpakkets", "kerstpakket")]),
    ("Happy holidays to evryone!", [("evryone", "everyone")]),
    ("Knisperbol-klanten eten gratis", [("Knisperbol", "knipperbol")]),  # a name at the start
    # should stay quiet
    ("Onze pompoensoep is terug, met wintermode-korting.", []),  # compounds
    ("Ze zijn er weer: kerstpakketten vóór één december!", []),  # stress accents
    ("Vandaag in Utrecht bij Korenaar: Black Friday sale", []),  # names, English in Dutch
    ("Volg ons op #Kerstmarkt2026 via @korenaar_nl of https://korenaar.nl/kerstt", []),
    ("Bel 030-1234567 of mail naar info@korenaar.nl, KVK 1234", []),
    ("Onze dagsmenu's en weekaanbiedingen", []),
    ("We're open on Sunday, don't miss it", []),
]


@pytest.mark.parametrize(("text", "flagged"), EXAMPLES)
def test_examples(tmp_path: Path, text: str, flagged: list) -> None:
    calendar = write_xlsx(tmp_path / "kalender.xlsx", {"Planning": [
        ["Datum", "Tijd", "Kanaal", "Bericht"], [dt.datetime(2026, 11, 25), "09:00", "X", text]]})
    post = scan_json(calendar, "--config", write_config(tmp_path, ON))["posts"][0]
    assert [(m["matched"], m["suggestion"]) for m in post["matches"]] == flagged
    assert post["status"] == ("review" if flagged else "ok")


def test_the_allow_list_in_the_config_and_in_a_file(tmp_path: Path) -> None:
    (tmp_path / "merken.txt").write_text("# onze merken\nKnisperbol  # het broodje\n",
                                         encoding="utf-8")
    calendar = write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht"],
        ["25-11-2026", "09:00", "X", "Wij bakken de knisperbol en de zuurdesembollo"],
        ["26-11-2026", "09:00", "X", "Nieuw: de zuurdesembollo"]])
    config = write_config(tmp_path, ON + 'allow = ["zuurdesembollo"]\nallow_files = ["merken.txt"]\n')
    assert {p["status"] for p in scan_json(calendar, "--config", config)["posts"]} == {"ok"}
    quiet = write_config(tmp_path, ON)
    assert [m["matched"] for p in scan_json(calendar, "--config", quiet)["posts"]
            for m in p["matches"]] == ["knisperbol", "zuurdesembollo", "zuurdesembollo"]


def test_off_by_default(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht"], ["25-11-2026", "09:00", "X", "Met 20% kortnig"]])
    assert scan_json(calendar)["posts"][0]["status"] == "ok"


def test_a_missing_allow_file_is_exit_2(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "kalender.csv", [["Datum", "Bericht"], ["25-11-2026", "Hoi"]])
    config = write_config(tmp_path, ON + 'allow_files = ["weg.txt"]\n')
    result = run("scan", calendar, "--config", config, "--now", NOW)
    assert result.exit_code == 2 and "weg.txt" in result.stderr


def test_only_words_are_looked_at() -> None:
    text = "Zie https://x.nl/kerstt, #Kerst2026 @korenaar: 12x KORTING bij iPhone en Utrecht. Goed"
    assert [w for *_, w in words_to_check(text)] == ["Zie", "bij", "Goed"]


def test_in_every_report_and_in_explain(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht"], ["25-11-2026", "09:00", "X", "Met 20% kortnig"]])
    config = write_config(tmp_path, ON)
    assert_in_every_report(tmp_path, calendar, "'kortnig' in Bericht is in neither dictionary "
                           "(Dutch, English); suggestion: 'korting'", "--config", config)
    assert_in_every_report(tmp_path, calendar, "'kortnig' in Bericht staat in geen van beide "
                           "woordenboeken (Nederlands, Engels); suggestie: 'korting'",
                           "--config", config, lang="nl")
    result = run("explain", "Met 20% kortnig", "--config", config, "--no-shipped-lists")
    assert "[spelling, review] 'kortnig' in text is in neither dictionary" in result.stdout
