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

    A crisis may escalate list categories (``--escalate violence-weapons``, or a kit's
    defaults): while it is active, a hit in such a category pauses the post too, and its reason
    names the crisis that escalated it.

Example
    With ``--term brand``, "Dit weekend brandt de barbecue!" is paused; "Een killer deal"
    goes to review (marketing metaphors list).

Known problems
    A word used in an innocent sense is still a hit unless a list names it as an exception
    (``!brandstof``); ``contentcheck explain`` shows why a text matched.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from contentcheck.lists.categories import category_word
from contentcheck.matching.index import LOOSE
from contentcheck.records import Finding, Match, Post, Status
from contentcheck.wording import (REASONS, loose_words, reading_words, severity_word, warning_in,
                                  words)

if TYPE_CHECKING:
    from contentcheck.checks import CheckContext
    from contentcheck.matching import Checker

ID = "terms"
DEFAULT: Mapping[str, Any] = {"enabled": True}
SCOPE = "text"
# switching it off would silently drop every crisis term while reports still say CRISIS ACTIVE
REQUIRED = ("crisis terms are always checked; leave word lists out with [scan] shipped_lists "
            "= false or disabled_categories instead")
_NONE: Mapping[str, str] = MappingProxyType({})


def as_finding(match: Match, escalations: Mapping[str, str] = _NONE) -> Finding:
    """The term engine's match as the pipeline's finding: a crisis term pauses, a list word
    asks for review, unless an active crisis escalated its category (then it pauses, and says
    by whom); a loose reading of a crisis term (``Match.loose``) asks for review."""
    escalated_by = None if match.crisis else escalations.get(match.category)
    pause = (match.crisis and not match.loose) or escalated_by
    details = ((("escalated_by", escalated_by),) if escalated_by else ()) + \
        ((("loose", match.loose),) if match.loose else ()) + \
        ((("reading", "\t".join(match.reading)),) if match.reading else ())
    return Finding(check=ID, field=match.field, start=match.start, end=match.end,
                   matched=match.matched, rule=match.term, source=match.list_name,
                   category=match.category, severity=match.severity,
                   status=Status.PAUSE if pause else Status.REVIEW,
                   crisis=match.crisis, suggestion=match.suggestion, details=details)


def _worst_per_span(findings: list[Finding]) -> list[Finding]:
    """One word hit by a typed crisis term and by a kit's tone-deaf word (``trein``) is one
    pause, not a pause and a review saying the same thing twice: a review finding on exactly
    the span of a pause finding is left out."""
    if len(findings) < 2:
        return findings
    paused = {(f.field, f.start, f.end) for f in findings if f.status is Status.PAUSE}
    if not paused:
        return findings
    return [f for f in findings
            if f.status is Status.PAUSE or (f.field, f.start, f.end) not in paused]


class TermsRunner:
    """The compiled crisis terms and lists, used for every post of a scan."""

    def __init__(self, checker: "Checker", escalations: Mapping[str, str] = _NONE) -> None:
        self.checker = checker
        self.escalations = escalations

    def check(self, index: int, post: Post) -> Sequence[Finding]:
        return self._findings(self.checker.match_post(post))

    def check_chunk(self, start: int, posts: Sequence[Post]
                    ) -> Iterator[tuple[int, Sequence[Finding]]]:
        """``check`` of each post of a chunk, the posts screened together
        (``Checker.match_posts``: their tokens in sets, in C)."""
        for offset, matches in self.checker.match_posts(posts):
            yield start + offset, self._findings(matches)

    def _findings(self, matches: list[Match]) -> Sequence[Finding]:
        if not matches:
            return ()
        return _worst_per_span([as_finding(match, self.escalations) for match in matches])

    def finish(self) -> tuple[()]:
        return ()

    @property
    def warnings(self) -> list[str]:
        """Terms skipped during the run (a ``re:`` term that kept timing out)."""
        return self.checker.warnings


def start(context: "CheckContext", config: Mapping[str, Any]) -> TermsRunner | None:
    """Compile the crisis terms and the lists once, or load them as compiled by an earlier run
    (``matching/cache.py``); None when there are none."""
    from contentcheck.matching.cache import compiled_checker

    checker = context.compiled
    if checker is None:
        checker = compiled_checker(context.crisis, context.lists, context.cache_dir,
                                   context.terms_key)
    return TermsRunner(checker, context.escalations) if checker.matchers else None


# the reading behind a loose reading's English (``Match.loose``), for its Dutch (wording.LOOSE_NL)
_LOOSE_RULE = {english: rule for rule, english in LOOSE.items()}


def describe(finding: Finding, lang: str) -> str:
    """"'bom' in Hashtags matches crisis term 'bom' (crisis file)", in the reader's language.

    English keeps the list's category id (scripts read it); Dutch shows the category's label."""
    lang = words(lang)
    phrases = REASONS[lang]
    where = phrases["in"].format(field=finding.field) if finding.field else ""
    source = warning_in(finding.source, lang)  # a chosen kit: "gekozen bij je termen ..."
    if finding.crisis:
        text = phrases["crisis"].format(matched=f"'{finding.matched}'", where=where,
                                        rule=finding.rule, source=source)
    else:
        category = category_word(finding.category, lang)
        severity = severity_word(finding.severity.value, lang)
        text = phrases["list"].format(matched=f"'{finding.matched}'", where=where,
                                      rule=finding.rule, category=category, severity=severity,
                                      source=source)
    if finding.detail("escalated_by"):
        text += phrases["escalated"].format(source=finding.detail("escalated_by"))
    if finding.detail("reading"):
        kind, *names = finding.detail("reading").split("\t")
        text += reading_words(kind, names, lang)
    if finding.detail("loose"):
        reading = finding.detail("loose")
        text += phrases["loose"].format(reading=loose_words(_LOOSE_RULE.get(reading), reading, lang))
    if finding.suggestion:
        text += phrases["suggestion"].format(suggestion=finding.suggestion)
    return text
