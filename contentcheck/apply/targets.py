"""Where each checked copy goes, and the two things that must never happen there.

A copy (or its audit trail) is never written onto any input of the apply (a calendar of the report, under any
spelling, a symbolic or a hard link included; the report itself), and two calendars never get
their copies at one path (``a/kalender.csv`` and ``b/kalender.csv`` under ``--output-dir``): the
second would replace the first and lose its decisions.
"""

from __future__ import annotations

import os
from pathlib import Path

from contentcheck.apply.audit import audit_paths
from contentcheck.errors import ContentcheckError


def default_target(source: Path) -> Path:
    """``kalender.xlsx`` -> ``kalender-checked.xlsx`` beside it."""
    return source.with_name(f"{source.stem}-checked{source.suffix}")


def _same_file(a: Path, b: Path) -> bool:
    """One file under two names: the same resolved path, or (when both exist) the same inode."""
    if a.resolve() == b.resolve():
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def choose_targets(report: Path, sources: list[Path], output: Path | None,
                   output_dir: Path | None) -> list[Path]:
    """The copy of each calendar, in the report's order; ContentcheckError when a copy would
    land on an input or two copies on one path."""
    if output is not None and len(sources) > 1:
        raise ContentcheckError(f"{report}: the report covers {len(sources)} calendars; "
                                "use --output-dir instead of --output")
    targets = [output if output is not None else
               output_dir / default_target(source).name if output_dir is not None else
               default_target(source) for source in sources]
    inputs = [("the report", report)] + [(f"calendar {source}", source) for source in sources]
    for target in [path for copy in targets for path in (copy, *audit_paths(copy))]:
        for what, path in inputs:
            if _same_file(target, path):
                raise ContentcheckError(f"{target}: would overwrite {what} (an input of this "
                                        "apply); choose another --output or --output-dir")
    for index, target in enumerate(targets):
        for other, earlier in zip(sources[:index], targets[:index]):
            if _same_file(target, earlier):
                raise ContentcheckError(
                    f"{target}: the copies of {other} and {sources[index]} would both be "
                    "written here, the second replacing the first; apply them with separate "
                    "--output-dir folders")
    return targets
