"""The records that flow through the pipeline: read -> normalize -> match -> decide -> report.

They are frozen so a stage can never change what an earlier stage saw, except the two made on
the hit path, ``Match`` and ``Finding``: a frozen dataclass builds itself through
``object.__setattr__``, 1.2 µs against 0.36 µs per ``Finding`` (bench/bench_records.py), and a
big scan makes tens of thousands of them (and unpickles them from its workers). Nothing
changes them after they are made. ``Post`` and ``Verdict``, made for every post, stay frozen
but are built through their slots (``_set_slots``). Each record has ``to_dict()`` for the
JSON and CSV reports.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
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


_ISO: dict[tuple[Any, ...], str] = {}  # moment -> its ISO text (``iso_moment``)
ISO_KEPT = 4096


def iso_moment(moment: datetime) -> str:
    """``moment.isoformat()``, each moment written once: a calendar's posts share a few
    hundred dates and times, and the JSON report writes one for every post (0.7 µs each).
    Keyed by the zone and ``fold`` too, since two moments that compare equal (one instant,
    or one wall time in the hour a clock goes back) may be written differently."""
    key = (moment, moment.tzinfo, moment.fold)
    text = _ISO.get(key)
    if text is None:
        if len(_ISO) >= ISO_KEPT:
            _ISO.clear()
        text = _ISO[key] = moment.isoformat()
    return text


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
            "scheduled_at": (_ISO.get((moment, moment.tzinfo, moment.fold))
                             or iso_moment(moment)) if moment else None,
            "all_day": post.all_day,
            "channel": post.channel,
            "calendar_status": post.status,
            "text": fields[0][1] if fields else "",
            # (name, text) pairs: ``dict(fields)`` copies each named tuple into a list first
            "fields": {name: text for name, text in fields},
            "status": self.status._value_,
            "reasons": list(self.reasons),
            "matches": [f.to_dict() for f in findings] if findings else [],
            "warnings": list(post.warnings),
        }



def _set_slots(cls: type, init: Any) -> None:
    """Give a frozen record made for every post (``Post``, ``Verdict``) an ``__init__`` that
    sets each field through its slot: the generated one calls ``object.__setattr__`` per
    field, about twice the time (bench/README.md, "After the speed5 branch"). Still frozen:
    only ``__init__`` writes. ``init`` must take the fields in their order, with their
    defaults: checked here, once."""
    import inspect

    declared = [(f.name, f.default) for f in fields(cls)]
    taken = [(name, MISSING if p.default is inspect.Parameter.empty else p.default)
             for name, p in list(inspect.signature(init).parameters.items())[1:]]
    if taken != declared:
        raise TypeError(f"{cls.__name__}.__init__ does not take its fields as declared")
    init.__qualname__ = f"{cls.__name__}.__init__"
    cls.__init__ = init  # type: ignore[misc]


(_p_source, _p_sheet, _p_row, _p_scheduled_at, _p_channel, _p_status, _p_fields, _p_warnings,
 _p_extra, _p_all_day) = (getattr(Post, name).__set__ for name in Post.__slots__)


def _post_init(self: Post, source: str, sheet: str | None, row: int,
               scheduled_at: datetime | None, channel: str | None, status: str | None,
               fields: tuple[PostField, ...], warnings: tuple[str, ...] = (),
               extra: tuple[tuple[str, str], ...] = (), all_day: bool = False) -> None:
    _p_source(self, source)
    _p_sheet(self, sheet)
    _p_row(self, row)
    _p_scheduled_at(self, scheduled_at)
    _p_channel(self, channel)
    _p_status(self, status)
    _p_fields(self, fields)
    _p_warnings(self, warnings)
    _p_extra(self, extra)
    _p_all_day(self, all_day)


_v_post, _v_status, _v_findings, _v_reasons = (getattr(Verdict, name).__set__
                                               for name in Verdict.__slots__)


def _verdict_init(self: Verdict, post: Post, status: Status, findings: tuple[Finding, ...] = (),
                  reasons: tuple[str, ...] = ()) -> None:
    _v_post(self, post)
    _v_status(self, status)
    _v_findings(self, findings)
    _v_reasons(self, reasons)


_set_slots(Post, _post_init)
_set_slots(Verdict, _verdict_init)
