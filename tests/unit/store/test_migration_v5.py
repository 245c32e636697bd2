"""Schema 5 (the upload queue and the intake ledger) on a cache the previous release left."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.store import migrations
from advisoros_desktop.store.database import open_engine
from advisoros_desktop.store.intake_ledger import IntakeLedger, live_document_with_checksum
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.migrations import schema_version, upgrade
from advisoros_desktop.store.schema import ENTITY_TABLES, outbox
from advisoros_desktop.store.upload_queue import NewUpload, UploadQueue

SHA = "ab" * 32
_NEW_OBJECTS = {
    "upload_queue",
    "intake_ledger",
    "ix_upload_queue_state",
    "ix_upload_queue_batch",
    "ix_upload_queue_sha256",
    "ix_intake_ledger_file",
    "ix_intake_ledger_sha256",
    "ix_intake_ledger_upload",
    "ix_documents_checksum",
}


def _names(engine: sa.Engine) -> set[str]:
    with engine.connect() as conn:
        return {name for (name,) in conn.exec_driver_sql("SELECT name FROM sqlite_master")}


def _version_4_cache(path: Path) -> tuple[str, str]:
    """A cache as schema 4 left it: a client, a document, unsent and sent outbox rows."""
    old = open_engine(path)
    upgrade(old, target=4)
    client_id, document_id = new_id(), new_id()
    base = {"version": 3, "localOnly": False, "localDeleted": False}
    with old.begin() as conn:
        conn.execute(
            ENTITY_TABLES["client"].insert(),
            {
                **base,
                "id": client_id,
                "businessName": "Wanda Smith",
                "status": "active",
                "dirty": {"city": "Austin"},
                "city": "Boston",
            },
        )
        conn.execute(
            ENTITY_TABLES["document"].insert(),
            {
                **base,
                "id": document_id,
                "clientId": client_id,
                "fileName": "2025 W-2.pdf",
                "checksum": SHA,
                "dirty": {},
                "isArchived": True,
                "needsReview": False,
            },
        )
        for op, state, fields in (
            ("update", "sent", {"city": "Boston"}),
            ("update", "pending", {"notes": "call back"}),
            ("create", "rejected", {"businessName": ""}),
        ):
            conn.execute(
                outbox.insert().values(
                    mutationId=new_id(),
                    entity="client",
                    op=op,
                    recordId=client_id,
                    baseVersion=3 if state == "sent" else None,
                    fields=fields,
                    state=state,
                    attempts=1,
                    lastError="Server unreachable" if state != "pending" else None,
                    createdAt="2026-11-20T10:00:00.000Z",
                )
            )
    assert schema_version(old) == 4
    assert not _NEW_OBJECTS & _names(old)
    old.dispose()
    return client_id, document_id


def test_a_version_4_cache_upgrades_to_5_losing_nothing(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    client_id, document_id = _version_4_cache(path)

    store = LocalStore(path)
    assert (store.upgraded_from, schema_version(store.engine)) == (4, 5)
    assert _names(store.engine) >= _NEW_OBJECTS
    entries = store.outbox_entries()
    assert [(e.op, e.state, e.base_version, e.attempts) for e in entries] == [
        ("update", "sent", 3, 1),
        ("update", "pending", None, 1),
        ("create", "rejected", None, 1),
    ]
    assert [e.fields for e in entries] == [
        {"city": "Boston"},
        {"notes": "call back"},
        {"businessName": ""},
    ]
    assert entries[2].last_error == "Server unreachable"
    assert store.pending_count() == 2
    client = store.get("client", client_id)
    assert client is not None and client["dirty"] == {"city": "Austin"}
    assert store.search("client", "wanda") == [client_id]
    # The documents already cached are found by their bytes (archived still counts).
    assert live_document_with_checksum(store, SHA) == document_id

    # The new tables work on the upgraded cache.
    queue = UploadQueue(store)
    [upload_id] = queue.add(
        [NewUpload("/scans/w2.pdf", "w2.pdf", 10, 1, "drag_drop", "b1", client_id=client_id)]
    )
    assert queue.get(upload_id) is not None
    IntakeLedger(store).record("/scans/w2.pdf", 10, 1, outcome="queued", upload_id=upload_id)
    assert IntakeLedger(store).seen("/scans/w2.pdf", 10, 1) is not None
    store.close()

    reopened = LocalStore(path)  # opening again changes nothing
    assert (reopened.upgraded_from, schema_version(reopened.engine)) == (5, 5)
    assert UploadQueue(reopened).count() == 1 and len(reopened.outbox_entries()) == 3
    reopened.close()


def test_a_new_cache_starts_at_version_5(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "cache.db")
    assert (store.upgraded_from, schema_version(store.engine)) == (0, 5)
    assert _names(store.engine) >= _NEW_OBJECTS
    store.close()


def test_an_upgrade_cut_short_leaves_version_4_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The step and the version bump are one transaction: a crash half way undoes both."""
    path = tmp_path / "cache.db"
    _version_4_cache(path)

    def crashing_step(conn: sa.Connection) -> None:
        migrations._v5_document_intake(conn)
        raise OSError("power cut")

    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS[:4], (5, crashing_step)))
    engine = open_engine(path)
    with pytest.raises(OSError, match="power cut"):
        upgrade(engine)
    assert schema_version(engine) == 4
    assert not _NEW_OBJECTS & _names(engine)
    engine.dispose()

    monkeypatch.undo()
    store = LocalStore(path)  # the next start upgrades it
    assert (store.upgraded_from, schema_version(store.engine)) == (4, 5)
    assert len(store.outbox_entries()) == 3
    store.close()
