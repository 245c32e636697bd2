"""One signed-in account: its API client, its cache, its sync engine.

Built the same way by the desktop and by ``advisoros sync``; the cache file is
chosen only after the server said which organization and user this is, so two
accounts never share a cache: the folder is named after the server's API
address and the organization's and user's ids, so a second user of the same
server, or the same email on another server, gets a cache of its own.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from advisoros_desktop.api.client import ApiClient
from advisoros_desktop.api.retry import RetryPolicy
from advisoros_desktop.api.token_store import TokenStore
from advisoros_desktop.store.database import account_folder
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.sync.engine import SyncEngine


def api_root(server_url: str) -> str:
    """The API root for a server address given with or without ``/api/v1``."""
    url = server_url.rstrip("/")
    return url if url.endswith("/api/v1") else f"{url}/api/v1"


def account_key(server_url: str, email: str) -> str:
    return f"{api_root(server_url)}|{email.strip().lower()}"


@dataclass
class Account:
    api: ApiClient
    store: LocalStore
    engine: SyncEngine
    organization: str
    user: str
    # The email signed in with: it names the account's tokens in the token store.
    email: str = ""

    async def close(self) -> None:
        await self.api.aclose()
        self.store.close()


def cache_path(data_dir: Path, server_identity: str, me: dict[str, Any]) -> Path:
    """The cache file of the account ``me`` (the server's /me answer) on that server."""
    folder = account_folder(data_dir, server_identity, me["organization"]["id"], me["user"]["id"])
    return folder / "cache.db"


async def open_account(
    server_url: str,
    email: str,
    password: str | None,
    data_dir: Path,
    tokens: TokenStore,
    retry: RetryPolicy | None = None,
    *,
    cache_identity: str | None = None,
    open_store: LocalStore | None = None,
) -> Account:
    """Sign in (with the password, or with tokens kept from before) and open the cache.

    ``cache_identity`` names the server for the cache folder when its address is
    not stable (the local workspace listens on a new port at every start).
    ``open_store`` is a cache the caller opened already (the desktop shows the
    last account's cache before the server answers); it is used when it is the
    one this account needs, else it is left alone and the right one is opened.
    """
    api = ApiClient(api_root(server_url), tokens, account_key(server_url, email), retry=retry)
    try:
        if password is not None:
            me = await api.sign_in(email, password)
        else:
            me = await api.me()  # raises SignInRequired when no usable tokens are kept
        path = cache_path(data_dir, cache_identity or api.base_url, me)
        if open_store is not None and open_store.path == path:
            store = open_store
        else:
            # Opening may upgrade the cache's schema: not on the caller's (GUI) thread.
            store = await asyncio.to_thread(LocalStore, path)
    except BaseException:
        await api.aclose()
        raise
    return Account(
        api,
        store,
        SyncEngine(store, api),
        me["organization"]["name"],
        me["user"]["email"],
        email.strip(),
    )


def resume_account(
    server_url: str,
    email: str,
    store: LocalStore,
    tokens: TokenStore,
    organization: str,
    user: str,
    retry: RetryPolicy | None = None,
) -> Account:
    """The account whose cache is open already, on the tokens kept from before.

    Nothing goes on the network: the desktop opens yesterday's cache at once,
    and the first sync finds out whether the server still takes the tokens
    (``SignInRequired`` when it does not, or when none were kept).
    """
    api = ApiClient(api_root(server_url), tokens, account_key(server_url, email), retry=retry)
    return Account(api, store, SyncEngine(store, api), organization, user, email.strip())
