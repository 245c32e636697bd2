"""Upgrading the program never loses unsent changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.store import table_order
from advisoros_desktop.store.database import open_engine
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.migrations import LATEST, schema_version, upgrade
from advisoros_desktop.store.schema import ENTITY_TABLES, outbox
from advisoros_desktop.store.table_query import TableQuery, count_rows, read_rows


def test_upgrade_from_the_previous_schema_keeps_pending_changes(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    old = open_engine(path)
    upgrade(old, target=LATEST - 1)  # a cache as the previous release left it
    assert schema_version(old) == LATEST - 1
    client_id = new_id()
    with old.begin() as conn:
        conn.execute(
            ENTITY_TABLES["client"]
            .insert()
            .values(
                id=client_id,
                version=4,
                dirty={"notes": "before"},
                localOnly=False,
                localDeleted=False,
                businessName="Brightwater Bakery",
                notes="offline note",
                status="active",
            )
        )
        conn.execute(
            outbox.insert().values(
                mutationId=new_id(),
                entity="client",
                op="update",
                recordId=client_id,
                baseVersion=4,
                fields={"notes": "offline note"},
                state="sent",
                attempts=2,
                createdAt="2026-11-20T10:00:00.000Z",
            )
        )
        conn.execute(
            outbox.insert().values(
                mutationId=new_id(),
                entity="client",
                op="create",
                recordId=new_id(),
                fields={"businessName": "Made on the plane"},
                state="pending",
                attempts=0,
                createdAt="2026-11-20T10:05:00.000Z",
            )
        )
    old.dispose()

    store = LocalStore(path)
    assert store.upgraded_from == LATEST - 1
    assert schema_version(store.engine) == LATEST
    entries = store.outbox_entries()
    assert [(e.op, e.state, e.base_version) for e in entries] == [
        ("update", "sent", 4),
        ("create", "pending", None),
    ]
    assert entries[0].fields == {"notes": "offline note"}
    row = store.get("client", client_id)
    assert row["dirty"] == {"notes": "before"} and row["notes"] == "offline note"
    assert store.search("client", "brightwater") == [client_id]  # indexed on upgrade
    store.close()


def test_a_cache_from_a_newer_program_is_refused_not_damaged(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    LocalStore(path).close()
    engine = open_engine(path)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"PRAGMA user_version = {LATEST + 1}")
    engine.dispose()
    with pytest.raises(RuntimeError, match="newer AdvisorOS Desktop"):
        LocalStore(path)


def test_schema_4_indexes_the_records_already_cached(tmp_path: Path) -> None:
    """Upgrading a filled cache: search by client name, sort indexes, unsent edits kept."""
    path = tmp_path / "cache.db"
    old = open_engine(path)
    upgrade(old, target=3)
    client_id, document_id, task_id, engagement_id = new_id(), new_id(), new_id(), new_id()
    base = {"version": 1, "dirty": {}, "localOnly": False, "localDeleted": False}
    with old.begin() as conn:
        conn.execute(
            ENTITY_TABLES["client"].insert(),
            {**base, "id": client_id, "businessName": "Wanda Smith", "status": "active"},
        )
        conn.execute(
            ENTITY_TABLES["document"].insert(),
            {
                **base,
                "id": document_id,
                "clientId": client_id,
                "fileName": "2025 W-2.pdf",
                "dirty": {"fileName": "w2.pdf"},
                "isArchived": False,
                "needsReview": True,
            },
        )
        conn.execute(
            ENTITY_TABLES["task"].insert(),
            {**base, "id": task_id, "clientId": client_id, "title": "Request 1099s"},
        )
        conn.execute(
            ENTITY_TABLES["engagement"].insert(),
            {**base, "id": engagement_id, "clientId": client_id, "name": "Payroll 2025"},
        )
        conn.execute(
            outbox.insert().values(
                mutationId=new_id(),
                entity="document",
                op="update",
                recordId=document_id,
                fields={"fileName": "2025 W-2.pdf"},
                state="pending",
                attempts=0,
                createdAt="2026-11-20T10:00:00.000Z",
            )
        )
    old.dispose()

    store = LocalStore(path)
    assert (store.upgraded_from, schema_version(store.engine)) == (3, LATEST)
    assert [e.record_id for e in store.outbox_entries()] == [document_id]
    assert store.get("document", document_id)["dirty"] == {"fileName": "w2.pdf"}
    review = TableQuery("document", text="smith w2", needs_review=True)
    assert count_rows(store, review) == 1
    assert [r["id"] for r in read_rows(store, review, 0, 10)] == [document_id]
    assert [r["id"] for r in read_rows(store, TableQuery("task", text="wanda 1099"), 0, 9)] == [
        task_id
    ]
    assert count_rows(store, TableQuery("engagement", text="payroll smith")) == 1
    with store.engine.connect() as conn:
        indexes = {name for (name,) in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
    assert {"ix_documents_by_fileName", "ix_tasks_by_dueDate", "ix_clients_label"} <= indexes
    store.close()


def test_sort_indexes_dropped_for_a_bulk_load_come_back_when_the_cache_is_opened(
    tmp_path: Path,
) -> None:
    path = tmp_path / "cache.db"
    LocalStore(path).close()
    engine = open_engine(path)
    with engine.begin() as conn:
        for statement in table_order.drop_index_statements():
            conn.exec_driver_sql(statement)
        left = {n for (n,) in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
    engine.dispose()
    assert not any(name.startswith(("ix_documents_by_", "ix_clients_label")) for name in left)
    store = LocalStore(path)
    with store.engine.connect() as conn:
        back = {n for (n,) in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
    store.close()
    expected = {s.split()[5] for s in table_order.index_statements()}
    assert expected <= back
