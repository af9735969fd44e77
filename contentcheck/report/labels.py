"""Report labels in Dutch and English, and the reviewer's decision words in both.

The language comes from ``--lang``, else the config, else the locale (``nl_*`` -> Dutch).
Decisions are read in either language, whatever the report was written in, so a reviewer who
types "pauze" or "publish" into a Dutch report is understood.
"""

from __future__ import annotations

import locale
import os
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



def default_language() -> str:
    """Dutch when the user's locale is Dutch (nl_NL, nl_BE), else English."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "nl" if value.lower().startswith("nl") else "en"
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




