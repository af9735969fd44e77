"""What applying decisions does to one post, independent of the calendar's format."""

from __future__ import annotations

from dataclasses import dataclass

from contentcheck.report.labels import Decision
from contentcheck.visible import visible  # the one helper: re-exported for apply
from contentcheck.wording import apply_phrase


@dataclass(frozen=True)
class Change:
    """A post to change in the copy: pause it or give it a new text. ``row`` is Excel's."""

    sheet: str | None
    row: int
    decision: Decision
    new_text: str | None = None

    def where(self, lang: str = "en") -> str:
        return where(self.sheet, self.row, lang)


def where(sheet: str | None, row: int, lang: str = "en") -> str:
    """A calendar row as a person finds it: ``[November] row 4``, or ``row 4`` in a CSV."""
    row_words = apply_phrase(lang, "row", row=row)
    return f"[{visible(sheet)}] {row_words}" if sheet else row_words


def _one_line(text: object) -> str:
    """The text on one line, safe for a terminal; a byte the file's encoding could not read
    (kept as a surrogate) is shown as "?"."""
    return visible(" ".join(str(text or "").encode("utf-8", "replace").decode("utf-8").split()))


def shorten(text: object, width: int = 60) -> str:
    """One line of at most ``width`` characters, for the change log."""
    value = _one_line(text)
    return value if len(value) <= width else value[: width - 3] + "..."


def quoted(text: object, width: int = 60) -> str:
    """``shorten`` in quotes, for the log (not repr: it would double the escapes)."""
    return f"'{shorten(text, width)}'"


def changed_part(old: object, new: object, width: int = 60) -> tuple[str, str]:
    """The part of two texts that differs, with a little context, each at most about
    ``width`` characters: a change at character 200 is shown, not cut off before it."""
    before, after = _one_line(old), _one_line(new)
    if len(before) <= width and len(after) <= width:
        return before, after
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end = 0
    while (end < min(len(before), len(after)) - start
           and before[len(before) - 1 - end] == after[len(after) - 1 - end]):
        end += 1
    context = 20
    left = max(0, start - context)
    return (_window(before, left, len(before) - end, width),
            _window(after, left, len(after) - end, width))


def _window(text: str, left: int, right: int, width: int) -> str:
    """``text[left:right]`` widened by a little context, "..." where it was cut."""
    right = min(len(text), max(right + 20, left + 30))
    piece = text[left:right]
    if len(piece) > width:
        piece = piece[: width - 3] + "..."
    elif right < len(text):
        piece += "..."
    return ("..." if left else "") + piece
