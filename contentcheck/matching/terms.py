"""Word-list and crisis-term files -> Term records, and a term's text -> the pattern it stands for.

File syntax (docs/term-syntax.md has examples): one term per line, UTF-8; ``# `` (a hash
and a space, or a lone ``#``, ``##``, ``#---``) starts a comment at line start or after
whitespace, while ``#word`` alone on a line is a hashtag term (``read_line`` is the one place
that tells them apart); blank lines are ignored; ``@category NAME``,
``@severity low|medium|high`` and ``@language nl|en|any`` set the metadata of the lines below
them; ``term => suggestion`` gives an alternative; ``!word`` is an exception that never counts
as a hit. A term is a plain word (``explosie``), a wildcard (``explo*``, ``*aanslag``), a quoted
phrase (``"shop till you drop"``), unquoted words that must appear close together
(``boston explosion``), an emoji (``💣``) or a raw regular expression (``re:PATTERN``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from contentcheck.errors import TermFileError
from contentcheck.records import Severity, Term
from contentcheck.text import fold, fold_emoji, is_emoji, iter_groups, tokens

REGEX_PREFIX = "re:"
LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class TermSet:
    """Terms plus the exception words (folded) that never count as a hit."""

    terms: tuple[Term, ...] = ()
    exceptions: frozenset[str] = field(default_factory=frozenset)
    warnings: tuple[str, ...] = ()  # "file:line: ..." for lines that could be read two ways
    # exceptions a crisis wildcard reaches: a hit on them is loose (``checker.false_friends``)
    false_friends: frozenset[str] = field(default_factory=frozenset)

    def __add__(self, other: "TermSet") -> "TermSet":
        return TermSet(self.terms + other.terms, self.exceptions | other.exceptions,
                       self.warnings + other.warnings, self.false_friends | other.false_friends)

    def __len__(self) -> int:
        return len(self.terms)


@dataclass(frozen=True)
class WordSpec:
    """One word of a term: folded text, and whether ``*`` stands before or after it."""

    norm: str
    any_before: bool = False  # *aanslag
    any_after: bool = False  # explo*

    @property
    def emoji(self) -> bool:
        return is_emoji(self.norm)


@dataclass(frozen=True)
class Pattern:
    """What a term's text means. ``kind``: word, phrase, proximity or regex.

    ``joined`` is the words written as one (``gasexplosie`` for ``gas-explosie``), which a
    hashtag or compound may use instead of the separate words.
    """

    kind: str
    words: tuple[WordSpec, ...] = ()
    joined: str | None = None
    regex: str | None = None


def _chunk_words(chunk: str) -> list[WordSpec]:
    """The words of one whitespace-free chunk of a term, wildcards attached to the ends."""
    before, after = chunk.startswith("*"), chunk.endswith("*") and len(chunk) > 1
    bare = chunk.strip("*")
    plain = bare.isalpha() and (bare.islower() or bare.isupper() or bare.istitle())
    words = [fold(bare)] if plain else tokens(bare)
    if not words:
        return []
    specs = [WordSpec(word) for word in words]
    specs[0] = WordSpec(specs[0].norm, any_before=before)
    specs[-1] = WordSpec(specs[-1].norm, any_before=specs[-1].any_before, any_after=after)
    return specs


_SYMBOL_WORD = re.compile(r"[^\W_][\w.]*[#+]+")  # C#, F#, C++, Notepad++


ACRONYM_MAX = 4  # RIP, NOS, KLM, RIVM; a longer word in capitals is shouted (EXPLOSIE)


def typed_acronym(text: str) -> bool:
    """Is the term an acronym as typed: one word of 2 to ACRONYM_MAX capital letters (RIP,
    NOS)? An acronym is read as a word, in a hashtag or code (#RIPMarit) and next to a hyphen
    (KLM-vlucht), never as the front of a closed compound written in small letters: *ripstop*
    holds no RIP, *nosedive* no NOS."""
    word = text.strip().lstrip("#")
    return 2 <= len(word) <= ACRONYM_MAX and word.isalpha() and word.isupper()


def pattern_of(term: Term) -> "Pattern":
    """The term's pattern: kept on the term where it was read, else parsed now."""
    return term.pattern if term.pattern is not None else parse_pattern(term.text)


@lru_cache(maxsize=65_536)
def parse_pattern(text: str) -> Pattern:
    """Read a term's text; ValueError says what is wrong with it (cached: files are parsed
    first, then compiled)."""
    text = text.strip()
    if text.startswith(REGEX_PREFIX):
        source = text[len(REGEX_PREFIX):].strip()
        if not source:
            raise ValueError("empty regular expression after 're:'")
        import regex

        try:
            compiled = regex.compile(source, regex.IGNORECASE)
        except regex.error as exc:
            raise ValueError(f"bad regular expression {source!r}: {exc}") from None
        if compiled.match(""):
            raise ValueError(f"regular expression {source!r} matches empty text")
        return Pattern("regex", regex=source)
    quoted = len(text) >= 2 and text[0] in "\"“”„" and text[-1] in "\"“”"
    body = text[1:-1] if quoted else text
    if any(q in body for q in "\"“”„"):
        raise ValueError(f"unbalanced quotes in {text!r}")
    chunks = body.split()
    for chunk in chunks:
        if "*" in chunk.strip("*"):
            raise ValueError(f"a wildcard '*' can only stand at the start or end of a word: {chunk!r}")
    if any(_SYMBOL_WORD.fullmatch(chunk) for chunk in chunks):
        # C#, C++: the symbols are the word (the text's words drop them: C# would be "c")
        import regex

        source = r"\s+".join(regex.escape(chunk) for chunk in chunks)
        return Pattern("regex", regex=rf"(?<![\w#+]){source}(?![\w#+])")
    words = [spec for chunk in chunks for spec in _chunk_words(chunk)]
    if not words:
        raise ValueError(f"no word in term {text!r}")
    if len(words) == 1:
        return Pattern("word", tuple(words))
    joined = "".join(w.norm for w in words) if not any(
        w.emoji or w.any_before or w.any_after for w in words) else None
    kind = "phrase" if quoted or len(chunks) == 1 else "proximity"
    return Pattern(kind, tuple(words), joined=joined)


def _exception_key(word: str) -> str:
    """An exception as the matcher keeps it: ``aanslag-biljet`` is the word ``aanslagbiljet``;
    words with a space between them (``groene aanslag``) are a phrase, kept space-separated."""
    word = word.strip().strip("\"“”„").strip()
    if word and all(is_emoji(g) for _, _, g in iter_groups(word)):
        return fold_emoji(word)
    return " ".join("".join(tokens(chunk)) for chunk in word.split())


_HASHTAG = re.compile(r"#[^\W_]")  # '#' and a letter or digit: a hashtag, not a comment
_INLINE_HASH = re.compile(r"\s#")


@dataclass(frozen=True)
class SourceLine:
    """One line of a term file as read: its content (empty for a blank line or a comment) and
    a warning when the line could be read two ways (a hashtag or a comment)."""

    text: str
    warning: str | None = None


def read_line(raw: str) -> SourceLine:
    """The one reading of a term-file line, for every reader (files, spreadsheet cells,
    ``--term`` values saved in a crisis, ``lists check``).

    ``# text``, ``#``, ``##`` and ``#---`` are comments; ``#dijkdoorbraak`` alone on its line is
    a hashtag term (a team's most important crisis words are often hashtags). ``#Dutch terms``
    (a hash glued to a word, then more words) could be an old-style comment or a hashtag:
    it stays a comment, with a warning. After a term, whitespace + ``# `` starts a comment;
    whitespace + ``#word`` is read as a comment too, with a warning. ``C#`` is a term.
    """
    line = raw.lstrip("\ufeff").strip()
    if not line:
        return SourceLine("")
    if line.startswith("#") and not _HASHTAG.match(line):
        return SourceLine("")
    warning = None
    for inline in _INLINE_HASH.finditer(line):
        hashtag = _HASHTAG.match(line, inline.start() + 1)
        if hashtag and line[:inline.start()].rstrip().endswith("=>"):
            continue  # a hashtag as the suggestion: term => #betertag
        if hashtag:
            warning = (f"'{line}': '{line[inline.start() + 1:].split()[0]}' after the term is "
                       "read as a comment; write '# ' (hash and space) for a comment, or put "
                       "a hashtag term on a line of its own")
        line = line[:inline.start()].strip()
        break
    if line.startswith("#"):
        words = _INLINE.sub("", " " + line).partition("=>")[0].split()
        if len(words) > 1:
            return SourceLine("", f"'{line}' is read as a comment; write '# ' (hash and space) "
                                  "for a comment, or one hashtag per line for a hashtag term")
    return SourceLine(line, warning)


def _strip_comment(line: str) -> str:
    return read_line(line).text


def _directive(key: str, value: str, state: dict[str, Any]) -> None:
    if key == "category":
        if not value:
            raise ValueError("@category needs a name")
        state["category"] = value
    elif key == "severity":
        state["severity"] = Severity.parse(value)
    elif key == "language":
        value = value.lower()
        state["language_set"] = True
        if value in ("", "any", "all", "*"):
            state["language"] = None
        elif value in LANGUAGES:
            state["language"] = value
        else:
            raise ValueError(f"unknown language {value!r} (known: nl, en, any)")
    else:
        raise ValueError(f"unknown directive @{key} (known: @category, @severity, @language)")


_INLINE = re.compile(r"\s@(category|severity|language)(?:[ \t]+(\S+))?", re.IGNORECASE)
# ``train @en``: the short form of ``@language en`` at the end of a term
_SHORT_LANGUAGE = re.compile(r"\s@([a-z]{2,3})\s*$", re.IGNORECASE)


def _inline_directives(line: str, state: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """``term => suggestion  @severity high @category x``: metadata for this line only; ``@nl``,
    ``@en`` or ``@any`` at the end is short for ``@language ...`` (``train @en``)."""
    if "@" not in line:
        return line, state
    here = dict(state)
    short = _SHORT_LANGUAGE.search(line)
    if short:  # train @en; an unknown code (@fr) is an error naming the line
        _directive("language", short.group(1), here)
        line = line[:short.start()]
    for match in _INLINE.finditer(line):
        _directive(match.group(1).lower(), match.group(2) or "", here)
    return _INLINE.sub("", line), here


def parse_terms(text: str, *, origin: str, list_name: str, category: str,
                severity: Severity, language: str | None = None,
                crisis: bool = False) -> TermSet:
    """Parse the text of one term file; directive lines change the defaults for the lines below,
    directives at the end of a term line (``bom  @severity high``) for that line only."""
    state = {"category": category, "severity": severity, "language": language}
    terms: list[Term] = []
    exceptions: set[str] = set()
    warnings: list[str] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        source = read_line(raw)
        if source.warning:
            warnings.append(f"{origin}:{number}: {source.warning}")
        line = source.text
        if not line:
            continue
        try:
            if line.startswith("@"):
                key, _, value = line[1:].partition(" ")
                _directive(key.strip().lower(), value.strip(), state)
                continue
            if line.startswith("!"):
                key = _exception_key(line[1:].strip())
                if not key:
                    raise ValueError("an exception '!' without a word")
                exceptions.add(key)
                continue
            line, here = _inline_directives(line, state)
            term, _, suggestion = line.partition("=>")
            term = term.strip()
            if not term:
                raise ValueError("a suggestion without a term")
            pattern = parse_pattern(term)
        except ValueError as exc:
            raise TermFileError(origin, str(exc), line=number) from None
        terms.append(Term(text=term, list_name=list_name, category=here["category"], pattern=pattern,
                          severity=Severity.CRISIS if crisis else here["severity"],
                          language=here["language"] if here.get("language_set") or not crisis
                          else GUESS, suggestion=suggestion.strip() or None,
                          crisis=crisis, origin=f"{origin}:{number}"))
    if crisis:
        terms = _guessed(terms)
    return TermSet(tuple(terms), frozenset(exceptions), tuple(warnings))


GUESS = "?"  # a crisis term whose language is to be guessed (``_guessed``)


def _guessed(terms: list[Term]) -> list[Term]:
    """Crisis terms without ``@language`` get the language guessed from the terms."""
    from dataclasses import replace

    from contentcheck.matching.language import guess_languages

    unknown = [t for t in terms if t.language == GUESS]
    if not unknown:
        return terms
    patterns = [parse_pattern(t.text) for t in unknown]
    guesses = iter(guess_languages([None if p.kind == "regex" else [w.norm for w in p.words
                                                                     if not w.emoji]
                                    for p in patterns]))
    return [replace(t, language=next(guesses)) if t.language == GUESS else t for t in terms]


def read_text_file(path: Path) -> str:
    """Read a UTF-8 term file (BOM allowed), with a clear error for anything else."""
    from contentcheck.fileio import read_regular

    try:
        data = read_regular(path)
    except IsADirectoryError:
        raise TermFileError(str(path), "is a directory, expected a text file") from None
    except OSError as exc:
        raise TermFileError(str(path), exc.strerror or str(exc)) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Notepad's "Unicode": UTF-16 with a BOM
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise TermFileError(str(path), "starts like UTF-16 text but is not; save it as UTF-8") from None
    if b"\x00" in data:
        raise TermFileError(str(path), "is not a text file (binary data); save it as UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise TermFileError(str(path), "is not UTF-8 text; save it as UTF-8", line=line) from None


def load_crisis_file(path: Path, *, name: str | None = None) -> TermSet:
    """Crisis terms: every hit pauses the post, in every language unless marked otherwise. A
    file without a term (empty or comments only: a failed sync, a half-saved edit) is said
    among the warnings: a scan asked to use it must not look like a quiet day."""
    terms = with_list_warnings(parse_terms(
        read_text_file(path), origin=str(path), list_name=name or path.stem, category="crisis",
        severity=Severity.CRISIS, crisis=True))
    if not terms.terms:
        terms = replace(terms, warnings=terms.warnings + (
            f"{path}: crisis file has no term (empty, or only comments and exceptions): it "
            "adds nothing to this scan",))
    return terms


def one_line_term(option: str, term: str) -> None:
    """One term per ``--term``: two pasted at once (``trein⏎bus``) would match neither."""
    if "\n" in term or "\r" in term:
        raise TermFileError(option, f"{term!r}: one term per {option}, no line breaks")


_LIST_SEPARATOR = re.compile(r"(?<!\d)[,;]|[,;](?!\d)")  # not in 1,5 or 2;3
# "trein/bus", "trein OR bus" and "trein|bus" (a search box's habits) as two terms: one term,
# they matched nothing; only words of letters or emoji around a slash (🚂/🚌; 24/7,
# korenaar.nl/actie stay whole)
_SLASH_PART = r"(?:[^\W\d_]+|[^\x00-\x7f\w\s]+)"
_WORDS_WITH_SLASHES = re.compile(rf"^{_SLASH_PART}(?:[ \t]*/[ \t]*{_SLASH_PART})+$")
_SLASH = re.compile(r"/")
_SEARCH_OR = re.compile(r"\sOR\s|\|")


def split_term_list(option: str, value: str) -> tuple[list[str], str | None]:
    """A ``--term`` value typed as a list (``"trein, spoor"``, ``"trein; spoor"``) as its terms,
    with a note saying so; anything else as itself. A list of terms is common on a crisis
    morning, a phrase with a comma rare: read as one phrase the list matched nothing while
    the banner showed two terms. A quoted phrase, a regular expression (``re:a{1,3}``), a
    suggestion (``=>``) and a number (``1,5``) are left whole."""
    text = value.strip()
    if text.startswith(REGEX_PREFIX) or text[:1] in "\"“”„" or "=>" in text:
        return [value], None
    if _LIST_SEPARATOR.search(text):
        separator = _LIST_SEPARATOR
    elif _WORDS_WITH_SLASHES.match(text):
        separator = _SLASH
    elif _SEARCH_OR.search(text):
        separator = _SEARCH_OR
    else:
        return [value], None
    parts = [part.strip() for part in separator.split(text) if part.strip()]
    if len(parts) < 2:
        return parts or [value], None
    return parts, (f"{option} {text!r} is read as {len(parts)} terms ({', '.join(parts)}): a "
                   "comma, a semicolon, a slash between words, | or OR separates terms; for one "
                   "phrase with one of them, put it in quotes")


def list_on_one_line(line: str) -> str | None:
    """What to say of a file line typed as a list (``trein, bus``), None for any other: a
    file takes one term per line, and as one phrase the list matches nothing."""
    parts, note = split_term_list("", line)
    if note is None:
        return None
    return (f"{line.strip()!r} is one term (a phrase no post is likely to hold): write "
            f"{' and '.join(parts)} on lines of their own")


def with_list_warnings(terms: TermSet) -> TermSet:
    """Crisis terms with a warning naming each line typed as a list (``list_on_one_line``)."""
    listed = tuple(f"{term.origin}: {said}" for term in terms.terms
                   if (said := list_on_one_line(term.text)))
    return replace(terms, warnings=terms.warnings + listed) if listed else terms


# "trein of bus", "trein or bus": two words around a lower-case or/of, typed as a search box
# takes them; kept as the phrase it is (nu of nooit, trick or treat), with a note
_PHRASE_WITH_OR = re.compile(r"^([^\W\d_]+) (?:or|of) ([^\W\d_]+)$")


def split_term_lists(option: str, values: list[str]) -> tuple[list[str], list[str]]:
    """``split_term_list`` for every value: (the terms, the notes)."""
    terms: list[str] = []
    notes: list[str] = []
    for value in values:
        one_line_term(option, value)
        parts, note = split_term_list(option, value)
        if note is None and (either := _PHRASE_WITH_OR.match(value.strip())):
            note = (f"{option} {value.strip()!r} is one phrase, found only as written; for two "
                    f"terms write '{either[1]}, {either[2]}'")
        terms += parts
        notes += [note] if note else []
    return terms, notes


def crisis_terms_from_cli(terms: list[str], configured: int = 0) -> TermSet:
    """Terms given with ``--term``: one term each, taken literally (``#PrayForBoston`` is a
    hashtag here, not a comment); ``!word`` is still an exception. A value typed as a list
    (``trein, spoor``) is its terms, with a note (``split_term_list``). The first
    ``configured`` values come from the config's ``[scan] terms`` and are named so (nobody
    typed a flag)."""
    result: list[Term] = []
    exceptions: set[str] = set()
    from_config, config_notes = split_term_lists("[scan] terms", terms[:configured])
    typed, notes = split_term_lists("--term", terms[configured:])
    terms, notes, configured = from_config + typed, config_notes + notes, len(from_config)
    for number, term in enumerate(terms, start=1):
        term = term.strip()
        try:
            if not term:  # --term "$TERM" with TERM unset
                raise ValueError("an empty term")
            if term.startswith("!"):
                key = _exception_key(term[1:])
                if not key:
                    raise ValueError("an exception '!' without a word")
                exceptions.add(key)
                continue
            # a language at the end, as in a file: --term "train @en", "brand @language nl"
            term, here = _inline_directives(term, {"language": GUESS}) if not \
                term.startswith("@") else (term, {"language": GUESS})
            term = term.strip()
            if not term:
                raise ValueError("a language without a term")
            pattern = parse_pattern(term)
        except ValueError as exc:
            raise TermFileError(f"--term {number}", str(exc)) from None
        source = "config" if number <= configured else "--term"
        result.append(Term(text=term, list_name=f"crisis ({source})", category="crisis",
                           pattern=pattern, severity=Severity.CRISIS, crisis=True,
                           origin=f"[scan] terms {number}" if number <= configured
                           else f"--term {number - configured}",
                           language=here["language"]))
    return TermSet(tuple(_guessed(result)), frozenset(exceptions), tuple(notes))
