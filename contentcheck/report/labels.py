"""Report labels in Dutch and English, and the reviewer's decision words in both.

The language comes from ``--lang``, else the config, else the locale (``nl_*`` -> Dutch).
Decisions are read in either language, whatever the report was written in, so a reviewer who
types "pauze" or "publish" into a Dutch report is understood.
"""

from __future__ import annotations

import locale
import os
import sys
from enum import Enum


class Decision(str, Enum):
    """What the reviewer decided for a post."""

    PAUSE = "pause"
    CHANGE = "change"
    PUBLISH = "publish"


DECISION_WORDS = {
    "nl": {Decision.PAUSE: "pauzeren", Decision.CHANGE: "aanpassen", Decision.PUBLISH: "publiceren"},
    "en": {Decision.PAUSE: "pause", Decision.CHANGE: "change", Decision.PUBLISH: "publish"},
}
# Everything a reviewer may reasonably type, folded to lower case.
DECISION_ALIASES = {
    **{word: decision for words in DECISION_WORDS.values() for decision, word in words.items()},
    "pauze": Decision.PAUSE, "pauzeer": Decision.PAUSE, "stop": Decision.PAUSE,
    "stoppen": Decision.PAUSE, "hold": Decision.PAUSE, "paused": Decision.PAUSE,
    "wijzigen": Decision.CHANGE, "wijzig": Decision.CHANGE, "aanpassing": Decision.CHANGE,
    "edit": Decision.CHANGE, "rewrite": Decision.CHANGE, "herschrijven": Decision.CHANGE,
    "publiceer": Decision.PUBLISH, "ok": Decision.PUBLISH, "akkoord": Decision.PUBLISH,
    "doorgaan": Decision.PUBLISH, "go": Decision.PUBLISH, "approve": Decision.PUBLISH,
    "approved": Decision.PUBLISH, "plaatsen": Decision.PUBLISH,
}
PAUSED_STATUS = {"nl": "Gepauzeerd", "en": "Paused"}



DUTCH_LANGID = 0x13  # the primary language id of Dutch in a Windows LANGID (nl-NL 0x0413, nl-BE 0x0813)


def language_of_langid(langid: int) -> str:
    """A Windows UI language id -> ``nl`` or ``en``."""
    return "nl" if langid & 0x3FF == DUTCH_LANGID else "en"


def _windows_ui_language() -> str | None:
    """The display language of Windows itself: a Dutch office laptop often has no LANG set,
    and Python's locale there may say English while every window on the screen is Dutch."""
    if sys.platform != "win32":
        return None
    try:  # pragma: no cover - Windows only (see README, What is tested)
        import ctypes

        return language_of_langid(ctypes.windll.kernel32.GetUserDefaultUILanguage())
    except (AttributeError, OSError):  # pragma: no cover
        return None


def default_language() -> str:
    """Dutch when the user's locale is Dutch (nl_NL, nl_BE; on Windows the display
    language), else English."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "nl" if value.lower().startswith("nl") else "en"
    windows = _windows_ui_language()
    if windows is not None:
        return windows
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "nl" if code.lower().startswith("nl") else "en"


def parse_decision(text: str) -> Decision | None:
    """A decision as typed in a cell; None for an empty cell; ValueError for anything else."""
    folded = " ".join(str(text).split()).casefold().strip(".!")
    if not folded:
        return None
    if folded in DECISION_ALIASES:
        return DECISION_ALIASES[folded]
    known = ", ".join(sorted({w for words in DECISION_WORDS.values() for w in words.values()}))
    raise ValueError(f"{text!r} is not a decision (use one of: {known})")




