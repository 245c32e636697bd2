"""Changes reach the palette at once, or in one go when the last sync or upload run ends."""

from __future__ import annotations

from advisoros_desktop.store.transaction import ChangeSet
from advisoros_desktop.ui.palette_updates import PaletteUpdates


class Index:
    def __init__(self) -> None:
        self.applied: list[ChangeSet] = []
        self.paused = False

    def apply(self, changes: ChangeSet) -> None:
        self.applied.append(changes)

    def pause_background(self, paused: bool) -> None:
        self.paused = paused


def _records(entity: str, *ids: str) -> ChangeSet:
    return ChangeSet({entity: frozenset(ids)})


def test_changes_reach_the_index_at_once_when_nothing_holds_them() -> None:
    index = Index()
    updates = PaletteUpdates(index)
    updates.add(_records("client", "c1"))
    updates.add(ChangeSet({}, uploads=True))  # no record changed: nothing to index
    assert [dict(c.records) for c in index.applied] == [{"client": frozenset({"c1"})}]


def test_held_changes_are_indexed_once_when_the_last_hold_is_lifted() -> None:
    index = Index()
    updates = PaletteUpdates(index)
    updates.hold("sync", True)
    updates.hold("uploads", True)
    updates.add(_records("document", "d1"))
    updates.add(_records("document", "d2"))
    assert index.paused  # indexing already under way waits too
    updates.hold("sync", False)
    assert index.applied == [] and updates.held and updates.holds("uploads") and index.paused
    updates.hold("uploads", False)
    assert not index.paused
    assert [dict(c.records) for c in index.applied] == [{"document": frozenset({"d1", "d2"})}]
    updates.hold("uploads", False)  # lifting it again indexes nothing more
    assert len(index.applied) == 1


def test_a_release_brings_everything_held_so_far_in_holds_or_not() -> None:
    index = Index()
    updates = PaletteUpdates(index)
    updates.hold("uploads", True)
    updates.add(_records("client", "c1"))
    updates.release()  # a person's own edit: the palette must find it now
    assert len(index.applied) == 1 and updates.held
    updates.add(_records("client", "c2"))
    assert len(index.applied) == 1
