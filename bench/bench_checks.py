"""Benchmark: what each house-style check adds to a scan.

    python bench/bench_checks.py [--posts 100000] [--links 2000] [--runs 3]

Reads the synthetic calendar of bench_scan.py (posts from bench_matching.py, in 8 columns, a
link per post) once, then times each check alone over every post, in-process: house-words
(the shipped example), tone-of-voice (consistent), similar-errors (three errors) and spelling;
then the links check against a web site on 127.0.0.1 with ``--links`` distinct links
(loopback only). The synthetic posts are random words, so what spelling flags there says
nothing about its false alarms (see the README for those). Numbers go to bench/README.md.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

BENCHED = {
    "house-words (the shipped example)": ("house-words", {"example": True}),
    "tone-of-voice (consistent)": ("tone-of-voice", {"enabled": True}),
    "similar-errors (3 errors)": ("similar-errors", {}),
    "spelling": ("spelling", {"enabled": True}),
}


def check_seconds(posts: list, check_id: str, config: dict, context: object) -> tuple[float, int]:
    """One check alone over every post (start, check, finish): seconds and posts flagged."""
    from contentcheck.checks import CHECKS

    module = CHECKS[check_id]
    started = time.perf_counter()
    runner = module.start(context, {**module.DEFAULT, **config})
    flagged = {i for i, post in enumerate(posts) if runner.check(i, post)}
    flagged |= {i for i, _ in runner.finish()}
    return time.perf_counter() - started, len(flagged)


def links_seconds(count: int) -> float:
    from contentcheck.checks.links import LinksRunner
    from contentcheck.records import Post, PostField
    from tests.helpers_servers import link_server

    with link_server() as (_, base):
        runner = LinksRunner(timeout=5.0, workers=8)
        for index in range(count):
            runner.check(index, Post("bench", None, index, None, None, None,
                                     (PostField("Link", f"{base}/ok?p={index}"),)))
        started = time.perf_counter()
        list(runner.finish())
        return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--links", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from bench_matching import make_posts
    from bench_scan import make_calendar

    from contentcheck.calendar import ReadOptions, read_calendar
    from contentcheck.crisis import Crisis
    from contentcheck.matching import TermSet
    from contentcheck.scan import check_context

    zone = ZoneInfo("Europe/Amsterdam")
    with tempfile.TemporaryDirectory() as tmp:
        calendar, _ = make_calendar(Path(tmp), make_posts(args.posts))
        posts = read_calendar(calendar, ReadOptions(timezone=zone)).posts
    crisis = Crisis(name="Prijsfout", text="", started=datetime(2026, 11, 24, tzinfo=zone),
                    errors=("€ 2,99", "kerstmarkt-2025.jpg", "example.nl/p/77"))
    context = check_context(datetime(2026, 11, 24, 8, tzinfo=zone), TermSet(), TermSet(), [crisis])
    print(f"{len(posts):,} posts, each check alone (start + every post + finish), "
          f"median of {args.runs}")
    for name, (check_id, config) in BENCHED.items():
        check_seconds(posts[:1000], check_id, config, context)  # warm: dictionaries, vocabulary
        timings = [check_seconds(posts, check_id, config, context) for _ in range(args.runs)]
        seconds = statistics.median(t for t, _ in timings)
        print(f"| {name} | {seconds:.2f} s | {len(posts) / seconds:,.0f} posts/s "
              f"| {timings[0][1]:,} posts flagged |")
    seconds = links_seconds(args.links)
    print(f"| links: {args.links:,} distinct links on 127.0.0.1, 8 at a time | {seconds:.2f} s "
          f"| {args.links / seconds:,.0f} links/s |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
