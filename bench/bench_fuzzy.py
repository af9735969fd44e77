"""How many false alarms would one-typo matching of long crisis words raise?

Every plain word of 8+ letters in the shipped lists is taken as a crisis word (a few hundred
words of crises, violence, disasters and illness). The script counts:

1. words of the vocabulary (the 120,000 Dutch and 80,000 English words the matcher knows)
   that are one edit from such a word: without the rule "a vocabulary word is never a typo"
   each of these would be a false alarm (overstromend for overstroming);
2. fuzzy hits in tests/data/everyday_posts.csv (ordinary brand posts of many kinds): with
   the rule, what one-typo matching adds on text that is about no crisis at all.

Run: ``python bench/bench_fuzzy.py``. Numbers are in bench/README.md.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    from contentcheck.lists.load import load_lists
    from contentcheck.matching.compounds import vocabulary
    from contentcheck.matching.fuzzy import MIN_LENGTH, deletions, one_edit
    from contentcheck.matching.matcher import Matcher
    from contentcheck.matching.terms import parse_pattern, parse_terms
    from contentcheck.records import Severity

    words = sorted({parse_pattern(t.text).words[0].norm for t in load_lists().terms
                    if parse_pattern(t.text).kind == "word"
                    and not (parse_pattern(t.text).words[0].any_before
                             or parse_pattern(t.text).words[0].any_after)
                    and len(t.text) >= MIN_LENGTH and t.text.isalpha()})
    index: dict[str, list[str]] = {}
    for word in words:
        for key in (word, *deletions(word)):
            index.setdefault(key, []).append(word)
    near: list[tuple[str, str]] = []
    known = set(vocabulary("nl")) | set(vocabulary("en"))
    for candidate in known:
        if len(candidate) < MIN_LENGTH - 1 or candidate in words:
            continue
        for key in (candidate, *deletions(candidate)):
            hit = next((w for w in index.get(key, ()) if one_edit(candidate, w)), None)
            if hit:
                near.append((candidate, hit))
                break
    print(f"{len(words)} crisis words of {MIN_LENGTH}+ letters (the shipped lists' plain words)")
    print(f"vocabulary words one edit from one of them: {len(near)} of {len(known):,} "
          f"(kept out by the rule; e.g. {', '.join(f'{a}~{b}' for a, b in sorted(near)[:8])})")

    termset = parse_terms("\n".join(words), origin="bench", list_name="bench",
                          category="crisis", severity=Severity.CRISIS, crisis=True)
    matcher = Matcher.compile(termset)
    with (ROOT / "tests" / "data" / "everyday_posts.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    fuzzy_hits = []
    for row in rows:
        text = f"{row['Bericht']} {row['Hashtags']}"
        fuzzy_hits += [(f.match.matched, f.term.text) for f in matcher.explain(text)[0]
                       if f.rule == "fuzzy"]
    print(f"fuzzy hits in {len(rows)} everyday posts: {len(fuzzy_hits)} {fuzzy_hits[:10]}")

    # ei for ij (``spelling``, words of SPELLING_MIN+ letters) and a typo inside a compound
    # (``fuzzy-compound``): the same count for the rules of bench/holdout2/MISSES.md
    from contentcheck.matching.fuzzy import SPELLING_MIN, ei_ij

    longer = sorted({parse_pattern(t.text).words[0].norm for t in load_lists().terms
                     if parse_pattern(t.text).kind == "word"
                     and not (parse_pattern(t.text).words[0].any_before
                              or parse_pattern(t.text).words[0].any_after)
                     and len(t.text) >= SPELLING_MIN and t.text.isalpha()})
    swapped = sorted((v, w) for w in longer for v in ei_ij(w) if v in known)
    print(f"{len(longer)} crisis words of {SPELLING_MIN}+ letters; vocabulary words that are one of "
          f"them with ei and ij swapped: {len(swapped)} (kept out by the rule; e.g. "
          f"{', '.join(f'{a}~{b}' for a, b in swapped[:8])})")
    matcher = Matcher.compile(parse_terms("\n".join(longer), origin="bench", list_name="bench",
                                          category="crisis", severity=Severity.CRISIS, crisis=True))
    new_hits = [(f.rule, f.match.matched, f.term.text) for row in rows
                for f in matcher.explain(f"{row['Bericht']} {row['Hashtags']}")[0]
                if f.rule in ("spelling", "fuzzy-compound")]
    print(f"ei/ij and typo-in-compound hits in {len(rows)} everyday posts: {len(new_hits)} "
          f"{new_hits[:10]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
