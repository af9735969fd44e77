"""similar-errors: a crisis names the brand's own error; every upcoming post that repeats it,
in any column and with small variations, is paused; look-alikes stay ok."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from contentcheck.checks.similar_errors import find
from tests.checks.helpers import assert_in_every_report
from tests.conftest import run, scan_json, write_csv, write_xlsx

ERRORS = ("€ 2,99", "kerstmarkt-2025.jpg", "korenaar.nl/actie-oud")
# (Bericht, Link, Afbeelding) -> what is matched, in field order
EXAMPLES = [
    # should flag
    (("Kerstpakket nu € 2,99!", None, None), ["€ 2,99"]),
    (("Kerstpakket nu €2.99!", None, None), ["€2.99"]),
    (("Kerstpakket nu €2,99", None, None), ["€2,99"]),
    (("Bekijk de markt", None, "https://cdn.korenaar.nl/img/Kerstmarkt_2025.JPG"),
     ["Kerstmarkt_2025.JPG"]),
    (("Alles over de actie", "https://www.korenaar.nl/actie-oud/", None), ["korenaar.nl/actie-oud"]),
    (("Nu €2,99: zie korenaar.nl/actie-oud", None, "kerstmarkt 2025.jpg"),
     ["€2,99", "korenaar.nl/actie-oud", "kerstmarkt 2025.jpg"]),
    (("Kerstpakket nu 2,99 euro", None, None), ["2,99 euro"]),
    (("Kerstpakket voor EUR 2,99", None, None), ["EUR 2,99"]),
    (("Kerstpakket voor maar 2.99", None, None), ["2.99"]),
    # should stay quiet
    (("Kerstpakket nu €12,99", None, None), []),
    (("Kerstpakket: 2,999 stuks op voorraad", None, None), []),
    (("Kerstpakket nu € 2,995", None, None), []),
    (("Kerstpakket nu € 3,99", None, None), []),
    (("Bekijk de markt", None, "kerstmarkt-2025.jpeg"), []),
    (("Alles over de actie", "https://www.korenaar.nl/actie-oude-prijzen", None), []),
    (("Kerstmarkt 2025 in Utrecht!", None, None), []),
]


def _declare(*errors: str) -> None:
    args = [a for error in errors for a in ("--error", error)]
    result = run("crisis", "start", "Prijsfout", *args, "--now", "2026-11-24T06:00")
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize(("fields", "matched"), EXAMPLES)
def test_examples(tmp_path: Path, fields: tuple, matched: list[str]) -> None:
    _declare(*ERRORS)
    calendar = write_xlsx(tmp_path / "kalender.xlsx", {"Planning": [
        ["Datum", "Tijd", "Kanaal", "Bericht", "Link", "Afbeelding"],
        [dt.datetime(2026, 11, 25), "09:00", "Instagram", *fields]]})
    post = scan_json(calendar)["posts"][0]
    assert [m["matched"] for m in post["matches"]] == matched
    assert post["status"] == ("pause" if matched else "ok")


def test_spans_point_into_the_original_text() -> None:
    text = "Nu  € 2.99 en € 2,99"
    assert [text[s:e] for s, e in find("€ 2,99", text)] == ["€ 2.99", "€ 2,99"]


def test_quiet_without_a_crisis_naming_an_error_and_after_it_ends(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht"], ["25-11-2026", "09:00", "X", "Nu € 2,99"]])
    assert scan_json(calendar)["posts"][0]["status"] == "ok"
    _declare("€ 2,99")
    assert scan_json(calendar)["posts"][0]["status"] == "pause"
    assert run("crisis", "end", "Prijsfout", "--now", "2026-11-24T07:00").exit_code == 0
    assert scan_json(calendar)["posts"][0]["status"] == "ok"


def test_a_crisis_of_errors_alone_is_an_active_crisis_in_the_banner(tmp_path: Path) -> None:
    _declare("€ 2,99", "kerstmarkt-2025.jpg")
    calendar = write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht"], ["25-11-2026", "09:00", "X", "Gewoon een post"]])
    report = scan_json(calendar)
    assert report["summary"]["crisis_active"] is True
    assert report["crisis"]["crises"][0]["errors"] == ["€ 2,99", "kerstmarkt-2025.jpg"]
    table = run("scan", calendar, "--now", "2026-11-24T08:00", "--timezone", "Europe/Amsterdam",
                "--no-shipped-lists").stdout
    assert "CRISIS ACTIVE (crisis Prijsfout): errors: € 2,99, kerstmarkt-2025.jpg" in table


def test_errors_are_kept_in_the_crisis_file_and_added_later(isolated_state: Path) -> None:
    result = run("crisis", "start", "Prijsfout", "--error", "€ 2,99", "--now", "2026-11-24T06:00")
    assert "0 terms, 1 error" in result.stdout
    added = run("crisis", "add", "Prijsfout", "--error", 'foto "oud".jpg', "--error", "€ 2,99",
                "--now", "2026-11-24T06:10")
    assert added.exit_code == 0 and "2 errors" in added.stdout
    text = (isolated_state / "crises" / "prijsfout.toml").read_text("utf-8")
    assert 'errors = ["€ 2,99", "foto \\"oud\\".jpg"]' in text
    shown = run("crisis", "show", "Prijsfout", "--now", "2026-11-24T06:20").stdout
    assert 'errors:  € 2,99 | foto "oud".jpg' in shown


def test_an_empty_error_is_refused(tmp_path: Path) -> None:
    result = run("crisis", "start", "Prijsfout", "--error", "  ", "--now", "2026-11-24T06:00")
    assert result.exit_code == 2 and "--error" in result.stderr


def test_a_crisis_term_and_an_error_pause_together_in_every_report(tmp_path: Path) -> None:
    result = run("crisis", "start", "Prijsfout", "--term", "prijsfout", "--error", "€ 2,99",
                 "--now", "2026-11-24T06:00")
    assert result.exit_code == 0, result.stderr
    calendar = write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht", "Link"],
        ["25-11-2026", "09:00", "X", "Kerstpakket voor €2.99", "https://korenaar.nl"]],
        encoding="utf-8")
    assert_in_every_report(tmp_path, calendar, "'€2.99' in Bericht repeats the error '€ 2,99' "
                           "named in crisis Prijsfout")
    assert_in_every_report(tmp_path, calendar, "'€2.99' in Bericht herhaalt de fout '€ 2,99' "
                           "uit crisis Prijsfout", lang="nl")


def test_explain_shows_the_repeated_error(tmp_path: Path) -> None:
    _declare("€ 2,99")
    result = run("explain", "Nu voor € 2.99", "--now", "2026-11-24T08:00", "--no-shipped-lists")
    assert ("[similar-errors, pause] '€ 2.99' in text repeats the error '€ 2,99' named in "
            "crisis Prijsfout") in result.stdout
