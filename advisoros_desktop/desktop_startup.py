"""Starting and stopping the desktop on the local workspace, without a frozen window.

The window opens on the last account's cache at once (offline-first: yesterday's
data is useful before the server answers). The embedded server then starts on
a worker thread, the account signs in and the sync scheduler starts. On the
very first run there is no cache yet, so a small "preparing" window shows
until the workspace is ready.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from advisoros_desktop.api.token_store import MemoryTokenStore
from advisoros_desktop.long_lived_heap import set_aside_long_lived_objects
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.sync.account import Account, open_account
from advisoros_desktop.sync.last_account import LastAccount, recall, remember
from advisoros_desktop.ui.app_context import AppContext
from advisoros_desktop.ui.gui_thread_collector import GuiThreadCollector, sync_or_intake_busy
from advisoros_desktop.ui.intake_controller import IntakeController
from advisoros_desktop.ui.intake_settings import IntakeSettings
from advisoros_desktop.ui.main_window import MainWindow
from advisoros_desktop.ui.sync_controller import SyncController

if TYPE_CHECKING:
    from advisoros_desktop.local_workspace import LocalWorkspace

log = logging.getLogger(__name__)

# The local workspace's port changes at every start; its cache must not.
LOCAL_IDENTITY = "local-workspace"


def window_title(organization: str, user: str) -> str:
    return f"{organization} — {user} — AdvisorOS Desktop"


class DesktopStartup:
    def __init__(self, context: AppContext, demo: bool) -> None:
        self.context = context
        self.demo = demo
        self.window: MainWindow | None = None
        self.account: Account | None = None
        self.controller: SyncController | None = None
        self.intake: IntakeController | None = None
        self.collector: GuiThreadCollector | None = None
        self.workspace: LocalWorkspace | None = None
        self._early_store: LocalStore | None = None
        self._preparing: QLabel | None = None
        self.closed = asyncio.get_event_loop().create_future()
        self.ready = asyncio.get_event_loop().create_future()

    @property
    def data_dir(self) -> Path:
        return self.context.data_dir

    def open_cached_window(self) -> MainWindow | None:
        """Show the last account's cache now, before any network or server work."""
        last = recall(self.data_dir)
        if last is None:
            self._preparing = QLabel(
                "<h3>AdvisorOS Desktop</h3><p>Preparing the local workspace…</p>"
            )
            self._preparing.setWindowTitle("AdvisorOS Desktop")
            self._preparing.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._preparing.resize(420, 160)
            self._preparing.show()
            return None
        self._early_store = LocalStore(self.data_dir / last.cache)
        self._show_window(self._early_store, window_title(last.organization, last.user))
        return self.window

    async def connect(self) -> None:
        """Start the embedded server, sign in, open the right cache and start syncing."""
        from advisoros_desktop.local_workspace import start_local_workspace

        try:
            self.workspace = await asyncio.to_thread(
                start_local_workspace, self.data_dir, self.demo
            )
            workspace = self.workspace
            self.account = await open_account(
                workspace.api_url,
                workspace.email,
                workspace.password,
                self.data_dir,
                MemoryTokenStore(),
                cache_identity=LOCAL_IDENTITY,
                open_store=self._early_store,
            )
        except Exception as err:
            log.exception("the local workspace could not start")
            self._failed(err)
            return
        account = self.account
        title = window_title(account.organization, account.user)
        if self.window is None or self.window.store is not account.store:
            if self.window is not None:  # another account than last time: its own cache
                self.window.hide()
                self.window.close()
                if self._early_store is not None:
                    self._early_store.close()
            self._show_window(account.store, title)
        assert self.window is not None
        self.window.setWindowTitle(title)
        remember(
            self.data_dir,
            LastAccount(
                LOCAL_IDENTITY,
                account.organization,
                account.user,
                str(account.store.path.relative_to(self.data_dir)),
            ),
        )
        self.controller = SyncController(account, self.window)
        self.window.attach_sync(self.controller)
        set_aside_long_lived_objects()  # before the first sync fills the heap
        self._collect_on_gui_thread()
        self.controller.start()
        await self._start_intake(account)
        if not self.ready.done():
            self.ready.set_result(self.window)

    async def _start_intake(self, account: Account) -> None:
        """Drops, watched folders and uploads; a failure here leaves the rest working."""
        assert self.window is not None
        try:
            self.intake = IntakeController(
                account, IntakeSettings(self.context.settings), self.context.undo_stack, self.window
            )
            self.window.attach_intake(self.intake)
            await self.intake.start()
        except Exception as err:
            log.exception("intake could not start")
            self.window.show_message(
                f"Adding files could not start: {err}. Everything else works; "
                "restart the program to try again."
            )

    def _collect_on_gui_thread(self) -> None:
        """Garbage collected on this (the GUI) thread from now on, in full only at rest."""
        if self.collector is None:
            busy = sync_or_intake_busy(lambda: self.controller, lambda: self.intake)
            self.collector = GuiThreadCollector(busy, QApplication.instance())
            self.collector.start()

    def _show_window(self, store: LocalStore, title: str) -> None:
        self.window = MainWindow(self.context, store, title)
        self.window.closing.connect(self._window_closing)
        self.window.show()
        if self._preparing is not None:
            self._preparing.close()
            self._preparing = None

    def _failed(self, err: BaseException) -> None:
        message = f"The local workspace could not start: {err}"
        if self.window is not None:
            self.window.show_message(message + " You can keep working; changes are kept here.")
        else:
            if QApplication.instance() is not None and not _offscreen():
                QMessageBox.critical(None, "AdvisorOS Desktop", message)
            if self._preparing is not None:
                self._preparing.close()
            if not self.closed.done():
                self.closed.set_result(1)
        if not self.ready.done():
            self.ready.set_exception(RuntimeError(message))

    def _window_closing(self) -> None:
        if not self.closed.done():
            self.closed.set_result(0)

    async def shutdown(self) -> None:
        """Stop intake and syncing, close the cache and stop the server: nothing is lost on quit."""
        if self.intake is not None:
            await self.intake.stop()
        if self.controller is not None:
            await self.controller.stop()
        if self.account is not None:
            await self.account.close()
        elif self._early_store is not None:
            self._early_store.close()
        if self.workspace is not None:
            await asyncio.to_thread(self.workspace.stop)
        if self.collector is not None:
            self.collector.stop()  # Python collects on its own again
            self.collector.deleteLater()
            self.collector = None


def _offscreen() -> bool:
    app: Any = QApplication.instance()
    return bool(app is not None and app.platformName() == "offscreen")
