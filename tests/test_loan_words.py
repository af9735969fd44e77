"""Loan words mean the same in both languages (issue 11): a Dutch crisis file's ``hack*`` finds
an English post about hackers, an English ``down`` a Dutch post about a webshop that is down,
while the false friend ``brand`` (fire) stays out of an English post about a brand.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contentcheck.matching.language import guess_languages
from contentcheck.matching.loans import loan, same_in_both
from tests.conftest import NOW, run, write_csv
from tests.helpers_detection import PAUSE, QUIET, REVIEW, verdict
from tests.test_detection_readings import crisis

# (term, term language, sentence, word, verdict)
ROWS = [
    # a loan keeps its English spelling: the same word in an English post
    ("hack*", "nl", "Our systems were hacked last night, we are sorry", "hacked", PAUSE),
    ("hack*", "nl", "Hackers love weak passwords, so change yours", "hackers", PAUSE),
    ("hack*", "nl", "Een hacker heeft onze klantgegevens ingezien", "hacker", PAUSE),
    # a native word's -er noun is a word of its own (a burner), as before
    ("brand*", "nl", "Een nieuwe brander voor de barbecue", "brander", REVIEW),
    ("hack", "nl", "The hack was found by our own team", "hack", PAUSE),
    ("crash", "nl", "The app crashed again this morning, we are on it", "crashed", PAUSE),
    ("crash", "nl", "Our servers crashed during the sale", "crashed", PAUSE),
    ("shock", "nl", "Shock in the city after the attack", "shock", PAUSE),
    ("lockdown", "nl", "The lockdown starts tonight for all of us", "lockdown", PAUSE),
    ("deadline", "nl", "The deadline for refunds is extended", "deadline", PAUSE),
    # and the other way round: an English loan in a Dutch post
    ("down", "en", "Onze webshop ligt down sinds vanochtend", "down", PAUSE),
    ("down", "en", "De app is nog steeds down, excuses", "down", PAUSE),
    # a loan's forms are those of both languages, whatever language the term was guessed
    ("crash", "en", "De server crashte vannacht twee keer", "crashte", PAUSE),
    ("hack", "en", "Wij zijn gehackt, verander je wachtwoord", "gehackt", PAUSE),
    # a Dutch participle of an English verb: ge- before its English past, or before the stem
    # with -t or -d as Dutch does (held-out miss class: gehacked, geleaked)
    ("hack*", "nl", "Ons klantenaccount is vannacht gehacked", "gehacked", PAUSE),
    ("hack*", "nl", "Gehackte accounts krijgen een nieuw wachtwoord", "gehackte", PAUSE),
    ("hack", "nl", "Ons klantenaccount is vannacht gehacked", "gehacked", PAUSE),
    ("hacken", "nl", "De webshop is gisteren gehacked", "gehacked", PAUSE),
    ("leak", "en", "Klantgegevens zijn geleaked via een oude server", "geleaked", PAUSE),
    ("leak*", "en", "Klantgegevens zijn geleakt via een oude server", "geleakt", PAUSE),
    ("crash", "nl", "De app is weer gecrashed, excuses", "gecrashed", PAUSE),
    ("crash*", "nl", "De kassa is gecrasht bij de drukte", "gecrasht", PAUSE),
    # no ge- form that the Dutch table gives to another word: red is no verb, gered is saved
    ("red", "en", "Het katje is gered door de brandweer", "gered", QUIET),
    ("bed", "en", "Het bed is opgemaakt", "opgemaakt", QUIET),
    # false friends are spelled natively in both: they stay out of the other language's posts
    ("brand", "nl", "Our brand new collection is here for you", "brand", QUIET),
    ("brand", "nl", "This brand is loved by all of our customers", "brand", QUIET),
    ("boom", "nl", "The boom of the housing market is over", "boom", QUIET),
    ("slim", "nl", "Slim jeans at a slim price, this week only", "slim", QUIET),
    ("flat", "nl", "Flat shoes are back for the summer", "flat", QUIET),
    ("war", "en", "Ik ben helemaal in de war van al die keuze", "war", QUIET),
    ("arm", "nl", "Our arm chairs are on sale this week", "arm", QUIET),
    # in their own language, as before
    ("brand", "nl", "Grote brand in de haven van Vlissingen", "brand", PAUSE),
    ("down", "en", "Our webshop is down, we are on it", "down", PAUSE),
    ("down", "en", "Calm down, it is only Monday", "down", REVIEW),
]


@pytest.mark.parametrize(("term", "language", "text", "word", "expected"), ROWS)
def test_loan_words(term: str, language: str, text: str, word: str, expected: str) -> None:
    assert verdict(crisis(term, language=language), text, word, in_its_language=True) == expected


@pytest.mark.parametrize(("word", "expected"), [
    ("hack", True), ("down", True), ("crash", True), ("shock", True), ("deadline", True),
    ("lockdown", True), ("show", True), ("party", True), ("quiz", True),
    ("brand", False), ("boom", False), ("rook", False), ("war", False), ("pin", False),
    ("flat", False), ("door", False), ("slim", False), ("arm", False), ("storm", False),
    ("explosie", False),  # a Dutch word only: no word of both languages
    ("thunderstorm", False),  # an English word only
])
def test_which_words_are_loans(word: str, expected: bool) -> None:
    assert loan(word) is expected


def test_a_loan_word_does_not_make_a_dutch_file_bilingual() -> None:
    """``down`` in a Dutch crisis file is no sign the team writes English: ``brand`` in the same
    file is still fire, and stays out of an English post about a brand."""
    words = [["datalek"], ["storing"], ["brand"], ["down"], ["hack"]]
    assert guess_languages(words)[:3] == ["nl", "nl", "nl"]
    assert same_in_both("down") and not same_in_both("brand")
    english = [["outage"], ["brand"]]  # a real English word decides: terms of both languages,
    # so brand takes the side the translations table names a crisis with it (fire)
    assert guess_languages([["datalek"], *english]) == ["nl", "en", "nl"]


def test_scan_of_a_bilingual_calendar(tmp_path: Path) -> None:
    """A Dutch crisis file as typed on an outage morning; a calendar of Dutch and English
    posts as Excel exports it (cp1252, semicolons)."""
    terms = tmp_path / "storing.txt"
    terms.write_text("# storing bij de betaaldienst\nstoring\ndatalek\nhack*\ndown\nbrand\n",
                     encoding="utf-8")
    posts = ["Onze webshop ligt down, we werken aan een oplossing",  # pause: the loan down
             "Our systems were hacked, please change your password",  # pause: hack* in English
             "Our brand new app is here, download it now",  # ok: brand is fire in this file
             "Grote voorjaarsactie: alles moet weg"]  # ok
    calendar = write_csv(tmp_path / "kalender.csv", [["Datum", "Tijd", "Kanaal", "Bericht"]] + [
        ["2026-11-25", f"{9 + n}:00", "Instagram", text] for n, text in enumerate(posts)])
    out = tmp_path / "report.json"
    result = run("scan", calendar, "--crisis", terms, "--now", NOW, "--timezone",
                 "Europe/Amsterdam", "--format", "json", "-o", out, "--exit-zero",
                 "--no-shipped-lists")
    assert result.exit_code == 0, result.output
    status = {p["text"]: p["status"] for p in json.loads(out.read_text("utf-8"))["posts"]}
    assert [status[text] for text in posts] == ["pause", "pause", "ok", "ok"]
