"""The bare anchor of issue 17: what a scan of a CSV against a word list costs at the least.

    python bench/anchor_scan.py CALENDAR.csv TERMS.txt OUT.json

Read the CSV with the csv module, casefold and strip the diacritics of every text cell, find
the plain words of the term file with Aho-Corasick (pyahocorasick) at word boundaries, and
write a JSON document of every post with its hits. No word forms, compounds, phrases,
exceptions, languages, dates or decisions: the floor that ``contentcheck scan`` is compared
with in bench_matrix.py, in the same run. Needs the ``bench`` extra (``pip install -e '.[bench]'``).
"""

from __future__ import annotations

import csv
import sys
import unicodedata
from pathlib import Path

TEXT_COLUMNS = (3, 4, 5)  # Bericht, Hashtags, Link: the text-bearing cells of the bench calendar


def fold(text: str) -> str:
    """Casefolded, without diacritics: ``Café`` -> ``cafe`` (ASCII text, most of it, skips the
    decomposition: the careful fast path of shared/PERFORMANCE.md)."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def plain_terms(path: Path) -> list[str]:
    """The term file's words, folded (directives, exceptions and comments left out; a wildcard
    or a phrase reduced to its first word)."""
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and line[0] not in "@!#":
            words.append(fold(line.strip('"*').split()[0]))
    return words


def main(calendar: str, terms: str, out: str) -> int:
    import ahocorasick
    import orjson

    automaton = ahocorasick.Automaton()
    for word in plain_terms(Path(terms)):
        automaton.add_word(word, word)
    automaton.make_automaton()
    posts = []
    with open(calendar, encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter=";")
        next(rows)
        for number, row in enumerate(rows, start=2):
            hits = []
            for column in TEXT_COLUMNS:
                folded = fold(row[column])
                for end, word in automaton.iter(folded):
                    start = end - len(word) + 1
                    if (start == 0 or not folded[start - 1].isalnum()) and \
                            (end + 1 == len(folded) or not folded[end + 1].isalnum()):
                        hits.append(word)
            posts.append({"row": number, "date": row[0], "time": row[1], "channel": row[2],
                          "text": row[3], "hits": hits})
    with open(out, "wb") as handle:  # orjson, as contentcheck writes its JSON
        handle.write(orjson.dumps({"posts": posts}))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
