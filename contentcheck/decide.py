"""Findings -> a verdict per post: pause, review or ok, with the reasons a reviewer reads.

Every check's findings are decided the same way: the worst status any finding asks for wins
(a crisis term pauses, a sensitive word or a house-style slip asks for review). Reasons are
phrased by the check that made the finding (``checks.describe``), so the terminal, JSON, CSV,
Excel and HTML reports say the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from contentcheck.records import Finding, Post, Status, Verdict

_STATUS_RANK = {status: status.rank for status in Status}


def _worst_first(finding: Finding) -> tuple:
    return (_STATUS_RANK[finding.status], not finding.crisis, -finding.severity.rank,
            finding.field, finding.start)


def describe_all(findings: Iterable[Finding], lang: str) -> list[str]:
    """The findings in plain words, the worst first, each distinct reason once."""
    from contentcheck.checks import describe

    return list(dict.fromkeys(describe(f, lang) for f in sorted(findings, key=_worst_first)))


def reasons_in(verdict: Verdict, lang: str) -> list[str]:
    """A post's reasons in the reader's language (the verdict holds them in English)."""
    return list(verdict.reasons) if lang == "en" else describe_all(verdict.findings, lang)


def decide(post: Post, findings: Sequence[Finding]) -> Verdict:
    """The worst status a finding asks for; no finding is ok."""
    if not findings:  # most posts: nothing to sort or explain
        return Verdict(post=post, status=Status.OK)
    found = tuple(findings)
    status = min((f.status for f in found), key=_STATUS_RANK.__getitem__)
    return Verdict(post=post, status=status, findings=found, reasons=tuple(describe_all(found, "en")))
