"""Declared crises: one small TOML file per crisis in ``<state>/crises/``.

The on-call person declares a crisis once (``contentcheck crisis start``) and every later scan,
nightly or on demand, uses its terms until it ends or expires. The files are plain text so a
team can read, edit and version them; ended crises stay as history. A crisis file::

    name = "Treinongeluk Utrecht"
    started = 2026-11-24T07:12:00+01:00
    until = 2026-11-30T00:00:00+01:00   # optional: stops counting by itself
    ended = 2026-11-26T10:00:00+01:00   # set by `crisis end`
    hold_until = 2026-11-24T19:00:00+01:00  # optional: a quiet period, every post before it waits
    kits = ["transport-accident"]       # optional: shipped crisis kits (contentcheck.kits)
    dropped = ["instappen"]             # optional: kit terms (or singulars) the team does not want
    escalate = ["death-injury"]         # optional: list categories that pause, beyond the kits'
    terms = '''
    trein*
    spoor*
    '''

The terms use word-list syntax (comments, ``!exceptions``, ``re:``, phrases). A kit's terms are
read from the shipped kit when a scan runs, so the file says which kit a term came from. When
the crisis is the brand's own mistake, ``errors = ["€ 2,99", "kerstmarkt-2025.jpg"]`` names it:
the similar-errors check pauses every upcoming post that repeats one.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any, ContextManager

from contentcheck.errors import SettingsError, TermFileError
from contentcheck.fileio import read_regular, read_toml, write_text_atomically
from contentcheck.visible import visible
from contentcheck.wording import quoted_name as quoted
from contentcheck.matching import TermSet, parse_terms, read_line, with_list_warnings
from contentcheck.records import Severity, Term

if TYPE_CHECKING:
    from contentcheck.config import Config

log = logging.getLogger(__name__)

STATE_ENV = "CONTENTCHECK_STATE_DIR"
CRISES_DIR = "crises"
# what else the state folder keeps of the loop: the record of who decided what and was told
HISTORY_NAME = "history.sqlite3"  # the nightly check's runs, deliveries and decisions
TRAIL_INDEX = "applied-trails.json"  # apply's audit trails of copies made elsewhere


def state_records(state_dir: Path) -> dict[Path, str]:
    """The loop's records in a state folder, by path, with what each is: no report or copy
    may ever replace them."""
    folder = Path(state_dir)
    return {folder / HISTORY_NAME: "the run history",
            folder / TRAIL_INDEX: "the index of applied audit trails"}
_TERMS_LINE = re.compile(r"^terms\s*=", re.MULTILINE)


@dataclass(frozen=True)
class Crisis:
    """A declared crisis: its terms count from ``started`` until ``until`` or until ended."""

    name: str
    text: str  # the terms block as written, word-list syntax
    started: datetime
    until: datetime | None = None
    ended: datetime | None = None
    path: Path | None = None
    text_line: int = 0  # line of the file just before the terms, so errors name the right line
    kits: tuple[str, ...] = ()
    dropped: tuple[str, ...] = ()  # kit terms and singulars left out (`crisis remove`)
    escalate: tuple[str, ...] = ()  # list categories that pause while it is active
    errors: tuple[str, ...] = ()  # the brand's own mistake (a wrong price, file, link)
    hold_until: datetime | None = None  # a quiet period: every post scheduled before it waits
    unread: tuple[str, ...] = ()  # what a hand-edited file holds that could not be read

    @property
    def hold_end(self) -> datetime | None:
        """Where its quiet period ends: at its own end, or with the crisis when its ``until``
        comes first (as ``crisis start --hold`` and ``crisis hold`` say)."""
        if self.hold_until is None or self.until is None:
            return self.hold_until
        return min(self.hold_until, self.until)

    def holds(self, now: datetime) -> bool:
        """Whether its quiet period is on at ``now``: the crisis is active and the period has
        not run out (``crisis hold``; checks/quiet_period.py pauses every post before it)."""
        end = self.hold_end
        return end is not None and now < end and self.is_active(now)

    def is_active(self, now: datetime) -> bool:
        if self.ended is not None and self.ended <= now:
            return False
        return self.started <= now and (self.until is None or now < self.until)

    def status(self, now: datetime) -> str:
        """``active``, ``ended``, ``expired`` or ``scheduled`` (started in the future)."""
        if self.ended is not None and self.ended <= now:
            return "ended"
        if self.until is not None and self.until <= now:
            return "expired"
        return "active" if self.started <= now else "scheduled"

    def typed_termset(self) -> TermSet:
        """The terms written in the file (not those of its kits)."""
        origin = str(self.path) if self.path else f"crisis {self.name}"
        return with_list_warnings(parse_terms(
            "\n" * self.text_line + self.text, origin=origin, list_name=f"crisis {self.name}",
            category="crisis", severity=Severity.CRISIS, crisis=True))

    def termset(self) -> TermSet:
        """Every term that pauses a post: the typed ones, then its kits' words of the event."""
        return self.typed_termset() + self.kit_termsets()[0]

    def kit_termsets(self) -> tuple[TermSet, TermSet]:
        """(pause, review) terms of its kits, the dropped ones left out."""
        from contentcheck.kits import kit_terms

        return kit_terms(self.kits, f"crisis {self.name}", self.dropped)

    def singular_pairs(self) -> list[tuple[Term, Term]]:
        """(typed plural, its singular) for the singulars a scan adds to its terms
        (matching/singulars.py), the dropped ones left out."""
        from contentcheck.matching.singulars import singular_pairs

        return singular_pairs(self.typed_termset(), known=self.termset().terms,
                              dropped=self.dropped)

    def dropped_singulars(self) -> tuple[str, ...]:
        """The dropped words that are singulars of its typed plurals (`crisis remove`), not
        terms of its kits (those are dropped kit terms)."""
        from contentcheck.kits import get_kit, term_key
        from contentcheck.matching.singulars import singular_of

        try:
            singulars = {singular_of(term) for term in self.typed_termset().terms}
        except TermFileError:  # a hand-edited term that cannot be read: a scan names it
            return ()
        kit_words = {term_key(term) for kit in self.kits or _chosen(self)
                     for term in get_kit(kit).pause_terms() + get_kit(kit).review_terms()}
        return tuple(word for word in self.dropped
                     if word in singulars and term_key(word) not in kit_words)

    def kept_out(self) -> TermSet:
        """Its dropped words as exceptions, for the notes on its terms only: a singular the
        team removed (`crisis remove`) is not asked for again, as ``!slachtoffer`` is not."""
        from contentcheck.kits import term_key

        return TermSet((), frozenset(term_key(word) for word in self.dropped))

    def escalations(self) -> tuple[str, ...]:
        """The list categories whose hits pause while it is active: its kits' and its own."""
        from contentcheck.kits import get_kit

        kit_defaults = [c for kit in self.kits for c in get_kit(kit).escalate]
        return tuple(dict.fromkeys(kit_defaults + list(self.escalate)))

    @property
    def terms(self) -> tuple[str, ...]:
        """The term texts (exceptions and comments left out)."""
        return tuple(term.text for term in self.termset().terms)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "terms": list(self.terms), "kits": list(self.kits),
                "dropped": list(self.dropped), "escalate": list(self.escalations()),
                "started": self.started.isoformat(),
                "until": self.until.isoformat() if self.until else None,
                "ended": self.ended.isoformat() if self.ended else None,
                "hold_until": self.hold_until.isoformat() if self.hold_until else None,
                "file": str(self.path) if self.path else None, "errors": list(self.errors)}


def user_state_dir() -> Path:
    """This user's own state folder on this platform (``~/.local/state/contentcheck`` or
    ``$XDG_STATE_HOME/contentcheck`` on Linux, ``%LOCALAPPDATA%\\contentcheck`` on Windows,
    ``~/Library/Application Support/contentcheck`` on macOS)."""
    import platformdirs

    return Path(platformdirs.user_state_dir("contentcheck", appauthor=False))


def default_state_dir() -> Path:
    """``$CONTENTCHECK_STATE_DIR``, else the per-user state folder: crises are per machine and
    user unless a team points everyone at one folder."""
    if os.environ.get(STATE_ENV):
        return Path(os.environ[STATE_ENV]).expanduser()
    return user_state_dir()


def state_location(config: "Config") -> tuple[Path, str]:
    """The state folder and where that choice came from, for people to see: the config's
    ``state_dir`` (the team's shared folder), else ``$CONTENTCHECK_STATE_DIR``, else the
    per-user folder."""
    value = config.data.get("state_dir")
    if value is not None:
        if not isinstance(value, str) or not value.strip():
            raise SettingsError(f"{config.path}: state_dir must be a folder path (a string)")
        return config.resolve(value), f"state_dir in {config.path}"
    if os.environ.get(STATE_ENV):
        return default_state_dir(), f"${STATE_ENV}"
    return user_state_dir(), "the per-user state folder"


def state_dir_for(config: "Config") -> Path:
    """The state folder a config names (top-level ``state_dir``), else the default."""
    return state_location(config)[0]


def active_elsewhere(in_use: Path, now: datetime) -> list[Crisis]:
    """Active crises in the other places a crisis may have been declared (``$CONTENTCHECK_STATE_DIR``,
    the per-user folder) that a check using ``in_use`` does not see: declared before the team
    config existed, or from a shell without it. A broken folder there is not this run's problem."""
    seen = {Path(in_use).resolve()}
    found: list[Crisis] = []
    for folder in (default_state_dir(), user_state_dir()):
        if folder.resolve() in seen:
            continue
        seen.add(folder.resolve())
        try:
            found += active_crises(folder, now)
        except (SettingsError, OSError):
            continue
    return found


def slug(name: str) -> str:
    """A file name for a crisis name: ``Treinongeluk Utrecht`` -> ``treinongeluk-utrecht``.

    Letters that do not fold to ASCII (``大阪洪水``, ``Київ``) would vanish, and different names
    would share one file; such a name keeps what is readable and adds a short hash of the name
    (``crisis-3f1c9a2e``), so each name has its own file."""
    folded = unicodedata.normalize("NFKD", name.strip())
    ascii_name = folded.encode("ascii", "ignore").decode()
    readable = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:60]
    lost = any(c.isalnum() for c in folded if not c.isascii() and not unicodedata.combining(c))
    if readable and not lost:
        return readable
    digest = hashlib.sha256(unicodedata.normalize("NFC", name.strip()).casefold().encode()).hexdigest()
    return f"{readable or 'crisis'}-{digest[:8]}"


def _moment(path: Path, data: dict[str, Any], key: str, required: bool = False,
            zone: tzinfo | None = None) -> datetime | None:
    """A moment of the file. A bare date (``until = 2026-11-30``, typed as ``--until`` takes
    it) means what the option means: the whole day counts, so until the next day's start; a
    date-time without offset is in ``zone`` (the config's timezone, else this machine's)."""
    value = data.get(key)
    if value is None:
        if required:
            raise SettingsError(f"{path}: crisis file has no {key} "
                                f"(e.g. {key} = 2026-11-24T07:00:00+01:00)")
        return None
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value) if len(value) == 10 else \
                datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            pass
    if isinstance(value, date) and not isinstance(value, datetime):
        try:
            value = datetime.combine(value, time(0)) + \
                timedelta(days=1 if key in ("until", "hold_until") else 0)
        except OverflowError:  # 9999-12-31 counted whole: past the last date there is
            raise SettingsError(f"{path}: {key} {value} is too far ahead (the last day that "
                                "can be counted is 9999-12-30)") from None
    if isinstance(value, datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=zone or _local_zone())
    if not isinstance(value, datetime):
        raise SettingsError(f"{path}: {key} must be a date or date-time "
                            f"(e.g. 2026-11-24T07:00:00+01:00 or 2026-11-30), not {value!r}")
    return value


def _local_zone() -> tzinfo:
    from contentcheck.settings import resolve_timezone

    return resolve_timezone(None)


def read_crisis(path: Path, zone: tzinfo | None = None) -> Crisis:
    """One crisis file; a broken file is an error naming the file, never silently skipped.
    ``zone``: where a date-time written without offset is (see ``_moment``)."""
    crisis = read_crisis_kept(path, zone)
    if crisis.unread:
        raise SettingsError(f"{path}: {crisis.unread[0]}")
    return crisis


def read_crisis_kept(path: Path, zone: tzinfo | None = None) -> Crisis:
    """One crisis file read as far as it can be: a field, TOML line or term line typed wrong
    is left out and named in ``unread``, and everything else still counts (fail closed: a
    person's typo in ``hold_until`` must not take the crisis's terms away). A bad ``until``
    or ``ended`` is read as none (the crisis keeps counting), a bad ``started`` as long ago.
    A file that cannot be read at all is an error naming it."""
    try:
        data = read_regular(path)
    except OSError as exc:  # a FIFO or a device too: refused before it is read
        raise SettingsError(f"{path}: cannot read the crisis file: {exc.strerror or exc}") from None
    unread: list[str] = []
    raw = _decoded(path, data, unread)
    raw, data = _toml_kept(path, raw, unread)
    for key in data:
        if key not in _KEYS:
            unread.append(f"unknown key {key!r} left out (known: {', '.join(_KEYS)})")
    terms = data.get("terms", "")
    text_line = 0
    if isinstance(terms, list) and all(isinstance(t, str) for t in terms):
        terms = "\n".join(terms)
    elif isinstance(terms, str):
        found = _TERMS_LINE.search(raw)
        text_line = raw.count("\n", 0, found.start()) + 1 if found else 0
    else:
        unread.append("terms must be a text block (terms = '''...'''); none read")
        terms = ""
    name = data.get("name") or path.stem
    if not isinstance(name, str):
        unread.append(f"name must be a string; read as {path.stem!r}")
        name = path.stem
    errors = data.get("errors", [])
    if not isinstance(errors, list) or not all(isinstance(e, str) and e.strip() for e in errors):
        unread.append("errors must be a list of texts (errors = [\"€ 2,99\"]); "
                      "the texts that are read still count")
        errors = [e for e in errors if isinstance(e, str) and e.strip()] \
            if isinstance(errors, list) else []
    moments = {key: _moment_kept(path, data, key, zone, unread)
               for key in ("started", "until", "ended", "hold_until")}
    return Crisis(name=name, text=_terms_kept(path, name, terms, text_line, unread),
                  started=moments["started"] or _LONG_AGO, until=moments["until"],
                  ended=moments["ended"], hold_until=moments["hold_until"],
                  path=path, text_line=text_line, kits=_names(path, data, "kits", unread),
                  dropped=_names(path, data, "dropped", unread),
                  escalate=_names(path, data, "escalate", unread),
                  errors=tuple(errors), unread=tuple(unread))


def _decoded(path: Path, data: bytes, unread: list[str]) -> str:
    """The file's text: UTF-8, or UTF-16 with its mark (Notepad's "Unicode"); a file Notepad
    saved as "ANSI" is read as Windows-1252, said in ``unread``, so its terms still pause."""
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data:
            raise SettingsError(f"{path}: cannot read the crisis file: {exc}") from None
        line = data[:exc.start].count(b"\n") + 1
        unread.append(f"line {line} is not UTF-8 (saved as ANSI?): read as Windows-1252; save "
                      "it as UTF-8")
        return data.decode("cp1252", errors="replace")


_KEYS = ("name", "started", "until", "ended", "hold_until", "kits", "dropped", "escalate",
         "errors", "terms")
_LONG_AGO = datetime(1970, 1, 1, tzinfo=timezone.utc)  # a started that cannot be read: counts
_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")
_OPEN_TERMS = re.compile(r"^terms\s*=\s*('{3}|\"{3})[^\n]*\n(?![\s\S]*\1)", re.MULTILINE)
_MOST_LEFT_OUT = 20  # TOML lines left out before a file counts as unreadable


def _toml_kept(path: Path, raw: str, unread: list[str]) -> tuple[str, dict[str, Any]]:
    """The TOML of the file with each line that is not TOML (``hold_until = tomorrow``) left
    out and named: the rest of the file still counts. Line numbers stay as written."""
    lines = raw.split("\n")
    for _ in range(_MOST_LEFT_OUT):
        try:
            return "\n".join(lines), read_toml("\n".join(lines))
        except ValueError as exc:
            at = _TOML_LINE.search(str(exc))
            number = int(at.group(1)) if at else 0
            opened = _OPEN_TERMS.search("\n".join(lines))
            if opened and "at end of document" in str(exc) and lines[-1] != opened.group(1):
                unread.append(f"the terms block is not closed (its {opened.group(1)} at the end "
                              "is missing); read to the end of the file")
                lines.append(opened.group(1))  # every line after it is a term, as meant
                continue
            if not 0 < number <= len(lines) or not lines[number - 1].strip():
                raise SettingsError(f"{path}: not valid TOML: {exc}") from None
            unread.append(f"not valid TOML at line {number} ({_TOML_LINE.sub('', str(exc)).strip()}),"
                          f" left out: {visible(lines[number - 1].strip())}")
            lines[number - 1] = ""
    raise SettingsError(f"{path}: not valid TOML: more than {_MOST_LEFT_OUT} lines cannot be read")


def _moment_kept(path: Path, data: dict[str, Any], key: str, zone: tzinfo | None,
                 unread: list[str]) -> datetime | None:
    """A moment of the file, or None with the reason in ``unread``."""
    try:
        return _moment(path, data, key, required=key == "started", zone=zone)
    except SettingsError as exc:
        unread.append(str(exc).removeprefix(f"{path}: ") + {
            "started": "; read as long ago (the crisis counts)",
            "until": "; read as no end (the crisis keeps counting)",
            "ended": "; read as not ended (the crisis keeps counting)",
            "hold_until": "; NO quiet period holds until it is fixed"}[key])
        return None


def _terms_kept(path: Path, name: str, text: str, text_line: int, unread: list[str]) -> str:
    """The terms block with each line the term parser cannot read blanked and named, so
    every other term still pauses (line numbers stay as written)."""
    lines = text.split("\n")
    for _ in range(len(lines) + 1):
        try:
            parse_terms("\n" * text_line + "\n".join(lines), origin=str(path),
                        list_name=f"crisis {name}", category="crisis", severity=Severity.CRISIS,
                        crisis=True)
            break
        except TermFileError as exc:
            index = (exc.line or 0) - text_line - 1
            if not 0 <= index < len(lines) or not lines[index].strip():
                unread.append(f"{exc.message}; no term of it read")
                return ""
            unread.append(f"line {exc.line}: {exc.message}, left out")
            lines[index] = ""
    return "\n".join(lines)


def _names(path: Path, data: dict[str, Any], key: str, unread: list[str]) -> tuple[str, ...]:
    """A list of strings (kits, dropped terms, categories), checked so a typo is named; the
    names that are known still count."""
    value = data.get(key, [])
    if isinstance(value, str) and key != "dropped":  # kits = "flood-storm": the one kit counts
        unread.append(f"{key} must be a list of strings ({key} = [{_string(value)}]); "
                      "read as that list")
        value = [value]
    elif not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        unread.append(f"{key} must be a list of strings (e.g. {key} = [\"...\"]); "
                      + ("the strings in it still count" if key != "dropped" else
                         "none is dropped (every term counts)"))
        value = [v for v in value if isinstance(v, str)] \
            if isinstance(value, list) and key != "dropped" else []
    if key == "dropped":
        return tuple(value)
    from contentcheck.kits import check_categories, get_kit

    kept = []
    for name in value:
        try:
            kept.append(name if key == "kits" and get_kit(name) else
                        check_categories([name], key)[0])
        except SettingsError as exc:  # "unknown kit ..." names no file by itself
            unread.append(f"{key}: {str(exc).removeprefix('escalate: ')}; left out")
    return tuple(dict.fromkeys(kept)) if key == "escalate" else tuple(kept)


def render(crisis: Crisis) -> str:
    """The file text for a crisis, written by a TOML writer (every character escaped as TOML
    needs) and read back before it is saved: a crisis file is never left unreadable. The terms
    stay a literal block (no escaping, easy to edit by hand) whenever TOML allows one."""
    import tomli_w

    moments = [f"{key} = {moment.isoformat(timespec='seconds')}\n" for key, moment in
               (("started", crisis.started), ("until", crisis.until), ("ended", crisis.ended),
                ("hold_until", crisis.hold_until))
               if moment is not None]
    lists = {key: list(getattr(crisis, key)) for key in ("kits", "dropped", "escalate", "errors")
             if getattr(crisis, key)}
    body = crisis.text if not crisis.text or crisis.text.endswith("\n") else crisis.text + "\n"
    if "\'\'\'" not in body and all(c in "\n\t" or (c >= " " and c != "\x7f") for c in body):
        terms = f"terms = \'\'\'\n{body}\'\'\'\n"
    else:
        terms = tomli_w.dumps({"terms": body}, multiline_strings=True)
    text = ("# A crisis declared with `contentcheck crisis start`; edit freely, the terms use\n"
            "# word-list syntax. Delete `ended` to reopen it.\n"
            + f"name = {_string(crisis.name)}\n" + "".join(moments)
            + "".join(f"{key} = [{', '.join(map(_string, values))}]\n"
                      for key, values in lists.items()) + terms)
    try:
        written = read_toml(text)
    except ValueError as exc:  # pragma: no cover - the writer's job; checked all the same
        raise SettingsError(f"crisis {crisis.name!r} cannot be saved as TOML: {exc}") from None
    if written.get("name") != crisis.name or written.get("terms") != body or \
            any(written.get(key) != value for key, value in lists.items()):
        raise SettingsError(f"crisis {crisis.name!r} does not read back as written; not saved")
    return text


def _string(value: str) -> str:
    """A TOML string as the TOML writer escapes it (quotes, backslashes, control characters)."""
    import tomli_w

    return tomli_w.dumps({"v": value})[len("v = "):].rstrip("\n")


def check_typed(what: str, text: str) -> None:
    """Refuse control characters in a typed crisis name or term: they match nothing, a
    vertical tab would cut a term in two, and an escape sequence would reach every terminal
    that lists the crisis."""
    bad = next((c for c in text if unicodedata.category(c) == "Cc" and c not in "\n\t"), None)
    if bad is not None:
        raise SettingsError(f"{what} {visible(text.strip())!r} holds a control character "
                            f"(U+{ord(bad):04X}); type it without")


def _write(path: Path, text: str) -> None:
    """Atomically, so a watcher reading the folder never sees half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SettingsError(f"{path.parent}: cannot make the state folder: {exc.strerror or exc}") from None
    write_text_atomically(path, text, what="the crisis file")


# the names a crisis file may have been saved under: read, and the name that is not .toml said,
# so a crisis a person saved from Notepad (ramp.toml.txt) still pauses
_CRISIS_SUFFIXES = (".toml", ".toml.txt")


def all_crises(state_dir: Path, problems: list[str] | None = None,
               zone: tzinfo | None = None) -> list[Crisis]:
    """Every crisis file in the state folder, oldest first. A file that cannot be read is
    skipped with a warning naming it (added to ``problems`` when given): the other crises
    still count, and one bad file never stops every later scan."""
    folder = Path(state_dir) / CRISES_DIR
    if not folder.is_dir():
        return []
    crises = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or not path.name.lower().endswith(_CRISIS_SUFFIXES):
            continue
        if not path.name.endswith(".toml"):  # Notepad's ramp.toml.txt, a copied RAMP.TOML
            _problem(problems, f"{path}: read as a crisis file; name it "
                     f"{path.name[:path.name.lower().rindex('.toml')]}.toml")
        try:
            crisis = read_crisis_kept(path, zone)
        except SettingsError as exc:
            _problem(problems, f"crisis file skipped: {exc}")
            continue
        crises.append(crisis)
        counts = ("the rest of crisis " + crisis.name + " still counts" if crisis.terms
                  or crisis.errors else "crisis " + crisis.name + " has no term left: it "
                  "pauses nothing")
        for what in crisis.unread:
            _problem(problems, f"crisis file {path}: {what}; {counts}: fix the file")
    return sorted(crises, key=lambda c: (c.started, c.name))


def _problem(problems: list[str] | None, warning: str) -> None:
    if problems is None:
        log.warning("%s", warning)
    else:
        problems.append(warning)


EXPIRED_NOTICE = timedelta(days=3)  # how long a scan says that a crisis's --until has passed


@dataclass(frozen=True)
class Declared:
    """Every crisis file of a state folder as read at one moment. A scan reads the folder once
    and takes its pauses, its CRISIS ACTIVE header and its warnings (a crisis active now but
    not at ``--now``, one that expired by itself) from this one reading: a crisis file saved
    while the scan runs cannot make them disagree."""

    crises: tuple[Crisis, ...] = ()

    def active(self, now: datetime) -> list[Crisis]:
        """The crises active at ``now``: started, not ended, not past their ``until``."""
        return [crisis for crisis in self.crises if crisis.is_active(now)]

    def scheduled(self, now: datetime) -> list[Crisis]:
        """The crises that start later than ``now`` (a ``started`` typed ahead, a day late):
        left out until then, said out loud, as an expired one is."""
        return [crisis for crisis in self.crises if crisis.status(now) == "scheduled"]

    def recently_expired(self, now: datetime) -> list[Crisis]:
        """The crises whose ``until`` passed in the last three days without anyone ending
        them: a crisis that stops counting by itself is said out loud (its posts would look
        ok again). One declared again under its name (a later crisis of that name, active or
        ended since) is left alone: people saw it and acted."""
        return [crisis for crisis in self.crises
                if crisis.status(now) == "expired" and crisis.until is not None
                and now - crisis.until <= EXPIRED_NOTICE
                and not any(other.name.casefold() == crisis.name.casefold()
                            and other.started > crisis.started for other in self.crises)]


def read_declared(state_dir: Path, problems: list[str] | None = None,
                  zone: tzinfo | None = None) -> Declared:
    """The state folder's crises, read once (a file that cannot be read: see ``all_crises``).
    A named state folder (the config's ``state_dir``, ``$CONTENTCHECK_STATE_DIR``) that is not
    there is said in ``problems``: a team's shared folder not reachable from this machine, or
    a typo in its path, read as "no crisis declared", silently."""
    if problems is not None and not reachable(Path(state_dir)):
        problems.append(f"state folder {state_dir} does not exist: no crisis declared in it "
                        "counts in this check (a shared folder not reachable from here? a typo "
                        "in state_dir?); if it is new, make it (or declare a crisis: "
                        "contentcheck crisis start)")
    return Declared(tuple(all_crises(state_dir, problems, zone)))


def reachable(state_dir: Path) -> bool:
    """Whether a state folder is there, or is this user's own (made when it is first used)."""
    return state_dir.is_dir() or state_dir == user_state_dir()


def active_crises(state_dir: Path, now: datetime, problems: list[str] | None = None) -> list[Crisis]:
    """The crises active at ``now``: started, not ended, not past their ``until``."""
    return read_declared(state_dir, problems, now.tzinfo).active(now)


def find(state_dir: Path, name: str, now: datetime) -> Crisis:
    """The crisis with this name (or file name); an active one before any ended namesake."""
    key = name.strip().casefold()
    found = [c for c in all_crises(state_dir, zone=now.tzinfo)
             if c.name.casefold() == key or (c.path is not None and c.path.stem == slug(name))]
    if not found:
        known = ", ".join(c.name for c in active_crises(state_dir, now)) or "none active"
        raise SettingsError(f"no crisis named {name!r} (known: {known}; "
                            "see `contentcheck crisis list --all`)")
    active = [c for c in found if c.is_active(now)]
    return (active or found)[-1]


def _parse_check(name: str, text: str) -> None:
    """Refuse terms that would break every later scan, before they are saved."""
    for line in text.split("\n"):
        check_typed("crisis term", line)
    try:
        parse_terms(text, origin="--term", list_name=f"crisis {name}", category="crisis",
                    severity=Severity.CRISIS, crisis=True)
    except TermFileError as exc:
        raise SettingsError(str(exc)) from None


def start(state_dir: Path, name: str, text: str, now: datetime,
          until: datetime | None = None, kits: tuple[str, ...] = (),
          escalate: tuple[str, ...] = (), errors: tuple[str, ...] = (),
          hold_until: datetime | None = None) -> Crisis:
    """Declare a crisis; a name in use by an active crisis is refused (use ``add``), an ended
    namesake is kept as history and the new one gets its own file."""
    from contentcheck.kits import check_categories, get_kit

    if not name.strip():
        raise SettingsError("a crisis needs a name")
    check_typed("crisis name", name)
    if until is not None and until <= now:
        raise SettingsError(f"--until {until.isoformat()} is not in the future")
    if hold_until is not None and hold_until <= now:
        raise SettingsError(f"--hold {hold_until.isoformat()} is not in the future")
    typed = [read_line(line).text.strip() for line in text.splitlines()]
    if not kits and not errors and not any(term and not term.startswith("!") for term in typed):
        # an exception ('!trein': the on-call person's "trein!") is no term: a crisis of
        # exceptions only would be a CRISIS ACTIVE that pauses nothing
        raise SettingsError("a crisis needs at least one term (--term, --terms-file or --kit) "
                            "or error (--error)" + (": '!word' is an exception, not a term"
                                                    if any(typed) else ""))
    kits = tuple(dict.fromkeys(get_kit(kit).name for kit in kits))
    escalate = check_categories(escalate, "--escalate")
    _parse_check(name, text)
    folder = Path(state_dir) / CRISES_DIR
    with _changing(state_dir):
        for crisis in active_crises(state_dir, now):  # "brand-moerdijk" is "Brand Moerdijk"
            if slug(crisis.name) == slug(name):
                raise SettingsError(f"crisis {crisis.name!r} is already active; add terms with "
                                    f"`contentcheck crisis add {crisis.name!r} --term ...`")
        base, number = slug(name), 1
        path = folder / f"{base}.toml"
        while path.exists():
            number += 1
            path = folder / f"{base}-{number}.toml"
        return _save(Crisis(name=name.strip(), text=text, started=now, until=until, path=path,
                            kits=kits, escalate=escalate, errors=tuple(dict.fromkeys(errors)),
                            hold_until=hold_until))


def add_terms(state_dir: Path, name: str, text: str, now: datetime, kits: tuple[str, ...] = (),
              escalate: tuple[str, ...] = (), errors: tuple[str, ...] = ()) -> Crisis:
    """Add terms, kits, escalated categories or errors to an active crisis; its terms block
    (comments too) is kept as written. A term added by hand that a kit had is dropped no longer."""
    from contentcheck.kits import check_categories, get_kit, term_key

    _parse_check(name, text)
    kits = tuple(get_kit(kit).name for kit in kits)
    escalate = check_categories(escalate, "--escalate")
    with _changing(state_dir):
        crisis = _editable(find(state_dir, name, now))
        if not crisis.is_active(now):
            raise SettingsError(f"crisis {crisis.name!r} is {crisis.status(now)}; "
                                + _reopen_hint(crisis, now))
        known = {term.text.casefold() for term in crisis.typed_termset().terms}
        lines = [line for line in text.splitlines() if line.strip()]
        fresh = "".join(f"{line}\n" for line in lines
                        if line.strip().casefold() not in known)  # a term given twice is kept once
        added = {term_key(line) for line in lines}
        body = crisis.text if not crisis.text or crisis.text.endswith("\n") else crisis.text + "\n"
        return _save(replace(
            crisis, text=body + fresh, kits=tuple(dict.fromkeys(crisis.kits + kits)),
            escalate=tuple(dict.fromkeys(crisis.escalate + escalate)),
            dropped=tuple(t for t in crisis.dropped if term_key(t) not in added),
            errors=tuple(dict.fromkeys(crisis.errors + errors))))


SINGULAR_SOURCE = "the singular of "  # remove_term's source for a typed plural's singular
TRANSLATION_SOURCE = "the translation of "  # and for a typed term's translation


def remove_term(state_dir: Path, name: str, term: str, now: datetime) -> tuple[Crisis, str]:
    """Drop a term from an active crisis: a typed term's line goes from the terms block, a
    kit term or a typed plural's singular is recorded in ``dropped`` (the kit itself is shipped,
    never edited), a typed term's translation becomes an exception line (``!train``, as the
    docs say to keep one out). Returns the crisis and where the term came from (``typed``, the
    kit's name, ``SINGULAR_SOURCE`` and the plural, or ``TRANSLATION_SOURCE`` and the term)."""
    from contentcheck.kits import get_kit, term_key
    from contentcheck.translations import translations_of

    key = term_key(term)
    with _changing(state_dir):
        crisis = _editable(find(state_dir, name, now))
        if not crisis.is_active(now):
            raise SettingsError(f"crisis {crisis.name!r} is {crisis.status(now)}")
        lines = crisis.text.splitlines(keepends=True)
        kept = [line for line in lines if term_key(_bare(line)) != key]
        if len(kept) < len(lines):
            if not crisis.kits and not crisis.errors and not any(map(_bare, kept)):
                # a crisis of no terms pauses nothing, with no banner saying so
                raise SettingsError(
                    f"{term!r} is the last term of crisis {crisis.name!r}: without it the "
                    f"crisis pauses nothing; add the term that replaces it first (crisis add "
                    f"{quoted(crisis.name)} --term ...), or end it: contentcheck crisis end "
                    f"{quoted(crisis.name)}")
            return _save(replace(crisis, text="".join(kept))), "typed"
        for kit in crisis.kits or _chosen(crisis):
            terms = get_kit(kit).pause_terms() + get_kit(kit).review_terms()
            found = next((t for t in terms if term_key(t) == key), None)
            if found is not None and key not in {term_key(t) for t in crisis.dropped}:
                bare = found.strip('"')
                return _save(replace(crisis, dropped=crisis.dropped + (bare,))), kit
        for plural, singular in crisis.singular_pairs():  # slachtoffer (slachtoffers)
            if term_key(singular.text) == key:
                return (_save(replace(crisis, dropped=crisis.dropped + (singular.text,))),
                        f"{SINGULAR_SOURCE}{plural.text!r}")
        for typed, translation in translations_of(crisis.typed_termset(),
                                                  known=crisis.termset().terms):
            if term_key(translation.text) == key:  # train (trein*): kept out as !train
                body = crisis.text if crisis.text.endswith("\n") or not crisis.text \
                    else crisis.text + "\n"
                return (_save(replace(crisis, text=f"{body}!{term_key(translation.text)}\n")),
                        f"{TRANSLATION_SOURCE}{typed.text!r}")
        raise SettingsError(f"crisis {crisis.name!r} has no term {term!r} "
                            f"(see `contentcheck crisis show {crisis.name!r}`)")


def _chosen(crisis: Crisis) -> tuple[str, ...]:
    """The kits a scan chooses from the typed terms of a crisis that names none: their
    words are the crisis's too, and one the team does not want is dropped like a kit's."""
    from contentcheck.kit_choice import choose_kits

    try:
        return tuple(choice.kit.name for choice in choose_kits(crisis.typed_termset(), crisis.name))
    except TermFileError:  # a hand-edited term that cannot be read: no kit is chosen
        return ()


def _bare(line: str) -> str:
    """The term a line of the terms block holds, as the term parser reads it ("" for none)."""
    try:
        parsed = parse_terms(line, origin="", list_name="", category="crisis",
                             severity=Severity.CRISIS, crisis=True)
    except TermFileError:
        return ""
    return parsed.terms[0].text if parsed.terms else ""


def end(state_dir: Path, name: str, now: datetime) -> Crisis:
    """Record the end; the file stays, as history. An expired crisis is ended at its
    ``until`` (when it stopped counting): the person confirms it is over, and the scans'
    warning that it stopped by itself (``recently_expired``) stops."""
    with _changing(state_dir):
        crisis = _editable(find(state_dir, name, now))
        if crisis.status(now) == "expired":
            return _save(replace(crisis, ended=crisis.until))
        if not crisis.is_active(now):
            raise SettingsError(f"crisis {crisis.name!r} is already {crisis.status(now)}")
        return _save(replace(crisis, ended=now))


def extend(state_dir: Path, name: str, until: datetime, now: datetime) -> Crisis:
    """Give an active or expired crisis a later ``until``: one whose until passed unended
    counts again, its file and name kept. An ended crisis was closed by a person; it is
    declared again with ``crisis start``."""
    if until <= now:
        raise SettingsError(f"--until {until.isoformat()} is not in the future")
    with _changing(state_dir):
        crisis = _editable(find(state_dir, name, now))
        if crisis.status(now) not in ("active", "expired", "scheduled"):
            raise SettingsError(f"crisis {crisis.name!r} is {crisis.status(now)}; "
                                + _reopen_hint(crisis, now))
        return _save(replace(crisis, until=until))


def hold(state_dir: Path, name: str, until: datetime | None, now: datetime) -> Crisis:
    """Start, move or (``until`` None) lift the quiet period of an active crisis: until then
    every upcoming post waits, whatever its words (checks/quiet_period.py)."""
    if until is not None and until <= now:
        raise SettingsError(f"--hold {until.isoformat()} is not in the future")
    with _changing(state_dir):
        crisis = _editable(find(state_dir, name, now))
        if not crisis.is_active(now):
            raise SettingsError(f"crisis {crisis.name!r} is {crisis.status(now)}; "
                                + _reopen_hint(crisis, now))
        return _save(replace(crisis, hold_until=until))


def _editable(crisis: Crisis) -> Crisis:
    """A crisis whose file can be rewritten: one holding a field or line that could not be
    read is refused, since saving it would drop that line silently (the person's typo is
    theirs to fix; the rest of the crisis counts meanwhile)."""
    if crisis.unread:
        raise SettingsError(f"{crisis.path}: {crisis.unread[0]}; fix the file first (it is "
                            "left as written, and the terms it can read still count)")
    return crisis


def _reopen_hint(crisis: Crisis, now: datetime) -> str:
    """What to type for a crisis that no longer counts."""
    if crisis.status(now) == "expired":
        return f"if it is not over, extend it: {extend_command(crisis)}"
    return f"declare it again: contentcheck crisis start {quoted(crisis.name)} --term ..."


def extend_command(crisis: Crisis) -> str:
    """The command that makes an expired crisis count again."""
    return f"contentcheck crisis extend {quoted(crisis.name)} --until DATE"


def _changing(state_dir: Path) -> ContextManager[None]:
    """Read-modify-write under a lock, so two on-call people adding terms lose none."""
    from contentcheck.locks import exclusive

    return exclusive(Path(state_dir) / "crises.lock")


def _save(crisis: Crisis) -> Crisis:
    assert crisis.path is not None
    _write(crisis.path, render(crisis))
    return read_crisis(crisis.path)
