"""Protection against overload: per-caller rate limit, concurrency cap, body size limits.

Pure ASGI middleware so a refused request costs next to nothing: no body is
read, no database touched. Every refusal carries ``Retry-After`` (429, 503) or
says what the limit is (413), in the server's one error shape.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.exceptions import HTTPException

from advisoros_desktop.server.config import ServerConfig

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# Routes that must answer even under load: monitoring and the limits themselves.
_EXEMPT = ("/api/v1/health",)


class TokenBucket:
    """A refilling allowance of requests per caller."""

    def __init__(self, rate: float, burst: int) -> None:
        self.rate = rate
        self.burst = burst
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, key: str, now: float | None = None) -> float:
        """Take one request; returns 0 if allowed, else seconds until one is allowed."""
        now = time.monotonic() if now is None else now
        with self._lock:
            tokens, stamp = self._buckets.get(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - stamp) * self.rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                return 0.0
            self._buckets[key] = (tokens, now)
            if len(self._buckets) > 10_000:  # forget idle callers rather than grow forever
                self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < 60}
            return (1.0 - tokens) / self.rate


async def _refuse(
    send: Send, status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> None:
    body = json.dumps({"error": {"code": code, "message": message, "details": None}}).encode()
    raw_headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
    ]
    raw_headers += [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": body})


def _caller_key(scope: Scope) -> str:
    for name, value in scope.get("headers", ()):
        if name == b"authorization":
            return "t:" + value.decode("latin-1")[-24:]
    client = scope.get("client") or ("?", 0)
    return f"a:{client[0]}"


def _is_upload_bytes(scope: Scope) -> bool:
    return scope["method"] == "PATCH" and scope["path"].startswith("/api/v1/uploads/")


class LoadLimitMiddleware:
    def __init__(self, app: ASGIApp, config: ServerConfig) -> None:
        self.app = app
        self.config = config
        self.bucket = (
            TokenBucket(config.rate_limit_per_second, config.rate_limit_burst)
            if config.rate_limit_per_second > 0
            else None
        )
        self.in_flight = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in _EXEMPT:
            await self.app(scope, receive, send)
            return
        if self.bucket is not None:
            wait = self.bucket.take(_caller_key(scope))
            if wait > 0:
                await _refuse(
                    send,
                    429,
                    "rate_limited",
                    "Too many requests; slow down and retry after the given delay.",
                    {"Retry-After": str(max(1, math.ceil(wait)))},
                )
                return
        if self.in_flight >= self.config.max_concurrent_requests:
            await _refuse(
                send,
                503,
                "overloaded",
                "The server is handling too many requests; retry shortly.",
                {"Retry-After": "1"},
            )
            return
        limit = (
            self.config.max_upload_chunk_bytes
            if _is_upload_bytes(scope)
            else self.config.max_json_body_bytes
        )
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await _refuse(
                send,
                413,
                "payload_too_large",
                f"The request body is {declared:,} bytes; the limit here is {limit:,} bytes.",
            )
            return
        self.in_flight += 1
        try:
            await self.app(scope, _limited_receive(receive, limit), send)
        finally:
            self.in_flight -= 1


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _limited_receive(receive: Receive, limit: int) -> Receive:
    """Count body bytes of chunked requests, which declare no length."""
    seen = 0

    async def wrapped() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                # An HTTPException passes through FastAPI's body parsing unchanged.
                raise HTTPException(
                    413, f"The request body is larger than the limit of {limit:,} bytes."
                )
        return message

    return wrapped
