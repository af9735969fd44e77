"""Sending one message on the configured channels, each under a total deadline.

Each delivery runs in a worker thread while the caller waits in short slices: a peer that
trickles bytes is cut off at the deadline, and a stop request (SIGTERM) ends the wait at
once, so a slow server can hold up neither the schedule nor the signal handling. Failures
are returned, never raised: the runner records them and keeps the posts pending.
"""

from __future__ import annotations

import http.client
import logging
import smtplib
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from contentcheck.nightly.notify.base import Channel, Deadline, DeadlineExpired, Message

log = logging.getLogger(__name__)

WAIT_SLICE = 0.05  # seconds between looks at the worker, the deadline and the stop request
AFTER_CUT = 2.0  # seconds a cut-off worker gets to notice its closed socket and end


@dataclass(frozen=True)
class Delivery:
    """How one channel fared with one message."""

    channel: str  # the channel's id: "email", "webhook", ...
    target: str  # safe for logs: no token, no password
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def line(self) -> str:
        return f"{self.target} failed: {self.error}" if self.error else f"{self.target}: delivered"


def send_within(channel: Channel, settings: Any, message: Message,
                stop: threading.Event | None = None) -> None:
    """Run ``channel.send`` under ``settings.deadline``; raise what it raised, or
    ``DeadlineExpired`` when time ran out or ``stop`` was set first."""
    deadline = Deadline(settings.deadline)
    raised: list[BaseException] = []

    def work() -> None:
        try:
            channel.send(settings, message, deadline)
        except BaseException as exc:  # handed to the waiting thread, which decides
            raised.append(exc)

    worker = threading.Thread(target=work, name=f"notify-{channel.ID}", daemon=True)
    worker.start()
    while worker.is_alive() and time.monotonic() < deadline.ends and not (stop and stop.is_set()):
        worker.join(WAIT_SLICE)
    if worker.is_alive():
        deadline.cut()
        worker.join(AFTER_CUT)  # a worker stuck in a name lookup is left behind (a daemon)
        if deadline.is_delivered:
            return  # handed over; only the goodbye was slow
        if stop is not None and stop.is_set():
            raise DeadlineExpired("stopped (a stop was requested) before the delivery finished")
        raise DeadlineExpired(f"no complete answer within the {settings.deadline:g} s deadline")
    if raised and not deadline.is_delivered:
        raise raised[0]


def _send_each(channels: Mapping[str, tuple[Channel, Any]], message: Message,
               stop: threading.Event | None) -> list[Delivery]:
    results = []
    for channel_id, (channel, settings) in channels.items():
        target = channel.target(settings)
        try:
            send_within(channel, settings, message, stop)
            results.append(Delivery(channel_id, target))
            log.info("%s: delivered %r", target, message.subject)
        except (OSError, ValueError, smtplib.SMTPException, http.client.HTTPException) as exc:
            results.append(Delivery(channel_id, target, f"{type(exc).__name__}: {exc}"))
            log.error("notification %s", results[-1].line)  # URLError, SSLError, timeouts ...
        except Exception as exc:  # a bug in a channel is its failed delivery, not a failed run
            results.append(Delivery(channel_id, target, f"internal error: {type(exc).__name__}: {exc}"))
            log.exception("notification %s", results[-1].line)
    return results


def deliver(channels: Mapping[str, tuple[Channel, Any]], message: Message,
            stop: threading.Event | None = None) -> list[Delivery]:
    """Send on every channel; one ``Delivery`` each. When one channel fails and another
    works, the working one also says so: a dead mail server must not go unnoticed just
    because the chat message arrived."""
    results = _send_each(channels, message, stop)
    failed = [r for r in results if not r.ok]
    working = {r.channel: channels[r.channel] for r in results if r.ok}
    if failed and working and not (stop and stop.is_set()):
        _send_each(working, Message(subject="notification failed",
                                    text="A contentcheck notification could not be delivered:\n"
                                         + "".join(f"  {r.line}\n" for r in failed)), stop)
    return results
