"""Changing many records at once: a chunk of records per transaction, refusals reported.

Each commit waits for the disk (``synchronous=FULL``), so a bulk edit of
2,000 documents is not 2,000 transactions; and each chunk stays short (some ten
milliseconds, measured in ``tests/unit/store/test_undo_outbox.py``) so the
window can repaint between chunks and the sync engine can slip its own
writes in. A record that refuses the change (invalid, deleted meanwhile)
is reported with the reason and does not stop the others. Each record is
written by the same rules as a single edit (``field_edits``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from advisoros_desktop.domain.entities import ENTITIES, EntitySpec, validate_fields
from advisoros_desktop.store import outbox
from advisoros_desktop.store.field_edits import (
    ChunkWrites,
    EditRefused,
    apply_changes,
    check_references,
)
from advisoros_desktop.store.outbox import OutboxEntry
from advisoros_desktop.store.rows import Row, visible
from advisoros_desktop.store.schema import ENTITY_TABLES
from advisoros_desktop.store.transaction import WriteTxn

Progress = Callable[[int, int], None]

# Records per transaction: about 10 ms each for documents, whose search index is
# rewritten when they are archived (the index keeps their state words).
BULK_CHUNK = 50
READ_CHUNK = 500  # ids per IN (...) when reading many records


@dataclass
class BulkOutcome:
    """What a bulk edit did: the fields each record took (with the values they held
    before), and the records that refused, with why."""

    changed: dict[str, dict[str, Any]] = field(default_factory=dict)
    previous: dict[str, dict[str, Any]] = field(default_factory=dict)
    refused: dict[str, str] = field(default_factory=dict)


def rows_by_id(
    conn: sa.Connection,
    entity: str,
    record_ids: Sequence[str],
    names: Iterable[str] | None = None,
) -> dict[str, Row]:
    """The cached rows of ``record_ids`` (only ``names`` and what says whether they are
    visible, when given: whole rows of 2,000 documents took 70 ms to read, these 15)."""
    if not record_ids:
        return {}
    table = ENTITY_TABLES[entity]
    if names is None:
        query = sa.select(table)
    else:
        wanted = dict.fromkeys(["id", "deletedAt", "localDeleted", *names])
        query = sa.select(*(table.c[name] for name in wanted))
    rows = conn.execute(query.where(table.c.id.in_(list(record_ids)))).mappings()
    return {row["id"]: dict(row) for row in rows}


def update_in_chunks(
    transaction: Callable[[], AbstractContextManager[WriteTxn]],
    entity: str,
    changes: Mapping[str, Mapping[str, Any]],
    expected: Mapping[str, Mapping[str, Any]] | None,
    progress: Progress | None,
    chunk_size: int,
) -> BulkOutcome:
    """``LocalStore.update_many``; ``transaction`` is the store's write transaction."""
    spec = ENTITIES[entity]
    if not spec.writable:
        raise EditRefused(f"The {spec.label} cannot be changed here.")
    outcome = BulkOutcome()
    ids = list(changes)
    for start in range(0, len(ids), chunk_size):
        chunk = ids[start : start + chunk_size]
        with transaction() as txn:
            _update_chunk(txn, spec, chunk, changes, expected, outcome)
        if progress is not None:
            progress(start + len(chunk), len(ids))
    return outcome


def _update_chunk(
    txn: WriteTxn,
    spec: EntitySpec,
    chunk: list[str],
    changes: Mapping[str, Mapping[str, Any]],
    expected: Mapping[str, Mapping[str, Any]] | None,
    outcome: BulkOutcome,
) -> None:
    names = {n for rid in chunk for n in changes[rid] if n in spec.by_name}
    rows = rows_by_id(txn.conn, spec.name, chunk, [*sorted(names), "dirty"])
    entries = outbox.entries_for_many(txn.conn, spec.name, chunk)
    known: set[tuple[str, str]] = set()
    writes = ChunkWrites()
    for record_id in chunk:
        row = rows.get(record_id)
        wanted = dict(changes[record_id])
        if expected is not None and record_id in expected and row is not None:
            holding = expected[record_id]
            wanted = {
                k: v for k, v in wanted.items() if k not in holding or row.get(k) == holding[k]
            }
        try:
            written = _update_one(txn, spec, row, wanted, entries[record_id], known, writes)
        except EditRefused as refused:
            outcome.refused[record_id] = str(refused)
            continue
        if written and row is not None:
            outcome.changed[record_id] = written
            outcome.previous[record_id] = {name: row[name] for name in written}
    writes.flush(txn)


def _update_one(
    txn: WriteTxn,
    spec: EntitySpec,
    row: Row | None,
    changes: Mapping[str, Any],
    entries: list[OutboxEntry],
    known: set[tuple[str, str]],
    writes: ChunkWrites,
) -> dict[str, Any]:
    if row is None or not visible(row):
        raise EditRefused(f"This {spec.label} no longer exists.")
    clean, problems = validate_fields(spec, changes, creating=False)
    if problems:
        raise EditRefused("; ".join(m for _f, m in problems), problems)
    check_references(txn.conn, spec.name, clean, known)
    return apply_changes(txn, spec.name, row, clean, entries, writes)
