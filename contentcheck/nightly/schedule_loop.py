"""The watcher's loop, on the ``schedule`` package: a daily check, and while a crisis is
active an extra one every few minutes.

``schedule`` counts in the machine's local time and needs pytz for other zones, so the daily
job is scheduled as "in N seconds", recomputed after each run from the configured zone with
zoneinfo: 02:00 in Amsterdam stays 02:00 across daylight-saving changes whatever the server's
own zone. A stop request (SIGTERM, Ctrl-C) is honoured between checks, never in the middle of
a scan; a notification still being delivered is given up at once (its posts stay pending).
"""

from __future__ import annotations

import logging
import threading
import time as clock
from collections.abc import Callable
from datetime import datetime, time, timedelta, timezone, tzinfo

import schedule

log = logging.getLogger(__name__)

MAX_SLEEP = 30.0  # seconds; wake up now and then so a changed wall clock is noticed
MAX_RETRY_DELAY = 3600.0  # seconds; a failed notification is tried again at least hourly


def next_daily(now: datetime, at: time, zone: tzinfo) -> datetime:
    """The next moment after ``now`` when the wall clock in ``zone`` shows ``at``."""
    local = now.astimezone(zone)
    day = local.date()
    for _ in range(3):
        candidate = datetime.combine(day, at, tzinfo=zone)
        # a time skipped by a DST jump (02:30 on a spring-forward night) comes out as the
        # same instant an hour later; normalise through UTC so the comparison is real
        candidate = candidate.astimezone(timezone.utc).astimezone(zone)
        if candidate > local:
            return candidate
        day += timedelta(days=1)
    raise AssertionError("unreachable: a day later is always later")


class Watcher:
    """Runs ``check(reason)`` on schedule until ``stop`` is set.

    ``crisis_active()`` is asked at start and at each crisis tick, so a crisis declared (or
    ended) while the watcher runs changes its rhythm without a restart. A check whose result
    has ``notify_failures`` is followed by a "retry" check after ``retry_minutes``, doubling
    after each failure in a row (up to an hour), until a notification gets through.
    """

    def __init__(self, check: Callable[[str], object], crisis_active: Callable[[], bool], *,
                 at: time, zone: tzinfo, crisis_every_minutes: float, retry_minutes: float = 2.0,
                 now: Callable[[], datetime] | None = None) -> None:
        self.check = check
        self.crisis_active = crisis_active
        self.at = at
        self.zone = zone
        self.crisis_every = crisis_every_minutes * 60.0
        self.now = now or (lambda: datetime.now(zone))
        self.retry_first = retry_minutes * 60.0
        self.retry_delays: list[float] = []  # the back-off so far, for the log and for tests
        self.scheduler = schedule.Scheduler()
        self.runs = 0
        self._last_finished: float | None = None
        self._stop = threading.Event()

    def stop(self) -> None:
        """Ask the loop to end after the check in progress (safe from a signal handler)."""
        self._stop.set()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    @property
    def stop_event(self) -> threading.Event:
        """Set on a stop request: a delivery in progress waits on it and gives up at once."""
        return self._stop

    def _schedule_daily(self) -> None:
        when = next_daily(self.now(), self.at, self.zone)
        delay = max((when - self.now()).total_seconds(), 0.001)
        self.scheduler.every(delay).seconds.do(self._daily).tag("daily")
        log.info("next daily check at %s", when.isoformat(timespec="seconds"))

    def _daily(self) -> type[schedule.CancelJob]:
        try:
            self._run("daily")
        finally:
            self._schedule_daily()
        return schedule.CancelJob

    def _crisis_now(self) -> bool:
        try:
            return bool(self.crisis_active())
        except Exception as exc:  # a broken crisis file: the daily check reports it loudly
            log.error("cannot read the crisis files: %s", exc)
            return False

    def _crisis_tick(self) -> None:
        if not self._crisis_now():
            return
        recent = self._last_finished is not None and \
            clock.monotonic() - self._last_finished < self.crisis_every / 2
        if recent:  # the daily check just ran; no need for a second one right after
            return
        self._run("crisis")

    def _run(self, reason: str) -> None:
        if self.stopping:
            return
        outcome: object = None
        try:
            outcome = self.check(reason)
        except Exception:  # a bug in one check must not end the night's watch
            log.exception("check (%s) failed unexpectedly", reason)
        finally:
            self.runs += 1
            self._last_finished = clock.monotonic()
        self._plan_retry(bool(getattr(outcome, "notify_failures", None)))

    def _plan_retry(self, failed: bool) -> None:
        """Back off after a failed notification: 2, 4, 8 ... minutes, at most an hour."""
        self.scheduler.clear("retry")
        if not failed:
            self.retry_delays.clear()
            return
        delay = min(self.retry_first * 2 ** len(self.retry_delays), MAX_RETRY_DELAY)
        self.retry_delays.append(delay)
        self.scheduler.every(delay).seconds.do(self._retry).tag("retry")
        log.warning("a notification failed; checking and notifying again in %g minutes", delay / 60)

    def _retry(self) -> type[schedule.CancelJob]:
        self._run("retry")
        return schedule.CancelJob

    def _done(self, max_runs: int | None) -> bool:
        return self.stopping or (max_runs is not None and self.runs >= max_runs)

    def run(self, max_runs: int | None = None) -> int:
        """Loop until stopped (or ``max_runs`` checks, for tests); returns the checks run."""
        self._schedule_daily()
        self.scheduler.every(self.crisis_every).seconds.do(self._crisis_tick).tag("crisis")
        log.info("watching: daily at %s (%s), every %g minutes while a crisis is active",
                 self.at.isoformat(timespec="seconds"), self.zone, self.crisis_every / 60)
        if self._crisis_now():  # a crisis on at start: check now, not a crisis interval later
            self._run("crisis")
        while not self._done(max_runs):
            self.scheduler.run_pending()
            if self._done(max_runs):
                break
            idle = self.scheduler.idle_seconds
            if idle is None or idle > 0:
                self._stop.wait(min(MAX_SLEEP, idle if idle is not None else MAX_SLEEP))
        self.scheduler.clear()
        log.info("watcher stopped after %d checks", self.runs)
        return self.runs
