"""Every verified upload queues an extraction job; a failing job fails only its document."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.server.config import ServerConfig
from advisoros_desktop.server.embedded import EmbeddedServer
from advisoros_desktop.server.jobs import EXTRACT, JobQueue
from advisoros_desktop.server.schema import jobs
from tests.conftest import Account, LiveServer


@pytest.fixture(params=["sqlite", "postgresql"])
def quiet_server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[LiveServer]:
    """A server that runs no jobs of its own, so the test's queue is the only one."""
    db_url = None
    if request.param == "postgresql":
        db_url = request.getfixturevalue("postgres_cluster").new_database()
    config = ServerConfig(data_dir=tmp_path / "server", db_url=db_url)
    server = EmbeddedServer(config, job_handlers={}).start()
    live = LiveServer(server)
    yield live
    live.close()
    server.stop()


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
    quiet_server: LiveServer,
) -> None:
    alice = quiet_server.account()
    client_id = alice.create_client()
    good = _upload(alice, client_id, b"%PDF good" * 10)
    bad = _upload(alice, client_id, b"%PDF crashes the extractor" * 10)
    seen: list[str] = []

    def extract(_engine: sa.Engine, _org: str, document_id: str) -> None:
        if document_id == bad:
            raise RuntimeError("unreadable cross-reference table")
        seen.append(document_id)

    queue = JobQueue(quiet_server.engine, {EXTRACT: extract})
    while queue.run_once():
        pass
    with quiet_server.engine.connect() as conn:
        rows = {r.documentId: r for r in conn.execute(sa.select(jobs))}
    assert seen == [good]
    assert rows[good].status == "done"
    assert rows[bad].status == "failed"
    assert rows[bad].attempts == 3
    assert "unreadable cross-reference table" in rows[bad].lastError


class _Abandoning:
    """A handler that always fails and notes when the queue gives up on a job."""

    def __init__(self) -> None:
        self.abandoned: list[tuple[str, str]] = []
        self.closed = False

    def __call__(self, _engine: sa.Engine, _org: str, _document_id: str) -> None:
        raise OSError("database is locked")

    def abandon(self, _engine: sa.Engine, _org: str, document_id: str, error: str) -> None:
        self.abandoned.append((document_id, error))

    def close(self) -> None:
        self.closed = True


def test_a_job_given_up_tells_its_handler_once_and_stop_closes_handlers(
    tmp_path: Path,
) -> None:
    with EmbeddedServer(ServerConfig(data_dir=tmp_path / "server"), job_handlers={}) as server:
        live = LiveServer(server)
        alice = live.account()
        document_id = _upload(alice, alice.create_client(), b"%PDF any" * 10)
        handler = _Abandoning()
        queue = JobQueue(server.state.engine, {EXTRACT: handler})
        while queue.run_once():
            pass
        queue.stop()
        live.close()
    assert handler.abandoned == [(document_id, "OSError: database is locked")]
    assert handler.closed
