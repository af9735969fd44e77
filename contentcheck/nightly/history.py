"""The run history: a small SQLite file in the state folder.

It records when each check ran, which calendars it read (and their content hash) and what it
flagged, and, per notification channel, which flagged posts people were actually told about:
a post is "notified" only once a notification about it was delivered, so a mail server that is
down leaves its posts pending and the next run sends them.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from contentcheck.crisis import HISTORY_NAME
from contentcheck.decide import reasons_in
from contentcheck.records import Verdict

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    job TEXT NOT NULL,
    reason TEXT NOT NULL,
    started TEXT NOT NULL,
    finished TEXT NOT NULL,
    ok INTEGER NOT NULL,
    error TEXT,
    scan_now TEXT,
    crises TEXT,
    reports TEXT,
    flagged INTEGER NOT NULL DEFAULT 0,
    new INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS calendars (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    path TEXT NOT NULL,
    sha256 TEXT
);
CREATE TABLE IF NOT EXISTS flags (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    key TEXT NOT NULL,
    status TEXT NOT NULL,
    location TEXT NOT NULL,
    scheduled_at TEXT,
    channel TEXT,
    text TEXT NOT NULL,
    terms TEXT NOT NULL,
    is_new INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS notified (
    job TEXT NOT NULL,
    channel TEXT NOT NULL,
    key TEXT NOT NULL,
    source TEXT NOT NULL,
    run_id INTEGER NOT NULL,
    PRIMARY KEY (job, channel, key)
);
CREATE TABLE IF NOT EXISTS deliveries (
    run_id INTEGER NOT NULL,
    channel TEXT NOT NULL,
    subject TEXT NOT NULL,
    error TEXT
);
CREATE TABLE IF NOT EXISTS decisions (
    job TEXT NOT NULL,
    calendar TEXT NOT NULL,
    sheet TEXT NOT NULL,
    row INTEGER NOT NULL,
    fingerprint TEXT NOT NULL,
    decision TEXT NOT NULL,
    new_text TEXT,
    reviewer TEXT,
    note TEXT,
    decided_by TEXT NOT NULL,
    decided_in TEXT NOT NULL,
    first_applied TEXT NOT NULL,
    outcome TEXT NOT NULL,
    applied_at TEXT NOT NULL,
    trail TEXT NOT NULL,
    run_id INTEGER NOT NULL,
    PRIMARY KEY (job, calendar, sheet, fingerprint, decision, first_applied, outcome)
);
CREATE INDEX IF NOT EXISTS runs_by_job ON runs(job, id);
CREATE INDEX IF NOT EXISTS flags_by_run ON flags(run_id);
"""


@dataclass(frozen=True)
class Flag:
    """A flagged post as the history remembers it.

    ``key`` leaves the row number out: a planner inserting a row above must not make every
    post below it "new". It keeps the status and the matched terms in: a post that goes from
    review to pause, or hits a newly added crisis term, is news.
    """

    key: str
    status: str
    location: str
    scheduled_at: str | None
    channel: str | None
    text: str
    terms: tuple[str, ...]
    reasons: tuple[str, ...] = ()  # English, as the JSON report and the webhook details keep them
    source: str = ""  # the calendar file: a post of a calendar not read this run is not forgotten
    said: tuple[str, ...] = ()  # the reasons in the reader's language; empty: ``reasons``

    @classmethod
    def from_verdict(cls, verdict: Verdict, lang: str = "en") -> "Flag":
        """``lang``: the language of ``said``, the reasons its notification shows."""
        post = verdict.post
        terms = tuple(sorted({finding.rule for finding in verdict.findings}))
        when = post.scheduled_at.isoformat() if post.scheduled_at else None
        identity = [post.source, post.sheet, when, post.channel,
                    [[f.name, f.text] for f in post.fields], verdict.status.value, terms]
        key = hashlib.sha256(json.dumps(identity, ensure_ascii=False).encode("utf-8")).hexdigest()
        return cls(key=key, status=verdict.status.value, location=post.location(),
                   scheduled_at=when, channel=post.channel, text=post.text, terms=terms,
                   reasons=tuple(verdict.reasons), source=post.source,
                   said=tuple(reasons_in(verdict, lang)) if lang != "en" else ())


@dataclass(frozen=True)
class RunRecord:
    """One row of ``runs``, for the next run and for anyone inspecting the history."""

    id: int
    job: str
    reason: str
    started: str
    finished: str
    ok: bool
    error: str | None
    flagged: int
    new: int
    reports: list[str]
    calendars: list[tuple[str, str | None]]


@dataclass(frozen=True)
class DecisionRecord:
    """One decision of an apply's audit trail as the history keeps it: who decided what on
    which post, when, why, and what became of it. ``decided_by`` is "contentcheck" for a
    default (a post paused because nobody decided), never a person's name."""

    calendar: str
    sheet: str | None
    row: int
    decision: str
    new_text: str | None
    reviewer: str | None
    note: str | None
    decided_by: str
    decided_in: str
    first_applied: str
    outcome: str
    applied_at: str
    trail: str
    run_id: int


class History:
    """The history file; each call opens and closes it, so a crash never leaves it open."""

    def __init__(self, state_dir: Path) -> None:
        self.path = Path(state_dir) / HISTORY_NAME

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self.path, timeout=10)) as db:
            with db:  # one transaction: a run is recorded whole or not at all
                db.executescript(SCHEMA)
            with db:
                yield db

    def previous_keys(self, job: str) -> tuple[RunRecord | None, set[str]]:
        """The last successful run of ``job`` and the keys of what it flagged."""
        with self._connect() as db:
            row = db.execute("SELECT id FROM runs WHERE job = ? AND ok = 1 ORDER BY id DESC LIMIT 1",
                             (job,)).fetchone()
            if row is None:
                return None, set()
            keys = {key for (key,) in db.execute("SELECT key FROM flags WHERE run_id = ?", row)}
            return self._record(db, row[0]), keys

    def record(self, *, job: str, reason: str, started: datetime, finished: datetime,
               error: str | None = None, scan_now: datetime | None = None,
               crises: Iterable[str] = (), reports: Iterable[Path] = (),
               calendars: Iterable[tuple[str, str | None]] = (), flags: Iterable[Flag] = (),
               new_keys: set[str] = frozenset()) -> int:
        """Store one run (a failed one too: ``error`` set) and return its id."""
        flags = list(flags)
        with self._connect() as db:
            cursor = db.execute(
                "INSERT INTO runs (job, reason, started, finished, ok, error, scan_now, crises, "
                "reports, flagged, new) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (job, reason, started.isoformat(), finished.isoformat(), int(error is None), error,
                 scan_now.isoformat() if scan_now else None, json.dumps(list(crises)),
                 json.dumps([str(p) for p in reports]), len(flags),
                 sum(1 for f in flags if f.key in new_keys)))
            run_id = int(cursor.lastrowid)
            db.executemany("INSERT INTO calendars (run_id, path, sha256) VALUES (?, ?, ?)",
                           [(run_id, path, digest) for path, digest in calendars])
            db.executemany(
                "INSERT INTO flags (run_id, key, status, location, scheduled_at, channel, text, "
                "terms, is_new) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(run_id, f.key, f.status, f.location, f.scheduled_at, f.channel, f.text,
                  json.dumps(f.terms, ensure_ascii=False), int(f.key in new_keys)) for f in flags])
            return run_id

    def record_decisions(self, job: str, run_id: int, calendar: str, trail: str,
                         applied_at: str, decisions: Iterable[dict[str, Any]]) -> int:
        """Keep an apply's audit trail (``Decided.to_dict()`` entries); returns how many were
        not known yet. A decision carried from one apply to the next keeps its first_applied,
        so it is kept once; a changed outcome is kept as a new line."""
        rows = [(job, calendar, d.get("sheet") or "", int(d["row"]), d.get("fingerprint") or "",
                 d["decision"], d.get("new_text"), d.get("reviewer"), d.get("note"),
                 (d.get("reviewer") or "") if d.get("explicit", True) else "contentcheck",
                 d.get("decided_in") or "", d.get("first_applied") or applied_at,
                 d.get("outcome") or "", applied_at, trail, run_id) for d in decisions]
        with self._connect() as db:
            before = db.total_changes
            db.executemany("INSERT OR IGNORE INTO decisions VALUES "
                           "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            return db.total_changes - before

    def decisions(self, job: str) -> list[DecisionRecord]:
        """Every decision the history kept for ``job``, oldest first."""
        with self._connect() as db:
            return [DecisionRecord(calendar=r[0], sheet=r[1] or None, row=r[2], decision=r[3],
                                   new_text=r[4], reviewer=r[5], note=r[6], decided_by=r[7],
                                   decided_in=r[8], first_applied=r[9], outcome=r[10],
                                   applied_at=r[11], trail=r[12], run_id=r[13])
                    for r in db.execute(
                        "SELECT calendar, sheet, row, decision, new_text, reviewer, note, "
                        "decided_by, decided_in, first_applied, outcome, applied_at, trail, run_id "
                        "FROM decisions WHERE job = ? ORDER BY first_applied, rowid", (job,))]

    def notified_keys(self, job: str, channel: str) -> set[str]:
        """The flagged posts ``channel`` has delivered a notification about."""
        with self._connect() as db:
            return {key for (key,) in db.execute(
                "SELECT key FROM notified WHERE job = ? AND channel = ?", (job, channel))}

    def mark_notified(self, job: str, channel: str, flags: Iterable[Flag], run_id: int) -> None:
        """Record that a notification covering ``flags`` reached people through ``channel``."""
        with self._connect() as db:
            db.executemany("INSERT OR REPLACE INTO notified (job, channel, key, source, run_id) "
                           "VALUES (?, ?, ?, ?, ?)",
                           [(job, channel, f.key, f.source, run_id) for f in flags])

    def mark_notified_keys(self, job: str, channel: str, keys: Iterable[str],
                           run_id: int) -> None:
        """Record news that is no flagged post (a crisis that expired) as told through
        ``channel``; kept with no calendar as its source, so no scan forgets it."""
        with self._connect() as db:
            db.executemany("INSERT OR REPLACE INTO notified (job, channel, key, source, run_id) "
                           "VALUES (?, ?, ?, '', ?)", [(job, channel, key, run_id) for key in keys])

    def record_deliveries(self, run_id: int, subject: str,
                          results: Iterable[tuple[str, str | None]]) -> None:
        """How each channel fared with a run's notification (``error`` None: delivered)."""
        with self._connect() as db:
            db.executemany("INSERT INTO deliveries (run_id, channel, subject, error) "
                           "VALUES (?, ?, ?, ?)",
                           [(run_id, channel, subject, error) for channel, error in results])

    def deliveries(self, run_id: int) -> list[tuple[str, str | None]]:
        """``(channel, error)`` per delivery of a run, in order."""
        with self._connect() as db:
            return [tuple(row) for row in db.execute(  # type: ignore[misc]
                "SELECT channel, error FROM deliveries WHERE run_id = ? ORDER BY rowid", (run_id,))]

    def forget_unflagged(self, job: str, flagged: set[str], sources: Iterable[str]) -> None:
        """A post of a calendar read this run that is no longer flagged stops counting as
        notified: if it is flagged again later, that is news. Posts of calendars that could
        not be read are kept."""
        with self._connect() as db:
            for source in set(sources):
                rows = db.execute("SELECT key FROM notified WHERE job = ? AND source = ?",
                                  (job, source)).fetchall()
                db.executemany("DELETE FROM notified WHERE job = ? AND key = ?",
                               [(job, key) for (key,) in rows if key not in flagged])

    def prune(self, job: str, before: datetime) -> tuple[int, list[str]]:
        """Forget the runs of ``job`` that started before ``before``, except its last
        successful one (the next run compares with it). Returns how many were removed and the
        reports they wrote: those, and no other files, may go too."""
        with self._connect() as db:
            keep = db.execute("SELECT MAX(id) FROM runs WHERE job = ? AND ok = 1", (job,)).fetchone()[0]
            old = [(run_id, reports) for run_id, started, reports in
                   db.execute("SELECT id, started, reports FROM runs WHERE job = ?", (job,))
                   if run_id != keep and datetime.fromisoformat(started) < before]
            for table, column in (("flags", "run_id"), ("calendars", "run_id"),
                                  ("deliveries", "run_id"), ("runs", "id")):
                db.executemany(f"DELETE FROM {table} WHERE {column} = ?", [(i,) for i, _ in old])
        if old:
            with closing(sqlite3.connect(self.path, timeout=10)) as db:
                db.execute("VACUUM")  # give the space back: crisis checks every few minutes add up
        return len(old), [path for _, reports in old for path in json.loads(reports or "[]")]

    def runs(self, job: str | None = None, limit: int = 50) -> list[RunRecord]:
        """The latest runs, newest first."""
        with self._connect() as db:
            query = "SELECT id FROM runs" + (" WHERE job = ?" if job else "") + " ORDER BY id DESC LIMIT ?"
            ids = db.execute(query, (job, limit) if job else (limit,)).fetchall()
            return [self._record(db, run_id) for (run_id,) in ids]

    @staticmethod
    def _record(db: sqlite3.Connection, run_id: int) -> RunRecord:
        row: Any = db.execute("SELECT id, job, reason, started, finished, ok, error, flagged, "
                              "new, reports FROM runs WHERE id = ?", (run_id,)).fetchone()
        calendars = db.execute("SELECT path, sha256 FROM calendars WHERE run_id = ?", (run_id,)).fetchall()
        return RunRecord(id=row[0], job=row[1], reason=row[2], started=row[3], finished=row[4],
                         ok=bool(row[5]), error=row[6], flagged=row[7], new=row[8],
                         reports=json.loads(row[9] or "[]"), calendars=[tuple(c) for c in calendars])
