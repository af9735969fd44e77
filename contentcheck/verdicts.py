"""A scan's verdicts in bounded memory: the flagged ones in memory, the ok ones in sorted runs
on disk once too many are held, merged back in report order when a reporter reads them.

A reviewer reads the flagged posts; the ok ones are counted, and listed in the JSON, CSV and
Excel reports. A calendar of 1,000,000 posts would hold every post until the report is
written; here at most ``HOLD`` verdicts are held besides the flagged ones, and the rest wait
in temporary files (an external merge sort: each run sorted in report order, ``heapq.merge``
at the end). A scan that fits stays in memory: nothing is written for the sample calendar.

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
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone, tzinfo
from operator import itemgetter
from pathlib import Path
from typing import Any

from contentcheck.decide import decide
from contentcheck.records import Finding, Post, PostField, Status, Verdict

log = logging.getLogger(__name__)

HOLD = 100_000  # verdicts held in memory (flagged included) before ok ones go to disk
RUN = 20_000  # ok verdicts written at a time once the flagged alone fill the memory
BATCH = 256  # records per marshal dump: what a run holds in memory while it is merged

NO_DATE = datetime.max.replace(tzinfo=timezone.utc)  # posts without a date sort last
_RANK = {status: status.rank for status in Status}

Key = tuple[Any, ...]


def sort_key(verdict: Verdict, index: int) -> Key:
    """The report order: pause, review, ok; then by date, source, sheet, row; then the order
    the posts were read in."""
    post = verdict.post
    return (_RANK[verdict.status], post.scheduled_at or NO_DATE, post.source, post.sheet or "",
            post.row, index)


class _Codec:
    """Posts as plain tuples for ``marshal`` and back; a post's time zone is a number in the
    table of the zones seen, so each comes back the very same object."""

    def __init__(self) -> None:
        self.zones: list[tzinfo | None] = []
        self._zone_numbers: dict[int, int] = {}

    def encode(self, index: int, post: Post) -> tuple[Any, ...]:
        moment = post.scheduled_at
        when = None
        if moment is not None:
            zone = moment.tzinfo
            number = self._zone_numbers.get(id(zone))
            if number is None:
                number = self._zone_numbers[id(zone)] = len(self.zones)
                self.zones.append(zone)  # kept alive: its id stays its own
            when = (moment.year, moment.month, moment.day, moment.hour, moment.minute,
                    moment.second, moment.microsecond, moment.fold, number)
        return (index, post.source, post.sheet, post.row, when, post.channel, post.status,
                tuple([tuple(f) for f in post.fields]), post.warnings, post.extra, post.all_day)

    def decode(self, record: tuple[Any, ...]) -> tuple[int, Verdict]:
        index, source, sheet, row, when, channel, status, fields, warnings, extra, all_day = record
        moment = None
        if when is not None:
            moment = datetime(*when[:7], tzinfo=self.zones[when[8]], fold=when[7])
        post = Post(source, sheet, row, moment, channel, status,
                    tuple([PostField(*f) for f in fields]), warnings, extra, all_day)
        return index, Verdict(post=post, status=Status.OK)


class VerdictStore:
    """Collects a scan's verdicts as they are decided; ``close_reading`` turns them into the
    sequence a ScanResult holds."""

    def __init__(self, hold: int | None = None, run: int | None = None) -> None:
        self.hold = HOLD if hold is None else hold  # read here: a test sets them small
        self.run = RUN if run is None else run
        self.flagged: dict[int, Verdict] = {}
        self.ok: list[tuple[int, Verdict]] = []  # in memory, in the order decided
        self.kept: dict[int, Verdict] = {}  # ok verdicts that stay in memory (twins, findings)
        self.runs: list[Path] = []
        self.codec = _Codec()
        self.folder: Path | None = None
        self._remove: weakref.finalize | None = None
        self.dropped: list[tuple[int, int]] = []  # index ranges of calendars that failed late
        self.written = 0  # ok verdicts in the runs
        self.taken = 0  # of which taken back into memory

    def add(self, index: int, verdict: Verdict) -> None:
        if verdict.status is not Status.OK:
            self.flagged[index] = verdict
        elif verdict.findings:  # an ok with findings keeps them: never written
            self.kept[index] = verdict
        else:
            self.ok.append((index, verdict))
            held = len(self.ok) + len(self.flagged) + len(self.kept)
            if held > self.hold and len(self.ok) >= min(self.run, self.hold):
                self._spill()

    def _spill(self) -> None:
        """The ok verdicts held, sorted, into a new run file."""
        if self.folder is None:
            self.folder = Path(tempfile.mkdtemp(prefix="contentcheck-scan-"))
            self._remove = weakref.finalize(self, shutil.rmtree, str(self.folder), True)
        self.ok.sort(key=lambda item: sort_key(item[1], item[0]))
        path = self.folder / f"run-{len(self.runs):05d}"
        encode = self.codec.encode
        with path.open("wb") as out:
            for start in range(0, len(self.ok), BATCH):
                marshal.dump([encode(i, v.post) for i, v in self.ok[start:start + BATCH]], out)
        log.debug("%d ok verdicts written to %s", len(self.ok), path)
        self.runs.append(path)
        self.written += len(self.ok)
        self.ok = []

    def drop(self, start: int, end: int) -> None:
        """Forget the verdicts of posts ``start`` to ``end`` (a calendar that turned out
        unreadable part-way, skipped by the nightly check)."""
        self.dropped.append((start, end))
        for held in (self.flagged, self.kept):
            for index in [i for i in held if start <= i < end]:
                del held[index]
        self.ok = [(i, v) for i, v in self.ok if not start <= i < end]

    def _is_dropped(self, index: int) -> bool:
        return any(start <= index < end for start, end in self.dropped)

    def _read_run(self, path: Path, skip: set[int]) -> Iterator[tuple[Key, Verdict]]:
        decode = self.codec.decode
        with path.open("rb") as run:
            while True:
                try:
                    records = marshal.load(run)
                except EOFError:
                    return
                for record in records:
                    if record[0] in skip or (self.dropped and self._is_dropped(record[0])):
                        continue
                    index, verdict = decode(record)
                    yield sort_key(verdict, index), verdict

    def pull(self, wanted: set[int]) -> dict[int, Verdict]:
        """The verdicts of posts ``wanted`` wherever they are (in memory or in a run); the
        ones found among the ok are taken out of the ok ones and kept in memory from now on."""
        found = {i: self.flagged[i] for i in wanted if i in self.flagged}
        found.update({i: self.kept[i] for i in wanted if i in self.kept})
        rest = wanted - found.keys()
        if rest:
            for index, verdict in self.ok:
                if index in rest:
                    found[index] = self.kept[index] = verdict
            self.ok = [(i, v) for i, v in self.ok if i not in rest]
            for path in self.runs:
                for key, verdict in self._read_run(path, set()):
                    if key[-1] in rest:
                        found[key[-1]] = self.kept[key[-1]] = verdict
                        self.taken += 1
        return found

    def redecide(self, late: dict[int, list[Finding]]) -> None:
        """Add the findings the checks across posts made at the end (``finish``), deciding
        those posts again: an ok post may now be flagged."""
        if not late:
            return
        for index, verdict in self.pull(set(late)).items():
            new = decide(verdict.post, [*verdict.findings, *late[index]])
            self.kept.pop(index, None)
            self.flagged.pop(index, None)
            self.add_held(index, new)

    def add_held(self, index: int, verdict: Verdict) -> None:
        """A verdict that stays in memory, flagged or not."""
        if verdict.status is not Status.OK:
            self.flagged[index] = verdict
        else:
            self.kept[index] = verdict

    def close_reading(self) -> "StoredVerdicts":
        """The verdicts in report order, as a sequence that reads the runs each time."""
        flagged = sorted(self.flagged.items(), key=lambda item: sort_key(item[1], item[0]))
        memory = [*self.ok, *self.kept.items()]
        memory.sort(key=lambda item: sort_key(item[1], item[0]))
        skip = set(self.kept)
        ok_count = len(memory) + self.written - self.taken
        if self.runs and self.dropped:  # count what the runs really give
            ok_count = len(memory) + sum(1 for path in self.runs for _ in self._read_run(path, skip))
        return StoredVerdicts(self, [v for _, v in flagged],
                              [(sort_key(v, i), v) for i, v in memory], skip, ok_count)

    def close(self) -> None:
        """Remove the temporary folder (also done when the store is garbage-collected)."""
        if self._remove is not None:
            self._remove()


class StoredVerdicts:
    """Every verdict of a scan in report order: the flagged, then the ok merged from memory
    and the runs on disk. Sized and iterable as often as needed (an Excel report reads it
    twice); the flagged and the ok kept in memory are the same objects on every pass."""

    def __init__(self, store: VerdictStore, flagged: list[Verdict],
                 memory: list[tuple[Key, Verdict]], skip: set[int], ok_count: int) -> None:
        self._store = store
        self.flagged = flagged
        self._memory = memory
        self._skip = skip
        self._ok_count = ok_count

    def __len__(self) -> int:
        return len(self.flagged) + self._ok_count

    def __iter__(self) -> Iterator[Verdict]:
        yield from self.flagged
        if not self._store.runs:
            yield from (verdict for _, verdict in self._memory)
            return
        runs: list[Iterable[tuple[Key, Verdict]]] = [
            self._store._read_run(path, self._skip) for path in self._store.runs]
        for _, verdict in heapq.merge(self._memory, *runs, key=itemgetter(0)):
            yield verdict

    @property
    def spilled(self) -> bool:
        """Whether some verdicts wait on disk (for the log and the tests)."""
        return bool(self._store.runs)

    @property
    def folder(self) -> Path | None:
        return self._store.folder

    def close(self) -> None:
        self._store.close()
