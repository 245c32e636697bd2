"""The server's upload limits, remembered so intake can check files while offline.

Intake refuses a file the server would refuse (too large, a type it does not
take) before queueing it, and it must do so on a laptop with no network too.
The raw ``/limits`` answer is kept in ``sync_state`` so whatever else it says
(the chunk size the uploader uses) is kept with it; until the server has been
heard, the defaults (the embedded server's) apply.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from advisoros_desktop.domain.upload_limits import UploadLimits
from advisoros_desktop.store.feed_apply import set_state
from advisoros_desktop.store.local_store import LocalStore

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
