"""The audit trail of an apply: who decided what, when and why, next to the checked copy.

``kalender-checked.xlsx`` gets ``kalender-checked.decisions.json`` (read back by the next
apply, which builds on it) and ``kalender-checked.decisions.csv`` (for a person, opens in
Excel). Each line is one post's decision with its reviewer and note from the report, where it
was decided, when it was first applied, and what became of it ("applied", "not applied:
changed", ...). A decision nobody made (a post the report said to pause, paused by default)
says so: it is not put in a person's name.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contentcheck import __version__
from contentcheck.apply.decisions import ReviewDecision
from contentcheck.errors import ContentcheckError
from contentcheck.report.labels import Decision
from contentcheck.fileio import write_atomically, write_text_atomically
from contentcheck.report.output import TRAIL_SUFFIXES, as_text_cell
from contentcheck.wording import apply_phrase

if TYPE_CHECKING:
    from contentcheck.records import Post, Verdict

AUDIT_VERSION = 1
CSV_COLUMNS = ("calendar", "sheet", "row", "scheduled", "text", "report_status", "decision",
               "new_text", "reviewer", "note", "decided_by", "decided_in", "first_applied",
               "outcome")


@dataclass(frozen=True)
class Decided:
    """One post's decision, from the report, from an earlier apply, or from a policy."""

    sheet: str | None
    row: int
    fingerprint: str | None  # what the post said when decided; None: an old report
    decision: Decision
    new_text: str | None = None
    reviewer: str | None = None
    note: str | None = None
    explicit: bool = True  # a person chose it (in a report); False: a default of apply
    decided_in: str = ""  # "review.xlsx, sheet 'Flagged' row 4", or why apply chose it
    report_status: str | None = None  # pause / review / ok, as the report said
    first_applied: str | None = None  # when an apply first wrote it (ISO, UTC)
    scheduled: str | None = None
    text: str = ""
    outcome: str = ""
    verdict: str | None = None  # why the report flagged it (report_meta.verdict_key); None: older
    review: ReviewDecision | None = field(default=None, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(replace(self, review=None))
        data.pop("review")
        data["decision"] = self.decision.value
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Decided":
        known = {name: data.get(name) for name in cls.__dataclass_fields__ if name != "review"}
        known["decision"] = Decision(data["decision"])
        known["explicit"] = bool(data.get("explicit", True))
        return cls(**known)


def audit_paths(copy: Path) -> tuple[Path, Path]:
    """The JSON and the CSV trail beside ``copy``."""
    return (copy.with_name(f"{copy.stem}{TRAIL_SUFFIXES[0]}"),
            copy.with_name(f"{copy.stem}{TRAIL_SUFFIXES[1]}"))


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def earlier_decisions(copy: Path, source: Path, replace_copy: bool, lang: str = "en"
                      ) -> tuple[list[Decided], str | None]:
    """The decisions an earlier apply wrote into ``copy``, to build on, and a line for the log.

    A copy that is there but not an untouched apply copy of this calendar is refused unless
    ``replace_copy``: replacing it silently would lose decisions someone relied on.
    """
    if not copy.exists():
        return [], None
    trail, _ = audit_paths(copy)
    reason = None
    data: dict[str, Any] = {}
    if not trail.is_file():
        reason = "was not written by apply (no " + trail.name + " beside it)"
    else:
        try:
            data = json.loads(trail.read_text(encoding="utf-8"))
            decisions = [Decided.from_dict(entry) for entry in data["decisions"]]
        except (ValueError, KeyError, TypeError):
            reason = f"has an audit trail {trail.name} that cannot be read"
        else:
            if Path(data.get("calendar", "")) != source.resolve():
                reason = f"was made from another calendar ({data.get('calendar')})"
            elif data.get("copy_sha256") != sha256_of(copy):
                reason = "was edited after apply wrote it"
    if replace_copy:
        dropped = len(data.get("decisions", [])) if reason is None else 0
        return [], apply_phrase(lang, "replaces", copy=copy.name) + (
            apply_phrase(lang, "dropped", n=dropped) if dropped else ")")
    if reason is not None:
        raise ContentcheckError(f"{copy}: already there and {reason}; apply will not replace "
                                "it: use --replace to replace it, or -o / --output-dir for "
                                "another copy")
    reports = ", ".join(dict.fromkeys(Path(r).name for r in data.get("reports", []))) or "?"
    return decisions, apply_phrase(lang, "builds_on", copy=copy.name, n=len(decisions),
                                   reports=reports)


def carried_decisions(calendars: list[str], flagged: Iterable["Verdict"] = (),
                      state_dir: Path | None = None,
                      still_hits: Callable[[str], list[str]] | None = None
                      ) -> Callable[[Post, "Verdict"], tuple[str, str | None, str | None, str | None] | None]:
    """The decisions a person made in earlier applies, found by what each post says: the next
    report (nightly included) fills them in, so nobody types the same decision twice.

    Read from the trails of each calendar's copies (``read_trails``: beside the calendar, and
    those of copies made elsewhere that apply noted in ``state_dir``), a later trail's decision
    winning. A post that changed since gets nothing.
    A decision carries to the post at the same row that still says the same; when rows moved
    (a post added above), to the one post of its sheet that says the same, as apply finds it:
    only when ``flagged`` (this report's flagged verdicts) holds exactly one such post and the
    trail exactly one such decision, so two posts with one text are decided again, never
    given each other's decision. And only while the post is flagged for the same reasons it
    was decided for (``report_meta.verdict_key``): a "publish" given to a post that was only to
    be reviewed says nothing once a crisis makes it a pause, nor does a publish of a paused
    post once a second crisis hits it too. Nor a change whose new text a crisis term hits
    now (``still_hits``, ``stale.crisis_hits_now``): 'bus' added after 'Met de trein' became
    'Met de bus', the post is decided again.
    """
    from contentcheck.report.report_meta import post_fingerprint, verdict_key

    # keyed by the row too: two posts with the same text (the same message on two days or two
    # channels) are two posts, and a decision on one is never carried to the other
    known: dict[tuple[str, str | None, int, str], Decided] = {}
    by_text: dict[tuple[str, str | None, str], list[Decided]] = {}
    for calendar in calendars:
        for _, _, decisions in read_trails(calendar, state_dir):  # a later trail's decision wins
            for decided in decisions:
                if decided.explicit and decided.fingerprint and decided.outcome == "applied":
                    known[(calendar, decided.sheet, decided.row, decided.fingerprint)] = decided
    for (calendar, sheet, _, fingerprint), decided in known.items():
        by_text.setdefault((calendar, sheet, fingerprint), []).append(decided)
    posts_by_text: Counter[tuple[str, str | None, str]] = Counter()
    if known:
        posts_by_text.update((v.post.source, v.post.sheet, post_fingerprint(v.post)) for v in flagged)

    def moved(post: Post, fingerprint: str) -> Decided | None:
        """The decision of a post whose row moved: one post and one decision of its text."""
        key = (post.source, post.sheet, fingerprint)
        found = by_text.get(key, [])
        return found[0] if len(found) == 1 and posts_by_text[key] == 1 else None

    def lookup(post: Post, verdict: "Verdict") -> tuple[str, str | None, str | None, str | None] | None:
        """(decision, new text, reviewer, note) for the report's reviewer columns."""
        if not known:
            return None
        fingerprint = post_fingerprint(post)
        found = known.get((post.source, post.sheet, post.row, fingerprint)) or moved(post, fingerprint)
        if found is None or found.report_status != verdict.status.value:
            return None
        if found.decision is Decision.CHANGE and still_hits and still_hits(found.new_text or ""):
            return None
        if found.verdict is not None:  # flagged for the same reasons: the same decision holds
            return (found.decision.value, found.new_text, found.reviewer, found.note
                    ) if found.verdict == verdict_key(verdict) else None
        if verdict.status.value == "pause" and found.decision is not Decision.PAUSE:
            return None  # a trail from before why-keys: only a pause is safe to carry
        return found.decision.value, found.new_text, found.reviewer, found.note
    return lookup


def read_trail(calendar: str) -> tuple[Path, str, list[Decided]] | None:
    """The trail beside ``calendar``'s default copy (``kalender-checked.decisions.json``): its
    path, when apply wrote it, and its decisions; None when there is none, it cannot be read,
    or it was made from another calendar. A copy made with ``-o`` elsewhere: ``read_trails``."""
    from contentcheck.apply.targets import default_target

    return _read_trail_at(audit_paths(default_target(Path(calendar)))[0], calendar)


def read_trails(calendar: str, state_dir: Path | None = None
                ) -> list[tuple[Path, str, list[Decided]]]:
    """Every trail of ``calendar``'s copies, oldest first: the one beside the calendar and
    those of copies written elsewhere (``--output-dir``, ``-o``) that apply noted in the state
    folder (``trail_index``)."""
    from contentcheck.apply.trail_index import elsewhere

    found = [read_trail(calendar)]
    found += [_read_trail_at(trail, calendar) for trail in elsewhere(state_dir, calendar)]
    unique = {str(item[0].resolve()): item for item in found if item is not None}
    return sorted(unique.values(), key=lambda item: item[1])


def _read_trail_at(trail: Path, calendar: str) -> tuple[Path, str, list[Decided]] | None:
    try:
        data = json.loads(trail.read_text(encoding="utf-8"))
        if Path(data.get("calendar", "")) != Path(calendar).resolve():
            return None
        return trail, str(data.get("applied_at", "")), [Decided.from_dict(entry)
                                                         for entry in data["decisions"]]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # no trail, or one that cannot be read: nothing to carry


def write_audit(copy: Path, source: Path, calendar_sha256: str, reports: list[str],
                applied_at: str, decisions: list[Decided]) -> tuple[Path, Path]:
    """Write both trails atomically; the JSON records the copy's hash so the next apply can
    tell that nobody edited the copy in between."""
    json_path, csv_path = audit_paths(copy)
    document = {
        "contentcheck": __version__, "version": AUDIT_VERSION, "applied_at": applied_at,
        "calendar": str(source.resolve()), "calendar_sha256": calendar_sha256,
        "copy": copy.name, "copy_sha256": sha256_of(copy),
        "reports": list(dict.fromkeys(reports)),
        "decisions": [d.to_dict() for d in decisions],
    }
    text = json.dumps(document, ensure_ascii=False, indent=1)
    write_text_atomically(json_path, text, what="the audit trail")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for d in decisions:
        row = d.to_dict()
        row.update(calendar=source.name, decided_by=d.reviewer if d.explicit else "contentcheck",
                   reviewer=d.reviewer or "", sheet=d.sheet or "")
        writer.writerow([as_text_cell(str(row.get(name) or "")) for name in CSV_COLUMNS])
    data = buffer.getvalue().encode("utf-8-sig")  # the BOM: Excel reads it as UTF-8
    write_atomically(csv_path, lambda temp: temp.write_bytes(data), what="the audit trail")
    return json_path, csv_path
