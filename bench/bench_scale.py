"""Benchmark: `scan` on 1 to N processes (`--jobs`), with wall time, CPU time and peak memory.

    python bench/bench_scale.py [--posts 100000] [--terms 10000] [--jobs 1,2] [--runs 3]

Writes the calendar of bench_scan.py (UTF-8 `;` CSV, 8 columns) and a ``--terms`` word list,
then runs ``contentcheck scan CAL --wordlists DIR --all --format json -o out.json --jobs J``
in a fresh process for each J, with and without the sample crisis active, and reports the
median wall time, the CPU time of the command and its workers, the largest peak RSS of any
one of its processes (``wait4``), and whether the JSON report is the same bytes for every J.
Numbers go to bench/README.md.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))


def run_measured(command: list[str], env: dict[str, str] | None = None
                 ) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (the command and the workers it waited for), peak RSS in MiB
    of its largest process; ``env`` replaces the environment."""
    started = time.perf_counter()
    pid = os.posix_spawn(command[0], command, os.environ if env is None else env,
                         file_actions=[(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
                                       (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)])
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


STAGES = r"""
import resource, sys, time
from dataclasses import replace
from pathlib import Path
from contentcheck.calendar import ReadOptions, read_calendar
from contentcheck.config import Config
from contentcheck.gcpause import paused_gc
from contentcheck.scan import run_scan
from contentcheck.settings import build_scan_settings
calendar, lists, jobs = sys.argv[1], sys.argv[2], int(sys.argv[3])
settings = build_scan_settings(Config(), calendars=(Path(calendar),), wordlist_dirs=(Path(lists),),
                               all_posts=True, timezone="Europe/Amsterdam", now="2026-11-24T08:00",
                               crisis_files=tuple(Path(p) for p in sys.argv[4:]), jobs=jobs)
with paused_gc():
    t0 = time.perf_counter()
    read_calendar(Path(calendar), ReadOptions(timezone=settings.timezone, reference=settings.now.date()))
    t1 = time.perf_counter()
    me = resource.getrusage(resource.RUSAGE_SELF)
    run_scan(settings)
    t2 = time.perf_counter()
    after = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
parent = after.ru_utime + after.ru_stime - me.ru_utime - me.ru_stime
print(f"{t1 - t0:.3f} {t2 - t1:.3f} {parent:.3f} {workers.ru_utime + workers.ru_stime:.3f}")
"""


MEMORY = r"""
import sys
from pathlib import Path
from contentcheck.calendar import ReadOptions, stream_calendar
from contentcheck.config import Config
from contentcheck.gcpause import paused_gc
from contentcheck.report import ReportOptions, json_report
from contentcheck.scan import run_scan
from contentcheck.settings import build_scan_settings

calendar, lists, out, stage = sys.argv[1:5]
settings = build_scan_settings(Config(), calendars=(Path(calendar),), wordlist_dirs=(Path(lists),),
                               all_posts=True, timezone="Europe/Amsterdam", now="2026-11-24T08:00",
                               jobs=1)
with paused_gc():
    if stage == "read":  # the posts as the scan reads them: a chunk at a time
        stream = stream_calendar(Path(calendar), ReadOptions(timezone=settings.timezone,
                                                             reference=settings.now.date()))
        posts = sum(len(chunk) for chunk in stream.chunks())
    elif stage != "imports":
        result = run_scan(settings)
        if stage == "json":
            json_report.write(result, Path(out), ReportOptions())
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the benchmark process that started us
with open("/proc/self/status") as status:
    print(next(int(line.split()[1]) // 1024 for line in status if line.startswith("VmHWM:")))
"""


def memory(calendar: Path, lists: Path, out: Path) -> None:
    """Where the peak of a one-process scan with a JSON report is set: the peak RSS (MiB) of
    a fresh process that stops after each stage."""
    import subprocess

    found = {}
    for stage in ("imports", "read", "scan", "json"):
        found[stage] = subprocess.run(
            [sys.executable, "-c", MEMORY, str(calendar), str(lists), str(out), stage],
            capture_output=True, text=True, check=True, cwd=ROOT).stdout.strip()
    print(f"peak RSS (MiB, one process, fresh for each stage): imports and settings "
          f"{found['imports']}; + read the calendar (streamed) {found['read']}; "
          f"+ run_scan (read, compile, "
          f"check, decide) {found['scan']}; + JSON report of every post {found['json']}")


def stages(calendar: Path, lists: Path, jobs: int, crisis: list[str]
           ) -> tuple[float, float, float, float]:
    """In a fresh process: seconds to read the calendar, and for run_scan (read, compile,
    check, decide) with ``jobs`` processes; CPU seconds of run_scan in the main process and
    in its workers."""
    import subprocess

    out = subprocess.run([sys.executable, "-c", STAGES, str(calendar), str(lists), str(jobs),
                          *crisis[1:]], capture_output=True, text=True, check=True, cwd=ROOT)
    read, scan, parent, workers = map(float, out.stdout.split())
    return read, scan, parent, workers


def write_csv(path: Path, posts: list[str]) -> None:
    from bench_scan import CHANNELS, HEADER

    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(HEADER)
        for index, text in enumerate(posts):
            out.writerow([f"{24 + index % 7}-11-2026", f"{8 + index % 12}:{(index * 7) % 60:02d}",
                          CHANNELS[index % len(CHANNELS)], text, "#kerst #deals",
                          f"https://example.nl/p/{index}", "Gepland", "Sanne"])


def bench_files(folder: Path, posts: int, terms_text: str) -> tuple[Path, Path]:
    """The benchmark's calendar of ``posts`` posts, and a folder of lists holding the terms."""
    from bench_matching import make_posts

    calendar = folder / "kalender.csv"
    write_csv(calendar, make_posts(posts))
    lists = folder / "lists"
    lists.mkdir()
    (lists / "bench.txt").write_text(terms_text, encoding="utf-8")
    return calendar, lists


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--terms", type=int, default=10_000)
    parser.add_argument("--jobs", default="1,2", help="comma-separated numbers of processes")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-crisis", action="store_true", help="skip the runs with a crisis")
    parser.add_argument("--memory", action="store_true",
                        help="only where a one-process scan's peak memory is set")
    args = parser.parse_args()
    from bench_matching import make_terms

    contentcheck = str(Path(sys.executable).with_name("contentcheck"))
    jobs = [int(j) for j in args.jobs.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        calendar, lists = bench_files(folder, args.posts, make_terms(args.terms))
        print(f"{args.posts:,} posts, {args.terms:,} terms (+ the shipped lists), median of "
              f"{args.runs} runs, {os.cpu_count()} cores, Python {sys.version.split()[0]}")
        if args.memory:
            memory(calendar, lists, folder / "out.json")
            return 0
        crisis = ["--crisis", str(ROOT / "samples" / "crisis-treinongeluk.txt")]
        for label, extra in (("lists", []), ("crisis", crisis))[:1 if args.no_crisis else 2]:
            digests = set()
            base = None
            base_check = None
            for count in jobs:
                out = folder / f"out-{count}.json"
                command = [contentcheck, "scan", str(calendar), "--wordlists", str(lists),
                           "--all", "--timezone", "Europe/Amsterdam", "--now",
                           "2026-11-24T08:00", "--format", "json", "-o", str(out),
                           "--jobs", str(count), *extra]
                runs = [run_measured(command) for _ in range(args.runs)]
                wall = statistics.median(r[0] for r in runs)
                cpu = statistics.median(r[1] for r in runs)
                peak = max(r[2] for r in runs)
                base = base or wall
                digests.add(hashlib.sha256(out.read_bytes()).hexdigest())
                print(f"{label:6} --jobs {count}: wall {wall:6.2f} s ({base / wall:4.2f}x), "
                      f"CPU {cpu:6.2f} s, peak RSS {peak:6.0f} MiB, "
                      f"{args.posts / wall:,.0f} posts/s")
                timed = [stages(calendar, lists, count, extra) for _ in range(args.runs)]
                read = min(t[0] for t in timed)
                scan = min(t[1] for t in timed)
                check = scan - read
                base_check = base_check or check
                parent = min(t[2] for t in timed)
                workers = min(t[3] for t in timed)
                print(f"{'':6}   in-process (best of {args.runs}): read {read:.2f} s, "
                      f"run_scan {scan:.2f} s, of which compile + check + decide "
                      f"{check:.2f} s ({base_check / check:4.2f}x); run_scan CPU: main "
                      f"process {parent:.2f} s, workers {workers:.2f} s")
                if workers:
                    for cores in (count, 16):
                        print(f"{'':6}   on {cores:2} free cores, run_scan would take "
                              f"{max(parent, workers / cores):.2f}-"
                              f"{parent + workers / cores:.2f} s (main process CPU + the "
                              f"workers' CPU shared by {cores}, with or without overlap)")
            print(f"{label:6} JSON reports identical for every --jobs: {len(digests) == 1}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
