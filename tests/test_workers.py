"""A scan in several processes writes the same report, byte for byte, as a scan in one.

Real files (a cp1252 CSV and an openpyxl workbook), real worker processes; the chunk size is
made small so a calendar of a few hundred posts is cut into many chunks.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from contentcheck import workers
from tests.conftest import NOW, run, write_csv, write_xlsx

CRISIS = Path(__file__).parent.parent / "samples" / "crisis-treinongeluk.txt"
TEXTS = [
    "Met de trein naar de kerstmarkt? Plan je reis op tijd.",  # a crisis term
    "Killer deals dit weekend in al onze winkels!",  # a word list
    "Nieuwe wintercollectie: warme truien voor het hele gezin.",
    "Wist u dat wij ook op zondag open zijn?",  # tone of voice: u
    "Heb jij je verlanglijstje al klaar?",  # tone of voice: je
    "Win een cadeaubon van 50 euro: deel deze post.",
    "Helaas, helaas: de winkel is dicht. Onze excusses voor het ongemak.",  # spelling
]
CHANNELS = ["Instagram", "Facebook", "LinkedIn"]


def _rows(count: int, start: dt.datetime) -> list[list[object]]:
    rows: list[list[object]] = [["Datum", "Tijd", "Kanaal", "Tekst", "Eigenaar"]]
    for number in range(count):
        moment = start + dt.timedelta(minutes=17 * number)
        text = f"{TEXTS[number % len(TEXTS)]} ({number})"
        if number % 97 == 0:  # the same post twice, far apart: in different chunks
            text = "Dubbel ingepland: onze kerstactie start vandaag!"
        rows.append([f"{moment:%d-%m-%Y}", f"{moment:%H:%M}", CHANNELS[number % 3], text,
                     "Sanne"])
    return rows


@pytest.fixture
def calendars(tmp_path: Path) -> list[Path]:
    start = dt.datetime(2026, 11, 24, 9, 0)
    csv_path = write_csv(tmp_path / "kalender.csv", _rows(900, start))
    xlsx_path = write_xlsx(tmp_path / "tweede.xlsx", {"Planning": _rows(700, start)})
    return [csv_path, xlsx_path]


def _report(tmp_path: Path, calendars: list[Path], jobs: int, *extra: str) -> bytes:
    out = tmp_path / f"report-{jobs}-{len(extra)}.json"
    result = run("scan", *calendars, "--now", NOW, "--timezone", "Europe/Amsterdam", "--all",
                 "--format", "json", "-o", out, "--jobs", str(jobs), *extra)
    assert result.exit_code == 1, result.output  # posts are flagged
    return out.read_bytes()


@pytest.mark.parametrize("crisis", [False, True], ids=["lists", "crisis"])
def test_several_processes_write_the_same_report(tmp_path: Path, calendars: list[Path],
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 crisis: bool) -> None:
    monkeypatch.setattr(workers, "CHUNK", 150)  # 1,600 posts: 11 chunks
    extra = ("--crisis", str(CRISIS)) if crisis else ()
    one = _report(tmp_path, calendars, 1, *extra)
    two = _report(tmp_path, calendars, 2, *extra)
    three = _report(tmp_path, calendars, 3, *extra)
    assert one == two == three
    assert b'"check":"duplicate-post"' in one  # the check across posts found the far-apart twins
    assert (b'"crisis":true' in one) is crisis


def test_every_check_on_gives_the_same_report(tmp_path: Path, calendars: list[Path],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Tone of voice (across posts, per channel) and spelling (per post) switched on too."""
    monkeypatch.setattr(workers, "CHUNK", 150)
    config = tmp_path / "contentcheck.toml"
    config.write_text("[checks.tone-of-voice]\nenabled = true\n\n"
                      "[checks.spelling]\nenabled = true\n", encoding="utf-8")
    one = _report(tmp_path, calendars, 1, "--config", str(config))
    assert _report(tmp_path, calendars, 2, "--config", str(config)) == one
    for check in ("tone-of-voice", "spelling", "duplicate-post"):
        assert f'"check":"{check}"'.encode() in one, check


def test_spawned_workers_build_their_own_checks(tmp_path: Path, calendars: list[Path],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the platform cannot fork, each worker compiles the checks itself: same report."""
    monkeypatch.setattr(workers, "CHUNK", 400)
    one = _report(tmp_path, calendars, 1, "--crisis", str(CRISIS))
    monkeypatch.setattr(workers, "_method", lambda: "spawn")
    assert _report(tmp_path, calendars, 2, "--crisis", str(CRISIS)) == one


def test_workers_are_capped_at_the_chunks_of_work() -> None:
    assert workers.workers_for(8, 60) == 1  # a small calendar: no pool at all
    assert workers.workers_for(8, workers.CHUNK * 3) == 3
    assert workers.workers_for(2, workers.CHUNK * 10) == 2
    assert workers.workers_for(None, workers.CHUNK * 1000) == workers.available_cores()


def test_jobs_below_one_is_refused(tmp_path: Path, calendars: list[Path]) -> None:
    result = run("scan", calendars[0], "--jobs", "0")
    assert result.exit_code == 2
    assert "--jobs" in result.output
    config = tmp_path / "contentcheck.toml"
    config.write_text("[scan]\njobs = 0\n", encoding="utf-8")
    result = run("scan", calendars[0], "--config", config)
    assert result.exit_code == 2
    assert "[scan] jobs must be 1 or more" in result.output


def test_one_pool_checks_every_batch_with_the_same_report(tmp_path: Path, calendars: list[Path],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of 300 posts (1,600 posts in all): the first batch's posts are inherited by the
    forked workers, the later ones are sent to the same workers; one pool, the same report."""
    from contentcheck import scan

    monkeypatch.setattr(workers, "CHUNK", 100)
    one = _report(tmp_path, calendars, 1, "--crisis", str(CRISIS))
    started: list[int] = []
    real = workers.CheckPool.__init__

    def counted(self: workers.CheckPool, *args: object, **kwargs: object) -> None:
        started.append(1)
        real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(workers.CheckPool, "__init__", counted)
    monkeypatch.setattr(scan, "POOL_BATCH", 300)
    assert _report(tmp_path, calendars, 2, "--crisis", str(CRISIS)) == one
    assert started == [1]


def test_posts_sent_to_a_worker_arrive_equal() -> None:
    """What a later batch sends through the pipe: every field of a post, the zone of its
    moment the same object."""
    from zoneinfo import ZoneInfo

    from contentcheck.records import Post, PostField

    zone = ZoneInfo("Europe/Amsterdam")
    posts = [
        Post("kalender.csv", None, 2, dt.datetime(2026, 11, 24, 9, 0, tzinfo=zone), "Instagram",
             "Gepland", (PostField("Tekst", "Met de trein"), PostField("Hashtags", "#kerst")),
             (), (("Eigenaar", "Sanne"),), False),
        Post("tweede.xlsx", "Planning", 7, None, None, None, (PostField("Tekst", "Zonder datum"),),
             ("column 'Datum' is empty: the post has no date",), (), True),
    ]
    import pickle

    back = workers._decoded(pickle.loads(pickle.dumps(workers._encoded(posts))))  # the pipe
    assert back == posts
    assert back[0].scheduled_at.tzinfo is zone and isinstance(back[0].fields[0], PostField)
    assert back[0].fields[1].name == "Hashtags" and back[1].warnings == posts[1].warnings
