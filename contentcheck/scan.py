"""The pipeline: read -> window -> every enabled check -> decide, for the CLI and the nightly
runner alike. Nothing here is specific to one check: they come from ``checks.CHECKS``."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contentcheck.calendar import Calendar, ReadOptions, stream_calendar
from contentcheck.decide import decide
from contentcheck.errors import CalendarError, SettingsError
from contentcheck.matching import TermSet, term_notes
from contentcheck.progress import SILENT, WORTH_SHOWING_CHECK_BYTES, Progress
from contentcheck.records import Finding, Post, Status, Verdict
from contentcheck.settings import ScanSettings, TermSources
from contentcheck.window import Window, is_upcoming
from contentcheck.twins import identity
from contentcheck.wording import channel_shown, hold_lines, warning_in

if TYPE_CHECKING:
    from contentcheck.checks import CheckContext, Runner
    from contentcheck.crisis import Crisis, Declared
    from contentcheck.kit_choice import KitChoice
    from contentcheck.matching.checker import Checker
    from contentcheck.twins import Twins
    from contentcheck.verdicts import StoredVerdicts
    from contentcheck.workers import CheckPool

log = logging.getLogger(__name__)


@dataclass
class ScanResult:
    """What a scan found, in the order a reviewer reads it: pause, review, ok; then by date.

    ``verdicts`` is a list, or for a scan the sequence of ``verdicts.StoredVerdicts`` (sized,
    iterable as often as needed, ok verdicts merged from disk): read it by iterating, never by
    index. ``flagged`` is always a list."""

    now: datetime
    window: Window | None  # None: --all
    calendars: list[Calendar]
    verdicts: Sequence[Verdict] | "StoredVerdicts"
    crises: list[dict[str, Any]] = field(default_factory=list)  # active declared crises
    crisis_terms: list[str] = field(default_factory=list)
    crisis_sources: list[str] = field(default_factory=list)
    crisis_errors: list[str] = field(default_factory=list)  # the brand's own errors, named by crises
    # the kits chosen from the typed terms of a crisis naming none: a line each (kit_choice.py)
    kits_chosen: list[str] = field(default_factory=list)
    holds: list[dict[str, str]] = field(default_factory=list)  # quiet periods: by, until (ISO)
    lists: dict[str, int] = field(default_factory=dict)
    posts_read: int = 0
    columns: dict[str, str] = field(default_factory=dict)  # column names given by the user
    dayfirst: bool | None = None  # --dayfirst/--monthfirst (None: as each file shows)
    notes: list[str] = field(default_factory=list)  # about the terms (a crisis term in the plural)
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # skipped: (path, error line)
    # declared crises whose until passed in the last days unended: name, until, path
    expired: list[dict[str, str]] = field(default_factory=list)
    # gathered while the posts went by, for a scan whose ok verdicts are not all in memory:
    # the posts' warnings in report order, the number of undated posts, and the twins
    post_warnings: list[str] | None = None
    undated: int | None = None
    twins: "Twins | None" = None

    @property
    def flagged(self) -> list[Verdict]:
        stored = getattr(self.verdicts, "flagged", None)
        if stored is not None:
            return stored
        return [v for v in self.verdicts if v.status is not Status.OK]

    def iter_flagged(self) -> Iterator[Verdict]:
        """The flagged verdicts in order, without a list of them all (a big scan's are on disk)."""
        stored = getattr(self.verdicts, "iter_flagged", None)
        if stored is not None:
            return stored()
        return (v for v in self.verdicts if v.status is not Status.OK)

    @property
    def any_flagged(self) -> bool:
        """Whether a post is paused or to review (the exit code), without listing them."""
        counts = self.counts()
        return bool(counts[Status.PAUSE] or counts[Status.REVIEW])

    def counts(self) -> Counter[Status]:
        """How many posts are paused, to review and ok."""
        stored = getattr(self.verdicts, "counts", None)
        if stored is not None:
            return Counter(stored)
        return Counter(map(attrgetter("status"), self.verdicts))

    @property
    def crisis_active(self) -> bool:
        return bool(self.crisis_terms or self.crisis_errors or self.holds)

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
        if self.post_warnings is not None:
            lines += self.post_warnings
        else:
            lines += [f"{v.post.location()}: {w}" for v in self.verdicts for w in v.post.warnings]
        return [warning_in(line, lang) for line in lines]

    def sources_shown(self, lang: str = "en") -> str:
        """Where the active crisis terms come from, for a reader's banner (a chosen kit said in
        the reader's language; the JSON and CSV reports keep ``crisis_sources`` as they are)."""
        return ", ".join(warning_in(source, lang) for source in self.crisis_sources)

    def crisis_lines(self, lang: str = "en") -> list[str]:
        """The quiet periods in force and the kits chosen from the typed terms, a line each,
        in the reader's language (the JSON report keeps ``holds`` and ``kits_chosen``)."""
        return self.hold_lines(lang) + self.kit_lines(lang)

    def hold_lines(self, lang: str = "en") -> list[str]:
        return hold_lines(self.holds, self.now.tzinfo, lang)

    def kit_lines(self, lang: str = "en") -> list[str]:
        return [warning_in(line, lang) for line in self.kits_chosen]

    def channel_shown(self, channel: str | None, source: str, lang: str) -> str:
        """A post's channel for a reader; a bulk file without one says which scheduler."""
        kind = next((c.kind for c in self.calendars if c.path == source), None)
        return channel_shown(channel, kind, lang)

    def twins_found(self) -> "Twins":
        """The same post in several calendars (``twins.py``): found by the scan as it went, or
        here for verdicts given as a list."""
        if self.twins is not None:
            return self.twins
        from contentcheck.twins import find_twins

        return find_twins(self.verdicts, {c.path: i for i, c in enumerate(self.calendars)})

    def summary(self) -> dict[str, Any]:
        counts = self.counts()
        undated = self.undated
        if undated is None:
            undated = [v.post.scheduled_at for v in self.verdicts].count(None)
        return {
            "posts_read": self.posts_read,
            "upcoming": len(self.verdicts),
            "pause": counts[Status.PAUSE],
            "review": counts[Status.REVIEW],
            "ok": counts[Status.OK],
            "undated": undated,
            "crisis_active": self.crisis_active,
        }

    def close(self) -> None:
        """Remove the temporary files of the ok verdicts, if any (also done at exit)."""
        close = getattr(self.verdicts, "close", None)
        if close is not None:
            close()


def read_crisis_folder(sources: TermSources, problems: list[str] | None = None) -> "Declared":
    """The declared crises (``contentcheck crisis start``) as read once for a scan, none when
    the scan leaves them out; a crisis file that cannot be read is named in ``problems``
    (logged when not given)."""
    from contentcheck.crisis import Declared, default_state_dir, read_declared

    if not sources.active_crises:
        return Declared()
    return read_declared(sources.state_dir or default_state_dir(), problems, sources.timezone)


def declared_crises(sources: TermSources, now: datetime,
                    problems: list[str] | None = None) -> list["Crisis"]:
    """The declared crises active at ``now`` (see ``read_crisis_folder``)."""
    return read_crisis_folder(sources, problems).active(now)


def unseen_crises(sources: TermSources, now: datetime, declared: "Declared", *,
                  logged: bool = True) -> list[str]:
    """Crises a person declared that this scan does not use, said out loud: one active in
    another state folder (declared from a shell without the team's config), one active now
    that a ``--now`` in the past leaves out, and one whose ``until`` passed in the last three
    days without anyone ending it. Either way a crisis post could look ok. ``declared`` is
    the scan's own reading of its folder, so these say what its pauses used."""
    from contentcheck.crisis import active_elsewhere, default_state_dir, extend_command

    if not sources.active_crises:
        return []
    state = sources.state_dir or default_state_dir()
    real_now = datetime.now(timezone.utc)
    notes = [f"active crisis {c.name!r} in {c.path} is NOT used by this scan (its state folder "
             f"is {state}): move the file into {state}/crises/ or point state_dir at one "
             "shared folder" for c in active_elsewhere(state, real_now)]
    if abs((real_now - now).total_seconds()) > 60:
        at_moment = {c.path for c in declared.active(now)}
        notes += [f"crisis {c.name!r} is active now but not at {now:%Y-%m-%d %H:%M} (--now), "
                  f"so this scan leaves it out" for c in declared.active(real_now)
                  if c.path not in at_moment]
    active = {c.path for c in declared.active(real_now)}  # said just above, with --now
    notes += [f"crisis {c.name!r} has not started: it starts at "
              f"{c.started.astimezone(now.tzinfo):%Y-%m-%d %H:%M %Z} (its started in {c.path}), "
              "so this scan leaves it out, posts after that moment too; if it has begun, set "
              "an earlier started" for c in declared.scheduled(now) if c.path not in active]
    notes += [f"crisis {c.name!r} stopped counting at "
              f"{c.until.astimezone(now.tzinfo):%Y-%m-%d %H:%M %Z} (its until), so "
              f"this scan leaves its terms out; if it is not over: {extend_command(c)} (or set "
              f"a later until in {c.path})" for c in declared.recently_expired(now)]
    for note in notes if logged else ():  # on stderr at once, not only among the report's
        log.warning("%s", note)             # warnings at the end (explain prints its own)
    return notes


def load_terms(sources: TermSources, crises: Iterable["Crisis"] = (),
               chosen: list["KitChoice"] | None = None) -> tuple[TermSet, TermSet]:
    """The crisis terms (declared crises, files, then --term, kits, then the typed terms'
    translations) and the word lists (shipped, then user folders, then the words of the kits
    chosen from the typed terms of a crisis that names none, as review words; the choices are
    added to ``chosen``): what a scan, and `explain`, check a text against."""
    crisis, added = crisis_and_review_terms(sources, crises, chosen)
    return crisis, _parsed_lists(sources, added)


def _parsed_lists(sources: TermSources, added: TermSet) -> TermSet:
    from contentcheck.lists.load import load_lists

    lists = load_lists(sources.wordlist_dirs, shipped=sources.shipped_lists,
                       disabled_categories=sources.disabled_categories)
    return lists + added


def crisis_and_review_terms(sources: TermSources, crises: Iterable["Crisis"] = (),
                            chosen: list["KitChoice"] | None = None
                            ) -> tuple[TermSet, TermSet]:
    """The crisis terms, and what joins the word lists: the review words of kits and
    translations, then those of the kits chosen from the typed terms (``load_terms``
    without the lists)."""
    from contentcheck.matching import crisis_terms_from_cli, load_crisis_file

    from contentcheck.kit_choice import chosen_kits
    from contentcheck.kits import kit_terms
    from contentcheck.matching.singulars import singular_terms
    from contentcheck.translations import translated

    crisis, kit_review, typed, given = TermSet(), TermSet(), TermSet(), TermSet()
    kitless: list[tuple[TermSet, str | None, tuple[str, ...]]] = []  # crises naming no kit
    in_use = list(sources.kits)
    dropped: list[str] = []
    for declared in crises:
        own = declared.typed_termset()
        pause, review = declared.kit_termsets()
        crisis, kit_review, typed = crisis + own + pause, kit_review + review, typed + own
        in_use += declared.kits
        dropped += declared.dropped
        if not declared.kits:
            kitless.append((own, declared.name, declared.dropped))
    for path in sources.crisis_files:
        own = load_crisis_file(Path(path))
        crisis, typed, given = crisis + own, typed + own, given + own
    if sources.crisis_terms:
        own = crisis_terms_from_cli(list(sources.crisis_terms), sources.config_terms)
        crisis, typed, given = crisis + own, typed + own, given + own
    if given.terms and not sources.kits:
        kitless.append((given, None, ()))
    if sources.kits:
        pause, review = kit_terms(sources.kits, "--kit")
        crisis, kit_review = crisis + pause, kit_review + review
    if sources.crisis_terms and not crisis.terms:  # '!trein' alone: a crisis that finds nothing
        raise SettingsError(f"--term {sources.crisis_terms[0]!r}: only exceptions ('!word' stops "
                            "a hit of another term), no crisis term to find; type the term "
                            "without '!'")
    # a typed Dutch plural finds its singular too, where that cannot be another word
    pause, review = singular_terms(typed, known=crisis.terms, dropped=dropped)
    crisis, kit_review = crisis + pause, kit_review + review
    if sources.translations and typed.terms:  # a typed term's translation is a crisis term too
        pause, review = translated(typed, known=crisis.terms)  # (translations.py)
        crisis, kit_review = crisis + pause, kit_review + review
    added = TermSet(kit_review.terms)  # a kit's exceptions guard its pause words
    if sources.kit_guess and kitless:
        choices, guessed = chosen_kits(kitless, in_use)
        if chosen is not None:
            chosen.extend(choices)
        added += guessed
    return crisis, added


def lists_or_compiled(sources: TermSources, crisis: TermSet, added: TermSet,
                      folder: Path | None) -> tuple[TermSet, str | None, "Checker | None"]:
    """The word lists (with ``added``), the terms cache's key for a scan's compiled terms,
    and the compiled checker when the cache in ``folder`` holds it: keyed by the list files'
    bytes, so the lists are parsed only when it does not (their terms and warnings are then
    the checker's). Without a cache (``folder=None``) the lists are parsed, and no key."""
    from contentcheck.lists.load import lists_fingerprint
    from contentcheck.matching.cache import load_compiled, sources_key

    if folder is None:
        return _parsed_lists(sources, added), None, None
    fingerprint = lists_fingerprint(sources.wordlist_dirs, shipped=sources.shipped_lists,
                                    disabled_categories=sources.disabled_categories)
    key = None
    if fingerprint is not None:
        key = sources_key(crisis, added, fingerprint)
        checker = load_compiled(folder, key)
        if checker is not None:
            return checker.list_terms, key, checker
    lists = _parsed_lists(sources, added)
    if key is not None and lists_fingerprint(
            sources.wordlist_dirs, shipped=sources.shipped_lists,
            disabled_categories=sources.disabled_categories) != fingerprint:
        key = None  # a list changed while it was read: keyed by its terms, as parsed
    return lists, key, None


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
    inputs, folders = term_inputs(settings.terms, config_path)
    inputs[:0] = [("one of the calendars being scanned", Path(p)) for p in settings.calendars]
    return inputs, folders


def term_inputs(terms: TermSources, config_path: Path | None = None
                ) -> tuple[list[tuple[str, Path]], list[tuple[str, Path, tuple[str, ...]]]]:
    """The crisis files, word lists, declared crises and config these term sources read, and
    the folders they read from (``run_inputs`` without the calendars; apply's copies too may
    never land on one)."""
    from contentcheck.crisis import CRISES_DIR, default_state_dir
    from contentcheck.lists.load import LIST_SUFFIXES, list_paths

    inputs = [("a crisis file in use", Path(p)) for p in terms.crisis_files]
    folders: list[tuple[str, Path, tuple[str, ...]]] = []
    for source in map(Path, terms.wordlist_dirs):
        if source.is_dir():
            inputs += [("a word list in use", p) for p in list_paths(source)]
            folders.append(("a word-list folder in use", source, LIST_SUFFIXES))
        else:
            inputs.append(("a word list in use", source))
    if terms.active_crises:
        crises = (terms.state_dir or default_state_dir()) / CRISES_DIR
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


def holds_at(crises: Iterable["Crisis"], now: datetime, hold_until: datetime | None = None
             ) -> tuple[tuple[str, datetime], ...]:
    """The quiet periods in force at ``now``: the active crises' and the scan's own
    (``--hold``), each with who declared it."""
    holds = [(f"crisis {c.name}", c.hold_end) for c in crises if c.holds(now)]
    if hold_until is not None and hold_until > now:
        holds.append(("scan --hold", hold_until))
    return tuple(holds)


def check_context(now: datetime, crisis: TermSet, lists: TermSet, crises: Iterable["Crisis"],
                  escalated: dict[str, str] | None = None,
                  cache_dir: Path | None = None, terms_key: str | None = None,
                  compiled: "Checker | None" = None,
                  holds: tuple[tuple[str, datetime], ...] = ()) -> "CheckContext":
    """What every check may use: the terms, the errors the declared crises name, the list
    categories escalated to pause, the quiet periods in force, and where compiled terms are
    kept between runs (with a scan's key for them there, and the checker already loaded with
    it)."""
    from contentcheck.checks import CheckContext

    crises = list(crises)
    return CheckContext(now=now, crisis=crisis, lists=lists,
                        errors=tuple((error, c.name) for c in crises for error in c.errors),
                        holds=holds,
                        escalations=escalated or {}, cache_dir=cache_dir,
                        terms_key=terms_key, compiled=compiled)


def cache_dir(settings: ScanSettings) -> Path | None:
    """The state folder's ``cache/``, where compiled terms are kept; None with ``--no-cache``."""
    from contentcheck.crisis import default_state_dir, reachable

    state = settings.terms.state_dir or default_state_dir()
    if not settings.cache or not reachable(state):  # made here, a missing shared folder
        return None  # would read as one with no crisis from the next scan on
    return state / "cache"


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
# posts checked by one pool of processes; the verdicts held are written first (flush), so a
# batch and the verdicts held stay within HOLD + POOL_BATCH posts (bench/README.md, "Memory")
POOL_BATCH = 100_000


class _Checking:
    """Checks and decides the posts as the calendars hand them over, a chunk at a time, and
    keeps the verdicts in a ``VerdictStore``; what the summary and the reports need besides
    (warnings, undated posts, twins) is gathered on the way, in a few numbers per post."""

    def __init__(self, context: "CheckContext", settings: ScanSettings,
                 started: list[tuple[str, "Runner"]], several: bool, size: int) -> None:
        from contentcheck.verdicts import VerdictStore, hold_for
        from contentcheck.workers import workers_for

        self.context, self.settings, self.started = context, settings, started
        self.runners = [runner for _, runner in started]
        self.store = VerdictStore(hold_for(size))
        self.index = 0  # the scan's index of the next post
        self.pending: list[Post] = []  # posts waiting for a pool of processes
        self.pending_start = 0
        self.pooled = workers_for(settings.jobs, POOL_BATCH) > 1
        self.pool: "CheckPool | None" = None  # one for the whole scan, once a batch needs it
        self.noted: dict[str, None] = {}
        # posts with warnings: index, status, the rest of the report order, the lines
        self.warned: list[tuple[int, Status, Any, list[str]]] = []
        self.undated = 0
        self.recount = False
        self.identities: dict[int, list[int]] | None = {} if several else None

    def add(self, posts: list[Post]) -> None:
        """Check and decide these posts (in a pool: once a batch is full)."""
        if self.pooled:
            if not self.pending:
                self.pending_start = self.index
            self.pending += posts
            self.index += len(posts)
            if len(self.pending) >= POOL_BATCH:
                self.flush()
            return
        found = self._check_here(posts, self.index)
        self._decide(posts, self.index, found)
        self.index += len(posts)

    def flush(self) -> None:
        """The posts waiting for the pool, checked and decided."""
        from contentcheck.workers import CheckPool, workers_for

        posts, start = self.pending, self.pending_start
        self.pending = []
        if not posts:
            return
        self.store.make_room(len(posts))
        if self.pool is None and workers_for(self.settings.jobs, len(posts)) > 1:
            # started once, with the first full batch; later batches reuse its warm workers
            self.pool = CheckPool(self.context, self.settings.checks, self.started, posts,
                                  workers_for(self.settings.jobs, len(posts)), start)
        if self.pool is not None:
            found, noted = self.pool.check(posts, start)
            self.noted.update(dict.fromkeys(noted))
        else:
            found = self._check_here(posts, start)
        self._decide(posts, start, found)

    def close(self, *, failed: bool = False) -> None:
        """Let the pool of processes go, if one was started (stopped at once after a
        failure)."""
        if self.pool is not None:
            pool, self.pool = self.pool, None
            if failed:
                pool.terminate()
            else:
                pool.close()

    def _check_here(self, posts: list[Post], start: int) -> dict[int, list["Finding"]]:
        """Every runner's findings per post, in runner order (``checks.check_posts``)."""
        from contentcheck.checks import check_posts

        return check_posts(self.runners, posts, start)

    def _decide(self, posts: list[Post], start: int, found: dict[int, list["Finding"]]) -> None:
        add, get = self.store.add, found.get
        identities = self.identities
        ok = Status.OK
        for index, post in enumerate(posts, start):
            findings = get(index)  # most posts: none, ok without a call to decide
            verdict = decide(post, findings) if findings else Verdict(post, ok)
            add(index, verdict)
            if post.warnings:
                self.warned.append((index, verdict.status, (post.scheduled_at or _NO_DATE,
                                    post.source, post.sheet or "", post.row),
                                    [f"{post.location()}: {w}" for w in post.warnings]))
            if post.scheduled_at is None:
                self.undated += 1
            elif identities is not None:
                shared = identity(post)
                if shared is not None:
                    identities.setdefault(hash(shared), []).append(index)

    def drop(self, start: int) -> None:
        """Forget the posts from ``start`` on: their calendar turned out unreadable."""
        self.pending = [p for i, p in enumerate(self.pending, self.pending_start) if i < start]
        self.store.drop(start, self.index)
        self.warned = [w for w in self.warned if w[0] < start]
        for indexes in (self.identities or {}).values():
            indexes[:] = [i for i in indexes if i < start]
        self.recount = True  # the undated posts, from the verdicts (rare: the nightly check only)

    def finish(self, calendars: list[Calendar]
               ) -> tuple["StoredVerdicts", list[str], list[str], int, "Twins"]:
        """Every post was seen: the checks across posts add their findings, the twins are
        found, and the verdicts come out in report order."""
        from contentcheck.twins import find_twins
        from contentcheck.workers import add_finished, runner_warnings

        self.flush()
        self.close()  # every post was checked: the workers can go
        if self.store.runs:  # a big scan: the checks' last work (sorting hashes) gets the room
            self.store.make_room(self.store.hold)
        late = add_finished([r for _, r in self.started], {})
        late = {i: f for i, f in late.items() if not self.store.is_dropped(i)}
        self.store.redecide(late)
        self.warned = [(i, self.store.held[i].status if i in late else status, rest, lines)
                       for i, status, rest, lines in self.warned]
        twins: Twins = {}
        if self.identities:
            wanted = {i for group in self.identities.values() if len(group) > 1 for i in group}
            if wanted:
                held = self.store.pull(wanted)
                order = {c.path: n for n, c in enumerate(calendars)}
                twins = find_twins([held[i] for i in sorted(held)], order)
        verdicts = self.store.close_reading()
        rank = {s: s.rank for s in Status}
        self.warned.sort(key=lambda w: (rank[w[1]], *w[2], w[0]))
        lines = [line for *_, found in self.warned for line in found]
        noted = [*self.noted, *runner_warnings(self.runners)]
        undated = self.undated
        if self.recount:
            undated = sum(1 for v in verdicts if v.post.scheduled_at is None)
        return verdicts, lines, list(dict.fromkeys(noted)), undated, twins


_NO_DATE = datetime.max.replace(tzinfo=timezone.utc)  # posts without a date sort last


def run_scan(settings: ScanSettings, progress: Progress = SILENT) -> ScanResult:
    """Read every calendar, keep the upcoming posts, run every enabled check on each and
    decide, a chunk of posts at a time; ``progress`` hears how far it is. The ok verdicts of
    a big scan wait in temporary files (``verdicts.py``) until the result is closed."""
    from contentcheck.checks import start_each
    from contentcheck.kit_choice import KitChoice
    from contentcheck.translations import typed_only

    now = settings.now or datetime.now(settings.timezone)
    window = None
    if not settings.all_posts:
        window = Window(now, settings.until) if settings.until else Window.days_ahead(now, settings.days)
    problems: list[str] = []
    declared = read_crisis_folder(settings.terms, problems)  # once: header, pauses, warnings
    crises = declared.active(now)
    chosen: list[KitChoice] = []
    crisis, added = crisis_and_review_terms(settings.terms, crises, chosen)
    folder = cache_dir(settings)
    lists, key, compiled = lists_or_compiled(settings.terms, crisis, added, folder)
    holds = holds_at(crises, now, settings.hold_until)
    context = check_context(now, crisis, lists, crises, escalations(settings.terms, crises),
                            folder, key, compiled, holds)
    started = start_each(context, settings.checks)
    options = ReadOptions(timezone=settings.timezone, dayfirst=settings.dayfirst,
                          columns=dict(settings.columns), reference=now.date())
    size = _size(settings.calendars)
    progress.stage("checking", size, worth_showing=size >= WORTH_SHOWING_CHECK_BYTES)
    checking = _Checking(context, settings, started, several=len(settings.calendars) > 1,
                         size=size)
    try:
        calendars, unreadable = _read_calendars(settings, options, window, checking, progress)
        verdicts, post_warnings, noted, undated, twins = checking.finish(calendars)
    except BaseException:
        checking.close(failed=True)
        checking.store.close()
        raise
    progress.done()
    for choice in chosen:  # the watch log's line (the reports show it at their top)
        log.info("%s", choice.line())
    held = [{"by": by, "until": until.isoformat()} for by, until in holds]
    for line in hold_lines(held, now.tzinfo, "en"):  # the watch log's line too
        log.info("%s", line)
    list_sizes = Counter(term.list_name for term in lists.terms)
    return ScanResult(
        now=now, window=window, calendars=calendars, verdicts=verdicts,
        crises=[c.to_dict() for c in crises],
        crisis_terms=list(dict.fromkeys(term.text for term in crisis.terms)),  # each once
        crisis_errors=list(dict.fromkeys(error for c in crises for error in c.errors)),
        crisis_sources=[f"crisis {c.name}" for c in crises]
        + [str(p) for p in settings.terms.crisis_files]
        + (["config"] if settings.terms.config_terms else [])  # [scan] terms: nobody typed them
        + (["--term"] if len(settings.terms.crisis_terms) > settings.terms.config_terms else [])
        + [f"kit {kit}" for kit in settings.terms.kits]
        + [f"kit {choice.kit.name} (chosen, review)" for choice in chosen]
        + (["--hold"] if settings.hold_until else []),
        kits_chosen=[choice.line() for choice in chosen],
        holds=held,
        lists=dict(sorted(list_sizes.items())),
        posts_read=sum(c.read for c in calendars),
        columns={role.value: name for role, name in settings.columns.items()},
        dayfirst=settings.dayfirst,
        notes=problems + unseen_crises(settings.terms, now, declared)
        + term_notes(sum((c.kept_out() for c in crises), typed_only(crisis)), left_out=False)
        + list(lists.warnings) + noted,
        unreadable=unreadable,
        expired=[{"name": c.name, "until": c.until.isoformat(), "path": str(c.path)}
                 for c in declared.recently_expired(now) if c.until is not None],
        post_warnings=post_warnings, undated=undated, twins=twins,
    )


def _read_calendars(settings: ScanSettings, options: "ReadOptions", window: Window | None,
                    checking: _Checking, progress: Progress
                    ) -> tuple[list[Calendar], list[tuple[str, str]]]:
    """Every calendar, its upcoming posts checked chunk by chunk; with ``skip_unreadable``
    (the nightly check) one that cannot be read is named and skipped, its posts forgotten, so
    the others are still checked, unless none can be read at all."""
    calendars: list[Calendar] = []
    unreadable: list[tuple[str, str]] = []
    first: CalendarError | None = None
    for path in settings.calendars:
        start = checking.index
        try:
            stream = stream_calendar(path, options)
            done = 0
            for chunk in stream.chunks():
                posts = chunk if window is None else [p for p in chunk if is_upcoming(p, window)]
                checking.add(posts)
                read = stream.source.read if stream.source is not None else 0
                if read > done:  # a second pass over the file (rare) does not count again
                    progress.advance(read - done)
                    done = read
            calendar = stream.calendar
            progress.advance(max(_size([path]) - done, 0))  # a workbook: read whole
        except CalendarError as exc:
            if not settings.skip_unreadable:
                raise
            log.error("%s (skipped; the other calendars are checked)", exc)
            unreadable.append((str(path), str(exc)))
            first = first or exc
            checking.drop(start)
            continue
        log.info("%s: %d posts (%s)", calendar.path, calendar.read, calendar.kind)
        calendars.append(calendar)
    if first is not None and not calendars:
        raise first
    return calendars, unreadable
