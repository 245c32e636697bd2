"""A first sync leaves most sort indexes out while it stores pages, and never loses them.

Into an empty cache, the engine drops the sort indexes a first sync would
otherwise keep in step row by row (``deferred_indexes``) and builds them once
the pull ends, on a worker thread: the asyncio loop is the GUI's. Whether the
pull completes, fails, or the process is killed in the middle, the cache
ends up with every index: the engine builds them when the pull stops, and
opening the cache builds any that are missing.
"""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from advisoros_desktop.api.errors import ServerUnreachable
from advisoros_desktop.store import deferred_indexes, table_order
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.transaction import ChangeSet
from tests.conftest import PASSWORD, Account, LiveServer
from tests.integration.sync.desktop import (
    assert_cache_matches_server,
    assert_nothing_left,
    cache_path,
    open_desktop,
    server_records,
    stored_cursor,
)

REPO = Path(__file__).resolve().parents[3]
CHILD = "tests/integration/sync/first_sync_child.py"
CLIENTS = 14
PAGE_SIZE = 3  # five pages or more: the indexes are out for several of them
DEFERRED = set(deferred_indexes.deferred_indexes())
EVERY_INDEX = DEFERRED | deferred_indexes.kept_indexes()


def _firm(live_server: LiveServer) -> Account:
    owner = live_server.account()
    for n in range(CLIENTS):
        owner.create_client(f"Client {n:02d}", city="Austin")
    return owner


def _sort_indexes(path: Path) -> set[str]:
    """The sort and label indexes the cache at ``path`` has now."""
    conn = sqlite3.connect(path, timeout=10)
    try:
        names = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    finally:
        conn.close()
    return names & EVERY_INDEX


def _watch(store: LocalStore) -> list[set[str]]:
    """The sort indexes present after each commit that stored records, as it happens."""
    seen: list[set[str]] = []

    def after_commit(changes: ChangeSet) -> None:  # on the thread that committed
        if changes.records:
            seen.append(_sort_indexes(store.path))

    store.subscribe(after_commit)
    return seen


def test_every_sort_index_is_one_a_first_sync_handles() -> None:
    assert len(table_order.index_statements()) == len(EVERY_INDEX)


@pytest.fixture
def threads(monkeypatch: pytest.MonkeyPatch) -> dict[str, threading.Thread]:
    """Which thread dropped the indexes and which built them, by what it did."""
    seen: dict[str, threading.Thread] = {}
    defer, build = deferred_indexes.defer_if_empty, deferred_indexes.build_missing

    def deferring(engine: sa.Engine) -> bool:
        seen["defer"] = threading.current_thread()
        return defer(engine)

    def building(engine: sa.Engine) -> int:
        seen["build"] = threading.current_thread()
        return build(engine)

    monkeypatch.setattr(deferred_indexes, "defer_if_empty", deferring)
    monkeypatch.setattr(deferred_indexes, "build_missing", building)
    return seen


def test_a_first_sync_builds_them_after_its_last_page_off_the_loop_thread(
    live_server: LiveServer, tmp_path: Path, threads: dict[str, threading.Thread]
) -> None:
    owner = _firm(live_server)

    async def scenario() -> None:
        desk = await open_desktop(live_server.url, owner.email, tmp_path / "desk")
        desk.engine.page_size = PAGE_SIZE
        path = desk.store.path
        during = _watch(desk.store)
        loop_thread = threading.current_thread()
        await desk.engine.sync_once()
        assert len(during) >= 5
        assert all(present == EVERY_INDEX - DEFERRED for present in during), during
        assert _sort_indexes(path) == EVERY_INDEX
        assert threads["defer"] is not loop_thread and threads["build"] is not loop_thread
        assert desk.store.count("client") == CLIENTS
        assert_cache_matches_server(desk.store, server_records(owner.http))

        # Not a first sync any more: the indexes stay as they are.
        threads.clear()
        owner.create_client("Client after")
        await desk.engine.sync_once()
        assert threads == {} and _sort_indexes(path) == EVERY_INDEX
        assert desk.store.count("client") == CLIENTS + 1
        await desk.close()

    asyncio.run(scenario())


def test_a_first_sync_of_one_page_leaves_them_alone(
    live_server: LiveServer, tmp_path: Path, threads: dict[str, threading.Thread]
) -> None:
    owner = _firm(live_server)

    async def scenario() -> None:
        desk = await open_desktop(live_server.url, owner.email, tmp_path / "desk")
        await desk.engine.sync_once()  # the firm fits in one page of 1,000
        assert threads == {}
        assert _sort_indexes(desk.store.path) == EVERY_INDEX
        assert desk.store.count("client") == CLIENTS
        await desk.close()

    asyncio.run(scenario())


def test_a_cache_with_work_of_its_own_keeps_them(
    live_server: LiveServer, tmp_path: Path, threads: dict[str, threading.Thread]
) -> None:
    owner = _firm(live_server)

    async def scenario() -> None:
        desk = await open_desktop(live_server.url, owner.email, tmp_path / "desk")
        desk.engine.page_size = PAGE_SIZE
        desk.store.create("client", {"businessName": "Made before the first sync"})
        during = _watch(desk.store)
        report = await desk.engine.sync_once()
        assert report.pushed == 1
        assert "defer" in threads  # asked, and refused: the cache was not empty
        assert during and all(present == EVERY_INDEX for present in during)
        assert desk.store.count("client") == CLIENTS + 1
        await desk.close()

    asyncio.run(scenario())


def test_a_first_sync_cut_short_still_builds_them(
    live_server: LiveServer, tmp_path: Path, threads: dict[str, threading.Thread]
) -> None:
    owner = _firm(live_server)

    async def scenario() -> None:
        desk = await open_desktop(live_server.url, owner.email, tmp_path / "desk")
        desk.engine.page_size = PAGE_SIZE
        real_changes = desk.api.changes
        calls = 0

        async def failing(cursor: str | None, limit: int = 500) -> dict[str, Any]:
            nonlocal calls
            calls += 1
            if calls == 3:
                raise ServerUnreachable("the network went away")
            return await real_changes(cursor, limit)

        desk.api.changes = failing  # type: ignore[method-assign]
        with pytest.raises(ServerUnreachable):
            await desk.engine.sync_once()
        path = desk.store.path
        assert "build" in threads and _sort_indexes(path) == EVERY_INDEX
        assert 0 < desk.store.count("client") < CLIENTS

        desk.api.changes = real_changes  # type: ignore[method-assign]
        await desk.engine.sync_once()  # goes on from its cursor, with the indexes
        assert _sort_indexes(path) == EVERY_INDEX
        assert_cache_matches_server(desk.store, server_records(owner.http))
        assert_nothing_left(desk.store)
        await desk.close()

    asyncio.run(scenario())


def test_killed_mid_first_sync_the_cache_gets_them_back_when_opened(
    live_server: LiveServer, tmp_path: Path
) -> None:
    owner = _firm(live_server)
    data_dir = tmp_path / "desk"
    child = subprocess.run(
        [
            sys.executable,
            CHILD,
            *("--server", live_server.url, "--email", owner.email, "--data-dir", str(data_dir)),
            *("--page-size", str(PAGE_SIZE), "--die-after", "2"),
        ],
        cwd=REPO,
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr[-3000:]
    path = cache_path(data_dir)
    # The kill landed in the middle of the first sync, with the indexes out.
    assert stored_cursor(data_dir) is not None
    assert _sort_indexes(path) == EVERY_INDEX - DEFERRED

    LocalStore(path).close()  # opening the cache is enough
    assert _sort_indexes(path) == EVERY_INDEX
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()

    async def resume() -> None:
        desk = await open_desktop(live_server.url, owner.email, data_dir)
        await desk.engine.sync_once()
        assert _sort_indexes(path) == EVERY_INDEX
        assert_cache_matches_server(desk.store, server_records(owner.http))
        assert_nothing_left(desk.store)
        await desk.close()

    asyncio.run(resume())
