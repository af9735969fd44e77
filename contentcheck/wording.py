"""Every word contentcheck shows a reader, in Dutch and English, in one place.

Reports, the terminal table and the checks' reasons take their words from here, so the same
post reads the same in every output.
"""

from __future__ import annotations

LANGUAGES = ("nl", "en")

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
                  "`contentcheck apply` on this file to write a corrected copy of the calendar. "
                  "A post the report says to pause stays paused unless you choose publish. "
                  "Posts already in a scheduler (Hootsuite, Meta) stay scheduled there: "
                  "unschedule them by hand (apply lists them).",
        "live_in": "Live in", "calendar_status": "Calendar status", "owner": "Owner",
        "campaign": "Campaign",
        "crisis_banner": "CRISIS ACTIVE", "flag_reason_crisis": "hits crisis term", "key": "key",
        "hit_fields": "fields with hits", "fingerprint": "post fingerprint",
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
                  "gecorrigeerde kopie van de kalender. Een bericht dat volgens het rapport "
                  "gepauzeerd moet worden, blijft gepauzeerd tenzij je publiceren kiest. "
                  "Berichten die al in een planner staan (Hootsuite, Meta) blijven daar "
                  "ingepland: haal ze er met de hand uit (apply noemt ze).",
        "live_in": "Live over", "calendar_status": "Status kalender", "owner": "Eigenaar",
        "campaign": "Campagne",
        "crisis_banner": "CRISIS ACTIEF", "flag_reason_crisis": "raakt crisisterm", "key": "sleutel",
        "hit_fields": "velden met treffers", "fingerprint": "vingerafdruk bericht",
        "new": "nieuw", "new_since": "Nieuw sinds de vorige controle",
        "flag_reason_list": "gevoelig", "all_day": "hele dag",
    },
}

SEVERITY_WORDS = {"nl": {"low": "laag", "medium": "middel", "high": "hoog", "crisis": "crisis"},
                  "en": {"low": "low", "medium": "medium", "high": "high", "crisis": "crisis"}}

TABLE_WORDS = {
    "en": {"pause": "PAUSE", "review": "REVIEW", "ok": "OK", "row": "row", "no_date": "no date",
           "span": "posts from {start} to {end} ({zone})", "all": "all posts (--all)",
           "calendars": "{n} calendar(s)", "crisis": "CRISIS ACTIVE",
           "summary": "{upcoming} upcoming posts: {pause} pause, {review} review, {ok} ok",
           "undated": " ({n} without a readable date)", "warnings": "{n} warning(s):"},
    "nl": {"pause": "PAUZE", "review": "BEOORDELEN", "ok": "OK", "row": "rij",
           "no_date": "geen datum", "span": "berichten van {start} tot {end} ({zone})",
           "all": "alle berichten (--all)", "calendars": "{n} kalender(s)",
           "crisis": "CRISIS ACTIEF",
           "summary": "{upcoming} komende berichten: {pause} pauze, {review} beoordelen, {ok} ok",
           "undated": " ({n} zonder leesbare datum)", "warnings": "{n} waarschuwing(en):"},
}

# How a check's finding is phrased: "'{matched}' in {field} ..." (the field part is left out
# when a finding has no field).
REASONS = {
    "en": {"in": " in {field}", "crisis": "{matched}{where} matches crisis term '{rule}' ({source})",
           "list": "{matched}{where} matches '{rule}' ({category}, {severity}, list {source})",
           "suggestion": "; suggestion: '{suggestion}'",
           "escalated": "; escalated to pause by {source}",
           "loose": "; loose reading ({reading}): review, not pause"},
    "nl": {"in": " in {field}", "crisis": "{matched}{where} raakt crisisterm '{rule}' ({source})",
           "list": "{matched}{where} raakt '{rule}' ({category}, {severity}, lijst {source})",
           "suggestion": "; suggestie: '{suggestion}'",
           "escalated": "; naar pauze opgeschaald door {source}",
           "loose": "; losse lezing ({reading}): nakijken, niet pauzeren"},
}


# The channel shown for a post whose file names none. A scheduler's bulk file leaves the
# profile to the upload screen (Hootsuite wants one file per profile), so the report says
# where the post goes and that the file does not say which profile, rather than "-".
CHANNEL_WORDS = {
    "en": {"none": "-", "hootsuite-bulk": "Hootsuite (profile chosen at upload)",
           "sprout-bulk": "Sprout Social (profile chosen at upload)",
           "buffer": "Buffer (channel not in the file)"},
    "nl": {"none": "-", "hootsuite-bulk": "Hootsuite (profiel kies je bij uploaden)",
           "sprout-bulk": "Sprout Social (profiel kies je bij uploaden)",
           "buffer": "Buffer (kanaal staat niet in het bestand)"},
}


def channel_shown(channel: str | None, kind: str | None, lang: str) -> str:
    """A post's channel for a reader: its own, else what its file's kind tells, else "-"."""
    if channel:
        return channel
    table = CHANNEL_WORDS[words(lang)]
    return table.get(kind or "none", table["none"])


def words(lang: str) -> str:
    """The language to phrase in: ``lang`` if contentcheck speaks it, else English."""
    return lang if lang in LANGUAGES else "en"

DUPLICATE_WORDS = {
    "en": "the same text is also scheduled for {channel} in row {rows} ({when})",
    "nl": "dezelfde tekst staat ook gepland voor {channel} in rij {rows} ({when})",
}

SENSITIVE_DATE_WORDS = {
    "en": "scheduled during {what} ({when})",
    "nl": "gepland tijdens {what} ({when})",
}

HOUSE_WORDS = {
    "en": {"avoid": "{matched}{where}: house style avoids '{rule}' (list {source})",
           "instead": "; write '{suggestion}'",
           "count": " ({count} times in this post, at most {limit})"},
    "nl": {"avoid": "{matched}{where}: de huisstijl vermijdt '{rule}' (lijst {source})",
           "instead": "; schrijf '{suggestion}'",
           "count": " ({count} keer in dit bericht, hoogstens {limit})"},
}

TONE_WORDS = {
    "en": {"forms": {"u": "u", "je": "je/jij"},
           "breaks": "{matched}{where} addresses the reader as {used}; {scope} uses {expected}",
           "channel": "{channel}", "calendar": "this calendar", "team": "the team",
           "mixed": " (the post mixes u and je/jij)"},
    "nl": {"forms": {"u": "u", "je": "je/jij"},
           "breaks": "{matched}{where} spreekt de lezer aan met {used}; {scope} gebruikt {expected}",
           "channel": "{channel}", "calendar": "deze kalender", "team": "het team",
           "mixed": " (het bericht mengt u en je/jij)"},
}

SIMILAR_ERROR_WORDS = {
    "en": "{matched}{where} repeats the error '{rule}' named in {source}",
    "nl": "{matched}{where} herhaalt de fout '{rule}' uit {source}",
}

LINK_WORDS = {
    "en": {"status": "{matched}{where}: the page answers {code}",
           "timeout": "{matched}{where}: no answer within {seconds} s",
           "unreachable": "{matched}{where}: cannot be reached ({reason})",
           "homepage": "{matched}{where}: redirects to the homepage ({final})"},
    "nl": {"status": "{matched}{where}: de pagina antwoordt {code}",
           "timeout": "{matched}{where}: geen antwoord binnen {seconds} s",
           "unreachable": "{matched}{where}: onbereikbaar ({reason})",
           "homepage": "{matched}{where}: stuurt door naar de homepage ({final})"},
}

SPELLING_WORDS = {
    "en": {"unknown": "{matched}{where} is in neither dictionary (Dutch, English)"},
    "nl": {"unknown": "{matched}{where} staat in geen van beide woordenboeken (Nederlands, Engels)"},
}
