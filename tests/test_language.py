"""The language guess that decides which word lists apply to a post."""

from __future__ import annotations

import pytest

from contentcheck.language import detect


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
