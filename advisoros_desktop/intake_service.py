"""Intake for one account: the engine, its watched folders and the uploader, wired together.

The window and the headless ``advisoros intake`` run the same service, so a
scanner PC with no one at it behaves exactly like a desk. Qt-free: the
uploader runs on the caller's asyncio loop (qasync's in the window), the
engine and the watchers on their own threads; everything that crosses from a
thread to the loop goes through ``call_soon_threadsafe``.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from advisoros_desktop.api.errors import ApiError, ServerUnreachable, SignInRequired
from advisoros_desktop.intake.folder_watcher import FolderWatcher
from advisoros_desktop.intake.intake_engine import BatchReport, IntakeEngine, IntakeTarget
from advisoros_desktop.intake.routing import FilenameRule
from advisoros_desktop.intake.watched_folders import WatchedFolder
from advisoros_desktop.store.upload_limits_state import remember_upload_limits
from advisoros_desktop.store.upload_queue import UploadJob
from advisoros_desktop.sync.account import Account
from advisoros_desktop.sync.upload_backoff import Backoff
from advisoros_desktop.sync.uploader import DEFAULT_CHUNK_BYTES, Uploader

log = logging.getLogger(__name__)

# How long starting waits for the server's upload limits before going on without them.
LIMITS_WAIT_SECONDS = 1.0
# Files the uploader finishes within this long are settled together: one commit
# for their ledger records instead of one each, a moment after the server's answer.
SETTLE_GATHER_SECONDS = 0.25

# (folder path, state, message): 'watching' | 'missing' | 'paused' | 'error'
FolderStatus = Callable[[str, str, str], None]


class IntakeService:
    def __init__(
        self,
        account: Account,
        *,
        folders: Sequence[WatchedFolder] = (),
        rules: Callable[[], Sequence[FilenameRule]] = tuple,
        parallel_uploads: int = 3,
        on_folder_status: FolderStatus | None = None,
        watch: bool = True,
        chunk_bytes: int = DEFAULT_CHUNK_BYTES,
        backoff: Backoff | None = None,
        poll_seconds: float = 2.0,
    ) -> None:
        """``chunk_bytes``, ``backoff`` and ``poll_seconds`` tune the uploader (``Uploader``)."""
        self.account = account
        # The folder settings (with ``--once`` they are given per batch instead).
        self._folders = list(folders)
        self._on_folder_status = on_folder_status
        self._watch = watch  # False: the folders' settings apply, but nobody watches them
        self._loop: asyncio.AbstractEventLoop | None = None
        self.engine = IntakeEngine(
            account.store, rules=rules, folders=lambda: self._folders, on_queued=self._wake
        )
        self.uploader = Uploader(
            self.engine.queue,
            account.api,
            account.store,
            parallel=parallel_uploads,
            chunk_bytes=chunk_bytes,
            backoff=backoff,
            poll_seconds=poll_seconds,
            on_finished=self._finished,
            on_changed=lambda job: self.engine.rehash([job.upload_id]),
        )
        self._watchers: dict[Path, FolderWatcher] = {}
        # A file placed by a hashing worker wakes the uploader once, not once per file.
        self._wake_lock = threading.Lock()
        self._wake_due = False
        self._finished_jobs: list[UploadJob] = []
        self._settle_handle: asyncio.TimerHandle | None = None
        self._task: asyncio.Task[None] | None = None
        self._limits_task: asyncio.Task[None] | None = None
        self.folder_states: dict[str, tuple[str, str]] = {}

    @property
    def folders(self) -> list[WatchedFolder]:
        return list(self._folders)

    async def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        # Briefly: offline, the limits heard before serve and the watchers start anyway.
        self._limits_task = asyncio.create_task(self._learn_limits(), name="upload limits")
        await asyncio.wait({self._limits_task}, timeout=LIMITS_WAIT_SECONDS)
        await asyncio.to_thread(self.engine.resume)
        self._task = asyncio.create_task(self.uploader.run(), name="uploader")
        if self._watch:
            await asyncio.to_thread(self._start_watchers, self._folders)

    async def stop(self) -> None:
        if self._limits_task is not None:
            self._limits_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._limits_task
        await asyncio.to_thread(self._stop_watchers, list(self._watchers))
        await self.uploader.stop()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        self._settle_finished()  # what is still unsettled at close is settled at the next start
        await asyncio.to_thread(self.engine.close)

    async def set_folders(self, folders: Sequence[WatchedFolder]) -> None:
        """Apply the settings' list: start new folders, stop removed ones, restart changed ones."""
        old = {Path(f.path): f for f in self._folders}
        new = {Path(f.path): f for f in folders}
        self._folders = list(folders)
        gone = [p for p in old if p not in new or old[p] != new[p]]
        await asyncio.to_thread(self._stop_watchers, gone)
        await asyncio.to_thread(
            self._start_watchers, [f for p, f in new.items() if p not in self._watchers]
        )

    def rescan(self) -> None:
        """After a resume from sleep: look again at every folder for what arrived meanwhile."""
        for watcher in list(self._watchers.values()):
            watcher.rescan()

    def take_from_folder_now(self, paths: Sequence[Path], folder: WatchedFolder) -> BatchReport:
        """Queue files already known to be stable as one batch (``--once``). Blocking."""
        return self.engine.submit(
            paths,
            target=IntakeTarget(client_id=folder.client_id),
            source="watched_folder",
            watched=folder,
        )

    async def drain(self) -> None:
        """Wait until every queued file is hashed, sent and settled (``--once``)."""
        while True:
            await asyncio.to_thread(self.engine.wait_idle)
            await self.uploader.drain()
            await asyncio.to_thread(self.engine.wait_idle)  # settling what just finished
            busy = self.engine.queue.count(["hashing", "waiting", "uploading"])
            if not busy and not self.engine.queue.unsettled_finished():
                return
            await asyncio.sleep(0.1)

    async def _learn_limits(self) -> None:
        """Ask the server what it accepts, so a file it would refuse fails before any hashing.

        Offline, the limits heard last time (or the defaults) serve; the server
        still has the last word when the file is announced.
        """
        try:
            answer = await self.account.api.limits()
            await asyncio.to_thread(remember_upload_limits, self.account.store, answer)
        except (ApiError, ServerUnreachable, SignInRequired) as error:
            log.info("server limits unavailable, checking files with the last known: %s", error)
        except Exception:  # the cache could not keep them: the server still checks every file
            log.exception("remembering the server's upload limits failed")

    # -- threads → loop ------------------------------------------------------------
    def _wake(self) -> None:
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        with self._wake_lock:
            if self._wake_due:
                return
            self._wake_due = True
        try:
            loop.call_soon_threadsafe(self._wake_uploader)
        except RuntimeError:  # the loop closed meanwhile: nothing left to wake
            with self._wake_lock:
                self._wake_due = False

    def _wake_uploader(self) -> None:
        with self._wake_lock:
            self._wake_due = False
        self.uploader.wake()

    def _finished(self, job: UploadJob) -> None:
        """Called on the loop for each job the uploader finished."""
        self._finished_jobs.append(job)
        if self._settle_handle is not None:
            return
        if self._loop is None or self._loop.is_closed():
            self._settle_finished()
        else:
            self._settle_handle = self._loop.call_later(
                SETTLE_GATHER_SECONDS, self._settle_finished
            )

    def _settle_finished(self) -> None:
        if self._settle_handle is not None:
            self._settle_handle.cancel()
            self._settle_handle = None
        jobs, self._finished_jobs = self._finished_jobs, []
        # Moving a file can take a while on a network share: never on the loop.
        self.engine.settle_all_in_background(jobs)

    def _start_watchers(self, folders: Sequence[WatchedFolder]) -> None:
        for folder in folders:
            path = Path(folder.path)
            if folder.paused:
                self._status(folder, "paused", "Paused.")
                continue
            watcher = FolderWatcher(
                folder,
                functools.partial(self._take, folder),
                on_status=functools.partial(self._status, folder),
            )
            self._watchers[path] = watcher
            watcher.start()

    def _take(self, folder: WatchedFolder, path: Path) -> None:
        self.engine.take_from_folder(path, folder)

    def _stop_watchers(self, paths: Sequence[Path]) -> None:
        for path in paths:
            watcher = self._watchers.pop(path, None)
            if watcher is not None:
                watcher.stop()

    def _status(self, folder: WatchedFolder, state: str, message: str) -> None:
        self.folder_states[str(folder.path)] = (state, message)
        log.info("watched folder %s: %s", folder.path, message)
        if self._on_folder_status is not None:
            self._on_folder_status(str(folder.path), state, message)
