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

A worker that dies (the out-of-memory killer, ``kill -9``, a crash in a C extension) stops
the scan at once with one line naming the process, how it ended and the rows it was checking
(``WorkerError``, exit code 2): its posts were not checked, and a scan never reports without
them, nor waits for them (docs/reliability.md). It is not retried: a post that crashed a
worker would crash the next one, and memory that ran out would run out again.
"""

from __future__ import annotations

import gc
import logging
import os
import pickle
import queue
import signal
import threading
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from contentcheck.checks import CHECKS, CheckContext, across_posts, check_posts, start_checks
from contentcheck.errors import WorkerError
from contentcheck.records import Post, field_of

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

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


def _start_worker(context: CheckContext | None, configs: Mapping[str, Mapping[str, Any]]) -> None:
    """Make this process a worker: signals left to the parent, the checks at hand."""
    global _runners
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the parent stops the pool, no traceback per worker
    # SIGTERM: a worker just ends (the parent's handler, inherited by a fork, would raise
    # Terminated here and print a traceback); the parent, signalled too, cleans up, and a
    # worker signalled alone is reported as dead by the parent
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # blocked while the pool started (_signals_held)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)
    gc.disable()  # the worker lives for one scan; its objects are acyclic (see gcpause.py)
    if _runners is None:  # spawned: build the checks here, once
        _runners = start_checks(context, configs, across=False)


def _serve(tasks: "Connection", answers: "Connection", context: CheckContext | None,
           configs: Mapping[str, Mapping[str, Any]], others: Sequence["Connection"]) -> None:
    """A worker's life: check each chunk the parent sends, answer with its findings (or the
    exception a check raised), until the parent says stop or goes away. ``others`` are the
    parent's ends of this worker's pipes and of the earlier workers', inherited by a fork:
    closed here, so each end of a pipe is held by one process, and a death on either side
    is seen at once (an end of its pipe, not a wait for ever)."""
    for other in others:
        other.close()
    failed: Exception | None = None
    try:
        _start_worker(context, configs)
    except Exception as exc:  # spawned, and the checks would not build: the parent raises it
        failed = exc
    while True:
        try:
            task = tasks.recv()
        except (EOFError, OSError):  # the parent is gone (killed): so is the scan
            return
        if task is None:
            return
        try:
            if failed is not None:
                raise failed
            answer: tuple[Any, Exception | None, str] = (_check_chunk(task), None, "")
        except Exception as exc:
            import traceback

            answer = (None, _portable(exc), traceback.format_exc())
        try:
            answers.send(answer)
        except OSError:  # the parent is gone
            return


class InWorker(Exception):
    """The traceback of an exception raised in a worker, shown below the one the parent
    raises again (with ``CONTENTCHECK_DEBUG=1``)."""


def _portable(exc: Exception) -> Exception:
    """The exception as the parent can unpickle it, so it is raised there as in one process;
    one whose arguments do not survive the pipe is sent as its type and message."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc


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
    return sorted(check_posts(runners, posts, first).items()), runner_warnings(runners)


def _chunks(posts: Sequence["Post"], start: int = 0) -> Iterator[tuple[int, Sequence["Post"]]]:
    """The posts in tasks: (the first one's index in the scan, the posts)."""
    for first in range(0, len(posts), CHUNK):
        yield start + first, posts[first:first + CHUNK]


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

    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return "fork"
    return "spawn"


class CheckPool:
    """One pool of processes for a whole scan, batch after batch: the workers keep their
    word caches warm (a new pool per batch of 100,000 posts cost 6.5 s of CPU per 1,000,000
    posts, bench/README.md). Forked, the workers inherit the compiled checks and the first
    batch of posts; later batches travel to them as plain tuples.

    Each worker has pipes of its own (no queue or lock shared between processes), and the
    parent hands out the chunks itself, so it always knows which worker checks which posts:
    a worker that dies (the out-of-memory killer, ``kill -9``, a crash in a C extension) is
    seen at once by its pipe's end and its process sentinel, and the scan stops with a
    ``WorkerError`` naming the process, the signal and the rows, instead of waiting for
    an answer that never comes (``multiprocessing.Pool`` replaced the worker and hung)."""

    def __init__(self, context: CheckContext, configs: Mapping[str, Mapping[str, Any]],
                 started: Sequence[tuple[str, "Runner"]], posts: Sequence["Post"],
                 workers: int, start: int = 0) -> None:
        global _runners, _posts, _start
        import multiprocessing

        method = _method()
        self.across = [runner for check_id, runner in started if across_posts(check_id)]
        self._first: Sequence["Post"] | None = None
        self._workers: list[_Worker] = []
        self._chunks: list[tuple[int, Sequence["Post"]]] = []  # the batch being checked
        self._inherited = False  # its posts are the ones the workers inherited
        self._todo: deque[int] = deque()  # its chunks not handed out yet
        self._answers: dict[int, tuple[list[tuple[int, list["Finding"]]], list[str]]] = {}
        forked = method == "fork"
        if forked:  # the parent's compiled checks: the workers inherit them
            _runners = [runner for check_id, runner in started if not across_posts(check_id)]
            _posts, _start = posts, start
            self._first = posts
        log.info("checking in %d processes (%s)", workers, method)
        processes = multiprocessing.get_context(method)
        try:
            with _signals_held():
                for _ in range(workers):
                    self._workers.append(_Worker.start(processes, None if forked else context,
                                                       configs, self._workers, forked))
            for worker in self._workers:  # threads only now: every fork is done
                worker.feeder.start()
        except BaseException:  # Ctrl-C or SIGTERM while starting: none is left behind
            self.terminate()
            raise
        finally:
            _runners, _posts, _start = None, (), 0  # the parent keeps no second reference

    def check(self, posts: Sequence["Post"], start: int = 0
              ) -> tuple[dict[int, list["Finding"]], list[str]]:
        """Every check on every post of a batch (the first has index ``start`` in the scan),
        the per-post ones in the workers; findings by post index, each post's in registry
        order (as ``scan`` finds them in one process), and the checks' warnings (each once).
        The checks across posts give their findings about earlier posts once the last batch
        was checked (``add_finished``). Raises ``WorkerError`` when a worker dies."""
        inherited = posts is self._first
        self._first = None
        across = self.across
        found: dict[int, list[Finding]] = {}
        warnings: dict[str, None] = dict.fromkeys(runner_warnings(across))
        self._chunks = chunks = list(_chunks(posts, start))
        self._todo = deque(range(len(chunks)))
        self._answers = {}
        self._inherited = inherited
        for worker in self._workers:
            self._hand_out(worker)
        for number, (first, chunk) in enumerate(chunks):
            # the cross-post checks read the chunk here while the workers check it
            near: dict[int, list[Finding]] = {}
            for offset in range(0, len(chunk) if across else 0, _LISTEN):
                near.update(check_posts(across, chunk[offset:offset + _LISTEN], first + offset))
                self._listen(0)  # a worker that is done gets its next chunk now
            while number not in self._answers:
                self._listen(None)
            checked, noted = self._answers.pop(number)
            warnings.update(dict.fromkeys(noted))
            for index, findings in checked:
                found[index] = findings
            for index, findings in near.items():
                merged = found.get(index, []) + findings
                merged.sort(key=lambda f: _POSITION.get(f.check, len(_POSITION)))  # stable
                found[index] = merged
        self._chunks = []
        return found, list(dict.fromkeys([*warnings, *runner_warnings(across)]))

    def _hand_out(self, worker: "_Worker") -> None:
        """Keep a worker busy: its next chunk waits in its pipe while it checks one, except
        near the end of a batch, where a chunk goes to whichever worker is free first."""
        ahead = AHEAD if len(self._todo) > len(self._workers) else 1
        while self._todo and len(worker.given) < ahead:
            number = self._todo.popleft()
            worker.given.append(number)
            worker.outbox.put((*self._chunks[number], self._inherited))

    def _listen(self, timeout: float | None) -> None:
        """Take the answers that have come (with ``timeout`` None: wait for one); a worker
        whose pipe ended or whose process exited has died."""
        from multiprocessing.connection import wait

        owner: dict[Any, _Worker] = {}
        for worker in self._workers:
            owner[worker.answers] = worker
            owner[worker.process.sentinel] = worker
        for worker in dict.fromkeys(owner[handle] for handle in wait(list(owner), timeout)):
            while worker.answers.poll():  # every answer there, then the end of a dead one's pipe
                try:
                    answer, error, trace = worker.answers.recv()
                except (EOFError, OSError):
                    raise self._died(worker) from None
                number = worker.given.popleft()
                if error is not None:  # a check failed: as in one process, with its traceback
                    raise error from InWorker(trace)
                self._answers[number] = answer
                self._hand_out(worker)
            if not worker.process.is_alive():
                raise self._died(worker)

    def _died(self, worker: "_Worker") -> Exception:
        """What the user reads: which process, how it ended, which posts it was checking
        (or why the parent could not send it its posts)."""
        process = worker.process
        process.join(1)  # its pipe has ended: it is on its way out
        if process.exitcode is None:  # alive, but it closed its pipe: no use to the scan
            process.kill()
            process.join()
        if worker.failure is not None:
            return worker.failure
        doing = (f"while checking {_rows(self._chunks[worker.given[0]][1])}" if worker.given
                 else "while waiting for posts")
        hint = ("; if memory ran out, fewer --jobs use less"
                if process.exitcode == -signal.SIGKILL else "")
        return WorkerError(f"worker process {process.pid} died ({_ended(process.exitcode)}) "
                           f"{doing}: the scan stopped, no report was written{hint}")

    def close(self) -> None:
        """Every batch was checked: the workers are told to finish and are waited for."""
        for worker in self._workers:
            worker.outbox.put(None)  # after any task still queued: the feeder sends "stop"
        for worker in self._workers:
            worker.feeder.join()
            worker.process.join()
            worker.release()
        self._workers = []

    def terminate(self) -> None:
        """Stop the workers now, after an error, a dead worker, Ctrl-C or SIGTERM: each is
        killed and reaped, none is left behind and nothing is waited for but their exit."""
        for worker in self._workers:
            if worker.process.exitcode is None:
                worker.process.kill()
        for worker in self._workers:
            worker.process.join()
            worker.outbox.put(None)  # a feeder waiting for work ends; one sending gets EPIPE
            if worker.feeder.ident is not None:  # started
                worker.feeder.join(5)
            worker.release()
        self._workers = []


_HELD = {signal.SIGINT, signal.SIGTERM}  # blocked while workers are forked (_signals_held)
_LISTEN = 1000  # posts the parent checks across between looking for finished workers
PIPE_BYTES = 1 << 20  # asked of each pipe to a worker (_widen)
AHEAD = 2  # chunks a worker holds: the next one reaches it while it checks the current one


class _Worker:
    """One worker process, its two pipes and the thread in the parent that feeds it (a chunk
    is written to the pipe there, so the parent never waits on a worker that is busy)."""

    def __init__(self, process: "BaseProcess", tasks: "Connection", answers: "Connection") -> None:
        self.process, self.tasks, self.answers = process, tasks, answers
        self.given: deque[int] = deque()  # chunk numbers sent, oldest (being checked) first
        self.outbox: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self.failure: Exception | None = None  # why the feeder could not send a chunk
        self.feeder = threading.Thread(target=self._feed, daemon=True,
                                       name=f"contentcheck-feed-{process.pid}")

    @classmethod
    def start(cls, processes: Any, context: CheckContext | None,
              configs: Mapping[str, Mapping[str, Any]], earlier: Sequence["_Worker"],
              forked: bool) -> "_Worker":
        tasks_in, tasks = processes.Pipe(duplex=False)
        answers, answers_out = processes.Pipe(duplex=False)
        _widen(tasks)
        _widen(answers)
        # a forked worker closes the parent's ends of its pipes and of the earlier workers'
        others = [tasks, answers, *(end for w in earlier for end in (w.tasks, w.answers))]
        process = processes.Process(target=_serve, daemon=True, name="contentcheck-worker",
                                    args=(tasks_in, answers_out, context, configs,
                                          others if forked else []))
        try:
            process.start()
        finally:
            tasks_in.close()  # the worker's ends are the worker's alone
            answers_out.close()
        return cls(process, tasks, answers)

    def release(self) -> None:
        self.tasks.close()
        self.answers.close()
        self.process.close()

    def _feed(self) -> None:
        """Send the worker its chunks, in order; ``None``: tell it to stop, and end."""
        while True:
            item = self.outbox.get()
            try:
                if item is None:
                    self.tasks.send(None)
                    return
                first, chunk, inherited = item
                self.tasks.send((first, first + len(chunk)) if inherited
                                else (first, _encoded(chunk)))
            except OSError:  # the worker died: the parent sees it by its pipe and sentinel
                return
            except Exception as exc:  # a chunk that cannot be sent: never a silent wait
                self.failure = exc
                self.process.kill()  # the parent sees the end and raises the failure
                return


def _widen(pipe: "Connection") -> None:
    """A pipe that holds a whole chunk (Linux; 1 MiB, the default most a user may ask for):
    a later batch's chunk of 5,000 posts is about 1.2 MB and its answer 70 KB, which through
    the usual 64 KiB took twenty hand-overs between parent and worker each, and kept a worker
    that had answered waiting for the parent to read."""
    try:
        import fcntl

        fcntl.fcntl(pipe.fileno(), getattr(fcntl, "F_SETPIPE_SZ"), PIPE_BYTES)
    except (ImportError, AttributeError, OSError):  # not Linux, or a lower limit: it still works
        pass


def _rows(posts: Sequence["Post"]) -> str:
    """The posts of a chunk as a user finds them: rows of a calendar (two, when the chunk
    runs from one calendar into the next)."""
    first, last = posts[0], posts[-1]
    if (first.source, first.sheet) == (last.source, last.sheet):
        sheet = f" [{first.sheet}]" if first.sheet else ""
        return f"rows {first.row}–{last.row} of {first.source}{sheet}"
    return f"{first.location()} to {last.location()}"


def _ended(exitcode: int | None) -> str:
    """How a process ended, as ``ps`` and the shell would say it."""
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            return f"killed by signal {-exitcode}"
        return f"killed by signal {-exitcode}, {name}"
    return f"exited with status {exitcode}"


@contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM blocked while workers are forked: they inherit the mask and
    unblock it once their own handlers are set (a signal that reached a worker still running
    the parent's handlers raised KeyboardInterrupt or Terminated there, with a traceback). One
    that came meanwhile is raised in the parent when the mask is restored, and the pool is
    stopped."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no signal masks, no fork
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)



def add_finished(runners: Sequence["Runner"], found: dict[int, list["Finding"]]
                 ) -> dict[int, list["Finding"]]:
    """The checks' findings about earlier posts, once every post was seen, after each post's own."""
    for runner in runners:
        for index, finding in runner.finish():
            found.setdefault(index, []).append(finding)
    return found
