"""A scan in several processes writes the same report, byte for byte, as a scan in one.

Real files (a cp1252 CSV and an openpyxl workbook), real worker processes; the chunk size is
made small so a calendar of a few hundred posts is cut into many chunks.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from contentcheck import workers
from tests.conftest import NOW, children_of, run, write_csv, write_xlsx

CRISIS = Path(__file__).parent.parent / "samples" / "crisis-treinongeluk.txt"
TEXTS = [
    "Met de trein naar de kerstmarkt? Plan je reis op tijd.",  # a crisis term
    "Killer deals dit weekend in al onze winkels!",  # a word list
    "Nieuwe wintercollectie: warme truien voor het hele gezin.",
    "Wist u dat wij ook op zondag open zijn?",  # tone of voice: u
    "Heb jij je verlanglijstje al klaar?",  # tone of voice: je
    "Win een cadeaubon van 50 euro: deel deze post.",
    "Helaas, helaas: de winkel is dicht. Onze excusses voor het ongemak.",  # spelling
]
CHANNELS = ["Instagram", "Facebook", "LinkedIn"]


def _rows(count: int, start: dt.datetime) -> list[list[object]]:
    rows: list[list[object]] = [["Datum", "Tijd", "Kanaal", "Tekst", "Eigenaar"]]
    for number in range(count):
        moment = start + dt.timedelta(minutes=17 * number)
        text = f"{TEXTS[number % len(TEXTS)]} ({number})"
        if number % 97 == 0:  # the same post twice, far apart: in different chunks
            text = "Dubbel ingepland: onze kerstactie start vandaag!"
        rows.append([f"{moment:%d-%m-%Y}", f"{moment:%H:%M}", CHANNELS[number % 3], text,
                     "Sanne"])
    return rows


@pytest.fixture
def calendars(tmp_path: Path) -> list[Path]:
    start = dt.datetime(2026, 11, 24, 9, 0)
    csv_path = write_csv(tmp_path / "kalender.csv", _rows(900, start))
    xlsx_path = write_xlsx(tmp_path / "tweede.xlsx", {"Planning": _rows(700, start)})
    return [csv_path, xlsx_path]


def _report(tmp_path: Path, calendars: list[Path], jobs: int, *extra: str) -> bytes:
    out = tmp_path / f"report-{jobs}-{len(extra)}.json"
    result = run("scan", *calendars, "--now", NOW, "--timezone", "Europe/Amsterdam", "--all",
                 "--format", "json", "-o", out, "--jobs", str(jobs), *extra)
    assert result.exit_code == 1, result.output  # posts are flagged
    return out.read_bytes()


@pytest.mark.parametrize("crisis", [False, True], ids=["lists", "crisis"])
def test_several_processes_write_the_same_report(tmp_path: Path, calendars: list[Path],
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 crisis: bool) -> None:
    monkeypatch.setattr(workers, "CHUNK", 150)  # 1,600 posts: 11 chunks
    extra = ("--crisis", str(CRISIS)) if crisis else ()
    one = _report(tmp_path, calendars, 1, *extra)
    two = _report(tmp_path, calendars, 2, *extra)
    three = _report(tmp_path, calendars, 3, *extra)
    assert one == two == three
    assert b'"check":"duplicate-post"' in one  # the check across posts found the far-apart twins
    assert (b'"crisis":true' in one) is crisis


def test_every_check_on_gives_the_same_report(tmp_path: Path, calendars: list[Path],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Tone of voice (across posts, per channel) and spelling (per post) switched on too."""
    monkeypatch.setattr(workers, "CHUNK", 150)
    config = tmp_path / "contentcheck.toml"
    config.write_text("[checks.tone-of-voice]\nenabled = true\n\n"
                      "[checks.spelling]\nenabled = true\n", encoding="utf-8")
    one = _report(tmp_path, calendars, 1, "--config", str(config))
    assert _report(tmp_path, calendars, 2, "--config", str(config)) == one
    for check in ("tone-of-voice", "spelling", "duplicate-post"):
        assert f'"check":"{check}"'.encode() in one, check


def test_spawned_workers_build_their_own_checks(tmp_path: Path, calendars: list[Path],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the platform cannot fork, each worker compiles the checks itself: same report."""
    monkeypatch.setattr(workers, "CHUNK", 400)
    one = _report(tmp_path, calendars, 1, "--crisis", str(CRISIS))
    monkeypatch.setattr(workers, "_method", lambda: "spawn")
    assert _report(tmp_path, calendars, 2, "--crisis", str(CRISIS)) == one


def test_workers_are_capped_at_the_chunks_of_work() -> None:
    assert workers.workers_for(8, 60) == 1  # a small calendar: no pool at all
    assert workers.workers_for(8, workers.CHUNK * 3) == 3
    assert workers.workers_for(2, workers.CHUNK * 10) == 2
    assert workers.workers_for(None, workers.CHUNK * 1000) == workers.available_cores()


def test_jobs_below_one_is_refused(tmp_path: Path, calendars: list[Path]) -> None:
    result = run("scan", calendars[0], "--jobs", "0")
    assert result.exit_code == 2
    assert "--jobs" in result.output
    config = tmp_path / "contentcheck.toml"
    config.write_text("[scan]\njobs = 0\n", encoding="utf-8")
    result = run("scan", calendars[0], "--config", config)
    assert result.exit_code == 2
    assert "[scan] jobs must be 1 or more" in result.output


def test_one_pool_checks_every_batch_with_the_same_report(tmp_path: Path, calendars: list[Path],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of 300 posts (1,600 posts in all): the first batch's posts are inherited by the
    forked workers, the later ones are sent to the same workers; one pool, the same report."""
    from contentcheck import scan

    monkeypatch.setattr(workers, "CHUNK", 100)
    one = _report(tmp_path, calendars, 1, "--crisis", str(CRISIS))
    started: list[int] = []
    real = workers.CheckPool.__init__

    def counted(self: workers.CheckPool, *args: object, **kwargs: object) -> None:
        started.append(1)
        real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(workers.CheckPool, "__init__", counted)
    monkeypatch.setattr(scan, "POOL_BATCH", 300)
    assert _report(tmp_path, calendars, 2, "--crisis", str(CRISIS)) == one
    assert started == [1]


def test_posts_sent_to_a_worker_arrive_equal() -> None:
    """What a later batch sends through the pipe: every field of a post, the zone of its
    moment the same object."""
    from zoneinfo import ZoneInfo

    from contentcheck.records import Post, PostField

    zone = ZoneInfo("Europe/Amsterdam")
    posts = [
        Post("kalender.csv", None, 2, dt.datetime(2026, 11, 24, 9, 0, tzinfo=zone), "Instagram",
             "Gepland", (PostField("Tekst", "Met de trein"), PostField("Hashtags", "#kerst")),
             (), (("Eigenaar", "Sanne"),), False),
        Post("tweede.xlsx", "Planning", 7, None, None, None, (PostField("Tekst", "Zonder datum"),),
             ("column 'Datum' is empty: the post has no date",), (), True),
    ]
    import pickle

    back = workers._decoded(pickle.loads(pickle.dumps(workers._encoded(posts))))  # the pipe
    assert back == posts
    assert back[0].scheduled_at.tzinfo is zone and isinstance(back[0].fields[0], PostField)
    assert back[0].fields[1].name == "Hashtags" and back[1].warnings == posts[1].warnings


# A worker that dies -------------------------------------------------------------------------
# The OOM killer, `kill -9` or a crash in a C extension ends a worker without a word; the scan
# used to wait for its answer for ever (multiprocessing.Pool forked a new worker and lost the
# chunk). Now: exit 2, one line naming the process, how it ended and the rows, no report, no
# temporary files, no process left.


def _gone(pid: int) -> bool:
    """The process has ended (a zombie waiting for a parent that is not ours counts)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] in "ZX"
    except OSError:
        return True


def _big_calendar(tmp_path: Path, posts: int) -> Path:
    rows: list[list[object]] = [["Datum", "Tijd", "Kanaal", "Bericht"]]
    rows += [[f"{24 + n % 6}-11-2026", f"{8 + n % 12}:{n % 60:02d}", CHANNELS[n % 3],
              f"{TEXTS[n % len(TEXTS)]} ({n})"] for n in range(posts)]
    return write_csv(tmp_path / "kalender.csv", rows)


def _scan_process(tmp_path: Path, calendar: Path, scratch: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", "from contentcheck.cli import main; main()", "scan",
         str(calendar), "--all", "--term", "trein", "-q", "--jobs", "2",
         "-o", str(tmp_path / "out.json")],
        env={**os.environ, "TMPDIR": str(scratch)}, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True, start_new_session=True)


def _workers_of(child: subprocess.Popen[str]) -> list[int]:
    deadline = time.monotonic() + 60
    while len(found := children_of(child.pid)) < 2:
        assert child.poll() is None and time.monotonic() < deadline, "no workers started"
        time.sleep(0.01)
    return found


def _ended(child: subprocess.Popen[str], timeout: float = 60) -> str:
    """The scan's stderr once it has ended; killed (and the test failed) if it hangs."""
    try:
        return child.communicate(timeout=timeout)[1]
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()
        pytest.fail("the scan hung")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_a_worker_killed_mid_scan_stops_the_scan_with_one_line(tmp_path: Path) -> None:
    """`kill -9` of one worker of a real `--jobs 2` scan, as the OOM killer does."""
    calendar = _big_calendar(tmp_path, 60_000)  # 12 chunks
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    child = _scan_process(tmp_path, calendar, scratch)
    victim, other = _workers_of(child)
    os.kill(victim, signal.SIGKILL)
    stderr = _ended(child)
    assert child.returncode == 2, stderr
    found = re.fullmatch(r"contentcheck: error: worker process (\d+) died \(killed by signal 9, "
                         r"SIGKILL\) while checking rows (\d+)–(\d+) of (.+): the scan "
                         r"stopped, no report was written; if memory ran out, fewer --jobs "
                         r"use less\n", stderr)
    assert found, stderr
    pid, first, last, source = found.groups()
    assert int(pid) == victim and source == str(calendar)
    first_row, last_row = int(first), int(last)
    assert (first_row - 2) % workers.CHUNK == 0 and last_row == first_row + workers.CHUNK - 1
    assert _gone(victim) and _gone(other)  # the other worker was stopped and reaped
    assert not (tmp_path / "out.json").exists()
    assert list(scratch.iterdir()) == []


def _dies_at(monkeypatch: pytest.MonkeyPatch, index: int, die: Callable[[], object]) -> None:
    """The worker that gets post ``index`` of the scan calls ``die`` before checking it
    (forked workers inherit the patch)."""
    real = workers._check_chunk

    def checking(task: tuple[int, object]) -> object:
        first, chunk = task
        end = chunk if isinstance(chunk, int) else first + len(chunk)  # type: ignore[arg-type]
        if first <= index < end:
            die()
        return real(task)  # type: ignore[arg-type]

    monkeypatch.setattr(workers, "_check_chunk", checking)


def _small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks of 100 posts, batches of 300 (the fourth batch and later are sent to the
    workers, not inherited), posts read 25 at a time."""
    from contentcheck import scan
    from contentcheck.calendar import posts

    monkeypatch.setattr(workers, "CHUNK", 100)
    monkeypatch.setattr(scan, "POOL_BATCH", 300)
    monkeypatch.setattr(posts, "CHUNK", 25)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_a_worker_that_dies_on_a_later_batch_names_its_rows(
        tmp_path: Path, calendars: list[Path], scratch: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Post 1,000 of the scan is row 102 of the workbook (900 posts in the CSV first), in
    the fourth batch: its chunk, rows 102–201, was sent to a warm worker that dies."""

    _small_batches(monkeypatch)
    _dies_at(monkeypatch, 1000, lambda: os.kill(os.getpid(), signal.SIGKILL))
    before = set(children_of(os.getpid()))
    out = tmp_path / "report.json"
    result = run("scan", *calendars, "--now", NOW, "--all", "--format", "json", "-o", out,
                 "--jobs", "2")
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("contentcheck: error: worker process ")
    assert line.endswith(f" died (killed by signal 9, SIGKILL) while checking rows 102–201 of "
                         f"{calendars[1]} [Planning]: the scan stopped, no report was "
                         "written; if memory ran out, fewer --jobs use less")
    assert not out.exists() and list(scratch.iterdir()) == []
    assert set(children_of(os.getpid())) == before  # every worker reaped


def test_a_worker_that_exits_is_named_with_its_status(
        tmp_path: Path, calendars: list[Path], scratch: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _small_batches(monkeypatch)
    _dies_at(monkeypatch, 150, lambda: os._exit(70))  # a C library calling exit()
    result = run("scan", *calendars, "--now", NOW, "--all", "--format", "json", "-o",
                 tmp_path / "report.json", "--jobs", "2")
    assert result.exit_code == 2
    assert result.stderr.endswith(f" died (exited with status 70) while checking rows 102–201 "
                                  f"of {calendars[0]}: the scan stopped, no report was "
                                  "written\n")
    assert list(scratch.iterdir()) == []


class _Unpicklable(Exception):
    def __init__(self, text: str, *, where: str) -> None:  # keyword-only: pickle loses it
        super().__init__(f"{text} at {where}")


@pytest.mark.parametrize("error,shown", [
    (lambda: ValueError("a check broke"), "ValueError: a check broke"),
    (lambda: _Unpicklable("a check broke", where="post 1000"),
     "RuntimeError: _Unpicklable: a check broke at post 1000"),
], ids=["plain", "unpicklable"])
def test_an_error_in_a_worker_is_raised_as_in_one_process(
        tmp_path: Path, calendars: list[Path], scratch: Path, monkeypatch: pytest.MonkeyPatch,
        error: Callable[[], Exception], shown: str) -> None:
    """A check that raises in a worker: the parent raises it (an internal error, exit 3),
    the other workers stop; nothing waits for the chunk that failed."""
    def fail() -> None:
        raise error()

    _small_batches(monkeypatch)
    _dies_at(monkeypatch, 1000, fail)
    result = run("scan", *calendars, "--now", NOW, "--all", "--format", "json", "-o",
                 tmp_path / "report.json", "--jobs", "2")
    assert result.exit_code == 3
    assert result.stderr == (f"contentcheck: internal error: {shown} (set CONTENTCHECK_DEBUG=1 "
                             "for details)\n")
    assert not (tmp_path / "report.json").exists() and list(scratch.iterdir()) == []


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.parametrize("signum,code,line", [(2, 130, "contentcheck: interrupted"),
                                              (15, 143, "contentcheck: terminated")],
                         ids=["ctrl-c", "sigterm"])
def test_a_signal_to_the_whole_scan_stops_it_cleanly(tmp_path: Path, signum: int, code: int,
                                                     line: str) -> None:
    """Ctrl-C in a terminal (SIGINT) and `timeout`/`systemctl stop` (SIGTERM) signal every
    process of the scan, its workers too: the documented exit code, one line, no worker
    traceback, no process and no temporary file left."""

    calendar = _big_calendar(tmp_path, 60_000)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    child = _scan_process(tmp_path, calendar, scratch)
    pids = _workers_of(child)
    os.killpg(child.pid, signum)
    stderr = _ended(child)
    assert (child.returncode, stderr) == (code, f"{line}\n")
    assert all(_gone(pid) for pid in pids)
    assert not (tmp_path / "out.json").exists()
    assert list(scratch.iterdir()) == []


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_workers_leave_when_the_scan_itself_is_killed(tmp_path: Path) -> None:
    """`kill -9` of the scan's own process (no clean-up can run there): its workers see their
    pipes end and leave, rather than wait for work for ever."""

    calendar = _big_calendar(tmp_path, 60_000)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    child = _scan_process(tmp_path, calendar, scratch)
    pids = _workers_of(child)
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=60)
    deadline = time.monotonic() + 60
    try:
        while not all(_gone(pid) for pid in pids):
            assert time.monotonic() < deadline, "workers left running"
            time.sleep(0.05)
    finally:
        for pid in pids:
            if not _gone(pid):
                os.kill(pid, signal.SIGKILL)
        child.communicate()  # its stderr, once the workers that shared it are gone


def test_a_chunk_across_two_calendars_is_named_by_both_ends() -> None:
    from contentcheck.records import Post, PostField

    def post(source: str, sheet: str | None, row: int) -> Post:
        return Post(source, sheet, row, None, None, None, (PostField("Tekst", "x"),), (), (),
                    True)

    assert workers._rows([post("a.csv", None, 2), post("a.csv", None, 5001)]) == \
        "rows 2–5001 of a.csv"
    assert workers._rows([post("a.csv", None, 4001), post("b.xlsx", "Planning", 1000)]) == \
        "a.csv row 4001 to b.xlsx [Planning] row 1000"


def test_a_chunk_that_cannot_be_sent_is_an_error_not_a_wait(
        tmp_path: Path, calendars: list[Path], scratch: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The thread that sends a later batch's chunks to a worker fails: the parent raises
    what failed instead of waiting for an answer to a chunk that never left."""
    _small_batches(monkeypatch)
    real = workers._encoded

    def encoded(posts: list[object]) -> object:
        if any(post.row == 150 for post in posts):  # type: ignore[attr-defined]
            raise TypeError("cannot pickle 'generator' object")
        return real(posts)  # type: ignore[arg-type]

    monkeypatch.setattr(workers, "_encoded", encoded)
    before = set(children_of(os.getpid()))
    result = run("scan", *calendars, "--now", NOW, "--all", "--format", "json", "-o",
                 tmp_path / "report.json", "--jobs", "2")
    assert result.exit_code == 3
    assert result.stderr == ("contentcheck: internal error: TypeError: cannot pickle 'generator' "
                             "object (set CONTENTCHECK_DEBUG=1 for details)\n")
    assert list(scratch.iterdir()) == [] and set(children_of(os.getpid())) == before
