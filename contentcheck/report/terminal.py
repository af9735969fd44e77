"""The terminal report: flagged posts first, matched words highlighted, then a summary.

In the reader's language (``--lang``, the config, else the locale): the on-call person reading
it during an incident is usually Dutch.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click

from contentcheck.calendar.dates import DUTCH_WEEKDAYS
from contentcheck.decide import reasons_in
from contentcheck.records import Status, Verdict
from contentcheck.report import ReportOptions
from contentcheck.report.labels import default_language
from contentcheck.report.spans import excerpts, pieces
from contentcheck.scan import ScanResult
from contentcheck.visible import visible
from contentcheck.wording import TABLE_WORDS as WORDS
from contentcheck.wording import warning_in

FORMAT = "table"
SUFFIXES = (".txt",)
TERMINAL = True

STATUS_STYLE = {Status.PAUSE: {"fg": "red", "bold": True},
                Status.REVIEW: {"fg": "yellow", "bold": True},
                Status.OK: {"fg": "green"}}


def _when(verdict: Verdict, lang: str) -> str:
    moment = verdict.post.scheduled_at
    if moment is None:
        return WORDS[lang]["no_date"]
    day = DUTCH_WEEKDAYS[moment.weekday()][0] if lang == "nl" else moment.strftime("%a")
    return f"{day} {moment:%d-%m-%Y}" + ("" if verdict.post.all_day else f" {moment:%H:%M}")


LONG = 600  # characters of a field shown whole on a terminal
CONTEXT = 100  # characters kept on each side of a hit in a longer field
CUT = " … "


def _shortened(parts: list[tuple[str, bool | None]]) -> list[tuple[str, bool | None]]:
    """A field of 18,000 characters would bury the table: past ``LONG`` characters only the
    hits are kept, each with ``CONTEXT`` characters around it, the cuts marked with "…"
    (the reports keep the whole text); a field without a hit shows its start."""
    if sum(len(piece) for piece, _ in parts) <= LONG:
        return parts
    if len(parts) == 1 and parts[0][1] is None:
        return [(parts[0][0][:LONG].rstrip() + CUT.rstrip(), None)]
    texts = excerpts([(piece, crisis is not None) for piece, crisis in parts], CONTEXT, CUT)
    return [(text, crisis) for text, (_, crisis) in zip(texts, parts)]


def _highlight(text: str, verdict: Verdict, field: str) -> str:
    out = []
    for piece, crisis in _shortened(list(pieces(text, verdict.findings, field))):
        piece = visible(piece)  # line breaks as ⏎, escape sequences shown, never obeyed
        if crisis is None:
            out.append(piece)
        else:
            out.append(click.style(piece, fg="red" if crisis else "yellow", bold=True,
                                   underline=True))
    return "".join(out)


def _post_lines(verdict: Verdict, lang: str, result: ScanResult) -> list[str]:
    post, words = verdict.post, WORDS[lang]
    width = max(len(words[s.value]) for s in Status)
    label = click.style(f"{words[verdict.status.value]:<{width}}", **STATUS_STYLE[verdict.status])
    sheet = f" [{post.sheet}]" if post.sheet else ""
    channel = result.channel_shown(post.channel, post.source, lang)
    head = f"{label} {_when(verdict, lang)}  {visible(channel)}  " \
           f"{visible(post.source + sheet)} {words['row']} {post.row}"
    lines = [head]
    indent = " " * (width + 1)
    matched_fields = {m.field for m in verdict.findings}
    for number, post_field in enumerate(post.fields):
        if number == 0 or post_field.name in matched_fields:
            prefix = "" if number == 0 else f"{visible(post_field.name)}: "
            lines.append(indent + prefix + _highlight(post_field.text, verdict, post_field.name))
    reasons = verdict.reasons if lang == "en" else reasons_in(verdict, lang)
    lines += [f"{indent}-> {visible(reason)}" for reason in reasons]
    lines += [click.style(f"{indent}! {visible(warning)}", fg="magenta") for warning in
              (warning_in(w, lang) for w in post.warnings)]
    return lines


def _pieces(result: ScanResult, options: ReportOptions, batch: int = 500) -> Iterator[str]:
    """The table in pieces of whole lines, each line ending in ``\n``: a big scan's posts are
    read once, in order, and never all held as text."""
    lang = options.lang if options.lang in WORDS else default_language()
    show_ok = options.show_ok
    words = WORDS[lang]
    lines: list[str] = []
    if result.window:
        start = result.window.start.strftime("%d-%m-%Y %H:%M") if result.window.start else "-"
        end = result.window.end.strftime("%d-%m-%Y %H:%M") if result.window.end else "-"
        span = words["span"].format(start=start, end=end, zone=result.now.tzname())
    else:
        span = words["all"]
    lines.append(f"contentcheck: {span}, {words['calendars'].format(n=len(result.calendars))}")
    if result.crisis_active:
        terms = result.crisis_terms_shown()  # none with --hold alone
        lines.append(click.style(f"{words['crisis']} ({visible(result.sources_shown(lang))})"
                                 + (f": {visible(terms)}" if terms else ""), fg="red", bold=True))
    lines += [click.style(visible(line), fg="yellow") for line in result.crisis_lines(lang)]
    lines.append("")
    for number, verdict in enumerate(result.verdicts if show_ok else result.iter_flagged(), 1):
        lines += _post_lines(verdict, lang, result) + [""]
        if number % batch == 0:
            yield "".join(line + "\n" for line in lines)
            lines = []
    summary = result.summary()
    lines.append(words["summary"].format(**summary)
                 + (words["undated"].format(n=summary["undated"]) if summary["undated"] else ""))
    warnings = result.warnings(lang)
    if warnings:
        lines.append(click.style(words["warnings"].format(n=len(warnings)), fg="magenta"))
        lines += [f"  {visible(w)}" for w in warnings]
    yield "".join(line + "\n" for line in lines)


def render(result: ScanResult, options: ReportOptions = ReportOptions()) -> str:
    """The table with colours (click drops them where the output is no terminal)."""
    return "".join(_pieces(result, options))


def write(result: ScanResult, path: Path, options: ReportOptions) -> None:
    """The table as plain text: a file gets no colour codes."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.writelines(click.unstyle(piece) for piece in _pieces(result, options))
