"""The undo commands on a real QUndoStack over a real cache: do, undo, redo, and failures.

QUndoStack needs no QApplication. Records that a sync would bring are put in
the cache the way a sync puts them (a change-feed page); what the server then
makes of it all is in ``tests/integration/sync/test_undo_reaches_server.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QUndoStack

from advisoros_desktop.commands.store_command import StoreCommand
from advisoros_desktop.commands.undo_commands import (
    BulkEdit,
    CreateRecord,
    EditRecord,
    archive_changes,
    archive_records,
    can_archive,
)
from advisoros_desktop.domain.entities import ENTITIES
from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.store import outbox
from advisoros_desktop.store.bulk_update import BULK_CHUNK
from advisoros_desktop.store.feed_apply import apply_page, apply_results, check_page
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.rows import get_row


@pytest.fixture
def store(tmp_path: Path) -> LocalStore:
    return LocalStore(tmp_path / "cache.db")


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


def _item(entity: str, record_id: str, version: int, **fields: Any) -> dict[str, Any]:
    data = {"id": record_id, "version": version, "deletedAt": None, **fields}
    return {"entity": entity, "id": record_id, "version": version, "deleted": False, "data": data}


def _pull(store: LocalStore, *items: dict[str, Any]) -> None:
    page = {"items": list(items), "cursor": "e:1:0", "hasMore": False, "epoch": "e"}
    check_page(page)
    with store.transaction() as txn:
        apply_page(txn, page)


def _synced_client(store: LocalStore, version: int = 1, **fields: Any) -> str:
    client_id = new_id()
    values = {"businessName": "Acme LLC", "status": "active", **fields}
    _pull(store, _item("client", client_id, version, **values))
    return client_id


def _take(store: LocalStore) -> list[outbox.OutboxEntry]:
    """The sync engine takes the outbox's next entries: from now on they are in flight."""
    with store.transaction() as txn:
        return outbox.take_batch(txn, 1000)


def _land(store: LocalStore, batch: list[outbox.OutboxEntry]) -> None:
    """The server applied the batch as sent (records as the cache shows them, next version)."""
    results = []
    for entry in batch:
        with store.engine.connect() as conn:
            row = dict(get_row(conn, entry.entity, entry.record_id) or {})
        record = {
            **{name: row.get(name) for name in ENTITIES[entry.entity].by_name},
            **entry.fields,
            "id": entry.record_id,
            "version": int(row.get("version") or 0) + 1,
            "deletedAt": "2026-11-21T12:00:00.000Z" if entry.op == "delete" else None,
        }
        results.append({"mutationId": entry.mutation_id, "status": "applied", "record": record})
    with store.transaction() as txn:
        apply_results(txn, batch, results)


# ------------------------------------------------------------------ EditRecord


def test_edit_record_does_undoes_and_redoes(store: LocalStore, stack: QUndoStack) -> None:
    client_id = _synced_client(store)
    command = EditRecord(store, "client", client_id, {"status": "inactive"})
    assert command.text() == "Edit status of Acme LLC"
    assert (command.before, command.after) == ({"status": "active"}, {"status": "inactive"})
    stack.push(command)
    assert stack.count() == 1 and command.error is None
    assert store.get("client", client_id)["status"] == "inactive"
    stack.undo()
    assert store.get("client", client_id)["status"] == "active"
    assert store.outbox_entries() == []  # undone before a sync: nothing travels
    stack.redo()
    assert store.get("client", client_id)["status"] == "inactive"
    assert [e.fields for e in store.outbox_entries()] == [{"status": "inactive"}]


def test_edit_record_names_its_fields_and_normalises_values(store: LocalStore) -> None:
    client_id = _synced_client(store)
    command = EditRecord(store, "client", client_id, {"city": " Austin ", "zipCode": "78701"})
    assert command.text() == "Edit city and ZIP code of Acme LLC"
    assert command.after == {"city": "Austin", "zipCode": "78701"}
    three = EditRecord(store, "client", client_id, {"city": "A", "state": "TX", "notes": "n"})
    assert three.text() == "Edit 3 fields of Acme LLC"
    named = EditRecord(store, "client", client_id, {"city": "A"}, text="Move to Austin")
    assert named.text() == named.title == "Move to Austin"


def test_an_edit_that_changes_nothing_is_no_undo_step(store: LocalStore, stack: QUndoStack) -> None:
    client_id = _synced_client(store)
    command = EditRecord(store, "client", client_id, {"status": "active"})
    stack.push(command)
    assert stack.count() == 0 and command.dropped and command.error is None
    assert command.text() == "Edit status of Acme LLC"  # still readable: Qt deleted its half


def test_a_refused_edit_leaves_the_stack_and_the_store_alone(
    store: LocalStore, stack: QUndoStack
) -> None:
    client_id = _synced_client(store)
    failures: list[StoreCommand] = []
    command = EditRecord(
        store, "client", client_id, {"primaryContactEmail": "bob@"}, on_failure=failures.append
    )
    stack.push(command)
    assert stack.count() == 0 and stack.index() == 0
    assert command.dropped and failures == [command]
    assert "not a valid email address" in (command.error or "")
    assert command.failed_step == "do"
    assert store.get("client", client_id)["primaryContactEmail"] is None
    assert store.outbox_entries() == []
    # The stack still works: the next command goes on as usual.
    stack.push(EditRecord(store, "client", client_id, {"city": "Austin"}))
    assert stack.count() == 1


def test_an_edit_of_a_record_deleted_before_it_was_made_is_refused(
    store: LocalStore, stack: QUndoStack
) -> None:
    command = EditRecord(store, "client", new_id(), {"city": "Austin"})
    stack.push(command)
    assert stack.count() == 0
    assert command.error == "This client no longer exists."


def test_undo_of_an_edit_whose_record_was_deleted_meanwhile_reports_it(
    store: LocalStore, stack: QUndoStack
) -> None:
    client_id = _synced_client(store)
    stack.push(EditRecord(store, "client", client_id, {"city": "Austin"}))
    stack.push(EditRecord(store, "client", client_id, {"notes": "VIP"}))
    failures: list[StoreCommand] = []
    command = EditRecord(
        store, "client", client_id, {"status": "inactive"}, on_failure=failures.append
    )
    stack.push(command)
    _pull(store, {"entity": "client", "id": client_id, "version": 2, "deleted": True})
    stack.undo()
    assert failures == [command] and command.failed_step == "undo"
    assert command.message() == ("Undo of “Edit status of Acme LLC”: This client no longer exists.")
    assert stack.count() == 2 and stack.index() == 2  # dropped; the others stay


def test_redo_of_an_edit_whose_record_was_deleted_meanwhile_reports_it(
    store: LocalStore, stack: QUndoStack
) -> None:
    client_id = _synced_client(store)
    command = EditRecord(store, "client", client_id, {"city": "Austin"})
    stack.push(command)
    stack.undo()
    _pull(store, {"entity": "client", "id": client_id, "version": 2, "deleted": True})
    stack.redo()
    assert command.failed_step == "redo" and command.error == "This client no longer exists."
    assert stack.count() == 0


def test_undo_leaves_a_field_someone_else_changed_since(
    store: LocalStore, stack: QUndoStack
) -> None:
    client_id = _synced_client(store, version=3)
    command = EditRecord(store, "client", client_id, {"city": "Austin", "notes": "VIP"})
    stack.push(command)
    _land(store, _take(store))  # a sync: the server took both (version 4)
    # ... then a colleague changed the city, and the next sync brought it.
    _pull(
        store,
        _item("client", client_id, 5, businessName="Acme LLC", city="Dallas", notes="VIP"),
    )
    stack.undo()
    row = store.get("client", client_id)
    assert (row["city"], row["notes"]) == ("Dallas", None)  # their later value stays
    assert command.left_alone == {client_id: ["city"]} and command.error is None
    assert [e.fields for e in store.outbox_entries()] == [{"notes": None}]
    stack.redo()  # redo puts back only what undo took back
    row = store.get("client", client_id)
    assert (row["city"], row["notes"]) == ("Dallas", "VIP")


def test_a_field_changed_between_making_and_pushing_an_edit_keeps_that_value(
    store: LocalStore, stack: QUndoStack
) -> None:
    client_id = _synced_client(store)
    command = EditRecord(store, "client", client_id, {"status": "inactive", "city": "Austin"})
    _pull(store, _item("client", client_id, 2, businessName="Acme LLC", status="prospect"))
    stack.push(command)
    row = store.get("client", client_id)
    assert (row["status"], row["city"]) == ("prospect", "Austin")
    assert command.left_alone == {client_id: ["status"]}
    assert (command.before, command.after) == ({"city": None}, {"city": "Austin"})


def test_an_unexpected_failure_does_not_reach_qt(
    store: LocalStore, stack: QUndoStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    client_id = _synced_client(store)
    command = EditRecord(store, "client", client_id, {"city": "Austin"})

    def disk_full(*_args: Any, **_kwargs: Any) -> None:
        raise OSError("database or disk is full")

    monkeypatch.setattr(store, "update_many", disk_full)
    stack.push(command)
    assert stack.count() == 0 and command.dropped
    assert command.error == "The change could not be saved (database or disk is full)."


# ------------------------------------------------------------------ BulkEdit and archiving


def _documents(store: LocalStore, count: int) -> list[str]:
    client_id = new_id()
    ids = [new_id() for _ in range(count)]
    _pull(
        store,
        _item("client", client_id, 1, businessName="Acme LLC"),
        *(
            _item(
                "document",
                doc_id,
                1,
                clientId=client_id,
                fileName=f"scan-{n:04}.pdf",
                category="general",
                isArchived=False,
            )
            for n, doc_id in enumerate(ids)
        ),
    )
    return ids


def test_archiving_2000_documents_is_one_undo_step(store: LocalStore, stack: QUndoStack) -> None:
    ids = _documents(store, 2000)
    progress: list[tuple[int, int]] = []
    command = archive_records(
        store, "document", ids, progress=lambda done, total: progress.append((done, total))
    )
    assert command.text() == "Archive 2,000 documents"
    stack.push(command)
    assert stack.undoText() == "Archive 2,000 documents"  # what the Edit menu shows
    assert stack.count() == 1 and command.error is None and command.refused == {}
    assert progress[-1] == (2000, 2000) and len(progress) == -(-2000 // BULK_CHUNK)
    assert all(r["isArchived"] for r in store.get_many("document", ids).values())
    assert len(store.outbox_entries()) == 2000
    stack.undo()
    assert not any(r["isArchived"] for r in store.get_many("document", ids).values())
    assert store.outbox_entries() == []  # undone before a sync: nothing travels


def test_undo_of_a_client_archive_gives_each_its_own_status_back(
    store: LocalStore, stack: QUndoStack
) -> None:
    statuses = ["active", "prospect", "inactive"]
    ids = [_synced_client(store, status=s) for s in statuses]
    command = archive_records(store, "client", ids)
    stack.push(command)
    assert [store.get("client", i)["status"] for i in ids] == ["archived"] * 3
    stack.undo()
    assert [store.get("client", i)["status"] for i in ids] == statuses


def test_a_bulk_edit_reports_the_records_that_refuse_and_changes_the_others(
    store: LocalStore, stack: QUndoStack
) -> None:
    ids = _documents(store, 4)
    gone = ids[2]
    failures: list[StoreCommand] = []
    command = BulkEdit(store, "document", ids, {"category": "w2"}, on_failure=failures.append)
    _pull(store, {"entity": "document", "id": gone, "version": 2, "deleted": True})
    stack.push(command)
    assert stack.count() == 1 and failures == [command]
    assert command.error is None and command.refused == {gone: "This document no longer exists."}
    assert command.refusal == "1 of 4 documents was not changed. This document no longer exists."
    assert command.text() == "Edit category of 4 documents"
    others = [i for i in ids if i != gone]
    assert {store.get("document", i)["category"] for i in others} == {"w2"}
    stack.undo()
    assert {store.get("document", i)["category"] for i in others} == {"general"}
    assert command.refused == {}  # the undo itself went through for all it had changed


def test_a_bulk_edit_no_record_takes_is_dropped(store: LocalStore, stack: QUndoStack) -> None:
    ids = _documents(store, 2)
    command = BulkEdit(store, "document", ids, {"engagementId": new_id()})
    stack.push(command)
    assert stack.count() == 0 and command.dropped
    assert command.error == (
        "None of the 2 documents could be changed. Engagement: there is no such engagement."
    )


def test_archive_changes_per_entity() -> None:
    assert archive_changes("client") == {"status": "archived"}
    for entity in ("engagement", "task", "document"):
        assert archive_changes(entity) == {"isArchived": True}
    assert not can_archive("user")
    with pytest.raises(ValueError, match="cannot be archived"):
        archive_changes("extraction")


def test_archiving_one_record_names_it(store: LocalStore) -> None:
    client_id = _synced_client(store)
    assert archive_records(store, "client", [client_id]).text() == "Archive Acme LLC"


# ------------------------------------------------------------------ CreateRecord


def test_create_then_undo_before_sync_leaves_nothing(store: LocalStore, stack: QUndoStack) -> None:
    command = CreateRecord(store, "client", {"businessName": "Acme LLC"})
    assert command.text() == "Create client Acme LLC"
    stack.push(command)
    record_id = command.record_id
    assert store.get("client", record_id)["businessName"] == "Acme LLC"
    stack.undo()
    assert store.get("client", record_id) is None
    assert store.outbox_entries() == []
    stack.redo()  # the same record again, under the same id
    assert command.record_id == record_id and command.replaced_ids == []
    assert [(e.op, e.record_id) for e in store.outbox_entries()] == [("create", record_id)]


def test_undo_of_a_create_in_flight_queues_a_delete_and_redo_takes_it_back(
    store: LocalStore, stack: QUndoStack
) -> None:
    command = CreateRecord(store, "task", {"title": "Ask for the 1099s"})
    stack.push(command)
    _take(store)
    stack.undo()
    assert store.get("task", command.record_id) is None
    assert [(e.op, e.state) for e in store.outbox_entries()] == [
        ("create", "sent"),
        ("delete", "pending"),
    ]
    stack.redo()
    assert store.get("task", command.record_id)["title"] == "Ask for the 1099s"
    assert [(e.op, e.state) for e in store.outbox_entries()] == [("create", "sent")]
    assert command.replaced_ids == []


def test_redo_after_the_delete_reached_the_server_creates_it_anew(
    store: LocalStore, stack: QUndoStack
) -> None:
    command = CreateRecord(store, "task", {"title": "Ask for the 1099s"})
    stack.push(command)
    first_id = command.record_id
    _land(store, _take(store))
    stack.undo()
    _take(store)  # the delete is on its way: the id is spent on the server
    stack.redo()
    assert command.error is None and command.replaced_ids == [first_id]
    assert command.record_id != first_id
    assert store.get("task", command.record_id)["title"] == "Ask for the 1099s"
    ops = [(e.op, e.record_id) for e in store.outbox_entries()]
    assert ops[-1] == ("create", command.record_id)
    stack.undo()  # and the new one can be taken back in its turn
    assert store.get("task", command.record_id) is None


def test_undo_of_a_create_refuses_to_delete_what_others_filed_under_it(
    store: LocalStore, stack: QUndoStack
) -> None:
    command = CreateRecord(store, "client", {"businessName": "Acme LLC"})
    stack.push(command)
    # A colleague's task arrives by sync, filed under the new client.
    _pull(store, _item("task", new_id(), 1, title="Call", clientId=command.record_id))
    stack.undo()
    assert command.error == (
        "Acme LLC was not deleted: 1 record now belong to this client, "
        "and would be deleted with it. Archive it instead."
    )
    assert store.get("client", command.record_id) is not None
    assert stack.count() == 0


def test_a_refused_create_is_no_undo_step(store: LocalStore, stack: QUndoStack) -> None:
    command = CreateRecord(store, "task", {"title": ""})
    stack.push(command)
    assert stack.count() == 0 and command.error == "Title (title) is required"
    assert store.outbox_entries() == []
