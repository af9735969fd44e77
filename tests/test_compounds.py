"""Compounds judged on their parts: the other part must be a Dutch word (or two), whatever
the length of the term; no false splits; the head of a compound crisis term alone asks for
review. Words written for these tests."""

from __future__ import annotations

import pytest

from contentcheck.matching.compounds import compound_head
from tests.test_morphology import crisis_matcher

MATCH = [
    # three-letter terms with a word of four letters or more, or a linking element
    ("vis", "vissenkom"), ("vis", "visfilet"), ("vis", "vissoep"),
    ("vis", "visfiletrolletje"), ("gas", "gasfles"),
    ("gas", "gasfornuis"), ("kip", "kipwrap"), ("kip", "kipsaté"), ("kip", "kippenpoot"),
    ("kip", "kipfilet"), ("kip", "kippenbouillon"), ("mes", "messenset"), ("mes", "koksmes"),
    ("mes", "broodmes"), ("bom", "bommelding"), ("bom", "autobom"), ("bom", "bomdreiging"),
    ("ijs", "ijsbaan"),
    # four letters and longer
    ("kaas", "geitenkaas"), ("kaas", "kaasplankje"), ("kaas", "kaasboer"), ("rook", "rookmelder"),
    ("rook", "rookwolk"), ("storm", "stormschade"), ("storm", "stormvloed"), ("boom", "boomstam"),
    ("vuur", "kampvuur"), ("vuur", "vuurzee"), ("flat", "torenflat"),
    ("flat", "flatgebouw"), ("brand", "huisbrand"), ("brand", "bosbrand"),
    ("brand", "brandgevaar"), ("trein", "treinreis"), ("trein", "goederentrein"),
    ("station", "stationshal"), ("station", "stationsplein"), ("ongeluk", "verkeersongeluk"),
    ("ongeluk", "bedrijfsongeluk"), ("besmetting", "kruisbesmetting"), ("vlucht", "vakantievlucht"),
    ("vlucht", "vakantievluchten"), ("vliegtuig", "speelgoedvliegtuig"), ("explosie", "gasexplosie"),
    ("overstroming", "rivieroverstroming"), ("museum", "kunstmusea"), ("crisis", "energiecrises"),
    # verb stems in front
    ("betalen", "betaalpas"), ("betalen", "betaalautomaat"), ("storten", "stortregen"),
    ("blussen", "blusboot"),
]

QUIET = [
    # chance cuts: a frequent word, a three-letter part without a link, a short rare part
    ("hel", "helpen"), ("hel", "helling"), ("hel", "Helmond"), ("hel", "helder"),
    ("reet", "decreet"), ("reet", "discreet"), ("mes", "Mesdag"), ("kip", "kipper"),
    ("bom", "bomen"), ("vis", "visueel"), ("vis", "visum"), ("vis", "visite"), ("gas", "gastvrij"),
    ("gas", "gasten"), ("kip", "kippig"), ("lek", "lekker"), ("tas", "tastbaar"),
    # an inflected word is not cut inside its stem
    ("kerst", "lekkerste"), ("kerst", "lekkerst"), ("pen", "zuipende"),
    # an English word is no Dutch compound
    ("slet", "Winslet"), ("ring", "bring"), ("pan", "Japan"), ("rook", "brook"),
    ("tank", "thank"),
    # known misses, on purpose: three letters next to a three-letter term without a linking
    # element is too often chance (mes|dag, kip|per), and a frequent word that holds a
    # three-letter term is taken as a word of its own (Helmond)
    ("vis", "zeevis"), ("gas", "gaslek"), ("gas", "aardgas"),
]


@pytest.mark.parametrize(("term", "word"), MATCH)
def test_compound_matches(term: str, word: str) -> None:
    found = crisis_matcher(term).find(f"Vandaag: {word} in de buurt", language="nl")
    assert [m.matched for m in found] == [word]
    assert found[0].loose is None


@pytest.mark.parametrize(("term", "word"), QUIET)
def test_no_false_split(term: str, word: str) -> None:
    assert crisis_matcher(term).find(f"Vandaag: {word} in de buurt", language="nl") == []


@pytest.mark.parametrize(("term", "head"), [
    ("spoorwegongeluk", "ongeluk"), ("vliegramp", "ramp"), ("betaalstoring", "storing"),
    ("dijkdoorbraak", "doorbraak"), ("gasexplosie", "explosie"), ("treinongeluk", "ongeluk"),
    ("kruisbesmetting", "besmetting"), ("bosbrand", None), ("steekpartij", None),
    ("terugroepactie", None), ("coderood", None), ("slachtoffers", None), ("neersteken", None),
    ("omgevallen", None), ("camembert", None), ("windkracht", None), ("brandweer", None),
])
def test_compound_head(term: str, head: str | None) -> None:
    assert compound_head(term) == head


@pytest.mark.parametrize(("term", "text", "expected"), [
    ("spoorwegongeluk", "Het spoorwegongeluk bij Weesp.", "pause"),
    ("spoorwegongeluk", "Een ongeluk zit in een klein hoekje.", "review"),
    ("spoorwegongeluk", "Twee ongelukken op de A2.", "review"),
    ("spoorwegongeluk", "Het verkeersongeluk van gisteren.", "review"),
    ("betaalstoring", "Door een storing werkt de app niet.", "review"),
    ("betaalstoring", "De betaalstoring is voorbij.", "pause"),
    ("vliegramp", "Wat een ramp, die regen!", "review"),
    ("vliegramp", "Gelukkig geen vliegramp.", "pause"),
    ("steekpartij", "Een partij kaas in de aanbieding.", None),
])
def test_head_alone_asks_for_review(term: str, text: str, expected: str | None) -> None:
    found = crisis_matcher(term).find(text, language="nl")
    got = None if not found else "review" if all(m.loose for m in found) else "pause"
    assert got == expected
