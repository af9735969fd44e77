"""Every post's matches on a labelled corpus, for studying the misses (bench/README.md, "Would
kit words as pause close the gap?"): ``python bench/escalation/dump_matches.py CORPUS_DIR
CONTENTCHECK_BIN OUT.json``. Uses the development corpus's scorer for its calendar layout, so
each scenario's calendar is the one score.py scans. Only the lead runs it on an unspent corpus."""
import glob
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, os.pardir, "shared", "corpus"))
import score  # noqa: E402  (the development corpus's scorer: its calendar layout and NOW)


def dump(corpus: str, binary: str) -> list[dict]:
    posts = score.load_posts(os.path.join(corpus, "posts.csv"))
    found: dict[tuple[str, str], dict] = {}
    scenarios = sorted(os.path.basename(f)[len("crisis_"):-len(".txt")]
                       for f in glob.glob(os.path.join(corpus, "crisis_*.txt")))
    with tempfile.TemporaryDirectory() as tmp:
        for scenario in scenarios:
            chosen = [p for p in posts if p["scenario"] in (scenario, "none")]
            work = os.path.join(tmp, scenario)
            os.makedirs(work)
            score.write_calendar(os.path.join(work, "cal.csv"), chosen)
            env = dict(os.environ, CONTENTCHECK_STATE_DIR=os.path.join(work, "state"),
                       XDG_CACHE_HOME=os.path.join(work, "cache"))
            subprocess.run([binary, "scan", "cal.csv", "--crisis",
                            os.path.join(corpus, f"crisis_{scenario}.txt"), "--now", score.NOW,
                            "--timezone", score.TIMEZONE, "--no-active-crises", "--format", "json",
                            "-o", "r.json", "--exit-zero"], cwd=work, env=env, capture_output=True,
                           check=True)
            with open(os.path.join(work, "r.json"), encoding="utf-8") as handle:
                report = json.load(handle)
            by_text = {score.norm_text(p["text"]): p for p in chosen}
            for item in report["posts"]:
                post = by_text.get(score.norm_text(item["text"]))
                if post is None:
                    continue
                found[(scenario, post["id"])] = {
                    "id": post["id"], "scenario": scenario, "expected": post["expected"],
                    "debatable": post["debatable"], "status": item["status"], "text": post["text"],
                    "matches": [{key: m.get(key) for key in ("term", "matched", "list", "category",
                                                               "crisis", "details")}
                                for m in item["matches"]]}
    return list(found.values())


if __name__ == "__main__":
    corpus_dir, contentcheck, out = sys.argv[1:4]
    corpus_dir = os.path.abspath(corpus_dir)
    contentcheck = os.path.abspath(contentcheck) if os.sep in contentcheck else contentcheck
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(dump(corpus_dir, contentcheck), handle, ensure_ascii=False, indent=0)
