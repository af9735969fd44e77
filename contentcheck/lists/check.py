"""Keep word lists healthy: the problems ``contentcheck lists check`` reports.

A list that is wrong fails quietly: a duplicate hides a changed suggestion, a term that is also
an exception never fires, a term that normalizes away never matches. These checks find such
lines before a reviewer wonders why a post was not flagged. Problems sort and compare like
yamllint's, so tests read ``problem.code == "duplicate"``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from contentcheck.lists.categories import CATEGORIES, CRISIS, LIST_CATEGORIES
from contentcheck.errors import TermFileError
from contentcheck.lists.load import (UNLISTED, defaults_from_name, list_paths,
                                     load_wordlist_file, unlisted_files, uses_reserved_category)
from contentcheck.records import Severity, Term
from contentcheck.matching.terms import (TermSet, _inline_directives, list_on_one_line,
                                         parse_pattern, parse_terms, read_line, read_text_file)

RESERVED = "the category 'crisis' is reserved for crisis terms; put them in a crisis file"

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One finding about one line of a list (line 0: the file as a whole)."""

    path: str
    line: int
    level: str
    code: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.level}: {self.message} [{self.code}]"


@dataclass
class CheckResult:
    """What a check found: problems, files that could not be read at all, files checked."""

    problems: list[Problem] = field(default_factory=list)
    unreadable: list[TermFileError] = field(default_factory=list)
    files: int = 0
    terms: int = 0

    def failed(self, strict: bool = False) -> bool:
        return any(p.level == ERROR or strict for p in self.problems)


@dataclass(frozen=True)
class _Loaded:
    path: str
    terms: TermSet
    exception_lines: dict[str, int]


def sort_key(entry: str) -> str:
    """How entries sort within a section: without quotes, ``!`` or ``re:``, case and accents."""
    text = entry.split("=>", 1)[0].strip().lstrip("!").strip().strip('"“”„')
    if text.startswith("re:"):
        text = text[3:]
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _content(raw: str) -> str:
    """A line without its comment, read exactly as the term parser reads it."""
    return read_line(raw).text


def check_syntax(text: str, path: str) -> list[Problem]:
    """Every line that cannot be read, not just the first, and entries out of order.

    Sections are separated by blank lines and directives; comment lines do not split them, so
    a comment above an entry cannot hide that it is out of place.
    """
    problems: list[Problem] = []
    section: list[tuple[int, str]] = []

    def close_section() -> None:
        for (_, before), (number, after) in zip(section, section[1:]):
            if sort_key(after) < sort_key(before):
                problems.append(Problem(path, number, WARNING, "unsorted",
                                        f"{after!r} should come before {before!r}"))
        section.clear()

    for number, raw in enumerate(text.splitlines(), start=1):
        source = read_line(raw)
        if source.warning:
            problems.append(Problem(path, number, WARNING, "hash", source.warning))
        if not source.text and raw.strip():
            continue  # a comment does not split a section
        line = source.text
        if not line or line.startswith("@"):
            close_section()
        if not line:
            continue
        try:
            if line.startswith("@"):
                parse_terms(line, origin=path, list_name="", category="x",
                            severity=Severity.MEDIUM)
                key, _, value = line[1:].partition(" ")
                if key.strip().lower() == "category" and value.strip() == CRISIS:
                    problems.append(Problem(path, number, ERROR, "reserved-category", RESERVED))
                continue
            if line.startswith("!"):
                if not line[1:].strip():
                    raise ValueError("an exception '!' without a word")
            else:
                text, here = _inline_directives(line, {})  # bom  @category crisis
                if here.get("category") == CRISIS:
                    problems.append(Problem(path, number, ERROR, "reserved-category", RESERVED))
                term = text.partition("=>")[0].strip()
                if not term:
                    raise ValueError("a suggestion without a term")
                parse_pattern(term)
                if said := list_on_one_line(term):  # trein, bus: two terms meant
                    problems.append(Problem(path, number, WARNING, "list", said))
            section.append((number, line))
        except TermFileError as exc:
            problems.append(Problem(path, number, ERROR, "syntax", exc.message))
        except ValueError as exc:
            problems.append(Problem(path, number, ERROR, "syntax", str(exc)))
    close_section()
    return problems


def _exception_lines(text: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = _content(raw)
        if line.startswith("!") and line[1:].strip():
            key = next(iter(parse_terms(line, origin="", list_name="", category="x",
                                        severity=Severity.MEDIUM).exceptions), None)
            if key is not None:
                lines.setdefault(key, number)
    return lines


def _line(term: Term) -> int:
    number = term.origin.rpartition(":")[2]
    return int(number) if number.isdigit() else 0


def _path(term: Term) -> str:
    return term.origin.rpartition(":")[0] or term.origin


def _key(term: Term) -> tuple:
    """Two terms are the same entry when they mean the same after normalization."""
    pattern = parse_pattern(term.text)
    words = tuple((w.norm, w.any_before, w.any_after) for w in pattern.words)
    kind = "word" if pattern.kind in ("word", "phrase") else pattern.kind
    return term.language or "any", kind, words, pattern.regex


def _own_text(term: Term) -> str | None:
    """The text a term must match itself, or None for a regular expression."""
    pattern = parse_pattern(term.text)
    if pattern.kind == "regex":
        return None
    return " ".join(w.norm for w in pattern.words)


def check_terms(loaded: list[_Loaded]) -> list[Problem]:
    """Duplicates, terms that are exceptions, unknown categories, terms that never match."""
    from contentcheck.matching.matcher import Matcher

    problems: list[Problem] = []
    exceptions: dict[str, str] = {}
    for item in loaded:
        for key, number in item.exception_lines.items():
            exceptions.setdefault(key, f"{item.path}:{number}")
    seen: dict[tuple, Term] = {}
    terms: list[Term] = []
    for item in loaded:
        for term in item.terms.terms:
            terms.append(term)
            key = _key(term)
            language = key[0]
            # An "any" term collides with the same term in nl or en, and the other way round.
            others = ("nl", "en") if language == "any" else ("any",)
            clashes = [seen.get(key)] + [seen.get((other,) + key[1:]) for other in others]
            first = next((t for t in clashes if t is not None), None)
            if first is not None:
                problems.append(Problem(_path(term), _line(term), ERROR, "duplicate",
                                        f"{term.text!r} is already listed at {first.origin}"))
            else:
                seen[key] = term
            if key[1] == "word" and len(key[2]) == 1 and key[2][0][0] in exceptions:
                problems.append(Problem(
                    _path(term), _line(term), ERROR, "term-is-exception",
                    f"{term.text!r} is also an exception ({exceptions[key[2][0][0]]}), "
                    "so it can never match"))
            if term.category not in CATEGORIES:
                problems.append(Problem(
                    _path(term), _line(term), WARNING, "unknown-category",
                    f"category {term.category!r} is not one of the shipped categories "
                    f"({', '.join(LIST_CATEGORIES)})"))
    if not terms:
        return problems
    all_exceptions = frozenset(exceptions)
    with_exceptions = Matcher.compile(TermSet(tuple(terms), all_exceptions))
    without = Matcher.compile(TermSet(tuple(terms)))
    for term in terms:
        text = _own_text(term)
        if not text:
            continue

        def hits(matcher: Matcher) -> bool:
            return any(m.term == term.text and m.list_name == term.list_name
                       for m in matcher.find(text, language=term.language))

        if hits(with_exceptions):
            continue
        if hits(without):
            message = f"{term.text!r} is shadowed by an exception and can never match"
            code = "shadowed"
        else:
            message = f"{term.text!r} does not match its own text {text!r} after normalization"
            code = "never-matches"
        problems.append(Problem(_path(term), _line(term), ERROR, code, message))
    return problems


def _expand(paths: Iterable[Path], unlisted: list[Path] | None = None
            ) -> tuple[list[Path], list[TermFileError]]:
    """The list files of these paths and those that are missing; a folder's files that are
    no list go to ``unlisted``."""
    files: list[Path] = []
    missing: list[TermFileError] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files.extend(list_paths(path))
            if unlisted is not None:
                unlisted.extend(unlisted_files(path))
        elif path.is_file():
            files.append(path)
        else:
            missing.append(TermFileError(str(path), "no such file or folder"))
    return files, missing


def check_paths(paths: Iterable[Path]) -> CheckResult:
    """Check list files and folders of lists together (duplicates are found across files)."""
    unlisted: list[Path] = []
    files, unreadable = _expand(paths, unlisted)
    result = CheckResult(unreadable=unreadable)
    result.problems.extend(Problem(str(path), 0, WARNING, "not-a-list", UNLISTED)
                           for path in unlisted)
    loaded: list[_Loaded] = []
    for path in files:
        result.files += 1
        try:
            if path.suffix.lower() == ".txt":
                text = read_text_file(path)
                syntax = check_syntax(text, str(path))
                result.problems.extend(syntax)
                bad = {p.line for p in syntax if p.level == ERROR}
                if bad:  # check the rest of the file as if the broken lines were blank
                    text = "\n".join("" if number in bad else line
                                      for number, line in enumerate(text.splitlines(), 1))
                terms = load_text_list_from(text, path)
                exception_lines = _exception_lines(text)
            else:  # a spreadsheet: a category cell of a row, as load_lists sees it
                terms = load_wordlist_file(path)
                exception_lines = {key: 0 for key in terms.exceptions}
                result.problems.extend(Problem(_path(t), _line(t), ERROR, "reserved-category",
                                               RESERVED)
                                       for t in terms.terms if uses_reserved_category(t))
        except TermFileError as exc:
            if exc.line is None:
                result.unreadable.append(exc)
            else:
                result.problems.append(Problem(exc.path, exc.line, ERROR, "syntax", exc.message))
            continue
        if not terms.terms and not terms.exceptions:
            result.problems.append(Problem(str(path), 0, WARNING, "empty", "has no terms"))
        loaded.append(_Loaded(str(path), terms, exception_lines))
    result.terms = sum(len(item.terms) for item in loaded)
    result.problems.extend(check_terms(loaded))
    result.problems.sort()
    return result


def load_text_list_from(text: str, path: Path) -> TermSet:
    """A term file's text parsed as the loader would parse the file."""
    language, category = defaults_from_name(path.stem)
    return parse_terms(text, origin=str(path), list_name=path.stem, category=category,
                       severity=Severity.MEDIUM, language=language)


def reach(paths: Iterable[Path], languages: Iterable[str] = ("nl", "en"), *,
          top: int = 50_000) -> list[tuple[Term, str, list[str]]]:
    """The words of each language that every term matches, most frequent first.

    A term reaches further than it looks (inflections, compounds), and its false friends hide
    in that reach: running every term over the language's vocabulary is how ``moordrecht``,
    ``jaknikker`` and ``hufterproof`` were found. Returns ``(term, language, words)`` for the
    terms that match at least one word, the widest reach first.
    """
    from contentcheck.matching.compounds import vocabulary
    from contentcheck.matching.matcher import Matcher

    termset = TermSet()
    for path in _expand(paths)[0]:
        termset = termset + load_wordlist_file(path)
    found: list[tuple[Term, str, list[str]]] = []
    for language in languages:
        terms = tuple(t for t in termset.terms if t.language in (None, language))
        if not terms:
            continue
        ranks = vocabulary(language)
        words = sorted(ranks, key=ranks.__getitem__)[:top]
        matcher = Matcher.compile(TermSet(terms, termset.exceptions))
        by_name: dict[tuple[str, str], int] = {(t.text, t.list_name): i
                                               for i, t in enumerate(terms)}
        hits: dict[int, list[str]] = {}
        for word in words:
            for match in matcher.find(word, language=language):
                i = by_name[(match.term, match.list_name)]
                if not hits.get(i) or hits[i][-1] != word:
                    hits.setdefault(i, []).append(word)
        found.extend((terms[i], language, ws) for i, ws in hits.items())
    found.sort(key=lambda item: (-len(item[2]), item[0].origin))
    return found


def shipped_paths() -> list[Path]:
    """The shipped list files as paths on disk (for checking them like any other list)."""
    from importlib.resources import files

    folder = files("contentcheck.wordlists")
    return sorted(Path(str(entry)) for entry in folder.iterdir() if entry.name.endswith(".txt"))


__all__ = ["CheckResult", "Problem", "check_paths", "check_syntax", "check_terms", "reach",
           "shipped_paths", "sort_key"]
