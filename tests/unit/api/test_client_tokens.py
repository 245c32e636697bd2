"""Token handling in the client: renew before expiry, renew once after a 401, one renewal
for many requests, and a clean hand-over to the sign-in prompt when renewal is refused."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest

from advisoros_desktop.api.errors import ApiError, SignInRequired
from advisoros_desktop.api.token_store import Tokens
from tests.unit.api.fake_api import ACCOUNT, FakeAuthServer, error, make_client


def test_sign_in_keeps_the_tokens_and_returns_me() -> None:
    server = FakeAuthServer()
    client, _, store = make_client(server, tokens=None)
    assert not client.signed_in
    me = asyncio.run(client.sign_in("ann@example.com", "right"))
    assert me["user"]["email"] == "ann@example.com"
    assert client.signed_in
    saved = store.load(ACCOUNT)
    assert saved is not None and saved.access_token == "at_1" and saved.refresh_token == "rt_1"
    assert saved.expires_at == pytest.approx(time.time() + 900, abs=5)
    assert server.requests[1].headers["Authorization"] == "Bearer at_1"


def test_a_wrong_password_is_an_api_error_with_the_servers_message() -> None:
    client, sleep, store = make_client(FakeAuthServer(), tokens=None)
    with pytest.raises(ApiError) as caught:
        asyncio.run(client.sign_in("ann@example.com", "wrong"))
    assert caught.value.status == 401
    assert str(caught.value) == "The email or password is wrong."
    assert not client.signed_in and store.load(ACCOUNT) is None
    assert client.request_count == 1 and sleep.delays == []


def test_without_tokens_nothing_is_sent() -> None:
    client, _, _ = make_client(FakeAuthServer(), tokens=None)
    with pytest.raises(SignInRequired):
        asyncio.run(client.me())
    assert client.request_count == 0


def test_a_401_renews_once_and_retries_with_the_new_token() -> None:
    server = FakeAuthServer(valid_access=set())  # the saved access token was revoked
    client, _, store = make_client(server)
    asyncio.run(client.me())
    assert [r.url.path for r in server.requests] == [
        "/api/v1/me",
        "/api/v1/auth/token",
        "/api/v1/me",
    ]
    assert server.requests[2].headers["Authorization"] == "Bearer at_1"
    saved = store.load(ACCOUNT)
    assert saved is not None and saved.refresh_token == "rt_1"  # the rotated pair is kept


def test_a_token_about_to_expire_is_renewed_before_the_request() -> None:
    server = FakeAuthServer()
    client, _, _ = make_client(server, tokens=Tokens("at_0", "rt_0", time.time() + 5))
    asyncio.run(client.me())
    assert [r.url.path for r in server.requests] == ["/api/v1/auth/token", "/api/v1/me"]


def test_concurrent_401s_trigger_a_single_renewal() -> None:
    server = FakeAuthServer(valid_access=set(), latency=0.01)
    client, _, _ = make_client(server)

    async def many() -> None:
        await asyncio.gather(client.me(), client.limits(), client.changes(None), client.me())

    asyncio.run(many())
    assert server.token_calls == 1
    assert client.request_count == 4 + 1 + 4


def test_concurrent_requests_near_expiry_trigger_a_single_renewal() -> None:
    server = FakeAuthServer(latency=0.01)
    client, _, _ = make_client(server, tokens=Tokens("at_0", "rt_0", time.time() + 1))

    async def many() -> None:
        await asyncio.gather(*(client.me() for _ in range(5)))

    asyncio.run(many())
    assert server.token_calls == 1


def test_a_refused_renewal_signs_out_and_work_waits_for_the_next_sign_in() -> None:
    server = FakeAuthServer(valid_access=set(), valid_refresh=set())
    client, sleep, store = make_client(server)

    async def scenario() -> list[str]:
        events: list[str] = []

        async def queued_push() -> None:
            mutation = {"mutationId": "m1", "entity": "client", "op": "delete", "id": "c1"}
            while True:
                try:
                    await client.push([mutation])
                    events.append("pushed")
                    return
                except SignInRequired as prompt:
                    events.append(f"sign in: {prompt}")
                    await client.wait_for_sign_in()

        task = asyncio.create_task(queued_push())
        for _ in range(20):
            await asyncio.sleep(0)
        assert not task.done() and not client.signed_in
        assert store.load(ACCOUNT) is None
        await client.sign_in("ann@example.com", "right")
        await asyncio.wait_for(task, 5)
        return events

    events = asyncio.run(scenario())
    assert events == ["sign in: This sign-in has expired.", "pushed"]
    assert sleep.delays == []  # a refusal is not retried


def test_a_refused_renewal_is_not_a_storm() -> None:
    server = FakeAuthServer(valid_access=set(), valid_refresh=set())
    client, _, _ = make_client(server)

    async def many() -> list[BaseException | dict[str, object]]:
        return await asyncio.gather(*(client.me() for _ in range(5)), return_exceptions=True)

    outcomes = asyncio.run(many())
    assert all(isinstance(outcome, SignInRequired) for outcome in outcomes)
    assert server.token_calls == 1


def test_a_fresh_token_refused_too_means_sign_in() -> None:
    # The renewal works but the account cannot use it (disabled meanwhile).
    answers = [error(401, "unauthorized", "This account is no longer active.")]

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/auth/token"):
            return httpx.Response(
                200, json={"accessToken": "at_9", "refreshToken": "rt_9", "expiresIn": 900}
            )
        return answers[0]

    client, _, store = make_client(handler)
    with pytest.raises(SignInRequired, match="no longer active"):
        asyncio.run(client.me())
    assert client.request_count == 3
    assert not client.signed_in and store.load(ACCOUNT) is None


def test_a_busy_server_during_renewal_keeps_the_tokens() -> None:
    server = FakeAuthServer(
        valid_access=set(), refresh_answer=error(503, "overloaded", "Busy.", **{"Retry-After": "1"})
    )
    client, _, store = make_client(server)
    with pytest.raises(ApiError) as caught:
        asyncio.run(client.me())
    assert caught.value.status == 503
    assert client.signed_in and store.load(ACCOUNT) is not None


def test_sign_out_forgets_the_tokens() -> None:
    client, _, store = make_client(FakeAuthServer())
    assert client.signed_in
    asyncio.run(client.sign_out())
    assert not client.signed_in and store.load(ACCOUNT) is None


def test_wait_for_sign_in_returns_at_once_when_signed_in() -> None:
    client, _, _ = make_client(FakeAuthServer())
    asyncio.run(asyncio.wait_for(client.wait_for_sign_in(), 1))


def test_aclose_cancels_waiters() -> None:
    client, _, _ = make_client(FakeAuthServer(), tokens=None)

    async def scenario() -> None:
        waiter = asyncio.create_task(client.wait_for_sign_in())
        await asyncio.sleep(0)
        await client.aclose()
        with pytest.raises(asyncio.CancelledError):
            await waiter

    asyncio.run(scenario())
