"""The rest of the review loop (issue 13): a scheduler row's channel, the reader's language,
the audit trail in the run history, and one post in several calendars."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from tests.conftest import NOW, run, write_csv


def scan(*args: object) -> str:
    result = run("scan", *args, "--term", "kip", "--no-shipped-lists", "--now", NOW,
                 "--timezone", "Europe/Amsterdam")
    assert result.exit_code in (0, 1), result.stderr
    return result.stdout


def flagged_rows(report: Path) -> list[dict[str, object]]:
    sheet = openpyxl.load_workbook(report).worksheets[1]
    header = [cell.value for cell in sheet[1]]
    return [dict(zip(header, [c.value for c in row])) for row in sheet.iter_rows(min_row=2)]


# --- a scheduler row's channel ----------------------------------------------------------------

def hootsuite_bulk(tmp_path: Path) -> Path:
    """Hootsuite's bulk composer file: no header; date-time, message, link."""
    return write_csv(tmp_path / "hootsuite.csv", [
        ["24/11/2026 12:00", "Onze kip van de week: krokant!", "https://example.nl/kip"],
        ["25/11/2026 17:00", "Verse bloemen bij de kassa", ""]],
        delimiter=",", encoding="utf-8", newline="\n")


def test_a_hootsuite_bulk_row_says_the_profile_is_chosen_at_upload(tmp_path: Path) -> None:
    bulk = hootsuite_bulk(tmp_path)
    report = tmp_path / "review.xlsx"
    scan(bulk, "-o", report)
    [row] = flagged_rows(report)
    assert row["Channel"] == "Hootsuite (profile chosen at upload)"
    assert "Hootsuite (profile chosen at upload)  " in scan(bulk)
    dutch = tmp_path / "controle.xlsx"
    scan(bulk, "-o", dutch, "--lang", "nl")
    assert openpyxl.load_workbook(dutch).worksheets[1]["E2"].value == \
        "Hootsuite (profiel kies je bij uploaden)"


def test_a_scheduler_export_with_a_profile_column_shows_that_profile(tmp_path: Path) -> None:
    export = write_csv(tmp_path / "buffer.csv", [
        ["Text", "Scheduled Date", "Scheduled Time", "Link", "Social Profile"],
        ["Onze kip van de week: krokant!", "2026-11-24", "12:00", "", "Instagram @supermarkt"]],
        delimiter=",", encoding="utf-8")
    report = tmp_path / "review.xlsx"
    scan(export, "-o", report)
    [row] = flagged_rows(report)
    assert row["Channel"] == "Instagram @supermarkt"


# --- everything in the reader's language --------------------------------------------------------

def test_the_nightly_mail_and_webhook_speak_dutch_with_nightly_lang_nl(tmp_path: Path) -> None:
    from contentcheck.config import load_config
    from contentcheck.nightly.config import nightly_settings
    from contentcheck.nightly.runner import run_check
    from tests.helpers_servers import http_server, smtp_server

    (tmp_path / "crisis.txt").write_text("kip\n", encoding="utf-8")
    write_csv(tmp_path / "kalender.csv", [["Datum", "Tijd", "Kanaal", "Bericht"],
                                          ["24-11-2026", "12:00", "Instagram", "Onze kip van de week"],
                                          ["25-11-2026", "12:00", "X", "Oliebollen zijn terug"]])
    with smtp_server() as (box, port), http_server() as (hook, url):
        config = tmp_path / "contentcheck.toml"
        config.write_text(
            'state_dir = "state"\n[scan]\ncalendars = ["kalender.csv"]\ncrisis = ["crisis.txt"]\n'
            'timezone = "Europe/Amsterdam"\nshipped_lists = false\n'
            '[nightly]\nreport_dir = "reports"\nretries = 0\nlang = "nl"\n'
            f'[notify.email]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\n'
            'sender = "check@example.nl"\nrecipients = ["webcare@example.nl"]\ntimeout = 5\n'
            f'[notify.webhook]\nurl = "{url}"\nstyle = "slack"\ntimeout = 5\n', encoding="utf-8")
        loaded = load_config(config)
        outcome = run_check(nightly_settings(loaded), loaded, scan_now=NOW)
        [mail] = box.wait_for(1)
        [request] = hook.wait_for(1)
    assert outcome.ok
    assert mail["Subject"] == ("[contentcheck] CRISIS ACTIEF - 1 nieuw gemarkeerd bericht (1 te pauzeren, "
                               "0 te beoordelen)")
    body = mail.get_body(("plain",)).get_content()
    for dutch in ("contentcheck-controle van di 2026-11-24 08:00", "periode: di 2026-11-24",
                  "NIEUW, niet in een eerder bericht (eerste controle)", "PAUZE  di 2026-11-24 12:00",
                  "raakt crisisterm 'kip'", "Komende berichten: 2 (1 pauze, 0 beoordelen, 1 ok).",
                  "Kalender: ", "Rapport: "):
        assert dutch in body, (dutch, body)
    for english in ("window", "NEW,", "Upcoming", "matches", "to pause", " row "):
        assert english not in body, (english, body)
    assert "1 nieuw gemarkeerd bericht" in request["json"]["text"]
    assert "Komende berichten" in request["json"]["text"]
    import json

    [document] = [json.loads(p.read_text(encoding="utf-8"))
                  for p in (tmp_path / "reports").glob("*.json")]
    [new] = document["nightly"]["new"]  # the JSON report stays English, for scripts
    assert new["reasons"] == ["'kip' in Bericht matches crisis term 'kip' (crisis)"], new


def dutch_review(tmp_path: Path) -> tuple[Path, Path]:
    """A Dutch workbook with a crisis post, a post with a sensitive word, and one whose date
    cannot be read; scanned with --lang nl into a review workbook."""
    from tests.conftest import write_xlsx

    calendar = write_xlsx(tmp_path / "kalender.xlsx", {"Planning": [
        ["Datum", "Tijd", "Kanaal", "Bericht", "Status"],
        ["24-11-2026", "12:00", "Instagram", "Onze kip van de week", "Gepland"],
        ["25-11-2026", "12:00", "X", "Killer deals bij de kassa", "Gepland"],
        ["morgen ofzo", "12:00", "X", "Kip met rijst", "Gepland"]]})
    report = tmp_path / "controle.xlsx"
    result = run("scan", calendar, "--term", "kip", "--now", NOW, "--timezone",
                 "Europe/Amsterdam", "--lang", "nl", "-o", report)
    assert result.exit_code == 1, result.stderr
    return calendar, report


def test_a_dutch_report_says_laag_and_its_warnings_in_dutch(tmp_path: Path) -> None:
    _, report = dutch_review(tmp_path)
    book = openpyxl.load_workbook(report)
    flagged = book.worksheets[1]
    header = [cell.value for cell in flagged[1]]
    cells = " ".join(str(c.value) for row in flagged.iter_rows(min_row=2) for c in row if c.value)
    lists = [row[header.index("Lijst / categorie / ernst")].value
             for row in flagged.iter_rows(min_row=2)]
    assert any(value and value.endswith(("laag", "middel", "hoog")) for value in lists), lists
    for english in ("/ low", "/ medium", "/ high", " row ", "is not a date I can read"):
        assert english not in cells, english
    summary = " ".join(str(c.value) for row in book.worksheets[0].iter_rows() for c in row if c.value)
    assert "kolom 'Datum': 'morgen ofzo' is geen datum die ik kan lezen" in summary
    assert "is not a date I can read" not in summary


def test_apply_speaks_the_language_of_the_dutch_report(tmp_path: Path) -> None:
    _, report = dutch_review(tmp_path)
    book = openpyxl.load_workbook(report)
    sheet = book.worksheets[1]
    header = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if "Killer" in str(row[header.index("Bericht")].value):
            row[header.index("Besluit")].value = "aanpassen"
            row[header.index("Nieuwe tekst")].value = "Scherpe prijzen bij de kassa"
    book.save(report)
    result = run("apply", report)
    assert result.exit_code == 1, result.stderr  # the kip posts have no decision: listed
    out = result.stdout
    for dutch in ("[Planning] rij 3: nieuwe tekst 'Scherpe prijzen bij de kassa'",
                  "geen besluit: [Planning] rij 2 (24-11-2026 12:00, Instagram)",
                  "het rapport zei pauze, geen besluit: gepauzeerd",
                  "met de hand uit de planner: [Planning] rij 2",
                  "1 aanpassen", "geschreven naar",
                  "nog te bekijken: 2 gemarkeerd(e) bericht(en) zonder besluit"):
        assert dutch in out, (dutch, out)
    for english in (" row ", "written to", "the report said", "to look at", "not decided"):
        assert english not in out, (english, out)


# --- the audit trail in the run history -------------------------------------------------------------

def test_watch_keeps_apply_s_audit_trail_in_its_history(tmp_path: Path) -> None:
    from contentcheck.config import load_config
    from contentcheck.nightly.config import nightly_settings
    from contentcheck.nightly.history import History
    from contentcheck.nightly.runner import run_check
    from tests.conftest import write_xlsx

    calendar = write_xlsx(tmp_path / "kalender.xlsx", {"Planning": [
        ["Datum", "Tijd", "Kanaal", "Bericht", "Status"],
        ["24-11-2026", "12:00", "Instagram", "Onze kip van de week", "Gepland"],
        ["24-11-2026", "15:00", "Facebook", "Kipsaté voor het hele gezin", "Gepland"],
        ["25-11-2026", "12:00", "X", "Verse bloemen bij de kassa", "Gepland"]]})
    report = tmp_path / "review.xlsx"
    result = run("scan", calendar, "--term", "kip*", "--no-shipped-lists", "--now", NOW,
                 "--timezone", "Europe/Amsterdam", "-o", report)
    assert result.exit_code == 1, result.stderr
    book = openpyxl.load_workbook(report)
    sheet = book.worksheets[1]
    header = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[header.index("Row")].value == 3:
            for column, value in (("Decision", "publish"), ("Reviewer", "Ilse"),
                                  ("Note", "over saté, niet de kip")):
                row[header.index(column)].value = value
    book.save(report)
    assert run("apply", report).exit_code == 1  # row 2: no decision, paused and listed

    (tmp_path / "crisis.txt").write_text("kip*\n", encoding="utf-8")
    config = tmp_path / "contentcheck.toml"
    config.write_text('state_dir = "state"\n[scan]\ncalendars = ["kalender.xlsx"]\n'
                      'crisis = ["crisis.txt"]\ntimezone = "Europe/Amsterdam"\n'
                      'shipped_lists = false\n[nightly]\nreport_dir = "reports"\nretries = 0\n',
                      encoding="utf-8")
    loaded = load_config(config)
    job = nightly_settings(loaded)
    assert History(job.state_dir).decisions(job.job) == []
    first = run_check(job, loaded, scan_now=NOW)
    assert first.ok
    kept = History(job.state_dir).decisions(job.job)
    by_row = {d.row: d for d in kept}
    assert set(by_row) == {2, 3}
    published = by_row[3]
    assert (published.decision, published.reviewer, published.note, published.decided_by,
            published.outcome) == ("publish", "Ilse", "over saté, niet de kip", "Ilse", "applied")
    assert published.decided_in.startswith("review.xlsx")
    assert published.first_applied and published.run_id == first.run_id
    assert published.trail.endswith("kalender-checked.decisions.json")
    paused = by_row[2]
    assert (paused.decision, paused.decided_by, paused.reviewer) == ("pause", "contentcheck", None)

    again = run_check(job, loaded, scan_now=NOW)  # the same trail: nothing kept twice
    assert again.ok and History(job.state_dir).decisions(job.job) == kept


# --- one post in several calendars ------------------------------------------------------------------

def test_a_post_in_the_workbook_and_its_hootsuite_export_is_one_row_decided_once(tmp_path: Path) -> None:
    import json

    from tests.conftest import write_xlsx

    calendar = write_xlsx(tmp_path / "kal.xlsx", {"Planning": [
        ["Datum", "Tijd", "Kanaal", "Bericht", "Status"],
        ["24-11-2026", "12:00", "Instagram", "Onze kip van de week: krokant!", "Gepland"],
        ["24-11-2026", "18:00", "X", "Vanavond kip aan het spit", "Concept"],
        ["25-11-2026", "12:00", "Facebook", "Kip, rijst en groente: 3 euro", "Gepland"],
        ["25-11-2026", "12:00", "LinkedIn", "Kip, rijst en groente: 3 euro", "Gepland"]]})
    bulk = write_csv(tmp_path / "hootsuite.csv", [
        ["24/11/2026 12:00", "Onze kip van de week: krokant!", "https://example.nl/kip"],
        ["25/11/2026 12:00", "Kip, rijst en groente: 3 euro", ""],  # which of the two? apart
        ["26/11/2026 09:00", "Verse bloemen bij de kassa", ""]],
        delimiter=",", encoding="utf-8", newline="\n")
    report = tmp_path / "review.xlsx"
    scan(calendar, bulk, "-o", report)
    rows = flagged_rows(report)
    assert len(rows) == 5  # 6 flagged posts, two of them one post
    [twin] = [r for r in rows if r["Post text"] == "Onze kip van de week: krokant!"]
    assert (twin["File"], twin["Sheet"], twin["Row"]) == ("kal.xlsx\nhootsuite.csv", "Planning\n-",
                                                          "2\n1")
    assert twin["Channel"] == "Instagram"
    assert "also in: hootsuite.csv row 1" in twin["Why"]
    assert sum(r["Post text"] == "Kip, rijst en groente: 3 euro" for r in rows) == 3

    document = json.loads(run("scan", calendar, bulk, "--term", "kip", "--no-shipped-lists",
                              "--now", NOW, "--timezone", "Europe/Amsterdam",
                              "--format", "json").stdout)
    twins = {(Path(p["source"]).name, p["row"]): p["twins"] for p in document["posts"]}
    assert len(document["posts"]) == 7
    assert [Path(t).name for t in twins[("kal.xlsx", 2)]] == ["hootsuite.csv row 1"]
    assert twins[("hootsuite.csv", 1)][0].endswith("kal.xlsx [Planning] row 2")
    assert twins[("kal.xlsx", 4)] == twins[("hootsuite.csv", 2)] == []

    book = openpyxl.load_workbook(report)
    sheet = book.worksheets[1]
    header = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        row[header.index("Decision")].value = "pause"
        row[header.index("Reviewer")].value = "Ilse"
    book.save(report)
    result = run("apply", report)
    assert result.exit_code == 0, result.stdout + result.stderr
    copy = openpyxl.load_workbook(tmp_path / "kal-checked.xlsx").active
    assert copy["E2"].value == "Gepauzeerd"
    assert (tmp_path / "hootsuite-checked.csv").read_text(encoding="utf-8") == \
        "26/11/2026 09:00,Verse bloemen bij de kassa,\n"
    assert "hootsuite.csv row 1: paused: left out of the upload file" in result.stdout


def test_the_dutch_html_report_says_rij(tmp_path: Path) -> None:
    """QA: the Dutch HTML report said "row 6"."""
    calendar = write_csv(tmp_path / "k.csv", [["Datum", "Tijd", "Bericht"],
                                               ["25-11-2026", "10:00", "Met de trein naar huis"]])
    run("scan", calendar, "--term", "trein", "--now", NOW, "--timezone", "Europe/Amsterdam",
        "--lang", "nl", "-o", tmp_path / "r.html")
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "k.csv rij 2" in page and " row 2" not in page
