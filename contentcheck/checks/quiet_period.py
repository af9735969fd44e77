"""quiet-period: every post scheduled in the first hours of a crisis waits, whatever its words.

What it does
    While a crisis has a quiet period (``contentcheck crisis start NAME --term ... --hold 24h``,
    or later ``crisis hold NAME 6h``; on demand ``scan --hold 6h``), every upcoming post
    scheduled before its end is paused, on every channel, with the reason "quiet period of
    crisis NAME: every post until Tue 24-11-2026 19:00 waits". A post without a date is paused
    too (nothing shows it comes later); a whole-day post counts from the start of its day.
    The terms and the other checks still run, so the report shows what each held post would
    have got on its own: the reviewer releases a post in the decision column.

Why
    Crisis-communication guides start with the same step: when news breaks, stop everything
    that was scheduled, then look. Word matching finds the posts that name the event; the
    posts an editor stops for what they allude to ("Kinderen reizen gratis mee naar de
    Noordzeekust" on the morning of a drowning) use no word any term relates to, and a
    measurement on four corpora written by people who never read the matcher found about
    half of them that way (bench/README.md). For the first hours, when the timeline is most
    raw, a quiet period covers them all; after it, the terms carry on.

Example
    ``crisis start Treinramp --term trein* --hold 12h`` at 07:00: a post for 15:00 about a
    weekend in Brussels is paused, one for 20:00 is checked on its words only.
    ``crisis hold Treinramp off`` ends the quiet period early; ``crisis hold Treinramp 6h``
    moves its end.

Known problems
    Cannot be switched off in the config, a period declared or not (lift a period instead).
    It holds every channel; a team that wants to keep posting service messages releases them
    one by one in the report.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from contentcheck.records import Finding, Post, Severity, Status
from contentcheck.wording import QUIET_PERIOD_WORDS, moment_in, words

if TYPE_CHECKING:
    from contentcheck.checks import CheckContext

ID = "quiet-period"
DEFAULT: Mapping[str, Any] = {"enabled": True}
SCOPE = "post"
REQUIRED = "a quiet period holds every post until it ends; lift it with `crisis hold NAME off`"


class QuietPeriodRunner:
    """Pauses each post scheduled before the latest end of the quiet periods in force."""

    def __init__(self, holds: Sequence[tuple[str, datetime]]) -> None:
        self.source, self.until = max(holds, key=itemgetter(1))

    def check(self, index: int, post: Post) -> Sequence[Finding]:
        if post.scheduled_at is not None and post.scheduled_at >= self.until:
            return ()
        return (Finding(
            check=ID, field=post.fields[0].name if post.fields else "", start=0, end=0,
            matched="", rule=self.until.isoformat(), source=self.source, category=ID,
            severity=Severity.HIGH, status=Status.PAUSE,
            details=(("undated", "yes"),) if post.scheduled_at is None else ()),)

    def finish(self) -> tuple[()]:
        return ()


def start(context: "CheckContext", config: Mapping[str, Any]) -> QuietPeriodRunner | None:
    """None (quiet) when no quiet period is in force at the scan's moment."""
    # in force at the scan's moment (scan.holds_at); said in the scan's zone, as the report's
    # other times are (a crisis file keeps its own)
    holds = [(source, until.astimezone(context.now.tzinfo)) for source, until in context.holds]
    return QuietPeriodRunner(holds) if holds else None


def describe(finding: Finding, lang: str) -> str:
    """"quiet period of crisis Treinramp: every post until 24-11-2026 19:00 waits"."""
    lang = words(lang)
    until = datetime.fromisoformat(finding.rule)
    say = QUIET_PERIOD_WORDS[lang]
    text = say["reason"].format(source=finding.source, until=moment_in(until, lang))
    return text + (say["undated"] if finding.detail("undated") else "")
