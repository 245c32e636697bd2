"""The questions the desktop asks about accounts, each one a sign-in dialog awaited.

Where to work (the first start, after signing out), which account to open
instead ("Switch account…"), and the password again when the server refused an
account's tokens. Here too: checking once, off the GUI thread, that the
keyring works (a locked keyring may take its time, or prompt), and telling the
person when it does not, so they know they will sign in again next time.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from PySide6.QtWidgets import QWidget

from advisoros_desktop.api.token_store import TokenStore
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.sync.account import Account
from advisoros_desktop.sync.known_accounts import known_accounts
from advisoros_desktop.sync.last_account import LastAccount
from advisoros_desktop.sync.server_address import address_shown
from advisoros_desktop.sync.server_sign_in import sign_in_again, sign_in_to_server
from advisoros_desktop.ui.sign_in_dialog import (
    AGAIN,
    START,
    SWITCH,
    Choice,
    SignedInChoice,
    SignIn,
    SignInDialog,
)

log = logging.getLogger(__name__)


class SignInFlow:
    def __init__(self, data_dir: Path, tokens: TokenStore, demo: bool) -> None:
        self.data_dir = data_dir
        self.tokens = tokens
        self.demo = demo
        self.dialog: SignInDialog | None = None  # the one showing now
        self.insecure_notice = ""  # set when tokens can only be kept in memory
        self._keyring_check: asyncio.Future[None] | None = None

    async def ask_where_to_work(self) -> Choice | None:
        """The first start, or after signing out: local workspace, known account or server."""
        return await self._ask(self._sign_in(None), mode=START)

    async def ask_which_account(
        self, parent: QWidget | None, current: LastAccount | None, store: LocalStore | None
    ) -> Choice | None:
        """Another account than ``current`` (whose cache, ``store``, is open)."""
        return await self._ask(self._sign_in(store), mode=SWITCH, current=current, parent=parent)

    async def ask_password_again(
        self, parent: QWidget | None, account: Account, entry: LastAccount
    ) -> bool:
        """Sign ``account`` in again with its password; False when the person said not now."""

        async def again(_address: str, email: str, password: str) -> None:
            await self.keyring_checked()
            await sign_in_again(account, email, password)

        choice = await self._ask(
            again,
            mode=AGAIN,
            parent=parent,
            address=address_shown(entry.server),
            email=entry.sign_in_email,
        )
        return isinstance(choice, SignedInChoice)

    def close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.cancel()

    # -- the keyring -------------------------------------------------------------------------
    def keyring_checked(self) -> asyncio.Future[None]:
        """Done once the token store has tried the keyring (on a worker thread, once)."""
        if self._keyring_check is None:
            self._keyring_check = asyncio.ensure_future(asyncio.to_thread(self._probe))
        return self._keyring_check

    def _probe(self) -> None:
        # ``persistent`` tries a keyring entry; a store without it needs no keyring.
        try:
            getattr(self.tokens, "persistent", None)
        except Exception:  # the store falls back to memory by itself; this is only early
            log.exception("checking the keyring failed")

    def insecure(self, text: str, loop: asyncio.AbstractEventLoop) -> None:
        """The token store's notice that tokens stay in memory (from any thread)."""
        self.insecure_notice = text
        if not loop.is_closed():  # after quitting there is no one left to tell
            loop.call_soon_threadsafe(self._show_notice)

    def _show_notice(self) -> None:
        if self.dialog is not None and self.dialog.mode != AGAIN:
            self.dialog.set_notice(self.insecure_notice)

    # -- dialogs ---------------------------------------------------------------------------
    def _sign_in(self, open_store: LocalStore | None) -> SignIn:
        async def sign_in(address: str, email: str, password: str) -> Account:
            await self.keyring_checked()  # never a keyring prompt on the GUI thread
            return await sign_in_to_server(
                address, email, password, self.data_dir, self.tokens, open_store=open_store
            )

        return sign_in

    async def _ask(
        self,
        sign_in: SignIn,
        *,
        mode: str,
        current: LastAccount | None = None,
        parent: QWidget | None = None,
        address: str = "",
        email: str = "",
    ) -> Choice | None:
        dialog = SignInDialog(
            sign_in,
            mode=mode,
            known=known_accounts(self.data_dir) if mode != AGAIN else (),
            current=current,
            demo=self.demo,
            address=address,
            email=email,
            parent=parent,
        )
        self.dialog = dialog
        if mode != AGAIN:
            self.keyring_checked()  # meanwhile; its notice shows in the dialog
            if self.insecure_notice:
                dialog.set_notice(self.insecure_notice)
        try:
            return await dialog.choose()
        finally:
            self.dialog = None
            dialog.deleteLater()
