"""What every notification channel shares: the message, the channel interface, the deadline.

A channel is a module with ``ID``, ``settings(config, table)`` (checks its config table),
``target(settings)`` (a description safe for logs) and ``send(settings, message, deadline)``.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from contentcheck.config import Config


@dataclass
class Message:
    """What to tell people: a subject line, a plain-text body, files, details for a webhook."""

    subject: str
    text: str
    attachments: list[Path] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)


class Channel(Protocol):
    """A notification channel module (``notify/smtp.py``, ``notify/webhook.py``)."""

    ID: str

    def settings(self, config: "Config", table: dict[str, Any]) -> Any: ...

    def target(self, settings: Any) -> str: ...

    def send(self, settings: Any, message: Message, deadline: "Deadline") -> None: ...


class DeadlineExpired(TimeoutError):
    """The delivery took longer than its total deadline (or the watcher was asked to stop)."""


class Deadline:
    """A total time limit for one delivery, however the peer trickles its bytes.

    A socket timeout is per read: a server sending one byte or one ``220-`` line every two
    seconds never trips it. The channel registers its sockets here; when the time is up the
    waiting side calls ``cut``, which shuts them down so the blocked read returns at once.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.ends = time.monotonic() + seconds
        self.is_cut = False
        self.is_delivered = False
        self._sockets: list[Callable[[], socket.socket | None]] = []
        self._lock = threading.Lock()

    def left(self) -> float:
        """Seconds left; raises once the deadline passed, so no new step starts late."""
        left = self.ends - time.monotonic()
        if left <= 0 or self.is_cut:
            raise DeadlineExpired(f"no complete answer within the {self.seconds:g} s deadline")
        return left

    def timeout(self, per_read: float) -> float:
        """The socket timeout for the next step: the channel's own, never past the deadline."""
        return min(per_read, self.left())

    def watch(self, current_socket: Callable[[], socket.socket | None]) -> None:
        """Register a way to find the connection's socket (it changes on STARTTLS)."""
        with self._lock:
            self._sockets.append(current_socket)
            cut = self.is_cut
        if cut:
            _shut(current_socket())

    def delivered(self) -> None:
        """The message is handed over; what follows (QUIT, reading the answer) may be cut."""
        self.is_delivered = True

    def cut(self) -> None:
        with self._lock:
            self.is_cut = True
            found = [get() for get in self._sockets]
        for sock in found:
            _shut(sock)


def _shut(sock: socket.socket | None) -> None:
    if sock is None:
        return
    try:  # the plain socket call, also for an SSL socket: a blocked read in another thread returns
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except (OSError, ValueError):
        pass
