"""Benchmark: the scale table of issue 17, with the bare anchor in the same run.

    python bench/bench_matrix.py                                   # the whole table (~15 min)
    python bench/bench_matrix.py --posts 100000 --terms 10000 --jobs 1   # one cell

For every number of posts (a UTF-8 ``;`` CSV of bench_scale.py: 8 columns, 3 with text) and
every word-list size, ``contentcheck scan CAL --wordlists DIR --all --format json -o out.json
--jobs J`` runs in a fresh process, once with ``--no-cache`` (the terms compiled, as on a first run) and
then with the terms loaded from the cache of the state folder, for each ``--jobs``; and ``bench/anchor_scan.py`` (csv module, casefold, Aho-Corasick,
JSON) on the same files. Each row gives wall time, CPU time (the command and its workers) and
the peak RSS of the largest process (``wait4``; this driver holds no posts, so its own few
MiB never show). The machine is shared: compare CPU time and ratios from one run.
Numbers go to bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_scale import run_measured  # this script's folder is on sys.path when run

ROOT = Path(__file__).resolve().parents[1]

MAKE_CALENDAR = r"""
import sys
sys.path.insert(0, sys.argv[3])
from bench_matching import make_posts
from bench_scale import write_csv
from pathlib import Path
write_csv(Path(sys.argv[1]), make_posts(int(sys.argv[2])))
"""

MAKE_TERMS = r"""
import sys
sys.path.insert(0, sys.argv[3])
from bench_compile_cache import crisis_text  # the word pool, then two-word phrases beyond it
from pathlib import Path
Path(sys.argv[1]).write_text(crisis_text(int(sys.argv[2])), encoding="utf-8")
"""


def best(command: list[str], env: dict[str, str], runs: int) -> tuple[float, float, float]:
    """The run with the least CPU time of ``runs``, and the highest peak of them."""
    measured = [run_measured(command, env) for _ in range(runs)]
    wall, cpu, _ = min(measured, key=lambda m: m[1])
    return wall, cpu, max(m[2] for m in measured)


def numbers(text: str) -> list[int]:
    return [int(part.replace("_", "").replace(",", "")) for part in text.split(",")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", default="10000,100000,1000000")
    parser.add_argument("--terms", default="100,10000,100000")
    parser.add_argument("--jobs", default="1,2", help="comma-separated numbers of processes")
    parser.add_argument("--runs", type=int, default=1, help="runs per cell; the least CPU counts")
    parser.add_argument("--compiled-up-to", type=int, default=100_000, metavar="POSTS",
                        help="the run with the terms compiled only up to this many posts (it "
                             "costs the same at any size; the cached runs show the rest)")
    parser.add_argument("--contentcheck", help="the executable to measure (default: the one "
                        "beside this Python), e.g. an older commit's, for the 'before' column")
    args = parser.parse_args()
    python = sys.executable
    contentcheck = args.contentcheck or str(Path(python).with_name("contentcheck"))
    offers = subprocess.run([contentcheck, "scan", "--help"], capture_output=True, text=True,
                            check=True).stdout  # an older version has no cache and no --jobs
    cached, pooled = "--no-cache" in offers, "--jobs" in offers
    bench = str(ROOT / "bench")
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, best of {args.runs} "
          "(least CPU); peak = RSS of the largest process")
    print("| posts | terms | run | wall s | CPU s | peak MiB | CPU / anchor |")
    print("|---:|---:|---|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        lists: dict[int, Path] = {}
        for count in numbers(args.terms):
            lists[count] = folder / f"terms-{count}"
            lists[count].mkdir()
            subprocess.run([python, "-c", MAKE_TERMS, str(lists[count] / "bench.txt"),
                            str(count), bench], check=True, cwd=ROOT)
        small = folder / "small.csv"
        subprocess.run([python, "-c", MAKE_CALENDAR, str(small), "10", bench], check=True, cwd=ROOT)
        for posts in numbers(args.posts):
            calendar = folder / f"kalender-{posts}.csv"
            subprocess.run([python, "-c", MAKE_CALENDAR, str(calendar), str(posts), bench],
                           check=True, cwd=ROOT)
            for terms, source in lists.items():
                out = folder / "out.json"
                anchor = best([python, str(ROOT / "bench" / "anchor_scan.py"), str(calendar),
                               str(source / "bench.txt"), str(out)], dict(os.environ), args.runs)
                print(f"| {posts:,} | {terms:,} | anchor | {anchor[0]:.2f} | {anchor[1]:.2f} "
                      f"| {anchor[2]:,.0f} | 1.00 |", flush=True)
                state = folder / f"state-{terms}"  # one per term list: its cache
                state.mkdir(exist_ok=True)  # a named state folder is not made by a scan
                env = {**os.environ, "CONTENTCHECK_STATE_DIR": str(state)}
                command = [contentcheck, "scan", str(calendar), "--wordlists", str(source),
                           "--all", "--timezone", "Europe/Amsterdam", "--now",
                           "2026-11-24T08:00", "--format", "json", "-o", str(out)]
                runs = []
                if posts <= args.compiled_up_to or not cached:
                    runs.append(("compiled", 1, ["--no-cache"] if cached else []))
                if cached:  # the cache is keyed by the terms, so any run fills it
                    run_measured(command[:2] + [str(small)] + command[3:], env)
                    runs += [("cached", jobs, []) for jobs in numbers(args.jobs)]
                for label, jobs, extra in runs:
                    extra = [*extra, "--jobs", str(jobs)] if pooled else extra
                    wall, cpu, peak = best(command + extra, env, args.runs)
                    print(f"| {posts:,} | {terms:,} | scan --jobs {jobs}, terms {label} | "
                          f"{wall:.2f} | {cpu:.2f} | {peak:,.0f} | {cpu / anchor[1]:.2f} |",
                          flush=True)
            calendar.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
