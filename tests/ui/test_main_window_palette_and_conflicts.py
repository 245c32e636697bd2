"""The palette jumps to a client, and a conflict is resolved from the window, by keyboard."""

from __future__ import annotations

import httpx
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.ui.main_window import NOTICE_INTERVAL_MS, SLOW_NOTICE_INTERVAL_MS
from tests.ui.desktop_fixture import Desktop

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_palette_finds_a_client_by_name_and_enter_jumps_to_it(
    qtbot: QtBot, desktop: Desktop
) -> None:
    window = desktop.window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)  # start somewhere else
    target = desktop.store.all("client")[17]
    qtbot.keyClick(window.record_views["documents"].table, Qt.Key.Key_K, CTRL)
    assert window.palette.isVisible()
    assert QApplication.focusWidget() is window.palette.input
    qtbot.keyClicks(window.palette.input, target["businessName"])
    first = window.palette.current_item()
    assert first is not None and first.kind == "client" and first.key == target["id"]
    qtbot.keyClick(window.palette.input, Qt.Key.Key_Return)
    assert not window.palette.isVisible()
    assert window.current_view_name() == "clients"
    assert window.record_views["clients"].table.current_record_id() == target["id"]
    # The client is now a recent item: the empty palette offers it first.
    window.open_palette()
    assert window.palette.current_item().key == target["id"]
    qtbot.keyClick(window.palette.input, Qt.Key.Key_Escape)
    assert not window.palette.isVisible()


def press_default_button_of_next_question(attempts: int = 100) -> None:
    def act(left: int) -> None:
        boxes = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        ]
        if boxes:
            boxes[0].defaultButton().click()  # what Enter does
        elif left:
            QTimer.singleShot(50, lambda: act(left - 1))

    QTimer.singleShot(50, lambda: act(attempts))


def test_a_conflict_is_listed_and_taking_theirs_settles_it(qtbot: QtBot, desktop: Desktop) -> None:
    window = desktop.window
    client = desktop.store.all("client")[5]
    desktop.store.update("client", client["id"], {"city": "Mine-ville"})
    # Meanwhile a colleague changes the same field on the server.
    with httpx.Client(base_url=desktop.workspace.api_url, timeout=30) as http:
        token = http.post(
            "/auth/token",
            json={"email": desktop.workspace.email, "password": desktop.workspace.password},
        ).json()["accessToken"]
        http.headers["Authorization"] = f"Bearer {token}"
        answer = http.post(
            "/mutations",
            json={
                "mutations": [
                    {
                        "mutationId": new_id(),
                        "entity": "client",
                        "op": "update",
                        "id": client["id"],
                        "baseVersion": client["version"],
                        "fields": {"city": "Theirs-burg"},
                    }
                ]
            },
        )
        assert answer.status_code == 200, answer.text
    report = desktop.sync()
    assert report.conflicts == 1
    qtbot.keyClick(window.record_views["clients"].table, Qt.Key.Key_7, CTRL)
    view = window.conflicts_view
    assert view.conflict_count() == 1
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_A, CTRL)
    press_default_button_of_next_question()
    qtbot.keyClick(view.table, Qt.Key.Key_T, CTRL | SHIFT)
    assert desktop.store.conflicts() == []
    assert desktop.store.get("client", client["id"])["city"] == "Theirs-burg"
    desktop.sync()
    assert desktop.store.pending_count() == 0


def _found(desktop: Desktop, text: str) -> list[str]:
    index = desktop.window.palette_index
    assert index.settle(10)
    return [item.key for item in index.search(text, []) if item.kind == "client"]


def test_records_arriving_while_files_upload_reach_the_palette_when_the_uploads_end(
    qtbot: QtBot, desktop: Desktop
) -> None:
    window = desktop.window
    window.set_pouring("uploads", True)
    assert window.notices._timer.interval() == SLOW_NOTICE_INTERVAL_MS  # tables: once a second
    client_id = desktop.store.create("client", {"businessName": "Quillfeather Quarry LLC"})
    window.notices.flush()
    assert window.record_views["clients"].model.position_of(client_id) is not None
    assert _found(desktop, "Quillfeather") == []  # held while files go out
    window.set_pouring("uploads", False)
    assert window.notices._timer.interval() == NOTICE_INTERVAL_MS
    assert _found(desktop, "Quillfeather") == [client_id]
