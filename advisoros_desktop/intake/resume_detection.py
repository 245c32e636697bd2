"""Noticing that the computer slept, so watched folders can be looked at again.

While a laptop sleeps, file notifications are lost and a network share may
have been remounted; files that arrived meanwhile would wait for the next
event that never comes. The monotonic clock stands still during sleep on most
systems while the wall clock does not, so a jump between the two is the sign.
"""

from __future__ import annotations

import time
from collections.abc import Callable

JUMP_SECONDS = 30.0


class ResumeDetector:
    """Answers "did the clocks drift apart since you last asked?" (sleep, or a clock change).

    A user setting the clock also counts; the only cost is one extra rescan.
    """

    def __init__(
        self,
        threshold_seconds: float = JUMP_SECONDS,
        *,
        wall_clock: Callable[[], float] = time.time,
        monotonic_clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.threshold_seconds = threshold_seconds
        self._wall = wall_clock
        self._monotonic = monotonic_clock
        self._offset = self._current_offset()

    def resumed(self) -> bool:
        """Whether the wall clock moved apart from the monotonic one by more than the threshold."""
        offset = self._current_offset()
        jumped = abs(offset - self._offset) > self.threshold_seconds
        self._offset = offset
        return jumped

    def _current_offset(self) -> float:
        return self._wall() - self._monotonic()
