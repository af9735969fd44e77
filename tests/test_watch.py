"""The watcher as it runs in production: a separate process on a seconds-level schedule,
delivering e-mails to a real SMTP server on localhost, refusing a second watcher, and
stopping cleanly on SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from contentcheck import crisis as crises
from tests.conftest import NOW, write_csv
from tests.helpers_servers import smtp_server

pytest.importorskip("aiosmtpd")

ROWS = [["Datum", "Tijd", "Kanaal", "Bericht"],
        ["24-11-2026", "12:00", "X", "Met de trein naar de kerstmarkt"],
        ["25-11-2026", "12:00", "X", "Oliebollen zijn terug"]]


def watcher_command(config: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "contentcheck.cli.watch", "--config", str(config), "--now", NOW, *args]


@contextmanager
def watcher_process(config: Path, stderr_path: Path) -> Iterator[subprocess.Popen]:
    """The watcher in its own process group, killed whatever happens in the test."""
    with stderr_path.open("wb") as stderr:
        child = subprocess.Popen(watcher_command(config), stdout=subprocess.DEVNULL, stderr=stderr,
                                 cwd=config.parent, start_new_session=True)
        try:
            yield child
        finally:
            if child.poll() is None:
                os.killpg(child.pid, signal.SIGKILL)
                child.wait(timeout=10)


def test_watch_loop_runs_twice_and_mails_only_what_is_new(tmp_path: Path) -> None:
    state = tmp_path / "state"
    crises.start(state, "Treinongeluk", "trein*\n", datetime(2026, 1, 1, tzinfo=timezone.utc))
    write_csv(tmp_path / "kalender.csv", ROWS)
    log = tmp_path / "logs" / "watch.log"
    with smtp_server() as (box, port):
        config = tmp_path / "contentcheck.toml"
        config.write_text(
            f'state_dir = "state"\n[scan]\ncalendars = ["kalender.csv"]\n'
            f'timezone = "Europe/Amsterdam"\nshipped_lists = false\n'
            f'[nightly]\ncrisis_every_minutes = 0.02\nnotify = "new"\nlog_file = "logs/watch.log"\n'
            f'[notify.email]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\n'
            f'sender = "check@example.nl"\nrecipients = ["webcare@example.nl"]\ntimeout = 5\n',
            encoding="utf-8")
        stderr_path = tmp_path / "stderr.txt"
        with watcher_process(config, stderr_path) as child:
            first = box.wait_for(1)[0]
            write_csv(tmp_path / "kalender.csv",
                      ROWS + [["26-11-2026", "09:00", "Instagram", "Treinreis winnen!"]])
            second = box.wait_for(2)[1]

            other = subprocess.run(watcher_command(config, "--once"), capture_output=True,
                                   text=True, timeout=60, cwd=tmp_path)
            assert other.returncode == 2
            assert "another watcher is already running" in other.stderr

            child.send_signal(signal.SIGTERM)
            assert child.wait(timeout=30) == 0
    logged = stderr_path.read_text(encoding="utf-8")
    assert "SIGTERM received: stopping after the current check" in logged
    assert "watcher stopped after" in logged
    assert "watcher stopped after" in log.read_text(encoding="utf-8"), "the rotating log file too"
    # stamped in the job's time zone, with its offset, whatever the server's clock zone is
    stamp = datetime.fromisoformat(log.read_text(encoding="utf-8").split(" INFO ")[0])
    assert stamp.utcoffset() == datetime.now(ZoneInfo("Europe/Amsterdam")).utcoffset()

    for mail in (first, second):
        assert mail["Subject"].strip().startswith("[contentcheck] CRISIS ACTIVE - 1 new flagged post")
        (attachment,) = list(mail.iter_attachments())
        assert attachment.get_filename().endswith(".xlsx")
        assert attachment.get_content()[:2] == b"PK"
    assert "Met de trein naar de kerstmarkt" in first.get_body(("plain",)).get_content()
    body = second.get_body(("plain",)).get_content()
    assert body.startswith("CRISIS ACTIVE (crisis Treinongeluk): trein*")
    assert "Treinreis winnen!" in body and "Met de trein naar de kerstmarkt" not in body
    assert "Still flagged from earlier runs: 1" in body
    reports = sorted((state / "reports").glob("*.xlsx"))
    assert len(reports) >= 2


def test_ctrl_c_stops_the_watcher_cleanly(tmp_path: Path) -> None:
    import time

    write_csv(tmp_path / "kalender.csv", ROWS)
    config = tmp_path / "contentcheck.toml"
    config.write_text('state_dir = "state"\n[scan]\ncalendars = ["kalender.csv"]\n', encoding="utf-8")
    stderr_path = tmp_path / "stderr.txt"
    with watcher_process(config, stderr_path) as child:
        deadline = time.monotonic() + 30
        while "watching:" not in stderr_path.read_text(encoding="utf-8"):
            assert time.monotonic() < deadline and child.poll() is None, stderr_path.read_text()
            time.sleep(0.05)
        child.send_signal(signal.SIGINT)
        assert child.wait(timeout=30) == 0
    logged = stderr_path.read_text(encoding="utf-8")
    assert "SIGINT received" in logged and "watcher stopped after 0 checks" in logged
    assert "Traceback" not in logged


def test_watch_verbose_logs_only_contentcheck_lines(tmp_path: Path) -> None:
    """-v is for contentcheck's own lines; a library's debug chatter (filelock's lock
    messages) would bury them in a log that runs for weeks."""
    write_csv(tmp_path / "kalender.csv", ROWS)
    config = tmp_path / "contentcheck.toml"
    config.write_text('state_dir = "state"\n[scan]\ncalendars = ["kalender.csv"]\n'
                      'shipped_lists = false\n', encoding="utf-8")
    done = subprocess.run(watcher_command(config, "--once", "-v"), capture_output=True,
                          text=True, timeout=60, cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    logged = [line.split()[3] for line in done.stderr.splitlines() if line[:4].isdigit()]
    assert "contentcheck.nightly.runner:" in logged
    assert all(name.startswith("contentcheck") for name in logged), logged
