"""A desktop for sync tests: a real cache in a folder, a real API client, the real engine.

Also the checks every sync test ends with, in one place: what the server holds
(read back through its own change feed, from the start), and "the cache shows
exactly the server's live records, field by field, with nothing left to send".
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import httpx

from advisoros_desktop.api.retry import RetryPolicy
from advisoros_desktop.api.token_store import MemoryTokenStore
from advisoros_desktop.domain.entities import ENTITIES
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.sync.account import Account, open_account
from tests.conftest import PASSWORD

# Tests that take a server away should not wait long for it.
QUICK_RETRY = RetryPolicy(max_attempts=2, base_delay=0.01, max_delay=0.05)

# The entities a desktop edits; their live records must match the server's exactly.
EDITED = ("client", "engagement", "task")

# record id -> the record's data, or None for a tombstone
Records = dict[str, dict[str, Any] | None]


async def open_desktop(
    server_url: str, email: str, data_dir: Path, retry: RetryPolicy | None = None
) -> Account:
    return await open_account(server_url, email, PASSWORD, data_dir, MemoryTokenStore(), retry)


def server_records(http: httpx.Client) -> dict[str, Records]:
    """Every record of the caller's organization, latest version, read from the change feed."""
    latest: dict[str, dict[str, tuple[int, dict[str, Any] | None]]] = {e: {} for e in ENTITIES}
    cursor: str | None = None
    while True:
        params: dict[str, Any] = {"limit": 1000}
        if cursor is not None:
            params["cursor"] = cursor
        response = http.get("/changes", params=params)
        assert response.status_code == 200, response.text
        page = response.json()
        for item in page["items"]:
            seen = latest[item["entity"]].get(item["id"])
            if seen is None or item["version"] >= seen[0]:
                data = None if item["deleted"] else item["data"]
                latest[item["entity"]][item["id"]] = (item["version"], data)
        cursor = page["cursor"]
        if not page["hasMore"]:
            break
    return {
        entity: {record_id: data for record_id, (_v, data) in records.items()}
        for entity, records in latest.items()
    }


def live(records: Records) -> dict[str, dict[str, Any]]:
    return {record_id: data for record_id, data in records.items() if data is not None}


def assert_cache_matches_server(store: LocalStore, server: dict[str, dict[str, Any]]) -> None:
    """Same live records on both sides, every catalog field and the version equal."""
    for entity in EDITED:
        theirs = live(server[entity])
        mine = {row["id"]: row for row in store.all(entity)}
        assert sorted(mine) == sorted(theirs), (
            f"{entity}: only here {sorted(set(mine) - set(theirs))}, "
            f"only on the server {sorted(set(theirs) - set(mine))}"
        )
        for record_id, data in theirs.items():
            row = mine[record_id]
            names = ["version", *(f.name for f in ENTITIES[entity].fields)]
            differences = {n: (row[n], data.get(n)) for n in names if row[n] != data.get(n)}
            assert differences == {}, f"{entity} {record_id}: (here, server) {differences}"


def assert_nothing_left(store: LocalStore) -> None:
    """No pending, sent or rejected outbox entry, and no conflict."""
    assert store.outbox_entries() == []
    assert store.conflicts() == []


def cache_path(data_dir: Path) -> Path:
    """The one cache file a test's desktop keeps under ``data_dir``."""
    [path] = list(data_dir.glob("accounts/*/*/*/cache.db"))
    return path


def stored_cursor(data_dir: Path) -> str | None:
    """The change-feed cursor in the cache, read with plain sqlite3 (no engine of ours)."""
    path = cache_path(data_dir)
    connection = sqlite3.connect(path, timeout=10)
    try:
        row = connection.execute("SELECT value FROM sync_state WHERE key = 'cursor'").fetchone()
    finally:
        connection.close()
    if row is None or row[0] is None:
        return None
    value = json.loads(row[0])
    return value if isinstance(value, str) else None


def cursor_sequence(cursor: str | None) -> int:
    """The server sequence in ``<epoch>:<seq>:<purges>``; 0 before the first page."""
    if cursor is None:
        return 0
    _epoch, seq, _purges = cursor.split(":")
    return int(seq)
