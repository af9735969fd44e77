"""One check: scan, write the dated reports, record the run, notify.

The watcher calls ``run_check`` again and again, so it never raises for a failure a night can
bring (an unreadable or locked calendar, a full disk, a mail server that is down): it records
the failed run, tells people, and returns.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path

from contentcheck.apply.stale import StaleChange
from contentcheck.config import Config
from contentcheck.errors import CalendarError, ContentcheckError
from contentcheck.nightly.config import NightlySettings
from contentcheck.nightly.history import Flag, History, RunRecord
from contentcheck.nightly.message import failure_message, flag_dict, flagged_message
from contentcheck.nightly.notify import Delivery, Message, deliver
from contentcheck.scan import ScanResult
from contentcheck.report.labels import default_language
from contentcheck.settings import ScanSettings
from contentcheck.wording import words

log = logging.getLogger(__name__)


def reader_language(job: NightlySettings) -> str:
    """The language of the reports and messages: the configured one, else the locale's."""
    return words(job.lang) if job.lang else default_language()


@dataclass
class RunOutcome:
    """What one check did; ``ok`` is False when the scan or its reports failed, and
    ``notify_failures`` names each channel that could not deliver (its posts stay pending)."""

    ok: bool
    reason: str
    started: datetime
    error: str | None = None
    result: ScanResult | None = None
    flags: list[Flag] = field(default_factory=list)
    new: list[Flag] = field(default_factory=list)
    reports: list[Path] = field(default_factory=list)
    run_id: int | None = None
    message: Message | None = None
    notify_failures: list[str] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # calendars not checked


REPORT_STAMP = "%Y-%m-%d_%H%M%S"
_DATED_REPORT = re.compile(r"contentcheck-(\d{4}-\d{2}-\d{2}_\d{6})(?:_\d+)?\.(?:xlsx|json)")


def _report_paths(job: NightlySettings, started: datetime) -> dict[str, Path]:
    """Dated names that sort by time; never over an earlier run's report."""
    folder = job.reports_folder
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"contentcheck-{started.strftime(REPORT_STAMP)}"
    number = 1
    while any((folder / f"{stem}{'' if number == 1 else f'_{number}'}.{kind}").exists()
              for kind in job.reports):
        number += 1
    stem += "" if number == 1 else f"_{number}"  # "_" sorts after ".": names stay in run order
    return {kind: folder / f"{stem}.{kind}" for kind in job.reports}


def write_reports(job: NightlySettings, result: ScanResult, *, new: list[Flag], still: int,
                  previous: RunRecord | None, reason: str, started: datetime,
                  still_hits: Callable[[str], list[str]] | None = None) -> list[Path]:
    """The Excel report for reviewers and a JSON one that also says what is new;
    ``still_hits``: a carried change whose new text it finds is decided again."""
    from contentcheck.gcpause import paused_gc

    with paused_gc():
        return _write_reports(job, result, new=new, still=still, previous=previous,
                              reason=reason, started=started, still_hits=still_hits)


def _write_reports(job: NightlySettings, result: ScanResult, *, new: list[Flag], still: int,
                   previous: RunRecord | None, reason: str, started: datetime,
                   still_hits: Callable[[str], list[str]] | None = None) -> list[Path]:
    from contentcheck.report import ReportOptions, write_report
    from contentcheck.report.output import check_not_an_input

    paths = _report_paths(job, started)
    for path in paths.values():
        check_not_an_input(path, [("one of the calendars being scanned", Path(c.path))
                                  for c in result.calendars])
    new_keys = {flag.key for flag in new}
    nightly = {
        "job": job.job, "reason": reason, "started": started.isoformat(),
        "previous_run": {"id": previous.id, "started": previous.started} if previous else None,
        "new": [flag_dict(f) for f in new], "still_flagged": still}
    from contentcheck.apply.audit import carried_decisions

    options = ReportOptions(lang=job.lang, extra={"nightly": nightly},
                            is_new=lambda v: Flag.from_verdict(v).key in new_keys,
                            earlier=carried_decisions([c.path for c in result.calendars],
                                                      result.flagged, job.state_dir, still_hits))
    for kind, path in paths.items():
        write_report(result, kind, path, options)
    return list(paths.values())


def prune(job: NightlySettings, history: History, now: datetime) -> None:
    """Forget this job's runs older than ``keep_days`` (its last successful run stays) and
    delete the dated reports those runs wrote: never another job's reports in a shared folder,
    nor any other file. A failure here is logged, never a reason to call the check failed."""
    if job.keep_days <= 0:
        return
    try:
        removed, reports = history.prune(job.job, now - timedelta(days=job.keep_days))
        deleted = 0
        for report in map(Path, reports):
            if _DATED_REPORT.fullmatch(report.name) and report.is_file():
                report.unlink()
                deleted += 1
    except (OSError, sqlite3.Error) as exc:
        log.warning("could not remove runs and reports older than %d days: %s", job.keep_days, exc)
        return
    if removed:
        log.info("removed %d run(s) and %d report(s) older than %d days", removed, deleted,
                 job.keep_days)


REPORT_ONLY = "report"  # with no channel configured, a written report is what tells people
QUIET_REASONS = ("crisis", "retry")  # the frequent checks speak only when something is new


def _should_notify(job: NightlySettings, reason: str, flags: list[Flag], todo: list[Flag],
                   alarm: bool = False) -> bool:
    """``todo``: the flagged posts this channel has not yet delivered a notification about;
    ``alarm``: something people must hear (a calendar that could not be read)."""
    if alarm:
        return True
    if reason in QUIET_REASONS:
        return bool(todo)
    if job.notify_when == "always":
        return True
    return bool(todo) if job.notify_when == "new" else bool(flags)


def run_check(job: NightlySettings, config: Config, *, reason: str = "once",
              scan_now: str | None = None, stop: threading.Event | None = None) -> RunOutcome:
    """Scan with the config's settings (``scan_now`` pins the moment, as ``scan --now`` does),
    report, record, and notify each channel of what it has not yet told people. ``stop`` (the
    watcher's stop request) ends a slow delivery early."""
    from contentcheck.apply.stale import crisis_hits_now, stale_changes
    from contentcheck.scan import run_scan
    from contentcheck.settings import build_scan_settings

    started = datetime.now(job.timezone)
    history = History(job.state_dir)
    outcome = RunOutcome(ok=False, reason=reason, started=started)
    log.info("check started (%s)", reason)
    result: ScanResult | None = None
    try:
        settings = replace(build_scan_settings(config, now=scan_now), skip_unreadable=True)
        result = _scan_with_retries(job, lambda: _paused(run_scan, settings), stop)
        outcome.unreadable = list(result.unreadable)
        outcome.result = result
        outcome.flags = [Flag.from_verdict(v, reader_language(job)) for v in result.flagged]
        previous, _ = history.previous_keys(job.job)
        pending = {}  # the history read once per channel: per flagged post it was quadratic
        # news that is no flagged post, owed per channel as posts are: a crisis that expired,
        # a new text applied earlier that a crisis term hits now (the copy publishes it)
        hits_now = crisis_hits_now(settings.terms, result.crisis_terms, reader_language(job))
        changed = stale_changes([c.path for c in result.calendars], job.state_dir, hits_now)
        expired: dict[str, list[dict[str, str]]] = {}
        stale: dict[str, list[StaleChange]] = {}
        for channel in job.notify_channels() or (REPORT_ONLY,):
            told = history.notified_keys(job.job, channel)
            pending[channel] = [f for f in outcome.flags if f.key not in told]
            expired[channel] = [c for c in result.expired if expired_key(c) not in told]
            stale[channel] = [s for s in changed if s.key not in told]
        owed = {f.key for todo in pending.values() for f in todo}
        outcome.new = [f for f in outcome.flags if f.key in owed]
        still = len(outcome.flags) - len(outcome.new)
        outcome.reports = write_reports(job, result, new=outcome.new, still=still,
                                        previous=previous, reason=reason, started=started,
                                        still_hits=hits_now)
        outcome.run_id = history.record(
            job=job.job, reason=reason, started=started, finished=datetime.now(job.timezone),
            scan_now=result.now, crises=result.crisis_sources, reports=outcome.reports,
            calendars=[(c.path, c.sha256) for c in result.calendars]
            + [(path, None) for path, _ in result.unreadable], flags=outcome.flags,
            new_keys=owed)
        _keep_decisions(job, history, outcome.run_id, result)
        history.forget_unflagged(job.job, {f.key for f in outcome.flags},
                                 [c.path for c in result.calendars])
        if REPORT_ONLY in pending:
            history.mark_notified(job.job, REPORT_ONLY, pending[REPORT_ONLY], outcome.run_id)
            history.mark_notified_keys(job.job, REPORT_ONLY, _news_keys(
                expired[REPORT_ONLY], stale[REPORT_ONLY]), outcome.run_id)
        outcome.ok = True
        prune(job, history, started)
    except (ContentcheckError, OSError, sqlite3.Error) as exc:
        _close(result)
        return _failed(job, outcome, history, _describe(exc), stop)
    except Exception as exc:  # a bug: still tell people the check did not happen
        log.exception("check failed unexpectedly")
        _close(result)
        return _failed(job, outcome, history, f"internal error: {type(exc).__name__}: {exc}", stop)
    log.info("check done: %d flagged, %d not notified yet; reports: %s", len(outcome.flags),
             len(outcome.new), ", ".join(map(str, outcome.reports)))
    try:
        _notify(job, history, outcome, result, previous, pending, (expired, stale), stop)
    finally:
        _close(result)
    return outcome


def _close(result: ScanResult | None) -> None:
    """The temporary files of a big scan's verdicts, removed when the check is done: a watcher
    runs for weeks, and garbage collection is no promise of when."""
    if result is not None:
        result.close()


def _keep_decisions(job: NightlySettings, history: History, run_id: int, result: ScanResult) -> None:
    """The audit trails apply wrote for each calendar's checked copies (beside it, or noted
    in the state folder), kept in the history: who decided what, when and why stays known to
    the watcher, and after the copy is gone."""
    from contentcheck.apply.audit import read_trails

    for calendar in result.calendars:
        for trail, applied_at, decisions in read_trails(calendar.path, job.state_dir):
            added = history.record_decisions(job.job, run_id, calendar.path, str(trail),
                                             applied_at, [d.to_dict() for d in decisions])
            log.info("decisions from %s: %d kept, %d new", trail.name, len(decisions), added)


def _paused(scan: Callable[[ScanSettings], ScanResult], settings: ScanSettings) -> ScanResult:
    """A scan with the garbage collector paused, as ``contentcheck scan`` runs it."""
    from contentcheck.gcpause import paused_gc

    with paused_gc():
        return scan(settings)


def _notify(job: NightlySettings, history: History, outcome: RunOutcome, result: ScanResult,
            previous: RunRecord | None, pending: dict[str, list[Flag]],
            news: tuple[dict[str, list[dict[str, str]]], dict[str, list[StaleChange]]],
            stop: threading.Event | None) -> None:
    """One message per set of channels that owe the same posts and news (expired crises,
    new texts a crisis term hits now; usually one message for all); a channel that delivered
    has them marked notified, one that failed keeps them for the next run."""
    channels = job.notify_channels()
    missing = _calendars_missing_news(outcome, previous)
    expired, stale = news
    groups: dict[tuple[tuple[str, ...], tuple[str, ...]], list[str]] = {}
    for channel in pending:  # REPORT_ONLY alone when none is configured: a message, no delivery
        alarm = missing or bool(expired[channel]) or bool(stale[channel])
        if _should_notify(job, outcome.reason, outcome.flags, pending[channel], alarm):
            owed = (tuple(f.key for f in pending[channel]),
                    _news_keys(expired[channel], stale[channel]))
            groups.setdefault(owed, []).append(channel)
    for members in groups.values():
        todo, gone, changed = pending[members[0]], expired[members[0]], stale[members[0]]
        message = flagged_message(result, flags=outcome.flags, new=todo, previous=previous,
                                  reports=outcome.reports, zone=job.timezone, job=job.job,
                                  lang=reader_language(job), expired=gone,
                                  stale=[s.line(reader_language(job)) for s in changed])
        outcome.message = outcome.message or message
        results = deliver({c: channels[c] for c in members if c in channels}, message, stop)
        outcome.notify_failures += [d.line for d in results if not d.ok]
        try:
            _record_deliveries(history, outcome.run_id, message, results)
            for delivery in results:
                if delivery.ok:
                    history.mark_notified(job.job, delivery.channel, todo, outcome.run_id or 0)
                    history.mark_notified_keys(job.job, delivery.channel,
                                               _news_keys(gone, changed), outcome.run_id or 0)
        except (OSError, sqlite3.Error) as exc:  # sent twice next time beats never sent
            log.error("could not record the notification in %s: %s", history.path, exc)


def _news_keys(expired: list[dict[str, str]], stale: list[StaleChange]) -> tuple[str, ...]:
    return tuple(map(expired_key, expired)) + tuple(s.key for s in stale)


def expired_key(crisis: dict[str, str]) -> str:
    """How the history remembers that a channel told people a crisis expired (its file and
    until: extended and expired again, it is news again). Said once per channel, flagged
    posts or not; a channel whose delivery failed is owed it, as it is owed posts."""
    return f"crisis expired: {crisis['path']} {crisis['until']}"


def _calendars_missing_news(outcome: RunOutcome, previous: RunRecord | None) -> bool:
    """A calendar that could not be read is said at every daily check; the frequent checks
    (crisis, retry) say it when the set of missing calendars changed since the last run."""
    missing = {path for path, _ in outcome.unreadable}
    if not missing:
        return False
    if outcome.reason not in QUIET_REASONS or previous is None:
        return True
    return missing != {path for path, digest in previous.calendars if digest is None}


def _record_deliveries(history: History, run_id: int | None, message: Message,
                       results: list[Delivery]) -> None:
    if run_id is not None and results:
        history.record_deliveries(run_id, message.subject, [(d.channel, d.error) for d in results])


def _scan_with_retries(job: NightlySettings, scan: Callable[[], ScanResult],
                       stop: threading.Event | None = None) -> ScanResult:
    """A calendar that cannot be read is often one Excel is saving or a share that is briefly
    gone: wait and try again before calling the night's check failed (none could be read)
    or incomplete (some could not)."""
    wait = stop.wait if stop is not None else time.sleep
    for attempt in range(job.retries + 1):
        try:
            result = scan()
        except CalendarError as exc:
            if attempt == job.retries or (stop is not None and stop.is_set()):
                raise
            problem = str(exc)
        else:
            if not result.unreadable or attempt == job.retries or (stop is not None and stop.is_set()):
                return result
            problem = "; ".join(line for _, line in result.unreadable)
        log.warning("%s; trying again in %g s (%d of %d)", problem, job.retry_seconds,
                    attempt + 1, job.retries)
        wait(job.retry_seconds)
    raise AssertionError("unreachable")


def _describe(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror}"
    return str(exc) or type(exc).__name__


def _failed(job: NightlySettings, outcome: RunOutcome, history: History, error: str,
            stop: threading.Event | None) -> RunOutcome:
    """Log, record (if the disk lets us) and notify a failed run; the caller carries on."""
    log.error("check failed: %s", error)
    outcome.error = error
    try:
        outcome.run_id = history.record(job=job.job, reason=outcome.reason, started=outcome.started,
                                        finished=datetime.now(job.timezone), error=error)
    except (OSError, sqlite3.Error) as exc:
        log.error("could not record the failed run in %s: %s", history.path, exc)
    outcome.message = failure_message(error, started=outcome.started, zone=job.timezone, job=job.job,
                                      lang=reader_language(job))
    results = deliver(job.notify_channels(), outcome.message, stop)
    outcome.notify_failures = [d.line for d in results if not d.ok]
    try:
        _record_deliveries(history, outcome.run_id, outcome.message, results)
    except (OSError, sqlite3.Error) as exc:
        log.error("could not record the notification in %s: %s", history.path, exc)
    return outcome
