"""The pipeline: read -> window -> every enabled check -> decide, for the CLI and the nightly
runner alike. Nothing here is specific to one check: they come from ``checks.CHECKS``."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contentcheck.calendar import Calendar, ReadOptions, read_calendar
from contentcheck.decide import decide
from contentcheck.errors import CalendarError
from contentcheck.matching import TermSet, term_notes
from contentcheck.progress import (
    SILENT,
    WORTH_SHOWING_BYTES,
    WORTH_SHOWING_POSTS,
    Progress,
)
from contentcheck.records import Finding, Post, Status, Verdict
from contentcheck.settings import ScanSettings, TermSources
from contentcheck.window import Window, is_upcoming
from contentcheck.wording import channel_shown, warning_in

if TYPE_CHECKING:
    from contentcheck.checks import CheckContext, Runner
    from contentcheck.crisis import Crisis

log = logging.getLogger(__name__)


@dataclass
class ScanResult:
    """What a scan found, in the order a reviewer reads it: pause, review, ok; then by date."""

    now: datetime
    window: Window | None  # None: --all
    calendars: list[Calendar]
    verdicts: list[Verdict]
    crises: list[dict[str, Any]] = field(default_factory=list)  # active declared crises
    crisis_terms: list[str] = field(default_factory=list)
    crisis_sources: list[str] = field(default_factory=list)
    crisis_errors: list[str] = field(default_factory=list)  # the brand's own errors, named by crises
    lists: dict[str, int] = field(default_factory=dict)
    posts_read: int = 0
    columns: dict[str, str] = field(default_factory=dict)  # column names given by the user
    notes: list[str] = field(default_factory=list)  # about the terms (a crisis term in the plural)
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # skipped: (path, error line)

    @property
    def flagged(self) -> list[Verdict]:
        return [v for v in self.verdicts if v.status is not Status.OK]

    @property
    def crisis_active(self) -> bool:
        return bool(self.crisis_terms or self.crisis_errors)

    def crisis_terms_shown(self, limit: int = 12) -> str:
        """The crisis terms for a one-line banner: the first ``limit``, then "..."; then the
        errors a crisis named (the similar-errors check pauses posts that repeat them)."""
        shown = ", ".join(self.crisis_terms[:limit]) + (" ..." if len(self.crisis_terms) > limit else "")
        if self.crisis_errors:
            errors = "errors: " + ", ".join(self.crisis_errors[:limit])
            shown = f"{shown}; {errors}" if shown else errors
        return shown

    def warnings(self, lang: str = "en") -> list[str]:
        """Notes on the files and warnings on posts, each naming where it applies, in the
        reader's language (English for the JSON and CSV reports)."""
        lines = list(self.notes)
        lines += [f"{c.path}: {note}" for c in self.calendars for note in c.notes]
        lines += [f"{v.post.location()}: {w}" for v in self.verdicts for w in v.post.warnings]
        return [warning_in(line, lang) for line in lines]

    def channel_shown(self, channel: str | None, source: str, lang: str) -> str:
        """A post's channel for a reader; a bulk file without one says which scheduler."""
        kind = next((c.kind for c in self.calendars if c.path == source), None)
        return channel_shown(channel, kind, lang)

    def summary(self) -> dict[str, Any]:
        counts = Counter(map(attrgetter("status"), self.verdicts))
        return {
            "posts_read": self.posts_read,
            "upcoming": len(self.verdicts),
            "pause": counts[Status.PAUSE],
            "review": counts[Status.REVIEW],
            "ok": counts[Status.OK],
            "undated": [v.post.scheduled_at for v in self.verdicts].count(None),
            "crisis_active": self.crisis_active,
        }


def declared_crises(sources: TermSources, now: datetime,
                    problems: list[str] | None = None) -> list["Crisis"]:
    """The crises declared with ``contentcheck crisis start`` that are active at ``now``; a
    crisis file that cannot be read is named in ``problems`` (logged when not given)."""
    from contentcheck.crisis import active_crises, default_state_dir

    if not sources.active_crises:
        return []
    return active_crises(sources.state_dir or default_state_dir(), now, problems)


def unseen_crises(sources: TermSources, now: datetime) -> list[str]:
    """Crises a person declared that this scan does not use, said out loud: one active in
    another state folder (declared from a shell without the team's config), and one active now
    that a ``--now`` in the past leaves out. Either way a crisis post could look ok."""
    from contentcheck.crisis import active_crises, active_elsewhere, default_state_dir

    if not sources.active_crises:
        return []
    state = sources.state_dir or default_state_dir()
    real_now = datetime.now(timezone.utc)
    notes = [f"active crisis {c.name!r} in {c.path} is NOT used by this scan (its state folder "
             f"is {state}): move the file into {state}/crises/ or point state_dir at one "
             "shared folder" for c in active_elsewhere(state, real_now)]
    if abs((real_now - now).total_seconds()) > 60:
        at_moment = {c.path for c in active_crises(state, now)}
        notes += [f"crisis {c.name!r} is active now but not at {now:%Y-%m-%d %H:%M} (--now), "
                  f"so this scan leaves it out" for c in active_crises(state, real_now)
                  if c.path not in at_moment]
    for note in notes:  # on stderr at once, not only among the report's warnings at the end
        log.warning("%s", note)
    return notes


def load_terms(sources: TermSources, crises: Iterable["Crisis"] = ()) -> tuple[TermSet, TermSet]:
    """The crisis terms (declared crises, files, then --term) and the word lists (shipped, then
    user folders): what a scan, and `explain`, check a text against."""
    from contentcheck.lists.load import load_lists
    from contentcheck.matching import crisis_terms_from_cli, load_crisis_file

    from contentcheck.kits import kit_terms

    crisis, kit_review = TermSet(), TermSet()
    for declared in crises:
        crisis = crisis + declared.typed_termset()
        pause, review = declared.kit_termsets()
        crisis, kit_review = crisis + pause, kit_review + review
    for path in sources.crisis_files:
        crisis = crisis + load_crisis_file(Path(path))
    if sources.crisis_terms:
        crisis = crisis + crisis_terms_from_cli(list(sources.crisis_terms))
    if sources.kits:
        pause, review = kit_terms(sources.kits, "--kit")
        crisis, kit_review = crisis + pause, kit_review + review
    lists = load_lists(sources.wordlist_dirs, shipped=sources.shipped_lists,
                       disabled_categories=sources.disabled_categories)
    return crisis, lists + TermSet(kit_review.terms)  # a kit's exceptions guard its pause words


def escalations(sources: TermSources, crises: Iterable["Crisis"] = ()) -> dict[str, str]:
    """The list categories whose hits pause, each with who escalated it (the first crisis,
    ``--kit NAME`` or ``--escalate``): for the reason a reviewer reads."""
    from contentcheck.kits import get_kit

    found: dict[str, str] = {}
    for declared in crises:
        for category in declared.escalations():
            found.setdefault(category, f"crisis {declared.name}")
    for kit in sources.kits:
        for category in get_kit(kit).escalate:
            found.setdefault(category, f"kit {kit}")
    for category in sources.escalate:
        found.setdefault(category, "--escalate")
    return found


def run_inputs(settings: ScanSettings, config_path: Path | None = None
               ) -> tuple[list[tuple[str, Path]], list[tuple[str, Path, tuple[str, ...]]]]:
    """Every file a scan with these settings reads, as (what, path), and the folders whose
    files it reads, as (what, folder, suffixes): no output may be one of them."""
    from contentcheck.crisis import CRISES_DIR, default_state_dir
    from contentcheck.lists.load import LIST_SUFFIXES, list_paths

    inputs = [("one of the calendars being scanned", Path(p)) for p in settings.calendars]
    inputs += [("a crisis file in use", Path(p)) for p in settings.terms.crisis_files]
    folders: list[tuple[str, Path, tuple[str, ...]]] = []
    for source in map(Path, settings.terms.wordlist_dirs):
        if source.is_dir():
            inputs += [("a word list in use", p) for p in list_paths(source)]
            folders.append(("a word-list folder in use", source, LIST_SUFFIXES))
        else:
            inputs.append(("a word list in use", source))
    if settings.terms.active_crises:
        crises = (settings.terms.state_dir or default_state_dir()) / CRISES_DIR
        if crises.is_dir():
            inputs += [("a declared crisis's file", p) for p in sorted(crises.glob("*.toml"))]
        folders.append(("the declared crises' folder", crises, (".toml",)))
    if config_path is not None:
        inputs.append(("the config file in use", Path(config_path)))
    return inputs, folders


def terms_at(sources: TermSources, now: datetime) -> tuple[TermSet, TermSet]:
    """What a scan at ``now`` checks against, the crises active then included: for
    ``explain`` and for apply's check of new texts."""
    return load_terms(sources, declared_crises(sources, now))


def check_context(now: datetime, crisis: TermSet, lists: TermSet, crises: Iterable["Crisis"],
                  escalated: dict[str, str] | None = None,
                  cache_dir: Path | None = None) -> "CheckContext":
    """What every check may use: the terms, the errors the declared crises name, the list
    categories escalated to pause, and where compiled terms are kept between runs."""
    from contentcheck.checks import CheckContext

    crises = list(crises)
    return CheckContext(now=now, crisis=crisis, lists=lists,
                        errors=tuple((error, c.name) for c in crises for error in c.errors),
                        escalations=escalated or {}, cache_dir=cache_dir)


def cache_dir(settings: ScanSettings) -> Path | None:
    """The state folder's ``cache/``, where compiled terms are kept; None with ``--no-cache``."""
    from contentcheck.crisis import default_state_dir

    if not settings.cache:
        return None
    return (settings.terms.state_dir or default_state_dir()) / "cache"


_NO_DATE = datetime.max.replace(tzinfo=timezone.utc)  # posts without a date sort last
_RANK = {status: status.rank for status in Status}


def _size(paths: Iterable[Path]) -> int:
    """The calendars' total size, for deciding whether reading is worth a progress bar."""
    total = 0
    for path in paths:
        try:
            total += Path(path).stat().st_size
        except OSError:  # standard input, or a file that read_calendar will name as missing
            pass
    return total


PROGRESS_STEP = 5000  # posts between progress updates: often enough to see, rare enough to cost nothing


def _run_checks(context: "CheckContext", settings: ScanSettings,
                started: list[tuple[str, "Runner"]], posts: list["Post"], progress: Progress
                ) -> tuple[dict[int, list["Finding"]], list[str]]:
    """Every check on every post, then the checks across posts; findings by post index, in
    registry order (the crisis terms first), and what the checks noted while they ran. A big
    scan uses every core (``workers.py``)."""
    from contentcheck.workers import add_finished, check_in_pool, runner_warnings, workers_for

    progress.stage("checking", len(posts), worth_showing=len(posts) >= WORTH_SHOWING_POSTS)
    workers = workers_for(settings.jobs, len(posts))
    if workers > 1:
        return check_in_pool(context, settings.checks, started, posts, workers, progress)
    runners = [runner for _, runner in started]
    found: dict[int, list[Finding]] = {}
    for first in range(0, len(posts), PROGRESS_STEP):
        chunk = posts[first:first + PROGRESS_STEP]
        if len(runners) == 1:  # the common case, kept lean: it runs for every post
            check = runners[0].check
            for index, post in enumerate(chunk, first):
                findings = check(index, post)
                if findings:
                    found[index] = list(findings)
        else:
            for index, post in enumerate(chunk, first):
                findings = [f for runner in runners for f in runner.check(index, post)]
                if findings:
                    found[index] = findings
        progress.advance(len(chunk))
    return add_finished(runners, found), runner_warnings(runners)


def _sort_key(verdict: Verdict) -> tuple:
    post = verdict.post
    return (_RANK[verdict.status], post.scheduled_at or _NO_DATE, post.source, post.sheet or "",
            post.row)


def run_scan(settings: ScanSettings, progress: Progress = SILENT) -> ScanResult:
    """Read every calendar, keep the upcoming posts, run every enabled check on each and
    decide; ``progress`` hears how far it is."""
    from contentcheck.checks import start_each

    now = settings.now or datetime.now(settings.timezone)
    window = None
    if not settings.all_posts:
        window = Window(now, settings.until) if settings.until else Window.days_ahead(now, settings.days)
    problems: list[str] = []
    crises = declared_crises(settings.terms, now, problems)
    crisis, lists = load_terms(settings.terms, crises)
    context = check_context(now, crisis, lists, crises, escalations(settings.terms, crises),
                            cache_dir(settings))
    started = start_each(context, settings.checks)
    options = ReadOptions(timezone=settings.timezone, dayfirst=settings.dayfirst,
                          columns=dict(settings.columns), reference=now.date())
    progress.stage("reading", len(settings.calendars),
                   worth_showing=_size(settings.calendars) >= WORTH_SHOWING_BYTES)
    calendars, unreadable = _read_calendars(settings, options, progress)
    posts = [post for calendar in calendars for post in calendar.posts
             if window is None or is_upcoming(post, window)]
    for calendar in calendars:
        log.info("%s: %d posts (%s)", calendar.path, len(calendar.posts), calendar.kind)
    found, noted = _run_checks(context, settings, started, posts, progress)
    progress.done()
    verdicts = [decide(post, found.get(index, ())) for index, post in enumerate(posts)]
    verdicts.sort(key=_sort_key)
    list_sizes = Counter(term.list_name for term in lists.terms)
    return ScanResult(
        now=now, window=window, calendars=calendars, verdicts=verdicts,
        crises=[c.to_dict() for c in crises],
        crisis_terms=list(dict.fromkeys(term.text for term in crisis.terms)),  # each once
        crisis_errors=list(dict.fromkeys(error for c in crises for error in c.errors)),
        crisis_sources=[f"crisis {c.name}" for c in crises]
        + [str(p) for p in settings.terms.crisis_files]
        + (["--term"] if settings.terms.crisis_terms else [])
        + [f"kit {kit}" for kit in settings.terms.kits],
        lists=dict(sorted(list_sizes.items())),
        posts_read=sum(len(c.posts) for c in calendars),
        columns={role.value: name for role, name in settings.columns.items()},
        notes=problems + unseen_crises(settings.terms, now) + term_notes(crisis, left_out=False) + list(lists.warnings)
        + noted,
        unreadable=unreadable,
    )


def _read_calendars(settings: ScanSettings, options: "ReadOptions",
                    progress: Progress) -> tuple[list[Calendar], list[tuple[str, str]]]:
    """Every calendar; with ``skip_unreadable`` (the nightly check) one that cannot be read is
    named and skipped so the others are still checked, unless none can be read at all."""
    calendars: list[Calendar] = []
    unreadable: list[tuple[str, str]] = []
    first: CalendarError | None = None
    for path in settings.calendars:
        try:
            calendars.append(read_calendar(path, options))
        except CalendarError as exc:
            if not settings.skip_unreadable:
                raise
            log.error("%s (skipped; the other calendars are checked)", exc)
            unreadable.append((str(path), str(exc)))
            first = first or exc
        progress.advance()
    if first is not None and not calendars:
        raise first
    return calendars, unreadable
