"""The upload queue: every file intake took, from its first stat to the server's answer.

A row is written, with the id the server will know the upload by, before a
byte of the file is read or sent: after a crash, sleep or a dropped network
the upload resumes from the offset the server holds instead of starting a
second one, and nothing the accountant dropped is forgotten.

Hashing workers, the uploader and the GUI write here at the same time, each
through its own short ``store.transaction()``: SQLite's write lock, taken up
front, with the engine's busy timeout, makes them queue. Every committed
change tells the store's observers (``ChangeSet.uploads``) so the intake view
refreshes by itself. Intake also changes jobs inside a transaction of its own
(``job_in``, ``update_in``, ``link_twins_in``), so that placing or settling a
file, ledger entry included, is one commit.

Each file passes here several times on its way, so the statements are built
once, and an update returns the new row (``RETURNING``) instead of reading it
again.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from typing import Any

import sqlalchemy as sa

from advisoros_desktop.domain.ids import is_valid_id, new_id
from advisoros_desktop.store.database import reading
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.schema import upload_queue as _queue
from advisoros_desktop.store.transaction import WriteTxn

FINISHED = frozenset({"duplicate", "done", "failed", "cancelled"})
STATES = (
    "hashing",
    "unsorted",
    "waiting",
    "uploading",
    "paused",
    "duplicate",
    "done",
    "failed",
    "cancelled",
)
SOURCES = ("drag_drop", "watched_folder", "desktop")
# Jobs whose bytes will never go (or go no further): left out of the progress totals.
_NOT_SENDING = ("cancelled", "failed", "duplicate")
# States that can still become (or already are) the document for their bytes.
_MAY_HOLD_BYTES = tuple(s for s in STATES if s not in _NOT_SENDING)
_FIXED = frozenset({"upload_id", "seq"})
_CHUNK = 500  # ids per statement, well under SQLite's limit on bound parameters
_MAX_NAME = 255


@dataclass(frozen=True)
class NewUpload:
    """A file intake hands over to be queued."""

    path: str
    file_name: str
    size: int
    mtime_ns: int
    source: str
    batch_id: str
    watched_root: str | None = None
    client_id: str | None = None
    category: str | None = None
    year: int | None = None
    mime_type: str | None = None
    sha256: str | None = None
    state: str = "hashing"
    reason: str | None = None
    route_confidence: float | None = None
    route_reason: str | None = None
    upload_id: str | None = None  # a new id when None


@dataclass(frozen=True)
class UploadJob:
    """One queue row, every column."""

    upload_id: str
    seq: int
    batch_id: str
    path: str
    watched_root: str | None
    file_name: str
    size: int
    mtime_ns: int
    sha256: str | None
    mime_type: str | None
    client_id: str | None
    category: str | None
    year: int | None
    source: str
    route_confidence: float | None
    route_reason: str | None
    state: str
    offset: int  # bytes the server has confirmed
    document_id: str | None
    reason: str | None
    attempts: int
    settled: bool
    created_at: str
    updated_at: str

    @property
    def finished(self) -> bool:
        return self.state in FINISHED


@dataclass(frozen=True)
class QueueTotals:
    files: dict[str, int]  # state -> count, finished jobs included
    bytes_total: int  # size of the jobs not cancelled, failed or duplicate
    bytes_done: int  # what of those the server holds (a done job counts whole)


_COLUMNS = frozenset(_queue.c.keys())
_NEW_FIELDS = tuple(f.name for f in fields(NewUpload))

# Statements built once: building and keying a statement costs more than SQLite
# running it, and the uploader and the hashing workers run these for every file.
_BY_ID = sa.select(_queue).where(_queue.c.upload_id == sa.bindparam("upload_id"))
_LAST_SEQ = sa.select(sa.func.max(_queue.c.seq))
_INSERT = _queue.insert()
_NEXT_TO_SEND = (
    sa.select(_queue)
    .where(
        _queue.c.state == "waiting",
        _queue.c.upload_id.not_in(sa.bindparam("exclude", expanding=True)),
    )
    .order_by(_queue.c.seq)
    .limit(sa.bindparam("limit"))
)
_COUNT_ALL = sa.select(sa.func.count()).select_from(_queue)
_COUNT_IN = _COUNT_ALL.where(_queue.c.state.in_(sa.bindparam("states", expanding=True)))
_CLAIM = (
    _queue.update()
    .where(_queue.c.upload_id == sa.bindparam("_id"), _queue.c.state == "waiting")
    .values(
        state="uploading",
        reason=None,
        attempts=_queue.c.attempts + 1,
        updated_at=sa.bindparam("now"),
    )
    .returning(*_queue.c)
)
# Twins: duplicates of a file that was still on its way when they were hashed.
# Found by checksum (ix_upload_queue_sha256); the unary + keeps SQLite from
# choosing the state index, which would walk every duplicate in the queue.
_LINK_TWINS = (
    _queue.update()
    .where(
        _queue.c.sha256 == sa.bindparam("_sha256"),
        sa.literal_column("+upload_queue.state") == "duplicate",
        _queue.c.document_id.is_(None),
    )
    .values(document_id=sa.bindparam("_document_id"), updated_at=sa.bindparam("now"))
    .returning(_queue.c.upload_id)
)
_TWIN = (_queue.c.sha256 == sa.bindparam("sha256"), _queue.c.state.in_(_MAY_HOLD_BYTES))
_TWIN_IN_QUEUE = sa.select(_queue).where(*_TWIN).order_by(_queue.c.seq).limit(1)
_ASKING_SEQ = (
    sa.select(_queue.c.seq).where(_queue.c.upload_id == sa.bindparam("exclude")).scalar_subquery()
)
_EARLIER = (
    _queue.c.upload_id != sa.bindparam("exclude"),
    sa.or_(_ASKING_SEQ.is_(None), _queue.c.seq < _ASKING_SEQ),
)
_EARLIER_TWIN_IN_QUEUE = _TWIN_IN_QUEUE.where(*_EARLIER)
# The id of that earlier twin, to ask together with other questions (``known_bytes``).
EARLIER_TWIN_ID = (
    sa.select(_queue.c.upload_id)
    .where(*_TWIN, *_EARLIER)
    .order_by(_queue.c.seq)
    .limit(1)
    .scalar_subquery()
)


@functools.cache
def _update_statement(columns: frozenset[str], only_from: tuple[str, ...] | None) -> Any:
    """One job's UPDATE of ``columns`` (bound as ``v_<column>``), returning the new row."""
    statement = _queue.update().where(_queue.c.upload_id == sa.bindparam("_id"))
    if only_from is not None:
        statement = statement.where(_queue.c.state.in_(only_from))
    values: dict[str, Any] = {name: sa.bindparam(f"v_{name}") for name in columns}
    values["updated_at"] = sa.bindparam("now")
    return statement.values(values).returning(*_queue.c)


@functools.cache
def _set_state_statement(only_from: tuple[str, ...] | None) -> Any:
    statement = _queue.update().where(_queue.c.upload_id.in_(sa.bindparam("ids", expanding=True)))
    if only_from is not None:
        statement = statement.where(_queue.c.state.in_(only_from))
    return statement.values(
        state=sa.bindparam("v_state"),
        reason=sa.bindparam("v_reason"),
        updated_at=sa.bindparam("now"),
    )


def _job(row: Any) -> UploadJob:
    values = dict(row._mapping)
    values["settled"] = bool(values["settled"])
    return UploadJob(**values)


def _chunks(items: Iterable[str]) -> Iterator[list[str]]:
    wanted = list(dict.fromkeys(items))
    for start in range(0, len(wanted), _CHUNK):
        yield wanted[start : start + _CHUNK]


def _state_list(states: Iterable[str]) -> list[str]:
    # One state given as a bare string means that state, not its letters.
    return [states] if isinstance(states, str) else list(states)


def _check_state(state: str) -> None:
    if state not in STATES:
        raise ValueError(f"'{state}' is not an upload state (one of {', '.join(STATES)}).")


def _check_new(upload: NewUpload) -> None:
    _check_state(upload.state)
    if upload.source not in SOURCES:
        raise ValueError(f"'{upload.source}' is not an upload source ({', '.join(SOURCES)}).")
    if not upload.file_name or len(upload.file_name) > _MAX_NAME:
        raise ValueError(f"The file name of {upload.path} must be 1 to {_MAX_NAME} characters.")
    if upload.size < 0:
        raise ValueError(f"{upload.path} cannot have a negative size.")
    if upload.upload_id is not None and not is_valid_id(upload.upload_id):
        raise ValueError(f"'{upload.upload_id}' is not an upload id.")


def _check_changes(changes: dict[str, Any]) -> None:
    unknown = changes.keys() - _COLUMNS
    if unknown:
        raise ValueError(f"The upload queue has no column {', '.join(sorted(unknown))}.")
    fixed = changes.keys() & _FIXED
    if fixed:
        raise ValueError(f"An upload's {', '.join(sorted(fixed))} cannot change.")
    if "state" in changes:
        _check_state(changes["state"])
    if "settled" in changes:
        changes["settled"] = int(bool(changes["settled"]))


# -- inside a caller's transaction (intake settles and places a file in one commit) --
def job_in(conn: sa.Connection, upload_id: str) -> UploadJob | None:
    """The job as this transaction sees it."""
    row = conn.execute(_BY_ID, {"upload_id": upload_id}).first()
    return _job(row) if row is not None else None


def update_in(
    txn: WriteTxn,
    upload_id: str,
    *,
    only_from: Iterable[str] | None = None,
    **changes: Any,
) -> UploadJob | None:
    """``UploadQueue.update`` inside ``txn``."""
    _check_changes(changes)
    allowed = None if only_from is None else tuple(_state_list(only_from))
    statement = _update_statement(frozenset(changes), allowed)
    params = {f"v_{name}": value for name, value in changes.items()}
    row = txn.conn.execute(statement, {**params, "_id": upload_id, "now": txn.now}).first()
    if row is None:
        return None
    txn.uploads = True
    return _job(row)


def link_twins_in(txn: WriteTxn, sha256: str, document_id: str) -> list[str]:
    """Give duplicates still waiting for the document of their bytes that document.

    A file dropped twice in one batch is a duplicate of the first before the
    first is a document; once it is, the twins know it. Returns their ids.
    """
    found = txn.conn.execute(
        _LINK_TWINS, {"_sha256": sha256, "_document_id": document_id, "now": txn.now}
    ).scalars()
    twins = list(found)
    txn.uploads = txn.uploads or bool(twins)
    return twins


class UploadQueue:
    def __init__(self, store: LocalStore) -> None:
        self._store = store

    @property
    def store(self) -> LocalStore:
        return self._store

    # -- writes ------------------------------------------------------------------
    def add(self, uploads: Sequence[NewUpload]) -> list[str]:
        """Queue files in one transaction, after the ones already queued; returns their ids.

        Everything is checked first: a bad entry raises ``ValueError`` and queues nothing.
        """
        for upload in uploads:
            _check_new(upload)
        if not uploads:
            return []
        with self._store.transaction() as txn:
            last = txn.conn.execute(_LAST_SEQ).scalar() or 0
            rows = []
            for number, upload in enumerate(uploads, start=last + 1):
                values = {name: getattr(upload, name) for name in _NEW_FIELDS}
                values["upload_id"] = upload.upload_id or new_id()
                values.update(
                    seq=number,
                    offset=0,
                    document_id=None,
                    attempts=0,
                    settled=0,
                    created_at=txn.now,
                    updated_at=txn.now,
                )
                rows.append(values)
            txn.conn.execute(_INSERT, rows)
            txn.uploads = True
        return [row["upload_id"] for row in rows]

    def update(
        self, upload_id: str, *, only_from: Iterable[str] | None = None, **changes: Any
    ) -> UploadJob | None:
        """Change any columns but the id and the queue order; the new row, None if absent.

        With ``only_from``, only a job now in one of those states changes (None otherwise).
        """
        _check_changes(changes)  # before the write lock is taken
        with self._store.transaction() as txn:
            return update_in(txn, upload_id, only_from=only_from, **changes)

    def claim(self, upload_id: str) -> UploadJob | None:
        """Take a ``waiting`` job for sending (one more attempt); None if it is not waiting."""
        with self._store.transaction() as txn:
            row = txn.conn.execute(_CLAIM, {"_id": upload_id, "now": txn.now}).first()
            if row is None:
                return None
            txn.uploads = True
        return _job(row)

    def set_state(
        self,
        upload_ids: Iterable[str],
        state: str,
        *,
        reason: str | None = None,
        only_from: Iterable[str] | None = None,
    ) -> int:
        """Put many jobs in ``state`` with ``reason`` (None clears it); how many changed.

        With ``only_from``, only jobs now in one of those states change: pause
        takes waiting and uploading jobs, resume paused ones, retry failed ones.
        """
        _check_state(state)
        allowed = None if only_from is None else tuple(_state_list(only_from))
        statement = _set_state_statement(allowed)
        changed = 0
        with self._store.transaction() as txn:
            for chunk in _chunks(upload_ids):
                params = {"ids": chunk, "v_state": state, "v_reason": reason, "now": txn.now}
                changed += txn.conn.execute(statement, params).rowcount
            txn.uploads = changed > 0
        return changed

    def mark_settled(self, upload_id: str) -> None:
        """The source file has been dealt with; the job may now be cleared."""
        self.update(upload_id, settled=True)

    def clear_finished(self) -> int:
        """Remove finished jobs whose source files are dealt with; how many went."""
        with self._store.transaction() as txn:
            gone = txn.conn.execute(
                _queue.delete().where(_queue.c.state.in_(FINISHED), _queue.c.settled == 1)
            ).rowcount
            txn.uploads = gone > 0
        return int(gone)

    # -- reads -------------------------------------------------------------------
    def get(self, upload_id: str) -> UploadJob | None:
        with reading(self._store.engine) as conn:
            return job_in(conn, upload_id)

    def jobs(
        self,
        states: Iterable[str] | None = None,
        *,
        batch_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[UploadJob]:
        """Jobs in queue order, optionally only those in ``states`` / of one batch."""
        query = sa.select(_queue).order_by(_queue.c.seq)
        if states is not None:
            query = query.where(_queue.c.state.in_(_state_list(states)))
        if batch_id is not None:
            query = query.where(_queue.c.batch_id == batch_id)
        if limit is not None:
            query = query.limit(limit)
        if offset:
            query = query.offset(offset)
        with reading(self._store.engine) as conn:
            return [_job(row) for row in conn.execute(query)]

    def count(self, states: Iterable[str] | None = None) -> int:
        with reading(self._store.engine) as conn:
            if states is None:
                return int(conn.execute(_COUNT_ALL).scalar_one())
            return int(conn.execute(_COUNT_IN, {"states": _state_list(states)}).scalar_one())

    def next_to_send(self, limit: int, *, exclude: Collection[str] = ()) -> list[UploadJob]:
        """The first ``limit`` waiting jobs, leaving out ``exclude`` (those being sent)."""
        if limit <= 0:
            return []
        with reading(self._store.engine) as conn:
            found = conn.execute(_NEXT_TO_SEND, {"exclude": list(exclude), "limit": limit})
            return [_job(row) for row in found]

    def totals(self) -> QueueTotals:
        """Counts by state and the bytes to send and sent, for the progress bar."""
        sent = sa.func.min(_queue.c.offset, _queue.c.size)
        query = sa.select(
            _queue.c.state,
            sa.func.count(),
            sa.func.coalesce(sa.func.sum(_queue.c.size), 0),
            sa.func.coalesce(sa.func.sum(sent), 0),
        ).group_by(_queue.c.state)
        with reading(self._store.engine) as conn:
            rows = conn.execute(query).all()
        files: dict[str, int] = {}
        bytes_total = bytes_done = 0
        for state, count, size, offset in rows:
            files[state] = int(count)
            if state in _NOT_SENDING:
                continue
            bytes_total += int(size)
            bytes_done += int(size) if state == "done" else int(offset)
        return QueueTotals(files, bytes_total, bytes_done)

    def unsettled_finished(self) -> list[UploadJob]:
        """Finished jobs whose source file is still to be moved, deleted or left."""
        return self._where(_queue.c.state.in_(FINISHED), _queue.c.settled == 0)

    def batch_document_ids(self, batch_id: str) -> list[str]:
        """The documents this batch created (not those its duplicates were linked to)."""
        query = (
            sa.select(_queue.c.document_id)
            .where(
                _queue.c.batch_id == batch_id,
                _queue.c.state == "done",
                _queue.c.document_id.is_not(None),
            )
            .order_by(_queue.c.seq)
        )
        with reading(self._store.engine) as conn:
            return [document_id for (document_id,) in conn.execute(query)]

    def sha_in_queue(self, sha256: str, *, exclude: str | None = None) -> UploadJob | None:
        """The first job with these bytes that is or may become their document.

        With ``exclude`` (the job asking), only jobs queued before it count, so of
        two identical files hashed at the same moment the later one is the
        duplicate and the earlier one is sent: never both marked duplicate.
        """
        with reading(self._store.engine) as conn:
            if exclude is None:
                row = conn.execute(_TWIN_IN_QUEUE, {"sha256": sha256}).first()
            else:
                params = {"sha256": sha256, "exclude": exclude}
                row = conn.execute(_EARLIER_TWIN_IN_QUEUE, params).first()
        return _job(row) if row is not None else None

    def _where(self, *terms: Any, limit: int | None = None) -> list[UploadJob]:
        query = sa.select(_queue).where(*terms).order_by(_queue.c.seq)
        if limit is not None:
            query = query.limit(limit)
        with reading(self._store.engine) as conn:
            return [_job(row) for row in conn.execute(query)]
