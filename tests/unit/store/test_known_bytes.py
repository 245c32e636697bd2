"""Whether the firm has a file's bytes already: ledger, cache and queue, asked at once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.store.database import reading
from advisoros_desktop.store.intake_ledger import IntakeLedger
from advisoros_desktop.store.known_bytes import KnownBytes, known_bytes_in
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.schema import ENTITY_TABLES
from advisoros_desktop.store.upload_queue import NewUpload, UploadQueue

SHA = "ab" * 32
MTIME = 1_700_000_000_123_456_789
NOTHING = KnownBytes(None, None, None)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    store = LocalStore(tmp_path / "cache.db")
    yield store
    store.close()


def _known(store: LocalStore, upload_id: str = "", sha256: str = SHA) -> KnownBytes:
    with reading(store.engine) as conn:
        return known_bytes_in(conn, sha256, upload_id or new_id())


def _document(store: LocalStore, checksum: str | None = SHA, **fields: Any) -> str:
    record_id = new_id()
    values = {
        "id": record_id,
        "version": 1,
        "dirty": {},
        "localOnly": False,
        "localDeleted": False,
        "clientId": new_id(),
        "fileName": "w2.pdf",
        "checksum": checksum,
        "isArchived": False,
        "needsReview": False,
        "createdAt": "2026-01-01T00:00:00.000Z",
        **fields,
    }
    with store.transaction() as txn:
        txn.conn.execute(ENTITY_TABLES["document"].insert(), values)
    return record_id


def _queued(queue: UploadQueue, name: str, **fields: Any) -> str:
    upload = NewUpload(
        path=f"/drop/{name}",
        file_name=name,
        size=1000,
        mtime_ns=MTIME,
        source="drag_drop",
        batch_id="b1",
        **fields,
    )
    return queue.add([upload])[0]


def test_new_bytes_are_known_nowhere(store: LocalStore) -> None:
    assert _known(store) == NOTHING


def test_bytes_the_ledger_linked_to_a_document_are_known_until_it_is_deleted(
    store: LocalStore,
) -> None:
    ledger = IntakeLedger(store)
    ledger.record("/old/w2.pdf", 1000, MTIME, outcome="uploaded", sha256=SHA, document_id="d1")
    assert _known(store) == KnownBytes("d1", None, None)  # not synced here yet: still there
    ledger.record("/old/w2 copy.pdf", 1000, MTIME, outcome="queued", sha256=SHA)
    assert _known(store).ledger_document == "d1"  # an entry with no document links nothing
    deleted = _document(store, None, deletedAt="2026-02-01T00:00:00.000Z")
    ledger.record("/old/1099.pdf", 1000, MTIME, outcome="uploaded", sha256=SHA, document_id=deleted)
    assert _known(store) == NOTHING  # the latest link is to a deleted document
    being_deleted = _document(store, None, localDeleted=True)
    ledger.record("/x.pdf", 1000, MTIME, outcome="duplicate", sha256=SHA, document_id=being_deleted)
    assert _known(store) == NOTHING


def test_a_live_or_archived_document_with_the_checksum_is_known(store: LocalStore) -> None:
    _document(store, deletedAt="2026-02-01T00:00:00.000Z")
    assert _known(store) == NOTHING
    archived = _document(store, isArchived=True)
    assert _known(store) == KnownBytes(None, archived, None)
    live = _document(store, createdAt="2026-03-01T00:00:00.000Z")
    assert _known(store).live_document == live


def test_only_an_earlier_job_that_may_still_become_the_document_is_a_twin(
    store: LocalStore,
) -> None:
    queue = UploadQueue(store)
    first = _queued(queue, "a.pdf", sha256=SHA, state="waiting")
    second = _queued(queue, "b.pdf", sha256=SHA)
    assert _known(store, second).twin == first
    assert _known(store, first).twin is None  # the later copy is the duplicate, not the first
    queue.update(first, state="failed")
    assert _known(store, second).twin is None  # a failed job never becomes the document
    third = _queued(queue, "c.pdf", sha256=SHA)
    assert _known(store, third).twin == second
    assert _known(store, third, "cd" * 32) == NOTHING
