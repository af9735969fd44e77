"""A typed crisis term finds its translation in posts of the other language (issue 11).

Real calendars (an xlsx written by openpyxl, a CSV as Dutch Excel saves it) with Dutch and
English posts, terms typed in one language; the false friends and everyday words that must
stay quiet; the switch; the wording of explain and the reports; the terms cache. The posts are
written for these tests.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from contentcheck.errors import TermFileError
from contentcheck.matching import crisis_terms_from_cli
from contentcheck.matching.cache import cache_key
from contentcheck.matching.terms import TermSet
from contentcheck.translations import OTHER, Table, shipped_table, translated, translations_of
from tests.conftest import NOW, run, scan_json as _scan_json, write_csv, write_xlsx


def scan_json(*args: str) -> dict:
    """A scan with the translations alone: no kit chosen from the typed terms, whose review
    words would flag these posts too (tests/kits/test_kit_choice.py tests those)."""
    return _scan_json(*args, "--no-kit-guess")

# (typed terms, a post of the other language, what the scan decides)
FINDS = [
    # Dutch typed, English post
    (["trein*"], "Trains, trams and tractors: the new toy corner opens on Saturday", "pause"),
    (["aardbeving"], "Earthquake-proof prices, this weekend only", "pause"),
    (["ontsporing", "Houten"], "Weekend service after the derailment near the depot", "pause"),
    (["overstroming"], "Flooding in the cellar? Our water pumps are in stock", "pause"),
    (["datalek"], "We are sorry about the data breach and changed every password", "pause"),
    (["treinongeluk"], "A train crash on the model railway: all wooden tracks 30% off", "pause"),
    (["#vliegramp"], "Our thoughts are with everyone after the air disaster", "pause"),
    (["kip", "salmonella"], "Crispy chicken wings for the match tonight", "pause"),
    (["uitvaart"], "Funeral flowers: order before noon for delivery tomorrow", "pause"),
    # recall has an everyday sense (recall a memory): its hits ask for review (`review` flag)
    (["terugroepactie"], "Recall notice for our hazelnut cookies, best before May", "review"),
    (["gehackt"], "Our webshop account was hacked overnight, please ignore the mails", "pause"),
    # a wildcard translates by its stem word (held-out miss class: lek* -> leaked, leaks)
    (["lek*"], "Our customer data leaked last night, we are sorry", "pause"),
    (["lek*"], "New leaks found in the payment system, we are on it", "pause"),
    (["uitgelekt"], "Internal memo leaked to the press, read our answer here", "pause"),
    (["slachtoffers"], "Raising money for the victims: every euro helps", "pause"),
    (["storing", "pinnen"], "Card payments work again after this morning's outage", "pause"),
    # a word the same in both languages, and the place of an accident or a crowd
    (["festival", "gedrang"], "Festival season starts now: tickets and tents in one package", "pause"),
    (["concert*", "gedrang"], "Concerts in the park all summer, bring a blanket", "pause"),
    (["strand", "verdrinking"], "Beach days are back: towels and parasols half price", "pause"),
    # a word the table lacks is translated by its lemma: the plural typed under stress
    (["aardbevingen", "Groningen"], "Earthquakes again: our shops in the north stay open", "pause"),
    (["earthquakes"], "Na de aardbeving in het noorden blijven onze winkels open", "pause"),
    # English typed, Dutch post
    (["earthquake"], "Aardbevingsbestendige kasten nu in de aanbieding", "pause"),
    (["derailment"], "Na de ontsporing rijden er vandaag bussen naar Gouda", "pause"),
    (["stabbing"], "Na de steekpartij blijft de winkel aan de Markt dicht", "pause"),
    (["wildfire"], "De bosbranden in het zuiden houden de hele week aan", "pause"),
    (["funeral"], "De uitvaart is donderdag, de winkel gaat om 12 uur dicht", "pause"),
    (["data breach"], "Excuses voor het datalek van vorige week, lees hier wat we doen", "pause"),
    (["plane crash"], "Geen vakantiedeals na de vliegtuigcrash bij de kust", "pause"),
    (["recall"], "Terugroepactie: pindakoekjes van ons huismerk", "pause"),
    (["knife"], "Nieuw in de keuken: messen van Japans staal", "pause"),
    (["power outage"], "Door de stroomstoring is de winkel vandaag dicht", "pause"),
    # the brand's own blunder: what the team types about its bookings
    (["geannuleerd", "prijsfout"], "Flights cancelled? Our city breaks still go ahead", "pause"),
    (["boeking*", "prijsfout"], "Your booking, your way: pick your seat in the app", "pause"),
    (["price error"], "Excuses voor de prijsfout in onze nieuwsbrief", "pause"),
    (["menigte", "gedrang"], "Big crowds expected at our winter market, come early", "pause"),
    (["opgesloten"], "Locked in for the night at the museum: kids' sleepover tickets", "pause"),
    (["zwemmen", "verdrinking"], "Kids swim free at our partner pools in May", "pause"),
    (["koolmonoxide"], "Is your carbon monoxide alarm ready for winter?", "pause"),
    # a crush is also a crush on someone: review
    (["gedrang"], "Our new lipstick is everyone's crush this spring", "review"),
]

# a translation that is an everyday word of another meaning, or a false friend, is never made
QUIET = [
    (["brand", "explosie"], "Our brand is all about fresh bread for the whole family"),
    (["leak"], "Lekke band? Onze plakset helpt je in vijf minuten"),  # lek goes one way
    (["fire", "explosion"], "Brand new: our winter coats are in the shop today"),
    (["outage"], "We are storing the garden chairs in the shed until spring"),
    (["perron"], "Our new platform for recipes is live today"),
    (["schip"], "We ship for free to every address in the country"),
    (["smoke"], "Het rook heerlijk naar verse koffie in de winkel vanochtend"),
    (["accident"], "Per ongeluk te veel taart besteld? Deel het met de buren!"),
    (["disaster"], "Later besteld? Geen ramp, we bezorgen ook op zaterdag"),
    (["attack"], "Kalkaanslag in de waterkoker? Dit helpt echt"),
    (["death"], "Doodgewoon lekker: onze appeltaart met slagroom"),
    (["train driver"], "De machinist van de koffiemachine: onze barista Sem"),
    # a noun's translation is no verb: trein is no training, rook no smoked salmon
    (["trein*", "ontsporing"], "Our new training programme for staff starts in January"),
    (["trein", "ontsporing"], "New trainers in the sports department, from 49 euros"),
    (["rook", "brand"], "Smoked salmon bagels for breakfast this Sunday"),
    (["brand", "rook"], "We are fired up for the winter sale"),
    (["strand"], "Stranded at the airport? Our lounge passes help"),  # strand is a beach, not stranded
]


def _calendar_csv(tmp_path: Path, texts: list[str]) -> Path:
    rows = [["Datum", "Tijd", "Kanaal", "Bericht"]]
    rows += [["25-11-2026", f"{9 + n}:00", "Instagram", text] for n, text in enumerate(texts)]
    return write_csv(tmp_path / "kalender.csv", rows, encoding="utf-8-sig")


def _terms(typed: list[str]) -> list[str]:
    return [arg for term in typed for arg in ("--term", term)]


def _statuses(doc: dict) -> dict[str, str]:
    return {post["text"]: post["status"] for post in doc["posts"]}


@pytest.mark.parametrize(("typed", "text", "expected"), FINDS)
def test_a_typed_term_finds_its_translation(tmp_path: Path, typed: list[str], text: str,
                                             expected: str) -> None:
    path = _calendar_csv(tmp_path, [text])
    assert _statuses(scan_json(path, *_terms(typed)))[text] == expected
    # and without translations the typed terms alone miss it: the translation found it
    assert _statuses(scan_json(path, *_terms(typed), "--no-translations"))[text] == "ok"


@pytest.mark.parametrize(("typed", "text"), QUIET)
def test_false_friends_and_everyday_words_stay_quiet(tmp_path: Path, typed: list[str],
                                                     text: str) -> None:
    path = _calendar_csv(tmp_path, [text])
    assert _statuses(scan_json(path, *_terms(typed)))[text] == "ok"


def test_a_mixed_xlsx_calendar_with_a_declared_crisis(tmp_path: Path) -> None:
    """The on-call person declares the crisis in Dutch; the English posts of the brand's
    calendar are paused too, each saying which typed term it is the translation of."""
    assert run("crisis", "start", "Treinongeluk Utrecht", "--term", "trein*", "--term",
               "ontsporing", "--now", "2026-11-24T07:00").exit_code == 0
    header = ["Datum", "Tijd", "Kanaal", "Bericht", "Hashtags"]
    day = dt.datetime(2026, 11, 25)
    rows = [header,
            [day, dt.time(9, 0), "Instagram", "Met de trein naar de kerstmarkt!", "#kerst"],
            [day, dt.time(10, 0), "LinkedIn", "Our trainee programme starts in January", ""],
            [day, dt.time(11, 0), "Facebook", "Trains, trams and tractors: the toy corner", ""],
            [day, dt.time(12, 0), "X", "Wintertips voor je tuin", "#derailment"],
            [day, dt.time(13, 0), "TikTok", "Our brand new advent calendar", ""]]
    path = write_xlsx(tmp_path / "kalender.xlsx", {"Planning": rows})
    result = run("scan", path, "--now", NOW, "--timezone", "Europe/Amsterdam", "--format", "json",
                 "--no-shipped-lists", "--exit-zero")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    by_row = {post["row"]: post for post in doc["posts"]}
    assert {row: post["status"] for row, post in by_row.items()} == {
        2: "pause", 3: "ok", 4: "pause", 5: "pause", 6: "ok"}
    (match,) = by_row[4]["matches"]
    assert match["term"] == "train" and match["matched"] == "Trains"
    assert match["list"] == "crisis Treinongeluk Utrecht, train: translation of 'trein*'"
    assert by_row[5]["matches"][0]["list"].endswith("derailment: translation of 'ontsporing'")
    assert doc["crisis"]["terms"] == ["trein*", "ontsporing", "train", "derailment"]


def test_a_hashtag_translation_pauses_in_a_hashtag(tmp_path: Path) -> None:
    path = _calendar_csv(tmp_path, ["Fijne kerst allemaal! #earthquake"])
    assert _statuses(scan_json(path, "--term", "aardbeving"))["Fijne kerst allemaal! #earthquake"] \
        == "pause"


def test_the_switch_in_the_config_and_on_the_command_line(tmp_path: Path) -> None:
    text = "Trains, trams and tractors: the new toy corner opens on Saturday"
    path = _calendar_csv(tmp_path, [text])
    config = tmp_path / "contentcheck.toml"
    config.write_text("[scan]\ntranslations = false\n", encoding="utf-8")
    off = scan_json(path, "--term", "trein*", "--config", config)
    assert _statuses(off)[text] == "ok" and off["crisis"]["terms"] == ["trein*"]
    config.write_text("[scan]\ntranslations = true\n", encoding="utf-8")
    assert _statuses(scan_json(path, "--term", "trein*", "--config", config))[text] == "pause"
    assert _statuses(scan_json(path, "--term", "trein*", "--config", config,
                               "--no-translations"))[text] == "ok"  # the flag beats the file
    config.write_text('[scan]\ntranslations = "no"\n', encoding="utf-8")
    bad = run("scan", path, "--term", "trein*", "--config", config, "--now", NOW)
    assert bad.exit_code == 2 and "translations must be true or false" in bad.stderr


def test_explain_and_the_reports_say_what_the_translation_is_of(tmp_path: Path) -> None:
    text = "Trains, trams and tractors: the new toy corner opens on Saturday"
    shown = run("explain", text, "--term", "trein*", "--no-shipped-lists")
    assert shown.exit_code == 0
    assert "term 'train' (an inflected form)" in shown.output
    assert "list crisis (--term), train: translation of 'trein*'" in shown.output
    assert ("'Trains' in text matches crisis term 'train' (crisis (--term), train: translation "
            "of 'trein*')") in shown.output
    off = run("explain", text, "--term", "trein*", "--no-shipped-lists", "--no-translations")
    assert "0 matches" in off.output
    path = _calendar_csv(tmp_path, [text])
    for report in ("report.csv", "report.xlsx"):
        result = run("scan", path, "--term", "trein*", "--now", NOW, "--no-shipped-lists",
                     "--exit-zero", "-o", tmp_path / report)
        assert result.exit_code == 0, result.stderr
    assert "train: translation of 'trein*'" in (tmp_path / "report.csv").read_text("utf-8-sig")
    import openpyxl

    book = openpyxl.load_workbook(tmp_path / "report.xlsx", read_only=True)
    cells = [str(cell) for sheet in book for row in sheet.iter_rows(values_only=True)
             for cell in row if cell]
    assert any("train: translation of 'trein*'" in cell for cell in cells)


def test_crisis_start_add_and_show_list_the_translations_and_not_the_kits(tmp_path: Path) -> None:
    started = run("crisis", "start", "Treinongeluk", "--term", "trein*", "--kit",
                  "transport-accident", "--now", "2026-11-24T07:00")
    assert started.exit_code == 0
    # the kit's ontsporing is not translated (the kit has derailment itself)
    assert "translations (pause, 1): train (trein*)" in started.output
    added = run("crisis", "add", "Treinongeluk", "--term", "machinist", "--now", NOW)
    assert "translations (pause, 2): train (trein*), \"train driver\" (machinist)" in added.output
    shown = run("crisis", "show", "Treinongeluk", "--now", NOW).output
    assert "translations (pause, 2): train (trein*), \"train driver\" (machinist)" in shown
    config = tmp_path / "contentcheck.toml"
    config.write_text("[scan]\ntranslations = false\n", encoding="utf-8")
    quiet = run("crisis", "show", "Treinongeluk", "--now", NOW, "--config", config)
    assert quiet.exit_code == 0 and "translations" not in quiet.output


def test_a_plural_hint_is_for_the_typed_term_only(tmp_path: Path) -> None:
    path = _calendar_csv(tmp_path, ["Raising money for the victims"])
    doc = scan_json(path, "--term", "slachtoffers", "--term", "treinen", "--term", "brand")
    hints = [w for w in doc["warnings"] if "is a plural" in w]
    # treinen keeps its note (a verb too); slachtoffers finds its singular; none for 'victims'
    assert len(hints) == 1 and "'treinen'" in hints[0]


def test_the_cache_key_follows_the_table_and_the_switch(tmp_path: Path) -> None:
    typed = crisis_terms_from_cli(["trein*"])
    one = Table.parse("trein\ttrain\n", "one.tsv")
    two = Table.parse("trein\ttrain\ntrein\trailway train\n", "two.tsv")
    noun = Table.parse("trein\ttrain\tnoun\n", "noun.tsv")  # the same term, exceptions added
    keys = {cache_key(typed + translated(typed, table)[0], TermSet()) for table in (one, two, noun)}
    assert len(keys) == 3 and cache_key(typed, TermSet()) not in keys
    # a scan with the cache on: the switch never gets a checker compiled for the other setting
    text = "Trains, trams and tractors: the new toy corner opens on Saturday"
    path = _calendar_csv(tmp_path, [text])
    for flags, expected in (((), "pause"), (("--no-translations",), "ok"), ((), "pause")):
        result = run("scan", path, "--term", "trein*", *flags, "--now", NOW, "--format", "json",
                     "--no-shipped-lists", "--exit-zero")
        assert _statuses(json.loads(result.stdout))[text] == expected


def test_a_wildcard_translates_by_its_stem_and_a_phrase_by_the_tables_phrase() -> None:
    pairs = translations_of(crisis_terms_from_cli(["trein*", "*aanslag", "auto-ongeluk", "🔥",
                                                   "re:brand\\w+"]))
    assert [(typed.text, new.text, new.language) for typed, new in pairs] == [
        ("trein*", "train", "en"), ("*aanslag", "attack", "en"),
        ("auto-ongeluk", '"car crash"', "en"), ("auto-ongeluk", '"car accident"', "en")]
    pairs = translations_of(crisis_terms_from_cli(["#PlaneCrash", "airport"]))
    assert [(typed.text, new.text, new.language) for typed, new in pairs] == [
        ("#PlaneCrash", "vliegtuigcrash", "nl")]


def test_a_term_of_the_other_language_is_not_translated() -> None:
    """``brand`` typed among English terms is a brand: it gets no translation into fire."""
    typed = crisis_terms_from_cli(["brand", "logo", "campaign"])
    assert [t.language for t in typed.terms] == ["en", "en", "en"]
    assert translations_of(typed) == []


def test_the_shipped_table_reads_and_only_known_false_friends_are_left_out() -> None:
    from contentcheck.translations import _shared

    table = shipped_table()
    pairs = sum(len(values) for keys in table.by_language.values() for values in keys.values())
    assert pairs > 250  # both ways, by word and by the words written as one
    shared = {(language, key, value) for language, keys in table.by_language.items()
              for key, values in keys.items() for value in values if _shared(value, language)
              and key != value}
    own = {(language, key, value) for language, key, value in shared
           if (OTHER[language], value) in table.own}
    assert shared - own == {("en", "fire", "brand"), ("en", "train driver", "machinist"),
                            ("en", "traindriver", "machinist")}
    # words of both languages kept for posts of their own language only (`own`)
    assert own == {("en", "outage", "storing"), ("nl", "brug", "bridge"),
                   ("nl", "stadion", "stadium")}


# a translation that is a word of both languages (`own`): only in a post of its own language
OWN_LANGUAGE = [
    (["stadion", "gedrang"], "Join us for a stadium tour and a match-day lunch this Saturday",
     "pause"),
    (["stadion", "gedrang"], "In een vroeg stadium weet je nog niet wat je wilt: kom langs",
     "ok"),
    (["stadion", "gedrang"], "Stadium tours!", "ok"),  # language not told: not looked for
    (["outage"], "Door een storing kun je vandaag niet pinnen in de winkel", "pause"),
    (["outage"], "Storing!", "ok"),  # language not told
    # bridge is a card game in English too: review, never a pause on its own
    (["brug", "instorting"], "Walk across the old bridge and have lunch in the harbour", "review"),
    (["brug", "instorting"], "Vanavond bridge in het clubhuis, kom je ook?", "ok"),
]


@pytest.mark.parametrize(("typed", "text", "expected"), OWN_LANGUAGE)
def test_a_word_of_both_languages_is_found_only_in_its_own_languages_posts(
        tmp_path: Path, typed: list[str], text: str, expected: str) -> None:
    path = _calendar_csv(tmp_path, [text])
    doc = scan_json(path, *_terms(typed))
    assert _statuses(doc)[text] == expected
    if expected != "ok":
        assert _statuses(scan_json(path, *_terms(typed), "--no-translations"))[text] == "ok"
        reasons = " ".join(r for post in doc["posts"] for r in post["reasons"])
        assert "posts only)" in reasons


def test_the_own_flag_is_read_from_the_table() -> None:
    table = Table.parse("brug\tbridge\town review\nkaas\tcheese\n", "t.tsv")
    assert table.own == {("nl", "brug"), ("en", "bridge")}
    assert ("en", "bridge") in table.reviewed


def test_a_line_that_is_no_pair_names_its_line() -> None:
    with pytest.raises(TermFileError) as error:
        Table.parse("# header\ntrein\ttrain\nkaas\n", "mine.tsv")
    assert error.value.line == 3 and "mine.tsv" in str(error.value)
    with pytest.raises(TermFileError):
        Table.parse("trein\ttrain\tboth\n", "mine.tsv")
    with pytest.raises(TermFileError):
        Table.parse("trein\ttrain\tnl>en en>nl\n", "mine.tsv")
    one_way = Table.parse("rook\tsmoke\tnl>en noun\n", "mine.tsv")
    assert one_way.of("rook", "nl") == ("smoke",) and one_way.of("smoke", "en") == ()
    assert one_way.nouns == {"smoke"}
    typed = crisis_terms_from_cli(["rook", "vlammen"])
    assert translated(typed, one_way)[0].exceptions == {"smoked", "smoking", "smoker", "smokers"}


def test_a_nouns_verb_form_counts_when_a_term_names_it(tmp_path: Path) -> None:
    """The exceptions a noun's translation brings never silence a term the team typed."""
    text = "Smoking is not allowed near the barbecue area"
    path = _calendar_csv(tmp_path, [text])
    assert _statuses(scan_json(path, "--term", "rook", "--term", "brand"))[text] == "ok"
    assert _statuses(scan_json(path, "--term", "rook", "--term", "smoking"))[text] == "pause"


# A Dutch term naming one event whose translation is also an everyday English word of another
# sense: the translation's hit asks for review, not a pause (the table's `review` flag). Found
# by QA: each of these paused before.
EVERYDAY_SENSE = [
    ("terugroepactie", "Can you recall your first paycheck? Tell us below"),
    ("neergestort", "Our new banking app has crashed all download records this week"),
    ("doden", "Dead Sea mud masks, now two for one"),
    ("schietpartij", "Behind the scenes: we are shooting our spring campaign today"),
    # QA round 7: these paused
    ("herdenking", "Memorial Day deals: thirty percent off every grill"),
    ("omgekomen", "You killed it at the marathon, now refuel with our shakes"),
    ("gewond", "Injured your back? Our physio team has room this week"),
    ("gewonden", "Injured players get a free recovery drink at the club bar"),
]


@pytest.mark.parametrize(("typed", "text"), EVERYDAY_SENSE)
def test_a_translation_with_an_everyday_sense_asks_for_review(tmp_path: Path, typed: str,
                                                              text: str) -> None:
    path = _calendar_csv(tmp_path, [text])
    assert _statuses(scan_json(path, "--term", typed))[text] == "review"
    assert _statuses(scan_json(path, "--term", typed, "--no-translations"))[text] == "ok"


def test_review_pairs_are_listed_apart_by_crisis_start(tmp_path: Path) -> None:
    started = run("crisis", "start", "Schietpartij", "--term", "schietpartij", "--term", "mes",
                  "--now", "2026-11-24T07:00")
    assert started.exit_code == 0, started.stderr
    assert "translations (pause, 1): knife (mes); (review, 1): shooting (schietpartij)" \
        in started.output


def test_an_exception_in_the_crisis_file_keeps_one_translation_out(tmp_path: Path) -> None:
    # the way to keep one unwanted translation (train for trein) without losing them all
    crisis = tmp_path / "crisis.txt"
    crisis.write_text("trein\nconducteur\n!train\n", encoding="utf-8")
    texts = ["Train your brain: join our free money workshop on Thursday",
             "The conductor of our new orchestra podcast says hi"]
    path = _calendar_csv(tmp_path, texts)
    statuses = _statuses(scan_json(path, "--crisis", crisis))
    assert statuses[texts[0]] == "ok" and statuses[texts[1]] == "review"
    shown = run("explain", texts[0], "--crisis", crisis, "--language", "en")
    assert shown.exit_code == 0 and "decision: OK" in shown.output


def _on_and_off(tmp_path: Path, crisis_text: str, texts: list[str]
                ) -> tuple[Path, list[str], list[str]]:
    """A crisis file of ``crisis_text`` and the texts' statuses with and without translations."""
    crisis = tmp_path / "crisis.txt"
    crisis.write_text(crisis_text, encoding="utf-8")
    path = _calendar_csv(tmp_path, texts)
    on = _statuses(scan_json(path, "--crisis", crisis))
    off = _statuses(scan_json(path, "--crisis", crisis, "--no-translations"))
    return crisis, [on[t] for t in texts], [off[t] for t in texts]


def test_a_word_the_same_in_both_languages_finds_the_other_languages_posts(tmp_path: Path) -> None:
    # a Dutch crisis file: its words are read as Dutch, so `brand` stays out of English posts;
    # `virus` and `bus` mean the same in English, and the table pairs them with themselves
    texts = ["Beat the winter virus with our vitamin smoothies, order today",
             "Bus, tram or bike? However you come, we will see you at the start line",
             "Our brand new spring collection is online tomorrow morning"]
    crisis, on, off = _on_and_off(tmp_path, "uitbraak\nbesmetting\nvirus\nbrand\nbus\nziekenhuis\n",
                                  texts)
    assert (on, off) == (["pause", "pause", "ok"], ["ok", "ok", "ok"])
    shown = run("explain", texts[1], "--crisis", crisis)
    assert "bus: the same word in English" in shown.output


def test_a_review_pair_of_the_same_word_never_pauses_on_its_own(tmp_path: Path) -> None:
    # `storm` pairs with itself and is flagged `review` (take the town by storm): in a Dutch
    # crisis file it still pauses a Dutch post, and an English post asks for review only
    texts = ["Our new sneakers took the whole city by storm",
             "Storm warning: our store in Leiden closes early today",
             "Zware storm in Leiden: de winkel gaat vandaag eerder dicht"]
    _, on, off = _on_and_off(tmp_path, "storm\nwindkracht\n", texts)
    assert (on, off) == (["review", "review", "pause"], ["ok", "ok", "pause"])
