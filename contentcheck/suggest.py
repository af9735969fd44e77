"""Terms to add to a crisis, ranked, each with why: what ``contentcheck crisis suggest`` shows.

Typed under stress, a crisis misses words. Four sources, all offline:

- the team's own queue: words in the upcoming posts of the calendars that share a hashtag
  part, a compound part or a word stem with a crisis term but are not caught by it
  (``#KipVanDeWeek``, ``kippenpoot`` for ``kip``);
- the shipped kits: a kit whose words of the event overlap the crisis terms (add it whole),
  and kit words that occur in the upcoming posts;
- translations of the crisis terms into the other language (NL<->EN), from the table a scan
  translates typed terms with (``contentcheck.translations``): suggested when a scan does not
  add them by itself (translations switched off, or a kit's word).

Words already caught by the crisis are never suggested, so the list shows only what adding a
term would change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from contentcheck.kit_choice import shared_terms
from contentcheck.kits import Kit, shipped_kits
from contentcheck.matching import Checker, TermSet, parse_pattern, vocabulary
from contentcheck.matching.forms import home_languages
from contentcheck.records import Post, Term
from contentcheck.text import fold, is_emoji, iter_groups, split_group
from contentcheck.translations import translations_of

MIN_WORD = 3  # crisis words shorter than this (NS, 🚂) relate to nothing by their parts
_LINKS = ("s", "e", "en", "-")  # Dutch linking sounds between compound parts
_SUFFIXES = ("ingen", "ing", "en", "es", "ed", "de", "te", "er", "s", "e", "d", "t")
_PREFIXES = ("ge", "ver", "ont", "be")


@dataclass
class Suggestion:
    """One proposal: a term (or a kit, ``kit`` set), why, and where it was seen."""

    term: str
    why: str
    score: float
    kit: str | None = None
    rows: list[str] = field(default_factory=list)

    def line(self) -> str:
        seen = ""
        if self.rows:
            shown = ", ".join(self.rows[:3]) + (" ..." if len(self.rows) > 3 else "")
            plural = "s" if len(self.rows) > 1 else ""
            seen = f"; in {len(self.rows)} upcoming post{plural} ({shown})"
        return f"{self.why}{seen}"


def _words(crisis: TermSet) -> dict[str, Term]:
    """The plain words of the crisis terms (folded) -> the term they come from."""
    found: dict[str, Term] = {}
    for term in crisis.terms:
        try:
            pattern = parse_pattern(term.text)
        except ValueError:
            continue
        if pattern.kind == "word" and not pattern.words[0].emoji:
            word = pattern.words[0].norm
        elif pattern.joined:  # ProRail, "met de trein": the words as one, not "pro" or "met"
            word = pattern.joined
        else:
            continue
        if len(word) >= MIN_WORD:
            found.setdefault(word, term)
    return found


def _stem(word: str) -> str:
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 5:
            word = word[len(prefix):]
            break
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _is_word(text: str) -> bool:
    text = text.strip("-")
    return len(text) >= MIN_WORD and (text in vocabulary("nl") or text in vocabulary("en"))


def _other_part(whole: str, word: str) -> str | None:
    """The rest of a compound around ``word`` when it is a real word (kippen|poot)."""
    for rest in (whole[len(word):] if whole.startswith(word) else None,
                 whole[: -len(word)] if whole.endswith(word) else None):
        if rest is None:
            continue
        for link in ("", *_LINKS):
            if rest.startswith(link) and _is_word(rest[len(link):]):
                return rest[len(link):]
            if rest.endswith(link) and _is_word(rest[: len(rest) - len(link)]):
                return rest[: len(rest) - len(link)]
    return None


def _at_home(word: str, language: str | None) -> bool:
    """Is ``word`` mostly a word of the crisis term's language? A stem shared across the
    languages is no relation: the Dutch ``storing`` (an outage) is no English *store*."""
    if language not in ("nl", "en"):
        return True
    return language in home_languages(word, None, vocabulary("nl"), vocabulary("en"))


def relation(group: str, words: dict[str, Term]) -> tuple[str, float] | None:
    """Why a word group of a post relates to a crisis word, and how strongly; or None."""
    hashtag = group.startswith("#")
    leaves = [leaf.norm for leaf in split_group(group)[0]]
    whole = "".join(leaves)
    for word, typed in words.items():
        term = typed.text
        if whole == word:
            continue
        if hashtag and len(leaves) > 1 and any(
                leaf == word or _stem(leaf) == _stem(word) for leaf in leaves):
            return f"hashtag part of '{term}'", 10
        if _other_part(whole, word):
            return f"compound part of '{term}'", 10
        if (len(word) >= 4 and len(whole) >= 5 and _stem(whole) == _stem(word)
                and _is_word(whole)  # a word of its own, not a name (Brandt)
                and _at_home(whole, typed.language)):
            return f"same word stem as '{term}'", 10
        if whole.startswith(word) and len(whole) - len(word) >= 4:
            return f"starts with '{term}'", 7  # kipsaté: a compound with an unknown part
    return None


def _caught(checker: Checker | None, text: str) -> bool:
    return bool(checker and checker.explain(text)[0])


def _term_text(group: str) -> str:
    """A post's word group as a term: a hashtag without its sign."""
    return group.lstrip("#@")


def suggest(crisis: TermSet, kits_in_use: Iterable[str], posts: Sequence[Post],
            limit: int = 20, automatic: TermSet = TermSet(),
            chosen: Iterable[str] = ()) -> list[Suggestion]:
    """Ranked suggestions for a crisis with these terms, given the upcoming posts.
    ``automatic``: the terms a scan adds by itself (the typed terms' translations,
    ``contentcheck.translations``); what they catch is caught, and not suggested.
    ``chosen``: the kits a scan chooses from the typed terms (``kit_choice``), whose words
    it reviews already: suggested still, to pause with them."""
    caught = crisis + automatic
    checker = Checker(caught, TermSet()) if caught.terms else None
    words = _words(crisis)
    found: dict[str, Suggestion] = {}

    def add(term: str, why: str, score: float, row: str | None = None,
            kit: str | None = None) -> None:
        key = f"kit:{kit}" if kit else fold(term)
        item = found.setdefault(key, Suggestion(term, why, score, kit))
        if row and row not in item.rows:
            item.rows.append(row)
            item.score += 1

    # the team's own queue: related words the crisis does not catch
    for post in posts:
        where = f"row {post.row}"
        for field_ in post.fields:
            for _, _, group in iter_groups(field_.text):
                if is_emoji(group) or len(group) < 4:
                    continue
                related = relation(group, words)
                if related and not _caught(checker, group):
                    add(_term_text(group), related[0], related[1], where)

    # kits: whole kits that fit, and kit words in the queue
    in_use, reviewed = set(kits_in_use), set(chosen)
    for kit in shipped_kits().values():
        if kit.name in in_use:
            continue
        _kit_suggestions(kit, crisis, checker, posts, add, kit.name in reviewed)

    # translations of the crisis terms, as a scan makes them when it translates
    for term, translation in translations_of(crisis):
        other = translation.text.strip('"')
        if fold(other) not in words and not _caught(checker, other):
            add(other, f"translation of '{term.text}'", 5)
    ranked = sorted(found.values(), key=lambda s: (-s.score, s.kit is None, s.term.casefold()))
    return ranked[:limit]


def _kit_suggestions(kit: Kit, crisis: TermSet, checker: Checker | None, posts: Sequence[Post],
                     add: Callable[..., None], reviewed: bool = False) -> None:
    """The kit itself when its words of the event overlap the crisis terms, and its words
    that occur in the upcoming posts (those of kits that do not fit are noise)."""
    pause, review = kit.termsets("suggest")
    shared = shared_terms(kit, crisis)
    if not shared:
        return
    add(kit.name, f"kit {kit.name}: {kit.description.split(' (')[0].lower()}; it has "
        f"{', '.join(shared[:3])}{' ...' if len(shared) > 3 else ''} too"
        + ("; a scan reviews its words already, --kit pauses with them" if reviewed else ""),
        12 + len(shared), kit=kit.name)
    words_checker = Checker(pause + review, TermSet())
    for post in posts:
        for field_ in post.fields:
            for finding in words_checker.explain(field_.text)[0]:
                if finding.rule != "emoji-word" and not _caught(checker, finding.match.matched):
                    add(finding.term.text.strip('"'), f"in kit {kit.name}", 8, f"row {post.row}")
