"""house-words: the team's words to avoid, with replacements, from files in the term syntax;
quiet until the team names a file or the shipped example."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from contentcheck.checks.house_words import example_text
from tests.checks.helpers import assert_in_every_report, write_config
from tests.conftest import NOW, run, scan_json, write_csv, write_xlsx

EXAMPLE_CONFIG = "[checks.house-words]\nexample = true\n"
# (post text, the words flagged) with the shipped example switched on
EXAMPLES = [
    # should flag
    ("Onze excuses voor het ongemak, we lossen het op.", ["excuses voor het ongemak"]),
    ("Wij van Korenaar helpen je graag.", ["Wij van"]),
    ("Helaas is de actie voorbij. Helaas!", ["Helaas", "Helaas"]),
    ("U kunt middels de app bestellen.", ["middels"]),
    ("De pakketten zijn reeds verstuurd, alsmede de kaarten.", ["reeds", "alsmede"]),
    ("Wij betreuren de vertraging.", ["Wij betreuren"]),
    # should stay quiet
    ("Helaas is de actie voorbij.", []),  # one helaas is allowed (at_most)
    ("Sorry dat het misging: je pakket komt morgen.", []),
    ("Wij vanaf vandaag in Utrecht!", []),
    ("Mijn dochter is jarig.", []),
    ("We zijn al open.", []),
    ("Sorry for the inconvenience", []),  # the example is Dutch only
]



@pytest.mark.parametrize(("text", "flagged"), EXAMPLES)
def test_examples(tmp_path: Path, text: str, flagged: list[str]) -> None:
    calendar = write_xlsx(tmp_path / "kalender.xlsx", {"Planning": [
        ["Datum", "Tijd", "Kanaal", "Bericht"], [dt.datetime(2026, 11, 25), "09:00", "X", text]]})
    post = scan_json(calendar, "--config", write_config(tmp_path, EXAMPLE_CONFIG))["posts"][0]
    assert [m["matched"] for m in post["matches"]] == flagged
    assert post["status"] == ("review" if flagged else "ok")


def test_quiet_until_a_file_is_named(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht"],
        ["25-11-2026", "09:00", "X", "Onze excuses voor het ongemak"]])
    assert scan_json(calendar)["posts"][0]["status"] == "ok"


def test_a_team_file_relative_to_the_config_with_replacements(tmp_path: Path) -> None:
    team = tmp_path / "team"
    team.mkdir()
    (team / "huiswoorden.txt").write_text(
        "# onze woorden\n@language nl\nklant* => je, jij\n!klantenservice\n"
        '"neem contact op" => laat het ons weten\n', encoding="utf-8")
    config = write_config(team, '[checks.house-words]\nfiles = ["huiswoorden.txt"]\n')
    calendar = write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht", "Eerste reactie"],
        ["25-11-2026", "09:00", "X", "Onze klanten krijgen korting", "Neem contact op met de klantenservice"],
        ["26-11-2026", "09:00", "X", "Bel de klantenservice", ""]], encoding="utf-8")
    posts = sorted(scan_json(calendar, "--config", config)["posts"], key=lambda p: p["row"])
    assert posts[0]["reasons"] == [
        "'klanten' in Bericht: house style avoids 'klant*' (list huiswoorden); write 'je, jij'",
        "'Neem contact op' in Eerste reactie: house style avoids 'neem contact op' "
        "(list huiswoorden); write 'laat het ons weten'"]
    assert posts[1]["status"] == "ok"  # the exception line


def test_at_most_names_a_phrase_with_or_without_quotes(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht"],
        ["25-11-2026", "09:00", "X", "Wij van Korenaar. Wij van de bakkerij."],
        ["26-11-2026", "09:00", "X", "Wij van Korenaar, helaas, helaas"]])
    config = write_config(tmp_path, EXAMPLE_CONFIG + 'at_most = { "Wij van" = 1 }\n')
    posts = sorted(scan_json(calendar, "--config", config)["posts"], key=lambda p: p["row"])
    assert [[m["matched"] for m in p["matches"]] for p in posts] == [
        ["Wij van", "Wij van"], ["helaas", "helaas"]]  # the team's at_most replaces the default


def test_a_broken_team_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "huiswoorden.txt").write_text("@severity enorm\nreeds\n", encoding="utf-8")
    config = write_config(tmp_path, '[checks.house-words]\nfiles = ["huiswoorden.txt"]\n')
    calendar = write_csv(tmp_path / "kalender.csv", [["Datum", "Bericht"], ["25-11-2026", "Hoi"]])
    result = run("scan", calendar, "--config", config, "--now", NOW)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "huiswoorden.txt" in result.stderr


def test_a_missing_team_file_is_exit_2(tmp_path: Path) -> None:
    config = write_config(tmp_path, '[checks.house-words]\nfiles = ["weg.txt"]\n')
    calendar = write_csv(tmp_path / "kalender.csv", [["Datum", "Bericht"], ["25-11-2026", "Hoi"]])
    result = run("scan", calendar, "--config", config, "--now", NOW)
    assert result.exit_code == 2 and "weg.txt" in result.stderr


def test_the_example_file_parses_and_every_line_has_a_replacement() -> None:
    from contentcheck.matching import parse_terms
    from contentcheck.records import Severity

    terms = parse_terms(example_text(), origin="example", list_name="example",
                        category="huisstijl", severity=Severity.LOW).terms
    assert len(terms) >= 10 and all(term.suggestion for term in terms)


def test_in_every_report_and_in_dutch(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht"], ["25-11-2026", "09:00", "X", "Dat is reeds geregeld"]])
    config = write_config(tmp_path, EXAMPLE_CONFIG)
    assert_in_every_report(tmp_path, calendar, "'reeds' in Bericht: house style avoids 'reeds' "
                           "(list house-words-example); write 'al'", "--config", config)
    assert_in_every_report(tmp_path, calendar, "'reeds' in Bericht: de huisstijl vermijdt 'reeds' "
                           "(lijst house-words-example); schrijf 'al'", "--config", config,
                           lang="nl")


def test_explain_lists_the_house_words(tmp_path: Path) -> None:
    result = run("explain", "Wij van Korenaar zijn reeds open", "--config", write_config(tmp_path, EXAMPLE_CONFIG),
                 "--no-shipped-lists")
    assert result.exit_code == 0, result.stderr
    assert "other checks: 2 findings:" in result.stdout
    assert "[house-words, review] 'reeds' in text: house style avoids 'reeds'" in result.stdout
