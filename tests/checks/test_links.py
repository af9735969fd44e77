"""links: every link of an upcoming post asked of a real web server on 127.0.0.1 (200, 404, a
redirect to the homepage, a redirect elsewhere, HEAD refused, too slow); once per link; quiet
when off (the default) or offline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from contentcheck.checks.links import links_in
from tests.checks.helpers import assert_in_every_report, write_config
from tests.conftest import NOW, run, scan_json, write_csv, write_xlsx
from tests.helpers_servers import link_server

ON = "[checks.links]\nenabled = true\ntimeout = 0.5\n"
# (Bericht, Link) with {site} for the local server -> the problem of each link flagged
EXAMPLES = [
    # should flag
    ("Lees meer", "{site}/gone", ["status"]),
    ("Alle acties: {site}/home-redirect.", None, ["homepage"]),
    ("Lees meer", "{site}/slow", ["timeout"]),
    ("Twee links: {site}/gone en {site}/ok", None, ["status"]),
    ("Lees meer", "http://127.0.0.1:9/kapot", ["unreachable"]),
    # should stay quiet
    ("Lees meer", "{site}/ok", []),
    ("Lees meer op {site}/moved!", None, []),  # redirected, not to the homepage
    ("Lees meer", "{site}/no-head", []),  # HEAD refused, GET fine
    ("Lees meer", "{site}/", []),  # the homepage itself
    ("Geen link hier, wel www als woord", None, []),
]


@pytest.fixture(scope="module")
def site() -> Iterator[tuple[object, str]]:
    with link_server(slow_seconds=2.0) as served:
        yield served


@pytest.mark.parametrize(("text", "link", "problems"), EXAMPLES)
def test_examples(tmp_path: Path, site: tuple, text: str, link: str | None,
                  problems: list[str]) -> None:
    base = site[1]
    calendar = write_xlsx(tmp_path / "kalender.xlsx", {"Planning": [
        ["Datum", "Tijd", "Kanaal", "Bericht", "Link"],
        [dt.datetime(2026, 11, 25), "09:00", "X", text.format(site=base),
         link.format(site=base) if link else None]]})
    post = scan_json(calendar, "--config", write_config(tmp_path, ON))["posts"][0]
    assert [m["details"]["problem"] for m in post["matches"]] == problems
    assert post["status"] == ("review" if problems else "ok")


def test_links_are_found_without_trailing_punctuation() -> None:
    text = "Zie https://korenaar.nl/kerst, of (www.korenaar.nl/actie). En https://x.nl/a_(b)"
    assert [url for *_, url in links_in(text)] == [
        "https://korenaar.nl/kerst", "www.korenaar.nl/actie", "https://x.nl/a_(b)"]


def _calendar(tmp_path: Path, base: str) -> Path:
    return write_csv(tmp_path / "kalender.csv", [
        ["Datum", "Tijd", "Kanaal", "Bericht", "Link"],
        ["25-11-2026", "09:00", "X", "Actie", f"{base}/gone"],
        ["26-11-2026", "09:00", "Instagram", f"Actie: {base}/gone", f"{base}/gone"],
        ["27-11-2026", "09:00", "X", "Alles goed", f"{base}/ok"]], encoding="utf-8")


def test_each_link_is_asked_once_per_scan(tmp_path: Path) -> None:
    with link_server() as (served, base):
        posts = scan_json(_calendar(tmp_path, base), "--config", write_config(tmp_path, ON))["posts"]
        assert [p["status"] for p in sorted(posts, key=lambda p: p["row"])] == ["review", "review", "ok"]
        assert sorted(served.requests) == [("GET", "/gone"), ("HEAD", "/gone"), ("HEAD", "/ok")]


def test_off_by_default_and_quiet_offline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with link_server() as (served, base):
        calendar = _calendar(tmp_path, base)
        assert {p["status"] for p in scan_json(calendar)["posts"]} == {"ok"}
        offline = write_config(tmp_path, ON + "offline = true\n")
        assert {p["status"] for p in scan_json(calendar, "--config", offline)["posts"]} == {"ok"}
        monkeypatch.setenv("CONTENTCHECK_OFFLINE", "1")
        on = write_config(tmp_path, ON)
        assert {p["status"] for p in scan_json(calendar, "--config", on)["posts"]} == {"ok"}
        assert served.requests == []


def test_a_wrong_timeout_is_exit_2(tmp_path: Path) -> None:
    calendar = write_csv(tmp_path / "kalender.csv", [["Datum", "Bericht"], ["25-11-2026", "Hoi"]])
    config = write_config(tmp_path, "[checks.links]\nenabled = true\ntimeout = \"snel\"\n")
    result = run("scan", calendar, "--config", config, "--now", NOW)
    assert result.exit_code == 2 and "timeout must be a number" in result.stderr


def test_in_every_report_and_in_explain(tmp_path: Path) -> None:
    with link_server() as (_, base):
        calendar = write_csv(tmp_path / "kalender.csv", [
            ["Datum", "Tijd", "Kanaal", "Bericht", "Link"],
            ["25-11-2026", "09:00", "X", "Actie", f"{base}/gone"]], encoding="utf-8")
        config = write_config(tmp_path, ON)
        assert_in_every_report(tmp_path, calendar, f"'{base}/gone' in Link: the page answers 404",
                               "--config", config)
        assert_in_every_report(tmp_path, calendar, f"'{base}/gone' in Link: de pagina antwoordt 404",
                               "--config", config, lang="nl")
        result = run("explain", f"Kijk op {base}/home-redirect", "--config", config,
                     "--no-shipped-lists")
        assert (f"[links, review] '{base}/home-redirect' in text: redirects to the homepage "
                f"({base}/)") in result.stdout
