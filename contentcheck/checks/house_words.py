"""house-words: words and phrases the team's house style avoids, with what to write instead.

What it does
    Finds the words of the team's house-words files in every text-bearing field of a post and
    asks for a review, with the replacement the file gives (``term => replacement``). The files
    use the word-list syntax of the crisis terms and word lists (plain words with their forms
    and compounds, "phrases", wildcards, ``!exceptions``, ``@language``), read by the same term
    engine. ``at_most`` lets a word pass a number of times per post (``helaas`` once).

Why
    Webcare guides ask every team to fix its tone of voice and keep it consistent: no form-letter
    phrases ("excuses voor het ongemak"), no "wij van ...", no officialese, not a "helaas" in
    every sentence. A reviewer cannot keep a team's list in mind for every post; the check can.

Example
    With ``[checks.house-words] example = true``, "Onze excuses voor het ongemak!" goes to
    review: "'excuses voor het ongemak' in Bericht: house style avoids 'excuses voor het
    ongemak' (list house-words-example); write 'sorry dat het misging, en zeg wat je eraan
    doet'". "Helaas is de actie voorbij" stays ok (one helaas); "Helaas... helaas" does not.

Known problems
    Quiet until the team names a file (``files = ["huiswoorden.txt"]``, relative to
    contentcheck.toml) or the shipped Dutch example (``example = true``). A word that is fine in
    one sense and not in another needs an exception line (``!indienen``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contentcheck.errors import SettingsError
from contentcheck.records import Finding, Post, Severity, Status
from contentcheck.wording import HOUSE_WORDS, REASONS, words

if TYPE_CHECKING:
    from contentcheck.checks import CheckContext
    from contentcheck.matching import Matcher, TermSet
    from contentcheck.records import Match

ID = "house-words"
DEFAULT: Mapping[str, Any] = {"enabled": True, "files": [], "example": False,
                              "at_most": {"helaas": 1}}
SCOPE = "text"
PATHS = ("files",)
EXAMPLE = "house-words-example"


def example_text() -> str:
    """The shipped example file (common Dutch webcare advice)."""
    return (files("contentcheck") / "data" / f"{EXAMPLE}.txt").read_text("utf-8")


def load(paths: Sequence[Path], example: bool) -> "TermSet":
    """The team's files (and the example) as one term set, parsed by the term engine."""
    from contentcheck.matching import TermSet, parse_terms, read_text_file

    sources = [(EXAMPLE, EXAMPLE, example_text())] if example else []
    sources += [(str(path), path.stem, read_text_file(path)) for path in paths]
    termset = TermSet()
    for origin, name, text in sources:
        termset = termset + parse_terms(text, origin=origin, list_name=name,
                                        category="house-style", severity=Severity.LOW)
    return termset


def _limits(config: Mapping[str, Any]) -> dict[str, int]:
    limits = config.get("at_most", {})
    if not isinstance(limits, Mapping) or not all(
            isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in limits.values()):
        raise SettingsError(f"[checks.{ID}] at_most must be a table of words and counts "
                            "(at_most = {{ helaas = 1 }})")
    return {_key(word): count for word, count in limits.items()}


def _key(term: str) -> str:
    """A term as ``at_most`` names it: ``"wij van"`` and ``wij van`` alike."""
    return " ".join(term.strip().strip('"“”').casefold().split())


def _outermost(matches: Sequence["Match"]) -> list["Match"]:
    """One finding per place: a phrase inside a longer phrase of the file counts once."""
    return [m for m in matches
            if not any(o is not m and o.field == m.field and o.start <= m.start and m.end <= o.end
                       and (o.end - o.start) > (m.end - m.start) for o in matches)]


class HouseWordsRunner:
    """The team's house words, compiled once per scan."""

    def __init__(self, matcher: "Matcher", limits: Mapping[str, int]) -> None:
        self.matcher = matcher
        self.limits = limits

    def check(self, index: int, post: Post) -> Sequence[Finding]:
        matches = self.matcher.match_post(post)
        if not matches:
            return ()
        matches = _outermost(matches)
        counts = Counter(_key(match.term) for match in matches)
        findings = []
        for match in matches:
            key = _key(match.term)
            limit = self.limits.get(key)
            if limit is not None and counts[key] <= limit:
                continue
            details = (("count", str(counts[key])), ("limit", str(limit))) if limit is not None else ()
            findings.append(Finding(
                check=ID, field=match.field, start=match.start, end=match.end,
                matched=match.matched, rule=match.term, source=match.list_name,
                category=match.category, severity=Severity.LOW, status=Status.REVIEW,
                suggestion=match.suggestion, details=details))
        return findings

    def finish(self) -> tuple[()]:
        return ()


def start(context: "CheckContext", config: Mapping[str, Any]) -> HouseWordsRunner | None:
    """Compile the team's house words; None (quiet) when the team named no file."""
    from contentcheck.matching import Matcher

    paths = config.get("files", [])
    if not isinstance(paths, list):
        paths = [paths]
    termset = load([Path(p) for p in paths], bool(config.get("example")))
    if not termset.terms:
        return None
    return HouseWordsRunner(Matcher.compile(termset), _limits(config))


def describe(finding: Finding, lang: str) -> str:
    """"'reeds' in Bericht: house style avoids 'reeds' (list huiswoorden); write 'al'"."""
    lang = words(lang)
    phrases = HOUSE_WORDS[lang]
    where = REASONS[lang]["in"].format(field=finding.field) if finding.field else ""
    text = phrases["avoid"].format(matched=f"'{finding.matched}'", where=where,
                                   rule=finding.rule.strip('"'), source=finding.source)
    if finding.detail("count"):
        text += phrases["count"].format(count=finding.detail("count"),
                                        limit=finding.detail("limit"))
    if finding.suggestion:
        text += phrases["instead"].format(suggestion=finding.suggestion)
    return text
