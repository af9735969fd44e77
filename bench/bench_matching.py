"""Benchmark: matching alone, posts/second, against the plain anchors of shared/PERFORMANCE.md.

    python bench/bench_matching.py [--posts 100000] [--terms 10000] [--runs 3]

Generates a calendar of synthetic posts (~150 characters: Dutch and English, emoji,
#CamelCase hashtags, diacritics, a crisis word in a few percent) and a term list drawn from
the shipped vocabulary, then times, in one run and on the same posts:

* contentcheck's Matcher: ``find`` over every post (normalization included) and
  ``match_post`` (language detection included);
* anchor A: pyahocorasick over casefolded text, with a word-boundary check;
* anchor B: a per-token dictionary lookup, each distinct token checked once (memoised);

and the start-up cost (a fresh process that imports, compiles the shipped-size list and
scans 60 posts). ``scan_hook`` is where the whole-``scan`` benchmark plugs in (owned elsewhere).
Numbers go to bench/README.md.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

NL = ("we gaan vandaag samen naar de nieuwe winkel in het centrum met een mooie aanbieding "
      "voor iedereen die houdt van lekker eten koffie taart zomer collectie korting gratis "
      "bezorging iedere week nieuwe producten ontdek iets leuks voor thuis café crème "
      "financiën ideeën geïnteresseerd zeeën").split()
EN = ("check out our new summer collection today with free delivery and great deals for "
      "everyone who loves good food coffee cake weekend vibes discover something special "
      "for your home café naïve résumé").split()
TAGS = ["#ZomerSale", "#BlackFriday", "#ShopLocal", "#MondayMotivation", "#KoffieTijd",
        "#NieuweCollectie", "#WeekendVibes", "#gratisbezorging", "#SummerDeals"]
EMOJI = ["☀️", "🎉", "❤️", "👍🏽", "🛍️", "☕", "🍰", "✨", "🔥"]
CRISIS = ["explosie", "aanslag", "overstroming", "brand", "shooting", "crash", "bom",
          "gasexplosie", "bosbranden", "explosions", "#PrayForBoston"]


def make_posts(count: int, seed: int = 7) -> list[str]:
    """Posts of ~150 characters; most words come from the 5,000 most frequent of the language,
    so a run sees tens of thousands of distinct words (the caches are not trivially hot)."""
    from contentcheck.matching.compounds import vocabulary

    rng = random.Random(seed)
    common = {"nl": list(vocabulary("nl"))[:5000], "en": list(vocabulary("en"))[:5000]}
    posts = []
    for _ in range(count):
        language = rng.choice(("nl", "en"))
        words = [rng.choice(common[language]) if rng.random() < 0.6 else
                 rng.choice(NL if language == "nl" else EN) for _ in range(rng.randint(16, 22))]
        text = " ".join(words)
        text = text[0].upper() + text[1:] + rng.choice((".", "!", "?"))
        text += " " + " ".join(rng.sample(TAGS, 2)) + " " + rng.choice(EMOJI)
        if rng.random() < 0.03:
            text = text.replace(" ", f" {rng.choice(CRISIS)} ", 1)
        posts.append(text)
    return posts


@lru_cache(maxsize=1)
def term_pool() -> tuple[list[str], frozenset[str]]:
    """Candidate term words, and the everyday words of the posts.

    A realistic list holds words that are not the calendar's everyday words, and whose
    inflections are not everyday words either (a list has ``bosbrand``, not ``thoma``, whose
    plural is ``thomas``): otherwise a third of all posts "match" and the benchmark measures
    junk hits instead of the engine.
    """
    from contentcheck.matching.compounds import vocabulary
    from contentcheck.matching.forms import word_forms

    dutch, english = vocabulary("nl"), vocabulary("en")
    in_posts = {fold(w) for w in NL + EN} | {fold(t[1:]) for t in TAGS}
    in_posts |= set(list(dutch)[:5000]) | set(list(english)[:5000])
    pool = [w for w in list(dutch)[20_000:100_000] + list(english)[20_000:40_000]
            if len(w) >= 5 and in_posts.isdisjoint(word_forms(w, None, dutch, english))]
    return pool, frozenset(in_posts)


def make_terms(count: int, seed: int = 11) -> str:
    """A term file: mostly plain words, some wildcards, phrases and proximity terms."""
    rng = random.Random(seed)
    pool, in_posts = term_pool()
    chosen = rng.sample(pool, count)
    lines = ["@category bench", "@severity medium", *CRISIS[:-1], "PrayForBoston"]
    for index, word in enumerate(chosen[: count - len(lines)]):
        if index % 50 == 0 and not any(w.startswith(word[:5]) for w in in_posts if len(w) >= 5):
            lines.append(word[:5] + "*")
        elif index % 40 == 0:
            lines.append(f'"{word} {rng.choice(chosen)}"')
        elif index % 30 == 0:
            lines.append(f"{word} {rng.choice(chosen)}")
        else:
            lines.append(word)
    lines += ["!bommetje", "!brandstof", "!aanslagbiljet", "!dwarsbomen"]
    return "\n".join(lines) + "\n"


def plain_words(term_text: str) -> list[str]:
    return [line.strip('"*').split()[0].lower() for line in term_text.splitlines()
            if line and line[0] not in "@!#"]


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def anchor_aho(words: list[str]) -> Callable[[str], int]:
    """pyahocorasick over casefolded text, a hit only at word boundaries."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, len(word))
    automaton.make_automaton()

    def count(text: str) -> int:
        folded = fold(text)
        hits = 0
        for end, size in automaton.iter(folded):
            start = end - size + 1
            if (start == 0 or not folded[start - 1].isalnum()) and \
                    (end + 1 == len(folded) or not folded[end + 1].isalnum()):
                hits += 1
        return hits
    return count


def anchor_tokens(words: list[str]) -> Callable[[str], int]:
    """Tokens + dict lookup, each distinct token folded and checked once."""
    wanted = set(words)
    memo: dict[str, bool] = {}
    token_re = re.compile(r"\w+")

    def count(text: str) -> int:
        hits = 0
        for token in token_re.findall(text):
            hit = memo.get(token)
            if hit is None:
                hit = memo[token] = fold(token) in wanted
            hits += hit
        return hits
    return count


def timed(function: Callable[[Any], object], posts: Sequence[Any], runs: int) -> float:
    """Median posts/second over ``runs`` passes, after one pass that warms the caches."""
    for post in posts:
        function(post)
    speeds = []
    for _ in range(runs):
        started = time.perf_counter()
        for post in posts:
            function(post)
        speeds.append(len(posts) / (time.perf_counter() - started))
    return statistics.median(speeds)


def cold(function: Callable[[str], object], posts: list[str]) -> float:
    started = time.perf_counter()
    for post in posts:
        function(post)
    return len(posts) / (time.perf_counter() - started)


STARTUP = """
import time; t0 = time.perf_counter()
from contentcheck.matching.matcher import Matcher
from contentcheck.records import Post, PostField, Severity
from contentcheck.matching.terms import parse_terms
t1 = time.perf_counter()
if {terms!r}:
    terms = parse_terms(open({terms!r}, encoding="utf-8").read(), origin="t", list_name="t",
                        category="c", severity=Severity.MEDIUM)
else:
    from contentcheck.lists.load import load_lists
    terms = load_lists([])
matcher = Matcher.compile(terms)
t2 = time.perf_counter()
posts = [Post("c", None, i, None, None, None, (PostField("Text", line),))
         for i, line in enumerate(open({posts!r}, encoding="utf-8").read().splitlines())]
found = sum(len(matcher.match_post(p)) for p in posts)
t3 = time.perf_counter()
print(f"{{t1-t0:.3f}} {{t2-t1:.3f}} {{t3-t2:.3f}} {{found}}")
"""


def startup(tmp: Path, terms: str | None, posts: list[str]) -> tuple[float, str]:
    """Wall time of a fresh process: import, compile, match 60 posts (like a small workbook).

    ``terms`` None: the shipped word lists, as a real scan loads them."""
    term_file, post_file = tmp / "terms.txt", tmp / "posts.txt"
    term_file.write_text(terms or "", encoding="utf-8")
    post_file.write_text("\n".join(posts[:60]), encoding="utf-8")
    code = STARTUP.format(terms=str(term_file) if terms else "", posts=str(post_file))
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout.split()
    wall = time.perf_counter() - started
    return wall, f"import {out[0]} s, compile {out[1]} s, match 60 posts {out[2]} s"


def scan_hook(posts: list[str]) -> None:
    """Whole-``scan`` benchmark (read calendar -> report) plugs in here; owned elsewhere."""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--terms", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scaling", action="store_true",
                        help="also time find() with 100 to 50,000 terms on the same posts")
    parser.add_argument("--crisis", action="store_true",
                        help="compile the terms as crisis terms (language guessed, compound "
                             "heads, separable verbs and one-typo matching for long words)")
    args = parser.parse_args()

    from contentcheck.matching.matcher import Matcher
    from contentcheck.records import Post, PostField, Severity
    from contentcheck.matching.terms import parse_terms

    posts = make_posts(args.posts)
    term_text = make_terms(args.terms)
    started = time.perf_counter()
    termset = parse_terms(term_text, origin="bench", list_name="bench", category="bench",
                          severity=Severity.CRISIS if args.crisis else Severity.MEDIUM,
                          crisis=args.crisis)
    matcher = Matcher.compile(termset)
    build = time.perf_counter() - started
    post_records = [Post("bench", None, i, None, None, None, (PostField("Text", text),))
                    for i, text in enumerate(posts)]

    print(f"{len(posts):,} posts (mean {statistics.mean(map(len, posts)):.0f} chars), "
          f"{len(termset):,} terms, Python {sys.version.split()[0]}")
    print(f"compile: {build:.2f} s")
    first = cold(matcher.find, posts)
    print(f"contentcheck find, first pass (cold caches): {first:,.0f} posts/s")
    rows = [
        ("contentcheck Matcher.find", timed(matcher.find, posts, args.runs)),
        ("contentcheck Matcher.match_post (+ language)",
         timed(matcher.match_post, post_records, args.runs)),
        ("anchor: pyahocorasick + boundary check", timed(anchor_aho(plain_words(term_text)),
                                                           posts, args.runs)),
        ("anchor: tokens + memoised dict lookup", timed(anchor_tokens(plain_words(term_text)),
                                                          posts, args.runs)),
    ]
    for name, speed in rows:
        print(f"{name:48} {speed:>10,.0f} posts/s")
    flagged = sum(1 for post in posts if matcher.find(post))
    print(f"posts with a match: {flagged:,} ({flagged / len(posts):.1%})")
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        for label, terms in (("shipped lists", None), (f"{len(termset):,} terms", term_text)):
            wall, parts = startup(Path(tmp), terms, posts)
            print(f"start-up + 60 posts, fresh process, {label}: {wall:.2f} s wall ({parts})")
    if args.scaling:
        print("scaling (warm caches, same posts):")
        for size in (100, 1_000, 10_000, 50_000):
            started = time.perf_counter()
            scaled = Matcher.compile(parse_terms(make_terms(size), origin="bench", list_name="b",
                                                 category="b", severity=Severity.MEDIUM))
            built = time.perf_counter() - started
            speed = timed(scaled.find, posts, args.runs)
            screen = timed(scaled.may_match, posts, args.runs)
            flagged = sum(1 for post in posts if scaled.find(post)) / len(posts)
            print(f"  {size:>6,} terms: compile {built:5.2f} s, find {speed:>9,.0f} posts/s, "
                  f"screen only {screen:>9,.0f} posts/s ({flagged:.1%} of posts match)")
    scan_hook(posts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
