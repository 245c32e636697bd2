"""Runs a full resync against the server (see ``store.resync_apply`` for the rules)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from advisoros_desktop.store import resync_apply
from advisoros_desktop.store.feed_apply import check_page
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.sync.report import SyncReport

if TYPE_CHECKING:
    from advisoros_desktop.sync.engine import SyncApi


class FullResync:
    def __init__(self, store: LocalStore, api: SyncApi, page_size: int, reason: str) -> None:
        self.store = store
        self.api = api
        self.page_size = page_size
        self.reason = reason

    async def run(self, report: SyncReport, *, resume: bool = False) -> None:
        if not resume:
            with self.store.transaction() as txn:
                resync_apply.start(txn, self.reason)
        while True:
            page = await self.api.changes(self.store.state("cursor"), self.page_size)
            check_page(page)
            with self.store.transaction() as txn:
                report.pulled += resync_apply.apply_resync_page(txn, page, self.reason)
            if not page["hasMore"]:
                break
        with self.store.transaction() as txn:
            resync_apply.finish(txn, self.reason)
