"""Two firms on one server: every route answers another firm's ids with 404, never its data."""

from __future__ import annotations

import hashlib

from advisoros_desktop.domain.ids import new_id
from tests.conftest import Account, LiveServer

OCTETS = "application/offset+octet-stream"


def _upload(account: Account, client_id: str, data: bytes, finish: bool) -> str:
    upload_id = new_id()
    created = account.http.post(
        "/uploads",
        json={
            "uploadId": upload_id,
            "sha256": hashlib.sha256(data).hexdigest(),
            "size": len(data),
            "fileName": "1099-int.pdf",
            "mimeType": "application/pdf",
            "clientId": client_id,
        },
    )
    assert created.status_code == 201
    chunk = data if finish else data[:10]
    account.http.patch(
        f"/uploads/{upload_id}",
        content=chunk,
        headers={"Upload-Offset": "0", "Content-Type": OCTETS},
    )
    return upload_id


def test_every_route_keeps_firms_apart(live_server: LiveServer) -> None:
    alice = live_server.account("Alpha Accounting")
    mallory = live_server.account("Mallory & Co")
    client_id = alice.create_client("Alpha's client", taxId="123-45-6789")
    document_id = _upload(alice, client_id, b"%PDF alpha secret" * 100, finish=True)
    pending_upload = _upload(alice, client_id, b"%PDF alpha pending" * 100, finish=False)

    # /me and /changes show only the caller's firm.
    assert mallory.http.get("/me").json()["organization"]["name"] == "Mallory & Co"
    items = mallory.http.get("/changes").json()["items"]
    assert {i["id"] for i in items} == {mallory.user_id}
    assert "Alpha" not in str(items)

    # Mutations on Alpha's ids: not found, and Alpha's record is unchanged.
    update, delete, reference = mallory.mutate(
        {
            "mutationId": new_id(),
            "entity": "client",
            "op": "update",
            "id": client_id,
            "baseVersion": 1,
            "fields": {"businessName": "Hijacked"},
        },
        {"mutationId": new_id(), "entity": "client", "op": "delete", "id": client_id},
        {
            "mutationId": new_id(),
            "entity": "engagement",
            "op": "create",
            "id": new_id(),
            "fields": {"clientId": client_id, "name": "Sneaky"},
        },
    )
    assert [update["code"], delete["code"]] == ["not_found", "not_found"]
    assert reference["status"] == "rejected" and "no client with id" in reference["message"]
    assert "Alpha" not in str([update, delete, reference])

    # The same id in another firm is another record, not a collision that leaks existence.
    [same_id] = mallory.mutate(
        {
            "mutationId": new_id(),
            "entity": "client",
            "op": "create",
            "id": client_id,
            "fields": {"businessName": "Mallory's own"},
        }
    )
    assert same_id["status"] == "applied"
    alpha_view = [i for i in alice.http.get("/changes").json()["items"] if i["id"] == client_id]
    assert alpha_view[0]["data"]["businessName"] == "Alpha's client"

    # Uploads and document content.
    assert mallory.http.get(f"/uploads/{pending_upload}").status_code == 404
    assert mallory.http.head(f"/uploads/{pending_upload}").status_code == 404
    patch = mallory.http.patch(
        f"/uploads/{pending_upload}",
        content=b"x",
        headers={"Upload-Offset": "10", "Content-Type": OCTETS},
    )
    assert patch.status_code == 404
    assert mallory.http.delete(f"/uploads/{pending_upload}").status_code == 404
    content = mallory.http.get(f"/documents/{document_id}/content")
    assert content.status_code == 404
    assert content.json()["error"]["code"] == "not_found"
    assert alice.http.get(f"/documents/{document_id}/content").status_code == 200
    assert alice.http.head(f"/uploads/{pending_upload}").status_code == 200

    # Mutation ids are per firm too: Mallory reusing Alpha's key is not a replay of Alpha's.
    mutation_id = new_id()
    alice.mutate(
        {
            "mutationId": mutation_id,
            "entity": "client",
            "op": "create",
            "id": new_id(),
            "fields": {"businessName": "Alpha two"},
        }
    )
    [own] = mallory.mutate(
        {
            "mutationId": mutation_id,
            "entity": "client",
            "op": "create",
            "id": new_id(),
            "fields": {"businessName": "Mallory two"},
        }
    )
    assert own["status"] == "applied"
    assert own["record"]["businessName"] == "Mallory two"


def test_uploading_to_another_firms_client_is_refused(live_server: LiveServer) -> None:
    alice = live_server.account("Alpha Accounting")
    mallory = live_server.account("Mallory & Co")
    client_id = alice.create_client()
    data = b"%PDF" * 10
    response = mallory.http.post(
        "/uploads",
        json={
            "uploadId": new_id(),
            "sha256": hashlib.sha256(data).hexdigest(),
            "size": len(data),
            "fileName": "x.pdf",
            "mimeType": "application/pdf",
            "clientId": client_id,
        },
    )
    assert response.status_code == 422
    assert "no client with id" in response.json()["error"]["message"]
