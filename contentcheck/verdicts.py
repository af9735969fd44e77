"""A scan's verdicts in bounded memory: at most ``HOLD`` in memory, the rest in sorted runs on
disk, merged back in report order when a reporter reads them.

A calendar of 1,000,000 posts would hold every post until the report is written. Here the
verdicts wait in temporary files once more than ``HOLD`` are held (an external merge sort:
each run sorted in report order, ``heapq.merge`` when read). The flagged verdicts go to disk
too: in a big calendar they are many (12 % of the benchmark's 1,000,000 posts, 245 MB), and
the JSON, CSV and table reports read them in order like the rest; ``flagged``, the list, is
built when someone asks for it. A scan that fits stays in memory: nothing is written for the
sample calendar or for 100,000 posts.

The records are written with ``marshal`` (plain tuples, a fraction of pickle's cost) and the
temporary folder is removed when the verdicts are closed, garbage-collected, or the process
ends (``weakref.finalize``), also after an error or Ctrl-C.
"""

from __future__ import annotations

import heapq
import logging
import marshal
import shutil
import tempfile
import weakref
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, tzinfo
from itertools import islice, takewhile
from operator import itemgetter, le
from pathlib import Path
from typing import Any

from contentcheck.decide import decide
from contentcheck.errors import ContentcheckError
from contentcheck.records import Finding, Post, Severity, Status, Verdict, field_of

log = logging.getLogger(__name__)

HOLD = 100_000  # verdicts held in memory before they go to disk
# A bigger input holds fewer at a time: its memory goes to what grows with it too (the
# matcher's word caches, the checks' numbers per post); 100,000 posts of the benchmark are
# 25 MB of CSV and stay in memory.
BIG_INPUT = 32 << 20
HOLD_BIG = 50_000


def hold_for(input_bytes: int) -> int:
    """How many verdicts a scan of calendars of ``input_bytes`` holds in memory."""
    return HOLD if input_bytes <= BIG_INPUT else HOLD_BIG
BATCH = 256  # records per marshal batch: what a run holds in memory while it is merged

NO_DATE = float("inf")  # posts without a date sort last
_RANK = {status: status.rank for status in Status}
_STATUS = {status.value: status for status in Status}
_SEVERITY = {severity.value: severity for severity in Severity}

Key = tuple[Any, ...]


def keyed(held: dict[int, Verdict]) -> list[tuple[Key, Verdict]]:
    """The held verdicts with their keys, in report order: pause, review, ok; then by date,
    source, sheet, row; then the order the posts were read in (the index). The moment as a
    POSIX timestamp orders as the aware datetimes do (to the microsecond) and compares
    faster: a merge compares every verdict a few times. Each moment object's timestamp is
    computed once (posts share one per date and time; every verdict here is alive while this
    runs, so an object's id is its own)."""
    stamps: dict[int, float] = {}
    pairs: list[tuple[Key, Verdict]] = []
    for index, verdict in held.items():
        post = verdict.post
        moment = post.scheduled_at
        if moment is None:
            stamp = NO_DATE
        else:
            stamp = stamps.get(id(moment))
            if stamp is None:
                stamp = stamps[id(moment)] = moment.timestamp()
        pairs.append(((_RANK[verdict.status], stamp, post.source, post.sheet or "", post.row,
                       index), verdict))
    order = _quick_order(pairs)
    if order is not None:
        return list(map(pairs.__getitem__, order))
    pairs.sort()  # unique keys: the index ends them
    return pairs


_HEAD, _STAMP, _PLACE = itemgetter(0), itemgetter(1), itemgetter(2, 3, 4, 5)


def _quick_order(pairs: list[tuple[Key, Verdict]]) -> list[int] | None:
    """The positions of ``pairs`` in key order, found by sorting small integers instead of
    the keys (a third of a 100,000-post scan's report order), when the pairs come in the
    order of the keys' last parts (source, sheet, row, index; read in that order, most
    calendars are): a stable sort on (rank, stamp) alone then leaves the rest as it was.
    None when they do not."""
    keys = list(map(_HEAD, pairs))
    places = list(map(_PLACE, keys))
    if not all(map(le, places, islice(places, 1, None))):
        return None
    stamps = list(map(_STAMP, keys))
    numbers = {stamp: number for number, stamp in enumerate(sorted(set(stamps)))}
    heads = list(map(int.__add__, map(len(numbers).__mul__, map(_HEAD, keys)),
                     map(numbers.__getitem__, stamps)))
    return sorted(range(len(heads)), key=heads.__getitem__)


MOMENTS = 65_536  # moments a codec keeps by number (calendars repeat their dates and times)


class _Codec:
    """Verdicts as plain tuples for ``marshal`` and back; a post's time zone is a number in the
    table of the zones seen, so each comes back the very same object. So is its moment, the
    first ``MOMENTS`` moment objects seen (a calendar's posts share one per date and time):
    no datetime is taken apart and built again for them."""

    def __init__(self) -> None:
        self.zones: list[tzinfo | None] = []
        self._zone_numbers: dict[int, int] = {}
        self.moments: list[datetime] = []
        self._moment_numbers: dict[int, int] = {}

    def _when(self, moment: datetime, stamp: float) -> tuple[Any, ...]:
        """(number, timestamp) of a moment in the table, or its parts and its zone's number."""
        number = self._moment_numbers.get(id(moment))
        if number is None and len(self.moments) < MOMENTS:
            number = self._moment_numbers[id(moment)] = len(self.moments)
            self.moments.append(moment)  # kept alive: its id stays its own
        if number is not None:
            return number, stamp
        zone = moment.tzinfo
        number = self._zone_numbers.get(id(zone))
        if number is None:
            number = self._zone_numbers[id(zone)] = len(self.zones)
            self.zones.append(zone)  # kept alive: its id stays its own
        return (moment.year, moment.month, moment.day, moment.hour, moment.minute,
                moment.second, moment.microsecond, moment.fold, number, stamp)

    def encode(self, key: Key, verdict: Verdict) -> tuple[Any, ...]:
        """The record of a verdict whose key (``keyed``) is ``key``: its timestamp and index."""
        post = verdict.post
        moment = post.scheduled_at
        when = None
        if moment is not None:  # most often a moment met before: its number, without a call
            number = self._moment_numbers.get(id(moment))
            when = (number, key[1]) if number is not None else self._when(moment, key[1])
        findings = tuple([(f.check, f.field, f.start, f.end, f.matched, f.rule, f.source,
                           f.category, f.severity._value_, f.status._value_, f.crisis,
                           f.suggestion, f.details) for f in verdict.findings]
                         ) if verdict.findings else ()
        return (key[-1], post.source, post.sheet, post.row, when, post.channel, post.status,
                tuple(map(tuple, post.fields)), post.warnings, post.extra, post.all_day,
                verdict.status._value_, findings, verdict.reasons)

    def decode(self, record: tuple[Any, ...]) -> tuple[Key, Verdict]:
        """The verdict and its key (``keyed``), read from the record (not recomputed)."""
        (index, source, sheet, row, when, channel, status, fields, warnings, extra, all_day,
         verdict_status, findings, reasons) = record
        moment, stamp = None, NO_DATE
        if when is not None:
            if len(when) == 2:
                moment, stamp = self.moments[when[0]], when[1]
            else:
                moment = datetime(*when[:7], tzinfo=self.zones[when[8]], fold=when[7])
                stamp = when[9]
        post = Post(source, sheet, row, moment, channel, status,
                    tuple(map(field_of, fields)), warnings, extra, all_day)
        if findings:
            findings = tuple([Finding(*f[:8], _SEVERITY[f[8]], _STATUS[f[9]], *f[10:])
                              for f in findings])
        state = _STATUS[verdict_status]
        return ((_RANK[state], stamp, source, sheet or "", row, index),
                Verdict(post, state, findings, reasons))


class VerdictStore:
    """Collects a scan's verdicts as they are decided; ``close_reading`` turns them into the
    sequence a ScanResult holds."""

    def __init__(self, hold: int | None = None) -> None:
        self.hold = HOLD if hold is None else hold  # read here: a test sets it small
        self.held: dict[int, Verdict] = {}  # in memory, by index
        self.runs: list[Path] = []
        self.written: Counter[Status] = Counter()  # verdicts in the runs, by status
        self.taken: set[int] = set()  # taken back from the runs into memory: skipped when read
        self.codec = _Codec()
        self.folder: Path | None = None
        self._remove: weakref.finalize | None = None
        self.dropped: list[tuple[int, int]] = []  # index ranges of calendars that failed late

    def add(self, index: int, verdict: Verdict) -> None:
        self.held[index] = verdict
        if len(self.held) > self.hold:
            self._spill()

    def make_room(self, coming: int) -> None:
        """Write the verdicts held now if ``coming`` more (a pool's batch of posts, in memory
        until they are decided) would pass ``HOLD``: posts and verdicts stay within it."""
        if self.held and len(self.held) + coming > self.hold:
            self._spill()

    def _spill(self) -> None:
        """The verdicts held, sorted, into a new run file; a temporary folder that cannot be
        written (missing, read-only, full) is the user's one-line error."""
        try:
            self._write_run()
        except OSError as exc:
            where = self.folder or Path(tempfile.gettempdir())
            raise ContentcheckError(f"cannot write the scan's temporary files in {where}: "
                                    f"{exc.strerror or exc}; point TMPDIR at a folder with "
                                    "room") from None

    def _write_run(self) -> None:
        if self.folder is None:
            self.folder = Path(tempfile.mkdtemp(prefix="contentcheck-scan-"))
            self._remove = weakref.finalize(self, shutil.rmtree, str(self.folder), True)
        held = keyed(self.held)
        path = self.folder / f"run-{len(self.runs):05d}"
        encode = self.codec.encode
        with path.open("wb") as out:
            for start in range(0, len(held), BATCH):
                batch = marshal.dumps([encode(k, v) for k, v in held[start:start + BATCH]])
                out.write(len(batch).to_bytes(4, "little"))
                out.write(batch)
        log.debug("%d verdicts written to %s", len(held), path)
        self.runs.append(path)
        self.written.update(v.status for v in self.held.values())
        self.held = {}

    def drop(self, start: int, end: int) -> None:
        """Forget the verdicts of posts ``start`` to ``end`` (a calendar that turned out
        unreadable part-way, skipped by the nightly check)."""
        self.dropped.append((start, end))
        for index in [i for i in self.held if start <= i < end]:
            del self.held[index]

    def is_dropped(self, index: int) -> bool:
        return any(start <= index < end for start, end in self.dropped)

    def _read_run(self, path: Path) -> Iterator[tuple[Key, Verdict]]:
        decode, skip, dropped = self.codec.decode, self.taken, self.dropped
        with path.open("rb") as run:
            # each batch is its length, then its bytes: marshal.loads on bytes read at once
            # (marshal.load on a file reads it a few bytes at a time: 7 µs a record)
            while size := int.from_bytes(run.read(4), "little"):
                for record in marshal.loads(run.read(size)):
                    if record[0] in skip or (dropped and self.is_dropped(record[0])):
                        continue
                    yield decode(record)

    def pull(self, wanted: set[int]) -> dict[int, Verdict]:
        """The verdicts of posts ``wanted``, in memory from now on (taken out of the runs)."""
        rest = wanted - self.held.keys()
        for path in self.runs if rest else ():
            for key, verdict in self._read_run(path):
                if key[-1] in rest:
                    self.held[key[-1]] = verdict
                    self.taken.add(key[-1])
                    self.written[verdict.status] -= 1
        return {i: self.held[i] for i in wanted if i in self.held}

    def redecide(self, late: dict[int, list[Finding]]) -> None:
        """Add the findings the checks across posts made at the end (``finish``), deciding
        those posts again: an ok post may now be flagged."""
        for index, verdict in self.pull(set(late)).items():
            self.held[index] = decide(verdict.post, [*verdict.findings, *late[index]])

    def close_reading(self) -> "StoredVerdicts":
        """The verdicts in report order, as a sequence that reads the runs each time."""
        memory = keyed(self.held)
        counts = self.written + Counter(v.status for v in self.held.values())
        if self.runs and self.dropped:  # count what the runs really give
            counts = Counter(v.status for path in self.runs for _, v in self._read_run(path))
            counts.update(v.status for v in self.held.values())
        return StoredVerdicts(self, memory, counts)

    def close(self) -> None:
        """Remove the temporary folder (also done when the store is garbage-collected)."""
        if self._remove is not None:
            self._remove()


class StoredVerdicts:
    """Every verdict of a scan in report order, merged from memory and the runs on disk.
    Sized and iterable as often as needed (an Excel report reads it twice); the verdicts kept
    in memory, and the ``flagged`` list once asked for, are the same objects on every pass."""

    def __init__(self, store: VerdictStore, memory: list[tuple[Key, Verdict]],
                 counts: Counter[Status]) -> None:
        self._store = store
        self._memory = memory
        self.counts = counts  # by status
        self._flagged: list[Verdict] | None = None

    def __len__(self) -> int:
        return sum(self.counts.values())

    def _merged(self) -> Iterator[Verdict]:
        if not self._store.runs:
            return (verdict for _, verdict in self._memory)
        runs = [self._store._read_run(path) for path in self._store.runs]
        # (key, verdict) pairs: the keys are unique (the index ends them), so the pairs
        # compare by key alone, in C, without a key function
        return (verdict for _, verdict in heapq.merge(self._memory, *runs))

    def __iter__(self) -> Iterator[Verdict]:
        if self._flagged is None:
            yield from self._merged()
            return
        yield from self._flagged
        yield from (verdict for verdict in self._merged() if verdict.status is Status.OK)

    def iter_flagged(self) -> Iterator[Verdict]:
        """The flagged verdicts in order, read as they come (no list of them all)."""
        if self._flagged is not None:
            return iter(self._flagged)
        return takewhile(lambda verdict: verdict.status is not Status.OK, self._merged())

    @property
    def flagged(self) -> list[Verdict]:
        """The flagged verdicts, the same objects from now on (in the ``for`` loops too)."""
        if self._flagged is None:
            self._flagged = list(self.iter_flagged())
        return self._flagged

    @property
    def spilled(self) -> bool:
        """Whether some verdicts wait on disk (for the log and the tests)."""
        return bool(self._store.runs)

    @property
    def folder(self) -> Path | None:
        return self._store.folder

    def close(self) -> None:
        self._store.close()
