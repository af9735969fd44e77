"""New texts applied earlier that a crisis term hits now.

In the morning a reviewer changed 'Met de trein naar de kerstmarkt' into 'Met de bus ...' and
applied it: the checked copy, which goes to the scheduler, says 'bus'. In the afternoon 'bus'
became a crisis term. Scans read the original calendar, where the post still says 'trein' and
its decision is carried, so nothing ever checked the text that goes out. The next report
therefore leaves such a decision out (the post is decided again) and the nightly check says
so, once per channel, as news.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from contentcheck.report.labels import Decision
from contentcheck.settings import TermSources


@dataclass(frozen=True)
class StaleChange:
    """A post whose applied new text a crisis term hits now."""

    calendar: str
    sheet: str | None
    row: int
    new_text: str
    hits: tuple[str, ...]

    @property
    def key(self) -> str:
        """How the nightly history remembers that a channel told people (a new hit is news)."""
        identity = "\0".join([self.calendar, self.sheet or "", str(self.row), self.new_text,
                              *self.hits])
        return "stale change: " + hashlib.sha256(identity.encode("utf-8", "surrogatepass")).hexdigest()

    def line(self, lang: str = "en") -> str:
        """``kalender.xlsx [Planning] row 2: 'Met de bus ...' hits 'bus' (crisis term 'bus')``."""
        from contentcheck.apply.changes import quoted, where
        from contentcheck.wording import apply_phrase

        return apply_phrase(lang, "stale", where=f"{Path(self.calendar).name} "
                            f"{where(self.sheet, self.row, lang)}", new=quoted(self.new_text, 60),
                            hits=", ".join(self.hits))


def crisis_hits_now(sources: TermSources | None, crisis_terms: list[str],
                    lang: str = "en") -> Callable[[str], list[str]]:
    """What a text hits of the crisis terms (a scan's, and those of the crises active now),
    compiled only when the first text is asked about."""
    checker = None

    def hits(text: str) -> list[str]:
        nonlocal checker
        if checker is None:
            from contentcheck.apply.recheck import Rechecker

            checker = Rechecker(sources, crisis_terms)
        return checker.new_text(text, lang, crisis_only=True)

    return hits


def stale_changes(calendars: list[str], state_dir: Path | None,
                  hits: Callable[[str], list[str]]) -> list[StaleChange]:
    """The change decisions of the calendars' audit trails (the latest decision per post,
    as the copies hold them) whose new text ``hits`` a crisis term."""
    from contentcheck.apply.audit import read_trails

    found = []
    for calendar in calendars:
        latest = {}
        for _, _, decisions in read_trails(calendar, state_dir):  # a later trail's wins
            for decided in decisions:
                if decided.outcome == "applied":
                    latest[(decided.sheet, decided.row, decided.fingerprint)] = decided
        for (sheet, row, _), decided in latest.items():
            if decided.decision is Decision.CHANGE and decided.new_text:
                if now := hits(decided.new_text):
                    found.append(StaleChange(calendar, sheet, row, decided.new_text, tuple(now)))
    return found
