"""Matches -> a verdict per post: pause (crisis hit), review (sensitive), ok; with reasons."""

from __future__ import annotations

from collections.abc import Iterable

from contentcheck.records import Match, Post, Status, Verdict


def _reason(match: Match) -> str:
    where = f" in {match.field}" if match.field else ""
    quoted = f"'{match.matched}'"
    if match.crisis:
        text = f"{quoted}{where} matches crisis term '{match.term}' ({match.list_name})"
    else:
        text = (f"{quoted}{where} matches '{match.term}' "
                f"({match.category}, {match.severity.value}, list {match.list_name})")
    if match.suggestion:
        text += f"; suggestion: '{match.suggestion}'"
    return text


def decide(post: Post, matches: Iterable[Match]) -> Verdict:
    """A crisis term pauses the post; any other hit asks for review; no hit is ok.

    Reasons name each distinct hit once, crisis hits first, so a reviewer reads the worst first.
    """
    found = tuple(matches)
    if not found:  # most posts: nothing to sort or explain
        return Verdict(post=post, status=Status.OK)
    if any(m.crisis for m in found):
        status = Status.PAUSE
    elif found:
        status = Status.REVIEW
    else:
        status = Status.OK
    ordered = sorted(found, key=lambda m: (not m.crisis, -m.severity.rank, m.field, m.start))
    reasons: list[str] = []
    for match in ordered:
        reason = _reason(match)
        if reason not in reasons:
            reasons.append(reason)
    return Verdict(post=post, status=status, matches=found, reasons=tuple(reasons))
