"""What applying decisions does to one post, independent of the calendar's format."""

from __future__ import annotations

from dataclasses import dataclass

from contentcheck.report.labels import Decision


@dataclass(frozen=True)
class Change:
    """A post to change in the copy: pause it or give it a new text. ``row`` is Excel's."""

    sheet: str | None
    row: int
    decision: Decision
    new_text: str | None = None

    def where(self) -> str:
        return f"[{self.sheet}] row {self.row}" if self.sheet else f"row {self.row}"


def shorten(text: object, width: int = 60) -> str:
    """One line of at most ``width`` characters, for the change log; a byte the file's
    encoding could not read (kept as a surrogate) is shown as "?"."""
    value = " ".join(str(text or "").encode("utf-8", "replace").decode("utf-8").split())
    return value if len(value) <= width else value[: width - 3] + "..."
