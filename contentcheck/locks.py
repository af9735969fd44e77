"""Locks held by the operating system, through filelock (flock on Unix, msvcrt on Windows):
one watcher per state folder, and one crisis command at a time per crisis file.

A lock held by the kernel rather than a pid file means a crashed watcher never blocks the
next one; the owner file beside the lock says who holds it, only for the message.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType

from filelock import FileLock, Timeout

from contentcheck.errors import ContentcheckError

LOCK_NAME = "watch.lock"
OWNER_NAME = "watch.owner"


class AlreadyRunning(ContentcheckError):
    """Another watcher holds the lock of this state folder."""


class WatchLock:
    """``with WatchLock(state_dir): ...`` runs the body only if no other watcher does."""

    def __init__(self, state_dir: Path) -> None:
        self.path = Path(state_dir) / LOCK_NAME
        self.owner = Path(state_dir) / OWNER_NAME
        self._lock = FileLock(self.path, timeout=0)

    def acquire(self) -> None:
        _make_folder(self.path.parent)
        try:
            self._lock.acquire()
        except Timeout:  # a TimeoutError, so an OSError: caught first
            try:
                holder = self.owner.read_text(encoding="utf-8").strip()
            except OSError:
                holder = ""
            raise AlreadyRunning(f"another watcher is already running for state folder "
                                 f"{self.path.parent} ({holder or 'process unknown'}); "
                                 "not starting a second one") from None
        except OSError as exc:
            raise _unwritable(self.path.parent, exc) from None
        since = datetime.now(timezone.utc).isoformat(timespec="seconds")
        self.owner.write_text(f"pid {os.getpid()}, since {since}\n", encoding="utf-8")

    def release(self) -> None:
        if not self._lock.is_locked:
            return
        with suppress(OSError):
            self.owner.unlink()
        self._lock.release()

    def __enter__(self) -> "WatchLock":
        self.acquire()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.release()


@contextmanager
def exclusive(path: Path, timeout: float = 10.0) -> Iterator[None]:
    """Hold a short lock on ``path`` (waiting up to ``timeout``): two people changing the same
    crisis at once must not lose each other's terms."""
    _make_folder(path.parent)
    lock = FileLock(path, timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise ContentcheckError(f"{path}: still locked after {timeout:g} s; "
                                "is another crisis command stuck?") from None
    except OSError as exc:
        raise _unwritable(path.parent, exc) from None
    try:
        yield
    finally:
        lock.release()


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _unwritable(folder, exc) from None


def _unwritable(folder: Path, exc: OSError) -> ContentcheckError:
    """A state folder that cannot be written is the user's to fix, said in one line."""
    return ContentcheckError(f"{folder}: cannot write in the state folder: {exc.strerror or exc} "
                             "(state_dir in contentcheck.toml or $CONTENTCHECK_STATE_DIR picks "
                             "another)")
