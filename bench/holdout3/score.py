#!/usr/bin/env python3
"""Measure a crisis-post detector against the third held-out corpus (holdout3) in this folder.

Held-out: only the lead runs this, and nobody tunes on it (see README.md).

Usage:
    python bench/holdout3/score.py CONTENTCHECK_BIN

The scorer is bench/holdout/score.py (itself the development corpus's scorer with only the
scenario names changed), pointed at this folder's posts, crisis files and scenarios; see its
docstring for what is run and printed. Standard library only; the exit status is always 0.
"""
from __future__ import annotations

import importlib.util
import os
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location(
    "holdout_score", os.path.join(HERE, os.pardir, "holdout", "score.py"))
score = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score)
score.HERE = HERE
score.POSTS_CSV = os.path.join(HERE, "posts.csv")
score.SCENARIOS = ["collapse", "crush", "drowning", "hostage", "poisoning", "pricefail"]
score.TITLE = "Held-out corpus 3 (bench/holdout3) measurement"

if __name__ == "__main__":
    try:
        score.main(sys.argv)
    except Exception:  # a measurement never fails the caller
        traceback.print_exc()
        print("\nscore.py stopped early; see the error above.", file=sys.stderr)
    sys.exit(0)
