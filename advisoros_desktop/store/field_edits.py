"""Writing a user's field changes to one cached record and to its outbox entries.

One edit and a bulk edit go through here, so both follow the same rules, and
so does undo, which is an edit back to earlier values:

- A field put back to what the server has, or will have once the changes
  already on their way land, needs nothing sent: it leaves the unsent entries
  (an entry left empty goes), and when no sent change carries it, it is no
  longer dirty either. Edit then undo before a sync sends nothing at all.
- Any other value travels as an update. Put back after its change was sent
  (in flight) or applied, that update is the compensating mutation, and the
  server ends with the original value either way.
- While the record's create has not been sent, every change merges into the
  create, which travels anyway.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from advisoros_desktop.domain.entities import ENTITIES
from advisoros_desktop.store import outbox
from advisoros_desktop.store.outbox import OutboxEntry, OutboxWrites
from advisoros_desktop.store.rows import Row, get_row, update_row, visible
from advisoros_desktop.store.schema import ENTITY_TABLES
from advisoros_desktop.store.transaction import WriteTxn


class EditRefused(ValueError):
    """An edit the store will not take; ``problems`` lists (field, message)."""

    def __init__(self, message: str, problems: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__(message)
        self.problems = list(problems)


def check_references(
    conn: sa.Connection,
    entity: str,
    values: Mapping[str, Any],
    known: set[tuple[str, str]] | None = None,
) -> None:
    """Refuse a reference to a record the user cannot see; ``known`` remembers the
    targets found already (a bulk assignment names the same user 2,000 times)."""
    for ref in ENTITIES[entity].references():
        target = values.get(ref.name)
        if target is None or ref.references is None:
            continue
        if known is not None and (ref.references, str(target)) in known:
            continue
        row = get_row(conn, ref.references, str(target))
        if row is None or not visible(row):
            raise EditRefused(
                f"{ref.label}: there is no such {ref.references}.",
                [(ref.name, f"no {ref.references} with id {target}")],
            )
        if known is not None:
            known.add((ref.references, str(target)))


_RECORD_ID = "_record_id"
_UPDATE_BY_ID = {
    entity: table.update().where(table.c.id == sa.bindparam(_RECORD_ID))
    for entity, table in ENTITY_TABLES.items()
}


@dataclass
class ChunkWrites:
    """The row updates and outbox writes of a bulk edit's chunk, held back to go as one
    executemany per kind at ``flush``: statement by statement, SQLAlchemy's work per
    statement was most of a record's cost, and a chunk of 100 took over 30 ms."""

    rows: dict[tuple[str, frozenset[str]], list[dict[str, Any]]] = field(default_factory=dict)
    outbox: OutboxWrites = field(default_factory=OutboxWrites)

    def update(self, entity: str, record_id: str, values: Mapping[str, Any]) -> None:
        key = (entity, frozenset(values))
        self.rows.setdefault(key, []).append({**values, _RECORD_ID: record_id})

    def flush(self, txn: WriteTxn) -> None:
        for (entity, _names), rows in self.rows.items():
            txn.conn.execute(_UPDATE_BY_ID[entity], rows)
        self.rows = {}
        self.outbox.flush(txn)


def apply_changes(
    txn: WriteTxn,
    entity: str,
    row: Row,
    clean: Mapping[str, Any],
    entries: Sequence[OutboxEntry],
    writes: ChunkWrites | None = None,
) -> dict[str, Any]:
    """Write validated ``clean`` values to ``row`` (read in this transaction) and queue them.

    ``entries`` are the record's outbox entries, read in this transaction. With
    ``writes``, the writes wait there for the caller's ``flush``.
    Returns the fields that changed, with their new values ({} when none did).
    """
    changed = {k: v for k, v in clean.items() if row[k] != v}
    if not changed:
        return {}
    record_id = str(row["id"])
    dirty = dict(row["dirty"] or {})
    back, settled = _going_back(row, changed, entries)
    for name in changed:
        if name in settled:
            del dirty[name]
        else:
            dirty.setdefault(name, row[name])  # the server value this change is based on
    held = writes if writes is not None else ChunkWrites()
    held.update(entity, record_id, {**changed, "dirty": dirty, "updatedAt": txn.now})
    travel = {k: v for k, v in changed.items() if k not in back}
    outbox.record_update(
        txn, entity, record_id, travel, drop=back, entries=entries, writes=held.outbox
    )
    txn.touched(entity, record_id)
    if writes is None:
        held.flush(txn)
    return changed


def requeue_dirty(txn: WriteTxn, entity: str, row: Row, entries: Sequence[OutboxEntry]) -> None:
    """Queue again the record's dirty fields the server will not have (after an unsent
    deletion was taken back: queueing the deletion dropped their unsent updates)."""
    dirty = dict(row["dirty"] or {})
    values = {name: row[name] for name in dirty}
    back, settled = _going_back(row, values, entries)
    travel = {k: v for k, v in values.items() if k not in back}
    for name in settled:
        del dirty[name]
    update_row(txn.conn, entity, str(row["id"]), {"dirty": dirty})
    outbox.record_update(txn, entity, str(row["id"]), travel, drop=back, entries=entries)


def _going_back(
    row: Row, values: Mapping[str, Any], entries: Sequence[OutboxEntry]
) -> tuple[set[str], set[str]]:
    """Which of ``values`` the server has or will have: (need not travel, no longer dirty)."""
    if any(e.state == "pending" and e.op == "create" for e in entries):
        return set(), set()
    on_the_way: dict[str, Any] = {}
    for entry in entries:  # in order: a later sent value is what the server ends with
        if entry.state == "sent" and entry.op in ("create", "update"):
            on_the_way.update(entry.fields)
    dirty = row["dirty"] or {}
    back: set[str] = set()
    settled: set[str] = set()
    for name, value in values.items():
        if name in on_the_way:
            if value == on_the_way[name]:
                back.add(name)  # still dirty: the sent change settles it when it lands
        elif name in dirty and value == dirty[name]:
            back.add(name)
            settled.add(name)
    return back, settled
