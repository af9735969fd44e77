"""Compiled matcher: TermSet x text -> Match records with spans into the original text.

Compile once per run: every term word goes into one lexicon (dictionaries keyed by folded
word), phrases and proximity terms remember their words. Per post the screen splits the text
at whitespace and looks each token up in a cache (``screen.py``; a scan screens a few hundred
posts at once, in sets: ``Matcher.screen``); only a post with a hit is read closely: cut into
word groups with spans, phrases, proximity, language. So the cost per post does not grow with
the number of terms (bench/README.md has the numbers).
"""

from __future__ import annotations

import gc
import logging
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from operator import itemgetter
from itertools import chain, repeat
from dataclasses import dataclass

from contentcheck.matching.compounds import segment
from contentcheck.errors import TermFileError
from contentcheck.matching import places, reordered, separable
from contentcheck.matching.language import OTHER, OWN_POSTS, left_out_of
from contentcheck.matching.loans import loan
from contentcheck.matching.compounds import compound_head
from contentcheck.matching.derivations import has_other_sense, present_forms, split_verbs
from contentcheck.matching.emoji_words import emoji_for, family as emoji_family
from contentcheck.matching.lemmas import separable_parts, stem_verbs, verb_phrase_parts
from contentcheck.matching.forms import FUNCTION_WORDS
from contentcheck.matching.singulars import is_singular
from contentcheck.matching.slots import ADVERBS, SLOT
from contentcheck.matching.groups import ANCHOR, SINGLE, GroupInfo, analyze_group
from contentcheck.matching.index import CACHE_LIMIT, DERIVED_SENSE, LOOSE, Lexicon
from contentcheck.matching.readings import (ADDRESSED, CONTEXT, WORD_AFTER, WORD_BEFORE,
                                            addressed, reread, term_readings)
from contentcheck.matching.regex_terms import RegexTerms
from contentcheck.matching.screen import (HOT, NEEDLE, GroupCache, TokenCache, digits_as_one,
                                          same)
from contentcheck.matching.spans import (Finding, Inserts, Occurrence, Suppressed, phrases,
                                         proximity, tightest)

__all__ = ["Finding", "Matcher", "Suppressed", "applies"]
from contentcheck.records import Match, Post, Term
from contentcheck.matching.terms import (Pattern, TermSet, WordSpec, parse_pattern, pattern_of,
                                         typed_acronym)
from contentcheck.text import GROUP_RE

log = logging.getLogger(__name__)



@dataclass(frozen=True)
class _Multi:
    term: int
    kind: str  # phrase or proximity
    units: tuple[int, ...]
    # a crisis phrase's words a post may put in (``slots``): the slot and adverb units and
    # the positions a slot word may stand before
    inserts: tuple[int, int, frozenset[int]] | None = None


SPLIT_SENSE = "separable-sense"  # a split verb's present forms, for ``_add_split``
# the readings a crisis hit's reason names (``Matcher._reading``), besides a loan word
_NAMED_READINGS = frozenset(("derived", DERIVED_SENSE, "place", "wildcard-compound"))

# a hit before the close reading is done: (term, start, end, rule, why); ``why`` is the
# (unit, occurrence) pairs behind it or a regex's description, turned into words only by explain
_Raw = tuple[int, int, int, str, object]

def _loose(rule: str, why: object) -> str | None:
    """Why a hit is only a loose reading (``index.LOOSE``), or None: the hit's own rule, or
    that of any word of a phrase."""
    if rule in LOOSE:
        return LOOSE[rule]
    if isinstance(why, tuple):
        for _, occurrence in why:
            if occurrence.rule in LOOSE:
                return LOOSE[occurrence.rule]
    return None


_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“‘(\n])\W*$")


def _as_name(hit: _Raw, text: str) -> _Raw:
    """A wildcard hit on a capitalised word inside a sentence that begins with the stem is a
    name (Anna Brandt, Brandwijk), not a word the lower-case wildcard was typed for: a loose
    reading. At the start of a sentence or in a hashtag, case tells nothing. A name whose
    last part the wildcard matches (``brug*``: de Waalbrug, over de Erasmusbrug) is one of the
    things the stem names, as the plain term ``brug`` finds it: a hit; unless a capitalised
    word comes before it, a first name: Anna Zomerdijk is a person."""
    term, start, end, rule, why = hit
    word = text[start:end]
    if rule == "wildcard-compound":
        before = WORD_BEFORE.search(text, 0, start)
        if not (before and before.group(1)[:1].isupper()
                and not _SENTENCE_START.search(text, 0, before.start(1))):
            return hit
    if (rule in ("wildcard", "wildcard-compound") and word[:1].isupper() and word[1:2].islower()
            and text[start - 1:start] not in ("#", "@") and start
            and not _SENTENCE_START.search(text, 0, start)):
        return term, start, end, "wildcard-name", why
    return hit


def _as_other_language(hit: _Raw, text: str, other: str) -> _Raw:
    """A hit on a word of both languages (flat, brand) right next to a lower-case word of the
    other language only (*flat white*, *brand new*) is that language's word, in a phrase
    borrowed into the post: a loose reading. A capitalised neighbour may be a name (storm
    Floor) and says nothing."""
    from contentcheck.matching.language import word_language

    term, start, end, rule, why = hit
    if rule not in ("exact", "inflection", "lemma"):
        return hit
    for found in (WORD_BEFORE.search(text, 0, start), WORD_AFTER.match(text, end)):
        if found and found.group(1).islower() and word_language(found.group(1)) == other:
            return term, start, end, "other-language", why
    return hit


def _in_context(hit: _Raw, text: str, rules: frozenset[str]) -> _Raw:
    """A hit on the bare term word that its neighbours show to be another word (``readings``):
    a loose reading."""
    term, start, end, rule, why = hit
    if rule != "exact":
        return hit
    unit, occurrence = why[0]
    other = reread(rules, text, start, end, occurrence.norm)
    return (term, start, end, other, ((unit, occurrence._replace(rule=other)),)) if other else hit


def _typed_words(termset: TermSet) -> frozenset[str]:
    """The words of the one-word crisis terms (no wildcard): an exception's forms never stop
    them (``Lexicon.add_exception``)."""
    words = set()
    for term in termset.terms:
        if not term.crisis:
            continue
        try:
            pattern = pattern_of(term)
        except ValueError:  # said where the term is added
            continue
        if pattern.kind == "word" and not (pattern.words[0].any_before
                                           or pattern.words[0].any_after):
            words.add(pattern.words[0].norm)
    return frozenset(words)


def joined_text(post: Post) -> str:
    """A post's fields as one text, to screen them in one pass (their texts taken in C)."""
    return "\n".join(map(_TEXT, post.fields))


_TEXT = itemgetter(1)  # a PostField's text


def _left_out_of(term: Term, pattern: Pattern) -> str | None:
    if term.language is None:
        return None
    return left_out_of(term.language,
                       None if pattern.kind == "regex" else [w.norm for w in pattern.words])


def applies(term: Term, language: str | None) -> bool:
    """Is a term used for a post in this language? Unknown language: every term; a term of
    the other language unless it is a homograph (``brand``; see ``language.left_out_of``)."""
    return language is None or _left_out_of(term, parse_pattern(term.text)) != language


class Matcher:
    """Finds every term of a TermSet in a text; compile once, use for every post."""

    def __init__(self, termset: TermSet) -> None:
        gc_was_on = gc.isenabled()
        gc.disable()  # compiling makes ~10 objects per term word; collecting them is waste
        try:
            self._build(termset)
        finally:
            if gc_was_on:
                gc.enable()

    def _build(self, termset: TermSet) -> None:
        self.termset = termset
        self.lexicon = Lexicon()
        self._single: dict[int, list[int]] = defaultdict(list)  # unit -> terms
        self._heads: dict[int, list[int]] = defaultdict(list)  # unit -> terms it is the head of
        self._multi: list[_Multi] = []
        self._multi_by_unit: dict[int, list[int]] = defaultdict(list)
        self._multi_by_anchor: dict[int, list[int]] = defaultdict(list)  # by the rarest word
        self._regex = RegexTerms()
        self._exception_phrases: list[tuple[int, ...]] = []
        self._left_out: list[str | None] = []  # per term: the post language it is not for
        # per term: the only post language it is for (a translation that is a word of both
        # languages, bridge: ``translations.OWN``); a post of unknown language gets none
        self._only: dict[int, str] = {}
        self._loans: list[bool] = []  # per term: a loan word, named in a post of the other language
        self._lower_wild: list[bool] = []  # per term: a prefix wildcard typed in lower case
        self._readings: dict[int, frozenset[str]] = {}  # crisis term -> its context rules
        typed = _typed_words(termset)
        for word in sorted(termset.exceptions):
            if " " in word:  # "groene aanslag": these words together never count
                self._exception_phrases.append(tuple(
                    self.lexicon.add(WordSpec(w), None, compound=False) for w in word.split()))
            else:
                self.lexicon.add_exception(word, typed)
        for index, term in enumerate(termset.terms):
            try:
                pattern = parse_pattern(term.text)
            except ValueError as exc:  # a Term made in code, not read from a file
                raise TermFileError(term.origin or term.list_name, str(exc)) from None
            self._left_out.append(_left_out_of(term, pattern))
            if term.language in OWN_POSTS and term.list_name.endswith(OWN_POSTS[term.language]):
                self._only[index] = term.language
                self._left_out[index] = OTHER[term.language]  # so the post's language is told
            self._loans.append(term.crisis and pattern.kind == "word" and loan(pattern.words[0].norm))
            self._lower_wild.append(pattern.kind == "word" and pattern.words[0].any_after
                                    and term.text == term.text.lower())
            self._add_term(index, term, pattern)
        # the singulars a scan added (singulars.py): left out where another term hits the span
        self._singulars = frozenset(i for i, term in enumerate(termset.terms) if is_singular(term))
        for word in termset.false_friends:
            self.lexicon.add_false_friend(word)
        self.lexicon.finish()
        self._singles = frozenset(self._single) | frozenset(self._heads)  # a hit is a match
        # No term has a digit: then which digits a word holds cannot matter to the screen, and
        # "p/12345", "kerst2026", "utm_id=88" collapse to one cached word each instead of one
        # per post (links and codes are unique per post: a cache miss every time otherwise).
        self._digits_matter = any(c.isdigit() for t in termset.terms for c in t.text)
        self._multi_units = frozenset(self._multi_by_unit)  # these need their partners
        self._anchors = frozenset(self._multi_by_anchor)
        # per anchor, the words each of its phrase and proximity terms needs, each set once:
        # the screen tests them against a post's words in C (``may_match``)
        self._needs = {anchor: tuple(dict.fromkeys(frozenset(self._multi[m].units) for m in multis))
                       for anchor, multis in self._multi_by_anchor.items()}
        self._exception_units = frozenset(u for units in self._exception_phrases for u in units)
        self._groups: dict[str, GroupInfo] = {}
        self._screen_key = same if self._digits_matter else digits_as_one
        self._hot = GroupCache(self._screen_key, self._group)
        # the re: terms' letter test goes into the token cache when every pattern has letters
        self._needles = self._regex.needles()
        self._tokens = TokenCache(self._screen_key, self._hot, self._group, self._needles or ())
        self._screened: int | None = None  # see ``screen``

    def _add_term(self, index: int, term: Term, pattern: Pattern) -> None:
        """Put one term in the tables."""
        if pattern.kind == "regex":
            self._regex.add(index, term.text, pattern.regex)
            return
        if pattern.kind == "word":
            word = pattern.words[0]
            # a loan word's forms are those of both languages: hack -> hackers, crash -> crashed
            forms_of = None if term.crisis and loan(word.norm) else term.language
            unit = self.lexicon.add(word, forms_of, fuzzy=term.crisis, derive=term.crisis,
                                    english=term.crisis, acronym=typed_acronym(term.text))
            if term.crisis and not (word.any_before or word.any_after or word.emoji):
                rules = term_readings(word.norm, self.lexicon.languages(unit),
                                      self._left_out[index])
                if rules:
                    self._readings[index] = rules
            self._single[unit].append(index)
            if term.crisis and not (word.any_before or word.emoji) and word.norm.isalpha():
                # ✈️ for vliegtuig: a loose reading (``emoji_words``), never a pause
                meanings: dict[str, set[str]] = defaultdict(set)
                for emoji, meant in emoji_for(word.norm, self.lexicon.languages(unit)).items():
                    meanings[meant].add(emoji)
                for meant, emoji in meanings.items():
                    self._single[self.lexicon.add_fixed(
                        f"emoji for '{meant}'", frozenset(emoji), "emoji-word")].append(index)
            if term.crisis and word.emoji and emoji_family(word.norm):
                # a typed 🚂 finds 🚆 🚄 🚅 (``emoji_words.family``): a loose reading as well
                self._single[self.lexicon.add_fixed(
                    f"emoji of the family of {word.norm}", frozenset(emoji_family(word.norm)),
                    "emoji-word")].append(index)
            head = compound_head(word.norm) if term.crisis and not (
                word.any_before or word.any_after) and term.language != "en" else None
            if head:
                self._heads[self.lexicon.add(WordSpec(head), term.language)].append(index)
            if term.crisis and term.language != "en" and not word.any_before:
                # split verbs for crisis terms only: a list of thousands of words holds many
                # separable verbs of everyday verbs (aankomen: komt ... aan), each a phrase
                # that common posts would have to be checked for
                verbs = stem_verbs(word.norm, term.language) if word.any_after else \
                    [word.norm, *split_verbs(word.norm)]  # uitdroging: droogt ... uit
                for verb, particle, forms in [p for v in verbs for p in separable_parts(v)]:
                    self._add_split(index, verb, particle, forms, verb != word.norm and
                                    has_other_sense(verb, "nl"))
            if word.norm.isalpha() and not (word.any_before or word.any_after or
                                            self.lexicon.is_word(word.norm)):
                # a joined name also matches its two words written apart (stormciara: storm
                # ciara), when both are long enough not to be a chance cut (nik|ker, mon|gool);
                # a real word (winkelcentrum) is written joined, and stays one word
                spans = segment(word.norm, ())
                if spans and len(spans) == 2 and all(b - a >= 4 for a, b in spans):
                    parts = tuple(WordSpec(word.norm[a:b]) for a, b in spans)
                    self._add_multi(index, term, "phrase", parts, compound=False)
            return
        self._add_multi(index, term, pattern.kind, pattern.words)
        people = places.people_of_name(w.norm for w in pattern.words) if term.crisis else ()
        if people:  # Den Haag -> Hagenaars, 's-Hertogenbosch -> Bosschenaren
            name = " ".join(w.norm for w in pattern.words)
            self._single[self.lexicon.add_fixed(name, frozenset(people), "place")].append(index)
        if term.crisis and pattern.kind == "phrase":
            self._add_reversed(index, term, pattern.words)  # "hoog water": het water staat hoog
            for verb, last, forms in verb_phrase_parts(pattern.words, term.language):
                self._add_split(index, verb, last, forms, False)  # "liggen plat": ligt nooit plat
        if pattern.joined:
            self._single[self.lexicon.add(WordSpec(pattern.joined), term.language)].append(index)

    def _add_split(self, index: int, verb: str, particle: str, forms: frozenset[str],
                   other_sense: bool) -> None:
        """A separable verb split over the sentence (``separable``): its finite forms, then
        its particle. A derived verb with an everyday sense of its own (afsluiting ->
        afsluiten) pauses only in a past form (*sloot de weg af*); its present forms (*sluit
        je hypotheek af*) are a loose reading (``derivations.other_sense``)."""
        particle_unit = self.lexicon.add_fixed(particle, frozenset([particle]), "separable")
        now = frozenset(forms & present_forms(verb[len(particle):])) if other_sense else frozenset()
        for kind, group in (("separable", forms - now), (SPLIT_SENSE, now)):
            if group:
                self._add_units(index, kind, (self.lexicon.add_fixed(
                    f"{verb}: {particle}" + (" (present)" if kind == SPLIT_SENSE else ""),
                    group, "separable"), particle_unit))

    def _add_multi(self, index: int, term: Term, kind: str, words: tuple[WordSpec, ...],
                   compound: bool = True) -> None:
        """A phrase or proximity term: all of its words must be there; a crisis phrase of three
        words or more lets a post put an article or possessive before its content words and
        an adverb before its last word (``slots``)."""
        inserts = None
        if kind == "phrase" and term.crisis and len(words) > 2:
            inserts = (self._slot(), self.lexicon.add_fixed("an adverb", ADVERBS, "slot"),
                       frozenset(position for position, w in enumerate(words) if position
                                 and w.norm not in SLOT and w.norm not in FUNCTION_WORDS))
        self._add_units(index, kind, tuple(
            self._slot() if kind == "phrase" and w.norm in SLOT and len(words) > 2 else
            self.lexicon.add(w, term.language, compound=compound and len(w.norm) >= 5)
            for w in words), inserts)

    def _add_reversed(self, index: int, term: Term, words: tuple[WordSpec, ...]) -> None:
        """A crisis phrase of an adjective and a noun, also the other way round
        (``reordered``): the noun, then the adjective said of it."""
        if any(w.any_before or w.any_after for w in words):
            return
        languages = (term.language,) if term.language in ("nl", "en") else ("nl", "en")
        forms = reordered.reversible([w.norm for w in words], languages)
        if not forms:
            return
        noun = self.lexicon.add(words[1], term.language, compound=False)  # no waterprijzen
        adjective = self.lexicon.add_fixed(f"'{words[0].norm} {words[1].norm}' the other way round",
                                           forms, reordered.RULE)
        self.lexicon.rank_hint[adjective] = min(self.lexicon.rank_of(form) for form in forms)
        self._add_units(index, reordered.RULE, (noun, adjective))

    def _slot(self) -> int:
        """The unit any article or possessive of a phrase stands for (``slots.py``)."""
        uid = self.lexicon.add_fixed("an article or possessive", SLOT, "slot")
        self.lexicon.rank_hint[uid] = 0  # never the anchor of a phrase
        return uid

    def _add_units(self, index: int, kind: str, units: tuple[int, ...],
                   inserts: tuple[int, int, frozenset[int]] | None = None) -> None:
        multi = len(self._multi)
        self._multi.append(_Multi(index, kind, units, inserts))
        for unit in set(units):
            self._multi_by_unit[unit].append(multi)
        self._multi_by_anchor[self.lexicon.rarest(units)].append(multi)

    @property
    def warnings(self) -> list[str]:
        """What went wrong while matching in this run (a ``re:`` term skipped as too slow)."""
        return self._regex.warnings

    @classmethod
    def compile(cls, termset: TermSet) -> "Matcher":
        return cls(termset)

    def _group(self, group: str) -> GroupInfo:
        info = self._groups.get(group)
        if info is None:
            if len(self._groups) > CACHE_LIMIT:
                self._groups.clear()
                self._hot.clear()
                self._tokens.clear()
            info = self._groups[group] = analyze_group(group, self.lexicon, self._singles,
                                                       self._anchors, self._multi_units)
        return info

    def may_match(self, text: str, tokens: list[str] | None = None) -> bool:
        """The fast path: could any term match? One ``str.split``, then a C-level lookup per
        token (``TokenCache`` reads a token it has not seen into word groups): a word of a
        one-word term is enough; words of phrase and proximity terms count only when all their
        partners are there too, so a common word in a phrase (shop, zomer) does not slow every
        post down. ``tokens`` is ``text.split()`` when the caller has it already. The ``re:``
        terms are searched first: in every text, or (``NEEDLE``) only when a token holds the
        letters each of their hits starts with."""
        if self._needles is None and self._regex and self._regex.may_match(text):
            return True
        if tokens is None:
            tokens = text.split()
        cache = self._tokens
        generation = cache.generation
        most = max(map(cache.__getitem__, tokens), default=0)
        if most & NEEDLE:  # rare: a token holds a re: term's letters (bomb, bombed ...)
            if self._regex.may_match(text):
                return True
            most = max([cache[token] & HOT for token in tokens])
        if most != ANCHOR:
            return most == SINGLE
        # a third of the posts: a phrase's rarest word, seldom with its partners. The words
        # the tokens hold, gathered in C (a token without any has no entry in ``units``) ...
        units = cache.units
        if cache.generation == generation:
            present: set[int] = set().union(*map(units.get, tokens, repeat((), len(tokens))))
        else:  # ... unless the cache was cleared meanwhile: each token looked up again
            present = set()
            for token in tokens:
                if cache[token]:  # (a token with NEEDLE alone has no units)
                    present.update(units.get(token, ()))
        return self._partners_met(present)

    def _partners_met(self, present: set[int]) -> bool:
        """Whether a phrase or proximity term has every word in ``present`` (the words a text
        holds), tried only for the terms whose rarest word (anchor) is there."""
        return any(map(present.issuperset, chain.from_iterable(
            map(self._needs.__getitem__, present.intersection(self._anchors)))))

    def screen(self, texts: Sequence[str], tokens: Sequence[list[str]]) -> list[bool]:
        """``may_match`` of each text of a chunk (``tokens``: each text's ``str.split()``),
        with set operations in C: the chunk's tokens are gathered in one set and the ones
        never seen are read once (``TokenCache``), then a post costs one ``isdisjoint`` with
        the few tokens that can make a post match; only a post holding one looks closer."""
        cache = self._tokens
        self._screened = None  # the token cache's generation that knows the chunk's tokens
        if self._needles is None and self._regex:  # a re: term searched in every text
            return list(map(self.may_match, texts, tokens))
        generation = cache.generation
        cache.sight(set().union(*tokens) - cache.seen)  # (the links unique to a post: none)
        if cache.generation != generation:  # cleared meanwhile: the tokens read before went
            return list(map(self.may_match, texts, tokens))
        self._screened = generation
        hot, known = cache.hot.intersection, self._known_may_match
        return [known(text, ts, found) if (found := hot(ts)) else False
                for text, ts in zip(texts, tokens)]

    def _known_may_match(self, text: str, tokens: list[str], hot: set[str]) -> bool:
        """``may_match`` of a text whose tokens the token cache knows, in sets; ``hot``: the
        tokens of the text that can make a post match (a few)."""
        cache = self._tokens
        if not cache.needle.isdisjoint(hot) and self._regex.may_match(text):
            return True
        if not cache.single.isdisjoint(hot):
            return True
        if cache.anchor.isdisjoint(hot):
            return False
        present: set[int] = set().union(*map(cache.units.__getitem__,
                                             cache.with_units.intersection(tokens)))
        return self._partners_met(present)

    def find(self, text: str, field: str = "text", language: str | None = None) -> list[Match]:
        """Every match in one text, sorted by span; ``text[m.start:m.end] == m.matched``."""
        if not text or not self.may_match(text):
            return []
        return self._matches(text, field, language)

    def match_post(self, post: Post, screened: bool = False) -> list[Match]:
        """Matches in every text-bearing field of a post, its language detected once.

        The fields are screened together first (one pass instead of one per field: most posts
        match nothing); only a post that may match is screened and read field by field.
        ``screened``: the caller found that ``may_match(joined_text(post))``."""
        several = len(post.fields) > 1
        if several and not screened and not self.may_match(joined_text(post)):
            return []
        return self._read_post(post, self.may_match if several or not screened else None)

    def match_screened(self, post: Post) -> list[Match]:
        """``match_post`` of a post of the chunk ``screen`` was given last, that it passed:
        its fields are screened in sets too, while the token cache still knows what every
        token of the chunk can do (not cleared since: ``TokenCache.generation``)."""
        if len(post.fields) < 2:
            return self._read_post(post, None)
        return self._read_post(post, self._field_may_match)

    def _field_may_match(self, text: str) -> bool:
        tokens = text.split()
        cache = self._tokens
        if cache.generation != self._screened:
            return self.may_match(text, tokens)
        hot = cache.hot.intersection(tokens)
        return bool(hot) and self._known_may_match(text, tokens, hot)

    def _read_post(self, post: Post, may_match: Callable[[str], bool] | None) -> list[Match]:
        """The matches of a post's fields that pass ``may_match`` (None: every field)."""
        language: str | None = None
        detected = False
        found: list[Match] = []
        left_out = self._left_out
        for name, text in post.fields:
            if not text or (may_match is not None and not may_match(text)):
                continue
            raw = self._read(text)[0]
            if not detected and any(left_out[hit[0]] or self._loans[hit[0]] for hit in raw):
                # only a hit of a term kept out of one language (brand) needs the language,
                # and a loan word's, whose reason names it in a post of the other language
                from contentcheck.matching.language import detect

                language = detect(" ".join([t for _, t in post.fields if t]))
                detected = True
            found += self._bare(raw, text, name, language)
        return found

    def explain(self, text: str, field: str = "text", language: str | None = None
                ) -> tuple[list[Finding], list[Suppressed]]:
        """Every match with the rule behind it, and the hits that exceptions suppressed."""
        raw, suppressed = self._read(text, suppressed=[])
        findings = []
        for term_index, start, end, rule, why in self._kept(raw, language):
            term = self.termset.terms[term_index]
            findings.append(Finding(self._match(term, text, field, start, end, _loose(rule, why),
                                                self._reading(term, rule, why, language)),
                                    term, rule, self._describe(why)))
        return findings, list(dict.fromkeys(suppressed))  # a unit may sit in several lists

    def _matches(self, text: str, field: str, language: str | None) -> list[Match]:
        """What ``explain`` finds, as bare matches."""
        return self._bare(self._read(text)[0], text, field, language)

    def _bare(self, raw: list[_Raw], text: str, field: str, language: str | None) -> list[Match]:
        """The kept hits as matches only: a scan needs no rules, details or suppressed hits,
        and skips making them for every post that matches."""
        terms = self.termset.terms
        return [self._match(terms[term_index], text, field, start, end, _loose(rule, why),
                            self._reading(terms[term_index], rule, why, language))
                for term_index, start, end, rule, why in self._kept(raw, language)]

    def _reading(self, term: Term, rule: str, why: object, language: str | None
                 ) -> tuple[str, ...]:
        """(kind, words ...) for a crisis hit through a reading the reports name
        (``wording.READINGS``): a derivation (*explodeerde*: derived, explosie, exploderen), a
        place's people, a wildcard's compound, a loan word in a post of the other language."""
        if not term.crisis or not (rule in _NAMED_READINGS or (
                rule in ("exact", "inflection", "lemma") and language and term.language
                and language != term.language)) or not isinstance(why, tuple) or len(why) != 1:
            return ()  # most hits: a plain form of the term, nothing to name
        unit, occ = why[0]
        norm = self.lexicon.units[unit].norm
        if rule in ("derived", DERIVED_SENSE):
            path = self.lexicon.derived_via.get((unit, occ.norm), ())
            return ("derived", norm, " -> ".join(w for w in path if w != occ.norm))
        if rule == "place":
            return ("place", norm)
        if rule == "wildcard-compound":
            return ("wildcard-compound", self.lexicon.compound_split(occ.norm, unit), norm)
        return ("loan", norm) if loan(norm) else ()

    def _read(self, text: str, suppressed: list[Suppressed] | None = None
              ) -> tuple[list[_Raw], list[Suppressed] | None]:
        """The raw hits of every term in a text, whatever its language (``_kept`` filters);
        ``suppressed`` collects what exceptions took away (when a list is given)."""
        occurrences: dict[int, list[Occurrence]] = defaultdict(list)
        base = 0
        groups, analyze, units = self._groups, self._group, self.lexicon.units
        for match in GROUP_RE.finditer(text):
            info = groups.get(match.group()) or analyze(match.group())
            if info.busy:
                offset = match.start()
                for piece in info.pieces:
                    rule_of_split = "hashtag-split" if piece.split else None
                    for unit, rule in piece.hits:  # a loose piece stays loose: #fireworksnight
                        occurrences[unit].append(Occurrence(
                            offset + piece.start, offset + piece.end, base + piece.first,
                            base + piece.last, rule if rule in LOOSE else rule_of_split or rule,
                            piece.norm))
                if suppressed is not None:
                    for piece, unit, exception in info.suppressed:
                        suppressed.append(Suppressed(
                            text[offset + piece.start:offset + piece.end], units[unit].norm,
                            exception, offset + piece.start, offset + piece.end))
            base += info.leaves
        raw: list[_Raw] = []
        for unit, occs in occurrences.items():
            for term in self._single.get(unit, ()):
                raw += [(term, occ.start, occ.end, occ.rule, ((unit, occ),)) for occ in occs]
                if self._lower_wild[term]:  # a name that begins with brand*: Brandt, Brandwijk
                    raw[-len(occs):] = [_as_name(hit, text) for hit in raw[-len(occs):]]
                if self._left_out[term]:  # a word of both languages: flat white, brand new
                    raw[-len(occs):] = [_as_other_language(hit, text, self._left_out[term])
                                        for hit in raw[-len(occs):]]
                if term in self._readings:  # het rook (smelled), calm down, Boom!
                    raw[-len(occs):] = [_in_context(hit, text, self._readings[term])
                                        for hit in raw[-len(occs):]]
            for term in self._heads.get(unit, ()):
                raw += [(term, occ.start, occ.end, "head", ((unit, occ._replace(rule="head")),))
                        for occ in occs]
        # a phrase or proximity term can only match where its rarest word is (one per term)
        candidates = [multi for anchor in self._anchors.intersection(occurrences)
                      for multi in self._multi_by_anchor[anchor]]
        for multi in sorted(candidates):
            raw.extend(self._match_multi(self._multi[multi], occurrences, text))
        if self._regex:
            raw.extend((term, start, end, "regex", why)
                       for term, start, end, why in self._regex.find(text))
        if not self._exception_units.isdisjoint(occurrences):
            raw = self._drop_excepted(raw, occurrences, text, suppressed)
        return raw, suppressed

    def _drop_excepted(self, raw: list[_Raw], occurrences: dict[int, list[Occurrence]], text: str,
                       suppressed: list[Suppressed] | None) -> list[_Raw]:
        """Hits inside an exception phrase (``!groene aanslag``) do not count."""
        spans = []
        for units in self._exception_phrases:
            if all(unit in occurrences for unit in units):
                for chain in phrases(units, occurrences):
                    words = " ".join(self.lexicon.units[u].norm for u in units)
                    spans.append((chain[0].start, chain[-1].end, words))
        kept = []
        for hit in raw:
            blocker = next((s for s in spans if s[0] <= hit[1] and hit[2] <= s[1]), None)
            if blocker is None:
                kept.append(hit)
            elif suppressed is not None:
                suppressed.append(Suppressed(text[hit[1]:hit[2]],
                                             self.termset.terms[hit[0]].text, blocker[2],
                                             hit[1], hit[2]))
        return kept

    def reading(self, text: str) -> list[str]:
        """How the text is read: its words, with hashtags and codes split (for ``explain``)."""
        from contentcheck.matching.groups import read_group

        return [word for group in GROUP_RE.findall(text) for word in read_group(group, self.lexicon)]

    def _detail(self, unit: int, occ: Occurrence) -> str:
        """One word behind a hit, in the words of its reading: which form, lemma, compound
        split, typo or slot made it."""
        norm, rule = self.lexicon.units[unit].norm, occ.rule
        if rule in ("compound", "compound-word", "compound-english"):
            split = self.lexicon.compound_split(occ.norm, unit)
            part = next((p for p in split.split("|")
                         if (unit, p) in self.lexicon.derived_via), None)  # gas|explosie
            held = f"'{part}', derived from '{norm}'" if part else f"'{norm}'"
            return f"compound: '{split}' holds {held}"
        if rule == "wildcard-compound":
            split = self.lexicon.compound_split(occ.norm, unit)
            return f"compound: '{split}', a part that matches '{norm}*'"
        if rule.startswith("compound-en"):
            split = self.lexicon.english_split(occ.norm, unit)
            return f"English compound: '{split}' holds '{norm}'"
        if rule == "lemma":
            return f"lemma: '{occ.norm}' is a form of '{norm}' (lemma table)"
        if rule == "place":
            return f"place: '{occ.norm}', the people or adjective of '{norm}' (place names)"
        if rule in ("derived", DERIVED_SENSE):
            path = self.lexicon.derived_via.get((unit, occ.norm))
            if path is None:
                return f"derived: '{occ.norm}' is a word made from '{norm}'"
            via = [w for w in path if w != occ.norm]
            return f"derived: '{occ.norm}' is derived from '{norm}'" + (
                f" via '{' -> '.join(via)}'" if via else "")
        if rule == "fuzzy":
            return f"fuzzy: '{occ.norm}' is one typo from '{norm}'"
        if rule == "spelling":
            form = self.lexicon.fuzzy.spelled_form(occ.norm, unit) or norm
            slip = ("with ei and ij swapped" if len(form) == len(occ.norm)
                    else "with a double consonant written once")
            return f"spelling: '{occ.norm}' is '{form}', a form of '{norm}', {slip}"
        if rule == "fuzzy-compound":
            split = self.lexicon.typo_split(occ.norm, unit)
            return f"fuzzy-compound: '{split}' holds '{norm}' with one typo"
        if rule == "emoji-word":
            return f"{norm}: '{occ.norm}' (Unicode CLDR name or keyword)"
        if rule == reordered.RULE:
            return f"reversed: '{occ.norm}' said of the word before it, {norm}"
        if rule == "slot":
            return f"slot: '{occ.norm}' stands for {norm}"
        if rule == "separable":
            verb, _, particle = norm.partition(": ")
            return (f"separable: '{occ.norm}', the verb of '{verb}', then its particle"
                    if particle else f"'{occ.norm}'")
        if rule == "wildcard-excepted":
            friend = max((f for f in self.lexicon.false_friends
                          if occ.norm.startswith(f) or occ.norm.endswith(f)),
                         key=len, default=occ.norm)
            how = "is" if friend == occ.norm else "holds"
            return (f"wildcard-excepted: '{occ.norm}' {how} '{friend}', an exception of the "
                    f"word lists: a false friend of '{norm}'")
        if rule in CONTEXT:
            return f"{rule}: '{occ.norm}' {CONTEXT[rule](occ.norm)}"
        if rule == "head":
            same = "" if occ.norm == norm else f" ~ '{norm}'"
            return f"head: '{occ.norm}'{same}, the last part of the term alone"
        return f"{rule}: '{occ.norm}' ~ '{norm}'" if occ.norm != norm else f"{rule}: '{norm}'"

    def _describe(self, why: tuple[tuple[int, Occurrence], ...] | str) -> str:
        """The words behind a hit, for ``explain`` (a regex hit names its pattern)."""
        if isinstance(why, str):
            return why
        return ", ".join(self._detail(unit, occ) for unit, occ in why)

    def _match_multi(self, multi: _Multi, occurrences: dict[int, list[Occurrence]], text: str
                     ) -> list[_Raw]:
        if any(unit not in occurrences for unit in multi.units):
            return []
        if multi.kind in ("separable", SPLIT_SENSE):
            chains = separable.chains(text, *(occurrences[unit] for unit in multi.units))
            plain = "separable" if multi.kind == "separable" else DERIVED_SENSE
            return [(multi.term, verb.start, particle.end,
                     ADDRESSED if addressed(text, verb.start, verb.end, particle.start) else plain,
                     tuple(zip(multi.units, (verb, particle)))) for verb, particle in chains]
        elif multi.kind == reordered.RULE:
            chains = reordered.chains(text, *(occurrences[unit] for unit in multi.units))
        elif multi.kind == "phrase":
            chains = phrases(multi.units, occurrences, self._inserts(multi, occurrences))
        else:
            chains = proximity(multi.units, occurrences)
        return [(multi.term, min(o.start for o in chain), max(o.end for o in chain), multi.kind,
                 tuple(zip(multi.units, chain))) for chain in chains]

    @staticmethod
    def _inserts(multi: _Multi, occurrences: dict[int, list[Occurrence]]) -> Inserts | None:
        """The leaves of the words a post may put into a crisis phrase (``slots``)."""
        if multi.inserts is None:
            return None
        slot, adverb, before = multi.inserts
        return Inserts(frozenset(o.first for o in occurrences.get(slot, ()) if o.first == o.last),
                       frozenset(o.first for o in occurrences.get(adverb, ()) if o.first == o.last),
                       before)

    def _kept(self, raw: list[_Raw], language: str | None) -> list[_Raw]:
        """Language filter (homographs of the post's language only), then one hit per term
        and place (the tightest span wins), in text order."""
        by_term: dict[int, list[tuple[int, int, str, object]]] = defaultdict(list)
        left_out, only = self._left_out, self._only
        for term_index, start, end, rule, why in raw:
            if (language is None or left_out[term_index] != language) and (
                    not only or only.get(term_index, language) == language):
                by_term[term_index].append((start, end, rule, why))
        kept = [(term_index, start, end, rule, why) for term_index, spans in by_term.items()
                for start, end, rule, why in tightest(spans)]
        if self._singulars and len(kept) > 1:  # 'slachtoffers': one reason, not the singular too
            typed = {(hit[1], hit[2]) for hit in kept if hit[0] not in self._singulars}
            kept = [hit for hit in kept
                    if hit[0] not in self._singulars or (hit[1], hit[2]) not in typed]
        terms = self.termset.terms
        kept.sort(key=lambda hit: (hit[1], hit[2], terms[hit[0]].text))
        return kept

    @staticmethod
    def _match(term: Term, text: str, field: str, start: int, end: int,
               loose: str | None = None, reading: tuple[str, ...] = ()) -> Match:
        return Match(term=term.text, matched=text[start:end], field=field, start=start, end=end,
                     list_name=term.list_name, category=term.category, severity=term.severity,
                     crisis=term.crisis, suggestion=term.suggestion,
                     loose=loose if term.crisis else None, reading=reading)
