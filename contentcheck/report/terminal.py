"""The terminal report: flagged posts first, matched words highlighted, then a summary."""

from __future__ import annotations

import click

from contentcheck.records import Status, Verdict
from contentcheck.report.spans import pieces
from contentcheck.scan import ScanResult

STATUS_STYLE = {Status.PAUSE: {"fg": "red", "bold": True},
                Status.REVIEW: {"fg": "yellow", "bold": True},
                Status.OK: {"fg": "green"}}


def _when(verdict: Verdict) -> str:
    moment = verdict.post.scheduled_at
    if moment is None:
        return "no date"
    return moment.strftime("%a %d-%m-%Y") + ("" if verdict.post.all_day else moment.strftime(" %H:%M"))


def _highlight(text: str, verdict: Verdict, field: str) -> str:
    out = []
    for piece, crisis in pieces(text, verdict.matches, field):
        piece = piece.replace("\r\n", "\n").replace("\n", " ⏎ ")
        if crisis is None:
            out.append(piece)
        else:
            out.append(click.style(piece, fg="red" if crisis else "yellow", bold=True,
                                   underline=True))
    return "".join(out)


def _post_lines(verdict: Verdict) -> list[str]:
    post = verdict.post
    label = click.style(f"{verdict.status.value.upper():<6}", **STATUS_STYLE[verdict.status])
    head = f"{label} {_when(verdict)}  {post.channel or '-'}  {post.location()}"
    lines = [head]
    matched_fields = {m.field for m in verdict.matches}
    for number, post_field in enumerate(post.fields):
        if number == 0 or post_field.name in matched_fields:
            prefix = "" if number == 0 else f"{post_field.name}: "
            lines.append("       " + prefix + _highlight(post_field.text, verdict, post_field.name))
    lines += [f"       -> {reason}" for reason in verdict.reasons]
    lines += [click.style(f"       ! {warning}", fg="magenta") for warning in post.warnings]
    return lines


def render(result: ScanResult, *, show_ok: bool = False) -> str:
    lines: list[str] = []
    if result.window:
        start = result.window.start.strftime("%d-%m-%Y %H:%M") if result.window.start else "-"
        end = result.window.end.strftime("%d-%m-%Y %H:%M") if result.window.end else "-"
        span = f"posts from {start} to {end} ({result.now.tzname()})"
    else:
        span = "all posts (--all)"
    lines.append(f"contentcheck: {span}, {len(result.calendars)} calendar(s)")
    if result.crisis_active:
        terms = ", ".join(result.crisis_terms[:12]) + (" ..." if len(result.crisis_terms) > 12 else "")
        lines.append(click.style(f"CRISIS ACTIVE ({', '.join(result.crisis_sources)}): {terms}",
                                 fg="red", bold=True))
    lines.append("")
    for verdict in result.verdicts:
        if verdict.status is Status.OK and not show_ok:
            continue
        lines += _post_lines(verdict) + [""]
    summary = result.summary()
    lines.append(f"{summary['upcoming']} upcoming posts: {summary['pause']} pause, "
                 f"{summary['review']} review, {summary['ok']} ok"
                 + (f" ({summary['undated']} without a readable date)" if summary["undated"] else ""))
    warnings = result.warnings()
    if warnings:
        lines.append(click.style(f"{len(warnings)} warning(s):", fg="magenta"))
        lines += [f"  {w}" for w in warnings]
    return "\n".join(lines) + "\n"
