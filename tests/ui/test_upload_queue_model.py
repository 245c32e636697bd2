"""The upload queue's table model: Qt's model rules, the texts people read, and paging.

A real cache (SQLite in tmp_path) with jobs written the way intake and the
uploader write them; no server is needed to read a queue.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt

from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.intake.client_directory import ClientDirectory
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.upload_queue import NewUpload, UploadQueue
from advisoros_desktop.ui.upload_queue_model import (
    PAGE_SIZE,
    QUEUE_COLUMNS,
    TRIAGE_COLUMNS,
    UNFINISHED,
    UPLOAD_ID_ROLE,
    UploadQueueModel,
)
from tests.ui.intake_desk import SCANS, add_job, every_state

# Statements one read may take: a count and a page, never one per row.
FEW_STATEMENTS = 3


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    store = LocalStore(tmp_path / "cache.db")
    yield store
    store.close()


@pytest.fixture
def clients(store: LocalStore) -> Iterator[ClientDirectory]:
    directory = ClientDirectory(store)
    yield directory
    directory.close()


def _texts(model: UploadQueueModel, column: str) -> list[str]:
    at = model.columns.index(column)
    return [model.index(row, at).data() for row in range(model.rowCount())]


def test_the_model_follows_qts_rules_for_the_queue_and_the_triage_list(
    qtmodeltester, store: LocalStore, clients: ClientDirectory
) -> None:
    every_state(store, UploadQueue(store), store.create("client", {"businessName": "Acme LLC"}))
    qtmodeltester.check(UploadQueueModel(store, clients))
    qtmodeltester.check(
        UploadQueueModel(store, clients, columns=TRIAGE_COLUMNS, states=("unsorted",))
    )


def test_each_state_reads_as_people_say_it(store: LocalStore, clients: ClientDirectory) -> None:
    acme = store.create("client", {"businessName": "Acme LLC"})
    every_state(store, UploadQueue(store), acme)
    model = UploadQueueModel(store, clients)
    assert _texts(model, "state") == [
        "Hashing",
        "Waiting",
        "Waiting for the server",
        "Uploading 42%",
        "Paused",
        "Duplicate of W-2 2024 Smith.pdf",
        "Done",
        "Failed: “empty.pdf” is empty (0 bytes)",
        "Unsorted",
        "Cancelled",
    ]
    assert set(_texts(model, "client")) == {"Acme LLC"}
    assert _texts(model, "size")[:2] == ["120.0 KB", "120.0 KB"]
    assert _texts(model, "source")[-2:] == ["Watched: scans", "Dropped"]
    failed = model.index(7, model.columns.index("state"))
    assert failed.data(Qt.ItemDataRole.ToolTipRole).endswith("then add it again.")
    file_cell = model.index(8, 0)
    assert file_cell.data(Qt.ItemDataRole.ToolTipRole) == f"{SCANS}/Acme/ACME_scan_001.pdf"


def test_a_duplicate_of_a_file_in_the_same_drop_says_so(
    store: LocalStore, clients: ClientDirectory
) -> None:
    queue = UploadQueue(store)
    add_job(queue, "a.pdf", "duplicate", reason="Same content as “b.pdf”, taken just before.")
    model = UploadQueueModel(store, clients)
    assert _texts(model, "state") == ["Duplicate: Same content as “b.pdf”, taken just before"]


def test_the_triage_columns_show_the_folder_the_suggestion_and_why(
    store: LocalStore, clients: ClientDirectory
) -> None:
    acme = store.create("client", {"businessName": "Acme LLC"})
    queue = UploadQueue(store)
    every_state(store, queue, acme)
    add_job(
        queue,
        "IMG_0042.pdf",
        "unsorted",
        path="/scans/Smyth J/2024/IMG_0042.pdf",
        watched_root="/scans",
        source="watched_folder",
        route_confidence=0.0,
        route_reason="folder 'Smyth J' matches no client",
    )
    model = UploadQueueModel(store, clients, columns=TRIAGE_COLUMNS, states=("unsorted",))
    assert model.rowCount() == 2
    assert _texts(model, "folder") == ["scans/Acme", "scans/Smyth J/2024"]
    assert _texts(model, "suggestion") == ["Acme LLC (62%)", "No suggestion"]
    assert _texts(model, "reason") == [
        "folder 'Acme' matches client Acme LLC (62%)",
        "folder 'Smyth J' matches no client",
    ]


def test_finished_jobs_can_be_hidden(store: LocalStore, clients: ClientDirectory) -> None:
    every_state(store, UploadQueue(store), store.create("client", {"businessName": "Acme LLC"}))
    model = UploadQueueModel(store, clients)
    assert model.rowCount() == 10
    model.set_states(UNFINISHED)
    assert "Done" not in _texts(model, "state")
    assert model.rowCount() == 6  # duplicate, done, failed and cancelled are hidden


def _many(store: LocalStore, count: int) -> list[str]:
    queue = UploadQueue(store)
    batch = new_id()
    uploads = [
        NewUpload(
            path=f"/scans/scan-{n:05}.pdf",
            file_name=f"scan-{n:05}.pdf",
            size=1000 + n,
            mtime_ns=n,
            source="watched_folder",
            batch_id=batch,
            watched_root="/scans",
            state="done" if n % 3 == 0 else "waiting",
        )
        for n in range(count)
    ]
    return queue.add(uploads)


@contextlib.contextmanager
def statements(store: LocalStore) -> Iterator[list[str]]:
    """The SQL statements run on the cache meanwhile (what a read costs, whatever the machine)."""
    seen: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    sa.event.listen(store.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        sa.event.remove(store.engine, "before_cursor_execute", note)


def test_a_10000_job_queue_is_read_a_page_at_a_time(
    store: LocalStore, clients: ClientDirectory
) -> None:
    ids = _many(store, 10_000)
    with statements(store) as opening:
        model = UploadQueueModel(store, clients)
    assert len(opening) <= FEW_STATEMENTS
    assert model.rowCount() == 10_000
    for row in (0, 5_000, 9_999):  # a jump to the end reads one page, not 10,000 rows
        with statements(store) as jump:
            assert model.index(row, 0).data() == f"scan-{row:05}.pdf"
        assert len(jump) <= FEW_STATEMENTS
    assert len(model._pages) == 3
    with statements(store) as reloading:
        model.reload()
        model.index(9_999, 0).data()
    assert len(reloading) <= 2 * FEW_STATEMENTS
    with statements(store) as finding:
        positions = model.positions_of([ids[9_999], ids[3]])
    assert len(finding) <= FEW_STATEMENTS
    assert positions == {ids[9_999]: 9_999, ids[3]: 3}
    model.set_states(UNFINISHED)  # every third job is done: hidden now
    assert model.positions_of([ids[9_998], ids[3]]) == {ids[9_998]: 6_665}
    assert model.index(0, 0).data(UPLOAD_ID_ROLE) == ids[1]


def test_a_big_selection_is_read_in_one_query(store: LocalStore, clients: ClientDirectory) -> None:
    ids = _many(store, 3 * PAGE_SIZE)
    model = UploadQueueModel(store, clients)
    with statements(store) as selecting:
        assert model.ids_in_rows(10, 2 * PAGE_SIZE) == ids[10 : 10 + 2 * PAGE_SIZE]
    assert len(selecting) <= FEW_STATEMENTS
    assert model.ids_in_rows(0, 3) == ids[:3]


def test_reload_inserts_and_removes_rows_instead_of_resetting(
    qtbot, store: LocalStore, clients: ClientDirectory
) -> None:
    queue = UploadQueue(store)
    first = add_job(queue, "a.pdf", "done")
    model = UploadQueueModel(store, clients)
    add_job(queue, "b.pdf", "waiting")
    with qtbot.waitSignal(model.rowsInserted), qtbot.assertNotEmitted(model.modelReset):
        model.reload()
    assert _texts(model, "file") == ["a.pdf", "b.pdf"]
    queue.update(first, settled=True)
    queue.clear_finished()
    with qtbot.waitSignal(model.rowsRemoved):
        model.reload()
    assert _texts(model, "file") == ["b.pdf"]


def test_unknown_columns_are_refused(store: LocalStore, clients: ClientDirectory) -> None:
    with pytest.raises(ValueError, match="unknown upload queue columns: colour"):
        UploadQueueModel(store, clients, columns=(*QUEUE_COLUMNS, "colour"))
