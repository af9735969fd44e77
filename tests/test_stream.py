"""A big scan streams: posts read, checked and decided a chunk at a time, ok verdicts in
temporary files, and the reports the same bytes as when everything fits in memory.

Real files (a cp1252 CSV and an openpyxl workbook with the same posts: twins), run through
the CLI; the chunk sizes are made small so a few hundred posts cross many chunks, runs and
read blocks.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

import pytest

from contentcheck import scan, verdicts, workers
from contentcheck.calendar import ReadOptions, posts, read_calendar, source
from contentcheck.config import Config
from contentcheck.settings import build_scan_settings
from tests.conftest import AMSTERDAM, NOW, children_of, run, write_csv, write_xlsx

TEXTS = [
    "Met de trein naar de kerstmarkt? Plan je reis op tijd.",  # --term trein: pause
    "Killer deals dit weekend in al onze winkels!",  # a shipped word list: review
    "Nieuwe wintercollectie: warme truien voor het hele gezin.",
    "Win een cadeaubon van 50 euro: deel deze post.",
]
CHANNELS = ["Instagram", "Facebook", "LinkedIn"]


def _rows(count: int) -> list[list[object]]:
    start = dt.datetime(2026, 11, 24, 9, 0)
    rows: list[list[object]] = [["Datum", "Tijd", "Kanaal", "Tekst", "Eigenaar"]]
    for number in range(count):
        moment = start + dt.timedelta(minutes=37 * number)
        text = f"{TEXTS[number % len(TEXTS)]} ({number})"
        if number % 97 == 0:  # the same post again, far apart: in different chunks and runs
            text = "Dubbel ingepland: onze kerstactie start vandaag!"
        day = "" if number % 53 == 0 else f"{moment:%d-%m-%Y}"  # undated: a warning each
        rows.append([day, f"{moment:%H:%M}", CHANNELS[number % 3], text, "Sanne"])
    return rows


@pytest.fixture
def calendars(tmp_path: Path) -> list[Path]:
    csv_path = write_csv(tmp_path / "kalender.csv", _rows(600))
    xlsx_path = write_xlsx(tmp_path / "export.xlsx", {"Planning": _rows(450)})
    return [csv_path, xlsx_path]


def _small(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks of 25 posts, 40 verdicts held, pools of 120, blocks of 2 KiB."""
    monkeypatch.setattr(posts, "CHUNK", 25)
    monkeypatch.setattr(verdicts, "HOLD", 40)
    monkeypatch.setattr(scan, "POOL_BATCH", 120)
    monkeypatch.setattr(workers, "CHUNK", 50)
    monkeypatch.setattr(source, "BLOCK", 2048)


def _report(tmp_path: Path, calendars: list[Path], report_format: str, jobs: int,
            name: str, *extra: str) -> bytes:
    suffix = {"json": "json", "csv": "csv", "table": "txt"}[report_format]
    out = tmp_path / f"{name}.{suffix}"
    result = run("scan", *calendars, "--term", "trein", "--now", NOW, "--timezone",
                 "Europe/Amsterdam", "--all", "--format", report_format, "-o", out,
                 "--jobs", str(jobs), *extra)
    assert result.exit_code == 1, result.output  # posts are flagged
    return out.read_bytes()


@pytest.mark.parametrize("report_format,extra", [("json", ()), ("csv", ()),
                                                 ("table", ()), ("table", ("--show-ok",))])
@pytest.mark.parametrize("jobs", [1, 2])
def test_streamed_scan_writes_the_same_report(tmp_path: Path, calendars: list[Path],
                                              scratch: Path, monkeypatch: pytest.MonkeyPatch,
                                              report_format: str, extra: tuple[str, ...],
                                              jobs: int) -> None:
    whole = _report(tmp_path, calendars, report_format, jobs, "whole", *extra)
    _small(monkeypatch)
    streamed = _report(tmp_path, calendars, report_format, jobs, "streamed", *extra)
    assert streamed == whole
    assert list(scratch.iterdir()) == []  # the temporary runs are gone


def test_moments_past_the_codec_table_come_back_the_same(tmp_path: Path, calendars: list[Path],
                                                       scratch: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The first 100 moments go to disk as numbers in the codec's table, the other 900 or so
    taken apart and rebuilt: the report is the same bytes either way."""
    whole = _report(tmp_path, calendars, "json", 1, "whole")
    _small(monkeypatch)
    monkeypatch.setattr(verdicts, "MOMENTS", 100)
    assert _report(tmp_path, calendars, "json", 1, "streamed") == whole


def test_duplicates_twins_and_warnings_are_found_across_chunks(
        tmp_path: Path, calendars: list[Path], scratch: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _small(monkeypatch)
    report = json.loads(_report(tmp_path, calendars, "json", 1, "streamed"))
    by_row = {(Path(p["source"]).name, p["row"]): p for p in report["posts"]}
    first = by_row[("kalender.csv", 2)]  # post 0: also posts 97, 194 ... (rows 99, 196 ...)
    duplicate = [m for m in first["matches"] if m["check"] == "duplicate-post"]
    assert duplicate and duplicate[0]["details"]["rows"] == "293, 584"  # the same channel only
    assert first["status"] == "review"
    twins = by_row[("kalender.csv", 4)]["twins"]  # post 2 is in both calendars
    assert twins == [f"{calendars[1]} [Planning] row 4"]
    undated = [w for w in report["warnings"] if "is empty: the post has no date" in w]
    assert len(undated) == 12 + 9 and report["summary"]["undated"] == 21
    assert report["summary"]["upcoming"] == 1050 == len(report["posts"])
    statuses = [p["status"] for p in report["posts"]]
    assert statuses == sorted(statuses, key=["pause", "review", "ok"].index)


def test_the_verdicts_wait_on_disk_and_are_removed(calendars: list[Path], scratch: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    _small(monkeypatch)
    settings = build_scan_settings(Config(), calendars=tuple(calendars), terms=("trein",),
                                   all_posts=True, timezone="Europe/Amsterdam", now=NOW, jobs=1)
    result = scan.run_scan(settings)
    stored = result.verdicts
    assert stored.spilled and stored.folder is not None and stored.folder.parent == scratch
    assert len(stored) == 1050 == sum(1 for _ in stored) == sum(1 for _ in stored)  # twice
    assert [id(v) for v in result.flagged] == [id(v) for v in list(stored)[:len(result.flagged)]]
    result.close()
    assert list(scratch.iterdir()) == []


def test_ctrl_c_while_checking_leaves_no_temporary_files(calendars: list[Path], scratch: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    _small(monkeypatch)

    class Interrupted:
        """A person pressing Ctrl-C once the scan has written runs."""

        def stage(self, label: str, total: int, *, worth_showing: bool) -> None:
            pass

        def advance(self, steps: int = 1) -> None:
            if any(scratch.iterdir()):
                raise KeyboardInterrupt

        def done(self) -> None:
            pass

    settings = build_scan_settings(Config(), calendars=tuple(calendars), all_posts=True,
                                   timezone="Europe/Amsterdam", now=NOW, jobs=1)
    with pytest.raises(KeyboardInterrupt):
        scan.run_scan(settings, Interrupted())
    assert list(scratch.iterdir()) == []


def test_a_csv_error_in_a_later_chunk_is_one_line_and_no_report(
        tmp_path: Path, scratch: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _small(monkeypatch)
    rows = _rows(500)
    rows[480][3] = "\x00QUOTE"
    path = write_csv(tmp_path / "kapot.csv", rows)
    path.write_bytes(path.read_bytes().replace(b"\x00QUOTE", b'"nooit gesloten'))
    out = tmp_path / "report.json"
    result = run("scan", path, "--now", NOW, "--all", "--format", "json", "-o", out)
    assert result.exit_code == 2
    assert result.stderr == (f"contentcheck: error: {path}, row 481: is not valid CSV: a quote "
                             "opened on line 481 is never closed, so every row after it would "
                             "be lost\n")
    assert not out.exists() and list(tmp_path.glob("*.json")) == []
    assert list(scratch.iterdir()) == []


def test_the_whole_file_decides_though_it_is_read_in_blocks(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A stray Windows-1252 byte far down a UTF-8 file, and US dates whose order only the
    last rows show, read in blocks of 2 KiB with at most 50 rows waiting for the dates."""
    monkeypatch.setattr(source, "BLOCK", 2048)
    monkeypatch.setattr(posts, "BUFFER_ROWS", 50)
    options = ReadOptions(timezone=AMSTERDAM, reference=dt.date(2026, 11, 24))
    rows = [["Date", "Channel", "Post"]]
    rows += [[f"{1 + n % 12}/1/2027", "X", f"Crème brûlée nummer {n}"] for n in range(300)]
    rows += [["12/24/2026", "X", "Kerstavond: CAFE"]]
    path = write_csv(tmp_path / "us.csv", rows, delimiter=",", encoding="utf-8")
    path.write_bytes(path.read_bytes().replace(b"CAFE", "café".encode("cp1252")))
    calendar = read_calendar(path, options)
    assert calendar.encoding == "utf-8"
    assert calendar.notes == [
        "line(s) 302: bytes that are not UTF-8, read as Windows-1252",
        "dates in column 'Date' are month-first (e.g. '12/24/2026'); read them as such"]
    assert calendar.posts[-1].text == "Kerstavond: café"
    assert calendar.posts[-1].scheduled_at == dt.datetime(2026, 12, 24, tzinfo=AMSTERDAM)
    assert calendar.posts[0].scheduled_at == dt.datetime(2027, 1, 1, tzinfo=AMSTERDAM)
    assert len(calendar.posts) == 301 and calendar.read == 301


def test_a_temporary_folder_that_cannot_be_written_is_one_line(
        tmp_path: Path, calendars: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    _small(monkeypatch)
    missing = tmp_path / "no-such-folder"
    monkeypatch.setattr(tempfile, "tempdir", str(missing))
    out = tmp_path / "report.json"
    result = run("scan", *calendars, "--now", NOW, "--all", "--format", "json", "-o", out)
    assert result.exit_code == 2
    assert result.stderr == (f"contentcheck: error: cannot write the scan's temporary files in "
                             f"{missing}: No such file or directory; point TMPDIR at a folder "
                             "with room\n")
    assert not out.exists()


def _cells(path: Path) -> dict[str, list[list[object]]]:
    import openpyxl

    book = openpyxl.load_workbook(path)
    return {sheet.title: [[cell.value for cell in row] for row in sheet.iter_rows()]
            for sheet in book.worksheets if sheet.title != "_contentcheck"}  # it has a time


def test_the_excel_report_reads_streamed_verdicts_alike(tmp_path: Path, calendars: list[Path],
                                                        scratch: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The Excel report reads the verdicts twice (flagged, then every post) and the flagged
    list: the same cells whether they come from memory or from the runs on disk."""
    def report(name: str) -> dict[str, list[list[object]]]:
        out = tmp_path / f"{name}.xlsx"
        result = run("scan", *calendars, "--term", "trein", "--now", NOW, "--timezone",
                     "Europe/Amsterdam", "--all", "--lang", "en", "-o", out, "--jobs", "1")
        assert result.exit_code == 1, result.output
        return _cells(out)

    whole = report("whole")
    _small(monkeypatch)
    assert report("streamed") == whole
    assert len(whole["All posts"]) < 1050  # the 450 twins are one row each with their pair
    assert list(scratch.iterdir()) == []


def test_a_nightly_check_removes_its_temporary_files(calendars: list[Path], scratch: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The watcher runs for weeks: each check's spilled verdicts go when the check is done,
    not whenever garbage collection gets to them."""
    from contentcheck.config import load_config
    from contentcheck.nightly.config import nightly_settings
    from contentcheck.nightly.runner import run_check

    _small(monkeypatch)
    folder = calendars[0].parent
    config = folder / "contentcheck.toml"
    config.write_text('state_dir = "state"\n[scan]\ncalendars = ["kalender.csv", "export.xlsx"]\n'
                      'timezone = "Europe/Amsterdam"\nshipped_lists = false\ndays = 60\n'
                      '[nightly]\nreport_dir = "reports"\nretries = 0\nreports = ["json"]\n',
                      encoding="utf-8")
    loaded = load_config(config)
    outcome = run_check(nightly_settings(loaded), loaded, scan_now=NOW)
    assert outcome.ok and outcome.result is not None and outcome.result.verdicts.spilled
    assert list(scratch.iterdir()) == []
    (report,) = (folder / "reports").glob("*.json")
    document = json.loads(report.read_text(encoding="utf-8"))
    assert len(document["posts"]) == document["summary"]["upcoming"] > 40 * 10  # spilled runs


def test_sigterm_mid_scan_cleans_up_like_ctrl_c(tmp_path: Path) -> None:
    """`kill`, `timeout` and `systemctl stop` send SIGTERM: the scan stops with exit 143 and
    one line, its spilled verdicts are removed and no worker prints a traceback (the folder
    of 50 MB runs was left behind, and every kill left another)."""
    import os
    import signal
    import subprocess
    import sys
    import time

    rows = [["Datum", "Tijd", "Kanaal", "Bericht"]]
    rows += [[f"{24 + n % 6}-11-2026", f"{8 + n % 12}:{n % 60:02d}", CHANNELS[n % 3],
              f"{TEXTS[n % len(TEXTS)]} ({n})"] for n in range(250_000)]
    calendar = write_csv(tmp_path / "groot.csv", rows)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    child = subprocess.Popen(
        [sys.executable, "-c", "from contentcheck.cli import main; main()", "scan", str(calendar),
         "--all", "--term", "trein", "-q", "--jobs", "2", "-o", str(tmp_path / "out.json")],
        env={**os.environ, "TMPDIR": str(scratch)}, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while not any(scratch.glob("contentcheck-scan-*")):  # verdicts are being spilled
            assert child.poll() is None and time.monotonic() < deadline, child.communicate()
            time.sleep(0.02)
        child.send_signal(signal.SIGTERM)
        _, stderr = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == 143, stderr
    assert stderr.strip() == "contentcheck: terminated" and "Traceback" not in stderr
    assert list(scratch.iterdir()) == []
    assert not (tmp_path / "out.json").exists()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_sigterm_to_the_whole_process_group_never_hangs_a_jobs_2_scan(tmp_path: Path) -> None:
    """`timeout` and `systemctl stop` send SIGTERM to every process of the scan, its workers
    too. A worker that died waiting for its next batch held the pool's task-queue lock, and the
    scan's clean-up waited for that lock for ever (QA: 3 of 8 runs hung, also before the
    streamed scan; SIGKILL was needed). Signalled at several moments after the workers start:
    exit 143 and one line every time."""
    import os
    import signal
    import subprocess
    import sys
    import time

    rows = [["Datum", "Tijd", "Kanaal", "Bericht"]]
    rows += [[f"{24 + n % 6}-11-2026", f"{8 + n % 12}:{n % 60:02d}", CHANNELS[n % 3],
              f"{TEXTS[n % len(TEXTS)]} ({n})"] for n in range(40_000)]
    calendar = write_csv(tmp_path / "groot.csv", rows)
    outcomes = []
    for attempt in range(5):
        scratch = tmp_path / f"tmp{attempt}"
        scratch.mkdir()
        child = subprocess.Popen(
            [sys.executable, "-c", "from contentcheck.cli import main; main()", "scan",
             str(calendar), "--all", "--term", "trein", "-q", "--jobs", "2",
             "-o", str(tmp_path / f"out{attempt}.json")],
            env={**os.environ, "TMPDIR": str(scratch)}, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, text=True, start_new_session=True)
        try:
            deadline = time.monotonic() + 60
            while len(children_of(child.pid)) < 2 and child.poll() is None:
                assert time.monotonic() < deadline, "no workers started"
                time.sleep(0.01)
            time.sleep(0.1 * attempt)
            os.killpg(child.pid, signal.SIGTERM)  # as `timeout` and systemd do
            try:
                _, stderr = child.communicate(timeout=30)
                outcomes.append((child.returncode, stderr.strip()))
            except subprocess.TimeoutExpired:
                outcomes.append(("hung", ""))
        finally:
            if child.poll() is None:
                os.killpg(child.pid, signal.SIGKILL)
                child.wait()
        assert list(scratch.iterdir()) == []
    assert all(code in (0, 1, 143) for code, _ in outcomes), outcomes  # 1: done, flagged
    assert all(err in ("", "contentcheck: terminated") for _, err in outcomes), outcomes
