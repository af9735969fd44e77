"""One typo in a long crisis word: ``overstorming`` for overstroming, ``exlposie`` for explosie.

Readers understand a long word with one letter wrong, left out, added or two letters swapped,
so a crisis post with such a typo is as much about the event. Only crisis words of ``MIN_LENGTH``
letters or more get this (short words are one edit from many others: brand/brant/bran), and a
word of the vocabulary is never a typo (``overstromend`` is a word, not a slip of
overstroming). The index is built once at compile time with the symmetric-delete method:
every form of a long crisis word and each of its one-letter deletions go into a dictionary,
and a post word that is no known word is looked up with its own deletions, so a lookup costs
a few dictionary probes per new word (cached like every other word), whatever the number of
terms. A hit is shown as ``fuzzy`` in ``explain``.

Three more slips a reader reads through, on crisis words only:

- **ei for ij and back** (``spelling``): the two are one sound, and *kapsijzen*, *vermeiden*,
  *reisen* are common slips. It is two letters, so no one-typo match; a crisis word's form of
  ``SPELLING_MIN`` letters or more with one ei<->ij swapped is a hit, unless that spelling is a
  word of either vocabulary (*reis/rijs*, *peil/pijl*, *leiden/lijden*, *wei/wij* stay apart).
  A prefix wildcard's forms (``kapseis*``: kapseizen, gekapseisd) get it too.
- **a double consonant written once** (``spelling``): *zwemen*, *brugen*, *besmeting* are the
  Dutch spelling slip of every school report, and the forms that have them (zwemmen, bruggen)
  are too short for one typo. A form of ``DOUBLE_MIN`` letters or more with one doubled
  consonant written once is a hit, unless that spelling is a word of either vocabulary (*bomen*
  stays trees, not bommen; *telen* is no tellen).
- **a typo inside a compound** (``fuzzy-compound``): *quarentaineproof*, *overstormingsgevaar*:
  the long crisis word one typo away in front of (or behind) a real compound part, the whole
  being no word of the vocabulary. Looked for only when the word had no other hit.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

MIN_LENGTH = 8
SPELLING_MIN = 6  # shorter words are a different word with ei or ij too often (wijn, wei)
DOUBLE_MIN = 7  # bruggen -> brugen; a shorter form (bommen, 6) leaves words of four or five
VOWELS = frozenset("aeiouyáéíóúàèëïöüâêîôû")


def one_consonant(word: str) -> set[str]:
    """The word with one doubled consonant written once: zwemmen -> zwemen."""
    return {word[:i] + word[i + 1:] for i in range(len(word) - 1)
            if word[i] == word[i + 1] and word[i] not in VOWELS}


def ei_ij(word: str) -> set[str]:
    """The word with one ei written ij, or one ij written ei: kapseizen -> kapsijzen."""
    return {word[:i] + ("ij" if word[i:i + 2] == "ei" else "ei") + word[i + 2:]
            for i in range(len(word) - 1) if word[i:i + 2] in ("ei", "ij")}


def deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def one_edit(a: str, b: str) -> bool:
    """Exactly one insertion, deletion, substitution or swap of neighbours apart."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    start = 0
    while start < len(a) and a[start] == b[start]:
        start += 1
    if len(a) < len(b):
        return a[start:] == b[start + 1:]
    if a[start + 1:] == b[start + 1:]:
        return True  # substitution
    return (start + 1 < len(a) and a[start] == b[start + 1] and a[start + 1] == b[start]
            and a[start + 2:] == b[start + 2:])  # swap


class FuzzyIndex:
    """Forms of long crisis words and their deletions -> (unit, form)."""

    def __init__(self) -> None:
        self._keys: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self._spelling: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self._lengths: set[int] = set()  # of the forms and one more or less: a typo's length
        self._ends: set[str] = set()  # the forms' first and last three letters, marked

    def __bool__(self) -> bool:
        return bool(self._keys) or bool(self._spelling)

    def add_spelling(self, uid: int, forms: set[str], is_word: Callable[[str], bool]) -> None:
        """The ei<->ij spellings of a crisis word's forms, and those with a double consonant
        written once, that are no word (``is_word``)."""
        for form in forms:
            if len(form) < SPELLING_MIN or not form.isalpha():
                continue
            variants = ei_ij(form) if "ei" in form or "ij" in form else set()
            if len(form) >= DOUBLE_MIN:
                variants |= one_consonant(form)
            for variant in variants:
                if not is_word(variant) and (uid, form) not in self._spelling[variant]:
                    self._spelling[variant].append((uid, form))

    def spelled_form(self, word: str, uid: int) -> str | None:
        """The form of unit ``uid`` that ``word`` is a spelling slip of (explain)."""
        return next((form for unit, form in self._spelling.get(word, ()) if unit == uid), None)

    def spelled(self, word: str) -> dict[int, str]:
        """Unit -> the form ``word`` is with ei and ij swapped once, or with a double consonant
        written once."""
        found: dict[int, str] = {}
        for uid, form in self._spelling.get(word, ()):
            found.setdefault(uid, form)
        return found

    def add(self, uid: int, forms: set[str]) -> None:
        for form in forms:
            if len(form) >= MIN_LENGTH and form.isalpha():
                self._lengths.update((len(form) - 1, len(form), len(form) + 1))
                self._ends.update((form[:3] + "<", ">" + form[-3:]))
                self._keys[form].append((uid, form))
                for key in deletions(form):
                    self._keys[key].append((uid, form))

    def could_be(self, piece: str) -> bool:
        """Could ``piece`` be one typo from a form? Its length is one of theirs give or take
        one, and its first or its last three letters are a form's: one edit (or swap of two
        neighbours) in a word of 7+ letters leaves one of the two ends as it was. A cheap
        test before ``find``, for the pieces of every long unknown word (``index``)."""
        return len(piece) in self._lengths and (piece[:3] + "<" in self._ends
                                                or ">" + piece[-3:] in self._ends)

    def finish(self) -> None:
        self._keys = dict(self._keys)
        self._spelling = dict(self._spelling)

    def find(self, word: str) -> dict[int, str]:
        """Unit -> the form ``word`` is one edit away from."""
        if len(word) < MIN_LENGTH - 1 or not word.isalpha():
            return {}
        found: dict[int, str] = {}
        keys = self._keys
        for key in (word, *deletions(word)):
            for uid, form in keys.get(key, ()):
                if uid not in found and one_edit(word, form):
                    found[uid] = form
        return found
