"""Benchmark: the Excel review report of a big calendar, against a plain XlsxWriter anchor.

    python bench/bench_xlsx.py [--posts 100000] [--terms 10000] [--runs 1] [--profile]

Writes the CSV calendar of bench_scale.py (UTF-8 `;`, 8 columns) and a ``--terms`` word list
(0: the shipped lists only), then measures, in one run, as CPU time (user + sys):

* the report stage alone, in a fresh process: ``run_scan`` once, then
  ``xlsx_report.write`` (CPU seconds; the RSS before it and the peak RSS, ``VmHWM``, after:
  the peak never falls, so what the report adds is at most their difference);
* the anchor of shared/PERFORMANCE.md in that same process: XlsxWriter in constant-memory
  mode writing as many rows of 8 plain strings;
* the whole command in a fresh process,
  ``contentcheck scan CAL --wordlists DIR --all -o report.xlsx`` (CPU of the process, its
  peak RSS via ``wait4``).

``--profile`` prints the 25 costliest functions of the report stage (cProfile, cumulative).
Numbers go to bench/README.md.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

REPORT = r"""
import cProfile, pstats, sys, time
from pathlib import Path
from contentcheck.config import Config
from contentcheck.gcpause import paused_gc
from contentcheck.report import ReportOptions, xlsx_report
from contentcheck.scan import run_scan
from contentcheck.settings import build_scan_settings

calendar, lists, out, profile = sys.argv[1], sys.argv[2], Path(sys.argv[3]), sys.argv[4] == "1"
settings = build_scan_settings(Config(), calendars=(Path(calendar),),
                               wordlist_dirs=(Path(lists),) if lists else (),
                               all_posts=True, timezone="Europe/Amsterdam", now="2026-11-24T08:00",
                               jobs=1)


def memory(field: str) -> int:  # VmHWM (the peak so far) or VmRSS (now), in MiB
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) // 1024 for line in status if line.startswith(field))


def anchor(rows: int) -> float:
    import xlsxwriter

    started = time.process_time()
    book = xlsxwriter.Workbook(str(out.with_suffix(".anchor.xlsx")), {"constant_memory": True})
    sheet = book.add_worksheet()
    for r in range(rows):
        for c in range(8):
            sheet.write_string(r, c, f"cell {r} {c} met wat tekst erin")
    book.close()
    return time.process_time() - started


with paused_gc():  # as the CLI runs it
    result = run_scan(settings)
    flagged, total = len(result.flagged), len(result.verdicts)
    before, resident = memory("VmHWM:"), memory("VmRSS:")
    profiler = cProfile.Profile() if profile else None
    started = time.process_time()
    if profiler:
        profiler.enable()
    xlsx_report.write(result, out, ReportOptions(lang="nl"))
    if profiler:
        profiler.disable()
    report = time.process_time() - started
    peak = memory("VmHWM:")
    plain = anchor(total)
print(f"{report:.2f} {peak - before} {plain:.2f} {total} {flagged} {out.stat().st_size // 2**20} "
      f"{resident} {peak}")
if profiler:
    pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(25)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--terms", type=int, default=10_000, help="0: the shipped lists only")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--profile", action="store_true", help="cProfile the report stage")
    parser.add_argument("--no-command", action="store_true", help="skip the whole command")
    args = parser.parse_args()
    from bench_matching import make_posts, make_terms
    from bench_scale import run_measured, write_csv

    contentcheck = str(Path(sys.executable).with_name("contentcheck"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        calendar = folder / "kalender.csv"
        write_csv(calendar, make_posts(args.posts))
        lists = ""
        if args.terms:
            (folder / "lists").mkdir()
            (folder / "lists" / "bench.txt").write_text(make_terms(args.terms), encoding="utf-8")
            lists = str(folder / "lists")
        print(f"{args.posts:,} posts, {args.terms:,} terms (+ the shipped lists), "
              f"{args.runs} run(s), CPU time (user + sys), Python {sys.version.split()[0]}")
        stages = []
        for _ in range(args.runs):
            done = subprocess.run(
                [sys.executable, "-c", REPORT, str(calendar), lists, str(folder / "r.xlsx"),
                 "1" if args.profile else "0"], capture_output=True, text=True, cwd=ROOT)
            if done.returncode:
                raise SystemExit(done.stderr)
            stages.append(done.stdout.split())
            if args.profile:
                print(done.stderr)
        report = statistics.median(float(s[0]) for s in stages)
        plain = statistics.median(float(s[2]) for s in stages)
        _, added, _, total, flagged, size, resident, peak = stages[-1]
        print(f"report stage: {report:.2f} s CPU ({total} rows in all posts, {flagged} flagged; "
              f"{size} MiB; RSS {resident} MiB before it, peak {peak} MiB after it, "
              f"+{added} MiB over the scan's peak); anchor, XlsxWriter constant_memory, "
              f"{total} x 8 plain strings: {plain:.2f} s ({report / plain:.2f}x the anchor)")
        if args.no_command:
            return 0
        command = [contentcheck, "scan", str(calendar), "--all", "--timezone",
                   "Europe/Amsterdam", "--now", "2026-11-24T08:00", "--jobs", "1", "-q",
                   "-o", str(folder / "out.xlsx")] + (["--wordlists", lists] if lists else [])
        runs = [run_measured(command) for _ in range(args.runs)]
        print(f"whole command (--jobs 1): CPU {statistics.median(r[1] for r in runs):.2f} s, "
              f"wall {statistics.median(r[0] for r in runs):.2f} s, "
              f"peak RSS {max(r[2] for r in runs):.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
