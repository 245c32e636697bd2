"""What intake costs the cache per file: one read and one commit to place it, a shared commit to
settle it, and twins in one batch told their document by checksum."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from advisoros_desktop.database_setup import READ_ONLY
from advisoros_desktop.intake.intake_engine import IntakeEngine, IntakeTarget
from advisoros_desktop.store.local_store import LocalStore

FILES = 12


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    store = LocalStore(tmp_path / "cache.db")
    yield store
    store.close()


@pytest.fixture
def engine(store: LocalStore) -> Iterator[IntakeEngine]:
    engine = IntakeEngine(store, workers=1)  # one worker: files are placed in queue order
    yield engine
    engine.close()


class Transactions:
    """Cache transactions begun by intake's threads (the test's own reads are left out)."""

    def __init__(self, store: LocalStore) -> None:
        self.reads = self.writes = 0
        self._engine = store.engine
        sa.event.listen(self._engine, "begin", self._begun)

    def _begun(self, conn: sa.Connection) -> None:
        if threading.current_thread() is threading.main_thread():
            return
        if conn.get_execution_options().get(READ_ONLY):
            self.reads += 1
        else:
            self.writes += 1

    def close(self) -> None:
        sa.event.remove(self._engine, "begin", self._begun)


@pytest.fixture
def transactions(store: LocalStore) -> Iterator[Transactions]:
    counted = Transactions(store)
    yield counted
    counted.close()


def _notes(folder: Path, count: int, text: Callable[[int], str] = str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"note {n:02}.txt"
        path.write_text(f"A note the firm keeps: {text(n)}")
        paths.append(path)
    return paths


def test_each_file_is_placed_with_one_read_and_one_commit(
    engine: IntakeEngine, transactions: Transactions, tmp_path: Path
) -> None:
    client = engine.store.create("client", {"businessName": "Acme LLC"})
    _notes(tmp_path / "drop", FILES)
    transactions.reads = transactions.writes = 0
    target = IntakeTarget(client_id=client)
    report = engine.submit_in_background([tmp_path / "drop"], target=target).result(30)
    assert engine.wait_idle(30)
    assert report.queued == FILES
    jobs = engine.queue.jobs()
    assert [j.state for j in jobs] == ["waiting"] * FILES
    assert all(j.sha256 and j.client_id == client for j in jobs)
    # Queueing the batch: the rows and their ledger entries, one commit each.
    assert transactions.writes == 2 + FILES
    # The walk's ledger and queue checks, the limits and the client names once,
    # then each file's job read before its file is.
    assert transactions.reads <= FILES + 5


def test_finished_jobs_reported_together_are_settled_in_one_commit(
    engine: IntakeEngine, transactions: Transactions, tmp_path: Path
) -> None:
    client = engine.store.create("client", {"businessName": "Acme LLC"})
    _notes(tmp_path / "drop", FILES)
    engine.submit([tmp_path / "drop"], target=IntakeTarget(client_id=client))
    assert engine.wait_idle(30)
    done = [
        engine.queue.update(job.upload_id, state="done", document_id=f"d{n}", offset=job.size)
        for n, job in enumerate(engine.queue.jobs())
    ]
    transactions.writes = 0
    engine.settle_all_in_background([job for job in done if job is not None])
    assert engine.wait_idle(30)
    assert transactions.writes == 1
    assert engine.queue.unsettled_finished() == []
    for n, job in enumerate(engine.queue.jobs()):
        entry = engine.ledger.seen(job.path, job.size, job.mtime_ns)
        assert entry is not None
        assert (entry.outcome, entry.document_id, entry.sha256) == ("uploaded", f"d{n}", job.sha256)
    engine.settle_all_in_background(done)  # settling twice is harmless
    assert engine.wait_idle(30)


def test_copies_in_one_batch_wait_for_the_first_and_then_know_its_document(
    engine: IntakeEngine, tmp_path: Path
) -> None:
    client = engine.store.create("client", {"businessName": "Acme LLC"})
    paths = _notes(tmp_path / "drop", 4, text=lambda n: "same" if n < 3 else "other")
    engine.submit([tmp_path / "drop"], target=IntakeTarget(client_id=client))
    assert engine.wait_idle(30)
    first, copy1, copy2, other = engine.queue.jobs()
    assert (first.state, other.state) == ("waiting", "waiting")
    for copy in (copy1, copy2):
        assert (copy.state, copy.document_id, copy.settled) == ("duplicate", None, True)
        assert copy.reason == "Same content as “note 00.txt”, taken just before."
    # The first one reaches the server and becomes a document.
    finished = engine.queue.update(first.upload_id, state="done", document_id="d1")
    assert finished is not None
    engine.settle(finished)
    jobs = {job.upload_id: job for job in engine.queue.jobs()}
    assert [jobs[c.upload_id].document_id for c in (copy1, copy2)] == ["d1", "d1"]
    assert jobs[other.upload_id].document_id is None
    for path in paths[:3]:
        status = path.stat()
        entry = engine.ledger.seen(str(path), status.st_size, status.st_mtime_ns)
        assert entry is not None and entry.document_id == "d1"
    assert engine.ledger.by_sha(first.sha256 or "") is not None
