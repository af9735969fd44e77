"""Normalization and tokenizing: one post text -> word groups with spans into the original.

Matching is done on *folded* text: case-, diacritic- and width-insensitive (``geëxplodeerd`` =
``geexplodeerd`` = ``ＧＥËＸＰＬＯＤＥＥＲＤ``), and blind to what hides a word: an invisible
character inside it is dropped, a look-alike letter (Cyrillic ``о``, small capital ``ᴏ``,
circled ``ⓞ``) is read as the Latin letter it shows. Folding changes lengths (``ß`` -> ``ss``, a
combining diaeresis disappears), so we never fold a whole post: we cut the *original* text into
groups (a word with its hyphens, slashes and apostrophes, a hashtag, an emoji sequence), keep
each group's span, and fold only the small pieces inside it. A post's cost is then one C-level
``findall`` plus a dictionary lookup per group, because the analysis of a group is cached.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
# Characters that show nothing: soft hyphen, combining grapheme joiner, zero-width space and
# (non-)joiners, direction marks and embeddings, word joiner and invisible operators, a stray
# BOM, Hangul fillers. Pasted from design tools and word processors, or put there to hide a
# word: inside a word they are part of it, and folding drops them.
_INVISIBLE_RANGES = ((0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160),
                     (0x17B4, 0x17B5), (0x180E, 0x180E), (0x200B, 0x200F), (0x202A, 0x202E),
                     (0x2060, 0x2064), (0x2066, 0x206F), (0x3164, 0x3164), (0xFEFF, 0xFEFF),
                     (0xFFA0, 0xFFA0))
INVISIBLE = "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in _INVISIBLE_RANGES)
_INVISIBLE_SET = frozenset(chr(c) for a, b in _INVISIBLE_RANGES for c in range(a, b + 1))
CIRCLED = "\u24b6-\u24e9"  # Ⓐ..ⓩ: letters (NFKD makes them plain), not symbols
# Letters that look like Latin ones (after Unicode's confusables.txt, the prototypes of UTS #39
# skeletons): Cyrillic and Greek letters typed into a Latin word, and small capitals. Mapped
# before case folding, so 'Н' (Cyrillic En) reads as 'h' but 'н' stays itself.
LOOKALIKES = str.maketrans(
    "аеорсухѕіјԁԛԝһӏ" "АВЕКМНОРСТХУЅІЈԚԜҺӀҮ"
    "οανιρχϲ" "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ"
    "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢ",
    "aeopcyxsijdqwhl" "ABEKMHOPCTXYSIJQWHIY"
    "oavipxc" "ABEZHIKMNOPTYX"
    "abcdefghijklmnoprstuvwyz")
_WORD = rf"[\w{_MARKS}{INVISIBLE}{CIRCLED}]"
# hyphens of every kind, slash and apostrophes join the parts of one group: gas-explosie,
# Den Haag-Centraal, en/of, auto's
JOINERS = "-\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d/'\u2019"
_PICTO = ("\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u2199\u21a9\u21aa\u231a\u231b\u2328"
          "\u23cf\u23e9-\u23f3\u23f8-\u23fa\u24c2\u25aa\u25ab\u25b6\u25c0\u25fb-\u25fe"
          "\u2600-\u27bf\u2934\u2935\u2b05-\u2b07\u2b1b\u2b1c\u2b50\u2b55\u3030\u303d\u3297"
          "\u3299\U0001F000-\U0001FAFF")
# skin tones, variation selectors, keycap and tag characters: they never change what an emoji is
EMOJI_MODIFIERS = "\U0001F3FB-\U0001F3FF\ufe0e\ufe0f\u20e3\U000E0020-\U000E007F"
_EMOJI = rf"[{_PICTO}][{EMOJI_MODIFIERS}]*(?:\u200d[{_PICTO}][{EMOJI_MODIFIERS}]*)*"
try:  # possessive quantifiers (Python 3.11+) make the per-post findall ~10% faster
    GROUP_RE = re.compile(rf"[#@]?{_WORD}++(?:[{JOINERS}]{_WORD}++)*+|{_EMOJI}")
except re.error:  # pragma: no cover - Python 3.10
    GROUP_RE = re.compile(rf"[#@]?{_WORD}+(?:[{JOINERS}]{_WORD}+)*|{_EMOJI}")
_MODIFIER_RE = re.compile(rf"[{EMOJI_MODIFIERS}]")
_PICTO_RE = re.compile(rf"[{_PICTO}]")
_RUN_RE = re.compile(rf"(?:[^\W_]|[{_MARKS}{INVISIBLE}{CIRCLED}])+")


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """One character folded: compatibility (width, ligatures, circled letters), look-alike
    letters read as the Latin letter they show, case, no diacritics, and nothing at all for an
    invisible character; so ``b\u200bom``, ``bоm`` (Cyrillic о) and ``ʙᴏᴍ`` are ``bom``. One
    character at a time: the spans of a match still point into the original text."""
    if char in _INVISIBLE_SET:
        return ""
    text = unicodedata.normalize("NFKD", char).translate(LOOKALIKES).casefold()
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def hidden_characters(text: str) -> list[tuple[int, str, str]]:
    """(position, character, what it reads as) of every invisible character in the words of a
    text (read as nothing) and every look-alike letter there (read as its Latin letter): what
    ``explain`` reports, since such a text may hide a word on purpose."""
    found = []
    for start, _, group in iter_groups(text):
        if is_emoji(group):
            continue  # a joiner between emoji is how a family or a flag is written
        latin = any(c.isascii() and c.isalpha() for c in group)  # a Cyrillic word is no disguise
        for offset, char in enumerate(group):
            if char in _INVISIBLE_SET:
                found.append((start + offset, char, ""))
            elif char.translate(LOOKALIKES) != char and (latin or char.isascii() or
                                                         unicodedata.name(char, "").startswith("LATIN")) \
                    or "\u24b6" <= char <= "\u24e9":
                found.append((start + offset, char, fold_char(char)))
    return found


def same_words(text: str) -> str:
    """The text casefolded with its whitespace runs as one space and none at the ends: what
    two posts share when they say the same "ignoring case and spacing" (duplicate posts,
    twins). A text already spaced that way (printable, so no tab, newline or other space than
    " "; no double space; none at the ends: most posts) skips the split and join, which cost
    twice the casefold."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text.casefold()
    return " ".join(text.casefold().split())


def fold(text: str) -> str:
    """Fold a word the way every token is folded, so terms and text compare equal."""
    return "".join(map(fold_char, text))


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each folded character, the index of its original character."""
    out: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        folded = fold_char(char)
        out.append(folded)
        offsets.extend([index] * len(folded))
    return "".join(out), offsets


def fold_emoji(text: str) -> str:
    """An emoji without skin tone, variation selector or keycap: 💣🏽 = 💣, ❤️ = ❤."""
    return _MODIFIER_RE.sub("", text)


def is_emoji(group: str) -> bool:
    return bool(_PICTO_RE.match(group))


@dataclass(frozen=True)
class Leaf:
    """The smallest word of a group: its folded text and span relative to the group."""

    norm: str
    start: int
    end: int
    cased: bool = False  # cut at a case or letter/digit change (CamelCase, SALE2024)


def camel_cuts(run: str) -> list[int]:
    """Where a run changes case or between letters and digits: PrayForBoston, zomerSALE2024."""
    cuts: list[int] = []
    previous = ""
    skip = _INVISIBLE_SET if not _INVISIBLE_SET.isdisjoint(run) else ()  # rarely any
    for index, char in enumerate(run):
        if index and not unicodedata.combining(char):
            if char.isdigit() != previous.isdigit():
                cuts.append(index)
            elif char.isupper() and previous.islower():
                cuts.append(index)
            elif (previous.isupper() and char.isupper() and index + 1 < len(run)
                  and run[index + 1].islower() and not (previous == "I" and char == "J")):
                cuts.append(index)  # HTMLParser -> HTML|Parser, but IJsland stays whole
        if not unicodedata.combining(char) and char not in skip:
            previous = char
    return cuts


def split_group(group: str) -> tuple[list[Leaf], list[tuple[int, int]]]:
    """The leaves of a word group, and the runs (spans) it had between joiners/underscores.

    ``#PrayForBoston`` -> pray, for, boston (one run); ``gas-explosie`` -> gas, explosie (two
    runs); a run that is one case (``stormciara``, ``BOOMSALE``) stays one leaf here, and the
    matcher may split it at known words.
    """
    offset = 1 if group[:1] in "#@" else 0
    leaves: list[Leaf] = []
    runs: list[tuple[int, int]] = []
    for match in _RUN_RE.finditer(group, offset):
        start, run = match.start(), match.group()
        runs.append((start, match.end()))
        cuts = camel_cuts(run) if not (run.islower() or run.isupper()) or \
            any(c.isdigit() for c in run) else []
        bounds = [0, *cuts, len(run)]
        for left, right in zip(bounds, bounds[1:]):
            norm = fold(run[left:right])
            if norm:
                leaves.append(Leaf(norm, start + left, start + right, cased=bool(cuts)))
    return leaves, runs


def iter_groups(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, group)`` for every word group and emoji sequence of a text."""
    for match in GROUP_RE.finditer(text):
        yield match.start(), match.end(), match.group()


def tokens(text: str) -> list[str]:
    """The folded words of a text, in order (for terms: the same cut as posts get)."""
    words: list[str] = []
    for _, _, group in iter_groups(text):
        if is_emoji(group):
            words.extend(fold_emoji(e) for e in group.split("\u200d") if fold_emoji(e))
        else:
            words.extend(leaf.norm for leaf in split_group(group)[0])
    return words
