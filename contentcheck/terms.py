"""Word-list and crisis-term files -> Term records.

PLACEHOLDER of the term syntax (issue 3 owns the full version). File syntax:
one term per line; ``#`` starts a comment (at line start, or after whitespace); blank lines are
ignored; ``@category NAME``, ``@severity low|medium|high``, ``@language nl|en|any`` set the
metadata of the lines below them; ``term => suggestion`` gives an alternative; ``!word`` is an
exception that never counts as a hit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from contentcheck.errors import TermFileError
from contentcheck.records import Severity, Term


@dataclass(frozen=True)
class TermSet:
    """Terms plus the exception words that never count as a hit."""

    terms: tuple[Term, ...] = ()
    exceptions: frozenset[str] = field(default_factory=frozenset)

    def __add__(self, other: "TermSet") -> "TermSet":
        return TermSet(self.terms + other.terms, self.exceptions | other.exceptions)

    def __len__(self) -> int:
        return len(self.terms)


def _strip_comment(line: str) -> str:
    if line.lstrip().startswith("#"):
        return ""
    for marker in (" #", "\t#"):
        cut = line.find(marker)
        if cut >= 0:
            line = line[:cut]
    return line.strip()


def parse_terms(text: str, *, origin: str, list_name: str, category: str,
                severity: Severity, language: str | None = None,
                crisis: bool = False) -> TermSet:
    """Parse the text of one term file; directives change the defaults for the lines below."""
    terms: list[Term] = []
    exceptions: set[str] = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = _strip_comment(raw.lstrip("\ufeff"))
        if not line:
            continue
        if line.startswith("@"):
            key, _, value = line[1:].partition(" ")
            value = value.strip()
            try:
                if key == "category":
                    category = value
                elif key == "severity":
                    severity = Severity.parse(value)
                elif key == "language":
                    language = None if value in ("", "any", "all") else value
                else:
                    raise ValueError(f"unknown directive @{key}")
            except ValueError as exc:
                raise TermFileError(origin, str(exc), line=number) from None
            continue
        if line.startswith("!"):
            exceptions.add(line[1:].strip().casefold())
            continue
        term, _, suggestion = line.partition("=>")
        term = term.strip()
        if not term:
            raise TermFileError(origin, "a suggestion without a term", line=number)
        terms.append(Term(text=term, list_name=list_name, category=category,
                          severity=Severity.CRISIS if crisis else severity,
                          language=language, suggestion=suggestion.strip() or None,
                          crisis=crisis, origin=f"{origin}:{number}"))
    return TermSet(tuple(terms), frozenset(exceptions))


def read_text_file(path: Path) -> str:
    """Read a UTF-8 term file (BOM allowed), with a clear error for anything else."""
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise TermFileError(str(path), "is a directory, expected a text file") from None
    except OSError as exc:
        raise TermFileError(str(path), exc.strerror or str(exc)) from None
    if b"\x00" in data:
        raise TermFileError(str(path), "is not a text file (binary data)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise TermFileError(str(path), "is not UTF-8 text", line=line) from None


def load_crisis_file(path: Path, *, name: str | None = None) -> TermSet:
    """Crisis terms: every hit pauses the post, in every language unless marked otherwise."""
    return parse_terms(read_text_file(path), origin=str(path), list_name=name or path.stem,
                       category="crisis", severity=Severity.CRISIS, crisis=True)


def crisis_terms_from_cli(terms: list[str]) -> TermSet:
    """Terms given with ``--term`` on the command line."""
    return parse_terms("\n".join(terms), origin="--term", list_name="crisis (--term)",
                       category="crisis", severity=Severity.CRISIS, crisis=True)
