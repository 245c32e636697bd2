"""Undo of an intake batch: the files of one drop, taken back as one step.

The files were queued when they were dropped, so the first ``redo`` (the one
``QUndoStack.push`` makes) changes nothing. Undo then:

- cancels the batch's files not sent yet (hashing, waiting, uploading,
  paused, unsorted);
- deletes the documents the batch created, through the store, so each
  deletion reaches the server through the outbox like any other; their queue
  rows become "cancelled" with a reason saying so;
- forgets those documents in the intake ledger, so the same files may be
  taken again later;
- never touches a source file.

A document the server made but this computer has not synced yet cannot be
deleted here: there is no local record to delete, and an undo cannot wait for
a sync. Those are left alone (still known to the ledger, so the files are not
sent twice) and listed in ``refused``; ``message()`` tells the person to sync
and archive them under Documents. A file whose upload finishes after the
cancel (the server had already made its document) is likewise left as it is.

Redo brings the documents back while their deletions have not gone to the
server, and sends the cancelled files again; a document whose deletion the
server already has cannot come back, and its file can be retried from the
queue instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Protocol, runtime_checkable

from advisoros_desktop.commands.store_command import StoreCommand
from advisoros_desktop.store.database import reading
from advisoros_desktop.store.intake_ledger import IntakeLedger
from advisoros_desktop.store.local_store import EditRefused, LocalStore, Progress
from advisoros_desktop.store.rows import get_row, visible
from advisoros_desktop.store.upload_queue import UploadJob, UploadQueue

# Jobs an undo can still stop before their bytes make a document.
CANCELLABLE = ("hashing", "waiting", "uploading", "paused", "unsorted")
TAKEN_BACK = "Taken back with Undo; its document was removed. Retry uploads it again."
NOT_HERE_YET = (
    "The firm has this document, but this computer has not synced it yet, so it was not removed."
)
GONE_FROM_SERVER = (
    "Its removal has already reached the firm, so it cannot come back; retry the file to "
    "upload it again."
)


class IntakeEngineLike(Protocol):
    """What the command needs of ``intake.intake_engine.IntakeEngine``."""

    @property
    def store(self) -> LocalStore: ...

    @property
    def queue(self) -> UploadQueue: ...

    @property
    def ledger(self) -> IntakeLedger: ...

    def cancel(self, upload_ids: Iterable[str]) -> int: ...

    def retry(self, upload_ids: Iterable[str]) -> int: ...


@runtime_checkable
class HasIntakeEngine(Protocol):
    """An intake controller: anything holding the engine as ``engine``."""

    @property
    def engine(self) -> IntakeEngineLike: ...


def _files(count: int) -> str:
    return f"{count:,} file{'s' if count != 1 else ''}"


class IntakeBatchCommand(StoreCommand):
    """ "Add 3 files for Acme LLC": one undo step for everything one drop queued."""

    def __init__(
        self,
        controller_or_engine: HasIntakeEngine | IntakeEngineLike,
        batch_id: str,
        text: str,
        *,
        on_failure: Callable[[StoreCommand], None] | None = None,
        progress: Progress | None = None,
    ) -> None:
        super().__init__(text, on_failure)
        self.engine: IntakeEngineLike = (
            controller_or_engine.engine
            if isinstance(controller_or_engine, HasIntakeEngine)
            else controller_or_engine
        )
        self.batch_id = batch_id
        # ``progress(done, total)`` between documents, for a long undo.
        self.progress = progress
        # What the last undo did, for redo to take back.
        self.cancelled_ids: list[str] = []
        self.removed: dict[str, str] = {}  # document id -> the upload id that made it
        # Documents the last undo could not remove, with why (also in ``refused``).
        self.left_alone: dict[str, str] = {}

    # -- the steps -----------------------------------------------------------------
    def apply(self) -> None:
        if self.first_step:
            # The drop itself queued the files; a batch with no file is no undo step.
            if not self.engine.queue.jobs(batch_id=self.batch_id, limit=1):
                self.drop()
            return
        refused = self._bring_back()
        self.engine.retry(self.cancelled_ids)
        self.cancelled_ids = []
        if refused:
            self.partly_refused(
                refused,
                f"{_files(len(refused))} could not come back: their removal already reached "
                "the firm. Retry them in the Intake queue to upload them again.",
            )

    def revert(self) -> None:
        queue = self.engine.queue
        stoppable = [j.upload_id for j in self._jobs() if j.state in CANCELLABLE]
        if stoppable:
            self.engine.cancel(stoppable)
        jobs = self._jobs()  # again: a file may have finished meanwhile
        wanted = set(stoppable)
        self.cancelled_ids = [
            j.upload_id for j in jobs if j.upload_id in wanted and j.state == "cancelled"
        ]
        made_by = {j.document_id: j.upload_id for j in jobs if j.state == "done" and j.document_id}
        documents = queue.batch_document_ids(self.batch_id)
        self.removed, self.left_alone = {}, {}
        for done, document_id in enumerate(documents, start=1):
            why = self._remove(document_id)
            if why is None:
                self.removed[document_id] = made_by.get(document_id, "")
            else:
                self.left_alone[document_id] = why
            if self.progress is not None:
                self.progress(done, len(documents))
        taken_back = [u for u in self.removed.values() if u]
        if taken_back:
            queue.set_state(taken_back, "cancelled", reason=TAKEN_BACK, only_from=("done",))
        if self.left_alone:
            self.partly_refused(dict(self.left_alone), self._left_alone_summary())

    # -- inside --------------------------------------------------------------------
    def _jobs(self) -> Sequence[UploadJob]:
        return self.engine.queue.jobs(batch_id=self.batch_id)

    def _remove(self, document_id: str) -> str | None:
        """Delete one document the batch made; None when done, else why it was left."""
        store = self.engine.store
        with reading(store.engine) as conn:
            row = get_row(conn, "document", document_id)
        if row is None:
            return NOT_HERE_YET
        if visible(row):
            try:
                store.delete("document", document_id)
            except EditRefused as refused:
                return str(refused)
        # Deleted now, or by someone before: either way its files may be taken again.
        self.engine.ledger.forget_document(document_id)
        return None

    def _bring_back(self) -> dict[str, str]:
        """Undelete the documents the last undo removed; {document id: why} for those that
        could not come back (their jobs stay cancelled, to be retried)."""
        refused: dict[str, str] = {}
        restored: list[str] = []
        removed = list(self.removed.items())
        for done, (document_id, upload_id) in enumerate(removed, start=1):
            if self.engine.store.undelete("document", document_id):
                if upload_id:
                    restored.append(upload_id)
                    self.engine.ledger.record_outcome(
                        upload_id, outcome="uploaded", document_id=document_id
                    )
            else:
                refused[document_id] = GONE_FROM_SERVER
            if self.progress is not None:
                self.progress(done, len(removed))
        if restored:
            self.engine.queue.set_state(restored, "done", only_from=("cancelled",))
        self.removed = {}
        return refused

    def _left_alone_summary(self) -> str:
        waiting = sum(1 for why in self.left_alone.values() if why == NOT_HERE_YET)
        parts = []
        if waiting:
            parts.append(
                f"{_files(waiting)} already reached the firm but {'is' if waiting == 1 else 'are'} "
                "not on this computer yet, so "
                f"{'it was' if waiting == 1 else 'they were'} not removed: sync, then archive "
                f"{'it' if waiting == 1 else 'them'} under Documents"
            )
        others = len(self.left_alone) - waiting
        if others:
            parts.append(f"{_files(others)} could not be removed")
        return "; ".join(parts) + "."
