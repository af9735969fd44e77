"""What apply may be told to do with what nobody decided, and what it reports back."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from contentcheck.errors import ContentcheckError


class Undecided(str, Enum):
    """What happens to a flagged post nobody decided on (``--undecided``)."""

    PAUSE = "pause"  # the report said pause: paused; the report said review: as planned
    PAUSE_ALL = "pause-all"  # review posts paused too
    PUBLISH = "publish"  # as planned (a person chose this by giving the option)


class Unreviewed(str, Enum):
    """What happens to a row apply writes that hits a crisis term nobody reviewed
    (``--unreviewed``); the default is REFUSE for a bulk file, KEEP for a calendar."""

    REFUSE = "refuse"
    PAUSE = "pause"
    KEEP = "keep"


@dataclass
class AppliedCalendar:
    """What apply did with one calendar, and what it did not cover."""

    source: Path
    target: Path | None
    log: list[str] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    undecided: list[str] = field(default_factory=list)
    not_applied: list[str] = field(default_factory=list)
    unreviewed: list[str] = field(default_factory=list)
    unschedule: list[str] = field(default_factory=list)
    recalculate: list[str] = field(default_factory=list)  # formulas for Excel to calculate
    audit: tuple[Path, Path] | None = None
    lang: str = "en"  # the report's language: the log and summary lines speak it

    @property
    def open_items(self) -> int:
        """Posts a person still has to look at: the reason for a non-zero exit."""
        return len(self.undecided) + len(self.not_applied) + len(self.unreviewed)


class Refused(ContentcheckError):
    """Nothing written; ``lines`` name every row behind the refusal."""

    def __init__(self, message: str, lines: list[str], lang: str = "en") -> None:
        super().__init__(message)
        self.lines, self.lang = lines, lang  # the lines are in the report's language
