"""The lexicon: every word of every term, compiled into dictionaries keyed by folded token.

A post word is looked up once per distinct word (cached), whatever the number of terms: its
exact and inflected forms are one dictionary lookup, wildcards one lookup per prefix/suffix
length, and compounds one pair of lookups per split point. That is what keeps matching close to
the cost of tokenizing (bench/README.md).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from dataclasses import dataclass

from contentcheck.matching import compounds, english_compounds, places
from contentcheck.matching.front_forms import er_fronts
from contentcheck.matching.fuzzy import MIN_LENGTH as TYPO_MIN, FuzzyIndex
from contentcheck.matching.derivations import derivations, is_noun, other_sense
from contentcheck.matching.forms import FUNCTION_WORDS, dutch_forms, home_languages, word_forms
from contentcheck.matching.lemmas import (derived_forms, participles, prefixed_verbs, stem_verbs,
                                          table_forms, verb_adjectives, verb_nouns, verb_stems)
from contentcheck.matching.loans import agent_nouns, dutch_participles
from contentcheck.matching.terms import WordSpec
from contentcheck.matching.wild_compounds import WildHeads

DERIVED_SENSE = "derived-sense"
RULE_ORDER = ("exact", "emoji", "inflection", "lemma", "derived", DERIVED_SENSE, "place",
              "separable", "separable-you",
              "wildcard", "compound", "wildcard-compound", "compound-en", "compound-word",
              "compound-english", "compound-en-verb", "compound-en-modifier", "other-language",
              "verb-form", "particle", "exclamation", "wildcard-word", "wildcard-excepted",
              "wildcard-name", "head", "spelling", "fuzzy", "fuzzy-compound", "slot", "reversed", "emoji-word")
# readings that ask for review rather than pause when they hit a crisis term
LOOSE = {"wildcard-word": "a word of its own that begins with the wildcard",
         "wildcard-excepted": "a word the word lists keep as a false friend of the wildcard",
         "wildcard-name": "a name (capitalised inside a sentence: Brandt, Anna Zomerdijk), "
                          "not the wildcard's word",
         "head": "the last part of a compound term on its own",
         "compound-word": "a compound that is an everyday word with a meaning of its own",
         "compound-english": "two English words written as one, an English phrase",
         "compound-en-verb": "an English compound that is a verb of its own",
         "compound-en-modifier": "an English compound whose head is another word",
         "other-language": "a word of both languages next to a word of the other language",
         "verb-form": "a form of another word, a verb, by its subject next to it",
         "particle": "an English particle in another sense than a state",
         "exclamation": "a word of both languages said alone as an English interjection",
         "separable-you": "a split verb said to the reader (je, jij, u): a figure of speech",
         DERIVED_SENSE: "a derived verb with an everyday sense of its own, not reporting "
                        "something done",
         "emoji-word": "an emoji for the term: emoji are often decoration"}
CACHE_LIMIT = 500_000


@dataclass(frozen=True)
class Unit:
    """One word to look for: folded text, wildcards, and the language that gives its forms."""

    norm: str
    any_before: bool
    any_after: bool
    language: str | None
    compound: bool  # may be part of a Dutch compound (gasexplosie)
    emoji: bool
    english: bool = False  # may be part of an English compound (airplane): crisis words only
    acronym: bool = False  # typed in capitals (RIP): the word itself, no forms or compounds


def _second_part(word: str, cut: int, truncated: bool) -> bool:
    """Is what follows a wildcard's stem (and a link) in ``word`` a word of its own that makes
    a compound: a three-letter part only if frequent (concert|ina is no compound, concert|zaal
    is), and no longer word running across the cut (vakantie|parkeren for vakantiepark*). A
    stem that is no word (``truncated``: explo*) is cut short from the word it was typed for:
    any word of the vocabulary after it counts, as before (explo|sie)."""
    rest = word[cut:]
    if truncated:
        return compounds.is_word_or_compound(rest)
    if not (compounds.is_part(rest) if len(rest) == compounds.MIN_PART
            else compounds.is_word_or_compound(rest)):
        return False
    return len(rest) > 4 or not compounds.word_across(word, cut)



def _one(shared: dict[Any, Any], value: Any) -> Any:
    """``value``, or the equal one met before (so it is one object, pickled once)."""
    return shared.setdefault(value, value)

class Lexicon:
    """Units -> lookup tables; ``hits(word)`` says which units a folded word is, and how."""

    def __init__(self, lemmas: bool = True) -> None:
        self.lemmas = lemmas  # add the lemma table's forms (``lemmas.table_forms``)
        self.units: list[Unit] = []
        self._ids: dict[Unit, int] = {}
        # exact, heads, modifiers: lists while terms are added, shared tuples after ``finish``
        self.exact: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self.prefix: dict[str, list[int]] = defaultdict(list)
        self.suffix: dict[str, list[int]] = defaultdict(list)
        self.infix: list[tuple[str, int]] = []
        self.heads: dict[str, list[int]] = defaultdict(list)
        self.modifiers: dict[str, list[int]] = defaultdict(list)
        self.en_heads: dict[str, list[int]] = defaultdict(list)  # ``english_compounds``
        self.en_modifiers: dict[str, list[int]] = defaultdict(list)
        self.wild = WildHeads()  # prefix wildcards as a compound's last part (rivier|dijken)
        self.exceptions: set[str] = set()
        self.false_friends: set[str] = set()  # ``checker.false_friends`` and their forms
        # (unit, form) -> the words a derived form comes through (``derivations``, for explain)
        self.derived_via: dict[tuple[int, str], tuple[str, ...]] = {}
        self._stem_forms: dict[int, frozenset[str]] = {}  # prefix wildcard -> its word's forms
        self.fuzzy = FuzzyIndex()
        self.rank_hint: dict[int, int] = {}  # unit -> rarity for ``rarest`` (a slot is common)
        self._cache: dict[str, tuple[tuple[int, str], ...]] = {}
        self._suppressed: dict[str, list[tuple[int, str]]] = {}

    def add(self, spec: WordSpec, language: str | None, *, compound: bool = True,
            fuzzy: bool = False, derive: bool = False, english: bool = False,
            acronym: bool = False) -> int:
        """The id of the unit for one term word (the same word in two lists shares a unit);
        ``fuzzy``: a post word one typo away counts too (crisis words, ``fuzzy.py``);
        ``derive``: the words it is derived into count too (crisis words,
        ``lemmas.derived_forms``, ``lemmas.prefixed_verbs``); ``english``: an English word
        is found in English closed compounds too (crisis words, ``english_compounds``);
        ``acronym``: typed in capitals (``terms.typed_acronym``), the word alone and its
        plural in -s, no other form, derivation, typo or compound (RIP: no ripped, ripstop)."""
        if acronym:
            compound = fuzzy = derive = english = False
        emoji = spec.emoji
        wild = spec.any_before or spec.any_after
        wild_compound = compound and not emoji and spec.any_after and not spec.any_before
        # Dutch compounds for Dutch words, and for words Dutch has borrowed (vlekkenkiller)
        compound = (compound and not emoji and not wild and spec.norm.isalpha()
                    and len(spec.norm) >= compounds.MIN_PART and language in (None, "nl")
                    and (spec.norm in compounds.vocabulary("nl")
                         or spec.norm not in compounds.vocabulary("en")))
        english = (english and not emoji and not wild
                   and english_compounds.takes_compounds(spec.norm)
                   and "en" in home_languages(spec.norm, language, compounds.vocabulary("nl"),
                                              compounds.vocabulary("en")))
        unit = Unit(spec.norm, spec.any_before, spec.any_after, language, compound, emoji, english,
                    acronym and not wild)
        if unit in self._ids:
            return self._ids[unit]
        uid = self._ids[unit] = len(self.units)
        self.units.append(unit)
        if emoji:
            self.exact[unit.norm].append((uid, "emoji"))
        elif spec.any_before and spec.any_after:
            self.infix.append((unit.norm, uid))
        elif spec.any_after:
            self.prefix[unit.norm].append(uid)
            self._stem_forms[uid] = self._forms_of_stem(unit.norm, language)
            if wild_compound and unit.norm.isalpha() and len(unit.norm) >= compounds.MIN_PART:
                self.wild.add(unit.norm, uid, language in (None, "nl"), language in (None, "en")
                              and english_compounds.takes_compounds(unit.norm))
            for form in self._stem_forms[uid]:
                if not form.startswith(unit.norm):
                    self.exact[form].append((uid, "lemma"))  # pin* -> gepind, terugroep* -> teruggeroepen
            if derive:  # brand* -> gebrand, verbrand, afgebrande, ontbrand
                for verb in stem_verbs(unit.norm, language):
                    for other in [verb, *prefixed_verbs(verb)]:
                        forms = (table_forms(other, "nl").forms if other != verb else set()) \
                            | participles(other)
                        for form in forms - self._stem_forms[uid]:
                            if not form.startswith(unit.norm):
                                self.exact[form].append((uid, "derived"))
                    for form in verb_adjectives(verb, unit.norm):
                        self.exact[form].append((uid, "derived"))  # brand* -> brandbaar
                homes = home_languages(unit.norm, language, compounds.vocabulary("nl"),
                                       compounds.vocabulary("en"))
                for form in derived_forms(unit.norm, homes):  # boeking* -> geboekt, as boeking
                    if not form.startswith(unit.norm) and form not in self._stem_forms[uid]:
                        self.exact[form].append((uid, "derived"))
                self._derive(uid, unit.norm, homes,
                             skip=lambda form: form.startswith(unit.norm))  # chemie* -> chemische
            if fuzzy:  # kapseis* -> kapsijzen (ei for ij)
                self.fuzzy.add_spelling(uid, set(self._stem_forms[uid]), self.is_word)
        elif spec.any_before:
            self.suffix[unit.norm].append(uid)
        else:
            dutch, english = compounds.vocabulary("nl"), compounds.vocabulary("en")
            exact, norm = self.exact, unit.norm
            heads = dutch_forms(norm, dutch) if unit.compound else None
            forms = {norm, norm + "s"} if unit.acronym else \
                word_forms(norm, language, dutch, english, heads)
            own_adjective = places.adjective_of_its_own(norm) if norm + "se" in forms else set()
            own_adjective |= places.other_places(forms, norm)  # brug -> Brugge, Brugse
            forms -= own_adjective  # schot -> Schotse: Scottish
            for form in forms:
                exact[form].append((uid, "exact" if form == norm else "inflection"))
            table = {} if unit.acronym else {
                form: home for form, home in self._table_forms(norm, language).items()
                if form not in own_adjective}
            for form, home in table.items():
                if form not in forms:
                    exact[form].append((uid, "lemma"))
                if heads is not None and home == "nl":
                    heads.add(form)  # kunstmusea, hoofdcrises
            if derive:
                homes = list(home_languages(norm, language, dutch, english))
                place = places.people(norm) if "nl" in homes else set()
                for form in dutch_participles(norm) - forms - set(table):
                    exact[form].append((uid, "derived"))  # hack -> gehacked, leak -> geleakt
                for form, home in derived_forms(norm, homes).items():
                    if form not in forms and form not in table:  # storm -> stormde; Meppelers
                        exact[form].append((uid, "place" if form in place else "derived"))
                    if heads is not None and home == "nl" and form.endswith(("ing", "ingen")):
                        heads.add(form)  # besmet -> kruisbesmetting
                        self.modifiers[form + "s"].append(uid)  # ontploffing|s|gevaar
                for form, via, home in self._derive(uid, norm, homes,
                                                    skip=lambda form: form in forms or form in table):
                    if heads is not None and home == "nl" and is_noun(via[-1]):
                        heads.add(form)  # exploderen -> gas|explosie
                        if form == via[-1]:
                            self.modifiers[form].append(uid)  # explosie|gevaar
            if fuzzy:
                self.fuzzy.add(uid, forms | set(table))
                self.fuzzy.add_spelling(uid, forms | set(table), self.is_word)
            if unit.english:
                for form in forms | {f for f, home in table.items() if home == "en"}:
                    self.en_heads[form].append(uid)  # air|plane, air|planes
                self.en_modifiers[norm].append(uid)  # fire|fighters
            if heads:
                for form in heads:
                    self.heads[form].append(uid)
                for form in {norm, norm + "s"} | {f for f in heads if f.endswith("en")} \
                        | verb_stems(norm) | er_fronts(norm):  # kinder|fiets
                    self.modifiers[form].append(uid)
        return uid

    def _derive(self, uid: int, word: str, homes: Iterable[str], skip: Callable[[str], bool]
                ) -> list[tuple[str, tuple[str, ...], str]]:
        """Add the forms of the words ``word`` is derived into (``derivations``: explosie ->
        explodeerde) as ``derived`` hits of the unit (``derived-sense`` for a verb with an
        everyday sense of its own), but those ``skip`` says the unit has already; returns
        (form, the words it comes through, language) for each one added."""
        added = []
        for form, (via, home) in derivations(word, list(homes)).items():
            if skip(form):
                continue
            rule = DERIVED_SENSE if other_sense(via, form, home) else "derived"
            if (uid, "derived") not in self.exact[form] and (uid, rule) not in self.exact[form]:
                self.exact[form].append((uid, rule))
            self.derived_via.setdefault((uid, form), via)
            added.append((form, via, home))
        return added

    def languages(self, uid: int) -> tuple[str, ...]:
        """The languages whose forms a unit gets (``forms.home_languages``)."""
        unit = self.units[uid]
        return home_languages(unit.norm, unit.language, compounds.vocabulary("nl"),
                              compounds.vocabulary("en"))

    def _table_forms(self, norm: str, language: str | None) -> dict[str, str]:
        """Form -> language of the lemma-table forms of a term word (none for function
        words, short words and when the table is off)."""
        if not self.lemmas or len(norm) <= 2 or norm in FUNCTION_WORDS or not norm.isalpha():
            return {}
        dutch, english = compounds.vocabulary("nl"), compounds.vocabulary("en")
        found: dict[str, str] = {}
        for home in home_languages(norm, language, dutch, english):
            for form in table_forms(norm, home).forms:
                found.setdefault(form, home)
        return found

    def _forms_of_stem(self, stem: str, language: str | None) -> frozenset[str]:
        """The forms of the word a prefix wildcard is (brand -> branden, brandje), and of the
        verb it is the stem of (terugroep -> teruggeroepen, brand -> brandde) and that verb's
        -ing noun (besmet -> besmetting, overstroom -> overstroming): a wildcard hit
        on one of these, or on a compound of the stem and a word, is a hit; on any other word
        that merely begins with the stem (branding, brandnetel, Pinksteren) it is loose."""
        if not stem.isalpha() or len(stem) < 3:
            return frozenset()
        dutch, english = compounds.vocabulary("nl"), compounds.vocabulary("en")
        forms = set(word_forms(stem, language, dutch, english)) | set(self._table_forms(stem, language))
        forms -= places.other_places(forms, stem)  # brug*: Brugge is a place, no form of it
        for verb in stem_verbs(stem, language):
            forms |= set(table_forms(verb, "nl").forms) | verb_adjectives(verb, stem)  # brandbaar
            for noun in verb_nouns(verb):  # besmet* -> besmetting, overstroom* -> overstroming
                forms |= table_forms(noun, "nl").forms
        # a loan's doers and its Dutch participles: hack* -> hackers, gehacked, gehackt
        return frozenset(forms | agent_nouns(stem) | dutch_participles(stem))

    def _prefix_rule(self, uid: int, word: str) -> str:
        """``wildcard`` for a form of the stem or a compound of it, else ``wildcard-word``."""
        stem_forms = self._stem_forms.get(uid)
        if stem_forms and word in stem_forms:
            return "wildcard"
        stem = self.units[uid].norm
        if self.false_friends and any(word.startswith(friend) for friend in self.false_friends
                                      if friend.startswith(stem)):
            return "wildcard-excepted"  # brand*: brandstof, brandstofprijzen
        if not stem_forms:
            return "wildcard"
        # a compound of the stem, or of one of its forms (bruggen|bouwers for brug*), not of
        # the -e form the rule gives every word (vakantieparke|ren)
        truncated = not compounds.is_word_or_compound(stem)
        fronts = (form for form in stem_forms if word.startswith(form) and form != stem
                  and form not in (stem + "e", stem + stem[-1] + "e"))
        for front in (stem, *fronts):
            rest = word[len(front):]
            for link in ("", "s", "e", "en"):
                if rest.startswith(link) and _second_part(word, len(front) + len(link),
                                                          truncated):
                    return "wildcard"
        return "wildcard-word"

    def _suffix_rule(self, uid: int, word: str) -> str:
        """``wildcard``, or ``wildcard-excepted`` for a word that ends with a false friend the
        wildcard reaches (``*aanslag``: kalkaanslag, the lists' ``!kalkaanslag``)."""
        end = self.units[uid].norm
        if self.false_friends and any(word.endswith(friend) for friend in self.false_friends
                                      if friend.endswith(end) and friend != end):
            return "wildcard-excepted"
        return "wildcard"

    def add_fixed(self, key: str, forms: frozenset[str], rule: str) -> int:
        """A unit that is exactly these forms, no more (a separable verb's finite forms, its
        particle): ``key`` names it in ``explain``."""
        unit = Unit(key, False, False, "fixed", False, False)
        if unit in self._ids:
            return self._ids[unit]
        uid = self._ids[unit] = len(self.units)
        self.units.append(unit)
        for form in sorted(forms):
            self.exact[form].append((uid, rule))
        return uid

    def add_exception(self, word: str, typed: frozenset[str] = frozenset()) -> None:
        """An exception word and its forms never count as a hit (bommetje, bommetjes); a form
        that is a ``typed`` crisis word stays a hit: ``!slachtoffer`` keeps the singular out,
        never the plural ``slachtoffers`` the person typed."""
        self.exceptions.add(word)
        if word.isalpha():
            dutch, english = compounds.vocabulary("nl"), compounds.vocabulary("en")
            self.exceptions |= word_forms(word, None, dutch, english) - typed

    def add_false_friend(self, word: str) -> None:
        """A word the lists except that a crisis wildcard reaches (brandstof for brand*): a
        wildcard hit on it, or on a word that begins with it, is loose. Its forms count too."""
        dutch, english = compounds.vocabulary("nl"), compounds.vocabulary("en")
        self.false_friends |= word_forms(word, None, dutch, english) if word.isalpha() else {word}

    @staticmethod
    def is_word(word: str) -> bool:
        """Is this a word of the Dutch or English vocabulary?"""
        return word in compounds.vocabulary("nl") or word in compounds.vocabulary("en")

    @staticmethod
    def rank_of(word: str) -> int:
        """The word's frequency rank in the more frequent of both vocabularies."""
        return min(compounds.vocabulary("nl").get(word, 1 << 30),
                   compounds.vocabulary("en").get(word, 1 << 30))

    def rarest(self, units: tuple[int, ...]) -> int:
        """The unit least likely to be in a post (by word frequency; a wildcard or emoji
        counts as rare, a longer word as rarer): a phrase is only looked for where it is."""
        dutch, english = compounds.vocabulary("nl"), compounds.vocabulary("en")

        def rarity(uid: int) -> tuple[int, int]:
            if uid in self.rank_hint:
                return (self.rank_hint[uid], 0)
            norm = self.units[uid].norm
            return (min(dutch.get(norm, 1 << 30), english.get(norm, 1 << 30)), len(norm))
        return max(units, key=rarity)

    @property
    def known(self) -> Mapping[str, object]:
        """Every form of every term word: hashtags are split at these too."""
        return self.exact

    def finish(self) -> None:
        self._prefix_sizes = sorted({len(k) for k in self.prefix})
        self._suffix_sizes = sorted({len(k) for k in self.suffix})
        # Nothing is added from here on: each form's hits become a tuple, every equal tuple
        # (and every equal (unit, rule) pair) one object. A compiled checker is pickled into
        # the terms cache, which then writes each once, and a scan loads it in 0.07 s instead
        # of 0.09 s at 10,000 terms (90,000 pairs, 24,000 distinct; 64,000 head lists, 9,600).
        pairs: dict[tuple[int, str], tuple[int, str]] = {}
        shared: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        self.exact = {form: _one(shared, tuple([_one(pairs, hit) for hit in hits]))
                      for form, hits in self.exact.items()}
        self.heads = {form: _one(shared, tuple(uids)) for form, uids in self.heads.items()}
        self.modifiers = {form: _one(shared, tuple(uids)) for form, uids in self.modifiers.items()}
        self.fuzzy.finish()
        self.wild.finish()

    def hits(self, word: str) -> tuple[tuple[int, str], ...]:
        """``(unit id, rule)`` for every unit that this folded word is (cached per word)."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        if len(self._cache) > CACHE_LIMIT:
            self._cache.clear()
        result = self._cache[word] = self._compute(word)
        return result

    def suppressed(self, word: str) -> list[tuple[int, str]]:
        """``(unit, exception)`` hits of a word that an exception took away (for ``explain``)."""
        if word in self.exceptions:
            return [(uid, word) for uid, _ in self._compute(word, exceptions=False)]
        self.hits(word)
        return self._suppressed.get(word, [])

    def _compute(self, word: str, *, exceptions: bool = True) -> tuple[tuple[int, str], ...]:
        """``exceptions=False`` tells what an exception word would have matched (explain)."""
        if exceptions and word in self.exceptions:
            return ()
        found: dict[int, str] = {}
        for uid, rule in self.exact.get(word, ()):
            found.setdefault(uid, rule)
        for size in self._prefix_sizes:
            for uid in self.prefix.get(word[:size], ()):
                rule = self._prefix_rule(uid, word)
                if rule == "wildcard-word" and uid in self.fuzzy.spelled(word):
                    rule = "spelling"  # brug*: brugen is bruggen misspelled, no word of its own
                found.setdefault(uid, rule)
        for size in self._suffix_sizes:
            if size <= len(word):
                for uid in self.suffix.get(word[-size:], ()):
                    found.setdefault(uid, self._suffix_rule(uid, word))
        for part, uid in self.infix:
            if part in word:
                found.setdefault(uid, "wildcard")
        if (self.heads or self.en_heads or self.wild) and word.isalpha() \
                and 2 * compounds.MIN_PART <= len(word) <= compounds.MAX_COMPOUND:
            for uid, span, rule in self._compound_hits(word):
                if uid in found:
                    continue
                blocker = self._exception_over(word, span) if exceptions else None
                if blocker:
                    self._suppressed.setdefault(word, []).append((uid, blocker))
                else:
                    found[uid] = rule
        if not found and self.fuzzy and not self.is_word(word):
            for uid in self.fuzzy.spelled(word):  # ei for ij: kapsijzen
                found[uid] = "spelling"
            for uid in self.fuzzy.find(word):  # one typo: overstorming (never a real word)
                found.setdefault(uid, "fuzzy")
            if not found and TYPO_MIN + compounds.MIN_PART <= len(word) <= compounds.MAX_COMPOUND \
                    and word.isalpha():
                for uid in self._typo_compounds(word):  # quarentaine|proof
                    found.setdefault(uid, "fuzzy-compound")
        return tuple(sorted(found.items(), key=lambda item: RULE_ORDER.index(item[1])))

    def _compound_hits(self, word: str) -> list[tuple[int, tuple[int, int], str]]:
        """``(unit, span, rule)`` of the Dutch compounds (``_compounds``), then the English
        ones (``english_compounds``) of a word."""
        found = []
        for uid, span in self._compounds(word) if self.heads else ():
            term_part, other = word[span[0]:span[1]], word[:span[0]] + word[span[1]:]
            found.append((uid, span, "compound-word" if compounds.everyday_inside(word, span) else
                          "compound-english" if compounds.english_pair(term_part, other) else
                          "compound"))
        if self.en_heads:
            found += english_compounds.splits(word, self.en_heads, self.en_modifiers)
        if self.wild:
            found += self.wild.hits(word, self._prefix_rule)
        return found

    def compound_split(self, word: str, uid: int) -> str:
        """The word with a bar where a unit's compound splits it: ``gas|fles``."""
        for found, (start, end) in self._compounds(word):
            if found == uid:
                piece = compounds.everyday_piece(word, (start, end))
                if piece:  # the longest everyday word first: brandweer|man, not brand|weerman
                    return "|".join(p for p in (word[:piece[0]], word[piece[0]:piece[1]],
                                                word[piece[1]:]) if p)
                cut = end if start == 0 else start
                return f"{word[:cut]}|{word[cut:]}"
        return self.wild.split(word, uid, self._prefix_rule) or word

    def english_split(self, word: str, uid: int) -> str:
        """The word with a bar where a unit's English compound splits it: ``air|plane``."""
        for found, (start, end), _ in english_compounds.splits(word, self.en_heads,
                                                                self.en_modifiers):
            if found == uid:
                cut = end if start == 0 else start
                return f"{word[:cut]}|{word[cut:]}"
        return self.wild.split(word, uid, self._prefix_rule) or word

    def _compounds(self, word: str) -> list[tuple[int, tuple[int, int]]]:
        """Units that are a part of this word where the other part is a Dutch word."""
        result: list[tuple[int, tuple[int, int]]] = []
        for cut in range(compounds.MIN_PART, len(word) - compounds.MIN_PART + 1):
            left, right = word[:cut], word[cut:]
            for uid in self.heads.get(right, ()):
                if compounds.compound_ok(word, right, left, True):
                    result.append((uid, (cut, len(word))))
            for uid in self.modifiers.get(left, ()):
                if compounds.compound_ok(word, left, right, False):
                    result.append((uid, (0, cut)))
        return result

    def _typo_compounds(self, word: str) -> dict[int, tuple[int, int]]:
        """Unit -> span of a long crisis word one typo away that is a part of this compound,
        the rest a compound part (quarentaine|proof, bouw|overstorming); ``fuzzy.py``. The
        typo lookup comes first, after a cheap test (``FuzzyIndex.could_be``); the compound
        checks only for a piece it finds."""
        found: dict[int, tuple[int, int]] = {}
        near = self.fuzzy.could_be
        for cut in range(compounds.MIN_PART, len(word) - compounds.MIN_PART + 1):
            left, right = word[:cut], word[cut:]
            front = left[:-1] if left.endswith("s") else left  # overstormings|schade
            if near(front) and not self.is_word(front):
                units = [uid for uid in self.fuzzy.find(front) if uid not in found]
                if units and compounds.part_or_pair(right) and not self._word_over(word, cut, True):
                    for uid in units:
                        found[uid] = (0, cut)
            if near(right) and not self.is_word(right):
                units = [uid for uid in self.fuzzy.find(right) if uid not in found]
                if units and compounds.left_base(left) is not None \
                        and not self._word_over(word, cut, False):
                    for uid in units:
                        found[uid] = (cut, len(word))
        return found

    def _word_over(self, word: str, cut: int, front: bool) -> bool:
        """Does a word of the vocabulary run over the cut, from the word's start (a front
        part) or to its end (a head)? Then the cut is inside that word: *brandwerend|glas*
        holds no *brandwer*, a typo of brandweer."""
        spans = ((0, end) for end in range(cut + 1, len(word) - 1)) if front else \
            ((start, len(word)) for start in range(1, cut))
        return any(self.is_word(word[start:end]) for start, end in spans
                   if end - start >= compounds.MIN_PART + 1)

    def typo_split(self, word: str, uid: int) -> str:
        """The word with a bar where a typo compound splits it: ``quarentaine|proof``."""
        start, end = self._typo_compounds(word).get(uid, (0, len(word)))
        cut = end if start == 0 else start
        return f"{word[:cut]}|{word[cut:]}" if 0 < cut < len(word) else word

    def _exception_over(self, word: str, span: tuple[int, int]) -> str | None:
        """An exception written inside the word over the term's part (brandstof|tekort)."""
        if not self.exceptions:
            return None
        for start in range(0, span[1]):
            for end in range(max(start + compounds.MIN_PART, span[0] + 1), len(word) + 1):
                if word[start:end] in self.exceptions:
                    return word[start:end]
        return None
