"""Benchmark: the whole `scan` on big calendars, the report writers, and the small-calendar start-up.

    python bench/bench_scan.py [--posts 100000] [--terms 10000] [--runs 3]

Builds, in a temporary folder, a calendar of synthetic posts (the generator of
bench_matching.py, in 8 columns as teams keep them) as CSV (UTF-8, `;`) and as xlsx, and a word
list of ``--terms`` terms. Then measures, in one run on the same machine:

* the whole command in a fresh process (read -> match -> decide -> report), for CSV and xlsx:
  ``contentcheck scan CAL --wordlists DIR --all`` (the terminal table of flagged posts, as the
  on-call person runs it), the same with the sample crisis file active (two matchers per
  post), and with ``--format json -o out.json`` (every post);
* its stages in-process: read, match + decide, JSON report, Excel report (time and peak memory);
* the bundled 60-post sample workbook, wall time including Python start-up and imports;
* the anchors of shared/PERFORMANCE.md in the same run: raw CSV reading (csv module, pandas),
  raw xlsx reading (python-calamine), a plain xlsx write (XlsxWriter constant-memory,
  openpyxl write-only).
Numbers go to bench/README.md.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

HEADER = ["Datum", "Tijd", "Kanaal", "Bericht", "Hashtags", "Link", "Status", "Eigenaar"]
CHANNELS = ["Instagram", "Facebook", "LinkedIn", "X", "TikTok"]
NOW = "2026-11-24T08:00"

MEASURE_STAGES = r"""
import resource, sys, time
from pathlib import Path
from zoneinfo import ZoneInfo
from contentcheck.config import Config
from contentcheck.settings import build_scan_settings
from contentcheck.scan import run_scan
from contentcheck.report import ReportOptions, json_report, xlsx_report
calendar, terms, out = sys.argv[1:4]
settings = build_scan_settings(Config(), calendars=(Path(calendar),), wordlist_dirs=(Path(terms),),
                               all_posts=True, timezone="Europe/Amsterdam", now="2026-11-24T08:00")
t0 = time.perf_counter(); result = run_scan(settings); t1 = time.perf_counter()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
xlsx_report.write(result, Path(out), ReportOptions(lang="nl")); t2 = time.perf_counter()
peak = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024  # KiB -> MiB
json_report.write(result, Path(out + ".json"), ReportOptions())
t3 = time.perf_counter()
print(f"{t1-t0:.2f} {t3-t2:.2f} {t2-t1:.2f} {peak:.1f} {len(result.verdicts)} {len(result.flagged)}")
"""


def make_calendar(folder: Path, posts: list[str]) -> tuple[Path, Path]:
    """The same posts as a CSV export and as a workbook."""
    rows = [HEADER]
    for index, text in enumerate(posts):
        day = 24 + index % 7
        rows.append([f"{day}-11-2026", f"{8 + index % 12}:{(index * 7) % 60:02d}",
                     CHANNELS[index % len(CHANNELS)], text, "#kerst #deals",
                     f"https://example.nl/p/{index}", "Gepland", "Sanne"])
    csv_path = folder / "kalender.csv"
    with csv_path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    import xlsxwriter

    xlsx_path = folder / "kalender.xlsx"
    book = xlsxwriter.Workbook(str(xlsx_path), {"constant_memory": True})
    sheet = book.add_worksheet("Kalender")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.write_string(r, c, value)
    book.close()
    return csv_path, xlsx_path


def median_wall(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
        times.append(time.perf_counter() - started)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed: {done.stderr}")
    return statistics.median(times)


def anchors(csv_path: Path, xlsx_path: Path, rows: int) -> dict[str, float]:
    """The plain building blocks, timed on the same files."""
    import openpyxl
    import pandas
    import xlsxwriter
    from python_calamine import CalamineWorkbook

    found: dict[str, float] = {}
    started = time.perf_counter()
    with csv_path.open(encoding="utf-8", newline="") as handle:
        sum(1 for _ in csv.reader(handle, delimiter=";"))
    found["read CSV: csv module"] = time.perf_counter() - started
    started = time.perf_counter()
    pandas.read_csv(csv_path, sep=";", dtype=str, keep_default_na=False)
    found["read CSV: pandas (C engine)"] = time.perf_counter() - started
    started = time.perf_counter()
    CalamineWorkbook.from_path(str(xlsx_path)).get_sheet_by_index(0).to_python()
    found["read xlsx: python-calamine"] = time.perf_counter() - started
    data = [[f"cell {r} {c} met wat tekst erin" for c in range(8)] for r in range(rows)]
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        book = xlsxwriter.Workbook(f"{tmp}/a.xlsx", {"constant_memory": True})
        sheet = book.add_worksheet()
        for r, row in enumerate(data):
            for c, value in enumerate(row):
                sheet.write_string(r, c, value)
        book.close()
        found["write xlsx: XlsxWriter constant_memory"] = time.perf_counter() - started
        started = time.perf_counter()
        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet()
        for row in data:
            sheet.append(row)
        book.save(f"{tmp}/b.xlsx")
        found["write xlsx: openpyxl write-only"] = time.perf_counter() - started
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--terms", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from bench_matching import make_posts, make_terms

    contentcheck = str(Path(sys.executable).with_name("contentcheck"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        csv_path, xlsx_path = make_calendar(folder, make_posts(args.posts))
        lists = folder / "lists"
        lists.mkdir()
        (lists / "bench.txt").write_text(make_terms(args.terms), encoding="utf-8")
        print(f"{args.posts:,} posts, {args.terms:,} terms (+ the shipped lists), "
              f"median of {args.runs} runs, Python {sys.version.split()[0]}")
        for path in (csv_path, xlsx_path):
            command = [contentcheck, "scan", str(path), "--wordlists", str(lists), "--all",
                       "--timezone", "Europe/Amsterdam"]
            crisis = ["--crisis", str(ROOT / "samples" / "crisis-treinongeluk.txt")]
            for report, extra in (("table of flagged posts", []),
                                  ("table, crisis active", crisis),
                                  ("JSON of every post", ["--format", "json", "-o",
                                                          str(folder / "out.json")])):
                wall = median_wall(command + extra, args.runs)
                print(f"whole scan, {path.suffix[1:]:4}, {report:22}: {wall:6.2f} s  "
                      f"({args.posts / wall:,.0f} posts/s end to end)")
            stages = subprocess.run([sys.executable, "-c", MEASURE_STAGES, str(path), str(lists),
                                     str(folder / "report.xlsx")], capture_output=True,
                                    text=True, check=True, cwd=ROOT).stdout.split()
            print(f"  stages: read+match+decide {stages[0]} s, JSON report {stages[1]} s, "
                  f"Excel report {stages[2]} s (peak memory +{stages[3]} MiB); "
                  f"{stages[5]} of {stages[4]} posts flagged")
        sample = [contentcheck, "scan", "samples/contentkalender.xlsx", "--now", NOW,
                  "--timezone", "Europe/Amsterdam", "--crisis", "samples/crisis-treinongeluk.txt"]
        wall = median_wall(sample, max(args.runs, 5))
        print(f"sample workbook (60 posts), wall time with start-up: {wall:.3f} s")
        print("anchors, same files:")
        for name, seconds in anchors(csv_path, xlsx_path, args.posts).items():
            print(f"  {name:42} {seconds:6.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
