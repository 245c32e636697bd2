"""The local store: what the UI reads and edits, and what the sync engine drains and fills.

Every user edit is validated with the same rules as the server, written with
its outbox entry in one transaction, and announced to observers after commit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from advisoros_desktop.domain.entities import ENTITIES, validate_fields
from advisoros_desktop.domain.ids import is_valid_id, new_id
from advisoros_desktop.store import outbox
from advisoros_desktop.store.database import open_engine, reading
from advisoros_desktop.store.merge import DELETED
from advisoros_desktop.store.migrations import upgrade
from advisoros_desktop.store.outbox import OutboxEntry
from advisoros_desktop.store.rows import Row, field_names, get_row, insert_row, update_row, visible
from advisoros_desktop.store.schema import ENTITY_TABLES, SEARCH_INDEXES, conflicts, sync_state
from advisoros_desktop.store.transaction import (
    Observer,
    Observers,
    WriteTxn,
    write_transaction,
)


class EditRefused(ValueError):
    """An edit the store will not take; ``problems`` lists (field, message)."""

    def __init__(self, message: str, problems: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__(message)
        self.problems = list(problems)


class LocalStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.engine = open_engine(path)
        self.upgraded_from = upgrade(self.engine)
        self._observers = Observers()

    def close(self) -> None:
        self.engine.dispose()

    def subscribe(self, observer: Observer) -> Any:
        """Call ``observer(ChangeSet)`` after every commit; returns an unsubscribe function."""
        return self._observers.subscribe(observer)

    def transaction(self) -> Any:
        return write_transaction(self.engine, self._observers)

    # -- reads -------------------------------------------------------------------
    def get(self, entity: str, record_id: str) -> Row | None:
        """The record as the user sees it (None when absent or deleted)."""
        with reading(self.engine) as conn:
            row = get_row(conn, entity, record_id)
        return row if row is not None and visible(row) else None

    def all(self, entity: str) -> list[Row]:
        table = ENTITY_TABLES[entity]
        with reading(self.engine) as conn:
            rows = (
                conn.execute(
                    sa.select(table).where(
                        table.c.deletedAt.is_(None), table.c.localDeleted.is_(False)
                    )
                )
                .mappings()
                .all()
            )
        return [dict(r) for r in rows]

    def count(self, entity: str) -> int:
        table = ENTITY_TABLES[entity]
        with reading(self.engine) as conn:
            return int(
                conn.execute(
                    sa.select(sa.func.count())
                    .select_from(table)
                    .where(table.c.deletedAt.is_(None), table.c.localDeleted.is_(False))
                ).scalar_one()
            )

    def search(self, entity: str, text: str, limit: int = 50) -> list[str]:
        """Ids of clients or documents matching ``text`` (prefix match on every word)."""
        fts = next(name for name, e, _cols in SEARCH_INDEXES if e == entity)
        table = ENTITY_TABLES[entity].name
        words = [w.replace('"', '""') for w in text.split()]
        if not words:
            return []
        query = " ".join(f'"{w}"*' for w in words)
        with reading(self.engine) as conn:
            rows = conn.exec_driver_sql(
                f"SELECT t.id FROM {fts} JOIN {table} t ON t.rowid = {fts}.rowid "
                f"WHERE {fts} MATCH ? AND t.deletedAt IS NULL AND NOT t.localDeleted "
                f"ORDER BY rank LIMIT ?",
                (query, limit),
            ).all()
        return [r[0] for r in rows]

    def state(self, key: str) -> Any:
        with reading(self.engine) as conn:
            return conn.execute(
                sa.select(sync_state.c.value).where(sync_state.c.key == key)
            ).scalar()

    def pending_count(self) -> int:
        with reading(self.engine) as conn:
            counts = outbox.counts(conn)
        return counts.get("pending", 0) + counts.get("sent", 0)

    def outbox_entries(self) -> list[OutboxEntry]:
        with reading(self.engine) as conn:
            rows = conn.execute(sa.select(outbox.outbox).order_by(outbox.outbox.c.seq)).all()
        return [outbox._entry(r) for r in rows]

    def conflicts(self) -> list[dict[str, Any]]:
        with reading(self.engine) as conn:
            rows = conn.execute(sa.select(conflicts).order_by(conflicts.c.id)).mappings().all()
        return [dict(r) for r in rows]

    # -- user edits --------------------------------------------------------------------
    def create(self, entity: str, fields: Mapping[str, Any], record_id: str | None = None) -> str:
        spec = ENTITIES[entity]
        if not spec.creatable:
            raise EditRefused(f"A {spec.label} cannot be created here: {spec.why_not_creatable}.")
        record_id = record_id or new_id()
        if not is_valid_id(record_id):
            raise EditRefused(f"'{record_id}' is not a record id.")
        clean, problems = validate_fields(spec, fields, creating=True)
        if problems:
            raise EditRefused("; ".join(m for _f, m in problems), problems)
        with self.transaction() as txn:
            self._check_references(txn, entity, clean)
            values = {f.name: clean.get(f.name, f.default) for f in spec.fields}
            insert_row(
                txn.conn,
                entity,
                {
                    "id": record_id,
                    "version": 0,
                    "createdAt": txn.now,
                    "updatedAt": txn.now,
                    "deletedAt": None,
                    "dirty": {},
                    "localOnly": True,
                    "localDeleted": False,
                    **values,
                },
            )
            outbox.append(txn, entity, "create", record_id, clean)
            txn.touched(entity, record_id)
        return record_id

    def update(self, entity: str, record_id: str, changes: Mapping[str, Any]) -> None:
        spec = ENTITIES[entity]
        clean, problems = validate_fields(spec, changes, creating=False)
        if problems:
            raise EditRefused("; ".join(m for _f, m in problems), problems)
        with self.transaction() as txn:
            row = self._editable(txn, entity, record_id)
            self._check_references(txn, entity, clean)
            changed = {k: v for k, v in clean.items() if row[k] != v}
            if not changed:
                return
            dirty = dict(row["dirty"] or {})
            for name in changed:
                dirty.setdefault(name, row[name])  # the server value this change is based on
            update_row(
                txn.conn, entity, record_id, {**changed, "dirty": dirty, "updatedAt": txn.now}
            )
            outbox.record_update(txn, entity, record_id, changed)
            txn.touched(entity, record_id)

    def delete(self, entity: str, record_id: str) -> None:
        with self.transaction() as txn:
            self._editable(txn, entity, record_id)
            never_sent = outbox.record_delete(txn, entity, record_id)
            table = ENTITY_TABLES[entity]
            if never_sent:
                txn.conn.execute(table.delete().where(table.c.id == record_id))
            else:
                update_row(txn.conn, entity, record_id, {"localDeleted": True})
            txn.touched(entity, record_id)

    def discard_rejected(self, seq: int) -> None:
        """Give up a change the server refused: its fields go back to the server's values."""
        with self.transaction() as txn:
            entry = next((e for e in self._all_entries(txn) if e.seq == seq), None)
            if entry is None or entry.state != "rejected":
                raise EditRefused("Only a change the server refused can be discarded.")
            row = get_row(txn.conn, entry.entity, entry.record_id)
            if row is not None:
                if entry.op == "create" and row["localOnly"]:
                    table = ENTITY_TABLES[entry.entity]
                    txn.conn.execute(table.delete().where(table.c.id == entry.record_id))
                elif entry.op == "delete":
                    update_row(txn.conn, entry.entity, entry.record_id, {"localDeleted": False})
                else:
                    dirty = dict(row["dirty"] or {})
                    reverted = {k: dirty.pop(k) for k in list(entry.fields) if k in dirty}
                    update_row(
                        txn.conn, entry.entity, entry.record_id, {**reverted, "dirty": dirty}
                    )
                txn.touched(entry.entity, entry.record_id)
            outbox.remove(txn, seq)

    def _all_entries(self, txn: WriteTxn) -> list[OutboxEntry]:
        rows = txn.conn.execute(sa.select(outbox.outbox).order_by(outbox.outbox.c.seq)).all()
        return [outbox._entry(r) for r in rows]

    def _editable(self, txn: WriteTxn, entity: str, record_id: str) -> Row:
        spec = ENTITIES[entity]
        if not spec.writable:
            raise EditRefused(f"The {spec.label} cannot be changed here.")
        row = get_row(txn.conn, entity, record_id)
        if row is None or not visible(row):
            raise EditRefused(f"This {spec.label} no longer exists.")
        return row

    def _check_references(self, txn: WriteTxn, entity: str, values: Mapping[str, Any]) -> None:
        for ref in ENTITIES[entity].references():
            target = values.get(ref.name)
            if target is None or ref.references is None:
                continue
            row = get_row(txn.conn, ref.references, str(target))
            if row is None or not visible(row):
                raise EditRefused(
                    f"{ref.label}: there is no such {ref.references}.",
                    [(ref.name, f"no {ref.references} with id {target}")],
                )

    # -- conflicts -----------------------------------------------------------------
    def resolve(self, conflict_ids: Iterable[int], keep: str) -> None:
        """Decide conflicts: "mine" sends the user's value, "theirs" takes the server's."""
        if keep not in ("mine", "theirs"):
            raise ValueError("keep is 'mine' or 'theirs'")
        with self.transaction() as txn:
            for conflict_id in conflict_ids:
                found = (
                    txn.conn.execute(sa.select(conflicts).where(conflicts.c.id == conflict_id))
                    .mappings()
                    .first()
                )
                if found is not None:
                    self._resolve_one(txn, dict(found), keep)

    def _resolve_one(self, txn: WriteTxn, conflict: dict[str, Any], keep: str) -> None:
        entity, record_id, name = conflict["entity"], conflict["recordId"], conflict["field"]
        txn.conn.execute(conflicts.delete().where(conflicts.c.id == conflict["id"]))
        txn.conflicts = True
        txn.touched(entity, record_id)
        row = get_row(txn.conn, entity, record_id)
        if row is None:
            return
        if name == DELETED:
            if keep == "mine":  # bring the user's version back as a new record
                values = {f: row[f] for f in field_names(entity) if row[f] is not None}
                spec = ENTITIES[entity]
                clean, _problems = validate_fields(
                    spec,
                    {k: v for k, v in values.items() if spec.by_name[k].writable},
                    creating=True,
                )
                copy_id = new_id()
                insert_row(
                    txn.conn,
                    entity,
                    {
                        **row,
                        "id": copy_id,
                        "version": 0,
                        "dirty": {},
                        "deletedAt": None,
                        "localOnly": True,
                        "localDeleted": False,
                    },
                )
                outbox.append(txn, entity, "create", copy_id, clean)
                txn.touched(entity, copy_id)
            update_row(txn.conn, entity, record_id, {"dirty": {}})
            return
        dirty = dict(row["dirty"] or {})
        if keep == "mine":
            dirty[name] = conflict["theirs"]
            update_row(txn.conn, entity, record_id, {"dirty": dirty})
            outbox.record_update(txn, entity, record_id, {name: conflict["mine"]})
        else:
            dirty.pop(name, None)
            update_row(txn.conn, entity, record_id, {name: conflict["theirs"], "dirty": dirty})
            outbox.drop_fields(txn, entity, record_id, {name})
