"""The server's background job queue (extraction after upload, for now).

Jobs live in the database, so a job queued just before a crash runs after the
restart. One worker thread claims queued jobs whose kind has a handler; a
handler that raises fails its own job only, with the reason kept. A handler
may also have ``abandon(engine, organization id, document id, error)``, told
when its job failed for the last time, and ``close()``, called on stop (the
extraction handler owns a child process).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from typing import Any

import sqlalchemy as sa

from advisoros_desktop.server.database import utc_now, writing
from advisoros_desktop.server.schema import jobs

log = logging.getLogger(__name__)

EXTRACT = "extract"
MAX_ATTEMPTS = 3

# A handler gets (engine, organization id, document id) and does its own writes.
JobHandler = Callable[[sa.Engine, str, str], None]


def enqueue(conn: sa.Connection, organization_id: str, document_id: str, kind: str) -> None:
    now = utc_now()
    # Values as parameters: one compiled INSERT for every upload's job.
    conn.execute(
        jobs.insert(),
        {
            "organizationId": organization_id,
            "documentId": document_id,
            "kind": kind,
            "status": "queued",
            "attempts": 0,
            "createdAt": now,
            "updatedAt": now,
        },
    )


class JobQueue:
    def __init__(
        self, engine: sa.Engine, handlers: Mapping[str, JobHandler], poll_seconds: float = 1.0
    ) -> None:
        self._engine = engine
        self._handlers = dict(handlers)
        self._poll = poll_seconds
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        # Jobs claimed by a worker that died with the process are queued again.
        with writing(engine) as conn:
            conn.execute(jobs.update().where(jobs.c.status == "running").values(status="queued"))

    def start(self) -> None:
        if self._handlers and self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="job-queue", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        # Handlers first: closing one interrupts a long job, which is queued again.
        for handler in self._handlers.values():
            close = getattr(handler, "close", None)
            if close is not None:
                close()
        if self._thread is not None:
            self._thread.join(timeout=10)

    def notify(self) -> None:
        """Wake the worker: a job was just queued."""
        self._wake.set()

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                worked = self.run_once()
            except sa.exc.OperationalError as busy:
                # A long writer (the demo's seeding, a big import) holds the database;
                # the jobs wait for it like everyone else and are claimed next time.
                log.info("job queue waiting for the database: %s", busy.orig)
                worked = False
            except Exception:  # the loop must outlive a broken database moment
                log.exception("job queue iteration failed")
                worked = False
            if not worked:
                self._wake.wait(self._poll)
                self._wake.clear()

    def run_once(self) -> bool:
        """Run one queued job; returns False when there was none."""
        with writing(self._engine) as conn:
            job = conn.execute(
                sa.select(jobs)
                .where(jobs.c.status == "queued", jobs.c.kind.in_(self._handlers))
                .order_by(jobs.c.id)
                .limit(1)
                .with_for_update(skip_locked=True)
            ).first()
            if job is None:
                return False
            conn.execute(
                jobs.update()
                .where(jobs.c.id == job.id)
                .values(status="running", attempts=job.attempts + 1, updatedAt=utc_now())
            )
        status, error = "done", None
        try:
            self._handlers[job.kind](self._engine, job.organizationId, job.documentId)
        except Exception as exc:
            error = f"{type(exc).__name__}: {exc}"
            if self._stop.is_set():  # interrupted by stop(): runs again at the next start
                log.info("job %s (%s of %s) interrupted", job.id, job.kind, job.documentId)
                status = "queued"
            else:
                log.exception("job %s (%s of %s) failed", job.id, job.kind, job.documentId)
                status = "queued" if job.attempts + 1 < MAX_ATTEMPTS else "failed"
            if status == "failed":
                self._abandon(job, error)
        with writing(self._engine) as conn:
            conn.execute(
                jobs.update()
                .where(jobs.c.id == job.id)
                .values(status=status, lastError=error, updatedAt=utc_now())
            )
        return True

    def _abandon(self, job: sa.Row[Any], error: str) -> None:
        abandon = getattr(self._handlers[job.kind], "abandon", None)
        if abandon is None:
            return
        try:
            abandon(self._engine, job.organizationId, job.documentId, error)
        except Exception:
            log.exception("job %s could not record its failure", job.id)
