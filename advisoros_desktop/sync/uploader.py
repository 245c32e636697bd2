"""The upload queue's runner: sends ``waiting`` jobs to the server, a few at a time.

An asyncio task on the app's loop (qasync's in the window, the CLI's own
headless). It only decides *which* jobs go and *when*; sending one job is
``upload_sender.JobSender``'s. The rules it keeps:

- a job interrupted by a crash or a stop (left ``uploading``) is resumable:
  at start it is ``waiting`` again and resumes from the server's offset;
- a server that cannot be reached is left alone for a while (``Backoff``),
  jobs stay ``waiting`` with a reason, and nothing is lost or failed for it;
- a server that wants a sign-in stops all sending until someone signs in;
- the loop never blocks: queue reads and writes, and file reads, run on threads;
- the queue is read a few jobs ahead while nothing new arrives: a job read
  ahead is claimed only if it is still waiting, so a pause or a cancel meanwhile
  wins, and any news (``wake``) makes the next take read the queue again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable, Collection, Mapping
from typing import Any

from advisoros_desktop.api.client import ApiClient
from advisoros_desktop.api.errors import ApiError, ServerUnreachable, SignInRequired
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.upload_limits_state import recalled_answer, remember_upload_limits
from advisoros_desktop.store.upload_queue import UploadJob, UploadQueue
from advisoros_desktop.sync.upload_backoff import Backoff
from advisoros_desktop.sync.upload_sender import JobSender, Outcome

log = logging.getLogger(__name__)

DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024
# States in which a job still has somewhere to go without a person's decision.
_BUSY = ("hashing", "waiting", "uploading")
# After a failed /limits, the remembered (or default) limits serve this long.
_LIMITS_RETRY_SECONDS = 300.0
# Waiting jobs read beyond the free places: most finished jobs then need no read.
_READ_AHEAD = 8


class Uploader:
    def __init__(
        self,
        queue: UploadQueue,
        api: ApiClient,
        store: LocalStore,
        *,
        parallel: int = 3,
        chunk_bytes: int = DEFAULT_CHUNK_BYTES,
        on_finished: Callable[[UploadJob], None] | None = None,
        on_changed: Callable[[UploadJob], None] | None = None,
        backoff: Backoff | None = None,
        poll_seconds: float = 2.0,
        stop_timeout: float = 15.0,
    ) -> None:
        """``on_finished(job)``: a job reached done, duplicate, failed or cancelled.
        ``on_changed(job)``: its file changed after hashing; the job is back in
        ``hashing`` for intake to check again. Both are called on the loop.
        """
        self._queue = queue
        self._api = api
        self._store = store
        self._parallel = max(1, parallel)
        self._chunk_bytes = max(1, chunk_bytes)
        self._on_finished = on_finished
        self.backoff = backoff or Backoff()
        self._poll_seconds = poll_seconds
        self._stop_timeout = stop_timeout
        self._sender = JobSender(
            queue,
            api,
            stopping=lambda: self._stopping,
            on_finished=self._finished,
            on_changed=on_changed or (lambda _job: None),
        )
        self._sending: dict[str, asyncio.Task[None]] = {}
        self._ahead: list[UploadJob] = []  # waiting jobs read ahead, in queue order
        self._news = 0  # wake() calls: what was read ahead before one may be out of date
        self._wakeup = asyncio.Event()
        self._stop_requested = asyncio.Event()
        self._progress = asyncio.Event()
        self._run_exited = asyncio.Event()
        self._stopping = False
        self._running = False
        self._needs_sign_in = False
        self._limits: Mapping[str, Any] | None = None
        self._limits_retry_at = 0.0
        self._limits_lock = asyncio.Lock()

    # -- state -----------------------------------------------------------------------
    @property
    def sending(self) -> frozenset[str]:
        """Upload ids of the jobs on the wire right now."""
        return frozenset(self._sending)

    @property
    def waiting_for_sign_in(self) -> bool:
        return self._needs_sign_in

    # -- control ---------------------------------------------------------------------
    async def run(self) -> None:
        """Send jobs until ``stop()``: up to ``parallel`` at once, in queue order."""
        if self._running:
            raise RuntimeError("This uploader is already running.")
        self._running, self._stopping = True, False
        self._stop_requested.clear()
        self._run_exited.clear()
        try:
            await asyncio.to_thread(self._resume_interrupted)
            while not self._stopping:
                await self._wait_until_allowed()
                if self._stopping:
                    break
                await self._take_jobs()
                await self._wait_for_news()
        finally:
            await self._let_sending_finish()
            self._running = False
            self._run_exited.set()
            self._progress.set()

    def wake(self) -> None:
        """New jobs were queued or resumed. Call on the loop's thread
        (from another thread: ``loop.call_soon_threadsafe(uploader.wake)``)."""
        self._news += 1
        self._ahead = []
        self._wakeup.set()

    async def stop(self) -> None:
        """Finish the chunks on the wire and return; jobs keep their offset.

        Jobs stopped mid-file stay ``uploading`` and are resumed at the next ``run``.
        """
        self._stopping = True
        self._stop_requested.set()
        self._wakeup.set()
        if self._running:
            await self._run_exited.wait()
        else:
            await self._let_sending_finish()

    async def drain(self) -> None:
        """Return when no job is hashing, waiting or uploading (``run`` must be running).

        Raises ``SignInRequired`` when the server wants a sign-in: nothing more
        can be sent until a person gives the password.
        """
        while True:
            if self._needs_sign_in:
                raise SignInRequired()
            busy = await asyncio.to_thread(self._queue.count, _BUSY)
            if busy == 0 and not self._sending:
                return
            self._progress.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._progress.wait(), 0.5)

    # -- the loop --------------------------------------------------------------------
    def _resume_interrupted(self) -> None:
        interrupted = [job.upload_id for job in self._queue.jobs(["uploading"])]
        if interrupted:
            log.info("resuming %d interrupted uploads", len(interrupted))
            self._queue.set_state(interrupted, "waiting", only_from=("uploading",))

    async def _wait_until_allowed(self) -> None:
        if self._needs_sign_in:
            await self._unless_stopped(self._api.wait_for_sign_in())
            if not self._stopping:
                self._needs_sign_in = False
        pause = self.backoff.remaining()
        if pause > 0:
            await self._unless_stopped(asyncio.sleep(pause))

    async def _take_jobs(self) -> None:
        free = self._parallel - len(self._sending)
        if free <= 0:
            return
        if len(self._ahead) < free:
            news = self._news
            found = await asyncio.to_thread(self._next_jobs, free + _READ_AHEAD, set(self._sending))
            # Woken meanwhile: what this read found beyond the free places may be stale.
            self._ahead = found if news == self._news else found[:free]
        jobs, self._ahead = self._ahead[:free], self._ahead[free:]
        for job in jobs:
            if self._stopping or self._needs_sign_in or self.backoff.remaining() > 0:
                return
            task = asyncio.create_task(self._send(job), name=f"upload {job.upload_id}")
            self._sending[job.upload_id] = task

    def _next_jobs(self, limit: int, exclude: Collection[str]) -> list[UploadJob]:
        return self._queue.next_to_send(limit, exclude=exclude)

    async def _wait_for_news(self) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wakeup.wait(), self._poll_seconds)
        self._wakeup.clear()

    async def _send(self, job: UploadJob) -> None:
        outcome = Outcome.SKIPPED
        try:
            chunk_bytes = await self._chunk_size()
            outcome = await self._sender.send(job, chunk_bytes)
        finally:
            self._sending.pop(job.upload_id, None)
            if outcome is not Outcome.FINISHED:
                self._ahead = []  # something else is going on: look at the queue again
            if outcome is Outcome.OFFLINE:
                pause = self.backoff.failed()
                log.info("server unreachable; taking no upload for %.0f s", pause)
            elif outcome is Outcome.SIGNED_OUT:
                self._needs_sign_in = True
            elif outcome in (Outcome.FINISHED, Outcome.STOPPED):
                self.backoff.succeeded()
            self._wakeup.set()
            self._progress.set()

    async def _let_sending_finish(self) -> None:
        tasks = list(self._sending.values())
        if not tasks:
            return
        _done, late = await asyncio.wait(tasks, timeout=self._stop_timeout)
        for task in late:
            # A chunk on a crawling network: the server keeps what arrived, and the
            # job (still 'uploading') resumes from there at the next start.
            task.cancel()
        await asyncio.gather(*late, return_exceptions=True)

    async def _unless_stopped(self, waiting: Awaitable[object]) -> None:
        """Wait for ``waiting``, or until ``stop()`` is called, whichever comes first."""
        work = asyncio.ensure_future(waiting)
        stop = asyncio.ensure_future(self._stop_requested.wait())
        try:
            await asyncio.wait({work, stop}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (work, stop):
                task.cancel()
            await asyncio.gather(work, stop, return_exceptions=True)

    # -- limits ----------------------------------------------------------------------
    async def _chunk_size(self) -> int:
        """Our chunk size, or less when the server takes less per request."""
        try:
            limits = await self._server_limits()
        except Exception:  # the cache could not be read or written: send with our size
            log.exception("reading the upload limits failed")
            limits = None
        largest = limits.get("maxUploadChunkBytes") if limits else None
        if isinstance(largest, int) and not isinstance(largest, bool) and largest > 0:
            return min(self._chunk_bytes, largest)
        return self._chunk_bytes

    async def _server_limits(self) -> Mapping[str, Any] | None:
        """``/limits``, asked once (remembered for intake's offline checks)."""
        async with self._limits_lock:
            if self._limits is not None or time.monotonic() < self._limits_retry_at:
                return self._limits or await asyncio.to_thread(recalled_answer, self._store)
            try:
                answer = await self._api.limits()
            except (ApiError, ServerUnreachable, SignInRequired) as error:
                # Sending goes on with what was heard before; the job itself meets
                # (and reports) the same problem if it is more than a missing route.
                log.info("server limits unavailable, using the last known: %s", error)
                self._limits_retry_at = time.monotonic() + _LIMITS_RETRY_SECONDS
                return await asyncio.to_thread(recalled_answer, self._store)
            await asyncio.to_thread(remember_upload_limits, self._store, answer)
            self._limits = answer
            return answer

    def _finished(self, job: UploadJob) -> None:
        if self._on_finished is None:
            return
        self._on_finished(job)  # the sender logs an exception from here; it never stops sending
