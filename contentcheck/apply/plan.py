"""The plan for one calendar: which post gets which decision, and what apply must list.

Everything is decided here before anything is written: decisions are given to the posts that
still say what the reviewer saw (found by fingerprint, at their row or where rows moved
them), flagged posts nobody decided on follow the ``--undecided`` policy, and every row that
would be written unpaused and undecided is checked against the crisis terms.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone, tzinfo
from pathlib import Path
from collections.abc import Callable
from typing import Any

from contentcheck.apply.audit import Decided, earlier_decisions
from contentcheck.apply.changes import Change, quoted, shorten, visible, where
from contentcheck.apply.decisions import Review, ReviewDecision
from contentcheck.apply.outcome import AppliedCalendar, Undecided, Unreviewed
from contentcheck.apply.recheck import Rechecker
from contentcheck.apply.scheduler import must_unschedule, scheduler_id
from contentcheck.apply.writers import writer_for
from contentcheck.calendar import ReadOptions, load_bytes, read_calendar
from contentcheck.calendar.columns import Role
from contentcheck.calendar.model import Calendar
from contentcheck.calendar.schedulers import BULK_KINDS
from contentcheck.errors import CalendarError, ContentcheckError
from contentcheck.progress import SILENT, WORTH_SHOWING_POSTS, Progress
from contentcheck.records import Match, Post
from contentcheck.report.labels import DECISION_WORDS, Decision
from contentcheck.report.report_meta import post_fingerprint, split_key
from contentcheck.scan import PROGRESS_STEP
from contentcheck.window import status_is_final
from contentcheck.wording import LABELS, apply_phrase, moment_in, words


def _status(status: str, lang: str) -> str:
    """The report's status (pause, review) as the reader says it."""
    return LABELS[words(lang)].get(status, status)


@dataclass
class Context:
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
class Plan:
    applied: AppliedCalendar
    calendar: Calendar
    data: bytes
    sha256: str
    target: Path
    changes: list[Change]
    decided: list[Decided]
    refusals: list[str]
    changed: bool = False  # the calendar's content differs from what the report read


def _when(post: Post, lang: str = "en") -> str:
    if post.scheduled_at is None:
        return apply_phrase(lang, "no_date")
    return post.scheduled_at.strftime("%d-%m-%Y" if post.all_day else "%d-%m-%Y %H:%M")


def _describe(post: Post, lang: str) -> str:
    """``[November] row 4 (24-11-2026 12:00, Instagram) 'Met de trein...'``: enough to find it."""
    channel = f", {visible(post.channel)}" if post.channel else ""  # calendar text: never obeyed
    return f"{where(post.sheet, post.row, lang)} ({_when(post, lang)}{channel}) {quoted(post.text, 50)}"


class _Locator:
    """Finds the post a decision was made on: at its row if it still says the same, else the
    one post of the sheet that does (rows inserted above it), else, when its sheet is gone,
    the one post of the sheets the report did not know that does (a sheet renamed), else
    none."""

    def __init__(self, calendar: Calendar, unchanged: bool, known_sheets: list[str]) -> None:
        self.posts = {(post.sheet, post.row): post for post in calendar.posts}
        self.calendar, self.unchanged = calendar, unchanged
        self._by_content: dict[tuple[str | None, str], list[Post]] | None = None
        present = {post.sheet for post in calendar.posts}
        self.gone = set(known_sheets) - present
        self.new = present - set(known_sheets) - {None}

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
        if not found and sheet in self.gone:
            found = [post for name in self.new
                     for post in self._by_content.get((name, fingerprint), [])]
        return found[0] if len(found) == 1 else None


def _from_review(decision: ReviewDecision, report: Path, flagged: list[Any] | None) -> Decided:
    """A reviewer's decision, with the report's status and why-key for the post (if flagged)."""
    _, sheet, row = decision.address
    status = flagged[0] if flagged else None
    verdict = flagged[2] if flagged and len(flagged) > 2 else None
    return Decided(sheet, row, decision.fingerprint, decision.decision, decision.new_text,
                   decision.reviewer, decision.note, True,
                   f"{report.name}, {decision.where}", status, verdict=verdict, review=decision)


def _still_holds(flagged: dict[tuple[str | None, int], list[Any]]) -> Callable[[Decided], bool]:
    """Whether an earlier apply's decision still counts under this report: only while this
    report flags the post for the same reasons (its why-key), or does not flag it at all. A
    "publish" given before a crisis is no "publish" of the crisis post it became."""
    now_flagged: dict[tuple[str | None, int, str], tuple[str, str | None]] = {}
    by_text: dict[tuple[str | None, str], list[tuple[str, str | None]]] = {}
    for (sheet, row), (status, fingerprint, *rest) in flagged.items():
        now_flagged[(sheet, row, fingerprint)] = (status, rest[0] if rest else None)
        by_text.setdefault((sheet, fingerprint), []).append((status, rest[0] if rest else None))

    def holds(decided: Decided) -> bool:
        current = now_flagged.get((decided.sheet, decided.row, decided.fingerprint))
        if current is None:  # moved rows: only a post whose text is unique in the sheet
            same = by_text.get((decided.sheet, decided.fingerprint), [])
            if len(same) > 1:
                return False
            current = same[0] if same else None
        if current is None:
            return True  # not flagged now (or changed, which the locator sorts out)
        status, why = current
        if why is not None and decided.verdict is not None:
            return why == decided.verdict
        return status == decided.report_status and (
            status != "pause" or decided.decision is Decision.PAUSE)

    return holds


# which of two decisions for one post holds when nobody can tell whose post it is
_SAFETY = {Decision.PUBLISH: 0, Decision.CHANGE: 1, Decision.PAUSE: 2}


def _rival(held: Decided, other: Decided) -> bool:
    """Whether two decisions of the same report, at different rows, claim one post with
    different outcomes."""
    return (held.review is not None and other.review is not None
            and held.review.key != other.review.key
            and (held.decision, held.new_text) != (other.decision, other.new_text))


def plan_calendar(ctx: Context, index: int, info: dict[str, Any], source: Path, target: Path
                  ) -> Plan:
    """Read the calendar once, give each decision to its post, apply the policies; raises
    when the report cannot be trusted for this calendar. Nothing is written here."""
    meta = ctx.review.meta
    if info.get("given") == "-" and str(source) in (info.get("path"), "-"):
        # a report of a piped calendar, and no --calendar naming the file
        raise ContentcheckError("this report was made from a calendar on standard input (-): "
                                "name the calendar file with --calendar FILE")
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
    calendar = read_calendar(source, _read_as_scanned(meta, columns), data)
    lang = ctx.lang
    applied = AppliedCalendar(source, None, lang=lang)
    if not unchanged:
        applied.log.append(apply_phrase(lang, "changed_report"))
    locate = _Locator(calendar, unchanged, info.get("sheets") or [])
    flagged = {split_key(key)[1:]: value for key, value in meta.get("flagged", {}).items()
               if split_key(key)[0] == index}
    earlier, line = earlier_decisions(target, source, ctx.replace_copy, lang)
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
        if address in chosen:
            other = chosen[address][0]
            if not _rival(other, decided):
                return True  # a later decision on the same post won already
            # two of this report's decisions found one post (the same text on two channels,
            # one row deleted): nobody can tell whose it is; the safer one holds, the other
            # is listed
            if _SAFETY[decided.decision] <= _SAFETY[other.decision]:
                lost.append(decided)
                return True
            lost.append(other)
        elif address != (decided.sheet, decided.row):
            applied.log.append(apply_phrase(lang, "moved", old=where(decided.sheet, decided.row, lang),
                                            new=where(*address, lang)))
        chosen[address] = (replace(decided, sheet=post.sheet, row=post.row,
                                   fingerprint=post_fingerprint(post)), post)
        return True

    lost: list[Decided] = []
    new = [d for d in ctx.review.decisions.values() if d.address[0] == index]
    still_holds = _still_holds(flagged)
    for decided in [_from_review(d, ctx.report, flagged.get(d.address[1:]))
                    for d in new] + [d for d in earlier if d.explicit and still_holds(d)]:
        if not take(decided) and (decided.sheet, decided.row) not in chosen:
            lost.append(decided)
    undecided_at: set[tuple[str | None, int]] = set()
    reviewed_at: set[tuple[str | None, int]] = set()
    lost_at = {(decided.sheet, decided.row) for decided in lost}
    in_order = sorted(flagged.items(), key=lambda item: (item[0][0] or "", item[0][1]))
    for (sheet, row), (status, fingerprint, *_) in in_order:
        post = locate.find(sheet, row, fingerprint)
        if post is None:
            if (sheet, row) not in chosen and (sheet, row) not in lost_at:  # a lost decision says it
                applied.not_applied.append(apply_phrase(
                    lang, "changed_undecided", where=where(sheet, row, lang), status=_status(status, lang)))
            continue
        address = (post.sheet, post.row)
        if address in chosen and chosen[address][0].explicit:
            continue
        if status == "pause":  # listed here already; a review post is still checked below
            undecided_at.add(address)
        else:  # for the crisis terms added since: the report's own were its review
            reviewed_at.add(address)
        pause = (status == "pause" and ctx.undecided is not Undecided.PUBLISH) or (
            status == "review" and ctx.undecided is Undecided.PAUSE_ALL)
        applied.undecided.append(apply_phrase(
            lang, "undecided", post=_describe(post, lang), status=_status(status, lang),
            what=apply_phrase(lang, "paused" if pause else "as_planned")))
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
        applied.not_applied.append(apply_phrase(
            lang, "lost", where=where(decided.sheet, decided.row, lang),
            decision=DECISION_WORDS[words(lang)][decided.decision], decided_in=decided.decided_in))
    plan = Plan(applied, calendar, data, sha256, target, [], [], [], changed=not unchanged)
    said_pause = {address for address, (status, *_) in flagged.items() if status == "pause"}
    _check_written_rows(ctx, plan, chosen, undecided_at, said_pause, reviewed_at)
    _changes(ctx, plan, chosen)
    for decided in lost:
        plan.decided.append(replace(decided, outcome="not applied: changed"))
    plan.decided += history
    if plan.changes:
        writer_for(calendar.kind)  # a format apply cannot write is refused before anything is
    return plan


def _read_as_scanned(meta: dict[str, Any], columns: dict[Role, str]) -> ReadOptions:
    """How the scan read the calendar's times: in its timezone (a report from before it
    was kept: the offset of its moment), a date without a year nearest to its moment, day or
    month first as it was told. Read
    as UTC, a post due at 07:30 in Amsterdam, past when the 08:00 report was made, fell in
    its window as 'not flagged when the report was made'."""
    moment = datetime.fromisoformat(meta["now"]) if meta.get("now") else None
    zone: tzinfo = timezone.utc if moment is None or moment.tzinfo is None else moment.tzinfo
    if meta.get("timezone"):
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            zone = ZoneInfo(meta["timezone"])
        except (ZoneInfoNotFoundError, ValueError):
            pass  # a zone this machine does not know: the offset the report was made at
    dayfirst = meta.get("dayfirst")  # as the scan was told (--monthfirst), else as it read
    if moment is None:
        return ReadOptions(timezone=zone, columns=columns, dayfirst=dayfirst)
    return ReadOptions(timezone=zone, columns=columns, reference=moment.date(), dayfirst=dayfirst)


def _gone(ctx: Context, post: Post) -> bool:
    """A post due before the report was made: already out (or past in a scheduler's eyes),
    nothing apply writes can stop or start it. A whole-day post is due until its day ends."""
    start = ctx.window[0] if ctx.window else None
    if start is None or post.scheduled_at is None:
        return False
    if post.all_day:
        return post.scheduled_at + timedelta(days=1) <= start
    return post.scheduled_at < start


def _covered(ctx: Context, post: Post, hits: list[Match], held: bool = False) -> bool:
    """Whether the report saw this row (in its window) and its crisis terms hit it now with a
    pause: not flagged then, so the row changed since. A published, cancelled or paused row
    was left out of the report for that, not for a change."""
    if status_is_final(post.status):
        return False
    if ctx.window is not None:
        start, end = ctx.window
        if post.scheduled_at is None or (start is not None and post.scheduled_at < start) or (
                end is not None and post.scheduled_at >= end):
            return False
    report_terms = set(ctx.review.meta.get("crisis_terms", []))
    return held or any(match.term in report_terms and not match.loose for match in hits)


def _outside(ctx: Context, post: Post, held_only: bool = False) -> str:
    """Why the report did not cover a row it could have: the window, a change, or (a row only
    a quiet period holds) a period declared since."""
    if ctx.window is None:
        return apply_phrase(ctx.lang, "outside_any")
    start, end = ctx.window
    if post.scheduled_at is None:
        return apply_phrase(ctx.lang, "no_date")
    if end is not None and post.scheduled_at >= end:
        return apply_phrase(ctx.lang, "outside_after")
    if start is not None and post.scheduled_at < start:
        return apply_phrase(ctx.lang, "outside_before")
    return apply_phrase(ctx.lang, "outside_held" if held_only else "outside_changed")


def _check_written_rows(ctx: Context, plan: Plan,
                        chosen: dict[tuple[str | None, int], tuple[Decided, Post]],
                        undecided_at: set[tuple[str | None, int]],
                        said_pause: set[tuple[str | None, int]],
                        reviewed_at: set[tuple[str | None, int]]) -> None:
    """Every row apply writes unpaused and nobody decided on, checked against the crisis
    terms: a bulk file re-uploads them all, the report saw only its window. A row the report
    said to pause whose text changed since and still hits a crisis term stays paused: any
    decision was made on the old text. A post the report flagged for review, unchanged
    (``reviewed_at``), counts only for the crisis terms the report did not have: its own
    (a loose reading of 'spoor') were the review, listed as not decided already."""
    if not ctx.rechecker.has_crisis_terms and ctx.rechecker.hold is None:
        return
    report_terms = set(ctx.review.meta.get("crisis_terms", []))
    kind = plan.calendar.kind
    policy = ctx.unreviewed or (Unreviewed.REFUSE if kind in BULK_KINDS else Unreviewed.KEEP)
    posts = plan.calendar.posts
    ctx.progress.stage(f"checking {plan.applied.source.name}", len(posts),
                       worth_showing=len(posts) >= WORTH_SHOWING_POSTS)
    for number, post in enumerate(posts, 1):
        if number % PROGRESS_STEP == 0:
            ctx.progress.advance(PROGRESS_STEP)
        address = (post.sheet, post.row)
        if address in chosen or address in undecided_at or _gone(ctx, post) or \
                status_is_final(post.status):  # published, cancelled or paused: not going out
            continue
        hits = ctx.rechecker.crisis_hits(post)
        if address in reviewed_at:
            hits = [match for match in hits if match.term not in report_terms]
        # a quiet period holds every post before its end: a row the report did not see (after
        # its window, or a period declared since) is held as a crisis hit is
        held = ctx.rechecker.held(post)
        if not hits and not held:
            continue
        first: dict[str, tuple[str, str]] = {}  # each word once, with the first term found
        for match in hits:
            first.setdefault(match.matched.casefold(), (match.matched, match.term))
        terms = ", ".join([apply_phrase(ctx.lang, "hit", word=word, term=term)
                           for word, term in first.values()] + ([apply_phrase(
                               ctx.lang, "held", by=held[0], until=moment_in(held[1], ctx.lang))]
                               if held else []))
        if ctx.undecided is not Undecided.PUBLISH and (
                address in said_pause or (plan.changed and _covered(ctx, post, hits, bool(held)))):
            # a row the report said to pause, or one it saw and would have flagged: it changed
            # since (a paused post edited while rows moved finds no decision of its own)
            phrase = "changed_paused" if address in said_pause else "changed_covered"
            plan.applied.undecided.append(apply_phrase(
                ctx.lang, phrase, post=_describe(post, ctx.lang), terms=terms))
            chosen[address] = (Decided(post.sheet, post.row, post_fingerprint(post),
                                       Decision.PAUSE, explicit=False,
                                       decided_in="changed since the report, which said pause "
                                       "or would have, and still hits a crisis term",
                                       report_status="pause"), post)
            continue
        line = apply_phrase(ctx.lang, "hits", post=_describe(post, ctx.lang),
                            why=_outside(ctx, post, bool(held) and not hits), terms=terms)
        if policy is Unreviewed.PAUSE:
            plan.applied.unreviewed.append(line + apply_phrase(ctx.lang, "unreviewed_paused"))
            chosen[address] = (Decided(post.sheet, post.row, post_fingerprint(post),
                                       Decision.PAUSE, explicit=False,
                                       decided_in="crisis hit nobody reviewed "
                                       "(--unreviewed pause)"), post)
        elif policy is Unreviewed.REFUSE:
            plan.refusals.append(f"{plan.applied.source.name} {line}")
        else:
            plan.applied.unreviewed.append(line + apply_phrase(ctx.lang, "unreviewed_kept"))
    ctx.progress.advance(len(posts) % PROGRESS_STEP)


def _changes(ctx: Context, plan: Plan,
             chosen: dict[tuple[str | None, int], tuple[Decided, Post]]) -> None:
    """The edits to make, their checks, and the audit lines."""
    applied, calendar = plan.applied, plan.calendar
    labels = LABELS.get(ctx.lang, LABELS["en"])
    for address in sorted(chosen, key=lambda a: (a[0] or "", a[1])):
        decided, post = chosen[address]
        if decided.decision is Decision.CHANGE:
            decided = _paused_if_crisis(ctx, plan, decided, post)
        applied.counts[decided.decision.value if decided.explicit else "paused without a decision"] += 1
        plan.decided.append(replace(decided, first_applied=decided.first_applied or ctx.now,
                                    scheduled=_when(post), text=shorten(post.text, 200),
                                    outcome="applied"))
        if decided.decision is Decision.PUBLISH:
            who = f" ({decided.reviewer})" if decided.reviewer else ""
            applied.log.append(apply_phrase(ctx.lang, "publish", where=where(*address, ctx.lang),
                                            who=who))
            continue
        change = Change(post.sheet, post.row, decided.decision, decided.new_text)
        if change.decision is Decision.CHANGE:
            _check_new_text(ctx, plan, change, decided, labels["new_text"])
        if reason := must_unschedule(post, calendar.kind, ctx.lang,
                                     changed=change.decision is Decision.CHANGE):
            ident = scheduler_id(post)
            applied.unschedule.append(_describe(post, ctx.lang) + (f" id {visible(ident)}" if ident else "")
                                      + f": {reason}")
        plan.changes.append(change)


def _paused_if_crisis(ctx: Context, plan: Plan, decided: Decided, post: Post) -> Decided:
    """A new text that still hits a crisis term is not written: the post stays paused and is
    listed (apply exits 1), since `apply && upload` would send the crisis post out."""
    hits = ctx.rechecker.new_text(decided.new_text or "", ctx.lang, crisis_only=True)
    elsewhere = {} if _hits_only_elsewhere(plan, decided) else _crisis_hits_elsewhere(ctx, post)
    if not hits and not elsewhere:
        return decided
    if hits:
        plan.applied.undecided.append(apply_phrase(
            ctx.lang, "new_text_paused", post=_describe(post, ctx.lang), hits=", ".join(hits),
            new=quoted(decided.new_text, 50)))
    else:  # '#trein' left in the Hashtags would go out with the new text
        plan.applied.undecided.append(apply_phrase(
            ctx.lang, "field_paused", post=_describe(post, ctx.lang),
            main=repr(post.fields[0].name), fields=", ".join(map(repr, elsewhere)),
            hits=", ".join(hit for found in elsewhere.values() for hit in found)))
    return Decided(post.sheet, post.row, post_fingerprint(post), Decision.PAUSE, explicit=False,
                   decided_in=f"the new text of {decided.decided_in} still hits a crisis term",
                   report_status=decided.report_status)


def _hits_only_elsewhere(plan: Plan, decided: Decided) -> list[str]:
    """The fields holding the report's hits when the main text holds none (a new text
    would land in the wrong column: ``_check_new_text`` refuses), else nothing."""
    review = decided.review
    if review is None or not review.hit_fields:
        return []
    _, columns = plan.calendar.layouts[decided.sheet]
    main = columns.headers[columns.roles[Role.TEXT]]
    return [] if main in review.hit_fields else [name for name in review.hit_fields]


def _crisis_hits_elsewhere(ctx: Context, post: Post) -> dict[str, list[str]]:
    """The crisis hits (not loose readings) in the fields a new text leaves as they are
    (hashtags, alt text, first comment ...), by field: a change keeps them."""
    found: dict[str, list[str]] = {}
    main = post.fields[0].name if post.fields else None
    for match in ctx.rechecker.crisis_hits(post):
        if match.field != main and not match.loose:
            hit = apply_phrase(ctx.lang, "hit", word=match.matched, term=match.term)
            if hit not in found.setdefault(match.field, []):
                found[match.field].append(hit)
    return found


def _check_new_text(ctx: Context, plan: Plan, change: Change, decided: Decided,
                    new_text_label: str) -> None:
    review = decided.review
    if review is not None and review.hit_fields:
        _, columns = plan.calendar.layouts[change.sheet]
        main = columns.headers[columns.roles[Role.TEXT]]
        elsewhere = [name for name in review.hit_fields if name != main]
        if _hits_only_elsewhere(plan, decided):
            raise CalendarError(
                str(ctx.report), f"the hits are in {', '.join(map(repr, elsewhere))}, but a new "
                f"text replaces {main!r}: change that field in the calendar itself, or "
                "choose pause", sheet=review.sheet, row=review.row, column=new_text_label)
        if elsewhere:  # word-list hits there (a crisis hit keeps the post paused)
            plan.applied.log.append(apply_phrase(ctx.lang, "elsewhere", where=change.where(ctx.lang),
                                                 fields=", ".join(map(repr, elsewhere))))
    if hits := ctx.rechecker.new_text(change.new_text or "", ctx.lang):
        plan.applied.log.append(apply_phrase(ctx.lang, "still_hits", where=change.where(ctx.lang),
                                             hits=", ".join(hits)))


def window_of(meta: dict[str, Any]) -> tuple[datetime | None, datetime | None] | None:
    window = meta.get("window")
    if not window:
        return None
    start, end = (datetime.fromisoformat(window[k]) if window.get(k) else None
                  for k in ("start", "end"))
    return start, end
