"""``re:`` terms under a time budget for the whole run, not only per text.

A raw regular expression can backtrack for seconds on one text. A limit per text alone still
lets a slow pattern cost that limit on every post: 200 posts took 101 s. Each pattern here
gets ``STRIKES`` time-outs, or ``BUDGET`` seconds in one run (one compiled matcher) *while it
is slow* (more than ``SLOW_PER_TEXT`` a text on average); then it is skipped for the rest of
the run, with a warning naming the term, so the scan still finishes and the reader knows
which term was not applied. A quick pattern is never skipped: the shipped list's
``re:\bbomb(?:ings?|ed)\b`` costs ~7 µs a text, which passed a plain 5 s budget at about
700,000 posts and was dropped from every bigger scan.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

log = logging.getLogger(__name__)
_T = TypeVar("_T")

TIMEOUT = 0.25  # seconds one pattern may take on one text
STRIKES = 3  # time-outs before a pattern is skipped for the rest of the run
BUDGET = 5.0  # seconds a slow pattern may take in a whole run
SLOW_PER_TEXT = 1e-4  # seconds a text on average: a few times what the whole engine spends on a post


@dataclass
class _Pattern:
    term: int  # index of the term in its TermSet
    text: str  # the term as written (``re:...``), for the warning
    compiled: object
    needle: str | None = None  # letters every hit starts with, casefolded: a cheap test first
    strikes: int = 0
    spent: float = 0.0
    texts: int = 0
    skipped: bool = False


class RegexTerms:
    """The ``re:`` terms of one matcher, with what they have cost so far in this run."""

    def __init__(self) -> None:
        self._patterns: list[_Pattern] = []
        self._needles = False  # some pattern has letters every match starts with
        self.warnings: list[str] = []

    def add(self, term: int, text: str, source: str) -> None:
        import regex

        needle = required_start(source)
        self._patterns.append(_Pattern(term, text, regex.compile(source, regex.IGNORECASE),
                                       needle=needle))
        self._needles = self._needles or needle is not None

    def __bool__(self) -> bool:
        return bool(self._patterns)

    def needles(self) -> tuple[str, ...] | None:
        """Every pattern's letters (``required_start``), or None when some pattern has none:
        then no text can be passed over without a search. The letters are ASCII and hold no
        whitespace, so a text holds them, casefolded, only if one of its whitespace-separated
        tokens does: the screen tests each token once, when it first sees it."""
        if not self._patterns or any(p.needle is None for p in self._patterns):
            return None
        return tuple(dict.fromkeys(p.needle for p in self._patterns if p.needle))

    def may_match(self, text: str) -> bool:
        """Whether some pattern finds something (a time-out counts as maybe). It runs on every
        post, so one ``search`` that stops at the first hit, not every span (an empty hit is a
        maybe too: the closer read leaves it out)."""
        folded = self._folded(text)
        for pattern in self._patterns:
            if pattern.needle is not None and pattern.needle not in folded:
                continue  # no hit can start without these letters
            found = self._timed(pattern, lambda limit: pattern.compiled.search(
                text, timeout=limit) is not None, False)
            if found is None or found:
                return True
        return False

    def find(self, text: str) -> list[tuple[int, int, int, str]]:
        """(term, start, end, description) of every non-empty hit."""
        folded = self._folded(text)
        found = []
        for pattern in self._patterns:
            if pattern.needle is not None and pattern.needle not in folded:
                continue
            for start, end in self._hits(pattern, text) or ():
                found.append((pattern.term, start, end, f"regex: {pattern.compiled.pattern}"))
        return found

    def _folded(self, text: str) -> str:
        """The text casefolded once for every pattern's letter test (only when one has it)."""
        return text.casefold() if self._needles else ""

    def _hits(self, pattern: _Pattern, text: str) -> list[tuple[int, int]] | None:
        """The spans one pattern finds in a text; None when it ran out of time."""
        return self._timed(pattern, lambda limit: [
            hit.span() for hit in pattern.compiled.finditer(text, timeout=limit)
            if hit.end() > hit.start()], [])

    def _timed(self, pattern: _Pattern, run: Callable[[float], _T], nothing: _T) -> _T | None:
        """``run(time limit)`` with its time charged to the pattern: None when it ran out of
        time, ``nothing`` once the pattern is skipped for having cost too much."""
        if pattern.skipped:
            return nothing
        began = time.perf_counter()
        try:
            quick = pattern.spent <= SLOW_PER_TEXT * pattern.texts  # so far: no budget applies
            result: _T | None = run(TIMEOUT if quick else
                                    max(0.001, min(TIMEOUT, BUDGET - pattern.spent)))
        except TimeoutError:
            pattern.strikes += 1
            result = None
        pattern.spent += time.perf_counter() - began
        pattern.texts += 1
        if pattern.strikes >= STRIKES or (pattern.spent >= BUDGET
                                          and pattern.spent > SLOW_PER_TEXT * pattern.texts):
            pattern.skipped = True
            warning = (f"term {pattern.text!r} took too long ({pattern.strikes} time-out(s), "
                       f"{pattern.spent:.1f} s); skipped for the rest of this run: simplify it")
            self.warnings.append(warning)
            log.warning("%s", warning)
        return result


def required_start(source: str) -> str | None:
    """The letters every match of a pattern begins with, casefolded (``\\bbomb(?:ings?|ed)\\b``
    -> ``bomb``), when the standard library's parser reads the pattern and they are plain
    ASCII; else None. A text without them cannot match, and ``str.__contains__`` costs a
    fraction of a regex search with a time limit (~3.5 µs a post for the shipped term)."""
    import re
    from re import _parser  # type: ignore[attr-defined]

    try:
        items = list(_parser.parse(source))
    except (re.error, TypeError, ValueError, OverflowError, RecursionError):
        return None  # the regex module's own syntax (\p{L} ...): no shortcut
    letters = []
    for opcode, value in items:
        if opcode is _parser.AT and not letters:
            continue  # \b, ^: zero-width, before the first letter
        if opcode is not _parser.LITERAL:
            break
        letters.append(chr(value))
    typed = "".join(letters)  # ASCII as typed: its case folds the same in the regex and here
    return typed.casefold() if len(typed) >= 2 and typed.isascii() and typed.isalnum() else None
