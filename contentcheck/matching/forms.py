"""Inflected forms of a term word, generated once at compile time (Dutch and English).

Generating forms (aanslag -> aanslagen) instead of stemming every post word keeps matching a
dictionary lookup per token. The rules are deliberately small: plurals, the adjective -e/-se,
diminutives, and English -s/-es/-ed/-ing/-er. Where Dutch spelling is ambiguous (a short vowel
doubles the consonant: bom -> bommen, but slag -> slagen) the vocabulary decides, so ``bom``
never yields ``bomen`` (the plural of boom).
"""

from __future__ import annotations

from collections.abc import Container, Mapping

from contentcheck.matching.language import DUTCH, ENGLISH
from contentcheck.matching.lemmas import is_verb, lemma_of, own_form, strong_prefixed_form

FUNCTION_WORDS = DUTCH | ENGLISH

VOWELS = frozenset("aeiou")


def short_closed(word: str) -> bool:
    """Ends in one short vowel + one consonant (bom, kat, slag), whose consonant may double."""
    return (len(word) >= 3 and word[-1] not in VOWELS and word[-1] not in "wxyhj"
            and word[-2] in VOWELS and word[-3] not in VOWELS)


def _long_closed(word: str) -> bool:
    """Ends in a doubled vowel + consonant (boom, raam, haag), which opens to one vowel."""
    return (len(word) >= 3 and word[-1] not in VOWELS and word[-2] == word[-3]
            and word[-2] in "aeou")


def dutch_forms(word: str, known: Container[str]) -> set[str]:
    """The word, its plurals, adjective and diminutive forms (known: the Dutch vocabulary)."""
    forms = {word}
    if len(word) < 2 or not word.isalpha():
        return forms
    last = word[-1]
    if last in VOWELS:
        small = word + last + "tje" if last in "aou" and word[-2] not in VOWELS else word + "tje"
        forms |= {word + "s", small, small + "s"}  # auto's, autootje, cafeetje
        if last == "e":
            forms |= {word + "n", word + "en"}  # ziekten, explosieen (explosieën)
        return forms
    bases = [word]
    diminutive = word + ("pje" if last == "m" else "tje" if last in "lnrw" else "je")
    if short_closed(word):
        doubled = word + last
        if doubled + "en" in known or word + "en" not in known:
            bases = [doubled]
            if last in "lmnr":
                diminutive = doubled + "etje"  # bommetje, balletje; but katje, ongelukje
        # else: slag -> slagen, dag -> dagen: the vocabulary knows no slaggen
    elif word.endswith("ng") and word[-3:-2] in VOWELS and len(word) <= 5:
        diminutive = word + "etje"  # ringetje
    elif _long_closed(word):
        bases = [word[:-2] + last]  # boom -> bom|en, dood -> dod|e
    if word.endswith("heid"):
        bases.append(word[:-4] + "hed")  # mogelijkheid -> mogelijkheden
    for base in list(bases):
        if base[-1] == "f":
            bases.append(base[:-1] + "v")  # brief -> brieven
        elif base[-1] == "s" and not base.endswith("ss"):
            bases.append(base[:-1] + "z")  # huis -> huizen
    schwa = word.endswith(("el", "em", "er", "je")) and len(word) > 3
    for base in bases:
        # neger -> negers, never negeren (to ignore): -el/-em/-er words take -s
        forms |= {base + "e"} if schwa else {base + "en", base + "e"}
    forms |= {word + "se", diminutive, diminutive + "s"}  # Amsterdamse, brandje, brandjes
    if word.endswith(("el", "em", "en", "er", "aar", "eur", "ie", "um")):
        forms.add(word + "s")  # tafels, ziekenhuizen/computers
    return forms


def english_forms(word: str, known: Container[str]) -> set[str]:
    """The word with -s/-es, -ed, -ing, -er (known: the English vocabulary)."""
    forms = {word}
    if len(word) < 2 or not word.isalpha():
        return forms
    if word.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(word + "es")
    elif word.endswith("y") and word[-2:-1] not in VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    else:
        forms.add(word + "s")
    stem = word[:-1] if word.endswith("e") and len(word) >= 4 else word
    if short_closed(word) and len(word) <= 4:
        stem = word + word[-1]  # shop -> shopping, shopped
    forms |= {stem + "ed", stem + "ing", stem + "ings", stem + "er", stem + "ers"}
    if word.endswith("ing") and len(word) > 5:
        base = word[:-3]
        if base[-1] == base[-2] and base[:-1] in known:
            base = base[:-1]  # shopping -> shop
        if base in known or base + "e" in known:
            # shooting -> shootings, shooter; but not the bare verb (a photo shoot is fine)
            forms |= {word + "s", base + "er", base + "ers", base + "ed"}
    return forms


def _dutch_bases(word: str) -> set[str]:
    """Singulars a Dutch plural (or -e form) may come from: treinen -> trein, bommen -> bom,
    straten -> straat, brieven -> brief, huizen -> huis, gewonden -> gewond, collega's."""
    found: set[str] = set()
    if word.endswith("en") and len(word) > 4:
        stem = word[:-2]
        found |= {stem, stem + "e"}  # schoten -> schot, doden -> dode
        if stem[-1] == stem[-2]:
            found.add(stem[:-1])  # bommen -> bom
        if len(stem) >= 3 and stem[-1] not in VOWELS and stem[-2] in "aeou" and stem[-3] not in VOWELS:
            found.add(stem[:-1] + stem[-2] + stem[-1])  # straten -> straat
        found |= {b[:-1] + {"v": "f", "z": "s"}[b[-1]] for b in list(found) if b[-1] in "vz"}
        if word.endswith("heden"):
            found.add(word[:-5] + "heid")
    if word.endswith(("s", "'s")) and len(word) > 4:
        found.add(word.rstrip("s").rstrip("'"))  # slachtoffers, explosies, auto's
    if word.endswith("e") and len(word) > 4:
        found.add(word[:-1])  # gewonde -> gewond
    return found


def _english_bases(word: str) -> set[str]:
    """Singulars an English plural may come from: crashes -> crash, casualties -> casualty."""
    if len(word) <= 4 or not word.endswith("s") or word.endswith("ss"):
        return set()
    if word.endswith("ies"):
        return {word[:-3] + "y"}
    return {word[:-1], word[:-2]} if word.endswith("es") else {word[:-1]}


def base_words(word: str, language: str | None, dutch: Mapping[str, int],
               english: Mapping[str, int]) -> set[str]:
    """The singular a plural term word may stand for (``treinen`` -> ``trein``), to tell the
    person who typed it (``term_hints``). Only a real word whose own forms give back the
    term counts (``bomen`` -> boom, never bom), and not one much rarer than the term (a word
    of its own, not its singular: wapen is no plural of wap); verbs are left alone: a Dutch
    infinitive whose "singular" is one of its own forms by the lemma table (verdrinken,
    verdrink) is no plural."""
    if len(word) <= 4 or not word.isalpha() and not word.endswith("'s") or word in FUNCTION_WORDS \
            or strong_prefixed_form(word):
        return set()  # overleden stands for overlijden: no plural of 'overleed'
    found: set[str] = set()
    for language_of in home_languages(word, language, dutch, english):
        vocabulary = dutch if language_of == "nl" else english
        candidates = _dutch_bases(word) if language_of == "nl" else _english_bases(word)
        limit = 20 * vocabulary.get(word, 1 << 30)
        for base in candidates:
            rank = vocabulary.get(base)
            if base == word or rank is None or rank > limit or base in FUNCTION_WORDS:
                continue
            if base == word[:-2] + "e" and rank > limit // 4:  # dode, gewonde: not storme, huize
                continue
            if language_of == "nl" and word == base + "e" \
                    and "nl" not in home_languages(base, None, dutch, english):
                continue  # racisme, terrorisme: no -e form of the English racism, terrorism
            if language_of == "nl" and is_verb(word) and own_form(word, base):
                continue  # verdrinken is a verb, not the plural of verdrink
            if language_of == "nl" and _verb_form(base):
                continue  # verloren (lost) is no plural of verloor, the past of verliezen
            forms = dutch_forms(base, dutch) if language_of == "nl" else english_forms(base, english)
            if word in forms or word.replace("'", "") in forms:
                found.add(base)
    lemmas = {lemma_of(word, language_of) for language_of in ("nl", "en")}
    if found & lemmas:
        found &= lemmas  # the table knows the singular: kazen -> kaas (not kaze, kaz)
    return found


def _verb_form(word: str) -> bool:
    """Is a Dutch word only a form of a verb (verloor, of verliezen), no lemma of its own?"""
    from contentcheck.matching.lemmas import table

    return word not in table("nl").groups and is_verb(lemma_of(word, "nl") or "")


def home_languages(word: str, language: str | None, dutch: Mapping[str, int],
                   english: Mapping[str, int]) -> tuple[str, ...]:
    """The languages whose rules apply to a term word.

    A term of one language gets that language. A term for every language (crisis terms, the
    ``any`` lists) gets the language the word mostly belongs to, judged by frequency (``kill``
    is English: no Dutch ``kille``; ``explosie`` is Dutch), or both when it is common in both or
    in neither (``brand``, ``storm``, a name).
    """
    if language:
        return (language,)
    nl_rank, en_rank = dutch.get(word), english.get(word)
    if nl_rank is not None and (en_rank is None or 3 * nl_rank < en_rank):
        return ("nl",)
    if en_rank is not None and (nl_rank is None or 3 * en_rank < nl_rank):
        return ("en",)
    return ("nl", "en")


def word_forms(word: str, language: str | None, dutch: Mapping[str, int],
               english: Mapping[str, int], nl_forms: set[str] | None = None) -> set[str]:
    """Forms for a term word in its home language(s); function words are never inflected.

    When a word gets both languages, a generated form that is a word of the *other* language
    only is dropped: English doubling makes ``helling`` from ``hel``, but that is a Dutch slope.
    ``nl_forms`` passes ``dutch_forms(word)`` when the caller has it already.
    """
    forms = {word}
    if len(word) <= 2 or word in FUNCTION_WORDS:  # op -> open, the -> thing, and -> anders
        return forms
    languages = home_languages(word, language, dutch, english)
    both = len(languages) == 2
    if "nl" in languages:
        if nl_forms is None:
            nl_forms = dutch_forms(word, dutch)
        forms |= {f for f in nl_forms if not both or f in dutch or f not in english}
    if "en" in languages:
        forms |= {f for f in english_forms(word, english)
                  if not both or (f in english or f not in dutch)
                  and not _dutch_word(f, dutch, english)}
    return forms


def _dutch_word(form: str, dutch: Mapping[str, int], english: Mapping[str, int]) -> bool:
    """Is an English rule form of a word of both languages rather a Dutch word of its own: a
    lemma of the Dutch table (or a form of one) more frequent in Dutch than in English?
    ``brand`` + -er is *brander*, a burner in Dutch, no one who brands."""
    from contentcheck.matching.lemmas import table

    if form not in dutch or dutch[form] >= english.get(form, 1 << 30):
        return False
    data = table("nl")
    return form in data.groups or form in data.lemma_of
