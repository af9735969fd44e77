"""bench_matching's core numbers in CPU time (``time.process_time``), for a shared machine.

On a machine that other work shares, wall-clock speeds swing by 3x between runs (the anchors
too); CPU time of the process swings far less. Run it for two versions back to back, e.g.
main from ``git archive main | tar -x -C /tmp/main`` and this tree::

    (cd /tmp/main && PYTHONPATH=/tmp/main python /path/to/bench/bench_cpu.py)
    python bench/bench_cpu.py            # add --crisis to compile the terms as crisis terms

50,000 posts and 10,000 terms from bench_matching.py; find cold (first pass), warm (median of
3), anchor B (memoised token lookup) in the same process.
"""
import gc
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_matching as b  # noqa: E402
from contentcheck.matching.matcher import Matcher  # noqa: E402
from contentcheck.matching.terms import parse_terms  # noqa: E402
from contentcheck.records import Severity  # noqa: E402

crisis = "--crisis" in sys.argv
posts = b.make_posts(50000)
text = b.make_terms(10000)
t = time.process_time()
m = Matcher.compile(parse_terms(text, origin="b", list_name="b", category="b",
                                severity=Severity.CRISIS if crisis else Severity.MEDIUM, crisis=crisis))
compile_s = time.process_time() - t
def run(f, items):
    t = time.process_time()
    for x in items: f(x)
    return len(items) / (time.process_time() - t)


gc.disable()
cold = run(m.find, posts)
warm = statistics.median(run(m.find, posts) for _ in range(3))
tok = b.anchor_tokens(b.plain_words(text))
run(tok, posts)
anchor = statistics.median(run(tok, posts) for _ in range(3))
flagged = sum(1 for p in posts if m.find(p)) / len(posts)
print(f"compile {compile_s:.2f} s cpu | find cold {cold:,.0f} | find warm {warm:,.0f} | anchor B {anchor:,.0f} posts/s (cpu) | match {flagged:.1%}")
