"""One `re:` term in a list must not send every post down the slow path."""

from __future__ import annotations

from contentcheck.matching.matcher import Matcher
from contentcheck.records import Severity
from contentcheck.matching.terms import parse_terms


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


def test_digits_still_count_when_a_term_has_them() -> None:
    m = Matcher.compile(parse_terms("MH17\ncovid\n", origin="t", list_name="t", category="crisis",
                                    severity=Severity.HIGH))
    assert [x.matched for x in m.find("Herdenking MH17 vandaag")] == ["MH17"]
    assert m.find("Herdenking MH18 vandaag") == []
    assert [x.matched for x in m.find("#covid19 maatregelen")] == ["covid"]


def test_words_with_digits_are_screened_like_the_word() -> None:
    m = matcher()  # no term has a digit: digits collapse for the screen only
    assert m.may_match("explosie2026 in de stad") and not m.may_match("https://example.nl/p/12345")
    assert [x.matched for x in m.find("https://example.nl/explosie-12345")] == ["explosie"]


def test_a_post_is_screened_as_a_whole_then_field_by_field() -> None:
    from contentcheck.records import Post, PostField

    post = Post(source="k.csv", sheet=None, row=2, scheduled_at=None, channel=None, status=None,
                fields=(PostField("Bericht", "Gewone tekst"), PostField("Hashtags", "#explosie")))
    assert [(x.field, x.matched) for x in matcher().match_post(post)] == [("Hashtags", "explosie")]


def test_a_regex_term_is_searched_only_where_a_word_holds_its_letters() -> None:
    m = matcher()  # every re: term starts with letters: the token cache tests for them
    assert m.may_match("The city was BOMBED last night")  # any case: the letters casefolded
    assert [x.matched for x in m.find("Read #Bombings today")] == ["Bombings"]
    assert not m.may_match("The bomber jacket is back")  # the letters, but no hit
    assert m.may_match("The bomber jacket and the explosie")  # the letters, and a word hit
    assert not m.may_match("The bomber jacket and the explosie".replace("explosie", "taart"))


def test_a_regex_term_without_leading_letters_is_tried_on_every_text() -> None:
    m = Matcher.compile(parse_terms("explosie\nre:(?:ter|ber)reur\\b\n", origin="t",
                                    list_name="t", category="crisis", severity=Severity.HIGH))
    assert m.may_match("Pure terreur") and [x.matched for x in m.find("Pure TERREUR")] == ["TERREUR"]
    assert not m.may_match("Gewone post over taart")


def test_a_regex_term_is_found_in_a_word_with_digits() -> None:
    m = matcher()  # no term has a digit: "bombed2026" is screened as "bombed0"
    assert m.may_match("https://example.nl/bombed/12345") and not m.may_match("https://e.nl/p/1")
    assert [x.matched for x in m.find("https://example.nl/bombed/12345")] == ["bombed"]


def test_a_token_with_digits_is_screened_as_one_seen_before_with_other_digits() -> None:
    m = matcher()  # no term has a digit: "p/12" and "p/345" share the key "p/0"
    texts = ["https://example.nl/explosie/12", "https://example.nl/explosie/345",
             "https://example.nl/p/6", "https://example.nl/p/78", "explosie2026", "explosie9",
             "bombed2", "bombed33", "2026", "7", "٣explosie5", "explosie٣4"]
    fresh = [matcher().may_match(text) for text in texts]  # each the first of its kind
    assert [m.may_match(text) for text in texts] == fresh == [True, True, False, False, True,
                                                              True, False, False, False, False,
                                                              True, True]


def test_a_word_seen_after_itself_with_digits_keeps_its_own_answer() -> None:
    # "pile-up2026" is screened as "pile-up0" (the phrase's words, partners needed), which
    # may not teach the screen to read "pile-up" itself, the term, the same way
    m = Matcher.compile(parse_terms("pile-up\n", origin="t", list_name="t", category="c",
                                    severity=Severity.MEDIUM))
    tokens = ("pile-up2026", "pile-up", "pile-up7")
    seen = [m._tokens[token] for token in tokens]
    assert seen == [Matcher.compile(m.termset)._tokens[token] for token in tokens]
    assert seen[1] != seen[0] and [x.matched for x in m.find("pile-up")] == ["pile-up"]
