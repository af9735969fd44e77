"""sensitive-dates: posts in a remembrance window go to review with the window named; the posts
just outside stay quiet. Calendars written as real workbooks and CSV files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.conftest import run, write_csv, write_xlsx

D = dt.datetime
NOW = "2026-05-01T08:00"
# (rows after the header [Datum, Tijd, Kanaal, Bericht], the statuses expected, in row order)
EXAMPLES = [
    # should flag
    ([[D(2026, 5, 4), "20:00", "Instagram", "Nu 2 halen, 1 betalen!"]], ["review"]),
    ([[D(2026, 5, 4), "19:58", "X", "Zomercollectie binnen"]], ["review"]),
    ([[D(2026, 5, 4), "21:30", "Facebook", "Vanavond live: onze kookshow"]], ["review"]),
    ([[D(2026, 5, 5), "10:00", "Instagram", "Bevrijdingsdeals: alles -45%"]], ["review"]),
    ([[D(2026, 5, 4), None, "X", "Hele dag, geen tijd"]], ["review"]),
    # should stay quiet
    ([[D(2026, 5, 4), "12:00", "Instagram", "Lunchdeal van de dag"]], ["ok"]),
    ([[D(2026, 5, 4), "17:59", "Instagram", "Borrelplank voor vanavond"]], ["ok"]),
    ([[D(2026, 5, 6), "20:00", "Instagram", "Nieuwe sneakers"]], ["ok"]),
    ([[D(2026, 5, 3), "20:00", "LinkedIn", "We zoeken collega's"]], ["ok"]),
]


def scan(path: Path, *args: str, now: str = NOW) -> list[dict]:
    result = run("scan", str(path), "--now", now, "--timezone", "Europe/Amsterdam", "--days", "14",
                 "--format", "json", "--no-shipped-lists", "--exit-zero", *args)
    assert result.exit_code == 0, result.stderr
    return sorted(json.loads(result.stdout)["posts"], key=lambda p: p["row"])


@pytest.mark.parametrize(("rows", "expected"), EXAMPLES)
def test_examples(tmp_path: Path, rows: list, expected: list[str]) -> None:
    calendar = write_xlsx(tmp_path / "kalender.xlsx", {"Planning": [
        ["Datum", "Tijd", "Kanaal", "Bericht"], *rows]})
    assert [p["status"] for p in scan(calendar)] == expected


def test_the_reason_names_the_narrowest_window_in_both_languages(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht"],
        ["04-05-2026", "20:01", "Instagram", "Voorjaarssale"],
        ["04-05-2026", "22:00", "Instagram", "Voorjaarssale 2"],
    ])
    posts = scan(calendar)
    assert posts[0]["reasons"] == [
        "scheduled during the two minutes of silence on 4 May (04-05-2026 19:58-20:02)"]
    assert posts[1]["reasons"] == ["scheduled during the evening of the Dutch Remembrance of "
                                   "the Dead (4 May) (04-05-2026 18:00-24:00)"]
    assert posts[0]["matches"][0]["check"] == "sensitive-dates"
    table = run("scan", str(calendar), "--now", NOW, "--timezone", "Europe/Amsterdam",
                "--no-shipped-lists", "--lang", "nl", "--exit-zero")
    assert "gepland tijdens de twee minuten stilte op 4 mei" in table.stdout


def test_a_window_in_another_zone_is_read_in_that_zone(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht"],
        ["11-11-2026", "12:00", "X", "Sint-Maarten-actie"],  # 11:00 in London
        ["11-11-2026", "11:00", "X", "Carnaval begint!"],  # 10:00 in London
        ["11-11-2026", "", "X", "Sint-Maarten: lampionnen in de winkel"],  # the whole day
        ["10-11-2026", "", "X", "Dinsdagdeal"],  # not 11 November anywhere
    ])
    posts = scan(calendar, now="2026-11-09T08:00")
    assert [p["status"] for p in posts] == ["review", "ok", "review", "ok"]
    assert "11-11-2026 11:58-12:02" in posts[0]["reasons"][0]


def test_a_team_adds_its_own_dates_in_the_config_and_a_file(tmp_path: Path) -> None:
    (tmp_path / "onze-data.toml").write_text(
        '[[date]]\ndate = "2026-05-12"\nfrom = "09:00"\nto = "12:00"\n'
        'reason = "the memorial service for our colleague"\n', encoding="utf-8")
    config = tmp_path / "contentcheck.toml"
    config.write_text(
        '[checks.sensitive-dates]\nshipped = false\nfile = "%s"\n'
        'dates = [{date = "05-08", en = "ten years since the Zwolle store fire", '
        'nl = "tien jaar na de brand in Zwolle"}]\n' % (tmp_path / "onze-data.toml").as_posix(),
        encoding="utf-8")
    calendar = write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht"],
        ["04-05-2026", "20:00", "X", "Shipped dates are off"],
        ["08-05-2026", "09:00", "X", "Vrijdagborrel"],
        ["12-05-2026", "10:00", "X", "Dinsdagdeal"],
        ["12-05-2026", "13:00", "X", "Middagdeal"],
    ])
    posts = scan(calendar, "--config", str(config))
    assert [p["status"] for p in posts] == ["ok", "review", "review", "ok"]
    assert "ten years since the Zwolle store fire" in posts[1]["reasons"][0]
    assert "memorial service for our colleague (12-05-2026 09:00-12:00)" in posts[2]["reasons"][0]


def test_a_relative_dates_file_is_read_beside_the_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    team = tmp_path / "team"
    team.mkdir()
    (team / "onze-data.toml").write_text('[[date]]\ndate = "05-08"\nreason = "our own day"\n',
                                         encoding="utf-8")
    (team / "contentcheck.toml").write_text(
        '[checks.sensitive-dates]\nshipped = false\nfile = "onze-data.toml"\n', encoding="utf-8")
    calendar = write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht"], ["08-05-2026", "09:00", "X", "Vrijdagborrel"]])
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    posts = scan(calendar, "--config", str(team / "contentcheck.toml"))
    assert [p["status"] for p in posts] == ["review"] and "our own day" in posts[0]["reasons"][0]


@pytest.mark.parametrize(("table", "message"), [
    ('dates = [{date = "4 mei", en = "x"}]', "date must be \"MM-DD\""),
    ('dates = [{date = "31-05", en = "x"}]', "is not a date (write \"MM-DD\""),
    ('dates = [{date = "02-30", en = "x"}]', "is not a date"),
    ('dates = [{date = "05-04", from = "20:00", en = "x"}]', "give both from and to"),
    ('dates = [{date = "05-04", from = "21:00", to = "20:00", en = "x"}]', "must come after"),
    ('dates = [{date = "05-04", from = "25:00", to = "26:00", en = "x"}]', "not an hour"),
    ('dates = [{date = "05-04"}]', "say what the date is"),
    ('dates = [{date = "05-04", en = "x", timezone = "Mars/Base"}]', "unknown timezone"),
    ('dates = [{date = "05-04", en = "x", colour = "red"}]', "unknown key(s) colour"),
    ('file = "missing.toml"', "cannot read the dates file"),
])
def test_a_bad_date_is_one_line_and_exit_2(tmp_path: Path, table: str, message: str) -> None:
    config = tmp_path / "contentcheck.toml"
    config.write_text(f"[checks.sensitive-dates]\n{table}\n", encoding="utf-8")
    calendar = write_csv(tmp_path / "kalender.csv", [["Datum", "Tijd", "Kanaal", "Bericht"],
                                                     ["04-05-2026", "20:00", "X", "Hallo"]])
    result = run("scan", str(calendar), "--config", str(config), "--now", NOW)
    assert result.exit_code == 2
    assert message in result.stderr and result.stderr.count("\n") == 1


def test_a_window_far_east_catches_a_post_dated_the_day_before_far_west(tmp_path: Path) -> None:
    """Time zones lie up to 26 hours apart: a post late on 10 November at UTC-12 falls on
    12 November on Kiritimati (UTC+14), two calendar days on (the quick day filter must not
    miss it)."""
    config = tmp_path / "contentcheck.toml"
    config.write_text('[checks.sensitive-dates]\nshipped = false\n'
                      'dates = [{date = "11-12", timezone = "Pacific/Kiritimati", '
                      'en = "a far-east remembrance"}]\n', encoding="utf-8")
    calendar = write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht"],
        ["10-11-2026", "23:00", "X", "Late deal"],  # 12-11 01:00 on Kiritimati
        ["10-11-2026", "22:30", "X", "Later deal"],  # 12-11 00:30 there
        ["10-11-2026", "21:30", "X", "Evening deal"],  # 11-11 23:30 there: outside
    ])
    result = run("scan", str(calendar), "--now", "2026-11-01T08:00", "--timezone",
                 "Etc/GMT+12", "--days", "14", "--format", "json", "--no-shipped-lists",
                 "--exit-zero", "--config", str(config))
    assert result.exit_code == 0, result.stderr
    posts = sorted(json.loads(result.stdout)["posts"], key=lambda p: p["row"])
    assert [p["status"] for p in posts] == ["review", "review", "ok"]
