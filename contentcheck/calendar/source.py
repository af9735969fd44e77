"""A calendar's bytes, read in blocks and as often as a reader needs: from the file (checked
on every open) or from bytes already in memory (standard input, apply's copy).

A text calendar is read as a stream, so 1,000,000 posts never sit in memory as one string;
the file's SHA-256 is computed while it is read.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from contentcheck.errors import CalendarError

MAX_CALENDAR_BYTES = 256 << 20  # far beyond any real calendar; memory stays bounded
BLOCK = 1 << 20  # bytes per read


def open_regular(path: Path) -> BinaryIO:
    """The file opened for reading: only a regular file, and never more than
    MAX_CALENDAR_BYTES.

    A pipe or a device (``/dev/zero``, a FIFO) is refused before it is read, since it may never
    end or never start; the file is opened without blocking and checked through the open
    handle, so a path swapped for a pipe in between is caught too."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise CalendarError(str(path), "no such file") from None
    except PermissionError:
        raise CalendarError(str(path), "cannot be opened: permission denied "
                            "(is it open and locked in another program?)") from None
    except OSError as exc:
        raise CalendarError(str(path), f"cannot be read: {exc.strerror or exc}") from None
    stream = os.fdopen(handle, "rb")
    try:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise CalendarError(str(path), "is not a regular file (a pipe, device or socket); "
                                "give a saved calendar file")
        if info.st_size > MAX_CALENDAR_BYTES:
            raise CalendarError(str(path), f"is {info.st_size >> 20} MiB; a calendar is at most "
                                f"{MAX_CALENDAR_BYTES >> 20} MiB")
    except BaseException:
        stream.close()
        raise
    return stream


def read_capped(path: Path, stream: BinaryIO, size: int) -> bytes:
    """Up to ``size`` bytes; a read error is the user's one-line error."""
    try:
        return stream.read(size)
    except OSError as exc:
        raise CalendarError(str(path), f"cannot be read: {exc.strerror or exc}") from None


class ByteSource:
    """The bytes of one calendar, from the start on every ``blocks()``; ``sha256`` is set once
    a read reached the end."""

    def __init__(self, path: Path, data: bytes | None = None) -> None:
        self.path = path
        self.data = data
        self.sha256 = "" if data is None else hashlib.sha256(data).hexdigest()
        self.read = 0  # bytes read by the latest pass, for a progress bar
        self._identity: tuple[int, int, int] | None = None  # the file as the first pass saw it

    def blocks(self) -> Iterator[bytes]:
        """The bytes in blocks; "is empty" when they hold only white space, and "is larger
        than" when the file grew past the cap while it was read."""
        if self.data is not None:
            for start in range(0, len(self.data), BLOCK):
                self.read = min(start + BLOCK, len(self.data))
                yield self.data[start:start + BLOCK]
            return
        digest = hashlib.sha256()
        total, content = 0, False
        with open_regular(self.path) as stream:
            self._same_file(stream)
            while True:
                block = read_capped(self.path, stream, BLOCK)
                if not block:
                    break
                total += len(block)
                if total > MAX_CALENDAR_BYTES:  # it grew while being read
                    raise CalendarError(str(self.path),
                                        f"is larger than {MAX_CALENDAR_BYTES >> 20} MiB")
                content = content or bool(block.strip())
                digest.update(block)
                self.read = total
                yield block
            self._same_file(stream)
        if not content:
            raise CalendarError(str(self.path), "is empty")
        self.sha256 = digest.hexdigest()

    def _same_file(self, stream: BinaryIO) -> None:
        """A calendar is read in several passes (its head, then all of it, rarely a second
        time); one saved or replaced in between would give posts of two versions under one
        SHA-256. Refuse that: the same inode, size and modification time on every open and
        at the end of every pass."""
        info = os.fstat(stream.fileno())
        identity = (info.st_ino, info.st_size, info.st_mtime_ns)
        if self._identity is None:
            self._identity = identity
        elif identity != self._identity:
            raise CalendarError(str(self.path), "changed while it was being read (saved by "
                                "another program?); check it again")
