"""Store notices brought to the GUI thread and batched for the views.

The store tells its observers what a commit changed on the committing thread,
which during a sync is a worker thread. A signal emitted there reaches this
GUI-thread object queued. Notices are then merged and handed on at most every
``interval_ms``, so a sync writing a page every few milliseconds makes the
tables refresh a few times a second, not hundreds. ``batched`` tells a
receiver whether it is handed such a batch (it may read in the background)
or an explicit ``flush`` (the user's own change: show it now).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.transaction import ChangeSet


def merge(first: ChangeSet, second: ChangeSet) -> ChangeSet:
    records = {entity: set(ids) for entity, ids in first.records.items()}
    for entity, ids in second.records.items():
        records.setdefault(entity, set()).update(ids)
    return ChangeSet(
        {entity: frozenset(ids) for entity, ids in records.items()},
        first.outbox or second.outbox,
        first.conflicts or second.conflicts,
        first.sync_state or second.sync_state,
        first.uploads or second.uploads,
    )


class StoreNotices(QObject):
    """``changed(ChangeSet)`` on the GUI thread, merged over short intervals."""

    changed = Signal(object)
    _arrived = Signal(object)  # emitted on the committing thread, received queued

    def __init__(self, store: LocalStore, interval_ms: int = 150, parent: QObject | None = None):
        super().__init__(parent)
        self._pending: ChangeSet | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._flush_batch)
        # True while ``changed`` hands on a batch the timer collected, False for ``flush``:
        # receivers may then read in the background rather than on the spot.
        self.batched = False
        self._arrived.connect(self._collect)
        self._unsubscribe: Callable[[], None] | None = store.subscribe(self._arrived.emit)

    def set_interval(self, interval_ms: int) -> None:
        self._timer.setInterval(interval_ms)

    def close(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self._timer.stop()

    @Slot(object)
    def _collect(self, changes: ChangeSet) -> None:
        self._pending = changes if self._pending is None else merge(self._pending, changes)
        if not self._timer.isActive():
            self._timer.start()

    def _flush_batch(self) -> None:
        self.batched = True
        try:
            self.flush()
        finally:
            self.batched = False

    def flush(self) -> None:
        """Hand on what arrived so far now (the user's own edit should show at once)."""
        self._timer.stop()
        pending, self._pending = self._pending, None
        if pending:
            self.changed.emit(pending)
