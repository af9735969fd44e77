"""How fast a slow notification peer is given up, and how fast the watcher stops meanwhile.

A trickling SMTP server (a ``220-`` line every 2 s) and a trickling webhook (one header byte
every 2 s) on loopback: each per-read timeout (30 s) is never reached, so only the total
deadline ends the delivery. Then the real watcher, delivering to the trickling SMTP server,
gets SIGTERM: the time to exit is the measure. Loopback only; every server stops by itself.

    python bench/bench_notify.py
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from contentcheck import crisis as crises  # noqa: E402
from contentcheck.nightly.history import History  # noqa: E402
from contentcheck.nightly.notify import CHANNELS, Message, deliver  # noqa: E402
from contentcheck.nightly.notify.smtp import EmailSettings  # noqa: E402
from contentcheck.nightly.notify.webhook import WebhookSettings  # noqa: E402
from tests.conftest import write_csv  # noqa: E402
from tests.helpers_servers import trickling_server  # noqa: E402

DEADLINE = 5.0


def cut_off() -> None:
    for kind in ("smtp", "http"):
        with trickling_server(kind, every=2.0, limit=60) as (_, port):
            if kind == "smtp":
                channel = ("email", EmailSettings(host="127.0.0.1", port=port, security="none",
                                                  sender="a@example.nl", recipients=("b@example.nl",),
                                                  timeout=30, deadline=DEADLINE))
            else:
                channel = ("webhook", WebhookSettings(f"http://127.0.0.1:{port}/hook", timeout=30,
                                                      deadline=DEADLINE))
            start = time.monotonic()
            (result,) = deliver({channel[0]: (CHANNELS[channel[0]], channel[1])}, Message("s", "t"))
            print(f"{kind:<5} trickling every 2 s, deadline {DEADLINE:g} s: given up after "
                  f"{time.monotonic() - start:.2f} s ({result.error})")


def watcher_stop(seconds: float = 30.0) -> None:
    with tempfile.TemporaryDirectory() as folder, trickling_server("smtp", every=2.0, limit=90) as (_, port):
        here = Path(folder)
        crises.start(here / "state", "Trein", "trein*\n", datetime(2026, 1, 1, tzinfo=timezone.utc))
        write_csv(here / "kalender.csv", [["Datum", "Tijd", "Kanaal", "Bericht"],
                                          ["24-11-2026", "12:00", "X", "Met de trein"]])
        (here / "contentcheck.toml").write_text(
            'state_dir = "state"\n[scan]\ncalendars = ["kalender.csv"]\nshipped_lists = false\n'
            'timezone = "Europe/Amsterdam"\n[nightly]\ncrisis_every_minutes = 0.1\n'
            f'notify_retry_minutes = 60\n[notify.email]\nhost = "127.0.0.1"\nport = {port}\n'
            'security = "none"\nsender = "c@example.nl"\nrecipients = ["w@example.nl"]\n'
            'timeout = 30\ndeadline = 3\n', encoding="utf-8")
        child = subprocess.Popen([sys.executable, "-m", "contentcheck.cli.watch", "--now",
                                  "2026-11-24T08:00"], cwd=here, stderr=subprocess.DEVNULL,
                                 env={**os.environ, "CONTENTCHECK_STATE_DIR": str(here / "env")},
                                 start_new_session=True)
        time.sleep(seconds)
        start = time.monotonic()
        child.send_signal(signal.SIGTERM)
        code = child.wait(timeout=60)
        stopped = time.monotonic() - start
        runs = History(here / "state").runs()
        print(f"watcher, crisis check every 6 s, each delivery cut at 3 s: {len(runs)} checks in "
              f"{seconds:g} s; SIGTERM to exit {stopped:.2f} s (exit code {code})")


if __name__ == "__main__":
    cut_off()
    watcher_stop()
