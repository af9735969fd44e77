"""The scan command end to end: JSON contract, window, statuses, formats, exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import NOW, run, scan_json, sha256, write_csv


def test_json_contract(dutch_calendar: Path) -> None:
    doc = scan_json(dutch_calendar, "--term", "trein")
    assert doc["window"] == {"start": "2026-11-24T08:00:00+01:00", "end": "2026-12-01T08:00:00+01:00"}
    assert doc["calendars"][0]["path"] == str(dutch_calendar)
    assert doc["calendars"][0]["sheets"] == ["November", "December"]
    rows = {(p["sheet"], p["row"]): p for p in doc["posts"]}
    # in the window and not published/cancelled; undated kept; past, published, cancelled and
    # after-the-window posts are left out
    assert set(rows) == {("November", 5), ("November", 6), ("November", 12), ("December", 3),
                         ("December", 4), ("December", 5), ("December", 6)}
    first = rows[("November", 5)]
    assert first["status"] == "pause"
    assert first["scheduled_at"] == "2026-11-24T09:30:00+01:00"
    assert first["channel"] == "Instagram"
    assert first["source"] == str(dutch_calendar)
    match = first["matches"][0]
    assert {"term", "matched", "field", "start", "end", "list", "category", "severity"} <= set(match)
    assert match["field"] == "Bericht" and match["matched"] == "trein"
    assert first["text"][match["start"]:match["end"]] == "trein"
    assert rows[("November", 6)]["matches"][0]["field"] == "Afbeelding (alt-tekst)"
    assert rows[("November", 12)]["matches"][0]["field"] == "Eerste reactie"
    assert rows[("December", 5)]["scheduled_at"] is None and rows[("December", 5)]["warnings"]
    assert rows[("December", 6)]["status"] == "ok" and rows[("December", 6)]["matches"] == []
    assert doc["summary"]["pause"] == 5 and doc["summary"]["upcoming"] == 7
    assert doc["crisis"]["active"] is True and doc["crisis"]["terms"] == ["trein", "train"]


def test_posts_are_ordered_pause_review_ok_then_by_date(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "k.csv", [
        ["Datum", "Tijd", "Bericht"],
        ["25-11-2026", "10:00", "gewoon bericht"], ["26-11-2026", "10:00", "storm op komst"],
        ["27-11-2026", "10:00", "mooi weer"], ["24-11-2026", "12:00", "nog een storm"],
        ["24-11-2026", "09:00", "zonnig"]])
    lists = tmp_path / "lists"
    lists.mkdir()
    (lists / "weer.txt").write_text("@category disasters-accidents\nmooi\n", encoding="utf-8")
    doc = scan_json(path, "--term", "storm", "--wordlists", lists)
    assert [(p["status"], p["row"]) for p in doc["posts"]] == [
        ("pause", 5), ("pause", 3), ("review", 4), ("ok", 6), ("ok", 2)]


def test_days_until_and_all(dutch_calendar: Path) -> None:
    one_day = scan_json(dutch_calendar, "--days", "1")
    assert {(p["sheet"], p["row"]) for p in one_day["posts"]} == {
        ("November", 5), ("November", 6), ("December", 5)}
    until = scan_json(dutch_calendar, "--until", "2026-11-27")
    assert ("December", 3) in {(p["sheet"], p["row"]) for p in until["posts"]}
    assert ("December", 4) not in {(p["sheet"], p["row"]) for p in until["posts"]}
    everything = scan_json(dutch_calendar, "--all")
    assert len(everything["posts"]) == 11 and everything["window"] == {"start": None, "end": None}


def test_exit_codes(dutch_calendar: Path) -> None:
    base = ["scan", dutch_calendar, "--now", NOW, "--timezone", "Europe/Amsterdam",
            "--no-shipped-lists"]
    assert run(*base).exit_code == 0
    assert run(*base, "--term", "trein").exit_code == 1
    assert run(*base, "--term", "trein", "--exit-zero").exit_code == 0
    assert run(*base, "--days", "1", "--all").exit_code == 2
    assert run(*base, "--now", "morgen").exit_code == 2


def test_crisis_file_and_table_output(dutch_calendar: Path, tmp_path: Path) -> None:
    crisis = tmp_path / "crisis.txt"
    crisis.write_text("# Treinongeluk, 24-11-2026\ntrein  # alle treinen\n", encoding="utf-8")
    result = run("scan", dutch_calendar, "--crisis", crisis, "--now", NOW,
                 "--timezone", "Europe/Amsterdam", "--no-shipped-lists")
    assert result.exit_code == 1
    out = result.stdout
    assert out.index("PAUSE") < out.index("upcoming posts")
    assert "CRISIS ACTIVE" in out and "kalender.xlsx [November] row 5" in out
    assert "n.t.b." in out  # the undated post's warning is shown


def test_highlights_on_a_terminal(dutch_calendar: Path) -> None:
    from click.testing import CliRunner

    from contentcheck.cli.main import main

    result = CliRunner().invoke(main, ["scan", str(dutch_calendar), "--term", "trein", "--now", NOW,
                                       "--timezone", "Europe/Amsterdam", "--no-shipped-lists"],
                                color=True)
    assert "\x1b[" in result.stdout
    assert "Met de \x1b[31m\x1b[1m\x1b[4mtrein\x1b[0m naar de kerstmarkt!" in result.stdout


def test_csv_report_keeps_formulas_as_text(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "k.csv", [["Datum", "Bericht"], ["25-11-2026", "=HYPERLINK(\"x\")"],
                                          ["25-11-2026", "@collega's: trein"]])
    out = tmp_path / "report.csv"
    result = run("scan", path, "--term", "trein", "--now", NOW, "--timezone", "Europe/Amsterdam",
                 "--no-shipped-lists", "--output", out, "--csv-delimiter", ",")
    assert result.exit_code == 1
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [r["text"] for r in rows] == ["'@collega's: trein", "'=HYPERLINK(\"x\")"]
    assert rows[0]["status"] == "pause" and rows[0]["row"] == "3"


@pytest.mark.parametrize("locale_name,delimiter", [("nl_NL.UTF-8", ";"), ("de_DE.UTF-8", ";"),
                                                   ("en_US.UTF-8", ","), ("C.UTF-8", ",")])
def test_csv_report_opens_in_the_readers_excel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               locale_name: str, delimiter: str) -> None:
    """Dutch Excel splits a CSV at ";" and reads UTF-8 only after a byte-order mark: the file
    starts with one, and the delimiter follows the locale's decimal comma."""
    for variable in ("LC_ALL", "LC_NUMERIC"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", locale_name)
    path = write_csv(tmp_path / "k.csv", [["Datum", "Bericht"], ["25-11-2026", "Café, trein; 3,5 km"]])
    out = tmp_path / "report.csv"
    run("scan", path, "--term", "trein", "--now", NOW, "--timezone", "Europe/Amsterdam",
        "--no-shipped-lists", "--output", out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfstatus" + delimiter.encode())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=delimiter))
    assert rows[0]["text"] == "Café, trein; 3,5 km" and rows[0]["status"] == "pause"
    other = ";" if delimiter == "," else ","
    run("scan", path, "--term", "trein", "--now", NOW, "--timezone", "Europe/Amsterdam",
        "--no-shipped-lists", "--output", out, "--csv-delimiter", other)
    assert out.read_bytes().startswith(b"\xef\xbb\xbfstatus" + other.encode())


def test_output_is_never_an_input_and_inputs_stay_unchanged(dutch_calendar: Path) -> None:
    before = sha256(dutch_calendar)
    result = run("scan", dutch_calendar, "--now", NOW, "--format", "json", "-o", dutch_calendar)
    assert result.exit_code == 2
    assert "is one of the calendars being scanned" in result.stderr
    assert sha256(dutch_calendar) == before


def test_json_to_file_is_written_whole(dutch_calendar: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = run("scan", dutch_calendar, "--now", NOW, "--timezone", "Europe/Amsterdam",
                 "--no-shipped-lists", "-o", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["upcoming"] == 7
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report")] == []


def test_several_calendars_in_one_run(dutch_calendar: Path, tmp_path: Path) -> None:
    other = write_csv(tmp_path / "other.csv", [["Datum", "Bericht"], ["25-11-2026", "trein"]])
    doc = scan_json(dutch_calendar, other, "--term", "trein")
    assert {c["path"] for c in doc["calendars"]} == {str(dutch_calendar), str(other)}
    assert doc["calendars"][1]["kind"] == "csv" and doc["calendars"][1]["delimiter"] == ";"
    assert any(p["source"] == str(other) for p in doc["posts"])


@pytest.mark.parametrize("flag,expected_row", [("--dayfirst", None), ("--monthfirst", 2)])
def test_dayfirst_flags(tmp_path: Path, flag: str, expected_row: int | None) -> None:
    path = write_csv(tmp_path / "d.csv", [["Date", "Post"], ["11/25/2026", "x"], ["01/12/2026", "y"]],
                     delimiter=",")
    result = run("scan", path, "--now", NOW, "--timezone", "Europe/Amsterdam", "--format", "json",
                 "--no-shipped-lists", flag)
    if expected_row is None:
        assert result.exit_code == 0
        doc = json.loads(result.stdout)
        # "11/25/2026" cannot be day-first: kept, undated, last; "01/12/2026" is 1 December
        assert [(p["row"], p["scheduled_at"]) for p in doc["posts"]] == [
            (3, "2026-12-01T00:00:00+01:00"), (2, None)]
    else:
        doc = json.loads(result.stdout)
        assert [p["row"] for p in doc["posts"]] == [expected_row]


def test_shipped_lists_and_switching_a_category_off(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "k.csv", [["Datum", "Bericht"], ["25-11-2026", "Slachtprijzen op alles!"]])
    base = ["scan", path, "--now", NOW, "--timezone", "Europe/Amsterdam", "--format", "json"]
    flagged = json.loads(run(*base).stdout)["posts"][0]
    assert flagged["status"] == "review"
    assert flagged["matches"][0]["category"] == "marketing-metaphors"
    quiet = run(*base, "--disable-category", "marketing-metaphors")
    assert quiet.exit_code == 0 and json.loads(quiet.stdout)["posts"][0]["status"] == "ok"
    wrong = run(*base, "--disable-category", "nonsense")
    assert wrong.exit_code == 2 and "unknown category" in wrong.stderr


def test_every_command_is_registered() -> None:
    result = run("--help")
    for command in ("scan", "apply", "crisis", "explain", "lists", "watch"):
        assert f"  {command} " in result.stdout
    assert "'trein'" in run("explain", "Met de trein", "--term", "trein", "--no-shipped").stdout


def test_html_report_is_self_contained_and_escaped(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "k.csv", [["Datum", "Bericht", "Hashtags"],
                                          ["25-11-2026", "<script>alert(1)</script> met de trein", "#trein"],
                                          ["26-11-2026", "Gewone post", ""]])
    out = tmp_path / "r.html"
    result = run("scan", path, "--term", "trein", "--no-shipped-lists", "--now", NOW,
                 "--timezone", "Europe/Amsterdam", "-o", out, "--lang", "en")
    assert result.exit_code == 1
    page = out.read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<mark class=crisis>trein</mark>" in page and "<b>Hashtags:</b> #<mark class=crisis>trein</mark>" in page
    assert "CRISIS ACTIVE" in page and "http" not in page.split("</style>")[0]
    assert page.index("met de") < page.index("Gewone post")   # flagged first, ok folded below
    assert oct(out.stat().st_mode & 0o777) != "0o600"          # not left private by mkstemp


def test_csv_report_carries_what_json_does(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "k.csv", [["Datum", "Bericht", "Hashtags"],
                                          ["25-11-2026", "Met de trein", "#treinreis"]])
    result = run("scan", path, "--term", "trein", "--no-shipped-lists", "--now", NOW,
                 "--timezone", "Europe/Amsterdam", "--format", "csv")
    row = next(csv.DictReader(io.StringIO(result.stdout)))
    assert row["status"] == "pause" and row["matched_fields"] == "Bericht | Hashtags"
    assert row["other_fields"] == "Hashtags: #treinreis" and row["crisis"] == "'--term"  # never a formula
    assert row["categories"] == "crisis" and row["row"] == "2" and "crisis term" in row["reasons"]


@pytest.mark.parametrize("term,text", [("Moordrecht", "Goedemorgen Moordrecht!"),
                                       ("bomen", "Pas op voor vallende bomen"),
                                       ("brandweer", "Bedankt brandweer!")])
def test_a_crisis_term_wins_over_a_shipped_exception(tmp_path: Path, term: str, text: str) -> None:
    path = write_csv(tmp_path / "k.csv", [["Datum", "Bericht"], ["25-11-2026", text]])
    base = ["scan", path, "--now", NOW, "--timezone", "Europe/Amsterdam", "--format", "json"]
    assert json.loads(run(*base).stdout)["posts"][0]["status"] == "ok"   # the exception holds
    assert json.loads(run(*base, "--term", term).stdout)["posts"][0]["status"] == "pause"


def test_exceptions_still_guard_a_crisis_terms_wider_reach(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "k.csv", [["Datum", "Bericht"], ["25-11-2026", "Per ongeluk te veel besteld"],
                                          ["25-11-2026", "Ongeluk op de A2"]])
    doc = json.loads(run("scan", path, "--now", NOW, "--timezone", "Europe/Amsterdam",
                         "--format", "json", "--term", "ongeluk").stdout)
    assert {p["row"]: p["status"] for p in doc["posts"]} == {2: "ok", 3: "pause"}


def test_the_overridden_exception_still_holds_for_the_word_lists(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "k.csv", [["Datum", "Bericht"], ["25-11-2026", "Goedemorgen Moordrecht!"]])
    doc = json.loads(run("scan", path, "--now", NOW, "--timezone", "Europe/Amsterdam",
                         "--format", "json", "--term", "Moordrecht").stdout)
    assert [(m["term"], m["category"]) for m in doc["posts"][0]["matches"]] == [("Moordrecht", "crisis")]


def test_a_utf16_crisis_file_from_notepad(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "k.csv", [["Datum", "Bericht"], ["25-11-2026", "Met de trein"]])
    crisis = tmp_path / "crisis.txt"
    crisis.write_bytes("# Notepad 'Unicode'\r\ntrein\r\n".encode("utf-16"))
    doc = json.loads(run("scan", path, "--crisis", crisis, "--no-shipped-lists", "--now", NOW,
                         "--timezone", "Europe/Amsterdam", "--format", "json").stdout)
    assert doc["posts"][0]["status"] == "pause"


def test_an_over_long_post_is_cut_in_the_excel_report(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "k.csv", [["Datum", "Bericht"], ["25-11-2026", "trein " * 7000]])
    out = tmp_path / "r.xlsx"
    result = run("scan", path, "--term", "trein", "--no-shipped-lists", "--now", NOW,
                 "--timezone", "Europe/Amsterdam", "-o", out)
    assert result.exit_code == 1 and "Warning" not in result.stderr
    text = openpyxl.load_workbook(out)["Flagged"]["F2"].value  # Post text
    assert len(text) <= 32_767 and text.endswith("[... cut: too long for Excel]")


def test_a_hit_far_down_an_over_long_post_stays_visible_in_the_excel_report(tmp_path: Path) -> None:
    """Cutting only the end hid a hit past Excel's 32,767 characters: the reviewer read the
    reason and could not find the word. The cell now holds the hits with text around them."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock

    filler = "Alles over onze nieuwe collectie, de aanbiedingen en de openingstijden. " * 600
    text = "Begin. " + filler + "Met de trein naar de kerstmarkt! " + filler + "Einde."
    path = write_csv(tmp_path / "k.csv", [["Datum", "Bericht"], ["25-11-2026", text]])
    out = tmp_path / "r.xlsx"
    result = run("scan", path, "--term", "trein", "--no-shipped-lists", "--now", NOW,
                 "--timezone", "Europe/Amsterdam", "-o", out)
    assert result.exit_code == 1, result.stderr
    cell = openpyxl.load_workbook(out, rich_text=True)["Flagged"]["F2"].value
    assert isinstance(cell, CellRichText) and len(text) > 80_000
    shown = str(cell)
    assert len(shown) < 2_000 and shown.count("[...]") == 2
    bold = [run.text for run in cell if isinstance(run, TextBlock) and run.font.b]
    assert bold == ["trein"]


def test_explain_agrees_with_scan_on_crisis_terms_over_exceptions() -> None:
    out = run("explain", "Goedemorgen Moordrecht!", "--term", "Moordrecht").stdout
    assert "1 match:" in out and "term 'Moordrecht'" in out and "'moord'" not in out.split("suppressed")[0]


@pytest.mark.parametrize("term,text", [("brand Moordrecht", "Grote brand in Moordrecht? Wij helpen"),
                                       ('"storm velt bomen"', "Storm velt bomen in het park"),
                                       ("storm bomen", "Storm velt bomen in het park"),
                                       ("Moordrecht*", "De Moordrechtse kermis gaat door")])
def test_multiword_and_wildcard_crisis_terms_win_over_exceptions_too(tmp_path: Path, term: str,
                                                                      text: str) -> None:
    path = write_csv(tmp_path / "k.csv", [["Datum", "Bericht"], ["25-11-2026", text]])
    doc = json.loads(run("scan", path, "--now", NOW, "--timezone", "Europe/Amsterdam",
                         "--format", "json", "--term", term).stdout)
    assert doc["posts"][0]["status"] == "pause"


def test_explain_uses_the_active_crises_like_scan(isolated_state: Path) -> None:
    from datetime import datetime, timezone

    from contentcheck import crisis as crises

    crises.start(isolated_state, "Treinongeluk", "trein\n", datetime(2026, 1, 1, tzinfo=timezone.utc))
    assert "term 'trein'" in run("explain", "Met de trein naar de kerstmarkt!").stdout
    assert "0 matches" in run("explain", "Met de trein", "--no-active-crises", "--no-shipped").stdout
    # --now, as scan --now: the crisis was not declared yet on 1 December 2025
    assert "0 matches" in run("explain", "Met de trein", "--no-shipped", "--now", "2025-12-01").stdout
    assert "term 'trein'" in run("explain", "Met de trein", "--no-shipped", "--now", "2026-02-01").stdout


def test_json_report_has_one_line_per_post_and_survives_a_lone_surrogate() -> None:
    """orjson writes the posts; a text it refuses (a lone surrogate, which no file we read
    holds but a caller's own Post may) is written escaped by the standard library instead."""
    from datetime import datetime, timezone

    from contentcheck.records import Post, PostField, Status, Verdict
    from contentcheck.report.json_report import render
    from contentcheck.scan import ScanResult

    def verdict(row: int, text: str) -> Verdict:
        post = Post(source="k.csv", sheet=None, row=row, channel="X", status=None,
                    scheduled_at=datetime(2026, 11, 25, 9, tzinfo=timezone.utc),
                    fields=(PostField("Bericht", text),))
        return Verdict(post=post, status=Status.OK)

    texts = ["Met de 🚂 naar de kerstmarkt", "broken \ud800 text", "café"] * 1500  # > one batch
    result = ScanResult(now=datetime(2026, 11, 24, tzinfo=timezone.utc), window=None,
                        calendars=[], verdicts=[verdict(i + 2, t) for i, t in enumerate(texts)])
    report = render(result)
    lines = report.splitlines()
    assert len([line for line in lines if line.startswith('    {"source"')]) == len(texts)
    posts = json.loads(report)["posts"]
    assert [p["text"] for p in posts] == texts and [p["row"] for p in posts][-1] == len(texts) + 1
    assert "\\ud800" in report and "🚂" in report  # escaped where it must be, UTF-8 elsewhere


def test_a_crisis_term_typed_in_the_plural_gets_a_hint(tmp_path: Path) -> None:
    """Under pressure people type `--term treinen`: it finds treinen, not trein. Where the
    singular could be another word (treinen is a verb too, Huizen is a town, doden is not
    doodgewoon) the scan says so and the person decides; a plural that is only a plural
    (overstromingen) finds its singular (matching/singulars.py)."""
    rows = [["Datum", "Bericht"], ["25-11-2026", "De trein van 8 uur rijdt weer"],
            ["25-11-2026", "Nieuwe treinen op het spoor"], ["25-11-2026", "Ons huis in Huizen"],
            ["25-11-2026", "Na de overstroming blijft de winkel dicht"]]
    calendar = write_csv(tmp_path / "kalender.csv", rows)
    doc = scan_json(calendar, "--term", "treinen", "--term", "overstromingen", "--term", "Huizen",
                    "--term", "aanslag", "--term", "aanslagen")
    assert {post["row"]: post["status"] for post in doc["posts"]} == {
        2: "ok", 3: "pause", 4: "pause", 5: "pause"}
    hints = [w for w in doc["warnings"] if "is a plural" in w]
    assert hints == [
        "crisis term 'treinen' is a plural: it finds treinen and its forms, not 'trein'; add "
        "that as a term to find the singular too"]
    table = run("scan", calendar, "--term", "treinen", "--now", NOW, "--timezone",
                "Europe/Amsterdam", "--no-shipped-lists", "--lang", "en").stdout
    assert "crisis term 'treinen' is a plural" in table
    said = run("explain", "De trein", "--term", "treinen", "--no-shipped-lists").stdout
    assert "0 matches" in said and "note:     crisis term 'treinen' is a plural" in said


def test_a_word_list_says_what_it_means_and_apostrophe_s_is_no_compound(tmp_path: Path) -> None:
    """A plural in a curated list stays a plural (its authors chose it); and collega's,
    Malaga's, agenda's are not colle|gas, mala|gas, agen|das."""
    lists = tmp_path / "lijsten"
    lists.mkdir()
    (lists / "nl-test.txt").write_text("@language nl\n@category test\noverstromingen\n",
                                       encoding="utf-8")
    calendar = write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Bericht"], ["25-11-2026", "Overstroming in Valkenburg"],
        ["25-11-2026", "Welkom nieuwe collega's uit Malaga's zon, zet het in je agenda's"]])
    doc = scan_json(calendar, "--wordlists", lists, "--term", "gas", "--term", "das")
    assert [post["status"] for post in doc["posts"]] == ["ok", "ok"]


def test_the_table_speaks_dutch_when_asked(dutch_calendar: Path) -> None:
    """The on-call person reading the table during an incident is usually Dutch."""
    base = ("scan", dutch_calendar, "--term", "trein", "--no-shipped-lists", "--now", NOW,
            "--timezone", "Europe/Amsterdam")
    dutch = run(*base, "--lang", "nl").stdout
    assert dutch.startswith("contentcheck: berichten van 24-11-2026 08:00 tot 01-12-2026 08:00")
    assert "CRISIS ACTIEF" in dutch and "\nPAUZE      di 24-11-2026 09:30  Instagram" in dutch
    assert "-> 'trein' in Bericht raakt crisisterm 'trein'" in dutch
    assert "komende berichten:" in dutch and "[November] rij 5" in dutch
    english = run(*base, "--lang", "en").stdout
    assert english.startswith("contentcheck: posts from")
    assert "\nPAUSE  Tue 24-11-2026 09:30  Instagram" in english and "[November] row 5" in english
    assert "matches crisis term 'trein'" in english and "upcoming posts:" in english


def _flagged_report(tmp_path: Path, posts: int = 2) -> tuple[Path, tuple]:
    """A review report of ``posts`` flagged posts (xlsx calendar) and the scan that wrote it."""
    from tests.conftest import write_xlsx

    calendar = write_xlsx(tmp_path / "kal.xlsx", {"Planning": [
        ["Datum", "Tijd", "Kanaal", "Bericht", "Status"],
        ["25-11-2026", "09:00", "Facebook", "Neem de trein naar de kerstmarkt!", "Gepland"],
        ["25-11-2026", "10:00", "Instagram", "Treinkaartjes met korting", "Gepland"]][:posts + 1]})
    report = tmp_path / "review.xlsx"
    scan = ("scan", calendar, "--term", "trein", "--no-shipped-lists", "--now", NOW,
            "--timezone", "Europe/Amsterdam", "--lang", "en", "-o", report)
    assert run(*scan).exit_code == 1
    return report, scan


def _decide(report: Path, decisions: dict[int, tuple[str, str | None]]) -> None:
    """Fill Decision and New text of Flagged-sheet rows, Reviewer Mila, as in Excel."""
    book = openpyxl.load_workbook(report)
    sheet = book["Flagged"]
    at = {cell.value: cell.column for cell in sheet[1]}
    for row, (decision, new_text) in decisions.items():
        sheet.cell(row, at["Decision"]).value = decision
        sheet.cell(row, at["New text"]).value = new_text
        sheet.cell(row, at["Reviewer"]).value = "Mila"
    book.save(report)


def test_scan_does_not_overwrite_a_report_with_decisions_not_applied(tmp_path: Path) -> None:
    """QA: run again (a colleague, the same shell history) while the reviewer had filled in
    review.xlsx, `scan -o review.xlsx` replaced it without a word: every Decision, New text and
    Reviewer typed was gone (decisions are carried only once applied). scan refuses while the
    report holds decisions no apply has given; once applied, the new report carries them."""
    report, scan = _flagged_report(tmp_path, posts=1)
    _decide(report, {2: ("change", "Naar de kerstmarkt!")})
    before = sha256(report)

    again = run(*scan)
    assert again.exit_code == 2, again.stdout
    assert "1 decision(s) a reviewer filled in that are not applied yet" in again.stderr
    assert sha256(report) == before

    assert run("apply", report).exit_code == 0
    after = run(*scan)
    assert after.exit_code == 1, after.stderr
    sheet = openpyxl.load_workbook(report)["Flagged"]
    at = {cell.value: cell.column for cell in sheet[1]}
    assert (sheet.cell(2, at["Decision"]).value, sheet.cell(2, at["New text"]).value) \
        == ("change", "Naar de kerstmarkt!")


def test_scan_o_keeps_a_report_whose_one_decision_is_mistyped(tmp_path: Path) -> None:
    """QA8 #5: a reviewer filled in two decisions, one mistyped ('later'). apply cannot read
    the report, and `scan -o review.xlsx` took that as 'no decisions' and overwrote it, both
    gone. It refuses, naming the mistyped cell."""
    report, scan = _flagged_report(tmp_path)
    _decide(report, {2: ("publish", None), 3: ("later", None)})
    before = sha256(report)
    again = run(*scan)
    assert again.exit_code == 2, again.stdout
    assert sha256(report) == before
    assert "row 3, column 'Decision'" in again.stderr and "would lose" in again.stderr
    assert len(again.stderr.strip().splitlines()) == 1, again.stderr


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_scan_o_does_not_overwrite_another_calendar(tmp_path: Path, suffix: str) -> None:
    """QA8 #6: `scan december.xlsx -o november.xlsx` (tab completion on a crisis morning)
    replaced the November calendar, no input of this scan, with a review report without a
    word. A file that reads as a calendar and is no contentcheck report is refused (exit 2,
    untouched); an earlier report at that name, CSV included, is still replaced."""
    from tests.conftest import write_xlsx

    december = write_xlsx(tmp_path / "december.xlsx", {"December": [
        ["Datum", "Tijd", "Kanaal", "Bericht"],
        ["25-11-2026", "09:00", "Facebook", "Met de trein naar de kerstmarkt"]]})
    rows = [["Datum", "Tijd", "Kanaal", "Bericht"],
            ["20-11-2026", "09:00", "Facebook", "Oliebollen zijn terug"]]
    november = tmp_path / f"november{suffix}"
    if suffix == ".csv":
        write_csv(november, rows)
    else:
        write_xlsx(november, {"November": rows})
    before = sha256(november)
    scan = ("scan", december, "--term", "trein", "--no-shipped-lists", "--now", NOW,
            "--timezone", "Europe/Amsterdam")
    result = run(*scan, "-o", november)
    assert result.exit_code == 2, result.stdout
    assert sha256(november) == before
    assert f"{november}: is a calendar (1 post(s)), not a contentcheck report" in result.stderr

    report = tmp_path / f"review{suffix}"
    assert run(*scan, "-o", report).exit_code == 1
    again = run(*scan, "-o", report)
    assert again.exit_code == 1, again.stderr


def test_config_terms_are_not_called_typed_flags(tmp_path: Path) -> None:
    """QA8 #28: [scan] terms = ["trein"] in contentcheck.toml: the nightly mail, the webhook
    and every scan's banner said 'CRISIS ACTIVE (--term): trein', a flag nobody typed; the
    team lead looked for a crisis someone declared by hand. The config is named as the source;
    a --term typed on top is named too."""
    write_csv(tmp_path / "kalender.csv", [["Datum", "Tijd", "Kanaal", "Bericht"],
                                          ["24-11-2026", "12:00", "X", "Met de trein"]])
    config = tmp_path / "contentcheck.toml"
    config.write_text('[scan]\ncalendars = ["kalender.csv"]\nterms = ["trein"]\n'
                      'shipped_lists = false\ntimezone = "Europe/Amsterdam"\n', encoding="utf-8")
    result = run("scan", "--config", config, "--now", NOW, "--lang", "en")
    assert "CRISIS ACTIVE (config): trein" in result.stdout, result.stdout
    assert "(--term)" not in result.stdout and "crisis term 'trein' (crisis (config))" \
        in result.stdout, result.stdout
    typed = run("scan", "--config", config, "--now", NOW, "--term", "spoor", "--format", "json",
                "--exit-zero")
    assert json.loads(typed.stdout)["crisis"]["sources"] == ["config", "--term"]


def test_scan_o_after_apply_with_output_dir_is_not_told_to_apply_first(
        tmp_path: Path, isolated_state: Path) -> None:
    """QA8 #14: the reviewer applied review.xlsx with --output-dir: the copy and its audit
    trail are in that folder. `scan -o review.xlsx` refused with '... not applied yet ...
    apply it first', which they did, on every later run (only the trail beside the calendar
    was read). apply notes a trail written elsewhere in the state folder: the new report
    replaces the old one and carries its decisions, as after a default apply."""
    report, scan = _flagged_report(tmp_path)
    _decide(report, {2: ("publish", None), 3: ("pause", None)})
    (tmp_path / "out").mkdir()
    applied = run("apply", report, "--output-dir", tmp_path / "out")
    assert applied.exit_code == 0, applied.stderr
    assert (tmp_path / "out" / "kal-checked.decisions.json").is_file()
    assert not (tmp_path / "kal-checked.decisions.json").exists()
    assert (isolated_state / "applied-trails.json").is_file()
    again = run(*scan)
    assert again.exit_code == 1, again.stderr
    sheet = openpyxl.load_workbook(report)["Flagged"]
    at = {cell.value: cell.column for cell in sheet[1]}
    assert [(sheet.cell(row, at["Decision"]).value, sheet.cell(row, at["Reviewer"]).value)
            for row in (2, 3)] == [("publish", "Mila"), ("pause", "Mila")]


def test_a_state_folder_apply_cannot_write_costs_only_the_carrying(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """QA8 #14: noting the trail of a copy made elsewhere is a convenience: a state folder
    that cannot be written (here: a file in its place) is a warning, the copy is written."""
    report, _ = _flagged_report(tmp_path)
    _decide(report, {2: ("publish", None), 3: ("pause", None)})
    blocked = tmp_path / "no-state"
    blocked.write_text("a file, not a folder", encoding="utf-8")
    monkeypatch.setenv("CONTENTCHECK_STATE_DIR", str(blocked / "state"))
    (tmp_path / "out").mkdir()
    applied = run("apply", report, "--output-dir", tmp_path / "out")
    assert applied.exit_code == 0, applied.stderr
    assert (tmp_path / "out" / "kal-checked.xlsx").is_file()
    assert "could not note the audit trail" in caplog.text, caplog.text
