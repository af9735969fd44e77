"""A notification counts only once delivered; a slow peer is cut off at a total deadline.

Real servers on loopback only: aiosmtpd that is down and comes back on the same port, and
trickling SMTP/HTTP servers that never finish an answer (bounded in time)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest

from contentcheck import crisis as crises
from contentcheck.config import load_config
from contentcheck.nightly.config import nightly_settings
from contentcheck.nightly.history import History
from contentcheck.nightly.notify import CHANNELS, Message, deliver
from contentcheck.nightly.notify.smtp import EmailSettings
from contentcheck.nightly.notify.webhook import WebhookSettings
from contentcheck.nightly.schedule_loop import Watcher
from tests.conftest import AMSTERDAM, NOW, write_csv
from tests.helpers_servers import free_port, smtp_server, trickling_server
from tests.test_nightly import ROWS, email_config, run_watch, write_config

pytest.importorskip("aiosmtpd")


def mails_of(box) -> list:
    return list(box.messages)


def test_a_failed_mail_is_not_counted_as_notified_and_goes_out_when_the_server_is_back(
        tmp_path: Path) -> None:
    port = free_port()  # nothing listens there yet: the mail server is down
    config = write_config(tmp_path, 'notify = "new"\n' + email_config(port))
    down = run_watch("--once", "--config", config, "--now", NOW)
    assert down.exit_code == 4, down.stderr
    assert "e-mail via 127.0.0.1" in down.stderr and "failed" in down.stderr
    history = History(tmp_path / "state")
    job = nightly_settings(load_config(config)).job
    assert history.notified_keys(job, "email") == set()
    (failed_run,) = history.runs()
    assert failed_run.ok and failed_run.new == 1
    ((channel, error),) = history.deliveries(failed_run.id)
    assert channel == "email" and "ConnectionRefusedError" in error

    with smtp_server(port=port) as (box, _):
        back = run_watch("--once", "--config", config, "--now", NOW)
        assert back.exit_code == 1, back.stderr
        (mail,) = box.wait_for(1)
        assert "1 new flagged post" in mail["Subject"]
        assert "Met de trein naar de kerstmarkt" in mail.get_body(("plain",)).get_content()
        again = run_watch("--once", "--config", config, "--now", NOW)
        assert again.exit_code == 1
        assert len(mails_of(box)) == 1, "notify = new: told once, not again"
    assert len(history.notified_keys(job, "email")) == 1


def test_each_channel_keeps_what_it_still_owes(tmp_path: Path) -> None:
    """Webhook up, mail down: the chat gets the post once; the mail gets it when it is back."""
    from tests.helpers_servers import http_server

    port = free_port()
    with http_server() as (hook, url):
        config = write_config(tmp_path, 'notify = "new"\n' + email_config(port)
                              + f'[notify.webhook]\nurl = "{url}"\n')
        assert run_watch("--once", "--config", config, "--now", NOW).exit_code == 4
        post, note = hook.wait_for(2)
        assert "1 new flagged post" in post["json"]["text"]
        assert "could not be delivered" in note["json"]["text"]
        with smtp_server(port=port) as (box, _):
            assert run_watch("--once", "--config", config, "--now", NOW).exit_code == 1
            (mail,) = box.wait_for(1)
        assert len(hook.requests) == 2, "the webhook had told it already"
    assert "Met de trein" in mail.get_body(("plain",)).get_content()


def test_the_watcher_backs_off_after_a_failed_notification() -> None:
    """Retries come 'retry' checks later with doubling delays; a success resets them."""
    class Outcome:
        def __init__(self, failed: bool) -> None:
            self.notify_failures = ["e-mail via 127.0.0.1:25 failed: refused"] if failed else []

    reasons: list[str] = []
    delays: list[list[float]] = []

    def check(reason: str) -> Outcome:
        reasons.append(reason)
        delays.append(list(watcher.retry_delays))
        return Outcome(failed=len(reasons) <= 3)

    watcher = Watcher(check, lambda: True, at=(datetime.now(AMSTERDAM).replace(hour=3)).time(),
                      zone=AMSTERDAM, crisis_every_minutes=60, retry_minutes=0.001)
    assert watcher.run(max_runs=4) == 4
    assert reasons == ["crisis", "retry", "retry", "retry"], "first crisis check at start"
    assert delays[1:4] == [[0.06], [0.06, 0.12], [0.06, 0.12, 0.24]]
    assert watcher.retry_delays == [], "a delivered notification ends the back-off"


def slow_email(port: int, deadline: float) -> EmailSettings:
    return EmailSettings(host="127.0.0.1", port=port, security="none", sender="c@example.nl",
                         recipients=("w@example.nl",), timeout=5, deadline=deadline)


def test_an_smtp_server_that_greets_forever_is_cut_off_at_the_deadline() -> None:
    with trickling_server("smtp", every=0.3) as (trickle, port):
        (result,) = deliver({"email": (CHANNELS["email"], slow_email(port, 1.5))}, Message("s", "t"))
        assert trickle.connected.is_set()
        assert trickle.hung_up.wait(5), "the connection was closed, not left hanging"
    assert not result.ok and "1.5 s deadline" in result.error


def test_a_webhook_answering_a_byte_at_a_time_is_cut_off_at_the_deadline() -> None:
    with trickling_server("http", every=0.3) as (trickle, port):
        settings = WebhookSettings(f"http://127.0.0.1:{port}/hooks/T0/secret", timeout=5, deadline=1.5)
        (result,) = deliver({"webhook": (CHANNELS["webhook"], settings)}, Message("s", "t"))
        assert trickle.hung_up.wait(5)
    assert not result.ok and "1.5 s deadline" in result.error and "secret" not in result.line


def test_a_slow_mail_server_neither_holds_up_sigterm_nor_goes_unrecorded(tmp_path: Path) -> None:
    """The watcher is delivering to a server that greets forever (deadline 60 s); SIGTERM ends
    the delivery and the watcher at once, the lock is free, and the failure is in the history."""
    state = tmp_path / "state"
    crises.start(state, "Treinongeluk", "trein*\n", datetime(2026, 1, 1, tzinfo=timezone.utc))
    write_csv(tmp_path / "kalender.csv", ROWS)
    with trickling_server("smtp", every=0.5, limit=90) as (trickle, port):
        config = tmp_path / "contentcheck.toml"
        config.write_text(
            'state_dir = "state"\n[scan]\ncalendars = ["kalender.csv"]\nshipped_lists = false\n'
            'timezone = "Europe/Amsterdam"\n[nightly]\ncrisis_every_minutes = 60\n'
            f'[notify.email]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\n'
            'sender = "c@example.nl"\nrecipients = ["w@example.nl"]\ntimeout = 5\ndeadline = 60\n',
            encoding="utf-8")
        stderr_path = tmp_path / "stderr.txt"
        with stderr_path.open("wb") as stderr:
            child = subprocess.Popen(
                [sys.executable, "-m", "contentcheck.cli.watch", "--config", str(config), "--now", NOW],
                stdout=subprocess.DEVNULL, stderr=stderr, cwd=tmp_path, start_new_session=True)
            try:
                assert trickle.connected.wait(30), stderr_path.read_text()
                time.sleep(0.5)  # the watcher is now inside the endless greeting
                child.send_signal(signal.SIGTERM)
                assert child.wait(timeout=15) == 0
            finally:
                if child.poll() is None:
                    os.killpg(child.pid, signal.SIGKILL)
                    child.wait(timeout=10)
    logged = stderr_path.read_text(encoding="utf-8")
    assert "stopped (a stop was requested) before the delivery finished" in logged
    (run,) = History(state).runs()
    ((channel, error),) = History(state).deliveries(run.id)
    assert channel == "email" and "stop was requested" in error
    assert History(state).notified_keys(run.job, "email") == set(), "still owed"
    from contentcheck.locks import WatchLock

    WatchLock(state).acquire()  # the lock was released


def test_the_readme_documents_every_exit_code_of_watch() -> None:
    from contentcheck.cli.common import ExitCode
    from tests.conftest import documentation

    readme = documentation()
    table = readme.split("`contentcheck watch --once` runs one check")[1].split("`--if-crisis`")[0]
    codes = [int(line.split("|")[1]) for line in table.splitlines() if line.startswith("| ") and
             line.split("|")[1].strip().isdigit()]
    assert codes == sorted(int(code) for code in ExitCode if code < 100)


def test_a_webhook_answering_garbage_is_a_failed_delivery_not_a_crash() -> None:
    """A server that answers something other than HTTP (here: an SMTP greeting)."""
    with trickling_server("smtp", every=0.05, limit=5) as (_, port):
        settings = WebhookSettings(f"http://127.0.0.1:{port}/hook", timeout=5, deadline=5)
        (result,) = deliver({"webhook": (CHANNELS["webhook"], settings)}, Message("s", "t"))
    assert not result.ok and "BadStatusLine" in result.error


class _RefusesOnCall:
    """An aiosmtpd handler whose server refuses one mailbox (full, or gone) and takes the rest."""

    def __init__(self) -> None:
        self.delivered_to: list[str] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address.startswith("oncall@"):
            return "550 5.2.2 mailbox full"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.delivered_to.extend(envelope.rcpt_tos)
        return "250 Message accepted for delivery"


def test_a_mail_refused_for_one_recipient_is_not_counted_as_delivered(tmp_path: Path) -> None:
    """QA: the server took the mail for webcare@ and refused oncall@ (550); smtplib returns the
    refused address instead of raising, and watch counted the post as notified, so the on-call
    person never heard of it and no later run tried again. A mail refused for any recipient is
    a failed delivery, naming the address (exit 4, the posts stay owed)."""
    pytest.importorskip("aiosmtpd")
    from aiosmtpd.controller import Controller

    handler = _RefusesOnCall()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, ready_timeout=10)
    controller.start()
    try:
        config = write_config(tmp_path, (
            f'[notify.email]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\n'
            'sender = "check@example.nl"\n'
            'recipients = ["webcare@example.nl", "oncall@example.nl"]\ntimeout = 5\n'))
        result = run_watch("--once", "--config", config, "--now", NOW)
    finally:
        controller.stop()
    assert handler.delivered_to == ["webcare@example.nl"]
    assert result.exit_code == 4, result.stderr
    assert "oncall@example.nl (550 5.2.2 mailbox full)" in result.stderr
    job = nightly_settings(load_config(config)).job
    assert History(tmp_path / "state").notified_keys(job, "email") == set()


def test_a_redirected_webhook_post_is_not_counted_as_delivered(tmp_path: Path) -> None:
    """QA: a webhook URL answering 301: urllib followed it as a GET without the body, the new
    address answered 200 to that GET, and watch counted the post as notified though nobody saw
    a message. A redirect is a failed delivery that names the new address (without its query,
    where a token may be)."""
    from http.server import BaseHTTPRequestHandler

    from tests.helpers_servers import serving

    posts: list[bytes] = []
    gets: list[str] = []

    class Moved(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            if self.path == "/old":
                self.send_response(301)
                self.send_header("Location", "/new?token=geheim")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            posts.append(body)
            self._ok()

        def do_GET(self) -> None:  # noqa: N802
            gets.append(self.path)
            self._ok()  # a landing page, as most web servers give

        def _ok(self) -> None:
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, format: str, *args) -> None:
            pass

    with serving(Moved) as base:
        config = write_config(tmp_path, f'[notify.webhook]\nurl = "{base}/old"\n')
        result = run_watch("--once", "--config", config, "--now", NOW)
    assert (posts, gets) == ([], [])
    assert result.exit_code == 4, result.stderr
    assert "redirected to" in result.stderr and "/new" in result.stderr
    assert "geheim" not in result.stderr
    job = nightly_settings(load_config(config)).job
    assert History(tmp_path / "state").notified_keys(job, "webhook") == set()
