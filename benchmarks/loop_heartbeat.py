"""How long an asyncio loop goes without running its callbacks, for headless benchmarks.

In the window, intake's uploader and the sync run on the GUI thread's event
loop (qasync), so anything that holds that loop up freezes the window. A
headless benchmark has no window to freeze, but the same loop: a task that
sleeps 5 ms at a time and notes how late it woke is the same measure as the
window's heartbeat (``gui_heartbeat``), without Qt.
"""

from __future__ import annotations

import asyncio
import contextlib
import time

INTERVAL_SECONDS = 0.005


class LoopHeartbeat:
    """Ticks on the running loop from ``start`` to ``stop``; ``longest`` is the longest gap."""

    def __init__(self) -> None:
        self.longest = 0.0
        self.ticks = 0
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._beat(), name="loop heartbeat")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _beat(self) -> None:
        last = time.perf_counter()
        while True:
            await asyncio.sleep(INTERVAL_SECONDS)
            now = time.perf_counter()
            self.longest = max(self.longest, now - last)
            self.ticks += 1
            last = now
