"""Column detection: find the header row of a calendar and what each column holds.

Teams name their columns in Dutch or English and put title rows above them, so the header is
the first row (within the top rows of a sheet) where enough cells are known column names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

import regex

from contentcheck.text import fold


class Role(str, Enum):
    """What a column means to contentcheck."""

    DATE = "date"
    TIME = "time"
    CHANNEL = "channel"
    TEXT = "text"
    TITLE = "title"
    HASHTAGS = "hashtags"
    LINK = "link"
    IMAGE = "image"
    FIRST_COMMENT = "first_comment"
    STATUS = "status"
    OWNER = "owner"
    CAMPAIGN = "campaign"
    NOTE = "note"  # the team's own notes and briefing: not published
    META = "meta"  # bookkeeping (week number, ID, created at, time spent): not published
    OTHER = "other"  # unknown column: scanned when it holds text


# Header names as people write them, already folded (see fold_header). Order within a role does
# not matter; a header matches a role when it equals a name or starts with one followed by a
# space (so "Afbeelding (alt-tekst)" is an image column).
HEADER_NAMES: dict[Role, tuple[str, ...]] = {
    # The names that say "when it is published" first: beside them a plain "Datum" is often
    # the day the idea was logged. "Dag" (di, dinsdag) last: beside "Datum" it is not the date.
    Role.DATE: ("publicatiedatum", "publish date", "publiceren op", "datum publicatie",
                "publicatie", "scheduled at", "scheduled date", "scheduled for", "schedule date",
                "post date", "postdatum", "posting date", "plandatum", "geplande datum",
                "planned date", "send date", "verzenddatum", "publish at", "publish on",
                "go live", "live datum", "live date",
                "datum", "date", "datum en tijd", "date and time", "datetime", "wanneer",
                "dag", "day"),
    Role.TIME: ("tijd", "time", "tijdstip", "uur", "publish time", "scheduled time", "post time",
                "posting time", "send time", "verzendtijd", "time 24hr", "geplande tijd"),
    Role.CHANNEL: ("kanaal", "kanalen", "platform", "platforms", "channel", "channels", "network",
                   "netwerk", "social network", "sociaal netwerk", "social profile", "profile",
                   "profiel", "account", "medium", "social media"),
    Role.TEXT: ("bericht", "berichttekst", "tekst", "post", "posttekst", "post text", "copy",
                "caption", "message", "message text", "text", "content", "body", "tweet",
                "inhoud", "social copy", "post copy", "tekst bericht", "omschrijving post",
                "copytekst", "omschrijving", "beschrijving", "description"),
    Role.TITLE: ("titel", "title", "onderwerp", "subject", "kop", "headline", "kopregel", "thema",
                 "topic"),
    Role.HASHTAGS: ("hashtags", "hashtag", "tags"),
    Role.LINK: ("link", "links", "url", "landing page", "landingspagina", "webpagina"),
    Role.IMAGE: ("afbeelding", "afbeeldingen", "image", "images", "beeld", "visual", "visuals",
                 "alt text", "alt tekst", "alttekst", "alt", "media", "foto", "photo",
                 "image url", "media url", "beeldmateriaal"),
    Role.FIRST_COMMENT: ("eerste reactie", "first comment", "eerste comment", "comment",
                         "eerste opmerking"),
    Role.STATUS: ("status", "stand van zaken", "state", "fase"),
    Role.OWNER: ("eigenaar", "owner", "verantwoordelijke", "auteur", "author", "assignee",
                 "maker", "redacteur", "door", "wie", "created by"),
    Role.CAMPAIGN: ("campagne", "campaign", "campagnes", "campaigns"),
    Role.NOTE: ("opmerking", "opmerkingen", "notitie", "notities", "interne notitie",
                "interne notities", "notes", "note", "internal note", "internal notes",
                "feedback", "briefing", "doelgroep", "target audience", "toelichting",
                "remarks", "intern"),
}

# Words that make a header something else than its first word says: "Post type", "Post ID",
# "Datum aanvraag", "Date created", "Tijd besteed" are not the text, the date or the time.
NOT_THE_ROLE = frozenset({
    "type", "soort", "id", "nr", "nummer", "number", "count", "aantal", "created", "aangemaakt",
    "aanvraag", "aangevraagd", "ingediend", "besteed", "spent", "deadline", "lengte", "length",
    "views", "likes", "bereik", "reach", "budget", "kosten", "cost", "score", "format", "formaat",
})
# Roles whose text is not published and is not scanned (a person's name, a status word, the
# internal campaign name, the team's notes: a post is judged by what its audience will read).
NOT_SCANNED = frozenset({Role.DATE, Role.TIME, Role.CHANNEL, Role.STATUS, Role.OWNER,
                         Role.CAMPAIGN, Role.NOTE, Role.META})
META_NAMES = frozenset({"week", "weeknummer", "week nr", "weeknr", "id", "nr", "nummer",
                        "created at", "created", "aangemaakt", "aangemaakt op", "updated at",
                        "gewijzigd"})
# Order in which text fields are listed on a post: the main text first.
FIELD_ORDER = (Role.TEXT, Role.TITLE, Role.HASHTAGS, Role.FIRST_COMMENT, Role.IMAGE, Role.LINK,
               Role.CAMPAIGN, Role.OTHER)

_NON_ALNUM = regex.compile(r"[^\p{L}\p{N}]+")
# one-word names of the columns the audience reads: a note header that names one of them too
# ("Briefing tekst", "Remarks/caption") may hold published text, and is scanned
_PUBLISHED_WORDS = frozenset(name for role in (Role.TEXT, Role.TITLE, Role.HASHTAGS, Role.IMAGE,
                                               Role.FIRST_COMMENT, Role.LINK)
                             for name in HEADER_NAMES[role] if " " not in name)
_LOOKUP = {name: (role, -position) for role, names in HEADER_NAMES.items()
           for position, name in enumerate(names)}
HEADER_SEARCH_ROWS = 30


def fold_header(value: Any) -> str:
    """Header text as compared: casefolded, accents and punctuation removed, spaces single."""
    return _NON_ALNUM.sub(" ", fold(str(value)).replace("_", " ")).strip()


def match_header(header: Any) -> tuple[Role, tuple[int, int]] | None:
    """The role a header stands for and how sure we are: a whole known name beats a known
    first word ("Publicatiedatum" beats "Datum aanvraag"), an earlier name in the list beats a
    later one ("Datum" beats "Dag"). None for an unknown header."""
    folded = fold_header(header)
    if not folded:
        return None
    if folded in _LOOKUP:
        role, rank = _LOOKUP[folded]
        return role, (2, rank)
    words = folded.split(" ")
    for size in range(len(words) - 1, 0, -1):  # longest known prefix first
        found = _LOOKUP.get(" ".join(words[:size]))
        if found is not None:
            if NOT_THE_ROLE.intersection(words[size:]):
                return None
            if found[0] is Role.NOTE and _PUBLISHED_WORDS.intersection(words[size:]):
                return None  # "Opmerkingen/Tekst", "Briefing tekst", "Notes (post)": scanned
            return found[0], (1, found[1])
    return None


def _meta_or_other(header: str) -> Role:
    """A column no role claims: bookkeeping ("Week", "Post ID", "Datum aanvraag", "Tijd
    besteed") is not published and not scanned; anything else is scanned as text."""
    folded = fold_header(header)
    if folded in META_NAMES or NOT_THE_ROLE.intersection(folded.split(" ")):
        return Role.META
    return Role.OTHER


def role_of(header: Any) -> Role | None:
    """The role a header stands for, or None for an unknown header."""
    found = match_header(header)
    return found[0] if found else None


def column_letter(index: int) -> str:
    """0 -> A, 26 -> AA: how a person names a column without a header."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class ColumnMap:
    """Which column index holds what; ``headers`` are the names as the calendar writes them."""

    headers: list[str]
    roles: dict[Role, int] = field(default_factory=dict)
    text_columns: list[int] = field(default_factory=list)  # scanned, main text first

    def get(self, row: list[Any], role: Role) -> Any:
        index = self.roles.get(role)
        if index is None or index >= len(row):
            return None
        return row[index]

    def header(self, role: Role) -> str | None:
        index = self.roles.get(role)
        return None if index is None else self.headers[index]


def build_column_map(header_row: list[Any], overrides: dict[Role, str] | None = None) -> ColumnMap:
    """Assign a role to each header: overrides first, then for each role the column whose name
    fits best (the first of equals). A column without a header is named by its letter and
    scanned like any unknown column.

    Raises KeyError(name) when an override names a column that is not in the header.
    """
    headers = ["" if cell is None else str(cell).strip() for cell in header_row]
    headers = [h or f"column {column_letter(i)}" for i, h in enumerate(headers)]
    column_map = ColumnMap(headers=headers)
    assigned: dict[int, Role] = {}
    for role, name in (overrides or {}).items():
        wanted = fold_header(name)
        index = next((i for i, h in enumerate(headers) if fold_header(h) == wanted), None)
        if index is None:
            raise KeyError(name)
        column_map.roles[role] = index
        assigned[index] = role
    best: dict[Role, tuple[tuple[int, int], int]] = {}
    for index, header in enumerate(headers):
        if index in assigned:
            continue
        found = match_header(header)
        role, score = found if found else (_meta_or_other(header), (0, 0))
        assigned[index] = role
        if role is not Role.OTHER and role not in column_map.roles:
            if role not in best or score > best[role][0]:
                best[role] = (score, index)
    for role, (_, index) in best.items():
        column_map.roles[role] = index
    for index, role in assigned.items():  # a second text column is scanned as another field
        if role in (Role.TEXT, Role.TITLE) and column_map.roles.get(role) != index:
            assigned[index] = Role.OTHER
    rank = {role: position for position, role in enumerate(FIELD_ORDER)}
    scanned = [(rank.get(role, len(rank)), i) for i, role in assigned.items()
               if role not in NOT_SCANNED]
    column_map.text_columns = [i for _, i in sorted(scanned)]
    return column_map


def header_score(row: list[Any]) -> int:
    """How many cells of a row are known column names (distinct roles)."""
    roles = {role_of(cell) for cell in row if isinstance(cell, str) and cell.strip()}
    roles.discard(None)
    return len(roles) if Role.TEXT in roles else 0


def textless_header(rows: list[list[Any]]) -> list[str] | None:
    """The known column names of the first top row that looks like a calendar's header (a
    date and one more known column) but has no text column, or None: a month sheet whose
    text column a colleague named otherwise ("Campagnetekst") must not be skipped quietly."""
    for row in rows[:HEADER_SEARCH_ROWS]:
        cells = [cell.strip() for cell in row if isinstance(cell, str) and cell.strip()]
        roles = {role_of(cell) for cell in cells} - {None}
        if Role.DATE in roles and len(roles) >= 2 and Role.TEXT not in roles:
            return [cell for cell in cells if role_of(cell) is not None]
    return None


def find_header_row(rows: list[list[Any]], overrides: dict[Role, str] | None = None) -> int | None:
    """Index of the header row: the first of the top rows with a text column and another known
    column, or the first row holding every overridden column name. None if there is none."""
    if overrides:
        wanted = {fold_header(name) for name in overrides.values()}
        for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
            folded = {fold_header(cell) for cell in row if cell is not None}
            if wanted <= folded:
                return index
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if header_score(row) >= 2:
            return index
    return None
