"""Regenerate contentcheck/data/lemmas-{nl,en}.txt from the simplemma package.

The matcher generates a term's word forms once at compile time (matching stays a dictionary
lookup per token). Rules cover regular plurals and diminutives; strong and irregular verbs
(verdrinken -> verdronk, sink -> sank), participles with ge- (ontruimen -> geontruimd),
separable verbs (instorten -> ingestort, stort in) and learned plurals (museum -> musea) need
a table. simplemma (MIT; its Dutch and English data come from the lemmatization lists of
Michal Měchura, Wiktionary via Kaikki, FreeLing, spaCy lookups data, UniMorph and
Wikinflection, see contentcheck/data/NOTICE.md) maps about 370,000 Dutch and 180,000 English
forms to their lemma; its package is 19 MB for 54 languages. We ship only what the matcher
uses: the Dutch and English tables inverted to one line per lemma, ``lemma form form ...``,
folded the way the matcher folds text (lowercase, no diacritics), plain letters only, and only
lemmas that are in the shipped vocabulary (contentcheck/data/words-*.txt): a term is a word
people write, so a lemma nobody writes never serves one.

Run: ``python tools/make_lemmas.py`` (needs ``pip install simplemma==2.0.0``).
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

PLAIN = re.compile(r"[a-z]{2,}")


def past_plurals(lemma: str, forms: set[str]) -> set[str]:
    """The plural past a Dutch weak verb's table lacks while it has the singular (simplemma
    has *overstroomde* but not *overstroomden*, *degradeerde* but not *degradeerden*): the
    singular + n, for a singular made of the verb's own stem (*overstroom* and *overstroomt*
    are there too), never a superlative (*groenste*). A stem in -t or -d is left alone: its
    past (*zette*) has the shape of an inflected participle (*aangezette*)."""
    if not lemma.endswith("en"):
        return set()
    every = forms | {lemma}
    found = set()
    for form in forms:
        stem = form[:-2]
        if (form.endswith(("de", "te")) and not form.endswith("ste") and stem in every
                and stem + "t" in every and not stem.endswith(("t", "d"))
                and form + "n" not in every):
            found.add(form + "n")
    return found


def main() -> int:
    from simplemma.strategies.dictionaries.dictionary_factory import (
        _load_dictionary_from_disk)  # the shipped tables, as simplemma itself reads them

    root = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(root))
    from contentcheck.text import fold

    out_dir = root / "contentcheck" / "data"
    for language in ("nl", "en"):
        known = set((out_dir / f"words-{language}.txt").read_text("utf-8").split())
        groups: dict[str, set[str]] = defaultdict(set)
        for form, lemma in _load_dictionary_from_disk(language).items():
            form_text, lemma_text = fold(form.decode("utf-8")), fold(lemma.decode("utf-8"))
            if PLAIN.fullmatch(form_text) and PLAIN.fullmatch(lemma_text):
                groups[lemma_text].add(form_text)
        if language == "nl":
            for lemma, forms in groups.items():
                forms |= past_plurals(lemma, forms)
        lines = []
        for lemma in sorted(groups):
            forms = sorted(groups[lemma] - {lemma})
            if lemma in known and forms:
                lines.append(" ".join([lemma, *forms]))
        path = out_dir / f"lemmas-{language}.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{path}: {len(lines)} lemmas, {sum(len(l.split()) - 1 for l in lines)} forms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
