"""spelling: Dutch and English spelling of the post text, with suggestions.

What it does
    Looks every word of the main text of each post up in maintained dictionaries
    (pyspellchecker's Dutch and English word lists; a word in either is fine, as Dutch posts
    borrow English words), the suggestion taken from the post's own language. Compounds are accepted when their parts are words
    (``pompoensoep``, ``kerstpakketactie``: also with a linking s or e; each part a common
    word), and so is every word of the vocabulary the term engine uses. A word that is in neither goes to review with the
    most likely correction as the suggestion.

Why
    Webcare guides name the painful spelling mistake as one of the similar errors to look for
    before a post goes out, and a brand's name or product spelled wrong in a scheduled post is
    the kind of mistake a second reader catches and a busy team does not.

Example
    With ``[checks.spelling] enabled = true``, "Bestel nu met 20% kortnig" is reviewed:
    "'kortnig' in Bericht is in neither dictionary (Dutch, English); suggestion: 'korting'".

Known problems
    Off by default. Names are left alone when written with a capital inside a sentence
    (Korenaar, Utrecht); a brand or product name that starts a sentence, or is written in
    lower case (korenaar), needs the team's allow-list: ``allow = ["korenaar", "xl-pakket"]`` or
    ``allow_files = ["merknamen.txt"]`` (one word a line). Hashtags, handles, links, numbers
    and words in capitals are not checked. Dialect, slang and new words are flagged until
    allowed. Loading the dictionaries takes about a second per scan.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contentcheck.errors import SettingsError
from contentcheck.records import Finding, Post, Severity, Status
from contentcheck.wording import REASONS, SPELLING_WORDS, words

if TYPE_CHECKING:
    from spellchecker import SpellChecker

    from contentcheck.checks import CheckContext

ID = "spelling"
DEFAULT: Mapping[str, Any] = {"enabled": False, "allow": [], "allow_files": []}
SCOPE = "text"
PATHS = ("allow_files",)
LANGUAGES = ("nl", "en")
MIN_LENGTH = 3  # shorter words (t/m, 's, ok) are left alone
MIN_PART = 3  # the shortest part of a compound
PART_FREQUENCY = 100  # a compound part must be this common in the dictionary ...
PART_RANK = 50_000  # ... or this high in the vocabulary: rare entries (nig, kets) make false splits
LINKS = ("", "s", "e", "en")  # Dutch linking sounds between compound parts: kerst|pakket, dag|s|menu
_SKIPPED = re.compile(r"(?:https?://|www\.)\S+|[#@][\w-]+|\S*\d\S*|\S+@\S+", re.IGNORECASE)
_STRESS = str.maketrans("áéíóúý", "aeiouy")  # acute accents only: ë and ï are spelling
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@lru_cache(maxsize=None)
def dictionary(language: str) -> "SpellChecker":
    """pyspellchecker's dictionary of ``nl`` or ``en``, loaded once per process."""
    from spellchecker import SpellChecker

    return SpellChecker(language=language, case_sensitive=False)


def _vocabulary(language: str) -> Mapping[str, int]:
    from contentcheck.matching import vocabulary

    return vocabulary(language)


class Speller:
    """Whether a word is spelled right in a language, with the team's own words allowed."""

    def __init__(self, allowed: frozenset[str]) -> None:
        self.allowed = allowed
        self.known_cache: dict[tuple[str, str], bool] = {}

    def is_word(self, word: str, language: str) -> bool:
        return (word in self.allowed or word in dictionary(language).word_frequency.dictionary
                or word in _vocabulary(language))

    def is_part(self, word: str, language: str) -> bool:
        """A common word, fit to be part of a compound."""
        return (word in self.allowed
                or dictionary(language).word_frequency.dictionary.get(word, 0) >= PART_FREQUENCY
                or _vocabulary(language).get(word, PART_RANK) < PART_RANK)

    def _is_compound(self, word: str, language: str) -> bool:
        """Two (or three) common parts, a linking s/e/en allowed between them."""
        for cut in range(MIN_PART, len(word) - MIN_PART + 1):
            left = word[:cut]
            if not self.is_part(left, language):
                continue
            for link in LINKS:
                rest = word[cut:]
                if link and not rest.startswith(link):
                    continue
                right = rest[len(link):]
                if len(right) >= MIN_PART and (self.is_part(right, language)
                                               or self._two_parts(right, language)):
                    return True
        return False

    def _two_parts(self, word: str, language: str) -> bool:
        return any(self.is_part(word[:cut], language) and self.is_part(word[cut:], language)
                   for cut in range(MIN_PART, len(word) - MIN_PART + 1))

    def known(self, word: str, language: str) -> bool:
        key = (word, language)
        if key not in self.known_cache:
            plain = word.translate(_STRESS)  # vóór, één, álle: stress marks, not spelling
            self.known_cache[key] = any(self.is_word(w, language) or self._is_compound(w, language)
                                        for w in dict.fromkeys((word, plain)))
        return self.known_cache[key]

    def suggestion(self, word: str, language: str) -> str | None:
        """The most likely correction (one edit away for long words: two is slow there)."""
        checker = dictionary(language)
        distance = checker.distance
        checker.distance = 1 if len(word) > 10 else 2
        try:
            best = checker.correction(word)
        finally:
            checker.distance = distance
        return best if best and best != word else None


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?:\n"


def words_to_check(text: str) -> list[tuple[int, int, str]]:
    """The words of a text that spelling looks at: no links, hashtags, handles, numbers,
    acronyms or names (a capital inside a sentence); hyphenated words part by part."""
    masked = _SKIPPED.sub(lambda m: " " * len(m.group()), text)
    found = []
    for match in _WORD.finditer(masked):
        word, start = match.group(), match.start()
        if len(word) < MIN_LENGTH or word.isupper() or "'" in word or "’" in word:
            continue
        if word[0].isupper() and not _sentence_start(text, start):
            continue  # a name: Korenaar, Utrecht, Sinterklaas
        if any(c.isupper() for c in word[1:]):
            continue  # camel case: iPhone, WhatsApp
        found.append((start, match.end(), word))
    return found


class SpellingRunner:
    def __init__(self, speller: Speller) -> None:
        self.speller = speller
        self.suggestions: dict[tuple[str, str], str | None] = {}

    def _languages(self, post: Post) -> tuple[str, ...]:
        """The post's language first (its dictionary suggests), then the other: Dutch posts
        borrow English words (sale, Black Friday) and English ones Dutch names."""
        from contentcheck.matching import detect

        first = detect(post.text) or "nl"
        return (first, *[language for language in LANGUAGES if language != first])

    def check(self, index: int, post: Post) -> Sequence[Finding]:
        if not post.fields:
            return ()
        field, text = post.fields[0]
        languages = self._languages(post)
        found = []
        for start, end, word in words_to_check(text):
            folded = word.casefold()
            if any(self.speller.known(folded, language) for language in languages):
                continue
            key = (folded, languages[0])
            if key not in self.suggestions:  # the post's language first, then the other
                self.suggestions[key] = next(
                    (s for s in (self.speller.suggestion(folded, lang) for lang in languages) if s),
                    None)
            found.append(Finding(
                check=ID, field=field, start=start, end=end, matched=word, rule="spelling",
                source=ID, category=ID, severity=Severity.LOW, status=Status.REVIEW,
                suggestion=self.suggestions[key], details=(("language", languages[0]),)))
        return found

    def finish(self) -> tuple[()]:
        return ()


def _allowed(config: Mapping[str, Any]) -> frozenset[str]:
    from contentcheck.matching import read_text_file

    allow = config.get("allow", [])
    if not isinstance(allow, list) or not all(isinstance(w, str) for w in allow):
        raise SettingsError(f"[checks.{ID}] allow must be a list of words")
    files = config.get("allow_files", [])
    files = [files] if isinstance(files, (str, Path)) else files
    words_allowed = [w for w in allow]
    for path in files:
        for line in read_text_file(Path(path)).splitlines():
            line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
            if line:
                words_allowed.append(line)
    parts = {part.casefold() for entry in words_allowed for part in _WORD.findall(entry)}
    return frozenset(parts)


def start(context: "CheckContext", config: Mapping[str, Any]) -> SpellingRunner:
    return SpellingRunner(Speller(_allowed(config)))


def describe(finding: Finding, lang: str) -> str:
    """"'kortnig' in Bericht is in neither dictionary (Dutch, English); suggestion: 'korting'"."""
    lang = words(lang)
    phrases = SPELLING_WORDS[lang]
    where = REASONS[lang]["in"].format(field=finding.field) if finding.field else ""
    text = phrases["unknown"].format(matched=f"'{finding.matched}'", where=where)
    if finding.suggestion:
        text += REASONS[lang]["suggestion"].format(suggestion=finding.suggestion)
    return text
