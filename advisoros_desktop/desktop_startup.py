"""Starting the desktop on the right account, and changing account, without a frozen window.

The window opens on the last account's cache at once (offline-first: yesterday's
data is useful before the server answers). On the local workspace the embedded
server then starts on a worker thread and signs in; on a firm's server the
tokens kept in the keyring are used, and the first sync finds out whether the
server still takes them (if not, the window says "Signed out" and offers to
sign in again; the cache and its unsent changes stay). With no last account
(the very first start, or after signing out) a dialog asks where to work;
choosing the local workspace shows a small "preparing" window until it is ready.

Signing out and switching account close the account cleanly (intake and sync
stopped, the cache closed) and open the next one in a new window: each account
keeps its own cache. Tokens live only in the keyring; the password is never kept.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from advisoros_desktop.api.token_store import KeyringTokenStore, MemoryTokenStore, TokenStore
from advisoros_desktop.long_lived_heap import set_aside_long_lived_objects
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.sync.account import Account, open_account, resume_account
from advisoros_desktop.sync.known_accounts import add_known_account, known_accounts
from advisoros_desktop.sync.last_account import (
    LOCAL_WORKSPACE,
    LastAccount,
    recall,
    remember,
)
from advisoros_desktop.ui.account_changes import AccountChanges
from advisoros_desktop.ui.account_commands import AccountActions
from advisoros_desktop.ui.app_context import AppContext
from advisoros_desktop.ui.confirmation import Confirm, ask_to_confirm
from advisoros_desktop.ui.gui_thread_collector import GuiThreadCollector, sync_or_intake_busy
from advisoros_desktop.ui.intake_controller import IntakeController
from advisoros_desktop.ui.intake_settings import IntakeSettings, group_for_account
from advisoros_desktop.ui.main_window import MainWindow
from advisoros_desktop.ui.sign_in_dialog import (
    KnownAccountChoice,
    LocalWorkspaceChoice,
    SignedInChoice,
)
from advisoros_desktop.ui.sign_in_flow import SignInFlow
from advisoros_desktop.ui.sync_controller import SyncController
from advisoros_desktop.ui.tray_icon import TrayIcon, attach_tray

if TYPE_CHECKING:
    from advisoros_desktop.local_workspace import LocalWorkspace
    from advisoros_desktop.ui.sign_in_dialog import Choice

log = logging.getLogger(__name__)

# The local workspace's port changes at every start; its cache must not.
LOCAL_IDENTITY = LOCAL_WORKSPACE


def window_title(organization: str, user: str) -> str:
    return f"{organization} — {user} — AdvisorOS Desktop"


class DesktopStartup:
    """Owns the account open now: its window, sync, intake and (local) server.

    ``local_only``: open the local workspace and never ask (``--local-workspace``,
    ``--self-test``, ``--screenshot``). ``tokens``: where remote accounts' tokens
    live (the OS keyring unless a test gives another). ``confirm`` asks before
    signing out with unsent work.
    """

    def __init__(
        self,
        context: AppContext,
        demo: bool,
        *,
        local_only: bool = False,
        tokens: TokenStore | None = None,
        confirm: Confirm = ask_to_confirm,
    ) -> None:
        self.context = context
        self.demo = demo
        self.local_only = local_only
        self.window: MainWindow | None = None
        self.account: Account | None = None
        self.current: LastAccount | None = None  # the account open now, as it is remembered
        self.controller: SyncController | None = None
        self.intake: IntakeController | None = None
        self.collector: GuiThreadCollector | None = None
        self.tray: TrayIcon | None = None
        self.workspace: LocalWorkspace | None = None
        self.actions: AccountActions | None = None
        self._early_store: LocalStore | None = None
        self._preparing: QLabel | None = None
        self._remembered: LastAccount | None = None
        self._heap_set_aside = False
        self._failure_box: QMessageBox | None = None
        loop = asyncio.get_event_loop()
        if tokens is None:
            tokens = KeyringTokenStore(on_insecure=lambda text: self.sign_in.insecure(text, loop))
        self.tokens = tokens
        self.sign_in = SignInFlow(context.data_dir, tokens, demo)
        self.changes = AccountChanges(self, confirm)
        self.closed = loop.create_future()
        self.ready = loop.create_future()

    @property
    def data_dir(self) -> Path:
        return self.context.data_dir

    # -- starting ------------------------------------------------------------------------
    def open_cached_window(self) -> MainWindow | None:
        """Show the last account's cache now, before any network or server work."""
        entry = self._account_to_open()
        self._remembered = entry
        if entry is None:
            if self.local_only:
                self._show_preparing()
            return None  # the first start: connect() asks where to work
        self._early_store = LocalStore(self.data_dir / entry.cache)
        self._show_window(self._early_store, window_title(entry.organization, entry.user))
        return self.window

    async def connect(self) -> None:
        """Open the account to start on (asking which, the first time) and start syncing."""
        entry = self._remembered
        if self.local_only or (entry is not None and entry.is_local):
            await self._open_local(self.demo)
        elif entry is not None:
            await self._resume(entry)
        else:
            await self.ask_and_open()

    def _account_to_open(self) -> LastAccount | None:
        if self.local_only:
            return next((e for e in known_accounts(self.data_dir) if e.is_local), None)
        return recall(self.data_dir)

    async def ask_and_open(self) -> None:
        choice = await self.sign_in.ask_where_to_work()
        if choice is None:
            self._quit()
        else:
            await self.open(choice)

    async def open(self, choice: Choice) -> None:
        if isinstance(choice, LocalWorkspaceChoice):
            await self._open_local(choice.demo)
        elif isinstance(choice, KnownAccountChoice):
            if choice.account.is_local:
                await self._open_local(self.demo)
            else:
                await self._resume(choice.account)
        elif isinstance(choice, SignedInChoice) and choice.account is not None:
            await self._start(choice.account, choice.account.api.base_url)

    async def _open_local(self, demo: bool) -> None:
        """Start the embedded server, sign in and open the local workspace's cache."""
        from advisoros_desktop.local_workspace import start_local_workspace

        try:
            if self.window is None and self._preparing is None:
                await self._show_local_cache()
            self.workspace = await asyncio.to_thread(start_local_workspace, self.data_dir, demo)
            workspace = self.workspace
            account = await open_account(
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
            self.failed(
                QCoreApplication.translate(
                    "DesktopStartup", "The local workspace could not start: {error}"
                ).format(error=err)
            )
            return
        await self._start(account, LOCAL_IDENTITY)

    async def _show_local_cache(self) -> None:
        """The local workspace's cache from before, while its server starts (or "preparing")."""
        entry = next((e for e in known_accounts(self.data_dir) if e.is_local), None)
        if entry is None:
            self._show_preparing()
            return
        self._early_store = await asyncio.to_thread(LocalStore, self.data_dir / entry.cache)
        self._show_window(self._early_store, window_title(entry.organization, entry.user))

    async def _resume(self, entry: LastAccount) -> None:
        """A server account used here before: its cache now, its kept tokens for the sync."""
        await self.sign_in.keyring_checked()
        path = self.data_dir / entry.cache
        try:
            if self._early_store is not None and self._early_store.path == path:
                store = self._early_store
            else:
                store = await asyncio.to_thread(LocalStore, path)
        except Exception as err:
            log.exception("the cache of %s could not be opened", entry.user)
            self.failed(
                QCoreApplication.translate(
                    "DesktopStartup", "The records kept for {user} could not be opened: {error}"
                ).format(user=entry.user, error=err)
            )
            return
        account = resume_account(
            entry.server, entry.sign_in_email, store, self.tokens, entry.organization, entry.user
        )
        await self._start(account, entry.server)

    async def _start(self, account: Account, identity: str) -> None:
        """Show ``account``'s cache, remember it, start syncing and intake."""
        self.account = account
        title = window_title(account.organization, account.user)
        if self.window is None or self.window.store is not account.store:
            self._close_window()  # the cache shown early was another account's
            self._show_window(account.store, title)
        if self._early_store is not None and self._early_store is not account.store:
            self._early_store.close()
        self._early_store = None
        window = self.window
        assert window is not None
        window.setWindowTitle(title)
        entry = LastAccount(
            identity,
            account.organization,
            account.user,
            str(account.store.path.relative_to(self.data_dir)),
            account.email,
        )
        remember(self.data_dir, entry)
        add_known_account(self.data_dir, entry)
        self.current = entry
        self.actions = self.changes.attach(window, remote=not entry.is_local)
        self.controller = SyncController(account, window, settings=self.context.settings)
        self.controller.state_changed.connect(self.changes.sync_state_changed)
        window.attach_sync(self.controller)
        if not self._heap_set_aside:
            set_aside_long_lived_objects()  # before the first sync fills the heap
            self._heap_set_aside = True
        self._collect_on_gui_thread()
        self.controller.start()
        await self._start_intake(account, group_for_account(entry.is_local, entry.cache))
        # Closes itself with the window; the next account's window gets its own.
        self.tray = attach_tray(window, self.controller, self.intake, self.context.settings)
        if not entry.is_local and self.sign_in.insecure_notice:
            window.show_message(self.sign_in.insecure_notice)
        if not self.ready.done():
            self.ready.set_result(window)

    async def _start_intake(self, account: Account, group: str) -> None:
        """Drops, watched folders and uploads; a failure here leaves the rest working.

        ``group``: where this account's watched folders and rules are kept.
        """
        assert self.window is not None
        try:
            self.intake = IntakeController(
                account,
                IntakeSettings(self.context.settings, group=group),
                self.context.undo_stack,
                self.window,
            )
            self.window.attach_intake(self.intake)
            await self.intake.start()
        except Exception as err:
            log.exception("intake could not start")
            self.window.show_message(
                QCoreApplication.translate(
                    "DesktopStartup",
                    "Adding files could not start: {error}. Everything else works; "
                    "restart the program to try again.",
                ).format(error=err)
            )

    def _collect_on_gui_thread(self) -> None:
        """Garbage collected on this (the GUI) thread from now on, in full only at rest."""
        if self.collector is None:
            busy = sync_or_intake_busy(lambda: self.controller, lambda: self.intake)
            self.collector = GuiThreadCollector(busy, QApplication.instance())
            self.collector.start()

    # -- changing account ------------------------------------------------------------------
    async def close_account(
        self, *, sign_out: bool = False, keep_store: LocalStore | None = None
    ) -> None:
        """Stop intake and sync, close the window and the cache (``keep_store`` stays open)."""
        account = self.account
        if self.intake is not None:
            intake, self.intake = self.intake, None
            await intake.stop()
        if self.controller is not None:
            controller, self.controller = self.controller, None
            self.context.sync = None
            await controller.stop()
        if account is not None and sign_out:
            await account.api.sign_out()  # its tokens leave the keyring
        self._close_window()
        self.context.undo_stack.clear()  # its steps were this cache's
        self.account = None
        self.current = None
        if account is not None:
            await account.api.aclose()
            if account.store is not keep_store:
                # Closing checkpoints the write-ahead log: not on the GUI thread.
                await asyncio.to_thread(account.store.close)
        if self.workspace is not None:
            workspace, self.workspace = self.workspace, None
            await asyncio.to_thread(workspace.stop)

    # -- windows -----------------------------------------------------------------------------
    def _show_window(self, store: LocalStore, title: str) -> None:
        self.window = MainWindow(self.context, store, title)
        self.window.closing.connect(self._window_closing)
        self.window.show()
        if self._preparing is not None:
            self._preparing.close()
            self._preparing = None

    def _show_preparing(self) -> None:
        self._preparing = QLabel(
            "<h3>AdvisorOS Desktop</h3><p>"
            + QCoreApplication.translate("DesktopStartup", "Preparing the local workspace…")
            + "</p>"
        )
        self._preparing.setWindowTitle("AdvisorOS Desktop")
        self._preparing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._preparing.resize(420, 160)
        self._preparing.show()

    def _close_window(self) -> None:
        """Close the window without quitting the program (another account follows)."""
        window, self.window, self.actions = self.window, None, None
        if window is None:
            return
        window.closing.disconnect(self._window_closing)
        window.close()
        window.deleteLater()

    def failed(self, message: str) -> None:
        if self.window is not None:
            self.window.show_message(
                message
                + " "
                + QCoreApplication.translate(
                    "DesktopStartup", "You can keep working; changes are kept here."
                )
            )
        else:
            if self._preparing is not None:
                self._preparing.close()
                self._preparing = None
            if QApplication.instance() is not None and not _offscreen():
                # Not exec(): its nested event loop would run asyncio tasks inside this one.
                self._failure_box = QMessageBox(
                    QMessageBox.Icon.Critical, "AdvisorOS Desktop", message
                )
                self._failure_box.finished.connect(lambda _result: self._end(1))
                self._failure_box.open()
            else:
                self._end(1)
        if not self.ready.done():
            self.ready.set_exception(RuntimeError(message))

    def _window_closing(self) -> None:
        self._quit()

    def _end(self, status: int) -> None:
        if not self.closed.done():
            self.closed.set_result(status)

    def _quit(self) -> None:
        self._end(0)
        if not self.ready.done():
            self.ready.cancel()  # nothing opened: there is nothing to wait for

    async def shutdown(self) -> None:
        """Stop intake and syncing, close the cache and stop the server: nothing is lost on quit."""
        self.sign_in.close_dialog()
        await self.changes.stop()
        if self.intake is not None:
            await self.intake.stop()
        if self.controller is not None:
            await self.controller.stop()
        if self.account is not None:
            await self.account.close()
        if self._early_store is not None and (
            self.account is None or self._early_store is not self.account.store
        ):
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
