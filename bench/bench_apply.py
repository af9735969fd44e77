"""Benchmark: ``contentcheck apply`` on a big report, and reading its decisions.

    python bench/bench_apply.py [--posts 200000] [--runs 3]

Builds, in a temporary folder, a CSV calendar of synthetic posts (the generator of
bench_matching.py, in the columns of bench_scan.py; a crisis word in ~3 % of the posts) and the
Excel report of a scan over all of it with the crisis terms active (so ~3 % of the posts are
flagged pause, every post is on "All posts"), a reviewer's decision on 100 of them. Then
measures, on the same files:

* reading the decisions (``read_review``: python-calamine, every sheet of the report), and the
  same rows read the way apply read them before (openpyxl read-only, values only): the anchor;
* the whole command in a fresh process: ``contentcheck apply REPORT`` (read the decisions,
  read and fingerprint the calendar, check every row it writes against the crisis terms,
  write the copy and the audit trail).
Numbers go to bench/README.md.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def build(folder: Path, count: int) -> tuple[Path, Path, int]:
    """The calendar, its report (with 100 decisions filled in) and the number flagged."""
    from bench_matching import CRISIS, make_posts
    from bench_scan import NOW, make_calendar

    from contentcheck.config import Config
    from contentcheck.report import ReportOptions, xlsx_report
    from contentcheck.scan import run_scan
    from contentcheck.settings import build_scan_settings

    calendar, _ = make_calendar(folder, make_posts(count))
    settings = build_scan_settings(Config(), calendars=(calendar,), terms=tuple(CRISIS),
                                   shipped_lists=False, all_posts=True,
                                   timezone="Europe/Amsterdam", now=NOW)
    result = run_scan(settings)
    report = folder / "review.xlsx"
    xlsx_report.write(result, report, ReportOptions(lang="en"))
    _fill_decisions(report, 100)
    return calendar, report, len(result.flagged)


def _fill_decisions(report: Path, count: int) -> None:
    """Type "pause" into the first ``count`` Decision cells of the Flagged sheet, editing the
    sheet's XML in the zip (openpyxl would take minutes to load and save a report this big)."""
    import zipfile

    from openpyxl.utils import get_column_letter

    from contentcheck.report.xlsx_posts import INDEX

    decision, after = (get_column_letter(INDEX[key] + 1) for key in ("decision", "key"))
    temp = report.with_suffix(".tmp")
    with zipfile.ZipFile(report) as source, zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet2.xml":  # Flagged
                text = data.decode("utf-8")
                for row in range(2, count + 2):  # the empty Decision cell is not written at all
                    text = text.replace(f'<c r="{after}{row}"', f'<c r="{decision}{row}" '
                                        f't="inlineStr"><is><t>pause</t></is></c>'
                                        f'<c r="{after}{row}"', 1)
                data = text.encode("utf-8")
            out.writestr(item, data)
    temp.replace(report)


def openpyxl_read(report: Path) -> int:
    """The anchor: every row of every sheet, as apply read the report before calamine."""
    import openpyxl

    book = openpyxl.load_workbook(report, read_only=True, data_only=True)
    rows = sum(1 for name in book.sheetnames for _ in book[name].iter_rows(values_only=True))
    book.close()
    return rows


def timed(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-anchor", action="store_true", help="skip the slow openpyxl read")
    args = parser.parse_args()
    from contentcheck.apply.decisions import read_review

    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        start = time.perf_counter()
        calendar, report, flagged = build(folder, args.posts)
        print(f"built {args.posts:,} posts, {flagged:,} flagged, report "
              f"{report.stat().st_size / 1e6:.1f} MB in {time.perf_counter() - start:.1f} s")
        review = read_review(report)
        print(f"read_review (python-calamine): {timed(lambda: read_review(report), args.runs):.2f} s"
              f" ({len(review.decisions)} decisions)")
        if not args.no_anchor:
            print(f"anchor, openpyxl read-only: {timed(lambda: openpyxl_read(report), 1):.2f} s")
        command = [sys.executable, "-c", "from contentcheck.cli import main; main()", "apply", str(report),
                   "--replace", "--config", str(folder / "none.toml")]
        (folder / "none.toml").write_text("", encoding="utf-8")
        walls = []
        for _ in range(args.runs):
            start = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True, cwd=folder)
            walls.append(time.perf_counter() - start)
            if done.returncode not in (0, 1):
                print(done.stderr)
                return 1
        print(f"contentcheck apply (fresh process): {statistics.median(walls):.2f} s "
              f"(exit {done.returncode}; {done.stdout.count(' not decided: '):,} undecided listed)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
