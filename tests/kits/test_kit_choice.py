"""Kits chosen from the typed terms (contentcheck/kit_choice.py): which typed term sets choose
which kit, and what a scan, a report, explain and the crisis commands do with the choice."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner, Result

from contentcheck.cli.crisis import crisis
from contentcheck.kit_choice import choose_kits
from contentcheck.matching import crisis_terms_from_cli
from tests.conftest import NOW, run, scan_json, write_csv

# (typed terms, the kits chosen): Dutch and English; the vehicle, product or place of the
# incident (trein, kip, Utrecht) is in no kit and chooses nothing on its own
CHOOSES = [
    (["salmonella", "kip"], ["food-safety"]),
    (["terugroepactie", "pindakaas"], ["food-safety"]),
    (["datalek", "klantgegevens"], ["data-breach"]),
    (["hack*", "webshop"], ["data-breach"]),
    (["treinongeluk", "trein"], ["transport-accident"]),
    (["aardbeving", "Groningen"], ["earthquake"]),
    (["schietpartij", "Alphen"], ["violence-attack"]),
    (["overstroming", "dijk"], ["flood-storm"]),
    (["storm", "code rood"], ["flood-storm"]),
    (["lockdown"], ["pandemic"]),
    (["overleden", "koningin"], ["mourning"]),
    (["excuses", "prijsfout"], ["brand-blunder"]),
    (["brand*", "rook"], ["fire-explosion"]),
    (["wildfire"], ["fire-explosion"]),
    (["earthquake"], ["earthquake"]),
    (["data breach"], ["data-breach"]),
    (["ransomware"], ["data-breach"]),
    (["shooting"], ["violence-attack"]),
    (["flood", "river"], ["flood-storm"]),
    (["derailment"], ["transport-accident"]),
    (["plane crash"], ["transport-accident"]),
    (["outbreak"], ["pandemic"]),
    (["food poisoning"], ["food-safety"]),
    (["#datalek"], ["data-breach"]),  # a hashtag typed as a term
    (["brug", "ingestort"], ["collapse"]),
    (["gijzeling", "gijzelnemer"], ["hostage"]),
    (["verdronken", "zwemmer"], ["drowning"]),
    (["gedrang", "festival"], ["crowd-crush"]),
    (["crowd crush"], ["crowd-crush"]),
    (["aardbeving", "puin"], ["earthquake"]),  # puin alone is collapse's word too
    # a set that fits two kits, one term each: both
    (["explosie", "aanslag"], ["fire-explosion", "violence-attack"]),
    (["crash", "storing"], ["data-breach", "transport-accident"]),
    (["gijzeling"], ["hostage", "violence-attack"]),
    (["puin"], ["collapse", "earthquake"]),
    # a kit sharing half as many terms as the best one, or fewer, is not chosen: two fire
    # words and an evacuation make a fire, not a flood too
    (["explosie", "ontploffing", "evacuatie"], ["fire-explosion"]),
    (["gaslek", "explosie", "evacuatie"], ["fire-explosion"]),
    # none
    (["trein", "spoor"], []),
    (["brug"], []),
    (["kip"], []),
    (["Utrecht"], []),
    (["staking", "stakers"], []),
    (["faillissement"], []),
    (["oorlog"], ["war"]),
    (["bom"], []),
    (["strike", "union"], []),
    # an English compound holding a kit word is no fit (gunfire holds fire): the shooting kit
    (["gunfire"], ["violence-attack"]),
    # in a typed phrase the kit's word must be the head: a rip current is no RIP
    (["rip current"], ["drowning"]),
    (["bridge collapse"], ["collapse"]),
    (["rip current", "verdrinking"], ["drowning"]),
]


@pytest.mark.parametrize(("typed", "kits"), CHOOSES)
def test_which_typed_terms_choose_which_kit(typed: list[str], kits: list[str]) -> None:
    chosen = choose_kits(crisis_terms_from_cli(typed))
    assert sorted(choice.kit.name for choice in chosen) == kits


def test_a_choice_names_the_typed_terms_it_came_from() -> None:
    (choice,) = choose_kits(crisis_terms_from_cli(["datalek", "hack*", "webshop"]))
    assert choice.terms == ("datalek", "hack*")
    assert choice.source == "kit data-breach, chosen from your terms datalek, hack*"
    line = choice.line()
    assert line.startswith("kit data-breach, chosen from your terms datalek, hack*: ")
    assert "ask for review, never a pause" in line and "--kit data-breach" in line
    assert "--no-kit-guess" in line


def test_every_word_of_a_chosen_kit_asks_for_review() -> None:
    (choice,) = choose_kits(crisis_terms_from_cli(["datalek"]))
    words = choice.termset().terms
    assert words and not any(term.crisis for term in words)
    assert {term.list_name for term in words} == {choice.source}
    texts = {term.text for term in words}
    assert {"persoonsgegevens", "ransomware", "gegevens", "veilig"} <= texts
    kept = {term.text for term in choice.termset(dropped=["persoonsgegevens"]).terms}
    assert "persoonsgegevens" not in kept and "ransomware" in kept


POSTS = [
    "Wij gaan zorgvuldig om met al je persoonsgegevens.",  # the event word: review
    "Shop veilig en snel in onze webshop.",  # a tone-deaf word: review
    "Vanavond verse soep in alle winkels.",  # ok
    "Excuses voor het datalek: lees wat we doen.",  # the typed term: pause
]


@pytest.fixture
def calendar(tmp_path: Path) -> Path:
    rows = [["Datum", "Tijd", "Kanaal", "Bericht"]]
    rows += [["25-11-2026", f"{9 + n}:00", "Instagram", text] for n, text in enumerate(POSTS)]
    return write_csv(tmp_path / "kalender.csv", rows, encoding="utf-8-sig")


def _statuses(doc: dict) -> list[str]:
    by_text = {post["text"]: post["status"] for post in doc["posts"]}
    return [by_text[text] for text in POSTS]


def _reasons(doc: dict, text: str) -> list[str]:
    return next(post["reasons"] for post in doc["posts"] if post["text"] == text)


def test_a_scan_uses_the_kit_its_typed_terms_fit_as_review(calendar: Path) -> None:
    doc = scan_json(calendar, "--term", "datalek")
    assert _statuses(doc) == ["review", "review", "ok", "pause"]
    assert any("list kit data-breach, chosen from your term datalek" in reason
               for reason in _reasons(doc, POSTS[0]))
    (line,) = doc["crisis"]["kits_chosen"]
    assert line.startswith("kit data-breach, chosen from your term datalek: ")
    assert "kit data-breach (chosen, review)" in doc["crisis"]["sources"]


def test_no_kit_guess_and_the_config_key_turn_it_off(calendar: Path, tmp_path: Path) -> None:
    off = scan_json(calendar, "--term", "datalek", "--no-kit-guess")
    assert _statuses(off) == ["ok", "ok", "ok", "pause"] and off["crisis"]["kits_chosen"] == []
    config = tmp_path / "team.toml"
    config.write_text("[scan]\nkit_guess = false\n", encoding="utf-8")
    assert _statuses(scan_json(calendar, "--term", "datalek", "--config", config)) == \
        ["ok", "ok", "ok", "pause"]
    config.write_text('[scan]\nkit_guess = "no"\n', encoding="utf-8")
    bad = run("scan", calendar, "--term", "datalek", "--config", config, "--now", NOW)
    assert bad.exit_code == 2 and "kit_guess" in bad.stderr


def test_a_named_kit_pauses_and_nothing_is_chosen(calendar: Path) -> None:
    doc = scan_json(calendar, "--term", "datalek", "--kit", "data-breach")
    assert _statuses(doc) == ["pause", "review", "ok", "pause"]
    assert doc["crisis"]["kits_chosen"] == []


def test_terms_that_fit_no_kit_choose_nothing(calendar: Path) -> None:
    doc = scan_json(calendar, "--term", "soep")
    assert doc["crisis"]["kits_chosen"] == []
    assert _statuses(doc) == ["ok", "ok", "pause", "ok"]


def test_the_terminal_says_which_kit_at_the_top(calendar: Path) -> None:
    result = run("scan", calendar, "--term", "datalek", "--now", NOW, "--timezone",
                 "Europe/Amsterdam", "--no-shipped-lists")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[1].startswith("CRISIS ACTIVE")
    assert lines[2].startswith("kit data-breach, chosen from your term datalek: ")


def test_the_excel_and_html_reports_name_the_choice(calendar: Path, tmp_path: Path) -> None:
    for suffix in ("xlsx", "html"):
        report = tmp_path / f"rapport.{suffix}"
        result = run("scan", calendar, "--term", "datalek", "--now", NOW, "--timezone",
                     "Europe/Amsterdam", "-o", report, "--exit-zero")
        assert result.exit_code == 0, result.stderr
        if suffix == "html":
            assert "kit data-breach, chosen from your term datalek: " in \
                report.read_text(encoding="utf-8")
            continue
        book = openpyxl.load_workbook(report, read_only=True)
        cells = [str(cell) for sheet in book.worksheets[:1]
                 for row in sheet.iter_rows(values_only=True) for cell in row if cell]
        assert any(cell.startswith("kit data-breach, chosen from your term datalek: ")
                   for cell in cells)


def test_a_dutch_report_says_the_choice_in_dutch(calendar: Path, tmp_path: Path) -> None:
    dutch = "kit data-breach, gekozen bij je term datalek: de "
    result = run("scan", calendar, "--term", "datalek", "--now", NOW, "--timezone",
                 "Europe/Amsterdam", "--no-shipped-lists", "--lang", "nl")
    assert result.stdout.splitlines()[2].startswith(dutch), result.stdout
    assert "nooit om een pauze (--kit data-breach om ermee te pauzeren" in result.stdout
    assert "kit data-breach (gekozen, controle)" in result.stdout.splitlines()[1]
    assert "lijst kit data-breach, gekozen bij je term datalek)" in result.stdout  # a reason
    for suffix in ("xlsx", "html", "json"):
        report = tmp_path / f"rapport.{suffix}"
        result = run("scan", calendar, "--term", "datalek", "--now", NOW, "--timezone",
                     "Europe/Amsterdam", "-o", report, "--exit-zero", "--lang", "nl")
        assert result.exit_code == 0, result.stderr
        if suffix == "xlsx":
            book = openpyxl.load_workbook(report, read_only=True)
            text = " ".join(str(cell) for row in book.worksheets[0].iter_rows(values_only=True)
                            for cell in row if cell)
        else:
            text = report.read_text(encoding="utf-8")
        # the JSON report is for scripts: English, as its warnings are
        assert (dutch in text) is (suffix != "json"), suffix


def _crisis(*args: str) -> Result:
    """A crisis command an hour before the scans' NOW (whatever this machine's zone)."""
    return CliRunner().invoke(crisis, [*args, "--now", "2026-11-24T06:00"],
                              catch_exceptions=False)


def test_a_declared_crisis_without_a_kit_gets_one_and_remove_keeps_a_word_out(
        calendar: Path) -> None:
    started = _crisis("start", "Datalek", "--term", "datalek")
    assert started.exit_code == 0, started.stderr
    assert "kit data-breach, chosen from your term datalek for crisis Datalek" in started.output
    doc = scan_json(calendar)
    assert _statuses(doc)[:2] == ["review", "review"]
    assert doc["crisis"]["kits_chosen"][0].startswith(
        "kit data-breach, chosen from your term datalek for crisis Datalek: ")
    for word in ("persoonsgegevens", "gegevens"):  # the event word and the tone-deaf one
        removed = _crisis("remove", "Datalek", word)
        assert removed.exit_code == 0, removed.stderr
        assert "from kit data-breach" in removed.output
    assert _statuses(scan_json(calendar))[:2] == ["ok", "review"]
    shown = _crisis("show", "Datalek").output
    assert "dropped kit terms: persoonsgegevens, gegevens" in shown
    assert _crisis("remove", "Datalek", "ransomwares").exit_code == 2  # no word of it
    assert "kit data-breach, chosen from your term datalek for crisis Datalek" in shown


def test_a_declared_crisis_with_a_kit_gets_no_other(calendar: Path) -> None:
    assert _crisis("start", "Datalek", "--term", "datalek", "--kit", "data-breach").exit_code == 0
    doc = scan_json(calendar)
    assert doc["crisis"]["kits_chosen"] == [] and _statuses(doc)[0] == "pause"


def test_explain_names_the_chosen_kit() -> None:
    result = run("explain", "Jouw persoonsgegevens zijn bij ons in goede handen",
                 "--term", "datalek", "--no-active-crises", "--no-shipped")
    assert result.exit_code == 0, result.output
    assert "kit:      kit data-breach, chosen from your term datalek: " in result.output
    assert "list kit data-breach, chosen from your term datalek, category crisis, severity high" \
        in result.output
    assert "decision: REVIEW" in result.output
    off = run("explain", "Jouw persoonsgegevens zijn bij ons in goede handen",
              "--term", "datalek", "--no-active-crises", "--no-shipped", "--no-kit-guess")
    assert "decision: OK" in off.output and "kit:" not in off.output


def test_an_english_crisis_chooses_its_kit_for_english_posts(tmp_path: Path) -> None:
    texts = ["Ready for take off? Our travel pillows are 20% off.",
             "Crash course in sourdough this Saturday."]
    rows = [["Datum", "Tijd", "Kanaal", "Bericht"]]
    rows += [["25-11-2026", f"{9 + n}:00", "Instagram", t] for n, t in enumerate(texts)]
    path = write_csv(tmp_path / "calendar.csv", rows, delimiter=",", encoding="utf-8")
    doc = scan_json(path, "--term", "plane crash")
    by_text = {post["text"]: post["status"] for post in doc["posts"]}
    assert by_text[texts[0]] == "review"
    assert doc["crisis"]["kits_chosen"][0].startswith(
        "kit transport-accident, chosen from your term plane crash: ")
    assert json.dumps(doc)  # the report is plain JSON


def test_the_nightly_check_logs_and_tells_the_choice(tmp_path: Path,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    import logging

    from contentcheck.config import load_config
    from contentcheck.nightly.config import nightly_settings
    from contentcheck.nightly.runner import run_check

    rows = [["Datum", "Tijd", "Kanaal", "Bericht"], ["25-11-2026", "12:00", "X", POSTS[0]]]
    write_csv(tmp_path / "kalender.csv", rows, encoding="utf-8")
    config_path = tmp_path / "contentcheck.toml"
    config_path.write_text(
        'state_dir = "state"\n[scan]\ncalendars = ["kalender.csv"]\nterms = ["datalek"]\n'
        'timezone = "Europe/Amsterdam"\nshipped_lists = false\n'
        '[nightly]\nreport_dir = "reports"\nretries = 0\nnotify = "always"\n', encoding="utf-8")
    config = load_config(config_path)
    with caplog.at_level(logging.INFO, logger="contentcheck"):
        outcome = run_check(nightly_settings(config), config, scan_now=NOW)
    assert outcome.ok and [flag.status for flag in outcome.flags] == ["review"]
    line = "kit data-breach, chosen from your term datalek: "
    assert line in caplog.text
    assert outcome.message is not None and line in outcome.message.text


def test_suggest_says_a_scan_reviews_the_chosen_kit_already(calendar: Path) -> None:
    assert _crisis("start", "Datalek", "--term", "datalek").exit_code == 0
    shown = _crisis("suggest", "Datalek", str(calendar)).output
    assert "--kit data-breach" in shown
    assert "a scan reviews its words already, --kit pauses with them" in shown
