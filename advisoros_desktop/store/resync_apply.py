"""A full resync: the whole data set again, after a 410 from the change feed.

Two reasons, two rules. ``cursor_expired``: the server kept its data but
purged old deletions, so a record the complete listing no longer has was
deleted there (the user's pending changes to it become a conflict).
``epoch_changed``: the server was restored from a backup; nothing is deleted
here, records the server lost are sent again, and where the restored server
disagrees with what the user last saw, both values are shown as a conflict.
Progress survives a crash: the records seen so far are kept in a table.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from advisoros_desktop.domain.entities import ENTITIES
from advisoros_desktop.store import outbox
from advisoros_desktop.store.feed_apply import apply_page, set_state
from advisoros_desktop.store.merge import DELETED, add_conflict, merge_tombstone
from advisoros_desktop.store.rows import field_names, get_row, update_row
from advisoros_desktop.store.schema import ENTITY_TABLES, resync_seen
from advisoros_desktop.store.transaction import WriteTxn

EXPIRED, RESTORED = "cursor_expired", "epoch_changed"


def start(txn: WriteTxn, reason: str) -> None:
    txn.conn.execute(resync_seen.delete())
    set_state(txn, "resync", reason)
    set_state(txn, "cursor", None)
    set_state(txn, "epoch", None)


def apply_resync_page(txn: WriteTxn, page: Mapping[str, Any], reason: str) -> int:
    items = page["items"]
    if items:
        txn.conn.execute(
            sqlite_insert(resync_seen).on_conflict_do_nothing(),
            [{"entity": i["entity"], "recordId": i["id"]} for i in items],
        )
    if reason == RESTORED:
        for item in items:
            if not item["deleted"]:
                _compare_restored(txn, item["entity"], item["data"])
    return apply_page(txn, page)


def _compare_restored(txn: WriteTxn, entity: str, data: Mapping[str, Any]) -> None:
    """The restored server went back in time: show where it differs, keep the user's view."""
    row = get_row(txn.conn, entity, str(data["id"]))
    version = int(data["version"])
    if row is None or int(row["version"]) <= version or not ENTITIES[entity].writable:
        return
    dirty = dict(row["dirty"] or {})
    for name in field_names(entity):
        if ENTITIES[entity].by_name[name].writable and row[name] != data.get(name):
            add_conflict(
                txn,
                entity,
                row["id"],
                name,
                row[name],
                data.get(name),
                version,
                "The server was restored from a backup and has an older value.",
            )
            dirty[name] = data.get(name)
    # From now on the record is based on the restored version; the merge keeps my values.
    update_row(txn.conn, entity, row["id"], {"version": version, "dirty": dirty})


def finish(txn: WriteTxn, reason: str) -> int:
    """Reconcile what the complete listing did not contain; returns how many records."""
    count = 0
    for entity, table in ENTITY_TABLES.items():
        seen = sa.select(resync_seen.c.recordId).where(resync_seen.c.entity == entity)
        missing = (
            txn.conn.execute(
                sa.select(table).where(
                    table.c.version > 0, table.c.deletedAt.is_(None), table.c.id.not_in(seen)
                )
            )
            .mappings()
            .all()
        )
        for row in missing:
            count += 1
            if reason == EXPIRED:
                merge_tombstone(txn, entity, row["id"], int(row["version"]) + 1)
            else:
                _resend(txn, entity, dict(row))
    txn.conn.execute(resync_seen.delete())
    set_state(txn, "resync", None)
    return count


def _resend(txn: WriteTxn, entity: str, row: dict[str, Any]) -> None:
    spec = ENTITIES[entity]
    txn.touched(entity, row["id"])
    if not spec.writable:
        return
    if not spec.creatable:
        add_conflict(
            txn,
            entity,
            row["id"],
            DELETED,
            None,
            None,
            0,
            f"The restored server no longer has this {spec.label}; add it again.",
        )
        return
    for entry in outbox.entries_for(txn.conn, entity, row["id"]):
        if entry.state != "rejected":
            outbox.remove(txn, entry.seq)  # replaced by the create below
    fields = {f.name: row[f.name] for f in spec.fields if f.writable and row[f.name] is not None}
    outbox.append(txn, entity, "create", row["id"], fields)
    update_row(txn.conn, entity, row["id"], {"version": 0, "localOnly": True, "dirty": {}})
