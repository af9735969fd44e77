"""terms: crisis terms and sensitive word lists.

What it does
    Finds the terms of the active crisis (``--crisis``, ``--term``, ``contentcheck crisis
    start``) and the words of the shipped and team word lists in every text-bearing field of
    a post: the text, hashtags, alt text, first comment. Word forms, compounds, hashtags and
    phrases are matched as the term engine (``contentcheck.matching``) reads them.

Why
    A cheerful post queued weeks ago reads very differently on the day of a disaster. A crisis
    term hit pauses the post; a word-list hit (violent or disaster marketing language) asks for
    a review.

Example
    With ``--term brand``, "Dit weekend brandt de barbecue!" is paused; "Een killer deal"
    goes to review (marketing metaphors list).

Known problems
    A word used in an innocent sense is still a hit unless a list names it as an exception
    (``!brandstof``); ``contentcheck explain`` shows why a text matched.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from contentcheck.records import Finding, Match, Post, Status
from contentcheck.wording import REASONS, SEVERITY_WORDS, words

if TYPE_CHECKING:
    from contentcheck.checks import CheckContext
    from contentcheck.matching import Checker

ID = "terms"
DEFAULT: Mapping[str, Any] = {"enabled": True}
SCOPE = "text"


def as_finding(match: Match) -> Finding:
    """The term engine's match as the pipeline's finding: a crisis term pauses, a list word
    asks for review."""
    return Finding(check=ID, field=match.field, start=match.start, end=match.end,
                   matched=match.matched, rule=match.term, source=match.list_name,
                   category=match.category, severity=match.severity,
                   status=Status.PAUSE if match.crisis else Status.REVIEW,
                   crisis=match.crisis, suggestion=match.suggestion)


class TermsRunner:
    """The compiled crisis terms and lists, used for every post of a scan."""

    def __init__(self, checker: "Checker") -> None:
        self.checker = checker

    def check(self, index: int, post: Post) -> Sequence[Finding]:
        matches = self.checker.match_post(post)
        return [as_finding(match) for match in matches] if matches else ()

    def finish(self) -> tuple[()]:
        return ()


def start(context: "CheckContext", config: Mapping[str, Any]) -> TermsRunner | None:
    """Compile the crisis terms and the lists once; None when there are none."""
    from contentcheck.matching import Checker

    checker = Checker(context.crisis, context.lists)
    return TermsRunner(checker) if checker.matchers else None


def describe(finding: Finding, lang: str) -> str:
    """"'bom' in Hashtags matches crisis term 'bom' (crisis file)", in the reader's language.

    English keeps the list's category id (scripts read it); Dutch shows the category's label."""
    lang = words(lang)
    phrases = REASONS[lang]
    where = phrases["in"].format(field=finding.field) if finding.field else ""
    if finding.crisis:
        text = phrases["crisis"].format(matched=f"'{finding.matched}'", where=where,
                                        rule=finding.rule, source=finding.source)
    else:
        if lang == "en":
            category, severity = finding.category, finding.severity.value
        else:
            from contentcheck.lists.categories import label

            category = label(finding.category, lang)
            severity = SEVERITY_WORDS[lang].get(finding.severity.value, finding.severity.value)
        text = phrases["list"].format(matched=f"'{finding.matched}'", where=where,
                                      rule=finding.rule, category=category, severity=severity,
                                      source=finding.source)
    if finding.suggestion:
        text += phrases["suggestion"].format(suggestion=finding.suggestion)
    return text
