"""The JSON of a plain ok post is put together from parts: the same bytes as its dict."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from contentcheck.records import Finding, Post, PostField, Severity, Status, Verdict
from contentcheck.report.json_report import _encode, _PlainPosts, _post

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def post(**changes: object) -> Post:
    values: dict[str, object] = dict(
        source="kalender.csv", sheet=None, row=2, channel="Instagram", status="Gepland",
        scheduled_at=datetime(2026, 11, 25, 9, tzinfo=AMSTERDAM),
        fields=(PostField("Bericht", "Met de 🚂 naar de \"kerstmarkt\" \\ café"),
                PostField("Link", "https://example.nl/p/1")))
    values.update(changes)
    return Post(**values)  # type: ignore[arg-type]


def test_plain_posts_are_the_bytes_of_their_dict() -> None:
    # the same instant in two zones, and the ambiguous hour of the autumn clock change twice
    # (fold): equal moments with different text, so the parts are keyed by the text
    utc = datetime(2026, 11, 25, 8, tzinfo=timezone.utc)
    first = datetime(2026, 10, 25, 2, 30, tzinfo=AMSTERDAM)
    posts = [post(), post(row=3), post(scheduled_at=utc), post(scheduled_at=utc.astimezone(AMSTERDAM)),
             post(scheduled_at=first), post(scheduled_at=first.replace(fold=1)),
             post(scheduled_at=None), post(all_day=True, scheduled_at=utc - timedelta(hours=8)),
             post(sheet="December", channel=None, status=None), post(sheet=""),
             post(fields=(PostField("Bericht", "a"), PostField("Bericht", "b"))),
             post(fields=(PostField("Tekst", "\u2028 \x00 </script>"),)), post(row=10**7)]
    plain = _PlainPosts({})
    for one in posts:
        verdict = Verdict(post=one, status=Status.OK)
        made = plain.entry(verdict)
        assert made is not None and made == _encode(_post(verdict, {}))


def test_other_posts_are_left_to_their_dict() -> None:
    finding = Finding(check="terms", field="Bericht", start=0, end=3, matched="Met", rule="met",
                      source="t", category="c", severity=Severity.LOW, status=Status.REVIEW)
    flagged = Verdict(post=post(), status=Status.REVIEW, findings=(finding,), reasons=("r",))
    warned = Verdict(post=post(warnings=("date not read",)), status=Status.OK)
    broken = Verdict(post=post(fields=(PostField("Bericht", "broken \ud800 text"),)),
                     status=Status.OK)
    twin, other = Verdict(post=post(), status=Status.OK), Verdict(post=post(source="b.csv"),
                                                                  status=Status.OK)
    twins = {id(twin): (twin, other), id(other): (twin, other)}
    plain = _PlainPosts(twins)
    for verdict in (flagged, warned, broken, twin):
        assert plain.entry(verdict) is None
    assert b'"twins":["b.csv row 2"]' in _encode(_post(twin, twins))
    assert b"\\ud800" in _encode(_post(broken, {}))
