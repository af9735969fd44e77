"""Shipped and user word lists -> one TermSet (PLACEHOLDER; issue 4 owns the full version).

Shipped lists live in ``wordlists/`` (installed as ``contentcheck.wordlists``); a file's
``@language``/``@category``/``@severity`` directives give its defaults, else its name does:
``nl-marketing-metaphors.txt`` is Dutch, category ``marketing-metaphors``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from contentcheck.errors import TermFileError
from contentcheck.records import Severity
from contentcheck.terms import TermSet, parse_terms, read_text_file


def load_wordlist_file(path: Path) -> TermSet:
    """One list; the file name gives the default language and category."""
    stem = path.stem
    prefix, _, rest = stem.partition("-")
    language = prefix if prefix in ("nl", "en") and rest else None
    category = rest if language else stem
    return parse_terms(read_text_file(path), origin=str(path), list_name=stem,
                       category=category, severity=Severity.MEDIUM, language=language)


def load_wordlist_dir(directory: Path) -> TermSet:
    """Every ``*.txt`` list in a folder, in name order."""
    if not directory.is_dir():
        raise TermFileError(str(directory), "is not a folder of word lists")
    result = TermSet()
    for path in sorted(directory.glob("*.txt")):
        result = result + load_wordlist_file(path)
    return result


def load_shipped_lists() -> TermSet:
    """The lists in ``wordlists/``, found in normal and editable installs alike."""
    from importlib.resources import as_file, files

    result = TermSet()
    for entry in sorted(files("contentcheck.wordlists").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".txt"):
            with as_file(entry) as path:
                result = result + load_wordlist_file(Path(path))
    return result


def load_lists(extra_dirs: Iterable[Path] = (), *, shipped: bool = True) -> TermSet:
    """The shipped lists (unless switched off) plus every user folder, in that order."""
    result = load_shipped_lists() if shipped else TermSet()
    for directory in extra_dirs:
        result = result + load_wordlist_dir(Path(directory))
    return result
