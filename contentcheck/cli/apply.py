"""``contentcheck apply``: turn a reviewed report into corrected calendar copies.

Exit codes: 0 every flagged post decided and nothing left to look at; 1 the copies are
written, but some posts are listed for a person (no decision, changed since the report, a
crisis hit nobody reviewed); 2 nothing written (an error, or a refusal).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from contentcheck.cli.common import ExitCode, GuardedCommand, fail, say, terminal

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
    from contentcheck.cli.progress import for_terminal
    from contentcheck.config import load_config
    from contentcheck.settings import build_term_sources

    from contentcheck.wording import apply_phrase

    progress = for_terminal(terminal().quiet)
    try:
        from contentcheck.crisis import state_dir_for

        config = load_config(config_path)
        results = apply_review(
            report, output=output, output_dir=output_dir, calendar_paths=calendar_paths,
            term_sources=build_term_sources(config), config_path=config.path,
            undecided=Undecided(undecided),
            unreviewed=Unreviewed(unreviewed) if unreviewed else None, replace_copy=replace_copy,
            progress=progress, state_dir=state_dir_for(config))
    except Refused as refused:
        progress.done()
        for line in refused.lines:
            click.echo(f"{apply_phrase(refused.lang, 'not reviewed')}: {line}", err=True)
        raise fail(str(refused)) from None
    lang = results[0].lang if results else "en"
    if not any(applied.target or applied.open_items for applied in results):
        say(apply_phrase(lang, "nothing", report=report))
        return
    for applied in results:
        _print(applied)
    open_items = sum(applied.open_items for applied in results)
    if open_items:
        undecided_count = sum(len(a.undecided) for a in results)
        lost = sum(len(a.not_applied) for a in results)
        hits = sum(len(a.unreviewed) for a in results)
        parts = [apply_phrase(lang, "undecided_count", n=undecided_count)] if undecided_count else []
        parts += [apply_phrase(lang, "lost_count", n=lost)] if lost else []
        parts += [apply_phrase(lang, "hits_count", n=hits)] if hits else []
        click.echo(apply_phrase(lang, "to_look_at", parts=", ".join(parts)))
        raise click.exceptions.Exit(ExitCode.FLAGGED)  # written; some posts listed for a person


COUNTED = {"publish": "publish_count"}  # the word a count of decisions is shown with


def _print(applied: "AppliedCalendar") -> None:
    """One calendar's log, then what it did not cover, section by section, then its summary."""
    from contentcheck.apply.changes import visible
    from contentcheck.wording import apply_phrase

    lang = applied.lang
    name = visible(applied.source.name)
    if not terminal().quiet:  # -q: what needs a person and the summary (the audit has every row)
        for line in applied.log:
            click.echo(f"{name} {line}")
    sections = (("not decided", applied.undecided), ("not applied", applied.not_applied),
                ("not reviewed", applied.unreviewed),
                ("unschedule by hand", applied.unschedule),
                ("recalculate in Excel", applied.recalculate))
    for title, lines in sections:
        for line in lines:
            click.echo(f"{name} {apply_phrase(lang, title)}: {line}")
    counts = ", ".join(f"{n} {apply_phrase(lang, COUNTED.get(word, word))}"
                       for word, n in sorted(applied.counts.items()))
    written = apply_phrase(lang, "written", target=visible(str(applied.target))) \
        if applied.target else apply_phrase(lang, "nothing_to_change")
    if applied.audit:
        written += apply_phrase(lang, "audit", json=applied.audit[1].name, csv=applied.audit[0].name)
    click.echo(f"{visible(str(applied.source))}: {counts or apply_phrase(lang, 'no_decisions')}; "
               f"{written}")
