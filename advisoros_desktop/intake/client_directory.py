"""The firm's clients as routing sees them, read once and refreshed when clients change.

Routing runs for every file of a 10,000-file folder; reading 5,000 clients per
file would cost more than hashing, so the names are kept here and dropped when
the store says a client changed (any thread may ask; the lock keeps one read).
"""

from __future__ import annotations

import threading

import sqlalchemy as sa

from advisoros_desktop.intake.routing import ClientName
from advisoros_desktop.store.database import reading
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.schema import ENTITY_TABLES
from advisoros_desktop.store.transaction import ChangeSet


class ClientDirectory:
    def __init__(self, store: LocalStore) -> None:
        self._store = store
        self._lock = threading.Lock()
        self._names: list[ClientName] | None = None
        self._unsubscribe = store.subscribe(self._changed)

    def names(self) -> list[ClientName]:
        with self._lock:
            if self._names is None:
                self._names = self._read()
            return self._names

    def name_of(self, client_id: str) -> str | None:
        for client in self.names():
            if client.client_id == client_id:
                return client.name
        return None

    def close(self) -> None:
        self._unsubscribe()

    def _changed(self, changes: ChangeSet) -> None:
        if "client" in changes.records:
            with self._lock:
                self._names = None

    def _read(self) -> list[ClientName]:
        table = ENTITY_TABLES["client"]
        query = sa.select(
            table.c.id, table.c.businessName, table.c.legalName, table.c.primaryContactName
        ).where(table.c.deletedAt.is_(None), table.c.localDeleted.is_(False))
        with reading(self._store.engine) as conn:
            rows = conn.execute(query).all()
        names = []
        for client_id, business, legal, contact in rows:
            aliases = tuple(a for a in (legal, contact) if a and a != business)
            names.append(ClientName(client_id, business or legal or contact or "", aliases))
        return names
