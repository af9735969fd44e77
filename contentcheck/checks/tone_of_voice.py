"""tone-of-voice: the Dutch form of address, u or je/jij, as the team set it per channel.

What it does
    Reads how each Dutch post addresses the reader: the u-form (u, uw, uzelf) or the je-form
    (je, jij, jou, jouw, jezelf, jullie). A post that uses the other form than its channel's, or
    that mixes both, goes to review with the words that did it. The form is set per channel
    (``channels = { LinkedIn = "u", Instagram = "je" }``), for every channel (``form = "u"``),
    or left to the calendar (``form = "consistent"``): then the form most posts of the same
    calendar file use wins, and the others are flagged.

Why
    Webcare guides ask a team to fix its tone of voice and keep it: a customer who is called u
    on Monday and jij on Tuesday, or both in one post, reads a brand that does not know who it
    talks to.

Example
    With ``channels = { LinkedIn = "u" }``, "Heb jij je kerstpakket al besteld?" for LinkedIn is
    reviewed: "'jij' in Bericht addresses the reader as je/jij; LinkedIn uses u" (and for
    'je'). "Bestel uw pakket, dan heb je het morgen" mixes the forms and is flagged everywhere.

Known problems
    Off by default: switch it on with ``[checks.tone-of-voice] enabled = true``. Pronouns
    inside quotes ("..." or “...”), in hashtags, in hyphenated words (U-bocht) and in names
    (a capitalised pronoun between capitalised words: "Voor Jou Thuis", or a name listed in
    ``names``) are not counted. Posts read as English are skipped. Generic "je" ("je weet
    maar nooit") counts as the je-form, as most style guides would have it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from contentcheck.errors import SettingsError
from contentcheck.records import Finding, Post, Severity, Status
from contentcheck.wording import REASONS, TONE_WORDS, words

if TYPE_CHECKING:
    from contentcheck.checks import CheckContext

ID = "tone-of-voice"
DEFAULT: Mapping[str, Any] = {"enabled": False, "form": "consistent", "channels": {}, "names": []}
SCOPE = "post"
ACROSS_POSTS = True  # finish() reports on earlier posts: every post in one process
FORMS = ("u", "je")
PRONOUNS = {"u": "u", "uw": "u", "uzelf": "u",
            "je": "je", "jij": "je", "jou": "je", "jouw": "je", "jezelf": "je", "jullie": "je"}
_WORD = re.compile(r"(?<![\w@#'’-])(" + "|".join(sorted(PRONOUNS, key=len, reverse=True))
                   + r")(?![\w'’-])", re.IGNORECASE)
_QUOTED = re.compile(r'"[^"\n]*"|“[^”\n]*”|„[^”“\n]*[”“]|«[^»\n]*»|(?<!\w)\'[^\'\n]*\'(?!\w)')
_CAPITAL = re.compile(r"[A-Z][\w'’-]*")


class Use:
    """One pronoun in a field: its place and the form it belongs to."""

    __slots__ = ("field", "start", "end", "word", "form")

    def __init__(self, field: str, start: int, end: int, word: str) -> None:
        self.field, self.start, self.end, self.word = field, start, end, word
        self.form = PRONOUNS[word.lower()]


def _masked(text: str, names: Sequence[str]) -> str:
    """The text with quotes and the team's names blanked out (same length: spans hold)."""
    for pattern in (_QUOTED, *[re.compile(re.escape(n), re.IGNORECASE) for n in names]):
        text = pattern.sub(lambda m: " " * len(m.group()), text)
    return text


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?:\n"


def _in_a_name(text: str, start: int, end: int) -> bool:
    """A capitalised pronoun next to a capitalised word inside a sentence: part of a name
    (Voor U Thuis), unlike "Wilt U meer weten?", whose capital word only starts the sentence."""
    if not text[start].isupper() or _starts_sentence(text, start):
        return False
    left = re.search(r"(\S+)\s*$", text[:start])
    if left and left.group(1)[0].isupper() and not _starts_sentence(text, left.start(1)):
        return True
    return bool(_CAPITAL.match(text[end:].lstrip()))


def uses(post: Post, names: Sequence[str] = ()) -> list[Use]:
    """Every pronoun of address in a post's text-bearing fields, quotes and names left out."""
    found = []
    for name, text in post.fields:
        masked = _masked(text, names)
        for match in _WORD.finditer(masked):
            if not _in_a_name(masked, match.start(), match.end()):
                found.append(Use(name, match.start(), match.end(), match.group()))
    return found


def _is_english(post: Post) -> bool:
    from contentcheck.matching import detect

    return detect(" ".join(text for _, text in post.fields)) == "en"


def _form(value: Any, where: str) -> str:
    key = str(value).strip().lower()
    key = {"jij": "je", "je/jij": "je", "jouw": "je"}.get(key, key)
    if key not in FORMS:
        raise SettingsError(f"[checks.{ID}] {where}: {value!r} is not a form (u or je)")
    return key


class ToneRunner:
    """Collects every post's pronouns; decides once the calendar's majority is known."""

    def __init__(self, form: str | None, channels: Mapping[str, str], names: Sequence[str]) -> None:
        self.form = form  # None: the calendar's majority
        self.channels = channels
        self.names = names
        # what finish needs of a post with a pronoun, not the post: a big calendar is checked
        # a chunk at a time (index, file, channel, the pronouns)
        self.seen: list[tuple[int, str, str | None, list[Use]]] = []

    def check(self, index: int, post: Post) -> Sequence[Finding]:
        found = uses(post, self.names)
        if found and not _is_english(post):
            self.seen.append((index, post.source, post.channel, found))
        return ()

    def _majorities(self) -> dict[str, str | None]:
        """Per calendar file, the form most of its posts use (None on a tie)."""
        votes: dict[str, Counter[str]] = {}
        for _, source, _, found in self.seen:
            forms = Counter(use.form for use in found)
            if len(forms) == 1:  # a mixed post does not vote
                votes.setdefault(source, Counter())[next(iter(forms))] += 1
        majorities: dict[str, str | None] = {}
        for source, counter in votes.items():
            ranked = counter.most_common()
            tie = len(ranked) > 1 and ranked[0][1] == ranked[1][1]
            majorities[source] = None if tie else ranked[0][0]
        return majorities

    def finish(self) -> Iterator[tuple[int, Finding]]:
        majorities = self._majorities()
        for index, source, post_channel, found in self.seen:
            channel = (post_channel or "").casefold().strip()
            if channel in self.channels:
                expected, scope = self.channels[channel], "channel"
            elif self.form is not None:
                expected, scope = self.form, "team"
            else:
                expected, scope = majorities.get(source), "calendar"
            forms = Counter(use.form for use in found)
            mixed = len(forms) > 1
            if expected is None and mixed:  # no form set or won: the post's own minority
                ranked = forms.most_common()
                expected = ranked[0][0] if ranked[0][1] > ranked[1][1] else found[0].form
                scope = "post"
            for use in found:
                if expected is not None and use.form != expected:
                    yield index, Finding(
                        check=ID, field=use.field, start=use.start, end=use.end,
                        matched=use.word, rule=f"form {expected}", source=ID, category=ID,
                        severity=Severity.LOW, status=Status.REVIEW,
                        details=(("used", use.form), ("expected", expected), ("scope", scope),
                                 ("channel", post_channel or ""),
                                 ("mixed", "yes" if mixed else "")))


def start(context: "CheckContext", config: Mapping[str, Any]) -> ToneRunner:
    form = str(config.get("form", "consistent")).strip().lower()
    channels = config.get("channels", {})
    names = config.get("names", [])
    if not isinstance(channels, Mapping):
        raise SettingsError(f"[checks.{ID}] channels must be a table (channels = {{ LinkedIn = \"u\" }})")
    if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
        raise SettingsError(f"[checks.{ID}] names must be a list of texts")
    return ToneRunner(None if form == "consistent" else _form(form, "form"),
                      {str(k).casefold().strip(): _form(v, f"channels.{k}") for k, v in channels.items()},
                      [n.strip() for n in names])


def describe(finding: Finding, lang: str) -> str:
    """"'jij' in Bericht addresses the reader as je/jij; LinkedIn uses u"."""
    lang = words(lang)
    phrases = TONE_WORDS[lang]
    where = REASONS[lang]["in"].format(field=finding.field) if finding.field else ""
    scope = finding.detail("scope")
    shown_scope = (finding.detail("channel") if scope == "channel"
                   else phrases["calendar"] if scope == "calendar" else phrases["team"])
    text = phrases["breaks"].format(matched=f"'{finding.matched}'", where=where,
                                    used=phrases["forms"][finding.detail("used")],
                                    scope=shown_scope,
                                    expected=phrases["forms"][finding.detail("expected")])
    if scope == "post":  # neither the team nor the calendar set a form: the mix is the finding
        text = text.split(";")[0]
    return text + (phrases["mixed"] if finding.detail("mixed") else "")
