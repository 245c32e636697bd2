"""A main window on a real cache synced from a real embedded server (the demo firm).

The server and its demo data are started once per test module (seeding takes
seconds); each test gets its own data folder, cache and settings, so what one
test changes locally no other test sees until it is synced.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from advisoros_desktop.api.token_store import MemoryTokenStore
from advisoros_desktop.local_workspace import LocalWorkspace, start_local_workspace
from advisoros_desktop.sync.account import Account, open_account
from advisoros_desktop.sync.report import SyncReport
from advisoros_desktop.ui.app_context import build_context
from advisoros_desktop.ui.main_window import MainWindow


@dataclass
class Desktop:
    window: MainWindow
    account: Account
    loop: asyncio.AbstractEventLoop
    workspace: LocalWorkspace

    @property
    def store(self):
        return self.account.store

    def sync(self) -> SyncReport:
        report = self.loop.run_until_complete(self.account.engine.sync_once())
        self.window.notices.flush()
        return report


@pytest.fixture(scope="module")
def demo_workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalWorkspace]:
    workspace = start_local_workspace(tmp_path_factory.mktemp("workspace"), demo=True)
    yield workspace
    workspace.stop()


def open_desktop(qtbot: QtBot, workspace: LocalWorkspace, folder: Path) -> Desktop:
    loop = asyncio.new_event_loop()
    account = loop.run_until_complete(
        open_account(
            workspace.api_url,
            workspace.email,
            workspace.password,
            folder,
            MemoryTokenStore(),
            cache_identity="local-workspace",
        )
    )
    loop.run_until_complete(account.engine.sync_once())
    window = MainWindow(build_context(folder), account.store, "Test")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return Desktop(window, account, loop, workspace)


def close_desktop(desktop: Desktop) -> None:
    desktop.window.close()
    desktop.loop.run_until_complete(desktop.account.close())
    desktop.loop.close()


@pytest.fixture
def desktop(qtbot: QtBot, demo_workspace: LocalWorkspace, tmp_path: Path) -> Iterator[Desktop]:
    opened = open_desktop(qtbot, demo_workspace, tmp_path)
    yield opened
    close_desktop(opened)
