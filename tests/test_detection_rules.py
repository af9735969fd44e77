"""Detection rules of QA round 3: a compound built on an everyday compound is a loose reading
(brandweer|man), a noun term's verb in its present participle and with a particle of an end
state (brandend, afgebrand), an -ing noun's verb and back (vermist -> vermissing, overstroming
-> overstroomd), an -atie noun's -eren verb (evacuatie -> evacueer), an -ing noun with a
linking s (ontploffings|gevaar). Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.conftest import run
from tests.test_morphology import crisis_matcher

# (term, sentence, the word found): a sure hit, pause
PAUSE = [
    ("brand", "Het pand stond gisteravond brandend in de straat", "brandend"),
    ("brand", "De brandende schuur was van ver te zien", "brandende"),
    ("brand", "Boerderij afgebrand na blikseminslag", "afgebrand"),
    ("brand", "Een uitgebrande auto langs de snelweg", "uitgebrande"),
    ("vuur", "Er werd een schot afgevuurd bij het station", "afgevuurd"),
    ("ontploffen", "Explosiegevaar? Nee: ontploffingsgevaar bij de loods", "ontploffingsgevaar"),
    ("vermist", "De vermissing van twee wandelaars houdt het dorp bezig", "vermissing"),
    ("overstroming", "De kelder is helemaal overstroomd", "overstroomd"),
    ("ontruiming", "Het stadion werd ontruimd na een melding", "ontruimd"),
    ("evacuatie", "Evacueer het gebouw via de nooduitgang", "evacueer"),
    ("evacuatie", "Bewoners werden geëvacueerd", "geëvacueerd"),
    ("storm", "Een storm met stormschade aan daken", "storm"),
]

# (term, sentence, the word found): a loose reading, review
REVIEW = [
    ("brand", "Kinderfeestje met een echte brandweerman", "brandweerman"),
    ("brand", "Open dag bij de brandweerkazerne", "brandweerkazerne"),
    ("vuur", "Wij wensen iedereen een vuurwerkvrije jaarwisseling", "vuurwerkvrije"),
    ("brand", "Bezoek de brandweer op zaterdag", "brandweer"),
]

# (term, sentence): nothing found
QUIET = [
    ("brand", "Oeps, de rijst is aangebrand"),  # aan- shifts the meaning, and aan|ge is no compound part
    ("brand", "Na een drukke maand voel ik me opgebrand"),  # op-: burnt out
    ("storing", "Laat je niet gestoord worden tijdens het diner"),  # gestoord: an adjective of its own
    ("storing", "Stoort het als we later komen?"),  # storen's finite forms: to bother
    ("reservering", "Reserveer nu je tafel voor kerst"),  # only an -atie noun takes its verb's every form
    ("besmetting", "Een besmettelijke lach"),
]


@pytest.mark.parametrize(("term", "text", "word"), PAUSE)
def test_sure_hit(term: str, text: str, word: str) -> None:
    found = crisis_matcher(term).find(text, language="nl")
    hits = {m.matched.lower(): m.loose for m in found}
    assert word in hits, hits
    assert hits[word] is None


@pytest.mark.parametrize(("term", "text", "word"), REVIEW)
def test_loose_hit(term: str, text: str, word: str) -> None:
    found = crisis_matcher(term).find(text, language="nl")
    hits = {m.matched.lower(): m.loose for m in found}
    assert word in hits, hits
    assert hits[word] is not None


@pytest.mark.parametrize(("term", "text"), QUIET)
def test_quiet(term: str, text: str) -> None:
    assert crisis_matcher(term).find(text, language="nl") == []


# a lower-case hashtag is cut at known words, two-letter words among them (ik|ga|met|trein|mee)
HASHTAG_HITS = [("trein", "#ikgamettreinmee"), ("storm", "#watwaaitdestormhard"),
                ("brand", "#zoishetnaderbrand")]
HASHTAG_QUIET = [("ass", "#classicrock"), ("hel", "#helpendehand"), ("bom", "#bomenplantdag"),
                 ("vis", "#zovisueel")]


@pytest.mark.parametrize(("term", "tag"), HASHTAG_HITS)
def test_lower_case_hashtag_is_segmented(term: str, tag: str) -> None:
    found = crisis_matcher(term).find(f"Leuk weekend {tag}", language="nl")
    assert [(m.matched, m.loose) for m in found] == [(term, None)]


@pytest.mark.parametrize(("term", "tag"), HASHTAG_QUIET)
def test_lower_case_hashtag_no_false_cut(term: str, tag: str) -> None:
    assert crisis_matcher(term).find(f"Leuk weekend {tag}", language="nl") == []


@pytest.mark.parametrize(("term", "text", "split"), [
    ("brand", "Brandweerman Sam komt langs", "brandweer|man"),
    ("vuur", "Een vuurwerkvrije jaarwisseling", "vuurwerk|vrije"),
    ("storm", "Stormschade in de straat", "storm|schade"),
])
def test_explain_names_the_everyday_word_first(term: str, text: str, split: str) -> None:
    result = run("explain", text, "--term", term, "--no-shipped-lists")
    assert result.exit_code == 0, result.output
    assert f"'{split}'" in result.output
