"""The window opens on the last account's cache before any server work (offline-first)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pytestqt.qtbot import QtBot

from advisoros_desktop.api.token_store import MemoryTokenStore
from advisoros_desktop.desktop_startup import LOCAL_IDENTITY, DesktopStartup
from advisoros_desktop.local_workspace import LocalWorkspace
from advisoros_desktop.sync.account import open_account
from advisoros_desktop.sync.last_account import LastAccount, recall, remember
from advisoros_desktop.ui.app_context import build_context


def test_the_last_cache_opens_without_the_server(
    qtbot: QtBot,
    demo_workspace: LocalWorkspace,
    tmp_path: Path,
) -> None:
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        account = loop.run_until_complete(
            open_account(
                demo_workspace.api_url,
                demo_workspace.email,
                demo_workspace.password,
                tmp_path,
                MemoryTokenStore(),
                cache_identity=LOCAL_IDENTITY,
            )
        )
        loop.run_until_complete(account.engine.sync_once())
        cache = str(account.store.path.relative_to(tmp_path))
        remember(tmp_path, LastAccount(LOCAL_IDENTITY, account.organization, account.user, cache))
        loop.run_until_complete(account.close())
        assert recall(tmp_path) is not None

        startup = DesktopStartup(build_context(tmp_path), demo=True)
        window = startup.open_cached_window()
        assert window is not None
        qtbot.addWidget(window)
        assert startup.workspace is None  # nothing started yet: the cache alone
        assert "Demo CPA Firm" in window.windowTitle()
        assert window.record_views["clients"].model.rowCount() == 60
        assert window.record_views["documents"].model.rowCount() == 300
        window.close()
        loop.run_until_complete(startup.shutdown())
    finally:
        asyncio.set_event_loop(None)
        loop.close()


def test_an_unreadable_last_account_file_counts_as_none(tmp_path: Path) -> None:
    (tmp_path / "last-account.json").write_text("{not json")
    assert recall(tmp_path) is None
    remember(tmp_path, LastAccount("x", "Firm", "me@example.com", "missing/cache.db"))
    assert recall(tmp_path) is None  # its cache is gone
