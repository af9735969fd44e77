"""Real servers on localhost for the notification tests: SMTP (aiosmtpd) and HTTP (stdlib).

No mocks of smtplib or urllib: the code under test speaks the real protocols to these.
"""

from __future__ import annotations

import email
import email.policy
import json
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class MailBox:
    """An aiosmtpd handler keeping every message it receives, parsed."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.logins: list[tuple[str, str]] = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        message = email.message_from_bytes(envelope.original_content or envelope.content,
                                           policy=email.policy.default)
        with self._lock:
            self.messages.append(message)  # type: ignore[arg-type]
        return "250 Message accepted for delivery"

    def wait_for(self, count: int, timeout: float = 20.0) -> list[EmailMessage]:
        """Wait (bounded) until ``count`` messages arrived; fail the test otherwise."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if len(self.messages) >= count:
                    return list(self.messages)
            time.sleep(0.05)
        pytest.fail(f"expected {count} e-mails within {timeout}s, got {len(self.messages)}")


@contextmanager
def smtp_server(*, tls_cert: tuple[Path, Path] | None = None, password: str | None = None,
                port: int | None = None) -> Iterator[tuple[MailBox, int]]:
    """An SMTP server on 127.0.0.1 (STARTTLS with ``tls_cert``, AUTH with ``password``; on
    ``port`` to bring back a server that was down)."""
    import ssl

    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    box = MailBox()
    kwargs: dict[str, Any] = {}
    if tls_cert is not None:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(str(tls_cert[0]), str(tls_cert[1]))
        kwargs.update(tls_context=context, require_starttls=True)
    if password is not None:
        def authenticate(server: Any, session: Any, envelope: Any, mechanism: str,
                         auth_data: Any) -> AuthResult:
            ok = isinstance(auth_data, LoginPassword) and auth_data.password.decode() == password
            if ok:
                box.logins.append((auth_data.login.decode(), auth_data.password.decode()))
            return AuthResult(success=ok)

        kwargs.update(authenticator=authenticate, auth_require_tls=tls_cert is not None)
    port = port or free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port, ready_timeout=10, **kwargs)
    controller.start()
    try:
        yield box, port
    finally:
        controller.stop()


def self_signed_cert(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1/localhost made with the openssl tool (skip if missing)."""
    if shutil.which("openssl") is None:
        pytest.skip("the openssl tool is needed to make a test certificate")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                    "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True, timeout=60)
    return cert, key


class Hook:
    """What the HTTP server received, and the status it answers with."""

    def __init__(self, status: int = 200) -> None:
        self.status = status
        self.requests: list[dict[str, Any]] = []

    def wait_for(self, count: int, timeout: float = 20.0) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and len(self.requests) < count:
            time.sleep(0.05)
        assert len(self.requests) >= count, f"expected {count} webhook calls, got {len(self.requests)}"
        return list(self.requests)


@contextmanager
def http_server(status: int = 200) -> Iterator[tuple[Hook, str]]:
    """An HTTP server on 127.0.0.1 recording JSON POSTs; yields the hook and its URL."""
    hook = Hook(status)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers.get("Content-Length", 0))
            body = self.rfile.read(length)
            hook.requests.append({"path": self.path, "content_type": self.headers.get("Content-Type"),
                                  "json": json.loads(body.decode("utf-8"))})
            self.send_response(hook.status)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
            pass

    with serving(Handler) as base:
        yield hook, f"{base}/hooks/T000/secret-token"


@contextmanager
def serving(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """A threaded HTTP server on 127.0.0.1 with this handler; yields its base URL, then stops."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


class Trickle:
    """What a trickling server saw: a connection, and whether the client hung up on it."""

    def __init__(self) -> None:
        self.connected = threading.Event()
        self.hung_up = threading.Event()


@contextmanager
def trickling_server(kind: str, *, every: float = 0.3,
                     limit: float = 30.0) -> Iterator[tuple[Trickle, int]]:
    """A loopback server that never finishes its answer, each piece well within any read
    timeout: ``smtp`` greets with a ``220-`` continuation line every ``every`` seconds, ``http``
    reads the request and answers one header byte at a time. Bounded: each connection stops
    after ``limit`` seconds, and everything stops when the test leaves the block."""
    trickle, done = Trickle(), threading.Event()
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.1)

    def pieces() -> Iterator[bytes]:
        if kind == "smtp":
            while True:
                yield b"220-slow.example still greeting\r\n"
        yield from (bytes([b]) for b in b"HTTP/1.1 200 OK\r\n")
        while True:
            yield from (bytes([b]) for b in b"X-Slow: 1\r\n")

    def serve(conn: socket.socket) -> None:
        with conn:
            trickle.connected.set()
            if kind == "http":
                conn.settimeout(5)
                request = b""
                while b"\r\n\r\n" not in request:
                    chunk = conn.recv(65536)
                    if not chunk:
                        break
                    request += chunk
            ends = time.monotonic() + limit
            for piece in pieces():
                if done.is_set() or time.monotonic() > ends:
                    return
                try:
                    conn.sendall(piece)
                except OSError:
                    trickle.hung_up.set()
                    return
                done.wait(every)

    def accept() -> None:
        while not done.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield trickle, listener.getsockname()[1]
    finally:
        done.set()
        thread.join(timeout=5)
        listener.close()


class Site:
    """What the link server was asked: (method, path) in order."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str]] = []
        self._lock = threading.Lock()

    def seen(self, method: str, path: str) -> None:
        with self._lock:
            self.requests.append((method, path))


@contextmanager
def link_server(slow_seconds: float = 3.0) -> Iterator[tuple[Site, str]]:
    """A web site on 127.0.0.1 for the link check; yields what it saw and its base URL.

    ``/ok`` 200; ``/gone`` 404; ``/home-redirect`` 301 to ``/``; ``/moved`` 302 to ``/ok``;
    ``/no-head`` 405 to HEAD, 200 to GET; ``/slow`` answers after ``slow_seconds``; ``/`` 200.
    """
    site = Site()

    class Handler(BaseHTTPRequestHandler):
        def _answer(self, body: bool) -> None:
            site.seen(self.command, self.path)
            path = self.path.split("?")[0]
            if path == "/slow":
                time.sleep(slow_seconds)
            if path == "/home-redirect":
                self.send_response(301)
                self.send_header("Location", "/")
            elif path == "/moved":
                self.send_response(302)
                self.send_header("Location", "/ok")
            elif path in ("/", "/ok", "/slow") or (path == "/no-head" and body):
                self.send_response(200)
            elif path == "/no-head":
                self.send_response(405)
            else:
                self.send_response(404)
            self.send_header("Content-Length", "2" if body else "0")
            self.end_headers()
            if body:
                self.wfile.write(b"ok")

        def do_HEAD(self) -> None:  # noqa: N802
            self._answer(body=False)

        def do_GET(self) -> None:  # noqa: N802
            self._answer(body=True)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    with serving(Handler) as base:
        yield site, base
