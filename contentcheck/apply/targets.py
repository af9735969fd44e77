"""Where each checked copy goes, and the two things that must never happen there.

A copy (or its audit trail) is never written onto any input of the apply (a calendar of the report, under any
spelling, a symbolic or a hard link included; the report itself; the crisis files, word lists,
declared crises and config in use), is written under a name of its calendar's format, and two calendars never get
their copies at one path (``a/kalender.csv`` and ``b/kalender.csv`` under ``--output-dir``): the
second would replace the first and lose its decisions.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from contentcheck.apply.audit import audit_paths
from contentcheck.calendar import SUFFIXES
from contentcheck.errors import ContentcheckError
from contentcheck.report.output import check_not_an_input

# the files and folders no copy may land on, as scan.term_inputs gives them
Protected = tuple[list[tuple[str, Path]], list[tuple[str, Path, tuple[str, ...]]]]


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


def _check_format(output: Path, kind: str) -> None:
    """A copy is written in its calendar's own format: a name that says another (a workbook
    under ``.csv``, a CSV under ``.xlsx`` or ``.toml``) would be a file no importer, and no
    later scan, reads as what its name says."""
    family = "xlsx" if kind == "xlsx" else "csv"
    if SUFFIXES.get(output.suffix.lower()) != family:
        wanted = ".xlsx" if family == "xlsx" else ".csv"
        raise ContentcheckError(f"{output}: apply writes a copy in the calendar's own format "
                                f"({kind}), not {output.suffix or 'a file without extension'}; "
                                f"give a name ending in {wanted}")


def calendar_places(report: Path, given: tuple[Path, ...], calendars: list[dict[str, Any]]
                    ) -> list[Path]:
    """Where each calendar of the report is now: ``--calendar`` in the report's order, else
    where it was. A ``--calendar`` that names another calendar of the report (given for the
    second only, or in the wrong order), one of another format, or one too many is refused:
    taken as it came, the workbook's decisions went to the CSV export and none found its
    post."""
    names = [Path(info["path"]).name for info in calendars]
    order = ", ".join(names)
    if len(given) > len(calendars):
        raise ContentcheckError(f"{report}: --calendar given {len(given)} times for a report of "
                                f"{len(calendars)} calendar(s) ({order})")
    for index, path in enumerate(given):
        kind = str(calendars[index].get("kind", ""))
        family = "xlsx" if kind == "xlsx" else "csv"
        if (path.name != names[index] and path.name in names) or \
                (kind and SUFFIXES.get(path.suffix.lower(), family) != family):
            raise ContentcheckError(
                f"--calendar {path}: in the report's order it stands for {names[index]}, "
                f"calendar {index + 1} of {len(calendars)} ({order}); give one --calendar per "
                "calendar, in that order")
    return [given[i] if i < len(given) else Path(info["path"]) for i, info in enumerate(calendars)]


def choose_targets(report: Path, sources: list[Path], output: Path | None,
                   output_dir: Path | None, kinds: list[str] | None = None,
                   protected: Protected = ([], [])) -> list[Path]:
    """The copy of each calendar, in the report's order; ContentcheckError when a copy would
    land on an input (the report, a calendar, or what ``protected`` names: the crisis files,
    word lists, declared crises and config in use) or two copies on one path, or when
    ``--output`` names another format than the calendar's ``kinds``."""
    if output is not None and len(sources) > 1:
        raise ContentcheckError(f"{report}: the report covers {len(sources)} calendars; "
                                "use --output-dir instead of --output")
    if output is not None and kinds:
        _check_format(output, kinds[0])
    targets = [output if output is not None else
               output_dir / default_target(source).name if output_dir is not None else
               default_target(source) for source in sources]
    inputs = [("the report", report)] + [(f"calendar {source}", source) for source in sources]
    for target in [path for copy in targets for path in (copy, *audit_paths(copy))]:
        for what, path in inputs:
            if _same_file(target, path):
                raise ContentcheckError(f"{target}: would overwrite {what} (an input of this "
                                        "apply); choose another --output or --output-dir")
        check_not_an_input(target, *protected)
    for index, target in enumerate(targets):
        for other, earlier in zip(sources[:index], targets[:index]):
            if _same_file(target, earlier):
                raise ContentcheckError(
                    f"{target}: the copies of {other} and {sources[index]} would both be "
                    "written here, the second replacing the first; apply them with separate "
                    "--output-dir folders")
    return targets
