"""The local-workspace window shows what the embedded server holds, without blocking."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from advisoros_desktop.local_workspace import start_local_workspace
from advisoros_desktop.ui.workspace_summary import WorkspaceSummaryWindow


def test_window_shows_the_demo_firm_read_through_the_api(qtbot: QtBot, tmp_path: Path) -> None:
    workspace = start_local_workspace(tmp_path, demo=True)
    try:
        window = WorkspaceSummaryWindow(workspace.api_url)
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(window.fetcher.finished, timeout=30_000):
            window.fetcher.fetch(workspace.api_url, workspace.email, workspace.password)
        assert window._firm.text() == "Demo CPA Firm"
        assert window._counts["client"].text() == "60"
        assert window._counts["document"].text() == "300"
        image = window.grab()
        assert not image.isNull() and image.width() >= 500
    finally:
        workspace.stop()


def test_a_second_start_keeps_the_data_and_renews_the_password(tmp_path: Path) -> None:
    first = start_local_workspace(tmp_path, demo=False)
    first.stop()
    second = start_local_workspace(tmp_path, demo=False)
    try:
        assert second.password != first.password
        import httpx

        token = httpx.post(
            second.api_url + "/auth/token", json={"email": second.email, "password": first.password}
        )
        assert token.status_code == 401  # yesterday's password is gone
    finally:
        second.stop()
