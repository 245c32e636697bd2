"""How long the uploader leaves an unreachable server alone before trying again.

Inside one request the API client already retries with jittered backoff; this
is the slower rhythm above it: once a job found the server gone, no job is
taken for a while (5 s at first, doubling to a minute), so a laptop on a dead
network does not spin through its whole queue, and the first success resets it.
"""

from __future__ import annotations

import time
from collections.abc import Callable


class Backoff:
    def __init__(
        self,
        first: float = 5.0,
        longest: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.first = first
        self.longest = longest
        self._clock = clock
        self._failures = 0
        self._until = 0.0

    @property
    def failures(self) -> int:
        """Failures in a row since the last success."""
        return self._failures

    def failed(self) -> float:
        """The server could not be reached: returns the pause before the next try.

        Jobs sent side by side fail together; while a pause runs, more failures
        do not lengthen it (they are the same outage, not a longer one).
        """
        waiting = self.remaining()
        if waiting > 0:
            return waiting
        pause = min(self.longest, self.first * 2.0 ** min(self._failures, 32))
        self._failures += 1
        self._until = max(self._until, self._clock() + pause)
        return pause

    def succeeded(self) -> None:
        self._failures = 0
        self._until = 0.0

    def remaining(self) -> float:
        """Seconds still to wait before taking jobs again (0: go ahead)."""
        return max(0.0, self._until - self._clock())
