"""Signing out, switching account and signing in again, for the account the desktop has open.

Each is a short conversation (a question, a dialog) followed by closing one
account and opening another, so they run one at a time: a second request while
one is under way is dropped rather than interleaved. The start-up
(``desktop_startup``) does the opening and closing; this decides when.

Signing out clears the account's tokens from the keyring and keeps its cache:
changes not sent yet stay there and are sent after signing in again (the
confirmation says so when there are any). When the server refuses an
account's tokens, the password is asked for once; after "Not now",
File → Sign in again… asks again.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from advisoros_desktop.store.upload_queue import FINISHED, STATES, UploadQueue
from advisoros_desktop.sync.last_account import forget
from advisoros_desktop.ui.account_commands import AccountActions, unsent_work_question
from advisoros_desktop.ui.confirmation import Confirm
from advisoros_desktop.ui.sign_in_dialog import SignedInChoice

if TYPE_CHECKING:
    from advisoros_desktop.desktop_startup import DesktopStartup

log = logging.getLogger(__name__)

_WAITING_UPLOADS = tuple(state for state in STATES if state not in FINISHED)


class AccountChanges:
    def __init__(self, startup: DesktopStartup, confirm: Confirm) -> None:
        self.startup = startup
        self.confirm = confirm
        self.running: asyncio.Task[None] | None = None  # the change under way
        self._offered_sign_in = False

    def attach(self, window: QWidget, *, remote: bool) -> AccountActions:
        """The commands' way in, under ``window`` (which shows a newly opened account)."""
        actions = AccountActions(window, remote=remote)
        actions.sign_out_requested.connect(self.sign_out_requested)
        actions.switch_requested.connect(lambda: self._begin(self._switch()))
        actions.sign_in_requested.connect(lambda: self._begin(self._sign_in_again()))
        self._offered_sign_in = False
        return actions

    async def stop(self) -> None:
        """The program is quitting: end the change under way (its dialog closes)."""
        if self.running is not None and not self.running.done():
            self.running.cancel()
            await asyncio.gather(self.running, return_exceptions=True)

    # -- what starts a change -----------------------------------------------------------------
    def sign_out_requested(self) -> None:
        """Ask first when something waits to be sent. A Qt slot, not a task: the modal
        question runs its own event loop, which must not happen inside an asyncio task."""
        startup = self.startup
        if startup.account is None or startup.window is None or self._busy():
            return
        store = startup.account.store
        question = unsent_work_question(
            store.pending_count(), UploadQueue(store).count(_WAITING_UPLOADS)
        )
        if question is not None and not self.confirm(
            startup.window,
            QCoreApplication.translate("AccountChanges", "Sign out"),
            question,
            QCoreApplication.translate("AccountChanges", "Sign out"),
        ):
            return
        self._begin(self._sign_out())

    def sync_state_changed(self, state: str, _message: str) -> None:
        """Watch for the server refusing the tokens: then the password is needed."""
        actions = self.startup.actions
        if actions is None or not actions.remote:
            return
        if state == "online":
            actions.signed_out = False
        elif state == "signed_out" and not actions.signed_out:
            actions.signed_out = True
            if not self._offered_sign_in:  # offered once; then File → Sign in again…
                self._offered_sign_in = True
                # After the change that opened this account, if it is still finishing.
                self._begin(self._sign_in_again(), after_running=True)

    # -- the changes -----------------------------------------------------------------------------
    async def _sign_out(self) -> None:
        startup = self.startup
        await startup.close_account(sign_out=True)
        forget(startup.data_dir)  # the next start asks where to work
        await startup.ask_and_open()

    async def _switch(self) -> None:
        startup = self.startup
        account = startup.account
        choice = await startup.sign_in.ask_which_account(
            startup.window, startup.current, account.store if account is not None else None
        )
        if choice is None:
            return
        # Signed in again to the account open now: its cache stays open for the new window.
        kept = None
        if isinstance(choice, SignedInChoice) and choice.account is not None:
            kept = choice.account.store
        await startup.close_account(keep_store=kept)
        await startup.open(choice)

    async def _sign_in_again(self) -> None:
        """The open account's password, after the server refused its tokens."""
        startup = self.startup
        window, actions, controller = startup.window, startup.actions, startup.controller
        account, entry = startup.account, startup.current
        if window is None or actions is None or controller is None:
            return
        if account is None or entry is None or not actions.signed_out:
            return
        if await startup.sign_in.ask_password_again(window, account, entry):
            actions.signed_out = False
            controller.sync_now()
            window.show_message(
                QCoreApplication.translate(
                    "AccountChanges", "Signed in again; your changes are being sent."
                )
            )
        else:
            window.show_message(
                QCoreApplication.translate(
                    "AccountChanges",
                    "Signed out: your changes wait on this computer. Use File → Sign in "
                    "again… to send them.",
                )
            )

    # -- one at a time ---------------------------------------------------------------------------
    def _busy(self) -> bool:
        return self.running is not None and not self.running.done()

    def _begin(self, change: Coroutine[Any, Any, None], *, after_running: bool = False) -> None:
        """Start ``change``; while another runs it is dropped, or (``after_running``) waits."""
        previous = self.running if self._busy() else None
        if previous is not None and not after_running:
            change.close()
            return

        async def in_turn() -> None:
            if previous is not None:
                try:
                    await asyncio.gather(previous, return_exceptions=True)
                except asyncio.CancelledError:
                    change.close()  # never started
                    raise
            await change

        self.running = asyncio.ensure_future(in_turn())
        self.running.add_done_callback(self._ended)

    def _ended(self, task: asyncio.Task[None]) -> None:
        if task.cancelled() or task.exception() is None:
            return
        error = task.exception()
        log.error("changing account failed", exc_info=error)
        self.startup.failed(
            QCoreApplication.translate("AccountChanges", "Changing account failed: {error}").format(
                error=error
            )
        )
