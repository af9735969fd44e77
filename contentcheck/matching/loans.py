"""Words of both languages that mean the same in both: loan words (``hack``, ``down``, ``crash``).

A crisis term is left out of a post in the other language when its words are words of that
language too (``language.left_out_of``): the Dutch ``brand`` is fire, an English *brand* is a
brand name. But many words Dutch and English share are one word: Dutch took ``hack``,
``down``, ``crash``, ``shock`` from English with their meaning, and *Onze webshop ligt down*
says what *our webshop is down* says. Such a word keeps the English spelling, with letter
groups native Dutch words do not have (``ck``, ``sh``, ``ea``, ``ow``, ``oa``, ``ay``,
``ey``, ``qu``, a ``y`` after a consonant or a ``w`` at the end): Dutch spells its own words
*schok*, *hakken*. A false friend is spelled natively in both (``brand``, ``boom``, ``rook``,
``war``, ``pin``, ``flat``, ``door``, ``slim``, ``arm``) and stays out of the other language's
posts as before. Measured against FreeDict's Dutch-English dictionary (bench/README.md; GPL,
so used to check the rule, not shipped): of the shared words it holds with such a spelling,
27 of 36 are translated as themselves and the other nine mean the same too (*sorry*,
*ticket*, *cash*, *theater*). Shared words of native spelling that mean the same
(``storm``, ``water``) are left to the translations table (``contentcheck.translations``).
"""

from __future__ import annotations

import re

# letter groups of English spelling that native Dutch words do not have (a Dutch word joining
# two parts may: bus|halte, but a word of both languages is hardly ever such a compound)
ENGLISH_SPELLING = re.compile(r"ck|sh|ea|ow|oa|ay|ey|qu|[^aeiouy]y$|w$")


def same_in_both(word: str) -> bool:
    """Does this word, if a word of both languages, mean the same in both (a loan)?"""
    return ENGLISH_SPELLING.search(word) is not None


def loan(word: str) -> bool:
    """A word of both languages that means the same in both (hack, down, crash)."""
    from contentcheck.matching.compounds import vocabulary

    return word in vocabulary("nl") and word in vocabulary("en") and same_in_both(word)


def agent_nouns(stem: str) -> set[str]:
    """The English -er nouns of a loan verb, which keep its meaning (hack -> hacker, hackers):
    a wildcard typed for the loan means its doers too. Only for a stem the English lemma table
    knows as a verb (hacked, hacking) and nouns of the English vocabulary."""
    from contentcheck.matching.compounds import vocabulary
    from contentcheck.matching.lemmas import table

    if not loan(stem):
        return set()
    forms = table("en").groups.get(stem, ())
    if not any(f.endswith("ed") for f in forms) or not any(f.endswith("ing") for f in forms):
        return set()
    return {noun for noun in (stem + "er", stem + "ers") if noun in vocabulary("en")}


def dutch_participles(word: str) -> set[str]:
    """A Dutch post's participle of an English verb (hack -> gehackt, gehackte, gehacked; leak
    -> geleakt, geleaked; crash -> gecrasht, gecrashed): ge- before the English past or before
    the stem with -t or -d as Dutch does ('t kofschip). For an English verb of the lemma table
    (one with an -ed form) that is a loan or a word of English only, never a form the Dutch
    lemma table gives to another word (no *gered*). The Dutch infinitive of a loan verb
    (``hacken``) stands for its English stem."""
    from contentcheck.matching.compounds import vocabulary
    from contentcheck.matching.lemmas import lemma_of, table

    groups = table("en").groups
    if word not in groups and word.endswith("en") and word[:-2] in groups and loan(word[:-2]):
        word = word[:-2]  # the Dutch infinitive of the loan: hacken, crashen, leaken
    pasts = [f for f in groups.get(word, ())[1:] if f.endswith("ed")]
    if len(word) < 3 or not word.isalpha() or not pasts or \
            (word in vocabulary("nl") and not loan(word)):
        return set()
    voiceless = word.endswith(("t", "k", "f", "s", "p", "x", "ch", "sh"))
    done = "ge" + word + ("" if word.endswith(("t", "d")) else "t" if voiceless else "d")
    forms = {"ge" + past for past in pasts} | {done, done + "e"}
    own = {word + "en", word + word[-1] + "en"}
    return {form for form in forms if lemma_of(form, "nl") in (None, *own)}
