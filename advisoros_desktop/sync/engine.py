"""One sync cycle: push the outbox in order, then pull the change feed to its end.

Network calls happen outside database transactions; each batch's results and
each page with its cursor are committed in one transaction, so a crash at any
point leaves a cache that resumes exactly where it stopped: sent mutations go
again unchanged (the server answers "duplicate"), and the cursor names the
last page the cache really holds.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any, Protocol

import sqlalchemy as sa

from advisoros_desktop.api.errors import ApiError, CursorGone
from advisoros_desktop.store import deferred_indexes, outbox
from advisoros_desktop.store.feed_apply import apply_page, apply_results, set_state
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.schema import conflicts
from advisoros_desktop.sync.report import SyncReport
from advisoros_desktop.sync.resync import FullResync, check_whole_page

log = logging.getLogger(__name__)


class SyncApi(Protocol):
    """What the engine needs of the API client (``advisoros_desktop.api.client.ApiClient``)."""

    async def changes(self, cursor: str | None, limit: int = 500) -> dict[str, Any]: ...

    async def push(self, mutations: list[dict[str, Any]]) -> list[dict[str, Any]]: ...


class SyncEngine:
    def __init__(
        self, store: LocalStore, api: SyncApi, *, batch_size: int = 200, page_size: int = 1000
    ) -> None:
        self.store = store
        self.api = api
        self.batch_size = batch_size
        self.page_size = page_size

    async def sync_once(self) -> SyncReport:
        report = SyncReport()
        # Every store call of a cycle runs on a worker thread, even a short read: the
        # loop thread is the GUI's, and a write may wait for another writer's lock.
        before = await asyncio.to_thread(self._conflict_count)
        await self.push(report)
        unfinished = await asyncio.to_thread(self.store.state, "resync")
        if unfinished:  # a full resync was cut short (crash, network): carry it through
            report.full_resync = unfinished
            await FullResync(self.store, self.api, self.page_size, unfinished).run(
                report, resume=True
            )
            await self.push(report)
        try:
            await self.pull(report)
        except CursorGone as gone:
            # The server cannot continue this cursor: send what is pending first, so
            # nothing of ours is lost, then take the whole data set again.
            log.warning("full resync: %s", gone)
            await self.push(report)
            report.full_resync = gone.code
            await FullResync(self.store, self.api, self.page_size, gone.code).run(report)
            await self.push(report)  # what the resync found the server had lost
        report.conflicts, report.pending = await asyncio.to_thread(self._finish_cycle, before)
        return report

    def _finish_cycle(self, conflicts_before: int) -> tuple[int, int]:
        """(new conflicts, entries still pending), after noting the status bar's "last sync"."""
        with self.store.transaction() as txn:
            set_state(txn, "lastSyncAt", txn.now)
        return self._conflict_count() - conflicts_before, self.store.pending_count()

    async def push(self, report: SyncReport) -> None:
        while True:
            batch = await asyncio.to_thread(self._take_batch)
            if not batch:
                return
            try:
                results = await self.api.push([entry.as_mutation() for entry in batch])
            except ApiError as err:
                await asyncio.to_thread(self._refused_batch, batch, err)
                if err.status == 422 and err.code == "mutation_id_reused":
                    continue  # the offending entries were set aside; the rest goes on
                raise
            tally = await asyncio.to_thread(self._apply_results, batch, results)
            report.pushed += tally["applied"] + tally["duplicate"]
            report.rejected += tally["rejected"]

    def _take_batch(self) -> list[outbox.OutboxEntry]:
        with self.store.transaction() as txn:
            return outbox.take_batch(txn, self.batch_size)

    def _apply_results(
        self, batch: list[outbox.OutboxEntry], results: list[dict[str, Any]]
    ) -> dict[str, int]:
        with self.store.transaction() as txn:
            return apply_results(txn, batch, results)

    def _apply_page(self, page: dict[str, Any]) -> int:
        with self.store.transaction() as txn:
            return apply_page(txn, page)

    def _refused_batch(self, batch: list[outbox.OutboxEntry], err: ApiError) -> None:
        with self.store.transaction() as txn:
            reused = set()
            if isinstance(err.details, dict):
                reused = set(err.details.get("mutationIds") or [])
            for entry in batch:
                if entry.mutation_id in reused:
                    outbox.reject(
                        txn,
                        entry.seq,
                        "The server already knows this change's id "
                        "for a different change; it was not applied.",
                    )
            outbox.note_failure(
                txn, [e.seq for e in batch if e.mutation_id not in reused], str(err)
            )

    async def pull(self, report: SyncReport) -> None:
        """Fetch pages to the end, asking for the next page while storing this one.

        Storing runs on a worker thread (a page is a large write; the loop thread
        is the GUI's), and overlaps with the server preparing the next page. The
        committed cursor still moves only after its page is stored.

        A first sync of more than one page into an empty cache leaves most sort
        indexes out and builds them when the pull ends, also on a worker thread
        (``deferred_indexes``).
        """
        cursor, stored_epoch = await asyncio.to_thread(self._position)
        fetch = asyncio.ensure_future(self.api.changes(cursor, self.page_size))
        deferred = False
        try:
            while True:
                page = await fetch
                # A malformed page raises before anything is written; checking a
                # thousand records is Python work, so it leaves the loop thread too.
                await asyncio.to_thread(check_whole_page, page, cursor)
                if stored_epoch is not None and page["epoch"] != stored_epoch:
                    raise CursorGone(410, "epoch_changed", "The server's data set was replaced.")
                if page["hasMore"]:
                    fetch = asyncio.ensure_future(self.api.changes(page["cursor"], self.page_size))
                    if cursor is None:  # never pulled a page before: the whole firm is coming
                        # Set first: even if this is cut short, whatever went is built again.
                        deferred = True
                        await asyncio.to_thread(deferred_indexes.defer_if_empty, self.store.engine)
                report.pulled += await asyncio.to_thread(self._apply_page, page)
                cursor, stored_epoch = page["cursor"], page["epoch"]
                if not page["hasMore"]:
                    return
        finally:
            if not fetch.done():
                fetch.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await fetch
            if deferred:
                # Whether the pull ended or failed, the tables must not stay without them.
                await asyncio.to_thread(deferred_indexes.build_missing, self.store.engine)

    def _position(self) -> tuple[str | None, str | None]:
        """The stored cursor and epoch: where the pull starts."""
        return self.store.state("cursor"), self.store.state("epoch")

    def _conflict_count(self) -> int:
        with self.store.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(conflicts)).scalar_one())
