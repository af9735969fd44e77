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
