"""A crisis term's word in another word class: noun <-> verb <-> adjective (issue 11).

A crisis term is typed as one word class; a post writes the event in another: ``explosie`` ->
*explodeerde*, *explosieve*; ``evacuatie`` -> *evacueren*; ``exploderen`` -> *explosie*;
``uitdroging`` -> *droogt ... uit*; ``explosion`` -> *exploded*, *explosive*; ``derailment`` ->
*derailed*; ``payment`` -> *paying*. The derived words are found once, at compile time, and
their forms go into the lexicon as ``derived`` (matching stays one lookup per word); each form
remembers the word it is a form of, so ``explain`` can say "explodeerde: derived from explosie
via exploderen".

Data before rules, no guessed words:

* **English** derivations are irregular (explode/explosion, pay/payment), so they come from
  a table, contentcheck/data/derivations-en.txt, made from MorphyNet by
  tools/make_derivations.py: suffix derivations that name the same event, its result, its agent
  or its quality (-ion, -ment, -age, -ure, -ive, -ous, -er of a verb ...).
* **Dutch** has no such table on PyPI (CELEX is not free), but its learned derivations are
  regular: a suffix rule *proposes* a word (explo|sie -> explo|deren, explo|sief; evacu|atie ->
  evacu|eren; chem|ie -> chem|isch), and it is kept only when the lemma table knows it as a verb,
  a noun or an adjective (with comparative forms). An -ing noun's prefixed verb (overstroming ->
  overstromen, uitdroging -> uitdrogen) comes from the table too.
* Every derived word's forms come from the lemma table (``lemmas.table_forms``, which leaves
  out another language's words and forms that are mostly another word), so *explosieve* and
  *hackers* are found as terms' own forms are.

What is left out, and why (docs/term-syntax.md): an -ing noun's bare verb in its finite
forms (*storing* -> *stoort*: bothers; the prefixed verbs name the event: *overstroomt*), a
-te or -heid noun's adjective (*warmte* -> *warm*, *droogte* -> *droog*: the adjective is
three to four times as frequent and mostly says something else: warme soep, droge wijn),
*hitte* -> *heet* (no rule and no table links them; *heet* is also "is called"), a word far
more frequent than the term it would come from (*closure* -> *close*, *shortage* -> *short*:
an English base is a word of its own when it is more than ``UP_RATIO`` times as frequent;
*statement* -> *state*, 7 times, is a known cost), and a word more common in the other
language (*dier*, an animal in Dutch, for ``die``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache
from importlib.resources import files

from contentcheck.matching.compounds import vocabulary
from contentcheck.matching.language import OTHER
from contentcheck.matching.lemmas import (INSEPARABLE, PARTICLES, is_verb, lemma_of, table,
                                          table_forms, verb_lemmas)

# prefixes of a Dutch verb whose -ing noun names its event (over|stroming, uit|droging,
# mis|handeling): the verb is specific; a bare verb has senses of its own (storen, of storing)
ING_PREFIXES = (*PARTICLES, *INSEPARABLE, "mis")

# Dutch learned derivations: noun ending -> verb ending (evacu|atie -> evacu|eren,
# explo|sie -> explo|deren, infec|tie -> infec|teren, produc|tie -> produc|eren, adop|tie ->
# adop|teren, execu|tie -> execu|teren). Not -sie -> -seren (pas|sie, passion, is no
# pas|seren, to pass), -itie -> -eren (pos|itie is no pos|eren) or any -tie -> -teren
# (forma|tie is no forma|teren, to format)
NOUN_VERB = (("atie", "eren"), ("ctie", "cteren"), ("ctie", "ceren"), ("ptie", "pteren"),
             ("utie", "uteren"), ("sie", "deren"))
# an English derived word more frequent than this many times the term is mostly a word of its
# own (closure -> close 14x, shortage -> short); payment -> pay is 6x, and a payment outage is
# about paying (statement -> state, 7x, gets through: a known cost)
UP_RATIO = 8
# English nouns of an event or its result, whose base names the same event
EVENT_NOUNS = ("ion", "ment", "age", "ure")
NOT_RANKED = 1 << 30


def _groups(language: str) -> Mapping[str, tuple[str, ...]]:
    return table(language).groups


def is_noun(word: str) -> bool:
    """A Dutch noun by the table: a lemma that is neither a verb nor an adjective."""
    return word in _groups("nl") and not is_verb(word) and not _is_adjective(word)


def _is_adjective(word: str) -> bool:
    """A Dutch adjective by the table: its group has a comparative (explosief -> explosiever,
    chemisch -> chemischer, droog -> droger: a long vowel is written once)."""
    return len(word) >= 3 and any(
        form.startswith(word[:-2]) and form.endswith("er") and len(form) > len(word)
        for form in _groups("nl").get(word, ())[1:])


def _swap(word: str, pairs: tuple[tuple[str, str], ...], reverse: bool = False) -> Iterator[str]:
    """The words a suffix rule proposes for ``word`` (``reverse``: from the second ending to
    the first)."""
    for old, new in pairs:
        if reverse:
            old, new = new, old
        if word.endswith(old) and len(word) - len(old) >= 3:
            yield word[:-len(old)] + new


def _dutch_neighbours(word: str) -> Iterator[tuple[str, str]]:
    """``(word, class)`` one derivation step away, each known to the table.

    Adjectives only where the family is sure: -sie -> -sief when the -deren verb exists too
    (explosie, exploderen, explosief: the s/d alternation of one Latin stem; pas|sie, passion,
    has no pas|deren, and passief is passive), and -ie -> -isch from the noun (chemie ->
    chemisch, epidemie -> epidemisch; not back: optisch is no optie, statisch no statie).
    -tie -> -tief pairs have drifted apart (positie, positief; relatie, relatief; definitie,
    definitief) and are not taken. An adjective's -heid or -te noun names its state
    (onveilig -> onveiligheid, ziek -> ziekte); not back: the adjective of a -te noun is
    mostly said of other things (warmte -> warm: warme soep). An -isme's agent and adjective
    (racisme -> racist, racistisch) and an -ist's adjective, both ways (racist <->
    racistisch), when the table knows them."""
    for verb in _swap(word, NOUN_VERB):
        if is_verb(verb):
            yield verb, "verb"
    for noun in _swap(word, NOUN_VERB, reverse=True):
        if is_noun(noun):
            yield noun, "noun"
    if word.endswith("sie") and is_verb(word[:-3] + "deren") and _is_adjective(word + "f"):
        yield word + "f", "adjective"  # explosie -> explosief
    if word.endswith("sief") and is_verb(word[:-4] + "deren") and is_noun(word[:-1]):
        yield word[:-1], "noun"  # explosief -> explosie
    if word.endswith("ie") and len(word) > 5 and _is_adjective(word[:-2] + "isch"):
        yield word[:-2] + "isch", "adjective"  # chemie -> chemisch
    if word.endswith("isme") and len(word) >= 7:  # racisme -> racist, racistisch
        if is_noun(word[:-4] + "ist"):
            yield word[:-4] + "ist", "noun"
        if _is_adjective(word[:-4] + "istisch"):
            yield word[:-4] + "istisch", "adjective"
    if word.endswith("ist") and len(word) >= 6 and _is_adjective(word + "isch"):
        yield word + "isch", "adjective"  # racist -> racistisch (not back to -isme: the
        # table lacks most -isme nouns, and a word it lacks is not guessed)
    if word.endswith("istisch") and is_noun(word[:-4]):
        yield word[:-4], "noun"  # racistisch -> racist
    if _is_adjective(word):
        for noun in (word + "heid", word + "te"):
            if is_noun(noun):
                yield noun, "noun"  # onveilig -> onveiligheid, ziek -> ziekte


def dutch_family(word: str) -> dict[str, str]:
    """Derived word -> the word it was reached through, for a Dutch term word: explosie ->
    {exploderen: explosie, explosief: explosie}; exploderen -> {explosie: exploderen,
    explosief: explosie}. Two steps at most (verb -> noun -> adjective)."""
    found: dict[str, str] = {}
    frontier = [word]
    for _ in range(2):
        step = []
        for source in frontier:
            for derived, _class in _dutch_neighbours(source):
                if derived != word and derived not in found:
                    found[derived] = source
                    step.append(derived)
        frontier = step
    return found


def ing_verb(word: str) -> str | None:
    """The prefixed verb of a Dutch -ing noun (overstroming -> overstromen, uitdroging ->
    uitdrogen, vergiftiging -> vergiftigen), when the table has it. A bare verb is left to its
    participles (``lemmas.derived_forms``): storen, of storing, is to bother."""
    if not word.endswith("ing") or len(word) < 8:
        return None
    verb = word[:-3] + "en"
    if not verb.startswith(ING_PREFIXES) or not is_verb(verb):
        return None
    return verb


@lru_cache(maxsize=1)
def _english_edges() -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """base -> derived words, and derived word -> base, of derivations-en.txt."""
    text = (files("contentcheck") / "data" / "derivations-en.txt").read_text("utf-8")
    down: dict[str, tuple[str, ...]] = {}
    up: dict[str, str] = {}
    for line in text.splitlines():
        base, *derived = line.split()
        down[base] = tuple(derived)
        for word in derived:
            up.setdefault(word, base)
    return down, up


def english_family(word: str) -> dict[str, str]:
    """Derived word -> the word it was reached through, for an English term word: the base
    of a noun of the event (derailment -> derail, payment -> pay), the base's other
    derivations (payment -> payer) and the word's own, two steps down (explode -> explosion
    -> explosive). Only a noun of the event leads back to its base: the base of an agent or
    a quality is mostly another word (player -> play, personal -> person, active -> act)."""
    down, up = _english_edges()
    found: dict[str, str] = {}
    base = up.get(word) if word.endswith(EVENT_NOUNS) else None
    starts = [word]
    if base:
        found[base] = word
        starts.append(base)
    for start in starts:
        for child in down.get(start, ()):
            found.setdefault(child, start)
            for grandchild in down.get(child, ()):
                found.setdefault(grandchild, child)
    found.pop(word, None)
    return found


def ism_ist(word: str) -> dict[str, str]:
    """The -ism and -ist of one English stem, each the other's (racism -> racist, terrorist ->
    terrorism, extremism -> extremist): siblings MorphyNet does not link (both derive from
    the stem, race, terror), kept when the lemma table knows the word (artist has no artism)."""
    if len(word) < 6 or not word.endswith(("ism", "ist")):
        return {}
    sibling = word[:-3] + ("ist" if word.endswith("ism") else "ism")
    return {sibling: word} if sibling in table("en").groups else {}


def participle_event_nouns(word: str) -> dict[str, str]:
    """The nouns of the event of an English past participle's verb, each reached through
    the verb (evacuated -> evacuation, derailed -> derailment, exploded -> explosion), as a
    Dutch participle term finds its verb's noun (geëvacueerd -> evacuatie). Only the nouns
    of the event: the verb's agents and its own forms are other words (killed is no
    *killer deals*, no *killing it*)."""
    verb = lemma_of(word, "en") if word.endswith("ed") else None
    if not verb or verb == word or word not in table("en").groups.get(verb, ()):
        return {}
    down, _ = _english_edges()
    return {noun: verb for noun in down.get(verb, ()) if noun.endswith(EVENT_NOUNS)}


def _own_word(word: str, derived: str, language: str) -> bool:
    """Is ``derived`` mostly a word of its own rather than ``word``'s: more common in the
    other language (dier, an animal, for die), or, for an English table word, far more
    frequent than the term (close for closure). The Dutch rules take learned suffixes only,
    whose words keep their meaning however frequent (exploderen -> explosie, 8x). An -isme's
    or -istisch's -ist is its agent in both languages (racisme -> racist, racisten), however
    frequent in English."""
    if language == "nl" and word.endswith(("isme", "istisch")) and derived.endswith("ist") \
            and word.startswith(derived[:-3]):
        return False
    own, other = vocabulary(language), vocabulary(OTHER[language])
    rank = own.get(derived, NOT_RANKED)
    if language == "en" and UP_RATIO * rank < own.get(word, NOT_RANKED):
        return True
    return other.get(derived, NOT_RANKED) < rank


def _path(word: str, derived: str, family: Mapping[str, str]) -> tuple[str, ...]:
    """The words from the term to ``derived``, the term left out: (explosie, explosief) for
    exploderen -> explosief."""
    path = [derived]
    while family.get(path[-1], word) != word:
        path.append(family[path[-1]])
    return tuple(reversed(path))


def _family(word: str, language: str) -> dict[str, str]:
    """Derived word -> the word it was reached through, in one language: the Dutch rules
    (``dutch_family``; a participle term stands for its verb: geëvacueerd -> evacuatie; an -ing
    noun's prefixed verb), or the English table (``english_family``)."""
    if language == "en":
        return {**participle_event_nouns(word), **english_family(word), **ism_ist(word)}
    if language != "nl":
        return {}
    family = dutch_family(word)
    for verb in verb_lemmas(word, "nl"):
        if verb != word:
            family.setdefault(verb, word)
            for derived, source in dutch_family(verb).items():
                family.setdefault(derived, source)
    verb = ing_verb(word)
    if verb:
        family.setdefault(verb, word)
    return family


def _forms(derived: str, language: str, ing: str | None) -> set[str]:
    """A derived word's forms: the lemma table's (junk left out, ``lemmas.table_forms``), the
    regular participles of a learned -eren verb; not the present participle of an -ing noun's
    verb (overstromend: overflowing, with joy)."""
    forms = set(table_forms(derived, language).forms or {derived})
    if language == "nl" and derived.endswith("eren"):
        forms |= _eren_participles(derived)
    if derived == ing:
        forms = {form for form in forms if not form.endswith(("end", "ende"))}
    return forms


def derivations(word: str, languages: list[str] | tuple[str, ...]
                ) -> dict[str, tuple[tuple[str, ...], str]]:
    """Form -> (the words it is derived through, language) for a crisis term's word: every
    form of every derived word (``explosie`` -> explodeerde: (exploderen,); ``exploderen`` ->
    explosieve: (explosie, explosief); ``explosion`` -> exploded: (explode,))."""
    if len(word) < 4 or not word.isalpha():
        return {}
    found: dict[str, tuple[tuple[str, ...], str]] = {}
    ing = ing_verb(word)
    for language in languages:
        family = _family(word, language)
        for derived in family:
            if not _own_word(word, derived, language):
                path = _path(word, derived, family)
                for form in sorted(_forms(derived, language, ing)):
                    found.setdefault(form, (path, language))
    return found


@lru_cache(maxsize=1)
def _other_senses() -> frozenset[tuple[str, str]]:
    """(language, verb) of contentcheck/data/derived-senses.txt: the verbs a crisis noun is
    derived from whose everyday sense is not the event (afsluiten: a mortgage; seize: the day)."""
    text = (files("contentcheck") / "data" / "derived-senses.txt").read_text("utf-8")
    return frozenset((line.split("\t")[0], line.split("\t")[1]) for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


def has_other_sense(verb: str, language: str) -> bool:
    """Is ``verb`` listed as a verb with an everyday sense of its own (``derived-senses.txt``)?"""
    return (language, verb) in _other_senses()


def present_forms(verb: str) -> set[str]:
    """The forms of a Dutch verb that report nothing done: the infinitive, the stem (an
    imperative, the first person) and its -t form (sluiten -> sluit; zetten -> zet, zet;
    lopen -> loop, loopt)."""
    stem = verb[:-3] if len(verb) > 4 and verb[-3] == verb[-4] else verb[:-2]
    found = {verb, stem, stem + "t"}
    group = table("nl").groups.get(verb, ())
    found |= {f for f in group if f + "t" in group} | {f + "t" for f in group if f + "t" in group}
    return found


def reports(form: str, verb: str, language: str) -> bool:
    """Does a form of ``verb`` report something done (a past or a participle: afgesloten,
    sloot, ontvoerde; seized, executed), rather than invite or plan (sluit af, ontvoeren,
    seize, executing)?"""
    if language == "en":
        return not (form.endswith("ing") or form in (verb, verb + "s", verb + "es"))
    return form not in present_forms(verb) and not form.endswith(("end", "ende"))


def other_sense(via: tuple[str, ...], form: str, language: str) -> bool:
    """Is a derived form a loose reading: reached through a verb with an everyday sense of its
    own (``has_other_sense``), and not a report of something done by that verb? *Sluit je
    hypotheek af*, *Seize the day*, *executive chef* (through execute) are; *de A2 werd
    afgesloten*, *police seized* are not."""
    for word in via:
        if has_other_sense(word, language):
            return not (word == via[-1] and reports(form, word, language))
    return False


def _eren_participles(verb: str) -> set[str]:
    """The participles of a learned -eren verb that the table lacks, which are regular
    (infecteren -> geïnfecteerd, vaccineren -> gevaccineerd), when the vocabulary has them."""
    dutch = vocabulary("nl")
    done = "ge" + verb[:-4] + "eerd"
    return {form for form in (done, done + "e") if form in dutch}


def split_verbs(word: str) -> list[str]:
    """The verbs of a Dutch term word whose particle may stand later in the sentence (the
    ``separable`` reading): an -ing noun's particle verb (uitdroging -> uitdrogen: *droogt ...
    uit*)."""
    verb = ing_verb(word)
    return [verb] if verb and verb.startswith(PARTICLES) else []
