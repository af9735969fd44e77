"""A chunk of posts screened together (``Checker.match_posts``, ``Matcher.screen``) finds what
each post checked on its own finds: on the sample calendars, on a written calendar full of
links, phrases and ``re:`` terms, and when the caches are cleared in the middle of a chunk."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from contentcheck.calendar import read_calendar
from contentcheck.calendar.model import ReadOptions
from contentcheck.checks import check_posts
from contentcheck.checks.terms import TermsRunner
from contentcheck.lists.load import load_lists
from contentcheck.matching.checker import Checker
from contentcheck.matching.terms import TermSet, load_crisis_file, parse_terms
from contentcheck.records import Post, Severity

SAMPLES = Path(__file__).parent.parent / "samples"
OPTIONS = ReadOptions(timezone=ZoneInfo("Europe/Amsterdam"))

LIST = """\
explosie
"shop till you drop"
boston explosion
"groot alarm"
zomer brand
re:\\bbomb(?:ings?|ed)\\b
!groene aanslag
aanslag
"""

WORDS = ("zomer", "shop", "till", "you", "drop", "boston", "explosion", "groot", "alarm",
         "taart", "koffie", "bomber", "bombed", "Explosie", "groene", "aanslag", "brand",
         "#ShopTillYouDrop", "#zomerSale", "BOOM", "explosie2026", "kerst")


def _calendar(path: Path, rows: int) -> Path:
    """A CSV calendar: every post with a link of its own, words that pass the screen alone,
    with partners, or not at all, in the text and in the hashtags."""
    lines = ["Datum;Tijd;Kanaal;Bericht;Hashtags;Link"]
    for row in range(rows):
        text = " ".join(WORDS[(row * 7 + k * (row % 5 + 1)) % len(WORDS)] for k in range(row % 6))
        tags = "#deals" if row % 3 else f"#{WORDS[row % len(WORDS)]}"
        lines.append(f"24-11-2026;9:{row % 60:02d};Instagram;Post {row}: {text};{tags};"
                     f"https://example.nl/p/{row * 37}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _list_terms() -> TermSet:
    return parse_terms(LIST, origin="t", list_name="t", category="violence-weapons",
                       severity=Severity.MEDIUM)


def _one_by_one(checker: Checker, posts: list[Post]) -> dict[int, list]:
    return {index: found for index, post in enumerate(posts) if (found := checker.match_post(post))}


@pytest.mark.parametrize("name", ["contentkalender.csv", "contentkalender.xlsx",
                                  "hootsuite-bulk.csv"])
def test_the_sample_calendars_chunked_as_post_by_post(name: str) -> None:
    posts = list(read_calendar(SAMPLES / name, OPTIONS).posts)
    crisis = load_crisis_file(SAMPLES / "crisis-treinongeluk.txt")
    lists = load_lists()
    expected = _one_by_one(Checker(crisis, lists), posts)
    assert expected  # the samples hold crisis and list hits
    assert dict(Checker(crisis, lists).match_posts(posts)) == expected  # two matchers
    assert dict(Checker(TermSet(), lists).match_posts(posts)) == _one_by_one(
        Checker(TermSet(), lists), posts)  # one


def test_a_written_calendar_chunked_as_post_by_post(tmp_path: Path) -> None:
    posts = list(read_calendar(_calendar(tmp_path / "k.csv", 700), OPTIONS).posts)
    expected = _one_by_one(Checker(TermSet(), _list_terms()), posts)
    assert {m.term for found in expected.values() for m in found} >= {
        "explosie", '"shop till you drop"', "boston explosion", "zomer brand",
        "re:\\bbomb(?:ings?|ed)\\b"}
    checker = Checker(TermSet(), _list_terms())
    assert dict(checker.match_posts(posts)) == expected
    assert dict(checker.match_posts(posts)) == expected  # warm: every token seen


def test_a_regex_term_without_letters_screens_each_post(tmp_path: Path) -> None:
    posts = list(read_calendar(_calendar(tmp_path / "k.csv", 200), OPTIONS).posts)
    terms = parse_terms(LIST + "re:\\d{3}7\\b\n", origin="t", list_name="t", category="c",
                        severity=Severity.LOW)
    expected = _one_by_one(Checker(TermSet(), terms), posts)
    assert any(m.term == "re:\\d{3}7\\b" for found in expected.values() for m in found)
    assert dict(Checker(TermSet(), terms).match_posts(posts)) == expected


@pytest.mark.parametrize("limit", [2, 40, 300])
def test_caches_cleared_in_the_middle_of_a_chunk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 limit: int) -> None:
    """A chunk's new tokens can fill the token cache while they are first read (it is then
    cleared, and the tokens read before went): the chunk is screened post by post."""
    import contentcheck.matching.matcher as matcher_module
    import contentcheck.matching.screen as screen_module

    posts = list(read_calendar(_calendar(tmp_path / "k.csv", 700), OPTIONS).posts)
    expected = _one_by_one(Checker(TermSet(), _list_terms()), posts)
    monkeypatch.setattr(screen_module, "CACHE_LIMIT", limit)
    monkeypatch.setattr(matcher_module, "CACHE_LIMIT", limit)
    checker = Checker(TermSet(), _list_terms())
    generation = checker.matchers[0]._tokens.generation
    assert dict(checker.match_posts(posts)) == expected
    assert checker.matchers[0]._tokens.generation > generation + 2  # cleared, several times
    assert dict(checker.match_posts(posts)) == expected


def test_the_terms_check_takes_a_chunk(tmp_path: Path) -> None:
    posts = list(read_calendar(_calendar(tmp_path / "k.csv", 300), OPTIONS).posts)
    one_by_one = TermsRunner(Checker(TermSet(), _list_terms()))
    expected = {index: found for index, post in enumerate(posts, 1000)
                if (found := one_by_one.check(index, post))}
    assert expected
    runner = TermsRunner(Checker(TermSet(), _list_terms()))
    assert dict(runner.check_chunk(1000, posts)) == expected
    assert check_posts([runner], posts, 1000) == {i: list(f) for i, f in expected.items()}


def test_links_unique_to_each_post_are_read_together(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A chunk's new links (a head seen before plus digits, whose key can make no post match)
    are told apart without being read one by one, and left out of the token cache: a big
    calendar's links do not fill it. Looked up, each has the value it would get."""
    from contentcheck.matching.screen import TokenCache

    posts = list(read_calendar(_calendar(tmp_path / "k.csv", 600), OPTIONS).posts)
    checker = Checker(TermSet(), _list_terms())
    expected = _one_by_one(Checker(TermSet(), _list_terms()), posts)
    assert dict(checker.match_posts(posts[:10])) == {i: m for i, m in expected.items() if i < 10}
    read: list[str] = []
    missing = TokenCache.__missing__
    monkeypatch.setattr(TokenCache, "__missing__",
                        lambda cache, token: read.append(token) or missing(cache, token))
    assert dict(checker.match_posts(posts)) == expected
    assert read and not any(token.startswith("https://example.nl/p/") for token in read)
    cache = checker.matchers[0]._tokens
    fresh = Checker(TermSet(), _list_terms()).matchers[0]._tokens
    links = [f"https://example.nl/p/{row * 37}" for row in range(600)]
    assert not any(link in cache for link in links[10:])  # (read before a head was known)
    assert [cache[link] for link in links] == [fresh[link] for link in links] == [0] * 600
    assert "https://example.nl/p/" not in cache  # the head itself is no link: read on its own
