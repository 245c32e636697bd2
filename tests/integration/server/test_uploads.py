"""Uploads against the real server: resumable at any offset, verified, deduplicated, limited."""

from __future__ import annotations

import hashlib
import random
import socket
import threading
import time
from urllib.parse import urlsplit

import httpx
import sqlalchemy as sa

from advisoros_desktop.database_setup import READ_ONLY
from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.server.jobs import EXTRACT
from advisoros_desktop.server.schema import jobs, uploads
from advisoros_desktop.server.uploads import content_path
from tests.conftest import Account, LiveServer

OCTETS = "application/offset+octet-stream"


def _announce(account: Account, data: bytes, client_id: str, **extra: object) -> httpx.Response:
    upload_id = extra.pop("uploadId", new_id())
    return account.http.post(
        "/uploads",
        json={
            "uploadId": upload_id,
            "sha256": hashlib.sha256(data).hexdigest(),
            "size": len(data),
            "fileName": "w2-2025.pdf",
            "mimeType": "application/pdf",
            "clientId": client_id,
            "category": "w2",
            "year": 2025,
            **extra,
        },
    )


def _patch(account: Account, upload_id: str, offset: int, chunk: bytes) -> httpx.Response:
    return account.http.patch(
        f"/uploads/{upload_id}",
        content=chunk,
        headers={"Upload-Offset": str(offset), "Content-Type": OCTETS, "Tus-Resumable": "1.0.0"},
    )


def _server_offset(account: Account, upload_id: str) -> int:
    response = account.http.head(f"/uploads/{upload_id}")
    assert response.status_code == 200
    return int(response.headers["Upload-Offset"])


def _send_then_drop(
    account: Account, url: str, upload_id: str, offset: int, chunk: bytes, declared: int
) -> None:
    """A PATCH whose connection dies after ``chunk``, though it promised ``declared`` bytes."""
    parts = urlsplit(url)
    token = account.http.headers["Authorization"]
    head = (
        f"PATCH /api/v1/uploads/{upload_id} HTTP/1.1\r\nHost: {parts.netloc}\r\n"
        f"Authorization: {token}\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: {offset}\r\n"
        f"Content-Type: {OCTETS}\r\nContent-Length: {declared}\r\n\r\n"
    ).encode()
    with socket.create_connection((parts.hostname, parts.port)) as sock:
        sock.sendall(head + chunk)
        time.sleep(0.05)
    # The server notices the disconnect and records what arrived.
    deadline = time.monotonic() + 5
    while _server_offset(account, upload_id) != offset + len(chunk):
        assert time.monotonic() < deadline, "the bytes that arrived were not kept"
        time.sleep(0.02)


def _extraction_jobs(live_server: LiveServer, document_id: str) -> int:
    with live_server.engine.connect() as conn:
        found = conn.execute(
            sa.select(sa.func.count())
            .select_from(jobs)
            .where(jobs.c.documentId == document_id, jobs.c.kind == EXTRACT)
        ).scalar_one()
    return int(found)


def test_upload_interrupted_at_random_offsets_resumes_to_the_exact_file(
    live_server: LiveServer,
) -> None:
    alice = live_server.account()
    client_id = alice.create_client()
    rng = random.Random(20261121)
    for _round in range(4):
        data = rng.randbytes(rng.randint(50_000, 400_000))
        created = _announce(alice, data, client_id)
        assert created.status_code == 201, created.text
        upload_id = created.json()["uploadId"]
        cuts = sorted(rng.sample(range(1, len(data)), 3))
        offset = 0
        for cut in cuts:
            # The connection drops somewhere inside each attempt.
            _send_then_drop(
                alice,
                live_server.url,
                upload_id,
                offset,
                data[offset:cut],
                declared=len(data) - offset,
            )
            offset = _server_offset(alice, upload_id)
            assert offset == cut
        done = _patch(alice, upload_id, offset, data[offset:])
        assert done.status_code == 204, done.text
        state = alice.http.get(f"/uploads/{upload_id}").json()
        assert state["status"] == "completed"
        document = state["document"]
        assert document["checksum"] == hashlib.sha256(data).hexdigest()
        # Its extraction was queued with it (and may have run since: ocrStatus moves on).
        assert _extraction_jobs(live_server, document["id"]) == 1
        assert document["fileSize"] == len(data)
        content = alice.http.get(f"/documents/{document['id']}/content")
        assert content.content == data


def test_patch_at_a_wrong_offset_is_409_with_the_servers_offset(live_server: LiveServer) -> None:
    alice = live_server.account()
    data = b"%PDF-1.7 " + bytes(range(256)) * 100
    upload_id = _announce(alice, data, alice.create_client()).json()["uploadId"]
    assert _patch(alice, upload_id, 0, data[:1000]).status_code == 204
    wrong = _patch(alice, upload_id, 500, data[500:])
    assert wrong.status_code == 409
    assert wrong.headers["Upload-Offset"] == "1000"
    assert "continue from 1000" in wrong.json()["error"]["message"]


def test_sha256_mismatch_is_rejected_and_never_becomes_a_document(
    live_server: LiveServer,
) -> None:
    alice = live_server.account()
    data = b"the file the desktop hashed" * 100
    upload_id = _announce(alice, data, alice.create_client()).json()["uploadId"]
    damaged = data[:-1] + b"!"
    response = _patch(alice, upload_id, 0, damaged)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "checksum_mismatch"
    assert "arrived damaged" in error["message"]
    state = alice.http.get(f"/uploads/{upload_id}").json()
    assert state["status"] == "failed" and state["documentId"] is None
    documents = [i for i in alice.http.get("/changes").json()["items"] if i["entity"] == "document"]
    assert documents == []


def test_a_file_the_firm_already_has_moves_no_bytes(live_server: LiveServer) -> None:
    alice = live_server.account()
    client_id = alice.create_client()
    data = b"%PDF W-2 of Maria Gonzalez" * 200
    first = _announce(alice, data, client_id).json()
    _patch(alice, first["uploadId"], 0, data)

    again = _announce(alice, data, client_id)  # dropped on the window a second time
    assert again.status_code == 200
    body = again.json()
    assert body["status"] == "duplicate"
    assert body["documentId"] == first["uploadId"]
    assert body["document"]["checksum"] == hashlib.sha256(data).hexdigest()

    # Another firm with the same file gets its own document: checksums do not leak.
    bob = live_server.account("Firm B")
    assert _announce(bob, data, bob.create_client()).status_code == 201


def test_two_uploads_of_one_file_racing_make_one_document(live_server: LiveServer) -> None:
    alice = live_server.account()
    client_id = alice.create_client()
    data = random.Random(7).randbytes(300_000)
    ids = [_announce(alice, data, client_id).json()["uploadId"] for _ in range(2)]
    assert all(ids)
    results: list[httpx.Response] = []

    def send(upload_id: str) -> None:
        with httpx.Client(base_url=live_server.api, headers=alice.http.headers) as http:
            results.append(
                http.patch(
                    f"/uploads/{upload_id}",
                    content=data,
                    headers={"Upload-Offset": "0", "Content-Type": OCTETS},
                )
            )

    threads = [threading.Thread(target=send, args=(i,)) for i in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [r.status_code for r in results] == [204, 204]
    states = [alice.http.get(f"/uploads/{i}").json() for i in ids]
    assert sorted(s["status"] for s in states) == ["completed", "duplicate"]
    assert states[0]["documentId"] == states[1]["documentId"]
    documents = [i for i in alice.http.get("/changes").json()["items"] if i["entity"] == "document"]
    assert len(documents) == 1


def test_limits_are_enforced_before_any_byte_moves(live_server: LiveServer) -> None:
    alice = live_server.account()
    client_id = alice.create_client()
    limits = alice.http.get("/limits").json()
    huge = alice.http.post(
        "/uploads",
        json={
            "uploadId": new_id(),
            "sha256": "a" * 64,
            "size": limits["maxUploadBytes"] + 1,
            "fileName": "scan.pdf",
            "mimeType": "application/pdf",
            "clientId": client_id,
        },
    )
    assert huge.status_code == 413
    assert "accepts at most" in huge.json()["error"]["message"]
    exe = _announce(alice, b"MZ...", client_id, mimeType="application/x-msdownload")
    assert exe.status_code == 415
    assert "not accepted" in exe.json()["error"]["message"]
    nobody = _announce(alice, b"%PDF", new_id())
    assert nobody.status_code == 422
    assert "no client with id" in nobody.json()["error"]["message"]


def test_create_is_idempotent_for_the_same_upload_id(live_server: LiveServer) -> None:
    alice = live_server.account()
    client_id = alice.create_client()
    data = b"%PDF-1.4 statement" * 50
    upload_id = new_id()
    first = _announce(alice, data, client_id, uploadId=upload_id)
    assert first.status_code == 201
    _patch(alice, upload_id, 0, data[:100])
    again = _announce(alice, data, client_id, uploadId=upload_id)  # reply was lost; ask again
    assert again.status_code == 200 and again.json()["offset"] == 100
    other = _announce(alice, b"another file", client_id, uploadId=upload_id)
    assert other.status_code == 409


def test_cancel_drops_an_unfinished_upload(live_server: LiveServer) -> None:
    alice = live_server.account()
    data = b"%PDF half" * 100
    upload_id = _announce(alice, data, alice.create_client()).json()["uploadId"]
    _patch(alice, upload_id, 0, data[:10])
    assert alice.http.delete(f"/uploads/{upload_id}").status_code == 204
    assert alice.http.head(f"/uploads/{upload_id}").status_code == 404


def test_document_content_honours_http_range(live_server: LiveServer) -> None:
    alice = live_server.account()
    data = bytes(range(256)) * 40
    upload_id = _announce(alice, data, alice.create_client()).json()["uploadId"]
    _patch(alice, upload_id, 0, data)
    part = alice.http.get(f"/documents/{upload_id}/content", headers={"Range": "bytes=100-199"})
    assert part.status_code == 206
    assert part.content == data[100:200]
    assert part.headers["Content-Range"] == f"bytes 100-199/{len(data)}"
    whole = alice.http.get(f"/documents/{upload_id}/content")
    assert whole.status_code == 200 and whole.content == data
    assert whole.headers["Accept-Ranges"] == "bytes"


def test_a_crash_between_storing_the_file_and_recording_it_is_recovered(
    live_server: LiveServer,
) -> None:
    alice = live_server.account()
    data = b"%PDF verified then crashed" * 300
    upload_id = _announce(alice, data, alice.create_client()).json()["uploadId"]
    # The state a crash leaves: all bytes counted and moved into place, no document yet.
    config = live_server.server.config
    part = config.uploads_dir / alice.organization_id / f"{upload_id}.part"
    target = content_path(config, hashlib.sha256(data).hexdigest())
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    part.unlink(missing_ok=True)  # no byte was sent yet, so there may be none
    with live_server.engine.begin() as conn:
        conn.execute(
            uploads.update().where(uploads.c.uploadId == upload_id).values(offset=len(data))
        )
    assert _server_offset(alice, upload_id) == len(data)
    finished = _patch(alice, upload_id, len(data), b"")  # the client's final, empty PATCH
    assert finished.status_code == 204
    assert alice.http.get(f"/uploads/{upload_id}").json()["status"] == "completed"
    again = _patch(alice, upload_id, len(data), b"")  # its reply was lost: asked again
    assert again.status_code == 204


def test_a_client_deleted_during_the_upload_fails_it_with_a_reason(
    live_server: LiveServer,
) -> None:
    alice = live_server.account()
    client_id = alice.create_client()
    data = b"%PDF for a client about to go" * 100
    upload_id = _announce(alice, data, client_id).json()["uploadId"]
    _patch(alice, upload_id, 0, data[:100])
    alice.mutate({"mutationId": new_id(), "entity": "client", "op": "delete", "id": client_id})
    response = _patch(alice, upload_id, 100, data[100:])
    assert response.status_code == 409
    assert "deleted while it uploaded" in response.json()["error"]["message"]
    state = alice.http.get(f"/uploads/{upload_id}").json()
    assert state["status"] == "failed" and "deleted" in state["error"]
    retry = _patch(alice, upload_id, len(data), b"")
    assert retry.status_code == 409
    assert "start a new upload" in retry.json()["error"]["message"]


def test_unfinished_uploads_nobody_resumes_are_dropped(live_server: LiveServer) -> None:
    alice = live_server.account()
    data = b"%PDF abandoned" * 100
    upload_id = _announce(alice, data, alice.create_client()).json()["uploadId"]
    _patch(alice, upload_id, 0, data[:50])
    service = live_server.server.state.uploads
    assert service.drop_stale(older_than_seconds=3600) == 0  # recent: kept
    assert service.drop_stale(older_than_seconds=-1) == 1
    assert alice.http.head(f"/uploads/{upload_id}").status_code == 404
    part = live_server.server.config.uploads_dir / alice.organization_id / f"{upload_id}.part"
    assert not part.exists()


class _Transactions:
    """Counts the write and read transactions of request handlers, by the BEGIN they send.

    Request handlers run in AnyIO's worker threads; the server's own threads (the
    job queue, the tombstone purge) write at their own pace and are not counted.
    """

    def __init__(self, engine: sa.Engine) -> None:
        self.writes = 0
        self.reads = 0
        self._engine = engine
        sa.event.listen(engine, "begin", self._on_begin)

    def _on_begin(self, connection: sa.Connection) -> None:
        if threading.current_thread().name != "AnyIO worker thread":
            return
        if connection.get_execution_options().get(READ_ONLY):
            self.reads += 1
        else:
            self.writes += 1

    def take(self) -> tuple[int, int]:
        counted, self.writes, self.reads = (self.writes, self.reads), 0, 0
        return counted

    def close(self) -> None:
        sa.event.remove(self._engine, "begin", self._on_begin)


def test_a_file_sent_whole_costs_one_write_transaction_per_request(
    live_server: LiveServer,
) -> None:
    alice = live_server.account()
    client_id = alice.create_client()
    data = b"%PDF-1.7 one chunk " * 1500
    counter = _Transactions(live_server.engine)
    try:
        created = _announce(alice, data, client_id)
        assert created.status_code == 201, created.text
        # One write (the upload row); one read (the caller's token).
        assert counter.take() == (1, 1)
        upload_id = created.json()["uploadId"]
        sent = _patch(alice, upload_id, 0, data)
        assert sent.status_code == 204, sent.text
        # One write (offset, document, its job, the upload's outcome); reads: token, upload.
        assert counter.take() == (1, 2)
    finally:
        counter.close()
    assert sent.headers["AdvisorOS-Upload-Status"] == "completed"
    document = alice.http.get(f"/uploads/{upload_id}").json()["document"]
    assert document["checksum"] == hashlib.sha256(data).hexdigest()
    assert alice.http.get(f"/documents/{upload_id}/content").content == data
    part = live_server.server.config.uploads_dir / alice.organization_id / f"{upload_id}.part"
    assert not part.exists()


def test_a_chunk_and_the_last_chunk_cost_one_write_transaction_each(
    live_server: LiveServer,
) -> None:
    alice = live_server.account()
    data = bytes(range(256)) * 300
    upload_id = _announce(alice, data, alice.create_client()).json()["uploadId"]
    counter = _Transactions(live_server.engine)
    try:
        assert _patch(alice, upload_id, 0, data[:1000]).status_code == 204
        assert counter.take()[0] == 1
        assert _patch(alice, upload_id, 1000, data[1000:]).status_code == 204
        assert counter.take()[0] == 1
    finally:
        counter.close()
    assert alice.http.get(f"/documents/{upload_id}/content").content == data


def test_a_damaged_file_sent_whole_leaves_no_bytes_and_no_document(
    live_server: LiveServer,
) -> None:
    alice = live_server.account()
    data = b"%PDF the real file" * 100
    upload_id = _announce(alice, data, alice.create_client()).json()["uploadId"]
    damaged = data[:-1] + b"X"
    response = _patch(alice, upload_id, 0, damaged)
    assert response.status_code == 422
    assert "arrived damaged" in response.json()["error"]["message"]
    state = alice.http.get(f"/uploads/{upload_id}").json()
    assert state["status"] == "failed" and state["documentId"] is None
    config = live_server.server.config
    assert not content_path(config, hashlib.sha256(damaged).hexdigest()).exists()
    assert not (config.uploads_dir / alice.organization_id / f"{upload_id}.part").exists()
