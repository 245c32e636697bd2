"""Undo against the real server: whenever the user undoes, the server ends the same.

An edit undone before a sync sends nothing; undone after, or while its
mutation is in flight, it sends a compensating one; the server holds the
original values in every case. A bulk archive is one undo step, and undoing
it after a sync brings every record back on the server.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from PySide6.QtGui import QUndoStack

from advisoros_desktop.commands.undo_commands import (
    CreateRecord,
    EditRecord,
    archive_records,
)
from advisoros_desktop.domain.entities import ENTITIES
from advisoros_desktop.store import outbox
from advisoros_desktop.sync.account import Account
from tests.conftest import LiveServer
from tests.integration.sync.desktop import (
    assert_cache_matches_server,
    assert_nothing_left,
    live,
    open_desktop,
    server_records,
)


def _fields(entity: str, data: dict[str, Any] | None) -> dict[str, Any]:
    assert data is not None
    return {f.name: data.get(f.name) for f in ENTITIES[entity].fields}


def _take_batch(desk: Account) -> None:
    """What ``sync_once`` does first: the outbox's next entries leave (are frozen, in flight)."""
    with desk.store.transaction() as txn:
        outbox.take_batch(txn, 200)


def test_undo_before_sync_after_sync_and_in_flight_leave_the_server_the_same(
    live_server: LiveServer, tmp_path: Path
) -> None:
    alice = live_server.account()
    ids = {when: alice.create_client("Acme LLC", status="active") for when in ("before", "after")}
    ids["in flight"] = alice.create_client("Acme LLC", status="active")

    async def scenario() -> None:
        desk = await open_desktop(live_server.url, alice.email, tmp_path / "desk")
        await desk.engine.sync_once()
        stack = QUndoStack()
        change = {"status": "inactive", "city": "Austin"}

        stack.push(EditRecord(desk.store, "client", ids["before"], change))
        stack.undo()
        assert desk.store.outbox_entries() == []  # nothing to send
        report = await desk.engine.sync_once()
        assert report.pushed == 0

        stack.push(EditRecord(desk.store, "client", ids["after"], change))
        await desk.engine.sync_once()
        assert server_records(alice.http)["client"][ids["after"]]["status"] == "inactive"
        stack.undo()
        await desk.engine.sync_once()

        stack.push(EditRecord(desk.store, "client", ids["in flight"], change))
        _take_batch(desk)
        stack.undo()  # while the edit travels: both go, the second puts things back
        report = await desk.engine.sync_once()
        assert report.pushed == 2

        server = server_records(alice.http)
        values = {when: _fields("client", server["client"][rid]) for when, rid in ids.items()}
        assert values["before"] == values["after"] == values["in flight"]
        assert values["before"]["status"] == "active" and values["before"]["city"] is None
        # Undone before a sync, the record never changed on the server at all.
        assert server["client"][ids["before"]]["version"] == 1
        assert_cache_matches_server(desk.store, server)
        assert_nothing_left(desk.store)
        await desk.close()

    asyncio.run(scenario())


def test_edit_edit_undo_once_sends_the_first_edit(live_server: LiveServer, tmp_path: Path) -> None:
    alice = live_server.account()
    client_id = alice.create_client("Acme LLC")

    async def scenario() -> None:
        desk = await open_desktop(live_server.url, alice.email, tmp_path / "desk")
        await desk.engine.sync_once()
        stack = QUndoStack()
        stack.push(EditRecord(desk.store, "client", client_id, {"status": "inactive"}))
        stack.push(EditRecord(desk.store, "client", client_id, {"status": "prospect"}))
        stack.undo()
        await desk.engine.sync_once()
        server = server_records(alice.http)
        assert server["client"][client_id]["status"] == "inactive"
        assert server["client"][client_id]["version"] == 2  # one change, not two
        assert_cache_matches_server(desk.store, server)
        await desk.close()

    asyncio.run(scenario())


def test_bulk_archive_then_undo_after_sync_brings_every_record_back(
    live_server: LiveServer, tmp_path: Path
) -> None:
    alice = live_server.account()

    async def scenario() -> None:
        desk = await open_desktop(live_server.url, alice.email, tmp_path / "desk")
        store = desk.store
        client_id = store.create("client", {"businessName": "Harbor Light Sailmakers"})
        engagement_id = store.create(
            "engagement", {"clientId": client_id, "name": "2025 business return"}
        )
        task_ids = [
            store.create("task", {"title": f"Receipt {n:03}", "engagementId": engagement_id})
            for n in range(200)
        ]
        await desk.engine.sync_once()
        stack = QUndoStack()
        progress: list[tuple[int, int]] = []
        command = archive_records(
            store, "task", task_ids, progress=lambda done, total: progress.append((done, total))
        )
        stack.push(command)
        assert stack.count() == 1 and command.error is None and progress[-1] == (200, 200)
        await desk.engine.sync_once()
        tasks = live(server_records(alice.http)["task"])
        assert all(tasks[t]["isArchived"] for t in task_ids)

        stack.undo()
        await desk.engine.sync_once()
        server = server_records(alice.http)
        assert not any(live(server["task"])[t]["isArchived"] for t in task_ids)
        assert_cache_matches_server(store, server)
        assert_nothing_left(store)

        # Archived and undone before any sync: nothing travels, no version moves.
        versions = {t: live(server["task"])[t]["version"] for t in task_ids}
        stack.redo()
        stack.undo()
        assert store.outbox_entries() == []
        await desk.engine.sync_once()
        server = server_records(alice.http)
        assert {t: live(server["task"])[t]["version"] for t in task_ids} == versions
        await desk.close()

    asyncio.run(scenario())


def test_create_undone_after_sync_is_deleted_and_redo_creates_it_anew(
    live_server: LiveServer, tmp_path: Path
) -> None:
    alice = live_server.account()

    async def scenario() -> None:
        desk = await open_desktop(live_server.url, alice.email, tmp_path / "desk")
        stack = QUndoStack()
        command = CreateRecord(desk.store, "client", {"businessName": "Typo Inc"})
        stack.push(command)
        first_id = command.record_id
        await desk.engine.sync_once()
        stack.undo()
        await desk.engine.sync_once()
        assert server_records(alice.http)["client"][first_id] is None  # a tombstone
        stack.redo()  # the id is spent on the server: the record comes back as a new one
        assert command.error is None and command.replaced_ids == [first_id]
        await desk.engine.sync_once()
        server = server_records(alice.http)
        assert server["client"][command.record_id]["businessName"] == "Typo Inc"
        assert_cache_matches_server(desk.store, server)
        assert_nothing_left(desk.store)

        # Undone and redone before a sync: the record never leaves, nothing travels.
        other = CreateRecord(desk.store, "client", {"businessName": "Second Thoughts LLC"})
        stack.push(other)
        stack.undo()
        stack.redo()
        stack.undo()
        assert desk.store.outbox_entries() == []
        await desk.engine.sync_once()
        assert other.record_id not in server_records(alice.http)["client"]
        await desk.close()

    asyncio.run(scenario())
