"""Freezing a push batch and applying its results in bulk change nothing but the speed.

``outbox.take_batch`` reads the records' versions with one query per entity,
and ``apply_results`` reads the records' rows up front, instead of once or
twice per entry. Each is compared here with the per-entry rules written out
plainly (as they were before), on two copies of one cache holding every kind
of outbox entry and given every kind of result.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.store import feed_apply, outbox
from advisoros_desktop.store.feed_apply import apply_page, apply_results, check_page
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.merge import merge_server_record, merge_tombstone
from advisoros_desktop.store.outbox import OutboxEntry
from advisoros_desktop.store.rows import get_row, update_row
from advisoros_desktop.store.transaction import ChangeSet, WriteTxn

NOW = "2026-11-21T12:00:00.000Z"


# --------------------------------------------------------------- the rules, one entry at a time


def take_batch_one_by_one(txn: WriteTxn, limit: int) -> list[OutboxEntry]:
    rows = txn.conn.execute(
        sa.select(outbox.outbox)
        .where(outbox.outbox.c.state.in_(("pending", "sent")))
        .order_by(outbox.outbox.c.seq)
        .limit(limit)
    ).all()
    batch: list[OutboxEntry] = []
    seen: set[tuple[str, str]] = set()
    for row in rows:
        entry = outbox._entry(row)
        if (entry.entity, entry.record_id) in seen:
            break
        seen.add((entry.entity, entry.record_id))
        if entry.state == "pending":
            current = get_row(txn.conn, entry.entity, entry.record_id)
            base = None if entry.op == "create" else int(current["version"]) if current else 0
            txn.conn.execute(
                outbox.outbox.update()
                .where(outbox.outbox.c.seq == entry.seq)
                .values(state="sent", baseVersion=base)
            )
            entry = replace(entry, base_version=base, state="sent")
        batch.append(entry)
    if batch:
        txn.conn.execute(
            outbox.outbox.update()
            .where(outbox.outbox.c.seq.in_([e.seq for e in batch]))
            .values(attempts=outbox.outbox.c.attempts + 1)
        )
        txn.outbox = True
    return batch


def apply_results_one_by_one(
    txn: WriteTxn, entries: Sequence[OutboxEntry], results: Sequence[Mapping[str, Any]]
) -> dict[str, int]:
    by_id = {r.get("mutationId"): r for r in results}
    tally = {"applied": 0, "duplicate": 0, "conflict": 0, "rejected": 0}
    for entry in entries:
        result = by_id.get(entry.mutation_id)
        if result is None:
            continue
        status = str(result.get("status"))
        tally[status] = tally.get(status, 0) + 1
        if status in ("applied", "duplicate"):
            _applied_one(txn, entry, result.get("record"))
        elif status == "conflict":
            feed_apply._conflicted(txn, entry, result)
        else:
            outbox.reject(txn, entry.seq, str(result.get("message") or "Refused by the server."))
        txn.touched(entry.entity, entry.record_id)
    return tally


def _applied_one(txn: WriteTxn, entry: OutboxEntry, record: Any) -> None:
    outbox.remove(txn, entry.seq)
    if not isinstance(record, Mapping):
        return
    if record.get("deletedAt") is not None:
        merge_tombstone(txn, entry.entity, entry.record_id, int(record["version"]))
        update_row(txn.conn, entry.entity, entry.record_id, {"localDeleted": False})
        return
    row = get_row(txn.conn, entry.entity, entry.record_id)
    if row is not None:
        dirty = dict(row["dirty"] or {})
        for name, sent in entry.fields.items():
            if row[name] != sent:
                dirty[name] = record.get(name)
        update_row(txn.conn, entry.entity, entry.record_id, {"dirty": dirty})
    merge_server_record(txn, entry.entity, record)


# --------------------------------------------------------------- the cache and the server's answers


def _client(record_id: str, version: int, **fields: Any) -> dict[str, Any]:
    return {
        "id": record_id,
        "version": version,
        "createdAt": "2026-01-01T00:00:00.000Z",
        "updatedAt": f"2026-01-0{min(version, 9)}T00:00:00.000Z",
        "deletedAt": None,
        "businessName": "Acme LLC",
        "status": "active",
        **fields,
    }


def _start(path: Path) -> dict[str, str]:
    store = LocalStore(path)
    names = ("applied", "again", "duplicate", "clash", "gone", "deleted", "refused", "silent")
    names += ("orphan",)
    ids = {name: new_id() for name in names}
    ids["stale"] = new_id()
    page = {
        "items": [
            {"entity": "client", "id": i, "version": 4, "deleted": False, "data": _client(i, 4)}
            for i in ids.values()
        ],
        "cursor": "e:1:0",
        "hasMore": False,
        "epoch": "e",
    }
    check_page(page)
    with store.transaction() as txn:
        apply_page(txn, page)
    for name in ("applied", "again", "duplicate", "clash", "refused", "silent", "stale", "orphan"):
        store.update("client", ids[name], {"city": f"{name} city", "notes": "mine"})
    with store.transaction() as txn:  # queued, then gone from the cache (no way a user can)
        txn.conn.execute(sa.text("DELETE FROM clients WHERE id = :id"), {"id": ids["orphan"]})
    store.update("client", ids["gone"], {"notes": "call back"})
    store.delete("client", ids["deleted"])
    ids["created"] = store.create("client", {"businessName": "Made offline"})
    store.close()
    return ids


def _results(batch: list[OutboxEntry], ids: dict[str, str]) -> list[dict[str, Any]]:
    """Every kind of answer, keyed by which record the entry is for."""
    name_of = {record_id: name for name, record_id in ids.items()}
    results = []
    for entry in batch:
        name, rid = name_of[entry.record_id], entry.record_id
        answer: dict[str, Any] = {"mutationId": entry.mutation_id, "status": "applied"}
        if name == "silent":
            continue  # no answer for this one: it stays sent
        if name in ("applied", "again", "created", "orphan"):
            answer["record"] = _client(rid, 5, **entry.fields)
        elif name == "duplicate":
            answer |= {"status": "duplicate", "record": _client(rid, 6, **entry.fields)}
        elif name == "stale":
            answer["record"] = _client(rid, 3, city="older", notes="older")  # older than here
        elif name == "clash":
            answer |= {
                "status": "conflict",
                "record": _client(rid, 5, city="Their city"),
                "conflictingFields": ["city"],
                "message": "Someone changed the city.",
            }
        elif name == "gone":
            answer |= {
                "status": "conflict",
                "record": {**_client(rid, 5), "deletedAt": NOW},
                "message": "Deleted by someone else.",
            }
        elif name == "deleted":
            answer["record"] = {**_client(rid, 5), "deletedAt": NOW}
        else:
            answer |= {"status": "rejected", "message": "Not a valid city."}
        results.append(answer)
    return results


def _push_once(path: Path, ids: dict[str, str], take: Any, apply: Any) -> dict[str, Any]:
    store = LocalStore(path)
    told: list[ChangeSet] = []
    store.subscribe(told.append)
    # Edited again while the batch is away: its result must leave this change pending.
    with store.transaction() as txn:
        txn.now = NOW
        batch = take(txn, 200)
    store.update("client", ids["again"], {"city": "changed again"})
    store.update("client", ids["stale"], {"notes": "changed again"})
    with store.transaction() as txn:
        txn.now = NOW
        tally = apply(txn, batch, _results(batch, ids))
    store.close()
    return {"batch": batch, "tally": tally, "told": told[0], "tables": _tables(path)}


def _tables(path: Path) -> dict[str, Any]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        clients = [dict(row) for row in conn.execute("SELECT * FROM clients ORDER BY rowid")]
        for row in clients:
            # An edit stamps updatedAt with this computer's clock, which differs between
            # the copies; a merged server record brings the server's (2026-01-0x).
            if not row["updatedAt"].startswith("2026-01-0"):
                row["updatedAt"] = "stamped here"
        outbox_rows = conn.execute(
            "SELECT seq, entity, op, recordId, baseVersion, fields, state, attempts, lastError "
            "FROM outbox ORDER BY seq"
        )
        conflict_rows = conn.execute("SELECT * FROM conflicts ORDER BY id")
        return {
            "clients": clients,
            "outbox": [tuple(row) for row in outbox_rows],
            "conflicts": [tuple(row) for row in conflict_rows],
        }
    finally:
        conn.close()


def test_a_push_in_bulk_leaves_the_cache_one_entry_at_a_time_leaves(tmp_path: Path) -> None:
    ids = _start(tmp_path / "start.db")
    for name in ("bulk.db", "reference.db"):
        shutil.copy(tmp_path / "start.db", tmp_path / name)

    bulk = _push_once(tmp_path / "bulk.db", ids, outbox.take_batch, apply_results)
    reference = _push_once(
        tmp_path / "reference.db", ids, take_batch_one_by_one, apply_results_one_by_one
    )

    # Mutation ids are made when an edit is queued: the copies share those of the start.
    assert bulk["batch"] == reference["batch"]
    assert bulk["tally"] == reference["tally"]
    assert bulk["told"] == reference["told"]
    assert bulk["tables"] == reference["tables"]
    # Every kind of answer was met, so the comparison above covers them all.
    assert bulk["tally"] == {"applied": 6, "duplicate": 1, "conflict": 2, "rejected": 1}
    assert {e.base_version for e in bulk["batch"]} == {None, 0, 4}
    assert len(bulk["tables"]["conflicts"]) == 2
