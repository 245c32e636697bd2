"""The intake engine: from "these files" to upload jobs, and from finished jobs to tidy folders.

One engine serves the window (drops, watched folders) and the headless
``advisoros intake``. Taking a file is two steps so that a 2,000-file drop is
queued at once: ``submit`` walks and records every file as a ``hashing`` job
(cheap: names and sizes), then worker threads check, hash, deduplicate and
route each one. Nothing here touches the network; ``sync.uploader`` sends the
``waiting`` jobs and tells ``settle`` when each one is finished.

Exactly-once rests on three memories, all in the store: the ledger knows each
file version (path, size, mtime) taken before, and each SHA-256 that became a
document; the queue knows what is in flight (an identical file dropped twice in
one batch is a duplicate of the first); the cache knows every document's
checksum.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa

from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.intake.client_directory import ClientDirectory
from advisoros_desktop.intake.disposition import DUPLICATES_FOLDER, FAILED_FOLDER, PROCESSED_FOLDER
from advisoros_desktop.intake.file_preparation import PreparedFile, prepare_file
from advisoros_desktop.intake.folder_walk import WalkEntry, walk_files
from advisoros_desktop.intake.routing import ClientName, FilenameRule, Route, Router
from advisoros_desktop.intake.settling import Settler
from advisoros_desktop.intake.upload_names import upload_file_name
from advisoros_desktop.intake.watched_folders import WatchedFolder
from advisoros_desktop.store.database import reading
from advisoros_desktop.store.intake_ledger import IntakeLedger, LedgerEntry, record_in
from advisoros_desktop.store.known_bytes import known_bytes_in
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.schema import upload_queue
from advisoros_desktop.store.transaction import WriteTxn
from advisoros_desktop.store.upload_limits_state import LimitsInForce
from advisoros_desktop.store.upload_queue import (
    NewUpload,
    UploadJob,
    UploadQueue,
    job_in,
    update_in,
)

log = logging.getLogger(__name__)

# Jobs still taking their file (not finished): a file they hold is not taken twice.
_IN_FLIGHT = ("hashing", "unsorted", "waiting", "uploading", "paused")
_PATHS_PER_QUERY = 500  # well under SQLite's limit on bound parameters


@dataclass(frozen=True)
class IntakeTarget:
    """What the person (or the watched folder) said about where files go."""

    client_id: str | None = None
    category: str | None = None
    year: int | None = None


@dataclass
class BatchReport:
    """What ``submit`` did with the paths it was given, before any hashing."""

    batch_id: str
    queued: int = 0
    already_taken: int = 0
    ignored: list[tuple[str, str]] = field(default_factory=list)  # (path, why)


class IntakeEngine:
    def __init__(
        self,
        store: LocalStore,
        *,
        rules: Callable[[], Sequence[FilenameRule]] = tuple,
        folders: Callable[[], Sequence[WatchedFolder]] = tuple,
        on_queued: Callable[[], None] = lambda: None,
        workers: int = 2,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self.store = store
        self.queue = UploadQueue(store)
        self.ledger = IntakeLedger(store)
        self.clients = ClientDirectory(store)
        self._rules = rules
        self._on_queued = on_queued
        self._limits = LimitsInForce(store)
        self._settler = Settler(self.queue, folders, today, self._document_label)
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="intake")
        # Walking a dropped folder must not wait behind thousands of queued hashes.
        self._walker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="intake-walk")
        self._closed = threading.Event()
        # One file's checks at a time per SHA: two identical files hashed at once
        # must not both miss each other in the queue.
        self._dedupe_lock = threading.Lock()
        self._cached_router: tuple[list[ClientName], tuple[FilenameRule, ...], Router] | None = None
        self._busy = 0  # tasks submitted to the pools and not yet finished
        # Files watched folders delivered and not yet queued, by folder.
        self._arrivals: dict[WatchedFolder, list[Path]] = {}
        self._arrivals_lock = threading.Lock()
        self._arrivals_due = False  # a _take_arrivals is scheduled and has not started
        # Finished jobs the uploader reported and not yet settled: settled together.
        self._to_settle: list[UploadJob] = []
        self._to_settle_lock = threading.Lock()
        self._settling_due = False  # a _settle_reported is scheduled and has not started
        self._idle = threading.Condition()

    # -- taking files ------------------------------------------------------------
    def submit(
        self,
        paths: Iterable[Path],
        *,
        target: IntakeTarget = IntakeTarget(),
        source: str = "drag_drop",
        watched: WatchedFolder | None = None,
    ) -> BatchReport:
        """Queue every file under ``paths`` as one batch; hashing continues in the background.

        Blocking (walks folders): call it from a worker thread, not the GUI thread.
        """
        report = BatchReport(new_id())
        uploads: list[NewUpload] = []
        walked: list[tuple[WalkEntry, str]] = []
        root = watched.path if watched is not None else None
        for entry in walk_files(paths, should_stop=self._closed.is_set):
            if entry.ignored is not None:
                report.ignored.append((str(entry.path), entry.ignored))
                continue
            walked.append((entry, str(entry.path)))
        # One look at the ledger for the whole batch, not one transaction per file.
        known = self.ledger.seen_many([(path, e.size, e.mtime_ns) for e, path in walked])
        found: list[tuple[WalkEntry, str]] = []
        for entry, path in walked:
            seen = known.get((path, entry.size, entry.mtime_ns))
            if seen is not None and not self._put_back(seen):
                report.already_taken += 1
                continue
            found.append((entry, path))
        in_flight = self._in_flight([path for _entry, path in found])
        for entry, path in found:
            if path in in_flight:
                # A newer version of a file being taken: its job reads it again
                # before sending (the uploader re-checks size and time), so a
                # second job would only race the first for the same file.
                report.already_taken += 1
                continue
            uploads.append(
                NewUpload(
                    path=path,
                    file_name=upload_file_name(entry.path),
                    size=entry.size,
                    mtime_ns=entry.mtime_ns,
                    source=source,
                    batch_id=report.batch_id,
                    watched_root=str(root) if root is not None else None,
                    client_id=target.client_id,
                    category=target.category,
                    year=target.year,
                    upload_id=new_id(),
                )
            )
        if uploads:
            self.queue.add(uploads)
            self.ledger.record_queued(
                [(u.path, u.size, u.mtime_ns, u.upload_id or "") for u in uploads]
            )
            report.queued = len(uploads)
            self._hash_later([u.upload_id for u in uploads if u.upload_id])
        return report

    def submit_in_background(self, paths: Sequence[Path], **options: object) -> Future[BatchReport]:
        """``submit`` on a worker thread (what the window calls on a drop)."""
        return self._walker.submit(self.submit, paths, **options)  # type: ignore[arg-type]

    def take_from_folder(self, path: Path, folder: WatchedFolder) -> None:
        """A stable file a watched folder delivered (called on the watcher's thread).

        Returns at once: the files a folder delivers while the previous ones are
        being queued are queued together, as one batch. Queued one by one, a
        folder receiving thousands of files spends most of its time committing.
        """
        with self._arrivals_lock:
            self._arrivals.setdefault(folder, []).append(path)
            if self._arrivals_due:
                return
            self._arrivals_due = True
        self._in_pool(self._take_arrivals, pool=self._walker)

    def _take_arrivals(self) -> None:
        with self._arrivals_lock:
            arrivals, self._arrivals = self._arrivals, {}
            self._arrivals_due = False
        for folder, paths in arrivals.items():
            try:
                self.submit(
                    paths,
                    target=IntakeTarget(client_id=folder.client_id),
                    source="watched_folder",
                    watched=folder,
                )
            except Exception:
                # Not in the ledger, so not lost: the folder's walk at the next
                # start offers these files again.
                log.exception("queueing %d files from %s failed", len(paths), folder.path)

    def resume(self) -> None:
        """At start: hash what a crash left unhashed, and settle what finished unsettled."""
        waiting = [job.upload_id for job in self.queue.jobs(["hashing"])]
        self._hash_later(waiting)
        self._settle_all(self.queue.unsettled_finished())

    # -- the person's decisions ------------------------------------------------------
    def assign(
        self,
        upload_ids: Iterable[str],
        client_id: str,
        *,
        category: str | None = None,
        year: int | None = None,
    ) -> int:
        """Send unsorted files to ``client_id`` (the triage list's Enter)."""
        count = 0
        for upload_id in upload_ids:
            job = self.queue.get(upload_id)
            if job is None or job.state != "unsorted":
                continue
            self.queue.update(
                upload_id,
                client_id=client_id,
                category=category or job.category,
                year=year or job.year,
                state="waiting",
                reason=None,
                route_confidence=1.0,
                route_reason="assigned by hand",
            )
            count += 1
        if count:
            self._on_queued()
        return count

    def retry(self, upload_ids: Iterable[str]) -> int:
        """Check and hash failed (or cancelled) files again, then send them."""
        ids = list(upload_ids)
        count = self.queue.set_state(ids, "hashing", only_from=("failed", "cancelled"))
        for upload_id in ids:
            self.queue.update(upload_id, settled=False, reason=None, offset=0)
        self._hash_later(ids)
        return count

    def rehash(self, upload_ids: Iterable[str]) -> None:
        """Check and hash again files the uploader found changed since they were hashed."""
        self._hash_later(list(upload_ids))

    def pause(self, upload_ids: Iterable[str]) -> int:
        return self.queue.set_state(
            upload_ids, "paused", only_from=("hashing", "waiting", "uploading", "unsorted")
        )

    def resume_jobs(self, upload_ids: Iterable[str]) -> int:
        ids = list(upload_ids)
        unhashed = [
            j.upload_id
            for j in self.queue.jobs(["paused"])
            if j.upload_id in set(ids) and j.sha256 is None
        ]
        count = self.queue.set_state(unhashed, "hashing", only_from=("paused",))
        count += self.queue.set_state(ids, "waiting", only_from=("paused",))
        self._hash_later(unhashed)
        self._on_queued()
        return count

    def cancel(self, upload_ids: Iterable[str]) -> int:
        return self.queue.set_state(
            upload_ids,
            "cancelled",
            reason="Cancelled in the upload queue.",
            only_from=("hashing", "waiting", "uploading", "paused", "unsorted"),
        )

    # -- after the server answered -------------------------------------------------
    def settle(self, job: UploadJob) -> None:
        """A job finished: record it in the ledger and tidy its watched folder."""
        self._settle_all([job])

    def settle_in_background(self, job: UploadJob) -> None:
        """``settle`` on a worker thread (the uploader calls this from the event loop)."""
        self.settle_all_in_background([job])

    def settle_all_in_background(self, jobs: Sequence[UploadJob]) -> None:
        """Settle finished jobs on a worker thread, together: one commit for their records.

        Jobs reported while earlier ones wait for a worker join them.
        """
        if not jobs:
            return
        with self._to_settle_lock:
            self._to_settle.extend(jobs)
            if self._settling_due:
                return
            self._settling_due = True
        self._in_pool(self._settle_reported)

    def close(self) -> None:
        self._closed.set()
        self._walker.shutdown(wait=True, cancel_futures=True)
        self._pool.shutdown(wait=True, cancel_futures=True)
        self.clients.close()
        self._limits.close()

    def _settle_reported(self) -> None:
        with self._to_settle_lock:
            jobs, self._to_settle = self._to_settle, []
            self._settling_due = False
        self._settle_all(jobs)

    def _settle_all(self, jobs: Sequence[UploadJob]) -> None:
        if not jobs:
            return
        try:
            self._settler.settle_many(jobs)
            return
        except Exception:  # a folder problem must not stop the uploads
            if len(jobs) == 1:
                log.exception("settling %s failed", jobs[0].path)
                return
            log.exception("settling %d files together failed; settling them one by one", len(jobs))
        for job in jobs:  # what one job's problem held back still gets settled
            self._settle_all([job])

    # -- hashing, checking, routing (worker threads) ---------------------------------
    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until no file is being checked, hashed or settled; False on timeout."""
        with self._idle:
            return self._idle.wait_for(lambda: self._busy == 0, timeout)

    def _in_pool(
        self, work: Callable[..., object], *args: object, pool: ThreadPoolExecutor | None = None
    ) -> None:
        """Run ``work(*args)`` on the hashing workers (or ``pool``), counted by ``wait_idle``."""
        if self._closed.is_set():
            return
        with self._idle:
            self._busy += 1

        def run() -> None:
            try:
                work(*args)
            finally:
                with self._idle:
                    self._busy -= 1
                    self._idle.notify_all()

        try:
            (pool or self._pool).submit(run)
        except RuntimeError:  # closed meanwhile
            with self._idle:
                self._busy -= 1
                self._idle.notify_all()

    def _hash_later(self, upload_ids: Sequence[str]) -> None:
        for upload_id in upload_ids:
            self._in_pool(self._prepare_logged, upload_id)

    def _prepare_logged(self, upload_id: str) -> None:
        try:
            self._prepare(upload_id)
        except Exception as error:  # keep the file; say what happened
            log.exception("preparing upload %s failed", upload_id)
            self.queue.update(
                upload_id,
                state="failed",
                reason=f"The file could not be prepared for upload ({error}). "
                "Retry it; if it fails again, send the file to support.",
            )

    def _prepare(self, upload_id: str) -> None:
        job = self.queue.get(upload_id)
        if job is None or job.state != "hashing" or self._closed.is_set():
            return
        limits = self._limits.current()
        prepared = prepare_file(Path(job.path), limits, should_stop=self._closed.is_set)
        if self._closed.is_set() or prepared.problem == "stopped":
            return
        route = self._route(job) if prepared.problem is None else None
        with self._dedupe_lock, self.store.transaction() as txn:
            # Checked, looked up and written in one commit: a job paused or
            # cancelled while its file was read stays as the person left it.
            if route is None:  # the file has a problem: the job fails, saying which
                placed = update_in(
                    txn,
                    upload_id,
                    only_from=("hashing",),
                    state="failed",
                    reason=prepared.reason,
                    mime_type=prepared.mime_type,
                    sha256=prepared.sha256,
                )
            else:
                placed = self._place(txn, job, prepared, route)
        if placed is None:
            return  # paused or cancelled while it was read: the person's word stands
        if placed.finished:
            self.settle_in_background(placed)
        elif placed.state == "waiting":
            self._on_queued()

    def _route(self, job: UploadJob) -> Route:
        root = Path(job.watched_root) if job.watched_root else None
        return self._router().route(_as_taken(Path(job.path), root), root)

    def _place(
        self, txn: WriteTxn, job: UploadJob, prepared: PreparedFile, route: Route
    ) -> UploadJob | None:
        """Duplicate, unsorted or waiting: where a checked, hashed file goes next.

        None when the job is no longer being hashed (the person paused or cancelled it).
        """
        assert prepared.sha256 is not None
        changes: dict[str, object] = {
            "sha256": prepared.sha256,
            "mime_type": prepared.mime_type,
            "size": prepared.size,
            "mtime_ns": prepared.mtime_ns,
        }
        known = self._known_document(txn.conn, prepared.sha256, job.upload_id)
        if known is not None:
            document_id, why = known
            changes.update(state="duplicate", document_id=document_id, reason=why)
        else:
            client_id = job.client_id
            state = "waiting"
            if client_id is None:
                client_id = route.client_id
                if not route.certain:
                    state = "unsorted"
            changes.update(
                state=state,
                client_id=client_id,
                category=job.category or route.category,
                year=job.year or route.year,
                route_confidence=1.0 if job.client_id else route.confidence,
                route_reason="chosen when the files were added" if job.client_id else route.reason,
            )
        placed = update_in(txn, job.upload_id, only_from=("hashing",), **changes)
        if placed is not None and (prepared.size, prepared.mtime_ns) != (job.size, job.mtime_ns):
            # The file changed since it was queued and this version is what goes:
            # remembered too, so a later scan does not take this version again.
            record_in(
                txn,
                job.path,
                prepared.size,
                prepared.mtime_ns,
                outcome="queued",
                upload_id=job.upload_id,
            )
        return placed

    def _router(self) -> Router:
        """One router while the clients and rules stay the same (its index is costly)."""
        names, rules = self.clients.names(), tuple(self._rules())
        cached = self._cached_router
        if cached is None or cached[0] is not names or cached[1] != rules:
            cached = (names, rules, Router(names, rules))
            self._cached_router = cached
        return cached[2]

    def _put_back(self, seen: LedgerEntry) -> bool:
        """Whether a file version taken before is to be taken again all the same.

        What the ``.error.txt`` advises: fix the problem, then move the file back.
        A file that failed is taken again once moved back (permissions given, the
        firm's size limit raised) or dropped again; one that was uploaded and is
        put back comes back as a duplicate of its document. A file intake left in
        place is not taken twice.
        """
        job = self.queue.get(seen.upload_id) if seen.upload_id else None
        moved_away = job is not None and job.finished and job.settled and job.path != seen.path
        if seen.outcome == "failed":
            # A cleared queue row says no more; a drop is the person asking again.
            return job is None or job.watched_root is None or moved_away
        return moved_away

    def _in_flight(self, paths: Sequence[str]) -> set[str]:
        """Those of ``paths`` that a job not yet finished is taking."""
        found: set[str] = set()
        if not paths:
            return found
        with reading(self.store.engine) as conn:
            for start in range(0, len(paths), _PATHS_PER_QUERY):
                query = sa.select(upload_queue.c.path).where(
                    upload_queue.c.state.in_(_IN_FLIGHT),
                    upload_queue.c.path.in_(paths[start : start + _PATHS_PER_QUERY]),
                )
                found.update(conn.execute(query).scalars())
        return found

    def _document_label(self, document_id: str | None) -> str:
        """How the existing document is named in a duplicate's note."""
        row = self.store.get("document", document_id) if document_id else None
        return f"“{row['fileName']}”" if row and row.get("fileName") else "an earlier upload"

    def _known_document(
        self, conn: sa.Connection, sha256: str, upload_id: str
    ) -> tuple[str | None, str] | None:
        """The document (or earlier job) that already has this content, and how it is known."""
        known = known_bytes_in(conn, sha256, upload_id)
        document_id = known.ledger_document or known.live_document
        if document_id is not None:
            return document_id, "The firm already has this file."
        twin = job_in(conn, known.twin) if known.twin is not None else None
        if twin is not None:
            return twin.document_id, f"Same content as “{twin.file_name}”, taken just before."
        return None


def _as_taken(path: Path, root: Path | None) -> Path:
    """Where a file sits for routing: one retried from ``.failed`` (or put in
    ``.processed/<date>``) is routed from its client's folder, as when first taken."""
    if root is None:
        return path
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        return path
    if parts[:1] in ((FAILED_FOLDER,), (DUPLICATES_FOLDER,)):
        return root.joinpath(*parts[1:])
    if parts[:1] == (PROCESSED_FOLDER,) and len(parts) > 2:
        return root.joinpath(*parts[2:])
    return path
