"""The checks a post goes through, and the one place that lists them.

A check is a module with:

- ``ID``: the name users see in reports and the config (``[checks.ID]``);
- ``DEFAULT``: its default configuration, ``enabled`` included; option names listed in an
  optional ``PATHS`` are file paths, resolved against the config file's folder;
- ``SCOPE``: which fields it reads (``Scope.TEXT``: every text-bearing field; ``Scope.POST``:
  the post as a whole, e.g. its channel and time);
- a module docstring that is its user documentation (what it does / why / example / known
  problems), shown by ``contentcheck checks``;
- ``start(context, config) -> Runner | None``: prepare once per scan (compile terms...), or
  None when there is nothing to check;
- ``describe(finding, lang) -> str``: one of its findings in plain words, in ``nl`` or ``en``;
  the only place where its reasons are phrased. It reads what was found, never where (not
  ``start`` or ``end``): each distinct finding is phrased once (``describe`` below).

A ``Runner`` checks one post at a time (``check``) and may report findings about posts it saw
earlier once every post was seen (``finish``), as a check across posts must. A scan hands
the posts over a chunk at a time (``check_posts``): a runner may take the whole chunk
(``check_chunk``), when it can look at most posts without a call of its own per post (a
check of a post's time or warnings alone); it must find exactly what ``check`` finds on
each post in turn. Such a check says
so with ``ACROSS_POSTS = True`` in its module: a big scan checks chunks of posts in several
processes (``workers.py``) and runs those checks in one process over every post. Such a
check keeps what ``finish`` needs of each post in a few numbers, never the post itself: a
scan hands the posts over a chunk at a time and lets them go (``duplicate_post.py`` keeps
32 bytes a post). A check
without it must find everything in ``check`` (its ``finish`` finds nothing) and keep nothing
from one post to the next that changes what it finds.

Adding a check is one new module plus one line in ``CHECKS``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from operator import attrgetter, itemgetter
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Protocol

from contentcheck.checks import (duplicate_post, house_words, links, quiet_period,
                                 sensitive_dates, similar_errors, spelling, terms,
                                 tone_of_voice, unsaved_formulas)
from contentcheck.errors import SettingsError

if TYPE_CHECKING:
    from contentcheck.matching import TermSet
    from contentcheck.records import Finding, Post


class Scope(str, Enum):
    """What part of a post a check reads."""

    TEXT = "text"  # every text-bearing field: text, hashtags, alt text, first comment ...
    POST = "post"  # the post as a whole: its text, channel and time together


@dataclass(frozen=True)
class CheckContext:
    """What every check may use, prepared once per scan."""

    now: datetime
    crisis: "TermSet"
    lists: "TermSet"
    crisis_sources: tuple[str, ...] = ()
    errors: tuple[tuple[str, str], ...] = ()  # (the brand's own error, the crisis naming it)
    # quiet periods in force: (who declared it, "crisis Treinramp" or "scan --hold"; its end)
    holds: tuple[tuple[str, datetime], ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)
    # list categories whose hits pause, each with who escalated it ("crisis Schietpartij")
    escalations: Mapping[str, str] = field(default_factory=dict)
    # where compiled terms are kept between runs (matching/cache.py); None: compile every time
    cache_dir: Path | None = None
    # a scan's key for them there (``cache.sources_key``), and the checker it loaded with it
    # (not pickled: a spawned worker loads it by the key)
    terms_key: str | None = None
    compiled: Any = field(default=None, compare=False, repr=False)

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "compiled": None}


class Runner(Protocol):
    """One check, prepared for one scan."""

    def check(self, index: int, post: "Post") -> Sequence["Finding"]:
        """The findings for one post (``index`` counts the posts checked so far)."""

    def finish(self) -> Iterable[tuple[int, "Finding"]]:
        """Findings about posts seen earlier, by their index, once every post was seen."""

    # optional: def check_chunk(self, start: int, posts: Sequence[Post])
    #     -> Iterable[tuple[int, Sequence[Finding]]]
    # the posts with findings, by index (``posts[0]`` is post ``start``), in order


def chunk_check(runner: Runner) -> Callable[[int, Sequence["Post"]],
                                             Iterable[tuple[int, Sequence["Finding"]]]]:
    """A runner's check of a chunk of posts: its own ``check_chunk``, or ``check`` on each
    post in turn (the loop in C: ``map``)."""
    own = getattr(runner, "check_chunk", None)
    if own is not None:
        return own
    check = runner.check

    def each(start: int, posts: Sequence["Post"]) -> Iterable[tuple[int, Sequence["Finding"]]]:
        indexes = range(start, start + len(posts))
        return filter(_FOUND, zip(indexes, map(check, indexes, posts)))
    return each


_FOUND = itemgetter(1)


def check_posts(runners: Iterable[Runner], posts: Sequence["Post"], start: int = 0
                ) -> dict[int, list["Finding"]]:
    """Every runner's findings in a chunk of posts (``posts[0]`` is post ``start``), by post
    index, each post's in runner order; a post nothing was found in (most) gets no entry.
    A runner at a time over the whole chunk: no loop of ours per post and runner."""
    found: dict[int, list[Finding]] = {}
    for runner in runners:
        for index, findings in chunk_check(runner)(start, posts):
            have = found.get(index)
            if have is None:
                found[index] = list(findings)
            else:
                have.extend(findings)
    return found


class Check(Protocol):
    """The face of a check module (see the module docstring)."""

    ID: str
    DEFAULT: Mapping[str, Any]
    SCOPE: Scope

    def start(self, context: CheckContext, config: Mapping[str, Any]) -> Runner | None: ...

    def describe(self, finding: "Finding", lang: str) -> str: ...


CHECKS: dict[str, ModuleType] = {
    terms.ID: terms,
    duplicate_post.ID: duplicate_post,
    sensitive_dates.ID: sensitive_dates,
    house_words.ID: house_words,
    tone_of_voice.ID: tone_of_voice,
    similar_errors.ID: similar_errors,
    quiet_period.ID: quiet_period,
    links.ID: links,
    spelling.ID: spelling,
    unsaved_formulas.ID: unsaved_formulas,
}


def _resolved(module: ModuleType, values: Mapping[str, Any], origin: str,
              resolve: Callable[[str], Path] | None) -> dict[str, Any]:
    """The options named in the module's ``PATHS`` as paths relative to the config file."""
    resolved = dict(values)
    for key in getattr(module, "PATHS", ()):
        if key not in resolved:
            continue
        value = resolved[key]
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
            raise SettingsError(f"{origin}: [checks.{module.ID}] {key} must be a file path "
                                "or a list of them")
        paths = [resolve(v) if resolve else Path(v) for v in items]
        resolved[key] = paths[0] if isinstance(value, str) else paths
    return resolved


def check_config(overrides: Mapping[str, Mapping[str, Any]], origin: str = "config",
                 resolve: Callable[[str], Path] | None = None) -> dict[str, dict[str, Any]]:
    """Each check's configuration: its ``DEFAULT`` with the team's ``[checks.ID]`` on top.

    An unknown check or option is an error, so a typo never switches a check off silently;
    ``resolve`` turns a path option into a path relative to the config file."""
    configs: dict[str, dict[str, Any]] = {}
    for check_id, values in overrides.items():
        if check_id not in CHECKS:
            raise SettingsError(f"{origin}: [checks.{check_id}]: unknown check "
                                f"(known: {', '.join(CHECKS)})")
        if not isinstance(values, Mapping):
            raise SettingsError(f"{origin}: [checks.{check_id}] must be a table")
        unknown = set(values) - set(CHECKS[check_id].DEFAULT)
        if unknown:
            raise SettingsError(f"{origin}: [checks.{check_id}]: unknown option(s) "
                                f"{', '.join(sorted(unknown))} "
                                f"(known: {', '.join(CHECKS[check_id].DEFAULT)})")
        _check_types(CHECKS[check_id], values, origin)
    for check_id, module in CHECKS.items():
        configs[check_id] = {**module.DEFAULT,
                             **_resolved(module, overrides.get(check_id, {}), origin, resolve)}
    return configs


def _type_name(value: Any) -> str:
    return {bool: "true or false", int: "a whole number", float: "a number", str: "a text",
            list: "a list", dict: "a table"}.get(type(value), type(value).__name__)


def _check_types(module: ModuleType, values: Mapping[str, Any], origin: str) -> None:
    """Each option of the type its default has (``enabled = "false"`` is a text, and a text is
    true: it would switch a check on while the team meant off), and a check that keeps a
    promise (``REQUIRED``) is never switched off."""
    for key, value in values.items():
        default = module.DEFAULT[key]
        where = f"{origin}: [checks.{module.ID}] {key}"
        if key in getattr(module, "PATHS", ()):
            continue  # a path or a list of paths; _resolved checks them
        if isinstance(default, bool):
            fits = isinstance(value, bool)
        elif isinstance(default, (int, float)):
            fits = isinstance(value, (int, float)) and not isinstance(value, bool)
        else:
            fits = isinstance(value, type(default))
        if not fits:
            raise SettingsError(f"{where} must be {_type_name(default)}, not {value!r}")
    if getattr(module, "REQUIRED", False) and values.get("enabled") is False:
        raise SettingsError(f"{origin}: [checks.{module.ID}] cannot be switched off: {module.REQUIRED}")


def across_posts(check_id: str) -> bool:
    """Whether a check looks across posts (``ACROSS_POSTS``): it must see every post in one
    process."""
    return bool(getattr(CHECKS[check_id], "ACROSS_POSTS", False))


def start_each(context: CheckContext, configs: Mapping[str, Mapping[str, Any]], *,
               across: bool | None = None) -> list[tuple[str, Runner]]:
    """The enabled checks, prepared for one scan, each with its id, in registry order (the
    terms check first); ``across`` keeps only the checks that look across posts (True) or only
    the others (False)."""
    runners = []
    for check_id, module in CHECKS.items():
        config = configs.get(check_id, module.DEFAULT)
        if across is not None and across_posts(check_id) is not across:
            continue
        if config.get("enabled", True):
            runner = module.start(context, config)
            if runner is not None:
                runners.append((check_id, runner))
    return runners


def start_checks(context: CheckContext, configs: Mapping[str, Mapping[str, Any]], *,
                 across: bool | None = None) -> list[Runner]:
    """The enabled checks' runners in registry order (see ``start_each``)."""
    return [runner for _, runner in start_each(context, configs, across=across)]


def check_one(post: "Post", context: CheckContext, configs: Mapping[str, Mapping[str, Any]],
              leave_out: Sequence[str] = ()) -> list["Finding"]:
    """What the enabled checks (but those in ``leave_out``) find in one post on its own: for
    ``explain``, which shows one text."""
    wanted = {check_id: config for check_id, config in configs.items()
              if check_id not in leave_out}
    runners = start_checks(context, {**{c: {"enabled": False} for c in leave_out}, **wanted})
    findings = [f for runner in runners for f in runner.check(0, post)]
    return findings + [f for runner in runners for index, f in runner.finish() if index == 0]


def describe(finding: "Finding", lang: str) -> str:
    """A finding in plain words, phrased by the check that made it: once per distinct
    finding and language (a check's ``describe`` reads what was found, never where: not
    ``start`` or ``end``). A scan's 13,000 flagged posts of the benchmark share some 200
    distinct findings, phrased in 2 µs each (bench/README.md, "After the speed7b branch")."""
    try:
        key = (lang, _FACE(finding))
        text = _PHRASED.get(key)
    except TypeError:  # a value that cannot be a key (a check's own details): phrased now
        return CHECKS[finding.check].describe(finding, lang)
    if text is None:
        if len(_PHRASED) >= PHRASED_KEPT:
            _PHRASED.clear()
        text = _PHRASED[key] = CHECKS[finding.check].describe(finding, lang)
    return text


# what a reason may read of a finding (all but its place), and the reasons phrased so far
_FACE = attrgetter("check", "field", "matched", "rule", "source", "category", "severity",
                   "status", "crisis", "suggestion", "details")
_PHRASED: dict[tuple[str, tuple[Any, ...]], str] = {}
PHRASED_KEPT = 4096


def documentation(check_id: str) -> str:
    """The user documentation of a check: its module docstring."""
    return (CHECKS[check_id].__doc__ or "").strip()
