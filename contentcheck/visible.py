"""Calendar and user text made safe to print: control characters shown, never obeyed.

Post text, channel names, sheet and file names and crisis names come from files anyone can
write. Printed raw, an escape sequence in them moves the cursor and erases lines (a review post
that wipes the PAUSE post and the crisis banner off the screen), sets the terminal title or
plants a hyperlink; a bidi override reorders what is read. ``visible`` replaces each such
character by a visible stand-in: C0 controls by their Unicode control picture (ESC -> ␛),
the rest by ``<U+XXXX>``. The xlsx escape ``_x001B_`` is already an ESC when a cell is read, so
it is shown the same way. Every place that prints such text (the table, ``explain``, the crisis
commands, error lines, logs, e-mail bodies) goes through this one function.
"""

from __future__ import annotations

import logging
import re

# C0 controls but tab and line feed, DEL, C1 controls; bidi embeddings, overrides and isolates,
# the marks that flip direction, and the Unicode line and paragraph separators
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029"
                     "\u202a-\u202e\u2066-\u2069]")
_UNSAFE_LINES = re.compile("\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f"
                           "\u2028\u2029\u202a-\u202e\u2066-\u2069]")  # keeps \r\n and \n
_NEWLINE = re.compile("\r\n|\n")
NEWLINE_SHOWN = " \u23ce "  # ⏎: a line break inside a one-line field


def _stand_in(found: re.Match[str]) -> str:
    char = found.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ .. ␟: ESC is ␛, CR is ␍
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"<U+{code:04X}>"


def visible(text: object, *, newlines: bool = False) -> str:
    """``text`` with every character that a terminal (or a mail reader) would obey shown
    instead. ``newlines=True`` keeps line breaks, ``\\n`` and ``\\r\\n`` (a log line with a
    traceback, a mail body, a CSV report on the terminal);
    otherwise a break becomes ``⏎``, so one field stays on one line. Tabs are kept."""
    text = str(text)
    if text.isprintable():  # nearly every text: one C-level check
        return text
    if newlines:
        return _UNSAFE_LINES.sub(_stand_in, text)
    return _UNSAFE.sub(_stand_in, _NEWLINE.sub(NEWLINE_SHOWN, text))


class VisibleFormatter(logging.Formatter):
    """A log formatter whose lines show control characters instead of sending them: a log
    is read in a terminal (``tail -f``, ``journalctl``) as often as in an editor."""

    def format(self, record: logging.LogRecord) -> str:
        return visible(super().format(record), newlines=True)
