"""Decisions a reviewer typed into a report that no apply has given yet.

A new report written over such a report would lose them: decisions are carried into the next
report only once applied (``audit.carried_decisions``). ``scan -o`` asks here first.
"""

from __future__ import annotations

from pathlib import Path

from contentcheck.apply.audit import read_trails
from contentcheck.apply.decisions import read_review
from contentcheck.errors import CalendarError, ContentcheckError
from contentcheck.report.report_meta import is_report


def unapplied_decisions(report: Path, state_dir: Path | None = None) -> int:
    """How many decisions in the report at ``report`` the audit trails of its calendars'
    copies do not hold as applied (``audit.read_trails``: beside the calendar, and those of
    copies made elsewhere that apply noted in ``state_dir``); 0 for a file that is no report
    (or none at all).

    A report that apply cannot read (one mistyped decision) raises ContentcheckError naming
    the problem: its other decisions are no less the reviewer's work, and apply would not have
    given any of them."""
    if not report.is_file() or report.suffix.lower() not in (".xlsx", ".xlsm"):
        return 0
    try:
        review = read_review(report)
    except CalendarError as exc:
        if not is_report(report):
            return 0  # not a report apply could read: nothing it would apply either
        raise ContentcheckError(f"{exc}; a new report there would lose the decisions it holds: "
                                "correct it and apply it, or write the new report to another "
                                "file") from None
    applied: dict[int, set[tuple[str | None, int, str, str | None]]] = {}
    for index, info in enumerate(review.meta["calendars"]):
        applied[index] = {(d.sheet, d.row, d.decision.value, d.new_text)
                          for _, _, decisions in read_trails(str(info.get("path", "")), state_dir)
                          for d in decisions if d.explicit and d.outcome == "applied"}
    return sum((sheet, row, d.decision.value, d.new_text) not in applied.get(index, set())
               for d in review.decisions.values() for index, sheet, row in [d.address])

