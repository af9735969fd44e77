"""The records that flow through the pipeline: read -> normalize -> match -> decide -> report.

They are frozen so a stage can never change what an earlier stage saw, except the two made on
the hit path, ``Match`` and ``Finding``: a frozen dataclass builds itself through
``object.__setattr__``, 1.2 µs against 0.36 µs per ``Finding`` (bench/bench_records.py), and a
big scan makes tens of thousands of them (and unpickles them from its workers). Nothing
changes them after they are made. Each record has ``to_dict()`` for the JSON and CSV reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from functools import partial
from typing import Any, NamedTuple


class Status(str, Enum):
    """What should happen to a scheduled post."""

    PAUSE = "pause"  # hits a term of an active crisis
    REVIEW = "review"  # hits a sensitive word list
    OK = "ok"

    @property
    def rank(self) -> int:
        """Sort key: pause first, then review, then ok."""
        return _STATUS_RANK[self]


class Severity(str, Enum):
    """How bad a term is; ``crisis`` is reserved for the terms of an active crisis."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRISIS = "crisis"

    @property
    def rank(self) -> int:
        """Sort key: crisis is the worst, then high, medium, low."""
        return _SEVERITY_RANK[self]

    @classmethod
    def parse(cls, value: str) -> "Severity":
        """Read a severity as people write it (``High``, ``hoog``, ``review``)."""
        key = value.strip().lower()
        aliases = {"review": "low", "laag": "low", "midden": "medium", "gemiddeld": "medium",
                   "hoog": "high", "critical": "high", "kritiek": "high"}
        try:
            return cls(aliases.get(key, key))
        except ValueError:
            known = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown severity {value!r} (known: {known})") from None


# built once: ``rank`` is read for every finding that is sorted
_STATUS_RANK = {Status.PAUSE: 0, Status.REVIEW: 1, Status.OK: 2}
_SEVERITY_RANK = {Severity.LOW: 1, Severity.MEDIUM: 2, Severity.HIGH: 3, Severity.CRISIS: 4}


class PostField(NamedTuple):
    """One text-bearing cell of a post: the column header as the calendar names it, and its text.

    A named tuple rather than a dataclass: a big calendar makes hundreds of thousands of them.
    """

    name: str
    text: str


# A PostField from its (name, text) pair without the named tuple's Python-level ``__new__``:
# readers and decoders make one for every text cell of a big calendar.
field_of = partial(tuple.__new__, PostField)


@dataclass(frozen=True, slots=True)
class Post:
    """One scheduled post as read from a calendar.

    ``row`` is the row number a person sees in Excel (1-based, header rows included); for CSV it
    is the record number counting the header line, which is what Excel shows for the same file.
    """

    source: str
    sheet: str | None
    row: int
    scheduled_at: datetime | None
    channel: str | None
    status: str | None
    fields: tuple[PostField, ...]
    warnings: tuple[str, ...] = ()
    extra: tuple[tuple[str, str], ...] = ()  # columns not scanned but shown (owner...)
    all_day: bool = False  # a date without a time: the post counts for that whole day

    @property
    def text(self) -> str:
        """The main post text (the first text field), empty if the post has none."""
        return self.fields[0].text if self.fields else ""

    def location(self) -> str:
        sheet = f" [{self.sheet}]" if self.sheet else ""
        return f"{self.source}{sheet} row {self.row}"


@dataclass(frozen=True, slots=True)
class Term:
    """One entry of a word list or crisis file, with where it came from."""

    text: str
    list_name: str
    category: str
    severity: Severity
    language: str | None = None  # "nl", "en"; None applies to every language
    suggestion: str | None = None
    crisis: bool = False
    origin: str = ""  # "file:line", for messages
    # what the text means (matching.terms.Pattern), parsed once where the term was read
    pattern: Any = field(default=None, compare=False, repr=False)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its constructor's arguments: the terms cache loads thousands of terms,
        and a frozen dataclass is otherwise rebuilt field by field in Python. Without the
        parsed pattern: a compiled checker never reads it again (``pattern_of`` parses it
        when asked), and its objects were a quarter of the time the 10,000-term cache
        entry took to load."""
        return Term, (self.text, self.list_name, self.category, self.severity, self.language,
                      self.suggestion, self.crisis, self.origin)


@dataclass(slots=True)
class Match:
    """One place where a term hit a post, as the term engine reports it; the terms check turns
    it into a ``Finding``."""

    term: str
    matched: str
    field: str
    start: int
    end: int
    list_name: str
    category: str
    severity: Severity
    crisis: bool = False
    suggestion: str | None = None
    # a loose reading of a crisis term (a word a wildcard merely begins, a compound's head
    # on its own, a one-letter typo): it asks for review, not pause; says which reading
    loose: str | None = None
    # how a crisis term reached a word no exact match would (a derivation, a place's people,
    # a wildcard's compound, a loan word): (kind, words ...), for the reports' reasons
    reading: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = {
            "term": self.term,
            "matched": self.matched,
            "field": self.field,
            "start": self.start,
            "end": self.end,
            "list": self.list_name,
            "category": self.category,
            "severity": self.severity.value,
            "crisis": self.crisis,
            "suggestion": self.suggestion,
        }
        if self.loose:
            data["loose"] = self.loose
        return data


@dataclass(slots=True)
class Finding:
    """One thing a check found in a post, the same record for every check: decide and every
    report read only this.

    ``rule`` is what the post was checked against (a term, "scheduled twice"), ``source``
    where that rule comes from (a word list, a crisis, the check itself), ``category`` how it
    is grouped (a list category, or the check's id). ``status`` is what this finding alone
    asks for: pause or review. ``start``/``end`` index the field's original text; a finding
    about the whole post spans nothing (``start == end == 0``).
    """

    check: str
    field: str
    start: int
    end: int
    matched: str
    rule: str
    source: str
    category: str
    severity: Severity
    status: Status
    crisis: bool = False  # a crisis term hit (the terms check); other checks never set it
    suggestion: str | None = None
    details: tuple[tuple[str, str], ...] = ()  # check-specific, e.g. where the twin post is

    def detail(self, key: str, default: str = "") -> str:
        return dict(self.details).get(key, default)

    def to_dict(self) -> dict[str, Any]:
        data = {
            "term": self.rule,
            "matched": self.matched,
            "field": self.field,
            "start": self.start,
            "end": self.end,
            "list": self.source,
            "category": self.category,
            "severity": self.severity.value,
            "crisis": self.crisis,
            "suggestion": self.suggestion,
            "check": self.check,
        }
        if self.details:
            data["details"] = dict(self.details)
        return data


@dataclass(frozen=True, slots=True)
class Verdict:
    """The decision for one post, with the findings and the reasons behind it."""

    post: Post
    status: Status
    findings: tuple[Finding, ...] = ()
    reasons: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        # made for every post of a JSON report: attributes read once, ``_value_`` rather
        # than the enum's ``value`` property
        post = self.post
        fields, moment, findings = post.fields, post.scheduled_at, self.findings
        return {
            "source": post.source,
            "sheet": post.sheet,
            "row": post.row,
            "scheduled_at": moment.isoformat() if moment else None,
            "all_day": post.all_day,
            "channel": post.channel,
            "calendar_status": post.status,
            "text": fields[0][1] if fields else "",
            "fields": dict(fields),  # (name, text) pairs
            "status": self.status._value_,
            "reasons": list(self.reasons),
            "matches": [f.to_dict() for f in findings] if findings else [],
            "warnings": list(post.warnings),
        }
