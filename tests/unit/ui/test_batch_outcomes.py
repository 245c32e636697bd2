"""Finished batches and new failures, told apart by looking at a real upload queue twice."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.schema import upload_queue
from advisoros_desktop.store.upload_queue import NewUpload, UploadQueue
from advisoros_desktop.ui.batch_outcomes import (
    BatchCounts,
    BatchTracker,
    FailedFile,
    QueueSnapshot,
    client_names,
    failed_files,
    outcome_of,
    read_snapshot,
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    store = LocalStore(tmp_path / "cache.db")
    yield store
    store.close()


@pytest.fixture
def queue(store: LocalStore) -> UploadQueue:
    return UploadQueue(store)


class Looker:
    """What the tray's reader does at each look: read what the tracker wants, advance it."""

    def __init__(self, store: LocalStore) -> None:
        self.store = store
        self.tracker = BatchTracker()

    def look(self) -> tuple[list[str], dict[str, int]]:
        since, tracked = self.tracker.looking_for()
        progress = self.tracker.advance(read_snapshot(self.store, since, tracked))
        return [b.batch_id for b in progress.finished], dict(progress.failed or {})


def _add(
    queue: UploadQueue, batch_id: str, count: int, state: str = "waiting", **fields: Any
) -> list[str]:
    return queue.add(
        [
            NewUpload(
                path=f"/scans/{batch_id}-{n}.pdf",
                file_name=f"{batch_id}-{n}.pdf",
                size=100,
                mtime_ns=1,
                source="drag_drop",
                batch_id=batch_id,
                state=state,
                **fields,
            )
            for n in range(count)
        ]
    )


def test_a_batch_finishes_at_the_first_look_that_finds_none_of_its_files_on_their_way(
    queue: UploadQueue, store: LocalStore
) -> None:
    looker = Looker(store)
    assert looker.look() == ([], {})  # the first look learns the (empty) queue
    ids = _add(queue, "b1", 3)
    assert looker.look() == ([], {})
    queue.set_state(ids[:2], "done")
    assert looker.look() == ([], {})
    queue.set_state(ids[2:], "failed", reason="The file is locked by another program.")
    assert looker.look() == (["b1"], {"b1": 1})
    assert looker.look() == ([], {})  # told once


def test_paused_files_keep_a_batch_open_and_unsorted_ones_do_not(
    queue: UploadQueue, store: LocalStore
) -> None:
    looker = Looker(store)
    looker.look()
    paused = _add(queue, "paused", 2)
    unsorted = _add(queue, "unsorted", 2, state="hashing")
    looker.look()
    queue.set_state(paused, "paused")
    queue.set_state(unsorted, "unsorted", reason="No rule matched.")
    assert looker.look() == (["unsorted"], {})
    queue.set_state(paused, "waiting")
    queue.set_state(paused, "done")
    assert looker.look() == (["paused"], {})


def test_a_batch_that_came_and_finished_between_two_looks_is_still_told(
    queue: UploadQueue, store: LocalStore
) -> None:
    looker = Looker(store)
    _add(queue, "old", 2, state="done")
    looker.look()
    ids = _add(queue, "quick", 2)
    queue.set_state(ids[:1], "done")
    queue.set_state(ids[1:], "failed", reason="Too large.")
    assert looker.look() == (["quick"], {"quick": 1})


def test_batches_finished_before_the_first_look_are_not_told(
    queue: UploadQueue, store: LocalStore
) -> None:
    _add(queue, "yesterday", 2, state="failed")
    open_ids = _add(queue, "under_way", 2)
    looker = Looker(store)
    assert looker.look() == ([], {})
    queue.set_state(open_ids, "done")
    assert looker.look() == (["under_way"], {})


def test_retrying_reopens_a_batch_without_telling_its_old_failures_again(
    queue: UploadQueue, store: LocalStore
) -> None:
    ids = _add(queue, "b1", 4, state="failed")
    looker = Looker(store)
    looker.look()
    queue.set_state(ids[:1], "hashing")  # retry one of the four
    assert looker.look() == ([], {})  # three still failed: known, not news
    queue.set_state(ids[:1], "failed", reason="Still locked.")
    assert looker.look() == (["b1"], {"b1": 1})


def test_numbers_starting_again_after_the_queue_was_emptied_still_mark_new_batches(
    queue: UploadQueue, store: LocalStore
) -> None:
    _add(queue, "old", 3, state="done")
    looker = Looker(store)
    looker.look()
    for job in queue.jobs():
        queue.mark_settled(job.upload_id)
    assert queue.clear_finished() == 3
    looker.look()  # the queue is empty: numbering starts again
    ids = _add(queue, "new", 1)
    queue.set_state(ids, "done")
    assert looker.look() == (["new"], {})


def test_a_batch_removed_while_open_is_forgotten_quietly(
    queue: UploadQueue, store: LocalStore
) -> None:
    looker = Looker(store)
    looker.look()
    ids = _add(queue, "gone", 2)
    looker.look()
    with store.transaction() as txn:  # as if its rows went away
        txn.conn.execute(upload_queue.delete().where(upload_queue.c.upload_id.in_(ids)))
    assert looker.look() == ([], {})
    assert looker.tracker.looking_for()[1] == frozenset()


def test_the_outcome_counts_each_state_and_names_the_clients(
    queue: UploadQueue, store: LocalStore
) -> None:
    smith = store.create("client", {"businessName": "Smith & Co"})
    jones = store.create("client", {"businessName": "Jones LLC"})
    ids = _add(queue, "b1", 6, client_id=smith)
    _add(queue, "b1", 1, client_id=jones, state="cancelled")  # cancelled: not "to Jones"
    queue.set_state(ids[:3], "done")
    queue.set_state(ids[3:4], "failed", reason="Empty file.")
    queue.set_state(ids[4:5], "duplicate")
    queue.set_state(ids[5:], "unsorted")
    batch = read_snapshot(store, 0).batches["b1"]
    assert not batch.is_open
    outcome = outcome_of(batch, client_names(store, batch.client_ids))
    assert (outcome.added, outcome.failed, outcome.duplicates, outcome.unsorted) == (3, 1, 1, 1)
    assert outcome.cancelled == 1
    assert outcome.clients == ("Smith & Co",)
    assert client_names(store, [smith, jones, "gone-client-id"]) == ("Jones LLC", "Smith & Co")


def test_failed_files_are_read_newest_first_with_their_reasons(
    queue: UploadQueue, store: LocalStore
) -> None:
    ids = _add(queue, "b1", 3)
    for n, upload_id in enumerate(ids):
        queue.update(upload_id, state="failed", reason=f"Reason {n}.")
    assert failed_files(store, "b1", 2) == (
        FailedFile("b1-2.pdf", "Reason 2."),
        FailedFile("b1-1.pdf", "Reason 1."),
    )
    assert failed_files(store, "other", 5) == ()


def test_the_tracker_forgets_nothing_it_is_asked_to_watch_past_the_chunk_size() -> None:
    tracker = BatchTracker()
    many = {f"b{n}": BatchCounts(f"b{n}", {"waiting": 1}, frozenset(), n + 1) for n in range(1200)}
    tracker.advance(QueueSnapshot(many, 1200))
    assert len(tracker.looking_for()[1]) == 1200
    finished = {
        key: BatchCounts(key, {"done": 1}, frozenset(), b.first_seq) for key, b in many.items()
    }
    progress = tracker.advance(QueueSnapshot(finished, 1200))
    assert len(progress.finished) == 1200


def test_tracked_batches_beyond_one_statement_are_all_read(
    queue: UploadQueue, store: LocalStore
) -> None:
    for n in range(3):
        _add(queue, f"b{n}", 1, state="done")
    tracked = [f"b{n}" for n in range(3)] + [f"missing{n}" for n in range(1100)]
    snapshot = read_snapshot(store, None, tracked)
    assert sorted(snapshot.batches) == ["b0", "b1", "b2"]
    assert snapshot.last_seq == 3
