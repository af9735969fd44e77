"""Crisis terms and word lists matched together, each with the exceptions that apply to it.

The shipped lists except ``moordrecht`` (a village, not a murder) and ``bomen`` (trees). When
the crisis *is* in Moordrecht, or is a storm felling trees, the on-call person's explicit term
must match — without the crime list suddenly reading "Moordrecht" as murder. So the crisis
terms and the lists get a matcher each: the lists keep every exception; the crisis terms keep
the exceptions too, except those that a crisis term names itself. Exceptions that guard a
crisis term's wider reach (``!per ongeluk`` against ``ongeluk``) stay.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import compress
from typing import TYPE_CHECKING

from contentcheck.matching.matcher import Matcher, joined_text
from contentcheck.records import Match, Post
from contentcheck.matching.terms import TermSet

if TYPE_CHECKING:
    from contentcheck.matching.spans import Finding, Suppressed

SCREEN_CHUNK = 256  # posts screened together (bench/README.md, "After the speed7a branch")


def _named(crisis: TermSet) -> tuple[set[str], set[str], tuple[str, ...], tuple[str, ...]]:
    """What the crisis terms name: their words, their phrases, and the starts and ends their
    wildcards cover (``brand*``, ``*aanslag``)."""
    from contentcheck.matching.terms import pattern_of

    words: set[str] = set()
    phrases: set[str] = set()
    starts: list[str] = []
    ends: list[str] = []
    for term in crisis.terms:
        try:
            pattern = pattern_of(term)
        except ValueError:
            continue
        if pattern.kind == "regex":
            continue
        for word in pattern.words:
            if word.any_after and not word.any_before:
                starts.append(word.norm)
            elif word.any_before and not word.any_after:
                ends.append(word.norm)
            elif not word.any_before:
                words.add(word.norm)
        phrases.add(" ".join(w.norm for w in pattern.words))
        if pattern.joined:
            words.add(pattern.joined)
    return words, phrases, tuple(starts), tuple(ends)


def overridden(crisis: TermSet, exceptions: frozenset[str]) -> set[str]:
    """The exceptions a crisis term names itself, which must not stop it.

    A one-word exception goes when a crisis term has that very word (``Moordrecht``, also
    inside ``brand Moordrecht`` or ``"storm velt bomen"``), or when a crisis wildcard covers
    it (``Moordrecht*`` covers ``!moordrechtse``). Exception *phrases* stay, unless a crisis
    phrase is exactly that phrase: they guard a crisis word's wider reach (``!per ongeluk``
    against ``ongeluk``).
    """
    words, phrases, starts, ends = _named(crisis)
    return {exception for exception in exceptions
            if exception in phrases or (" " not in exception and (
                exception in words or exception.startswith(starts)
                or exception.endswith(ends)))}


def false_friends(crisis: TermSet, exceptions: frozenset[str]) -> frozenset[str]:
    """The exceptions a crisis wildcard reaches without naming them, that stay false friends.

    ``brand*`` covers ``!brandstof`` (fuel), ``!brandnetel``, ``!brandweer``: the wildcard must
    find what it covers (``overridden``), but the lists call these words false friends of the
    stem, so a hit on them is a loose reading (review): the lists' judgement and the typed
    wildcard disagree, and a person decides. Not when a shipped crisis kit has the word as a
    word of an event (``brandweer`` in the fire kit: the fire brigade is about the fire), nor
    when a crisis term names the word itself (``brandstof`` typed as a term pauses).
    """
    words, phrases, _, _ = _named(crisis)
    reached = overridden(crisis, exceptions) - words - phrases
    return frozenset(reached - _event_words()) if reached else frozenset()


@lru_cache(maxsize=1)
def _event_words() -> frozenset[str]:
    """The one-word ``@severity crisis`` terms of the shipped crisis kits (folded): words of an
    event. Read from the kit files as data (``kits`` sits a layer above the engine)."""
    from importlib.resources import files

    from contentcheck.matching.terms import parse_pattern, parse_terms
    from contentcheck.records import Severity

    found = set()
    for entry in (files("contentcheck.wordlists") / "kits").iterdir():
        if not entry.name.endswith(".txt"):
            continue
        parsed = parse_terms(entry.read_text(encoding="utf-8"), origin=entry.name,
                             list_name=entry.name, category="kit", severity=Severity.LOW)
        for term in parsed.terms:
            pattern = parse_pattern(term.text)
            if term.severity is Severity.CRISIS and pattern.kind == "word" and not (
                    pattern.words[0].any_before or pattern.words[0].any_after):
                found.add(pattern.words[0].norm)
    return frozenset(found)


class Checker:
    """Everything one scan checks posts against; compile once, use for every post."""

    def __init__(self, crisis: TermSet, lists: TermSet) -> None:
        exceptions = crisis.exceptions | lists.exceptions
        self.crisis_terms = TermSet(crisis.terms, exceptions - overridden(crisis, exceptions),
                                    false_friends=false_friends(crisis, exceptions))
        # the lists' warnings too: a scan whose lists come from the cache reports them
        self.list_terms = TermSet(lists.terms, exceptions, lists.warnings)
        self.matchers = [Matcher.compile(terms) for terms in (self.crisis_terms, self.list_terms)
                         if terms.terms]

    def match_post(self, post: Post) -> list[Match]:
        """Crisis hits first, then word-list hits, each in field and span order.

        During a crisis two matchers screen each post: the post is joined and split once."""
        if len(self.matchers) < 2:
            return self.matchers[0].match_post(post) if self.matchers else []
        text = joined_text(post)
        tokens = text.split()
        return [match for matcher in self.matchers if matcher.may_match(text, tokens)
                for match in matcher.match_post(post, screened=True)]

    def match_posts(self, posts: Sequence[Post]) -> Iterator[tuple[int, list[Match]]]:
        """``match_post`` of many posts: (position, matches) of each post with matches.

        The posts are screened a few hundred at a time (``Matcher.screen``: their tokens in
        sets, in C), then only those that may match are read closely. Small chunks: their
        tokens stay in the processor's cache between the split and the screen."""
        matchers = self.matchers
        for first in range(0, len(posts), SCREEN_CHUNK):
            chunk = posts[first:first + SCREEN_CHUNK]
            texts = list(map(joined_text, chunk))
            tokens = [text.split() for text in texts]
            if len(matchers) == 1:
                matcher = matchers[0]
                for offset in compress(range(len(chunk)), matcher.screen(texts, tokens)):
                    found = matcher.match_screened(chunk[offset])
                    if found:
                        yield first + offset, found
                continue
            screens = [matcher.screen(texts, tokens) for matcher in matchers]
            for offset in compress(range(len(chunk)), map(any, zip(*screens))):
                found = [match for matcher, screen in zip(matchers, screens) if screen[offset]
                         for match in matcher.match_screened(chunk[offset])]
                if found:
                    yield first + offset, found

    def explain(self, text: str, field: str = "text", language: str | None = None
                ) -> tuple[list["Finding"], list["Suppressed"]]:
        """What ``match_post`` would find in one text, with the rule behind each hit."""
        findings: list[Finding] = []
        suppressed: list[Suppressed] = []
        for matcher in self.matchers:
            found, lost = matcher.explain(text, field, language)
            findings += found
            suppressed += lost
        findings.sort(key=lambda f: (f.match.start, f.match.end))
        return findings, suppressed

    def reading(self, text: str) -> list[str]:
        """How a text is cut into words (the same for every matcher; without terms too)."""
        return (self.matchers[0] if self.matchers else Matcher.compile(TermSet())).reading(text)

    @property
    def warnings(self) -> list[str]:
        """What went wrong while matching in this run, from every matcher."""
        return [warning for matcher in self.matchers for warning in matcher.warnings]

    def __len__(self) -> int:
        return len(self.crisis_terms) + len(self.list_terms)

    @property
    def exceptions(self) -> frozenset[str]:
        return self.list_terms.exceptions
