"""Which posts are upcoming: inside the time window and not already published or cancelled."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import regex

from contentcheck.records import Post
from contentcheck.text import fold

# Status words (folded: lower case, no accents) that mean a post will not go out (again).
DONE_STATUSES = (
    "gepubliceerd", "geplaatst", "gepost", "verzonden", "verstuurd", "online", "live",
    "published", "posted", "sent", "delivered",
)
# Paused by the team (or by `contentcheck apply`): it will not go out until someone says so.
PAUSED_STATUSES = ("gepauzeerd", "paused", "pauze", "onhold", "on-hold", "hold")
CANCELLED_STATUSES = (
    "geannuleerd", "geschrapt", "vervallen", "afgeblazen", "verwijderd", "gearchiveerd",
    "cancelled", "canceled", "deleted", "archived", "dropped", "scrapped",
)


_WORDS = regex.compile(r"\p{L}+")


@dataclass(frozen=True)
class Window:
    """From ``start`` (inclusive) to ``end`` (exclusive); ``end=None`` means no end."""

    start: datetime | None
    end: datetime | None

    @classmethod
    def days_ahead(cls, now: datetime, days: float) -> "Window":
        return cls(now, now + timedelta(days=days))

    def contains(self, post: Post) -> bool:
        """Whether the post is due in the window; a whole-day post counts for its whole day."""
        when = post.scheduled_at
        if when is None:
            return True  # undated posts are always shown, with a warning
        if post.all_day:
            after_start = self.start is None or when + timedelta(days=1) > self.start
        else:
            after_start = self.start is None or when >= self.start
        return after_start and (self.end is None or when < self.end)

    def to_dict(self) -> dict[str, str | None]:
        return {"start": self.start.isoformat() if self.start else None,
                "end": self.end.isoformat() if self.end else None}


def status_is_final(status: str | None) -> bool:
    """Published, cancelled or paused, in Dutch or English (``Gepubliceerd ✅``, ``Paused``)."""
    if not status:
        return False
    words = _WORDS.findall(fold(status))  # "✅ Gepubliceerd", "On hold", "Posted (Sprout)"
    if not words:
        return False
    first = words[0] if words[:2] != ["on", "hold"] else "onhold"
    return first in DONE_STATUSES or first in CANCELLED_STATUSES or first in PAUSED_STATUSES


def is_upcoming(post: Post, window: Window) -> bool:
    """In the window and not published or cancelled."""
    return not status_is_final(post.status) and window.contains(post)
