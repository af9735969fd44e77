"""Checking a reviewer's new text before it goes into the calendar copy.

During an incident a reviewer rewrites fast, and "Nu met de treinen naar Aken!" can replace a
post that was paused for "trein". The new texts are checked against what the scan used (the
report's crisis terms) and what a scan would use now (the config's lists and terms, the active
crises); a hit is a warning in the change log, not a refusal: the reviewer may mean it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timezone
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from contentcheck.settings import TermSources


def new_text_checker(sources: TermSources, report_terms: list[str]) -> Callable[[str], list[str]]:
    """A function that names what a text would still hit, e.g. ``'treinen' (crisis term
    'trein')``; empty for a clean text."""
    from contentcheck.matching import Checker
    from contentcheck.matching import detect
    from contentcheck.scan import terms_at

    sources = replace(sources, crisis_terms=tuple(report_terms) + sources.crisis_terms)
    checker = Checker(*terms_at(sources, datetime.now(timezone.utc)))

    def hits(text: str) -> list[str]:
        findings, _ = checker.explain(text, language=detect(text))
        return list(dict.fromkeys(
            f"'{f.match.matched}' ({'crisis term' if f.term.crisis else f.term.category} "
            f"'{f.term.text}')" for f in findings))
    return hits
