"""``contentcheck apply``: turn a reviewed report into corrected calendar copies.

Exit codes: 0 every flagged post decided and nothing left to look at; 1 the copies are
written, but some posts are listed for a person (no decision, changed since the report, a
crisis hit nobody reviewed); 2 nothing written (an error, or a refusal).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from contentcheck.cli.common import ExitCode, GuardedCommand, fail, say

if TYPE_CHECKING:
    from contentcheck.apply import AppliedCalendar


@click.command("apply", cls=GuardedCommand)
@click.argument("report", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="The corrected calendar [default: <calendar>-checked.<ext> beside it].")
@click.option("--output-dir", type=click.Path(path_type=Path, file_okay=False, exists=True),
              help="Folder for the corrected copies (for a report over several calendars).")
@click.option("--calendar", "calendar_paths", multiple=True, type=click.Path(path_type=Path),
              help="Where the report's calendar is now, if it moved (in the report's order).")
@click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Config file [default: the nearest contentcheck.toml here or above]: new texts are "
                   "checked against its lists and terms, as a scan would.")
@click.option("--undecided", type=click.Choice(["pause", "pause-all", "publish"]),
              default="pause", show_default=True,
              help="Flagged posts without a decision: pause those the report said to pause "
                   "(review posts go as planned), pause-all (review posts too), or publish "
                   "them all as planned. Every one is listed either way.")
@click.option("--unreviewed", type=click.Choice(["refuse", "pause", "keep"]),
              help="Rows the report did not review (outside its window) that hit a crisis "
                   "term: refuse to write, pause them, or keep them as they are [default: "
                   "refuse for a Hootsuite/Sprout/Buffer bulk file, keep (listed) for a calendar].")
@click.option("--replace", "replace_copy", is_flag=True,
              help="Replace an existing checked copy instead of building on it.")
def apply(report: Path, output: Path | None, output_dir: Path | None,
          calendar_paths: tuple[Path, ...], config_path: Path | None, undecided: str,
          unreviewed: str | None, replace_copy: bool) -> None:
    """Write the reviewer's decisions from REPORT into a new copy of each calendar.

    pause: the post gets a paused status (or is left out of a bulk-upload file);
    change: the post gets the New text (checked: the log says what it still hits); publish:
    nothing changes. A post the report said to pause and nobody decided on is paused too
    (--undecided). The original calendar is never written. Exit 1 when posts are listed
    that a person still has to look at.
    """
    from contentcheck.apply import Refused, Undecided, Unreviewed, apply_review
    from contentcheck.cli.common import terminal
    from contentcheck.cli.progress import for_terminal
    from contentcheck.config import load_config
    from contentcheck.settings import build_term_sources

    progress = for_terminal(terminal().quiet)
    try:
        results = apply_review(
            report, output=output, output_dir=output_dir, calendar_paths=calendar_paths,
            term_sources=build_term_sources(load_config(config_path)),
            undecided=Undecided(undecided),
            unreviewed=Unreviewed(unreviewed) if unreviewed else None, replace_copy=replace_copy,
            progress=progress)
    except Refused as refused:
        progress.done()
        for line in refused.lines:
            click.echo(f"not reviewed: {line}", err=True)  # calendar text made visible already
        raise fail(str(refused)) from None
    if not any(applied.target or applied.open_items for applied in results):
        say(f"{report}: no decisions filled in and nothing flagged; nothing written")
        return
    for applied in results:
        _print(applied)
    open_items = sum(applied.open_items for applied in results)
    if open_items:
        undecided_count = sum(len(a.undecided) for a in results)
        lost = sum(len(a.not_applied) for a in results)
        hits = sum(len(a.unreviewed) for a in results)
        parts = [f"{undecided_count} flagged post(s) without a decision"] if undecided_count else []
        parts += [f"{lost} not applied (changed since)"] if lost else []
        parts += [f"{hits} crisis hit(s) nobody reviewed"] if hits else []
        click.echo(f"to look at: {', '.join(parts)}; decide them in the report and apply "
                   "again (it builds on this copy)")
        raise click.exceptions.Exit(ExitCode.FLAGGED)  # written; some posts listed for a person


def _print(applied: "AppliedCalendar") -> None:
    """One calendar's log, then what it did not cover, section by section, then its summary."""
    from contentcheck.apply.changes import visible

    name = visible(applied.source.name)
    for line in applied.log:
        click.echo(f"{name} {line}")
    sections = (("not decided", applied.undecided), ("not applied", applied.not_applied),
                ("not reviewed", applied.unreviewed),
                ("unschedule by hand", applied.unschedule))
    for title, lines in sections:
        for line in lines:
            click.echo(f"{name} {title}: {line}")
    counts = ", ".join(f"{n} {word}" for word, n in sorted(applied.counts.items()))
    written = f"written to {visible(str(applied.target))}" if applied.target else "nothing to change"
    if applied.audit:
        written += f" (decisions in {applied.audit[1].name} and {applied.audit[0].name})"
    click.echo(f"{visible(str(applied.source))}: {counts or 'no decisions'}; {written}")
