"""`contentcheck crisis suggest` and `crisis add --from-suggestions`: on the bundled sample
calendar during the sample crisis, and on a calendar written for the purpose."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from contentcheck.cli.crisis import crisis
from tests.conftest import write_csv
from tests.test_crisis import amsterdam_config  # noqa: F401  (autouse: ./contentcheck.toml)

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
NOW = "2026-11-24T08:00"


def cli(*args: str, now: str = NOW) -> Result:
    return CliRunner().invoke(crisis, [*args, "--now", now], catch_exceptions=False)


def numbered(output: str) -> list[str]:
    """The suggested terms (or ``--kit NAME``), in rank order."""
    lines = [line.split(". ", 1)[1] for line in output.splitlines()
             if line[:4].strip().rstrip(".").isdigit()]
    return [line.split("  ")[0].strip() for line in lines]


@pytest.fixture
def sample_crisis() -> None:
    started = cli("start", "Treinongeluk", "--terms-file", str(SAMPLES / "crisis-treinongeluk.txt"),
                  now="2026-11-24T07:15")
    assert started.exit_code == 0, started.stderr


def translations_off(config: Path) -> None:
    """``translations = false`` in the test's ./contentcheck.toml: scans add no translations,
    so suggest proposes them."""
    config.write_text(config.read_text(encoding="utf-8") + "translations = false\n",
                      encoding="utf-8")


def test_top_ten_on_the_sample_calendar_during_the_sample_crisis(sample_crisis: None,
                                                                 amsterdam_config: Path) -> None:
    result = cli("suggest", "Treinongeluk", str(SAMPLES / "contentkalender.xlsx"))
    assert result.exit_code == 0, result.stderr
    # the kit for train accidents first; a kit phrase in the queue (row 28: "Volgende halte:
    # kerstmarkt!"). Nothing the crisis already catches (train, railway, treinkaartjes, and
    # conductor and derailment: every scan finds the translations of conducteur and
    # ontsporing), no names (Mehmet) or parts of words (producten).
    assert numbered(result.stdout) == ["--kit transport-accident", "volgende halte"]
    assert "it has treinongeluk, ontsporing, ontspoor* too" in result.stdout
    assert "row 28" in result.stdout and "translation of" not in result.stdout
    # the hint repeats --now: the same list, so the same numbers, for crisis add
    assert result.stdout.rstrip().endswith("contentkalender.xlsx --now 2026-11-24T08:00")
    translations_off(amsterdam_config)  # then the English words the crisis file lacks
    result = cli("suggest", "Treinongeluk", str(SAMPLES / "contentkalender.xlsx"))
    assert numbered(result.stdout) == ["--kit transport-accident", "volgende halte",
                                       "conductor", "derailment"]
    assert "translation of 'ontsporing'" in result.stdout


def test_from_suggestions_adds_the_chosen_terms_and_kit(sample_crisis: None,
                                                        isolated_state: Path,
                                                        amsterdam_config: Path) -> None:
    translations_off(amsterdam_config)
    calendar = str(SAMPLES / "contentkalender.xlsx")
    added = cli("add", "Treinongeluk", "--from-suggestions", "1,4", calendar)
    assert added.exit_code == 0, added.stderr
    assert "kit transport-accident" in added.stdout
    text = (isolated_state / "crises" / "treinongeluk.toml").read_text(encoding="utf-8")
    assert 'kits = ["transport-accident"]' in text and "\nderailment\n" in text
    assert numbered(cli("suggest", "Treinongeluk", calendar).stdout) == ["conductor"]
    wrong = cli("add", "Treinongeluk", "--from-suggestions", "1,7", calendar)
    assert wrong.exit_code == 2 and "'7' is not one of the 1 suggestions" in wrong.stderr


def test_related_words_in_the_queue_that_the_crisis_misses(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht", "Hashtags"],
        ["25-11-2026", "09:00", "X", "Nieuw: kipburger op de barbecue", "#KipVanDeWeek"],
        ["25-11-2026", "10:00", "X", "Onze kipsaté is terug, smullen!", ""],
        ["25-11-2026", "10:30", "X", "Verse kipdij van de boer", ""],
        ["25-11-2026", "11:00", "X", "Chicken wings for the game", ""],
        ["25-11-2026", "12:00", "X", "Nieuw in de winkel: stationery en kippendijen", ""],
    ], encoding="utf-8-sig")
    assert cli("start", "Salmonella", "--term", "kip", "--term", "salmonella").exit_code == 0
    result = cli("suggest", str(calendar))  # the only active crisis
    assert result.exit_code == 0, result.stderr
    # not chicken: every scan finds kip's translation (and so the chicken wings) already
    assert numbered(result.stdout) == ["--kit food-safety", "kipdij", "smullen", "wings"]
    # kip|dij: three letters next to a three-letter term, which the matcher leaves alone
    assert "compound part of 'kip'; in 1 upcoming post (row 4)" in result.stdout
    assert "kipburger" not in result.stdout  # the crisis term catches it already
    assert "kipsaté" not in result.stdout  # and this compound too
    assert "kippendijen" not in result.stdout and "stationery" not in result.stdout


def test_without_a_calendar_kits_and_translations_only(amsterdam_config: Path) -> None:
    assert cli("start", "Brand Moerdijk", "--term", "brand", "--term", "explosie").exit_code == 0
    assert numbered(cli("suggest", "Brand Moerdijk").stdout) == ["--kit fire-explosion"]
    translations_off(amsterdam_config)
    result = cli("suggest", "Brand Moerdijk")
    assert numbered(result.stdout) == ["--kit fire-explosion", "explosion", "fire"]


def test_no_crisis_or_two_is_one_line_and_exit_2() -> None:
    none = cli("suggest")
    assert none.exit_code == 2 and "none is active" in none.stderr
    cli("start", "A", "--term", "a1")
    cli("start", "B", "--term", "b1")
    two = cli("suggest")
    assert two.exit_code == 2 and "2 are active (A, B)" in two.stderr


def test_a_missing_or_broken_calendar_is_one_line_and_exit_2(sample_crisis: None,
                                                             tmp_path: Path) -> None:
    missing = cli("suggest", "kalender-weg.xlsx")  # named like a calendar: not a crisis name
    assert missing.exit_code == 2 and "kalender-weg.xlsx: no such file" in missing.stderr
    broken = tmp_path / "kapot.xlsx"
    broken.write_bytes(b"not a workbook")
    result = cli("suggest", "Treinongeluk", str(broken))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_from_suggestions_when_there_are_none_says_so(tmp_path: Path,
                                                      isolated_state: Path) -> None:
    """No suggestions: a plain line that there is nothing to choose from (not "numbers 1-0"),
    exit 2 (bad usage, as the exit-code table says), the crisis file untouched."""
    calendar = write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht"],
        ["25-11-2026", "09:00", "X", "Een fijne dag in de winkel"]], encoding="utf-8-sig")
    assert cli("start", "Storing", "--term", "qwzx").exit_code == 0
    crisis_file = isolated_state / "crises" / "storing.toml"
    before = crisis_file.read_bytes()
    assert cli("suggest", "Storing", str(calendar)).stdout.startswith("no suggestions")
    result = cli("add", "Storing", "--from-suggestions", "1", str(calendar))
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "contentcheck: error: --from-suggestions 1: there is nothing to choose from: no suggestions "
        "for crisis 'Storing' and these calendars; add terms with --term or --kit"]
    assert "1-0" not in result.stderr and result.stdout == ""
    assert crisis_file.read_bytes() == before
