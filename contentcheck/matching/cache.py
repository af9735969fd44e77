"""The compiled crisis terms and word lists, kept on disk between runs.

Compiling 10,000 terms takes most of a second and 100,000 take several (bench/README.md); the
watcher re-checks every few minutes with the same terms. So the compiled ``Checker`` is
pickled into the state folder's ``cache/`` and loaded by the next run whose key matches.

The key is a digest of everything that decides what the compiled checker does: the
contentcheck version and Python's, the source of the term engine (``matching/*.py``), the data
files it reads (vocabulary and lemma tables, the shipped kits), and every term's text and metadata (list,
category, severity, language, suggestion, crisis flag, origin) and the exceptions of the
crisis terms and the lists. A change in any of them is a new key, so a stale entry is never
used; the ``KEEP`` most recently used entries are kept (within ``MAX_BYTES``), older ones
removed. A scan keys its entry on the word lists' files instead (``sources_key``: their
bytes, and the code that parses them): when they did not change, their terms and warnings
come from the entry, and 10,000 lines are not parsed on every run just to find the key.

A cache file is never trusted blindly: it is read only from a folder this user owns that no
one else may write to, only when this user owns the file, only when its header names this
key and its payload digest matches; anything else (a truncated, corrupt or foreign file) is
ignored with a debug line and the terms are compiled afresh. Nothing here ever fails a scan.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import stat
import sys
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from contentcheck.gcpause import paused_gc
from contentcheck.matching.checker import Checker

if TYPE_CHECKING:
    from contentcheck.matching.terms import TermSet

log = logging.getLogger(__name__)

KEEP = 4  # entries kept: the watcher's terms, a scan's, and a crisis before and after a change
MAX_BYTES = 512 * 2**20  # and no more than this in all (100,000 terms: ~210 MiB an entry)
MAGIC = b"contentcheck-terms-cache 1\n"
PREFIX, SUFFIX = "terms-", ".pickle"
_DIGEST_SIZE = 32


@lru_cache(maxsize=1)
def _engine_digest() -> bytes:
    """The version, Python's, the term engine's source and its data files, once a process."""
    from contentcheck import __version__

    digest = hashlib.blake2b(digest_size=_DIGEST_SIZE)
    digest.update(f"{__version__}\0{sys.implementation.cache_tag}\0{pickle.HIGHEST_PROTOCOL}\0"
                  .encode())
    engine = Path(__file__).parent
    data = files("contentcheck") / "data"
    kits = files("contentcheck.wordlists") / "kits"  # their event words (checker.false_friends)
    sources = sorted(engine.glob("*.py")) + sorted(
        (entry for entry in data.iterdir()
         if entry.name.startswith(("words-", "lemmas-"))), key=lambda p: p.name) + sorted(
        (entry for entry in kits.iterdir() if entry.name.endswith(".txt")), key=lambda p: p.name)
    for source in sources:
        digest.update(source.name.encode() + b"\0")
        digest.update(source.read_bytes())
    return digest.digest()


def _add_terms(digest: "hashlib._Hash", terms: "TermSet") -> None:
    digest.update(b"\1")
    for term in terms.terms:
        fields = (term.text, term.list_name, term.category, term.severity.value,
                  term.language, term.suggestion, term.crisis, term.origin)
        digest.update(repr(fields).encode("utf-8", "surrogatepass") + b"\0")
    digest.update(b"\2" + repr(sorted(terms.exceptions)).encode("utf-8", "surrogatepass"))


def cache_key(crisis: "TermSet", lists: "TermSet") -> str:
    """A hex digest of everything that decides what ``Checker(crisis, lists)`` does."""
    digest = hashlib.blake2b(_engine_digest(), digest_size=_DIGEST_SIZE)
    for terms in (crisis, lists):
        _add_terms(digest, terms)
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _lists_code_digest() -> bytes:
    """The code that turns list files into terms (``lists/*.py``, ``records.py``): a key
    from the files' bytes must change with it, as one from the parsed terms does by itself."""
    digest = hashlib.blake2b(digest_size=_DIGEST_SIZE)
    package = Path(__file__).parents[1]
    for source in [*sorted((package / "lists").glob("*.py")), package / "records.py"]:
        digest.update(source.name.encode() + b"\0")
        digest.update(source.read_bytes())
    return digest.digest()


def sources_key(crisis: "TermSet", added: "TermSet", lists_fingerprint: bytes) -> str:
    """A hex digest of what decides ``Checker(crisis, lists + added)`` where the lists are
    still unparsed files (``lists.load.lists_fingerprint``): a scan whose lists did not
    change finds their compiled terms, and their warnings, without parsing them."""
    digest = hashlib.blake2b(_engine_digest(), digest_size=_DIGEST_SIZE)
    digest.update(b"sources\0" + _lists_code_digest())
    _add_terms(digest, crisis)
    _add_terms(digest, added)  # review words of kits and translations, a chosen kit's words
    digest.update(repr((added.warnings, sorted(added.false_friends)))
                  .encode("utf-8", "surrogatepass"))
    digest.update(b"\3" + lists_fingerprint)
    return digest.hexdigest()


def load_compiled(folder: Path, key: str) -> Checker | None:
    """The checker stored in ``folder`` under ``key`` (``sources_key``), or None."""
    return _load(Path(folder) / f"{PREFIX}{key}{SUFFIX}", key)


def compiled_checker(crisis: "TermSet", lists: "TermSet", folder: Path | None,
                     key: str | None = None) -> Checker:
    """``Checker(crisis, lists)``, loaded from ``folder`` when an entry for exactly these
    terms is there, else compiled and stored; ``folder=None`` (``--no-cache``) compiles.
    ``key``: the entry's key when the caller has one (``sources_key``), else the terms'."""
    if folder is None:
        return Checker(crisis, lists)
    try:
        key = key or cache_key(crisis, lists)
    except (OSError, ValueError) as exc:  # an engine data file that cannot be read
        log.debug("terms cache off: %s", exc)
        return Checker(crisis, lists)
    path = Path(folder) / f"{PREFIX}{key}{SUFFIX}"
    loaded = _load(path, key)
    if loaded is not None:
        return loaded
    checker = Checker(crisis, lists)
    _store(path, key, checker)
    return checker


def _owned(path: Path, *, folder: bool) -> bool:
    """Whether this user owns ``path`` and no one else may write it (POSIX; elsewhere the
    per-user profile's permissions stand in)."""
    if not hasattr(os, "getuid"):
        return True
    info = path.stat()
    if info.st_uid != os.getuid():
        return False
    return not folder or not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _load(path: Path, key: str) -> Checker | None:
    """The checker stored at ``path`` for ``key``, or None (with a debug line saying why)."""
    try:
        if not _owned(path.parent, folder=True) or not _owned(path, folder=False):
            log.debug("%s: not loaded, not owned by this user alone", path)
            return None
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.debug("%s: not loaded: %s", path, exc)
        return None
    header = MAGIC + key.encode() + b"\n"
    body = data[len(header) + _DIGEST_SIZE:]
    if (not data.startswith(header)
            or data[len(header):len(header) + _DIGEST_SIZE] != _payload_digest(body)):
        log.debug("%s: ignored (not this key, truncated or corrupt); compiling afresh", path)
        return None
    try:
        with paused_gc():  # millions of acyclic objects: the collector would triple the time
            checker = pickle.loads(body)  # a file this tool wrote, in a folder only this user writes
    except Exception as exc:  # an incompatible or damaged entry is rebuilt, never a crash
        log.debug("%s: ignored (%s: %s); compiling afresh", path, type(exc).__name__, exc)
        return None
    if not isinstance(checker, Checker):
        log.debug("%s: ignored (holds a %s)", path, type(checker).__name__)
        return None
    try:
        os.utime(path)  # recently used: kept when older entries go
    except OSError:
        pass
    log.debug("%s: compiled terms loaded", path)
    return checker


def _payload_digest(body: bytes) -> bytes:
    return hashlib.blake2b(body, digest_size=_DIGEST_SIZE).digest()


def _store(path: Path, key: str, checker: Checker) -> None:
    """Write the entry atomically and keep only the newest ``KEEP``; a folder that cannot be
    written only costs the next run a compile."""
    from contentcheck.errors import ContentcheckError
    from contentcheck.fileio import write_atomically

    folder = path.parent
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _owned(folder, folder=True):
            log.debug("%s: not written, the folder is not this user's alone", path)
            return
        with paused_gc():
            body = pickle.dumps(checker, protocol=pickle.HIGHEST_PROTOCOL)
        blob = MAGIC + key.encode() + b"\n" + _payload_digest(body) + body
        write_atomically(path, lambda temp: temp.write_bytes(blob), what="the terms cache")
    except (OSError, ContentcheckError, pickle.PicklingError, RecursionError) as exc:
        log.debug("%s: not written: %s", path, exc)
        return
    _prune(folder)


def _prune(folder: Path) -> None:
    """Keep the ``KEEP`` most recently used entries, fewer when they pass ``MAX_BYTES``
    together (the newest always stays); remove the rest."""
    entries = []
    for entry in folder.glob(f"{PREFIX}*{SUFFIX}"):
        try:
            info = entry.stat()
        except OSError:
            continue
        entries.append((info.st_mtime, info.st_size, entry))
    entries.sort(reverse=True)
    kept, total = 0, 0
    for _, size, entry in entries:
        total += size
        if kept < 1 or (kept < KEEP and total <= MAX_BYTES):
            kept += 1
            continue
        try:
            entry.unlink()
        except OSError as exc:
            log.debug("%s: not removed: %s", entry, exc)
