"""Signing in to a firm's AdvisorOS server from the sign-in form, with a sentence for each failure.

The form must say which box is wrong and what to do about it: an address that
cannot be reached, a certificate this computer does not trust, a server that is
not AdvisorOS, a wrong password. ``api/`` says what happened on the network;
this says it to an accountant. A person is waiting, so the server is first
asked, with one quick retry, whether it is an AdvisorOS server at all (no
password is sent anywhere else), instead of the sync engine's patient retries.
"""

from __future__ import annotations

import errno
import socket
import ssl
from pathlib import Path

import httpx

from advisoros_desktop.api.client import ApiClient
from advisoros_desktop.api.errors import (
    ApiError,
    ServerUnavailable,
    ServerUnreachable,
    SignInRequired,
)
from advisoros_desktop.api.retry import RetryPolicy
from advisoros_desktop.api.token_store import MemoryTokenStore, TokenStore
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.sync.account import Account, api_root, open_account
from advisoros_desktop.sync.server_address import AddressProblem, address_shown, server_address
from advisoros_desktop.sync.sign_in_texts import sentence

QUICK_CHECK = RetryPolicy(max_attempts=2, base_delay=0.2, max_delay=0.5)
CHECK_TIMEOUT_SECONDS = 15.0

# Which box of the form a failure is about, so the form can put the cursor there.
ADDRESS, EMAIL, PASSWORD = "address", "email", "password"


class SignInFailed(Exception):
    """Signing in did not work; ``field`` names the box to fix.

    ``reason`` names the sentence in ``sign_in_texts`` and ``values`` fill it in (so
    the form can say it in the person's language); ``message`` is it in English.
    """

    def __init__(self, reason: str, field: str | None = None, **values: str) -> None:
        self.reason = reason
        self.field = field
        self.values = values
        self.message = sentence(reason, values)
        super().__init__(self.message)


async def sign_in_to_server(
    address: str,
    email: str,
    password: str,
    data_dir: Path,
    tokens: TokenStore,
    *,
    open_store: LocalStore | None = None,
) -> Account:
    """Check the form, check the server, sign in and open the account's own cache.

    ``open_store`` is the cache the window shows now: used again when the sign-in
    turns out to be that same account. Raises ``SignInFailed``.
    """
    server = checked_address(address)
    email = checked_email(email)
    if not password:
        raise SignInFailed("password_empty", PASSWORD)
    await check_server(server)
    try:
        return await open_account(server, email, password, data_dir, tokens, open_store=open_store)
    except (ApiError, ServerUnreachable, SignInRequired) as error:
        raise sign_in_failure(error, server) from error


async def sign_in_again(account: Account, email: str, password: str) -> None:
    """Sign an open account in again after its tokens were refused; its cache stays open.

    The account's own API client takes the new tokens, so the sync and the
    uploads waiting for a sign-in carry on by themselves. Raises ``SignInFailed``.
    """
    if not password:
        raise SignInFailed("password_empty", PASSWORD)
    server = account.api.base_url
    await check_server(server)
    try:
        me = await account.api.sign_in(email, password)
    except (ApiError, ServerUnreachable, SignInRequired) as error:
        raise sign_in_failure(error, server) from error
    signed_in_as = str(me.get("user", {}).get("email", "")).strip().lower()
    if signed_in_as and signed_in_as != account.user.strip().lower():
        await account.api.sign_out()  # these tokens belong to someone else's cache
        raise SignInFailed("other_person", EMAIL, signed_in_as=signed_in_as, user=account.user)


def checked_address(text: str) -> str:
    try:
        return server_address(text)
    except AddressProblem as problem:
        raise SignInFailed(problem.reason, ADDRESS, **problem.values) from problem


def checked_email(text: str) -> str:
    email = text.strip()
    if not email:
        raise SignInFailed("email_empty", EMAIL)
    local, _at, domain = email.partition("@")
    if not local or not domain or any(ch.isspace() for ch in email):
        raise SignInFailed("email_invalid", EMAIL, email=email)
    return email


async def check_server(server: str) -> None:
    """Raise ``SignInFailed`` unless an AdvisorOS server answers at ``server``."""
    probe = ApiClient(
        api_root(server),
        MemoryTokenStore(),
        "server-check",
        timeout=CHECK_TIMEOUT_SECONDS,
        retry=QUICK_CHECK,
    )
    try:
        report = await probe.health()
    except (ApiError, ServerUnreachable) as error:
        raise sign_in_failure(error, server) from error
    finally:
        await probe.aclose()
    if not isinstance(report.get("status"), str) or "version" not in report:
        raise SignInFailed("not_advisoros", ADDRESS, address=address_shown(server))


def sign_in_failure(error: BaseException, server: str) -> SignInFailed:
    """The sentence (and the box to fix) for what went wrong signing in to ``server``."""
    shown = address_shown(server)
    if isinstance(error, ServerUnavailable):
        return SignInFailed("unavailable", None, address=shown, status=str(error.status))
    if isinstance(error, ServerUnreachable):
        return _unreachable(error, shown)
    if isinstance(error, SignInRequired):
        return SignInFailed("refused", PASSWORD, server_says=error.message)
    if isinstance(error, ApiError):
        return _refused(error, shown)
    return SignInFailed("failed", None, address=shown, error=str(error))


def _unreachable(error: ServerUnreachable, shown: str) -> SignInFailed:
    causes = _causes(error)
    for cause in causes:
        if isinstance(cause, ssl.SSLCertVerificationError):
            why = cause.verify_message or "it could not be verified"
            return SignInFailed("certificate", ADDRESS, why=why)
    if any(isinstance(cause, ssl.SSLError) for cause in causes):
        return SignInFailed("no_secure_connection", ADDRESS, address=shown)
    return SignInFailed(_network_reason(causes), ADDRESS, address=shown)


def _network_reason(causes: list[BaseException]) -> str:
    for cause in causes:
        if isinstance(cause, socket.gaierror):
            return "unreachable_name"
        if isinstance(cause, ConnectionRefusedError) or (
            isinstance(cause, OSError) and cause.errno == errno.ECONNREFUSED
        ):
            return "unreachable_refused"
        if isinstance(cause, httpx.TimeoutException | TimeoutError):
            return "unreachable_timeout"
    return "unreachable"


def _refused(error: ApiError, shown: str) -> SignInFailed:
    if error.status == 401 and error.code == "invalid_credentials":
        return SignInFailed("wrong_credentials", PASSWORD)
    if error.status == 401 and error.code == "account_disabled":
        return SignInFailed("account_disabled", EMAIL, server_says=error.message)
    if 300 <= error.status < 400:
        return SignInFailed("redirected", ADDRESS, address=shown)
    # The server's own error shape means AdvisorOS answered; anything else is a web
    # server, a proxy or a login page that is not AdvisorOS. A 404 or 405 means
    # nothing of AdvisorOS lives at this address's /api/v1.
    if (
        error.status in (404, 405)
        or error.code == "malformed_response"
        or error.code.startswith("http_")
    ):
        return SignInFailed("not_advisoros", ADDRESS, address=shown)
    field = PASSWORD if error.status == 401 else None
    return SignInFailed("refused", field, server_says=error.message)


def _causes(error: BaseException) -> list[BaseException]:
    """``error``'s cause, that one's cause, and so on (the underlying network errors)."""
    found: list[BaseException] = []
    current: BaseException | None = getattr(error, "cause", None) or error.__cause__
    while current is not None and current not in found:
        found.append(current)
        current = current.__cause__ or current.__context__
    return found
