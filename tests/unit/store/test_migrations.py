"""Upgrading the program never loses unsent changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.store.database import open_engine
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.migrations import LATEST, schema_version, upgrade
from advisoros_desktop.store.schema import ENTITY_TABLES, outbox


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
