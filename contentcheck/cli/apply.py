"""``contentcheck apply``: turn a reviewed report into corrected calendar copies."""

from __future__ import annotations

from pathlib import Path

import click

from contentcheck.cli.common import GuardedCommand


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
def apply(report: Path, output: Path | None, output_dir: Path | None,
          calendar_paths: tuple[Path, ...], config_path: Path | None) -> None:
    """Write the reviewer's decisions from REPORT into a new copy of each calendar.

    pause: the post gets a paused status (or is left out of a bulk-upload file);
    change: the post gets the New text (checked: the log says what it still hits); publish:
    nothing changes. The original calendar is never written; nothing is written if a
    calendar changed since the report was made.
    """
    from contentcheck.apply import apply_review
    from contentcheck.config import load_config
    from contentcheck.settings import build_term_sources

    results = apply_review(report, output=output, output_dir=output_dir,
                           calendar_paths=calendar_paths,
                           term_sources=build_term_sources(load_config(config_path)))
    if not any(applied.counts for applied in results):
        click.echo(f"{report}: no decisions filled in; nothing written")
        return
    for applied in results:
        for line in applied.log:
            click.echo(f"{applied.source.name} {line}")
        counts = ", ".join(f"{n} {word}" for word, n in sorted(applied.counts.items()))
        where = f"written to {applied.target}" if applied.target else "nothing to change"
        click.echo(f"{applied.source}: {counts or 'no decisions'}; {where}")
