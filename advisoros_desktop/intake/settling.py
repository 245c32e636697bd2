"""What happens once a job is finished: the ledger's record and the watched folder's tidying.

Called when the uploader reports a job done, duplicate, failed or cancelled,
and again at start for any job a crash left unsettled (settling twice is
harmless: a file already moved is reported as gone, not as an error). Only a
job the server confirmed is moved to ``.processed`` or deleted; dropped files
are never touched. Jobs finished close together are settled together: their
ledger records (and, for dropped files, their settling) in one commit.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from advisoros_desktop.intake.disposition import (
    DELETED,
    FAILED_FOLDER,
    MOVED,
    AfterUpload,
    Settled,
    settle_done,
    settle_duplicate,
    settle_failed,
)
from advisoros_desktop.intake.error_reports import ERROR_REPORT_SUFFIX
from advisoros_desktop.intake.watched_folders import WatchedFolder
from advisoros_desktop.store.intake_ledger import record_outcome_in
from advisoros_desktop.store.transaction import WriteTxn
from advisoros_desktop.store.upload_queue import (
    UploadJob,
    UploadQueue,
    job_in,
    link_twins_in,
    update_in,
)

log = logging.getLogger(__name__)

_OUTCOMES = {
    "done": "uploaded",
    "duplicate": "duplicate",
    "failed": "failed",
    "cancelled": "ignored",
}


class Settler:
    def __init__(
        self,
        queue: UploadQueue,
        folders: Callable[[], Sequence[WatchedFolder]],
        today: Callable[[], dt.date],
        document_label: Callable[[str | None], str] = lambda _id: "an earlier upload",
    ) -> None:
        self._queue = queue
        self._folders = folders
        self._today = today
        self._document_label = document_label

    def settle(self, job: UploadJob) -> None:
        self.settle_many([job])

    def settle_many(self, jobs: Sequence[UploadJob]) -> None:
        """Settle finished jobs together: their ledger records in one commit.

        A file in a watched folder is moved (or its note written) after the
        ledger knows how it ended, and marked settled in a second commit once
        it is; any other file is settled in the first. A job already settled,
        or not finished, is left alone.
        """
        ids = list(dict.fromkeys(job.upload_id for job in jobs))
        if not ids:
            return
        to_tidy: list[tuple[UploadJob, WatchedFolder]] = []
        with self._queue.store.transaction() as txn:
            for upload_id in ids:
                job = job_in(txn.conn, upload_id)
                if job is None or job.settled or not job.finished:
                    continue
                record_outcome_in(
                    txn,
                    upload_id,
                    outcome=_OUTCOMES[job.state],
                    document_id=job.document_id,
                    reason=job.reason,
                    job=job,
                )
                if job.state == "done" and job.sha256 and job.document_id:
                    self._link_twins(txn, job.sha256, job.document_id)
                folder = self._watched_folder_of(job)
                if folder is None:
                    update_in(txn, upload_id, settled=True)
                else:
                    to_tidy.append((job, folder))
        if to_tidy:
            self._tidy_all(to_tidy)

    def _link_twins(self, txn: WriteTxn, sha256: str, document_id: str) -> None:
        """Files of the same batch recognised as this one's twin now know its document."""
        for twin_id in link_twins_in(txn, sha256, document_id):
            record_outcome_in(txn, twin_id, outcome="duplicate", document_id=document_id)

    def _tidy_all(self, jobs: Sequence[tuple[UploadJob, WatchedFolder]]) -> None:
        moved: list[tuple[str, str | None]] = []  # upload id, new path
        for job, folder in jobs:
            try:
                settled = self._tidy(job, folder)
            except Exception:  # left unsettled: tidied again at the next start
                log.exception("tidying %s failed", job.path)
                continue
            log.info("%s: %s", job.path, settled.message)
            destination = str(settled.destination) if settled.destination is not None else None
            moved.append((job.upload_id, destination))
        with self._queue.store.transaction() as txn:
            for upload_id, destination in moved:
                if destination is not None:
                    update_in(txn, upload_id, path=destination, settled=True)
                else:
                    update_in(txn, upload_id, settled=True)

    def _watched_folder_of(self, job: UploadJob) -> WatchedFolder | None:
        """The watched folder whose file this is, when it is ours to tidy."""
        if job.watched_root is None or job.state == "cancelled":
            return None
        root = Path(job.watched_root)
        folder = next((f for f in self._folders() if Path(f.path) == root), None)
        if folder is None:
            return None  # no longer watched: leave the file where the person put it
        if root not in Path(job.path).parents:
            return None  # no longer under the watched folder: not ours to tidy
        return folder

    def _tidy(self, job: UploadJob, folder: WatchedFolder) -> Settled:
        root = Path(job.watched_root or folder.path)
        source = Path(job.path)
        if job.state in ("done", "duplicate"):
            if job.state == "done":
                after = AfterUpload(folder.after_upload)
                settled = settle_done(source, root, after, today=self._today())
            else:
                label = self._document_label(job.document_id)
                settled = settle_duplicate(source, root, document_label=label)
            if settled.action in (MOVED, DELETED) and source.parent.is_relative_to(
                root / FAILED_FOLDER
            ):
                _drop_notes_about(source)  # retried from .failed: they tell of a past failure
            return settled
        return settle_failed(
            source,
            root,
            problem=job.reason or "The file could not be uploaded.",
            advice="Fix what is described above, then move the file back into the watched folder.",
            when=dt.datetime.now().astimezone(),
        )


def _drop_notes_about(source: Path) -> None:
    """Remove the ``.error.txt`` notes written beside ``source`` ("<name> (2).error.txt" too)."""
    note = re.compile(re.escape(source.name) + r"( \(\d+\))?" + re.escape(ERROR_REPORT_SUFFIX))
    try:
        beside = list(source.parent.iterdir())
    except OSError:
        return
    for path in beside:
        if note.fullmatch(path.name):
            try:
                path.unlink()
            except OSError as err:  # a note left behind is untidy, nothing worse
                log.info("could not remove the old note %s: %s", path, err)
