"""The firm's settings as last heard from the server, kept so a review offline judges alike.

The raw ``GET /settings`` answer is kept in ``sync_state``; until the server
has been heard, the defaults apply (``domain.firm_settings``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from advisoros_desktop.domain.firm_settings import review_threshold_in
from advisoros_desktop.store.feed_apply import set_state
from advisoros_desktop.store.local_store import LocalStore

KEY = "firm_settings"


def remember_firm_settings(store: LocalStore, answer: Any) -> float:
    """Keep the server's ``/settings`` answer; returns the review threshold now in force.

    An answer that is not a JSON object is not kept: the settings heard before stay.
    """
    if isinstance(answer, Mapping):
        with store.transaction() as txn:
            set_state(txn, KEY, dict(answer))
    return recall_review_threshold(store)


def recall_review_threshold(store: LocalStore) -> float:
    """The firm's review threshold as last heard, or the default."""
    answer = store.state(KEY)
    return review_threshold_in(answer if isinstance(answer, Mapping) else None)
