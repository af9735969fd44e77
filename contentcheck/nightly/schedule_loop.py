"""The watcher's loop, on the ``schedule`` package: a daily check, and while a crisis is
active an extra one every few minutes.

``schedule`` counts in the machine's local time and needs pytz for other zones, so the daily
job is scheduled as "in N seconds", recomputed after each run from the configured zone with
zoneinfo: 02:00 in Amsterdam stays 02:00 across daylight-saving changes whatever the server's
own zone. A stop request (SIGTERM, Ctrl-C) is honoured between checks, never in the middle.
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

    ``crisis_active()`` is asked at each crisis tick, so a crisis declared (or ended) while the
    watcher runs changes its rhythm without a restart.
    """

    def __init__(self, check: Callable[[str], object], crisis_active: Callable[[], bool], *,
                 at: time, zone: tzinfo, crisis_every_minutes: float,
                 now: Callable[[], datetime] | None = None) -> None:
        self.check = check
        self.crisis_active = crisis_active
        self.at = at
        self.zone = zone
        self.crisis_every = crisis_every_minutes * 60.0
        self.now = now or (lambda: datetime.now(zone))
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

    def _crisis_tick(self) -> None:
        try:
            active = self.crisis_active()
        except Exception as exc:  # a broken crisis file: the daily check reports it loudly
            log.error("cannot read the crisis files: %s", exc)
            return
        if not active:
            return
        recent = self._last_finished is not None and \
            clock.monotonic() - self._last_finished < self.crisis_every / 2
        if recent:  # the daily check just ran; no need for a second one right after
            return
        self._run("crisis")

    def _run(self, reason: str) -> None:
        if self.stopping:
            return
        try:
            self.check(reason)
        except Exception:  # a bug in one check must not end the night's watch
            log.exception("check (%s) failed unexpectedly", reason)
        finally:
            self.runs += 1
            self._last_finished = clock.monotonic()

    def run(self, max_runs: int | None = None) -> int:
        """Loop until stopped (or ``max_runs`` checks, for tests); returns the checks run."""
        self._schedule_daily()
        self.scheduler.every(self.crisis_every).seconds.do(self._crisis_tick).tag("crisis")
        log.info("watching: daily at %s (%s), every %g minutes while a crisis is active",
                 self.at.isoformat(timespec="seconds"), self.zone, self.crisis_every / 60)
        while not self.stopping and (max_runs is None or self.runs < max_runs):
            self.scheduler.run_pending()
            idle = self.scheduler.idle_seconds
            if idle is None or idle > 0:
                self._stop.wait(min(MAX_SLEEP, idle if idle is not None else MAX_SLEEP))
        self.scheduler.clear()
        log.info("watcher stopped after %d checks", self.runs)
        return self.runs
