"""Benchmark: what the records on the hit path cost to build (records.py), frozen or not.

    python bench/bench_records.py [--number 200000]

For ``Finding``, ``Match``, ``Verdict`` and ``Post``, builds the record as records.py declares
it and as the same dataclass with and without ``frozen`` (both with ``slots``), and times
construction with the keyword arguments the pipeline passes (best of 5, microseconds per
record). Then times reading a CSV calendar of ``--rows`` rows into posts, to put the ``Post``
construction in proportion to a whole read. Numbers go to bench/README.md.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import sys
import tempfile
import timeit
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from contentcheck.records import (Finding, Match, Post, PostField, Severity,  # noqa: E402
                                  Status, Verdict)


def variant(cls: type, frozen: bool) -> type:
    """The same fields and defaults as ``cls``, as a slots dataclass, frozen or not."""
    specs = []
    for f in dataclasses.fields(cls):
        if f.default is not dataclasses.MISSING:
            specs.append((f.name, f.type, dataclasses.field(default=f.default)))
        else:
            specs.append((f.name, f.type))
    return dataclasses.make_dataclass(f"{cls.__name__}{'Frozen' if frozen else 'Plain'}",
                                      specs, frozen=frozen, slots=True)


POST = Post(source="kalender.csv", sheet=None, row=2,
            scheduled_at=datetime(2026, 11, 24, 9, tzinfo=timezone.utc), channel="Instagram",
            status="Gepland", fields=(PostField("Tekst", "Met de trein naar de kerstmarkt"),))
FINDING = dict(check="terms", field="Tekst", start=11, end=16, matched="trein", rule="trein",
               source="crisis.txt", category="crisis", severity=Severity.CRISIS,
               status=Status.PAUSE, crisis=True, suggestion=None, details=())
MATCH = dict(term="trein", matched="trein", field="Tekst", start=11, end=16,
             list_name="crisis.txt", category="crisis", severity=Severity.CRISIS, crisis=True,
             suggestion=None)
ARGS = {
    Finding: FINDING,
    Match: MATCH,
    Verdict: dict(post=POST, status=Status.PAUSE, findings=(), reasons=("trein",)),
    Post: dict(source="kalender.csv", sheet=None, row=2, scheduled_at=POST.scheduled_at,
               channel="Instagram", status="Gepland", fields=POST.fields, warnings=(),
               extra=(("Eigenaar", "Sanne"),), all_day=False),
}


def per_record(cls: type, kwargs: dict, number: int) -> float:
    return min(timeit.repeat(lambda: cls(**kwargs), number=number, repeat=5)) / number * 1e6


def read_cost(rows: int) -> float:
    """Seconds to read a CSV calendar of ``rows`` rows into posts."""
    import time

    from contentcheck.calendar import ReadOptions, read_calendar

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "kalender.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            out = csv.writer(handle, delimiter=";")
            out.writerow(["Datum", "Tijd", "Kanaal", "Bericht", "Hashtags", "Link", "Status",
                          "Eigenaar"])
            for i in range(rows):
                out.writerow([f"{24 + i % 7}-11-2026", f"{8 + i % 12}:{(i * 7) % 60:02d}",
                              "Instagram", f"Bericht nummer {i} met wat tekst erin", "#kerst",
                              f"https://example.nl/p/{i}", "Gepland", "Sanne"])
        options = ReadOptions(timezone=timezone.utc, dayfirst=True, columns={},
                              reference=datetime(2026, 11, 24).date())
        started = time.perf_counter()
        read_calendar(path, options)
        return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--number", type=int, default=200_000)
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    print(f"µs per record, best of 5 x {args.number:,}, Python {sys.version.split()[0]}")
    print(f"{'record':8} {'records.py':>10} {'frozen':>8} {'plain':>8}")
    for cls, kwargs in ARGS.items():
        now = per_record(cls, kwargs, args.number)
        frozen = per_record(variant(cls, True), kwargs, args.number)
        plain = per_record(variant(cls, False), kwargs, args.number)
        print(f"{cls.__name__:8} {now:10.2f} {frozen:8.2f} {plain:8.2f}")
    seconds = read_cost(args.rows)
    post = per_record(Post, ARGS[Post], args.number)
    print(f"reading {args.rows:,} CSV rows into posts: {seconds:.2f} s "
          f"({seconds / args.rows * 1e6:.1f} µs a row, of which Post() {post:.2f} µs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
