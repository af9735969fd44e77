"""Active crises kept in a state folder (PLACEHOLDER API; issue 6 builds the real one).

Every scan uses the terms of all active crises unless told not to.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from contentcheck.terms import TermSet, crisis_terms_from_cli

STATE_ENV = "CONTENTCHECK_STATE_DIR"


@dataclass(frozen=True)
class Crisis:
    """A declared crisis: its terms count from ``started`` until ``until`` or until ended."""

    name: str
    terms: tuple[str, ...]
    started: datetime
    until: datetime | None = None
    ended: datetime | None = None

    def is_active(self, now: datetime) -> bool:
        if self.ended is not None and self.ended <= now:
            return False
        return self.started <= now and (self.until is None or now < self.until)

    def termset(self) -> TermSet:
        return crisis_terms_from_cli(list(self.terms))

    def to_dict(self) -> dict[str, object]:
        return {"name": self.name, "terms": list(self.terms),
                "started": self.started.isoformat(),
                "until": self.until.isoformat() if self.until else None,
                "ended": self.ended.isoformat() if self.ended else None}


def default_state_dir() -> Path:
    """``$CONTENTCHECK_STATE_DIR``, else the per-user state folder."""
    if os.environ.get(STATE_ENV):
        return Path(os.environ[STATE_ENV])
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "contentcheck"


def active_crises(state_dir: Path, now: datetime) -> list[Crisis]:
    """The crises active at ``now`` (placeholder: none until issue 6 lands)."""
    return []
