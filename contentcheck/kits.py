"""Crisis kits: the terms a kind of crisis calls for, curated once, used in a minute.

On a crisis morning the on-call person types a handful of terms under stress; the posts that
hurt are often the ones those terms do not name (spicy wings on the day of a salmonella recall,
"all aboard" on the day of a train accident). A kit is a term file in ``wordlists/kits/``,
shipped with contentcheck, in the word-list syntax with two kinds of lines:

- ``@severity crisis``: a word of the event itself (``salmonella``, ``ontsporing``); a hit
  pauses the post, as a typed crisis term does;
- ``@severity low`` (or medium, high): an everyday word or marketing phrase that turns
  tone-deaf during such a crisis (``smullen``, ``all aboard``); a hit asks for review, in the
  category ``tone-deaf``.

Its header says what the kit is for and which shipped list categories escalate from review to
pause while it is active::

    # description: Food safety, recalls and food poisoning
    # escalate: illness-pandemic
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from contentcheck.errors import SettingsError
from contentcheck.lists.categories import LIST_CATEGORIES, TONE_DEAF
from contentcheck.matching import TermSet, parse_terms
from contentcheck.records import Severity

KITS_FOLDER = "kits"
_HEADER = re.compile(r"^#\s*(description|escalate)\s*:\s*(.*?)\s*$", re.IGNORECASE)


def term_key(text: str) -> str:
    """How a term is named on the command line: ``volgende halte`` is ``"volgende halte"``."""
    return text.strip().strip('"“”„').strip().casefold()


@dataclass(frozen=True)
class Kit:
    """One shipped kit: its name, one-line description, escalated categories and terms."""

    name: str
    description: str
    escalate: tuple[str, ...]
    text: str
    origin: str

    def termsets(self, source: str, dropped: Iterable[str] = ()) -> tuple[TermSet, TermSet]:
        """(pause terms, review terms) for a crisis named by ``source``; the ``dropped`` terms
        (a team's ``crisis remove``) left out. Pause terms are crisis terms of that crisis."""
        parsed = parse_terms(self.text, origin=self.origin, list_name=f"kit {self.name}",
                             category=TONE_DEAF, severity=Severity.LOW)
        gone = {term_key(term) for term in dropped}
        kept = [term for term in parsed.terms if term_key(term.text) not in gone]
        pause = tuple(replace(term, crisis=True, category="crisis",
                              list_name=f"{source}, kit {self.name}")
                      for term in kept if term.severity is Severity.CRISIS)
        review = tuple(replace(term, list_name=f"kit {self.name} ({source})")
                       for term in kept if term.severity is not Severity.CRISIS)
        return TermSet(pause, parsed.exceptions), TermSet(review, parsed.exceptions)

    def pause_terms(self) -> tuple[str, ...]:
        return tuple(t.text for t in self.termsets(self.name)[0].terms)

    def review_terms(self) -> tuple[str, ...]:
        return tuple(t.text for t in self.termsets(self.name)[1].terms)


def _read(name: str, text: str, origin: str) -> Kit:
    header: dict[str, str] = {}
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            break
        found = _HEADER.match(line.strip())
        if found:
            header[found.group(1).lower()] = found.group(2)
    escalate = tuple(word for word in re.split(r"[,\s]+", header.get("escalate", "")) if word)
    return Kit(name=name, description=header.get("description", ""), escalate=escalate,
               text=text, origin=origin)


@lru_cache(maxsize=1)
def shipped_kits() -> dict[str, Kit]:
    """Every shipped kit by name, found in normal and editable installs alike."""
    from importlib.resources import files

    folder = files("contentcheck.wordlists").joinpath(KITS_FOLDER)
    kits = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".txt") and not entry.name.startswith("."):
            name = entry.name[:-4]
            kits[name] = _read(name, entry.read_text(encoding="utf-8"),
                               f"wordlists/{KITS_FOLDER}/{entry.name}")
    return kits


def get_kit(name: str) -> Kit:
    """The kit of that name, as typed in a hurry too (``Transport_Accident``, ``transport
    accident``); an unknown name is an error that names the kit it may mean (``transport``)
    and lists the known ones."""
    kits = shipped_kits()
    key = re.sub(r"[\s_]+", "-", name.strip().lower())
    if key not in kits:
        meant = [kit for kit in kits if key and key in kit]
        guess = f": did you mean {meant[0]}?" if len(meant) == 1 else ""
        raise SettingsError(f"unknown kit {name!r}{guess} (known: {', '.join(kits)}; "
                            "see `contentcheck crisis kits`)")
    return kits[key]


def kit_terms(names: Iterable[str], source: str, dropped: Iterable[str] = ()
              ) -> tuple[TermSet, TermSet]:
    """The pause and review terms of several kits for one crisis (``source``)."""
    pause, review = TermSet(), TermSet()
    dropped = tuple(dropped)
    for name in names:
        more_pause, more_review = get_kit(name).termsets(source, dropped)
        pause, review = pause + more_pause, review + more_review
    return pause, review


def check_categories(categories: Iterable[str], origin: str) -> tuple[str, ...]:
    """Categories to escalate, checked against the list categories (a typo would escalate
    nothing, silently)."""
    result = []
    for category in categories:
        key = str(category).strip().lower()
        if key not in LIST_CATEGORIES:
            raise SettingsError(f"{origin}: unknown category {category!r} to escalate "
                                f"(known: {', '.join(LIST_CATEGORIES)})")
        result.append(key)
    return tuple(dict.fromkeys(result))
