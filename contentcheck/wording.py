"""Every word contentcheck shows a reader, in Dutch and English, in one place.

Reports, the terminal table and the checks' reasons take their words from here, so the same
post reads the same in every output.
"""

from __future__ import annotations

import re
from datetime import datetime, tzinfo

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
        "crisis_banner": "CRISIS ACTIVE", "kit_chosen": "Kit chosen", "quiet_period": "Quiet period", "flag_reason_crisis": "hits crisis term", "key": "key",
        "hit_fields": "fields with hits", "fingerprint": "post fingerprint",
        "new": "new", "new_since": "New since the previous run",
        "flag_reason_list": "sensitive", "all_day": "whole day", "also_in": "also in",
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
        "crisis_banner": "CRISIS ACTIEF", "kit_chosen": "Gekozen kit", "quiet_period": "Rustperiode", "flag_reason_crisis": "raakt crisisterm", "key": "sleutel",
        "hit_fields": "velden met treffers", "fingerprint": "vingerafdruk bericht",
        "new": "nieuw", "new_since": "Nieuw sinds de vorige controle",
        "flag_reason_list": "gevoelig", "all_day": "hele dag", "also_in": "ook in",
    },
}

SEVERITY_WORDS = {"nl": {"low": "laag", "medium": "middel", "high": "hoog", "crisis": "crisis"},
                  "en": {"low": "low", "medium": "medium", "high": "high", "crisis": "crisis"}}



def severity_word(severity: str, lang: str) -> str:
    """``low`` as the reader says it (``laag``); English keeps the id scripts read."""
    return SEVERITY_WORDS[words(lang)].get(severity, severity)


# the category a check other than the word lists files its findings under (its id), and the
# fixed rules those checks name, as the Excel report's columns show them to a Dutch reader
CHECK_CATEGORY_WORDS = {"nl": {
    "quiet-period": "Rustperiode", "duplicate-post": "Dubbel bericht", "house-style": "Huisstijl",
    "links": "Links", "sensitive-dates": "Gevoelige datum", "similar-errors": "Herhaalde fout",
    "spelling": "Spelling", "tone-of-voice": "Aanspreekvorm",
    "unsaved-formulas": "Formule zonder uitkomst"}}
CHECK_RULE_WORDS = {"nl": {"scheduled twice": "twee keer gepland",
                           "formula without a saved result": "formule zonder opgeslagen uitkomst"}}


def check_category_word(category: str, lang: str) -> str | None:
    """A check's own category (its id) as a Dutch reader reads it; None for any other."""
    return CHECK_CATEGORY_WORDS.get(words(lang), {}).get(category)


def rule_shown(check: str, rule: str, lang: str) -> str:
    """What a finding was checked against, for the report's terms column: a term as it is, a
    quiet period's end as a reader reads a moment (not the ISO text the finding keeps), a
    check's fixed rule in the reader's language."""
    if check == "quiet-period":
        until = moment_in(datetime.fromisoformat(rule), lang)
        return QUIET_PERIOD_WORDS[words(lang)]["term"].format(until=until)
    return CHECK_RULE_WORDS.get(words(lang), {}).get(rule, rule)


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


# Why a hit is only a loose reading (``Match.loose`` holds the English of ``index.LOOSE``,
# which JSON keeps for scripts): in Dutch for a Dutch report, by the reading's rule.
LOOSE_NL = {
    "wildcard-word": "een los woord dat met de wildcard begint",
    "wildcard-excepted": "een woord dat de woordenlijsten als valse vriend van de wildcard "
                         "houden",
    "wildcard-name": "een naam (met hoofdletter midden in een zin: Brandt, Anna Zomerdijk), "
                     "niet het woord van de wildcard",
    "head": "het laatste deel van een samengestelde term, los",
    "compound-word": "een samenstelling die een gewoon woord is met een eigen betekenis",
    "compound-english": "twee Engelse woorden aan elkaar geschreven, een Engelse uitdrukking",
    "compound-en-verb": "een Engelse samenstelling die zelf een werkwoord is",
    "compound-en-modifier": "een Engelse samenstelling met een ander woord als kern",
    "other-language": "een woord uit beide talen naast een woord uit de andere taal",
    "verb-form": "een vorm van een ander woord, een werkwoord, door het onderwerp ernaast",
    "particle": "een Engels partikel in een andere betekenis dan een toestand",
    "exclamation": "een woord uit beide talen, los gezegd als Engelse uitroep",
    "separable-you": "een gescheiden werkwoord tegen de lezer (je, jij, u): beeldspraak",
    "derived-sense": "een afgeleid werkwoord met een eigen alledaagse betekenis, geen verslag "
                     "van iets wat gebeurde",
    "emoji-word": "een emoji voor de term: emoji zijn vaak versiering",
}


def loose_words(rule: str | None, reading: str, lang: str) -> str:
    """Why a hit is only a loose reading, in the reader's language: ``reading`` is the English
    of ``index.LOOSE`` for ``rule`` (what a Match carries); a rule this table does not know
    stays English."""
    return LOOSE_NL.get(rule or "", reading) if words(lang) == "nl" else reading


# How a crisis term reached a word that no exact match would (``Match.reading``): said after
# the reason, so a reviewer of a CSV or Excel report sees what ``explain`` shows.
READINGS = {
    "en": {"derived": "; derived from '{0}'{via}", "via": " via '{0}'",
           "place": "; the people or adjective of the place '{0}'",
           "wildcard-compound": "; compound '{0}', a part that matches '{1}*'",
           "loan": "; '{0}' is a loan word, the same in Dutch and English"},
    "nl": {"derived": "; afgeleid van '{0}'{via}", "via": " via '{0}'",
           "place": "; inwoners of bijvoeglijk naamwoord van de plaats '{0}'",
           "wildcard-compound": "; samenstelling '{0}', met een deel dat '{1}*' raakt",
           "loan": "; '{0}' is een leenwoord, hetzelfde in het Nederlands en het Engels"},
}


def reading_words(kind: str, names: list[str], lang: str) -> str:
    """How a reading is said after a reason ("; derived from 'explosie' via 'exploderen'"),
    or nothing for a kind this table does not know."""
    phrases = READINGS[words(lang)]
    if kind not in phrases:
        return ""
    if kind == "derived":
        via = phrases["via"].format(names[1]) if len(names) > 1 and names[1] else ""
        return phrases["derived"].format(names[0], via=via)
    return phrases[kind].format(*names)


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

UNSAVED_FORMULA_WORDS = {
    "en": "'{column}' ({cell}) is a formula without a saved result ({formula}): what it shows "
          "was not checked; open the file in Excel and save it there, then scan again",
    "nl": "'{column}' ({cell}) is een formule zonder opgeslagen uitkomst ({formula}): wat hij "
          "toont is niet gecontroleerd; open het bestand in Excel, sla het daar op en controleer "
          "opnieuw",
}

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

WRITTEN_SUMMARY = {  # `scan -o FILE`'s line on stderr
    "en": "{output}: {upcoming} upcoming posts, {pause} pause, {review} review, {ok} ok",
    "nl": "{output}: {upcoming} komende berichten, {pause} pauze, {review} beoordelen, {ok} ok",
}

QUIET_PERIOD_WORDS = {
    "en": {"reason": "quiet period of {source}: every post until {until} waits",
           "undated": " (this post has no date, so nothing shows it comes later)",
           "line": "QUIET PERIOD: {source} holds every post scheduled before {until}, whatever "
                   "its words ({lift})",
           "lift_crisis": "contentcheck crisis hold {name} off to end it early",
           "lift_scan": "without --hold the terms alone decide",
           "term": "quiet period until {until}"},
    "nl": {"reason": "rustperiode van {source}: elk bericht tot {until} wacht",
           "undated": " (dit bericht heeft geen datum, dus niets laat zien dat het later komt)",
           "line": "RUSTPERIODE: {source} houdt elk bericht tegen dat vóór {until} gepland "
                   "staat, wat er ook in staat ({lift})",
           "lift_crisis": "contentcheck crisis hold {name} off beëindigt hem eerder",
           "lift_scan": "zonder --hold beslissen alleen de termen",
           "term": "rustperiode tot {until}"},
}


def moment_in(moment: datetime, lang: str) -> str:
    """A moment as a reader reads it in a line of text: its weekday, then day first
    (``vr 27-11-2026 19:00``), in the zone it carries."""
    return f"{DAYS[words(lang)][moment.weekday()]} {moment:%d-%m-%Y %H:%M}"


def hold_lines(holds: list[dict[str, str]], zone: "tzinfo | None", lang: str) -> list[str]:
    """A line for each quiet period in force (``ScanResult.holds``), at the top of every
    report: the posts it pauses say why one by one, the reader sees the cause once."""
    say = QUIET_PERIOD_WORDS[words(lang)]
    lines = []
    for hold in holds:
        until = datetime.fromisoformat(hold["until"])
        by = hold["by"]
        name = by.removeprefix("crisis ") if by.startswith("crisis ") else None
        lift = say["lift_crisis"].format(name=quoted_name(name)) if name is not None \
            else say["lift_scan"]
        lines.append(say["line"].format(source=by, until=moment_in(
            until.astimezone(zone) if zone else until, lang), lift=lift))
    return lines


def quoted_name(name: str) -> str:
    """A crisis name as typed in a shell command."""
    import shlex

    return shlex.quote(name)


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

# The nightly notification (e-mail and webhook), in the reader's language.
DAYS = {"en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
        "nl": ("ma", "di", "wo", "do", "vr", "za", "zo")}

MESSAGE_WORDS = {
    "en": {"no_date": "no date", "counts": "{pause} to pause, {review} to review",
           "subject_new": "{n} {posts} ({counts})",
           "new_posts": ("new flagged post", "new flagged posts"),
           "calendars": ("CALENDAR", "CALENDARS"),
           "subject_still": "nothing new; {n} still flagged ({counts})",
           "subject_none": "nothing flagged", "subject_crisis": "CRISIS ACTIVE - {subject}",
           "subject_missing": "{n} {calendars} NOT CHECKED - {subject}",
           "banner": "CRISIS ACTIVE ({sources}): {terms}",
           "span": "{start} to {end}", "all": "all posts",
           "intro": "contentcheck check of {when} ({job}); window: {span}.",
           "previous": "(previous run {when})", "first": "(first run)",
           "new": "NEW, not in an earlier notification {since}: {n} ({counts})",
           "more": "  ... and {n} more in the report", "nothing_new": "Nothing new {since}.",
           "still": "Still flagged from earlier runs: {n} (notified before; listed in the "
                    "report, not repeated here).",
           "upcoming": "Upcoming posts: {upcoming} ({pause} pause, {review} review, {ok} ok).",
           "calendar": "Calendar: {path} (sha256 {sha})", "report": "Report: {path}",
           "missing": "NOT CHECKED: {n} calendar(s) could not be read; their posts were NOT "
                      "checked (the others were):",
           "failed": "The contentcheck check of {when} ({job}) FAILED:\n\n  {error}\n\n"
                     "Posts were NOT checked. Fix the cause (a calendar open in Excel, a full "
                     "disk, a moved file ...) or check the calendar by hand; the watcher keeps "
                     "running and tries again at the next scheduled time.\n",
           "failed_subject": "check FAILED: {error}",
           "subject_expired": "CRISIS EXPIRED ({names}) - {subject}",
           "subject_stale": "NEW TEXT HITS A CRISIS TERM ({n}) - {subject}",
           "stale": "NEW TEXT HITS A CRISIS TERM: the checked copy publishes a text a reviewer "
                    "gave earlier, and a crisis term added since hits it; decide these posts "
                    "again in the report (their decision is left out) and apply it:",
           "expired": "CRISIS EXPIRED: crisis {name} stopped counting at {until} (its until) "
                      "without anyone ending it; its terms pause no post any more (what to do: "
                      "see the warnings below)",
           "warnings": "Warnings ({n}):",
           "pause": "PAUSE", "review": "REVIEW"},
    "nl": {"no_date": "geen datum", "counts": "{pause} te pauzeren, {review} te beoordelen",
           "subject_new": "{n} {posts} ({counts})",
           "new_posts": ("nieuw gemarkeerd bericht", "nieuwe gemarkeerde berichten"),
           "calendars": ("KALENDER", "KALENDERS"),
           "subject_still": "niets nieuws; nog {n} gemarkeerd ({counts})",
           "subject_none": "niets gemarkeerd", "subject_crisis": "CRISIS ACTIEF - {subject}",
           "subject_missing": "{n} {calendars} NIET GECONTROLEERD - {subject}",
           "banner": "CRISIS ACTIEF ({sources}): {terms}",
           "span": "{start} tot {end}", "all": "alle berichten",
           "intro": "contentcheck-controle van {when} ({job}); periode: {span}.",
           "previous": "(vorige controle {when})", "first": "(eerste controle)",
           "new": "NIEUW, niet in een eerder bericht {since}: {n} ({counts})",
           "more": "  ... en nog {n} in het rapport", "nothing_new": "Niets nieuws {since}.",
           "still": "Nog gemarkeerd uit eerdere controles: {n} (al gemeld; in het rapport, "
                    "hier niet herhaald).",
           "upcoming": "Komende berichten: {upcoming} ({pause} pauze, {review} beoordelen, "
                       "{ok} ok).",
           "calendar": "Kalender: {path} (sha256 {sha})", "report": "Rapport: {path}",
           "missing": "NIET GECONTROLEERD: {n} kalender(s) konden niet gelezen worden; hun "
                      "berichten zijn NIET gecontroleerd (de andere wel):",
           "failed": "De contentcheck-controle van {when} ({job}) is MISLUKT:\n\n  {error}\n\n"
                     "Berichten zijn NIET gecontroleerd. Los de oorzaak op (een kalender open "
                     "in Excel, een volle schijf, een verplaatst bestand ...) of controleer de "
                     "kalender met de hand; de controle blijft draaien en probeert het opnieuw "
                     "op het volgende geplande moment.\n",
           "failed_subject": "controle MISLUKT: {error}",
           "subject_expired": "CRISIS VERLOPEN ({names}) - {subject}",
           "subject_stale": "NIEUWE TEKST RAAKT CRISISTERM ({n}) - {subject}",
           "stale": "NIEUWE TEKST RAAKT CRISISTERM: de gecontroleerde kopie publiceert een "
                    "tekst die een beoordelaar eerder gaf, en een sindsdien toegevoegde "
                    "crisisterm raakt die; beslis opnieuw over deze berichten in het rapport "
                    "(hun besluit is weggelaten) en pas het toe:",
           "expired": "CRISIS VERLOPEN: crisis {name} telt niet meer mee sinds {until} (zijn "
                      "until) zonder dat iemand hem beëindigde; zijn termen pauzeren geen "
                      "bericht meer (wat te doen: zie de waarschuwingen hieronder)",
           "warnings": "Waarschuwingen ({n}):",
           "pause": "PAUZE", "review": "BEOORDELEN"},
}

# The warnings and notes a report shows (they are made in English where a file is read, and
# the JSON and CSV reports keep them so): each pattern with its Dutch phrasing. A warning no
# pattern knows is shown as it was made.
WARNING_WORDS_NL: tuple[tuple[str, str], ...] = (
    (r"active crisis (?P<name>'.*') in (?P<path>.*) is NOT used by this scan \(its state folder "
     r"is (?P<state>.*)\): move the file into (?P<into>.*) or point state_dir at one shared folder",
     "actieve crisis {name} in {path} wordt NIET gebruikt door deze controle (de statusmap is "
     "{state}): zet het bestand in {into} of wijs state_dir naar één gedeelde map"),
    (r"crisis (?P<name>'.*') is active now but not at (?P<at>.*) \(--now\), so this scan "
     r"leaves it out",
     "crisis {name} is nu actief maar niet op {at} (--now), dus deze controle laat hem weg"),
    (r"crisis (?P<name>'.*') stopped counting at (?P<at>.*) \(its until\), so this scan leaves "
     r"its terms out; if it is not over: (?P<command>.*) \(or set a later until in (?P<path>.*)\)",
     "crisis {name} telt niet meer mee sinds {at} (zijn until), dus deze controle laat zijn "
     "termen weg; is hij niet voorbij: {command} (of zet een latere until in {path})"),
    (r"kit (?P<kit>\S+), chosen from your (?P<word>terms?) (?P<terms>.*?) for crisis (?P<crisis>.*?): its "
     r"(?P<n>\d+) words of the event and (?P<m>\d+) tone-deaf words ask for review, never a "
     r"pause \((?P<named>.*) to pause with it; --no-kit-guess or kit_guess = false in \[scan\] "
     r"to turn this off\)",
     "kit {kit}, gekozen bij je {word} {terms} voor crisis {crisis}: de {n} woorden van de "
     "gebeurtenis en {m} ongepaste woorden vragen om controle, nooit om een pauze ({named} om "
     "ermee te pauzeren; --no-kit-guess of kit_guess = false in [scan] zet dit uit)"),
    (r"kit (?P<kit>\S+), chosen from your (?P<word>terms?) (?P<terms>.*?): its (?P<n>\d+) words of the "
     r"event and (?P<m>\d+) tone-deaf words ask for review, never a pause \((?P<named>.*) to "
     r"pause with it; --no-kit-guess or kit_guess = false in \[scan\] to turn this off\)",
     "kit {kit}, gekozen bij je {word} {terms}: de {n} woorden van de gebeurtenis en {m} "
     "ongepaste woorden vragen om controle, nooit om een pauze ({named} om ermee te "
     "pauzeren; --no-kit-guess of kit_guess = false in [scan] zet dit uit)"),
    (r"kit (?P<kit>\S+) \(chosen, review\)", "kit {kit} (gekozen, controle)"),
    (r"kit (?P<kit>\S+), chosen from your (?P<word>terms?) (?P<terms>[^:]*)",
     "kit {kit}, gekozen bij je {word} {terms}"),  # a chosen kit's words' list, in a reason
    (r"(?P<place>.*) row (?P<row>\d+): (?P<rest>.*)", "{place} rij {row}: {rest}"),
    (r"column (?P<column>'.*'): (?P<value>.*) is not a date I can read",
     "kolom {column}: {value} is geen datum die ik kan lezen"),
    (r"column (?P<column>'.*') \((?P<cell>[A-Z]+\d+)\): a formula without a saved result "
     r"\((?P<formula>.*)\); what it shows was not checked",
     "kolom {column} ({cell}): een formule zonder opgeslagen uitkomst ({formula}); wat hij toont "
     "is niet gecontroleerd"),
    (r"column (?P<column>'.*') is empty: the post has no date",
     "kolom {column} is leeg: het bericht heeft geen datum"),
    (r"the calendar has no date column: the post has no date",
     "de kalender heeft geen datumkolom: het bericht heeft geen datum"),
    (r"column (?P<column>'.*'): (?P<value>.*) is not a time I can read; the whole day is checked",
     "kolom {column}: {value} is geen tijd die ik kan lezen; de hele dag wordt gecontroleerd"),
    (r"(?P<file>.*): (?P<rest>sheet .*)", "{file}: {rest}"),
    (r"sheet (?P<sheet>'.*') skipped: it has no column (?P<column>.*)",
     "tabblad {sheet} overgeslagen: het heeft geen kolom {column}"),
    (r"sheet (?P<sheet>'.*') skipped: no calendar header row \(no text column\)",
     "tabblad {sheet} overgeslagen: geen kopregel van een kalender (geen tekstkolom)"),
    (r"sheet (?P<sheet>'.*') skipped: it is hidden", "tabblad {sheet} overgeslagen: het is verborgen"),
    (r"sheet (?P<sheet>'.*') skipped: it is a (?P<kind>.*), not a worksheet",
     "tabblad {sheet} overgeslagen: het is een {kind}, geen werkblad"),
    (r"(?P<file>.*): (?P<rest>(line|dates) .*)", "{file}: {rest}"),
    (r"line (?P<line>\d+): a stray quote inside a field \((?P<message>.*)\); read leniently",
     "regel {line}: een losse aanhalingsteken in een veld ({message}); soepel gelezen"),
    (r"dates in column (?P<column>'.*') are month-first \(e\.g\. (?P<example>.*)\); read them as such",
     "datums in kolom {column} hebben de maand eerst (bijv. {example}); zo gelezen"),
    (r"dates in column (?P<column>'.*') could be day-first or month-first \(e\.g\. "
     r"(?P<example>.*)\); read day-first: use --monthfirst if they are month-first",
     "datums in kolom {column} kunnen dag-eerst of maand-eerst zijn (bijv. {example}); "
     "dag-eerst gelezen: gebruik --monthfirst als de maand eerst staat"),
)


def location_in(location: str, lang: str) -> str:
    """``file [sheet] row 4`` (``Post.location``, kept English in JSON) as the reader says it."""
    if words(lang) != "nl":
        return location
    return re.sub(r" row (\d+)$", r" rij \1", location)


def warning_in(text: str, lang: str) -> str:
    """A warning as the reader reads it: Dutch where a pattern knows it, else as it was made.

    A pattern that ends in another warning (``... row 5: <warning>``) phrases that one too."""
    if words(lang) != "nl":
        return text
    for pattern, phrase in WARNING_WORDS_NL:
        found = re.fullmatch(pattern, text, flags=re.DOTALL)
        if found:
            parts = found.groupdict()
            if parts.get("word") == "terms":  # "your term", "your terms": je term, je termen
                parts["word"] = "termen"
            if "rest" in parts:
                parts["rest"] = warning_in(parts["rest"], lang)
            return phrase.format(**parts)
    return text

# apply's log and summary lines, in the language of the report the decisions were made in.
# The audit trail (CSV, JSON) stays English for scripts.
APPLY_WORDS = {
    "en": {"row": "row {row}", "no_date": "no date",
           "changed_report": "changed since the report: decisions go only to posts that still "
                             "say what the reviewer saw",
           "moved": "{old}: the post is now at {new} (rows moved); its decision goes there",
           "changed_undecided": "{where}: the report said {status}, nobody decided, and the post "
                                "changed or was deleted since: not paused (a changed text is "
                                "checked below)",
           "undecided": "{post}: the report said {status}, no decision: {what}",
           "changed_paused": "{post}: changed since the report, which said pause, and still "
                             "hits {terms}: paused until someone decides on the new text",
           "changed_covered": "{post}: changed since the report (it was in the report's window, "
                              "and the report's crisis terms did not flag it then: a flagged "
                              "post edited, rows moved?) and hits {terms}: paused until someone "
                              "decides on the new text",
           "paused": "paused", "as_planned": "publishes as planned",
           "lost": "{where}: changed or deleted since the decision ({decision}, {decided_in}); "
                   "decide it again if it is still there",
           "outside_any": "not flagged when the report was made (a crisis term added since?)",
           "outside_after": "after the report's window",
           "outside_before": "before the report's window",
           "outside_changed": "not flagged when the report was made (changed since, or a "
                              "crisis term added since?)",
           "outside_held": "not flagged when the report was made (a quiet period declared "
                           "since)",
           "hit": "'{word}' (crisis term '{term}')", "hits": "{post}, {why}: hits {terms}",
           "held": "the quiet period of {by} (every post until {until} waits)",
           "unreviewed_paused": ": paused (--unreviewed pause)",
           "unreviewed_kept": ": written as it is",
           "publish": "{where}: publish as planned{who}",
           "elsewhere": "{where}: the hits in {fields} are still there: change them in the "
                        "calendar itself",
           "still_hits": "{where}: the new text still hits {hits}: scan the copy before it "
                         "goes out",
           "new_text_paused": "{post}: the new text {new} still hits {hits}: paused, the new "
                              "text not written; give a text without it and apply again",
           "stale": "{where}: the new text applied earlier, {new}, hits {hits} now",
           "field_paused": "{post}: a new text replaces {main} only, and {fields} still "
                           "hit {hits}: paused, the new text not written; change {fields} in "
                           "the calendar itself and apply again, or choose pause",
           "new_text": "{where}: new text '{new}' (was '{old}')",
           "left_out": "{where}: paused: left out of the upload file ({text})",
           "paused_status": "{where}: paused (status {old} -> {new!r})",
           "added_status": "added a Status column", "added_status_at": "[{sheet}]: added a "
                                                                       "Status column ({letter})",
           "lost_parts": "note: the calendar's {parts} are not in the copy (openpyxl cannot "
                         "copy them); keep the original for those", "and": " and ",
           "charts": "charts", "images": "images",
           "unschedule_bulk": "if it was uploaded to {scheduler} already, {still}",
           "unschedule_status": "the calendar says {status!r}: if it is in the scheduler, {still}",
           "unschedule_id": "it has a scheduler id: {still}",
           "unschedule_unknown": "the calendar has no status for it: if it is in a "
                                 "scheduler, {still}",
           "still_scheduled": "it is still scheduled there",
           "still_replace": "the old text is still scheduled there: replace it",
           "replaces": "replaces the earlier copy {copy} (--replace",
           "dropped": "; its {n} decision(s) are not carried over)",
           "builds_on": "builds on the earlier copy {copy} ({n} decision(s) from {reports} stay "
                        "applied unless this report decides otherwise)",
           "not decided": "not decided", "not applied": "not applied",
           "not reviewed": "not reviewed", "unschedule by hand": "unschedule by hand",
           "recalculate in Excel": "recalculate in Excel",
           "recalculate": "{n} formula cell(s) have no result in the copy ({cells}): they read "
                          "a cell apply changed (or cells no one can tell from the formula); "
                          "Excel calculates them when it opens the copy: open it in Excel and "
                          "save it before a scan or an upload reads it",
           "pause": "pause", "change": "change", "publish_count": "publish",
           "paused without a decision": "paused without a decision",
           "written": "written to {target}", "nothing_to_change": "nothing to change",
           "audit": " (decisions in {json} and {csv})", "no_decisions": "no decisions",
           "nothing": "{report}: no decisions filled in and nothing flagged; nothing written",
           "undecided_count": "{n} flagged post(s) without a decision",
           "lost_count": "{n} not applied (changed since)",
           "hits_count": "{n} crisis hit(s) nobody reviewed",
           "to_look_at": "to look at: {parts}; decide them in the report and apply again (it "
                         "builds on this copy)"},
    "nl": {"row": "rij {row}", "no_date": "geen datum",
           "changed_report": "veranderd sinds het rapport: besluiten gaan alleen naar berichten "
                             "die nog zeggen wat de beoordelaar zag",
           "moved": "{old}: het bericht staat nu op {new} (rijen verschoven); het besluit gaat "
                    "daarheen",
           "changed_undecided": "{where}: het rapport zei {status}, niemand besliste, en het "
                                "bericht is sindsdien veranderd of verwijderd: niet gepauzeerd "
                                "(een veranderde tekst wordt hieronder gecontroleerd)",
           "undecided": "{post}: het rapport zei {status}, geen besluit: {what}",
           "changed_paused": "{post}: veranderd sinds het rapport, dat pauze zei, en raakt nog "
                             "{terms}: gepauzeerd tot iemand over de nieuwe tekst beslist",
           "changed_covered": "{post}: veranderd sinds het rapport (het viel in de periode van "
                              "het rapport, en de crisistermen van het rapport markeerden het "
                              "toen niet: een gemarkeerd bericht bewerkt, rijen verschoven?) en "
                              "raakt {terms}: gepauzeerd tot iemand over de nieuwe tekst beslist",
           "paused": "gepauzeerd", "as_planned": "gaat uit zoals gepland",
           "lost": "{where}: veranderd of verwijderd sinds het besluit ({decision}, "
                   "{decided_in}); beslis opnieuw als het er nog staat",
           "outside_any": "niet gemarkeerd toen het rapport gemaakt werd (sindsdien een "
                          "crisisterm toegevoegd?)",
           "outside_after": "na de periode van het rapport",
           "outside_before": "voor de periode van het rapport",
           "outside_changed": "niet gemarkeerd toen het rapport gemaakt werd (sindsdien "
                              "veranderd, of een crisisterm toegevoegd?)",
           "outside_held": "niet gemarkeerd toen het rapport gemaakt werd (sindsdien een "
                           "rustperiode ingesteld)",
           "hit": "'{word}' (crisisterm '{term}')", "hits": "{post}, {why}: raakt {terms}",
           "held": "de rustperiode van {by} (elk bericht tot {until} wacht)",
           "unreviewed_paused": ": gepauzeerd (--unreviewed pause)",
           "unreviewed_kept": ": geschreven zoals het is",
           "publish": "{where}: publiceren zoals gepland{who}",
           "elsewhere": "{where}: de treffers in {fields} staan er nog: pas ze aan in de "
                        "kalender zelf",
           "still_hits": "{where}: de nieuwe tekst raakt nog {hits}: controleer de kopie "
                         "voordat hij uitgaat",
           "new_text_paused": "{post}: de nieuwe tekst {new} raakt nog {hits}: gepauzeerd, "
                              "de nieuwe tekst niet geschreven; geef een tekst zonder en pas "
                              "opnieuw toe",
           "stale": "{where}: de eerder toegepaste nieuwe tekst, {new}, raakt nu {hits}",
           "field_paused": "{post}: een nieuwe tekst vervangt alleen {main}, en {fields} "
                           "raken nog {hits}: gepauzeerd, de nieuwe tekst niet geschreven; pas "
                           "{fields} aan in de kalender zelf en pas opnieuw toe, of kies pauze",
           "new_text": "{where}: nieuwe tekst '{new}' (was '{old}')",
           "left_out": "{where}: gepauzeerd: weggelaten uit het uploadbestand ({text})",
           "paused_status": "{where}: gepauzeerd (status {old} -> {new!r})",
           "added_status": "een kolom Status toegevoegd",
           "added_status_at": "[{sheet}]: een kolom Status toegevoegd ({letter})",
           "lost_parts": "let op: de {parts} van de kalender staan niet in de kopie (openpyxl "
                         "kan ze niet kopiëren); bewaar daarvoor het origineel", "and": " en ",
           "charts": "grafieken", "images": "afbeeldingen",
           "unschedule_bulk": "als het al naar {scheduler} is geüpload: {still}",
           "unschedule_status": "de kalender zegt {status!r}: als het in de planner staat: {still}",
           "unschedule_id": "het heeft een id van de planner: {still}",
           "unschedule_unknown": "de kalender geeft er geen status voor: als het in een "
                                 "planner staat: {still}",
           "still_scheduled": "het staat daar nog ingepland",
           "still_replace": "de oude tekst staat daar nog ingepland: vervang hem",
           "replaces": "vervangt de eerdere kopie {copy} (--replace",
           "dropped": "; de {n} besluit(en) daarin gaan niet mee)",
           "builds_on": "bouwt voort op de eerdere kopie {copy} ({n} besluit(en) uit {reports} "
                        "blijven gelden tenzij dit rapport anders beslist)",
           "not decided": "geen besluit", "not applied": "niet toegepast",
           "not reviewed": "niet beoordeeld", "unschedule by hand": "met de hand uit de planner",
           "recalculate in Excel": "herberekenen in Excel",
           "recalculate": "{n} formulecel(len) hebben geen uitkomst in de kopie ({cells}): ze "
                          "lezen een cel die apply veranderde (of cellen die de formule niet "
                          "noemt); Excel rekent ze uit bij het openen van de kopie: open hem in "
                          "Excel en sla hem op voordat een scan of een upload hem leest",
           "pause": "pauze", "change": "aanpassen", "publish_count": "publiceren",
           "paused without a decision": "gepauzeerd zonder besluit",
           "written": "geschreven naar {target}", "nothing_to_change": "niets te veranderen",
           "audit": " (besluiten in {json} en {csv})", "no_decisions": "geen besluiten",
           "nothing": "{report}: geen besluiten ingevuld en niets gemarkeerd; niets geschreven",
           "undecided_count": "{n} gemarkeerd(e) bericht(en) zonder besluit",
           "lost_count": "{n} niet toegepast (sindsdien veranderd)",
           "hits_count": "{n} crisistreffer(s) die niemand beoordeelde",
           "to_look_at": "nog te bekijken: {parts}; beslis ze in het rapport en draai apply "
                         "opnieuw (het bouwt voort op deze kopie)"},
}


def apply_phrase(lang: str, key: str, **values: object) -> str:
    """One of apply's lines in the reader's language."""
    return APPLY_WORDS[words(lang)][key].format(**values)
