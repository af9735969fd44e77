"""Applying a reviewer's decisions: a report workbook -> a corrected copy of each calendar.

The rule: no post the report said to pause is published unless a person chose to publish it,
and apply always says what it did not cover. So a flagged post without a decision is paused
by default (and listed); a decision is given only to a post that still says what the reviewer
saw (a post that changed since is listed, not guessed at); every row written is checked
against the crisis terms, since the report only checked its window; a second apply builds on
the first; and the copy is made from the very bytes that were checked. The original calendar
is never touched, nor any other input. ``plan`` decides, then this module writes.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from contentcheck.apply.audit import write_audit
from contentcheck.apply.decisions import read_review
from contentcheck.apply.outcome import AppliedCalendar, Refused, Undecided, Unreviewed
from contentcheck.apply.plan import Context, Plan, plan_calendar, window_of
from contentcheck.apply.recheck import Rechecker
from contentcheck.apply.targets import calendar_places, choose_targets, default_target
from contentcheck.apply.trail_index import remember
from contentcheck.apply.writers import calendar_language, writer_for
from contentcheck.fileio import move_into_place, stage
from contentcheck.progress import SILENT, Progress
from contentcheck.report.labels import PAUSED_STATUS
from contentcheck.scan import term_inputs
from contentcheck.settings import TermSources
from contentcheck.wording import LABELS

__all__ = ["AppliedCalendar", "Refused", "Undecided", "Unreviewed", "apply_review",
           "calendar_language", "default_target"]


def apply_review(report: Path, *, output: Path | None = None, output_dir: Path | None = None,
                 calendar_paths: tuple[Path, ...] = (), term_sources: TermSources | None = None,
                 undecided: Undecided = Undecided.PAUSE, unreviewed: Unreviewed | None = None,
                 replace_copy: bool = False, progress: Progress = SILENT,
                 config_path: Path | None = None,
                 state_dir: Path | None = None) -> list[AppliedCalendar]:
    """Check everything first, then write one corrected copy (and its audit trail) per
    calendar that has anything decided. Raises Refused, writing nothing, when a bulk file
    would upload a crisis hit nobody reviewed (unless ``unreviewed`` says otherwise);
    ``progress`` hears how far it is (a report of 200,000 posts takes seconds). The trail of a
    copy written away from its calendar is noted in ``state_dir`` (``trail_index``), so later
    reports find its decisions."""
    size = report.stat().st_size if report.is_file() else 0
    progress.stage("reading the decisions", 1, worth_showing=size >= 2**20)
    review = read_review(report)
    progress.advance()
    meta = review.meta
    lang = meta.get("lang", "en")
    sources = calendar_places(report, calendar_paths, meta["calendars"])
    targets = choose_targets(report, sources, output, output_dir,
                             [str(info.get("kind", "")) for info in meta["calendars"]],
                             term_inputs(term_sources or TermSources(shipped_lists=False),
                                         config_path))
    ctx = Context(report, review, Rechecker(term_sources, meta.get("crisis_terms", []),
                                            meta.get("holds")),
                  undecided, unreviewed, replace_copy,
                  datetime.now(timezone.utc).isoformat(timespec="seconds"),
                  lang if lang in LABELS else "en", window_of(meta), progress)
    plans = [plan_calendar(ctx, index, info, source, target)
             for index, (info, source, target) in enumerate(zip(meta["calendars"], sources, targets))]
    refusals = [line for plan in plans for line in plan.refusals]
    if refusals:
        raise Refused(f"{len(refusals)} row(s) of a bulk file hit a crisis term (or a quiet "
                      "period holds them) and were not in the report (listed above): nothing written; scan the file with a window "
                      "that covers them and review, or apply with --unreviewed pause (leave "
                      "them out) or --unreviewed keep (upload them as they are)", refusals,
                      ctx.lang)
    progress.stage("writing the copies", len(plans), worth_showing=size >= 2**20)
    # every copy is made first and moved into place only when all could be made: a refusal
    # (a new text the second calendar's encoding cannot hold) leaves nothing written
    staged: list[tuple[Plan, Path, tuple[list[str], list[str]]]] = []
    try:
        for plan in plans:
            if plan.decided and any(d.outcome == "applied" for d in plan.decided):
                staged.append(_stage(ctx, plan))
            progress.advance()
        while staged:
            plan, temp, said = staged.pop(0)
            _finish(ctx, plan, temp, said)
            if state_dir is not None and plan.applied.audit and \
                    plan.target != default_target(plan.applied.source):
                remember(state_dir, plan.applied.source, plan.applied.audit[0])
    finally:
        for _, temp, _ in staged:
            temp.unlink(missing_ok=True)
    progress.done()
    return [plan.applied for plan in plans]


def _stage(ctx: Context, plan: Plan) -> tuple[Plan, Path, tuple[list[str], list[str]]]:
    """The copy of one calendar, made in a temporary file beside its place, its log and what
    a person must still do about it."""
    applied, calendar = plan.applied, plan.calendar
    writer = writer_for(calendar.kind)
    paused = PAUSED_STATUS[calendar_language(calendar, ctx.lang)]
    said: list[tuple[list[str], list[str]]] = []
    temp = stage(plan.target, lambda temp: said.append(
        writer(applied.source, plan.data, calendar, plan.changes, temp, paused, ctx.lang)),
        what="the checked copy")
    return plan, temp, said[0]


def _finish(ctx: Context, plan: Plan, temp: Path, said: tuple[list[str], list[str]]) -> None:
    """The staged copy into place, then its audit trail."""
    applied, target = plan.applied, plan.target
    move_into_place(temp, target, what="the checked copy")
    log, todo = said
    applied.log[len(applied.log):] = log
    applied.recalculate[len(applied.recalculate):] = todo
    applied.target = target
    reports = [d.decided_in.split(", ", 1)[0] for d in plan.decided if d.explicit]
    applied.audit = write_audit(target, applied.source, plan.sha256,
                                [str(ctx.report)] + reports, ctx.now, plan.decided)
