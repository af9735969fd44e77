"""similar-errors: upcoming posts that repeat the brand's own mistake.

What it does
    When the crisis is the brand's own error (a wrong price, a wrong date, a misspelled product
    name, a wrong link or image file), ``contentcheck crisis start NAME --error "€ 2,99"
    --error "kerstmarkt-2025.jpg"`` names it, and every upcoming post that repeats it in any
    text-bearing column (text, link, image or media, hashtags, first comment) is paused. Small
    variations count as the same: case, spaces, hyphens and underscores (``€2,99``,
    ``Kerstmarkt_2025.JPG``), and a comma or a point as the decimal sign (``€2.99``).

Why
    Webcare guides ask, during an incident, for a check of scheduled posts for similar errors:
    the same wrong price in next week's post, the wrong image queued again, the link to the
    page that is no longer right. The correction goes out once; the mistake should not.

Example
    After ``crisis start Prijsfout --error "€ 2,99"``, "Kerstpakket nu €2.99!" is paused:
    "'€2.99' in Bericht repeats the error '€ 2,99' named in crisis Prijsfout". "Nu €12,99"
    and "€ 2,995" stay ok: the error must stand on its own.

Known problems
    On while a crisis names errors, quiet otherwise. A price written another way ("2,99 euro",
    "twee negenennegentig") or a link in a URL-encoded form (``%20``) is not found; name each
    form as its own ``--error``. Add errors to a running crisis with ``crisis add NAME
    --error ...``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from contentcheck.records import Finding, Post, Severity, Status
from contentcheck.wording import REASONS, SIMILAR_ERROR_WORDS, words

if TYPE_CHECKING:
    from contentcheck.checks import CheckContext

ID = "similar-errors"
DEFAULT: Mapping[str, Any] = {"enabled": True}
SCOPE = "text"
_DROPPED = frozenset(" \t\r\n\u00a0\u202f-_‐‑–—")
_SQUEEZE = {**dict.fromkeys(map(ord, _DROPPED)), ord(","): "."}


def normalized(text: str) -> tuple[str, list[int]]:
    """The text as errors are compared (case, spaces, hyphens dropped; ``,`` read as ``.``),
    with the index in ``text`` of each character kept, so a hit maps back to its span."""
    kept: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        if char in _DROPPED:
            continue
        for part in unicodedata.normalize("NFKC", char).casefold():
            kept.append("." if part == "," else part)
            where.append(index)
    return "".join(kept), where


def _stands_alone(text: str, start: int, end: int) -> bool:
    """No letter or digit glued to the hit (``€ 12,99`` does not repeat ``2,99``)."""
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return not (before.isalnum() and text[start].isalnum()) and \
        not (after.isalnum() and text[end - 1].isalnum())


_BEFORE = re.compile(r"(?:€|\beur|\beuro)\s?$", re.IGNORECASE)
_AFTER = re.compile(r"^(?:\s?(?:€|euro\b|eur\b)|,-|\.-)", re.IGNORECASE)


def _with_currency(text: str, start: int, end: int) -> tuple[int, int]:
    """A price's span with the currency written next to it (``€ 2,99``, ``2,99 euro``), so
    the reviewer sees the whole price highlighted."""
    if before := _BEFORE.search(text, 0, start):
        start = before.start()
    if after := _AFTER.match(text[end:]):
        end += after.end()
    return start, end


def find(error: str, text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` that repeat ``error``, small variations allowed."""
    key = error_key(error)
    return _find(key, text, _squeezed(text)) if key else []


def _squeezed(text: str) -> str:
    """``normalized`` at C speed, without the index map: a text whose squeezed form does not
    hold an error cannot repeat it, and most texts hold none."""
    return unicodedata.normalize("NFKC", text).casefold().translate(_SQUEEZE)


def _find(key: str, text: str, squeezed: str) -> list[tuple[int, int]]:
    if key not in squeezed:
        return []
    body, where = normalized(text)
    spans = []
    at = body.find(key)
    while at >= 0:
        start, end = where[at], where[at + len(key) - 1] + 1
        if _stands_alone(text, start, end):
            spans.append(_with_currency(text, start, end))
        at = body.find(key, at + 1)
    return spans


_PRICE = re.compile(r"^(?:€|eur|euro)?(\d+(?:\.\d+)?)(?:€|eur|euro|,-|\.-)?$")


def error_key(error: str) -> str:
    """What is looked for: the error as normalized, and for a price only its amount, so
    "€ 2,99" also finds "2,99 euro", "EUR 2,99" and "voor maar 2.99" (a digit glued on, as
    in "€ 12,99", still does not count)."""
    key = normalized(error)[0]
    price = _PRICE.match(key)
    return price.group(1) if price and any(c in key for c in "€eur,.") else key


class SimilarErrorsRunner:
    """The errors of the active crises, looked for in every field of every post."""

    def __init__(self, errors: Sequence[tuple[str, str]]) -> None:
        keys = [(error_key(error), error, crisis) for error, crisis in errors]
        self.errors = [(key, error, crisis) for key, error, crisis in keys if key]

    def check(self, index: int, post: Post) -> Sequence[Finding]:
        found = []
        for name, text in post.fields:
            squeezed = _squeezed(text)
            for key, error, crisis in self.errors:
                for start, end in _find(key, text, squeezed):
                    found.append(Finding(
                        check=ID, field=name, start=start, end=end, matched=text[start:end],
                        rule=error, source=f"crisis {crisis}", category=ID,
                        severity=Severity.HIGH, status=Status.PAUSE))
        return found

    def finish(self) -> tuple[()]:
        return ()


def start(context: "CheckContext", config: Mapping[str, Any]) -> SimilarErrorsRunner | None:
    """None (quiet) when no active crisis names an error."""
    return SimilarErrorsRunner(context.errors) if context.errors else None


def describe(finding: Finding, lang: str) -> str:
    """"'€2.99' in Link repeats the error '€ 2,99' named in crisis Prijsfout"."""
    lang = words(lang)
    where = REASONS[lang]["in"].format(field=finding.field) if finding.field else ""
    return SIMILAR_ERROR_WORDS[lang].format(matched=f"'{finding.matched}'", where=where,
                                            rule=finding.rule, source=finding.source)
