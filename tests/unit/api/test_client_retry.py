"""The client's retry loop against scripted answers: what is retried, how often, how long.

No real waiting: ``sleep`` only records the delays it was asked for.
"""

from __future__ import annotations

import asyncio
import json
import time
from email.utils import formatdate

import httpx
import pytest

from advisoros_desktop.api.client import ApiClient
from advisoros_desktop.api.errors import (
    ApiError,
    CursorGone,
    ServerUnavailable,
    ServerUnreachable,
)
from advisoros_desktop.api.retry import RetryPolicy
from advisoros_desktop.api.token_store import MemoryTokenStore
from tests.unit.api.fake_api import ScriptedAnswers, SleepRecorder, error, make_client

PAGE = {"items": [], "cursor": "e:5:0", "hasMore": False, "epoch": "e"}
REQUEST = httpx.Request("GET", "http://advisoros.test/api/v1/changes")


@pytest.mark.parametrize("status", [500, 502, 503, 408, 429])
def test_retryable_status_is_retried_then_succeeds(status: int) -> None:
    answers = ScriptedAnswers(error(status, "busy", "Try again."), httpx.Response(200, json=PAGE))
    client, sleep, _ = make_client(answers)
    page = asyncio.run(client.changes(None))
    assert page == PAGE
    assert client.request_count == 2 == len(answers.requests)
    assert len(sleep.delays) == 1 and 0.0 <= sleep.delays[0] <= RetryPolicy().backoff(1)


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ConnectError("[Errno 111] Connection refused", request=REQUEST),
        httpx.ReadTimeout("timed out", request=REQUEST),
        httpx.ReadError("[Errno 104] Connection reset by peer", request=REQUEST),
        httpx.RemoteProtocolError("Server disconnected", request=REQUEST),
    ],
)
def test_network_errors_are_retried(failure: Exception) -> None:
    answers = ScriptedAnswers(failure, failure, httpx.Response(200, json=PAGE))
    client, sleep, _ = make_client(answers)
    assert asyncio.run(client.changes("e:1:0")) == PAGE
    assert client.request_count == 3
    assert len(sleep.delays) == 2


def test_retry_after_seconds_is_honoured() -> None:
    answers = ScriptedAnswers(
        error(429, "rate_limited", "Too many requests.", **{"Retry-After": "4"}),
        error(503, "overloaded", "Too busy.", **{"Retry-After": "45"}),
        httpx.Response(200, json=PAGE),
    )
    client, sleep, _ = make_client(answers)
    asyncio.run(client.changes(None))
    assert sleep.delays[0] >= 4.0
    assert sleep.delays[1] == 45.0  # above max_delay, still honoured in full


def test_retry_after_http_date_is_honoured() -> None:
    in_a_minute = formatdate(time.time() + 60, usegmt=True)
    answers = ScriptedAnswers(
        error(503, "overloaded", "Too busy.", **{"Retry-After": in_a_minute}),
        httpx.Response(200, json=PAGE),
    )
    client, sleep, _ = make_client(answers)
    asyncio.run(client.changes(None))
    # The date has whole-second precision, so up to a second may be lost to rounding.
    assert 58.9 <= sleep.delays[0] <= 60.0


@pytest.mark.parametrize("status", [400, 403, 404, 409, 413, 422])
def test_other_client_errors_are_not_retried(status: int) -> None:
    answers = ScriptedAnswers(error(status, f"code_{status}", f"Readable {status}."))
    client, sleep, _ = make_client(answers)
    with pytest.raises(ApiError) as caught:
        asyncio.run(client.changes(None))
    assert caught.value.status == status
    assert caught.value.code == f"code_{status}"
    assert str(caught.value) == caught.value.message == f"Readable {status}."
    assert not isinstance(caught.value, ServerUnreachable)
    assert client.request_count == 1 and sleep.delays == []


def test_gives_up_on_a_status_after_max_attempts_with_the_servers_message() -> None:
    answers = ScriptedAnswers(
        error(503, "database_busy", "The server's database is busy.", **{"Retry-After": "2"})
    )
    client, sleep, _ = make_client(answers, retry=RetryPolicy(max_attempts=4))
    with pytest.raises(ServerUnavailable) as caught:
        asyncio.run(client.changes(None))
    # Both an ApiError (status, message) and a ServerUnreachable ("keep the work for later").
    assert isinstance(caught.value, ApiError) and isinstance(caught.value, ServerUnreachable)
    assert caught.value.status == 503 and caught.value.code == "database_busy"
    assert str(caught.value) == "The server's database is busy."
    assert client.request_count == 4
    assert len(sleep.delays) == 3 and all(d >= 2.0 for d in sleep.delays)


def test_gives_up_on_the_network_after_max_attempts() -> None:
    refused = httpx.ConnectError("[Errno 111] Connection refused", request=REQUEST)
    answers = ScriptedAnswers(refused)
    client, sleep, _ = make_client(answers)
    with pytest.raises(ServerUnreachable) as caught:
        asyncio.run(client.changes(None))
    assert not isinstance(caught.value, ApiError)
    assert caught.value.cause is refused
    assert str(caught.value) == (
        "Cannot reach the AdvisorOS server at http://advisoros.test/api/v1: connection refused"
    )
    policy = RetryPolicy()
    assert client.request_count == policy.max_attempts == 6
    assert len(sleep.delays) == 5
    assert all(0.0 <= d <= policy.backoff(n) for n, d in enumerate(sleep.delays, start=1))


def test_jitter_differs_between_clients() -> None:
    # Two laptops that lost the network together must not come back in step.
    refused = httpx.ConnectError("refused", request=REQUEST)
    schedules = []
    for seed in (1, 2):
        client, sleep, _ = make_client(ScriptedAnswers(refused), seed=seed)
        with pytest.raises(ServerUnreachable):
            asyncio.run(client.health())
        schedules.append(sleep.delays)
    assert schedules[0] != schedules[1]


def test_push_is_retried_with_the_same_body() -> None:
    results = {"results": [{"mutationId": "m1", "status": "applied", "entity": "client"}]}
    answers = ScriptedAnswers(
        httpx.ReadTimeout("timed out", request=REQUEST),
        error(502, "bad_gateway", "Bad gateway."),
        httpx.Response(200, json=results),
    )
    client, _, _ = make_client(answers)
    mutation = {"mutationId": "m1", "entity": "client", "op": "create", "id": "c1", "fields": {}}
    assert asyncio.run(client.push([mutation])) == results["results"]
    bodies = [json.loads(request.content) for request in answers.requests]
    assert bodies == [{"mutations": [mutation]}] * 3  # same mutationId: replay-safe


def test_an_empty_push_sends_nothing() -> None:
    client, _, _ = make_client(ScriptedAnswers(httpx.Response(500)))
    assert asyncio.run(client.push([])) == []
    assert client.request_count == 0


@pytest.mark.parametrize("code", ["cursor_expired", "epoch_changed"])
def test_410_on_the_change_feed_is_cursor_gone(code: str) -> None:
    answers = ScriptedAnswers(error(410, code, "Sync everything again from the start."))
    client, sleep, _ = make_client(answers)
    with pytest.raises(CursorGone) as caught:
        asyncio.run(client.changes("e:9:0"))
    assert caught.value.code == code and caught.value.status == 410
    assert client.request_count == 1 and sleep.delays == []


def test_an_error_without_the_servers_shape_still_reads_well() -> None:
    answers = ScriptedAnswers(httpx.Response(404, text="<html>nginx</html>"))
    client, _, _ = make_client(answers)
    with pytest.raises(ApiError) as caught:
        asyncio.run(client.limits())
    assert caught.value.code == "http_404"
    assert str(caught.value) == (
        "The AdvisorOS server answered with an unexpected error: HTTP 404 (Not Found)."
    )


@pytest.mark.parametrize(
    "body",
    [
        {"cursor": "e:1:0", "hasMore": False},  # no items: not "nothing changed"
        {"items": None, "cursor": "e:1:0", "hasMore": False},
        {"items": [], "hasMore": False},
        {"items": ["x"], "cursor": "e:1:0", "hasMore": False},
        [],
    ],
)
def test_a_malformed_change_page_is_an_error_not_an_empty_page(body: object) -> None:
    client, _, _ = make_client(ScriptedAnswers(httpx.Response(200, json=body)))
    with pytest.raises(ApiError) as caught:
        asyncio.run(client.changes(None))
    assert caught.value.code == "malformed_response"


@pytest.mark.parametrize(
    "results",
    [[], [{"mutationId": "m2", "status": "applied"}], ["applied"], None],
    ids=["missing", "other-mutation", "not-objects", "absent"],
)
def test_mutation_results_must_answer_the_batch(results: object) -> None:
    answers = ScriptedAnswers(httpx.Response(200, json={"results": results}))
    client, _, _ = make_client(answers)
    mutation = {"mutationId": "m1", "entity": "client", "op": "delete", "id": "c1"}
    with pytest.raises(ApiError) as caught:
        asyncio.run(client.push([mutation]))
    assert caught.value.code == "malformed_response"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://advisoros.test/api/v1", "not a valid http:// or https:// URL"),
        ("advisoros.test:8765/api/v1", "not a valid http:// or https:// URL"),
        ("http://127.0.0.1:99999/api/v1", "99999 is not a valid port number"),
        ("", "no server address is set"),
    ],
)
def test_an_unusable_address_fails_at_once(url: str, reason: str) -> None:
    sleep = SleepRecorder()
    client = ApiClient(url, MemoryTokenStore(), "k", sleep=sleep)
    with pytest.raises(ServerUnreachable, match=reason):
        asyncio.run(client.health())
    assert client.request_count == 0 and sleep.delays == []


def test_a_big_change_page_reads_the_same() -> None:
    # Big pages are decoded on a worker thread; the caller sees the same dict.
    item = {"entity": "client", "id": "c", "version": 1, "deleted": False, "data": {}}
    big = {**PAGE, "items": [{**item, "data": {"notes": "x" * 1000}}] * 400}
    client, _, _ = make_client(ScriptedAnswers(httpx.Response(200, json=big)))
    assert asyncio.run(client.changes(None)) == big
    truncated = httpx.Response(200, content=json.dumps(big).encode()[:-10])
    client, _, _ = make_client(ScriptedAnswers(truncated))
    with pytest.raises(ApiError, match="cannot read"):
        asyncio.run(client.changes(None))
