"""Checking posts on every core: chunks of posts in a process pool, the same findings as one
process.

Only the checks that read one post at a time run in the workers; the checks that look across
posts (``ACROSS_POSTS`` in their module: duplicate posts, tone of voice per channel, links
fetched together) run in the parent over every post, while the workers work, and give their
cross-post findings at the end, as in one process. Each post's findings are put back in
registry order, so the report is the same byte for byte whatever the number of workers
(tests/test_workers.py).

The compiled checks are built once: where the platform forks (Linux), in the parent before
the workers start, and the workers inherit them; elsewhere (or when the parent runs other
threads, which a fork does not copy safely) each worker builds them from the check context.
"""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from contentcheck.checks import CHECKS, CheckContext, across_posts, start_checks
from contentcheck.records import Post, field_of

if TYPE_CHECKING:
    from contentcheck.checks import Runner
    from contentcheck.records import Finding

log = logging.getLogger(__name__)

CHUNK = 5000  # posts per task: large enough that shipping a chunk costs little next to checking it
_POSITION = {check_id: position for position, check_id in enumerate(CHECKS)}

# What a forked worker inherits from the parent instead of receiving it through a pipe:
# unpickling 100,000 posts costs more than checking them (bench/README.md).
_runners: list["Runner"] | None = None  # this worker's per-post checks
_posts: Sequence["Post"] = ()  # the posts of this batch; a task names a range of them
_start = 0  # the scan's index of the batch's first post


def available_cores() -> int:
    """The cores this process may run on (a container or ``taskset`` may allow fewer)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def workers_for(jobs: int | None, posts: int) -> int:
    """How many processes to use: ``jobs`` (None: every core), no more than there are chunks
    of posts, so a small calendar is checked in this process without starting a pool."""
    wanted = jobs if jobs is not None else available_cores()
    return max(1, min(wanted, -(-posts // CHUNK)))


def _stop_worker(signum: int, frame: Any) -> None:
    """SIGTERM in a worker (``timeout``/``systemctl stop`` signalling the whole process
    group): leave by an exception, not by the default instant death. A worker waits for its
    next batch holding the pool's task-queue lock; raised, ``SystemExit`` unwinds the ``with
    lock:`` and the worker ends with status 143, so the queues stay usable while the parent
    stops (``_terminate`` no longer waits for them, but the pool's own threads still read
    and write them)."""
    raise SystemExit(128 + signum)


def _start_worker(context: CheckContext | None, configs: Mapping[str, Mapping[str, Any]]) -> None:
    global _runners
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the parent stops the pool, no traceback per worker
    signal.signal(signal.SIGTERM, _stop_worker)  # the parent's "clean up" handler is not ours
    if hasattr(signal, "pthread_sigmask"):  # blocked while the pool started (_started_pool)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
    gc.disable()  # the worker lives for one scan; its objects are acyclic (see gcpause.py)
    if _runners is None and context is None:
        # forked to replace a worker that died (a signal): the parent has let the compiled
        # checks go, so this one cannot work; it leaves quietly, the scan is stopping
        raise SystemExit(0)
    if _runners is None:  # spawned: build the checks here, once
        _runners = start_checks(context, configs, across=False)


def runner_warnings(runners: Sequence["Runner"]) -> list[str]:
    """What the checks noted during the run (a ``re:`` term skipped after timing out)."""
    return [warning for runner in runners for warning in getattr(runner, "warnings", ())]


def _check_chunk(task: tuple[int, int | Sequence["Post"]]
                 ) -> tuple[list[tuple[int, list["Finding"]]], list[str]]:
    """The per-post checks' findings for one chunk: (post index, findings) for posts with
    any, and this worker's warnings so far. A task is the chunk's first index and its end
    (forked: the posts are inherited) or its posts (spawned, or a later batch)."""
    global _posts
    first, chunk = task
    if isinstance(chunk, int):
        posts: Sequence[Post] = _posts[first - _start:chunk - _start]
    else:
        posts, _posts = _decoded(chunk), ()  # the inherited batch is done: let it go
    runners = _runners or []
    found = []
    for index, post in enumerate(posts, first):
        findings = [f for runner in runners for f in runner.check(index, post)]
        if findings:
            found.append((index, findings))
    return found, runner_warnings(runners)


def _chunks(posts: Sequence["Post"], start: int = 0) -> Iterator[tuple[int, Sequence["Post"]]]:
    """The posts in tasks: (the first one's index in the scan, the posts)."""
    for first in range(0, len(posts), CHUNK):
        yield start + first, posts[first:first + CHUNK]


def _tasks(posts: Sequence["Post"], inherited: bool, start: int
           ) -> Iterator[tuple[int, int | list[tuple[Any, ...]]]]:
    for first, chunk in _chunks(posts, start):
        yield first, (first + len(chunk) if inherited else _encoded(chunk))


def _encoded(posts: Sequence["Post"]) -> list[tuple[Any, ...]]:
    """Posts as plain tuples, which pickle in C: a frozen dataclass is pickled and rebuilt
    field by field in Python (2.9 s for 100,000 posts, bench/README.md)."""
    return [(p.source, p.sheet, p.row, p.scheduled_at, p.channel, p.status,
             tuple(map(tuple, p.fields)), p.warnings, p.extra, p.all_day)
            for p in posts]


def _decoded(records: Sequence[tuple[Any, ...]]) -> list["Post"]:
    """The posts of ``_encoded`` records, equal to the ones sent."""
    return [Post(source, sheet, row, moment, channel, status,
                 tuple(map(field_of, fields)), warnings, extra, all_day)
            for source, sheet, row, moment, channel, status, fields, warnings, extra, all_day
            in records]


def _method() -> str:
    """``fork`` where it exists and is safe (no other thread in this process), else ``spawn``."""
    import multiprocessing  # here: a small calendar never needs it
    import threading

    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return "fork"
    return "spawn"


class CheckPool:
    """One pool of processes for a whole scan, batch after batch: the workers keep their
    word caches warm (a new pool per batch of 100,000 posts cost 6.5 s of CPU per 1,000,000
    posts, bench/README.md). Forked, the workers inherit the compiled checks and the first
    batch of posts; later batches travel to them pickled (``Post.__reduce__``: a post is
    rebuilt by its constructor, not field by field)."""

    def __init__(self, context: CheckContext, configs: Mapping[str, Mapping[str, Any]],
                 started: Sequence[tuple[str, "Runner"]], posts: Sequence["Post"],
                 workers: int, start: int = 0) -> None:
        global _runners, _posts, _start
        method = _method()
        self.across = [runner for check_id, runner in started if across_posts(check_id)]
        self._first: Sequence["Post"] | None = None
        if method == "fork":  # the parent's compiled checks: the workers inherit them
            _runners = [runner for check_id, runner in started if not across_posts(check_id)]
            _posts, _start = posts, start
            self._first = posts
            initargs: tuple[Any, ...] = (None, configs)
        else:
            initargs = (context, configs)
        import multiprocessing

        log.info("checking in %d processes (%s)", workers, method)
        try:
            self._pool = _started_pool(multiprocessing.get_context(method), workers, initargs)
        finally:
            _runners, _posts, _start = None, (), 0  # the parent keeps no second reference

    def check(self, posts: Sequence["Post"], start: int = 0
              ) -> tuple[dict[int, list["Finding"]], list[str]]:
        """Every check on every post of a batch (the first has index ``start`` in the scan),
        the per-post ones in the workers; findings by post index, each post's in registry
        order (as ``scan`` finds them in one process), and the checks' warnings (each once).
        The checks across posts give their findings about earlier posts once the last batch
        was checked (``add_finished``)."""
        inherited = posts is self._first
        self._first = None
        across = self.across
        found: dict[int, list[Finding]] = {}
        warnings: dict[str, None] = dict.fromkeys(runner_warnings(across))
        results = self._pool.imap(_check_chunk, _tasks(posts, inherited, start))
        for first, chunk in _chunks(posts, start):
            near = {}  # the cross-post checks read the chunk here while the workers check it
            for index, post in enumerate(chunk, first):
                findings = [f for runner in across for f in runner.check(index, post)]
                if findings:
                    near[index] = findings
            checked, noted = next(results)
            warnings.update(dict.fromkeys(noted))
            for index, findings in checked:
                found[index] = findings
            for index, findings in near.items():
                merged = found.get(index, []) + findings
                merged.sort(key=lambda f: _POSITION.get(f.check, len(_POSITION)))  # stable
                found[index] = merged
        return found, list(dict.fromkeys([*warnings, *runner_warnings(across)]))

    def close(self) -> None:
        """Every batch was checked: the workers finish and go. No signal is sent, so a worker
        still starting (the others did all the work) ends as soon as it is up."""
        self._pool.close()
        self._pool.join()

    def terminate(self) -> None:
        """Stop the workers now, after an error, Ctrl-C or SIGTERM: none is left behind."""
        _terminate(self._pool)


def _terminate(pool: Any) -> None:
    """Stop a pool now, without ``Pool.terminate``, which is not safe when workers died by a
    signal of their own (``timeout`` and ``systemctl stop`` send SIGTERM to every process of
    the scan): a worker killed while it held one of the queues' locks (waiting for its next
    batch, or sending a result) never releases it, and ``Pool.terminate`` waits for those
    locks: for ever. So the pool stops making new workers, its workers are killed and
    reaped, and its own clean-up is cancelled; its helper threads are daemons that end with
    the process, and no batch is waited for. Uses the pool's internals (stable from Python
    3.8 to 3.13)."""
    from multiprocessing.pool import TERMINATE

    pool._terminate.cancel()  # the clean-up the garbage collector or exit would run
    pool._state = TERMINATE
    handler = pool._worker_handler
    handler._state = TERMINATE
    pool._change_notifier.put(None)
    handler.join()  # it makes no new workers now
    pool._task_handler._state = TERMINATE
    pool._result_handler._state = TERMINATE
    for process in pool._pool:
        if process.exitcode is None:
            process.kill()
    for process in pool._pool:
        process.join()


def _started_pool(context: Any, workers: int, initargs: tuple[Any, ...]) -> Any:
    """A pool whose workers start with SIGTERM blocked until they reset its handler: a
    SIGTERM from ``terminate`` that reached a worker still running the parent's handler
    was lost when the worker reset it, and the worker then waited for a task forever while
    ``terminate`` waited for it (a hang, seen once in the tests)."""
    import signal

    if not hasattr(signal, "pthread_sigmask"):  # Windows: no signal masks, no fork
        return context.Pool(workers, _start_worker, initargs)
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    try:  # forked and spawned workers inherit the mask; a SIGTERM meanwhile waits
        pool = context.Pool(workers, _start_worker, initargs)
    except BaseException:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)
        raise
    try:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)  # a SIGTERM that waited: raised here
    except BaseException:
        _terminate(pool)  # not left to the garbage collector's Pool.terminate, which can hang
        raise
    return pool


def add_finished(runners: Sequence["Runner"], found: dict[int, list["Finding"]]
                 ) -> dict[int, list["Finding"]]:
    """The checks' findings about earlier posts, once every post was seen, after each post's own."""
    for runner in runners:
        for index, finding in runner.finish():
            found.setdefault(index, []).append(finding)
    return found
