"""A real intake controller on a real account, for the Intake view's tests.

The embedded server runs once per test module; each test signs in a new user
of a new firm, with its own cache and settings. The controller is not started
(no uploader, no watched folders): the tests put jobs in the queue in the
states they need, the way intake and the uploader leave them, and the
controller's queue actions run for real on its worker thread.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.server.embedded import EmbeddedServer
from advisoros_desktop.store.feed_apply import apply_page, check_page
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.upload_queue import NewUpload, UploadJob, UploadQueue
from advisoros_desktop.sync.account import Account
from advisoros_desktop.ui.intake_controller import IntakeController
from advisoros_desktop.ui.intake_settings import IntakeSettings
from tests.conftest import LiveServer, start_server
from tests.integration.sync.desktop import open_desktop

SCANS = "/scans"


@dataclass
class IntakeDesk:
    account: Account
    controller: IntakeController
    settings: IntakeSettings
    undo_stack: QUndoStack
    loop: asyncio.AbstractEventLoop
    folder: Path

    @property
    def store(self) -> LocalStore:
        return self.account.store

    @property
    def queue(self) -> UploadQueue:
        return self.controller.queue

    def client(self, name: str) -> str:
        return self.store.create("client", {"businessName": name})

    def document(self, client_id: str, file_name: str) -> str:
        return server_document(self.store, client_id, file_name)

    def add_job(self, file_name: str, state: str = "waiting", **fields: Any) -> str:
        return add_job(self.queue, file_name, state, **fields)

    def job(self, upload_id: str) -> UploadJob:
        job = self.queue.get(upload_id)
        assert job is not None
        return job

    def state(self, upload_id: str) -> str:
        return self.job(upload_id).state


def server_document(store: LocalStore, client_id: str, file_name: str) -> str:
    """A document as a sync brings it from the server."""
    record_id = new_id()
    data = {
        "id": record_id,
        "version": 1,
        "organizationId": "o",
        "createdAt": "2026-01-01T00:00:00.000Z",
        "updatedAt": "2026-01-02T00:00:00.000Z",
        "deletedAt": None,
        "clientId": client_id,
        "fileName": file_name,
        "category": "general",
        "isArchived": False,
    }
    item = {"entity": "document", "id": record_id, "version": 1, "deleted": False, "data": data}
    page = {"items": [item], "cursor": "e:1:0", "hasMore": False, "epoch": "e"}
    check_page(page)
    with store.transaction() as txn:
        apply_page(txn, page)
    return record_id


def add_job(
    queue: UploadQueue,
    file_name: str,
    state: str = "waiting",
    *,
    batch_id: str | None = None,
    **fields: Any,
) -> str:
    """Queue one job as intake (and the uploader) would have left it in ``state``."""
    later = {k: fields.pop(k) for k in ("offset", "document_id", "attempts") if k in fields}
    fields.setdefault("path", f"{SCANS}/{file_name}")
    fields.setdefault("size", 120_000)
    if state not in ("hashing", "failed", "cancelled"):
        fields.setdefault("sha256", "ab" * 32)  # hashed: resuming does not hash it again
    [upload_id] = queue.add(
        [
            NewUpload(
                file_name=file_name,
                mtime_ns=1,
                source=fields.pop("source", "drag_drop"),
                batch_id=batch_id or new_id(),
                state=state,
                **fields,
            )
        ]
    )
    if later:
        queue.update(upload_id, **later)
    return upload_id


def every_state(store: LocalStore, queue: UploadQueue, client_id: str) -> dict[str, str]:
    """One job in each state people see (name -> upload id), as the screenshots show them."""
    original = server_document(store, client_id, "W-2 2024 Smith.pdf")
    made = {
        "hashing": add_job(queue, "scan_0001.pdf", "hashing", client_id=client_id),
        "waiting": add_job(
            queue, "1099-INT Chase.pdf", "waiting", client_id=client_id, category="1099", year=2024
        ),
        "offline": add_job(
            queue,
            "Invoice 4411.pdf",
            "waiting",
            client_id=client_id,
            reason="Waiting for the server",
        ),
        "uploading": add_job(
            queue,
            "Bank statement March.pdf",
            "uploading",
            client_id=client_id,
            category="bank_statement",
            year=2025,
            offset=50_400,
        ),
        "paused": add_job(queue, "Receipts Q1.pdf", "paused", client_id=client_id),
        "duplicate": add_job(
            queue,
            "W-2 2024 Smith (copy).pdf",
            "duplicate",
            client_id=client_id,
            document_id=original,
            reason="The firm already has this file.",
        ),
        "done": add_job(
            queue,
            "1040 2023.pdf",
            "done",
            client_id=client_id,
            document_id=new_id(),
            offset=120_000,
        ),
        "failed": add_job(
            queue,
            "empty.pdf",
            "failed",
            client_id=client_id,
            size=0,
            reason="“empty.pdf” is empty (0 bytes). Scan or save it again, then add it again.",
        ),
        "unsorted": add_job(
            queue,
            "ACME_scan_001.pdf",
            "unsorted",
            path=f"{SCANS}/Acme/ACME_scan_001.pdf",
            source="watched_folder",
            watched_root=SCANS,
            client_id=client_id,
            route_confidence=0.62,
            route_reason="folder 'Acme' matches client Acme LLC (62%)",
        ),
        "cancelled": add_job(queue, "draft.pdf", "cancelled", client_id=client_id),
    }
    return made


@pytest.fixture(scope="module")
def intake_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    server: EmbeddedServer = start_server(tmp_path_factory.mktemp("intake-server"))
    live = LiveServer(server)
    yield live
    live.close()
    server.stop()


@pytest.fixture
def intake_desk(qtbot: QtBot, intake_server: LiveServer, tmp_path: Path) -> Iterator[IntakeDesk]:
    user = intake_server.account(f"Firm {new_id()[:8]}")
    loop = asyncio.new_event_loop()
    account = loop.run_until_complete(open_desktop(intake_server.url, user.email, tmp_path / "d"))
    qsettings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings = IntakeSettings(qsettings)
    undo_stack = QUndoStack()
    controller = IntakeController(account, settings, undo_stack)
    desk = IntakeDesk(account, controller, settings, undo_stack, loop, tmp_path)
    yield desk
    loop.run_until_complete(controller.stop())
    loop.run_until_complete(account.close())
    loop.close()
