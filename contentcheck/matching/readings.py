"""Context that turns a crisis term's hit into a loose reading: the same letters, another word.

A word can be two words: Dutch ``rook`` is smoke and also a form of *roken* (ik rook: I smoke)
and the past of *ruiken* (het rook naar soep: it smelled of soup); English ``down`` is an
outage (the app is down) and a mood or a direction (calm down, slow down); ``Boom!`` alone is
the English interjection, not a Dutch tree. Only the words right around the hit can tell, so
these rules look at the neighbours of a hit in the original text. Each turns a hit into a loose
reading (review rather than pause: ``index.LOOSE``), never drops it, so a person still looks.

The rules are for crisis terms of one word, decided once per term when the terms are compiled
(``term_readings``); per post only a hit of such a term is looked at again (``reread``).
"""

from __future__ import annotations

import re

from contentcheck.matching.compounds import vocabulary
from contentcheck.matching.language import SHARED_RANK
from contentcheck.matching.lemmas import is_verb, lemma_of, noun_verbs, table

# subject pronouns of a singular verb form (ik rook, het rook, rook jij): the term word is the
# stem, so never a plural subject (zagen we rook: rook is what they saw). Not ``je`` before
# the word (je rook: your smoke), and ``het`` before it only for a word the lemma table knows
# as a verb form alone (het rook; het vuur is the fire, vuur a lemma too)
_SUBJECTS = frozenset("ik jij hij zij ze u men".split())
_SUBJECTS_AFTER = _SUBJECTS | {"je", "het"}
# words after which a clause starts with its subject (en het rook naar soep, toen ik rook)
_CLAUSE_OPENERS = frozenset("""
en maar want of dus dat omdat doordat zodat terwijl nadat voordat toen als wanneer
""".split())
# words that follow a subject after its verb, never a noun after an article: rook het naar
# soep, rook je dat ook?
_AFTER_SUBJECT = frozenset("""
naar al ook niet nog er wel echt meteen even dan dat dit hier daar zo heerlijk lekker toen
""".split())
# English adverb particles whose crisis sense is a state (the site is down, the power is out)
ENGLISH_PARTICLES = frozenset("down out off up over".split())
# English verbs whose particle verb is a mood, a direction or a manner, not a thing out of
# order: calm down, slow down, sit down, turn off, work out. Only these: after a noun or any
# other word (payments down, network down, systems remain down) the particle is the outage.
_PHRASAL_VERBS = frozenset("""
calm calms calmed calming slow slows slowed slowing sit sits sat sitting lie lies lay lying
cool cools cooled cooling wind winds wound winding settle settles settled settling
feel feels felt feeling let lets letting turn turns turned turning put puts putting
write writes wrote written writing narrow narrows narrowed narrowing count counts counted
counting mark marks marked marking price prices priced pricing dress dresses dressed dressing
water watered chill chills chilled chilling hang hangs hung hanging work works worked working
try tries tried trying check checks checked checking hand hands handed handing sell sells
sold selling sort sorts sorted sorting figure figures figured figuring stand stands stood
standing pick picks picked picking show shows showed shown showing give gives gave given
giving take takes took taken taking look looks looked looking dig digs dug digging kick kicks
kicked kicking start starts started starting think thinks thought thinking tone tones toned
toning cut cuts cutting back backs backed backing wash washes washed washing
""".split())

# Dutch has borrowed ``down`` in two senses: an outage (de webshop ligt down, de site is
# down, platform down) and a mood (voel je je down?, ik ben een beetje down). The outage is
# said with liggen or gaan, or of a thing with zijn or blijven; the mood of a person, after a
# reflexive, a degree word or a verb of feeling
_OUTAGE_VERBS = frozenset("ligt liggen lag lagen gelegen gaat gaan ging gingen gegaan".split())
_STATE_VERBS = frozenset("is was zijn waren blijft blijven bleef bleven geweest".split())
_PERSONS = frozenset("ik jij je hij zij ze we wij u jullie men iemand niemand".split())
_MOOD_BEFORE = _PERSONS | frozenset("""
me mij zich ons jezelf mezelf zichzelf onszelf uzelf ben bent word wordt werd raak raakt
raakte voel voelt voelen voelde voelden gevoeld beetje wat erg zo heel best nogal echt te
behoorlijk flink enorm super vreselijk ontzettend lekker zwaar zeer vaak snel niet
""".split())
_CLAUSE_WORDS = re.compile(r"[^\W\d_]+|[.!?:;,\n]")


def _dutch_mood(text: str, start: int) -> bool:
    """Is a Dutch ``down`` at ``start`` the mood rather than the outage? The outage has a form
    of liggen or gaan among the three words before it (ligt down, gaat de site down), or is
    said of a thing (is down after a noun; platform down); anything said of a person, after a
    reflexive, a degree word or a verb of feeling (voel je je down, ik ben een beetje down,
    ze is down) is the mood."""
    words: list[str] = []
    for token in reversed(_CLAUSE_WORDS.findall(text, 0, start)[-4:]):
        if not token[0].isalpha():
            break
        words.insert(0, token.lower())
    if not words:
        return False
    if any(word in _OUTAGE_VERBS for word in words[-3:]):
        return False
    if words[-1] in _STATE_VERBS:
        return len(words) > 1 and words[-2] in _PERSONS
    return words[-1] in _MOOD_BEFORE


def _dutch_context(before: str | None, after: str | None) -> bool:
    """Does the hit stand among Dutch words (a word of Dutch only, or one of the Dutch words
    the mood and outage rules look at, right before or after it)?"""
    from contentcheck.matching.language import word_language

    dutch = _MOOD_BEFORE | _OUTAGE_VERBS | _STATE_VERBS
    return any(word is not None and (word in dutch or word_language(word) == "nl")
               for word in (before, after))


# the word right before a position and right after one, in the same clause (blanks between)
WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+$")
WORD_AFTER = re.compile(r"[ \t]+([^\W\d_]+)")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“‘(\n])[ \t]*$")

VERB_FORM, PARTICLE, EXCLAMATION = "verb-form", "particle", "exclamation"
ADDRESSED = "separable-you"
# the reader as the subject: viel je om van verbazing? stort jij je geld in?
_YOU = frozenset("je jij u".split())


def verb_of_form(word: str) -> str | None:
    """The Dutch verb whose first person a term word also is (rook -> roken, brand ->
    branden, storm -> stormen), by the lemma table, or None."""
    lemma = lemma_of(word, "nl")
    if lemma and lemma.endswith("en") and is_verb(lemma) and word + "t" in table("nl").groups[lemma]:
        return lemma
    verbs = noun_verbs(word)
    return verbs[0] if verbs else None


def term_readings(word: str, languages: tuple[str, ...], other_language: str | None
                  ) -> frozenset[str]:
    """Which of the context rules apply to a one-word crisis term (folded ``word``, the
    languages whose forms it gets, the post language it is left out of)."""
    rules = set()
    if "nl" in languages and word.isalpha() and verb_of_form(word):
        rules.add(VERB_FORM)
    if "en" in languages and word in ENGLISH_PARTICLES:
        rules.add(PARTICLE)
    if other_language == "en" and vocabulary("en").get(word, 1 << 30) < SHARED_RANK:
        rules.add(EXCLAMATION)
    return frozenset(rules)


def _neighbours(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """The words right before and after a span in the same clause (only blanks between)."""
    before, after = WORD_BEFORE.search(text, 0, start), WORD_AFTER.match(text, end)
    return (before.group(1).lower() if before else None, after.group(1).lower() if after else None)


def _opens_clause(text: str, start: int) -> bool:
    """Does the word at ``start`` begin a clause: first in a sentence, or right after a
    conjunction (en, maar, toen, omdat ...)? There a Dutch clause has its subject and verb
    side by side; after anything else (zagen we rook, ziet u rook) the verb came earlier."""
    if _SENTENCE_START.search(text, 0, start) is not None:
        return True
    before = WORD_BEFORE.search(text, 0, start)
    return before is not None and before.group(1).lower() in _CLAUSE_OPENERS


def reread(rules: frozenset[str], text: str, start: int, end: int, norm: str) -> str | None:
    """The loose rule a hit of the bare term word (``norm``) at ``start:end`` takes in its
    context, or None when the context says nothing."""
    before, after = _neighbours(text, start, end)
    if VERB_FORM in rules and _verb_next_to_subject(text, start, end, norm, before, after):
        return VERB_FORM  # het rook naar soep, ik brand van verlangen, rook jij?
    if PARTICLE in rules and before in _PHRASAL_VERBS:
        return PARTICLE  # calm down, slow down; not: the app is down, payments down
    if PARTICLE in rules and norm == "down" and _dutch_context(before, after) \
            and _dutch_mood(text, start):
        return PARTICLE  # voel je je down?; not: de webshop ligt down, platform down
    if EXCLAMATION in rules and text[end:end + 1] == "!" and (
            _SENTENCE_START.search(text, 0, start) is not None) and not _dutch_follows(text, end + 1):
        return EXCLAMATION  # Boom! New lowest price; not: Boom! Twee doden op de A2
    return None


def _verb_next_to_subject(text: str, start: int, end: int, norm: str, before: str | None,
                          after: str | None) -> bool:
    """Subject and verb side by side at the start of a clause: *het rook*, *ik rook*, *en hij
    rook*, or inverted, the verb first: *rook jij?*."""
    if before in _SUBJECTS or (before == "het" and norm not in table("nl").groups):
        found = WORD_BEFORE.search(text, 0, start)
        return found is not None and _opens_clause(text, found.start(1))
    if after in _SUBJECTS:  # only a verb is followed by its subject: vanochtend rook ik gas
        return True
    if after not in ("je", "het"):
        return False
    # je and het may also begin the next noun phrase (zagen rook het huis uit komen): the
    # verb reading needs the clause to start here, or a word after them that no noun takes
    pronoun = WORD_AFTER.match(text, end)
    assert pronoun is not None
    following = WORD_AFTER.match(text, pronoun.end())
    return _opens_clause(text, start) or following is None or (
        following.group(1).lower() in _AFTER_SUBJECT)


def _dutch_follows(text: str, position: int) -> bool:
    """Is the word after an exclamation a word of Dutch only? Then the post goes on in Dutch
    and the word before the ``!`` is the Dutch word (Brand! Blijf binnen)."""
    from contentcheck.matching.language import word_language

    following = WORD_AFTER.match(text, position)
    return following is not None and word_language(following.group(1).lower()) == "nl"


def addressed(text: str, start: int, end: int, particle: int) -> bool:
    """Is the verb form at ``start:end`` said to the reader (je, jij, u right before or after
    it)? A crisis post tells what happened to someone; a split verb addressed to the reader
    (*viel je om van verbazing?*, *stort jij je geld in?*) is a figure of speech or an
    invitation, so such a separable reading is loose. After the verb, ``je`` followed by
    another word than the particle (at ``particle``) is *your*: *valt je stroom uit?* is the
    outage."""
    before, after = _neighbours(text, start, end)
    if before in _YOU:
        return True
    if after == "je":
        pronoun = WORD_AFTER.match(text, end)
        assert pronoun is not None
        following = WORD_AFTER.match(text, pronoun.end())
        return following is None or following.start(1) == particle
    return after in _YOU


# how ``explain`` says why a context rule took a hit (after "verb-form: 'rook' ")
CONTEXT = {
    VERB_FORM: lambda word: f"next to a subject: the verb {verb_of_form(word) or '?'} "
                            "(or another verb's past), not the noun",
    PARTICLE: lambda word: "after a verb whose particle verb is a mood or a direction "
                           "(calm down, slow down; in Dutch: voel je je down), not a thing "
                           "out of order",
    EXCLAMATION: lambda word: "alone with '!': the English interjection",
}
