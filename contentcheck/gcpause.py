"""Pausing Python's cyclic garbage collector while a big calendar is read, matched and reported.

A 100,000-post scan creates millions of small, acyclic objects (posts, fields, matches, dicts
for the report). Each time the allocation count passes a threshold the collector walks every
live object again: seconds of the run, for nothing, since reference counting frees all of it.
The collector is turned back on afterwards, so a long-running watcher still collects cycles.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
