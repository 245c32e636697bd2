"""A page applied in bulk leaves exactly the cache that applying it record by record leaves.

``apply_page`` merges a page in bulk (``page_merge``) for speed; the rules are
those of ``merge_server_record`` and ``merge_tombstone`` applied in order. So
the test starts two copies of one cache with every kind of local state (clean
rows, edits not sent, edits sent, conflicting edits, local deletions), applies
one page to each, one way each, and compares every table byte for byte: rows
with their rowids, the outbox, conflicts, search, and what observers were told.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.store import outbox, page_merge
from advisoros_desktop.store.feed_apply import apply_page, check_page, set_state
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.merge import merge_server_record, merge_tombstone
from advisoros_desktop.store.schema import ENTITY_TABLES, SEARCH_INDEXES
from advisoros_desktop.store.transaction import ChangeSet, WriteTxn

NOW = "2026-11-21T12:00:00.000Z"
STAMP = {"createdAt": "2026-01-01T00:00:00.000Z", "updatedAt": "2026-01-02T00:00:00.000Z"}


def _client(record_id: str, version: int, **fields: Any) -> dict[str, Any]:
    data = {
        "id": record_id,
        "version": version,
        "organizationId": "o",
        **STAMP,
        "deletedAt": None,
        "businessName": "Acme LLC",
        "status": "active",
        **fields,
    }
    return {"entity": "client", "id": record_id, "version": version, "deleted": False, "data": data}


def _document(record_id: str, client_id: str, version: int, **fields: Any) -> dict[str, Any]:
    data = {
        "id": record_id,
        "version": version,
        "organizationId": "o",
        **STAMP,
        "deletedAt": None,
        "clientId": client_id,
        "engagementId": None,
        "fileName": "W-2 2025 - Bellwether Construction Co.pdf",
        "fileSize": 123_456,
        "mimeType": "application/pdf",
        "checksum": "ab" * 32,
        "category": "w2",
        "year": 2025,
        "source": "upload",
        "ocrStatus": "completed",
        "needsReview": False,
        "extractedData": {"formType": "W-2", "fields": {"wages": "52000.00"}},
        "isArchived": False,
        **fields,
    }
    return {
        "entity": "document",
        "id": record_id,
        "version": version,
        "deleted": False,
        "data": data,
    }


def _tombstone(entity: str, record_id: str, version: int) -> dict[str, Any]:
    return {"entity": entity, "id": record_id, "version": version, "deleted": True}


def _page(items: list[dict[str, Any]]) -> dict[str, Any]:
    page = {"items": items, "cursor": "e:9:0", "hasMore": False, "epoch": "e"}
    check_page(page)
    return page


def _one_by_one(txn: WriteTxn, page: dict[str, Any]) -> None:
    """The rules as they read: each item in order, one record at a time."""
    for item in page["items"]:
        if item["deleted"]:
            merge_tombstone(txn, item["entity"], item["id"], int(item["version"]))
        else:
            merge_server_record(txn, item["entity"], item["data"])
    set_state(txn, "cursor", page["cursor"])
    set_state(txn, "epoch", page["epoch"])


def _local_state(path: Path) -> dict[str, str]:
    """A cache with one record in each situation a page can meet; returns their ids."""
    store = LocalStore(path)
    ids = {name: new_id() for name in ("clean", "edited", "sent", "clash", "gone", "local_del")}
    ids["doc"] = new_id()
    with store.transaction() as txn:
        apply_page(
            txn,
            _page(
                [
                    _client(record_id, 2, city="Austin")
                    for key, record_id in ids.items()
                    if key != "doc"
                ]
                + [_document(ids["doc"], ids["clean"], 1)]
            ),
        )
    store.update("client", ids["edited"], {"notes": "Call on Monday"})
    store.update("client", ids["clash"], {"city": "Dallas"})
    store.update("client", ids["gone"], {"notes": "Prefers email"})
    store.update("client", ids["sent"], {"legalName": "SENT LLC"})
    with store.transaction() as txn:
        outbox.take_batch(txn, 2)  # freezes the first two entries, as a push would
    store.update("client", ids["sent"], {"legalName": "SENT AGAIN LLC"})
    store.delete("client", ids["local_del"])
    store.create("client", {"businessName": "Made offline"})
    store.close()
    return ids


def _incoming(ids: dict[str, str]) -> dict[str, Any]:
    new_clients = [new_id() for _ in range(3)]
    twice = new_id()
    return _page(
        [
            *(
                _client(i, 1, businessName=f"Zephyr Partners {n}")
                for n, i in enumerate(new_clients)
            ),
            _client(ids["clean"], 3, city="Houston"),
            _client(ids["edited"], 3, city="El Paso"),  # another field: merges
            _client(ids["clash"], 3, city="Waco"),  # the same field: a conflict
            _client(ids["sent"], 3, legalName="SENT LLC"),  # the server has my first change
            _client(ids["local_del"], 1, city="Older"),  # older than what is here: ignored
            _client(twice, 1, city="First"),
            _document(new_id(), new_clients[0], 1, extractedData=None, needsReview=True),
            _document(new_id(), new_clients[1], 2, description="Año fiscal 2025"),
            _document(ids["doc"], ids["clean"], 2, fileName="Invoice 4711 - Acme.pdf"),
            _client(twice, 2, city="Second"),  # the same record again in one page
            _tombstone("client", ids["gone"], 3),  # deleted there, edited here: a conflict
            _tombstone("client", new_id(), 4),  # never here: nothing to do
            _tombstone("client", twice, 3),
        ]
    )


def _snapshot(path: Path) -> dict[str, Any]:
    conn = sqlite3.connect(path)
    try:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'"
            )
        ]
        found: dict[str, Any] = {}
        for table in tables:
            columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
            select = ", ".join(f'"{c}"' for c in columns)
            found[table] = conn.execute(
                f'SELECT rowid, {select} FROM "{table}" ORDER BY rowid'
            ).fetchall()
        for fts, _entity, _columns in SEARCH_INDEXES:
            conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
            found[fts] = conn.execute(
                f"SELECT rowid FROM {fts} WHERE {fts} MATCH 'zephyr* OR invoice OR ano' "
                f"ORDER BY rowid"
            ).fetchall()
        return found
    finally:
        conn.close()


def _apply(
    path: Path, page: dict[str, Any], how: Callable[[WriteTxn, dict[str, Any]], Any]
) -> ChangeSet:
    store = LocalStore(path)
    told: list[ChangeSet] = []
    store.subscribe(told.append)
    with store.transaction() as txn:
        txn.now = NOW  # tombstones and conflicts are stamped with it: the same in both
        how(txn, page)
    store.close()
    [change_set] = told
    return change_set


def test_a_page_in_bulk_leaves_the_cache_one_by_one_leaves(tmp_path: Path) -> None:
    ids = _local_state(tmp_path / "start.db")
    bulk, reference = tmp_path / "bulk.db", tmp_path / "reference.db"
    for copy in (bulk, reference):
        shutil.copy(tmp_path / "start.db", copy)
    page = _incoming(ids)

    told_bulk = _apply(bulk, page, apply_page)
    told_reference = _apply(reference, page, _one_by_one)

    assert told_bulk == told_reference
    after = _snapshot(bulk)
    assert after == _snapshot(reference)
    # The page did reach every kind of record, so the comparison above means something.
    assert len(after["conflicts"]) == 3
    # Three documents: the invoice by its name, "Año fiscal" by its description, and the
    # W-2 of the client "Zephyr Partners 0" through its client's name (indexed with it).
    assert len(after["clients_fts"]) == 3 and len(after["documents_fts"]) == 3


def test_a_first_sync_page_stores_values_as_a_single_insert_does(tmp_path: Path) -> None:
    """New rows go in by multi-row INSERTs with SQLAlchemy's conversions: JSON, booleans, NULLs."""
    client_id = new_id()
    page = _page(
        [
            _client(client_id, 1, notes=None, taxId="12-3456789"),
            _document(new_id(), client_id, 1, extractedData=None),
            _document(new_id(), client_id, 1, needsReview=True, isArchived=None),
        ]
    )
    for name in ("bulk.db", "reference.db"):
        LocalStore(tmp_path / name).close()
    _apply(tmp_path / "bulk.db", page, apply_page)
    _apply(tmp_path / "reference.db", page, _one_by_one)
    assert _snapshot(tmp_path / "bulk.db") == _snapshot(tmp_path / "reference.db")


def _first_sync_page(count: int) -> dict[str, Any]:
    """``count`` new clients, each followed by its document, one record twice in the middle."""
    items: list[dict[str, Any]] = []
    for n in range(count):
        client_id = new_id()
        items.append(_client(client_id, 1, businessName=f"Zephyr Partners {n}", city=None))
        items.append(_document(new_id(), client_id, 1, fileName=f"Invoice {n}.pdf"))
    # A record seen again mid-page: the rows buffered before it are written first.
    again = items[count + 1]
    items.insert(count + 2, {**again, "version": 2, "data": {**again["data"], "version": 2}})
    return _page(items)


def _inserts_of(path: Path, page: dict[str, Any]) -> list[tuple[str, Any]]:
    """Apply ``page`` in bulk; the INSERT statements sent to SQLite, with their parameters."""
    store = LocalStore(path)
    sent: list[tuple[str, Any]] = []

    def note(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        if statement.startswith(("INSERT INTO clients ", "INSERT INTO documents ")):
            sent.append((statement, parameters))

    sa.event.listen(store.engine, "before_cursor_execute", note)
    with store.transaction() as txn:
        txn.now = NOW
        apply_page(txn, page)
    store.close()
    return sent


@pytest.mark.parametrize("parameter_limit", [None, 50, 10])
def test_new_rows_go_many_to_a_statement_in_the_pages_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parameter_limit: int | None
) -> None:
    """Past one statement, past the parameter limit, and split by a repeated record,
    the rows are the ones (and the rowids) that inserting one by one gives."""
    if parameter_limit is not None:  # an older SQLite, or another driver
        monkeypatch.setattr(page_merge, "_parameter_limit", lambda _conn: parameter_limit)
    count = 2 * page_merge.ROWS_PER_INSERT + 7
    page = _first_sync_page(count)
    for name in ("bulk.db", "reference.db"):
        LocalStore(tmp_path / name).close()
    sent = _inserts_of(tmp_path / "bulk.db", page)
    _apply(tmp_path / "reference.db", page, _one_by_one)
    after = _snapshot(tmp_path / "bulk.db")
    assert after == _snapshot(tmp_path / "reference.db")
    assert len(after["clients"]) == count and len(after["documents"]) == count

    for entity in ("client", "document"):
        table = ENTITY_TABLES[entity]
        width = len(table.columns)
        statements = [(sql, p) for sql, p in sent if sql.startswith(f"INSERT INTO {table.name} ")]
        rows = [len(p) // width for _sql, p in statements]
        assert sum(rows) == count
        assert all(len(p) == sql.count("?") for sql, p in statements)
        # Values are bound, never written into the statement.
        assert not any("Zephyr" in sql or "Invoice" in sql for sql, _p in statements)
        limit = parameter_limit or 32766
        per_statement = max(1, min(page_merge.ROWS_PER_INSERT, limit // width))
        assert max(rows) == per_statement
        assert all(len(p) <= max(limit, width) for _sql, p in statements)


def test_statements_come_in_few_sizes() -> None:
    """Each size is a statement kept prepared: a page's rest must not make a new one each time."""
    most = page_merge.ROWS_PER_INSERT
    sizes: set[int] = set()
    for rows in range(0, 3 * most + 1):
        split = page_merge._statement_sizes(rows, most)
        assert sum(split) == rows and all(0 < size <= most for size in split)
        sizes.update(split)
    assert len(sizes) <= most.bit_length() + 1
    assert page_merge._statement_sizes(7, 1) == [1] * 7
