"""Checking what apply writes, before it goes into the calendar copy.

During an incident a reviewer rewrites fast, and "Nu met de treinen naar Aken!" can replace a
post that was paused for "trein". And a bulk file re-uploads every row, while the report only
checked the rows in its window. So apply checks again: every new text against what the scan
used (the report's crisis terms) and what a scan would use now (the config's lists and terms,
the active crises), and every row it writes against the crisis terms. A crisis hit in a new
text keeps the post paused (listed, exit 1), a word-list hit there is a warning; a crisis hit
in a row nobody reviewed is listed (and, for a bulk file, refused).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from contentcheck.settings import TermSources
from contentcheck.wording import apply_phrase

if TYPE_CHECKING:
    from contentcheck.records import Match, Post


class Rechecker:
    """The terms of a scan now plus the report's crisis terms, compiled once per apply."""

    def __init__(self, sources: TermSources | None, report_terms: list[str],
                 report_holds: list[dict[str, str]] | None = None) -> None:
        from contentcheck.matching import Checker, TermSet
        from contentcheck.scan import declared_crises, holds_at, terms_at

        sources = sources or TermSources(shipped_lists=False)
        sources = replace(sources, crisis_terms=tuple(report_terms) + sources.crisis_terms)
        now = datetime.now(timezone.utc)
        crisis, lists = terms_at(sources, now)
        self._all = Checker(crisis, lists)
        self._crisis = Checker(crisis, TermSet()) if crisis.terms else None
        # the quiet periods of the report and of the crises declared now: (by, until)
        holds = [(hold["by"], datetime.fromisoformat(hold["until"]))
                 for hold in report_holds or [] if hold.get("by") and hold.get("until")]
        holds += holds_at(declared_crises(sources, now), now) if sources.active_crises else ()
        self.hold = max(holds, key=lambda hold: hold[1]) if holds else None

    def held(self, post: Post) -> tuple[str, datetime] | None:
        """The quiet period that holds this row (who declared it, until when), if any: every
        post scheduled before its end waits, one without a date too."""
        if self.hold is None:
            return None
        at = post.scheduled_at
        return self.hold if at is None or at < self.hold[1] else None

    def new_text(self, text: str, lang: str = "en", *, crisis_only: bool = False) -> list[str]:
        """What a text would still hit, e.g. ``'treinen' (crisis term 'trein')``; empty for
        a clean text. ``crisis_only``: the crisis terms' hits alone (what keeps a post
        paused)."""
        from contentcheck.lists.categories import category_word
        from contentcheck.matching import detect

        findings, _ = self._all.explain(text, language=detect(text))
        return list(dict.fromkeys(
            apply_phrase(lang, "hit", word=f.match.matched, term=f.term.text) if f.term.crisis
            else f"'{f.match.matched}' ({category_word(f.term.category, lang)} '{f.term.text}')"
            for f in findings if f.term.crisis or not crisis_only))

    def crisis_hits(self, post: Post) -> list[Match]:
        """The crisis terms a calendar row hits, in any of its text fields."""
        return self._crisis.match_post(post) if self._crisis else []

    @property
    def has_crisis_terms(self) -> bool:
        return self._crisis is not None
