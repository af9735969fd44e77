"""Real words: the Dutch/English vocabulary, compound splitting and hashtag segmentation.

``gasexplosie`` contains ``explosie`` because ``gas`` is a word; ``helpen`` does not contain
``hel`` although ``pen`` is one, because ``helpen`` is a word far more frequent than ``hel``.
Compounds are judged on their parts, not on the length of the term: the other part must be a
Dutch content word (three letters only if frequent: gas|fles, kip|wrap, vis|sen|kom) or two
(vis|filet|rolletje), three letters next to a three-letter term only with a linking element
(mes|sen|set, but not mes|dag), and an inflected word is never cut inside its stem (lekker|ste). The
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
SHORT_PIECE_RANK = 300  # a two-letter hashtag piece must be this frequent a word (ga, zo, na)
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


# words the language guess counts as Dutch that are content words too: snel|trein, winkel|brand
MARKER_PARTS = frozenset("snel winkel korting nieuw".split())
SHORT_PART_RANK = 6_000  # a three-letter part must be this frequent (dag, kom, set, kap; not dec, els)
LEXICALISED = 10_000  # a word this frequent holds a three-letter term by chance (Helmond)
# endings that inflect a word rather than make a compound: lekker|ste is no lek + kerste
INFLECTIONS = ("ste", "st", "ere", "er", "en", "e", "s")


@lru_cache(maxsize=65_536)
def is_part(word: str) -> bool:
    """Can this be a part of a Dutch compound? A Dutch content word of 4+ letters, or of 3
    letters among the SHORT_PART_RANK most frequent; never a function word or a deriving
    ending (-ing, -heid). Judged on the part itself, whatever the length of the term."""
    if len(word) < MIN_PART or word in DERIVING or word in SHORT_WORDS:
        return False
    from contentcheck.matching.language import DUTCH

    rank = vocabulary("nl").get(word)
    return rank is not None and (word not in DUTCH or word in MARKER_PARTS) \
        and (len(word) > MIN_PART or rank < SHORT_PART_RANK)


@lru_cache(maxsize=65_536)
def part_or_pair(word: str) -> bool:
    """A compound part, or two written as one (three-part words: vis|filet|rolletje, brand|weer|
    kazerne), with a linking s or en between them (stations|hal, kippen|poot)."""
    if is_part(word):
        return True
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        left, right = word[:cut], word[cut:]
        if is_part(right) and any(left.endswith(link) and is_part(left[:len(left) - len(link)])
                                  for link in ("", "s", "en", "e")):
            return True
    return False


def _rank(word: str) -> int:
    return vocabulary("nl").get(word, 1 << 30)


def left_base(left: str) -> str | None:
    """The word before a term, as in gas|explosie, oorlog|s|slachtoffer, spoorweg|ongeluk."""
    # linking s / e / en: oorlogsslachtoffer, pannenkoek; the most frequent reading wins, so
    # verkeers|ongeluk is verkeer + s (a word list may hold "verkeers" too, as a rare word)
    bases = [left] + [left[: -len(link)] for link in ("s", "en", "e") if left.endswith(link)]
    words = [base for base in bases if part_or_pair(base)]
    return min(words, key=_rank) if words else None


def _right_base(right: str) -> str | None:
    """The word after a term, as in explosie|gevaar, gas|fles, kip|wrap, vis|filetrolletje."""
    return right if part_or_pair(right) else None


def _inflected(whole: str, cut: int) -> bool:
    """Is ``whole`` a vocabulary word with an inflection ending, cut inside that word where
    no word starts (lekker|ste cut as lek|kerste)?"""
    dutch = vocabulary("nl")
    for ending in INFLECTIONS:
        base = whole[: -len(ending)]
        if whole.endswith(ending) and base in dutch and cut < len(base) \
                and not part_or_pair(base[cut:]) and base[cut:] not in DERIVING:
            return True
    return False


def _participle_prefix(left: str) -> bool:
    """Is ``left`` the front of a participle: ge-, or a separable particle and ge- (aange,
    uitge, opge)? A word of the vocabulary it may be (aange, inge: junk of the word counts),
    a compound part it is not."""
    from contentcheck.matching.lemmas import PARTICLES

    return left.endswith("ge") and left[:-2] in ("", *PARTICLES)


def compound_ok(whole: str, term_part: str, other: str, other_is_left: bool) -> bool:
    """Is ``whole`` = other + term (or term + other) a real compound?

    The other part must be a compound part (``is_part``) or two; a compound is rarer than
    each of its parts: a word more frequent than a part it would be made of is a word of its
    own (discreet is not disc|reet, helling is not hel|ling, helpen is not hel|pen); a word
    more frequent in English is not split (Winslet); one among the LEXICALISED most frequent
    Dutch words holds a three-letter term by chance (Helmond is no hel|mond); and an inflected
    word is not cut inside its stem (lekkerste is no lek|kerste).
    """
    if other_is_left and _participle_prefix(other):
        return False  # aan|ge|brand is the participle of aanbranden, no compound of 'aange'
    if other_is_left and other.endswith("s") and "s" + term_part in vocabulary("nl") \
            and is_part(other[:-1]):
        return False  # nep|spinnen, no neps|pinnen: the s begins a word rather than links one
    if len(term_part) == MIN_PART and len(other) == MIN_PART:
        return False  # 3 + 3 letters without a linking element is mostly chance: mes|dag, kip|per
    if not other_is_left and len(other) <= 4 and word_across(whole, len(term_part)):
        return False  # vakantie|parkeren, no vakantiepark|eren
    base = left_base(other) if other_is_left else _right_base(other)
    if base is None:
        return False
    cut = len(other) if other_is_left else len(term_part)
    if _inflected(whole, cut):
        return False
    dutch = vocabulary("nl")
    whole_rank = dutch.get(whole)
    if vocabulary("en").get(whole, 1 << 30) < (1 << 30 if whole_rank is None else whole_rank):
        return False  # an English word is no Dutch compound: winslet, crashcourse
    if whole_rank is None:
        return True
    if whole_rank < LEXICALISED and len(term_part) == MIN_PART:
        return False  # a frequent word holding a three-letter term is mostly chance: Helmond
    if base in dutch and len(base) <= 4 and whole_rank <= dutch[base]:
        return False  # more frequent than a short part: hel|ling, disc|reet are words of their own
    return whole_rank > _part_rank(term_part)


def word_across(whole: str, cut: int) -> bool:
    """Does a longer word run across the cut after a term: a compound part in front and a
    word of the vocabulary from inside the term to the end, more frequent than the short word
    after the cut (vakantie|parkeren for ``vakantiepark``: eren is then no part of it; but
    brandweer|man, not brand|weerman: man is the commoner word)."""
    dutch = vocabulary("nl")
    rest = dutch.get(whole[cut:], 1 << 30)
    return any(dutch.get(whole[start:], 1 << 30) < rest and is_part(whole[:start])
               for start in range(MIN_PART, cut))


def _part_rank(term_part: str) -> int:
    """The frequency rank a compound is compared with: the part's own, or for a bound -er
    front (kinder of kinderen, ``front_forms``) its plural's, the word it stands for
    (kinderopvang is rarer than kinderen, if not than the rare word *kinder*)."""
    from contentcheck.matching.front_forms import er_fronts

    dutch = vocabulary("nl")
    plural = term_part + "en"
    if term_part.endswith("er") and plural in dutch and term_part in er_fronts(plural):
        return min(dutch[plural], dutch.get(term_part, 1 << 30))
    return dutch.get(term_part, -1)


EVERYDAY = 15_000  # a compound this frequent is an everyday word with a meaning of its own


def lexicalised(whole: str) -> bool:
    """Is this compound an everyday word with a meaning of its own (tankstation, stamboom,
    vuurwerk), rather than one made up for the occasion (stormschade, messenset)? A compound
    among the EVERYDAY most frequent Dutch words is used far more than a compound of its parts
    would be: its meaning has drifted from theirs (a family tree is no tree, fireworks no
    fire). A crisis term's hit in such a word is a loose reading: review, not pause."""
    return vocabulary("nl").get(whole, 1 << 30) < EVERYDAY


def everyday_inside(whole: str, span: tuple[int, int]) -> bool:
    """Is the term's part at ``span`` read inside an everyday compound: the whole word
    (``lexicalised``), or an everyday compound that holds the part (``everyday_piece``)? A
    crisis term's hit there is a loose reading, as in the everyday word alone."""
    return lexicalised(whole) or everyday_piece(whole, span) is not None


def everyday_piece(whole: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """The span of the longest everyday compound (``lexicalised``) inside ``whole`` that holds
    the term's part at ``span`` and one more part, the rest of the word being compound parts:
    brandweer in brandweer|man, vuurwerk in vuurwerk|vrije, kerstboom in kerstboom|versiering.
    A fireman is no fire, a firework-free new year no fire either."""
    start, end = span
    for first in range(0, start + 1):
        if first and not part_or_pair(whole[:first]):
            continue
        for last in range(len(whole) - MIN_PART, end - 1, -1):
            piece = whole[first:last]
            before, after = piece[:start - first], piece[end - first:]
            if (before or after) and not (before and after) and lexicalised(piece) \
                    and compound_ok(piece, whole[start:end], before or after, bool(before)) \
                    and part_or_pair(whole[last:]):
                return first, last
    return None


def english_pair(term_part: str, other: str) -> bool:
    """Is a compound two English words written as one (crash|course, play|station, flat|screen)
    rather than a Dutch compound? The other part is a word of English (``word_language``) and
    the term's word is a common English word too: an English phrase, written together as Dutch
    spelling does, means what it means in English (a crash course is no crash). A crisis
    term's hit in it is a loose reading."""
    from contentcheck.matching.english_senses import english_sense
    from contentcheck.matching.language import SHARED_RANK, word_language

    return (word_language(other) == "en"
            and vocabulary("en").get(term_part, 1 << 30) < SHARED_RANK) \
        or english_sense(term_part, other)  # brand|manager, brand|ambassadeur


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
        rank = min(dutch.get(piece, 1 << 30), english.get(piece, 1 << 30))
        if len(piece) < 2 or (len(piece) < MIN_PART and piece not in SHORT_WORDS
                               and rank >= SHORT_PIECE_RANK):
            return 0.7 if piece.isdigit() else None
        if rank < 1 << 30:
            return 0.7 + rank / 200_000
        # an unknown piece (a name) costs more the longer it is, so that a run of known words
        # wins over one long unknown piece (ik|ga|met|trein|mee, not ik|gamettreinmee)
        return 2.5 + 0.1 * (len(piece) - UNKNOWN_PIECE) if len(piece) >= UNKNOWN_PIECE else None

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


HEAD_MIN_RANK = 1_000  # a head among the most frequent words says nothing alone (partij, actie)


def _adjective(word: str) -> bool:
    """Has a superlative in the lemma table (rood -> roodst): code|rood names no event."""
    from contentcheck.matching.lemmas import table

    return any(form.endswith(("st", "ste")) for form in table("nl").groups.get(word, ()))


def compound_head(word: str) -> str | None:
    """The last part of a compound crisis term, to look for on its own: spoorwegongeluk ->
    ongeluk, betaalstoring -> storing. A hit on it alone is a loose reading (review, not
    pause): the head names the kind of event (an accident, an outage), the front part names
    which one, and a post about another accident is only maybe about this one.

    None when the term is no transparent compound of two Dutch words (a word among the
    LEXICALISED most frequent is a word of its own: slachtoffer is no slacht|offer; a verb
    form is no compound), or when its head is too common to mean anything alone (steekpartij
    -> partij, terugroepactie -> actie, flatbrand -> brand), more English than Dutch, an
    adjective (code|rood) or an inflected form (zand|zakken: bags are no flood)."""
    from contentcheck.matching.lemmas import is_verb, lemma_of

    dutch, english = vocabulary("nl"), vocabulary("en")
    if not word.isalpha() or len(word) < 2 * MIN_PART + 1 or dutch.get(word, 1 << 30) < LEXICALISED:
        return None
    if is_verb(word) or (lemma_of(word, "nl") not in (None, word)
                         and word.endswith(("d", "t", "de", "te", "en"))):
        return None  # neersteken, neergestort, omgevallen: a verb or verb form
    for cut in range(MIN_PART, len(word) - 3):
        head, front = word[cut:], word[:cut]
        fronts = [front] + [front[:-len(link)] for link in ("s", "en", "e") if front.endswith(link)]
        if is_part(head) and any(is_part(f) for f in fronts):  # one word in front: no aan|rij|ding
            if dutch[head] < HEAD_MIN_RANK or english.get(head, 1 << 30) < dutch[head] \
                    or _adjective(head) or lemma_of(head, "nl") not in (None, head):
                return None  # too common, English, an adjective, or inflected (zand|zakken)
            return head
    return None
