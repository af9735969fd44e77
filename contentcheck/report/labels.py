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


def _environment_locale(variables: tuple[str, ...]) -> str | None:
    """The first of these locale variables that is set (``nl_nl.utf-8``), lower case."""
    for variable in variables:
        value = os.environ.get(variable, "")
        if value:
            return value.lower()
    return None


def _python_locale() -> str:
    try:
        return (locale.getlocale()[0] or "").lower()
    except ValueError:
        return ""


def default_language() -> str:
    """Dutch when the user's locale is Dutch (nl_NL, nl_BE; on Windows the display
    language), else English."""
    value = _environment_locale(("LC_ALL", "LC_MESSAGES", "LANG"))
    if value is not None:
        return "nl" if value.startswith("nl") else "en"
    windows = _windows_ui_language()
    if windows is not None:
        return windows
    return "nl" if _python_locale().startswith("nl") else "en"


# languages whose numbers are written 3,5: their Excel splits a CSV at ";", not ","
DECIMAL_COMMA = ("nl", "de", "fr", "es", "it", "pt", "da", "sv", "nb", "no", "fi", "pl", "cs",
                 "sk", "hu", "ro", "ru", "uk", "tr", "el", "id", "bg", "hr", "sl", "lt", "lv", "et")


def csv_delimiter() -> str:
    """``;`` when the user's number locale writes a decimal comma (Dutch Excel reads ``;``),
    else ``,``."""
    code = _environment_locale(("LC_ALL", "LC_NUMERIC", "LANG")) or _python_locale()
    return ";" if code.split("_")[0].split(".")[0] in DECIMAL_COMMA else ","


def parse_decision(text: str) -> Decision | None:
    """A decision as typed in a cell; None for an empty cell; ValueError for anything else."""
    folded = " ".join(str(text).split()).casefold().strip(".!")
    if not folded:
        return None
    if folded in DECISION_ALIASES:
        return DECISION_ALIASES[folded]
    known = ", ".join(sorted({w for words in DECISION_WORDS.values() for w in words.values()}))
    raise ValueError(f"{text!r} is not a decision (use one of: {known})")




