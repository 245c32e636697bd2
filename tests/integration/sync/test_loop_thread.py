"""A sync leaves the loop thread (the GUI's, under qasync) to the window.

Every store call of a cycle, and checking each page, runs on a worker
thread: a read is short, but a write may wait for another writer's lock, and
checking a page of a thousand records is milliseconds of Python.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from advisoros_desktop.store import deferred_indexes
from advisoros_desktop.sync import resync
from tests.conftest import LiveServer
from tests.integration.sync.desktop import open_desktop


def test_a_first_sync_touches_the_cache_only_from_worker_threads(
    live_server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alice = live_server.account()
    for n in range(7):
        alice.create_client(f"Client {n}")
    checked_on: list[int] = []
    real_check = resync.check_page

    def check_page(page: Any) -> None:
        checked_on.append(threading.get_ident())
        real_check(page)

    monkeypatch.setattr(resync, "check_page", check_page)
    deferred: list[bool] = []
    real_defer = deferred_indexes.defer_if_empty

    def defer_if_empty(engine: sa.Engine) -> bool:
        deferred.append(real_defer(engine))
        return deferred[-1]

    monkeypatch.setattr(deferred_indexes, "defer_if_empty", defer_if_empty)

    async def scenario() -> None:
        desktop = await open_desktop(live_server.url, alice.email, tmp_path / "desk")
        desktop.engine.page_size = 3  # several pages into an empty cache: indexes deferred
        loop_thread = threading.get_ident()
        used: list[int] = []
        sa.event.listen(
            desktop.store.engine, "checkout", lambda *_: used.append(threading.get_ident())
        )
        report = await desktop.engine.sync_once()
        assert report.pulled >= 8  # the owner and seven clients
        assert deferred == [True]
        assert used and loop_thread not in used
        assert len(checked_on) >= 3 and loop_thread not in checked_on
        with desktop.store.engine.connect() as conn:
            assert deferred_indexes.missing_indexes(conn) == []
        assert desktop.store.state("lastSyncAt") is not None
        # An edit made now is pushed by the next cycle, from a worker thread too.
        desktop.store.create("client", {"businessName": "Made offline"})
        used.clear()
        report = await desktop.engine.sync_once()
        assert (report.pushed, report.pending) == (1, 0)
        assert used and loop_thread not in used
        await desktop.close()

    asyncio.run(scenario())
