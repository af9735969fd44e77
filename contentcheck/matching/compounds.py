"""Real words: the Dutch/English vocabulary, compound splitting and hashtag segmentation.

``gasexplosie`` contains ``explosie`` because ``gas`` is a word; ``helpen`` does not contain
``hel`` although ``pen`` is one: a short term needs a longer other part, which rules out most
accidental splits (helpen, helling, Helmond) while keeping autobom and bommelding. The
vocabulary (contentcheck/data/words-*.txt, derived from wordfreq) is read on first use, in
about 25 ms, so a command that never matches never pays for it.
"""

from __future__ import annotations

from collections.abc import Container, Mapping
from functools import lru_cache
from importlib.resources import files

MIN_PART = 3  # no compound part, and no known hashtag piece, is shorter (except listed words)
MAX_SEGMENT = 40  # hashtags longer than this are not segmented (bounded work per token)
MAX_WORD = 24
MAX_COMPOUND = 60  # longer "words" are not split into compounds (bounded work per token)
UNKNOWN_PIECE = 4  # an unknown piece of a hashtag must be at least this long
COMMON = 30_000  # a hashtag that is a word this frequent is never split (#helpen, #bomen)
SHORT_WORDS = frozenset(
    "de het een en in op te of is je we u ik ze er al nu om na by to on at of in up my we us "
    "me it is be do go no so an as or a i".split())


@lru_cache(maxsize=None)
def vocabulary(language: str) -> Mapping[str, int]:
    """Word -> frequency rank (0 = most frequent) of ``nl`` or ``en``."""
    text = (files("contentcheck") / "data" / f"words-{language}.txt").read_text("utf-8")
    words = text.split()
    return dict(zip(words, range(len(words))))


# endings that make a new word rather than a compound: brand|ing, brand|er, pin|nig
DERIVING = frozenset("ing ings ingen ig ige lijk lijke heid baar bare achtig isch ische er ers "
                     "erij ster sters ed es en".split())


def is_word_or_compound(word: str) -> bool:
    """A word of either vocabulary (3+ letters, not a deriving ending such as -ing), or two
    Dutch words of 4+ letters written as one."""
    if len(word) < MIN_PART or word in DERIVING:
        return False
    dutch, english = vocabulary("nl"), vocabulary("en")
    if word in dutch or word in english:
        return True
    return any((word[:cut] in dutch and word[cut:] in dutch)  # 4+ letters each: not net|els
               for cut in range(MIN_PART + 1, len(word) - MIN_PART))


def is_dutch_word(word: str) -> bool:
    return len(word) >= MIN_PART and word in vocabulary("nl")


def _left_base(left: str, term_length: int) -> str | None:
    """The word before a term, as in gas|explosie, oorlog|s|slachtoffer; None if it is none.

    A short term (reet, bom) needs a longer left part: dec|reet is no compound."""
    if len(left) < (4 if term_length <= 4 else MIN_PART):
        return None
    # linking s / e / en: oorlogsslachtoffer, pannenkoek; the most frequent reading wins, so
    # verkeers|ongeluk is verkeer + s (a word list may hold "verkeers" too, as a rare word)
    bases = [left] + [left[: -len(link)] for link in ("s", "en", "e") if left.endswith(link)]
    words = [base for base in bases if is_dutch_word(base)]
    dutch = vocabulary("nl")
    return min(words, key=dutch.__getitem__) if words else None


def _right_base(right: str, term_length: int) -> str | None:
    """The word after a term, as in explosie|gevaar, bom|melding, brandweer|man (not hel|pen,
    hel|ling: a short term needs a longer word after it)."""
    needed = 5 if term_length <= 3 else 4 if term_length == 4 else 3  # trein|rit, bomen|kap
    return right if len(right) >= needed and is_dutch_word(right) else None


def compound_ok(whole: str, term_part: str, other: str, other_is_left: bool,
                term_length: int) -> bool:
    """Is ``whole`` = other + term (or term + other) a real compound of two words?

    Both parts must be Dutch words, and a compound is rarer than each of its parts: a word
    more frequent than a part it would be made of is a word of its own (discreet is not
    disc|reet, helling is not hel|ling).
    """
    base = _left_base(other, term_length) if other_is_left else _right_base(other, term_length)
    if base is None:
        return False
    dutch = vocabulary("nl")
    whole_rank = dutch.get(whole)
    if whole_rank is None:
        return True
    return whole_rank > dutch[base] and whole_rank > dutch.get(term_part, -1)


def segment(word: str, known: Container[str]) -> list[tuple[int, int]] | None:
    """Split a one-case hashtag or code at known words: stormciara -> storm|ciara.

    Known words are the vocabulary of both languages plus the matcher's own term words
    (``known``). A piece that is no word is allowed only if it is long (a name: prayforxyzzy ->
    pray|for|xyzzy), so a short term is not found by chopping letters off a word (#classic
    stays whole). Frequent words win ties (boomsale -> boom|sale, not booms|ale). A common
    word stays whole (#helpen is not hel|pen); a rare one, which word lists collect from
    hashtags (prayforboston), is split. Returns the spans of the pieces, or None.
    """
    size = len(word)
    if size < 2 * MIN_PART or size > MAX_SEGMENT or word in known:
        return None
    dutch, english = vocabulary("nl"), vocabulary("en")
    if min(dutch.get(word, COMMON), english.get(word, COMMON)) < COMMON:
        return None

    def cost(piece: str) -> float | None:
        if len(piece) == size:
            return 4.0
        if piece in known:
            return 0.7
        if len(piece) < 2 or (len(piece) < MIN_PART and piece not in SHORT_WORDS):
            return 0.7 if piece.isdigit() else None
        rank = min(dutch.get(piece, 1 << 30), english.get(piece, 1 << 30))
        if rank < 1 << 30:
            return 0.7 + rank / 200_000
        return 2.5 if len(piece) >= UNKNOWN_PIECE else None

    best: list[tuple[float, int] | None] = [None] * (size + 1)
    best[0] = (0.0, 0)
    for end in range(1, size + 1):
        for start in range(max(0, end - MAX_WORD), end):
            if best[start] is None:
                continue
            piece_cost = cost(word[start:end])
            if piece_cost is None:
                continue
            total = best[start][0] + piece_cost
            if best[end] is None or total < best[end][0]:
                best[end] = (total, start)
    if best[size] is None:
        return None
    spans: list[tuple[int, int]] = []
    end = size
    while end:
        start = best[end][1]
        spans.append((start, end))
        end = start
    spans.reverse()
    if len(spans) < 2:
        return None
    return spans
