"""Report outputs made safe: never over an input, no cell a spreadsheet runs as a formula.

The atomic write itself is ``contentcheck.fileio.write_atomically``."""

from __future__ import annotations

import stat
from collections.abc import Iterable
from pathlib import Path

from contentcheck.errors import ContentcheckError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TRAIL_SUFFIXES = (".decisions.json", ".decisions.csv")  # apply's audit trail beside a copy


def as_text_cell(value: str) -> str:
    """A value a spreadsheet will show as text, never run as a formula (OWASP CSV injection)."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def check_not_an_input(output: Path, inputs: Iterable[tuple[str, Path]],
                       folders: Iterable[tuple[str, Path, tuple[str, ...]]] = ()) -> None:
    """Refuse an output path that is, or would become, an input of the run.

    ``inputs`` are (what, path) pairs: every file the run reads (calendars, crisis files, word
    lists, the config, the declared crises). The output is compared with each resolved, so a
    symlink, a ``..`` or another spelling is caught, and by device and inode, so a hard link
    is too. ``folders`` are (what, folder, suffixes): a new file there would be read as an
    input next time (a report written into a word-list folder). An existing output that is
    not a regular file (a FIFO, a device, a folder) is refused: replacing it would swap a
    system device for a report, as root."""
    output = Path(output)
    try:
        info = output.stat()
    except OSError:
        info = None  # a new file (or a dangling link, which is replaced)
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise ContentcheckError(f"{output}: is not a regular file (a pipe, device or folder); "
                                "give a new file name or a file to replace")
    target = output.resolve()
    for what, path in inputs:
        path = Path(path)
        same = path.resolve() == target
        if not same and info is not None:
            try:
                other = path.stat()
            except OSError:
                continue
            same = (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino)
        if same:
            raise ContentcheckError(f"{output}: is {what} ({path}); inputs are never written: "
                                    "choose another output")
    for what, folder, suffixes in folders:
        if target.parent == Path(folder).resolve() and target.suffix.lower() in suffixes:
            raise ContentcheckError(f"{output}: is in {what} ({folder}) and would be read as "
                                    "one next time: choose another output")


def check_not_a_record(output: Path, state_dir: Path) -> None:
    """Refuse to replace what the loop keeps of people's decisions: an audit trail apply
    wrote beside a checked copy (``kalender-checked.decisions.json``/``.csv``: who decided
    what, and what the next apply builds on), and the run history and index of applied
    trails in the state folder. They are no input of a scan, so ``check_not_an_input`` does
    not know them; ``scan -o kalender-checked.decisions.json`` (tab completion) replaced one."""
    from contentcheck.crisis import state_records

    output = Path(output)
    target, state = output.resolve(), Path(state_dir).resolve()
    kept = state_records(state)
    if target in kept:
        raise ContentcheckError(f"{output}: is {kept[target]} in the state folder ({state}); "
                                "a report never replaces it: choose another output")
    if target.name.endswith(TRAIL_SUFFIXES) and target.is_file():
        raise ContentcheckError(f"{output}: is an audit trail apply wrote (who decided what; "
                                "the next apply builds on it); a report never replaces it: "
                                "choose another output")


def check_not_a_calendar(output: Path) -> None:
    """Refuse to replace a calendar with a report: ``scan december.xlsx -o november.xlsx``
    (tab completion) would swap the November calendar, no input of this scan, for a report.

    A file is a calendar when a calendar reader reads posts from it and it is no report
    contentcheck wrote (a workbook report is refused by the reader itself; a CSV report is
    known by its header row)."""
    from datetime import timezone

    from contentcheck.calendar import SUFFIXES, ReadOptions, read_calendar
    from contentcheck.errors import CalendarError

    from contentcheck.report.report_meta import is_report

    output = Path(output)
    if output.suffix.lower() not in SUFFIXES or not output.is_file():
        return
    if SUFFIXES[output.suffix.lower()] == "csv" and _is_csv_report(output) or \
            SUFFIXES[output.suffix.lower()] != "csv" and is_report(output):
        return  # an earlier report: known at once, not read as a calendar first
    try:
        calendar = read_calendar(output, ReadOptions(timezone=timezone.utc))
    except CalendarError:
        return  # no calendar (or a report): replacing it loses no calendar
    if calendar.read or calendar.posts:
        raise ContentcheckError(f"{output}: is a calendar ({calendar.read or len(calendar.posts)} "
                                "post(s)), not a contentcheck report; a report is never written "
                                "over a calendar: choose another output")


def _is_csv_report(path: Path) -> bool:
    """Whether the file starts with the header row of contentcheck's CSV report."""
    from contentcheck.report.csv_report import COLUMNS

    with open(path, "rb") as stream:
        first = stream.read(4096).decode("utf-8-sig", errors="replace").splitlines()[:1]
    return bool(first) and any(first[0].split(sep) == list(COLUMNS) for sep in (",", ";"))
