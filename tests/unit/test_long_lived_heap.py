"""The objects alive when the window opens are left out of later garbage collections."""

from __future__ import annotations

import gc

from advisoros_desktop.long_lived_heap import set_aside_long_lived_objects


def test_objects_alive_now_are_no_longer_walked_by_collections() -> None:
    survivor = {"a": [1, 2, 3]}
    try:
        set_aside_long_lived_objects()
        assert gc.get_freeze_count() > 0
        assert not any(obj is survivor for obj in gc.get_objects())
    finally:
        gc.unfreeze()
    assert any(obj is survivor for obj in gc.get_objects())
