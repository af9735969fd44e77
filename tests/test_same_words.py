"""same_words: the key of "the same text, ignoring case and spacing" (duplicate posts, twins)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from contentcheck.text import same_words


def slow(text: str) -> str:
    return " ".join(text.casefold().split())


def test_spacing_and_case_do_not_count() -> None:
    texts = ["Nu 2 halen, 1 betalen!", "nu  2 halen,\t1 BETALEN!", " Nu 2 halen, 1 betalen! ",
             "Nu\u00a02 halen,\u20281 betalen!", "Nu 2\nhalen, 1 betalen!\r\n"]
    assert {same_words(t) for t in texts} == {"nu 2 halen, 1 betalen!"}
    assert same_words("Straße 🎉") == "strasse 🎉" and same_words("") == "" == same_words(" \t")


@given(st.text(alphabet=st.sampled_from(list("aB ß\t\n\u00a0\u2028\u3000\x1c🎉É.")) | st.characters()))
def test_the_same_as_splitting_every_text(text: str) -> None:
    assert same_words(text) == slow(text)
