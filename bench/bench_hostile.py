"""Benchmark: hostile workbooks are read in time that grows with their size, not faster.

    python bench/bench_hostile.py [--budget 2.0]

* a sheet whose XML holds a comment full of ``<f`` (no ``>``): the look for formulas without
  a saved result must be one pass (it was quadratic: a 5 KB xlsx took 7 minutes);
* a sheet with one cell at ``XFD1048576``: read cell by cell, not as a 17-billion-cell grid;
* 200 posts against a ``re:`` term that backtracks: skipped after a few time-outs (the limit
  was per text only: 200 posts took 101 s).

Prints seconds per size and exits 1 when the largest case takes longer than ``--budget``
seconds (the time budget lives here, not in a timed unit test). Numbers go to bench/README.md.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from contentcheck.calendar.formulas import unsaved_formulas  # noqa: E402

_OLD = re.compile(rb"(?:</f>|<f[^>]*/>)\s*(?:<v\s*/>|<v></v>)?\s*</c>")  # before issue 12


def hostile_workbook(megabytes: float) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Datum", "Bericht"])
    book.active.append(["25-11-2026", "x"])
    plain = io.BytesIO()
    book.save(plain)
    out = io.BytesIO()
    comment = b"<!--" + b"<f" * int(megabytes * (1 << 20) / 2) + b"-->"
    with zipfile.ZipFile(plain) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            part = old.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                part = part.replace(b"<sheetData>", comment + b"<sheetData>")
            new.writestr(item.filename, part)
    return out.getvalue()


def seconds(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--budget", type=float, default=5.0)
    args = parser.parse_args()
    print("comment full of '<f':  size   xlsx     now      before (old regex, one search)")
    last = 0.0
    for megabytes in (0.0625, 0.125, 0.25, 1, 4, 16):
        data = hostile_workbook(megabytes)
        last = seconds(lambda: unsaved_formulas(data))
        if megabytes <= 0.25:
            xml = b"<!--" + b"<f" * int(megabytes * (1 << 20) / 2) + b"-->"
            before = f"{seconds(lambda: _OLD.search(xml)):8.2f} s"
        else:
            before = "(skipped: quadratic)"
        print(f"{'':22}{megabytes:5g} MB {len(data) / 1024:6.0f} KB {last:6.3f} s  {before}")
    import openpyxl

    from contentcheck.calendar import ReadOptions, read_calendar
    from zoneinfo import ZoneInfo

    book = openpyxl.Workbook()
    book.active.append(["Datum", "Bericht"])
    book.active.append(["25-11-2026", "x"])
    book.active["XFD1048576"] = "x"
    far = Path(__import__("tempfile").mkdtemp()) / "far.xlsx"
    book.save(far)
    far_time = seconds(lambda: read_calendar(far, ReadOptions(timezone=ZoneInfo("UTC"))))
    print(f"one cell at XFD1048576 ({far.stat().st_size} bytes): read in {far_time:.3f} s")
    from contentcheck.matching import Checker, crisis_terms_from_cli
    from contentcheck.matching.terms import TermSet

    checker = Checker(crisis_terms_from_cli(["trein", "re:(a|aa)+b"]), TermSet())
    texts = [f"Post {n}: {'a' * 40}!" for n in range(200)]
    regex_time = seconds(lambda: [checker.explain(text) for text in texts])
    print(f"200 posts against a re: term that backtracks: {regex_time:.2f} s "
          f"({len(checker.warnings)} warning: {checker.warnings[0] if checker.warnings else '-'})")
    worst = max(last, far_time, regex_time)
    if worst > args.budget:
        print(f"over budget: {worst:.2f} s > {args.budget} s")
        return 1
    print(f"within budget ({args.budget} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
