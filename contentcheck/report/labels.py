"""Report labels in Dutch and English, and the reviewer's decision words in both.

The language comes from ``--lang``, else the config, else the locale (``nl_*`` -> Dutch).
Decisions are read in either language, whatever the report was written in, so a reviewer who
types "pauze" or "publish" into a Dutch report is understood.
"""

from __future__ import annotations

import locale
import os
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from contentcheck.records import Match, Verdict

LANGUAGES = ("nl", "en")


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

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "summary": "Summary", "flagged": "Flagged", "all": "All posts",
        "status": "Status", "date": "Date", "time": "Time", "channel": "Channel",
        "text": "Post text", "other_fields": "Other fields with hits", "terms": "Matched terms",
        "lists": "List / category / severity", "reason": "Why", "suggestion": "Suggestion",
        "file": "File", "sheet": "Sheet", "row": "Row", "decision": "Decision",
        "new_text": "New text", "reviewer": "Reviewer", "note": "Note",
        "pause": "pause", "review": "review", "ok": "ok",
        "title": "contentcheck report", "ran_at": "Checked at", "now": "As of",
        "window": "Window", "window_all": "all posts (--all)", "calendars": "Calendars",
        "crisis": "Active crisis", "no_crisis": "none", "crisis_terms": "Crisis terms",
        "word_lists": "Word lists", "counts": "Posts by status", "by_channel": "Posts by channel",
        "by_day": "Posts by day", "warnings": "Warnings", "no_warnings": "none",
        "count": "Count", "undated": "no date", "total": "Total",
        "how_to": "Fill in Decision (pause / change / publish) and, for change, New text; then run "
                  "`contentcheck apply` on this file to write a corrected copy of the calendar.",
        "crisis_banner": "CRISIS ACTIVE", "flag_reason_crisis": "hits crisis term", "key": "key",
        "hit_fields": "fields with hits",
        "new": "new", "new_since": "New since the previous run",
        "flag_reason_list": "sensitive", "all_day": "whole day",
    },
    "nl": {
        "summary": "Samenvatting", "flagged": "Te beoordelen", "all": "Alle berichten",
        "status": "Status", "date": "Datum", "time": "Tijd", "channel": "Kanaal",
        "text": "Bericht", "other_fields": "Andere velden met treffers", "terms": "Gevonden termen",
        "lists": "Lijst / categorie / ernst", "reason": "Waarom", "suggestion": "Suggestie",
        "file": "Bestand", "sheet": "Tabblad", "row": "Rij", "decision": "Besluit",
        "new_text": "Nieuwe tekst", "reviewer": "Beoordelaar", "note": "Opmerking",
        "pause": "pauze", "review": "beoordelen", "ok": "ok",
        "title": "contentcheck-rapport", "ran_at": "Gecontroleerd op", "now": "Peilmoment",
        "window": "Periode", "window_all": "alle berichten (--all)", "calendars": "Kalenders",
        "crisis": "Actieve crisis", "no_crisis": "geen", "crisis_terms": "Crisistermen",
        "word_lists": "Woordenlijsten", "counts": "Berichten per status",
        "by_channel": "Berichten per kanaal", "by_day": "Berichten per dag",
        "warnings": "Waarschuwingen", "no_warnings": "geen", "count": "Aantal",
        "undated": "geen datum", "total": "Totaal",
        "how_to": "Vul Besluit in (pauzeren / aanpassen / publiceren) en bij aanpassen de Nieuwe "
                  "tekst; draai daarna `contentcheck apply` op dit bestand voor een "
                  "gecorrigeerde kopie van de kalender.",
        "crisis_banner": "CRISIS ACTIEF", "flag_reason_crisis": "raakt crisisterm", "key": "sleutel",
        "hit_fields": "velden met treffers",
        "new": "nieuw", "new_since": "Nieuw sinds de vorige controle",
        "flag_reason_list": "gevoelig", "all_day": "hele dag",
    },
}


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


SEVERITY_WORDS = {"nl": {"low": "laag", "medium": "middel", "high": "hoog", "crisis": "crisis"},
                  "en": {"low": "low", "medium": "medium", "high": "high", "crisis": "crisis"}}


def describe_match(match: "Match", lang: str) -> str:
    """One hit in plain words for a reviewer, in the report's language."""
    from contentcheck.lists.categories import label

    if match.crisis:
        text = (f"'{match.matched}' in {match.field}: crisisterm '{match.term}' ({match.list_name})"
                if lang == "nl" else
                f"'{match.matched}' in {match.field}: crisis term '{match.term}' ({match.list_name})")
    else:
        severity = SEVERITY_WORDS[lang].get(match.severity.value, match.severity.value)
        what = "gevoelig" if lang == "nl" else "sensitive"
        text = (f"'{match.matched}' in {match.field}: {what} ('{match.term}', "
                f"{label(match.category, lang)}, {severity})")
    if match.suggestion:
        text += f" -> {match.suggestion}"
    return text


def reasons_in(verdict: "Verdict", lang: str) -> list[str]:
    """A post's hits in plain words, in the report's language, the worst first, each once."""
    ordered = sorted(verdict.matches, key=lambda m: (not m.crisis, -m.severity.rank, m.start))
    return list(dict.fromkeys(describe_match(match, lang) for match in ordered))
