"""``contentcheck watch``: the nightly check, as a long-running watcher or once (cron, systemd).

Only option parsing, logging set-up, the lock and signal handling live here; the check itself
is ``nightly.runner.run_check`` and the loop ``nightly.schedule_loop.Watcher``.
"""

from __future__ import annotations

import logging
import logging.handlers
import signal
import sys
from collections.abc import Callable
from datetime import datetime, tzinfo
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

import click

from contentcheck.cli.common import ExitCode, GuardedCommand, config_option
from contentcheck.errors import ContentcheckError, SettingsError
from contentcheck.visible import VisibleFormatter

if TYPE_CHECKING:
    from contentcheck.config import Config
    from contentcheck.nightly.config import NightlySettings
    from contentcheck.nightly.runner import RunOutcome

log = logging.getLogger("contentcheck.watch")

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class ZonedFormatter(VisibleFormatter):
    """Log times in the job's time zone with its offset (``2026-11-26 16:42:03+01:00``): the
    nightly job runs at 06:00 Amsterdam time, and a server clock in UTC would otherwise stamp
    its lines 05:00 with nothing to say so."""

    def __init__(self, fmt: str, zone: tzinfo) -> None:
        super().__init__(fmt)
        self.zone = zone

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        return datetime.fromtimestamp(record.created, self.zone).isoformat(" ", "seconds")


def exit_code(outcome: "RunOutcome") -> ExitCode:
    """The worst thing that happened wins: a failed or incomplete check (a calendar not read),
    then a failed notification, then flags."""
    if not outcome.ok or outcome.unreadable:
        return ExitCode.ERROR
    if outcome.notify_failures:
        return ExitCode.NOTIFY_FAILED
    return ExitCode.FLAGGED if outcome.flags else ExitCode.CLEAN


def setup_logging(verbose: int, log_file: Path | None, max_bytes: int,
                  backups: int, zone: tzinfo) -> list[logging.Handler]:
    """Logs to stderr (journald and cron keep it) and, if configured, to a rotating file.
    Returns the handlers, for ``remove_logging`` when the command ends."""
    root = logging.getLogger()
    for handler in list(root.handlers):  # `contentcheck -v` set a plain stderr handler already
        if type(handler) is logging.StreamHandler:
            root.removeHandler(handler)
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    if log_file is not None:
        try:
            log_file.parent.mkdir(parents=True, exist_ok=True)
            handlers.append(logging.handlers.RotatingFileHandler(
                log_file, maxBytes=max_bytes, backupCount=backups, encoding="utf-8"))
        except OSError as exc:
            raise ContentcheckError(f"{log_file}: cannot write the log file: "
                                    f"{exc.strerror or exc}") from None
    for handler in handlers:
        handler.setFormatter(ZonedFormatter(LOG_FORMAT, zone))
        root.addHandler(handler)
    root.setLevel(logging.INFO)  # other libraries' debug lines (filelock ...) stay out
    logging.getLogger("contentcheck").setLevel(logging.INFO if verbose == 0 else logging.DEBUG)
    return handlers


def remove_logging(handlers: list[logging.Handler]) -> None:
    for handler in handlers:
        logging.getLogger().removeHandler(handler)
        handler.close()


def _install_signal_handlers(stop: Callable[[], None]) -> dict[int, object]:
    """First SIGTERM/Ctrl-C: finish the current check, then stop. A second one: stop now.
    Returns the handlers replaced, to put back."""
    received: list[int] = []

    def handler(number: int, frame: FrameType | None) -> None:
        received.append(number)
        if len(received) > 1:
            raise KeyboardInterrupt
        log.warning("%s received: stopping after the current check", signal.Signals(number).name)
        stop()

    return {number: signal.signal(number, handler) for number in (signal.SIGTERM, signal.SIGINT)}


@click.command(cls=GuardedCommand, context_settings={"help_option_names": ["-h", "--help"]})
@config_option
@click.option("--once", is_flag=True, help="Run one check and exit (for cron and systemd timers).")
@click.option("--if-crisis", is_flag=True,
              help="With --once: check only while a crisis is active (the extra cron/timer check).")
@click.option("--at", "at_text", metavar="HH:MM", help="Time of the daily check [default: 02:00].")
@click.option("--crisis-every", type=click.FloatRange(min=0, min_open=True), metavar="MINUTES",
              help="While a crisis is active, also check this often [default: 30].")
@click.option("--report-dir", type=click.Path(path_type=Path, file_okay=False),
              help="Folder for the dated reports [default: <state folder>/reports].")
@click.option("--now", "now_text", metavar="ISO-8601", hidden=True,
              help="Scan as of this moment (tests, re-runs); the schedule keeps real time.")
@click.option("-v", "--verbose", count=True, help="Log more.")
def watch(config_path: Path | None, once: bool, if_crisis: bool, at_text: str | None,
          crisis_every: float | None, report_dir: Path | None, now_text: str | None,
          verbose: int) -> None:
    """Check the calendars of contentcheck.toml every night (and often during a crisis).

    Each check writes a dated report, records the run and notifies (e-mail, webhook) what
    people were not yet told about. With --once: exit 0 nothing flagged, 1 flagged, 2 check
    failed, 4 a notification failed (its posts are sent again next run).
    """
    from contentcheck.config import load_config
    from contentcheck.crisis import active_crises
    from contentcheck.locks import WatchLock
    from contentcheck.nightly.config import nightly_settings
    from contentcheck.nightly.runner import run_check
    from contentcheck.settings import build_scan_settings

    if if_crisis and not once:
        raise SettingsError("--if-crisis goes with --once (the watcher itself knows when a crisis is on)")
    config = load_config(config_path)
    job = nightly_settings(config, at=at_text, crisis_every=crisis_every, report_dir=report_dir)
    settings = build_scan_settings(config, now=now_text)  # no calendars: stop here, not at 02:00
    if job.log_file is not None:  # a log line is never appended to a calendar or a crisis file
        from contentcheck.report.output import check_not_an_input
        from contentcheck.scan import run_inputs

        check_not_an_input(job.log_file, *run_inputs(settings, config.path))
    handlers = setup_logging(verbose, job.log_file, job.log_max_bytes, job.log_backups,
                             job.timezone)
    try:
        _say_state(config, job)
        with WatchLock(job.state_dir):
            if once:
                if if_crisis and not active_crises(job.state_dir, datetime.now(job.timezone)):
                    log.info("no active crisis: nothing to check (--if-crisis)")
                    return
                outcome = run_check(job, config, reason="crisis" if if_crisis else "once",
                                    scan_now=now_text)
                raise click.exceptions.Exit(int(exit_code(outcome)))
            _watch(job, config, now_text)
    finally:
        remove_logging(handlers)


def _say_state(config: "Config", job: "NightlySettings") -> None:
    """Say at start which config, state folder and crises this watcher uses, and warn about
    an active crisis it cannot see (declared in another state folder)."""
    from contentcheck.crisis import active_crises, active_elsewhere, reachable, state_location

    _, origin = state_location(config)
    now = datetime.now(job.timezone)
    log.info("config: %s", config.path or "none (no contentcheck.toml here or above)")
    log.info("state folder: %s (from %s)", job.state_dir, origin)
    if not reachable(job.state_dir):  # the watcher makes it: a share not mounted reads as empty
        log.warning("state folder %s does not exist: this watcher makes it now; if it is the "
                    "team's shared folder, that is not reachable from here, and the crises "
                    "declared in it are NOT used", job.state_dir)
    active = active_crises(job.state_dir, now)
    log.info("active crises: %s", ", ".join(f"{c.name} ({c.path})" for c in active) or "none")
    for crisis in active_elsewhere(job.state_dir, now):
        log.warning("active crisis %r in %s is NOT used by this watcher (its state folder is %s); "
                    "move the file into %s/crises/ or point state_dir at one shared folder",
                    crisis.name, crisis.path, job.state_dir, job.state_dir)


def _watch(job: "NightlySettings", config: "Config", now_text: str | None) -> None:
    from contentcheck.crisis import active_crises
    from contentcheck.nightly.runner import run_check
    from contentcheck.nightly.schedule_loop import Watcher

    watcher = Watcher(lambda reason: run_check(job, config, reason=reason, scan_now=now_text,
                                               stop=watcher.stop_event),
                      lambda: bool(active_crises(job.state_dir, datetime.now(job.timezone))),
                      at=job.at, zone=job.timezone, crisis_every_minutes=job.crisis_every,
                      retry_minutes=job.notify_retry)
    previous = _install_signal_handlers(watcher.stop)
    try:
        watcher.run()
    except KeyboardInterrupt:
        log.warning("stopped at once (second signal)")
        raise click.exceptions.Exit(ExitCode.INTERRUPTED) from None
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)  # type: ignore[arg-type]


if __name__ == "__main__":
    watch()
