#!/usr/bin/env python3
"""Measure a crisis-post detector against the held-out corpus in this folder.

Usage:
    python score.py CONTENTCHECK_BIN

CONTENTCHECK_BIN is the contentcheck executable (a path, a name on PATH, or a
quoted command such as "python -m contentcheck").

For each of the six scenarios this script writes one CSV calendar (that
scenario's posts plus every 'none' post) into a temporary directory, runs

    CONTENTCHECK_BIN scan CAL --crisis crisis_<scenario>.txt
        --now 2026-03-02T08:00 --timezone Europe/Amsterdam
        --no-active-crises --format json -o OUT --exit-zero

there (with CONTENTCHECK_STATE_DIR inside the temporary directory), matches
the reported posts back to the corpus by their text and prints recall, false
alarms and precision next to a plain word-matching baseline.

Standard library only. Nothing is written outside the temporary directory,
which is removed afterwards. The exit status is always 0: this is a
measurement, not a test.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import traceback
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
POSTS_CSV = os.path.join(HERE, "posts.csv")
SCENARIOS = ["flood", "derailment", "shooting", "databreach", "heatwave", "explosion"]
TITLE = "Held-out corpus measurement"  # measure() sets these four for a later corpus's folder
NONE = "none"
NOW = "2026-03-02T08:00"
TIMEZONE = "Europe/Amsterdam"
FIRST_SLOT = dt.datetime(2026, 3, 2, 9, 0)  # one hour after NOW; 7 days x 45-minute slots
SLOT_MINUTES = 45
CHANNELS = ["Instagram", "Facebook", "LinkedIn", "X", "TikTok"]
CAL_HEADER = ["Datum", "Tijd", "Kanaal", "Bericht", "Hashtags", "Alt-tekst", "Eerste reactie"]
FIELDS = ("text", "hashtags", "alt_text", "first_comment")
SEVERITY = {"ok": 0, "review": 1, "pause": 2}
RUN_TIMEOUT_S = 300


# --------------------------------------------------------------------------- corpus

def load_posts(path: str | None = None) -> list[dict]:
    with open(path or POSTS_CSV, encoding="utf-8-sig", newline="") as f:
        posts = list(csv.DictReader(f))
    for p in posts:
        p["debatable"] = int(p.get("debatable") or 0)
        for field in FIELDS:
            p[field] = p.get(field) or ""
    return posts


def calendar_rows(posts: list[dict]) -> list[list[str]]:
    """Spread the posts over the 7 days after NOW: day = i % 7, one 45-minute slot per round."""
    rows = []
    for i, p in enumerate(posts):
        when = FIRST_SLOT + dt.timedelta(days=i % 7, minutes=SLOT_MINUTES * (i // 7))
        rows.append([
            when.strftime("%Y-%m-%d"),
            when.strftime("%H:%M"),
            CHANNELS[i % len(CHANNELS)],
            p["text"],
            p["hashtags"],
            p["alt_text"],
            p["first_comment"],
        ])
    return rows


def write_calendar(path: str, posts: list[dict]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(CAL_HEADER)
        w.writerows(calendar_rows(posts))


# --------------------------------------------------------------------------- baseline

def load_terms(path: str) -> list[str]:
    """Crisis terms as the baseline reads them: one per line, blank lines skipped,
    a leading '#' stripped (so '#tag' becomes the term 'tag')."""
    terms = []
    with open(path, encoding="utf-8-sig") as f:
        for raw in f:
            line = raw.strip()
            if line.startswith("#"):
                line = line[1:].strip()
            if line:
                terms.append(line)
    return terms


def term_pattern(term: str) -> re.Pattern:
    """Plain, case-insensitive, word-bounded matching: "a b" or a b = exact phrase,
    x* = prefix, anything else = the exact word."""
    t = term.strip()
    if len(t) >= 2 and t[0] in "\"'\u201c\u201d" and t[-1] in "\"'\u201c\u201d":
        t = t[1:-1].strip()
    prefix = t.endswith("*")
    t = t.rstrip("*").strip()
    body = r"\s+".join(re.escape(w) for w in t.split())
    tail = r"\w*" if prefix else r"(?!\w)"
    return re.compile(r"(?<!\w)" + body + tail, re.IGNORECASE)


def baseline_status(post: dict, patterns: list[re.Pattern]) -> str:
    for field in FIELDS:
        value = post[field]
        if value and any(p.search(value) for p in patterns):
            return "pause"
    return "ok"


# --------------------------------------------------------------------------- detector run

def resolve_command(arg: str) -> list[str]:
    cmd = shlex.split(arg)
    if not cmd:
        raise ValueError("empty CONTENTCHECK_BIN")
    first = cmd[0]
    if os.sep in first or (os.altsep and os.altsep in first):
        cmd[0] = os.path.abspath(first)
    else:
        found = shutil.which(first)
        if found:
            cmd[0] = found
    return cmd


def normalize_status(value) -> str:
    s = str(value or "").strip().lower()
    if s.startswith("pau"):
        return "pause"
    if s.startswith("rev") or s.startswith("contr"):
        return "review"
    if s in ("ok", "okay", "clear", "clean", "pass", "passed", "safe", "go"):
        return "ok"
    return "other:" + s


def norm_text(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s or "").split()).casefold()


def report_posts(data) -> list[dict]:
    if isinstance(data, dict):
        items = data.get("posts")
        if items is None:
            for v in data.values():
                if isinstance(v, dict) and isinstance(v.get("posts"), list):
                    items = v["posts"]
                    break
        data = items
    return [p for p in (data or []) if isinstance(p, dict)]


def match_report(items: list[dict], posts: list[dict]) -> tuple[dict, list[str], list[str]]:
    """Map corpus id -> detector status. Returns (statuses, unmatched report texts, odd statuses)."""
    exact = {p["text"]: p for p in posts}
    normed = {norm_text(p["text"]): p for p in posts}
    statuses: dict[str, str] = {}
    unmatched, odd = [], []
    for item in items:
        text = item.get("text")
        if text is None:
            text = item.get("Bericht") or item.get("message") or ""
        status = normalize_status(item.get("status"))
        if status.startswith("other:"):
            odd.append(status[6:])
        post = exact.get(text) or normed.get(norm_text(text))
        if post is None:  # tolerate truncated or decorated text
            nt = norm_text(text).rstrip("\u2026. ")
            hits = [p for k, p in normed.items() if nt and (k.startswith(nt) or nt.startswith(k))]
            post = hits[0] if len(hits) == 1 else None
        if post is None:
            unmatched.append(text)
            continue
        old = statuses.get(post["id"])
        if old is None or SEVERITY.get(status, -1) > SEVERITY.get(old, -1):
            statuses[post["id"]] = status
    return statuses, unmatched, odd


def run_scenario(cmd: list[str], scenario: str, posts: list[dict], tmp: str) -> tuple[dict, str | None, list, list]:
    work = os.path.join(tmp, scenario)
    os.makedirs(work)
    cal = f"kalender_{scenario}.csv"
    crisis = f"crisis_{scenario}.txt"
    out = f"rapport_{scenario}.json"
    write_calendar(os.path.join(work, cal), posts)
    shutil.copyfile(os.path.join(HERE, crisis), os.path.join(work, crisis))
    env = dict(os.environ)
    env["CONTENTCHECK_STATE_DIR"] = os.path.join(work, "state")
    for var in ("XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME"):
        env[var] = os.path.join(work, "xdg", var.lower())
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    args = cmd + ["scan", cal, "--crisis", crisis, "--now", NOW, "--timezone", TIMEZONE,
                  "--no-active-crises", "--format", "json", "-o", out, "--exit-zero"]
    try:
        proc = subprocess.run(args, cwd=work, env=env, capture_output=True, text=True,
                              timeout=RUN_TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return {}, f"could not run: {exc}", [], []
    out_path = os.path.join(work, out)
    if not os.path.exists(out_path):
        tail = (proc.stderr or proc.stdout or "").strip()[-800:]
        return {}, f"exit {proc.returncode}, no report written. {tail}", [], []
    try:
        with open(out_path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as exc:
        return {}, f"exit {proc.returncode}, report is not JSON: {exc}", [], []
    statuses, unmatched, odd = match_report(report_posts(data), posts)
    error = None if proc.returncode == 0 else f"exit {proc.returncode} (report read anyway)"
    return statuses, error, unmatched, odd


# --------------------------------------------------------------------------- metrics

def tally(records: list[dict], key: str, skip_debatable: bool) -> dict:
    """records: {post, run, detector, baseline}. key: 'detector' or 'baseline'."""
    t = {"pause": [0, 0], "review": [0, 0], "ok": [0, 0], "paused": [0, 0]}
    for r in records:
        p = r["post"]
        if skip_debatable and p["debatable"]:
            continue
        got = r[key]
        exp = p["expected"]
        if exp == "pause":
            t["pause"][1] += 1
            t["pause"][0] += got == "pause"
        elif exp == "review":
            t["review"][1] += 1
            t["review"][0] += got in ("review", "pause")
        elif exp == "ok":
            t["ok"][1] += 1
            t["ok"][0] += got in ("review", "pause")
        if got == "pause":
            t["paused"][1] += 1
            t["paused"][0] += exp == "pause"
    return t


def cell(hit: int, total: int) -> str:
    if total == 0:
        return "-".center(11)
    return f"{hit:>3}/{total:<3} {round(100 * hit / total):>3}%"


def print_table(groups: list[tuple[str, list[dict]]], skip_debatable: bool) -> None:
    title = "excluding debatable labels" if skip_debatable else "all labels"
    print(f"\n=== {title} ===")
    print(f"{'':<13}{'':>5} | {'crisis recall':^25} | {'sensitive recall':^25} | "
          f"{'false alarms':^25} | {'pause precision':^25}")
    print(f"{'':<13}{'':>5} | {'expected pause -> pause':^25} | {'review -> review|pause':^25} | "
          f"{'ok -> review|pause':^25} | {'pause that was expected':^25}")
    sub = f"{'contentcheck':<12} {'baseline':<12}"
    print(f"{'group':<13}{'posts':>5} | {sub} | {sub} | {sub} | {sub}")
    for name, records in groups:
        det = tally(records, "detector", skip_debatable)
        base = tally(records, "baseline", skip_debatable)
        n = sum(1 for r in records if not (skip_debatable and r["post"]["debatable"]))
        parts = []
        for k in ("pause", "review", "ok", "paused"):
            parts.append(f"{cell(*det[k]):<12} {cell(*base[k]):<12}")
        print(f"{name:<13}{n:>5} | " + " | ".join(parts))


def confusion(records: list[dict], key: str) -> None:
    cols = ["pause", "review", "ok", "missing"]
    print(f"  {'expected':<9}" + "".join(f"{c:>9}" for c in cols))
    for exp in ("pause", "review", "ok"):
        counts = {c: 0 for c in cols}
        other = 0
        for r in records:
            if r["post"]["expected"] != exp:
                continue
            got = r[key]
            if got in counts:
                counts[got] += 1
            else:
                other += 1
        extra = f"   (+{other} other)" if other else ""
        print(f"  {exp:<9}" + "".join(f"{counts[c]:>9}" for c in cols) + extra)


def describe(r: dict) -> str:
    p = r["post"]
    run = f" ({r['run']} run)" if p["scenario"] == NONE else ""
    flag = " (debatable)" if p["debatable"] else ""
    lines = [f"  {p['id']:<7} got {r['detector']:<8} baseline {r['baseline']:<6}{run}{flag}",
             f"          {p['text']}"]
    extras = []
    if p["hashtags"]:
        extras.append(f"hashtags: {p['hashtags']}")
    if p["alt_text"]:
        extras.append(f"alt: {p['alt_text']}")
    if p["first_comment"]:
        extras.append(f"first comment: {p['first_comment']}")
    if extras:
        lines.append("          + " + " | ".join(extras))
    return "\n".join(lines)


def print_list(title: str, records: list[dict]) -> None:
    print(f"\n--- {title}: {len(records)} ---")
    for r in records:
        print(describe(r))


# --------------------------------------------------------------------------- main

def main(argv: list[str]) -> None:
    if len(argv) != 2 or argv[1] in ("-h", "--help"):
        print(__doc__.strip())
        if len(argv) != 2:
            print("\nerror: give the contentcheck executable as the only argument", file=sys.stderr)
        return
    cmd = resolve_command(argv[1])
    posts = load_posts()
    none_posts = [p for p in posts if p["scenario"] == NONE]
    records: list[dict] = []
    problems: list[str] = []

    print(TITLE)
    print(f"  detector : {' '.join(cmd)}")
    print(f"  now      : {NOW} {TIMEZONE}")
    print(f"  corpus   : {len(posts)} posts, {len(posts) - len(none_posts)} in scenarios, "
          f"{len(none_posts)} 'none' posts added to every scenario run")

    with tempfile.TemporaryDirectory(prefix="contentcheck-corpus-") as tmp:
        for scenario in SCENARIOS:
            cal_posts = [p for p in posts if p["scenario"] == scenario] + none_posts
            patterns = [term_pattern(t) for t in load_terms(os.path.join(HERE, f"crisis_{scenario}.txt"))]
            statuses, error, unmatched, odd = run_scenario(cmd, scenario, cal_posts, tmp)
            if error:
                problems.append(f"{scenario}: {error}")
            if unmatched:
                problems.append(f"{scenario}: {len(unmatched)} report post(s) not found in the corpus, "
                                f"e.g. {unmatched[0][:80]!r}")
            if odd:
                problems.append(f"{scenario}: unknown status value(s) {sorted(set(odd))}")
            absent = [p["id"] for p in cal_posts if p["id"] not in statuses]
            if absent and not error:
                problems.append(f"{scenario}: {len(absent)} calendar post(s) absent from the report: "
                                + ", ".join(absent[:12]) + (" ..." if len(absent) > 12 else ""))
            for p in cal_posts:
                records.append({
                    "post": p,
                    "run": scenario,
                    "detector": statuses.get(p["id"], "missing"),
                    "baseline": baseline_status(p, patterns),
                })

    if problems:
        print("\nProblems while running:")
        for line in problems:
            print(f"  ! {line}")

    groups = [(s, [r for r in records if r["post"]["scenario"] == s]) for s in SCENARIOS]
    groups.append((f"none (x{len(SCENARIOS)})", [r for r in records if r["post"]["scenario"] == NONE]))
    groups.append(("overall", records))
    print("\nScenario rows count that scenario's own posts; the 'none' row counts the 'none' posts "
          "once per scenario run. Baseline = case-insensitive word-bounded exact match of the same "
          "crisis terms (leading '#' stripped, x* = prefix, quoted = phrase); it never says review.")
    print_table(groups, skip_debatable=False)
    print_table(groups, skip_debatable=True)

    print("\nContentcheck, all runs, rows = expected, columns = got:")
    confusion(records, "detector")

    misses = [r for r in records if r["post"]["expected"] == "pause" and r["detector"] != "pause"]
    sens = [r for r in records if r["post"]["expected"] == "review" and r["detector"] not in ("review", "pause")]
    alarms = [r for r in records if r["post"]["expected"] == "ok" and r["detector"] in ("review", "pause")]
    base_only = [r for r in misses if r["baseline"] == "pause"]
    print_list("Crisis misses (expected pause, contentcheck did not pause)", misses)
    print_list("Sensitive misses (expected review, contentcheck said ok or nothing)", sens)
    print_list("False alarms (expected ok, contentcheck said review or pause)", alarms)
    print(f"\n--- Crisis misses that the baseline caught: {len(base_only)} ---")
    if base_only:
        print("  " + ", ".join(r["post"]["id"] for r in base_only))


def measure(argv: list[str], here: str | None = None) -> None:
    """Run ``main`` on this folder, or on another corpus folder of the same format (a later
    held-out corpus's score.py runs this file with ``CORPUS`` set to its folder: its scenarios
    are its ``crisis_*.txt`` files), and exit 0 whatever happens."""
    global HERE, POSTS_CSV, SCENARIOS, TITLE
    if here is not None and os.path.abspath(here) != HERE:
        HERE, POSTS_CSV = os.path.abspath(here), os.path.join(here, "posts.csv")
        SCENARIOS = sorted(name[len("crisis_"):-len(".txt")] for name in os.listdir(HERE)
                           if name.startswith("crisis_") and name.endswith(".txt"))
        TITLE = f"Held-out corpus (bench/{os.path.basename(HERE)}) measurement"
    try:
        main(argv)
    except Exception:  # a measurement never fails the caller
        traceback.print_exc()
        print("\nscore.py stopped early; see the error above.", file=sys.stderr)
    sys.exit(0)


if __name__ == "__main__":
    measure(sys.argv, globals().get("CORPUS"))  # CORPUS: set by a later corpus's score.py
