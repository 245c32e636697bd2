"""The outbox dialog over a real outbox: a change the server refused and one still waiting."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.ui.outbox_dialog import EMPTY_TEXT, OutboxDialog
from tests.conftest import LiveServer, start_server
from tests.integration.sync.desktop import cache_path, open_desktop


@dataclass
class Queued:
    data_dir: Path
    refused_client: str
    waiting_client: str


@pytest.fixture
def queued(tmp_path: Path) -> Iterator[Queued]:
    """A staff member's desktop: deleting a client was refused, a new city is waiting."""
    server = start_server(tmp_path)
    live = LiveServer(server)
    owner = live.account()
    staff = live.account(role="staff")
    refused = owner.create_client("Cedar & Pine LLC")
    waiting = owner.create_client("Harbor Light Sailmakers")

    async def scenario() -> None:
        desk = await open_desktop(live.url, staff.email, tmp_path / "desk")
        await desk.engine.sync_once()
        desk.store.delete("client", refused)
        report = await desk.engine.sync_once()
        assert report.rejected == 1
        desk.store.update("client", waiting, {"city": "Mystic", "notes": "Moved in May"})
        await desk.close()

    asyncio.run(scenario())
    yield Queued(tmp_path / "desk", refused, waiting)
    live.close()
    server.stop()


def answer_next_question(qtbot: QtBot, key: Qt.Key) -> list[str]:
    """Press ``key`` in the question box about to open; returns the question's text."""
    seen: list[str] = []

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, press)
            return
        seen.append(box.text())
        qtbot.keyClick(box, key)

    QTimer.singleShot(0, press)
    return seen


def test_entries_shown_and_a_refused_one_discarded_after_confirmation(
    qtbot: QtBot, queued: Queued
) -> None:
    store = LocalStore(cache_path(queued.data_dir))
    dialog = OutboxDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    rows = [tuple(dialog.model.cells[r][1:6]) for r in range(dialog.model.rowCount())]
    assert rows == [
        ("Cedar & Pine LLC", "Delete client", "", "Refused by the server", "1"),
        (
            "Harbor Light Sailmakers",
            "Update client",
            "City: Mystic; Notes: Moved in May",
            "Waiting",
            "0",
        ),
    ]
    assert "Staff members may not delete clients" in dialog.model.cells[0][6]
    dialog.grab().save("/tmp/outbox_dialog.png")

    # The refused deletion is current: the button is offered; on the waiting one it is not.
    dialog.table.setFocus()
    assert dialog.discard_button.isEnabled()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    assert dialog.current_entry().state == "pending"
    assert not dialog.discard_button.isEnabled()
    assert dialog.discard_selected() is False
    qtbot.keyClick(dialog.table, Qt.Key.Key_Up)

    # Esc in the question keeps the change; Enter (the Discard button) gives it up.
    asked = answer_next_question(qtbot, Qt.Key.Key_Escape)
    assert dialog.discard_selected() is False
    assert "Delete client “Cedar & Pine LLC”" in asked[0]
    assert len(store.outbox_entries()) == 2
    answer_next_question(qtbot, Qt.Key.Key_Return)
    assert dialog.discard_selected() is True
    assert [e.state for e in store.outbox_entries()] == ["pending"]
    assert store.get("client", queued.refused_client) is not None  # back in the list
    assert dialog.model.rowCount() == 1 and dialog.current_entry().state == "pending"
    store.close()


def test_sync_now_and_escape(qtbot: QtBot, queued: Queued) -> None:
    store = LocalStore(cache_path(queued.data_dir))
    dialog = OutboxDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.sync_requested):
        qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    store.close()


def test_refresh_keeps_the_current_entry(qtbot: QtBot, queued: Queued) -> None:
    store = LocalStore(cache_path(queued.data_dir))
    confirmed: list[str] = []

    def confirm(_parent: QWidget, _title: str, text: str, _action: str) -> bool:
        confirmed.append(text)
        return True

    dialog = OutboxDialog(store, confirm=confirm)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.table.selectRow(1)
    store.create("client", {"businessName": "Mystic Bakery"})  # made while the dialog is open
    dialog.refresh()
    assert dialog.model.rowCount() == 3
    assert dialog.current_entry().record_id == queued.waiting_client  # kept by its seq
    assert list(dialog.model.cells[2][1:5]) == [
        "Mystic Bakery",
        "Create client",
        "Business name: Mystic Bakery",
        "Waiting",
    ]
    dialog.table.selectRow(0)
    assert dialog.discard_selected() is True and len(confirmed) == 1
    assert [e.op for e in store.outbox_entries()] == ["update", "create"]
    assert dialog.model.rowCount() == 2
    store.close()


def test_empty_state(qtbot: QtBot, tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "cache.db")
    dialog = OutboxDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.pages.currentWidget() is dialog.empty_text
    assert dialog.empty_text.text() == EMPTY_TEXT
    assert not dialog.discard_button.isEnabled() and dialog.current_entry() is None
    dialog.grab().save("/tmp/outbox_dialog_empty.png")
    store.close()
