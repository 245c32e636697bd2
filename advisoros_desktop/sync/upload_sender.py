"""Sends one queued file: announce it, then its bytes in chunks from the server's offset.

The server's offset is the truth, not ours: every attempt starts by announcing
the upload again (same id, so the server answers with what it holds), which
is how a crash, a lost answer or a pause resumes without sending a byte
twice and without a second document. Our copy of the offset in the queue is
progress for the person to see, written a few times a second at most.

Every state change is conditional on the job still being ours (``uploading``):
a person who pauses or cancels while a chunk is on the wire wins, except over
a document the server already made (that is a fact, so the job becomes done).
The queue is asked whether the job is still ours when the offset is written
and before the chunk that would make the document; not before every chunk.

A file that fits in one chunk (most scans) costs the queue two commits: the
claim, which also reads its bytes, and the answer.
"""

from __future__ import annotations

import asyncio
import enum
import logging
import os
import time
from collections.abc import Callable
from typing import Any

from advisoros_desktop.api import uploads
from advisoros_desktop.api.client import ApiClient
from advisoros_desktop.api.errors import ApiError, ServerUnreachable, SignInRequired
from advisoros_desktop.api.uploads import Announcement, OffsetMismatch, UploadAnswer, UploadNotFound
from advisoros_desktop.store.upload_queue import UploadJob, UploadQueue
from advisoros_desktop.sync.upload_refusals import (
    FILE_CHANGED,
    FILE_GONE,
    NEEDS_CLIENT,
    WAITING_FOR_SERVER,
    WAITING_FOR_SIGN_IN,
    refusal_reason,
    unexpected_reason,
    unreadable_reason,
)

log = logging.getLogger(__name__)

# The queue's offset is for the progress bar: a few writes a second are plenty.
_OFFSET_WRITE_SECONDS = 0.25
# Answers that move us backwards or not at all; more than this in one attempt means
# the server is not taking the bytes, so the job waits rather than spinning.
_MAX_SETBACKS = 5
_MINE = ("uploading",)


class Outcome(enum.Enum):
    FINISHED = "finished"  # done, duplicate, failed or cancelled: on_finished was told
    STOPPED = "stopped"  # paused, or the uploader is stopping; the server keeps the bytes
    SKIPPED = "skipped"  # not sent: someone changed the job first, or the file changed
    OFFLINE = "offline"  # the server could not be reached; the job waits
    SIGNED_OUT = "signed_out"  # the server wants a sign-in; the job waits


class _FileGone(Exception):
    pass


class _FileChanged(Exception):
    pass


class _NotAccepting(ServerUnreachable):
    """The server answers but does not move the offset forward."""


class JobSender:
    """Sends jobs one at a time; the uploader runs a few of these side by side."""

    def __init__(
        self,
        queue: UploadQueue,
        api: ApiClient,
        *,
        stopping: Callable[[], bool],
        on_finished: Callable[[UploadJob], None],
        on_changed: Callable[[UploadJob], None],
    ) -> None:
        self._queue = queue
        self._api = api
        self._stopping = stopping
        self._on_finished = on_finished
        self._on_changed = on_changed

    async def send(self, job: UploadJob, chunk_bytes: int) -> Outcome:
        """Send ``job`` (a ``waiting`` job) as far as it goes; never raises for its file."""
        chunk_bytes = max(1, chunk_bytes)
        try:
            claimed = await self._claim(job, chunk_bytes)
            if claimed is None:
                return Outcome.SKIPPED
            ready, whole = claimed
            return await self._send(ready, chunk_bytes, whole)
        except ServerUnreachable as error:  # first: ServerUnavailable is an ApiError too
            log.info("upload %s waits for the server: %s", job.upload_id, error)
            await self._set_state(job, "waiting", WAITING_FOR_SERVER)
            return Outcome.OFFLINE
        except SignInRequired:
            await self._set_state(job, "waiting", WAITING_FOR_SIGN_IN)
            return Outcome.SIGNED_OUT
        except ApiError as error:
            return await self._fail(job, refusal_reason(error))
        except _FileGone:
            return await self._fail(job, FILE_GONE)
        except _FileChanged:
            return await self._send_back_to_hashing(job, _MINE)
        except OSError as error:
            return await self._fail(job, unreadable_reason(error))
        except Exception as error:  # keep the file and say so, rather than lose the queue
            log.exception("sending upload %s failed", job.upload_id)
            return await self._fail(job, unexpected_reason(error))

    # -- one attempt -------------------------------------------------------------------
    async def _claim(self, job: UploadJob, chunk_bytes: int) -> tuple[UploadJob, bytes] | None:
        """Check the file is still the one hashed and take the job; None to leave it.

        A file of one chunk is read at the same time: its bytes come with the job.
        """
        if job.sha256 is None:
            await self._send_back_to_hashing(job, ("waiting",))
            return None
        if job.client_id is None:
            await self._queue_call(
                self._queue.set_state,
                [job.upload_id],
                "unsorted",
                reason=NEEDS_CLIENT,
                only_from=("waiting",),
            )
            return None
        try:
            return await asyncio.to_thread(self._take, job, chunk_bytes)
        except _FileChanged:
            await self._send_back_to_hashing(job, ("waiting",))
            return None

    def _take(self, job: UploadJob, chunk_bytes: int) -> tuple[UploadJob, bytes] | None:
        """On a worker thread: the file checked (or read whole, when small) and the job claimed."""
        whole = b""
        if 0 < job.size <= chunk_bytes:
            whole = _read_chunk(job.path, 0, job.size, job.size, job.mtime_ns)
        else:
            _check_unchanged(job.path, job.size, job.mtime_ns)
        claimed = self._queue.claim(job.upload_id)
        if claimed is None:
            return None  # paused, cancelled or taken meanwhile
        if (claimed.size, claimed.mtime_ns, claimed.sha256) != (job.size, job.mtime_ns, job.sha256):
            whole = b""  # changed since it was picked: read again from what the claim says
        return claimed, whole

    async def _send(self, job: UploadJob, chunk_bytes: int, whole: bytes = b"") -> Outcome:
        """Send from the server's offset; ``whole``: the file's bytes, when already read."""
        answer = await self._announce(job)
        if answer.document_id is not None:
            return await self._done(job, answer)
        offset, written, setbacks, announced_again = answer.offset, job.offset, 0, False
        first = True  # just claimed: no need to ask the queue whether it is still ours
        last_look = time.monotonic()
        while True:
            if self._stopping():
                await self._write_offset(job, offset, written)
                return Outcome.STOPPED
            length = min(chunk_bytes, job.size - offset) if offset < job.size else 0
            last = offset + length >= job.size
            if not first and (last or time.monotonic() - last_look >= _OFFSET_WRITE_SECONDS):
                current = await self._queue_call(self._still_ours, job, offset, written)
                if current is None or current.state != "uploading":
                    await self._write_offset(job, offset, written)
                    return await self._let_go(job, current)
                written, last_look = offset, time.monotonic()
            first = False
            data = b""
            if length:
                if offset == 0 and len(whole) == length:
                    data = whole
                else:
                    data = await asyncio.to_thread(
                        _read_chunk, job.path, offset, length, job.size, job.mtime_ns
                    )
            try:
                # At the full size an empty PATCH asks for the document again.
                answer = await uploads.send_chunk(self._api, job.upload_id, offset, data)
            except OffsetMismatch as mismatch:
                setbacks += 1
                if setbacks > _MAX_SETBACKS:
                    raise _NotAccepting(mismatch.message) from mismatch
                offset = min(mismatch.server_offset, job.size)
                continue
            except UploadNotFound:
                if announced_again:
                    raise
                announced_again = True  # dropped on the server (stale, or cancelled): anew
                answer = await self._announce(job)
                if answer.document_id is not None:
                    return await self._done(job, answer)
                offset = answer.offset
                continue
            if answer.document_id is not None:
                return await self._done(job, answer)
            if answer.offset <= offset:
                setbacks += 1
                if setbacks > _MAX_SETBACKS:
                    raise _NotAccepting(
                        "The server is not taking this file's bytes; trying again later."
                    )
            offset = answer.offset

    def _still_ours(self, job: UploadJob, offset: int, written: int) -> UploadJob | None:
        """On a worker thread: the job now, its offset written if it is still ``uploading``."""
        if offset != written:
            current = self._queue.update(job.upload_id, only_from=_MINE, offset=offset)
            if current is not None:
                return current
        return self._queue.get(job.upload_id)

    async def _announce(self, job: UploadJob) -> UploadAnswer:
        """Create the upload, or hear what the server holds of it; one fresh start allowed
        when the id's earlier upload cannot go on (it failed, or held other bytes)."""
        announcement = _announcement(job)
        try:
            answer = await uploads.announce(self._api, announcement)
        except ApiError as error:
            if error.status != 409 or error.code != "upload_id_reused":
                raise
            # The file changed and was hashed again after its first bytes went.
            await uploads.cancel(self._api, job.upload_id)
            return await uploads.announce(self._api, announcement)
        if answer.status == "failed":
            # An earlier try failed for good on the server (damaged on the way, say);
            # the person asked to retry, so the upload starts over.
            await uploads.cancel(self._api, job.upload_id)
            answer = await uploads.announce(self._api, announcement)
            if answer.status == "failed":
                raise ApiError(409, "upload_failed", answer.error or "The upload failed.")
        return answer

    # -- endings ---------------------------------------------------------------------
    async def _done(self, job: UploadJob, answer: UploadAnswer) -> Outcome:
        # A "duplicate" of this very upload is our own document, made before a crash.
        own = answer.status == "completed" or answer.document_id == job.upload_id
        state = "done" if own else "duplicate"
        reason = None if own else "The firm already has this file."
        finished = await self._queue_call(
            self._queue.update,
            job.upload_id,
            state=state,
            document_id=answer.document_id,
            offset=job.size,
            reason=reason,
        )
        self._tell(finished)
        return Outcome.FINISHED

    async def _fail(self, job: UploadJob, reason: str) -> Outcome:
        # From 'waiting' too: a file found gone before the job was taken fails as well.
        failed = await self._queue_call(
            self._queue.update,
            job.upload_id,
            only_from=("waiting", *_MINE),
            state="failed",
            reason=reason,
        )
        self._tell(failed)
        return Outcome.FINISHED if failed is not None else Outcome.SKIPPED

    async def _let_go(self, job: UploadJob, current: UploadJob | None) -> Outcome:
        """The person paused or cancelled the job while it was being sent."""
        if current is None or current.state != "cancelled":
            return Outcome.STOPPED
        try:
            await uploads.cancel(self._api, job.upload_id)
        except (ApiError, ServerUnreachable, SignInRequired) as error:
            # The server drops unfinished uploads nobody resumes; nothing is lost here.
            log.info("could not cancel upload %s on the server: %s", job.upload_id, error)
        self._tell(current)
        return Outcome.FINISHED

    async def _send_back_to_hashing(self, job: UploadJob, only_from: tuple[str, ...]) -> Outcome:
        current = await self._queue_call(
            self._queue.update,
            job.upload_id,
            only_from=only_from,
            state="hashing",
            reason=FILE_CHANGED,
            sha256=None,
            offset=0,
        )
        if current is not None:
            try:
                self._on_changed(current)
            except Exception:
                log.exception("telling intake that %s changed failed", job.path)
        return Outcome.SKIPPED

    # -- queue writes (off the loop: a commit waits for the disk, or for another writer) --
    async def _set_state(self, job: UploadJob, state: str, reason: str) -> int:
        changed: int = await self._queue_call(
            self._queue.set_state, [job.upload_id], state, reason=reason, only_from=_MINE
        )
        return changed

    async def _write_offset(self, job: UploadJob, offset: int, written: int) -> int:
        if offset != written:
            await self._queue_call(self._queue.update, job.upload_id, offset=offset)
        return offset

    async def _queue_call(self, method: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return await asyncio.to_thread(method, *args, **kwargs)

    def _tell(self, job: UploadJob | None) -> None:
        if job is None:
            return
        try:
            self._on_finished(job)
        except Exception:
            log.exception("on_finished failed for upload %s", job.upload_id)


def _announcement(job: UploadJob) -> Announcement:
    assert job.sha256 is not None and job.client_id is not None  # checked when claimed
    return Announcement(
        upload_id=job.upload_id,
        sha256=job.sha256,
        size=job.size,
        file_name=job.file_name,
        # No type known: the server says which types it takes, in its own words.
        mime_type=job.mime_type or "application/octet-stream",
        client_id=job.client_id,
        category=job.category,
        year=job.year,
        source=job.source,
    )


def _check_unchanged(path: str, size: int, mtime_ns: int) -> None:
    try:
        status = os.stat(path)
    except (FileNotFoundError, NotADirectoryError) as error:
        raise _FileGone() from error
    if status.st_size != size or status.st_mtime_ns != mtime_ns:
        raise _FileChanged()


def _read_chunk(path: str, offset: int, length: int, size: int, mtime_ns: int) -> bytes:
    """``length`` bytes at ``offset``, from the file exactly as it was hashed."""
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below; open errors mapped first
    except (FileNotFoundError, NotADirectoryError) as error:
        raise _FileGone() from error
    with handle:
        status = os.fstat(handle.fileno())
        if status.st_size != size or status.st_mtime_ns != mtime_ns:
            raise _FileChanged()
        handle.seek(offset)
        data = handle.read(length)
    if len(data) != length:
        raise _FileChanged()
    return data
