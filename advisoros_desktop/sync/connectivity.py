"""Connectivity and scheduling: when to sync, and what state the user sees.

States: ``online`` (idle, last cycle worked), ``syncing``, ``offline`` (the
server cannot be reached; retried with growing pauses), ``signed_out`` (needs
the password again; queued work waits), ``paused`` (the user said so).
Triggers: a local change (debounced, so typing does not fire a sync per key),
a periodic timer, reconnection, and "sync now". One cycle runs at a time; a
trigger during a cycle runs one more cycle after it, never a pile.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
import random
from collections.abc import Awaitable, Callable

from advisoros_desktop.api.errors import ApiError, ServerUnreachable, SignInRequired
from advisoros_desktop.store.feed_apply import MalformedPage
from advisoros_desktop.store.transaction import ChangeSet
from advisoros_desktop.sync.report import SyncReport

log = logging.getLogger(__name__)


class SyncState(enum.StrEnum):
    ONLINE = "online"
    SYNCING = "syncing"
    OFFLINE = "offline"
    SIGNED_OUT = "signed_out"
    PAUSED = "paused"


class SyncScheduler:
    def __init__(
        self,
        run_cycle: Callable[[], Awaitable[SyncReport]],
        *,
        debounce_seconds: float = 1.5,
        interval_seconds: float = 60.0,
        max_offline_pause: float = 120.0,
        offline_pause_seconds: float = 2.0,
        on_state: Callable[[SyncState, str], None] | None = None,
        on_report: Callable[[SyncReport], None] | None = None,
        wait_for_sign_in: Callable[[], Awaitable[None]] | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self._run_cycle = run_cycle
        self.debounce_seconds = debounce_seconds
        self.interval_seconds = interval_seconds
        self.max_offline_pause = max_offline_pause
        # The first pause after a failed cycle is 1-2x this; each next one doubles.
        self.offline_pause_seconds = offline_pause_seconds
        self._on_state = on_state or (lambda _state, _message: None)
        self._on_report = on_report or (lambda _report: None)
        self._wait_for_sign_in = wait_for_sign_in
        self._rng = rng or random.Random()
        self.state = SyncState.ONLINE
        self.message = ""
        self.last_report: SyncReport | None = None
        self.cycles = 0
        self._wake = asyncio.Event()
        self._debounce: asyncio.TimerHandle | None = None
        self._task: asyncio.Task[None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._paused = False
        self._offline_failures = 0
        self._in_cycle = False

    # -- triggers ---------------------------------------------------------------
    def start(self) -> None:
        if self._task is None:
            self._loop = asyncio.get_running_loop()
            self._task = self._loop.create_task(self._run_forever())
            self.sync_now()

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    def sync_now(self) -> None:
        """The user asked; also ends an offline pause early."""
        self._wake.set()

    def local_change(self, changes: ChangeSet | None = None) -> None:
        """A store observer: sync a moment after the user stops editing."""
        if changes is not None and not changes.outbox:
            return  # only edits that queued something for the server matter
        if self._in_cycle:
            # The engine's own outbox writes (a batch marked sent, its results) come
            # here too and must not set off another cycle. What the user queues
            # meanwhile is pushed by this cycle, or left pending: see ``run_cycle``.
            return
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            # Store notices may come from a worker thread; the timer lives on the loop.
            if self._loop is not None:
                self._loop.call_soon_threadsafe(self._restart_debounce)
            return
        self._restart_debounce()

    def _restart_debounce(self) -> None:
        if self._debounce is not None:
            self._debounce.cancel()
        loop = asyncio.get_running_loop()
        self._debounce = loop.call_later(self.debounce_seconds, self._wake.set)

    def pause(self) -> None:
        self._paused = True
        self._set(SyncState.PAUSED, "Sync is paused.")

    def resume(self) -> None:
        self._paused = False
        self._set(SyncState.ONLINE, "")
        self.sync_now()

    # -- the loop -------------------------------------------------------------------
    def _set(self, state: SyncState, message: str) -> None:
        if (state, message) != (self.state, self.message):
            self.state, self.message = state, message
            self._on_state(state, message)

    def _wait_time(self) -> float:
        if self.state is SyncState.OFFLINE:
            # Growing pauses with jitter while the server is away: no request storm.
            base = self.offline_pause_seconds
            pause = min(self.max_offline_pause, base * 2 ** min(self._offline_failures, 10))
            return pause * (0.5 + self._rng.random() / 2)
        return self.interval_seconds

    async def _run_forever(self) -> None:
        while True:
            # Not wait_for: on Python 3.11 it can swallow a cancellation that arrives as the
            # wake event fires, and stop() (so quitting the app) would then wait forever.
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self._wait_time()):
                    await self._wake.wait()
            self._wake.clear()
            if self._paused:
                continue
            await self.run_cycle()

    async def run_cycle(self) -> SyncReport | None:
        self._set(SyncState.SYNCING, "")
        self.cycles += 1
        try:
            report = await self._run_marked()
        except SignInRequired as err:
            self._set(SyncState.SIGNED_OUT, err.message)
            if self._wait_for_sign_in is not None:
                await self._wait_for_sign_in()  # pending work waits; nothing is dropped
                self._wake.set()
            return None
        except ServerUnreachable as err:
            self._offline_failures += 1
            self._set(SyncState.OFFLINE, str(err))
            return None
        except (ApiError, MalformedPage) as err:
            # The server answered, but not usefully: keep everything, try again later.
            log.warning("sync cycle failed: %s", err)
            self._offline_failures += 1
            self._set(SyncState.OFFLINE, f"Sync failed: {err}")
            return None
        except Exception as err:
            # A bug, or the computer itself failing (disk full, a locked file): the loop
            # must not die with it, leaving "syncing" shown and nothing synced again.
            log.exception("sync cycle failed unexpectedly")
            self._offline_failures += 1
            self._set(
                SyncState.OFFLINE,
                f"Sync failed unexpectedly ({type(err).__name__}); your changes are kept "
                "and sync will try again.",
            )
            return None
        self._offline_failures = 0
        self.last_report = report
        self._on_report(report)
        self._set(SyncState.PAUSED if self._paused else SyncState.ONLINE, "")
        if report.pending:
            self.local_change()  # queued while this cycle was pulling: send it shortly
        return report

    async def _run_marked(self) -> SyncReport:
        self._in_cycle = True
        try:
            return await self._run_cycle()
        finally:
            self._in_cycle = False
