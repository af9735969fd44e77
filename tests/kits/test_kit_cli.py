"""--kit and --escalate on scan, explain and the crisis commands; the real incidents a kit is
for, on calendars written as a spreadsheet program writes them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from contentcheck.cli.crisis import crisis
from tests.conftest import NOW, run, write_csv
from tests.test_crisis import amsterdam_config  # noqa: F401  (autouse: ./contentcheck.toml)


def crisis_cli(*args: str) -> Result:
    return CliRunner().invoke(crisis, [*args, "--now", NOW], catch_exceptions=False)


def calendar(tmp_path: Path, *texts: str) -> Path:
    rows = [["Datum", "Tijd", "Kanaal", "Bericht"]]
    rows += [["25-11-2026", f"{9 + n}:00", "Instagram", text] for n, text in enumerate(texts)]
    return write_csv(tmp_path / "kalender.csv", rows, encoding="utf-8-sig")


def scan(path: Path, *args: str) -> dict[str, dict]:
    """Post text -> its JSON record, with the shipped lists."""
    result = run("scan", str(path), "--now", NOW, "--format", "json", "--exit-zero", *args)
    assert result.exit_code == 0, result.stderr
    return {post["text"]: post for post in json.loads(result.stdout)["posts"]}


# The incidents of issue 14 and more: what a team types that morning, plus the kit; the post
# that hurt must not go out unseen.
INCIDENTS = [
    ("food-safety", ["salmonella", "kip"], "Spicy chicken wings, vanavond 2 voor 1!", "review"),
    ("food-safety", ["salmonella", "eieren"], "Zaterdag gratis proeverij in de winkels", "review"),
    ("food-safety", ["listeria"], "Om je vingers bij af te likken: onze nieuwe paté", "review"),
    ("flood-storm", ["overstroming", "Limburg"], "Make a splash with our summer sale!", "review"),
    ("flood-storm", ["storm Ciara"], "Stormachtige kortingen dit weekend", "pause"),
    ("transport-accident", ["trein", "Houten"], "All aboard! Onze kerstshow begint.", "review"),
    ("transport-accident", ["trein", "Houten"], "Instappen voor de Black Friday-deals", "review"),
    ("transport-accident", ["MH17"], "Vliegende start van het nieuwe seizoen", "review"),
    ("violence-attack", ["Utrecht", "tram"], "Killer deals op alle sneakers", "pause"),
    ("violence-attack", ["Utrecht", "tram"], "Shoot your shot: win a photo shoot", "review"),
    ("fire-explosion", ["Moerdijk"], "Onze prijzen staan in vuur en vlam 🔥", "pause"),
    ("fire-explosion", ["Moerdijk"], "Knallers van deals in de uitverkoop", "review"),
    ("mourning", ["koningin"], "Feest! Confetti en taart in alle winkels 🎉", "review"),
    ("pandemic", ["corona"], "Dit enthousiasme is besmettelijk!", "review"),
    ("data-breach", ["klantgegevens"], "Unlock your personalised offers", "review"),
    ("brand-blunder", ["folder"], "Gegarandeerd de laagste prijs van Nederland", "review"),
    # the fipronil egg scandal (2017): eggs typed, an Easter brunch "to lick your fingers" queued
    ("food-safety", ["fipronil", "eieren"], "Paasbrunch om je vingers bij af te likken", "review"),
    # storm Ciara (2020): the storm typed as a name, a sale "by storm" queued
    ("flood-storm", ["Ciara"], "Take the winter sale by storm!", "pause"),
    # the Chemie-Pack fire at Moerdijk (2011): the place typed, barbecue deals queued
    ("fire-explosion", ["Moerdijk", "Chemie-Pack"], "Vuurwerk en BBQ-deals dit weekend", "review"),
    # the death of Queen Elizabeth II (2022): her name typed, a party weekend queued
    ("mourning", ["Queen Elizabeth"], "Let's party: our birthday weekend starts now!", "review"),
    # lockdown (2020): the virus typed, a "go viral" contest queued
    ("pandemic", ["corona", "covid"], "Help our new video go viral and win!", "review"),
]


@pytest.mark.parametrize(("kit", "typed", "text", "expected"), INCIDENTS)
def test_the_kit_catches_the_incident(tmp_path: Path, kit: str, typed: list[str], text: str,
                                      expected: str) -> None:
    path = calendar(tmp_path, text)
    # the kit's own words; a typed term's translation (kip: chicken) is tests/test_translations.py's
    terms = [arg for term in typed for arg in ("--term", term)] + ["--no-translations"]
    assert scan(path, *terms)[text]["status"] in ("ok", "review")  # the typed terms alone miss
    assert scan(path, *terms, "--kit", kit)[text]["status"] == expected


def test_escalated_hit_pauses_and_says_by_which_crisis(tmp_path: Path) -> None:
    text = "Een schietpartij aan kortingen"  # violence-weapons: review on a normal day
    path = calendar(tmp_path, text)
    assert scan(path)[text]["status"] == "review"
    started = crisis_cli("start", "Schietpartij Alphen", "--term", "Alphen",
                         "--kit", "violence-attack")
    assert started.exit_code == 0, started.stderr
    assert "escalated to pause: violence-weapons" in started.stdout
    post = scan(path)[text]
    assert post["status"] == "pause"
    escalated = [r for r in post["reasons"] if "escalated to pause by crisis Schietpartij" in r]
    assert escalated, post["reasons"]
    dutch = run("scan", str(path), "--now", NOW, "--lang", "nl", "--exit-zero")
    assert "naar pauze opgeschaald door crisis Schietpartij Alphen" in dutch.stdout


def test_escalate_without_a_kit_on_scan_and_crisis(tmp_path: Path) -> None:
    text = "Slachtprijzen op alle tuinmeubelen"  # marketing-metaphors
    path = calendar(tmp_path, text)
    post = scan(path, "--escalate", "marketing-metaphors")[text]
    assert post["status"] == "pause" and "escalated to pause by --escalate" in post["reasons"][0]
    assert crisis_cli("start", "Storm", "--term", "storm", "--escalate",
                      "marketing-metaphors").exit_code == 0
    assert scan(path)[text]["status"] == "pause"
    assert scan(path, "--no-active-crises")[text]["status"] == "review"


def test_unknown_kit_or_category_is_one_line_and_exit_2(tmp_path: Path) -> None:
    path = calendar(tmp_path, "Hallo")
    for args in (["--kit", "volcano"], ["--escalate", "violence"]):
        result = run("scan", str(path), "--now", NOW, *args)
        assert result.exit_code == 2
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert "known:" in result.stderr
    assert crisis_cli("start", "X", "--kit", "volcano").exit_code == 2


def test_explain_takes_a_kit_and_names_it(tmp_path: Path) -> None:
    result = run("explain", "All aboard voor de ontsporing van de prijzen",
                 "--kit", "transport-accident", "--no-active-crises")
    assert result.exit_code == 0, result.stderr
    assert "term 'ontsporing'" in result.stdout and "kit transport-accident" in result.stdout
    assert "category tone-deaf" in result.stdout
    escalated = run("explain", "Een dodelijk ongeluk", "--kit", "transport-accident",
                    "--no-active-crises")
    assert "escalated to pause by kit transport-accident" in escalated.stdout


def test_kits_lists_every_kit_with_a_line() -> None:
    result = CliRunner().invoke(crisis, ["kits"])
    lines = [line for line in result.stdout.splitlines() if line.startswith(("food", "flood"))]
    assert result.exit_code == 0 and len(lines) == 2
    assert "salmonella" in result.stdout and "violence-attack" in result.stdout


def test_show_tells_which_term_came_from_which_kit_and_remove_drops_one(
        tmp_path: Path, isolated_state: Path) -> None:
    assert crisis_cli("start", "Salmonella", "--term", "kip", "--kit", "food-safety").exit_code == 0
    shown = crisis_cli("show", "Salmonella").stdout
    assert "  kip" in shown
    assert "from kit food-safety (pause" in shown and "salmonella" in shown
    assert "from kit food-safety (review" in shown and "smullen" in shown
    text = "Lekker smullen vanavond"
    path = calendar(tmp_path, text)
    assert scan(path)[text]["status"] == "review"

    removed = crisis_cli("remove", "Salmonella", "smullen")
    assert removed.exit_code == 0, removed.stderr
    assert "from kit food-safety" in removed.stdout
    assert scan(path)[text]["status"] == "ok"
    file_text = (isolated_state / "crises" / "salmonella.toml").read_text(encoding="utf-8")
    assert 'kits = ["food-safety"]' in file_text and 'dropped = ["smullen"]' in file_text
    assert "dropped kit terms: smullen" in crisis_cli("show", "Salmonella").stdout

    assert crisis_cli("remove", "Salmonella", "kip").exit_code == 0
    assert "  kip" not in crisis_cli("show", "Salmonella").stdout
    missing = crisis_cli("remove", "Salmonella", "kip")
    assert missing.exit_code == 2 and "has no term 'kip'" in missing.stderr

    phrase = crisis_cli("remove", "Salmonella", "ziek lekker")  # the kit writes it "quoted"
    assert phrase.exit_code == 0, phrase.stderr
    assert "ziek lekker" not in crisis_cli("show", "Salmonella").stdout.split("dropped")[0]
    readded = crisis_cli("add", "Salmonella", "--term", "smullen")
    assert readded.exit_code == 0
    saved = (isolated_state / "crises" / "salmonella.toml").read_text(encoding="utf-8")
    assert 'dropped = ["ziek lekker"]' in saved


def test_add_a_kit_to_a_running_crisis(tmp_path: Path) -> None:
    assert crisis_cli("start", "Houten", "--term", "trein").exit_code == 0
    text = "All aboard for the holidays"
    path = calendar(tmp_path, text)
    assert scan(path)[text]["status"] == "ok"
    added = crisis_cli("add", "Houten", "--kit", "transport-accident")
    assert added.exit_code == 0 and "kit transport-accident" in added.stdout
    assert scan(path)[text]["status"] == "review"
    assert crisis_cli("add", "Houten").exit_code == 2


def test_a_hand_edited_crisis_file_with_a_bad_kit_is_skipped_with_a_warning(
        isolated_state: Path, tmp_path: Path) -> None:
    """One bad crisis file never stops every scan (issue 12): it is named, the scan goes on."""
    folder = isolated_state / "crises"
    folder.mkdir()
    (folder / "x.toml").write_text('name = "X"\nstarted = 2026-11-24T07:00:00+01:00\n'
                                   'kits = "food-safety"\nterms = """kip"""\n', encoding="utf-8")
    result = run("scan", str(calendar(tmp_path, "Hallo")), "--now", NOW)
    assert result.exit_code == 0, result.stderr
    assert "x.toml: kits must be a list of strings" in result.stdout  # in the scan's warnings


def test_the_config_names_kits_and_categories_to_escalate(tmp_path: Path) -> None:
    config = tmp_path / "team.toml"
    config.write_text('[scan]\ntimezone = "Europe/Amsterdam"\nkits = ["transport-accident"]\n'
                      'escalate = ["marketing-metaphors"]\n', encoding="utf-8")
    path = calendar(tmp_path, "All aboard!", "Slachtprijzen op alle jassen")
    posts = scan(path, "--config", str(config))
    assert posts["All aboard!"]["status"] == "review"
    assert posts["Slachtprijzen op alle jassen"]["status"] == "pause"
    config.write_text('[scan]\nkits = ["volcano"]\n', encoding="utf-8")
    result = run("scan", str(path), "--config", str(config), "--now", NOW)
    assert result.exit_code == 2 and "unknown kit 'volcano'" in result.stderr


def test_a_word_typed_as_a_term_and_in_the_kit_is_one_reason(tmp_path: Path) -> None:
    """QA: 'trein' typed as a crisis term and in the transport kit (a tone-deaf word) gave a
    pause and a review reason for the same word, in every report."""
    from tests.conftest import scan_json, write_csv

    calendar = write_csv(tmp_path / "k.csv", [["Datum", "Tijd", "Bericht"],
                                               ["25-11-2026", "10:00", "Met de trein naar huis"]])
    post = scan_json(calendar, "--term", "trein", "--kit", "transport-accident")["posts"][0]
    assert post["status"] == "pause"
    about_trein = [m for m in post["matches"] if m["matched"] == "trein"]
    assert [m["crisis"] for m in about_trein] == [True] and len(post["reasons"]) == 1
