"""The desktop's one door to the AdvisorOS API: sign-in, the change feed, mutations.

Everything that makes talking to a server over a laptop's network bearable
lives here once, so ``sync/`` can be written as if the network were reliable:

- tokens: sent on every call, renewed shortly *before* they expire (no wasted
  401), and renewed once *after* a 401 (a revocation, or a clock that jumped,
  may disagree with ours); one renewal at a time (``SessionTokens``);
- retries with backoff (``RetryingSender``), ``POST mutations`` included: every
  mutation carries its ``mutationId``, so a replay is answered ``duplicate``;
- errors as exceptions that say what to do next (``api.errors``), each with a
  sentence a person can read.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx

from advisoros_desktop.api.change_page import PageUnreadable, read_page
from advisoros_desktop.api.errors import (
    ApiError,
    SignInRequired,
    error_from_response,
)
from advisoros_desktop.api.retry import RetryPolicy, is_retryable
from advisoros_desktop.api.retrying_sender import RetryingSender
from advisoros_desktop.api.session_tokens import SessionTokens
from advisoros_desktop.api.token_store import Tokens, TokenStore

_TOKEN_ROUTE = "auth/token"


class ApiClient:
    """An AdvisorOS API client for one account, on one asyncio loop."""

    def __init__(
        self,
        base_url: str,
        tokens: TokenStore,
        account_key: str,
        *,
        timeout: float = 30.0,
        retry: RetryPolicy | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.account_key = account_key
        self._session = SessionTokens(tokens, account_key)
        self._sender = RetryingSender(
            self.base_url,
            timeout=timeout,
            retry=retry or RetryPolicy(),
            transport=transport,
            sleep=sleep,
            rng=rng or random.Random(),
        )

    # -- state ---------------------------------------------------------------

    @property
    def signed_in(self) -> bool:
        """True while there are tokens to try (they may still turn out to be refused)."""
        return self._session.current() is not None

    @property
    def request_count(self) -> int:
        """Every HTTP request sent, retries and token renewals included."""
        return self._sender.request_count

    # -- signing in ----------------------------------------------------------

    async def sign_in(self, email: str, password: str) -> dict[str, Any]:
        """Exchange email and password for tokens, keep them, and return ``/me``.

        Wrong credentials raise ``ApiError`` (401) with the server's sentence.
        """
        response = await self._sender.send(
            "POST", _TOKEN_ROUTE, json={"email": email, "password": password}
        )
        tokens = _tokens_from(response)
        async with self._session.renewal:
            self._session.keep(tokens)
        self._session.announce_sign_in()
        return await self.me()

    async def sign_out(self) -> None:
        """Forget this account's tokens, here and in the token store."""
        async with self._session.renewal:
            self._session.forget()

    async def wait_for_sign_in(self) -> None:
        """Return once there are tokens again: at once if signed in, else after the
        next successful ``sign_in``. Work that met ``SignInRequired`` waits here."""
        await self._session.wait_for_tokens()

    # -- routes --------------------------------------------------------------

    async def health(self) -> dict[str, Any]:
        """Server and database status; needs no sign-in."""
        response = await self._sender.send("GET", "health")
        if response.is_error:
            raise error_from_response(response)
        return _json_object(response, "health report")

    async def me(self) -> dict[str, Any]:
        """The signed-in user, their organization and role."""
        return _json_object(await self._authorized("GET", "me"), "account")

    async def limits(self) -> dict[str, Any]:
        """Upload sizes, types and batch sizes the server accepts."""
        return _json_object(await self._authorized("GET", "limits"), "limits")

    async def firm_settings(self) -> dict[str, Any]:
        """What the firm decided for itself (its review threshold)."""
        return _json_object(await self._authorized("GET", "settings"), "settings")

    async def set_firm_settings(self, review_threshold: float) -> dict[str, Any]:
        """Change the firm's review threshold; returns the settings now in force.

        Only owners and administrators may: anyone else gets ``ApiError`` (403)
        with the server's sentence, as does a value outside 0.5–1.0 (422).
        """
        response = await self._authorized(
            "PATCH", "settings", body={"reviewThreshold": review_threshold}
        )
        return _json_object(response, "settings")

    async def changes(self, cursor: str | None, limit: int = 500) -> dict[str, Any]:
        """One page of the change feed after ``cursor`` (``None``: from the start).

        Raises ``CursorGone`` on 410. A reply that is not a whole page raises
        ``ApiError`` rather than reading as "no changes": an empty-looking page
        must never be mistaken for an empty dataset.
        """
        params: dict[str, str | int] = {"limit": limit}
        if cursor is not None:
            params["cursor"] = cursor
        response = await self._authorized("GET", "changes", params=params, change_feed=True)
        body = response.content
        try:
            # Megabytes of JSON: read on a worker thread, a record at a time (change_page).
            if len(body) < _READ_ON_LOOP_BYTES:
                return read_page(body)
            return await asyncio.to_thread(read_page, body)
        except PageUnreadable:
            raise _malformed(response, "change page") from None

    async def push(self, mutations: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Send a batch of mutations; one result per mutation, in order.

        The results are checked to answer the batch mutation by mutation (same
        count, same ``mutationId``s in order): ``sync/`` settles outbox entries by them.
        """
        if not mutations:
            return []  # the server refuses an empty batch; there is nothing to ask
        response = await self._authorized("POST", "mutations", body={"mutations": mutations})
        results = _json_object(response, "mutation results").get("results")
        if (
            not isinstance(results, list)
            or len(results) != len(mutations)
            or not all(
                _answers(result, sent) for result, sent in zip(results, mutations, strict=True)
            )
        ):
            raise _malformed(response, "mutation results")
        return results

    async def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
        params: dict[str, str | int] | None = None,
    ) -> httpx.Response:
        """Any signed-in call (``path`` relative to the API root), for routes with a
        module of their own (``api.uploads``): same tokens, retries and errors.

        Raises ``ApiError`` for an error answer, ``SignInRequired``, ``ServerUnreachable``.
        """
        return await self._authorized(
            method, path, body=json, content=content, headers=headers, params=params
        )

    async def aclose(self) -> None:
        """Close connections; anything still waiting for a sign-in is cancelled."""
        self._session.cancel_waiters()
        await self._sender.aclose()

    async def __aenter__(self) -> ApiClient:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        await self.aclose()

    # -- authenticated requests ----------------------------------------------

    async def _authorized(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
        params: dict[str, str | int] | None = None,
        change_feed: bool = False,
    ) -> httpx.Response:
        request = _Request(method, path, body, content, headers, params)
        token = await self._fresh_access_token()
        response = await self._send_with(token, request)
        if response.status_code == 401:
            token = await self._renew_refused(token)
            response = await self._send_with(token, request)
            if response.status_code == 401:
                # A token minted a moment ago is refused too: the account itself
                # cannot go on (disabled, removed). Only a person can fix that.
                refusal = error_from_response(response)
                async with self._session.renewal:
                    self._session.forget(refused_access=token)
                raise SignInRequired(refusal.message) from refusal
        if response.is_error:
            raise error_from_response(response, change_feed=change_feed)
        return response

    async def _send_with(self, token: str, request: _Request) -> httpx.Response:
        headers = {**(request.headers or {}), "Authorization": f"Bearer {token}"}
        return await self._sender.send(
            request.method,
            request.path,
            json=request.body,
            content=request.content,
            params=request.params,
            headers=headers,
        )

    async def _fresh_access_token(self) -> str:
        """The access token to send, renewed first when it is about to expire."""
        session = self._session
        tokens = session.current()
        if tokens is None:
            raise SignInRequired()
        if not session.expiring(tokens):
            return tokens.access_token
        async with session.renewal:
            tokens = session.current()  # another request may have renewed meanwhile
            if tokens is None:
                raise SignInRequired()
            if session.expiring(tokens):
                tokens = await self._refresh(tokens)
            return tokens.access_token

    async def _renew_refused(self, refused_access: str) -> str:
        """A token to retry with after ``refused_access`` got a 401."""
        async with self._session.renewal:
            tokens = self._session.current()
            if tokens is None:
                raise SignInRequired()
            if tokens.access_token != refused_access:
                return tokens.access_token  # renewed by a concurrent request already
            return (await self._refresh(tokens)).access_token

    async def _refresh(self, tokens: Tokens) -> Tokens:
        """Trade the refresh token for a new pair (the old one is spent). Lock held."""
        response = await self._sender.send(
            "POST", _TOKEN_ROUTE, json={"refreshToken": tokens.refresh_token}
        )
        if response.is_error and not is_retryable(response.status_code):
            # Refused (expired, revoked, already used): only the password helps now.
            refusal = error_from_response(response)
            self._session.forget(refused_access=tokens.access_token)
            raise SignInRequired(refusal.message) from refusal
        renewed = _tokens_from(response)  # a retryable status raises; tokens are kept
        self._session.keep(renewed)
        return renewed


@dataclass(frozen=True)
class _Request:
    """One signed-in call, kept whole so it can go again after a token renewal."""

    method: str
    path: str
    body: Any
    content: bytes | None
    headers: dict[str, str] | None
    params: dict[str, str | int] | None


def _tokens_from(response: httpx.Response) -> Tokens:
    """The pair in an ``auth/token`` answer (error answers raise)."""
    if response.is_error:
        raise error_from_response(response)
    body = _json_object(response, "sign-in answer")
    access, refresh, lifetime = (
        body.get("accessToken"),
        body.get("refreshToken"),
        body.get("expiresIn"),
    )
    if (
        not isinstance(access, str)
        or not isinstance(refresh, str)
        or not isinstance(lifetime, int | float)
        or isinstance(lifetime, bool)
        or not access
        or not refresh
    ):
        raise _malformed(response, "sign-in answer")
    return Tokens(access, refresh, time.time() + float(lifetime))


def _json_object(response: httpx.Response, what: str) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        raise _malformed(response, what) from None
    if not isinstance(body, dict):
        raise _malformed(response, what)
    return body


# A reply this small (an empty page, a few records) is read where it arrives: handing
# it to a thread would cost more than reading it.
_READ_ON_LOOP_BYTES = 16 * 1024


_RESULT_STATUSES = frozenset({"applied", "duplicate", "conflict", "rejected"})


def _answers(result: object, sent: dict[str, Any]) -> bool:
    """True when ``result`` is a readable answer to the mutation ``sent``: its id, a
    known status, and, if it carries the record, that record with its id and version."""
    if not isinstance(result, dict) or result.get("mutationId") != sent.get("mutationId"):
        return False
    if result.get("status") not in _RESULT_STATUSES:
        return False  # read as "rejected", it would set the person's edit aside
    record = result.get("record")
    if record is None:
        return True
    version = record.get("version") if isinstance(record, dict) else None
    return (
        isinstance(record, dict)
        and record.get("id") == sent.get("id")
        and isinstance(version, int)
        and not isinstance(version, bool)
    )


def _malformed(response: httpx.Response, what: str) -> ApiError:
    return ApiError(
        response.status_code,
        "malformed_response",
        f"The server sent a {what} this version of AdvisorOS cannot read "
        f"(HTTP {response.status_code}). Nothing was changed on this computer.",
    )
