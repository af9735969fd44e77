"""Applying a reviewer's decisions: a report workbook -> a corrected copy of each calendar.

The copy is in the calendar's own format; the original is never touched. Nothing is written
when a calendar changed since the report was made, or when any decision cannot be read.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timezone
from pathlib import Path

from contentcheck.apply.changes import Change
from contentcheck.apply.decisions import ReviewDecision, read_review
from contentcheck.calendar import ReadOptions, read_calendar
from contentcheck.calendar.columns import Role
from contentcheck.errors import CalendarError, ContentcheckError
from contentcheck.report.labels import PAUSED_STATUS, Decision
from contentcheck.wording import LABELS
from contentcheck.fileio import write_atomically
from contentcheck.settings import TermSources


@dataclass
class AppliedCalendar:
    source: Path
    target: Path | None
    log: list[str] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)


DUTCH_HEADERS = {"datum", "tijd", "kanaal", "bericht", "tekst", "eigenaar", "campagne",
                 "afbeelding", "eerste reactie", "onderwerp", "titel", "publicatiedatum"}
ENGLISH_HEADERS = {"date", "time", "channel", "post", "text", "message", "caption", "owner",
                   "campaign", "image", "first comment", "title", "publish date", "network"}


def calendar_language(calendar, fallback: str) -> str:
    """The language most of the calendar's own headers are in, so a Dutch calendar gets
    "Gepauzeerd" whatever the language of the report it was reviewed in."""
    from contentcheck.calendar.columns import fold_header

    headers = [fold_header(h) for _, columns in calendar.layouts.values() for h in columns.headers]
    dutch = sum(h in DUTCH_HEADERS for h in headers)
    english = sum(h in ENGLISH_HEADERS for h in headers)
    return "nl" if dutch > english else "en" if english > dutch else fallback


def default_target(source: Path) -> Path:
    """``kalender.xlsx`` -> ``kalender-checked.xlsx`` beside it."""
    return source.with_name(f"{source.stem}-checked{source.suffix}")


def _check_unchanged(path: Path, expected: str) -> None:
    if not path.is_file():
        raise ContentcheckError(f"{path}: the calendar of this report is not there any more; "
                                "give its place with --calendar")
    if hashlib.sha256(path.read_bytes()).hexdigest() != expected:
        raise ContentcheckError(f"{path}: not the calendar this report was made from, or it "
                                "changed since (its content differs); scan it again and review "
                                "the new report")


def _changes_for(calendar_path: Path, calendar, decisions: list[ReviewDecision], report: Path,
                 new_text_label: str, recheck: Callable[[str], list[str]] | None
                 ) -> tuple[list[Change], list[str]]:
    """The changes to make, and warnings for the change log."""
    posts = {(post.sheet, post.row) for post in calendar.posts}
    changes, warnings = [], []
    for decision in decisions:
        _, sheet, row = decision.address
        if (sheet, row) not in posts:
            raise CalendarError(str(calendar_path), f"the report's {decision.where} points at "
                                "a row that holds no post", sheet=sheet, row=row)
        change = Change(sheet, row, decision.decision, decision.new_text)
        if change.decision is Decision.CHANGE and decision.hit_fields:
            _, columns = calendar.layouts[sheet]
            main = columns.headers[columns.roles[Role.TEXT]]
            elsewhere = [name for name in decision.hit_fields if name != main]
            if main not in decision.hit_fields:
                raise CalendarError(
                    str(report), f"the hits are in {', '.join(map(repr, elsewhere))}, but a new "
                    f"text replaces {main!r}: change that field in the calendar itself, or "
                    "choose pause", sheet=decision.sheet, row=decision.row, column=new_text_label)
            if elsewhere:
                warnings.append(f"{change.where()}: the hits in "
                                f"{', '.join(map(repr, elsewhere))} are still there: change "
                                "them in the calendar itself")
        if change.decision is Decision.CHANGE and recheck and (hits := recheck(change.new_text)):
            warnings.append(f"{change.where()}: the new text "
                            f"still hits {', '.join(hits)}: scan the copy before it goes out")
        changes.append(change)
    return sorted(changes, key=lambda c: (c.sheet or "", c.row)), warnings


def apply_review(report: Path, *, output: Path | None = None, output_dir: Path | None = None,
                 calendar_paths: tuple[Path, ...] = (),
                 term_sources: TermSources | None = None) -> list[AppliedCalendar]:
    """Check everything first, then write one corrected copy per calendar that has decisions.
    With ``term_sources`` every new text is checked too (a warning in the log)."""
    review = read_review(report)
    recheck = None
    if term_sources is not None and any(d.decision is Decision.CHANGE
                                        for d in review.decisions.values()):
        from contentcheck.apply.recheck import new_text_checker

        recheck = new_text_checker(term_sources, review.meta.get("crisis_terms", []))
    meta_calendars = review.meta["calendars"]
    if output is not None and len(meta_calendars) > 1:
        raise ContentcheckError(f"{report}: the report covers {len(meta_calendars)} calendars; "
                                "use --output-dir instead of --output")
    by_calendar: dict[int, list[ReviewDecision]] = {}
    for decision in review.decisions.values():
        by_calendar.setdefault(decision.address[0], []).append(decision)
    lang = review.meta.get("lang", "en")
    columns = {Role(k): v for k, v in review.meta.get("columns", {}).items()}
    planned: list[tuple[AppliedCalendar, object, list[Change], Path | None]] = []
    for index, info in enumerate(meta_calendars):
        source = calendar_paths[index] if index < len(calendar_paths) else Path(info["path"])
        _check_unchanged(source, info["sha256"])
        decisions = by_calendar.get(index, [])
        applied = AppliedCalendar(source, None)
        applied.counts.update(d.decision.value for d in decisions)
        publish = [f"report {d.where}: publish as planned" for d in decisions
                   if d.decision is Decision.PUBLISH]
        edits = [d for d in decisions if d.decision is not Decision.PUBLISH]
        if not edits:
            applied.log += publish
            planned.append((applied, None, [], None))
            continue
        calendar = read_calendar(source, ReadOptions(timezone=timezone.utc, columns=columns))
        target = output or (output_dir / default_target(source).name if output_dir
                            else default_target(source))
        if target.resolve() in (source.resolve(), report.resolve()):
            raise ContentcheckError(f"{target}: would overwrite the calendar or the report; "
                                    "choose another --output")
        changes, warnings = _changes_for(source, calendar, edits, report,
                                         LABELS[lang if lang in LABELS else "en"]["new_text"],
                                         recheck)
        planned.append((applied, calendar, changes, target))
        applied.log += warnings + publish  # shown after the changes, which are written below
    for applied, calendar, changes, target in planned:  # everything checked: now write
        if calendar is None:
            continue
        writer = _writer(calendar.kind)
        log: list[str] = [f"replaces the earlier copy {target.name}"] if target.exists() else []
        paused = PAUSED_STATUS[calendar_language(calendar, lang)]
        write_atomically(target, lambda temp: log.extend(
            writer(applied.source, calendar, changes, temp, paused)))
        applied.log[:0] = log
        applied.target = target
    return [applied for applied, *_ in planned]


def _writer(kind: str):
    if kind in ("xlsx",):
        from contentcheck.apply.xlsx_copy import write_xlsx_copy

        return write_xlsx_copy
    if kind in ("csv", "hootsuite-bulk", "sprout-bulk", "buffer"):
        from contentcheck.apply.csv_copy import write_csv_copy

        return write_csv_copy
    raise ContentcheckError(f"writing decisions back into a {kind} calendar is not supported; "
                            "save it as .xlsx or .csv and scan that")
