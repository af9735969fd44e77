"""Signs of life on long work: the pipeline says what it is doing; only the CLI shows it.

``run_scan`` and the reporters call a ``Progress``; the default is silent, and the CLI passes
a progress bar on stderr when stderr is a terminal (never in pipes, files or with ``-q``).
"""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    """Stages of known length, advanced as work is done."""

    def stage(self, label: str, total: int, *, worth_showing: bool) -> None:
        """A new stage of ``total`` steps begins (the previous one is done); the caller knows
        whether it takes long enough to be worth a bar."""

    def advance(self, steps: int = 1) -> None:
        """``steps`` more of the current stage are done."""

    def done(self) -> None:
        """The last stage is done."""


class Silent:
    """No progress shown: for scripts, tests, the nightly runner and pipes."""

    def stage(self, label: str, total: int, *, worth_showing: bool) -> None:
        pass

    def advance(self, steps: int = 1) -> None:
        pass

    def done(self) -> None:
        pass


SILENT = Silent()

WORTH_SHOWING_POSTS = 20_000  # fewer posts are checked or written before a bar would help
WORTH_SHOWING_BYTES = 20 * 2**20  # calendars smaller than this are read in a moment
# calendars smaller than this (some 5,000 to 20,000 posts) are read and checked in a moment
WORTH_SHOWING_CHECK_BYTES = 2**20
