"""Stopping the scheduler always ends it, even when a wake-up arrives in the same moment.

Quitting the desktop awaits ``stop()``; a lost cancellation would leave the
window closed and the process running forever.
"""

from __future__ import annotations

import asyncio

from advisoros_desktop.sync.connectivity import SyncScheduler
from advisoros_desktop.sync.report import SyncReport


async def _quick_cycle() -> SyncReport:
    return SyncReport()


def test_stop_ends_the_loop_when_woken_at_the_same_moment() -> None:
    async def scenario() -> int:
        stopped = 0
        for _ in range(50):
            scheduler = SyncScheduler(_quick_cycle, interval_seconds=60)
            scheduler.start()
            await asyncio.sleep(0)
            await asyncio.sleep(0)
            scheduler.sync_now()  # the wake event fires in the turn stop() cancels
            await asyncio.wait_for(scheduler.stop(), timeout=5)
            stopped += 1
        return stopped

    assert asyncio.run(scenario()) == 50
