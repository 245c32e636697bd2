"""Sync through a network that fails on purpose: exactly once, no request storm, nothing wiped.

Between the desktop and the real server sits ``FaultProxy``. With about 30% of
requests failing (500, 503, 429 with ``Retry-After``, slow replies, connections
reset before the server saw the request or after it applied it), 40 offline
edits must still arrive exactly once, in a bounded number of cycles and
requests, and the client must never come back sooner than a ``Retry-After``
asked. A change-feed reply that is not a page (a string for items, an empty
body, a Wi-Fi login page) must change nothing here and be reported in words.
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from advisoros_desktop.api.errors import ApiError, ServerUnreachable
from advisoros_desktop.api.retry import RetryPolicy
from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.store.feed_apply import MalformedPage
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.sync.account import Account as Desktop
from advisoros_desktop.sync.connectivity import SyncScheduler, SyncState
from tests.conftest import Account, LiveServer
from tests.integration.sync.desktop import (
    assert_cache_matches_server,
    assert_nothing_left,
    live,
    open_desktop,
    server_records,
)
from tests.integration.sync.fault_proxy import Canned, FaultProxy, FaultRates

# Short waits so a fault costs little time; Retry-After still sets the floor.
PATIENT = RetryPolicy(max_attempts=2, base_delay=0.05, max_delay=0.4)
ABOUT_30_PERCENT = FaultRates(
    error_500=0.05,
    unavailable_503=0.05,
    throttled_429=0.04,
    slow=0.05,
    reset_before=0.05,
    reset_after=0.06,
    retry_after_429="1",
    retry_after_503="0",
    slow_seconds=0.2,
)
SEEDED = 20
MAX_CYCLES = 12


@dataclass
class OfflineWork:
    """What the 40 offline edits did, to check on the server afterwards."""

    created: dict[str, str] = field(default_factory=dict)  # id -> entity
    names: list[str] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)  # seeded client id -> new notes
    deleted: list[str] = field(default_factory=list)


def make_offline_edits(store: LocalStore, seeded: list[str], tag: str) -> OfflineWork:
    """40 edits: 20 creates (14 clients, 3 engagements, 3 tasks), 15 updates, 5 deletes."""
    work = OfflineWork()
    clients = []
    for n in range(14):
        name = f"{tag} offline {n}"
        clients.append(store.create("client", {"businessName": name, "city": "Tacoma"}))
        work.created[clients[-1]] = "client"
        work.names.append(name)
    for n in range(3):
        engagement = store.create(
            "engagement", {"clientId": clients[n], "name": f"{tag} return {n}", "taxYear": 2025}
        )
        task = store.create(
            "task",
            {"title": f"{tag} call {n}", "clientId": clients[n], "engagementId": engagement},
        )
        work.created |= {engagement: "engagement", task: "task"}
    for n, client_id in enumerate(seeded[:15]):
        work.notes[client_id] = f"{tag} offline note {n}"
        store.update("client", client_id, {"notes": work.notes[client_id]})
    for client_id in seeded[15:20]:
        store.delete("client", client_id)
        work.deleted.append(client_id)
    assert store.pending_count() == 40
    return work


def check_exactly_once(server: dict[str, Any], work: OfflineWork) -> None:
    """Each edit applied once: new records at version 1, updated ones at 2, deleted gone."""
    for record_id, entity in work.created.items():
        data = server[entity].get(record_id)
        assert data is not None and data["version"] == 1, (entity, record_id, data)
    for client_id, notes in work.notes.items():
        data = server["client"][client_id]
        assert data is not None and (data["notes"], data["version"]) == (notes, 2), data
    for client_id in work.deleted:
        assert server["client"][client_id] is None
    names = Counter(data["businessName"] for data in live(server["client"]).values())
    assert all(names[name] == 1 for name in work.names), names


async def open_through(
    proxy: FaultProxy, account: Account, data_dir: Path, retry: RetryPolicy | None = None
) -> Desktop:
    desk = await open_desktop(proxy.url, account.email, data_dir, retry)
    desk.engine.batch_size, desk.engine.page_size = 5, 10  # many requests, many chances to fail
    return desk


def requests_a_clean_run_needs(server_url: str, control: Account, tmp_path: Path) -> int:
    """The same work through a proxy that never fails: the yardstick for "no storm"."""
    seeded = [control.create_client(f"Control {n}") for n in range(SEEDED)]

    async def scenario() -> int:
        with FaultProxy(server_url) as proxy:
            desk = await open_through(proxy, control, tmp_path / "control")
            try:
                await desk.engine.sync_once()
                make_offline_edits(desk.store, seeded, "control")
                before = desk.api.request_count
                report = await desk.engine.sync_once()
                assert report.pending == 0
                return desk.api.request_count - before
            finally:
                await desk.close()

    return asyncio.run(scenario())


def test_forty_offline_edits_arrive_exactly_once_through_a_network_failing_30_percent(
    live_server: LiveServer, tmp_path: Path
) -> None:
    alice = live_server.account()
    clean_requests = requests_a_clean_run_needs(
        live_server.url, live_server.account("Control firm"), tmp_path
    )
    seeded = [alice.create_client(f"Seeded {n}") for n in range(SEEDED)]

    async def scenario(proxy: FaultProxy) -> tuple[OfflineWork, int, int]:
        desk = await open_through(proxy, alice, tmp_path / "desk", PATIENT)
        try:
            await desk.engine.sync_once()  # the seeded clients, before the network turns bad
            work = make_offline_edits(desk.store, seeded, "alice")
            proxy.set_rates(ABOUT_30_PERCENT)
            # The cases that matter most, whatever the dice say: the server applies the
            # first batch and its reply is lost; the first page is throttled.
            proxy.force("POST", "/mutations", "reset_after")
            proxy.force("GET", "/changes", "throttled_429")
            before, cycles = desk.api.request_count, 0
            while desk.store.pending_count() and cycles < MAX_CYCLES:
                cycles += 1
                try:
                    await desk.engine.sync_once()
                except (ServerUnreachable, ApiError):
                    await asyncio.sleep(1.0)  # the scheduler's pause after a failed cycle
            sent = desk.api.request_count - before
            assert desk.store.pending_count() == 0, f"still pending after {cycles} cycles"
            proxy.set_rates(FaultRates())
            await desk.engine.sync_once()  # the rest of the feed, to compare whole caches
            assert_cache_matches_server(desk.store, server_records(alice.http))
            assert_nothing_left(desk.store)
            return work, sent, cycles
        finally:
            await desk.close()

    with FaultProxy(live_server.url, seed="thirty-percent") as proxy:
        work, sent, cycles = asyncio.run(scenario(proxy))
    check_exactly_once(server_records(alice.http), work)
    faults = proxy.faults()
    assert faults.get("reset_after", 0) >= 1 and faults.get("throttled_429", 0) >= 1, faults
    print(f"requests {sent} (clean run {clean_requests}), cycles {cycles}, faults {faults}")
    assert sent < 10 * clean_requests, (sent, clean_requests, faults, cycles)
    check_retry_after_honoured(proxy)


def check_retry_after_honoured(proxy: FaultProxy) -> None:
    """After a reply with ``Retry-After: N``, the client's next request came N s later or more.

    Measured at the proxy: from the moment the reply left to the moment the next
    request arrived (the client sends one request at a time).
    """
    exchanges = sorted(proxy.seen(), key=lambda e: e.received_at)
    throttled = 0
    for index, exchange in enumerate(exchanges[:-1]):
        if exchange.status in (429, 503) and exchange.retry_after:
            asked = float(exchange.retry_after)
            assert exchange.answered_at is not None
            gap = exchanges[index + 1].received_at - exchange.answered_at
            assert gap >= asked - 0.005, f"came back after {gap:.3f} s, asked {asked} s"
            throttled += asked > 0
    assert throttled >= 1


# -- malformed change-feed replies --------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    records: dict[str, frozenset[str]]
    cursor: str | None
    epoch: str | None
    pending: int


def snapshot(store: LocalStore) -> Snapshot:
    return Snapshot(
        {e: frozenset(r["id"] for r in store.all(e)) for e in ("client", "engagement", "task")},
        store.state("cursor"),
        store.state("epoch"),
        store.pending_count(),
    )


def page(**fields: Any) -> Canned:
    return Canned(200, json.dumps(fields).encode())


def malformed_replies(cursor: str, epoch: str, victim: str) -> dict[str, Canned]:
    """Replies a broken proxy, captive portal or server might give to GET changes."""
    tombstone = {"entity": "client", "id": victim, "version": 9, "deleted": True}
    return {
        "items is a string": page(items="oops"),
        "an empty body": Canned(200, b""),
        "an HTML login page": Canned(
            200, b"<html><body><h1>Sign in to Hotel Wi-Fi</h1></body></html>", "text/html"
        ),
        "JSON null": Canned(200, b"null"),
        "no cursor": page(items=[tombstone], hasMore=False, epoch=epoch),
        "no epoch": page(items=[tombstone], cursor=cursor, hasMore=False),
        "hasMore is a string": page(items=[], cursor=cursor, hasMore="no", epoch=epoch),
        "a live item without its data": page(
            items=[{"entity": "client", "id": victim, "version": 9, "deleted": False}],
            cursor=cursor,
            hasMore=False,
            epoch=epoch,
        ),
        "a tombstone of an unknown entity": page(
            items=[{**tombstone, "entity": "spaceship"}],
            cursor=cursor,
            hasMore=False,
            epoch=epoch,
        ),
    }


def readable(message: str) -> bool:
    """A sentence for a person: no markup, no Python internals, not empty."""
    banned = ("<", "Traceback", "Error(", "KeyError", "TypeError", "{")
    return bool(message.strip()) and len(message) < 400 and not any(b in message for b in banned)


def test_a_malformed_change_feed_reply_deletes_nothing_and_leaves_the_cursor(
    live_server: LiveServer, tmp_path: Path
) -> None:
    alice, bob = live_server.account(), live_server.account()
    kept = [alice.create_client(f"Kept {n}") for n in range(5)]

    async def scenario(proxy: FaultProxy) -> None:
        desk = await open_through(proxy, alice, tmp_path / "desk")
        try:
            await desk.engine.sync_once()
            # The server moves on: a deletion and new clients wait in the feed.
            bob.mutate({"mutationId": new_id(), "entity": "client", "op": "delete", "id": kept[0]})
            for n in range(3):
                bob.create_client(f"New {n}")
            desk.store.update("client", kept[1], {"notes": "mine, unsent"})
            before = snapshot(desk.store)
            assert before.cursor is not None and before.epoch is not None
            scheduler = SyncScheduler(desk.engine.sync_once)
            for case, reply in malformed_replies(before.cursor, before.epoch, kept[2]).items():
                proxy.can("GET", "/changes", reply)
                with pytest.raises((ApiError, MalformedPage)) as caught:
                    await desk.engine.sync_once()
                assert readable(str(caught.value)), (case, str(caught.value))
                assert await scheduler.run_cycle() is None
                assert scheduler.state is SyncState.OFFLINE, case
                assert scheduler.message.startswith("Sync failed:"), scheduler.message
                assert readable(scheduler.message), (case, scheduler.message)
                # The push went through (the feed was the only thing broken); nothing else moved.
                now = snapshot(desk.store)
                assert (now.records, now.cursor, now.epoch) == (
                    before.records,
                    before.cursor,
                    before.epoch,
                ), case
                assert now.pending == 0
            # Well formed but empty, at the cursor we have: nothing to do, nothing deleted.
            proxy.can(
                "GET",
                "/changes",
                page(items=[], cursor=before.cursor, hasMore=False, epoch=before.epoch),
            )
            report = await desk.engine.sync_once()
            assert report.pulled == 0
            assert snapshot(desk.store).records == before.records
            assert desk.store.state("cursor") == before.cursor
            # The real feed again: the deletion and the new clients arrive.
            proxy.can("GET", "/changes", None)
            report = await desk.engine.sync_once()
            assert report.pulled >= 4
            assert await scheduler.run_cycle() is not None
            assert scheduler.state is SyncState.ONLINE and scheduler.message == ""
            assert desk.store.get("client", kept[0]) is None
            assert_cache_matches_server(desk.store, server_records(alice.http))
            assert_nothing_left(desk.store)
        finally:
            await desk.close()

    with FaultProxy(live_server.url) as proxy:
        asyncio.run(scenario(proxy))


def test_a_feed_that_says_more_but_never_moves_does_not_spin(
    live_server: LiveServer, tmp_path: Path
) -> None:
    """``hasMore: true`` with the same cursor and no items, forever: the engine must stop."""
    alice = live_server.account()
    alice.create_client("Only one")

    async def scenario(proxy: FaultProxy) -> None:
        desk = await open_through(proxy, alice, tmp_path / "desk")
        try:
            await desk.engine.sync_once()
            before = snapshot(desk.store)
            assert before.cursor is not None
            proxy.can(
                "GET",
                "/changes",
                page(items=[], cursor=before.cursor, hasMore=True, epoch=before.epoch),
            )
            asked = len(proxy.seen("/changes"))
            with pytest.raises((ApiError, MalformedPage)) as caught:
                await asyncio.wait_for(desk.engine.sync_once(), timeout=10)
            assert readable(str(caught.value)), str(caught.value)
            assert len(proxy.seen("/changes")) - asked <= 3
            assert snapshot(desk.store) == before
        finally:
            await desk.close()

    with FaultProxy(live_server.url) as proxy:
        asyncio.run(scenario(proxy))


def malformed_results(mutation_id: str, record_id: str) -> dict[str, Canned]:
    """Replies to POST mutations that answer the right mutation, but unreadably."""

    def results(**result: Any) -> Canned:
        return page(results=[{"mutationId": mutation_id, **result}])

    return {
        "a record without its version": results(status="applied", record={"id": record_id}),
        "a record of another id": results(status="applied", record={"id": new_id(), "version": 1}),
        "an unknown status": results(status="APPLIED"),
        "results is not a list": page(results={"status": "applied"}),
    }


def test_a_malformed_push_reply_keeps_the_edit_queued_and_says_so(
    live_server: LiveServer, tmp_path: Path
) -> None:
    alice = live_server.account()

    async def scenario(proxy: FaultProxy) -> None:
        desk = await open_through(proxy, alice, tmp_path / "desk")
        try:
            await desk.engine.sync_once()
            record_id = desk.store.create("client", {"businessName": "Sent into a fog"})
            [entry] = desk.store.outbox_entries()
            scheduler = SyncScheduler(desk.engine.sync_once)
            for case, reply in malformed_results(entry.mutation_id, record_id).items():
                proxy.can("POST", "/mutations", reply)
                with pytest.raises(ApiError) as caught:
                    await desk.engine.sync_once()
                assert readable(str(caught.value)), (case, str(caught.value))
                assert await scheduler.run_cycle() is None
                assert scheduler.state is SyncState.OFFLINE, case
                assert readable(scheduler.message), (case, scheduler.message)
                # Neither applied nor set aside: it goes again, the very same mutation.
                [still] = desk.store.outbox_entries()
                assert (still.mutation_id, still.state) == (entry.mutation_id, "sent"), case
                assert desk.store.get("client", record_id) is not None
            proxy.can("POST", "/mutations", None)
            report = await desk.engine.sync_once()
            assert (report.pushed, report.pending, report.rejected) == (1, 0, 0)
            server = server_records(alice.http)
            assert server["client"][record_id]["version"] == 1  # applied once, at last
            assert_cache_matches_server(desk.store, server)
            assert_nothing_left(desk.store)
        finally:
            await desk.close()

    with FaultProxy(live_server.url) as proxy:
        asyncio.run(scenario(proxy))
