"""Every verified upload queues an extraction job; a failing job fails only its document."""

from __future__ import annotations

import hashlib

import sqlalchemy as sa

from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.server.jobs import EXTRACT, JobQueue
from advisoros_desktop.server.schema import jobs
from tests.conftest import Account, LiveServer


def _upload(account: Account, client_id: str, data: bytes) -> str:
    upload_id = new_id()
    account.http.post(
        "/uploads",
        json={
            "uploadId": upload_id,
            "sha256": hashlib.sha256(data).hexdigest(),
            "size": len(data),
            "fileName": "doc.pdf",
            "mimeType": "application/pdf",
            "clientId": client_id,
        },
    )
    done = account.http.patch(
        f"/uploads/{upload_id}",
        content=data,
        headers={"Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"},
    )
    assert done.status_code == 204
    return upload_id


def test_uploads_queue_extraction_and_a_crash_fails_only_that_job(
    live_server: LiveServer,
) -> None:
    alice = live_server.account()
    client_id = alice.create_client()
    good = _upload(alice, client_id, b"%PDF good" * 10)
    bad = _upload(alice, client_id, b"%PDF crashes the extractor" * 10)
    seen: list[str] = []

    def extract(_engine: sa.Engine, _org: str, document_id: str) -> None:
        if document_id == bad:
            raise RuntimeError("unreadable cross-reference table")
        seen.append(document_id)

    queue = JobQueue(live_server.engine, {EXTRACT: extract})
    while queue.run_once():
        pass
    with live_server.engine.connect() as conn:
        rows = {r.documentId: r for r in conn.execute(sa.select(jobs))}
    assert seen == [good]
    assert rows[good].status == "done"
    assert rows[bad].status == "failed"
    assert rows[bad].attempts == 3
    assert "unreadable cross-reference table" in rows[bad].lastError
