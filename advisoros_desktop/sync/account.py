"""One signed-in account: its API client, its cache, its sync engine.

Built the same way by the desktop and by ``advisoros sync``; the cache file is
chosen only after the server said which organization and user this is, so two
accounts never share a cache.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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

    async def close(self) -> None:
        await self.api.aclose()
        self.store.close()


async def open_account(
    server_url: str,
    email: str,
    password: str | None,
    data_dir: Path,
    tokens: TokenStore,
    retry: RetryPolicy | None = None,
) -> Account:
    """Sign in (with the password, or with tokens kept from before) and open the cache."""
    api = ApiClient(api_root(server_url), tokens, account_key(server_url, email), retry=retry)
    try:
        if password is not None:
            me = await api.sign_in(email, password)
        else:
            me = await api.me()  # raises SignInRequired when no usable tokens are kept
        folder = account_folder(data_dir, api.base_url, me["organization"]["id"], me["user"]["id"])
        store = LocalStore(folder / "cache.db")
    except BaseException:
        await api.aclose()
        raise
    return Account(
        api, store, SyncEngine(store, api), me["organization"]["name"], me["user"]["email"]
    )
