"""Reading TOML and writing files atomically: written once, for reports, copies and state.

Every file contentcheck writes goes through ``write_atomically``, so a reader (a reviewer's
Excel, a watcher reading the state folder) never sees half a file, and a crash leaves the old
file as it was.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from contentcheck.errors import ContentcheckError


MAX_TEXT_BYTES = 64 << 20  # a config, crisis file or word list is far smaller


def read_regular(path: Path, limit: int = MAX_TEXT_BYTES) -> bytes:
    """A small input file's bytes: only a regular file, at most ``limit`` bytes. A FIFO, a
    device (``/dev/zero``) or a socket raises OSError before it is read, since it may never
    start or never end (opened without blocking, checked through the open handle); a folder
    raises IsADirectoryError. The callers name the file in their own one-line error."""
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(handle, "rb") as stream:
        info = os.fstat(stream.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory, expected a text file")
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "is not a regular file (a pipe, device or socket); "
                          "give a saved file")
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"is larger than {limit >> 20} MiB")
    return data


def read_toml(text: str) -> dict[str, Any]:
    """Parse TOML text; ValueError (``tomllib.TOMLDecodeError``) on bad TOML."""
    import tomllib

    return tomllib.loads(text)


def _file_mode(path: Path) -> int:
    """The mode a new file would get (mkstemp makes it private), or the replaced file's own."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomically(path: Path, write: Callable[[Path], None], *, what: str = "the report") -> None:
    """Let ``write`` fill a temporary file beside ``path``, then move it into place in one step.

    The file gets the mode a new file would get (or the replaced file's), not mkstemp's private
    0600: a team shares reports and crisis files."""
    move_into_place(stage(path, write, what=what), path, what=what)


def stage(path: Path, write: Callable[[Path], None], *, what: str = "the report") -> Path:
    """``write_atomically``'s first step: the temporary file beside ``path``, filled and given
    its mode; removed again when ``write`` fails. Several files staged first and moved into
    place after are all written or none (apply's copies of several calendars)."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise ContentcheckError(f"{path}: folder {directory} does not exist")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise ContentcheckError(f"{path}: cannot write {what}: {exc.strerror or exc}") from None
    os.close(handle)
    temp = Path(temp_name)
    try:
        with _as_contentcheck_error(path, what):
            write(temp)
            os.chmod(temp, _file_mode(path))
    except BaseException:
        with suppress(FileNotFoundError):
            temp.unlink()
        raise
    return temp


def move_into_place(temp: Path, path: Path, *, what: str = "the report") -> None:
    """``write_atomically``'s last step: the staged file replaces ``path`` in one step (the
    temporary file is gone either way)."""
    try:
        with _as_contentcheck_error(path, what):
            os.replace(temp, path)
    finally:
        with suppress(FileNotFoundError):
            temp.unlink()


@contextmanager
def _as_contentcheck_error(path: Path, what: str) -> Iterator[None]:
    try:
        yield
    except PermissionError as exc:  # on Windows: the file is open in Excel, which locks it
        raise ContentcheckError(
            f"{path}: cannot write {what}: {exc.strerror or 'permission denied'}; if it is open "
            "in Excel or another program, close it and run again, or choose another file") from None
    except OSError as exc:
        raise ContentcheckError(f"{path}: cannot write {what}: {exc.strerror or exc}") from None


def write_text_atomically(path: Path, text: str, *, what: str = "the file") -> None:
    """``write_atomically`` for UTF-8 text with ``\\n`` line ends."""
    def fill(temp: Path) -> None:
        with temp.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)

    write_atomically(path, fill, what=what)
