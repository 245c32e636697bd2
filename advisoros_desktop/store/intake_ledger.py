"""The intake ledger: every version of a file intake has seen, and what became of it.

A watched folder is scanned again on every start and after every sleep; the
ledger is how a file already taken is known and left alone, by its path, size
and modification time, across restarts and crashes. A file renamed or copied
elsewhere is known by its SHA-256 and linked to the document it already is,
so no file reaches the firm twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from advisoros_desktop.store.database import reading
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.schema import ENTITY_TABLES, intake_ledger
from advisoros_desktop.store.transaction import WriteTxn
from advisoros_desktop.store.upload_queue import UploadJob, job_in

OUTCOMES = ("queued", "uploaded", "duplicate", "failed", "ignored")

_documents = ENTITY_TABLES["document"]
# Found through ``ix_documents_checksum``; a live document before an archived one.
LIVE_BY_CHECKSUM = (
    sa.select(_documents.c.id)
    .where(
        _documents.c.checksum == sa.bindparam("sha256"),
        _documents.c.deletedAt.is_(None),
        _documents.c.localDeleted.is_(False),
    )
    .order_by(_documents.c.isArchived, _documents.c.createdAt)
    .limit(1)
)


@dataclass(frozen=True)
class LedgerEntry:
    id: int
    path: str
    size: int
    mtime_ns: int
    sha256: str | None
    outcome: str
    document_id: str | None
    upload_id: str | None
    reason: str | None
    recorded_at: str


def _entry(row: Any) -> LedgerEntry:
    return LedgerEntry(**row._mapping)


def _check_outcome(outcome: str) -> None:
    if outcome not in OUTCOMES:
        raise ValueError(f"'{outcome}' is not an intake outcome (one of {', '.join(OUTCOMES)}).")


_SEEN = (
    sa.select(intake_ledger)
    .where(
        intake_ledger.c.path == sa.bindparam("path"),
        intake_ledger.c.size == sa.bindparam("size"),
        intake_ledger.c.mtime_ns == sa.bindparam("mtime_ns"),
    )
    .order_by(intake_ledger.c.id.desc())
    .limit(1)
)
# Every entry for some paths (``ix_intake_ledger_file``), oldest first: a walk's check.
_SEEN_PATHS = (
    sa.select(intake_ledger)
    .where(intake_ledger.c.path.in_(sa.bindparam("paths", expanding=True)))
    .order_by(intake_ledger.c.id)
)
_BY_SHA = (
    sa.select(intake_ledger)
    .where(
        intake_ledger.c.sha256 == sa.bindparam("sha256"),
        intake_ledger.c.document_id.is_not(None),
    )
    .order_by(intake_ledger.c.id.desc())
    .limit(1)
)
_INSERT = intake_ledger.insert()
# The latest entry for the upload (``ix_intake_ledger_upload``) gets how it ended.
_LATEST_OF_UPLOAD = (
    sa.select(sa.func.max(intake_ledger.c.id))
    .where(intake_ledger.c.upload_id == sa.bindparam("_upload_id"))
    .scalar_subquery()
)
_COMPLETE = (
    intake_ledger.update()
    .where(intake_ledger.c.id == _LATEST_OF_UPLOAD)
    .values(
        outcome=sa.bindparam("_outcome"),
        document_id=sa.func.coalesce(sa.bindparam("_document_id"), intake_ledger.c.document_id),
        sha256=sa.func.coalesce(intake_ledger.c.sha256, sa.bindparam("_sha256")),
        reason=sa.bindparam("_reason"),
        recorded_at=sa.bindparam("_now"),
    )
)
_PATHS_PER_QUERY = 500  # well under SQLite's limit on bound parameters

FileVersion = tuple[str, int, int]  # path, size, mtime_ns


class IntakeLedger:
    def __init__(self, store: LocalStore) -> None:
        self._store = store

    def seen(self, path: str, size: int, mtime_ns: int) -> LedgerEntry | None:
        """The latest entry for exactly this version of the file, None if never seen."""
        with reading(self._store.engine) as conn:
            row = conn.execute(_SEEN, {"path": path, "size": size, "mtime_ns": mtime_ns}).first()
        return _entry(row) if row is not None else None

    def seen_many(self, files: Sequence[FileVersion]) -> dict[FileVersion, LedgerEntry]:
        """``seen`` for many file versions at once: those known, with their latest entry.

        A 2,000-file drop is checked in a few queries, not 2,000 transactions.
        """
        wanted = set(files)
        found: dict[FileVersion, LedgerEntry] = {}
        paths = list(dict.fromkeys(path for path, _size, _mtime in files))
        if not paths:
            return found
        with reading(self._store.engine) as conn:
            for start in range(0, len(paths), _PATHS_PER_QUERY):
                chunk = paths[start : start + _PATHS_PER_QUERY]
                for row in conn.execute(_SEEN_PATHS, {"paths": chunk}):
                    key = (row.path, row.size, row.mtime_ns)
                    if key in wanted:
                        found[key] = _entry(row)  # oldest first: the latest wins
        return found

    def by_sha(self, sha256: str) -> LedgerEntry | None:
        """The latest entry linking these bytes to a document (uploaded or duplicate)."""
        with reading(self._store.engine) as conn:
            row = conn.execute(_BY_SHA, {"sha256": sha256}).first()
        return _entry(row) if row is not None else None

    def record(
        self,
        path: str,
        size: int,
        mtime_ns: int,
        *,
        outcome: str,
        sha256: str | None = None,
        document_id: str | None = None,
        upload_id: str | None = None,
        reason: str | None = None,
    ) -> int:
        """Write down what became of this file version; returns the entry's id."""
        _check_outcome(outcome)
        with self._store.transaction() as txn:
            return record_in(
                txn,
                path,
                size,
                mtime_ns,
                outcome=outcome,
                sha256=sha256,
                document_id=document_id,
                upload_id=upload_id,
                reason=reason,
            )

    def record_queued(self, files: Sequence[tuple[str, int, int, str]]) -> None:
        """Note many file versions (path, size, mtime_ns, upload id) as queued, in one commit.

        A 2,000-file drop is recorded at once: one durable commit, not 2,000.
        """
        if not files:
            return
        with self._store.transaction() as txn:
            txn.conn.execute(
                _INSERT,
                [
                    {
                        "path": path,
                        "size": size,
                        "mtime_ns": mtime_ns,
                        "outcome": "queued",
                        "upload_id": upload_id,
                        "recorded_at": txn.now,
                    }
                    for path, size, mtime_ns, upload_id in files
                ],
            )
            txn.uploads = True

    def record_outcome(
        self,
        upload_id: str,
        *,
        outcome: str,
        document_id: str | None = None,
        reason: str | None = None,
    ) -> None:
        """Update the entry made for that upload with how it ended.

        The entry also gets the file's SHA-256 from the queue when it was
        written before the file was hashed, so the bytes are known later under
        any name. With no entry for the upload (one was never written), one is
        made from the queue row; with neither, there is nothing to record.
        """
        _check_outcome(outcome)
        with self._store.transaction() as txn:
            record_outcome_in(
                txn, upload_id, outcome=outcome, document_id=document_id, reason=reason
            )

    def forget_document(self, document_id: str) -> int:
        """Forget the files that became (or were linked to) this document; how many entries.

        After an intake batch is undone its files may be taken again. Every
        entry for the same file versions goes too, so an older entry (a failed
        first try) cannot make the file look already taken.
        """
        with self._store.transaction() as txn:
            linked = (
                sa.select(intake_ledger.c.path, intake_ledger.c.size, intake_ledger.c.mtime_ns)
                .where(intake_ledger.c.document_id == document_id)
                .subquery()
            )
            gone = txn.conn.execute(
                intake_ledger.delete().where(
                    sa.or_(
                        intake_ledger.c.document_id == document_id,
                        sa.tuple_(
                            intake_ledger.c.path, intake_ledger.c.size, intake_ledger.c.mtime_ns
                        ).in_(sa.select(linked)),
                    )
                )
            ).rowcount
            txn.uploads = gone > 0
        return int(gone)


# -- inside a caller's transaction (intake places and settles a file in one commit) --
def record_in(
    txn: WriteTxn,
    path: str,
    size: int,
    mtime_ns: int,
    *,
    outcome: str,
    sha256: str | None = None,
    document_id: str | None = None,
    upload_id: str | None = None,
    reason: str | None = None,
) -> int:
    """``IntakeLedger.record`` inside ``txn``."""
    _check_outcome(outcome)
    return _insert(
        txn,
        path=path,
        size=size,
        mtime_ns=mtime_ns,
        sha256=sha256,
        outcome=outcome,
        document_id=document_id,
        upload_id=upload_id,
        reason=reason,
    )


def record_outcome_in(
    txn: WriteTxn,
    upload_id: str,
    *,
    outcome: str,
    document_id: str | None = None,
    reason: str | None = None,
    job: UploadJob | None = None,
) -> None:
    """``IntakeLedger.record_outcome`` inside ``txn``; ``job``: its queue row, if read already."""
    _check_outcome(outcome)
    if job is None:
        job = job_in(txn.conn, upload_id)
    sha256 = job.sha256 if job is not None else None
    completed = txn.conn.execute(
        _COMPLETE,
        {
            "_upload_id": upload_id,
            "_outcome": outcome,
            "_document_id": document_id,
            "_sha256": sha256,
            "_reason": reason,
            "_now": txn.now,
        },
    ).rowcount
    if completed:
        txn.uploads = True
    elif job is not None:
        _insert(
            txn,
            path=job.path,
            size=job.size,
            mtime_ns=job.mtime_ns,
            sha256=sha256,
            outcome=outcome,
            document_id=document_id,
            upload_id=upload_id,
            reason=reason,
        )


def _insert(txn: WriteTxn, **values: Any) -> int:
    key = txn.conn.execute(_INSERT, {**values, "recorded_at": txn.now}).inserted_primary_key
    txn.uploads = True
    assert key is not None  # an INSERT of one row always has its key
    return int(key[0])


def live_document_with_checksum(store: LocalStore, sha256: str) -> str | None:
    """A document the firm already holds with these bytes, None when there is none.

    An archived document counts (the firm has the file); a deleted one, or one
    being deleted here, does not.
    """
    with reading(store.engine) as conn:
        document_id: str | None = conn.execute(LIVE_BY_CHECKSUM, {"sha256": sha256}).scalar()
    return document_id
