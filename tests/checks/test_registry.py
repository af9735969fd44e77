"""The checks registry: every check carries its face (ID, DEFAULT, SCOPE, docs, start, describe),
has should-flag / should-stay-quiet examples, and is switched by the config."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from contentcheck.checks import CHECKS, Scope, check_config, documentation
from contentcheck.errors import SettingsError
from tests.checks.test_duplicate_post import EXAMPLES as DUPLICATE_EXAMPLES
from tests.checks.test_house_words import EXAMPLES as HOUSE_EXAMPLES
from tests.checks.test_links import EXAMPLES as LINK_EXAMPLES
from tests.checks.test_quiet_period import EXAMPLES as QUIET_EXAMPLES
from tests.checks.test_sensitive_dates import EXAMPLES as DATES_EXAMPLES
from tests.checks.test_similar_errors import EXAMPLES as SIMILAR_EXAMPLES
from tests.checks.test_spelling import EXAMPLES as SPELLING_EXAMPLES
from tests.checks.test_tone_of_voice import EXAMPLES as TONE_EXAMPLES
from tests.checks.test_unsaved_formulas import EXAMPLES as FORMULA_EXAMPLES
from tests.conftest import NOW, run, scan_json, write_xlsx

# Every check module names its table of examples here; a new check without one fails below.
EXAMPLES = {"duplicate-post": DUPLICATE_EXAMPLES, "sensitive-dates": DATES_EXAMPLES,
            "terms": "tests/test_matcher.py", "house-words": HOUSE_EXAMPLES,
            "tone-of-voice": TONE_EXAMPLES, "similar-errors": SIMILAR_EXAMPLES,
            "links": LINK_EXAMPLES, "spelling": SPELLING_EXAMPLES,
            "unsaved-formulas": FORMULA_EXAMPLES, "quiet-period": QUIET_EXAMPLES}


@pytest.mark.parametrize("check_id", list(CHECKS))
def test_every_check_has_its_face_and_user_documentation(check_id: str) -> None:
    module = CHECKS[check_id]
    assert module.ID == check_id
    assert module.DEFAULT["enabled"] in (True, False)
    assert Scope(module.SCOPE)
    assert callable(module.start) and callable(module.describe)
    doc = documentation(check_id)
    assert doc.startswith(f"{check_id}: ")
    for section in ("What it does", "Why", "Example", "Known problems"):
        assert f"\n{section}\n" in doc, f"{check_id}: its docstring lacks '{section}'"


@pytest.mark.parametrize("check_id", list(CHECKS))
def test_every_check_has_examples(check_id: str) -> None:
    assert EXAMPLES.get(check_id), f"check {check_id} has no table of examples"


def test_config_switches_a_check_and_refuses_typos() -> None:
    assert check_config({})["duplicate-post"] == {"enabled": True}
    assert check_config({"duplicate-post": {"enabled": False}})["duplicate-post"]["enabled"] is False
    with pytest.raises(SettingsError, match=r"\[checks.dubbel\]: unknown check"):
        check_config({"dubbel": {"enabled": False}}, "team.toml")
    with pytest.raises(SettingsError, match="unknown option.*enable"):
        check_config({"duplicate-post": {"enable": False}}, "team.toml")


def _twice(tmp_path: Path) -> Path:
    header = ["Datum", "Tijd", "Kanaal", "Bericht"]
    return write_xlsx(tmp_path / "kalender.xlsx", {"Planning": [
        header,
        [dt.datetime(2026, 11, 25), "09:00", "Instagram", "Nu 2 halen, 1 betalen!"],
        [dt.datetime(2026, 11, 26), "09:00", "Instagram", "Nu 2 halen,  1 betalen! "],
    ]})


def test_a_config_file_switches_the_duplicate_check_off(tmp_path: Path) -> None:
    calendar = _twice(tmp_path)
    assert [p["status"] for p in scan_json(calendar)["posts"]] == ["review", "review"]
    config = tmp_path / "contentcheck.toml"
    config.write_text("[checks.duplicate-post]\nenabled = false\n", encoding="utf-8")
    report = scan_json(calendar, "--config", config)
    assert [p["status"] for p in report["posts"]] == ["ok", "ok"]


def test_an_unknown_check_in_the_config_is_one_line_and_exit_2(tmp_path: Path) -> None:
    config = tmp_path / "contentcheck.toml"
    config.write_text("[checks.spelling-nl]\nenabled = true\n", encoding="utf-8")
    result = run("scan", _twice(tmp_path), "--config", config, "--now", NOW)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "[checks.spelling-nl]: unknown check" in result.stderr


@pytest.mark.parametrize(("table", "message"), [
    ({"links": {"enabled": "false"}}, '[checks.links] enabled must be true or false, not \'false\''),
    ({"sensitive-dates": {"shipped": "no"}}, "[checks.sensitive-dates] shipped must be true or false"),
    ({"links": {"timeout": "5"}}, "[checks.links] timeout must be a number"),
    ({"links": {"workers": True}}, "[checks.links] workers must be a whole number"),
    ({"tone-of-voice": {"names": "Korenaar"}}, "[checks.tone-of-voice] names must be a list"),
    ({"terms": {"enabled": False}}, "[checks.terms] cannot be switched off: crisis terms are always checked"),
])
def test_a_check_option_of_the_wrong_type_is_refused_naming_the_file(table: dict, message: str) -> None:
    with pytest.raises(SettingsError) as error:
        check_config(table, "team/contentcheck.toml")
    assert str(error.value).startswith("team/contentcheck.toml: ") and message in str(error.value)


def test_a_whole_number_is_a_number() -> None:
    assert check_config({"links": {"timeout": 3}})["links"]["timeout"] == 3
