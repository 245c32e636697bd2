"""What the tests that look at every part of the window share: a real conflict, dialogs shown.

``test_accessible_names`` and ``test_translations`` both walk the demo
desktop's window, its views and its dialogs, each checking something else
about every widget they find.
"""

from __future__ import annotations

from collections.abc import Callable

import httpx
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from advisoros_desktop.domain.ids import new_id
from tests.ui.desktop_fixture import Desktop


def make_conflict(desktop: Desktop, row: int = 3, *, leave_one_waiting: bool = True) -> None:
    """A conflict on the client in ``row`` (changed here and on the server).

    ``leave_one_waiting``: and a change of the next client not sent yet.
    """
    client = desktop.store.all("client")[row]
    desktop.store.update("client", client["id"], {"city": "Mine-ville"})
    workspace = desktop.workspace
    with httpx.Client(base_url=workspace.api_url, timeout=30) as http:
        answer = http.post(
            "/auth/token", json={"email": workspace.email, "password": workspace.password}
        )
        http.headers["Authorization"] = f"Bearer {answer.json()['accessToken']}"
        mutation = {
            "mutationId": new_id(),
            "entity": "client",
            "op": "update",
            "id": client["id"],
            "baseVersion": client["version"],
            "fields": {"city": "Theirs-burg"},
        }
        assert http.post("/mutations", json={"mutations": [mutation]}).status_code == 200
    assert desktop.sync().conflicts == 1
    if not leave_one_waiting:
        return
    # One change still waiting, so the outbox lists something.
    other = desktop.store.all("client")[row + 1]
    desktop.store.update("client", other["id"], {"city": "Waiting"})
    desktop.window.notices.flush()


def shown(qtbot: QtBot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def inspect_modal(
    inspect: Callable[[QWidget], object], where: str, opens: Callable[[], object]
) -> None:
    """Run ``opens`` (which shows a modal dialog and waits), ``inspect`` the dialog, close it."""
    seen: list[QWidget] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, look)
            return
        seen.append(dialog)
        inspect(dialog)
        if isinstance(dialog, QDialog):
            dialog.reject()

    QTimer.singleShot(0, look)
    opens()
    assert seen, f"{where} did not open"
