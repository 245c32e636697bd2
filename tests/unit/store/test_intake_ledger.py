"""The intake ledger on a real SQLite file: exactly-once by file version and by bytes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.store import intake_ledger as intake_ledger_module
from advisoros_desktop.store.intake_ledger import (
    LIVE_BY_CHECKSUM,
    IntakeLedger,
    live_document_with_checksum,
)
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.schema import ENTITY_TABLES
from advisoros_desktop.store.transaction import ChangeSet
from advisoros_desktop.store.upload_queue import NewUpload, UploadQueue

SHA = "ab" * 32
MTIME = 1_700_000_000_123_456_789


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    store = LocalStore(tmp_path / "cache.db")
    yield store
    store.close()


@pytest.fixture
def ledger(store: LocalStore) -> IntakeLedger:
    return IntakeLedger(store)


def _queue_one(store: LocalStore, path: str = "/scans/w2.pdf", **fields: Any) -> str:
    upload = NewUpload(
        path=path,
        file_name=Path(path).name,
        size=1000,
        mtime_ns=MTIME,
        source="watched_folder",
        batch_id="b1",
        watched_root="/scans",
        **fields,
    )
    return UploadQueue(store).add([upload])[0]


def test_a_file_version_is_known_exactly(ledger: IntakeLedger) -> None:
    assert ledger.seen("/scans/w2.pdf", 1000, MTIME) is None
    first = ledger.record("/scans/w2.pdf", 1000, MTIME, outcome="failed", reason="Locked")
    second = ledger.record("/scans/w2.pdf", 1000, MTIME, outcome="queued", upload_id="u1")
    assert second > first
    entry = ledger.seen("/scans/w2.pdf", 1000, MTIME)
    assert entry is not None
    assert (entry.id, entry.outcome, entry.upload_id, entry.reason) == (
        second,
        "queued",
        "u1",
        None,
    )
    assert entry.recorded_at.endswith("Z")
    # Any change to the file is a new version, to be taken again.
    assert ledger.seen("/scans/w2.pdf", 1001, MTIME) is None
    assert ledger.seen("/scans/w2.pdf", 1000, MTIME + 1) is None
    assert ledger.seen("/scans/W2.pdf", 1000, MTIME) is None


def test_unicode_and_very_long_paths_are_kept_as_given(ledger: IntakeLedger) -> None:
    path = "/scans/Ñandú Bäckerei/" + "長い名前" * 60 + ".pdf"
    ledger.record(path, 5, MTIME, outcome="ignored", reason="Not a document")
    entry = ledger.seen(path, 5, MTIME)
    assert entry is not None and entry.path == path


def test_bytes_are_known_by_their_checksum_once_they_are_a_document(
    ledger: IntakeLedger,
) -> None:
    ledger.record("/a.pdf", 1, MTIME, outcome="failed", sha256=SHA, reason="Server refused")
    assert ledger.by_sha(SHA) is None  # no document: the bytes are not at the firm
    ledger.record("/a.pdf", 1, MTIME + 1, outcome="uploaded", sha256=SHA, document_id="d1")
    ledger.record("/b.pdf", 1, MTIME, outcome="duplicate", sha256=SHA, document_id="d1")
    entry = ledger.by_sha(SHA)
    assert entry is not None and (entry.path, entry.document_id) == ("/b.pdf", "d1")


def test_an_outcome_completes_the_entry_made_when_the_file_was_queued(
    store: LocalStore, ledger: IntakeLedger
) -> None:
    upload_id = _queue_one(store)
    entry_id = ledger.record("/scans/w2.pdf", 1000, MTIME, outcome="queued", upload_id=upload_id)
    UploadQueue(store).update(upload_id, sha256=SHA, state="done", document_id="d1")
    ledger.record_outcome(upload_id, outcome="uploaded", document_id="d1")
    entry = ledger.seen("/scans/w2.pdf", 1000, MTIME)
    assert entry is not None
    assert (entry.id, entry.outcome, entry.document_id, entry.sha256) == (
        entry_id,
        "uploaded",
        "d1",
        SHA,  # taken from the queue: the entry was made before the file was hashed
    )
    assert ledger.by_sha(SHA) == entry
    # A later outcome without a document keeps the one it had.
    ledger.record_outcome(upload_id, outcome="uploaded", reason="Moved by hand")
    entry = ledger.seen("/scans/w2.pdf", 1000, MTIME)
    assert entry is not None and (entry.document_id, entry.reason) == ("d1", "Moved by hand")


def test_an_outcome_with_no_entry_is_recorded_from_the_queue(
    store: LocalStore, ledger: IntakeLedger
) -> None:
    upload_id = _queue_one(store, "/scans/1099.pdf", sha256=SHA)
    ledger.record_outcome(upload_id, outcome="failed", reason="Password-protected PDF")
    entry = ledger.seen("/scans/1099.pdf", 1000, MTIME)
    assert entry is not None
    assert (entry.outcome, entry.upload_id, entry.sha256, entry.reason) == (
        "failed",
        upload_id,
        SHA,
        "Password-protected PDF",
    )
    ledger.record_outcome(new_id(), outcome="failed")  # nothing known: nothing written
    assert ledger.seen("/scans/1099.pdf", 1000, MTIME) == entry


def test_bad_outcomes_are_refused(ledger: IntakeLedger) -> None:
    with pytest.raises(ValueError, match="not an intake outcome"):
        ledger.record("/a.pdf", 1, MTIME, outcome="lost")
    with pytest.raises(ValueError, match="not an intake outcome"):
        ledger.record_outcome(new_id(), outcome="lost")


def test_an_undone_batch_lets_its_files_be_taken_again(ledger: IntakeLedger) -> None:
    ledger.record("/a.pdf", 1, MTIME, outcome="failed", reason="Server offline")
    ledger.record("/a.pdf", 1, MTIME, outcome="uploaded", sha256=SHA, document_id="d1")
    ledger.record("/copy.pdf", 1, MTIME, outcome="duplicate", sha256=SHA, document_id="d1")
    ledger.record("/other.pdf", 2, MTIME, outcome="uploaded", sha256="cd" * 32, document_id="d2")
    assert ledger.forget_document("d1") == 3
    assert ledger.seen("/a.pdf", 1, MTIME) is None  # the old failure does not hide it
    assert ledger.seen("/copy.pdf", 1, MTIME) is None
    assert ledger.by_sha(SHA) is None
    assert ledger.seen("/other.pdf", 2, MTIME) is not None
    assert ledger.forget_document("d1") == 0


def test_ledger_writes_tell_the_observers(store: LocalStore, ledger: IntakeLedger) -> None:
    heard: list[ChangeSet] = []
    store.subscribe(heard.append)
    ledger.record("/a.pdf", 1, MTIME, outcome="uploaded", document_id="d1")
    ledger.forget_document("d1")
    ledger.forget_document("d1")  # nothing to forget: nothing to tell
    assert [c.uploads for c in heard] == [True, True]


def _document(store: LocalStore, checksum: str, **fields: Any) -> str:
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


def test_a_live_document_with_the_same_bytes_is_found(store: LocalStore) -> None:
    assert live_document_with_checksum(store, SHA) is None
    _document(store, SHA, deletedAt="2026-02-01T00:00:00.000Z")
    _document(store, SHA, localDeleted=True)
    assert live_document_with_checksum(store, SHA) is None  # deleted: the firm has it no more
    archived = _document(store, SHA, isArchived=True)
    assert live_document_with_checksum(store, SHA) == archived  # archived: the firm has it
    live = _document(store, SHA, createdAt="2026-03-01T00:00:00.000Z")
    assert live_document_with_checksum(store, SHA) == live  # a live one is the better link
    assert live_document_with_checksum(store, "cd" * 32) is None


def test_the_checksum_lookup_uses_its_index(store: LocalStore) -> None:
    for n in range(200):
        _document(store, f"{n:064x}", isArchived=n % 2 == 0)
    with store.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        compiled = LIVE_BY_CHECKSUM.compile(conn)
        params = compiled.construct_params({"sha256": SHA})
        plan = conn.exec_driver_sql(
            f"EXPLAIN QUERY PLAN {compiled}", tuple(params[k] for k in compiled.positiontup or ())
        ).all()
    assert "USING INDEX ix_documents_checksum" in " ".join(str(row[-1]) for row in plan)


def test_many_queued_files_are_recorded_in_one_commit(store: LocalStore) -> None:
    ledger = IntakeLedger(store)
    notices: list[ChangeSet] = []
    store.subscribe(notices.append)
    files = [(f"/drop/{n}.pdf", 100 + n, MTIME, new_id()) for n in range(2000)]
    ledger.record_queued(files)
    assert len(notices) == 1 and notices[0].uploads
    entry = ledger.seen("/drop/1999.pdf", 2099, MTIME)
    assert entry is not None
    assert (entry.outcome, entry.upload_id) == ("queued", files[-1][3])
    ledger.record_queued([])  # nothing to note: no commit, no notice
    assert len(notices) == 1


def test_a_whole_walk_is_checked_at_once_and_exactly(ledger: IntakeLedger) -> None:
    ledger.record("/drop/a.pdf", 10, MTIME, outcome="failed", reason="Password-protected")
    ledger.record("/drop/a.pdf", 10, MTIME, outcome="uploaded", document_id="d1")
    ledger.record("/drop/b.pdf", 20, MTIME, outcome="queued")
    many = [(f"/drop/many/{n}.pdf", n, MTIME, new_id()) for n in range(1200)]  # > one query
    ledger.record_queued(many)
    asked = [
        ("/drop/a.pdf", 10, MTIME),
        ("/drop/b.pdf", 20, MTIME + 1),  # another version of b: never seen
        ("/drop/c.pdf", 30, MTIME),
        *((path, size, mtime) for path, size, mtime, _id in many),
    ]
    found = ledger.seen_many(asked)
    assert found[("/drop/a.pdf", 10, MTIME)] == ledger.seen("/drop/a.pdf", 10, MTIME)
    assert found[("/drop/a.pdf", 10, MTIME)].outcome == "uploaded"  # the latest entry
    assert ("/drop/b.pdf", 20, MTIME + 1) not in found
    assert ("/drop/c.pdf", 30, MTIME) not in found
    assert len(found) == 1 + len(many)
    assert found[("/drop/many/1199.pdf", 1199, MTIME)].upload_id == many[-1][3]
    assert ledger.seen_many([]) == {}


def test_an_outcome_finds_the_uploads_entry_through_its_index(store: LocalStore) -> None:
    with store.engine.connect() as conn:
        compiled = intake_ledger_module._COMPLETE.compile(conn)
        params = compiled.construct_params(
            {
                "_upload_id": "u",
                "_outcome": "uploaded",
                "_document_id": None,
                "_sha256": None,
                "_reason": None,
                "_now": "",
            }
        )
        plan = conn.exec_driver_sql(
            f"EXPLAIN QUERY PLAN {compiled}", tuple(params[k] for k in compiled.positiontup or ())
        ).all()
    steps = " | ".join(str(row[-1]) for row in plan)
    assert "USING COVERING INDEX ix_intake_ledger_upload" in steps
    assert "SCAN" not in steps
