"""A term word's forms from a lemma table (simplemma's, inverted), generated once at compile time.

The rules in ``forms`` know regular plurals and diminutives; strong and irregular verbs
(verdrinken -> verdronk, sink -> sank, steal -> stolen), participles with ge- (ontruimen ->
geontruimd), separable verbs (instorten -> ingestort, stortte in) and learned plurals (museum ->
musea, crisis -> crises) need a table. contentcheck/data/lemmas-*.txt holds one line per lemma,
``lemma form form ...``, derived from simplemma by tools/make_lemmas.py (bench/README.md says
why this table and not another). Matching stays one dictionary lookup per token: the forms
are added to the lexicon, nothing is lemmatised per post.

No junk: a table form is left out (and said so, ``TableForms.left_out``) when it heads a lemma
of its own, shares none of the lemma's forms and is far more frequent, so mostly means that
other word (``shot`` of ``shoot``: a shot of espresso), or when it is a word of the other language
that is far more common there (``brands`` from the Dutch ``brand``; ``flats``, ``apps`` and
``stations`` are Dutch plurals too). A Dutch loanword also gets its -s plural (camemberts).
The hand-written rules still add what they add; the table only adds.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib.resources import files
from typing import Any

from contentcheck.matching.compounds import vocabulary
from contentcheck.matching.language import OTHER, SHARED_RANK

# separable-verb particles: instorten = in + storten, uitbreken = uit + breken
PARTICLES = ("terug", "neer", "door", "over", "mee", "uit", "aan", "weg", "toe", "vast",
             "los", "af", "in", "om", "op", "na", "bij")
# more particles that split off a verb (de kelder liep onder, liep vol, de lift ging stuk),
# which also begin verbs that never split (onderzoeken: onderzocht; volgen; voorkomen:
# voorkwam), so a verb counts as split by one of these only when the table has its
# participle with the ge- inside (ondergelopen, volgelopen, kapotgegaan)
SPLIT_ONLY = ("onder", "voor", "achter", "tegen", "vol", "leeg", "kapot", "stuk", "dicht",
              "open", "samen")


# how a participle begins: ge-, or a particle and ge- (ingestort, ondergelopen)
_PARTICLE_PARTICIPLE = tuple(p + "ge" for p in PARTICLES + SPLIT_ONLY)
_PARTICIPLE_STARTS = ("ge", *_PARTICLE_PARTICIPLE)


def split_particle(lemma: str, forms: tuple[str, ...] = ()) -> str | None:
    """The particle a Dutch verb splits off (instorten -> in, onderlopen -> onder), or None:
    one of ``PARTICLES``, or of ``SPLIT_ONLY`` when a form of ``forms`` has ge- after it."""
    particle = next((p for p in PARTICLES if lemma.startswith(p)), None)
    if particle:
        return particle
    return next((p for p in SPLIT_ONLY if lemma.startswith(p)
                 and any(f.startswith(p + "ge") for f in forms)), None)


class _Groups(Mapping[str, tuple[str, ...]]):
    """Lemma -> its forms (the lemma first), each line split only when asked for: a compile
    asks for a few thousand of the 34,000 lemmas, and start-up should not pay for the rest."""

    def __init__(self, lines: dict[str, str]) -> None:
        self._lines = lines
        self._split: dict[str, tuple[str, ...]] = {}

    def __getitem__(self, lemma: str) -> tuple[str, ...]:
        forms = self._split.get(lemma)
        if forms is None:
            forms = self._split[lemma] = tuple(self._lines[lemma].split())
        return forms

    def __contains__(self, lemma: object) -> bool:
        return lemma in self._lines

    def __iter__(self) -> Iterator[str]:
        return iter(self._lines)

    def __len__(self) -> int:
        return len(self._lines)


class Table:
    """One language's lemma table: ``groups`` (lemma -> forms) and ``lemma_of`` (form ->
    lemma, built on first use: only participle terms, hints and compound heads need it)."""

    def __init__(self, lines: dict[str, str]) -> None:
        self.groups = _Groups(lines)
        self._lines = lines

    @cached_property
    def lemma_of(self) -> Mapping[str, str]:
        found: dict[str, str] = {}
        for lemma, line in self._lines.items():
            for form in line.split()[1:]:
                found.setdefault(form, lemma)
        return found


@lru_cache(maxsize=None)
def table(language: str) -> Table:
    """The lemma table of ``nl`` or ``en`` (read on first use, ~15 ms)."""
    text = (files("contentcheck") / "data" / f"lemmas-{language}.txt").read_text("utf-8")
    return Table({line[:line.find(" ")]: line for line in text.splitlines() if " " in line})


@dataclass(frozen=True)
class TableForms:
    """What the table gives a word: its lemma(s), the forms kept and those left out (why)."""

    lemmas: tuple[str, ...] = ()
    forms: frozenset[str] = frozenset()
    left_out: dict[str, str] = field(default_factory=dict)


def looks_like_verb_form(word: str) -> bool:
    """A Dutch participle as typed (neergestort, ingestort, geëvacueerd, ontruimd): such a term
    stands for its verb, all of whose forms are meant. Other forms (treffende, dansend,
    liftend) stand for themselves: their verb's forms include everyday words (lift), and a
    noun in the plural (treinen) leaves its singular to the person (``hints``)."""
    if word.endswith(("end", "ende", "de", "te", "den", "ten")):
        return False
    if word.startswith(_PARTICIPLE_STARTS):
        return True
    return word.startswith(INSEPARABLE) and word.endswith(("d", "t"))  # overstroomd


def strong_prefixed_form(word: str) -> bool:
    """A Dutch strong participle in -en with an inseparable prefix, typed as the term
    (overleden, verdwenen, verdronken, beschoten): the lemma table lists it under a
    verb with the same prefix (overlijden) and not as a lemma of its own. Such a word stands
    for its verb, as ingestort does: a post says *overleed*. A word the table has as a lemma
    of its own (verloren, verboden: adjectives; verhalen: a noun's plural) stands for itself."""
    data = table("nl")
    if not word.endswith("en") or word in data.groups:
        return False
    prefix = next((p for p in INSEPARABLE if word.startswith(p)), None)
    lemma = data.lemma_of.get(word)
    if not (prefix and lemma and lemma != word and lemma.startswith(prefix) and is_verb(lemma)):
        return False
    group = data.groups[lemma]
    # not a weak past plural, stem + den/ten (beperk|ten: beperkt; vermoed|den: vermoed), nor a
    # stem that ends in -en (verleen, of verleent)
    stem = word[:-3]
    weak_past = word.endswith(("den", "ten")) and (stem + "t" in group or stem in group)
    return not weak_past and word + "t" not in group


def verb_lemmas(word: str, language: str) -> tuple[str, ...]:
    """The lemma groups a term word stands for: its own (the word is a lemma) and, for a
    Dutch verb form typed as the term (neergestort, overleden), its infinitive's."""
    data = table(language)
    lemmas = [word] if word in data.groups else []
    if language == "nl" and (looks_like_verb_form(word) or strong_prefixed_form(word)) \
            and not participle_noun(word):
        lemma = data.lemma_of.get(word)
        if lemma and lemma not in lemmas and lemma.endswith(("en", "aan")):
            lemmas.append(lemma)
    if language == "nl":
        lemmas.extend(v for v in adjective_verbs(word) if v not in lemmas)  # afgesloten
    return tuple(lemmas)


def participle_noun(word: str) -> bool:
    """A Dutch noun made of a strong participle, in the plural (de gevangenen, de betrokkenen,
    de gegevens): it names the people or things, not the act, so it does not stand for its
    verb, whose forms are everyday words (*vang de deals*, *betrek je klanten*, *alles
    gegeven*). A participle in -en is never one itself: *verdwenen* is no *verdwen* + -en."""
    data = table("nl")
    for ending in ("en", "s"):
        stem = word[:-len(ending)]
        if not (word.endswith(ending) and stem.endswith("en") and len(stem) > 4):
            continue
        for verb in (data.lemma_of.get(stem), data.lemma_of.get(word)):
            if verb and verb != stem and is_verb(verb) and stem in data.groups[verb]:
                return True
    return False


@lru_cache(maxsize=None)
def filed_participles(verb: str) -> frozenset[str]:
    """The participles of a Dutch particle verb that the table files only as an adjective
    lemma of their own (afsluiten -> afgesloten, uitsterven -> uitgestorven), or do not list
    at all (opsluiten -> opgesloten): the particle and its base verb's ge- participle
    (gesloten), when the table has that word as a lemma, or nowhere, and not among the verb's
    forms. They are forms of the verb all the same (de weg is afgesloten)."""
    data = table("nl")
    groups = data.groups
    group = groups.get(verb, ())
    particle = split_particle(verb, group)
    base = verb[len(particle):] if particle else ""
    if not (particle and base in groups and is_verb(verb)):
        return frozenset()
    done = {particle + form for form in groups[base][1:] if form.startswith("ge")
            and not form.endswith(("end", "ende")) and particle + form not in group
            and (particle + form in groups or particle + form not in data.lemma_of)}
    inflected = {form + "e" for form in done if form in groups and form + "e" in groups[form]}
    return frozenset(done | inflected)  # afgeleide


@lru_cache(maxsize=None)
def adjective_verbs(word: str) -> tuple[str, ...]:
    """The particle verb of a participle the table files as an adjective lemma of its own
    (afgesloten -> afsluiten): the way back of ``filed_participles``."""
    if not word.startswith(_PARTICLE_PARTICIPLE) or lemma_of(word, "nl"):
        return ()
    particle = next(p for p in PARTICLES + SPLIT_ONLY if word.startswith(p + "ge"))
    verb = lemma_of(word[len(particle):], "nl")  # gesloten -> sluiten
    return (particle + verb,) if verb and word in filed_participles(particle + verb) else ()


def table_forms(word: str, language: str) -> TableForms:
    """The forms of ``word``'s lemma(s) in ``language``, without junk (see the module doc)."""
    lemmas = verb_lemmas(word, language)
    own, other = vocabulary(language), vocabulary(OTHER[language])
    loan = language == "nl" and word in other and not word.endswith("s")
    if not lemmas and not loan:
        return TableForms()
    data = table(language)
    kept: set[str] = set()
    left_out: dict[str, str] = {}
    # a loanword takes -s in Dutch (camemberts, laptops), which no table lists for every loan
    candidates = [(word, (word, word + "s"))] if loan else []
    filed = {form for lemma in lemmas for form in filed_participles(lemma)} \
        if language == "nl" else set()
    for lemma, forms in [*((lemma, data.groups[lemma]) for lemma in lemmas), *candidates]:
        for form in (*forms, *sorted(filed)):
            if form == word or form in lemmas or form in filed:
                kept.add(form)
            elif len(form) < 3:
                left_out[form] = "too short"  # se (southeast), 'k
            elif (form in data.groups and lemma in data.groups
                  and 4 * own.get(form, 1 << 30) < own.get(lemma, 1 << 30)
                  and not set(data.groups[form][1:]) & set(data.groups[lemma])
                  and not (language == "nl" and lemma.endswith("en") and form.endswith(("d", "t")))):
                # a form that heads a lemma of its own, far more frequent than this lemma and
                # sharing none of its forms, is mostly that other word (shot: a shot of
                # espresso); a Dutch verb's participle stays (besmet, which is an adjective too)
                left_out[form] = f"mostly the word '{form}' of its own"
            elif other.get(form, 1 << 30) < SHARED_RANK and \
                    3 * other.get(form, 1 << 30) < own.get(form, 1 << 30):
                # far more common in the other language: brands, storms (Dutch uses flats,
                # stations, apps as its own plurals)
                left_out[form] = f"a word of {'English' if language == 'nl' else 'Dutch'}"
            else:
                kept.add(form)
    if language == "nl":  # the table lists a diminutive, not always its plural: bruggetje(s)
        kept |= {form + "s" for form in kept
                 if form.endswith("je") and len(form) > 4 and form + "s" in own}
        for lemma in lemmas:  # gelekt, lekkend -> gelekte, lekkende (de gelekte gegevens)
            kept |= {form for form in verb_inflections(lemma)
                     if form not in data.groups and form not in left_out}
    return TableForms(lemmas, frozenset(kept), left_out)


def verb_inflections(verb: str) -> set[str]:
    """The inflected adjective forms of a Dutch verb's participles, which the table lists for
    some verbs (hacken: gehackte) and not for others (lekken: gelekt, lekkend, no gelekte,
    lekkende): the weak participle + e (gelekt -> gelekte), and the present participle
    (infinitive + d: lekkend) and its + e. A strong participle in -en takes no -e (gebroken)."""
    group = table("nl").groups.get(verb, ())
    if not is_verb(verb):
        return set()
    found = {verb + "d", verb + "de"}
    particle = next((p for p in PARTICLES if verb.startswith(p) and len(verb) - len(p) > 4), "")
    for form in (*group[1:], *participles(verb)):
        if form.startswith(particle + "ge") and form.endswith(("d", "t")):
            found.add(form + "e")
    return found - set(group)


def is_verb(word: str) -> bool:
    """A Dutch infinitive by the table: a lemma ending in -en with ge- or past forms."""
    group = table("nl").groups.get(word, ())
    return word.endswith("en") and any(f.startswith("ge") or f.endswith(("de", "te"))
                                       or "ge" in f[2:6] for f in group[1:])


def own_form(word: str, other: str) -> bool:
    """Is ``other`` one of the forms of the Dutch lemma ``word`` (verdrink of verdrinken),
    and not a lemma of its own as well (vlam, the noun, is also 'ik vlam' of vlammen)?"""
    data = table("nl")
    return other in data.groups.get(word, ()) and other not in data.groups


def lemma_of(word: str, language: str) -> str | None:
    """The table's lemma of a form (kazen -> kaas), None for a lemma or an unknown word."""
    return table(language).lemma_of.get(word)


def separable_parts(word: str) -> list[tuple[str, str, frozenset[str]]]:
    """``(verb, particle, finite forms)`` for a Dutch separable verb a term word stands for:
    instorten -> (instorten, in, {stort, stortte, stortten, storten, ...}); the participle
    ``neergestort`` stands for neerstorten. In a main clause the particle comes later in the
    sentence (het dak stortte gisteren in), so the matcher looks for these forms followed by
    the particle (``separable.py``). Participles (gestort) and -end forms never split.

    The finite forms come from the base verb's group and from the particle verb's own group
    with the particle taken off (omval -> val): the table lists some stems (val, the fall) as
    a noun lemma of their own and not among the verb's forms, but *val ... om* is omvallen;
    the stem is also the verb's when its -t form is (valt: val, for uitvallen too)."""
    groups = table("nl").groups
    found = []
    for lemma in verb_lemmas(word, "nl"):
        particle = split_particle(lemma, groups.get(lemma, ()))
        base = lemma[len(particle):] if particle else ""
        if particle and lemma.endswith(("en", "aan")) and len(base) >= 4 and base in groups:
            stems = [f[len(particle):] for f in groups[lemma] if f.startswith(particle)]
            stem = base[:-3] if base[-3] == base[-4] else base[:-2]  # vallen -> val
            if stem + "t" in groups[base]:
                stems.append(stem)  # valt is the verb's: so is val (ik val, val ... om)
            forms = frozenset(f for f in (*groups[base], *stems) if len(f) >= 3
                              and not f.startswith("ge") and not f.endswith(("end", "ende")))
            found.append((lemma, particle, forms))
    return found


def verb_phrase_parts(words: tuple[Any, ...], language: str | None
                      ) -> list[tuple[str, str, frozenset[str]]]:
    """``(verb, last word, finite forms)`` for a Dutch crisis phrase of an infinitive and one
    word that goes with it (``"liggen plat"``, ``"liggen eruit"``, ``"liggen down"``): said in
    a main clause, the word closes the clause with words between (*ligt nooit plat*, *lag de
    app eruit*), as a separable verb's particle does (``separable_parts``); a word of *er* and
    a particle splits as well (*ligt er nooit uit*). Not for a function word or a particle as
    the last word (``"bouwen op"`` is no *opbouwen*), nor for a verb as the last word."""
    if len(words) != 2 or language == "en" or any(w.any_before or w.any_after for w in words):
        return []
    verb, last = words[0].norm, words[1].norm
    groups = table("nl").groups
    if (not is_verb(verb) or not last.isalpha() or last in PARTICLES + SPLIT_ONLY
            or is_verb(last) or len(last) < 3):
        return []
    from contentcheck.matching.forms import FUNCTION_WORDS

    if last in FUNCTION_WORDS:
        return []
    forms = frozenset(f for f in groups[verb] if len(f) >= 3 and not f.startswith("ge")
                      and not f.endswith(("end", "ende")))
    found = [(verb, last, forms)]
    if last.startswith("er") and last[2:] in PARTICLES:  # eruit: er ... uit
        found.append((verb, last[2:], forms))
    return found


def verb_stems(word: str) -> set[str]:
    """The stem a Dutch verb has in front of a compound (betalen -> betaal|pas, storten ->
    stort|bui): the table's first person, whose -t form is there too."""
    if not is_verb(word):
        return set()
    group = table("nl").groups[word]
    return {f for f in group if f + "t" in group and len(f) >= 3 and not f.startswith("ge")}


# in front of a verb: a particle (afbranden) or an inseparable prefix (verbranden, ontbranden)
VERB_PREFIXES = PARTICLES + ("ver", "ont", "be", "her")


def _past(verb: str, form: str) -> bool:
    """A past tense or participle of a Dutch verb (stormde, gestormd, crashten), or its
    third person (stormt): the forms that no inflection of the noun reaches."""
    return form != verb and (form.startswith("ge") or form.endswith(("de", "den", "te", "ten"))
                             or form == verb[:-2] + "t" or form == verb[:-3] + "t")


def noun_verbs(word: str) -> list[str]:
    """The Dutch verb made from a noun term (storm -> stormen, crash -> crashen, vuur ->
    vuren): a verb of the table whose stem is the noun itself (stormt, crasht, vuurt)."""
    groups = table("nl").groups
    if len(word) < 3 or not word.isalpha() or word not in groups or is_verb(word):
        return []
    candidates = [word + "en", word + word[-1] + "en"]
    if word[-3] == word[-2] and word[-2] in "aeou":  # a long vowel is written once: vuur -> vuren
        candidates.append(word[:-2] + word[-1] + "en")
    return [verb for verb in dict.fromkeys(candidates)
            if is_verb(verb) and word + "t" in groups[verb]]


# particles of an end state (down, out, away, over, in, loose): af|gebrand, uit|gebrand, om|gewaaid,
# in|gestort. Others shift the verb's meaning (aan|gebrand: burnt food, op|gebrand: burnt out)
END_PARTICLES = ("af", "uit", "weg", "neer", "om", "in", "los")


def particle_participles(verb: str) -> set[str]:
    """The participles of ``verb`` with a particle of an end state in front, for the particle
    verbs the table knows (branden -> afbranden -> afgebrand, uitbranden -> uitgebrand): the
    event done to the end. Particles that shift the meaning (aangebrand, opgebrand) are not
    taken."""
    return {form for particle in END_PARTICLES if is_verb(particle + verb)
            for form in participles(particle + verb) if form.startswith(particle + "ge")}


INSEPARABLE = ("ont", "be", "ver", "her", "over", "onder")


def _participle(verb: str, form: str) -> bool:
    """A participle (or, for a verb with an inseparable prefix, a past form that looks like
    one) of a Dutch verb: ge|stormd, af|ge|brand, overstroomd, ontruimde."""
    if not form.endswith(("d", "t", "de", "te")) or form.endswith(("end", "ende")):
        return False  # overstromend: overflowing (with joy), the adjective, not the flood
    return any(form.startswith(p + "ge") for p in ("", *PARTICLES)) or verb.startswith(INSEPARABLE)


def _own_adjective(form: str) -> bool:
    """A participle the table lists as an adjective of its own, with a comparative or
    superlative (gestoord -> gestoordst: crazy, no outage; besmet -> besmetst)."""
    groups = table("nl").groups
    base = next((b for b in (form[:-1], form[:-2]) if form.endswith("e") and b in groups), form)  # besmette
    return any(f.endswith(("st", "ste", "er")) and f != base for f in groups.get(base, ())[1:])


def noun_verb(word: str) -> list[str]:
    """The Dutch verb an -ing noun of action is made from (overstroming -> overstromen,
    ontploffing -> ontploffen), only when the table has that verb, so no guessed verb is
    added. Learned nouns (evacuatie -> evacueren) are ``derivations``' job."""
    if not word.endswith("ing") or len(word) <= 6:
        return []
    verb = word[:-3] + "en"
    return [verb] if verb in table("nl").groups and is_verb(verb) else []


def _participle_nouns(word: str) -> list[str]:
    """The -ing noun of a participle term with an inseparable prefix that the table does not
    link to a verb (vermist -> vermissing): stem + -ing, the consonant doubled after a short
    vowel, only when the lemma table or the vocabulary has that noun."""
    if not (word.startswith(("ont", "be", "ver", "her")) and word.endswith(("d", "t"))
            and lemma_of(word, "nl") is None and len(word) > 5):
        return []
    stem = word[:-1]
    nl = vocabulary("nl")
    return [noun for noun in (stem + "ing", stem + stem[-1] + "ing")
            if noun in table("nl").groups or noun in nl]


def verb_nouns(word: str) -> list[str]:
    """The -ing noun of the Dutch verb a term word stands for (besmet -> besmetten ->
    besmetting, ontruimen -> ontruiming, betalen -> betaling), when the table has it as a
    lemma and it is no word of English (branden -> branding is a brand's look, not a fire)."""
    nl, en = vocabulary("nl"), vocabulary("en")
    nouns = []
    for verb in verb_lemmas(word, "nl"):
        noun = verb[:-2] + "ing"
        if is_verb(verb) and noun in table("nl").groups \
                and en.get(noun, 1 << 30) > nl.get(noun, 1 << 30):  # more Dutch than English
            nouns.append(noun)
    return nouns or _participle_nouns(word)


def derived_forms(word: str, languages: list[str]) -> dict[str, str]:
    """Form -> language of the words a crisis term's word is derived into, which its own
    inflections do not reach: a Dutch noun's verb in the past (storm -> stormde, gestormd;
    crash -> crashte, gecrasht), a Dutch verb's -ing noun (besmet -> besmetting) and, for an English -ing form typed as the term, its verb
    (stabbing -> stab, stabbed; flooding -> flooded), when the word is English only (the
    Dutch storing is no form of store) and rarer than its verb: an -ing form more frequent
    than its verb is mostly a noun of its own (a shooting is no photo shoot). Crisis terms only: a post that says
    the storm *stormed* is about the storm; a list of thousands of words would take in too
    many everyday verbs. Junk is left out as for any table form (``table_forms``)."""
    found: dict[str, str] = {}
    if "nl" in languages:
        for verb in noun_verbs(word):
            for form in table_forms(verb, "nl").forms:
                if _past(verb, form) or form in (verb[:-1] + "d", verb[:-1] + "de"):
                    found.setdefault(form, "nl")  # stormde, brandend (present participle)
            for form in (verb + "d", verb + "de"):
                found.setdefault(form, "nl")  # the present participle the table may lack
            for form in particle_participles(verb):
                found.setdefault(form, "nl")  # brand -> afgebrand, uitgebrande
        for verb in noun_verb(word):
            for form in table_forms(verb, "nl").forms:
                if _participle(verb, form) and not _own_adjective(form):
                    found.setdefault(form, "nl")  # overstroming -> overstroomd
        for noun in verb_nouns(word):
            for form in table_forms(noun, "nl").forms:
                found.setdefault(form, "nl")
    if "nl" in languages:
        from contentcheck.matching.places import people

        for form in people(word):
            found.setdefault(form, "nl")  # Apeldoorn -> Apeldoorners, Haarlem -> Haarlemmer
    if languages == ["en"] and word.endswith("ing") and word not in table("en").groups.get(word, ())[1:]:
        verb = lemma_of(word, "en")
        english = vocabulary("en")
        if verb and len(verb) >= 3 and word in table("en").groups.get(verb, ()) \
                and english.get(word, 1 << 30) > english.get(verb, 1 << 30):
            for form in table_forms(verb, "en").forms:
                found.setdefault(form, "en")
    return found


def place_people(word: str) -> set[str]:
    """The people of a Dutch place name: Apeldoorn -> Apeldoorner(s), Haarlem ->
    Haarlemmer(s) (a short vowel doubles the consonant), Groningen -> Groninger(s) and the
    adjective Gronings(e). Only for a name, a word neither lemma table knows (kaas, brand and
    storm are words, and brander is a burner), and only forms that no lemma table gives to
    another word."""
    from contentcheck.matching.forms import short_closed  # forms imports this module

    if len(word) < 4 or not word.isalpha() or any(
            word in table(language).groups or word in table(language).lemma_of
            for language in ("nl", "en")):
        return set()
    if word.endswith("en") and len(word) > 5:
        stem = word[:-2]
        forms = {stem + "er", stem + "ers", stem + "s", stem + "se"}
    else:
        base = word + word[-1] if short_closed(word) else word
        forms = {base + "er", base + "ers"}
    return {form for form in forms if lemma_of(form, "nl") in (None, *forms)
            and (form not in table("nl").groups or form in forms)
            and lemma_of(form, "en") is None and form not in table("en").groups}


def participles(verb: str) -> set[str]:
    """A verb's participles: the table's, or, when it lists none (branden, afbranden), the
    regular ones of a stem that needs no vowel change (brand -> gebrand, gebrande; a particle
    goes in front: afgebrand). ge- + stem + d, or t after a voiceless consonant ('t kofschip)."""
    group = table("nl").groups.get(verb, ())
    particle = next((p for p in PARTICLES if verb.startswith(p) and len(verb) - len(p) > 4), "")
    own = {f for f in group if f.startswith(particle + "ge")}
    if own or not verb.endswith("en") or (not particle and verb.startswith(VERB_PREFIXES[-4:])):
        return own  # verbranden: no ge- after an inseparable prefix (verbrand is in the table)
    stem = verb[len(particle):-2]
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
        stem = stem[:-1]  # pinnen -> pin
    elif len(stem) < 3 or stem[-2] in "aeiouy":
        return set()  # a vowel may change (roken -> rook): only the table knows
    done = stem if stem[-1] in "dt" else stem + ("t" if stem[-1] in "kfsxp" or stem.endswith("ch") else "d")
    return {particle + "ge" + done, particle + "ge" + done + "e"}


def prefixed_verbs(verb: str) -> list[str]:
    """The verbs of the table made of ``verb`` with a particle or prefix in front (branden ->
    afbranden, verbranden, ontbranden): a crisis wildcard on the stem means them too."""
    return [prefix + verb for prefix in VERB_PREFIXES if is_verb(prefix + verb)]


def stem_verbs(stem: str, language: str | None) -> list[str]:
    """The Dutch verbs a wildcard's stem is the stem of (terugroep* -> terugroepen, pin* ->
    pinnen, brand* -> branden; kapseis* -> kapseizen, the table's verb whose first and third
    person the stem is): their forms that the prefix cannot reach (teruggeroepen,
    gepind) and their split forms (roepen ... terug) are found too."""
    if language == "en" or len(stem) < 3 or not stem.isalpha():
        return []
    verbs = {stem + "en", stem + stem[-1] + "en"}  # terugroep -> terugroepen, pin -> pinnen
    lemma = lemma_of(stem, "nl")
    if lemma and stem + "t" in table("nl").groups.get(lemma, ()):
        verbs.add(lemma)  # a stem spelled apart from its infinitive: kapseis -> kapseizen, verf -> verven
    return sorted(v for v in verbs if is_verb(v))


def verb_adjectives(verb: str, stem: str = "") -> set[str]:
    """The -baar adjectives of a Dutch verb, which say it can happen (branden -> brandbaar,
    ontvlammen -> ontvlambaar, breken -> breekbaar), with their forms and -heid noun: the
    verb's stem (or the wildcard's, ``stem``) + -baar, only as the lemma table lists an
    adjective (with a comparative). A crisis wildcard on the stem means them: *brandbare
    materialen* during a fire are the fire. Not the -elijk adjectives: they drift into
    figures and intensifiers (*besmettelijk enthousiasme*, *verschrikkelijk leuk*), which the
    development corpus and the pandemic kit hold to be no pause (bench/README.md)."""
    groups = table("nl").groups
    found: set[str] = set()
    stems = verb_stems(verb) | {f for f in groups.get(verb, ())[1:] if len(f) >= 3
                                and verb in (f + "en", f + f[-1] + "en")}  # brand
    for base in stems | ({stem} if stem else set()):
        for adjective in (base + "baar",):
            forms = groups.get(adjective, ())
            if any(f.endswith(("er", "st")) for f in forms[1:]):
                found.update(forms)
                found.update(groups.get(adjective + "heid", ()))
    return found

