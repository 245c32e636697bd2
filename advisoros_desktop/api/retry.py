"""When to try a request again, and how long to wait first.

A firm's laptops all lose the network together and get it back together; if
they retried on a fixed schedule they would hit the server in waves. So the
wait is exponential backoff with *full jitter* (a random wait between zero and
the backoff), and a server that says ``Retry-After`` is never asked sooner
than it asked for.
"""

from __future__ import annotations

import math
import random
import time
from dataclasses import dataclass
from datetime import UTC
from email.utils import parsedate_to_datetime

import httpx

# 408 and 429 say "not now", 5xx say "something on our side": all may succeed later.
# Every other 4xx would fail the same way again, so they are never retried.
_RETRYABLE_4XX = frozenset({408, 429})


def is_retryable(status: int) -> bool:
    """True for statuses worth trying again: 408, 429 and every 5xx."""
    return status in _RETRYABLE_4XX or 500 <= status <= 599


def is_retryable_error(error: BaseException) -> bool:
    """True for network failures (refused, reset, timeouts) that may pass.

    A URL httpx cannot use at all (``ftp://``, no host) fails the same way
    every time, so it is not retried.
    """
    return isinstance(error, httpx.TransportError) and not isinstance(
        error, httpx.UnsupportedProtocol
    )


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delay-seconds or HTTP-date).

    Returns ``None`` when there is no usable header; a date in the past means 0.
    """
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    try:
        # RFC 9110 says whole seconds; a decimal is read as meant rather than dropped.
        seconds = float(text)
    except ValueError:
        pass
    else:
        return seconds if math.isfinite(seconds) and seconds >= 0 else None
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # "-0000" zone; RFC 9110 dates are GMT, so read it as such
        when = when.replace(tzinfo=UTC)
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


@dataclass(frozen=True)
class RetryPolicy:
    """How many times to try a request and how long to wait between tries.

    ``max_attempts`` counts every try, the first included. ``max_retry_after``
    bounds how long one wait may grow when the server's ``Retry-After`` asks
    for more than ``max_delay`` (a broken header must not freeze sync for a day).
    """

    max_attempts: int = 6
    base_delay: float = 0.5
    max_delay: float = 30.0
    factor: float = 2.0
    max_retry_after: float = 300.0

    def backoff(self, attempt: int) -> float:
        """The upper bound of the wait after failed attempt ``attempt`` (1-based)."""
        exponent = max(0, attempt - 1)
        # A long-running caller's attempt count must not overflow the float.
        try:
            raw = self.base_delay * self.factor**exponent
        except OverflowError:
            return self.max_delay
        return min(self.max_delay, raw)

    def delay(
        self,
        attempt: int,
        retry_after: str | None,
        rng: random.Random,
        now: float | None = None,
    ) -> float:
        """Seconds to wait after failed attempt ``attempt`` (1-based) before the next one.

        Full jitter: uniform in ``[0, backoff]``. A ``Retry-After`` is a floor,
        so the wait is never shorter than the server asked, up to ``max_retry_after``.
        """
        wait = rng.uniform(0.0, self.backoff(attempt))
        asked = parse_retry_after(retry_after, now)
        if asked is not None:
            wait = max(wait, min(asked, self.max_retry_after))
        return wait
