"""Errors a user can cause. The CLI turns each into one line on stderr and exit code 2."""

from __future__ import annotations


class ContentcheckError(Exception):
    """Base class: a problem with the user's input or settings, never a bug."""


class CalendarError(ContentcheckError):
    """A calendar that cannot be read, with the place where reading failed."""

    def __init__(self, path: str, message: str, *, sheet: str | None = None,
                 row: int | None = None, column: str | None = None) -> None:
        self.path = str(path)
        self.sheet = sheet
        self.row = row
        self.column = column
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = [self.path]
        if self.sheet:
            where.append(f"sheet {self.sheet!r}")
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column!r}")
        return f"{', '.join(where)}: {self.message}"


class TermFileError(ContentcheckError):
    """A word list or crisis file with a line that cannot be read."""

    def __init__(self, path: str, message: str, *, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}, line {self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


class SettingsError(ContentcheckError):
    """An option or config value that makes no sense (bad timezone, bad date...)."""


class WorkerError(ContentcheckError):
    """A process checking posts for the scan died (the out-of-memory killer, ``kill -9``, a
    crash in a C extension): its posts were not checked, so the scan stops rather than wait
    for them or report without them."""
