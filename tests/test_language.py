"""The language guess that decides which word lists apply to a post."""

from __future__ import annotations

from pathlib import Path

import pytest

from contentcheck.matching.language import detect, left_out_of
from contentcheck.lists.load import load_shipped_lists
from contentcheck.matching.matcher import Matcher
from contentcheck.records import Post, PostField, Severity
from contentcheck.matching.terms import parse_terms


@pytest.mark.parametrize("text,language", [
    ("Vandaag is de winkel open en we hebben nieuwe collectie voor jou", "nl"),
    ("Check out our new summer collection, available today in the shop", "en"),
    ("De brand is geblust", "nl"),
    ("Our brand new look is here", "en"),
    ("Fijne Koningsdag allemaal 🧡", "nl"),
    ("Happy Kings Day everyone 🧡", "en"),
    ("Welkom in ons nieuwe filiaal in Utrecht!", "nl"),
    ("Welcome to our new store in Utrecht!", "en"),
    ("Utrecht Amsterdam Rotterdam", None),
    ("🚂🚂", None),
    ("", None),
    ("#sale", None),
])
def test_detect(text: str, language: str | None) -> None:
    assert detect(text) == language


# A term of the other language is left out of a detected post only when it is a homograph.
@pytest.mark.parametrize("term_language,words,left_out", [
    ("nl", ["brand"], "en"),  # fire in Dutch, a brand in English
    ("nl", ["in", "brand"], "en"),
    ("nl", ["grote", "brand"], None),  # grote is no English word
    ("nl", ["moordend"], None),
    ("nl", ["slachtprijzen"], None),
    ("nl", ["dood"], None),  # quoted in English text now and then, no English word
    ("en", ["hit", "list"], "nl"),  # a hit, and list is cunning in Dutch
    ("en", ["murder"], None),  # quoted in Dutch text, no Dutch word
    ("en", ["mass", "shooting"], None),
    ("nl", None, "en"),  # a regular expression keeps to its own language
    (None, ["brand"], None),
])
def test_left_out_of(term_language: str | None, words: list[str] | None,
                     left_out: str | None) -> None:
    assert left_out_of(term_language, words) == left_out


@pytest.fixture(scope="module")
def shipped() -> Matcher:
    return Matcher.compile(load_shipped_lists())


def _post(text: str) -> Post:
    return Post(source="cal.csv", sheet=None, row=2, scheduled_at=None, channel=None,
                status=None, fields=(PostField("Text", text),))


MIXED_SHOULD_FLAG = [  # a word only the term's language has, in a post of the other language
    ("Moordend goede deals this weekend, shop now at our store", "en", "moordend", "Moordend"),
    ("Black Friday Weekend: slachtprijzen on all items", "en", "slachtprijzen", "slachtprijzen"),
    ("Gisteren was er een mass shooting in de VS, daarom is de winkel vandaag dicht", "nl",
     '"mass shooting"', "mass shooting"),
]
HOMOGRAPHS_LEFT_OUT = [  # every word of the term is a word of the post's language too
    ("Our store is in brand new condition, come and see it today", "en", '"in brand"'),
    ("Onze hit list van de zomer: de leukste nieuwe producten voor jou", "nl", '"hit list"'),
    ("Ben je helemaal in de war? Kom naar de war zone van de speelhoek", "nl", '"war zone"'),
]


@pytest.mark.parametrize("text,language,term,matched", MIXED_SHOULD_FLAG)
def test_word_of_one_language_matches_in_a_post_of_the_other(
        shipped: Matcher, text: str, language: str, term: str, matched: str) -> None:
    assert detect(text) == language
    assert (term, matched) in {(m.term, m.matched) for m in shipped.match_post(_post(text))}
    assert term in {m.term for m in shipped.find(text, language=language)}


@pytest.mark.parametrize("text,language,term", HOMOGRAPHS_LEFT_OUT)
def test_homograph_is_left_out_of_a_post_of_the_other_language(
        shipped: Matcher, text: str, language: str, term: str) -> None:
    assert detect(text) == language
    assert term not in {m.term for m in shipped.match_post(_post(text))}
    assert term in {m.term for m in shipped.find(text)}  # it is the language that keeps it out


def test_brand_in_an_english_post_is_not_the_dutch_fire() -> None:
    termset = parse_terms("@category disasters-accidents\nbrand\nmoordend\n", origin="t",
                          list_name="nl-disasters-accidents", category="disasters-accidents",
                          severity=Severity.MEDIUM, language="nl")
    matcher = Matcher.compile(termset)
    text = "Moordend goede deals on our new brand this weekend, shop now at our store"
    assert [m.term for m in matcher.match_post(_post(text))] == ["moordend"]
    assert [m.term for m in matcher.find("De brand is geblust", language="nl")] == ["brand"]


def test_regex_with_a_language_keeps_to_its_language() -> None:
    matcher = Matcher.compile(parse_terms(r"re:\bslacht\w*", origin="t", list_name="nl-x",
                                          category="x", severity=Severity.LOW, language="nl"))
    assert matcher.find("slachtprijzen on all items", language="en") == []
    assert [m.matched for m in matcher.find("slachtprijzen overal", language="nl")] == \
        ["slachtprijzen"]


def test_explain_leaves_out_only_the_homograph(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from contentcheck.cli.explain import explain

    lists = tmp_path / "lists"
    lists.mkdir()
    (lists / "nl-test.txt").write_text("brand\nmoordend\n", encoding="utf-8")
    result = CliRunner().invoke(explain, [
        "Moordend goede deals on our new brand this weekend, shop now at our store",
        "--no-shipped", "--wordlists", str(lists)])
    assert result.exit_code == 0, result.output
    assert "language: en (detected)" in result.output
    assert "1 match:" in result.output
    assert "'Moordend' at 0-8: term 'moordend'" in result.output
    assert "left out because the text is en:" in result.output
    assert "'brand' would match 'brand' (nl list nl-test)" in result.output
    assert "would match 'moordend'" not in result.output


@pytest.mark.parametrize("post_language", ["en", "nl"])
def test_shipped_terms_let_into_the_other_language_have_no_false_friends(
        post_language: str) -> None:
    """Like ``lists reach``: a shipped term that a post of the other language now gets finds
    no word of that language's 50,000 most frequent but itself (tsunami, tsunamis)."""
    from contentcheck.matching.compounds import vocabulary
    from contentcheck.matching.terms import TermSet, parse_pattern

    shipped_terms = load_shipped_lists()
    let_in = tuple(t for t in shipped_terms.terms
                   if t.language not in (None, post_language)
                   and left_out_of(t.language, [w.norm for w in parse_pattern(t.text).words])
                   is None and parse_pattern(t.text).kind != "regex")
    assert len(let_in) > 200  # most of the other language's terms
    matcher = Matcher.compile(TermSet(let_in, shipped_terms.exceptions))
    ranks = vocabulary(post_language)
    strangers = [(word, m.term) for word in sorted(ranks, key=ranks.__getitem__)[:50_000]
                 for m in matcher.find(word, language=post_language)
                 if not word.startswith(parse_pattern(m.term).words[0].norm)]
    assert strangers == []
