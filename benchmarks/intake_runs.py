"""What the intake benchmarks share: runs against one seeded firm, waiting on the queue, figures.

``intake_drop`` and ``watched_folder`` both start the server in its own
process on a small seeded firm (``intake_firm``), repeat a run a few times in
fresh folders and caches, wait on conditions over the upload queue without
holding up the event loop they measure, and list each run's figure beside the
median.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from benchmarks import BenchmarkError, Deadline
from benchmarks.intake_firm import IntakeFirm, seed_intake_firm
from benchmarks.server_process import ServerProcess

OneRun = Callable[[ServerProcess, IntakeFirm, Path, Deadline], None]


def repeat_on_firm(
    runs: int, deadline: Deadline, one_run: OneRun, after_each: Callable[[int], None]
) -> None:
    """``one_run`` ``runs`` times against one server on a fresh firm, each in its own folder."""
    with tempfile.TemporaryDirectory(prefix="advisoros-bench-") as tmp:
        root = Path(tmp)
        data_dir = root / "server"
        data_dir.mkdir()
        firm = seed_intake_firm(data_dir)
        with ServerProcess(data_dir, deadline) as server:
            try:
                for index in range(runs):
                    one_run(server, firm, root / f"run-{index + 1}", deadline)
                    after_each(index)
            except BenchmarkError as err:
                raise BenchmarkError(f"{err}\nserver log:\n{server.log_tail()}") from err


async def when(
    condition: Callable[[], bool],
    deadline: Deadline,
    doing: str,
    every: float,
    limit: float | None = None,
) -> float:
    """The moment ``condition()`` first held, looked at every ``every`` seconds.

    The look (a count of queue rows, say) is made on a worker thread, as the
    window's own reads of the queue are, so it does not hold up the loop
    measured. ``limit`` gives up earlier than the benchmark's deadline.
    """
    give_up = None if limit is None else time.monotonic() + limit
    while not await asyncio.to_thread(condition):
        deadline.check(doing)
        if give_up is not None and time.monotonic() > give_up:
            raise BenchmarkError(f"gave up waiting for {doing}")
        await asyncio.sleep(every)
    return time.perf_counter()


def each(values: Iterable[float], form: str = "{:.2f}") -> str:
    """Every run's figure, for the line beside the median."""
    return ", ".join(form.format(value) for value in values)
