"""A progress bar on stderr, for a person at a terminal: click's, which costs no start-up."""

from __future__ import annotations

import sys
from typing import Any

import click

from contentcheck.progress import SILENT, Progress


class TerminalProgress:
    """One click progress bar per stage, on stderr."""

    def __init__(self) -> None:
        self._bar: Any = None

    def stage(self, label: str, total: int, *, worth_showing: bool) -> None:
        self.done()
        if worth_showing and total > 0:
            self._bar = click.progressbar(length=total, label=label, file=sys.stderr,
                                          show_eta=True, show_percent=True)
            self._bar.__enter__()

    def advance(self, steps: int = 1) -> None:
        if self._bar is not None:
            self._bar.update(steps)

    def done(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None


def for_terminal(quiet: bool) -> Progress:
    """A bar when a person watches stderr, else silence."""
    stream = sys.stderr
    if quiet or stream is None or not stream.isatty():
        return SILENT
    return TerminalProgress()
