"""The words of a notification: crisis first, then what is new since the previous run.

A reviewer reading this at 07:00 wants, in order: is there a crisis on, what needs action
that was not there yesterday, and where the full report is. What was already flagged is
counted, not repeated.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from contentcheck.nightly.history import Flag, RunRecord
from contentcheck.nightly.notify import Message
from contentcheck.scan import ScanResult
from contentcheck.visible import visible

MAX_LISTED = 50  # a mail listing hundreds of posts is not read; the report has them all


def crisis_banner(result: ScanResult) -> str | None:
    """``CRISIS ACTIVE: ...`` naming each declared crisis and the other crisis sources."""
    if not result.crisis_active:
        return None
    return f"CRISIS ACTIVE ({', '.join(result.crisis_sources)}): {result.crisis_terms_shown()}"


def _when(moment: datetime | str | None, zone: tzinfo) -> str:
    if moment is None:
        return "no date"
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return moment.astimezone(zone).strftime("%a %Y-%m-%d %H:%M")


def _flag_lines(flag: Flag, zone: tzinfo, result: ScanResult) -> list[str]:
    channel = result.channel_shown(flag.channel, flag.source, "en")
    lines = [f"  {flag.status.upper():<6} {_when(flag.scheduled_at, zone)}  {channel}  "
             f"{flag.location}",
             f"         \"{visible(flag.text[:200])}\""]
    lines += [f"         {reason}" for reason in flag.reasons[:3]]
    return lines


def _counts(flags: list[Flag]) -> str:
    pause = sum(1 for f in flags if f.status == "pause")
    review = len(flags) - pause
    return f"{pause} to pause, {review} to review"


def flagged_message(result: ScanResult, *, flags: list[Flag], new: list[Flag],
                    previous: RunRecord | None, reports: list[Path], zone: tzinfo,
                    job: str) -> Message:
    """The notification of a run that worked (something flagged, or ``notify = "always"``)."""
    banner = crisis_banner(result)
    if new:
        subject = f"{len(new)} new flagged post{'s' if len(new) != 1 else ''} ({_counts(new)})"
    elif flags:
        subject = f"nothing new; {len(flags)} still flagged ({_counts(flags)})"
    else:
        subject = "nothing flagged"
    if banner:
        subject = f"CRISIS ACTIVE - {subject}"
    missing = missing_lines(result)
    if missing:
        subject = f"{len(result.unreadable)} CALENDAR{'S' if len(result.unreadable) > 1 else ''} " \
                  f"NOT CHECKED - {subject}"
    lines = [banner, ""] if banner else []
    lines += missing
    window = result.window.to_dict() if result.window else None
    span = f"{_when(window['start'], zone)} to {_when(window['end'], zone)}" if window else "all posts"
    lines.append(f"contentcheck check of {_when(result.now, zone)} ({job}); window: {span}.")
    since = f"(previous run {_when(previous.started, zone)})" if previous else "(first run)"
    if new:
        lines += ["", f"NEW, not in an earlier notification {since}: {len(new)} ({_counts(new)})"]
        for flag in new[:MAX_LISTED]:
            lines += _flag_lines(flag, zone, result)
        if len(new) > MAX_LISTED:
            lines.append(f"  ... and {len(new) - MAX_LISTED} more in the report")
    else:
        lines += ["", f"Nothing new {since}."]
    still = len(flags) - len(new)
    if still:
        lines.append(f"Still flagged from earlier runs: {still} (notified before; listed in the "
                     "report, not repeated here).")
    summary = result.summary()
    lines += ["", f"Upcoming posts: {summary['upcoming']} ({summary['pause']} pause, "
                  f"{summary['review']} review, {summary['ok']} ok)."]
    lines += [f"Calendar: {c.path} (sha256 {c.sha256[:12]})" for c in result.calendars]
    lines += [f"Report: {path}" for path in reports]
    return Message(subject=visible(subject), text=visible("\n".join(lines) + "\n", newlines=True),
                   attachments=_attachments(reports), details=_details(result, new, still, reports))


def missing_lines(result: ScanResult) -> list[str]:
    """The calendars that could not be read, at the top: their posts were not checked."""
    if not result.unreadable:
        return []
    lines = [f"NOT CHECKED: {len(result.unreadable)} calendar(s) could not be read; their posts "
             "were NOT checked (the others were):"]
    lines += [f"  {line}" for _, line in result.unreadable]
    return lines + [""]


def _attachments(reports: list[Path]) -> list[Path]:
    """The Excel report if there is one (what a reviewer opens), else the JSON."""
    for suffix in (".xlsx", ".json"):
        chosen = [p for p in reports if p.suffix == suffix]
        if chosen:
            return chosen
    return []


def _details(result: ScanResult, new: list[Flag], still: int, reports: list[Path]) -> dict[str, Any]:
    return {"crisis": {"active": result.crisis_active, "crises": result.crises,
                       "sources": result.crisis_sources},
            "not_checked": [{"calendar": path, "error": line} for path, line in result.unreadable],
            "summary": result.summary(), "still_flagged": still,
            "new": [flag_dict(f) for f in new], "reports": [str(p) for p in reports]}


def flag_dict(flag: Flag) -> dict[str, Any]:
    return {"status": flag.status, "location": flag.location, "scheduled_at": flag.scheduled_at,
            "channel": flag.channel, "text": flag.text, "terms": list(flag.terms),
            "reasons": list(flag.reasons)}


def failure_message(error: str, *, started: datetime, zone: tzinfo, job: str) -> Message:
    """A run that failed: people must know the check did not happen, and why."""
    text = (f"The contentcheck check of {_when(started, zone)} ({job}) FAILED:\n\n  {error}\n\n"
            "Posts were NOT checked. Fix the cause (a calendar open in Excel, a full disk, a "
            "moved file ...) or check the calendar by hand; the watcher keeps running and "
            "tries again at the next scheduled time.\n")
    return Message(subject=visible(f"check FAILED: {error[:120]}"), text=visible(text, newlines=True),
                   details={"error": error})
