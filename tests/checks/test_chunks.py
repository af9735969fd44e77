"""A scan hands the checks a chunk of posts at a time (``checks.check_posts``); a check that
takes the whole chunk (``check_chunk``) must find exactly what its ``check`` finds on each
post in turn. Posts read from real files: a workbook openpyxl wrote (formulas without saved
results, a post on 4 May at 20:00) and one CSV read in two far-apart zones (one instant on two
calendar days), chunks starting anywhere in a scan."""

from __future__ import annotations

import datetime as dt
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from contentcheck.calendar import ReadOptions, read_calendar
from contentcheck.checks import CheckContext, check_config, check_posts, start_each
from contentcheck.matching import crisis_terms_from_cli
from contentcheck.matching.terms import TermSet
from contentcheck.records import Post
from tests.conftest import write_csv, write_xlsx

D = dt.datetime
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _posts(tmp_path: Path) -> list[Post]:
    book = write_xlsx(tmp_path / "kalender.xlsx", {"Planning": [
        ["Datum", "Tijd", "Kanaal", "Bericht"],
        [D(2026, 5, 4), "20:00", "Instagram", "Nu 2 halen, 1 betalen!"],
        [D(2026, 5, 4), "12:00", "Instagram", "Lunchdeal van de dag"],
        [D(2026, 5, 4), "20:00", "Instagram", '=D3&" !"'],  # a formula nobody calculated
        ["=A2+1", "10:00", "X", "Met de trein naar de kerstmarkt"],
        [None, None, "X", "Nog geen datum"],
        [D(2026, 5, 4), "20:00", "Instagram", "nu 2 halen,  1 betalen!"],  # the first, again
    ]})
    text = write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht"],
        ["10-11-2026", "23:00", "X", "Late deal"],
        ["11-11-2026", "12:00", "X", "Sint-Maarten-actie"],
        ["11-11-2026", "", "X", "Lampionnen in de winkel"],
        ["12-11-2026", "00:30", "", "Geen kanaal"],
    ])
    posts = read_calendar(book, ReadOptions(timezone=AMSTERDAM, reference=date(2026, 5, 1))).posts
    for zone in ("Etc/GMT+12", "Pacific/Kiritimati", "Europe/London"):
        posts += read_calendar(text, ReadOptions(timezone=ZoneInfo(zone),
                                                 reference=date(2026, 11, 1))).posts
    return posts


def _runners(crisis: TermSet) -> list:
    context = CheckContext(now=datetime(2026, 5, 1, 8, tzinfo=AMSTERDAM), crisis=crisis,
                           lists=TermSet(), errors=(("2,99", "crisis Prijsfout"),))
    configs = check_config({"sensitive-dates": {"dates": [
        {"date": "11-12", "timezone": "Pacific/Kiritimati", "en": "a far-east remembrance"}]}})
    return [runner for _, runner in start_each(context, configs)]


def test_each_check_chunk_finds_what_its_check_finds_post_by_post(tmp_path: Path) -> None:
    posts = _posts(tmp_path)
    found_any = set()
    for start in (0, 1, 4_999):  # a chunk's first post is anywhere in the scan
        for cut in (1, 3, len(posts)):  # and the posts come in chunks of any size
            whole = [r for r in _runners(TermSet()) if hasattr(r, "check_chunk")]
            alone = [r for r in _runners(TermSet()) if hasattr(r, "check_chunk")]
            assert whole, "no check takes a chunk of posts"
            for chunked, each in zip(whole, alone):
                got = [(i, list(f)) for offset in range(0, len(posts), cut)
                       for i, f in chunked.check_chunk(start + offset, posts[offset:offset + cut])]
                expected = [(i, list(f)) for i, post in enumerate(posts, start)
                            if (f := each.check(i, post))]
                assert got == expected, type(chunked).__name__
                found_any |= {f.check for _, findings in got for f in findings}
    # the files hold what each chunked check looks for, so the comparison means something
    assert {"sensitive-dates", "unsaved-formulas"} <= found_any


@pytest.mark.parametrize("cut", [1, 2, 5, 1000])
def test_check_posts_gives_each_post_its_findings_in_registry_order(tmp_path: Path,
                                                                     cut: int) -> None:
    """Every enabled check, the terms check with a crisis term among them, over chunks of
    any size: each post's findings as checking it alone with every runner in turn gives."""
    posts = _posts(tmp_path)
    crisis = crisis_terms_from_cli(["trein", "instagram", "halen"])
    runners, alone = _runners(crisis), _runners(crisis)
    found: dict[int, list] = {}
    for offset in range(0, len(posts), cut):
        found.update(check_posts(runners, posts[offset:offset + cut], 100 + offset))
    expected = {}
    for index, post in enumerate(posts, 100):
        findings = [f for runner in alone for f in runner.check(index, post)]
        if findings:
            expected[index] = findings
    assert found == expected
    assert len({f.check for findings in found.values() for f in findings}) >= 3
