"""Derive contentcheck/data/emoji-words-nl.txt and -en.txt from the Unicode CLDR annotations.

Usage: ``npm pack cldr-annotations-full@48.2.0 && tar xzf cldr-annotations-full-48.2.0.tgz``,
then ``python tools/make_emoji_words.py package/annotations``. Each output line is an emoji
(folded as the matcher folds it: no variation selector or skin tone), a tab, the words of its
CLDR short name, a tab, its one-word keywords (a keyword of several words is rarely a crisis
term: "felle zon"), all in that language and folded the way the matcher folds text.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from contentcheck.text import fold, fold_emoji, is_emoji

OUT = Path(__file__).resolve().parents[1] / "contentcheck" / "data"


def name(entry: dict[str, list[str]]) -> str:
    """The short name's words, folded."""
    return " ".join(w for w in fold(" ".join(entry.get("tts", []))).split() if w.isalpha())


def keywords(entry: dict[str, list[str]]) -> str:
    """The one-word keywords, folded, once each."""
    found = [fold(k) for k in entry.get("default", []) if " " not in k.strip()]
    return " ".join(dict.fromkeys(w for w in found if w.isalpha()))


def main(annotations: Path) -> None:
    for language in ("nl", "en"):
        data = json.loads((annotations / language / "annotations.json").read_text("utf-8"))
        lines = []
        for char, entry in sorted(data["annotations"]["annotations"].items()):
            emoji = fold_emoji(char)
            if emoji and is_emoji(emoji) and (name(entry) or keywords(entry)):
                lines.append(f"{emoji}\t{name(entry)}\t{keywords(entry)}")
        (OUT / f"emoji-words-{language}.txt").write_text("\n".join(lines) + "\n", "utf-8")
        print(f"emoji-words-{language}.txt: {len(lines)} emoji")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
