"""Mutation batches against the real server: idempotency, conflicts, merges, rejections."""

from __future__ import annotations

from advisoros_desktop.domain.ids import new_id
from tests.conftest import LiveServer


def _create(record_id: str, **fields: object) -> dict[str, object]:
    return {
        "mutationId": new_id(),
        "entity": "client",
        "op": "create",
        "id": record_id,
        "fields": {"businessName": "Acme LLC", **fields},
    }


def _update(
    record_id: str, base: int, entity: str = "client", **fields: object
) -> dict[str, object]:
    return {
        "mutationId": new_id(),
        "entity": entity,
        "op": "update",
        "id": record_id,
        "baseVersion": base,
        "fields": fields,
    }


def _client_count(account) -> int:
    items = account.http.get("/changes").json()["items"]
    return sum(1 for item in items if item["entity"] == "client")


def test_replayed_batch_applies_nothing_twice(live_server: LiveServer) -> None:
    alice = live_server.account()
    client_id = new_id()
    batch = {"mutations": [_create(client_id), _update(client_id, 1, notes="first call")]}
    first = alice.http.post("/mutations", json=batch).json()["results"]
    assert [r["status"] for r in first] == ["applied", "applied"]

    # The reply was "lost": the same batch is sent again.
    replay = alice.http.post("/mutations", json=batch).json()["results"]
    assert [r["status"] for r in replay] == ["duplicate", "duplicate"]
    assert [r["record"] for r in replay] == [r["record"] for r in first]
    assert _client_count(alice) == 1
    page = alice.http.get("/changes").json()
    [client] = [i for i in page["items"] if i["entity"] == "client"]
    assert client["version"] == 2


def test_same_mutation_id_with_another_body_is_422_and_applies_nothing(
    live_server: LiveServer,
) -> None:
    alice = live_server.account()
    client_id = new_id()
    first = _create(client_id)
    assert alice.mutate(first)[0]["status"] == "applied"
    other = new_id()
    reused = {**_create(other), "mutationId": first["mutationId"]}
    response = alice.http.post("/mutations", json={"mutations": [_create(new_id()), reused]})
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "mutation_id_reused"
    assert "different change" in error["message"]
    assert _client_count(alice) == 1  # the valid create in that batch was not applied either


def test_replay_of_a_rejected_mutation_returns_the_first_rejection(
    live_server: LiveServer,
) -> None:
    alice = live_server.account()
    bad = _create(new_id(), primaryContactEmail="not-an-email")
    first = alice.mutate(bad)[0]
    again = alice.mutate(bad)[0]
    assert first["status"] == again["status"] == "rejected"
    assert again["message"] == first["message"]


def test_same_field_changed_twice_is_a_conflict_with_both_values(
    live_server: LiveServer,
) -> None:
    alice = live_server.account()
    bob = live_server.account()  # same firm
    client_id = alice.create_client(primaryContactName="Dana Lee")
    assert (
        alice.mutate(_update(client_id, 1, primaryContactName="Dana Lee-Smith"))[0]["status"]
        == "applied"
    )

    # Bob edited the same field offline, on version 1.
    [result] = bob.mutate(_update(client_id, 1, primaryContactName="Dana L. Smith"))
    assert result["status"] == "conflict"
    assert result["conflictingFields"] == ["primaryContactName"]
    assert result["record"]["primaryContactName"] == "Dana Lee-Smith"
    assert result["record"]["version"] == 2
    assert "primaryContactName" in result["message"]


def test_changes_to_different_fields_merge_silently(live_server: LiveServer) -> None:
    alice = live_server.account()
    bob = live_server.account()
    client_id = alice.create_client()
    assert alice.mutate(_update(client_id, 1, city="Austin"))[0]["status"] == "applied"
    [result] = bob.mutate(_update(client_id, 1, primaryContactPhone="512-555-0142"))
    assert result["status"] == "applied"
    assert result["record"]["city"] == "Austin"
    assert result["record"]["primaryContactPhone"] == "512-555-0142"
    assert result["version"] == 3


def test_setting_a_field_to_the_value_it_already_has_is_not_a_conflict(
    live_server: LiveServer,
) -> None:
    alice = live_server.account()
    client_id = alice.create_client()
    alice.mutate(_update(client_id, 1, status="inactive"))
    [result] = alice.mutate(_update(client_id, 1, status="inactive"))
    assert result["status"] == "applied"


def test_invalid_values_are_rejected_with_readable_messages(live_server: LiveServer) -> None:
    alice = live_server.account()
    client_id = alice.create_client()
    bad_email, bad_status, missing, unknown_field, bad_ein = alice.mutate(
        _update(client_id, 1, primaryContactEmail="bob@"),
        _update(client_id, 1, status="done"),
        {
            "mutationId": new_id(),
            "entity": "client",
            "op": "create",
            "id": new_id(),
            "fields": {"city": "Reno"},
        },
        _update(client_id, 1, favouriteColour="blue"),
        _update(client_id, 1, taxId="00-1234567"),
    )
    assert bad_email["status"] == "rejected"
    assert "'bob@' is not a valid email address" in bad_email["message"]
    assert bad_status["status"] == "rejected"
    assert "'done' is not one of: prospect, active, inactive, archived" in bad_status["message"]
    assert missing["status"] == "rejected"
    assert "Business name (businessName) is required" in missing["message"]
    assert "has no field 'favouriteColour'" in unknown_field["message"]
    assert "the IRS does not assign prefix 00" in bad_ein["message"]
    assert [d["field"] for d in bad_email["details"]] == ["primaryContactEmail"]


def test_references_must_exist_in_the_organization(live_server: LiveServer) -> None:
    alice = live_server.account()
    [result] = alice.mutate(
        {
            "mutationId": new_id(),
            "entity": "engagement",
            "op": "create",
            "id": new_id(),
            "fields": {"clientId": new_id(), "name": "2025 Form 1040"},
        }
    )
    assert result["status"] == "rejected"
    assert "no client with id" in result["message"]


def test_offline_created_records_may_reference_each_other_in_one_batch(
    live_server: LiveServer,
) -> None:
    alice = live_server.account()
    client_id, engagement_id, task_id = new_id(), new_id(), new_id()
    results = alice.mutate(
        _create(client_id),
        {
            "mutationId": new_id(),
            "entity": "engagement",
            "op": "create",
            "id": engagement_id,
            "fields": {"clientId": client_id, "name": "2025 return", "taxYear": 2025},
        },
        {
            "mutationId": new_id(),
            "entity": "task",
            "op": "create",
            "id": task_id,
            "fields": {
                "title": "Collect W-2s",
                "clientId": client_id,
                "engagementId": engagement_id,
                "priority": "high",
            },
        },
    )
    assert [r["status"] for r in results] == ["applied"] * 3
    assert results[2]["record"]["status"] == "pending"  # default filled in


def test_staff_may_not_delete_clients_but_a_cpa_may(live_server: LiveServer) -> None:
    cpa = live_server.account(role="cpa")
    staff = live_server.account(role="staff")
    client_id = cpa.create_client()
    delete = {"mutationId": new_id(), "entity": "client", "op": "delete", "id": client_id}
    [refused] = staff.mutate(delete)
    assert refused["status"] == "rejected" and refused["code"] == "forbidden"
    assert "Staff members may not delete clients" in refused["message"]
    [done] = cpa.mutate({**delete, "mutationId": new_id()})
    assert done["status"] == "applied"
    assert done["record"]["deletedAt"] is not None


def test_deleting_a_client_tombstones_what_belongs_to_it(live_server: LiveServer) -> None:
    alice = live_server.account()
    client_id, engagement_id = alice.create_client(), new_id()
    alice.mutate(
        {
            "mutationId": new_id(),
            "entity": "engagement",
            "op": "create",
            "id": engagement_id,
            "fields": {"clientId": client_id, "name": "Audit"},
        }
    )
    cursor = alice.http.get("/changes").json()["cursor"]
    alice.mutate({"mutationId": new_id(), "entity": "client", "op": "delete", "id": client_id})
    page = alice.http.get("/changes", params={"cursor": cursor}).json()
    assert [(i["entity"], i["deleted"]) for i in page["items"]] == [
        ("engagement", True),
        ("client", True),
    ]
    assert all("data" not in i for i in page["items"])


def test_an_edit_to_a_record_deleted_meanwhile_is_a_conflict(live_server: LiveServer) -> None:
    alice = live_server.account()
    client_id = alice.create_client()
    alice.mutate({"mutationId": new_id(), "entity": "client", "op": "delete", "id": client_id})
    [result] = alice.mutate(_update(client_id, 1, notes="called back"))
    assert result["status"] == "conflict"
    assert "deleted" in result["message"]


def test_read_only_and_server_made_entities_are_refused(live_server: LiveServer) -> None:
    alice = live_server.account()
    user, document, ocr = alice.mutate(
        _update(alice.user_id, 1, entity="user", name="Someone Else"),
        {
            "mutationId": new_id(),
            "entity": "document",
            "op": "create",
            "id": new_id(),
            "fields": {"fileName": "a.pdf"},
        },
        _update(new_id(), 1, entity="document", ocrStatus="completed"),
    )
    assert user["status"] == "rejected" and user["code"] == "read_only"
    assert "created by uploading a file" in document["message"]
    assert ocr["status"] == "rejected"
