"""Shipped and user word lists -> one TermSet.

The shipped lists live in ``wordlists/`` (installed as ``contentcheck.wordlists``), one file per
language and category: ``nl-crime.txt``, ``en-marketing-metaphors.txt``, and ``any-*.txt`` for
words both languages use. A user adds lists of their own: term files in the same syntax, or
spreadsheets (CSV, XLSX) with the columns term, category, severity, suggestion and optionally
language, which is how a webcare team keeps such lists anyway.
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from contentcheck.lists.categories import CATEGORIES, CRISIS
from contentcheck.errors import SettingsError, TermFileError
from contentcheck.records import Severity, Term
from contentcheck.matching import TermSet, parse_terms, read_line, read_text_file

log = logging.getLogger(__name__)

LIST_SUFFIXES = (".txt", ".csv", ".xlsx")
DEFAULT_SEVERITY = Severity.MEDIUM

# Spreadsheet headers as people write them, in English and Dutch.
_COLUMNS = {
    "term": ("term", "terms", "word", "woord", "zoekterm", "trefwoord"),
    "category": ("category", "categorie", "category id", "categorie id"),
    "severity": ("severity", "ernst", "niveau", "level"),
    "suggestion": ("suggestion", "suggestie", "alternative", "alternatief"),
    "language": ("language", "taal", "lang"),
}


@dataclass(frozen=True)
class WordList:
    """One list file as loaded: its name, where it came from and what it holds."""

    name: str
    source: str
    shipped: bool
    terms: TermSet

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(sorted({t.language or "any" for t in self.terms.terms}))

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(sorted({t.category for t in self.terms.terms}))


def defaults_from_name(stem: str) -> tuple[str | None, str]:
    """``nl-crime`` -> (nl, crime); ``any-x`` -> (None, x); ``mine`` -> (None, mine)."""
    prefix, _, rest = stem.partition("-")
    if prefix in ("nl", "en", "any") and rest:
        return (None if prefix == "any" else prefix), rest
    return None, stem


def load_text_list(path: Path, *, name: str | None = None) -> TermSet:
    """A term file; its directives win over what the file name suggests."""
    stem = name or path.stem
    language, category = defaults_from_name(stem)
    return parse_terms(read_text_file(path), origin=str(path), list_name=stem,
                       category=category, severity=DEFAULT_SEVERITY, language=language)


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")  # cp1252 leaves five bytes undefined; never fail on them


def _csv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """Rows of a CSV list with the line number a person sees; ``,`` ``;`` or tab, sniffed."""
    from contentcheck.fileio import read_regular

    try:
        data = read_regular(path)
    except OSError as exc:
        raise TermFileError(str(path), exc.strerror or str(exc)) from None
    if b"\x00" in data:
        raise TermFileError(str(path), "is not a CSV file (binary data)")
    text = _decode(data)
    first = text.split("\n", 1)[0]
    try:
        delimiter = csv.Sniffer().sniff(first, delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = max(",;\t", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for row in reader:
            yield reader.line_num, row
    except csv.Error as exc:
        raise TermFileError(str(path), f"bad CSV: {exc}", line=reader.line_num) from None


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """Rows of the first sheet of a workbook, numbered as Excel shows them."""
    import zipfile

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise TermFileError(str(path), f"is not a readable XLSX workbook ({exc})") from None
    try:
        sheet = workbook.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, ["" if cell is None else str(cell) for cell in row]
    finally:
        workbook.close()


def _header_map(path: Path, line: int, header: list[str]) -> dict[str, int]:
    names = [cell.strip().lower() for cell in header]
    found: dict[str, int] = {}
    for key, aliases in _COLUMNS.items():
        for index, name in enumerate(names):
            if name in aliases:
                found[key] = index
                break
    if "term" not in found:
        raise TermFileError(str(path), "no 'term' column in the header (expected the columns "
                            "term, category, severity, suggestion)", line=line)
    return found


def load_table_list(path: Path, *, name: str | None = None) -> TermSet:
    """A CSV or XLSX list: one term a row; an empty cell takes the file name's default."""
    stem = name or path.stem
    default_language, default_category = defaults_from_name(stem)
    rows = _xlsx_rows(path) if path.suffix.lower() == ".xlsx" else _csv_rows(path)
    columns: dict[str, int] | None = None
    terms: list[Term] = []
    exceptions: set[str] = set()
    warnings: list[str] = []
    for number, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        if columns is None:
            columns = _header_map(path, number, row)
            continue

        def cell(key: str) -> str:
            index = columns.get(key)
            return row[index].strip() if index is not None and index < len(row) else ""

        term = cell("term")
        source = read_line(term)  # '# note' is a comment, '#tag' a hashtag term
        if source.warning:
            warnings.append(f"{path}:{number}: {source.warning}")
        term = source.text
        if not term:
            continue
        language = cell("language").lower() or ("any" if default_language is None
                                                  else default_language)
        suggestion = cell("suggestion")
        line = f"{term} => {suggestion}" if suggestion and not term.startswith("!") else term
        text = "\n".join([f"@language {language}", f"@severity {cell('severity') or 'medium'}",
                          line])
        try:
            parsed = parse_terms(text, origin=str(path), list_name=stem,
                                 category=cell("category") or default_category,
                                 severity=DEFAULT_SEVERITY)
        except TermFileError as exc:
            raise TermFileError(str(path), exc.message, line=number) from None
        terms.extend(replace(t, origin=f"{path}:{number}") for t in parsed.terms)
        exceptions |= parsed.exceptions
    if columns is None:
        raise TermFileError(str(path), "is empty (expected a header row with a 'term' column)")
    return TermSet(tuple(terms), frozenset(exceptions), tuple(warnings))


def load_wordlist_file(path: Path, *, name: str | None = None) -> TermSet:
    """One user or shipped list, by its extension."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".csv", ".xlsx"):
        return load_table_list(path, name=name)
    if suffix == ".xls":
        raise TermFileError(str(path), "old .xls workbooks are not supported; save as .xlsx")
    return load_text_list(path, name=name)


def list_paths(directory: Path) -> list[Path]:
    """The list files of a folder in name order; Office lock files and hidden files skipped."""
    return sorted(p for p in directory.iterdir()
                  if p.is_file() and p.suffix.lower() in LIST_SUFFIXES
                  and not p.name.startswith(("~$", ".")))


UNLISTED = (f"not read as a word list (a list is {', '.join(LIST_SUFFIXES)}); save it as one, "
            "or move it out of its folder")
# what may sit beside the lists without being one: notes about them
NOT_LISTS = (".md", ".rst", ".pdf", ".html", ".json", ".yml", ".yaml", ".toml", ".bak")


def unlisted_files(directory: Path) -> list[Path]:
    """The files of a list folder that are read as no list (``woorden.docx``, ``woorden.ods``,
    a list saved without ``.txt``): said, since their words count nowhere. Notes about the
    lists (a README), lock, hidden and backup files are left alone."""
    return sorted(p for p in Path(directory).iterdir()
                  if p.is_file() and p.suffix.lower() not in LIST_SUFFIXES + NOT_LISTS
                  and not p.name.startswith(("~$", ".")) and not p.name.endswith("~"))


def user_lists(source: Path) -> list[WordList]:
    """The lists in a user folder (or one list file)."""
    source = Path(source)
    if source.is_file():
        return [WordList(source.stem, str(source), False, load_wordlist_file(source))]
    if not source.is_dir():
        raise TermFileError(str(source), "is not a folder of word lists (or a list file)")
    return [WordList(p.stem, str(p), False, load_wordlist_file(p)) for p in list_paths(source)]


def shipped_lists() -> list[WordList]:
    """The lists in ``wordlists/``, found in normal and editable installs alike."""
    from importlib.resources import as_file, files

    result: list[WordList] = []
    entries = sorted(files("contentcheck.wordlists").iterdir(), key=lambda e: e.name)
    for entry in entries:
        if entry.name.endswith(".txt") and not entry.name.startswith("."):
            with as_file(entry) as path:
                terms = load_text_list(Path(path))
            result.append(WordList(Path(entry.name).stem, f"wordlists/{entry.name}", True,
                                   terms))
    return result


def load_wordlist_dir(directory: Path) -> TermSet:
    """Every list in a folder, in name order."""
    return _merge(user_lists(Path(directory)))


def load_shipped_lists() -> TermSet:
    return _merge(shipped_lists())


def _merge(lists: Iterable[WordList]) -> TermSet:
    result = TermSet()
    for word_list in lists:
        result = result + word_list.terms
    return result


def all_lists(extra_dirs: Iterable[Path] = (), *, shipped: bool = True) -> list[WordList]:
    """The shipped lists (unless switched off) and then every user folder, in that order."""
    result = shipped_lists() if shipped else []
    for source in extra_dirs:
        result.extend(user_lists(Path(source)))
    return result


def without_categories(termset: TermSet, disabled: Iterable[str]) -> TermSet:
    """The terms of every category but the switched-off ones. Exceptions stay: they only ever
    prevent hits, and a user list may lean on a shipped exception."""
    off = {c.strip().lower() for c in disabled if c.strip()}
    if not off:
        return termset
    return replace(termset, terms=tuple(t for t in termset.terms
                                        if t.category.lower() not in off))  # warnings kept


def lists_fingerprint(extra_dirs: Iterable[Path] = (), *, shipped: bool = True,
                      disabled_categories: Iterable[str] = ()) -> bytes | None:
    """A digest of everything ``load_lists`` reads, without parsing it: each list file's
    name, path and bytes in the order they are loaded, and the categories switched off. The
    terms cache keys on it (``matching.cache.sources_key``), so a scan whose lists did not
    change loads their compiled terms without parsing 10,000 lines. None when a folder or
    file cannot be read: then the lists are parsed, and say what is wrong."""
    import hashlib
    from importlib.resources import files

    from contentcheck.fileio import read_regular

    digest = hashlib.blake2b(digest_size=32)

    def add(name: str, where: str, data: bytes) -> None:
        digest.update(f"{name}\0{where}\0{len(data)}\0".encode("utf-8", "surrogatepass"))
        digest.update(data)

    try:
        if shipped:
            for entry in sorted(files("contentcheck.wordlists").iterdir(), key=lambda e: e.name):
                if entry.name.endswith(".txt") and not entry.name.startswith("."):
                    add("shipped", str(entry), entry.read_bytes())
        for source in map(Path, extra_dirs):
            if source.is_file():
                add("file", str(source), read_regular(source))
            elif source.is_dir():
                for path in list_paths(source):
                    add("folder", str(path), read_regular(path))
            else:
                return None  # user_lists names what is wrong
    except (OSError, ValueError):
        return None
    digest.update(b"\1" + repr(tuple(disabled_categories)).encode("utf-8", "surrogatepass"))
    return digest.digest()


def check_disabled(disabled: Iterable[str], present: Iterable[str]) -> None:
    """A switched-off category must exist, or a typo would silently switch nothing off."""
    known = set(CATEGORIES) | {c.lower() for c in present}
    unknown = sorted({c.strip().lower() for c in disabled if c.strip()} - known)
    if unknown:
        names = ", ".join(c for c in sorted(known) if c != CRISIS)
        raise SettingsError(f"unknown categor{'y' if len(unknown) == 1 else 'ies'} "
                            f"{', '.join(unknown)} to switch off (known: {names})")


def load_lists(extra_dirs: Iterable[Path] = (), *, shipped: bool = True,
               disabled_categories: Iterable[str] = ()) -> TermSet:
    """Every term the scan checks posts against (crisis terms come separately).

    Shipped lists first, then each user folder or file in ``extra_dirs``; terms of the
    ``disabled_categories`` are left out. Raises TermFileError for a list that cannot be read
    and SettingsError for a category to switch off that no list has.
    """
    disabled = tuple(disabled_categories)
    extra_dirs = [Path(source) for source in extra_dirs]
    merged = _merge(all_lists(extra_dirs, shipped=shipped))
    check_disabled(disabled, {t.category for t in merged.terms})
    result = without_categories(merged, disabled)
    unlisted = tuple(f"{path}: {UNLISTED}" for source in extra_dirs if source.is_dir()
                     for path in unlisted_files(source))
    result = replace(result, warnings=result.warnings + unlisted)
    for term in result.terms:
        if uses_reserved_category(term):
            raise TermFileError(term.origin.rsplit(":", 1)[0],
                                "the category 'crisis' is reserved for crisis terms",
                                line=_line_of(term))
    return result


def uses_reserved_category(term: Term) -> bool:
    """A word-list term in the category that only the terms of an active crisis may have."""
    return term.category == CRISIS and not term.crisis


def _line_of(term: Term) -> int | None:
    _, _, number = term.origin.rpartition(":")
    return int(number) if number.isdigit() else None
