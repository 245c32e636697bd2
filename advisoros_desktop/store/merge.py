"""Bringing a server record into the cache without losing the user's pending changes.

A field the user did not touch takes the server's value. A field the user
changed keeps the user's value while the server still has the value the change
was based on; if the server now has the user's value, the change is done; if
it has a third value, that is a conflict, recorded with both values and
decided by the user, never by overwriting.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa

from advisoros_desktop.store import outbox
from advisoros_desktop.store.rows import field_names, get_row, insert_row, update_row
from advisoros_desktop.store.schema import conflicts
from advisoros_desktop.store.transaction import WriteTxn

DELETED = "*"


def add_conflict(
    txn: WriteTxn,
    entity: str,
    record_id: str,
    field: str,
    mine: Any,
    theirs: Any,
    server_version: int,
    message: str | None = None,
) -> None:
    existing = txn.conn.execute(
        sa.select(conflicts.c.id).where(
            conflicts.c.entity == entity,
            conflicts.c.recordId == record_id,
            conflicts.c.field == field,
        )
    ).scalar()
    values = {
        "mine": mine,
        "theirs": theirs,
        "serverVersion": server_version,
        "message": message,
        "createdAt": txn.now,
    }
    if existing is None:
        txn.conn.execute(
            conflicts.insert().values(entity=entity, recordId=record_id, field=field, **values)
        )
    else:
        txn.conn.execute(conflicts.update().where(conflicts.c.id == existing).values(**values))
    txn.conflicts = True


def _server_meta(data: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "version": data["version"],
        "createdAt": data.get("createdAt"),
        "updatedAt": data.get("updatedAt"),
        "deletedAt": None,
    }


def new_row(entity: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """The row of a server record the cache does not hold yet: the server's values, clean."""
    return {
        "id": str(data["id"]),
        **_server_meta(data),
        "dirty": {},
        "localOnly": False,
        "localDeleted": False,
        **{n: data.get(n) for n in field_names(entity)},
    }


def merge_server_record(txn: WriteTxn, entity: str, data: Mapping[str, Any]) -> None:
    """Apply a live server record (from the feed or a push result)."""
    record_id = str(data["id"])
    row = get_row(txn.conn, entity, record_id)
    txn.touched(entity, record_id)
    if row is None:
        insert_row(txn.conn, entity, new_row(entity, data))
        return
    merge_into_row(txn, entity, row, data)


def merge_into_row(
    txn: WriteTxn, entity: str, row: Mapping[str, Any], data: Mapping[str, Any]
) -> None:
    """Merge a live server record into ``row``, the record's current row in the cache.

    The caller has read ``row`` in this transaction and marked the record touched;
    ``merge_server_record`` does both for one record, ``page_merge`` for a page.
    """
    record_id = str(data["id"])
    names = field_names(entity)
    server_meta = _server_meta(data)
    if int(data["version"]) < int(row["version"]):
        return  # an older state than the one already here
    dirty: dict[str, Any] = dict(row["dirty"] or {})
    values: dict[str, Any] = {}
    clashing: list[str] = []
    for name in names:
        theirs = data.get(name)
        if name not in dirty:
            values[name] = theirs
            continue
        mine, base = row[name], dirty[name]
        if theirs == mine:
            del dirty[name]  # the server has the user's value: that change is done
        elif theirs != base:
            clashing.append(name)
            add_conflict(
                txn,
                entity,
                record_id,
                name,
                mine,
                theirs,
                int(data["version"]),
                f"Changed here and on the server: {name}.",
            )
            dirty[name] = theirs  # keep mine visible, now based on their value
    if clashing:
        # Held back until the user decides: sent as they are, they would overwrite.
        outbox.drop_fields(txn, entity, record_id, set(clashing))
    update_row(
        txn.conn, entity, record_id, {**values, **server_meta, "dirty": dirty, "localOnly": False}
    )


def merge_tombstone(txn: WriteTxn, entity: str, record_id: str, version: int) -> None:
    """Someone deleted the record; the user's pending changes to it become a conflict."""
    row = get_row(txn.conn, entity, record_id)
    if row is None or (row["deletedAt"] is not None and row["version"] >= version):
        return
    txn.touched(entity, record_id)
    pending = [
        e
        for e in outbox.entries_for(txn.conn, entity, record_id)
        if e.state == "pending" and e.op != "delete"
    ]
    if row["dirty"] and not row["localDeleted"]:
        mine = {name: row[name] for name in row["dirty"]}
        add_conflict(
            txn,
            entity,
            record_id,
            DELETED,
            mine,
            None,
            version,
            "Deleted on the server after you changed it.",
        )
    for entry in pending:
        outbox.remove(txn, entry.seq)
    update_row(txn.conn, entity, record_id, {"deletedAt": txn.now, "version": version})
