"""A typed crisis term's translation into the other language (NL<->EN) is a crisis term too.

The on-call person types the crisis terms in one language (``trein*``, ``ontsporing``), but a
Dutch brand's calendar holds English posts as well ("Trains, trams and tractors"), and the
other way round. A translation that names the event is the same word to a reader, so at scan
time every typed crisis term that the shipped table (``wordlists/kits/translations.tsv``)
translates also finds its translation, as a crisis term of the other language (``@en`` for a
Dutch term's translation, ``@nl`` for an English one's), with its own word forms and
compounds. A wildcard translates by its stem word (``trein*`` -> ``train``), a word the table
lacks by its lemma (``aardbevingen`` -> ``earthquake``), a phrase or a hashtag by the table's
phrase (``#vliegramp`` -> ``"air disaster"``). The reports and
``explain`` name the term it came from: ``train: translation of 'trein*'``.

Not translated: the terms of a kit (a kit has both languages already), a regular expression,
an emoji, a term typed in the other language than the table entry's (``brand`` in an English
file is no fire), and a translation that is also a word of the typed term's own language no
less than of its own: ``fire`` is never translated to ``brand``, or "our brand" in an English
post would pause (the false-friend rule; also ``train driver`` -> ``machinist``); a pair the
table marks ``own`` is kept for posts detected as the translation's language only
(``outage`` -> ``storing`` in a Dutch post, ``stadion`` -> ``stadium`` in an English one).
A pair whose one side has an everyday other meaning goes one way only in the table (``rook`` finds smoke; ``smoke`` never finds "het rook naar koffie"). A team switches it
off with ``[scan] translations = false`` or ``--no-translations``.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from contentcheck.errors import TermFileError
from contentcheck.matching import TermSet, lemma_of, parse_pattern, vocabulary, word_language
from contentcheck.matching.language import OWN_POSTS
from contentcheck.records import Severity, Term

log = logging.getLogger(__name__)

TABLE_PATH = ("kits", "translations.tsv")
OTHER = {"nl": "en", "en": "nl"}
MARK = ": translation of "  # in a translation's list name: "train: translation of 'trein*'"
SAME = ": the same word in "  # "bus: the same word in English"
LANGUAGE = {"nl": "Dutch", "en": "English"}
DIRECTIONS = {"nl": "nl>en", "en": "en>nl"}  # a one-way pair: from the language of its key
NOUN = "noun"  # the English side is meant as a noun: its verb's forms are another word
REVIEW = "review"  # a side with an everyday sense of its own: its translation's hits ask review
OWN = "own"  # a word of both languages (bridge, stadium): found only in posts of its own language
FLAGS = frozenset((*DIRECTIONS.values(), NOUN, REVIEW, OWN))


def _keys(text: str) -> tuple[str, ...]:
    """The keys a word or phrase is looked up by: its folded words with spaces, and written
    as one (``auto-ongeluk``: ``auto ongeluk``, ``autoongeluk``; ``#planecrash``:
    ``planecrash``). A wildcard stands for its stem word; an emoji or a regular expression has
    no key."""
    try:
        pattern = parse_pattern(text)
    except ValueError:
        return ()
    if pattern.kind == "regex" or any(word.emoji for word in pattern.words):
        return ()
    words = [word.norm for word in pattern.words]
    return tuple(dict.fromkeys((" ".join(words), "".join(words))))


def term_text(translation: str) -> str:
    """A translation as a term: several words are an exact phrase (``"plane crash"``)."""
    return f'"{translation}"' if " " in translation.strip() else translation.strip()


@dataclass(frozen=True)
class Table:
    """The NL<->EN pairs, looked up by a term's keys: language -> key -> translations (into
    the other language), in the table's order."""

    by_language: Mapping[str, Mapping[str, tuple[str, ...]]]
    nouns: frozenset[str] = frozenset()  # English translations meant as a noun only
    reviewed: frozenset[tuple[str, str]] = frozenset()  # (language, word): asks for review
    own: frozenset[tuple[str, str]] = frozenset()  # (language, word): in its language's posts

    @classmethod
    def parse(cls, text: str, origin: str) -> "Table":
        """``Dutch<TAB>English`` lines, with flags in a third column: ``nl>en`` or ``en>nl`` for
        a pair that goes one way only (``rook`` -> smoke: "het rook naar koffie" is no smoke),
        ``noun`` when the English word is meant as a noun whose verb is another word (``trein``
        -> train, not *training*), ``review`` when the English word has an everyday sense of its
        own that a reader does not take for the event (``recall`` a memory, the *Dead* Sea): a hit of
        that translation asks for review instead of a pause, ``own`` when a side is a word of the
        other language too (``bridge``, a card game in Dutch; ``stadium``, a stage): that side,
        as a translation, is looked for only in posts detected as its own language.
        ``#`` comments and blank lines are skipped. A line that is
        not a pair is an error naming the line (the shipped table is tested)."""
        found: dict[str, dict[str, list[str]]] = {"nl": defaultdict(list), "en": defaultdict(list)}
        nouns: set[str] = set()
        reviewed: set[tuple[str, str]] = set()
        own: set[tuple[str, str]] = set()
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = [part.strip() for part in line.split("\t")]
            flags = set(parts.pop().split()) if len(parts) == 3 else set()
            if len(parts) != 2 or not all(parts) or not all(_keys(part) for part in parts) \
                    or not flags <= FLAGS or len(flags & set(DIRECTIONS.values())) > 1:
                raise TermFileError(origin, "expected 'Dutch<TAB>English', and after a tab "
                                            "'nl>en' or 'en>nl' for one way only, 'noun' for an "
                                            "English noun, 'review' for an everyday word, "
                                            "'own' for a word of both languages",
                                    line=number)
            if NOUN in flags:
                nouns.add(parts[1])
            if REVIEW in flags:  # the English side: recall, dead (the Dutch ones are plain)
                reviewed.add(("en", parts[1]))
            if OWN in flags:  # either side, as a translation: bridge, storing
                own |= {("nl", parts[0]), ("en", parts[1])}
            for language, word, other in (("nl", parts[0], parts[1]), ("en", parts[1], parts[0])):
                if flags & set(DIRECTIONS.values()) - {DIRECTIONS[language]}:
                    continue
                for key in _keys(word):
                    if other not in found[language][key]:
                        found[language][key].append(other)
        return cls({language: {key: tuple(values) for key, values in keys.items()}
                    for language, keys in found.items()}, frozenset(nouns), frozenset(reviewed),
                   frozenset(own))

    def of(self, text: str, language: str) -> tuple[str, ...]:
        """The translations of a word or phrase of ``language`` (nl or en); for a word the
        table does not have, those of its lemma (``aardbevingen``: ``aardbeving``'s)."""
        table = self.by_language[language]
        keys = _keys(text)
        found = next((table[key] for key in keys if key in table), ())
        if found or len(keys) != 1 or " " in keys[0] or "*" in text:
            return found
        lemma = lemma_of(keys[0], language)
        return table.get(lemma, ()) if lemma else ()


@lru_cache(maxsize=1)
def shipped_table() -> Table:
    """The table shipped with the kits, read once."""
    from importlib.resources import files

    path = files("contentcheck.wordlists").joinpath(*TABLE_PATH)
    return Table.parse(path.read_text("utf-8"), "wordlists/" + "/".join(TABLE_PATH))


def _shared(translation: str, source: str) -> bool:
    """Whether a one-word translation is also a word of the typed term's language, at least
    as much as of its own (``brand`` for English ``fire``, ``storing``, ``machinist``): there
    it means something else, and a post in that language whose language is not told (a short
    one) would pause for it. A phrase (``"bus crash"``) reads as the other language."""
    words = _keys(translation)[:1]
    return bool(words) and " " not in words[0] and words[0] in vocabulary(source) \
        and word_language(words[0]) != OTHER[source]


def verb_forms(noun: str) -> frozenset[str]:
    """The English verb forms of a word meant as a noun that are words of their own
    (``train``: trained, training, trainer, trainers): the translation of ``trein`` is no
    *training*. Kept out of a translated noun's hits as exceptions."""
    stem = noun[:-1] if noun.endswith("e") else noun
    forms = {stem + "ed", stem + "ing", stem + "ings", stem + "er", stem + "ers"}
    english = vocabulary("en")
    return frozenset(form for form in forms if form in english)


def translations_of(typed: TermSet, table: Table | None = None,
                    known: Iterable[Term] = ()) -> list[tuple[Term, Term]]:
    """(typed term, its translation) for the typed crisis terms, each translation a term of
    the other language that names the term it comes from: a crisis term, or for a ``review``
    pair a review word (``crisis=False``, severity high). A translation the crisis has already
    (typed, or a kit's: ``known``) or that another term brought is left out, so one word is
    one hit; so is one the crisis file names as an exception (``!train``): the team's way to
    keep out one translation without losing the others. A word the table pairs with itself
    (``bus``, ``virus``: the same word and meaning in both) gives the typed term again in the
    other language, so a language guess does not leave it out of the other language's posts
    (as it must for a false friend: ``brand``)."""
    table = table or shipped_table()
    seen = {key for term in (*typed.terms, *known) for key in _keys(term.text)[:1]}
    seen |= typed.exceptions
    pairs: list[tuple[Term, Term]] = []
    same_seen: set[tuple[str, str]] = set()
    for term in typed.terms:
        own = _keys(term.text)[:1]
        for source in ((term.language,) if term.language in OTHER else ("nl", "en")):
            for translation in table.of(term.text, source):
                text = term_text(translation)
                key = _keys(text)[:1]
                if key and key == own and term.language == source:
                    # the same word in both (bus, storm, virus): the typed term, as typed,
                    # finds the other language's posts too; no language guess leaves it out
                    if (key[0], source) not in same_seen and key[0] not in typed.exceptions:
                        same_seen.add((key[0], source))
                        pairs.append((term, _as_review(replace(
                            term, language=OTHER[source], list_name=(
                                f"{term.list_name}, {term.text}{SAME}{LANGUAGE[OTHER[source]]}")),
                            (OTHER[source], translation) in table.reviewed)))
                    continue
                if not key or key[0] in seen:
                    continue
                only = ""
                if _shared(translation, source):
                    if (OTHER[source], translation) not in table.own:
                        continue  # brand for fire: "our brand" would pause
                    only = OWN_POSTS[OTHER[source]]  # bridge: English posts only
                seen.add(key[0])
                pairs.append((term, _as_review(replace(
                    term, text=text, pattern=parse_pattern(text), language=OTHER[source],
                    suggestion=None,
                    list_name=f"{term.list_name}, {translation}{MARK}'{term.text}'{only}"),
                    (OTHER[source], translation) in table.reviewed)))
    return pairs


def _as_review(term: Term, review: bool) -> Term:
    """A translation of a ``review`` pair as a review word (not a crisis term, severity high),
    so it never pauses on its own: *Memorial Day*, *killed it*, *by storm*; the same for a
    word the table pairs with itself (``storm``: the typed term in the other language)."""
    return replace(term, crisis=False, severity=Severity.HIGH) if review and term.crisis else term


def is_translation(term: Term) -> bool:
    """Whether a crisis term was made here (its list names the term it translates)."""
    return MARK in term.list_name or SAME in term.list_name


def typed_only(terms: TermSet) -> TermSet:
    """The terms without the translations: the notes on terms as typed (a plural, a line
    read two ways) are for what the person typed, not for the table's words."""
    return replace(terms, terms=tuple(t for t in terms.terms if not is_translation(t)))


def translated(typed: TermSet, table: Table | None = None, known: Iterable[Term] = ()
               ) -> tuple[TermSet, TermSet]:
    """The translations of the typed crisis terms (``translations_of``) as (crisis terms,
    review words), like a kit's; a noun's verb forms are exceptions (``verb_forms``), unless
    a term names them."""
    table = table or shipped_table()
    added = tuple(translation for _, translation in translations_of(typed, table, known))
    if added:
        log.debug("crisis terms translated: %s", ", ".join(t.text for t in added))
    named = {key for term in (*typed.terms, *known) for key in _keys(term.text)}
    exceptions = frozenset(form for term in added if term.language == "en"
                           and term.text in table.nouns
                           for form in verb_forms(term.text)) - named
    return (TermSet(tuple(t for t in added if t.crisis), exceptions),
            TermSet(tuple(t for t in added if not t.crisis), exceptions))
