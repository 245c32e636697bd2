"""The local store: what the UI reads and edits, and what the sync engine drains and fills.

Every user edit is validated with the same rules as the server, written with
its outbox entry in one transaction, and announced to observers after commit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from advisoros_desktop.domain.entities import CASCADES, ENTITIES, validate_fields
from advisoros_desktop.domain.ids import is_valid_id, new_id
from advisoros_desktop.store import outbox, search_index
from advisoros_desktop.store.bulk_update import (
    BULK_CHUNK,
    READ_CHUNK,
    BulkOutcome,
    Progress,
    rows_by_id,
    update_in_chunks,
)
from advisoros_desktop.store.database import open_engine, reading
from advisoros_desktop.store.field_edits import (
    EditRefused,
    apply_changes,
    check_references,
    requeue_dirty,
)
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

# Callers import these from here, with the store: they are part of its interface.
__all__ = ["BulkOutcome", "EditRefused", "LocalStore", "Progress"]


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

    def get_many(
        self, entity: str, record_ids: Iterable[str], fields: Iterable[str] | None = None
    ) -> dict[str, Row]:
        """The visible records among ``record_ids``, by id, read in a few queries.

        With ``fields``, each row holds only those (with ``id``, ``deletedAt`` and
        ``localDeleted``): much quicker for thousands of records.
        """
        wanted = list(dict.fromkeys(record_ids))
        names = None if fields is None else list(fields)
        found: dict[str, Row] = {}
        with reading(self.engine) as conn:
            for start in range(0, len(wanted), READ_CHUNK):
                chunk = wanted[start : start + READ_CHUNK]
                found.update(
                    (record_id, row)
                    for record_id, row in rows_by_id(conn, entity, chunk, names).items()
                    if visible(row)
                )
        return found

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

    def dependents(self, entity: str, record_id: str) -> int:
        """How many visible records the server would delete or unlink with this one."""
        total = 0
        with reading(self.engine) as conn:
            for child, reference, _action in CASCADES.get(entity, ()):
                table = ENTITY_TABLES[child]
                total += int(
                    conn.execute(
                        sa.select(sa.func.count())
                        .select_from(table)
                        .where(
                            table.c[reference] == record_id,
                            table.c.deletedAt.is_(None),
                            table.c.localDeleted.is_(False),
                        )
                    ).scalar_one()
                )
        return total

    def search(self, entity: str, text: str, limit: int = 50) -> list[str]:
        """Ids of visible records having every typed word as a word prefix, best first.

        Engagements, tasks and documents are also found by their client's name.
        What was typed is only ever text to look for, never search syntax.
        """
        fts = next(name for name, e, _cols in SEARCH_INDEXES if e == entity)
        table = ENTITY_TABLES[entity].name
        query = search_index.match_expression(text)
        if query is None:
            return []
        index = search_index.index_for(entity)
        if index is not None:
            # The text columns only: the state words ("archived"...) are no one's text.
            query = f"{{{' '.join(index.text_columns)}}} : ({query})"
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
        """Change fields of a record; a field put back before it was sent sends nothing."""
        spec = ENTITIES[entity]
        clean, problems = validate_fields(spec, changes, creating=False)
        if problems:
            raise EditRefused("; ".join(m for _f, m in problems), problems)
        with self.transaction() as txn:
            row = self._editable(txn, entity, record_id)
            self._check_references(txn, entity, clean)
            entries = outbox.entries_for(txn.conn, entity, record_id)
            apply_changes(txn, entity, row, clean, entries)

    def update_many(
        self,
        entity: str,
        changes: Mapping[str, Mapping[str, Any]],
        *,
        expected: Mapping[str, Mapping[str, Any]] | None = None,
        progress: Progress | None = None,
        chunk_size: int = BULK_CHUNK,
    ) -> BulkOutcome:
        """Change many records ({id: changes}), ``chunk_size`` records per transaction.

        A record that refuses its change (invalid, deleted meanwhile) is reported
        in the outcome and the others go on. With ``expected`` ({id: {field:
        value}}), a field is changed only while it still holds that value.
        ``progress(done, total)`` is called after each chunk is committed.
        """
        return update_in_chunks(
            self.transaction, entity, changes, expected, progress, max(1, chunk_size)
        )

    def delete(self, entity: str, record_id: str) -> bool:
        """Delete a record; True when it had never left and is gone without a trace."""
        with self.transaction() as txn:
            self._editable(txn, entity, record_id)
            never_sent = outbox.record_delete(txn, entity, record_id)
            table = ENTITY_TABLES[entity]
            if never_sent:
                txn.conn.execute(table.delete().where(table.c.id == record_id))
            else:
                update_row(txn.conn, entity, record_id, {"localDeleted": True})
            txn.touched(entity, record_id)
        return never_sent

    def undelete(self, entity: str, record_id: str) -> bool:
        """Take back a deletion not sent yet; False when it has gone to the server (or the
        record is gone for another reason) and the record cannot come back as it was."""
        with self.transaction() as txn:
            row = get_row(txn.conn, entity, record_id)
            if row is None or row["deletedAt"] is not None:
                return False
            if not row["localDeleted"]:
                return True
            entries = outbox.entries_for(txn.conn, entity, record_id)
            deletions = [e for e in entries if e.op == "delete"]
            if not deletions or any(e.state != "pending" for e in deletions):
                return False
            for entry in deletions:
                outbox.remove(txn, entry.seq)
            update_row(txn.conn, entity, record_id, {"localDeleted": False})
            rest = [e for e in entries if e.op != "delete"]
            requeue_dirty(txn, entity, {**row, "localDeleted": False}, rest)
            txn.touched(entity, record_id)
        return True

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
        check_references(txn.conn, entity, values)

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
