"""How long the uploads still need, from how fast bytes reached the server lately.

The estimate uses the last ~30 seconds only: a laptop moving from the office
network to a hotel's should see the new speed soon, and a burst at the start
should not promise too much. When there is too little to go on (nothing sent
lately, or only a moment's worth) it says nothing rather than guess.
"""

from __future__ import annotations

from collections import deque

WINDOW_SECONDS = 30.0
# Less than this much history gives rates that jump around too much to show.
MIN_SPAN_SECONDS = 3.0


class TransferRate:
    """Samples of (time, bytes the server holds), read back as an estimate of time left."""

    def __init__(self, window: float = WINDOW_SECONDS) -> None:
        self._window = window
        self._samples: deque[tuple[float, int]] = deque()
        self._remaining = 0

    def add(self, now: float, bytes_done: int, bytes_total: int) -> None:
        """Record the totals at monotonic time ``now``."""
        if self._samples and bytes_done < self._samples[-1][1]:
            # Finished jobs were cleared or a file starts over: the history no longer adds up.
            self._samples.clear()
        self._samples.append((now, bytes_done))
        while len(self._samples) > 2 and now - self._samples[1][0] >= self._window:
            self._samples.popleft()
        self._remaining = max(0, bytes_total - bytes_done)

    def reset(self) -> None:
        self._samples.clear()
        self._remaining = 0

    def bytes_per_second(self) -> float | None:
        if len(self._samples) < 2:
            return None
        (first_time, first_bytes), (last_time, last_bytes) = self._samples[0], self._samples[-1]
        span = last_time - first_time
        if span < MIN_SPAN_SECONDS or last_bytes <= first_bytes:
            return None
        return (last_bytes - first_bytes) / span

    def seconds_left(self) -> float | None:
        """Seconds until the bytes still to send are sent at the recent rate; None if unknown."""
        rate = self.bytes_per_second()
        if rate is None or self._remaining <= 0:
            return None
        return self._remaining / rate
