"""Sends one HTTP request, trying again on network failures and "try later" answers.

Kept apart from ``ApiClient`` so the retry loop is one small piece with one
job: the client decides *what* to send (and with which token); this decides
*how many times* and *how long to wait*. Every attempt is counted, so tests
can check the client never hammers a struggling server.
"""

from __future__ import annotations

import errno
import logging
import random
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from advisoros_desktop.api.errors import ServerUnreachable
from advisoros_desktop.api.retry import RetryPolicy, is_retryable, is_retryable_error

log = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]


class RetryingSender:
    """Owns the ``httpx.AsyncClient`` and the attempt loop around it."""

    def __init__(
        self,
        base_url: str,
        *,
        timeout: float,
        retry: RetryPolicy,
        transport: httpx.AsyncBaseTransport | None,
        sleep: Sleep,
        rng: random.Random,
    ) -> None:
        self.base_url = base_url
        self.retry = retry
        self.request_count = 0
        self._sleep = sleep
        self._rng = rng
        # A mistyped address fails the same way every time: say so at once, no retries.
        self._address_problem = _address_problem(base_url)
        # httpx gives base_url a trailing slash, so "changes" lands below /api/v1/.
        self._http = httpx.AsyncClient(
            base_url=base_url,
            timeout=httpx.Timeout(timeout),
            transport=transport,
            follow_redirects=False,
            headers={"Accept": "application/json"},
        )

    async def send(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        content: bytes | None = None,
        params: dict[str, str | int] | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        """The first answer that is not a retryable status, or the last answer when the
        budget runs out (callers turn error statuses into exceptions).

        ``content`` is a raw body (upload bytes), sent again whole on a retry: only
        requests that say where their bytes go (an upload's offset) may carry one.
        Raises ``ServerUnreachable`` when the network failed on the last attempt.
        """
        if self._address_problem is not None:
            raise ServerUnreachable(self._unreachable(self._address_problem))
        attempts = max(1, self.retry.max_attempts)
        for attempt in range(1, attempts + 1):
            try:
                request = self._http.build_request(
                    method, path, json=json, content=content, params=params, headers=headers
                )
            except httpx.InvalidURL as error:
                raise ServerUnreachable(self._unreachable(error), error) from error
            self.request_count += 1
            try:
                response = await self._http.send(request)
            except httpx.TransportError as error:
                if not is_retryable_error(error) or attempt == attempts:
                    raise ServerUnreachable(self._unreachable(error), error) from error
                reason, retry_after = _describe(error), None
            else:
                if not is_retryable(response.status_code) or attempt == attempts:
                    return response
                reason = f"HTTP {response.status_code}"
                retry_after = response.headers.get("Retry-After")
            wait = self.retry.delay(attempt, retry_after, self._rng)
            log.info(
                "%s %s: %s; attempt %d of %d in %.2f s",
                *(method, path, reason, attempt + 1, attempts, wait),
            )
            await self._sleep(wait)
        raise AssertionError("unreachable: the loop returns or raises on its last attempt")

    async def aclose(self) -> None:
        await self._http.aclose()

    def _unreachable(self, why: BaseException | str) -> str:
        reason = why if isinstance(why, str) else _describe(why)
        if not self.base_url:
            return f"Cannot reach the AdvisorOS server: no server address is set ({reason})"
        return f"Cannot reach the AdvisorOS server at {self.base_url}: {reason}"


def _address_problem(base_url: str) -> str | None:
    """Why ``base_url`` cannot be a server address, or ``None`` if it may be one."""
    try:
        url = httpx.URL(base_url)
    except httpx.InvalidURL:
        return _NOT_A_URL
    if url.scheme not in ("http", "https") or not url.host:
        return _NOT_A_URL
    if url.port is not None and not 0 < url.port < 65536:
        # Checked here: the socket layer fails on it with an error httpx does not wrap.
        return f"{url.port} is not a valid port number"
    return None


_NOT_A_URL = "the address is not a valid http:// or https:// URL"


def _describe(error: BaseException) -> str:
    """A few words a person can read for a network failure (httpx's text is often empty)."""
    if isinstance(error, httpx.InvalidURL | httpx.UnsupportedProtocol):
        return _NOT_A_URL
    if isinstance(error, httpx.ConnectTimeout):
        return "connecting timed out"
    if isinstance(error, httpx.TimeoutException):
        return "the server did not answer in time"
    if isinstance(error, httpx.RemoteProtocolError):
        return "the connection was closed before the server answered"
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, ConnectionRefusedError) or (
            isinstance(cause, OSError) and cause.errno == errno.ECONNREFUSED
        ):
            return "connection refused"
        if isinstance(cause, ConnectionResetError):
            return "the connection was reset"
        cause = cause.__cause__ or cause.__context__
    text = str(error).lower()
    if "refused" in text:
        return "connection refused"
    if (
        "name or service not known" in text
        or "nodename nor servname" in text
        or ("getaddrinfo" in text)
    ):
        return "the server's name could not be found"
    if "reset" in text:
        return "the connection was reset"
    return str(error) or type(error).__name__
