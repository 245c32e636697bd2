"""The ``extract`` job: read a newly uploaded document and record what it holds.

pending → processing (its own short transaction, so desktops can show it) →
completed / manual_review / failed, written with the extraction records in
one transaction. The extractor runs in a child process (``ExtractionWorker``):
the file that crashes it or overruns fails alone, and the next one extracts.
The database is never touched while the file is read, so uploads and
mutations of the firm are not held up by a slow file.
"""

from __future__ import annotations

import logging

import sqlalchemy as sa

from advisoros_desktop.extraction import ExtractionFailure
from advisoros_desktop.extraction.extractor import Outcome
from advisoros_desktop.server.config import ServerConfig
from advisoros_desktop.server.database import writing
from advisoros_desktop.server.extraction_records import record_outcome
from advisoros_desktop.server.extraction_worker import ExtractionWorker
from advisoros_desktop.server.firm_settings import review_threshold
from advisoros_desktop.server.records import OrganizationWriter
from advisoros_desktop.server.upload_files import content_path

log = logging.getLogger(__name__)

# A document in one of these states was extracted already (the job ran twice).
FINISHED = frozenset({"completed", "failed", "manual_review"})

MISSING_FILE = "the server has no file for this document; upload the file again"


class ExtractionJob:
    """The job handler for ``EXTRACT``: ``(engine, organization id, document id) -> None``."""

    def __init__(
        self,
        config: ServerConfig,
        worker: ExtractionWorker | None = None,
        threshold: float | None = None,
    ) -> None:
        self._config = config
        self._worker = worker or ExtractionWorker()
        self._threshold = threshold  # None: each firm's own (``firm_settings``)

    def __call__(self, engine: sa.Engine, organization_id: str, document_id: str) -> None:
        started = self._start(engine, organization_id, document_id)
        if started is None:
            return
        file_name, checksum = started
        path = content_path(self._config, checksum)
        outcome: Outcome
        if path.is_file():
            outcome = self._worker.extract(path, file_name)
        else:
            outcome = ExtractionFailure(file_name, MISSING_FILE)
        self._finish(engine, organization_id, document_id, outcome)

    def abandon(
        self, engine: sa.Engine, organization_id: str, document_id: str, error: str
    ) -> None:
        """The job failed for good (the database, not the file): say so on the document."""
        reason = f"the server could not record what this file holds ({error}); upload it again"
        self._finish(engine, organization_id, document_id, ExtractionFailure("", reason))

    def close(self) -> None:
        self._worker.close()

    def _start(
        self, engine: sa.Engine, organization_id: str, document_id: str
    ) -> tuple[str, str] | None:
        """Mark the document ``processing``; None when there is nothing to do."""
        with writing(engine) as conn:
            writer = OrganizationWriter(conn, organization_id)
            document = writer.live("document", document_id)
            if document is None or document["ocrStatus"] in FINISHED:
                return None
            if document["ocrStatus"] != "processing":
                writer.update("document", document, {"ocrStatus": "processing"})
                writer.finish()
            return str(document["fileName"]), str(document["checksum"])

    def _finish(
        self, engine: sa.Engine, organization_id: str, document_id: str, outcome: Outcome
    ) -> None:
        with writing(engine) as conn:
            writer = OrganizationWriter(conn, organization_id)
            document = writer.live("document", document_id)
            if document is None or document["ocrStatus"] in FINISHED:
                return  # deleted while it was read, or finished by another worker
            threshold = self._threshold
            if threshold is None:
                threshold = review_threshold(conn, organization_id)
            record_outcome(writer, document, outcome, threshold)
            writer.finish()
