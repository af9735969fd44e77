#!/usr/bin/env python3
"""Held-out corpus 4: ``python bench/holdout4/score.py CONTENTCHECK_BIN`` (only the lead runs it;
nobody tunes on it, see README.md). bench/holdout/score.py, run with ``CORPUS`` set to this
folder, measures its posts.csv and crisis_*.txt files."""
import os
import runpy

HERE = os.path.dirname(os.path.abspath(__file__))
runpy.run_path(os.path.join(HERE, os.pardir, "holdout", "score.py"), {"CORPUS": HERE}, "__main__")
