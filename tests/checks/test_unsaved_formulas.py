"""unsaved-formulas: a post read from a formula cell without a saved result goes to review,
naming the column, the cell and the formula; a formula saved with its result stays quiet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.checks.helpers import assert_in_every_report
from tests.conftest import scan_json, write_xlsx

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DAY = dt.datetime(2026, 11, 25)
# (Datum, Bericht) of row 3 under a row 2 of (25-11-2026, "Met de trein naar de kerstmarkt"),
# in a workbook openpyxl wrote (no formula results) -> (column, cell) of each finding
EXAMPLES = [
    # should flag: the post's words or its date come from a formula nobody calculated
    ((DAY, '=D2&" !"'), [("Bericht", "D3")]),
    ((DAY, '="Met de bus naar "&"de markt"'), [("Bericht", "D3")]),
    (("=A2+1", "Fijne feestdagen"), [("Datum", "A3")]),
    (("=A2+1", '=D2&" !"'), [("Bericht", "D3"), ("Datum", "A3")]),
    # should stay quiet: plain values, and a text that only looks like a formula
    ((DAY, "Fijne feestdagen"), []),
    ((DAY, "'=1+1 is twee"), []),
]


def _calendar(tmp_path: Path, date: object, text: str) -> Path:
    return write_xlsx(tmp_path / "kalender.xlsx", {"Planning": [
        ["Datum", "Tijd", "Kanaal", "Bericht"],
        [DAY, "09:00", "X", "Met de trein naar de kerstmarkt"],
        [date, "10:00", "X", text]]})


@pytest.mark.parametrize(("cells", "expected"), EXAMPLES)
def test_examples(tmp_path: Path, cells: tuple, expected: list[tuple[str, str]]) -> None:
    post = next(p for p in scan_json(_calendar(tmp_path, *cells))["posts"] if p["row"] == 3)
    found = [(m["field"], m["details"]["cell"]) for m in post["matches"]
             if m["check"] == "unsaved-formulas"]
    assert sorted(found) == expected
    assert post["status"] == ("review" if expected else "ok")
    for column, cell in expected:  # the warning names the cell too (file and sheet: the post)
        assert any(w.startswith(f"column '{column}' ({cell}): a formula without a saved result")
                   for w in post["warnings"])


def test_saved_results_are_read_and_stay_quiet() -> None:
    """The same formulas saved by a spreadsheet program (LibreOffice) carry their results."""
    document = scan_json(FIXTURES / "formules-kalender.xlsx", "--term", "trein")
    posts = {p["row"]: p for p in document["posts"]}
    assert posts[3]["text"] == "Met de trein naar de kerstmarkt !"
    assert posts[3]["scheduled_at"].startswith("2026-11-25T09:00")
    assert posts[3]["status"] == "pause" and posts[5]["status"] == "ok"
    assert not any(m["check"] == "unsaved-formulas" for p in posts.values() for m in p["matches"])


def test_a_crisis_hit_still_pauses_and_the_reason_is_in_every_report(tmp_path: Path) -> None:
    calendar = _calendar(tmp_path, "=A2+1", "Volgende week de trein")
    post = next(p for p in scan_json(calendar, "--term", "trein")["posts"] if p["row"] == 3)
    assert post["status"] == "pause" and post["scheduled_at"] is None
    assert_in_every_report(tmp_path, calendar, "'Datum' (A3) is a formula without a saved "
                           "result (=A2+1): what it shows was not checked; open the file in "
                           "Excel and save it there, then scan again")
    assert_in_every_report(tmp_path, calendar, "'Datum' (A3) is een formule zonder opgeslagen "
                           "uitkomst (=A2+1)", lang="nl")


def test_it_cannot_be_switched_off(tmp_path: Path) -> None:
    from tests.conftest import run

    config = tmp_path / "contentcheck.toml"
    config.write_text("[checks.unsaved-formulas]\nenabled = false\n", encoding="utf-8")
    result = run("scan", _calendar(tmp_path, DAY, '=D2&" !"'), "--config", config)
    assert result.exit_code == 2
    assert "[checks.unsaved-formulas] cannot be switched off" in result.stderr
