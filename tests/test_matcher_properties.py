"""Properties: the matcher never crashes or hangs on arbitrary Unicode, and every span is honest."""

from __future__ import annotations

import time
from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contentcheck.matching.matcher import Matcher
from contentcheck.records import Severity
from contentcheck.matching.terms import parse_terms

TERMS = """
explosie
aanslag
bom
brand
ass
explo*
*ramp
"shop till you drop"
boston explosion
PrayForBoston
storm ciara
💣
🚂
ﬁre
straße
re:\\d{4}-\\d{2}
!bommetje
!brandstof
"""
MATCHER = Matcher.compile(parse_terms(TERMS, origin="p", list_name="p", category="c",
                                      severity=Severity.LOW))

# text that looks like posts: words that hit, hashtags, emoji with modifiers, combining marks,
# ligatures, width variants, hyphens of every kind, and anything else Unicode has
PIECES = st.sampled_from([
    "explosie", "Gas-explosie", "#PrayForBoston", "#stormciara", "BOOMSALE", "💣🏽", "❤️",
    "👨‍👩‍👧", "e\u0308", "ﬁ", "ß", "ＢＯＭ", "\u2011", "'", "’", "#", "@", "/", "-", "_",
    " ", "\n", "Boston", "explosions", "shop", "till", "you", "drop", "bommetje", "1234-56",
    "ı", "İ", "\u200d", "\ufe0f", "\U0001F3FD", "ǅ", "Ⅻ", "½", "\u0301",
    "\xa0", "\u2028", "\x1c", "\u3000", "\t", "2026", "p/12345", "explosie2026",
])
TEXT = st.one_of(st.text(max_size=300), st.lists(st.one_of(PIECES, st.text(max_size=4)),
                                                 max_size=60).map("".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.sampled_from([None, "nl", "en"]))
def test_spans_point_at_matched_text(text: str, language: str | None) -> None:
    started = time.perf_counter()
    found = MATCHER.find(text, field="f", language=language)
    assert time.perf_counter() - started < 2.0
    for match in found:
        assert 0 <= match.start < match.end <= len(text)
        assert text[match.start:match.end] == match.matched
        assert match.field == "f"
    assert [(m.start, m.end) for m in found] == sorted((m.start, m.end) for m in found)


# the same terms without the digit pattern: then the screen reads digits as one digit
MATCHER_NO_DIGITS = Matcher.compile(parse_terms(TERMS.replace("re:\\d{4}-\\d{2}", ""), origin="p",
                                                list_name="p", category="c", severity=Severity.LOW))


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from([MATCHER, MATCHER_NO_DIGITS]))
def test_explain_agrees_with_find(text: str, matcher: Matcher) -> None:
    """``find`` screens first (whitespace tokens, cached); ``explain`` reads every word group:
    the screen must never drop a text that has a match."""
    findings, suppressed = matcher.explain(text)
    assert [f.match for f in findings] == matcher.find(text)
    for item in suppressed:
        assert text[item.start:item.end] == item.word


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=40))
def test_any_term_text_parses_or_fails_cleanly(term: str) -> None:
    from contentcheck.errors import TermFileError

    try:
        termset = parse_terms(term, origin="t", list_name="t", category="c",
                              severity=Severity.LOW)
    except TermFileError as exc:
        assert "\n" not in str(exc)
        return
    Matcher.compile(termset).find(term)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["explosie", "aanslag", "bom", "PrayForBoston"]),
       st.text(alphabet=" .,!?;:()\n\t\"", min_size=1, max_size=3),
       st.text(alphabet=" .,!?;:()\n\t\"", min_size=1, max_size=3))
def test_a_term_alone_between_punctuation_always_matches(word: str, before: str, after: str) -> None:
    text = before + word + after
    assert [m.matched for m in MATCHER.find(text) if m.term == word] == [word]


def test_huge_and_pathological_input_is_fast() -> None:
    texts = [
        "bom" + "a" * 20_000,
        "#" + "Storm" * 5_000,
        "#" + "stormciara" * 2_000,
        "💣\u200d" * 5_000,
        "e" + "\u0308" * 10_000,
        "explosie " * 10_000,
        "aanslag-" * 5_000,
        "a" * 100_000 + "!",
    ]
    for text in texts:
        started = time.perf_counter()
        for match in MATCHER.find(text):
            assert text[match.start:match.end] == match.matched
        assert time.perf_counter() - started < 3.0, text[:20]


@settings(max_examples=80, deadline=None)
@given(TEXT, st.sampled_from([None, "nl", "en"]))
def test_shipped_lists_spans_are_honest(text: str, language: str | None) -> None:
    """The same properties with the real lists (exception phrases, any-language terms...)."""
    for match in shipped_matcher().find(text, language=language):
        assert text[match.start:match.end] == match.matched


@lru_cache(maxsize=1)
def shipped_matcher() -> Matcher:
    from contentcheck.lists.load import load_lists

    return Matcher.compile(load_lists([]))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(categories=("Lu", "Ll", "Lt", "Lo", "Lm")), min_size=1,
               max_size=12))
def test_plain_words_are_cut_as_any_group_would_be(word: str) -> None:
    """The shortcut for a plain word gives what the full cut would."""
    from contentcheck.matching.groups import _cut_leaves, _leaves

    known = MATCHER.lexicon.known
    assert _leaves(word, known) == _cut_leaves(word, known)
