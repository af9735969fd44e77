"""Two installed trees and the bare anchor in turns: 100,000 posts x 10,000 terms, terms cached,
``--jobs 1``, CPU of each process (wait4), least and median of the rounds.

    python bench/side_by_side.py ROUNDS START_CONTENTCHECK END_CONTENTCHECK

Install each tree the way a user does (``pip install`` of a ``git archive`` into a fresh venv;
an editable tree after ``python -m compileall -q contentcheck``): a tree run through
PYTHONPATH reads the editable install's word lists. The trees alternate their order per round.
"""
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import bench_matrix as bm  # noqa: E402

py = sys.executable
rounds = int(sys.argv[1])
trees = {"start": sys.argv[2], "end": sys.argv[3]}
with tempfile.TemporaryDirectory() as tmp:
    folder = Path(tmp)
    terms = folder / "terms"; terms.mkdir()
    subprocess.run([py, "-c", bm.MAKE_TERMS, str(terms / "bench.txt"), "10000", str(ROOT / "bench")], check=True, cwd=ROOT)
    cal = folder / "kal.csv"
    subprocess.run([py, "-c", bm.MAKE_CALENDAR, str(cal), "100000", str(ROOT / "bench")], check=True, cwd=ROOT)
    small = folder / "small.csv"
    subprocess.run([py, "-c", bm.MAKE_CALENDAR, str(small), "10", str(ROOT / "bench")], check=True, cwd=ROOT)
    out = folder / "out.json"
    res = {"anchor": [], "start": [], "end": []}
    def cmd(exe, c):
        return [exe, "scan", str(c), "--wordlists", str(terms), "--all", "--timezone", "Europe/Amsterdam",
                "--now", "2026-11-24T08:00", "--format", "json", "-o", str(out), "--jobs", "1"]
    envs = {name: {**os.environ, "CONTENTCHECK_STATE_DIR": str(folder / f"state-{name}")} for name in trees}
    for name in trees:  # a named state folder that is not there is not made: no terms cache
        (folder / f"state-{name}").mkdir()
    for name, exe in trees.items():
        bm.run_measured(cmd(exe, small), envs[name])
        bm.run_measured(cmd(exe, cal), envs[name])  # warm
    for r in range(rounds):
        order = ["anchor", "start", "end"] if r % 2 == 0 else ["anchor", "end", "start"]
        for name in order:
            if name == "anchor":
                wall, cpu, peak = bm.run_measured([py, str(ROOT / "bench" / "anchor_scan.py"), str(cal), str(terms / "bench.txt"), str(out)], dict(os.environ))
            else:
                wall, cpu, peak = bm.run_measured(cmd(trees[name], cal), envs[name])
            res[name].append(cpu)
        print(r, {k: round(v[-1], 2) for k, v in res.items()}, flush=True)
    a = min(res["anchor"]); am = statistics.median(res["anchor"])
    for k, v in res.items():
        print(f"{k}: least {min(v):.2f} median {statistics.median(v):.2f}  ratio least {min(v)/a:.2f} median {statistics.median(v)/am:.2f}")
