"""Which intake batches have finished, and which files just failed, read from the upload queue.

The accountant who drops 40 scans, or whose scanner fills a watched folder,
walks away; the tray tells them when the batch has gone ("40 files added to
Smith & Co") and when a file could not go. Nothing in the queue says "this
batch is over", so it is worked out by comparing two looks at the queue: a
batch is *open* while any of its files is being checked, waits, uploads or is
paused, and it has *finished* at the first look that finds none of them. A
batch first seen after the previous look (its files have higher queue numbers)
counts as new even when it finished in between.

Qt-free: the reads run on a worker thread (each its own short read, as the
queue's other readers do) and the bookkeeping is tested without a window.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import sqlalchemy as sa

from advisoros_desktop.store.database import reading
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.schema import upload_queue as _queue

# A batch with a file in one of these is not over yet (a paused file will still go).
OPEN_STATES = ("hashing", "waiting", "uploading", "paused")
_CHUNK = 500  # batch ids per statement, well under SQLite's limit on bound parameters


@dataclass(frozen=True)
class BatchCounts:
    """One batch's files by state, and the clients its files (not cancelled) go to."""

    batch_id: str
    states: Mapping[str, int]
    client_ids: frozenset[str]
    first_seq: int  # queue number of its first file

    @property
    def is_open(self) -> bool:
        return any(self.states.get(state, 0) for state in OPEN_STATES)

    def count(self, state: str) -> int:
        return self.states.get(state, 0)


@dataclass(frozen=True)
class QueueSnapshot:
    """The batches one look found (open, new or asked for) and the queue's last number."""

    batches: Mapping[str, BatchCounts]
    last_seq: int  # 0 for an empty queue


@dataclass(frozen=True)
class Progress:
    """What changed between two looks."""

    finished: tuple[BatchCounts, ...] = ()
    failed: Mapping[str, int] | None = None  # batch id -> files failed since the last look


@dataclass(frozen=True)
class BatchOutcome:
    """A finished batch as the accountant hears of it."""

    batch_id: str
    added: int
    failed: int
    unsorted: int  # waiting for the accountant to choose a client
    duplicates: int  # the firm had them already
    cancelled: int
    clients: tuple[str, ...]  # names of the clients its files went to


@dataclass(frozen=True)
class FailedFile:
    file_name: str
    reason: str


@dataclass(frozen=True)
class NewFailures:
    """Files of one batch that failed since the last look; ``examples`` names a few."""

    batch_id: str
    count: int
    examples: tuple[FailedFile, ...]


class BatchTracker:
    """The bookkeeping between looks; the first look only learns what is already there."""

    def __init__(self) -> None:
        self._open: dict[str, BatchCounts] = {}
        self._last_seq: int | None = None

    def looking_for(self) -> tuple[int | None, frozenset[str]]:
        """(queue number after which batches are new, or None at the first look;
        the batches open at the last look, which must be seen again to see them finish)."""
        return self._last_seq, frozenset(self._open)

    def advance(self, snapshot: QueueSnapshot) -> Progress:
        first_look = self._last_seq is None
        last_seq = self._last_seq or 0
        finished: list[BatchCounts] = []
        failed: dict[str, int] = {}
        still_open: dict[str, BatchCounts] = {}
        for batch in snapshot.batches.values():
            before = self._open.get(batch.batch_id)
            new = not first_look and before is None and batch.first_seq > last_seq
            if before is not None:
                more = batch.count("failed") - before.count("failed")
            elif new:
                more = batch.count("failed")
            else:  # there before this look began (or retried files reopened it): known
                more = 0
            if more > 0:
                failed[batch.batch_id] = more
            if batch.is_open:
                still_open[batch.batch_id] = batch
            elif before is not None or new:
                finished.append(batch)
        # A batch open before and absent now was removed (undone, cleared): nothing to say.
        self._open = still_open
        # The queue's highest number now, even when lower than before: "clear finished"
        # may empty the queue, and its numbers then start again from 1.
        self._last_seq = snapshot.last_seq
        return Progress(tuple(finished), failed)


def _chunks(items: Iterable[str]) -> list[list[str]]:
    listed = sorted(items)
    return [listed[i : i + _CHUNK] for i in range(0, len(listed), _CHUNK)]


def read_snapshot(
    store: LocalStore, since_seq: int | None, tracked: Iterable[str] = ()
) -> QueueSnapshot:
    """The open batches, those with files numbered after ``since_seq``, and ``tracked``.

    Blocking: two grouped reads over the queue (milliseconds for 10,000 files);
    call it off the GUI thread.
    """
    columns = (
        _queue.c.batch_id,
        _queue.c.state,
        _queue.c.client_id,
        sa.func.count(),
        sa.func.min(_queue.c.seq),
    )
    lively: sa.ColumnElement[bool] = _queue.c.state.in_(OPEN_STATES)
    if since_seq is not None:
        lively = sa.or_(lively, _queue.c.seq > since_seq)
    wanted = sa.select(_queue.c.batch_id).where(lively)
    queries = [sa.select(*columns).where(_queue.c.batch_id.in_(wanted))]
    queries += [
        sa.select(*columns).where(_queue.c.batch_id.in_(chunk)) for chunk in _chunks(tracked)
    ]
    states: dict[str, dict[str, int]] = {}
    clients: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    seen: set[tuple[str, str, str | None]] = set()
    with reading(store.engine) as conn:
        last_seq = int(conn.execute(sa.select(sa.func.max(_queue.c.seq))).scalar() or 0)
        for query in queries:
            grouped = query.group_by(_queue.c.batch_id, _queue.c.state, _queue.c.client_id)
            for batch_id, state, client_id, count, min_seq in conn.execute(grouped):
                if (batch_id, state, client_id) in seen:  # open and tracked: read twice
                    continue
                seen.add((batch_id, state, client_id))
                by_state = states.setdefault(batch_id, {})
                by_state[state] = by_state.get(state, 0) + int(count)
                if client_id is not None and state != "cancelled":
                    clients.setdefault(batch_id, set()).add(client_id)
                first[batch_id] = min(first.get(batch_id, int(min_seq)), int(min_seq))
    batches = {
        batch_id: BatchCounts(
            batch_id, by_state, frozenset(clients.get(batch_id, ())), first[batch_id]
        )
        for batch_id, by_state in states.items()
    }
    return QueueSnapshot(batches, last_seq)


def failed_files(store: LocalStore, batch_id: str, limit: int) -> tuple[FailedFile, ...]:
    """The batch's most recently failed files, newest first (blocking)."""
    query = (
        sa.select(_queue.c.file_name, _queue.c.reason)
        .where(_queue.c.batch_id == batch_id, _queue.c.state == "failed")
        .order_by(_queue.c.updated_at.desc(), _queue.c.seq.desc())
        .limit(max(0, limit))
    )
    with reading(store.engine) as conn:
        return tuple(FailedFile(name, reason or "") for name, reason in conn.execute(query))


def client_names(store: LocalStore, client_ids: Iterable[str]) -> tuple[str, ...]:
    """The clients' names, sorted; a client the cache no longer has is left out (blocking)."""
    found = store.get_many("client", client_ids, ("businessName",))
    return tuple(sorted(str(row["businessName"]) for row in found.values()))


def outcome_of(batch: BatchCounts, clients: tuple[str, ...]) -> BatchOutcome:
    return BatchOutcome(
        batch.batch_id,
        added=batch.count("done"),
        failed=batch.count("failed"),
        unsorted=batch.count("unsorted"),
        duplicates=batch.count("duplicate"),
        cancelled=batch.count("cancelled"),
        clients=clients,
    )
