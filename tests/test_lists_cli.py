"""``contentcheck lists`` and ``contentcheck lists check``, run on the click group directly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from contentcheck.cli.lists import lists
from tests.conftest import NOW, run, write_csv, write_xlsx


def _run(*args: str):
    return CliRunner().invoke(lists, list(args))


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_lists_shows_lists_categories_and_counts() -> None:
    result = _run()
    assert result.exit_code == 0, result.output
    assert "nl-marketing-metaphors" in result.output
    assert "en-crime" in result.output
    assert "marketing-metaphors" in result.output
    assert "Violent & disaster metaphors in marketing" in result.output


def test_lists_json_and_switched_off_category(tmp_path: Path) -> None:
    _write(tmp_path / "nl-concurrenten.txt", "Korenaar\n")
    result = _run("--wordlists", str(tmp_path), "--disable-category", "marketing-metaphors",
                  "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    mine = [wl for wl in data["lists"] if wl["name"] == "nl-concurrenten"]
    assert mine == [{"name": "nl-concurrenten", "source": str(tmp_path / "nl-concurrenten.txt"),
                     "shipped": False, "languages": ["nl"], "categories": ["concurrenten"],
                     "terms": 1, "exceptions": 0}]
    categories = {c["id"]: c for c in data["categories"]}
    assert categories["marketing-metaphors"]["enabled"] is False
    assert categories["marketing-metaphors"]["terms"]["nl"] > 15
    assert categories["concurrenten"]["known"] is False


def test_lists_with_an_unreadable_folder_exits_2(tmp_path: Path) -> None:
    result = _run("--wordlists", str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert "nope" in result.output


def test_lists_with_unknown_category_to_switch_off_exits_2() -> None:
    result = _run("--disable-category", "metaforen")
    assert result.exit_code == 2
    assert "metaforen" in result.output


def test_check_shipped_lists_is_clean() -> None:
    result = _run("check")
    assert result.exit_code == 0, result.output
    assert "0 errors, 0 warnings" in result.output


def test_check_finds_every_kind_of_problem(tmp_path: Path) -> None:
    _write(tmp_path / "nl-a.txt", "\n".join([
        "@language nl",
        "@category marketing-metaphors",
        "@severity low",
        "slachtprijzen",
        "bommetje        # also an exception below: can never match",
        "Slachtprijzen   # duplicate after normalization",
        "\"  \"          ",
        "@severity enorm",
        "!bommetje",
    ]) + "\n")
    _write(tmp_path / "nl-b.txt", "@category crisis\nzebra\naap\n")
    result = _run("check", str(tmp_path))
    assert result.exit_code == 1, result.output
    out = result.output
    assert "nl-a.txt:5: error: 'bommetje' is also an exception" in out
    assert "nl-a.txt:6: error: 'Slachtprijzen' is already listed" in out
    assert "nl-a.txt:7: error:" in out and "[syntax]" in out  # a quoted nothing
    assert "nl-a.txt:8: error: unknown severity 'enorm'" in out
    assert "nl-b.txt:1: error:" in out and "[reserved-category]" in out
    assert "nl-b.txt:3: warning: 'aap' should come before 'zebra' [unsorted]" in out


def test_check_duplicates_across_files(tmp_path: Path) -> None:
    _write(tmp_path / "any-a.txt", "@language any\n@category crime\nBom\n")
    _write(tmp_path / "en-b.txt", "@language en\n@category crime\nheist\n")
    _write(tmp_path / "nl-c.txt", "@language nl\n@category crime\nbom\n")
    _write(tmp_path / "nl-d.txt", "@language nl\n@category crime\n\"heist\"\n")  # nl: not en
    _write(tmp_path / "nl-e.txt", "@language nl\n@category crime\n\"bom\"\n")
    result = _run("check", str(tmp_path))
    assert result.exit_code == 1
    assert "nl-c.txt:3: error: 'bom' is already listed at " in result.output
    assert "any-a.txt:3" in result.output
    assert "nl-e.txt:3: error: '\"bom\"' is already listed" in result.output
    assert "nl-d.txt" not in result.output


def test_check_warnings_pass_unless_strict(tmp_path: Path) -> None:
    _write(tmp_path / "x.txt", "@category mijn-eigen\nzebra\naap\n")
    assert _run("check", str(tmp_path)).exit_code == 0
    strict = _run("check", "--strict", str(tmp_path))
    assert strict.exit_code == 1
    assert "[unknown-category]" in strict.output


def test_check_term_that_normalizes_away(tmp_path: Path) -> None:
    _write(tmp_path / "x.txt", "@category crime\n...\n")
    result = _run("check", str(tmp_path))
    assert result.exit_code == 1
    assert "x.txt:2: error:" in result.output


def test_check_csv_and_xlsx(tmp_path: Path) -> None:
    _write(tmp_path / "a.csv", "term;category;severity\nslachtprijzen;marketing-metaphors;low\n"
           "bom;violence-weapons;enorm\n")
    result = _run("check", str(tmp_path / "a.csv"))
    assert result.exit_code == 1
    assert "a.csv:3: error:" in result.output


def test_check_unreadable_input_exits_2(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01")
    assert _run("check", str(tmp_path / "bin.txt")).exit_code == 2
    assert _run("check", str(tmp_path / "missing.txt")).exit_code == 2
    (tmp_path / "broken.xlsx").write_bytes(b"no zip")
    assert _run("check", str(tmp_path / "broken.xlsx")).exit_code == 2


def test_check_with_group_wordlists_and_no_shipped(tmp_path: Path) -> None:
    _write(tmp_path / "x.txt", "@category crime\nheist\n")
    result = _run("--no-shipped", "--wordlists", str(tmp_path), "check")
    assert result.exit_code == 0, result.output
    assert "checked 1 file, 1 term" in result.output


def test_reach_shows_the_false_friends_a_term_catches(tmp_path: Path) -> None:
    path = _write(tmp_path / "nl-x.txt", "@language nl\n@category crime\nmoord\n")
    result = _run("reach", str(path), "--language", "nl", "--top", "120000")
    assert result.exit_code == 0, result.output
    assert "moord  [nl," in result.output
    assert "moordrecht" in result.output.split()
    _write(path, "@language nl\n@category crime\nmoord\n!moordrecht\n")
    result = _run("reach", str(path), "--language", "nl", "--top", "120000")
    assert "moordrecht" not in result.output.split()
    assert "zelfmoord" in result.output.split()


def test_reach_filters_by_term_and_limits_words() -> None:
    result = _run("reach", "--language", "nl", "--term", "oorlog", "--limit", "3")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines and all("oorlog" in line.split("[")[0] for line in lines)
    assert "more)" in result.output


def _reserved_lists(folder: Path, kind: str) -> str:
    """A list whose third row (or line) puts a term in the reserved crisis category."""
    rows = [["term", "category", "severity"], ["slachtprijzen", "marketing-metaphors", "low"],
            ["treinramp", "crisis", "high"]]
    folder.mkdir()
    if kind == "csv":
        write_csv(folder / "nl-eigen.csv", rows)
    elif kind == "xlsx":
        write_xlsx(folder / "nl-eigen.xlsx", {"Lijst": rows})
    else:
        _write(folder / "nl-eigen.txt", "@category marketing-metaphors\nslachtprijzen\n"
               "treinramp  @category crisis\n")
    return str(folder / f"nl-eigen.{kind}")


@pytest.mark.parametrize("kind", ["csv", "xlsx", "txt"])
def test_check_finds_the_reserved_category_that_scan_refuses(tmp_path: Path, kind: str) -> None:
    path = _reserved_lists(tmp_path / "lists", kind)
    result = _run("check", str(tmp_path / "lists"))
    assert result.exit_code == 1, result.output
    assert f"{path}:3: error: the category 'crisis' is reserved for crisis terms; put them " \
           "in a crisis file [reserved-category]" in result.output
    assert f"{path}:2:" not in result.output
    assert "1 error" in result.output
    calendar = write_csv(tmp_path / "kalender.csv", [["Datum", "Tekst"],
                                                     ["2026-11-25 10:00", "Slachtprijzen!"]])
    scan = run("scan", calendar, "--wordlists", tmp_path / "lists", "--now", NOW)
    assert scan.exit_code == 2
    assert "reserved" in scan.output


def test_lists_follow_the_config_as_scan_does(tmp_path: Path) -> None:
    """With the team's contentcheck.toml, `lists` shows (and `lists check` checks) the lists a
    scan uses: the config's folders, its shipped_lists and its switched-off categories."""
    own = tmp_path / "eigen"
    own.mkdir()
    _write(own / "nl-merk.txt", "@language nl\n@category brand-safety\nconcurrent\n")
    config = _write(tmp_path / "contentcheck.toml",
                    '[scan]\nwordlists = ["eigen"]\nshipped_lists = false\n')
    shown = _run("--config", str(config), "--format", "json")
    assert shown.exit_code == 0, shown.output
    assert [wl["source"].rsplit("/", 1)[-1] for wl in json.loads(shown.output)["lists"]] == ["nl-merk.txt"]
    checked = _run("--config", str(config), "check")
    assert checked.exit_code == 0 and "nl-merk.txt" in checked.output
    _write(config, '[scan]\ndisabled_categories = ["marketing-metaphors"]\n')
    categories = json.loads(_run("--config", str(config), "--format", "json").output)["categories"]
    assert {c["id"]: c["enabled"] for c in categories}["marketing-metaphors"] is False
