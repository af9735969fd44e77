"""Benchmark: the same `scan` from two installs, run in turns, for a before/after on a busy
machine.

    python bench/bench_ab.py OLD_CONTENTCHECK NEW_CONTENTCHECK [--posts 100000] [--pairs 5]
                             [--jobs 1,2] [--no-crisis]

OLD_CONTENTCHECK and NEW_CONTENTCHECK are the ``contentcheck`` commands of two installs (say
a copy of main and a branch, each in its own venv). Writes the calendar and word list of
``bench_scale.py`` and runs its command (``--jobs J``, with and without the sample crisis)
with one install, then the other, ``--pairs`` times, so a load that comes and goes falls on
both alike; prints the median and the least wall and CPU time of each, the peak RSS, and
whether the two JSON reports are the same bytes. Numbers go to bench/README.md.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))


def main() -> int:
    from bench_matching import make_terms
    from bench_scale import bench_files, run_measured

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--terms", type=int, default=10_000)
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--jobs", default="1,2", help="comma-separated numbers of processes")
    parser.add_argument("--no-crisis", action="store_true", help="skip the runs with a crisis")
    args = parser.parse_args()
    installs = {"old": args.old, "new": args.new}
    crisis = ["--crisis", str(ROOT / "samples" / "crisis-treinongeluk.txt")]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        calendar, lists = bench_files(folder, args.posts, make_terms(args.terms))
        for label, extra in (("lists", []), ("crisis", crisis))[:1 if args.no_crisis else 2]:
            for jobs in (int(j) for j in args.jobs.split(",")):
                runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in installs}
                for _ in range(args.pairs):
                    for name, command in installs.items():
                        runs[name].append(run_measured(
                            [command, "scan", str(calendar), "--wordlists", str(lists), "--all",
                             "--timezone", "Europe/Amsterdam", "--now", "2026-11-24T08:00",
                             "--format", "json", "-o", str(folder / f"{name}.json"),
                             "--jobs", str(jobs), *extra]))
                for name, measured in runs.items():
                    wall = [m[0] for m in measured]
                    cpu = [m[1] for m in measured]
                    print(f"{label:6} --jobs {jobs} {name}: wall median {statistics.median(wall):6.2f} s "
                          f"(least {min(wall):6.2f}), CPU median {statistics.median(cpu):6.2f} s "
                          f"(least {min(cpu):6.2f}), peak RSS {max(m[2] for m in measured):5.0f} MiB",
                          flush=True)
                same = (folder / "old.json").read_bytes() == (folder / "new.json").read_bytes()
                print(f"{label:6} --jobs {jobs}: the same JSON report: {same}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
