"""The review loop a team relies on during a crisis: report -> decisions -> apply, again and again.

A supermarket recalls its own chicken ("kip" is the crisis term). Each test reproduces a way
the loop could let a post the report said to pause go out while everyone believed it covered.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import NOW, run, sha256, write_csv, write_xlsx

HEADER = ["Datum", "Tijd", "Kanaal", "Bericht", "Status", "Eigenaar"]
KIP = [  # six posts the report will say to pause, one ok post, one after a two-day window
    ["24-11-2026", "12:00", "Instagram", "Onze kip van de week: krokant!", "Gepland", "Sanne"],
    ["24-11-2026", "15:00", "Facebook", "Kipsaté voor het hele gezin", "Gepland", "Sanne"],
    ["24-11-2026", "18:00", "X", "Vanavond kip aan het spit", "Concept", "Mo"],
    ["25-11-2026", "09:00", "LinkedIn", "Onze kipleverancier in beeld", "Gepland", "Mo"],
    ["25-11-2026", "12:00", "Instagram", "Kip, rijst en groente: 3 euro", "Gepland", "Lotte"],
    ["25-11-2026", "16:00", "Facebook", "Recept: kip tandoori", "Gepland", "Lotte"],
    ["25-11-2026", "17:00", "X", "Verse bloemen bij de kassa", "Gepland", "Mo"],
    ["30-11-2026", "12:00", "Instagram", "Zondag: hele kip met korting", "Gepland", "Sanne"],
]


def scan(calendars: list[Path], report: Path, *extra: str) -> None:
    result = run("scan", *calendars, "--term", "kip", "--term", "kip*", "--no-shipped-lists",
                 "--now", NOW, "--timezone", "Europe/Amsterdam", "-o", report, *extra)
    assert result.exit_code in (0, 1), result.stderr


def report_columns(sheet) -> dict[str, int]:
    return {cell.value: cell.column for cell in sheet[1] if cell.value}


def decide(report: Path, decisions: dict[int, tuple[str | None, str | None]], *,
           reviewer: str | None = None, note: str | None = None, calendar_file: str | None = None
           ) -> None:
    """Fill Decision / New text (and Reviewer, Note) on the Flagged sheet for calendar rows,
    found by the report's Row (and File) columns, as a reviewer does in Excel."""
    book = openpyxl.load_workbook(report)
    sheet = book.worksheets[1]
    at = report_columns(sheet)
    for cells in sheet.iter_rows(min_row=2):
        row = cells[at["Row"] - 1].value
        if row not in decisions or (calendar_file and cells[at["File"] - 1].value != calendar_file):
            continue
        decision, new_text = decisions[row]
        sheet.cell(cells[0].row, at["Decision"]).value = decision
        sheet.cell(cells[0].row, at["New text"]).value = new_text
        sheet.cell(cells[0].row, at["Reviewer"]).value = reviewer
        sheet.cell(cells[0].row, at["Note"]).value = note
    book.save(report)


FLAGGED = (2, 3, 4, 5, 6, 7, 9)  # every kip post, in the default seven-day window


def statuses(copy: Path) -> dict[int, str | None]:
    sheet = openpyxl.load_workbook(copy).active
    return {row[0].row: row[4].value for row in sheet.iter_rows(min_row=2)}


@pytest.fixture
def kalender(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "kal.xlsx", {"Planning": [HEADER, *KIP]})


# --- 1. undecided flagged posts ------------------------------------------------------------

def test_undecided_pause_posts_stay_paused_and_are_listed(kalender: Path, tmp_path: Path) -> None:
    report = tmp_path / "review.xlsx"
    scan([kalender], report, "--days", "2")
    decide(report, {3: ("publish", None)}, reviewer="Ilse", note="over saté, niet de kip")
    result = run("apply", report)
    assert result.exit_code == 1, result.output
    copy = statuses(tmp_path / "kal-checked.xlsx")
    assert copy[3] == "Gepland"  # a person chose publish
    assert [copy[r] for r in (2, 4, 5, 6, 7)] == ["Gepauzeerd"] * 5
    assert copy[8] == "Gepland" and copy[9] == "Gepland"  # ok post; outside the window
    undecided = [line for line in result.stdout.splitlines() if "not decided:" in line]
    assert len(undecided) == 5
    assert all("the report said pause, no decision: paused" in line for line in undecided)
    assert "row 4 (24-11-2026 18:00, X) 'Vanavond kip aan het spit'" in result.stdout
    assert "to look at: 5 flagged post(s) without a decision" in result.stdout


def test_the_policy_is_an_option_and_review_posts_are_listed(tmp_path: Path) -> None:
    calendar = write_xlsx(tmp_path / "kal.xlsx", {"Planning": [HEADER, *KIP[:2],
                          ["24-11-2026", "20:00", "X", "Slachtprijzen bij de slager", "Gepland", "Mo"]]})
    report = tmp_path / "review.xlsx"
    result = run("scan", calendar, "--term", "kip", "--term", "kip*", "--now", NOW, "--timezone",
                 "Europe/Amsterdam", "-o", report)  # shipped lists: 'slachtprijzen' is review
    assert result.exit_code == 1, result.stderr
    kept = run("apply", report, "--undecided", "publish")
    assert kept.exit_code == 1 and "nothing to change" in kept.stdout
    assert not (tmp_path / "kal-checked.xlsx").exists()
    assert kept.stdout.count("no decision: publishes as planned") == 3
    default = run("apply", report)
    assert default.exit_code == 1
    assert statuses(tmp_path / "kal-checked.xlsx") == {2: "Gepauzeerd", 3: "Gepauzeerd", 4: "Gepland"}
    assert "the report said review, no decision: publishes as planned" in default.stdout
    every = run("apply", report, "--undecided", "pause-all", "--replace")
    assert statuses(tmp_path / "kal-checked.xlsx") == {2: "Gepauzeerd", 3: "Gepauzeerd", 4: "Gepauzeerd"}
    assert every.exit_code == 1


def test_everything_decided_exits_zero(kalender: Path, tmp_path: Path) -> None:
    report = tmp_path / "review.xlsx"
    scan([kalender], report)
    decide(report, {row: ("pause", None) for row in FLAGGED})
    result = run("apply", report)
    assert result.exit_code == 0, result.output
    assert "not decided" not in result.stdout and "7 pause; written to" in result.stdout


def test_nothing_flagged_and_nothing_decided_writes_nothing(tmp_path: Path) -> None:
    calendar = write_xlsx(tmp_path / "kal.xlsx", {"Planning": [HEADER, KIP[6]]})
    report = tmp_path / "review.xlsx"
    scan([calendar], report)
    result = run("apply", report)
    assert result.exit_code == 0 and "nothing written" in result.stdout
    assert not (tmp_path / "kal-checked.xlsx").exists()


# --- 2. rows outside the report's window -----------------------------------------------------

def hootsuite(tmp_path: Path) -> Path:
    """A Hootsuite bulk file (no header: date-time, message, link), day-first as exported here."""
    return write_csv(tmp_path / "hootsuite.csv", [
        ["24/11/2026 12:00", "Onze kip van de week: krokant!", "https://example.nl/kip"],
        ["24/11/2026 17:00", "Verse bloemen bij de kassa", ""],
        ["28/11/2026 12:00", "Zaterdag: kipfilet in de aanbieding", ""],
        ["01/12/2026 09:00", "Sinterklaas: chocoladeletters", ""],
        ["20/11/2026 12:00", "Vorige week: kip aan het spit", ""]],  # already out: not listed
        delimiter=",", encoding="utf-8", newline="\n")


def test_a_bulk_file_with_crisis_rows_after_the_window_is_refused(tmp_path: Path) -> None:
    bulk = hootsuite(tmp_path)
    report = tmp_path / "review.xlsx"
    scan([bulk], report, "--days", "2")
    decide(report, {1: ("pause", None)})
    refused = run("apply", report)
    assert refused.exit_code == 2 and not (tmp_path / "hootsuite-checked.csv").exists()
    assert "row 3 (28-11-2026 12:00) 'Zaterdag: kipfilet in de aanbieding', after the " \
        "report's window: hits 'kipfilet' (crisis term 'kip')" in refused.stderr
    assert refused.stderr.strip().splitlines()[-1].startswith("contentcheck: error: 1 row(s)")
    assert "row 5" not in refused.stderr

    paused = run("apply", report, "--unreviewed", "pause")
    assert paused.exit_code == 1
    assert (tmp_path / "hootsuite-checked.csv").read_text(encoding="utf-8") == (
        "24/11/2026 17:00,Verse bloemen bij de kassa,\n"
        "01/12/2026 09:00,Sinterklaas: chocoladeletters,\n"
        "20/11/2026 12:00,Vorige week: kip aan het spit,\n")

    kept = run("apply", report, "--unreviewed", "keep", "--replace")
    assert kept.exit_code == 1 and "written as it is" in kept.stdout
    assert "kipfilet" in (tmp_path / "hootsuite-checked.csv").read_text(encoding="utf-8")


def test_a_calendar_lists_crisis_rows_outside_the_window(kalender: Path, tmp_path: Path) -> None:
    report = tmp_path / "review.xlsx"
    scan([kalender], report, "--days", "2")
    decide(report, {row: ("pause", None) for row in range(2, 8)})
    result = run("apply", report)
    assert result.exit_code == 1
    assert ("kal.xlsx not reviewed: [Planning] row 9 (30-11-2026 12:00, Instagram) 'Zondag: hele "
            "kip met korting', after the report's window: hits 'kip' (crisis term 'kip')") in result.stdout
    assert statuses(tmp_path / "kal-checked.xlsx")[9] == "Gepland"


def test_a_cancelled_or_published_row_is_not_called_unreviewed(tmp_path: Path) -> None:
    calendar = write_xlsx(tmp_path / "kal.xlsx", {"Planning": [HEADER, KIP[0], [
        "25-11-2026", "10:00", "X", "Kipburgers voor iedereen", "Geannuleerd", "Mo"], [
        "25-11-2026", "11:00", "X", "Kipnuggets in de app", "Gepubliceerd", "Mo"]]})
    report = tmp_path / "review.xlsx"
    scan([calendar], report)
    decide(report, {2: ("pause", None)})
    result = run("apply", report)
    assert result.exit_code == 0, result.stdout
    assert "not reviewed" not in result.stdout
    copy = statuses(tmp_path / "kal-checked.xlsx")
    assert [copy[3], copy[4]] == ["Geannuleerd", "Gepubliceerd"]


def test_apply_reads_dates_month_first_when_the_scan_was_told_so(tmp_path: Path) -> None:
    """Every date of a US export fits both ways; read day first, the post due on 5 December
    after the report's window was 12 May, past, and apply passed over it in silence."""
    calendar = write_csv(tmp_path / "us.csv", [
        ["Date", "Time", "Channel", "Post", "Status"],
        ["12/01/2026", "07:00", "X", "Kip van de week", "Scheduled"],
        ["12/05/2026", "12:00", "X", "Kip aan het spit", "Scheduled"]], delimiter=",")
    report = tmp_path / "review.xlsx"
    scan([calendar], report, "--monthfirst")
    decide(report, {2: ("pause", None)})
    result = run("apply", report)
    assert result.exit_code == 1, result.stdout
    assert ("row 3 (05-12-2026 12:00, X) 'Kip aan het spit', after the report's window: hits "
            "'Kip' (crisis term 'kip')") in result.stdout


# --- 3. a second apply ---------------------------------------------------------------------

def test_a_second_report_builds_on_the_first_copy(kalender: Path, tmp_path: Path) -> None:
    morning, nightly = tmp_path / "morning" / "review.xlsx", tmp_path / "nightly" / "review.xlsx"
    morning.parent.mkdir()
    nightly.parent.mkdir()
    scan([kalender], morning, "--days", "2")
    decide(morning, {row: ("pause", None) for row in range(2, 8)}, reviewer="Ilse")
    first = run("apply", morning)
    assert first.exit_code == 1 and "row 9" in first.stdout  # after the window: listed
    scan([kalender], nightly, "--all")
    decide(nightly, {9: ("pause", None)}, reviewer="Mo")
    second = run("apply", nightly, "--undecided", "publish")
    assert "builds on the earlier copy kal-checked.xlsx (6 decision(s) from review.xlsx" in second.stdout
    copy = statuses(tmp_path / "kal-checked.xlsx")
    assert [copy[r] for r in (2, 3, 4, 5, 6, 7, 9)] == ["Gepauzeerd"] * 7
    trail = json.loads((tmp_path / "kal-checked.decisions.json").read_text(encoding="utf-8"))
    assert sorted((d["row"], d["reviewer"]) for d in trail["decisions"]) == \
        [(r, "Ilse") for r in range(2, 8)] + [(9, "Mo")]


def test_a_later_decision_on_the_same_post_wins(kalender: Path, tmp_path: Path) -> None:
    report = tmp_path / "review.xlsx"
    scan([kalender], report)
    decide(report, {row: ("pause", None) for row in FLAGGED})
    assert run("apply", report).exit_code == 0
    decide(report, {2: ("change", "Onze vis van de week: krokant!")})
    again = run("apply", report)
    assert again.exit_code == 0 and "builds on the earlier copy" in again.stdout
    sheet = openpyxl.load_workbook(tmp_path / "kal-checked.xlsx").active
    assert sheet["D2"].value == "Onze vis van de week: krokant!" and sheet["E2"].value == "Gepland"
    assert sheet["E3"].value == "Gepauzeerd"


@pytest.mark.parametrize("spoil,reason", [
    (lambda copy: copy.with_name("kal-checked.decisions.json").unlink(), "was not written by apply"),
    (lambda copy: copy.write_bytes(copy.read_bytes() + b"\0"), "was edited after apply wrote it"),
])
def test_a_copy_apply_cannot_build_on_needs_replace(kalender: Path, tmp_path: Path, spoil,
                                                    reason: str) -> None:
    report = tmp_path / "review.xlsx"
    scan([kalender], report)
    decide(report, {row: ("pause", None) for row in FLAGGED})
    assert run("apply", report).exit_code == 0
    copy = tmp_path / "kal-checked.xlsx"
    spoil(copy)
    before = copy.read_bytes()
    refused = run("apply", report)
    assert refused.exit_code == 2 and reason in refused.stderr and "--replace" in refused.stderr
    assert copy.read_bytes() == before
    replaced = run("apply", report, "--replace")
    assert replaced.exit_code == 0 and "replaces the earlier copy kal-checked.xlsx" in replaced.stdout


# --- 4. the live calendar changes after the report -----------------------------------------

def test_decisions_survive_an_edit_elsewhere_and_skip_changed_posts(kalender: Path, tmp_path: Path) -> None:
    report = tmp_path / "review.xlsx"
    scan([kalender], report, "--days", "2")
    decide(report, {row: ("pause", None) for row in range(2, 8)}, reviewer="Ilse")
    book = openpyxl.load_workbook(kalender)
    book.active["E4"] = "Gepland"  # a colleague sets a status
    book.active["D5"] = "Onze leverancier in beeld"  # and rewrites a post
    book.save(kalender)
    result = run("apply", report)
    assert result.exit_code == 1
    assert "changed since the report" in result.stdout
    assert "[Planning] row 5: changed or deleted since the decision (pause" in result.stdout
    copy = statuses(tmp_path / "kal-checked.xlsx")
    assert [copy[r] for r in (2, 3, 4, 6, 7)] == ["Gepauzeerd"] * 5 and copy[5] == "Gepland"
    trail = list(csv.DictReader((tmp_path / "kal-checked.decisions.csv").open(encoding="utf-8-sig")))
    assert {r["row"]: r["outcome"] for r in trail}["5"] == "not applied: changed"


def test_a_decision_follows_its_post_when_rows_are_inserted(kalender: Path, tmp_path: Path) -> None:
    report = tmp_path / "review.xlsx"
    scan([kalender], report)
    decide(report, {row: ("pause", None) for row in FLAGGED})
    book = openpyxl.load_workbook(kalender)
    book.active.insert_rows(2)
    book.active["D2"] = "Nieuw: appeltaart"
    book.save(kalender)
    result = run("apply", report)
    assert result.exit_code == 0, result.output
    assert "[Planning] row 2: the post is now at [Planning] row 3 (rows moved)" in result.stdout
    copy = statuses(tmp_path / "kal-checked.xlsx")
    assert [copy[r] for r in (3, 4, 5, 6, 7, 8, 10)] == ["Gepauzeerd"] * 7
    assert copy[2] is None and copy[9] == "Gepland"


# --- 5. inputs are never written; one read of the bytes ------------------------------------

def test_never_onto_another_calendar_of_the_report(tmp_path: Path) -> None:
    first = write_csv(tmp_path / "kalender.csv", [HEADER, *KIP[:2]])
    second = write_csv(tmp_path / "kalender-checked.csv", [HEADER, *KIP[2:4]])
    report = tmp_path / "review.xlsx"
    scan([first, second], report)
    decide(report, {2: ("pause", None), 3: ("pause", None)})
    before = sha256(second)
    result = run("apply", report)
    assert result.exit_code == 2 and "would overwrite calendar" in result.stderr
    assert sha256(second) == before


def test_never_two_copies_to_one_path(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "out").mkdir()
    one = write_csv(tmp_path / "a" / "kalender.csv", [HEADER, *KIP[:2]])
    two = write_csv(tmp_path / "b" / "kalender.csv", [HEADER, *KIP[2:4]])
    report = tmp_path / "review.xlsx"
    scan([one, two], report)
    decide(report, {2: ("pause", None), 3: ("pause", None)})
    result = run("apply", report, "--output-dir", tmp_path / "out")
    assert result.exit_code == 2 and "would both be written here" in result.stderr
    assert list((tmp_path / "out").iterdir()) == []


def test_the_copy_is_made_from_the_bytes_that_were_checked(kalender: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A colleague saves the calendar (rows reordered) while apply runs, right after apply
    read it: the copy is made of what was read and checked, so the right post is paused."""
    import contentcheck.apply.plan as apply_module

    report = tmp_path / "review.xlsx"
    scan([kalender], report)
    decide(report, {row: ("pause", None) for row in FLAGGED})
    real = apply_module.read_calendar

    def read_then_someone_saves(path, options, data=None):
        calendar = real(path, options, data)
        write_xlsx(kalender, {"Planning": [HEADER, *reversed(KIP)]})
        return calendar

    monkeypatch.setattr(apply_module, "read_calendar", read_then_someone_saves)
    assert run("apply", report).exit_code == 0
    sheet = openpyxl.load_workbook(tmp_path / "kal-checked.xlsx").active
    assert sheet["D8"].value == KIP[6][3] and sheet["E8"].value == "Gepland"
    assert [sheet[f"E{r}"].value for r in FLAGGED] == ["Gepauzeerd"] * 7


# --- 6. the audit trail ------------------------------------------------------------------------

def test_who_decided_what_when_and_why(kalender: Path, tmp_path: Path) -> None:
    report = tmp_path / "review.xlsx"
    scan([kalender], report, "--days", "2")
    decide(report, {2: ("change", "Onze vis van de week: krokant!")}, reviewer="Ilse",
           note="vis is veilig")
    decide(report, {3: ("publish", None)}, reviewer="Mo", note="saté is geen recall-product")
    result = run("apply", report)
    assert "decisions in kal-checked.decisions.csv and kal-checked.decisions.json" in result.stdout
    rows = {r["row"]: r for r in csv.DictReader(
        (tmp_path / "kal-checked.decisions.csv").open(encoding="utf-8-sig"))}
    assert (rows["2"]["decision"], rows["2"]["new_text"], rows["2"]["reviewer"], rows["2"]["note"]) == \
        ("change", "Onze vis van de week: krokant!", "Ilse", "vis is veilig")
    assert rows["2"]["decided_in"].startswith("review.xlsx, sheet 'Flagged' row ")
    assert (rows["3"]["decision"], rows["3"]["decided_by"], rows["3"]["note"]) == \
        ("publish", "Mo", "saté is geen recall-product")
    assert (rows["4"]["decision"], rows["4"]["decided_by"], rows["4"]["reviewer"]) == \
        ("pause", "contentcheck", "")
    assert "no decision in review.xlsx" in rows["4"]["decided_in"]
    assert all(r["first_applied"].endswith("+00:00") and r["outcome"] == "applied" for r in rows.values())
    trail = json.loads((tmp_path / "kal-checked.decisions.json").read_text(encoding="utf-8"))
    assert trail["calendar"] == str(kalender.resolve()) and trail["copy_sha256"] == sha256(
        tmp_path / "kal-checked.xlsx")


# --- 7. a log a person can trust ---------------------------------------------------------------

def test_the_log_shows_the_change_and_calendar_rows(tmp_path: Path) -> None:
    long = ("Vanaf morgen in al onze winkels de lekkerste kerstpakketten, met verse kip en "
            "meer, bestel nu")
    calendar = write_xlsx(tmp_path / "kal.xlsx", {"Planning": [["Overzicht week 48"], [], HEADER,
                          ["24-11-2026", "12:00", "X", long, "Gepland", "Mo"], KIP[1]]})
    report = tmp_path / "review.xlsx"
    scan([calendar], report)
    decide(report, {4: ("change", long.replace("verse kip", "verse vis")), 5: ("publish", None)})
    result = run("apply", report)
    assert result.exit_code == 0, result.output
    line = next(line for line in result.stdout.splitlines() if "row 4: new text" in line)
    new, old = line.split("(was ")
    assert "met verse vis en meer" in new and "met verse kip en meer" in old
    assert "[Planning] row 5: publish as planned" in result.stdout  # the calendar's row


def test_scheduler_posts_to_unschedule_by_hand(tmp_path: Path) -> None:
    calendar = write_xlsx(tmp_path / "kal.xlsx", {"Planning": [
        ["Datum", "Kanaal", "Bericht", "Status", "Post ID"],
        ["24-11-2026 12:00", "Instagram", "Onze kip van de week", "Scheduled", "HS-81723"],
        ["24-11-2026 13:00", "X", "Kipsaté!", "Concept", ""]]})
    bulk = hootsuite(tmp_path)
    report = tmp_path / "review.xlsx"
    scan([calendar, bulk], report, "--days", "2")
    result = run("apply", report, "--output-dir", tmp_path, "--unreviewed", "pause")
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if "unschedule by hand" in line]
    assert any("[Planning] row 2" in line and "id HS-81723" in line and "'Scheduled'" in line
               for line in lines)
    assert not any("[Planning] row 3" in line for line in lines)  # a draft is in no scheduler
    assert any(line.startswith("hootsuite.csv unschedule by hand: row 1 (24-11-2026 12:00)")
               and "uploaded to Hootsuite" in line for line in lines)


def test_apply_tells_how_far_it_is(kalender: Path, tmp_path: Path) -> None:
    """A big report takes seconds: apply reports its stages (the CLI shows them as a bar on a
    terminal when they are long enough to be worth one)."""
    from contentcheck.apply import apply_review

    class Recorder:
        def __init__(self) -> None:
            self.stages: list[tuple[str, int]] = []
            self.steps = 0

        def stage(self, label: str, total: int, *, worth_showing: bool) -> None:
            self.stages.append((label, total))

        def advance(self, steps: int = 1) -> None:
            self.steps += steps

        def done(self) -> None:
            self.stages.append(("done", 0))

    report = tmp_path / "review.xlsx"
    scan([kalender], report)
    decide(report, {row: ("pause", None) for row in FLAGGED})
    recorder = Recorder()
    apply_review(report, progress=recorder)
    assert recorder.stages == [("reading the decisions", 1), ("checking kal.xlsx", 8),
                               ("writing the copies", 1), ("done", 0)]


def test_calendar_text_in_the_log_cannot_move_the_terminal(tmp_path: Path) -> None:
    """A post ending in cursor-up / erase-line sequences would erase the lines above it on a
    terminal: the log shows those characters as escapes."""
    calendar = write_csv(tmp_path / "kal.csv", [HEADER, ["24-11-2026", "12:00", "X",
                         "Kip!\x1b[1A\x1b[2K\x1b]0;titel\x07", "Gepland", "Mo"]],
                         delimiter=",", encoding="utf-8")
    report = tmp_path / "review.xlsx"
    scan([calendar], report)
    result = run("apply", report)
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "'Kip!\u241b[1A\u241b[2K\u241b]0;titel\u2407'" in result.stdout


def test_the_audit_trail_never_lands_on_a_calendar(tmp_path: Path) -> None:
    """A calendar that happens to carry the trail's name is an input: refused, unchanged."""
    first = write_csv(tmp_path / "kal.csv", [HEADER, *KIP[:2]])
    second = write_csv(tmp_path / "kal-checked.decisions.csv", [HEADER, *KIP[2:4]])
    report = tmp_path / "review.xlsx"
    scan([first, second], report)
    before = sha256(second)
    result = run("apply", report, "--output-dir", tmp_path)
    assert result.exit_code == 2 and "kal-checked.decisions.csv: would overwrite calendar" in result.stderr
    assert sha256(second) == before and not (tmp_path / "kal-checked.csv").exists()


def test_the_next_report_carries_the_decisions_already_made(kalender: Path, tmp_path: Path) -> None:
    """The nightly report after the morning's apply shows the morning's decisions filled in
    (for posts that still say the same), so nobody types them again."""
    morning = tmp_path / "morning.xlsx"
    scan([kalender], morning)
    decide(morning, {2: ("change", "Onze vis van de week: krokant!")}, reviewer="Ilse", note="vis")
    decide(morning, {row: ("pause", None) for row in FLAGGED[1:]}, reviewer="Mo")
    assert run("apply", morning).exit_code == 0
    book = openpyxl.load_workbook(kalender)
    book.active["D4"] = "Vanavond vis aan het spit"  # changed since: its decision is not carried
    book.save(kalender)
    nightly = tmp_path / "nightly.xlsx"
    scan([kalender], nightly)
    sheet = openpyxl.load_workbook(nightly).worksheets[1]
    at = report_columns(sheet)
    carried = {cells[at["Row"] - 1].value: tuple(cells[at[name] - 1].value for name in
                                                 ("Decision", "New text", "Reviewer", "Note"))
               for cells in sheet.iter_rows(min_row=2)}
    assert carried[2] == ("change", "Onze vis van de week: krokant!", "Ilse", "vis")
    assert carried[3] == ("pause", None, "Mo", None)
    assert 4 not in carried  # no crisis hit any more: not flagged
    again = run("apply", nightly)
    assert again.exit_code == 1 and "not decided" not in again.stdout
    # the morning's pause of row 4 was made on the old text: not applied to the new one
    assert "[Planning] row 4: changed or deleted since the decision (pause, morning.xlsx" in again.stdout
    copy = statuses(tmp_path / "kal-checked.xlsx")
    assert copy[4] == "Concept" and [copy[r] for r in (3, 5, 6, 7, 9)] == ["Gepauzeerd"] * 5
    third = run("apply", nightly)  # said once; the trail keeps it, the log does not repeat it
    assert third.exit_code == 0 and "not applied" not in third.stdout
    trail = json.loads((tmp_path / "kal-checked.decisions.json").read_text(encoding="utf-8"))
    assert [d["outcome"] for d in trail["decisions"] if d["row"] == 4] == ["not applied: changed"]


def test_a_crisis_declared_after_the_report_is_checked_on_apply(tmp_path: Path) -> None:
    """The report said review (a word list), nobody decided; a crisis declared since hits the
    post: apply lists it instead of letting it go out unnoticed."""
    calendar = write_xlsx(tmp_path / "kal.xlsx", {"Planning": [HEADER, KIP[0],
                          ["24-11-2026", "20:00", "X", "Slachtprijzen bij de slager", "Gepland", "Mo"]]})
    report = tmp_path / "review.xlsx"
    result = run("scan", calendar, "--term", "kip", "--now", NOW, "--timezone",
                 "Europe/Amsterdam", "-o", report)
    assert result.exit_code == 1, result.stderr
    declared = run("crisis", "start", "Slagerij", "--term", "slager", "--until", "2099-12-31")
    assert declared.exit_code == 0, declared.output
    applied = run("apply", report)
    assert applied.exit_code == 1
    assert "row 3 (24-11-2026 20:00, X) 'Slachtprijzen bij de slager': the report said review, " \
        "no decision: publishes as planned" in applied.stdout
    assert "not reviewed: [Planning] row 3 (24-11-2026 20:00, X) 'Slachtprijzen bij de slager', " \
        "not flagged when the report was made" in applied.stdout
    assert "hits 'slager' (crisis term 'slager')" in applied.stdout


def test_a_decision_carries_only_while_the_post_is_flagged_for_the_same_reasons(tmp_path: Path) -> None:
    """QA: "publish" given to a review post in the morning was filled in again after a crisis
    made the post a pause, and apply published the crisis post. A decision carries only while
    the post is flagged for the reasons it was decided for."""
    calendar = write_xlsx(tmp_path / "kal.xlsx", {"Planning": [HEADER,
        ["24-11-2026", "12:00", "Instagram", "Moordende aanbiedingen! Met de trein naar de markt", "Gepland", "Sanne"],
        ["24-11-2026", "15:00", "Facebook", "Moordende aanbiedingen op alle kaas", "Gepland", "Sanne"]]})
    base = ("--now", NOW, "--timezone", "Europe/Amsterdam")
    morning = tmp_path / "morning.xlsx"
    assert run("scan", calendar, *base, "-o", morning).exit_code == 1  # both review: a list word
    decide(morning, {2: ("publish", None), 3: ("publish", None)}, reviewer="Sanne")
    assert run("apply", morning).exit_code == 0
    assert run("crisis", "start", "Treinongeluk", "--term", "trein", "--now", "2026-11-24T07:00").exit_code == 0
    evening = tmp_path / "evening.xlsx"
    assert run("scan", calendar, *base, "-o", evening).exit_code == 1
    sheet = openpyxl.load_workbook(evening).worksheets[1]
    at = report_columns(sheet)
    rows = {cells[at["Row"] - 1].value: (cells[at["Status"] - 1].value, cells[at["Decision"] - 1].value)
            for cells in sheet.iter_rows(min_row=2)}
    assert rows[2][1] is None and rows[2][0].startswith("pause")  # now a crisis post: decide again
    assert rows[3] == ("review", "publish")  # the same reasons as this morning: carried
    again = run("apply", evening)
    assert again.exit_code == 1 and "row 2" in again.stdout
    assert statuses(tmp_path / "kal-checked.xlsx")[2] == "Gepauzeerd"


def test_a_changed_scheduled_post_is_listed_to_replace_in_the_scheduler(kalender: Path, tmp_path: Path) -> None:
    """QA: a change did not appear under "unschedule by hand", so the old crisis text stayed
    queued in the scheduler next to the new one."""
    report = tmp_path / "r.xlsx"
    scan([kalender], report)
    decide(report, {2: ("change", "Onze vis van de week: krokant!")}, reviewer="Ilse")
    decide(report, {row: ("pause", None) for row in FLAGGED[1:]}, reviewer="Mo")
    done = run("apply", report)
    lines = [line for line in done.stdout.splitlines() if "unschedule by hand" in line]
    assert any("row 2 " in line and "the old text is still scheduled there: replace it" in line
               for line in lines), done.stdout


def test_a_decided_post_deleted_from_the_calendar_is_said_once(tmp_path: Path) -> None:
    """QA: deleting a decided row made apply say both "nobody decided" (publish had been
    chosen) and "changed since the decision"."""
    rows = [HEADER, *KIP[:3]]
    calendar = write_csv(tmp_path / "kal.csv", rows, encoding="utf-8")
    report = tmp_path / "r.xlsx"
    scan([calendar], report)
    decide(report, {2: ("publish", None), 3: ("pause", None), 4: ("pause", None)}, reviewer="Mo")
    write_csv(calendar, [HEADER, *KIP[1:3]], encoding="utf-8")  # row 2 deleted
    done = run("apply", report)
    about_row_2 = [line for line in done.stdout.splitlines() if "row 2:" in line and "publish" in line]
    assert about_row_2 and "changed or deleted since the decision (publish" in about_row_2[0]
    assert "nobody decided" not in done.stdout


def test_a_decision_is_never_carried_to_another_post_with_the_same_text(tmp_path: Path) -> None:
    """QA round 2: "publish" for the post of the 25th was carried to the same text on the 27th
    (and to the same text on another channel), unpausing a crisis post in a person's name."""
    same = "Met de kersttrein naar Aken!"
    calendar = write_xlsx(tmp_path / "kal.xlsx", {"Planning": [HEADER,
        ["25-11-2026", "09:00", "Instagram", same, "Gepland", "Anna"],
        ["27-11-2026", "09:00", "Instagram", same, "Gepland", "Anna"],
        ["25-11-2026", "09:00", "LinkedIn", same, "Gepland", "Anna"]]})
    base = ("--term", "trein", "--no-shipped-lists", "--now", NOW, "--timezone", "Europe/Amsterdam")
    first = tmp_path / "r1.xlsx"
    assert run("scan", calendar, *base, "-o", first).exit_code == 1
    decide(first, {2: ("publish", None)}, reviewer="Anna")
    assert run("apply", first).exit_code == 1  # rows 3 and 4: no decision, paused
    second = tmp_path / "r2.xlsx"
    assert run("scan", calendar, *base, "-o", second).exit_code == 1
    sheet = openpyxl.load_workbook(second).worksheets[1]
    at = report_columns(sheet)
    carried = {cells[at["Row"] - 1].value: cells[at["Decision"] - 1].value
               for cells in sheet.iter_rows(min_row=2)}
    assert carried == {2: "publish", 3: None, 4: None}
    again = run("apply", second)
    assert again.exit_code == 1
    copy = statuses(tmp_path / "kal-checked.xlsx")
    assert (copy[2], copy[3], copy[4]) == ("Gepland", "Gepauzeerd", "Gepauzeerd")
    trail = json.loads((tmp_path / "kal-checked.decisions.json").read_text(encoding="utf-8"))
    assert {d["row"]: d["reviewer"] for d in trail["decisions"] if d["explicit"]} == {2: "Anna"}


def test_a_paused_post_edited_after_a_publish_and_still_hitting_stays_paused(kalender: Path,
                                                                             tmp_path: Path) -> None:
    """QA round 2: the publish was given on the old text; the new text still hits the crisis
    term, so the row the report said to pause stays paused (it was written unpaused, and
    called "not flagged when the report was made")."""
    report = tmp_path / "r.xlsx"
    scan([kalender], report)
    decide(report, {row: ("publish", None) for row in FLAGGED}, reviewer="Mo")
    book = openpyxl.load_workbook(kalender)
    book.active["D2"] = "Onze kip van de week: nu ook met saus!"
    book.save(kalender)
    done = run("apply", report)
    assert done.exit_code == 1
    assert "changed since the report, which said pause, and still hits" in done.stdout
    assert "not flagged when the report was made" not in done.stdout
    assert statuses(tmp_path / "kal-checked.xlsx")[2] == "Gepauzeerd"


def test_a_carried_decision_can_be_revised_on_one_post_sheet(kalender: Path, tmp_path: Path) -> None:
    """QA: the evening report filled the morning's carried pause in on both post sheets; the
    reviewer changed it where they work (Flagged: pause -> publish) and apply refused "this
    post has a different decision in sheet 'All posts'", exit 2. The report remembers what
    it filled in: the value a person changed on one sheet wins; two different values both
    typed by a person are still refused."""
    morning = tmp_path / "morning.xlsx"
    scan([kalender], morning)
    decide(morning, {row: ("pause", None) for row in FLAGGED}, reviewer="Mo")
    assert run("apply", morning).exit_code == 0
    evening = tmp_path / "evening.xlsx"
    scan([kalender], evening)
    decide(evening, {2: ("publish", None)}, reviewer="Kees")  # the Flagged sheet only
    result = run("apply", evening)
    assert result.exit_code == 0, result.stdout + result.stderr
    copy = statuses(tmp_path / "kal-checked.xlsx")
    assert copy[2] == "Gepland" and copy[3] == "Gepauzeerd"

    typed_twice = tmp_path / "twice.xlsx"
    scan([kalender], typed_twice)
    decide(typed_twice, {3: ("publish", None)}, reviewer="Kees")
    book = openpyxl.load_workbook(typed_twice)
    sheet = book.worksheets[2]  # All posts: a person types yet another decision there
    at = report_columns(sheet)
    for cells in sheet.iter_rows(min_row=2):
        if cells[at["Row"] - 1].value == 3:
            sheet.cell(cells[0].row, at["Decision"]).value = "change"
            sheet.cell(cells[0].row, at["New text"]).value = "Vanavond vis aan het spit"
    book.save(typed_twice)
    refused = run("apply", typed_twice)
    assert refused.exit_code == 2 and "has a different decision in" in refused.stderr


def test_carried_decisions_follow_their_post_after_a_row_is_inserted(tmp_path: Path) -> None:
    """QA8 #25: morning: posts decided and applied; a colleague then adds a post at the top of
    the calendar. The evening report filled in nothing (decisions were carried by row), and
    the reviewer decided everything again. A decision now follows its post, as apply's does,
    when its text is that of one flagged post and one decision; two posts with one text are
    still decided again, never given each other's decision."""
    same = "Met de kersttrein naar Aken!"
    calendar = write_xlsx(tmp_path / "kal.xlsx", {"Planning": [HEADER,
        ["25-11-2026", "09:00", "Facebook", "Neem de trein naar de kerstmarkt!", "Gepland", "Anna"],
        ["25-11-2026", "10:00", "Instagram", "Treinkaartjes met korting", "Gepland", "Anna"],
        ["26-11-2026", "09:00", "Instagram", same, "Gepland", "Anna"],
        ["27-11-2026", "09:00", "Instagram", same, "Gepland", "Anna"]]})
    base = ("--term", "trein", "--no-shipped-lists", "--now", NOW, "--timezone", "Europe/Amsterdam")
    morning = tmp_path / "morning.xlsx"
    assert run("scan", calendar, *base, "-o", morning).exit_code == 1
    decide(morning, {2: ("publish", None), 3: ("pause", None), 4: ("publish", None)},
           reviewer="Mila")
    assert run("apply", morning).exit_code == 1  # row 5: no decision, paused
    book = openpyxl.load_workbook(calendar)
    book["Planning"].insert_rows(2)
    for number, value in enumerate(["24-11-2026", "20:00", "X", "Oliebollen!", "Gepland", "Mo"], 1):
        book["Planning"].cell(2, number).value = value
    book.save(calendar)
    evening = tmp_path / "evening.xlsx"
    assert run("scan", calendar, *base, "-o", evening).exit_code == 1
    sheet = openpyxl.load_workbook(evening).worksheets[1]
    at = report_columns(sheet)
    carried = {cells[at["Row"] - 1].value: (cells[at["Decision"] - 1].value,
                                            cells[at["Reviewer"] - 1].value)
               for cells in sheet.iter_rows(min_row=2)}
    assert carried == {3: ("publish", "Mila"), 4: ("pause", "Mila"), 5: (None, None),
                       6: (None, None)}
