"""Undo as the store sees it: an edit back to earlier values, and what the outbox then holds.

A field put back before its change left is taken out of the unsent entries
(nothing travels); put back after its change was sent or applied, it travels
as a compensating update. Also: bulk edits in chunks, taking back an unsent
deletion, and the reads the undo commands rely on. Push results are applied
the way the sync engine applies them; the real server is in
``tests/integration/sync/test_undo_reaches_server.py``.
"""

from __future__ import annotations

import logging
import statistics
import time
from pathlib import Path
from typing import Any

import pytest

from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.store import outbox
from advisoros_desktop.store.bulk_update import BULK_CHUNK
from advisoros_desktop.store.feed_apply import apply_page, apply_results, check_page
from advisoros_desktop.store.local_store import EditRefused, LocalStore
from advisoros_desktop.store.outbox import OutboxEntry
from advisoros_desktop.store.transaction import ChangeSet

log = logging.getLogger(__name__)


@pytest.fixture
def store(tmp_path: Path) -> LocalStore:
    return LocalStore(tmp_path / "cache.db")


def _item(entity: str, record_id: str, version: int, **fields: Any) -> dict[str, Any]:
    data = {
        "id": record_id,
        "version": version,
        "organizationId": "o",
        "createdAt": "2026-01-01T00:00:00.000Z",
        "updatedAt": "2026-01-02T00:00:00.000Z",
        "deletedAt": None,
        **fields,
    }
    return {"entity": entity, "id": record_id, "version": version, "deleted": False, "data": data}


def _client(record_id: str, version: int, **fields: Any) -> dict[str, Any]:
    return _item(
        "client", record_id, version, **{"businessName": "Acme LLC", "status": "active", **fields}
    )


def _pull(store: LocalStore, *items: dict[str, Any]) -> None:
    page = {"items": list(items), "cursor": "e:1:0", "hasMore": False, "epoch": "e"}
    check_page(page)
    with store.transaction() as txn:
        apply_page(txn, page)


def _take(store: LocalStore) -> list[OutboxEntry]:
    """What the sync engine would send now (those entries are frozen: in flight)."""
    with store.transaction() as txn:
        return outbox.take_batch(txn, 100)


def _land(store: LocalStore, batch: list[OutboxEntry], *records: dict[str, Any]) -> None:
    """The server applied the batch; ``records`` are its records afterwards, in batch order."""
    results = [
        {"mutationId": e.mutation_id, "status": "applied", "record": r["data"]}
        for e, r in zip(batch, records, strict=True)
    ]
    with store.transaction() as txn:
        apply_results(txn, batch, results)


def _fields(store: LocalStore) -> list[tuple[str, str, dict[str, Any]]]:
    return [(e.op, e.state, e.fields) for e in store.outbox_entries()]


# ------------------------------------------------------------------ edits put back


def test_edit_then_undo_before_sync_sends_nothing(store: LocalStore) -> None:
    client_id = new_id()
    _pull(store, _client(client_id, 3, city="Austin"))
    store.update("client", client_id, {"city": "Boston"})
    store.update("client", client_id, {"city": "Austin"})  # undo
    assert store.outbox_entries() == []
    row = store.get("client", client_id)
    assert (row["city"], row["dirty"], row["version"]) == ("Austin", {}, 3)
    assert _take(store) == []


def test_undo_of_one_field_keeps_the_others_pending(store: LocalStore) -> None:
    client_id = new_id()
    _pull(store, _client(client_id, 3))
    store.update("client", client_id, {"city": "Boston", "notes": "VIP"})
    store.update("client", client_id, {"city": None})
    assert _fields(store) == [("update", "pending", {"notes": "VIP"})]
    assert store.get("client", client_id)["dirty"] == {"notes": None}


def test_edit_edit_undo_once_returns_to_the_first_edit_still_pending(store: LocalStore) -> None:
    client_id = new_id()
    _pull(store, _client(client_id, 3))
    store.update("client", client_id, {"status": "inactive"})
    store.update("client", client_id, {"status": "prospect"})
    store.update("client", client_id, {"status": "inactive"})  # undo the second
    assert _fields(store) == [("update", "pending", {"status": "inactive"})]
    assert store.get("client", client_id)["dirty"] == {"status": "active"}
    store.update("client", client_id, {"status": "active"})  # and the first
    assert store.outbox_entries() == []


def test_undo_of_a_change_in_flight_queues_a_compensating_update(store: LocalStore) -> None:
    client_id = new_id()
    _pull(store, _client(client_id, 3))
    store.update("client", client_id, {"status": "inactive"})
    [sent] = _take(store)
    store.update("client", client_id, {"status": "active"})  # undo while it travels
    assert _fields(store) == [
        ("update", "sent", {"status": "inactive"}),  # frozen: a resend must be identical
        ("update", "pending", {"status": "active"}),
    ]
    _land(store, [sent], _client(client_id, 4, status="inactive"))
    row = store.get("client", client_id)
    assert (row["status"], row["dirty"]) == ("active", {"status": "inactive"})
    [compensating] = _take(store)
    assert (compensating.base_version, compensating.fields) == (4, {"status": "active"})
    _land(store, [compensating], _client(client_id, 5, status="active"))
    row = store.get("client", client_id)
    assert (row["status"], row["dirty"], row["version"]) == ("active", {}, 5)
    assert store.outbox_entries() == []


def test_undo_of_a_change_the_server_has_queues_a_compensating_update(store: LocalStore) -> None:
    client_id = new_id()
    _pull(store, _client(client_id, 3))
    store.update("client", client_id, {"city": "Boston"})
    _land(store, _take(store), _client(client_id, 4, city="Boston"))
    assert store.outbox_entries() == [] and store.get("client", client_id)["dirty"] == {}
    store.update("client", client_id, {"city": None})
    assert _fields(store) == [("update", "pending", {"city": None})]
    assert store.get("client", client_id)["dirty"] == {"city": "Boston"}


def test_going_back_to_the_value_in_flight_drops_the_later_change(store: LocalStore) -> None:
    client_id = new_id()
    _pull(store, _client(client_id, 3))
    store.update("client", client_id, {"city": "Austin"})
    [sent] = _take(store)
    store.update("client", client_id, {"city": "Boston", "notes": "n"})
    store.update("client", client_id, {"city": "Austin"})  # undo the second edit
    assert _fields(store) == [
        ("update", "sent", {"city": "Austin"}),
        ("update", "pending", {"notes": "n"}),
    ]
    # Still dirty: the sent change settles it when it lands.
    assert store.get("client", client_id)["dirty"] == {"city": None, "notes": None}
    _land(store, [sent], _client(client_id, 4, city="Austin"))
    assert store.get("client", client_id)["dirty"] == {"notes": None}


def test_changes_to_a_record_not_yet_created_on_the_server_stay_in_its_create(
    store: LocalStore,
) -> None:
    client_id = store.create("client", {"businessName": "Acme LLC", "city": "Boston"})
    store.update("client", client_id, {"city": "Austin"})
    store.update("client", client_id, {"city": "Boston"})  # undo: Boston is the create's value
    [(op, state, fields)] = _fields(store)
    assert (op, state, fields) == (
        "create",
        "pending",
        {"businessName": "Acme LLC", "city": "Boston"},
    )


def test_a_change_put_back_while_the_create_travels_sends_nothing(store: LocalStore) -> None:
    client_id = store.create("client", {"businessName": "Acme LLC", "city": "Boston"})
    [create] = _take(store)
    store.update("client", client_id, {"city": "Austin", "notes": "n"})
    store.update("client", client_id, {"city": "Boston", "notes": None})
    assert _fields(store) == [("create", "sent", {"businessName": "Acme LLC", "city": "Boston"})]
    _land(store, [create], _client(client_id, 1, city="Boston"))
    row = store.get("client", client_id)
    assert (row["city"], row["notes"], row["dirty"]) == ("Boston", None, {})


def test_a_field_put_back_after_a_conflict_held_it_back_is_no_longer_dirty(
    store: LocalStore,
) -> None:
    client_id = new_id()
    _pull(store, _client(client_id, 3, notes="old"))
    store.update("client", client_id, {"notes": "mine"})
    _pull(store, _client(client_id, 4, notes="theirs"))  # a conflict: mine held back
    assert store.outbox_entries() == [] and len(store.conflicts()) == 1
    store.update("client", client_id, {"notes": "theirs"})
    assert store.outbox_entries() == []
    assert store.get("client", client_id)["dirty"] == {}


# ------------------------------------------------------------------ deletions taken back


def test_delete_says_whether_the_record_left_no_trace(store: LocalStore) -> None:
    never_sent = store.create("client", {"businessName": "Typo Inc"})
    assert store.delete("client", never_sent) is True
    on_server = new_id()
    _pull(store, _client(on_server, 1))
    assert store.delete("client", on_server) is False
    assert _fields(store) == [("delete", "pending", {})]


def test_an_unsent_deletion_can_be_taken_back(store: LocalStore) -> None:
    client_id = store.create("client", {"businessName": "Acme LLC"})
    [create] = _take(store)
    assert store.delete("client", client_id) is False  # the create is on its way
    assert store.get("client", client_id) is None
    assert store.undelete("client", client_id) is True
    assert store.get("client", client_id)["businessName"] == "Acme LLC"
    assert [e.seq for e in store.outbox_entries()] == [create.seq]


def test_taking_back_a_deletion_queues_again_the_changes_it_dropped(store: LocalStore) -> None:
    client_id = new_id()
    _pull(store, _client(client_id, 2))
    store.update("client", client_id, {"city": "Austin", "notes": "n"})
    store.update("client", client_id, {"notes": None})
    store.delete("client", client_id)
    assert _fields(store) == [("delete", "pending", {})]
    assert store.undelete("client", client_id) is True
    assert _fields(store) == [("update", "pending", {"city": "Austin"})]
    assert store.get("client", client_id)["dirty"] == {"city": None}


def test_a_deletion_already_sent_cannot_be_taken_back(store: LocalStore) -> None:
    client_id = new_id()
    _pull(store, _client(client_id, 2))
    store.delete("client", client_id)
    _take(store)
    assert store.undelete("client", client_id) is False
    assert store.get("client", client_id) is None
    assert store.undelete("client", new_id()) is False  # never here at all


# ------------------------------------------------------------------ bulk edits


def _documents(store: LocalStore, count: int) -> list[str]:
    """Documents as a sync brings them (they are created by uploading, not by edits)."""
    client_id = new_id()
    ids = [new_id() for _ in range(count)]
    _pull(
        store,
        _client(client_id, 1),
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


def test_update_many_writes_in_chunks_and_reports_progress(store: LocalStore) -> None:
    ids = _documents(store, 250)
    notices: list[ChangeSet] = []
    store.subscribe(notices.append)
    calls: list[tuple[int, int]] = []
    outcome = store.update_many(
        "document",
        {doc_id: {"isArchived": True} for doc_id in ids},
        progress=lambda done, total: calls.append((done, total)),
        chunk_size=100,
    )
    assert calls == [(100, 250), (200, 250), (250, 250)]
    assert len(notices) == 3  # one transaction per chunk
    assert sorted(outcome.changed) == sorted(ids) and outcome.refused == {}
    assert all(row["isArchived"] for row in store.get_many("document", ids).values())
    assert len(store.outbox_entries()) == 250


def test_update_many_reports_records_that_refuse_and_changes_the_others(
    store: LocalStore,
) -> None:
    ids = _documents(store, 5)
    gone, elsewhere = ids[1], ids[3]
    _pull(store, {"entity": "document", "id": gone, "version": 2, "deleted": True})
    changes: dict[str, dict[str, Any]] = {doc_id: {"category": "w2"} for doc_id in ids}
    changes[elsewhere] = {"engagementId": new_id()}  # no such engagement
    outcome = store.update_many("document", changes, chunk_size=2)
    assert outcome.refused == {
        gone: "This document no longer exists.",
        elsewhere: "Engagement: there is no such engagement.",
    }
    assert sorted(outcome.changed) == sorted({ids[0], ids[2], ids[4]})
    assert outcome.changed[ids[0]] == {"category": "w2"}
    assert store.get("document", ids[0])["category"] == "w2"


def test_update_many_leaves_a_field_that_no_longer_holds_the_expected_value(
    store: LocalStore,
) -> None:
    a, b = _documents(store, 2)
    store.update("document", b, {"category": "invoice"})  # someone changed it meanwhile
    outcome = store.update_many(
        "document",
        {a: {"category": "w2"}, b: {"category": "w2"}},
        expected={a: {"category": "general"}, b: {"category": "general"}},
    )
    assert outcome.changed == {a: {"category": "w2"}}
    assert store.get("document", b)["category"] == "invoice"


def test_update_many_refuses_a_read_only_entity(store: LocalStore) -> None:
    with pytest.raises(EditRefused, match="cannot be changed"):
        store.update_many("user", {new_id(): {"name": "x"}})


def test_a_bulk_archive_of_2000_documents_keeps_each_chunk_short(store: LocalStore) -> None:
    ids = _documents(store, 2000)
    stamps: list[float] = []
    start = time.perf_counter()
    store.update_many(
        "document",
        {doc_id: {"isArchived": True} for doc_id in ids},
        progress=lambda _done, _total: stamps.append(time.perf_counter()),
    )
    chunks = [(t - s) * 1000 for s, t in zip([start, *stamps], stamps, strict=False)]
    log.warning(
        "2,000 documents archived in %d chunks: median %.1f ms, max %.1f ms, total %.0f ms",
        len(chunks),
        statistics.median(chunks),
        max(chunks),
        (stamps[-1] - start) * 1000,
    )
    assert len(chunks) == -(-2000 // BULK_CHUNK)
    # 5-15 ms a chunk where it was measured; loose here so a busy machine does not fail it.
    assert statistics.median(chunks) < 100


# ------------------------------------------------------------------ reads


def test_get_many_returns_the_visible_records_only(store: LocalStore) -> None:
    ids = _documents(store, 3)
    store.update("document", ids[0], {"category": "w2"})
    _pull(store, {"entity": "document", "id": ids[1], "version": 2, "deleted": True})
    found = store.get_many("document", [*ids, new_id()])
    assert sorted(found) == sorted([ids[0], ids[2]])
    assert found[ids[0]]["category"] == "w2"


def test_dependents_counts_what_a_deletion_would_take_with_it(store: LocalStore) -> None:
    client_id = store.create("client", {"businessName": "Acme LLC"})
    assert store.dependents("client", client_id) == 0
    store.create("task", {"title": "Call", "clientId": client_id})
    engagement = store.create("engagement", {"clientId": client_id, "name": "2025 return"})
    assert store.dependents("client", client_id) == 2
    store.delete("engagement", engagement)
    assert store.dependents("client", client_id) == 1
