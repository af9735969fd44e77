"""The screen's caches: what a word group or a whitespace token can match, filled on first sight.

Every post passes the screen; only a post that may match is read closely. The screen cuts a
post with ``str.split`` and looks each token up here, so its cost per post is a split and a
dictionary lookup per token, whatever the number of terms; a scan screens a chunk of posts at
once (``Matcher.screen``): the chunk's tokens gathered in one set, the new ones read here, then
per post one set intersection with the few tokens that can make a post match (``hot``), all in
C. No word group holds whitespace, so a text's groups are its tokens' groups and a token's
answer is that of its groups. A token also says whether it holds the letters a ``re:`` term's
hits start with (``NEEDLE``): then only a post holding them is searched, without casefolding
every post's text for the test.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Collection
from itertools import compress, repeat
from operator import and_, ne, not_

from contentcheck.matching.groups import ANCHOR, PARTNER, SINGLE, GroupInfo
from contentcheck.matching.index import CACHE_LIMIT
from contentcheck.text import GROUP_RE

NEEDLE = 4  # added to a TokenCache value: the token holds a re: term's letters
HOT = 3  # the rest of a TokenCache value: SINGLE, ANCHOR, PARTNER or 0

_DIGITS = re.compile(r"\d+")
_HAS_DIGIT = re.compile(r"\d").search
ASCII_DIGITS = "0123456789"


def digits_as_one(group: str) -> str:
    """The text as the screen sees it when no term has a digit: "p/12345" and "p/678" are one
    word ("p/0"), so links and codes unique to each post are analysed once."""
    return _DIGITS.sub("0", group) if _HAS_DIGIT(group) else group


def same(text: str) -> str:
    return text


class GroupCache(dict[str, int]):
    """Word group -> SINGLE, ANCHOR, PARTNER or 0 (see ``GroupInfo.hot``)."""

    def __init__(self, screen_key: Callable[[str], str], info: Callable[[str], GroupInfo]) -> None:
        super().__init__()
        self._screen_key, self._info = screen_key, info

    def __missing__(self, group: str) -> int:
        key = self._screen_key(group)
        hot = self[group] = self[key] if key != group else self._info(group).hot
        return hot


class TokenCache(dict[str, int]):
    """Whitespace-separated token -> the highest ``GroupCache`` value of its word groups, plus
    ``NEEDLE`` when its casefolded text holds one of ``needles``; ``units`` keeps the phrase
    and proximity words a token holds, for the posts that need their partners.

    ``_heads`` holds the texts without digits that a token seen ended its digits after
    ("https://example.nl/p/"): a new token that is one of them plus digits has the key
    head + "0" without the regular expressions (a link unique to each post)."""

    def __init__(self, screen_key: Callable[[str], str], groups: GroupCache,
                 info: Callable[[str], GroupInfo], needles: tuple[str, ...] = ()) -> None:
        super().__init__()
        self._screen_key, self._groups, self._info = screen_key, groups, info
        self._needles = needles
        self.units: dict[str, frozenset[int]] = {}
        # the tokens by what they can do, for a chunk's screen in C (``Matcher.screen``):
        # ``hot`` holds those of the others, which few tokens are (~1 % of a calendar's)
        self.hot: set[str] = set()  # SINGLE, ANCHOR or NEEDLE
        self.single: set[str] = set()
        self.anchor: set[str] = set()
        self.needle: set[str] = set()
        self.with_units: set[str] = set()  # the keys of ``units``
        self.seen: set[str] = set()  # the keys, as a set: a chunk's new tokens are its others
        self._heads: set[str] | None = set() if screen_key is digits_as_one else None
        self._quiet: set[str] = set()  # the heads whose key (head + "0") is 0: see ``sight``
        self.generation = 0  # counts the clears: a caller holding tokens knows their units went

    def clear(self) -> None:
        super().clear()
        self.units.clear()
        for kind in (self.hot, self.single, self.anchor, self.needle, self.with_units, self.seen):
            kind.clear()
        if self._heads is not None:
            self._heads.clear()
        self._quiet.clear()
        self.generation += 1

    def sight(self, tokens: Collection[str]) -> None:
        """Read many tokens not seen yet. One that is a head seen before plus digits, whose
        key can make no post match (``https://example.nl/p/`` + ``12345``: a link unique to
        each post), is 0 like its key: those are told apart in C and left out of the cache
        (a chunk's screen needs no entry for them: ``Matcher.screen``), which stays small."""
        quiet = self._quiet
        if quiet:
            tokens = list(tokens)
            heads = list(map(str.rstrip, tokens, repeat(ASCII_DIGITS)))
            links = list(map(and_, map(quiet.__contains__, heads), map(ne, heads, tokens)))
            if any(links):
                tokens = list(compress(tokens, map(not_, links)))
        deque(map(self.__getitem__, tokens), 0)

    def __missing__(self, token: str) -> int:
        if len(self) > CACHE_LIMIT:
            self.clear()
        heads = self._heads
        if heads is not None and (head := token.rstrip(ASCII_DIGITS)) != token and head in heads:
            key = head + "0"  # digits_as_one(token): the head holds no digit
        else:
            key = self._screen_key(token)
            if heads is not None and key[-1:] == "0" and not _HAS_DIGIT(key, 0, len(key) - 1):
                heads.add(key[:-1])
        if key != token:
            # digits collapse only when no term holds one, so no re: term's letters do: the
            # key holds them (NEEDLE) exactly when the token does
            hot, units = self[key], self.units.get(key)
        else:
            groups = GROUP_RE.findall(token)
            hot = max(map(self._groups.__getitem__, groups), default=0)
            units = frozenset().union(*[self._info(g).units for g in groups]) if hot else None
            if self._needles:
                folded = token.casefold()
                hot |= NEEDLE if any(map(folded.__contains__, self._needles)) else 0
            if not hot and heads is not None and token[-1:] == "0" and token[:-1] in heads:
                self._quiet.add(token[:-1])  # the key of every head + digits: 0 too
        if units:
            self.units[token] = units
            self.with_units.add(token)
        if hot > PARTNER:
            self._sort(token, hot)
        self.seen.add(token)
        self[token] = hot
        return hot

    def _sort(self, token: str, hot: int) -> None:
        """A token that can make a post match, in the sets its value says."""
        self.hot.add(token)
        if hot & NEEDLE:
            self.needle.add(token)
        if hot & HOT == SINGLE:
            self.single.add(token)
        elif hot & HOT == ANCHOR:
            self.anchor.add(token)
