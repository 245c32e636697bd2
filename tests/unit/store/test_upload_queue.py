"""The upload queue on a real SQLite file: order, states, progress, settling, many writers."""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.store import upload_queue as upload_queue_module
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.schema import upload_queue
from advisoros_desktop.store.transaction import ChangeSet
from advisoros_desktop.store.upload_queue import (
    FINISHED,
    STATES,
    NewUpload,
    QueueTotals,
    UploadJob,
    UploadQueue,
    job_in,
    link_twins_in,
    update_in,
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    store = LocalStore(tmp_path / "cache.db")
    yield store
    store.close()


@pytest.fixture
def queue(store: LocalStore) -> UploadQueue:
    return UploadQueue(store)


def _new(name: str = "w2.pdf", batch_id: str = "b1", **fields: Any) -> NewUpload:
    values: dict[str, Any] = {
        "path": f"/scans/{name}",
        "file_name": name,
        "size": 1000,
        "mtime_ns": 1_700_000_000_000_000_000,
        "source": "drag_drop",
        "batch_id": batch_id,
        **fields,
    }
    return NewUpload(**values)


def test_the_job_mirrors_every_column_of_the_table() -> None:
    assert {f.name for f in dataclasses.fields(UploadJob)} == set(upload_queue.c.keys())
    assert set(STATES) >= FINISHED


def test_added_files_keep_their_order_and_every_field(queue: UploadQueue) -> None:
    given = new_id()
    ids = queue.add(
        [
            _new("a.pdf", watched_root="/scans", source="watched_folder", upload_id=given),
            _new("b.pdf", client_id="c1", category="w2", year=2025, route_confidence=0.9),
            _new("c.pdf", state="unsorted", reason="No client folder"),
        ]
    )
    assert ids[0] == given and len(set(ids)) == 3
    jobs = queue.jobs()
    assert [j.upload_id for j in jobs] == ids
    assert [j.seq for j in jobs] == sorted(j.seq for j in jobs)
    first, second, third = jobs
    assert (first.state, first.offset, first.attempts, first.settled) == ("hashing", 0, 0, False)
    assert (first.watched_root, first.source, first.finished) == ("/scans", "watched_folder", False)
    assert (second.client_id, second.category, second.year) == ("c1", "w2", 2025)
    assert second.route_confidence == 0.9
    assert (third.state, third.reason) == ("unsorted", "No client folder")
    assert first.created_at == first.updated_at and first.created_at.endswith("Z")
    assert queue.get(ids[1]) == second
    assert queue.get(new_id()) is None
    later = queue.add([_new("d.pdf")])
    assert queue.jobs()[-1].upload_id == later[0]  # after everything already queued
    assert queue.add([]) == []


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"state": "sending"}, "not an upload state"),
        ({"source": "email"}, "not an upload source"),
        ({"file_name": "x" * 256}, "1 to 255 characters"),
        ({"file_name": ""}, "1 to 255 characters"),
        ({"size": -1}, "negative size"),
        ({"upload_id": "not-an-id"}, "not an upload id"),
    ],
)
def test_a_bad_entry_queues_nothing(queue: UploadQueue, bad: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        queue.add([_new("good.pdf"), _new("bad.pdf", **bad)])
    assert queue.count() == 0


def test_two_thousand_files_are_queued_in_one_commit(queue: UploadQueue, store: LocalStore) -> None:
    # How fast is measured by `make bench` (intake_drop); here: one durable commit.
    notices: list[ChangeSet] = []
    store.subscribe(notices.append)
    uploads = [_new(f"scan {n:04}.pdf", size=n) for n in range(2000)]
    ids = queue.add(uploads)
    assert len(notices) == 1
    assert len(ids) == 2000 and queue.count(["hashing"]) == 2000
    assert [j.file_name for j in queue.jobs(limit=3, offset=1000)] == [
        "scan 1000.pdf",
        "scan 1001.pdf",
        "scan 1002.pdf",
    ]


def test_every_write_tells_the_observers_and_a_write_that_changes_nothing_does_not(
    store: LocalStore, queue: UploadQueue
) -> None:
    heard: list[ChangeSet] = []
    store.subscribe(heard.append)
    [upload_id] = queue.add([_new()])
    queue.update(upload_id, sha256="ab" * 32)
    queue.set_state([upload_id], "waiting")
    queue.mark_settled(upload_id)
    assert len(heard) == 4 and all(c.uploads and not c.records for c in heard)
    heard.clear()
    assert queue.update(new_id(), state="done") is None
    assert queue.set_state([upload_id], "waiting", only_from=["paused"]) == 0
    assert queue.clear_finished() == 0
    assert heard == []


def test_update_changes_columns_and_returns_the_new_row(queue: UploadQueue) -> None:
    [upload_id] = queue.add([_new()])
    before = queue.get(upload_id)
    assert before is not None
    time.sleep(0.002)  # timestamps have millisecond precision
    after = queue.update(upload_id, state="uploading", offset=400, attempts=1)
    assert after is not None and after == queue.get(upload_id)
    assert (after.state, after.offset, after.attempts) == ("uploading", 400, 1)
    assert after.updated_at > before.updated_at and after.created_at == before.created_at
    assert after.seq == before.seq
    with pytest.raises(ValueError, match="no column colour"):
        queue.update(upload_id, colour="red")
    with pytest.raises(ValueError, match="cannot change"):
        queue.update(upload_id, seq=99)
    with pytest.raises(ValueError, match="not an upload state"):
        queue.update(upload_id, state="lost")
    settled = queue.update(upload_id, settled=True)
    assert settled is not None and settled.settled is True


def test_pause_resume_and_retry_touch_only_the_jobs_in_the_right_state(
    queue: UploadQueue,
) -> None:
    ids = queue.add([_new(f"{n}.pdf") for n in range(5)])
    for upload_id, state in zip(
        ids, ("waiting", "uploading", "failed", "done", "hashing"), strict=True
    ):
        queue.update(upload_id, state=state, reason="Server refused" if state == "failed" else None)

    paused = queue.set_state(ids, "paused", reason="Paused", only_from=["waiting", "uploading"])
    assert paused == 2
    assert [j.state for j in queue.jobs()] == ["paused", "paused", "failed", "done", "hashing"]
    assert queue.get(ids[0]).reason == "Paused"  # type: ignore[union-attr]

    assert queue.set_state(ids, "waiting", only_from=["paused"]) == 2
    assert queue.get(ids[0]).reason is None  # type: ignore[union-attr]
    assert queue.set_state(ids, "waiting", only_from=["failed"]) == 1  # retry
    assert [j.state for j in queue.jobs()] == ["waiting", "waiting", "waiting", "done", "hashing"]
    assert queue.set_state([ids[4]], "cancelled") == 1
    assert queue.count(FINISHED) == 2


def test_next_to_send_is_the_waiting_jobs_in_queue_order(queue: UploadQueue) -> None:
    ids = queue.add([_new(f"{n}.pdf", state="waiting") for n in range(6)])
    queue.update(ids[1], state="uploading")
    queue.update(ids[2], state="paused")
    assert [j.upload_id for j in queue.next_to_send(2)] == [ids[0], ids[3]]
    assert [j.upload_id for j in queue.next_to_send(9, exclude={ids[0], ids[4]})] == [
        ids[3],
        ids[5],
    ]
    assert queue.next_to_send(0) == []  # SQLite would read a negative limit as none at all
    assert queue.count("waiting") == 4 == len(queue.jobs("waiting"))  # a state, not letters


def test_totals_count_every_state_and_the_bytes_still_to_go(queue: UploadQueue) -> None:
    assert queue.totals() == QueueTotals({}, 0, 0)
    sizes_states = [
        (100, "done"),
        (200, "uploading"),
        (300, "waiting"),
        (400, "failed"),
        (500, "duplicate"),
        (600, "cancelled"),
        (700, "hashing"),
    ]
    ids = queue.add([_new(f"{n}.pdf", size=s) for n, (s, _state) in enumerate(sizes_states)])
    for upload_id, (_size, state) in zip(ids, sizes_states, strict=True):
        queue.update(upload_id, state=state)
    queue.update(ids[0], offset=60)  # a done job counts whole whatever its offset says
    queue.update(ids[1], offset=150)
    queue.update(ids[3], offset=400)  # failed: neither to send nor sent
    totals = queue.totals()
    assert totals.files == dict.fromkeys(
        ["done", "uploading", "waiting", "failed", "duplicate", "cancelled", "hashing"], 1
    )
    assert totals.bytes_total == 100 + 200 + 300 + 700
    assert totals.bytes_done == 100 + 150


def test_finished_jobs_are_settled_then_cleared(queue: UploadQueue) -> None:
    ids = queue.add([_new(f"{n}.pdf") for n in range(4)])
    queue.update(ids[0], state="done", document_id="d0")
    queue.update(ids[1], state="failed", reason="Password-protected PDF")
    queue.update(ids[2], state="duplicate", document_id="d9")
    assert [j.upload_id for j in queue.unsettled_finished()] == ids[:3]
    queue.mark_settled(ids[0])
    queue.mark_settled(ids[3])  # not finished: settled, but kept in the queue
    assert [j.upload_id for j in queue.unsettled_finished()] == ids[1:3]
    assert queue.clear_finished() == 1
    assert [j.upload_id for j in queue.jobs()] == ids[1:]
    [after] = queue.add([_new("later.pdf")])
    assert queue.get(after).seq > max(j.seq for j in queue.jobs()[:-1])  # type: ignore[union-attr]


def test_a_batch_knows_the_documents_it_created(queue: UploadQueue) -> None:
    ids = queue.add([_new(f"{n}.pdf", batch_id="b1") for n in range(3)])
    [other] = queue.add([_new("x.pdf", batch_id="b2")])
    queue.update(ids[0], state="done", document_id="d0")
    queue.update(ids[1], state="duplicate", document_id="existing")
    queue.update(ids[2], state="done", document_id="d2")
    queue.update(other, state="done", document_id="dx")
    assert queue.batch_document_ids("b1") == ["d0", "d2"]
    assert [j.upload_id for j in queue.jobs(batch_id="b2")] == [other]


def test_the_same_bytes_twice_make_one_upload_and_one_duplicate(queue: UploadQueue) -> None:
    sha = "cd" * 32
    first, second, third = queue.add([_new(f"{n}.pdf") for n in range(3)])
    # Both hashed at the same moment: each has its checksum before either asks.
    queue.update(first, sha256=sha)
    queue.update(second, sha256=sha)
    assert queue.sha_in_queue(sha, exclude=first) is None  # the first is the one sent
    found = queue.sha_in_queue(sha, exclude=second)
    assert found is not None and found.upload_id == first
    assert queue.sha_in_queue(sha).upload_id == first  # type: ignore[union-attr]
    # A failed or cancelled job is no original: the next copy is sent.
    queue.update(first, state="failed")
    queue.update(third, sha256=sha)
    assert queue.sha_in_queue(sha, exclude=third).upload_id == second  # type: ignore[union-attr]
    queue.update(second, state="done", document_id="d2")
    assert queue.sha_in_queue(sha, exclude=third).document_id == "d2"  # type: ignore[union-attr]
    queue.update(second, state="cancelled")
    assert queue.sha_in_queue(sha, exclude=third) is None
    assert queue.sha_in_queue("ef" * 32) is None


def test_four_threads_update_at_once_and_nothing_is_lost(store: LocalStore) -> None:
    queue = UploadQueue(store)
    ids = queue.add([_new(f"{n}.pdf", size=10_000) for n in range(4)])
    [shared] = queue.add([_new("shared.pdf")])
    rounds = 40
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def send(upload_id: str) -> None:
        try:
            start.wait()
            for n in range(1, rounds + 1):
                queue.update(upload_id, state="uploading", offset=n * 100)
                # Read and written in one transaction: no other writer comes between.
                with store.transaction() as txn:
                    job = job_in(txn.conn, shared)
                    assert job is not None
                    update_in(txn, shared, attempts=job.attempts + 1, reason=upload_id)
        except BaseException as error:  # reported by the main thread
            errors.append(error)

    threads = [threading.Thread(target=send, args=(upload_id,)) for upload_id in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert [j.offset for j in queue.jobs(["uploading"])] == [rounds * 100] * 4
    job = queue.get(shared)
    assert job is not None and job.attempts == 4 * rounds and job.reason in ids


def test_the_queue_survives_a_restart(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "cache.db")
    [upload_id] = UploadQueue(store).add([_new(state="waiting", sha256="ab" * 32)])
    UploadQueue(store).update(upload_id, state="uploading", offset=512)
    store.close()
    reopened = LocalStore(tmp_path / "cache.db")
    job = UploadQueue(reopened).get(upload_id)
    reopened.close()
    assert job is not None and (job.state, job.offset, job.sha256) == ("uploading", 512, "ab" * 32)


def test_a_claim_takes_only_a_waiting_job_and_counts_the_attempt(
    store: LocalStore, queue: UploadQueue
) -> None:
    waiting, paused = queue.add([_new("a.pdf", state="waiting"), _new("b.pdf", state="paused")])
    queue.update(waiting, reason="Waiting for the server")
    heard: list[ChangeSet] = []
    store.subscribe(heard.append)
    claimed = queue.claim(waiting)
    assert claimed is not None and claimed == queue.get(waiting)
    assert (claimed.state, claimed.attempts, claimed.reason) == ("uploading", 1, None)
    assert queue.claim(waiting) is None  # already taken: one sender per job
    assert queue.claim(paused) is None and queue.claim(new_id()) is None
    assert queue.get(paused).state == "paused"  # type: ignore[union-attr]
    assert len(heard) == 1  # only the claim that took the job committed a change


def test_an_update_from_given_states_leaves_other_jobs_alone(queue: UploadQueue) -> None:
    [upload_id] = queue.add([_new(state="uploading")])
    moved = queue.update(upload_id, only_from=["uploading"], offset=300)
    assert moved is not None and moved.offset == 300
    queue.set_state([upload_id], "paused")
    assert queue.update(upload_id, only_from=("uploading",), offset=600) is None
    assert queue.get(upload_id).offset == 300  # type: ignore[union-attr]
    assert queue.update(upload_id, only_from="paused", offset=600) is not None  # a state


def test_twins_of_a_finished_file_get_its_document_by_checksum(
    store: LocalStore, queue: UploadQueue
) -> None:
    sha, other = "ab" * 32, "cd" * 32
    ids = queue.add([_new(f"{n}.pdf") for n in range(4)])
    queue.update(ids[0], state="done", sha256=sha, document_id="d0")
    queue.update(ids[1], state="duplicate", sha256=sha)  # recognised before d0 existed
    queue.update(ids[2], state="duplicate", sha256=sha, document_id="older")
    queue.update(ids[3], state="duplicate", sha256=other)
    with store.transaction() as txn:
        assert link_twins_in(txn, sha, "d0") == [ids[1]]
    assert [j.document_id for j in queue.jobs()] == ["d0", "d0", "older", None]


def _plan(store: LocalStore, statement: Any, params: dict[str, Any]) -> str:
    with store.engine.connect() as conn:
        compiled = statement.compile(conn)
        expanded = compiled.construct_expanded_state(params)
        args = tuple(expanded.parameters[name] for name in expanded.positiontup or ())
        found = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {expanded.statement}", args).all()
    return " | ".join(str(row[-1]) for row in found)


def test_the_statements_run_for_every_file_search_an_index(store: LocalStore) -> None:
    # A queue of thousands of jobs is never scanned for one file.
    next_to_send = _plan(store, upload_queue_module._NEXT_TO_SEND, {"exclude": ["x"], "limit": 3})
    assert next_to_send.startswith("SEARCH upload_queue USING INDEX ix_upload_queue_state")
    twins = _plan(
        store, upload_queue_module._LINK_TWINS, {"_sha256": "ab", "_document_id": "d", "now": ""}
    )
    assert twins == "SEARCH upload_queue USING INDEX ix_upload_queue_sha256 (sha256=?)"
    claim = _plan(store, upload_queue_module._CLAIM, {"_id": "x", "now": ""})
    assert claim.startswith("SEARCH upload_queue USING INDEX sqlite_autoindex_upload_queue_1")
