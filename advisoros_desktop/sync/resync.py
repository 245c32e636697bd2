"""Runs a full resync against the server (see ``store.resync_apply`` for the rules)."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from advisoros_desktop.store import resync_apply
from advisoros_desktop.store.feed_apply import MalformedPage, check_page
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.sync.report import SyncReport

if TYPE_CHECKING:
    from advisoros_desktop.sync.engine import SyncApi


def check_progress(page: Mapping[str, Any], cursor: str | None) -> None:
    """A page that says more follow must move the cursor, or asking again would get it
    again, forever: a broken server or proxy must not turn a sync into a request storm."""
    if page["hasMore"] and page["cursor"] == cursor:
        raise MalformedPage("the server said more changes follow, but its cursor did not move")


def check_whole_page(page: Any, cursor: str | None) -> None:
    """``check_page`` and ``check_progress``: some milliseconds a page, for a worker thread."""
    check_page(page)
    check_progress(page, cursor)


class FullResync:
    def __init__(self, store: LocalStore, api: SyncApi, page_size: int, reason: str) -> None:
        self.store = store
        self.api = api
        self.page_size = page_size
        self.reason = reason

    async def run(self, report: SyncReport, *, resume: bool = False) -> None:
        # Store calls and checking a page run on a worker thread: the loop thread is the GUI's.
        if not resume:
            await asyncio.to_thread(self._start)
        while True:
            cursor = await asyncio.to_thread(self.store.state, "cursor")
            page = await self.api.changes(cursor, self.page_size)
            await asyncio.to_thread(check_whole_page, page, cursor)
            report.pulled += await asyncio.to_thread(self._apply, page)
            if not page["hasMore"]:
                break
        await asyncio.to_thread(self._finish)

    def _start(self) -> None:
        with self.store.transaction() as txn:
            resync_apply.start(txn, self.reason)

    def _apply(self, page: Mapping[str, Any]) -> int:
        with self.store.transaction() as txn:
            return resync_apply.apply_resync_page(txn, page, self.reason)

    def _finish(self) -> None:
        with self.store.transaction() as txn:
            resync_apply.finish(txn, self.reason)
