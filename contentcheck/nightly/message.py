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
from contentcheck.wording import DAYS, MESSAGE_WORDS, location_in, words

MAX_LISTED = 50  # a mail listing hundreds of posts is not read; the report has them all
MAX_WARNINGS = 20  # the scan's warnings (undated posts, a skipped crisis file ...): the first


def crisis_banner(result: ScanResult, lang: str = "en") -> str | None:
    """``CRISIS ACTIVE: ...`` naming each declared crisis and the other crisis sources."""
    if not result.crisis_active:
        return None
    return MESSAGE_WORDS[words(lang)]["banner"].format(
        sources=result.sources_shown(lang), terms=result.crisis_terms_shown())


def _when(moment: datetime | str | None, zone: tzinfo, lang: str) -> str:
    if moment is None:
        return MESSAGE_WORDS[lang]["no_date"]
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    moment = moment.astimezone(zone)
    return f"{DAYS[lang][moment.weekday()]} {moment:%Y-%m-%d %H:%M}"


def _flag_lines(flag: Flag, zone: tzinfo, result: ScanResult, lang: str) -> list[str]:
    channel = result.channel_shown(flag.channel, flag.source, lang)
    status = MESSAGE_WORDS[lang].get(flag.status, flag.status.upper())
    lines = [f"  {status:<6} {_when(flag.scheduled_at, zone, lang)}  {channel}  "
             f"{location_in(flag.location, lang)}",
             f"         \"{visible(flag.text[:200])}\""]
    lines += [f"         {reason}" for reason in (flag.said or flag.reasons)[:3]]
    return lines


def _counts(flags: list[Flag], lang: str) -> str:
    pause = sum(1 for f in flags if f.status == "pause")
    return MESSAGE_WORDS[lang]["counts"].format(pause=pause, review=len(flags) - pause)


def flagged_message(result: ScanResult, *, flags: list[Flag], new: list[Flag],
                    previous: RunRecord | None, reports: list[Path], zone: tzinfo,
                    job: str, lang: str = "en",
                    expired: list[dict[str, str]] | None = None,
                    stale: list[str] | None = None) -> Message:
    """The notification of a run that worked (something flagged, ``notify = "always"``, or
    news people must hear), in the reader's language; its ``details`` (for scripts) stay
    English. ``expired``: the declared crises whose until passed since the previous check
    (``result.expired``): their posts look ok again, which must not happen in silence.
    ``stale``: the lines of the posts whose applied new text a crisis term hits now
    (``apply.stale``): the checked copy publishes it."""
    lang = words(lang)
    say = MESSAGE_WORDS[lang]
    banner = crisis_banner(result, lang)
    expired = expired or []
    if new:
        subject = say["subject_new"].format(n=len(new), posts=say["new_posts"][len(new) != 1],
                                           counts=_counts(new, lang))
    elif flags:
        subject = say["subject_still"].format(n=len(flags), counts=_counts(flags, lang))
    else:
        subject = say["subject_none"]
    if banner:
        subject = say["subject_crisis"].format(subject=subject)
    if expired:
        subject = say["subject_expired"].format(
            names=", ".join(c["name"] for c in expired), subject=subject)
    stale = stale or []
    if stale:
        subject = say["subject_stale"].format(n=len(stale), subject=subject)
    missing = missing_lines(result, lang)
    if missing:
        subject = say["subject_missing"].format(
            n=len(result.unreadable), calendars=say["calendars"][len(result.unreadable) > 1],
            subject=subject)
    lines = [banner, *result.crisis_lines(lang), ""] if banner else []
    lines += [say["expired"].format(name=repr(c["name"]), until=_when(c["until"], zone, lang))
              for c in expired] + ([""] if expired else [])
    if stale:  # each one a post going out with a crisis term: the first MAX_LISTED
        lines += [say["stale"], *(f"  {line}" for line in stale[:MAX_LISTED])]
        lines += [say["more"].format(n=len(stale) - MAX_LISTED)] if len(stale) > MAX_LISTED else []
        lines.append("")
    lines += missing
    window = result.window.to_dict() if result.window else None
    span = say["span"].format(start=_when(window["start"], zone, lang),
                              end=_when(window["end"], zone, lang)) if window else say["all"]
    lines.append(say["intro"].format(when=_when(result.now, zone, lang), job=job, span=span))
    since = say["previous"].format(when=_when(previous.started, zone, lang)) if previous \
        else say["first"]
    if new:
        lines += ["", say["new"].format(since=since, n=len(new), counts=_counts(new, lang))]
        for flag in new[:MAX_LISTED]:
            lines += _flag_lines(flag, zone, result, lang)
        if len(new) > MAX_LISTED:
            lines.append(say["more"].format(n=len(new) - MAX_LISTED))
    else:
        lines += ["", say["nothing_new"].format(since=since)]
    still = len(flags) - len(new)
    if still:
        lines.append(say["still"].format(n=still))
    lines += warning_lines(result, lang)
    lines += ["", say["upcoming"].format(**result.summary())]
    lines += [say["calendar"].format(path=c.path, sha=c.sha256[:12]) for c in result.calendars]
    lines += [say["report"].format(path=path) for path in reports]
    return Message(subject=visible(subject), text=visible("\n".join(lines) + "\n", newlines=True),
                   attachments=_attachments(reports),
                   details={**_details(result, new, still, reports, expired), "stale": stale})


def missing_lines(result: ScanResult, lang: str = "en") -> list[str]:
    """The calendars that could not be read, at the top: their posts were not checked."""
    if not result.unreadable:
        return []
    lines = [MESSAGE_WORDS[words(lang)]["missing"].format(n=len(result.unreadable))]
    lines += [f"  {line}" for _, line in result.unreadable]
    return lines + [""]


def warning_lines(result: ScanResult, lang: str = "en") -> list[str]:
    """The scan's warnings (a crisis that expired, a crisis file skipped, dates read two
    ways, posts without a date), the first MAX_WARNINGS of them: each can mean a post was
    checked otherwise than people think."""
    found = result.warnings(lang)
    if not found:
        return []
    say = MESSAGE_WORDS[words(lang)]
    lines = ["", say["warnings"].format(n=len(found))]
    lines += [f"  {line}" for line in found[:MAX_WARNINGS]]
    if len(found) > MAX_WARNINGS:
        lines.append(say["more"].format(n=len(found) - MAX_WARNINGS))
    return lines


def _attachments(reports: list[Path]) -> list[Path]:
    """The Excel report if there is one (what a reviewer opens), else the JSON."""
    for suffix in (".xlsx", ".json"):
        chosen = [p for p in reports if p.suffix == suffix]
        if chosen:
            return chosen
    return []


def _details(result: ScanResult, new: list[Flag], still: int, reports: list[Path],
             expired: list[dict[str, str]]) -> dict[str, Any]:
    return {"crisis": {"active": result.crisis_active, "crises": result.crises,
                       "sources": result.crisis_sources, "expired": expired},
            "warnings": result.warnings(),
            "not_checked": [{"calendar": path, "error": line} for path, line in result.unreadable],
            "summary": result.summary(), "still_flagged": still,
            "new": [flag_dict(f) for f in new], "reports": [str(p) for p in reports]}


def flag_dict(flag: Flag) -> dict[str, Any]:
    return {"status": flag.status, "location": flag.location, "scheduled_at": flag.scheduled_at,
            "channel": flag.channel, "text": flag.text, "terms": list(flag.terms),
            "reasons": list(flag.reasons)}


def failure_message(error: str, *, started: datetime, zone: tzinfo, job: str,
                    lang: str = "en") -> Message:
    """A run that failed: people must know the check did not happen, and why."""
    say = MESSAGE_WORDS[words(lang)]
    text = say["failed"].format(when=_when(started, zone, words(lang)), job=job, error=error)
    return Message(subject=visible(say["failed_subject"].format(error=error[:120])),
                   text=visible(text, newlines=True),
                   details={"error": error})
