"""Undo of a drop against the real server: its documents go, the files may come again.

Real uploads through ``IntakeService`` to the embedded server; the deletions
undo makes travel through the outbox and a real sync; what the firm holds is
read from the server's own change feed.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtGui import QUndoStack

from advisoros_desktop.commands.intake_batch import GONE_FROM_SERVER, IntakeBatchCommand
from advisoros_desktop.intake.intake_engine import IntakeTarget
from advisoros_desktop.intake_service import IntakeService
from tests.conftest import LiveServer
from tests.integration.intake.intake_desk import running_intake
from tests.integration.intake.sample_files import pdf_bytes
from tests.integration.sync.test_uploader import documents


def _drop(folder: Path) -> list[Path]:
    folder.mkdir(parents=True)
    paths = []
    for name in ("W-2 Gonzalez.pdf", "1099-INT Gonzalez.pdf"):
        path = folder / name
        path.write_bytes(pdf_bytes(name))
        paths.append(path)
    return paths


def test_undo_removes_the_documents_of_a_drop_on_the_server_and_the_files_can_come_again(
    live_server: LiveServer, tmp_path: Path
) -> None:
    account = live_server.account()
    client_id = account.create_client("Gonzalez Household")
    paths = _drop(tmp_path / "drop")

    async def add(service: IntakeService) -> str:
        report = await asyncio.to_thread(
            service.engine.submit, paths, target=IntakeTarget(client_id=client_id)
        )
        assert report.queued == 2
        await service.drain()
        return report.batch_id

    async def scenario() -> None:
        async with running_intake(live_server.url, account.email, tmp_path / "desk") as service:
            store, sync = service.account.store, service.account.engine.sync_once
            batch_id = await add(service)
            made = service.engine.queue.batch_document_ids(batch_id)
            assert len(made) == 2
            await sync()  # the documents arrive in this computer's cache
            stack = QUndoStack()
            command = IntakeBatchCommand(service.engine, batch_id, "Add 2 files for Gonzalez")
            stack.push(command)
            assert stack.count() == 1

            # Undo and redo before anything was sent: nothing reaches the server.
            stack.undo()
            assert all(store.get("document", d) is None for d in made)
            stack.redo()
            assert command.message() is None
            assert all(store.get("document", d) is not None for d in made)
            assert store.outbox_entries() == []

            stack.undo()
            await sync()  # the deletions reach the server
            assert store.outbox_entries() == []
            assert {d["id"] for d in documents(account)} & set(made) == set()
            assert all(path.exists() for path in paths)  # source files are never touched

            stack.redo()  # too late: the firm no longer has them
            assert command.refused == dict.fromkeys(made, GONE_FROM_SERVER)
            assert "Retry them in the Intake queue" in (command.message() or "")

            # The ledger forgot them: dropped again, they are taken and sent again.
            again = await add(service)
            remade = service.engine.queue.batch_document_ids(again)
            assert len(remade) == 2 and set(remade).isdisjoint(made)
            assert {d["id"] for d in documents(account)} >= set(remade)

    asyncio.run(scenario())
