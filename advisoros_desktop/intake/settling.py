"""What happens once a job is finished: the ledger's record and the watched folder's tidying.

Called when the uploader reports a job done, duplicate, failed or cancelled,
and again at start for any job a crash left unsettled (settling twice is
harmless: a file already moved is reported as gone, not as an error). Only a
job the server confirmed is moved to ``.processed`` or deleted; dropped files
are never touched.
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
from advisoros_desktop.store.intake_ledger import IntakeLedger
from advisoros_desktop.store.upload_queue import UploadJob, UploadQueue

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
        ledger: IntakeLedger,
        folders: Callable[[], Sequence[WatchedFolder]],
        today: Callable[[], dt.date],
        document_label: Callable[[str | None], str] = lambda _id: "an earlier upload",
    ) -> None:
        self._queue = queue
        self._ledger = ledger
        self._folders = folders
        self._today = today
        self._document_label = document_label

    def settle(self, job: UploadJob) -> None:
        current = self._queue.get(job.upload_id)
        if current is None or current.settled or not current.finished:
            return
        job = current
        self._ledger.record_outcome(
            job.upload_id,
            outcome=_OUTCOMES[job.state],
            document_id=job.document_id,
            reason=job.reason,
        )
        if job.state == "done" and job.sha256 and job.document_id:
            self._link_twins(job)
        settled = self._tidy(job)
        if settled is not None and settled.destination is not None:
            self._queue.update(job.upload_id, path=str(settled.destination), settled=True)
        else:
            self._queue.mark_settled(job.upload_id)
        if settled is not None:
            log.info("%s: %s", job.path, settled.message)

    def _link_twins(self, job: UploadJob) -> None:
        """Files of the same batch recognised as this one's twin now know its document."""
        for twin in self._queue.jobs(["duplicate"]):
            if twin.sha256 == job.sha256 and twin.document_id is None:
                self._queue.update(twin.upload_id, document_id=job.document_id)
                self._ledger.record_outcome(
                    twin.upload_id, outcome="duplicate", document_id=job.document_id
                )

    def _tidy(self, job: UploadJob) -> Settled | None:
        if job.watched_root is None or job.state == "cancelled":
            return None
        root = Path(job.watched_root)
        folder = next((f for f in self._folders() if Path(f.path) == root), None)
        if folder is None:
            return None  # no longer watched: leave the file where the person put it
        source = Path(job.path)
        if root not in source.parents:
            return None  # no longer under the watched folder: not ours to tidy
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
