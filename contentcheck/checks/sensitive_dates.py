"""sensitive-dates: posts scheduled on a remembrance day or in its minutes of silence.

What it does
    Sends a post to review when it is scheduled inside a sensitive window: a day of national
    remembrance, or the hours of it that matter (4 May 19:58-20:02, the two minutes of silence
    of the Dutch Remembrance of the Dead). A small dated list ships with contentcheck
    (``wordlists/dates/sensitive-dates.toml``: Holocaust Remembrance Day, 4 and 5 May,
    11 September, ...); a team adds its own, such as the anniversary of a disaster the brand
    was part of.

Why
    Some days make a cheerful or commercial post tone-deaf without any crisis and without any
    sensitive word: a sale announced during the two minutes of silence is news for the wrong
    reason.

Example
    A post for 4 May 2026 at 20:00 goes to review: "scheduled during the two minutes of
    silence on 4 May (04-05-2026 19:58-20:02)". Add dates of your own::

        [checks.sensitive-dates]
        file = "our-dates.toml"     # [[date]] tables as in the shipped file; a relative
                                    # path is read from the config file's folder
        shipped = true              # false: only your own dates

        [[checks.sensitive-dates.dates]]
        date = "12-13"              # month first: 13 December, every year
        en = "the anniversary of the Zwolle store fire"
        nl = "de herdenking van de brand in onze winkel in Zwolle"

Known problems
    A post without a date is never flagged; a post with a date but no time counts for the whole
    day, so it is flagged for a window of minutes on that day. Dates that move every year
    (Remembrance Sunday, Easter) must be written per year (``date = "2026-11-08"``). A window
    does not run past midnight; write two.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from itertools import compress
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from contentcheck.errors import SettingsError
from contentcheck.fileio import read_toml
from contentcheck.records import Finding, Post, Severity, Status
from contentcheck.wording import SENSITIVE_DATE_WORDS, words

if TYPE_CHECKING:
    from contentcheck.checks import CheckContext

ID = "sensitive-dates"
DEFAULT: Mapping[str, Any] = {"enabled": True, "shipped": True, "dates": [], "file": ""}
PATHS = ("file",)  # relative to contentcheck.toml, like every other path in the config
SCOPE = "post"
_DAY = re.compile(r"^(?:(\d{4})-)?(\d{2})-(\d{2})$")
_HOUR = re.compile(r"^(\d{1,2}):(\d{2})$")


@dataclass(frozen=True)
class Window:
    """One sensitive window: a day (every year, or one year), optionally hours on it."""

    month: int
    day: int
    year: int | None
    start: time | None  # None: the whole day
    end: timedelta | None  # since midnight, so "24:00" can be said
    zone: ZoneInfo | None  # None: the post's own zone
    en: str
    nl: str
    source: str

    def contains(self, post: Post) -> bool:
        moment = post.scheduled_at
        if moment is None:
            return False
        local = _local(post, self.zone)
        if (local.month, local.day) != (self.month, self.day) or (
                self.year is not None and local.year != self.year):
            return False
        if self.start is None or post.all_day or self.end is None:
            return True
        since_midnight = timedelta(hours=local.hour, minutes=local.minute, seconds=local.second)
        start = timedelta(hours=self.start.hour, minutes=self.start.minute)
        return start <= since_midnight < self.end

    @property
    def minutes(self) -> float:
        """How long the window is: the narrowest window a post falls in names it best."""
        if self.start is None or self.end is None:
            return 24 * 60
        return (self.end - timedelta(hours=self.start.hour, minutes=self.start.minute)).seconds / 60

    def when(self, local: datetime, shown_in: tzinfo | None) -> str:
        """The window's day and hours as the reviewer reads the post's own time: a window kept
        in London time (Armistice Day, 11:00) is shown in the scan's zone (12:00 in Amsterdam),
        never next to a post time in another zone."""
        if self.start is None or self.end is None or self.zone is None or shown_in is None:
            return f"{local:%d-%m-%Y}{self.hours()}"
        midnight = datetime.combine(local.date(), time(0), tzinfo=self.zone)
        if midnight.utcoffset() == midnight.astimezone(shown_in).utcoffset():
            return f"{local:%d-%m-%Y}{self.hours()}"  # the same clock: 24:00 stays 24:00
        begin = (midnight + timedelta(hours=self.start.hour, minutes=self.start.minute)).astimezone(shown_in)
        end = (midnight + self.end).astimezone(shown_in)
        return f"{begin:%d-%m-%Y %H:%M}-{end:%H:%M}"

    def hours(self) -> str:
        if self.start is None or self.end is None:
            return ""
        end = self.end.seconds // 60 if self.end < timedelta(days=1) else 24 * 60
        return f" {self.start:%H:%M}-{end // 60:02d}:{end % 60:02d}"


def _local(post: Post, zone: ZoneInfo | None) -> datetime:
    """The post's moment where the window's hours are meant; a post with a date and no time
    keeps its own calendar day (midnight in Amsterdam is the day before in London)."""
    moment = post.scheduled_at
    assert moment is not None
    if zone is None or post.all_day or moment.tzinfo is None:
        return moment
    return moment.astimezone(zone)


def _hour(value: Any, where: str) -> timedelta:
    found = _HOUR.match(str(value).strip()) if isinstance(value, str) else None
    if not found or int(found.group(2)) > 59 or int(found.group(1)) > 24 or (
            int(found.group(1)) == 24 and found.group(2) != "00"):
        raise SettingsError(f"{where}: {value!r} is not an hour like 19:58")
    return timedelta(hours=int(found.group(1)), minutes=int(found.group(2)))


def parse_window(entry: Any, where: str) -> Window:
    """One ``[[date]]`` table; anything wrong is an error naming where it is."""
    if not isinstance(entry, Mapping):
        raise SettingsError(f"{where}: a date must be a table "
                            "(date = \"MM-DD\", en = ..., nl = ...)")
    unknown = set(entry) - {"date", "from", "to", "timezone", "en", "nl", "reason"}
    if unknown:
        raise SettingsError(f"{where}: unknown key(s) {', '.join(sorted(unknown))} "
                            "(known: date, from, to, timezone, en, nl, reason)")
    found = _DAY.match(str(entry.get("date", "")).strip())
    if not found:
        raise SettingsError(f"{where}: date must be \"MM-DD\" (every year) or \"YYYY-MM-DD\", "
                            f"not {entry.get('date')!r}")
    year = int(found.group(1)) if found.group(1) else None
    try:
        date(year or 2024, int(found.group(2)), int(found.group(3)))  # 2024: 29 February exists
    except ValueError:
        raise SettingsError(f"{where}: {entry['date']!r} is not a date "
                            "(write \"MM-DD\" or \"YYYY-MM-DD\": 05-04 is 4 May)") from None
    if ("from" in entry) != ("to" in entry):
        raise SettingsError(f"{where}: give both from and to, or neither (the whole day)")
    start = end = None
    if "from" in entry:
        begin, end = _hour(entry["from"], where), _hour(entry["to"], where)
        if end <= begin:
            raise SettingsError(f"{where}: to ({entry['to']}) must come after from "
                                f"({entry['from']}); a window does not run past midnight")
        start = (datetime.min + begin).time()
    zone = None
    if entry.get("timezone"):
        try:
            zone = ZoneInfo(str(entry["timezone"]))
        except (ZoneInfoNotFoundError, ValueError):
            raise SettingsError(f"{where}: unknown timezone {entry['timezone']!r}") from None
    reason = entry.get("reason")
    en, nl = entry.get("en", reason), entry.get("nl", reason or entry.get("en"))
    if not isinstance(en, str) or not en.strip() or not isinstance(nl, str):
        raise SettingsError(f"{where}: say what the date is (en = \"...\", nl = \"...\", "
                            "or reason = \"...\" for both)")
    return Window(int(found.group(2)), int(found.group(3)), year, start, end, zone,
                  en.strip(), nl.strip(), where.split(":")[0])


def read_windows(text: str, origin: str) -> list[Window]:
    """The ``[[date]]`` tables of one dates file."""
    try:
        data = read_toml(text)
    except ValueError as exc:
        raise SettingsError(f"{origin}: not valid TOML: {exc}") from None
    entries = data.get("date", [])
    if not isinstance(entries, list):
        raise SettingsError(f"{origin}: write each date as a [[date]] table")
    return [parse_window(entry, f"{origin}: date {number}")
            for number, entry in enumerate(entries, start=1)]


def shipped_windows() -> list[Window]:
    from importlib.resources import files

    entry = files("contentcheck.wordlists").joinpath("dates", "sensitive-dates.toml")
    return read_windows(entry.read_text(encoding="utf-8"), "wordlists/dates/sensitive-dates.toml")


def windows_for(config: Mapping[str, Any]) -> list[Window]:
    """The shipped windows (unless ``shipped = false``), the config's and the team file's."""
    found = shipped_windows() if config.get("shipped", True) else []
    dates = config.get("dates", [])
    if not isinstance(dates, list):
        raise SettingsError("[checks.sensitive-dates] dates must be a list of tables")
    found += [parse_window(entry, f"[checks.sensitive-dates] dates {number}")
              for number, entry in enumerate(dates, start=1)]
    if config.get("file"):
        path = Path(str(config["file"])).expanduser()
        from contentcheck.fileio import read_regular

        try:
            text = read_regular(path).decode("utf-8-sig")
        except OSError as exc:  # a FIFO or a device too: refused before it is read
            raise SettingsError(f"{path}: cannot read the dates file: {exc.strerror or exc}") from None
        except UnicodeDecodeError as exc:
            raise SettingsError(f"{path}: cannot read the dates file: {exc}") from None
        found += read_windows(text, str(path))
    return found


_WHEN = attrgetter("scheduled_at")


class DatesRunner:
    """Checks each post's moment against every window; the narrowest window names it."""

    def __init__(self, windows: Iterable[Window]) -> None:
        self.windows = sorted(windows, key=lambda w: w.minutes)
        # the days a window may fall on, in any post's own zone (zones lie up to 26 hours apart:
        # two days either side): most posts are on none of them and cost one lookup, not a zone
        # conversion per window (1.2 s for 100,000 posts when every window was tried)
        self.near = {(day.month, day.day) for w in self.windows
                     for day in (date(2000, w.month, w.day) + timedelta(days=shift)
                                 for shift in range(-2, 3))}

    def check(self, index: int, post: Post) -> Sequence[Finding]:
        moment = post.scheduled_at
        if moment is None or (moment.month, moment.day) not in self.near:
            return ()
        window = next((w for w in self.windows if w.contains(post)), None)
        if window is None:
            return ()
        local = _local(post, window.zone)
        return (Finding(
            check=ID, field=post.fields[0].name if post.fields else "", start=0, end=0,
            matched="", rule=window.en, source=window.source, category=ID,
            severity=Severity.LOW, status=Status.REVIEW,
            details=(("en", window.en), ("nl", window.nl),
                     ("when", window.when(local, None if post.all_day else post.scheduled_at.tzinfo)))),)

    def check_chunk(self, start: int, posts: Sequence[Post]
                    ) -> list[tuple[int, Sequence[Finding]]]:
        """Only the posts on a day near a window are looked at: a chunk's posts share a few
        moment objects, each tried once (by identity: one instant in two zones may fall on
        two days)."""
        moments = list(map(_WHEN, posts))
        near = self.near
        tried = {key: moment is not None and (moment.month, moment.day) in near
                 for key, moment in dict(zip(map(id, moments), moments)).items()}
        close = compress(range(start, start + len(posts)), map(tried.__getitem__, map(id, moments)))
        return [(index, found) for index in close
                if (found := self.check(index, posts[index - start]))]

    def finish(self) -> tuple[()]:
        return ()


def start(context: "CheckContext", config: Mapping[str, Any]) -> DatesRunner | None:
    windows = windows_for(config)
    return DatesRunner(windows) if windows else None


def describe(finding: Finding, lang: str) -> str:
    """"scheduled during the two minutes of silence on 4 May (04-05-2026 19:58-20:02)"."""
    lang = words(lang)
    return SENSITIVE_DATE_WORDS[lang].format(what=finding.detail(lang), when=finding.detail("when"))
