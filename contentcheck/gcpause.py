"""Pausing Python's cyclic garbage collector while a big calendar is read, matched and reported.

A 100,000-post scan creates millions of small, acyclic objects (posts, fields, matches, dicts
for the report). Each time the allocation count passes a threshold the collector walks every
live object again: seconds of the run, for nothing, since reference counting frees all of it.
The collector is turned back on afterwards with what the scan made frozen (so it is not walked
once more straight away), and unfrozen at the next pause, so a long-running watcher still
collects the cycles a library may leave.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    gc.unfreeze()  # what an earlier pause froze can be collected again (a watcher runs for weeks)
    try:
        yield
    finally:
        if enabled:
            # What the scan made is acyclic and freed by reference counting; frozen, the
            # collector does not walk all of it once more as soon as it is switched back on.
            gc.freeze()
            gc.enable()
