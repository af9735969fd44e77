"""Applying a reviewer's decisions: a report workbook -> a corrected copy of each calendar.

The rule: no post the report said to pause is published unless a person chose to publish it,
and apply always says what it did not cover. So a flagged post without a decision is paused
by default (and listed); a decision is given only to a post that still says what the reviewer
saw (a post that changed since is listed, not guessed at); every row written is checked
against the crisis terms, since the report only checked its window; a second apply builds on
the first; and the copy is made from the very bytes that were checked. The original calendar
is never touched, nor any other input.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import Any

from contentcheck.apply.audit import Decided, earlier_decisions, write_audit
from contentcheck.apply.changes import Change, quoted, shorten, visible, where
from contentcheck.apply.decisions import Review, ReviewDecision, read_review
from contentcheck.apply.recheck import Rechecker
from contentcheck.apply.scheduler import must_unschedule, scheduler_id
from contentcheck.apply.targets import choose_targets, default_target
from contentcheck.calendar import ReadOptions, load_bytes, read_calendar
from contentcheck.calendar.columns import Role
from contentcheck.calendar.model import Calendar
from contentcheck.calendar.schedulers import BULK_KINDS
from contentcheck.errors import CalendarError, ContentcheckError
from contentcheck.fileio import write_atomically
from contentcheck.progress import SILENT, WORTH_SHOWING_POSTS, Progress
from contentcheck.records import Post
from contentcheck.report.labels import PAUSED_STATUS, Decision
from contentcheck.report.report_meta import post_fingerprint, split_key
from contentcheck.scan import PROGRESS_STEP
from contentcheck.wording import LABELS
from contentcheck.settings import TermSources

__all__ = ["AppliedCalendar", "Refused", "Undecided", "Unreviewed", "apply_review",
           "default_target"]


class Undecided(str, Enum):
    """What happens to a flagged post nobody decided on (``--undecided``)."""

    PAUSE = "pause"  # the report said pause: paused; the report said review: as planned
    PAUSE_ALL = "pause-all"  # review posts paused too
    PUBLISH = "publish"  # as planned (a person chose this by giving the option)


class Unreviewed(str, Enum):
    """What happens to a row apply writes that hits a crisis term nobody reviewed
    (``--unreviewed``); the default is REFUSE for a bulk file, KEEP for a calendar."""

    REFUSE = "refuse"
    PAUSE = "pause"
    KEEP = "keep"


@dataclass
class AppliedCalendar:
    """What apply did with one calendar, and what it did not cover."""

    source: Path
    target: Path | None
    log: list[str] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    undecided: list[str] = field(default_factory=list)
    not_applied: list[str] = field(default_factory=list)
    unreviewed: list[str] = field(default_factory=list)
    unschedule: list[str] = field(default_factory=list)
    audit: tuple[Path, Path] | None = None

    @property
    def open_items(self) -> int:
        """Posts a person still has to look at: the reason for a non-zero exit."""
        return len(self.undecided) + len(self.not_applied) + len(self.unreviewed)


class Refused(ContentcheckError):
    """Nothing written; ``lines`` name every row behind the refusal."""

    def __init__(self, message: str, lines: list[str]) -> None:
        super().__init__(message)
        self.lines = lines


DUTCH_HEADERS = {"datum", "tijd", "kanaal", "bericht", "tekst", "eigenaar", "campagne",
                 "afbeelding", "eerste reactie", "onderwerp", "titel", "publicatiedatum"}
ENGLISH_HEADERS = {"date", "time", "channel", "post", "text", "message", "caption", "owner",
                   "campaign", "image", "first comment", "title", "publish date", "network"}


def calendar_language(calendar: Calendar, fallback: str) -> str:
    """The language most of the calendar's own headers are in, so a Dutch calendar gets
    "Gepauzeerd" whatever the language of the report it was reviewed in."""
    from contentcheck.calendar.columns import fold_header

    headers = [fold_header(h) for _, columns in calendar.layouts.values() for h in columns.headers]
    dutch = sum(h in DUTCH_HEADERS for h in headers)
    english = sum(h in ENGLISH_HEADERS for h in headers)
    return "nl" if dutch > english else "en" if english > dutch else fallback


@dataclass
class _Context:
    """What every calendar of one apply shares."""

    report: Path
    review: Review
    rechecker: Rechecker
    undecided: Undecided
    unreviewed: Unreviewed | None
    replace_copy: bool
    now: str
    lang: str
    window: tuple[datetime | None, datetime | None] | None
    progress: Progress = SILENT


@dataclass
class _Plan:
    applied: AppliedCalendar
    calendar: Calendar
    data: bytes
    sha256: str
    target: Path
    changes: list[Change]
    decided: list[Decided]
    refusals: list[str]


def _when(post: Post) -> str:
    if post.scheduled_at is None:
        return "no date"
    return post.scheduled_at.strftime("%d-%m-%Y" if post.all_day else "%d-%m-%Y %H:%M")


def _describe(post: Post) -> str:
    """``[November] row 4 (24-11-2026 12:00, Instagram) 'Met de trein...'``: enough to find it."""
    channel = f", {post.channel}" if post.channel else ""
    return f"{where(post.sheet, post.row)} ({_when(post)}{channel}) {quoted(post.text, 50)}"


class _Locator:
    """Finds the post a decision was made on: at its row if it still says the same, else the
    one post of the sheet that does (rows inserted above it), else none."""

    def __init__(self, calendar: Calendar, unchanged: bool) -> None:
        self.posts = {(post.sheet, post.row): post for post in calendar.posts}
        self.calendar, self.unchanged = calendar, unchanged
        self._by_content: dict[tuple[str | None, str], list[Post]] | None = None

    def find(self, sheet: str | None, row: int, fingerprint: str | None) -> Post | None:
        post = self.posts.get((sheet, row))
        if fingerprint is None:  # a report from before fingerprints: only an unchanged file
            return post if self.unchanged else None
        # compared even when the file is the report's: an earlier apply's decision was made
        # on an older version of the post
        if post is not None and post_fingerprint(post) == fingerprint:
            return post
        if self._by_content is None:
            self._by_content = {}
            for other in self.calendar.posts:
                self._by_content.setdefault((other.sheet, post_fingerprint(other)), []).append(other)
        found = self._by_content.get((sheet, fingerprint), [])
        return found[0] if len(found) == 1 else None


def _from_review(decision: ReviewDecision, report: Path, status: str | None) -> Decided:
    _, sheet, row = decision.address
    return Decided(sheet, row, decision.fingerprint, decision.decision, decision.new_text,
                   decision.reviewer, decision.note, True,
                   f"{report.name}, {decision.where}", status, review=decision)


def _plan(ctx: _Context, index: int, info: dict[str, Any], source: Path, target: Path
          ) -> _Plan:
    meta = ctx.review.meta
    if not source.is_file():
        raise ContentcheckError(f"{source}: the calendar of this report is not there any "
                                "more; give its place with --calendar")
    data = load_bytes(source)  # one read: what is hashed, checked and copied is the same
    sha256 = hashlib.sha256(data).hexdigest()
    unchanged = sha256 == info["sha256"]
    if not unchanged and "flagged" not in meta:
        raise ContentcheckError(f"{source}: not the calendar this report was made from, or it "
                                "changed since (its content differs); scan it again and review "
                                "the new report")
    columns = {Role(k): v for k, v in meta.get("columns", {}).items()}
    calendar = read_calendar(source, ReadOptions(timezone=timezone.utc, columns=columns), data)
    applied = AppliedCalendar(source, None)
    if not unchanged:
        applied.log.append("changed since the report: decisions go only to posts that still "
                           "say what the reviewer saw")
    locate = _Locator(calendar, unchanged)
    flagged = {split_key(key)[1:]: value for key, value in meta.get("flagged", {}).items()
               if split_key(key)[0] == index}
    earlier, line = earlier_decisions(target, source, ctx.replace_copy)
    if line:
        applied.log.append(line)
    # a decision an earlier apply could not give (its post had changed) was listed then; it
    # stays in the trail as history, and is not tried, nor listed, again
    history = [d for d in earlier if d.outcome and d.outcome != "applied"]
    earlier = [d for d in earlier if d not in history]
    chosen: dict[tuple[str | None, int], tuple[Decided, Post]] = {}

    def take(decided: Decided) -> bool:
        post = locate.find(decided.sheet, decided.row, decided.fingerprint)
        if post is None:
            return False
        address = (post.sheet, post.row)
        if address not in chosen:
            if address != (decided.sheet, decided.row):
                applied.log.append(f"{where(decided.sheet, decided.row)}: the post is now at "
                                   f"{where(*address)} (rows moved); its decision goes there")
            chosen[address] = (replace(decided, sheet=post.sheet, row=post.row,
                                       fingerprint=post_fingerprint(post)), post)
        return True

    lost: list[Decided] = []
    new = [d for d in ctx.review.decisions.values() if d.address[0] == index]
    for decided in [_from_review(d, ctx.report, (flagged.get(d.address[1:]) or [None])[0])
                    for d in new] + [d for d in earlier if d.explicit]:
        if not take(decided) and (decided.sheet, decided.row) not in chosen:
            lost.append(decided)
    undecided_at: set[tuple[str | None, int]] = set()
    for (sheet, row), (status, fingerprint) in sorted(flagged.items(), key=lambda i: (i[0][0] or "", i[0][1])):
        post = locate.find(sheet, row, fingerprint)
        if post is None:
            if (sheet, row) not in chosen:
                applied.not_applied.append(
                    f"{where(sheet, row)}: the report said {status}, nobody decided, and the "
                    "post changed since: not paused (its new text is checked below)")
            continue
        address = (post.sheet, post.row)
        if address in chosen and chosen[address][0].explicit:
            continue
        undecided_at.add(address)
        pause = (status == "pause" and ctx.undecided is not Undecided.PUBLISH) or (
            status == "review" and ctx.undecided is Undecided.PAUSE_ALL)
        applied.undecided.append(f"{_describe(post)}: the report said {status}, no decision: "
                                 + ("paused" if pause else "publishes as planned"))
        if pause:
            chosen[address] = (Decided(post.sheet, post.row, post_fingerprint(post),
                                       Decision.PAUSE, explicit=False,
                                       decided_in=f"no decision in {ctx.report.name}: the report "
                                       f"said {status} (--undecided {ctx.undecided.value})",
                                       report_status=status), post)
    for decided in earlier:
        if not decided.explicit:
            take(decided)
    for decided in lost:
        applied.not_applied.append(
            f"{where(decided.sheet, decided.row)}: not applied: changed since the decision "
            f"({decided.decision.value}, {decided.decided_in}); decide it again")
    plan = _Plan(applied, calendar, data, sha256, target, [], [], [])
    _check_written_rows(ctx, plan, chosen, undecided_at)
    _changes(ctx, plan, chosen)
    for decided in lost:
        plan.decided.append(replace(decided, outcome="not applied: changed"))
    plan.decided += history
    if plan.changes:
        _writer(calendar.kind)  # a format apply cannot write is refused before anything is
    return plan


def _outside(ctx: _Context, post: Post) -> str:
    """Why the report did not cover a row it could have: the window, or a change."""
    if ctx.window is None:
        return "not flagged when the report was made (a crisis term added since?)"
    start, end = ctx.window
    if post.scheduled_at is None:
        return "no date"
    if end is not None and post.scheduled_at >= end:
        return "after the report's window"
    if start is not None and post.scheduled_at < start:
        return "before the report's window"
    return "not flagged when the report was made (changed since, or a crisis term added since?)"


def _check_written_rows(ctx: _Context, plan: _Plan,
                        chosen: dict[tuple[str | None, int], tuple[Decided, Post]],
                        undecided_at: set[tuple[str | None, int]]) -> None:
    """Every row apply writes unpaused and nobody decided on, checked against the crisis
    terms: a bulk file re-uploads them all, the report saw only its window."""
    if not ctx.rechecker.has_crisis_terms:
        return
    kind = plan.calendar.kind
    policy = ctx.unreviewed or (Unreviewed.REFUSE if kind in BULK_KINDS else Unreviewed.KEEP)
    posts = plan.calendar.posts
    ctx.progress.stage(f"checking {plan.applied.source.name}", len(posts),
                       worth_showing=len(posts) >= WORTH_SHOWING_POSTS)
    for number, post in enumerate(posts, 1):
        if number % PROGRESS_STEP == 0:
            ctx.progress.advance(PROGRESS_STEP)
        address = (post.sheet, post.row)
        if address in chosen or address in undecided_at:
            continue
        hits = ctx.rechecker.crisis_hits(post)
        if not hits:
            continue
        first = {}  # each word once, with the first term that found it
        for match in hits:
            first.setdefault(match.matched, match.term)
        terms = ", ".join(f"'{word}' (crisis term '{term}')" for word, term in first.items())
        line = f"{_describe(post)}, {_outside(ctx, post)}: hits {terms}"
        if policy is Unreviewed.PAUSE:
            plan.applied.unreviewed.append(line + ": paused (--unreviewed pause)")
            chosen[address] = (Decided(post.sheet, post.row, post_fingerprint(post),
                                       Decision.PAUSE, explicit=False,
                                       decided_in="crisis hit nobody reviewed "
                                       "(--unreviewed pause)"), post)
        elif policy is Unreviewed.REFUSE:
            plan.refusals.append(f"{plan.applied.source.name} {line}")
        else:
            plan.applied.unreviewed.append(line + ": written as it is")
    ctx.progress.advance(len(posts) % PROGRESS_STEP)


def _changes(ctx: _Context, plan: _Plan,
             chosen: dict[tuple[str | None, int], tuple[Decided, Post]]) -> None:
    """The edits to make, their checks, and the audit lines."""
    applied, calendar = plan.applied, plan.calendar
    labels = LABELS.get(ctx.lang, LABELS["en"])
    for address in sorted(chosen, key=lambda a: (a[0] or "", a[1])):
        decided, post = chosen[address]
        applied.counts[decided.decision.value if decided.explicit else "paused without a decision"] += 1
        plan.decided.append(replace(decided, first_applied=decided.first_applied or ctx.now,
                                    scheduled=_when(post), text=shorten(post.text, 200),
                                    outcome="applied"))
        if decided.decision is Decision.PUBLISH:
            who = f" ({decided.reviewer})" if decided.reviewer else ""
            applied.log.append(f"{where(*address)}: publish as planned{who}")
            continue
        change = Change(post.sheet, post.row, decided.decision, decided.new_text)
        if change.decision is Decision.CHANGE:
            _check_new_text(ctx, plan, change, decided, labels["new_text"])
        elif reason := must_unschedule(post, calendar.kind):
            ident = scheduler_id(post)
            applied.unschedule.append(f"{_describe(post)}" + (f" id {visible(ident)}" if ident else "")
                                      + f": {reason}")
        plan.changes.append(change)


def _check_new_text(ctx: _Context, plan: _Plan, change: Change, decided: Decided,
                    new_text_label: str) -> None:
    review = decided.review
    if review is not None and review.hit_fields:
        _, columns = plan.calendar.layouts[change.sheet]
        main = columns.headers[columns.roles[Role.TEXT]]
        elsewhere = [name for name in review.hit_fields if name != main]
        if main not in review.hit_fields:
            raise CalendarError(
                str(ctx.report), f"the hits are in {', '.join(map(repr, elsewhere))}, but a new "
                f"text replaces {main!r}: change that field in the calendar itself, or "
                "choose pause", sheet=review.sheet, row=review.row, column=new_text_label)
        if elsewhere:
            plan.applied.log.append(f"{change.where()}: the hits in "
                                    f"{', '.join(map(repr, elsewhere))} are still there: change "
                                    "them in the calendar itself")
    if hits := ctx.rechecker.new_text(change.new_text or ""):
        plan.applied.log.append(f"{change.where()}: the new text still hits {', '.join(hits)}: "
                                "scan the copy before it goes out")


def _window(meta: dict[str, Any]) -> tuple[datetime | None, datetime | None] | None:
    window = meta.get("window")
    if not window:
        return None
    return tuple(datetime.fromisoformat(window[k]) if window.get(k) else None  # type: ignore[return-value]
                 for k in ("start", "end"))


def apply_review(report: Path, *, output: Path | None = None, output_dir: Path | None = None,
                 calendar_paths: tuple[Path, ...] = (), term_sources: TermSources | None = None,
                 undecided: Undecided = Undecided.PAUSE, unreviewed: Unreviewed | None = None,
                 replace_copy: bool = False, progress: Progress = SILENT) -> list[AppliedCalendar]:
    """Check everything first, then write one corrected copy (and its audit trail) per
    calendar that has anything decided. Raises Refused, writing nothing, when a bulk file
    would upload a crisis hit nobody reviewed (unless ``unreviewed`` says otherwise);
    ``progress`` hears how far it is (a report of 200,000 posts takes seconds)."""
    size = report.stat().st_size if report.is_file() else 0
    progress.stage("reading the decisions", 1, worth_showing=size >= 2**20)
    review = read_review(report)
    progress.advance()
    meta = review.meta
    lang = meta.get("lang", "en")
    sources = [calendar_paths[i] if i < len(calendar_paths) else Path(info["path"])
               for i, info in enumerate(meta["calendars"])]
    targets = choose_targets(report, sources, output, output_dir)
    ctx = _Context(report, review, Rechecker(term_sources, meta.get("crisis_terms", [])),
                   undecided, unreviewed, replace_copy,
                   datetime.now(timezone.utc).isoformat(timespec="seconds"),
                   lang if lang in LABELS else "en", _window(meta), progress)
    plans = [_plan(ctx, index, info, source, target)
             for index, (info, source, target) in enumerate(zip(meta["calendars"], sources, targets))]
    refusals = [line for plan in plans for line in plan.refusals]
    if refusals:
        raise Refused(f"{len(refusals)} row(s) of a bulk file hit a crisis term and were not in "
                      "the report (listed above): nothing written; scan the file with a window "
                      "that covers them and review, or apply with --unreviewed pause (leave "
                      "them out) or --unreviewed keep (upload them as they are)", refusals)
    progress.stage("writing the copies", len(plans), worth_showing=size >= 2**20)
    for plan in plans:  # everything checked: now write
        if plan.decided and any(d.outcome == "applied" for d in plan.decided):
            _write(ctx, plan)
        progress.advance()
    progress.done()
    return [plan.applied for plan in plans]


def _write(ctx: _Context, plan: _Plan) -> None:
    applied, calendar, target = plan.applied, plan.calendar, plan.target
    writer = _writer(calendar.kind)
    paused = PAUSED_STATUS[calendar_language(calendar, ctx.lang)]
    log: list[str] = []
    write_atomically(target, lambda temp: log.extend(
        writer(applied.source, plan.data, calendar, plan.changes, temp, paused)),
        what="the checked copy")
    applied.log[len(applied.log):] = log
    applied.target = target
    reports = [d.decided_in.split(", ", 1)[0] for d in plan.decided if d.explicit]
    applied.audit = write_audit(target, applied.source, plan.sha256,
                                [str(ctx.report)] + reports, ctx.now, plan.decided)


def _writer(kind: str):
    if kind in ("xlsx",):
        from contentcheck.apply.xlsx_copy import write_xlsx_copy

        return write_xlsx_copy
    if kind in ("csv",) + BULK_KINDS:
        from contentcheck.apply.csv_copy import write_csv_copy

        return write_csv_copy
    raise ContentcheckError(f"writing decisions back into a {kind} calendar is not supported; "
                            "save it as .xlsx or .csv and scan that")
