"""Stand-ins for the server in unit tests of the API client: no sockets, no waiting.

``ScriptedAnswers`` plays a fixed sequence of answers (or network errors);
``FakeAuthServer`` keeps real token state (rotation, revocation) so the
renewal logic can be exercised without the real server's timing.
"""

from __future__ import annotations

import asyncio
import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from advisoros_desktop.api.client import ApiClient
from advisoros_desktop.api.retry import RetryPolicy
from advisoros_desktop.api.token_store import MemoryTokenStore, Tokens

BASE = "http://advisoros.test/api/v1"
ACCOUNT = "http://advisoros.test|ann@example.com"
FAR_FUTURE = time.time() + 10 * 365 * 86400
VALID_TOKENS = Tokens("at_0", "rt_0", FAR_FUTURE)


def error(status: int, code: str, message: str, **headers: str) -> httpx.Response:
    body = {"error": {"code": code, "message": message, "details": None}}
    return httpx.Response(status, json=body, headers=headers)


Answer = httpx.Response | Exception | Callable[[httpx.Request], httpx.Response]


class ScriptedAnswers:
    """Answers requests in order from a script; the last answer repeats."""

    def __init__(self, *answers: Answer) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        if isinstance(answer, httpx.Response):
            return answer
        return answer(request)

    @property
    def paths(self) -> list[str]:
        return [request.url.path.removeprefix("/api/v1/") for request in self.requests]


@dataclass
class FakeAuthServer:
    """Token routes with rotation, and protected routes that check the bearer token."""

    access_seconds: int = 900
    # Awaited inside each protected request, to let concurrent requests interleave.
    latency: float = 0.0
    valid_access: set[str] = field(default_factory=lambda: {"at_0"})
    valid_refresh: set[str] = field(default_factory=lambda: {"rt_0"})
    issued: int = 0
    requests: list[httpx.Request] = field(default_factory=list)
    refresh_answer: httpx.Response | None = None  # when set, every refresh gets this

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = request.url.path.removeprefix("/api/v1/")
        if path == "auth/token":
            return self._token(json.loads(request.content))
        await asyncio.sleep(self.latency)
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        if token not in self.valid_access:
            return error(401, "unauthorized", "Your session has expired; refresh it.")
        if path == "me":
            return httpx.Response(200, json={"user": {"email": "ann@example.com"}, "role": "owner"})
        if path == "mutations":
            mutations = json.loads(request.content)["mutations"]
            return httpx.Response(200, json={"results": [_applied(m) for m in mutations]})
        return httpx.Response(200, json={"items": [], "cursor": "e:1:0", "hasMore": False})

    def _token(self, body: dict[str, Any]) -> httpx.Response:
        if "refreshToken" in body:
            if self.refresh_answer is not None:
                return self.refresh_answer
            if body["refreshToken"] not in self.valid_refresh:
                return error(401, "invalid_refresh_token", "This sign-in has expired.")
            self.valid_refresh.discard(body["refreshToken"])  # rotation: usable once
        elif body.get("password") != "right":
            return error(401, "invalid_credentials", "The email or password is wrong.")
        self.issued += 1
        access, refresh = f"at_{self.issued}", f"rt_{self.issued}"
        self.valid_access.add(access)
        self.valid_refresh.add(refresh)
        return httpx.Response(
            200,
            json={
                "accessToken": access,
                "refreshToken": refresh,
                "tokenType": "Bearer",
                "expiresIn": self.access_seconds,
            },
        )

    @property
    def token_calls(self) -> int:
        return sum(1 for r in self.requests if r.url.path.endswith("/auth/token"))


def _applied(mutation: dict[str, Any]) -> dict[str, Any]:
    return {
        "mutationId": mutation["mutationId"],
        "status": "applied",
        "entity": mutation["entity"],
        "id": mutation["id"],
        "version": 1,
    }


class SleepRecorder:
    """A ``sleep`` that records each wait and returns at once."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


def make_client(
    handler: Callable[..., Any],
    *,
    tokens: Tokens | None = VALID_TOKENS,
    store: MemoryTokenStore | None = None,
    retry: RetryPolicy | None = None,
    seed: int = 0,
) -> tuple[ApiClient, SleepRecorder, MemoryTokenStore]:
    store = store or MemoryTokenStore()
    if tokens is not None:
        store.save(ACCOUNT, tokens)
    sleep = SleepRecorder()
    client = ApiClient(
        BASE,
        store,
        ACCOUNT,
        retry=retry,
        transport=httpx.MockTransport(handler),
        sleep=sleep,
        rng=random.Random(seed),
    )
    return client, sleep, store
