"""One `re:` term in a list must not send every post down the slow path."""

from __future__ import annotations

from contentcheck.matcher import Matcher
from contentcheck.records import Severity
from contentcheck.terms import parse_terms


def matcher() -> Matcher:
    return Matcher.compile(parse_terms("explosie\nre:\\bbomb(?:ings?|ed)\\b\n", origin="t",
                                       list_name="t", category="violence-weapons",
                                       severity=Severity.MEDIUM))


def test_the_fast_screen_still_says_no() -> None:
    assert not matcher().may_match("Gewone post over taart en koffie")


def test_a_regex_hit_and_a_word_hit_still_pass_the_screen() -> None:
    m = matcher()
    assert m.may_match("The city was bombed") and [x.matched for x in m.find("The city was bombed")] == ["bombed"]
    assert m.may_match("Een explosie in de straat")
