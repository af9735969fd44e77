"""Pausing Python's cyclic garbage collector while a big calendar is read, matched and reported.

A 100,000-post scan creates millions of small, acyclic objects (posts, fields, matches, dicts
for the report). Each time the allocation count passes a threshold the collector walks every
live object again: seconds of the run, for nothing, since reference counting frees all of it.
The collector is turned back on afterwards with what the scan made frozen (so it is not walked
once more straight away), and unfrozen at the next pause, so a long-running watcher still
collects the cycles a library may leave.

A process that ends after its command (the console script) need not take a big scan apart at
all: ``keep_to_the_end`` leaves the report's verdicts to the system, which takes the memory
back at once, instead of freeing 100,000 posts object by object (~0.2 s of CPU).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


PROCESS_ENDS = False  # set by the console script (``cli.run``): the process ends after its command


def keep_to_the_end(*objects: object) -> None:
    """Never free ``objects``: they live until the process exits, whose memory the system
    takes back whole. Only when ``PROCESS_ENDS`` (a caller that goes on, such as the watcher
    or a test through click's runner, frees them as usual). They are held by a cycle that
    nothing else reaches, frozen: the collector does not look at it, even at exit."""
    if PROCESS_ENDS:
        holder: list[object] = [*objects]
        holder.append(holder)
        gc.freeze()


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
