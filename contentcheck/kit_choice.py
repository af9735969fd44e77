"""Kits chosen from the typed terms: a crisis's kit knowledge without anyone passing ``--kit``.

On a crisis morning nobody passes ``--kit``, yet about half the posts an editor pauses use a
word the on-call person did not type (``datalek`` typed, the post says *persoonsgegevens*).
When a crisis names no kit, the shipped kit that fits its typed terms (as ``crisis suggest``
judges it: a typed term is one of the kit's words of the event) is chosen, and **all** its
words, of the event and tone-deaf, ask for **review**: never a pause, and no category is
escalated. Measured on the development and first held-out corpora (bench/README.md, "Kits
chosen from the typed terms"): as review the whole kit flags 6 more expected-pause posts of
117 on the held-out corpus at one more false alarm per corpus; as pause its event words cost
pause precision on both, so ``--kit`` stays the way to pause with a kit.

Choosing is compile-time work, once per crisis: each typed term is looked up in every kit's
words of the event, compiled once per process.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from contentcheck.kits import Kit, get_kit, shipped_kits
from contentcheck.matching import Checker, TermSet
from contentcheck.records import Severity, Term

# readings that make no shared word: a word the kit derives (besmet -> besmetting: a food
# kit's contamination is no pandemic's infection), an English compound that holds a kit word
# (gunfire holds fire, but a shooting kit's gunfire makes no fire kit fit), an emoji that one
# kit's word may stand for (💥 for bom), the head of a compound kit word on its own
# (bergongeluk's ongeluk makes no avalanche of a treinongeluk)
_LOOSE_RULES = ("derived", "derived-sense", "emoji-word", "head")
# the readings by which a typed term finds a kit's word as one of its own forms
_FORM_RULES = ("exact", "inflection", "lemma")
# words of the event that tell there is a crisis, not which kind: a solidarity hashtag
# (#PrayForUtrecht) is typed for a train crash as for an attack, so it makes no kit fit
_NO_KIND = frozenset({"prayfor*"})
# a kit is chosen when it shares more than half as many typed terms as the best-fitting kit:
# one word it shares (evacuatie) does not make a fire with two fire words a flood too
_DOMINANCE = 2


@dataclass(frozen=True)
class KitChoice:
    """A kit chosen for a crisis that names none: the kit, the typed terms it shares, and the
    crisis it was chosen for (None: the crisis files and ``--term`` of this scan)."""

    kit: Kit
    terms: tuple[str, ...]
    crisis: str | None = None
    dropped: tuple[str, ...] = ()  # the kit words its team removed (``crisis remove``)

    @property
    def source(self) -> str:
        """What the reasons name: ``kit data-breach, chosen from your terms datalek, hack*``."""
        plural = "s" if len(self.terms) > 1 else ""
        return f"kit {self.kit.name}, chosen from your term{plural} {', '.join(self.terms)}"

    def line(self) -> str:
        """The line at the top of a scan, watch log and report: which kit, from which typed
        terms, what it does and how to change that."""
        name = self.kit.name
        where = f" for crisis {self.crisis}" if self.crisis else ""
        named = f"crisis add {self.crisis!r} --kit {name}" if self.crisis else f"--kit {name}"
        pause, review = self.kit.termsets(name, self.dropped)
        return (f"{self.source}{where}: its {len(pause.terms)} words of the event and "
                f"{len(review.terms)} tone-deaf words ask for review, never a pause ({named} "
                "to pause with it; --no-kit-guess or kit_guess = false in [scan] to turn "
                "this off)")

    def termset(self, dropped: Iterable[str] = ()) -> TermSet:
        """Every word of the kit as a review word, the ``dropped`` ones (``crisis remove``)
        left out: a word of the event as a review word of severity high (as a ``review``
        translation is), a tone-deaf word as it stands in the kit."""
        pause, review = self.kit.termsets(self.source, dropped)
        event = tuple(replace(term, crisis=False, severity=Severity.HIGH,
                              list_name=self.source) for term in pause.terms)
        tone = tuple(replace(term, list_name=self.source) for term in review.terms)
        return TermSet(event + tone, pause.exceptions | review.exceptions)


@lru_cache(maxsize=None)
def _event_checker(name: str) -> Checker:
    """The kit's words of the event that name its kind, compiled once per process (kits are
    shipped files)."""
    event = get_kit(name).termsets(name)[0]
    return Checker(TermSet(tuple(term for term in event.terms if term.text not in _NO_KIND),
                           event.exceptions), TermSet())


@lru_cache(maxsize=8)
def _typed_checker(typed: tuple[Term, ...]) -> Checker:
    """A crisis's typed terms, compiled once, to look a kit's words up in."""
    return Checker(TermSet(typed), TermSet())


def shared_terms(kit: Kit, crisis: TermSet) -> tuple[str, ...]:
    """The typed crisis terms that are one of the kit's words of the event, in any of the
    forms a crisis term finds, but for the loose readings above. In a typed phrase the kit's
    word must be its last word, the head (``bridge collapse`` is a collapse; ``rip current``
    is a current, no RIP of the mourning kit), or the whole phrase. The other way round
    counts too: a kit word of one word that is a form of the typed term (``vermist`` typed,
    the kit has *vermiste*; ``riot`` typed, the kit has *riots*)."""
    checker = _event_checker(kit.name)
    shared = {term.text for term in crisis.terms
              if any(f.rule not in _LOOSE_RULES and not f.rule.startswith("compound-en")
                     and f.match.end >= len(term.text.rstrip(' "“”*'))
                     for f in checker.explain(term.text)[0])}
    typed = _typed_checker(crisis.terms)
    for word in get_kit(kit.name).pause_terms():
        if " " not in word.strip(' "“”') and word not in _NO_KIND:
            shared.update(f.term.text for f in typed.explain(word)[0]
                          if f.rule in _FORM_RULES and f.match.start == 0
                          and f.match.end == len(word))
    return tuple(term.text for term in crisis.terms if term.text in shared)


def fitting_kits(crisis: TermSet, leave_out: Iterable[str] = ()) -> list[tuple[Kit, tuple[str, ...]]]:
    """Every shipped kit that shares a typed term with the crisis (``leave_out`` skipped),
    with the terms it shares: what ``crisis suggest`` proposes."""
    skipped = set(leave_out)
    found = []
    for kit in shipped_kits().values():
        if kit.name in skipped:
            continue
        shared = shared_terms(kit, crisis)
        if shared:
            found.append((kit, shared))
    return found


def choose_kits(typed: TermSet, crisis: str | None = None,
                leave_out: Iterable[str] = (), dropped: Iterable[str] = ()) -> list[KitChoice]:
    """The kits chosen for a crisis that names none, from its typed terms: every fitting kit
    that shares more than half as many typed terms as the best-fitting one (two kits sharing
    one term each are both chosen: ``explosie``, ``aanslag``)."""
    fitting = fitting_kits(typed, leave_out)
    if not fitting:
        return []
    best = max(len(shared) for _, shared in fitting)
    return [KitChoice(kit, shared, crisis, tuple(dropped)) for kit, shared in fitting
            if len(shared) * _DOMINANCE > best]


def chosen_kits(crises: Iterable[tuple[TermSet, str | None, tuple[str, ...]]],
                in_use: Iterable[str] = ()) -> tuple[list[KitChoice], TermSet]:
    """For each crisis that names no kit, as (typed terms, its name or None, the kit words its
    team dropped): the kits chosen, and their words as review words. A kit a crisis of the scan
    already uses (``--kit``, ``crisis start --kit``) or one chosen for another crisis is not
    chosen again."""
    used = set(in_use)
    choices: list[KitChoice] = []
    review = TermSet()
    for typed, name, dropped in crises:
        for choice in choose_kits(typed, name, used, dropped):
            used.add(choice.kit.name)
            choices.append(choice)
            review += choice.termset(dropped)
    return choices, review
