"""Dates and times as calendars hold them: Excel date cells, serial numbers, and text.

Text dates are day-first by default (``24-11-2026``, ``24/11/2026 09:30``); ISO dates are always
year-month-day; times may be written ``9:30``, ``09.30`` or ``9u30``. Unusual forms with month
names (``24 nov 2026``, ``di 24 november``, ``Nov 24, 2026``) go to dateutil with Dutch names
added. Parsing is cached per distinct text: calendars repeat the same few dates.
"""

from __future__ import annotations

import functools
from datetime import date, datetime, time, timedelta
from typing import Any

import regex

EXCEL_EPOCH = datetime(1899, 12, 30)

_NUMERIC_DATE = regex.compile(
    r"^(?:\p{L}+\.?,?\s+)?"  # an optional weekday: "di 24-11-2026", "Tue 11/24/2026"
    r"(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})(?:[-/.](?P<y>\d{2}|\d{4}))?"
    r"(?:[\sT,]+(?P<time>.+))?$")
_ISO_DATE = regex.compile(r"^(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?:[\sT]+(?P<time>.+))?$")
_TIME = regex.compile(
    r"^(?P<h>\d{1,2})(?:[:.hu](?P<m>\d{2})(?:[:.](?P<s>\d{2})(?:\.\d+)?)?)?\s*"
    r"(?P<ampm>[ap]\.?m\.?)?\s*(?:uur|u|h)?$", regex.IGNORECASE)
_OFFSET = regex.compile(r"(?:Z|[+-]\d{2}:?\d{2})$")
_CLOCK_WORD = regex.compile(r"^(?:om|at|@)\s+", regex.IGNORECASE)
_CLOCK = regex.compile(r"\b(\d{1,2})[.hu](\d{2})\b")
_HOUR = regex.compile(r"\b(\d{1,2})[uh]\b", regex.IGNORECASE)

DUTCH_MONTHS = [("jan", "januari"), ("feb", "februari"), ("mrt", "maart"), ("apr", "april"),
                ("mei",), ("jun", "juni"), ("jul", "juli"), ("aug", "augustus"),
                ("sep", "sept", "september"), ("okt", "oktober"), ("nov", "november"),
                ("dec", "december")]
DUTCH_WEEKDAYS = [("ma", "maandag"), ("di", "dinsdag"), ("wo", "woensdag"), ("do", "donderdag"),
                  ("vr", "vrijdag"), ("za", "zaterdag"), ("zo", "zondag")]


class DateError(ValueError):
    """A value in a date or time column that is not a date or time."""


@functools.lru_cache(maxsize=1)
def _parserinfo() -> Any:
    from dateutil import parser

    class DutchEnglishInfo(parser.parserinfo):
        MONTHS = [names + english for names, english in zip(DUTCH_MONTHS, parser.parserinfo.MONTHS)]
        WEEKDAYS = [names + english for names, english in zip(DUTCH_WEEKDAYS, parser.parserinfo.WEEKDAYS)]
        # "woensdag 25 november om 10:00 uur": Dutch filler words, skipped like "at" and "on"
        JUMP = [*parser.parserinfo.JUMP, "om", "op", "uur", "van", "rond", "vanaf"]

    return DutchEnglishInfo()


@functools.lru_cache(maxsize=4096)
def parse_time_text(text: str) -> time:
    """``9:30``, ``09.30``, ``9u30``, ``21:00 uur``, ``9:30 PM`` -> time."""
    found = _TIME.match(text.strip())
    if not found:
        raise DateError(f"{text!r} is not a time")
    hour, minute = int(found["h"]), int(found["m"] or 0)
    second = int(found["s"] or 0)
    if found["ampm"]:
        if not 1 <= hour <= 12:
            raise DateError(f"{text!r} is not a time")
        hour = hour % 12 + (12 if found["ampm"][0].lower() == "p" else 0)
    elif found["m"] is None and not text.strip().lower().endswith(("u", "uur", "h")):
        raise DateError(f"{text!r} is not a time")  # a bare number is not a time
    try:
        return time(hour, minute, second)
    except ValueError:
        raise DateError(f"{text!r} is not a time") from None


def nearest_year(day: date, reference: date) -> date:
    """A date written without a year, in the year that puts it nearest to ``reference``:
    on 28 December, "02-01" is next January, not last."""
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(day.replace(year=year))
        except ValueError:  # 29 February
            continue
    return min(candidates, key=lambda c: abs((c - reference).days)) if candidates else day


@functools.lru_cache(maxsize=65536)
def parse_date_text(text: str, dayfirst: bool = True,
                    reference: date = date(2000, 7, 1)) -> datetime | date:
    """A text date, with or without a time: a ``datetime`` when a time is given, else a ``date``.
    A date without a year gets the year nearest to ``reference`` (the scan's "now").

    Raises DateError for text that is not a date (``n.t.b.``, ``volgende week``).
    """
    value = " ".join(text.split())
    if not value:
        raise DateError("empty date")
    iso = _ISO_DATE.match(value)
    numeric = None if iso else _NUMERIC_DATE.match(value)
    try:
        if iso:
            day = date(int(iso["y"]), int(iso["m"]), int(iso["d"]))
            clock = iso["time"]
        elif numeric:
            first, second = int(numeric["a"]), int(numeric["b"])
            d, m = (first, second) if dayfirst else (second, first)
            if numeric["y"] is None:
                day = nearest_year(date(2000, m, d), reference)  # 2000: 29 Feb exists
            else:
                day = date(int(numeric["y"]) + (2000 if len(numeric["y"]) == 2 else 0), m, d)
            clock = numeric["time"]
        else:
            return _parse_with_names(value, dayfirst, reference)
    except ValueError:
        raise DateError(f"{text!r} is not a date") from None
    clock = _CLOCK_WORD.sub("", clock) if clock else clock  # "24-11-2026 om 10:00"
    if not clock:
        return day
    if _OFFSET.search(clock):
        try:
            return datetime.fromisoformat(f"{day.isoformat()}T{clock.replace(' ', '')}")
        except ValueError:
            raise DateError(f"{text!r} is not a date and time") from None
    return datetime.combine(day, parse_time_text(clock))


def _parse_with_names(value: str, dayfirst: bool, reference: date) -> datetime | date:
    from dateutil import parser

    if not regex.search(r"\p{L}{3,}", value) or not regex.search(r"\d", value):
        raise DateError(f"{value!r} is not a date")
    default = datetime(2000, 1, 1)
    value = _CLOCK.sub(r"\1:\2", value)  # 10.00, 9u30 -> 10:00, 9:30 (a dot is cut below)
    value = _HOUR.sub(r"\1:00", value)  # 10u, 10h -> 10:00
    try:
        parsed = parser.parse(value.replace(".", " ").replace(",", " "), parserinfo=_parserinfo(),
                              dayfirst=dayfirst, default=default)
    except (ValueError, OverflowError, parser.ParserError):
        raise DateError(f"{value!r} is not a date") from None
    if not regex.search(r"\b\d{4}\b", value):
        day = nearest_year(parsed.date(), reference)
        parsed = parsed.replace(year=day.year, month=day.month, day=day.day)
    has_time = regex.search(r"\d[:.hu]\d\d|\d\s*(?:[ap]\.?m|uur)\b", value, regex.IGNORECASE)
    return parsed if has_time else parsed.date()


def excel_serial(value: float) -> datetime:
    """An Excel serial day number (as CSV exports and unformatted cells hold them)."""
    return EXCEL_EPOCH + timedelta(days=float(value))


def to_date(value: Any, *, dayfirst: bool = True,
            reference: date = date(2000, 7, 1)) -> datetime | date | None:
    """A date cell's value as a date or datetime; None for an empty cell; DateError otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise DateError(f"{value!r} is not a date")
    if isinstance(value, (int, float)):
        if 20000 <= value < 80000:  # 1954..2118: a plausible serial date
            stamp = excel_serial(value)
            return stamp if stamp.time() != time(0) else stamp.date()
        raise DateError(f"{value!r} is not a date")
    return parse_date_text(str(value), dayfirst, reference)


def to_time(value: Any) -> time | None:
    """A time cell's value as a time; None for an empty cell; DateError otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.time()
    if isinstance(value, time):
        return value
    if isinstance(value, timedelta):
        return (datetime.min + value).time()
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value < 1:
        return (datetime.min + timedelta(days=float(value))).time().replace(microsecond=0)
    return parse_time_text(str(value))


def date_order_votes(texts: list[str]) -> tuple[int, int, int]:
    """How many numeric text dates can only be day-first, how many only month-first, and how
    many could be either (``01/12/2026``; the same day and month count as one way only).

    Lets a reader notice a US file (``11/24/2026``) without being told.
    """
    only_dayfirst = only_monthfirst = either = 0
    for text in texts:
        found = _NUMERIC_DATE.match(" ".join(text.split()))
        if not found:
            continue
        first, second = int(found["a"]), int(found["b"])
        if first > 12 >= second:
            only_dayfirst += 1
        elif second > 12 >= first:
            only_monthfirst += 1
        elif first != second and 1 <= first <= 12 and 1 <= second <= 12:
            either += 1
    return only_dayfirst, only_monthfirst, either
