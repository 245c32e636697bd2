"""Store changes on their way to the palette's index, held while records pour in.

A sync pulls thousands of records and a folder of scans becomes thousands of
documents, arriving a few at a time as each upload lands. Re-indexing them
as they come would keep a thread busy reading and cutting words for the
whole time, and every moment it holds Python's lock is a moment the window
cannot paint. So while a sync or uploads run, what changed is only merged
here, and indexed once when the last of them ends; indexing already under
way on the index's background thread pauses too. A person's own edit (or
undo) does not wait: it brings everything held so far into the palette at
once, so the record they just renamed is found under its new name (a large
batch among it is indexed in the background, once the pause ends).
"""

from __future__ import annotations

from typing import Protocol

from advisoros_desktop.store.transaction import ChangeSet
from advisoros_desktop.ui.store_notices import merge


class ChangeIndex(Protocol):
    """What takes the changes (``commands.palette_search.PaletteIndex``)."""

    def apply(self, changes: ChangeSet) -> None: ...

    def pause_background(self, paused: bool) -> None: ...


class PaletteUpdates:
    """``add`` store changes; they reach the index at once, or when every hold is lifted."""

    def __init__(self, index: ChangeIndex) -> None:
        self._index = index
        self._held: set[str] = set()  # why: "sync", "uploads", "drop"
        self._pending: ChangeSet | None = None

    @property
    def held(self) -> bool:
        return bool(self._held)

    def holds(self, reason: str) -> bool:
        return reason in self._held

    def add(self, changes: ChangeSet) -> None:
        if not changes.records:
            return
        self._pending = changes if self._pending is None else merge(self._pending, changes)
        if not self._held:
            self.release()

    def hold(self, reason: str, held: bool) -> None:
        """Hold updates for ``reason``, or lift that hold (indexing what waits if none is left)."""
        if held:
            if not self._held:
                self._index.pause_background(True)
            self._held.add(reason)
            return
        if reason in self._held:
            self._held.discard(reason)
            if not self._held:
                self._index.pause_background(False)
                self.release()

    def release(self) -> None:
        """Hand the index everything held so far, holds or not."""
        pending, self._pending = self._pending, None
        if pending is not None:
            self._index.apply(pending)
