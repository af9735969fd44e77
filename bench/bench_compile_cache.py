"""Benchmark: compiling the terms vs loading them from the terms cache (matching/cache.py).

    python bench/bench_compile_cache.py [--terms 10000,100000] [--runs 3]

For each size it writes a crisis file of that many terms (bench_matching's term list: plain
words, wildcards, phrases, proximity pairs, exceptions; past the ~86,000 words of its pool the
rest are quoted two-word phrases of pool words), with the shipped lists on top, and times in a
fresh process each:

* ``compile``: ``Checker(crisis, lists)`` as every run without the cache does;
* ``miss``: the first run with the cache: key, compile, pickle, write atomically;
* ``load``: a later run: key, read, check the digest, unpickle;

CPU time (process_time) and wall time, medians of ``--runs``; the entry's size on disk. Then
the whole command, ``contentcheck scan samples/contentkalender.csv --crisis FILE --all`` (the
watcher's case: a small calendar, many terms), with ``--no-cache`` and with a filled cache:
CPU time of the process. Numbers go to bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

STAGE = r"""
import json, sys, time
from pathlib import Path
from contentcheck.matching.cache import compiled_checker
from contentcheck.scan import load_terms
from contentcheck.settings import TermSources
crisis_file, folder = Path(sys.argv[1]), sys.argv[2]
crisis, lists = load_terms(TermSources(crisis_files=(crisis_file,)))
cpu, wall = time.process_time(), time.perf_counter()
checker = compiled_checker(crisis, lists, None if folder == "-" else Path(folder))
print(json.dumps({"cpu": time.process_time() - cpu, "wall": time.perf_counter() - wall,
                  "terms": len(checker)}))
"""


def crisis_text(count: int) -> str:
    """``count`` terms: bench_matching's list, then two-word phrases of its words."""
    from bench_matching import make_terms, term_pool

    pool, _ = term_pool()
    base = min(count, len(pool) - 1000)
    text = make_terms(base)
    rng = random.Random(7)
    phrases = {f'"{rng.choice(pool)} {rng.choice(pool)}"' for _ in range(2 * (count - base))}
    return text + "\n".join(sorted(phrases)[: count - base]) + "\n"


def stage(crisis: Path, folder: str) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", STAGE, str(crisis), folder], check=True,
                          capture_output=True, text=True)
    return json.loads(done.stdout.splitlines()[-1])


def command_cpu(args: list[str]) -> float:
    """CPU seconds of one ``contentcheck`` process (its children included)."""
    from bench_scale import run_measured

    _, cpu, _ = run_measured([str(Path(sys.executable).parent / "contentcheck"), *args])
    return cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--terms", default="10000,100000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for count in (int(n) for n in args.terms.split(",")):
            crisis = Path(tmp) / f"crisis-{count}.txt"
            crisis.write_text(crisis_text(count), encoding="utf-8")
            folder = Path(tmp) / f"cache-{count}"
            compile_runs = [stage(crisis, "-") for _ in range(args.runs)]
            misses = []
            for run in range(args.runs):
                miss_folder = Path(tmp) / f"miss-{count}-{run}"
                misses.append(stage(crisis, str(miss_folder)))
            stage(crisis, str(folder))  # fill the cache
            loads = [stage(crisis, str(folder)) for _ in range(args.runs)]
            size = sum(p.stat().st_size for p in folder.glob("terms-*.pickle"))
            calendar = ROOT / "samples" / "contentkalender.csv"
            scan = ["scan", str(calendar), "--crisis", str(crisis), "--all", "--now",
                    "2026-11-24T08:00", "--timezone", "Europe/Amsterdam", "--format", "json",
                    "-o", str(Path(tmp) / "out.json")]
            env_state = {"CONTENTCHECK_STATE_DIR": str(Path(tmp) / f"state-{count}")}
            (Path(tmp) / f"state-{count}").mkdir()  # a named state folder is not made by a scan
            import os

            os.environ.update(env_state)
            command_cpu(scan)  # fill this state folder's cache
            no_cache = statistics.median(command_cpu(scan + ["--no-cache"]) for _ in range(args.runs))
            cached = statistics.median(command_cpu(scan) for _ in range(args.runs))
            med = {name: {key: statistics.median(r[key] for r in runs) for key in ("cpu", "wall")}
                   for name, runs in (("compile", compile_runs), ("miss", misses), ("load", loads))}
            rows.append((count, compile_runs[0]["terms"], med, size, no_cache, cached))
    print(f"median of {args.runs} fresh processes; CPU / wall seconds")
    print("| crisis terms (+ shipped lists) | compile | first run (compile + store) | load | "
          "entry on disk | `scan` sample calendar, --no-cache | `scan`, cached |")
    print("|---|---|---|---|---|---|---|")
    for count, total, med, size, no_cache, cached in rows:
        cell = {name: f"{m['cpu']:.2f} / {m['wall']:.2f} s" for name, m in med.items()}
        print(f"| {count:,} ({total:,}) | {cell['compile']} | {cell['miss']} | {cell['load']} | "
              f"{size / 2**20:.0f} MiB | {no_cache:.2f} s CPU | {cached:.2f} s CPU |")


if __name__ == "__main__":
    main()
