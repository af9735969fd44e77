"""``contentcheck explain``: the maintainer's view of one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from contentcheck.cli.explain import explain


def run(*args: str):
    return CliRunner().invoke(explain, list(args))


def test_shows_match_rule_span_and_metadata(tmp_path: Path) -> None:
    crisis = tmp_path / "boston.txt"
    crisis.write_text("boston explosion\nPrayForBoston\n", encoding="utf-8")
    result = run("Explosions near the Boston finish line #PrayForBoston", "--crisis", str(crisis),
                 "--no-shipped", "--no-kit-guess")
    assert result.exit_code == 0, result.output
    assert "2 matches:" in result.output
    assert "'Explosions near the Boston' at 0-26: term 'boston explosion' (words close together)" \
        in result.output
    assert "list boston, category crisis, severity crisis" in result.output
    assert "[Explosions near the Boston] finish line" in result.output
    assert "'PrayForBoston' at 40-53: term 'PrayForBoston' (the word itself)" in result.output
    assert "read as:  explosions | near | the | boston | finish | line | pray | for | boston" \
        in result.output


def test_rules_named(tmp_path: Path) -> None:
    result = run("Gasexplosie na de #stormciara 💣🏽", "--no-shipped", "--term", "explosie",
                 "--term", "storm", "--term", "💣")
    assert result.exit_code == 0, result.output
    for expected in ("(part of a compound)", "(a word inside a hashtag or code)", "(emoji)"):
        assert expected in result.output


def test_exceptions_and_language_are_explained(tmp_path: Path) -> None:
    lists = tmp_path / "lists"
    lists.mkdir()
    (lists / "nl-test.txt").write_text("brand\naanslag\n!aanslagbiljet\n", encoding="utf-8")
    result = run("Our brand new aanslagbiljet guide is here for you", "--no-shipped",
                 "--wordlists", str(lists))
    assert result.exit_code == 0, result.output
    assert "language: en (detected)" in result.output
    assert "0 matches" in result.output
    assert "'aanslagbiljet' at 14-27 would match 'aanslag', but !aanslagbiljet is an exception" \
        in result.output
    assert "left out because the text is en:" in result.output
    assert "'brand' would match 'brand' (nl list nl-test)" in result.output
    forced = run("Our brand new look", "--no-shipped", "--wordlists", str(lists),
                 "--language", "nl")
    assert "1 match:" in forced.output


def test_bad_term_is_one_line_and_exit_2() -> None:
    result = run("text", "--term", "re:(")
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "contentcheck: error: --term 1: bad regular expression '(': missing ) at position 1"]


def test_missing_crisis_file_exit_2(tmp_path: Path) -> None:
    result = run("text", "--crisis", str(tmp_path / "nope.txt"))
    assert result.exit_code == 2
    assert "nope.txt" in result.output and "Traceback" not in result.output


def test_explain_uses_the_config_as_scan_does(tmp_path: Path) -> None:
    """A maintainer's explain checks against what the nightly scan uses: the config's crisis
    terms, word-list folders and switched-off categories, with the flags on top."""
    lists = tmp_path / "lists"
    lists.mkdir()
    (lists / "nl-merk.txt").write_text("@language nl\n@category brand-safety\nconcurrent\n",
                                       encoding="utf-8")
    config = tmp_path / "contentcheck.toml"
    config.write_text('[scan]\nwordlists = ["lists"]\nterms = ["treinongeluk"]\n'
                      'disabled_categories = ["marketing-metaphors"]\nkit_guess = false\n',
                      encoding="utf-8")
    text = "Slachtprijzen bij de concurrent, ondanks het treinongeluk"
    with_config = run(text, "--config", str(config), "--no-active-crises")
    assert with_config.exit_code == 0, with_config.output
    assert "term 'concurrent'" in with_config.output and "term 'treinongeluk'" in with_config.output
    # concurrent (the config's list), treinongeluk (its crisis term and a shipped list word)
    assert "3 matches:" in with_config.output and "term 'slachtprijzen'" not in with_config.output
    plain = run(text, "--no-active-crises")
    assert "term 'slachtprijzen'" in plain.output and "concurrent'" not in plain.output
    assert "list crisis (" not in plain.output and "list crisis (config)" in with_config.output
    alias = run(text, "--config", str(config), "--no-active-crises", "--no-shipped-lists",
                "--disable-category", "brand-safety")
    assert "1 match:" in alias.output and "term 'treinongeluk'" in alias.output


@pytest.mark.parametrize(("text", "decision"), [
    ("Dikke rook boven de haven", "PAUSE"),
    ("Het rook vanochtend naar verse koffie", "REVIEW"),  # a loose reading: review, not pause
    ("Een rustige ochtend in de winkel", "OK"),
])
def test_explain_ends_with_the_decision_a_scan_makes(text: str, decision: str) -> None:
    result = run(text, "--term", "rook", "--no-shipped-lists", "--now", "2026-11-26T08:00")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    at = lines.index(f"decision: {decision} (what a scan decides for this text)")
    assert all(line.startswith("  - ") for line in lines[at + 1:])
    assert (len(lines) > at + 1) is (decision != "OK")  # the reasons, one a line


def test_terms_that_are_only_exceptions_are_refused_by_scan_and_explain(tmp_path: Path) -> None:
    """`--term '!trein'` alone (the on-call person's "trein!", an exception typed before its
    term) leaves no crisis term: scan and explain refuse it as `crisis start` does, instead of
    a scan with no crisis at all, exit 0. Beside a crisis file's terms it is an exception."""
    from tests.conftest import NOW, run, write_csv

    calendar = write_csv(tmp_path / "k.csv", [["Datum", "Bericht"], ["25-11-2026", "Neem de trein"]])
    for command in (["scan", calendar, "--now", NOW], ["explain", "Neem de trein"]):
        result = run(*command, "--no-shipped-lists", "--term", "!trein")
        assert result.exit_code == 2, (command[0], result.stdout)
        assert "--term '!trein': only exceptions" in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    crisis = tmp_path / "crisis.txt"
    crisis.write_text("trein*\n", encoding="utf-8")
    result = run("scan", calendar, "--now", NOW, "--no-shipped-lists", "--crisis", crisis,
                 "--term", "!treinstaking")
    assert result.exit_code == 1, result.stderr


def _nl_list(tmp_path: Path) -> Path:
    lists = tmp_path / "lists"
    lists.mkdir()
    (lists / "nl-test.txt").write_text("brand\n", encoding="utf-8")
    return lists


def test_lang_words_the_reasons_as_scan_lang_does(tmp_path: Path) -> None:
    """``--lang`` has scan's meaning and values: the reasons in that language, the very words
    scan --lang nl shows for the same post in a calendar (a Dutch 'brand', fire, not a brand)."""
    from tests.conftest import NOW, run as run_cli, write_csv

    lists = _nl_list(tmp_path)
    text = "De brand bij de bakker is geblust"
    dutch = run(text, "--no-shipped", "--wordlists", str(lists), "--lang", "nl")
    assert dutch.exit_code == 0, dutch.output
    assert "decision: REVIEW (what a scan decides for this text)" in dutch.output
    reason = dutch.output.rstrip().splitlines()[-1]
    assert reason == "  - 'brand' in tekst raakt 'brand' (test, middel, lijst nl-test)"
    calendar = write_csv(tmp_path / "kalender.csv", [["Datum", "Tijd", "Kanaal", "Bericht"],
                                                     ["25-11-2026", "09:00", "X", text]])
    scanned = run_cli("scan", calendar, "--no-shipped-lists", "--wordlists", lists, "--now", NOW,
                      "--timezone", "Europe/Amsterdam", "--lang", "nl")
    assert "-> " + reason[4:].replace("in tekst", "in Bericht") in scanned.stdout
    english = run(text, "--no-shipped", "--wordlists", str(lists), "--lang", "en")
    assert english.output.rstrip().splitlines()[-1] == \
        "  - 'brand' in text matches 'brand' (test, medium, list nl-test)"
    wrong = run(text, "--lang", "de")
    assert wrong.exit_code == 2 and "'de' is not one of 'nl', 'en'" in wrong.output


def test_lang_defaults_to_the_config_then_the_locale(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    lists = _nl_list(tmp_path)
    config = tmp_path / "contentcheck.toml"
    config.write_text('[scan]\nlang = "nl"\n', encoding="utf-8")
    text = "De brand bij de bakker is geblust"
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    from_config = run(text, "--no-shipped", "--wordlists", str(lists), "--config", str(config))
    assert "raakt 'brand'" in from_config.output
    assert "raakt" not in run(text, "--no-shipped", "--wordlists", str(lists)).output
    monkeypatch.setenv("LC_ALL", "nl_NL.UTF-8")
    assert "raakt 'brand'" in run(text, "--no-shipped", "--wordlists", str(lists)).output
    config.write_text('[scan]\nlang = "fr"\n', encoding="utf-8")
    bad = run(text, "--config", str(config))
    assert bad.exit_code == 2
    assert bad.output.strip() == f"contentcheck: error: {config}: [scan] lang must be nl or en, not 'fr'"


def test_language_changes_the_matches_and_the_decision_says_what_a_scan_reads(
        tmp_path: Path) -> None:
    """An English 'brand' forced to Dutch matches the Dutch list, but a scan detects English
    and decides ok: the decision line says so rather than contradict the matches silently."""
    lists = _nl_list(tmp_path)
    forced = run("Our brand new look", "--no-shipped", "--wordlists", str(lists),
                 "--language", "nl", "--lang", "en")
    assert "language: nl (given)" in forced.output and "1 match:" in forced.output
    assert "decision: OK (what a scan decides for this text, which it reads as en; --language " \
           "changes only the matches above)" in forced.output
    detected = run("Our brand new look", "--no-shipped", "--wordlists", str(lists), "--lang", "en")
    assert "0 matches" in detected.output
    assert "decision: OK (what a scan decides for this text)" in detected.output


def test_explain_reads_the_text_without_any_term() -> None:
    """With no term and no list, explain still shows how the text is read (it said
    '(no words)' for five words, as if the text could not be read)."""
    result = run("Met de trein naar de kerstmarkt", "--no-shipped-lists")
    assert result.exit_code == 0, result.output
    assert "read as:  met | de | trein | naar | de | kerstmarkt" in result.output, result.output


def test_explain_names_a_crisis_that_expired(isolated_state: Path) -> None:
    """QA8 #16: the on-call person asks why the train post is ok: `explain` answered
    'decision: OK' with no word of the crisis that stopped counting two hours ago, which every
    scan names among its warnings. It gives the scan's warning, once, and how to extend."""
    (isolated_state / "crises").mkdir(parents=True, exist_ok=True)
    (isolated_state / "crises" / "t.toml").write_text(
        'name = "Treinongeluk"\nstarted = 2026-11-23T07:00:00+01:00\n'
        'until = 2026-11-24T06:00:00+01:00\nterms = "trein"\n', encoding="utf-8")
    result = run("Met de trein naar de kerstmarkt", "--no-shipped-lists",
                 "--now", "2026-11-24T08:00+01:00")
    assert result.exit_code == 0, result.stderr
    assert "warning:  crisis 'Treinongeluk' stopped counting at" in result.stdout, result.stdout
    assert "contentcheck crisis extend Treinongeluk --until DATE" in result.stdout
    assert "Treinongeluk" not in result.stderr  # said once
    assert "decision: OK" in result.stdout
