"""Compiled terms kept on disk (matching/cache.py): the same report with and without the cache,
a damaged entry rebuilt, every term field in the key, a bounded folder, and a switch to turn
it off. Real files: a cp1252 CSV, the sample crisis file and the shipped lists."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

import pytest

from contentcheck import workers
from contentcheck.matching import cache
from contentcheck.records import Severity
from contentcheck.scan import load_terms
from contentcheck.settings import TermSources
from tests.conftest import NOW, run, write_csv

CRISIS = Path(__file__).parent.parent / "samples" / "crisis-treinongeluk.txt"
TEXTS = [
    "Met de trein naar de kerstmarkt? Plan je reis op tijd.",  # the crisis file
    "Killer deals dit weekend in al onze winkels!",  # a shipped list
    "Het ongeluk zit in een klein hoekje: wij helpen je graag.",
    "Nieuwe wintercollectie: warme truien voor het hele gezin.",
]


@pytest.fixture
def calendar(tmp_path: Path) -> Path:
    rows: list[list[object]] = [["Datum", "Tijd", "Kanaal", "Tekst"]]
    rows += [[f"{24 + n % 5}-11-2026", f"{9 + n % 8}:00", "Instagram", f"{TEXTS[n % 4]} ({n})"]
             for n in range(40)]
    return write_csv(tmp_path / "kalender.csv", rows)


def _report(tmp_path: Path, calendar: Path, name: str, *extra: str) -> bytes:
    out = tmp_path / f"{name}.json"
    result = run("scan", calendar, "--crisis", CRISIS, "--now", NOW, "--timezone",
                 "Europe/Amsterdam", "--all", "--format", "json", "-o", out, *extra)
    assert result.exit_code == 1, result.output
    return out.read_bytes()


def _entries(state: Path) -> list[Path]:
    return sorted((state / "cache").glob("terms-*.pickle"))


def test_the_report_is_the_same_with_and_without_the_cache(
        tmp_path: Path, calendar: Path, isolated_state: Path) -> None:
    fresh = _report(tmp_path, calendar, "no-cache", "--no-cache")
    assert _entries(isolated_state) == []  # --no-cache writes nothing
    stored = _report(tmp_path, calendar, "stored")
    [entry] = _entries(isolated_state)
    loaded = _report(tmp_path, calendar, "loaded")
    assert fresh == stored == loaded
    assert b'"crisis":true' in fresh and b'"crisis":false' in fresh
    assert _entries(isolated_state) == [entry]  # the second run used it, wrote nothing new


def test_a_loaded_entry_is_what_was_stored(caplog: pytest.LogCaptureFixture,
                                           isolated_state: Path) -> None:
    crisis, lists = load_terms(TermSources(crisis_files=(CRISIS,)))
    folder = isolated_state / "cache"
    cache.compiled_checker(crisis, lists, folder)
    with caplog.at_level(logging.DEBUG, logger="contentcheck.matching.cache"):
        loaded = cache.compiled_checker(crisis, lists, folder)
    assert "compiled terms loaded" in caplog.text
    assert len(loaded) == len(crisis) + len(lists)


@pytest.mark.parametrize("damage", ["truncated", "flipped", "garbage", "empty", "other key"])
def test_a_damaged_entry_is_ignored_and_rebuilt(tmp_path: Path, calendar: Path,
                                                isolated_state: Path, damage: str,
                                                caplog: pytest.LogCaptureFixture) -> None:
    good = _report(tmp_path, calendar, "good")
    [entry] = _entries(isolated_state)
    data = entry.read_bytes()
    damaged = {"truncated": data[: len(data) // 2],
               "flipped": data[:-10] + bytes([data[-10] ^ 0xFF]) + data[-9:],
               "garbage": b"\x80\x05not a pickle at all",
               "empty": b"",
               "other key": data.replace(entry.stem[len("terms-"):].encode(), b"0" * 64, 1)}[damage]
    entry.write_bytes(damaged)
    with caplog.at_level(logging.DEBUG, logger="contentcheck.matching.cache"):
        assert _report(tmp_path, calendar, "again") == good
    assert "compiling afresh" in caplog.text
    assert entry.read_bytes() == data  # rebuilt and stored again


def test_a_valid_pickle_under_the_wrong_key_is_not_loaded(isolated_state: Path) -> None:
    """An entry renamed to another key's name: its header names its own key, so it is refused."""
    crisis, lists = load_terms(TermSources(crisis_files=(CRISIS,)))
    folder = isolated_state / "cache"
    cache.compiled_checker(crisis, lists, folder)
    [entry] = folder.glob("terms-*.pickle")
    other, _ = load_terms(TermSources(crisis_terms=("storm",)))
    entry.rename(folder / f"terms-{cache.cache_key(other, lists)}.pickle")
    checker = cache.compiled_checker(other, lists, folder)
    assert [t.text for t in checker.crisis_terms.terms] == ["storm"]


def test_every_term_field_and_the_exceptions_are_in_the_key() -> None:
    crisis, lists = load_terms(TermSources(crisis_files=(CRISIS,)))
    base = cache.cache_key(crisis, lists)
    first = lists.terms[0]
    changes = {"text": first.text + "x", "list_name": "other", "category": "other",
               "severity": Severity.HIGH if first.severity is not Severity.HIGH else Severity.LOW,
               "language": "en" if first.language != "en" else "nl",
               "suggestion": "iets anders", "crisis": not first.crisis, "origin": "elders:1"}
    for name, value in changes.items():
        changed = dataclasses.replace(first, **{name: value})
        other = dataclasses.replace(lists, terms=(changed, *lists.terms[1:]))
        assert cache.cache_key(crisis, other) != base, name
    fewer = dataclasses.replace(lists, exceptions=lists.exceptions - {min(lists.exceptions)})
    assert cache.cache_key(crisis, fewer) != base
    # the same terms as crisis terms rather than list words are another checker
    assert cache.cache_key(lists, crisis) != base
    assert cache.cache_key(crisis, lists) == base


def test_the_folder_keeps_only_the_newest_entries(isolated_state: Path) -> None:
    _, lists = load_terms(TermSources(shipped_lists=False, crisis_terms=("x",)))
    folder = isolated_state / "cache"
    for word in ("storm", "brand", "trein", "overstroming", "aanslag", "stroomstoring"):
        crisis, _ = load_terms(TermSources(crisis_terms=(word,), shipped_lists=False))
        cache.compiled_checker(crisis, lists, folder)
    assert len(list(folder.glob("terms-*.pickle"))) == cache.KEEP


def test_the_folder_stays_within_its_size(isolated_state: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Entries that together pass MAX_BYTES go, oldest first; the newest always stays."""
    _, lists = load_terms(TermSources(shipped_lists=False, crisis_terms=("x",)))
    folder = isolated_state / "cache"
    monkeypatch.setattr(cache, "MAX_BYTES", 1)
    for word in ("storm", "brand", "trein"):
        crisis, _ = load_terms(TermSources(crisis_terms=(word,), shipped_lists=False))
        cache.compiled_checker(crisis, lists, folder)
    assert [p.name for p in folder.glob("terms-*.pickle")] == \
        [f"terms-{cache.cache_key(crisis, lists)}.pickle"]


def test_scan_cache_false_in_the_config_switches_it_off(tmp_path: Path, calendar: Path,
                                                        isolated_state: Path) -> None:
    config = tmp_path / "contentcheck.toml"
    config.write_text("[scan]\ncache = false\n", encoding="utf-8")
    _report(tmp_path, calendar, "off", "--config", str(config))
    assert _entries(isolated_state) == []


def test_a_folder_others_may_write_is_not_read(isolated_state: Path,
                                               caplog: pytest.LogCaptureFixture) -> None:
    crisis, lists = load_terms(TermSources(crisis_files=(CRISIS,)))
    folder = isolated_state / "cache"
    cache.compiled_checker(crisis, lists, folder)
    folder.chmod(0o777)
    with caplog.at_level(logging.DEBUG, logger="contentcheck.matching.cache"):
        cache.compiled_checker(crisis, lists, folder)
    assert "not owned by this user alone" in caplog.text
    assert "compiled terms loaded" not in caplog.text


def test_spawned_workers_load_the_cached_terms(tmp_path: Path, isolated_state: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """--jobs with workers that cannot fork: each builds the checks, from the cache."""
    rows: list[list[object]] = [["Datum", "Tijd", "Kanaal", "Tekst"]]
    rows += [[f"{24 + n % 5}-11-2026", "10:00", "Instagram", f"{TEXTS[n % 4]} ({n})"]
             for n in range(600)]
    big = write_csv(tmp_path / "groot.csv", rows)
    monkeypatch.setattr(workers, "CHUNK", 200)
    one = _report(tmp_path, big, "one", "--jobs", "1", "--no-cache")
    monkeypatch.setattr(workers, "_method", lambda: "spawn")
    assert _report(tmp_path, big, "spawned", "--jobs", "2") == one
    assert len(_entries(isolated_state)) == 1


def _lists_report(tmp_path: Path, calendar: Path, lists: Path, name: str, *extra: str) -> dict:
    import json

    out = tmp_path / f"{name}.json"
    run("scan", calendar, "--wordlists", lists, "--no-shipped-lists", "--now", NOW,
        "--timezone", "Europe/Amsterdam", "--all", "--format", "json", "-o", out, *extra)
    return json.loads(out.read_text(encoding="utf-8"))


def test_a_list_from_the_cache_keeps_its_sizes_and_warnings(
        tmp_path: Path, calendar: Path, isolated_state: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A scan keys the entry on the list files' bytes: the second run loads it without
    parsing the lists, and reports their sizes and warnings as the first did."""
    from contentcheck.lists import load

    lists = tmp_path / "lijsten"
    lists.mkdir()
    (lists / "winkel.txt").write_bytes("killer\ntruien #winter\nhoekje\n".encode("cp1252"))
    fresh = _lists_report(tmp_path, calendar, lists, "fresh", "--no-cache")
    assert fresh["lists"] == {"winkel": 3}
    assert any("'#winter' after the term is read as a comment" in w for w in fresh["warnings"])
    assert _lists_report(tmp_path, calendar, lists, "stored") == fresh

    def parsed(*args: object, **kwargs: object) -> None:
        raise AssertionError("the lists were parsed although the cache holds them")

    monkeypatch.setattr(load, "load_lists", parsed)
    assert _lists_report(tmp_path, calendar, lists, "loaded") == fresh
    assert len(_entries(isolated_state)) == 1


def test_a_changed_list_file_is_read_again(tmp_path: Path, calendar: Path,
                                           isolated_state: Path) -> None:
    """The same size and the same time stamp, other bytes: the other terms are found."""
    import os

    lists = tmp_path / "lijsten"
    lists.mkdir()
    words = lists / "winkel.txt"
    words.write_text("killer\n", encoding="utf-8")
    before = words.stat()
    first = _lists_report(tmp_path, calendar, lists, "first")
    assert {m["term"] for p in first["posts"] for m in p["matches"]} == {"killer"}
    words.write_text("hoekje\n", encoding="utf-8")  # as many bytes
    os.utime(words, ns=(before.st_atime_ns, before.st_mtime_ns))
    second = _lists_report(tmp_path, calendar, lists, "second")
    assert {m["term"] for p in second["posts"] for m in p["matches"]} == {"hoekje"}
    assert second == _lists_report(tmp_path, calendar, lists, "fresh", "--no-cache")
    # a list added to the folder, and a category switched off, are other entries too
    (lists / "extra.txt").write_text("truien\n", encoding="utf-8")
    third = _lists_report(tmp_path, calendar, lists, "third")
    assert third["lists"] == {"extra": 1, "winkel": 1}
    assert _lists_report(tmp_path, calendar, lists, "off", "--disable-category", "extra")[
        "lists"] == {"winkel": 1}


def test_a_spawned_worker_gets_the_key_not_the_loaded_checker(isolated_state: Path) -> None:
    """The check context crosses to a spawned worker pickled: without the checker the parent
    loaded (it loads it from the cache by the key instead)."""
    import pickle

    from contentcheck.scan import check_context, crisis_and_review_terms, lists_or_compiled

    sources = TermSources(crisis_files=(CRISIS,))
    crisis, review = crisis_and_review_terms(sources)
    folder = isolated_state / "cache"
    lists, key, compiled = lists_or_compiled(sources, crisis, review, folder)
    assert key is not None and compiled is None  # nothing stored yet
    cache.compiled_checker(crisis, lists, folder, key)
    lists, again, compiled = lists_or_compiled(sources, crisis, review, folder)
    assert again == key and compiled is not None
    context = check_context(NOW, crisis, lists, [], cache_dir=folder, terms_key=key,
                            compiled=compiled)
    sent = pickle.loads(pickle.dumps(context))
    assert sent.compiled is None and sent.terms_key == key and context.compiled is compiled
