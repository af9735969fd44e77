#!/usr/bin/env python3
"""Held-out corpus 4: ``python bench/holdout4/score.py CONTENTCHECK_BIN`` (only the lead runs it;
nobody tunes on it, see README.md). bench/holdout/score.py, run with ``CORPUS`` set to this
folder, measures its posts.csv and crisis_*.txt files; the other names are passed along for a
scorer that reads them."""
import os
import runpy

HERE = os.path.dirname(os.path.abspath(__file__))
POSTS_CSV = os.path.join(HERE, "posts.csv")
SCENARIOS = ["wildfire", "riots", "toxiccloud", "amberalert", "avalanche", "racistad"]
TITLE = "Held-out corpus 4 (Pluym drugstore) measurement"

runpy.run_path(
    os.path.join(HERE, os.pardir, "holdout", "score.py"),
    {"CORPUS": HERE, "HERE": HERE, "POSTS_CSV": POSTS_CSV, "SCENARIOS": SCENARIOS, "TITLE": TITLE},
    "__main__",
)
