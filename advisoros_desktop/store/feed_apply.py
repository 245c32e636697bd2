"""Applying a change-feed page, and the results of a push, to the cache.

A page and its cursor commit together: after a crash the cursor names exactly
the last page the cache holds, so nothing is missed or applied twice. A page
is checked whole before anything is written; a malformed one changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa

from advisoros_desktop.domain.entities import ENTITIES
from advisoros_desktop.store import outbox
from advisoros_desktop.store.merge import (
    DELETED,
    add_conflict,
    merge_into_row,
    merge_server_record,
    merge_tombstone,
)
from advisoros_desktop.store.outbox import OutboxEntry
from advisoros_desktop.store.page_merge import merge_items
from advisoros_desktop.store.rows import Row, get_row, update_row
from advisoros_desktop.store.schema import ENTITY_TABLES, sync_state
from advisoros_desktop.store.transaction import WriteTxn

RecordKey = tuple[str, str]


class MalformedPage(ValueError):
    """A change-feed page that is not what the API promises; nothing of it is applied."""


def check_page(page: Any) -> None:
    """Raise ``MalformedPage`` unless ``page`` is what the API promises, item by item.

    Decoded JSON gives plain dicts, ints and bools, tested first by their exact
    type: a thousand items went through ``isinstance(..., Mapping)`` (an ABC
    check, several times slower) on every page.
    """
    if not _is_mapping(page):
        raise MalformedPage("the page is not a JSON object")
    items, cursor = page.get("items"), page.get("cursor")
    if not isinstance(items, list) or not isinstance(cursor, str) or not cursor:
        raise MalformedPage("the page lacks its items or its cursor")
    if not isinstance(page.get("hasMore"), bool) or not isinstance(page.get("epoch"), str):
        raise MalformedPage("the page lacks hasMore or epoch")
    for item in items:
        if not _is_mapping(item) or item.get("entity") not in ENTITIES:
            raise MalformedPage("an item names no known entity")
        record_id, version, deleted = item.get("id"), item.get("version"), item.get("deleted")
        if type(record_id) is not str and not isinstance(record_id, str):
            raise MalformedPage("an item lacks its id or version")
        if type(version) is not int and not isinstance(version, int):
            raise MalformedPage("an item lacks its id or version")
        if deleted is not True and deleted is not False:
            raise MalformedPage("an item does not say whether it is deleted")
        if not deleted:
            data = item.get("data")
            if not _is_mapping(data) or data.get("id") != record_id:
                raise MalformedPage("a live item lacks its data")


def _is_mapping(value: Any) -> bool:
    return type(value) is dict or isinstance(value, Mapping)


def set_state(txn: WriteTxn, key: str, value: Any) -> None:
    found = txn.conn.execute(sa.select(sync_state.c.key).where(sync_state.c.key == key)).first()
    if found is None:
        txn.conn.execute(sync_state.insert().values(key=key, value=value))
    else:
        txn.conn.execute(sync_state.update().where(sync_state.c.key == key).values(value=value))
    txn.sync_state = True


def get_state(txn: WriteTxn, key: str) -> Any:
    return txn.conn.execute(sa.select(sync_state.c.value).where(sync_state.c.key == key)).scalar()


def apply_page(txn: WriteTxn, page: Mapping[str, Any]) -> int:
    """Apply a checked page and store its cursor and epoch; returns how many items it had.

    The items go in bulk (``page_merge``), with the same result as one by one.
    """
    merge_items(txn, page["items"])
    set_state(txn, "cursor", page["cursor"])
    set_state(txn, "epoch", page["epoch"])
    return len(page["items"])


def apply_results(
    txn: WriteTxn, entries: Sequence[OutboxEntry], results: Sequence[Mapping[str, Any]]
) -> dict[str, int]:
    """Record what the server did with each sent mutation.

    The rows of the entries' records are read up front, one query per entity
    (a batch holds one entry per record), rather than twice per entry.
    """
    by_id = {r.get("mutationId"): r for r in results}
    tally = {"applied": 0, "duplicate": 0, "conflict": 0, "rejected": 0}
    rows = _rows_before(txn, entries)
    for entry in entries:
        result = by_id.get(entry.mutation_id)
        if result is None:
            continue  # not answered: stays sent, goes again unchanged
        status = str(result.get("status"))
        tally[status] = tally.get(status, 0) + 1
        if status in ("applied", "duplicate"):
            _applied(txn, entry, result.get("record"), rows)
        elif status == "conflict":
            _conflicted(txn, entry, result)
        else:
            outbox.reject(txn, entry.seq, str(result.get("message") or "Refused by the server."))
        rows.pop((entry.entity, entry.record_id), None)  # changed now: read it again if needed
        txn.touched(entry.entity, entry.record_id)
    return tally


def _rows_before(txn: WriteTxn, entries: Sequence[OutboxEntry]) -> dict[RecordKey, Row | None]:
    """Each entry's record's row as it is now (None: not in the cache)."""
    ids: dict[str, list[str]] = {}
    for entry in entries:
        ids.setdefault(entry.entity, []).append(entry.record_id)
    rows: dict[RecordKey, Row | None] = {
        (entity, record_id): None for entity, wanted in ids.items() for record_id in wanted
    }
    for entity, wanted in ids.items():
        table = ENTITY_TABLES[entity]
        found = txn.conn.execute(sa.select(table).where(table.c.id.in_(wanted))).mappings()
        rows.update(((entity, row["id"]), dict(row)) for row in found)
    return rows


def _applied(
    txn: WriteTxn, entry: OutboxEntry, record: Any, rows: dict[RecordKey, Row | None]
) -> None:
    outbox.remove(txn, entry.seq)
    if not isinstance(record, Mapping):
        return
    if record.get("deletedAt") is not None:
        merge_tombstone(txn, entry.entity, entry.record_id, int(record["version"]))
        update_row(txn.conn, entry.entity, entry.record_id, {"localDeleted": False})
        return
    key = (entry.entity, entry.record_id)
    row = rows[key] if key in rows else get_row(txn.conn, entry.entity, entry.record_id)
    if row is None:
        merge_server_record(txn, entry.entity, record)  # not here (any more): stored anew
        return
    # Fields the user changed again after this mutation left are now based on it.
    dirty = dict(row["dirty"] or {})
    for name, sent in entry.fields.items():
        if row[name] != sent:
            dirty[name] = record.get(name)
    txn.touched(entry.entity, entry.record_id)
    if int(record["version"]) < int(row["version"]):
        update_row(txn.conn, entry.entity, entry.record_id, {"dirty": dirty})
    else:
        # merge_into_row writes the new dirty fields with the merged values, in one UPDATE.
        merge_into_row(txn, entry.entity, {**row, "dirty": dirty}, record)


def _conflicted(txn: WriteTxn, entry: OutboxEntry, result: Mapping[str, Any]) -> None:
    outbox.remove(txn, entry.seq)
    record = result.get("record")
    if not isinstance(record, Mapping):
        return
    version = int(record["version"])
    if record.get("deletedAt") is not None:
        row = get_row(txn.conn, entry.entity, entry.record_id)
        mine = {k: row[k] for k in entry.fields} if row is not None else dict(entry.fields)
        add_conflict(
            txn,
            entry.entity,
            entry.record_id,
            DELETED,
            mine,
            None,
            version,
            str(result.get("message") or ""),
        )
        merge_tombstone(txn, entry.entity, entry.record_id, version)
        return
    clashing = set(result.get("conflictingFields") or [])
    row = get_row(txn.conn, entry.entity, entry.record_id)
    dirty = dict(row["dirty"] or {}) if row is not None else {}
    for name in clashing:
        mine_value = row[name] if row is not None else entry.fields.get(name)
        add_conflict(
            txn,
            entry.entity,
            entry.record_id,
            name,
            mine_value,
            record.get(name),
            version,
            str(result.get("message") or ""),
        )
        dirty[name] = record.get(name)  # stays mine, now based on theirs; merge keeps it
    if row is not None:
        update_row(txn.conn, entry.entity, entry.record_id, {"dirty": dirty})
    rest = {k: v for k, v in entry.fields.items() if k not in clashing}
    if rest and entry.op == "update":
        outbox.append(txn, entry.entity, "update", entry.record_id, rest)  # goes next time
    merge_server_record(txn, entry.entity, record)
