"""The AdvisorOS API client: Qt-free, asyncio, httpx; used by ``sync/`` and the sign-in UI.

The names below are the package's public surface; the modules behind them
each have one job (errors, retry timing, the retry loop, token storage, the
client itself).
"""

from advisoros_desktop.api.client import ApiClient
from advisoros_desktop.api.errors import (
    ApiError,
    CursorGone,
    ServerUnavailable,
    ServerUnreachable,
    SignInRequired,
)
from advisoros_desktop.api.retry import RetryPolicy, is_retryable
from advisoros_desktop.api.token_store import (
    KeyringTokenStore,
    MemoryTokenStore,
    Tokens,
    TokenStore,
)

__all__ = [
    "ApiClient",
    "ApiError",
    "CursorGone",
    "KeyringTokenStore",
    "MemoryTokenStore",
    "RetryPolicy",
    "ServerUnavailable",
    "ServerUnreachable",
    "SignInRequired",
    "TokenStore",
    "Tokens",
    "is_retryable",
]
