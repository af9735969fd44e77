"""Regenerate contentcheck/data/words-{nl,en}.txt from the wordfreq package.

The matcher needs "is this a real word?" for two things: splitting Dutch compounds only where
both parts are words (``gasexplosie`` = gas + explosie, but not ``helpen`` = hel + pen), and
splitting hashtags and codes at known words (``#stormciara``). wordfreq's frequency lists are
well kept and cover both languages; we ship the most frequent plain-letter words, lowercase,
without diacritics (the matcher's own folding), one per line in frequency order.

The lists are derived from wordfreq's data, which is licensed CC BY-SA 4.0 (see
contentcheck/data/NOTICE.md). Run: ``python tools/make_vocab.py`` (needs ``pip install wordfreq``).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

SIZE = {"nl": 120_000, "en": 80_000}
PLAIN = re.compile(r"[a-z]+")


def main() -> int:
    import wordfreq  # only needed to regenerate the data

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from contentcheck.text import fold

    out_dir = Path(__file__).resolve().parents[1] / "contentcheck" / "data"
    for language, size in SIZE.items():
        seen: dict[str, None] = {}
        for word in wordfreq.iter_wordlist(language, wordlist="large"):
            folded = fold(word)
            if PLAIN.fullmatch(folded) and len(folded) >= 2:
                seen.setdefault(folded)
            if len(seen) >= size:
                break
        path = out_dir / f"words-{language}.txt"
        path.write_text("\n".join(seen) + "\n", encoding="utf-8")
        print(f"{path}: {len(seen)} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
