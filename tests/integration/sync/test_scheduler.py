"""The sync scheduler's state machine, driving the real engine against the real server.

The scheduler decides *when* the desktop talks to the server; getting it wrong
either leaves edits sitting in the outbox or hammers a server that is down.
So: quick edits make one debounced cycle (and the engine's own bookkeeping
makes none), the timer syncs what others changed, an outage means ``offline``
with growing pauses and few requests, "sync now" brings it back, pause means
no cycle at all, and a revoked sign-in means ``signed_out`` with the queued
edits waiting for the password, then going.

Small debounce, interval and offline pauses keep it to a few seconds.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from advisoros_desktop.server.config import ServerConfig
from advisoros_desktop.server.embedded import EmbeddedServer
from advisoros_desktop.server.schema import sessions
from advisoros_desktop.sync.account import Account as Desktop
from advisoros_desktop.sync.connectivity import SyncScheduler, SyncState
from advisoros_desktop.sync.report import SyncReport
from tests.conftest import PASSWORD, LiveServer
from tests.integration.sync.desktop import (
    QUICK_RETRY,
    assert_cache_matches_server,
    assert_nothing_left,
    open_desktop,
    server_records,
)

DEBOUNCE = 0.2


@dataclass
class Watched:
    """A scheduler on a desktop, with what it did recorded: states and cycle start times."""

    desk: Desktop
    scheduler: SyncScheduler
    states: list[tuple[SyncState, str]] = field(default_factory=list)
    cycle_starts: list[float] = field(default_factory=list)
    cycle_ends: list[float] = field(default_factory=list)
    # Raised by the next cycle instead of syncing: the computer failing, not the server.
    fail_next: Exception | None = None

    @classmethod
    async def start(cls, desk: Desktop, **options: float) -> Watched:
        """Start the scheduler and return once its first cycle (start syncs at once) ended."""

        async def cycle() -> SyncReport:
            watched.cycle_starts.append(time.monotonic())
            failure, watched.fail_next = watched.fail_next, None
            try:
                if failure is not None:
                    raise failure
                return await desk.engine.sync_once()
            finally:
                watched.cycle_ends.append(time.monotonic())

        scheduler = SyncScheduler(
            cycle,
            debounce_seconds=DEBOUNCE,
            on_state=lambda state, message: watched.states.append((state, message)),
            wait_for_sign_in=desk.api.wait_for_sign_in,
            rng=random.Random(3),
            **options,
        )
        watched = cls(desk, scheduler)
        desk.store.subscribe(scheduler.local_change)
        scheduler.start()
        await eventually(lambda: watched.cycles == 1, what="the first cycle")
        await watched.settled()
        return watched

    @property
    def cycles(self) -> int:
        return len(self.cycle_starts)

    async def settled(self, state: SyncState = SyncState.ONLINE, timeout: float = 10.0) -> None:
        """Wait until the scheduler rests in ``state`` with no cycle running."""
        await eventually(lambda: self.scheduler.state is state, timeout, f"state {state}")


async def eventually(check: Callable[[], bool], timeout: float = 10.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, f"timed out waiting for {what or check}"
        await asyncio.sleep(0.01)


def test_quick_edits_make_one_cycle_and_the_timer_brings_other_peoples_changes(
    live_server: LiveServer, tmp_path: Path
) -> None:
    alice, bob = live_server.account(), live_server.account()
    interval = 1.5

    async def scenario() -> None:
        desk = await open_desktop(live_server.url, alice.email, tmp_path / "desk")
        watched = await Watched.start(desk, interval_seconds=interval)
        try:
            assert watched.cycles == 1  # start() syncs at once
            for n in range(5):  # typing: each edit within the debounce of the last
                desk.store.create("client", {"businessName": f"Quick {n}"})
                await asyncio.sleep(DEBOUNCE / 4)
            await eventually(lambda: desk.store.pending_count() == 0, what="the edits sent")
            await watched.settled()
            # Longer than the debounce, shorter than the interval: nothing else may run,
            # in particular no cycle set off by the engine's own outbox bookkeeping.
            await asyncio.sleep(DEBOUNCE * 3)
            assert watched.cycles == 2, watched.cycle_starts
            # Nobody edits here; someone else does there. The timer fetches it.
            theirs = bob.create_client("From the office")
            await eventually(lambda: desk.store.get("client", theirs) is not None, interval * 3)
            # The cycle notes its end (last sync, counts) on a worker thread after the page.
            await watched.settled()
            assert watched.cycles == 3
            gap = watched.cycle_starts[2] - watched.cycle_starts[1]
            assert gap >= interval * 0.9, gap
            assert watched.scheduler.state is SyncState.ONLINE
            assert_cache_matches_server(desk.store, server_records(alice.http))
            assert_nothing_left(desk.store)
        finally:
            await watched.scheduler.stop()
            await desk.close()

    asyncio.run(scenario())


def test_pause_stops_every_cycle_until_resume(live_server: LiveServer, tmp_path: Path) -> None:
    alice = live_server.account()

    async def scenario() -> None:
        desk = await open_desktop(live_server.url, alice.email, tmp_path / "desk")
        watched = await Watched.start(desk, interval_seconds=0.3)
        try:
            watched.scheduler.pause()
            assert watched.scheduler.state is SyncState.PAUSED
            cycles = watched.cycles
            ids = [desk.store.create("client", {"businessName": f"Held {n}"}) for n in range(3)]
            watched.scheduler.sync_now()  # not even "sync now" runs while paused
            await asyncio.sleep(1.0)  # three intervals and several debounces
            assert watched.cycles == cycles
            assert desk.store.pending_count() == 3
            assert watched.scheduler.state is SyncState.PAUSED
            watched.scheduler.resume()
            await eventually(lambda: desk.store.pending_count() == 0, what="the edits sent")
            await watched.settled()
            assert all(server_records(alice.http)["client"].get(i) for i in ids)
        finally:
            await watched.scheduler.stop()
            await desk.close()

    asyncio.run(scenario())


def test_an_outage_means_offline_with_growing_pauses_then_sync_now_reconnects(
    tmp_path: Path,
) -> None:
    config = ServerConfig(data_dir=tmp_path / "server")
    server = EmbeddedServer(config).start()
    port = server.port
    live = LiveServer(server)
    alice = live.account()

    async def scenario() -> None:
        nonlocal server
        desk = await open_desktop(server.url, alice.email, tmp_path / "desk", QUICK_RETRY)
        watched = await Watched.start(
            desk, interval_seconds=30.0, offline_pause_seconds=0.15, max_offline_pause=5.0
        )
        try:
            server.stop()  # the office line goes down
            for n in range(4):
                desk.store.create("client", {"businessName": f"During the outage {n}"})
            requests_before, down_at = desk.api.request_count, time.monotonic()
            await watched.settled(SyncState.OFFLINE)
            assert "Cannot reach" in watched.scheduler.message, watched.scheduler.message
            await asyncio.sleep(3.0)
            first = next(i for i, t in enumerate(watched.cycle_starts) if t >= down_at)
            down = watched.cycle_starts[first:]
            # The pauses: from the end of a failed cycle to the start of the next one.
            gaps = [
                start - end
                for end, start in zip(watched.cycle_ends[first:], down[1:], strict=False)
            ]
            # Each pause is longer than the one before (jittered doubling), none is short.
            assert len(gaps) >= 3, gaps
            assert all(b > a for a, b in pairwise(gaps)), gaps
            assert gaps[-1] >= 2 * gaps[0] and gaps[0] >= 0.15 * 0.9, gaps
            assert len(down) <= 6, gaps
            requests = desk.api.request_count - requests_before
            assert requests <= QUICK_RETRY.max_attempts * len(down), requests
            assert watched.scheduler.state is SyncState.OFFLINE
            assert desk.store.pending_count() == 4
            server = EmbeddedServer(config, port=port).start()  # back
            watched.scheduler.sync_now()  # what the network-change notice does
            await eventually(lambda: watched.scheduler.state is SyncState.ONLINE, 2.0)
            assert desk.store.pending_count() == 0
            assert_cache_matches_server(desk.store, server_records(alice.http))
            assert_nothing_left(desk.store)
        finally:
            await watched.scheduler.stop()
            await desk.close()

    try:
        asyncio.run(scenario())
    finally:
        live.close()
        server.stop()


def revoke_all_tokens(live_server: LiveServer, user_id: str) -> None:
    """What an administrator's "sign out everywhere" does."""
    with live_server.engine.begin() as conn:
        conn.execute(sessions.update().where(sessions.c.userId == user_id).values(revoked=True))


def test_revoked_tokens_mean_signed_out_and_queued_edits_go_after_signing_in(
    live_server: LiveServer, tmp_path: Path
) -> None:
    alice, admin = live_server.account(), live_server.account()

    async def scenario() -> None:
        desk = await open_desktop(live_server.url, alice.email, tmp_path / "desk")
        watched = await Watched.start(desk, interval_seconds=0.3)
        try:
            revoke_all_tokens(live_server, alice.user_id)
            ids = [desk.store.create("client", {"businessName": f"Queued {n}"}) for n in range(3)]
            await watched.settled(SyncState.SIGNED_OUT)
            assert "sign in" in watched.scheduler.message.lower(), watched.scheduler.message
            cycles, requests = watched.cycles, desk.api.request_count
            await asyncio.sleep(1.0)  # several intervals: it waits for a person, not a timer
            assert (watched.cycles, desk.api.request_count) == (cycles, requests)
            assert desk.store.pending_count() == 3
            await desk.api.sign_in(alice.email, PASSWORD)
            await eventually(lambda: desk.store.pending_count() == 0, what="the queued edits")
            await watched.settled()
            server = server_records(admin.http)  # alice's own test client was revoked too
            assert all(server["client"].get(i) for i in ids)
            assert_cache_matches_server(desk.store, server)
            assert_nothing_left(desk.store)
        finally:
            await watched.scheduler.stop()
            await desk.close()

    asyncio.run(scenario())


def test_an_unexpected_error_in_a_cycle_is_reported_and_sync_goes_on(
    live_server: LiveServer, tmp_path: Path
) -> None:
    """A bug or a failing disk in one cycle must not end background sync for the session."""
    alice = live_server.account()

    async def scenario() -> None:
        desk = await open_desktop(live_server.url, alice.email, tmp_path / "desk")
        watched = await Watched.start(
            desk, interval_seconds=30.0, offline_pause_seconds=0.1, max_offline_pause=0.5
        )
        try:
            watched.fail_next = OSError(28, "No space left on device")
            record_id = desk.store.create("client", {"businessName": "Kept through it"})
            await watched.settled(SyncState.OFFLINE)
            message = watched.scheduler.message
            assert "unexpectedly" in message and "kept" in message, message
            # The loop lives on: the next pause ends in a cycle that sends the edit.
            await eventually(lambda: desk.store.pending_count() == 0, 5.0, "the edit sent")
            await watched.settled()
            assert server_records(alice.http)["client"][record_id] is not None
        finally:
            await watched.scheduler.stop()
            await desk.close()

    asyncio.run(scenario())
