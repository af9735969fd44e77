"""tone-of-voice: u or je/jij per channel, set by the team or won by the calendar's majority;
quotes, names and English posts are not counted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.checks.helpers import assert_in_every_report, write_config
from tests.conftest import NOW, run, scan_json, write_csv, write_xlsx

ON = "[checks.tone-of-voice]\nenabled = true\n"
CHANNELS = ON + 'channels = { LinkedIn = "u", Instagram = "je" }\n'
# (config, [(channel, text)], the words flagged in each post, in row order)
EXAMPLES = [
    # should flag
    (CHANNELS, [("LinkedIn", "Heb jij je kerstpakket al besteld?")], [["jij", "je"]]),
    (CHANNELS, [("Instagram", "Bestel uw pakket vandaag")], [["uw"]]),
    (ON + 'form = "u"\n', [("X", "Wat vind jij ervan?")], [["jij"]]),
    (ON, [("X", "Bestel uw pakket, dan heb je het morgen!")], [["je"]]),  # mixed: minority
    (ON, [("X", "Bestel je pakket"), ("X", "Heb jij al gekeken?"), ("X", "Wilt u meer weten?")],
     [[], [], ["u"]]),  # the calendar's majority is je
    (CHANNELS, [("linkedin ", "Wij helpen U graag verder, maar jij ook?")], [["jij"]]),
    (CHANNELS, [("Instagram", "Wilt U meer weten? Kijk in Uw app")], [["U", "Uw"]]),
    # should stay quiet
    (CHANNELS, [("LinkedIn", "Wij helpen u graag met uw vraag")], [[]]),
    (CHANNELS, [("Instagram", 'Klant zei: "Bedankt voor uw hulp!" Dat doen we voor jou.')], [[]]),
    (CHANNELS, [("Instagram", "Nieuw bij Voor U Thuis: je kerstpakket")], [[]]),
    (CHANNELS, [("Instagram", "Pas op voor de U-bocht, en neem je jas mee")], [[]]),
    (CHANNELS, [("LinkedIn", "Thank you for your help, see you soon")], [[]]),
    (CHANNELS, [("Instagram", "Deel je foto met #JijEnWij")], [[]]),
    (ON, [("X", "Bestel je pakket"), ("X", "Wilt u meer weten?")], [[], []]),  # a tie
    (ON, [("X", "Vandaag open tot 21:00")], [[]]),
]



@pytest.mark.parametrize(("config", "posts", "flagged"), EXAMPLES)
def test_examples(tmp_path: Path, config: str, posts: list, flagged: list) -> None:
    rows = [[dt.datetime(2026, 11, 25 + i), "09:00", channel, text]
            for i, (channel, text) in enumerate(posts)]
    calendar = write_xlsx(tmp_path / "kalender.xlsx", {"Planning": [
        ["Datum", "Tijd", "Kanaal", "Bericht"], *rows]})
    found = sorted(scan_json(calendar, "--config", write_config(tmp_path, config))["posts"],
                   key=lambda p: p["row"])
    assert [[m["matched"] for m in p["matches"]] for p in found] == flagged
    assert [p["status"] for p in found] == ["review" if f else "ok" for f in flagged]


def test_off_by_default(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht"],
        ["25-11-2026", "09:00", "X", "Bestel uw pakket, dan heb je het morgen!"]])
    assert scan_json(calendar)["posts"][0]["status"] == "ok"


def test_a_wrong_form_in_the_config_is_exit_2(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "kalender.csv", [["Datum", "Bericht"], ["25-11-2026", "Hoi"]])
    config = write_config(tmp_path, ON + 'channels = { LinkedIn = "gij" }\n')
    result = run("scan", calendar, "--config", config, "--now", NOW)
    assert result.exit_code == 2
    assert "channels.LinkedIn: 'gij' is not a form (u or je)" in result.stderr


def test_every_field_counts_and_every_report_shows_it(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht", "Eerste reactie"],
        ["25-11-2026", "09:00", "LinkedIn", "Ons nieuwe jaarverslag staat online", "Lees jij mee?"]],
        encoding="utf-8")
    config = write_config(tmp_path, CHANNELS)
    assert_in_every_report(tmp_path, calendar, "'jij' in Eerste reactie addresses the reader as "
                           "je/jij; LinkedIn uses u", "--config", config)
    assert_in_every_report(tmp_path, calendar, "'jij' in Eerste reactie spreekt de lezer aan met "
                           "je/jij; LinkedIn gebruikt u", "--config", config, lang="nl")


def test_a_mixed_post_says_so(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht"],
        ["25-11-2026", "09:00", "LinkedIn", "Wilt u weten wat jij kunt winnen?"]])
    post = scan_json(calendar, "--config", write_config(tmp_path, CHANNELS))["posts"][0]
    assert post["reasons"] == ["'jij' in Bericht addresses the reader as je/jij; LinkedIn uses u "
                               "(the post mixes u and je/jij)"]


def test_explain_with_a_channel(tmp_path: Path) -> None:
    config = write_config(tmp_path, CHANNELS)
    result = run("explain", "Heb jij al gekeken?", "--channel", "LinkedIn", "--config", config,
                 "--no-shipped-lists")
    assert ("[tone-of-voice, review] 'jij' in text addresses the reader as je/jij; LinkedIn uses u"
            in result.stdout)
    quiet = run("explain", "Heb jij al gekeken?", "--channel", "Instagram", "--config", config,
                "--no-shipped-lists")
    assert "other checks: 0 findings" in quiet.stdout
