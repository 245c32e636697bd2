"""Undo of an intake batch on a real QUndoStack, a real cache and the real intake engine.

Documents the batch made are put in the cache the way a sync brings them (a
change-feed page); the files are real files in tmp_path, so a retried job is
really checked and hashed again. What the server makes of the deletions is in
``tests/integration/intake/test_intake_batch_undo.py``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QUndoStack

from advisoros_desktop.commands.intake_batch import (
    NOT_HERE_YET,
    TAKEN_BACK,
    IntakeBatchCommand,
)
from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.intake.intake_engine import IntakeEngine
from advisoros_desktop.store import outbox
from advisoros_desktop.store.feed_apply import apply_page, check_page
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.upload_queue import NewUpload


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    store = LocalStore(tmp_path / "cache.db")
    yield store
    store.close()


@pytest.fixture
def engine(store: LocalStore) -> Iterator[IntakeEngine]:
    engine = IntakeEngine(store)
    yield engine
    engine.close()


def _pull(store: LocalStore, entity: str, record_id: str, **fields: Any) -> None:
    data = {"id": record_id, "version": 1, "deletedAt": None, **fields}
    item = {"entity": entity, "id": record_id, "version": 1, "deleted": False, "data": data}
    page = {"items": [item], "cursor": "e:1:0", "hasMore": False, "epoch": "e"}
    check_page(page)
    with store.transaction() as txn:
        apply_page(txn, page)


class Batch:
    """One drop: files on disk, their jobs in the queue, the documents the server made."""

    def __init__(self, store: LocalStore, engine: IntakeEngine, folder: Path) -> None:
        self.store, self.engine, self.folder = store, engine, folder
        self.id = new_id()
        self.client_id = new_id()
        _pull(store, "client", self.client_id, businessName="Acme LLC", status="active")

    def job(self, name: str, state: str, *, synced: bool = True, **fields: Any) -> str:
        """A file of the batch, left by intake and the uploader in ``state``.

        A done job gets a document, in the cache when ``synced``; its file is
        recorded in the ledger as uploaded, as settling does.
        """
        path = self.folder / name
        path.write_text(f"{name}\n", encoding="utf-8")
        sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
        stat = path.stat()
        [upload_id] = self.engine.queue.add(
            [
                NewUpload(
                    path=str(path),
                    file_name=name,
                    size=stat.st_size,
                    mtime_ns=stat.st_mtime_ns,
                    source="drag_drop",
                    batch_id=self.id,
                    client_id=self.client_id,
                    sha256=sha256 if state != "hashing" else None,
                    state=state,
                    **fields,
                )
            ]
        )
        self.engine.ledger.record(
            str(path), stat.st_size, stat.st_mtime_ns, outcome="queued", upload_id=upload_id
        )
        if state == "done":
            document_id = new_id()
            if synced:
                _pull(
                    self.store,
                    "document",
                    document_id,
                    clientId=self.client_id,
                    fileName=name,
                    checksum=sha256,
                    category="general",
                    isArchived=False,
                )
            self.engine.queue.update(upload_id, document_id=document_id, settled=True)
            self.engine.ledger.record_outcome(
                upload_id, outcome="uploaded", document_id=document_id
            )
        return upload_id

    def state(self, upload_id: str) -> str:
        job = self.engine.queue.get(upload_id)
        assert job is not None
        return job.state

    def document(self, upload_id: str) -> str:
        job = self.engine.queue.get(upload_id)
        assert job is not None and job.document_id is not None
        return job.document_id


@pytest.fixture
def batch(store: LocalStore, engine: IntakeEngine, tmp_path: Path) -> Batch:
    return Batch(store, engine, tmp_path)


def _deletions(store: LocalStore) -> list[str]:
    return [e.record_id for e in store.outbox_entries() if e.op == "delete"]


def test_pushing_changes_nothing_and_undo_takes_the_whole_batch_back(
    store: LocalStore, engine: IntakeEngine, batch: Batch
) -> None:
    done = [batch.job(f"w2-{n}.txt", "done") for n in range(2)]
    waiting = batch.job("1099.txt", "waiting")
    hashing = batch.job("receipt.txt", "hashing")
    duplicate = batch.job("w2-copy.txt", "duplicate", reason="The firm already has this file.")
    failed = batch.job("empty.txt", "failed", reason="It is empty.")
    documents = [batch.document(u) for u in done]
    stack = QUndoStack()
    command = IntakeBatchCommand(engine, batch.id, "Add 6 files for Acme LLC")
    stack.push(command)
    assert stack.count() == 1 and stack.undoText() == "Add 6 files for Acme LLC"
    assert [batch.state(u) for u in (*done, waiting, hashing)] == [
        "done",
        "done",
        "waiting",
        "hashing",
    ]
    assert store.outbox_entries() == []

    stack.undo()
    assert command.message() is None
    assert [batch.state(u) for u in (waiting, hashing)] == ["cancelled", "cancelled"]
    assert [batch.state(u) for u in done] == ["cancelled", "cancelled"]
    assert engine.queue.get(done[0]).reason == TAKEN_BACK  # type: ignore[union-attr]
    assert [batch.state(u) for u in (duplicate, failed)] == ["duplicate", "failed"]
    assert all(store.get("document", d) is None for d in documents)
    assert sorted(_deletions(store)) == sorted(documents)  # each reaches the server
    assert all(
        engine.ledger.seen(str(batch.folder / f"w2-{n}.txt"), *_stat(batch, n)) is None
        for n in range(2)
    )  # the files may be taken again
    assert all((batch.folder / name).exists() for name in ("w2-0.txt", "1099.txt", "empty.txt"))

    stack.redo()
    assert command.message() is None
    assert all(store.get("document", d) is not None for d in documents)
    assert _deletions(store) == []  # the deletions never left: nothing travels
    assert [batch.state(u) for u in done] == ["done", "done"]
    assert engine.ledger.by_sha(engine.queue.get(done[0]).sha256).document_id == documents[0]  # type: ignore[union-attr]
    assert engine.wait_idle(10)
    # Checked and hashed again: the client was chosen, so they wait to be sent.
    assert [batch.state(u) for u in (waiting, hashing)] == ["waiting", "waiting"]


def _stat(batch: Batch, n: int) -> tuple[int, int]:
    stat = (batch.folder / f"w2-{n}.txt").stat()
    return stat.st_size, stat.st_mtime_ns


def test_a_document_not_synced_yet_is_left_and_the_message_says_what_to_do(
    store: LocalStore, engine: IntakeEngine, batch: Batch
) -> None:
    here = batch.job("here.txt", "done")
    not_yet = batch.job("not-yet.txt", "done", synced=False)
    stack = QUndoStack()
    command = IntakeBatchCommand(engine, batch.id, "Add 2 files for Acme LLC")
    stack.push(command)
    stack.undo()
    assert stack.count() == 1 and not command.dropped  # the undo stands for the rest
    assert command.refused == {batch.document(not_yet): NOT_HERE_YET}
    assert command.message() == (
        "Undo of “Add 2 files for Acme LLC”: 1 file already reached the firm but is not on "
        "this computer yet, so it was not removed: sync, then archive it under Documents."
    )
    assert store.get("document", batch.document(here)) is None
    assert batch.state(not_yet) == "done"
    # Still known: the same file dropped again would not be sent twice.
    assert engine.ledger.by_sha(engine.queue.get(not_yet).sha256) is not None  # type: ignore[union-attr]


def test_redo_after_the_deletion_reached_the_server_says_retry(
    store: LocalStore, engine: IntakeEngine, batch: Batch
) -> None:
    done = batch.job("w2.txt", "done")
    stack = QUndoStack()
    command = IntakeBatchCommand(engine, batch.id, "Add 1 file")
    stack.push(command)
    stack.undo()
    with store.transaction() as txn:
        outbox.take_batch(txn, 100)  # the sync engine sends the deletion
    stack.redo()
    assert command.refused == {batch.document(done): command.refused[batch.document(done)]}
    assert "Retry them in the Intake queue" in (command.message() or "")
    assert batch.state(done) == "cancelled"  # to be retried, which uploads it again


def test_a_batch_that_queued_nothing_is_no_undo_step(engine: IntakeEngine) -> None:
    stack = QUndoStack()
    command = IntakeBatchCommand(engine, new_id(), "Add 0 files")
    stack.push(command)
    assert command.dropped and stack.count() == 0


def test_the_engine_may_be_reached_through_a_controller(engine: IntakeEngine, batch: Batch) -> None:
    class Controller:
        def __init__(self, engine: IntakeEngine) -> None:
            self.engine = engine

    waiting = batch.job("a.txt", "waiting")
    stack = QUndoStack()
    stack.push(IntakeBatchCommand(Controller(engine), batch.id, "Add 1 file"))
    stack.undo()
    assert batch.state(waiting) == "cancelled"


def test_progress_is_reported_between_documents(
    store: LocalStore, engine: IntakeEngine, batch: Batch
) -> None:
    for n in range(3):
        batch.job(f"{n}.txt", "done")
    heard: list[tuple[int, int]] = []
    stack = QUndoStack()
    stack.push(
        IntakeBatchCommand(
            engine, batch.id, "Add 3 files", progress=lambda d, t: heard.append((d, t))
        )
    )
    stack.undo()
    assert heard == [(1, 3), (2, 3), (3, 3)]
