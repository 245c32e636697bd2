"""The token pair one ``ApiClient`` is using right now, kept in step with its ``TokenStore``.

Apart from the client so the rules about *which* tokens are current sit in
one place, away from the HTTP that obtains them: loaded from the store once,
a new pair saved the moment it arrives (the server has already spent the old
one), a refused pair dropped only if it is still the current one (a sign-in
may have finished meanwhile), and whoever waits for a sign-in woken by it.
"""

from __future__ import annotations

import asyncio
import time

from advisoros_desktop.api.token_store import Tokens, TokenStore

# Renew when less than this is left, so a request never leaves with a token
# that expires on the way. Short-lived tokens (tests use 1 s) renew at half-life.
REFRESH_MARGIN_SECONDS = 30.0


class SessionTokens:
    """Current tokens of one account, the lock renewals take, and sign-in waiters."""

    def __init__(self, store: TokenStore, account_key: str) -> None:
        self.account_key = account_key
        self._store = store
        self._tokens: Tokens | None = None
        self._loaded = False
        self._margin = REFRESH_MARGIN_SECONDS
        # Held while renewing or replacing tokens: refresh tokens rotate, so a
        # second concurrent renewal would spend an already-spent token and fail.
        self.renewal = asyncio.Lock()
        self._waiters: list[asyncio.Future[None]] = []

    def current(self) -> Tokens | None:
        if not self._loaded:
            # Once per client: a keyring read is a D-Bus or Keychain round trip.
            self._loaded = True
            self._tokens = self._store.load(self.account_key)
        return self._tokens

    def expiring(self, tokens: Tokens) -> bool:
        """True when ``tokens`` should be renewed before they are sent."""
        return tokens.expires_at - time.time() < self._margin

    def keep(self, tokens: Tokens) -> None:
        """Use and save a new pair, then wake whoever waits for one."""
        self._tokens = tokens
        self._loaded = True
        lifetime = max(0.0, tokens.expires_at - time.time())
        self._margin = min(REFRESH_MARGIN_SECONDS, lifetime / 2)
        self._store.save(self.account_key, tokens)

    def forget(self, *, refused_access: str | None = None) -> None:
        """Drop the tokens (only if ``refused_access`` is still the current access token)."""
        current = self.current()
        if refused_access is not None and (
            current is None or current.access_token != refused_access
        ):
            return  # newer tokens arrived meanwhile; those stay
        self._tokens = None
        self._store.clear(self.account_key)

    async def wait_for_tokens(self) -> None:
        """Return at once if there are tokens, else when ``announce_sign_in()`` is next called."""
        if self.current() is not None:
            return
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            await waiter
        finally:
            if waiter in self._waiters:
                self._waiters.remove(waiter)

    def announce_sign_in(self) -> None:
        """A sign-in succeeded: release everything waiting for it."""
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)

    def cancel_waiters(self) -> None:
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            waiter.cancel()
