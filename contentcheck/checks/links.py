"""links: every link in an upcoming post, opened to see that it still leads somewhere.

What it does
    Finds the links (``https://...``, ``http://...``, ``www...``) in every text-bearing field
    of a post (the text, the link column, media URLs) and asks each web server: HTTP HEAD, and
    GET when HEAD is refused, following redirects, with a short timeout, several links at a
    time. A link that answers an error (404, 410, 500 ...), does not answer in time, cannot be
    reached, or redirects to the site's homepage goes to review. Each link is asked once per
    scan, however many posts use it.

Why
    Webcare guides ask, during an incident, for a check of scheduled posts for the link to a
    page that is not up to date: an action page taken down or sent to the homepage makes a
    scheduled post point at nothing.

Example
    With ``[checks.links] enabled = true``, a post linking ``https://korenaar.nl/actie-oud``
    that answers 404 is reviewed: "'https://korenaar.nl/actie-oud' in Link: the page answers
    404"; one redirected to ``https://korenaar.nl/`` "redirects to the homepage".

Known problems
    Off by default: it talks to the network, and a scan takes up to ``timeout`` seconds
    longer. ``offline = true`` (or the environment variable ``CONTENTCHECK_OFFLINE=1``) keeps it
    quiet on a machine without a network. Some sites answer robots with 403 or 429 while a
    browser gets the page; those are flagged too and need a look. A link without ``http`` or
    ``www`` (``korenaar.nl/kerst``) is not recognised.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from contentcheck.errors import SettingsError
from contentcheck.records import Finding, Post, Severity, Status
from contentcheck.wording import LINK_WORDS, REASONS, words

if TYPE_CHECKING:
    from contentcheck.checks import CheckContext
    from contentcheck.checks.link_probe import Outcome

log = logging.getLogger(__name__)

ID = "links"
DEFAULT: Mapping[str, Any] = {"enabled": False, "timeout": 5.0, "workers": 8, "offline": False}
SCOPE = "text"
ACROSS_POSTS = True  # finish() reports on earlier posts: every post in one process
OFFLINE_ENV = "CONTENTCHECK_OFFLINE"
_LINK = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'“”‘’]+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}»"


def links_in(text: str) -> list[tuple[int, int, str]]:
    """The links in a text: (start, end, url), trailing punctuation left out."""
    found = []
    for match in _LINK.finditer(text):
        link = match.group().rstrip(_TRAILING)
        if link.count("(") > link.count(")") and match.group()[len(link):].startswith(")"):
            link += ")"  # a wiki-style link ending in ")"
        found.append((match.start(), match.start() + len(link), link))
    return found


class LinksRunner:
    """Collects the links of every post; asks each server once, concurrently, at the end."""

    def __init__(self, timeout: float, workers: int) -> None:
        self.timeout = timeout
        self.workers = workers
        self.places: list[tuple[int, str, int, int, str]] = []  # index, field, start, end, url
        self.cache: dict[str, Outcome] = {}

    def check(self, index: int, post: Post) -> Sequence[Finding]:
        for name, text in post.fields:
            if "http" in text or "www" in text.lower():
                self.places += [(index, name, start, end, url) for start, end, url in links_in(text)]
        return ()

    def _outcomes(self) -> None:
        todo = list(dict.fromkeys(url for *_, url in self.places if url not in self.cache))
        if not todo:
            return
        from concurrent.futures import ThreadPoolExecutor

        from contentcheck.checks.link_probe import probe

        log.info("checking %d link(s), %d at a time", len(todo), self.workers)
        with ThreadPoolExecutor(max_workers=min(self.workers, len(todo))) as pool:
            for url, outcome in zip(todo, pool.map(lambda u: probe(u, self.timeout), todo)):
                self.cache[url] = outcome

    def finish(self) -> Iterator[tuple[int, Finding]]:
        self._outcomes()
        for index, field, start, end, url in self.places:
            outcome = self.cache[url]
            if not outcome.problem:
                continue
            yield index, Finding(
                check=ID, field=field, start=start, end=end, matched=url, rule=outcome.problem,
                source=ID, category=ID, severity=Severity.LOW, status=Status.REVIEW,
                details=(("problem", outcome.problem), ("code", str(outcome.code)),
                         ("final", outcome.final), ("reason", outcome.reason),
                         ("timeout", f"{self.timeout:g}")))


def _number(config: Mapping[str, Any], key: str, low: float, high: float) -> float:
    value = config.get(key, DEFAULT[key])
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        raise SettingsError(f"[checks.{ID}] {key} must be a number from {low:g} to {high:g}")
    return value


def idle(config: Mapping[str, Any]) -> str | None:
    """Why the check, switched on, opens no link (``contentcheck checks`` says so), or None."""
    if config.get("offline"):
        return "offline = true"
    if os.environ.get(OFFLINE_ENV, "").strip() not in ("", "0"):
        return f"${OFFLINE_ENV}"
    return None


def start(context: "CheckContext", config: Mapping[str, Any]) -> LinksRunner | None:
    """None (quiet) when offline."""
    timeout = _number(config, "timeout", 0.1, 60)
    workers = int(_number(config, "workers", 1, 64))
    if idle(config):
        log.info("links: offline, no link checked")
        return None
    return LinksRunner(timeout, workers)


def describe(finding: Finding, lang: str) -> str:
    """"'https://korenaar.nl/oud' in Link: the page answers 404"."""
    lang = words(lang)
    where = REASONS[lang]["in"].format(field=finding.field) if finding.field else ""
    return LINK_WORDS[lang][finding.detail("problem")].format(
        matched=f"'{finding.matched}'", where=where, code=finding.detail("code"),
        seconds=finding.detail("timeout"), reason=finding.detail("reason"),
        final=finding.detail("final"))
