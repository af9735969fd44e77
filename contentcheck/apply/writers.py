"""The copy writers, one per calendar format, and the language of the word a paused post gets."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from contentcheck.calendar.model import Calendar
from contentcheck.calendar.schedulers import BULK_KINDS
from contentcheck.errors import ContentcheckError


DUTCH_HEADERS = {"datum", "tijd", "kanaal", "bericht", "tekst", "eigenaar", "campagne",
                 "afbeelding", "eerste reactie", "onderwerp", "titel", "publicatiedatum"}
ENGLISH_HEADERS = {"date", "time", "channel", "post", "text", "message", "caption", "owner",
                   "campaign", "image", "first comment", "title", "publish date", "network"}


def calendar_language(calendar: Calendar, fallback: str) -> str:
    """The language most of the calendar's own headers are in, so a Dutch calendar gets
    "Gepauzeerd" whatever the language of the report it was reviewed in."""
    from contentcheck.calendar.columns import fold_header

    headers = [fold_header(h) for _, columns in calendar.layouts.values() for h in columns.headers]
    dutch = sum(h in DUTCH_HEADERS for h in headers)
    english = sum(h in ENGLISH_HEADERS for h in headers)
    return "nl" if dutch > english else "en" if english > dutch else fallback


# calendar kind -> the module and function that write a copy of it (imported when used)
WRITERS: dict[str, tuple[str, str]] = {
    "xlsx": ("contentcheck.apply.xlsx_copy", "write_xlsx_copy"),
    **{kind: ("contentcheck.apply.csv_copy", "write_csv_copy") for kind in ("csv", *BULK_KINDS)},
}


def writer_for(kind: str) -> Callable[..., tuple[list[str], list[str]]]:
    """The copy writer of a calendar kind; ContentcheckError for a kind apply cannot write.
    A writer returns its log lines and the lines a person must still act on (an xlsx copy's
    formulas for Excel to calculate)."""
    if kind not in WRITERS:
        raise ContentcheckError(f"writing decisions back into a {kind} calendar is not "
                                "supported; save it as .xlsx or .csv and scan that")
    module, name = WRITERS[kind]
    return getattr(importlib.import_module(module), name)
