"""Crisis kits: the data (as the word lists are tested) and a should-pause / should-review /
should-stay-quiet table per kit, run through the terms check as a scan runs it."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from datetime import datetime, timezone

import pytest

from contentcheck.checks import CheckContext, terms
from contentcheck.decide import decide
from contentcheck.kits import get_kit, shipped_kits
from contentcheck.lists.categories import LIST_CATEGORIES
from contentcheck.lists.check import check_syntax
from contentcheck.records import Post, PostField, Status
from contentcheck.scan import escalations, load_terms
from contentcheck.settings import TermSources
from tests.kits.table import PAUSE, QUIET, REVIEW

KITS = sorted(shipped_kits())
NAMES = ["food-safety", "flood-storm", "fire-explosion", "violence-attack",
         "transport-accident", "data-breach", "pandemic", "mourning", "brand-blunder",
         "earthquake", "collapse", "crowd-crush", "drowning", "hostage", "heatwave", "war", "riots", "toxic-cloud", "missing-child",
         "avalanche"]


def status(text: str, kits: tuple[str, ...], *, shipped: bool = False,
           typed: tuple[str, ...] = ()) -> tuple[Status, list[str]]:
    """The status and reasons of one post, through the terms check and decide."""
    sources = TermSources(kits=kits, crisis_terms=typed, shipped_lists=shipped,
                          active_crises=False)
    crisis, lists = load_terms(sources)
    context = CheckContext(now=datetime.now(timezone.utc), crisis=crisis, lists=lists,
                           escalations=escalations(sources))
    runner = terms.start(context, terms.DEFAULT)
    post = Post(source="t.csv", sheet=None, row=2, scheduled_at=None, channel="X", status=None,
                fields=(PostField("Bericht", text),))
    verdict = decide(post, runner.check(0, post) if runner else ())
    return verdict.status, list(verdict.reasons)


# ----- data -----------------------------------------------------------------------------------

def test_the_twenty_kits_ship() -> None:
    assert KITS == sorted(NAMES)
    assert set(PAUSE) == set(REVIEW) == set(QUIET) == set(NAMES)


@pytest.mark.parametrize("name", KITS)
def test_kit_parses_is_sorted_and_has_clean_characters(name: str) -> None:
    kit = get_kit(name)
    assert check_syntax(kit.text, kit.origin) == []
    assert kit.text.endswith("\n") and not kit.text.endswith("\n\n")
    for number, line in enumerate(kit.text.splitlines(), start=1):
        assert unicodedata.normalize("NFC", line) == line, f"line {number} is not NFC"
        assert line == line.rstrip() and "\t" not in line, f"line {number}"


@pytest.mark.parametrize("name", KITS)
def test_kit_header_describes_it_and_escalates_known_categories(name: str) -> None:
    kit = get_kit(name)
    assert 20 < len(kit.description) < 100
    assert set(kit.escalate) <= set(LIST_CATEGORIES)


@pytest.mark.parametrize("name", KITS)
def test_kit_has_pause_and_review_words_in_both_languages(name: str) -> None:
    pause, review = get_kit(name).termsets("t")
    for terms_ in (pause, review):
        languages = {term.language for term in terms_.terms}
        assert {"nl", "en"} <= languages or None in languages and len(languages) > 1
    assert all(term.crisis for term in pause.terms)
    assert not any(term.crisis for term in review.terms)
    assert {term.category for term in review.terms} == {"tone-deaf"}


@pytest.mark.parametrize("name", KITS)
def test_no_duplicates_and_no_term_that_is_an_exception(name: str) -> None:
    pause, review = get_kit(name).termsets("t")
    texts = [term.text.casefold() for term in pause.terms + review.terms]
    assert len(texts) == len(set(texts))
    folded = {text.strip('"') for text in texts}
    assert not folded & set(pause.exceptions)


@pytest.mark.parametrize("name", KITS)
def test_every_kit_word_stands_under_its_own_language(name: str) -> None:
    """A word under `@language nl` that the vocabulary holds to be English (or the other way
    round) is never found in the posts of its real language: `trigger` stood under nl, so an
    English post's *Trigger happy?* got no hit (QA round 7). A word of both languages
    (brand, storing) may stand under the one whose sense the kit means."""
    from contentcheck.matching.language import word_language

    pause, review = get_kit(name).termsets("t")
    wrong = [(term.text, term.language) for term in pause.terms + review.terms
             if term.language in ("nl", "en")
             for word in term.text.strip('"').casefold().split()
             if word.isalpha() and len(term.text.split()) == 1
             and word_language(word) not in (None, term.language)]
    assert wrong == []


def test_the_violence_kit_finds_trigger_in_an_english_post() -> None:
    """`trigger` is a loan of both languages: an English post gets its review too."""
    from tests.conftest import run

    result = run("explain", "Trigger happy? Show us your best holiday look and win.",
                 "--kit", "violence-attack")
    assert result.exit_code == 0, result.stderr
    assert "decision: REVIEW" in result.stdout, result.stdout


# ----- the tables -----------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "text"), [(k, t) for k in NAMES for t in PAUSE[k]])
def test_event_words_pause(name: str, text: str) -> None:
    assert status(text, (name,))[0] is Status.PAUSE


@pytest.mark.parametrize(("name", "text"), [(k, t) for k in NAMES for t in REVIEW[k]])
def test_tone_deaf_words_ask_for_review(name: str, text: str) -> None:
    found, reasons = status(text, (name,))
    assert found is Status.REVIEW
    assert f"kit {name} (--kit)" in reasons[0]


@pytest.mark.parametrize(("name", "text"), [(k, t) for k in NAMES for t in QUIET[k]])
def test_ordinary_sentences_stay_quiet(name: str, text: str) -> None:
    assert status(text, (name,)) == (Status.OK, [])


@pytest.mark.parametrize("name", NAMES)
def test_every_kit_has_examples(name: str) -> None:
    assert len(PAUSE[name]) >= 6 and len(REVIEW[name]) >= 6 and len(QUIET[name]) >= 4


@pytest.mark.parametrize("name", KITS)
def test_kit_has_both_languages_of_its_event_words(name: str) -> None:
    """Every pair of the shipped NL<->EN table whose one side is a word of the event has its
    other side in the kit too (as an event word, or kept at review on purpose)."""
    from contentcheck.suggest import suggest

    pause, review = get_kit(name).termsets("t")
    missing = {s.term for s in suggest(pause, [name], []) if s.kit is None}  # not other kits
    assert missing <= {term.text for term in review.terms}


def test_the_readme_reports_each_kits_false_alarms_as_measured() -> None:
    """tools/kit_false_alarms.py on the ordinary posts gives the README's "Kit false alarms"
    table: a kit change that adds noise fails here until the README says so."""
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("kit_false_alarms",
                                                  root / "tools" / "kit_false_alarms.py")
    assert spec and spec.loader
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    posts, quiet, per_kit = tool.measure()
    from tests.conftest import documentation

    readme = documentation()
    assert f"| kit | pause | review | false alarms of {quiet} |" in readme
    for row in tool.table_rows(quiet, per_kit):
        assert row in readme
    assert posts == 284 and set(per_kit) == set(NAMES)


def test_every_data_file_under_wordlists_is_package_data() -> None:
    """A non-editable install ships only what setup.cfg's patterns name: the kits, the NL<->EN
    table and the sensitive dates live in subfolders, which `*.txt` alone does not cover."""
    import configparser
    import fnmatch
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    config = configparser.ConfigParser()
    config.read(root / "setup.cfg", encoding="utf-8")
    declared = config["options.package_data"]["contentcheck.wordlists"]
    patterns = [p.strip() for p in declared.split(",")]
    folder = root / "wordlists"
    files = [p.relative_to(folder).as_posix() for p in folder.rglob("*")
             if p.is_file() and p.suffix != ".py" and "__pycache__" not in p.parts]
    assert {"kits/food-safety.txt", "kits/translations.tsv",
            "dates/sensitive-dates.toml"} <= set(files)
    unshipped = [f for f in files if not any(
        fnmatch.fnmatch(f, p) and f.count("/") == p.count("/") for p in patterns)]
    assert unshipped == []


@pytest.mark.parametrize("kit", ["data-breach", "fire-explosion", "flood-storm", "mourning"])
def test_a_kit_s_own_words_raise_no_plural_hint(tmp_path: Path, kit: str) -> None:
    """QA: `scan --kit mourning` warned, in every table, report and mail, "crisis term
    'condolences' is a plural: ... add that as a term to find the singular too": the hint is
    for a term a person typed; a kit's word is curated and shipped, so the on-call person was
    told to fix what is not theirs. A typed plural beside the kit still gets its hint."""
    from tests.conftest import NOW, run, write_csv

    calendar = write_csv(tmp_path / "kal.csv", [["Datum", "Tijd", "Kanaal", "Bericht"],
                                                ["25-11-2026", "09:00", "X", "Onze winterjassen zijn binnen."]])
    base = ("scan", calendar, "--kit", kit, "--no-shipped-lists", "--now", NOW,
            "--timezone", "Europe/Amsterdam", "--format", "json")
    result = run(*base)
    assert result.exit_code == 0, result.stderr
    assert "is a plural" not in result.stdout + result.stderr
    typed = run(*base, "--term", "treinen")
    assert "crisis term 'treinen' is a plural" in typed.stdout + typed.stderr
