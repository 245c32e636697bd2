"""Write transactions that remember what they touched, and the observers told after commit.

Views refresh from these notices: nobody emits a "changed" signal by hand,
and nobody is told about a change that was rolled back.

Observers are called on the thread that committed: the sync engine writes
pages from a worker thread, so a Qt observer must hand the notice to the GUI
thread (a queued signal does).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

import sqlalchemy as sa

from advisoros_desktop.database_setup import utc_now

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ChangeSet:
    """What one committed transaction changed."""

    records: Mapping[str, frozenset[str]]  # entity -> ids
    outbox: bool = False
    conflicts: bool = False
    sync_state: bool = False
    uploads: bool = False  # the upload queue or the intake ledger

    def __bool__(self) -> bool:
        return (
            bool(self.records) or self.outbox or self.conflicts or self.sync_state or self.uploads
        )


@dataclass
class WriteTxn:
    conn: sa.Connection
    now: str = field(default_factory=utc_now)
    records: dict[str, set[str]] = field(default_factory=dict)
    outbox: bool = False
    conflicts: bool = False
    sync_state: bool = False
    uploads: bool = False

    def touched(self, entity: str, record_id: str) -> None:
        self.records.setdefault(entity, set()).add(record_id)

    def change_set(self) -> ChangeSet:
        return ChangeSet(
            {entity: frozenset(ids) for entity, ids in self.records.items()},
            self.outbox,
            self.conflicts,
            self.sync_state,
            self.uploads,
        )


Observer = Callable[[ChangeSet], None]


class Observers:
    def __init__(self) -> None:
        self._observers: list[Observer] = []

    def subscribe(self, observer: Observer) -> Callable[[], None]:
        self._observers.append(observer)
        return lambda: self._observers.remove(observer)

    def notify(self, changes: ChangeSet) -> None:
        if not changes:
            return
        for observer in list(self._observers):
            try:
                observer(changes)
            except Exception:  # one broken view must not stop the others, nor the writer
                log.exception("store observer failed")


@contextmanager
def write_transaction(engine: sa.Engine, observers: Observers) -> Iterator[WriteTxn]:
    with engine.begin() as conn:
        txn = WriteTxn(conn)
        yield txn
    observers.notify(txn.change_set())
