"""The garbage-collector pause around a scan: off inside, on again after, nesting-safe."""

from __future__ import annotations

import gc

from contentcheck.gcpause import paused_gc


def test_paused_inside_and_back_on_after() -> None:
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()   # the inner pause does not switch it on early
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0   # the scan's objects are not walked again at once
    with paused_gc():
        assert gc.get_freeze_count() == 0   # and can be collected again later
    gc.unfreeze()


class _Post:
    """Something a scan made (weakly referable, unlike a tuple)."""


def test_kept_to_the_end_only_when_the_process_ends(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import weakref

    from contentcheck import gcpause

    post = _Post()
    gone = weakref.ref(post)
    gcpause.keep_to_the_end(post)  # a caller that goes on (a test, the watcher): freed
    del post
    gc.collect()
    assert gone() is None
    monkeypatch.setattr(gcpause, "PROCESS_ENDS", True)
    post = _Post()
    kept = weakref.ref(post)
    gcpause.keep_to_the_end(post)
    del post
    gc.collect()
    assert kept() is not None  # not freed, not collected: left to the system at exit
    gc.unfreeze()  # this test's process goes on: let the collector have it after all
    gc.collect()
    assert kept() is None
