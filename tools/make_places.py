"""Regenerate contentcheck/data/places-nl.txt from OpenTaal's Dutch word list.

A crisis term naming a town should find its people and its adjective: ``Meppel`` ->
*Meppeler*, *Meppelse*; ``Zutphen`` -> *Zutphenaar*, *Zutphenaren*; ``Hoofddorp`` ->
*Hoofddorpers*. Dutch makes them in many ways (-er, -aar, -enaar, -der, -s, -se, with the
name's last letters dropped or doubled: Groningen -> Groninger, Zwolle -> Zwollenaar,
Amsterdam -> Amsterdammer), and which one a town takes is usage, not a rule. OpenTaal's word
list (the Debian package ``wdutch``, BSD or CC BY 3.0, see contentcheck/data/NOTICE.md) spells
the names of Dutch and Flemish places with their inhabitants and adjectives, so the forms are
read from it: a capitalised word that is a capitalised name of the list plus one of those
endings.

Kept out: a form that is a lower-case word of the list, a word of English or a form of a
Dutch word (``Kampen`` -> *kamper*, a camper; ``Best`` -> *bests*): a town whose -er form is a
common word would take that word in. A name that is a word too keeps its other forms
(``Leiden`` -> *Leidenaar*, *Leidse*, not *leider*). The plural of an inhabitant the list gives only in
the singular is added by the regular rule (Zutphenaar -> Zutphenaren, Hoofddorper ->
Hoofddorpers).

Run: ``apt-get download wdutch && dpkg-deb -x wdutch_*.deb wdutch`` then
``python tools/make_places.py wdutch/usr/share/dict/dutch``.
"""

from __future__ import annotations

import sys
from pathlib import Path

# endings of a place's inhabitant (-er, -aar, -enaar, -der) and adjective (-s, -se)
ENDINGS = tuple("er ers s se aar aars aren naar naars naren enaar enaars enaren der ders".split())


def stems(name: str) -> set[str]:
    """What an ending goes after: the name, without -en (Groning|er), without -e (Zwoll|er),
    with its last consonant doubled (Amsterdamm|er)."""
    found = {name}
    if name.endswith("en") and len(name) > 5:
        found.add(name[:-2])
    if name.endswith("e"):
        found.add(name[:-1])
    if name[-1] not in "aeiouy":
        found.add(name + name[-1])
    return found


def plurals(form: str) -> set[str]:
    """The plural of an inhabitant: -aar -> -aren, -aars; -er -> -ers."""
    if form.endswith("aar"):
        return {form[:-3] + "aren", form + "s"}
    if form.endswith("er"):
        return {form + "s"}
    return set()


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(root))
    from contentcheck.matching.compounds import vocabulary
    from contentcheck.matching.lemmas import table
    from contentcheck.text import fold

    words = Path(argv[0]).read_text("utf-8").splitlines()
    lower = {fold(w) for w in words if w[:1].islower()}
    names = {fold(w) for w in words if w[:1].isupper() and w.isalpha() and len(w) >= 3
             and not w.isupper()}

    def word_of_its_own(form: str) -> bool:
        """A lower-case word of the list, a word of English or a form of a Dutch word."""
        dutch = table("nl").lemma_of.get(form)
        return (form in lower or form in english or form in table("en").groups
                or form in table("en").lemma_of or (dutch not in (None, form) and dutch in lower))

    english = vocabulary("en")
    lines = []
    for name in sorted(names):
        forms = {stem + ending for stem in stems(name) for ending in ENDINGS} & names
        forms = {form for form in forms - {name} if not word_of_its_own(form)}
        forms |= {plural for form in forms for plural in plurals(form)
                  if not word_of_its_own(plural)}
        if forms and name.isascii():
            lines.append(" ".join([name, *sorted(forms)]))
    path = root / "contentcheck" / "data" / "places-nl.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{path}: {len(lines)} names, {sum(len(line.split()) - 1 for line in lines)} forms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
