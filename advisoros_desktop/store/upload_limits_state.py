"""The server's upload limits, remembered so intake can check files while offline.

Intake refuses a file the server would refuse (too large, a type it does not
take) before queueing it, and it must do so on a laptop with no network too.
The raw ``/limits`` answer is kept in ``sync_state`` so whatever else it says
(the chunk size the uploader uses) is kept with it; until the server has been
heard, the defaults (the embedded server's) apply. Intake checks thousands of
files against them, so ``LimitsInForce`` keeps them and reads them again only
after the cache's sync state changed.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Any

from advisoros_desktop.domain.upload_limits import UploadLimits
from advisoros_desktop.store.feed_apply import set_state
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.transaction import ChangeSet

KEY = "upload_limits"


def remember_upload_limits(store: LocalStore, answer: Any) -> UploadLimits:
    """Keep the server's ``/limits`` answer; returns the limits now in force.

    An answer that is not a JSON object is not kept: the limits heard before stay.
    """
    if isinstance(answer, Mapping):
        with store.transaction() as txn:
            set_state(txn, KEY, dict(answer))
    return recall_upload_limits(store)


def recall_upload_limits(store: LocalStore) -> UploadLimits:
    """The limits last heard from the server, or the defaults."""
    return UploadLimits.from_server(recalled_answer(store))


def recalled_answer(store: LocalStore) -> Mapping[str, Any] | None:
    """The raw ``/limits`` answer last heard (the uploader's chunk size is in it)."""
    answer = store.state(KEY)
    return answer if isinstance(answer, Mapping) else None


class LimitsInForce:
    """``recall_upload_limits``, read once and again only after a sync-state change.

    Any thread may ask. A change committed while the limits are being read is
    not lost: that read is not kept, and the next ask reads again.
    """

    def __init__(self, store: LocalStore) -> None:
        self._store = store
        self._lock = threading.Lock()
        self._limits: UploadLimits | None = None
        self._changes = 0  # sync-state commits heard; a read keeps its result only if none came
        self._unsubscribe = store.subscribe(self._changed)

    def current(self) -> UploadLimits:
        with self._lock:
            limits, changes = self._limits, self._changes
        if limits is not None:
            return limits
        limits = recall_upload_limits(self._store)
        with self._lock:
            if self._changes == changes:
                self._limits = limits
        return limits

    def close(self) -> None:
        self._unsubscribe()

    def _changed(self, changes: ChangeSet) -> None:
        if changes.sync_state:
            with self._lock:
                self._limits = None
                self._changes += 1
