"""Benchmark: the stages of a scan around the matcher, in one process, CPU time.

    python bench/bench_stages.py [--posts 100000] [--terms 10000] [--runs 3]
    PYTHONPATH=/path/to/older/tree python bench/bench_stages.py   # the same stages, before

Writes the CSV calendar of bench_scale.py and a word list of ``--terms`` terms, then times
(best of ``--runs``, garbage collector paused as the CLI runs): turning the rows into posts
(``_Rows.posts``, the rows read beforehand), the JSON report of a whole ``run_scan`` result,
the round trip of 200,000 verdicts to disk and back (``verdicts._Codec``: report order,
encode, ``marshal``, decode), and unpickling the compiled terms (the terms cache's load).
Numbers go to bench/README.md ("After the speed3 branch").
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import marshal
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))


def best(runs: int, work) -> float:  # type: ignore[no-untyped-def]
    """The least CPU seconds of ``runs`` calls of ``work``."""
    times = []
    for _ in range(runs):
        started = time.process_time()
        work()
        times.append(time.process_time() - started)
    return min(times)


def posts_stage(calendar: Path, runs: int) -> float:
    from zoneinfo import ZoneInfo

    from contentcheck.calendar import posts, textfile
    from contentcheck.calendar.model import ReadOptions
    from contentcheck.calendar.source import ByteSource

    options = ReadOptions(timezone=ZoneInfo("Europe/Amsterdam"), dayfirst=True, columns={},
                          reference=dt.date(2026, 11, 24))
    table, _, _ = textfile.read_text_table(calendar, ByteSource(calendar, None))
    rows = list(table.rows)
    columns, _ = posts._columns(rows[0], rows[1:2], options)

    def work() -> None:
        reader = posts._Rows(columns, calendar.name, table, options)
        for _ in reader.posts(enumerate(rows[1:], 1)):
            pass
    return best(runs, work)


def json_stage(calendar: Path, lists: Path, out: Path, runs: int) -> float:
    from contentcheck.config import Config
    from contentcheck.report import ReportOptions, json_report
    from contentcheck.scan import run_scan
    from contentcheck.settings import build_scan_settings

    settings = build_scan_settings(Config(), calendars=(calendar,), wordlist_dirs=(lists,),
                                   all_posts=True, timezone="Europe/Amsterdam",
                                   now="2026-11-24T08:00", jobs=1)
    result = run_scan(settings)
    return best(runs, lambda: json_report.write(result, out, ReportOptions()))


def codec_stage(runs: int, count: int = 200_000) -> float:
    from zoneinfo import ZoneInfo

    from contentcheck import verdicts
    from contentcheck.records import Post, PostField, Status, Verdict

    zone = ZoneInfo("Europe/Amsterdam")
    moments = [dt.datetime(2026, 11, 24, 8, tzinfo=zone) + dt.timedelta(minutes=7 * i)
               for i in range(3000)]  # a calendar's posts share one moment per date and time
    held = {i: Verdict(Post("kalender.csv", None, i + 2, moments[i * 7919 % 3000], "Instagram",
                            "Gepland", (PostField("Bericht", f"Nieuwe collectie {i}"),
                                        PostField("Hashtags", "#kerst")),
                            (), (("Eigenaar", "Sanne"),), False), Status.OK)
            for i in range(count)}

    def ordered() -> list:  # type: ignore[type-arg]
        if hasattr(verdicts, "keyed"):
            return verdicts.keyed(held)
        return sorted([(verdicts.sort_key(v, i), v) for i, v in held.items()])  # before speed3

    def work() -> None:
        codec = verdicts._Codec()
        records = [codec.encode(key, verdict) for key, verdict in ordered()]
        batches = [marshal.dumps(records[i:i + 256]) for i in range(0, len(records), 256)]
        for batch in batches:
            for record in marshal.loads(batch):
                codec.decode(record)
    return best(runs, work)


def terms_stage(lists: Path, runs: int) -> float:
    from contentcheck.lists.load import load_lists
    from contentcheck.matching.checker import Checker
    from contentcheck.matching.terms import TermSet

    body = pickle.dumps(Checker(TermSet(), load_lists([lists])), protocol=pickle.HIGHEST_PROTOCOL)
    return best(runs, lambda: pickle.loads(body))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=100_000, help="posts in the calendar")
    parser.add_argument("--terms", type=int, default=10_000, help="terms in the word list")
    parser.add_argument("--runs", type=int, default=3, help="runs per stage; the least CPU counts")
    args = parser.parse_args()
    import contentcheck  # first: the bench helpers put this tree on the path

    from bench_compile_cache import crisis_text
    from bench_scale import bench_files

    gc.disable()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["CONTENTCHECK_STATE_DIR"] = str(folder / "state")
        (folder / "state").mkdir()  # a named state folder is not made by a scan
        calendar, lists = bench_files(folder, args.posts, crisis_text(args.terms))
        print(f"contentcheck from {Path(contentcheck.__file__).parent}; {args.posts:,} posts, "
              f"{args.terms:,} terms; CPU seconds, best of {args.runs}")
        print(f"rows -> posts: {posts_stage(calendar, args.runs):.3f}")
        print(f"JSON report: {json_stage(calendar, lists, folder / 'out.json', args.runs):.3f}")
        print(f"200,000 verdicts to disk and back: {codec_stage(args.runs):.3f}")
        print(f"unpickle the compiled terms: {terms_stage(lists, args.runs):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
