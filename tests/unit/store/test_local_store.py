"""The local store on a real SQLite file: edits, outbox, merges, conflicts, search, notices."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.store import outbox
from advisoros_desktop.store.feed_apply import MalformedPage, apply_page, apply_results, check_page
from advisoros_desktop.store.local_store import EditRefused, LocalStore
from advisoros_desktop.store.transaction import ChangeSet


@pytest.fixture
def store(tmp_path: Path) -> LocalStore:
    return LocalStore(tmp_path / "cache.db")


def _server_client(record_id: str, version: int, **fields: Any) -> dict[str, Any]:
    data = {
        "id": record_id,
        "version": version,
        "organizationId": "o",
        "createdAt": "2026-01-01T00:00:00.000Z",
        "updatedAt": "2026-01-02T00:00:00.000Z",
        "deletedAt": None,
        "businessName": "Acme LLC",
        "status": "active",
        **fields,
    }
    return {"entity": "client", "id": record_id, "version": version, "deleted": False, "data": data}


def _page(*items: dict[str, Any], cursor: str = "e:1:0") -> dict[str, Any]:
    return {"items": list(items), "cursor": cursor, "hasMore": False, "epoch": "e"}


def _pull(store: LocalStore, *items: dict[str, Any], cursor: str = "e:1:0") -> None:
    page = _page(*items, cursor=cursor)
    check_page(page)
    with store.transaction() as txn:
        apply_page(txn, page)


def test_edits_are_validated_and_queued_with_their_outbox_entry(store: LocalStore) -> None:
    with pytest.raises(EditRefused, match="not a valid email address"):
        store.create("client", {"businessName": "Acme", "primaryContactEmail": "bob@"})
    assert store.outbox_entries() == []  # nothing half-written
    client_id = store.create("client", {"businessName": "Acme  LLC"})
    assert store.get("client", client_id)["businessName"] == "Acme LLC"
    store.update("client", client_id, {"city": "Austin"})
    store.update("client", client_id, {"city": "Boston", "notes": "VIP"})
    [entry] = store.outbox_entries()  # unsent edits coalesce into the create
    assert entry.op == "create"
    assert entry.fields == {"businessName": "Acme LLC", "city": "Boston", "notes": "VIP"}


def test_deleting_a_record_never_sent_leaves_no_trace(store: LocalStore) -> None:
    client_id = store.create("client", {"businessName": "Typo Inc"})
    store.delete("client", client_id)
    assert store.get("client", client_id) is None
    assert store.outbox_entries() == []


def test_sent_entries_are_frozen_and_later_edits_queue_behind_them(store: LocalStore) -> None:
    client_id = new_id()
    _pull(store, _server_client(client_id, 3))
    store.update("client", client_id, {"city": "Austin"})
    with store.transaction() as txn:
        [sent] = outbox.take_batch(txn, 100)
    assert sent.base_version == 3 and sent.state == "sent"
    store.update("client", client_id, {"city": "Boston"})
    first, second = store.outbox_entries()
    assert first.fields == {"city": "Austin"}  # unchanged: a resend must be identical
    assert second.fields == {"city": "Boston"}
    with store.transaction() as txn:
        batch = outbox.take_batch(txn, 100)
    assert [e.seq for e in batch] == [first.seq]  # one entry per record per batch


def test_server_changes_merge_with_pending_edits_field_by_field(store: LocalStore) -> None:
    client_id = new_id()
    _pull(store, _server_client(client_id, 1, city="Austin", notes="old"))
    store.update("client", client_id, {"notes": "mine"})
    # Someone else changed another field: it merges, my pending change stays.
    _pull(store, _server_client(client_id, 2, city="Denver", notes="old"), cursor="e:2:0")
    row = store.get("client", client_id)
    assert (row["city"], row["notes"], row["version"]) == ("Denver", "mine", 2)
    assert store.conflicts() == []
    # Someone changed the same field: a conflict with both values, mine still shown.
    _pull(store, _server_client(client_id, 3, city="Denver", notes="theirs"), cursor="e:3:0")
    [conflict] = store.conflicts()
    assert (conflict["field"], conflict["mine"], conflict["theirs"]) == ("notes", "mine", "theirs")
    assert store.get("client", client_id)["notes"] == "mine"
    assert store.outbox_entries() == []  # held back until the user decides
    store.resolve([conflict["id"]], keep="mine")
    [entry] = store.outbox_entries()
    assert entry.fields == {"notes": "mine"}
    assert store.conflicts() == []


def test_take_theirs_drops_my_value(store: LocalStore) -> None:
    client_id = new_id()
    _pull(store, _server_client(client_id, 1, notes="old"))
    store.update("client", client_id, {"notes": "mine"})
    _pull(store, _server_client(client_id, 2, notes="theirs"), cursor="e:2:0")
    store.resolve([c["id"] for c in store.conflicts()], keep="theirs")
    assert store.get("client", client_id)["notes"] == "theirs"
    assert store.get("client", client_id)["dirty"] == {}
    assert store.outbox_entries() == []


def test_a_server_change_equal_to_mine_settles_the_edit(store: LocalStore) -> None:
    client_id = new_id()
    _pull(store, _server_client(client_id, 1, city="Austin"))
    store.update("client", client_id, {"city": "Boston"})
    _pull(store, _server_client(client_id, 2, city="Boston"), cursor="e:2:0")
    assert store.get("client", client_id)["dirty"] == {}
    assert store.conflicts() == []


def test_push_results_applied_conflict_rejected(store: LocalStore) -> None:
    a, b, c = new_id(), new_id(), new_id()
    _pull(store, _server_client(a, 1), _server_client(b, 1), _server_client(c, 1))
    store.update("client", a, {"city": "Austin"})
    store.update("client", b, {"city": "Boston", "notes": "n"})
    store.update("client", c, {"city": "Chicago"})
    with store.transaction() as txn:
        batch = outbox.take_batch(txn, 100)
    ids = {e.record_id: e.mutation_id for e in batch}
    server_b = _server_client(b, 2, city="Berlin")["data"]
    results = [
        {
            "mutationId": ids[a],
            "status": "applied",
            "record": _server_client(a, 2, city="Austin")["data"],
        },
        {
            "mutationId": ids[b],
            "status": "conflict",
            "conflictingFields": ["city"],
            "record": server_b,
            "message": "Someone else changed city",
        },
        {"mutationId": ids[c], "status": "rejected", "message": "City (city) is too long"},
    ]
    with store.transaction() as txn:
        tally = apply_results(txn, batch, results)
    assert tally == {"applied": 1, "duplicate": 0, "conflict": 1, "rejected": 1}
    assert store.get("client", a)["dirty"] == {} and store.get("client", a)["version"] == 2
    [conflict] = store.conflicts()
    assert (conflict["recordId"], conflict["mine"], conflict["theirs"]) == (b, "Boston", "Berlin")
    entries = {e.record_id: e for e in store.outbox_entries()}
    assert entries[b].fields == {"notes": "n"}  # the part that did not clash goes next time
    assert entries[c].state == "rejected" and "too long" in entries[c].last_error
    store.discard_rejected(entries[c].seq)
    assert store.get("client", c)["city"] is None


def test_a_deletion_on_the_server_of_a_record_i_changed_is_a_conflict(store: LocalStore) -> None:
    client_id = new_id()
    _pull(store, _server_client(client_id, 1))
    store.update("client", client_id, {"notes": "call back"})
    _pull(
        store, {"entity": "client", "id": client_id, "version": 2, "deleted": True}, cursor="e:2:0"
    )
    assert store.get("client", client_id) is None
    [conflict] = store.conflicts()
    assert conflict["field"] == "*" and conflict["mine"] == {"notes": "call back"}
    store.resolve([conflict["id"]], keep="mine")  # bring it back as a new record
    [copy] = store.all("client")
    assert copy["id"] != client_id and copy["notes"] == "call back"


@pytest.mark.parametrize(
    "page",
    [
        None,
        [],
        {},
        {"items": [], "cursor": "", "hasMore": False, "epoch": "e"},
        {
            "items": [{"entity": "client", "id": "x"}],
            "cursor": "e:9:0",
            "hasMore": False,
            "epoch": "e",
        },
        {
            "items": [{"entity": "planet", "id": "x", "version": 1, "deleted": True}],
            "cursor": "e:9:0",
            "hasMore": False,
            "epoch": "e",
        },
    ],
)
def test_malformed_pages_are_refused_whole(store: LocalStore, page: Any) -> None:
    client_id = new_id()
    _pull(store, _server_client(client_id, 1))
    with pytest.raises(MalformedPage):
        check_page(page)
    assert store.get("client", client_id) is not None


def test_an_empty_page_deletes_nothing(store: LocalStore) -> None:
    client_id = new_id()
    _pull(store, _server_client(client_id, 1))
    _pull(store, cursor="e:5:0")
    assert store.get("client", client_id) is not None
    assert store.state("cursor") == "e:5:0"


def test_full_text_search_follows_every_write(store: LocalStore) -> None:
    first = store.create("client", {"businessName": "Brightwater Bakery", "city": "Pasadena"})
    store.create("client", {"businessName": "Oak Street Dental"})
    assert store.search("client", "bright") == [first]
    assert store.search("client", "pasa") == [first]
    store.update("client", first, {"businessName": "Clearwater Bakery"})
    assert store.search("client", "bright") == []
    assert store.search("client", "clear bak") == [first]
    store.delete("client", first)
    assert store.search("client", "clear") == []


def test_observers_hear_of_commits_only(store: LocalStore) -> None:
    heard: list[ChangeSet] = []
    store.subscribe(heard.append)
    client_id = store.create("client", {"businessName": "Acme"})
    assert heard[-1].records == {"client": frozenset({client_id})} and heard[-1].outbox
    count = len(heard)
    with pytest.raises(EditRefused):
        store.update("client", client_id, {"status": "done"})
    assert len(heard) == count  # a refused edit announces nothing


def test_references_must_exist_locally(store: LocalStore) -> None:
    with pytest.raises(EditRefused, match="no such client"):
        store.create("engagement", {"clientId": new_id(), "name": "2025 return"})
    client_id = store.create("client", {"businessName": "Acme"})
    engagement_id = store.create("engagement", {"clientId": client_id, "name": "2025 return"})
    assert store.get("engagement", engagement_id)["status"] == "planning"
