"""The API client against the real embedded server on loopback (SQLite and PostgreSQL).

Coroutines run with ``asyncio.run`` inside plain tests: one loop per scenario,
and the client is closed inside it.
"""

from __future__ import annotations

import asyncio
import random
import socket
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
import sqlalchemy as sa

from advisoros_desktop.api.client import ApiClient
from advisoros_desktop.api.errors import (
    ApiError,
    CursorGone,
    ServerUnreachable,
    SignInRequired,
)
from advisoros_desktop.api.retry import RetryPolicy
from advisoros_desktop.api.token_store import MemoryTokenStore
from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.server.embedded import EmbeddedServer
from advisoros_desktop.server.organizations import add_user, create_organization
from advisoros_desktop.server.schema import sessions
from tests.conftest import PASSWORD, LiveServer, start_server

T = TypeVar("T")


class CountingTransport(httpx.AsyncBaseTransport):
    """The real network transport, noting the path of every request it carries."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.paths: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.paths.append(request.url.path.removeprefix("/api/v1/"))
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()

    def count(self, path: str) -> int:
        return self.paths.count(path)


class SleepRecorder:
    """Records each wait; really waits only when asked to (for a real server's Retry-After)."""

    def __init__(self, real: bool = False) -> None:
        self.delays: list[float] = []
        self.real = real

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)
        if self.real:
            await asyncio.sleep(seconds)


def make_client(
    api_url: str,
    email: str = "nobody@example.com",
    *,
    sleep: SleepRecorder | None = None,
    retry: RetryPolicy | None = None,
) -> tuple[ApiClient, CountingTransport, MemoryTokenStore]:
    transport = CountingTransport()
    store = MemoryTokenStore()
    client = ApiClient(
        api_url,
        store,
        f"{api_url}|{email}",
        transport=transport,
        sleep=sleep or SleepRecorder(real=True),
        retry=retry,
        rng=random.Random(4),
        timeout=10.0,
    )
    return client, transport, store


def run(client: ApiClient, scenario: Callable[[], Awaitable[T]]) -> T:
    async def main() -> T:
        try:
            return await scenario()
        finally:
            await client.aclose()

    return asyncio.run(main())


@contextmanager
def server_with_user(tmp_path: Path, **config: object) -> Iterator[tuple[EmbeddedServer, str]]:
    server = start_server(tmp_path, **config)
    try:
        org = create_organization(server.state.engine, "Firm T")
        email = f"u{new_id()[-12:]}@firmt.example.com"
        add_user(server.state.engine, org, email, "Tess", "owner", PASSWORD)
        yield server, email
    finally:
        server.stop()


def revoke_tokens(engine: sa.Engine, email: str, kind: str | None = None) -> None:
    """What an administrator's "sign out everywhere" (or a server-side expiry) does."""
    from advisoros_desktop.server.schema import credentials

    with engine.begin() as conn:
        user_id = conn.execute(
            sa.select(credentials.c.userId).where(credentials.c.email == email)
        ).scalar_one()
        condition = sessions.c.userId == user_id
        if kind is not None:
            condition = condition & (sessions.c.kind == kind)
        conn.execute(sessions.update().where(condition).values(revoked=True))


def create_mutation(name: str = "Acme LLC") -> dict[str, Any]:
    return {
        "mutationId": new_id(),
        "entity": "client",
        "op": "create",
        "id": new_id(),
        "fields": {"businessName": name},
    }


def test_sign_in_pull_and_push(live_server: LiveServer) -> None:
    account = live_server.account()
    client, transport, store = make_client(live_server.api, account.email)

    async def scenario() -> None:
        assert (await client.health())["status"] == "ok"
        me = await client.sign_in(account.email, PASSWORD)
        assert me["user"]["email"] == account.email and me["role"] == "owner"
        assert (await client.me())["organization"]["id"] == account.organization_id
        assert (await client.limits())["maxPageSize"] == 1000

        first = await client.changes(None)
        assert first["hasMore"] is False and isinstance(first["cursor"], str)
        assert any(item["id"] == account.user_id for item in first["items"])

        mutation = create_mutation("Birch & Co")
        [result] = await client.push([mutation])
        assert result["status"] == "applied" and result["id"] == mutation["id"]

        page = await client.changes(first["cursor"], limit=10)
        [item] = page["items"]
        assert item["entity"] == "client" and item["id"] == mutation["id"]
        assert item["data"]["businessName"] == "Birch & Co"

        # A replay (say, after a timeout) applies nothing twice.
        [again] = await client.push([mutation])
        assert again["status"] == "duplicate"

    run(client, scenario)
    assert store.load(f"{live_server.api}|{account.email}") is not None
    assert transport.count("auth/token") == 1
    assert client.request_count == len(transport.paths) == 9


def test_wrong_password_is_an_api_error_with_the_servers_message(
    live_server: LiveServer,
) -> None:
    account = live_server.account()
    client, _, _ = make_client(live_server.api, account.email)

    async def scenario() -> None:
        with pytest.raises(ApiError) as caught:
            await client.sign_in(account.email, "not the password")
        assert caught.value.status == 401
        assert caught.value.code == "invalid_credentials"
        assert str(caught.value) == "The email or password is wrong."
        assert not client.signed_in

    run(client, scenario)
    assert client.request_count == 1


def test_an_expired_access_token_is_renewed_transparently(tmp_path: Path) -> None:
    with server_with_user(tmp_path, access_token_seconds=1) as (server, email):
        client, transport, store = make_client(server.url + "/api/v1", email)

        async def scenario() -> None:
            await client.sign_in(email, PASSWORD)
            signed_in_with = store.load(client.account_key)
            await asyncio.sleep(1.3)  # past the access token's expiry
            assert (await client.me())["user"]["email"] == email
            renewed = store.load(client.account_key)
            assert renewed is not None and signed_in_with is not None
            assert renewed.refresh_token != signed_in_with.refresh_token  # rotated, saved

        run(client, scenario)
        # One sign-in, one renewal, and no request answered 401 on the way.
        assert transport.paths == ["auth/token", "me", "auth/token", "me"]


def test_a_revoked_access_token_is_renewed_once_for_concurrent_requests(
    live_server: LiveServer,
) -> None:
    account = live_server.account()
    client, transport, _ = make_client(live_server.api, account.email)

    async def scenario() -> None:
        await client.sign_in(account.email, PASSWORD)
        # Our clock says the token is good; the server no longer agrees.
        revoke_tokens(live_server.engine, account.email, kind="access")
        results = await asyncio.gather(
            client.me(), client.limits(), client.changes(None), client.me()
        )
        assert results[0]["user"]["email"] == account.email

    run(client, scenario)
    assert transport.count("auth/token") == 2  # the sign-in, then exactly one renewal
    assert client.request_count == 2 + 4 + 1 + 4


def test_a_refused_renewal_asks_for_sign_in_and_queued_work_waits(
    live_server: LiveServer,
) -> None:
    account = live_server.account()
    client, transport, store = make_client(live_server.api, account.email)
    mutation = create_mutation("Queued Co")

    async def scenario() -> list[str]:
        await client.sign_in(account.email, PASSWORD)
        revoke_tokens(live_server.engine, account.email)  # access and refresh tokens
        events: list[str] = []

        async def queued_push() -> None:
            while True:
                try:
                    [result] = await client.push([mutation])
                    events.append(result["status"])
                    return
                except SignInRequired as prompt:
                    events.append(str(prompt))
                    await client.wait_for_sign_in()

        task = asyncio.create_task(queued_push())
        while not events:
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.1)
        assert not task.done() and not client.signed_in
        assert store.load(client.account_key) is None
        await client.sign_in(account.email, PASSWORD)
        await asyncio.wait_for(task, 10)
        return events

    events = run(client, scenario)
    assert events == [
        "This sign-in has expired; sign in again with your password.",
        "applied",
    ]
    # sign-in, me; refused push, refused renewal; sign-in, me; the push.
    assert transport.paths == [
        "auth/token", "me", "mutations", "auth/token", "auth/token", "me", "mutations",
    ]  # fmt: skip


def test_an_expired_refresh_token_asks_for_sign_in(tmp_path: Path) -> None:
    with server_with_user(tmp_path, access_token_seconds=1, refresh_token_days=0) as (
        server,
        email,
    ):
        client, transport, _ = make_client(server.url + "/api/v1", email)

        async def scenario() -> None:
            await client.sign_in(email, PASSWORD)
            await asyncio.sleep(1.2)
            with pytest.raises(SignInRequired, match="sign in again"):
                await client.changes(None)
            assert not client.signed_in
            with pytest.raises(SignInRequired):
                await client.me()  # nothing sent without tokens

        run(client, scenario)
        assert transport.paths == ["auth/token", "me", "auth/token"]


def test_an_unreachable_server_is_reported_after_the_retry_budget() -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    api_url = f"http://127.0.0.1:{port}/api/v1"
    sleep = SleepRecorder()
    client, _, _ = make_client(api_url, sleep=sleep)

    async def scenario() -> ServerUnreachable:
        with pytest.raises(ServerUnreachable) as caught:
            await client.sign_in("ann@example.com", PASSWORD)
        return caught.value

    error = run(client, scenario)
    assert str(error) == f"Cannot reach the AdvisorOS server at {api_url}: connection refused"
    assert isinstance(error.cause, httpx.ConnectError)
    policy = RetryPolicy()
    assert client.request_count == policy.max_attempts
    assert len(sleep.delays) == policy.max_attempts - 1
    assert all(0 <= d <= policy.backoff(n) for n, d in enumerate(sleep.delays, start=1))


def test_change_feed_errors_carry_the_servers_message(live_server: LiveServer) -> None:
    account = live_server.account()
    client, _, _ = make_client(live_server.api, account.email)

    async def scenario() -> None:
        await client.sign_in(account.email, PASSWORD)
        page = await client.changes(None)
        _epoch, seq, purges = page["cursor"].split(":")
        with pytest.raises(CursorGone) as gone:
            await client.changes(f"restored-elsewhere:{seq}:{purges}")
        assert gone.value.code == "epoch_changed" and gone.value.status == 410
        assert "sync everything again" in str(gone.value)

        sent = client.request_count
        with pytest.raises(ApiError) as bad:
            await client.changes("not-a-cursor")
        assert bad.value.status == 400 and not isinstance(bad.value, CursorGone)
        assert str(bad.value).startswith("The cursor is not one this server issued")
        assert client.request_count == sent + 1  # a 400 is never retried

    run(client, scenario)


def test_a_rate_limited_client_waits_as_long_as_the_server_asks(tmp_path: Path) -> None:
    with server_with_user(tmp_path, rate_limit_per_second=2, rate_limit_burst=3) as (
        server,
        email,
    ):
        sleep = SleepRecorder(real=True)
        client, _, _ = make_client(server.url + "/api/v1", email, sleep=sleep)

        async def scenario() -> None:
            await client.sign_in(email, PASSWORD)  # its /me takes 1 of the 3 allowed at once
            for _ in range(4):
                await client.me()

        run(client, scenario)
        assert sleep.delays, "the server should have answered 429 at least once"
        assert all(delay >= 1.0 for delay in sleep.delays)  # Retry-After: 1 is a floor
        assert client.request_count == 1 + 5 + len(sleep.delays)
