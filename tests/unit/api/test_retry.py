"""Retry timing: which failures are retried, backoff with full jitter, Retry-After as a floor."""

from __future__ import annotations

import random
from email.utils import formatdate

import httpx
import pytest

from advisoros_desktop.api.retry import (
    RetryPolicy,
    is_retryable,
    is_retryable_error,
    parse_retry_after,
)

NOW = 1_750_000_000.0


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504, 599])
def test_try_later_statuses_are_retryable(status: int) -> None:
    assert is_retryable(status)


@pytest.mark.parametrize("status", [200, 201, 304, 400, 401, 403, 404, 409, 410, 413, 422])
def test_other_statuses_are_not(status: int) -> None:
    assert not is_retryable(status)


def test_network_errors_are_retryable_but_an_unusable_url_is_not() -> None:
    request = httpx.Request("GET", "http://127.0.0.1/")
    for error in (
        httpx.ConnectError("refused", request=request),
        httpx.ConnectTimeout("slow", request=request),
        httpx.ReadTimeout("slow", request=request),
        httpx.ReadError("connection reset by peer", request=request),
        httpx.RemoteProtocolError("closed", request=request),
    ):
        assert is_retryable_error(error), error
    assert not is_retryable_error(httpx.UnsupportedProtocol("ftp://", request=request))
    assert not is_retryable_error(ValueError("not a network error"))


def test_backoff_grows_exponentially_up_to_the_cap() -> None:
    policy = RetryPolicy(base_delay=0.5, factor=2.0, max_delay=30.0)
    assert [policy.backoff(n) for n in range(1, 9)] == [0.5, 1, 2, 4, 8, 16, 30, 30]
    assert policy.backoff(100_000) == 30.0  # no float overflow for a long outage


def test_full_jitter_stays_within_zero_and_the_backoff_and_spreads_out() -> None:
    policy = RetryPolicy()
    rng = random.Random(7)
    for attempt in range(1, 10):
        waits = [policy.delay(attempt, None, rng) for _ in range(500)]
        bound = policy.backoff(attempt)
        assert all(0.0 <= wait <= bound for wait in waits)
        # Full jitter: the waits cover the range instead of clustering at the bound.
        assert min(waits) < bound * 0.1 and max(waits) > bound * 0.9


def test_retry_after_seconds_is_a_floor() -> None:
    policy = RetryPolicy()
    rng = random.Random(1)
    assert all(policy.delay(1, "7", rng) >= 7.0 for _ in range(100))
    # Longer than max_delay is still honoured...
    assert policy.delay(1, "120", rng) == 120.0
    # ...up to a ceiling, so a broken header cannot stall sync for a day.
    assert policy.delay(1, "86400", rng) == policy.max_retry_after == 300.0
    # Zero means "now": plain jittered backoff.
    assert 0.0 <= policy.delay(3, "0", rng) <= policy.backoff(3)


def test_retry_after_http_date_is_a_floor() -> None:
    policy = RetryPolicy()
    rng = random.Random(2)
    in_90_seconds = formatdate(NOW + 90, usegmt=True)
    assert policy.delay(1, in_90_seconds, rng, now=NOW) == pytest.approx(90.0)
    past = formatdate(NOW - 3600, usegmt=True)
    assert 0.0 <= policy.delay(2, past, rng, now=NOW) <= policy.backoff(2)


@pytest.mark.parametrize("value", ["", "soon", "-5", "nan", "inf", "Mon, 99 Foo 2024"])
def test_unusable_retry_after_is_ignored(value: str) -> None:
    assert parse_retry_after(value, now=NOW) is None
    policy = RetryPolicy()
    assert 0.0 <= policy.delay(2, value, random.Random(3), now=NOW) <= policy.backoff(2)


def test_parse_retry_after_forms() -> None:
    assert parse_retry_after(None) is None
    assert parse_retry_after(" 3 ") == 3.0
    assert parse_retry_after("1.5") == 1.5
    assert parse_retry_after(formatdate(NOW + 10, usegmt=True), now=NOW) == pytest.approx(10.0)


def test_a_retry_after_date_without_a_zone_is_read_as_gmt() -> None:
    in_30_seconds = formatdate(NOW + 30, usegmt=True).replace("GMT", "-0000")
    assert parse_retry_after(in_30_seconds, now=NOW) == pytest.approx(30.0)
