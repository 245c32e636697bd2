"""The outbox: the user's changes in order, each with its idempotency key.

An edit and its outbox entry are written in the same transaction (the caller's).
Entries not yet sent absorb later edits to the same record, so a field typed
ten times goes to the server once, and a field put back before it left
(an undo) is taken out of them again (``field_edits`` decides which). Once
sent, an entry is frozen: a resend after a lost reply must be the very same
mutation, or the server refuses it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass, field, replace
from typing import Any

import sqlalchemy as sa

from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.store.schema import ENTITY_TABLES, outbox
from advisoros_desktop.store.transaction import WriteTxn


@dataclass(frozen=True)
class OutboxEntry:
    seq: int
    mutation_id: str
    entity: str
    op: str
    record_id: str
    base_version: int | None
    fields: dict[str, Any]
    state: str
    attempts: int
    last_error: str | None

    def as_mutation(self) -> dict[str, Any]:
        mutation: dict[str, Any] = {
            "mutationId": self.mutation_id,
            "entity": self.entity,
            "op": self.op,
            "id": self.record_id,
            "fields": self.fields,
        }
        if self.base_version is not None:
            mutation["baseVersion"] = self.base_version
        return mutation


def _entry(row: Any) -> OutboxEntry:
    return OutboxEntry(
        row.seq,
        row.mutationId,
        row.entity,
        row.op,
        row.recordId,
        row.baseVersion,
        dict(row.fields or {}),
        row.state,
        row.attempts,
        row.lastError,
    )


def entries_for(conn: sa.Connection, entity: str, record_id: str) -> list[OutboxEntry]:
    rows = conn.execute(
        sa.select(outbox)
        .where(outbox.c.entity == entity, outbox.c.recordId == record_id)
        .order_by(outbox.c.seq)
    )
    return [_entry(row) for row in rows]


# Built once, the values as parameters: a bulk edit appends thousands of entries, and a
# statement built with literal values cost SQLAlchemy more than SQLite's own work.
_APPEND = outbox.insert()
_SET_FIELDS = outbox.update().where(outbox.c.seq == sa.bindparam("_seq"))


def _new_entry(
    now: str, entity: str, op: str, record_id: str, fields: Mapping[str, Any]
) -> dict[str, Any]:
    return {
        "mutationId": new_id(),
        "entity": entity,
        "op": op,
        "recordId": record_id,
        "baseVersion": None,
        "fields": dict(fields),
        "state": "pending",
        "attempts": 0,
        "lastError": None,
        "createdAt": now,
    }


def append(txn: WriteTxn, entity: str, op: str, record_id: str, fields: Mapping[str, Any]) -> None:
    txn.conn.execute(_APPEND, _new_entry(txn.now, entity, op, record_id, fields))
    txn.outbox = True


@dataclass
class OutboxWrites:
    """Outbox writes held back to go as one executemany each at ``flush``.

    A bulk edit's chunk of records then costs three statements, not one or two
    per record: SQLAlchemy's work per statement was most of a record's cost.
    """

    new: list[dict[str, Any]] = field(default_factory=list)
    fields: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)

    def flush(self, txn: WriteTxn) -> None:
        if self.removed:
            txn.conn.execute(_REMOVE, self.removed)
        if self.fields:
            txn.conn.execute(_SET_FIELDS, self.fields)
        if self.new:
            txn.conn.execute(_APPEND, self.new)
        if self.removed or self.fields or self.new:
            txn.outbox = True
        self.new, self.fields, self.removed = [], [], []


def entries_for_many(
    conn: sa.Connection, entity: str, record_ids: Sequence[str]
) -> dict[str, list[OutboxEntry]]:
    """Each record's entries in order, with one query (a bulk edit's chunk of records)."""
    found: dict[str, list[OutboxEntry]] = {record_id: [] for record_id in record_ids}
    if record_ids:
        rows = conn.execute(
            sa.select(outbox)
            .where(outbox.c.entity == entity, outbox.c.recordId.in_(list(record_ids)))
            .order_by(outbox.c.seq)
        )
        for row in rows:
            found[row.recordId].append(_entry(row))
    return found


def record_update(
    txn: WriteTxn,
    entity: str,
    record_id: str,
    fields: Mapping[str, Any],
    *,
    drop: Set[str] = frozenset(),
    entries: Sequence[OutboxEntry] | None = None,
    writes: OutboxWrites | None = None,
) -> None:
    """Queue changed fields, merged into the record's last unsent create or update.

    ``drop`` names fields to take out of the unsent updates first (their change
    was taken back before it left). ``entries`` are the record's entries when
    the caller has read them already in this transaction; with ``writes`` the
    caller flushes the writes itself, before anything reads the outbox again.
    """
    held = writes if writes is not None else OutboxWrites()
    if entries is None:
        entries = entries_for(txn.conn, entity, record_id)
    if drop:
        entries = _without_fields(held, entries, drop)
    last = entries[-1] if entries else None
    if not fields:
        pass
    elif last is not None and last.state == "pending" and last.op in ("create", "update"):
        held.fields.append({"_seq": last.seq, "fields": {**last.fields, **fields}})
    else:
        held.new.append(_new_entry(txn.now, entity, "update", record_id, fields))
    if writes is None:
        held.flush(txn)


def _without_fields(
    writes: OutboxWrites, entries: Sequence[OutboxEntry], names: Set[str]
) -> list[OutboxEntry]:
    """Take ``names`` out of the unsent updates; returns the entries left, as they will be."""
    remaining: list[OutboxEntry] = []
    for entry in entries:
        if entry.state == "pending" and entry.op == "update" and names & entry.fields.keys():
            fields = {k: v for k, v in entry.fields.items() if k not in names}
            if not fields:
                writes.removed.append({"_seq": entry.seq})
                continue
            writes.fields.append({"_seq": entry.seq, "fields": fields})
            entry = replace(entry, fields=fields)
        remaining.append(entry)
    return remaining


def record_delete(txn: WriteTxn, entity: str, record_id: str) -> bool:
    """Queue a deletion; returns True when the record never reached the server at all."""
    entries = entries_for(txn.conn, entity, record_id)
    unsent = [e for e in entries if e.state == "pending"]
    for entry in unsent:  # changes to a record about to be deleted need not travel
        txn.conn.execute(outbox.delete().where(outbox.c.seq == entry.seq))
        txn.outbox = True
    if any(e.op == "create" for e in unsent) and not any(e.state == "sent" for e in entries):
        return True
    append(txn, entity, "delete", record_id, {})
    return False


def drop_fields(txn: WriteTxn, entity: str, record_id: str, names: set[str]) -> None:
    """Take fields out of unsent entries (a conflict or a revert decided them otherwise)."""
    for entry in entries_for(txn.conn, entity, record_id):
        if entry.state != "pending" or entry.op != "update":
            continue
        remaining = {k: v for k, v in entry.fields.items() if k not in names}
        if remaining:
            txn.conn.execute(
                outbox.update().where(outbox.c.seq == entry.seq).values(fields=remaining)
            )
        else:
            txn.conn.execute(outbox.delete().where(outbox.c.seq == entry.seq))
        txn.outbox = True


def take_batch(txn: WriteTxn, limit: int) -> list[OutboxEntry]:
    """The next entries to send, in order, at most one per record; freezes unsent ones.

    One entry per record per batch: a second change to a record is frozen only
    after the first one's result is applied, so it is based on the version that
    result brought, not on a version the user's own change already replaced.
    The records' versions are read with one query per entity and the entries
    frozen with one executemany: a read and a write per entry made a batch of
    200 take a tenth of a second.
    """
    rows = txn.conn.execute(
        sa.select(outbox)
        .where(outbox.c.state.in_(("pending", "sent")))
        .order_by(outbox.c.seq)
        .limit(limit)
    ).all()
    batch: list[OutboxEntry] = []
    seen: set[tuple[str, str]] = set()
    for row in rows:
        entry = _entry(row)
        key = (entry.entity, entry.record_id)
        if key in seen:
            break
        seen.add(key)
        batch.append(entry)
    versions = _versions(txn.conn, [e for e in batch if e.state == "pending" and e.op != "create"])
    frozen: list[dict[str, Any]] = []
    for index, entry in enumerate(batch):
        if entry.state == "pending":
            base = None if entry.op == "create" else versions.get(_key(entry), 0)
            frozen.append({"_seq": entry.seq, "_base": base})
            batch[index] = replace(entry, base_version=base, state="sent")
    if frozen:
        txn.conn.execute(
            outbox.update()
            .where(outbox.c.seq == sa.bindparam("_seq"))
            .values(state="sent", baseVersion=sa.bindparam("_base")),
            frozen,
        )
    if batch:
        txn.conn.execute(
            outbox.update()
            .where(outbox.c.seq.in_([e.seq for e in batch]))
            .values(attempts=outbox.c.attempts + 1)
        )
        txn.outbox = True
    return batch


def _key(entry: OutboxEntry) -> tuple[str, str]:
    return (entry.entity, entry.record_id)


def _versions(conn: sa.Connection, entries: list[OutboxEntry]) -> dict[tuple[str, str], int]:
    """The cached version of each entry's record (absent: not in the cache)."""
    ids: dict[str, list[str]] = {}
    for entry in entries:
        ids.setdefault(entry.entity, []).append(entry.record_id)
    found: dict[tuple[str, str], int] = {}
    for entity, wanted in ids.items():
        table = ENTITY_TABLES[entity]
        query = sa.select(table.c.id, table.c.version).where(table.c.id.in_(wanted))
        found.update(((entity, record_id), int(v)) for record_id, v in conn.execute(query))
    return found


# Built once, the entry as a parameter: applying a push's results removes one entry per
# mutation, and a statement built with the literal cost more than the DELETE itself.
_REMOVE = outbox.delete().where(outbox.c.seq == sa.bindparam("_seq"))


def remove(txn: WriteTxn, seq: int) -> None:
    txn.conn.execute(_REMOVE, {"_seq": seq})
    txn.outbox = True


def reject(txn: WriteTxn, seq: int, message: str) -> None:
    txn.conn.execute(
        outbox.update().where(outbox.c.seq == seq).values(state="rejected", lastError=message)
    )
    txn.outbox = True


def note_failure(txn: WriteTxn, seqs: list[int], message: str) -> None:
    if seqs:
        txn.conn.execute(outbox.update().where(outbox.c.seq.in_(seqs)).values(lastError=message))
        txn.outbox = True


def counts(conn: sa.Connection) -> dict[str, int]:
    rows = conn.execute(sa.select(outbox.c.state, sa.func.count()).group_by(outbox.c.state))
    return {state: int(n) for state, n in rows}
