"""Performance benchmarks of AdvisorOS, run with ``make bench`` (``python -m benchmarks``).

Each benchmark is a module with ``NAME``, ``TITLE`` and ``run(settings)``. It
measures something a firm would notice (how long a laptop's first sync takes,
say) against the real server, and returns a :class:`BenchmarkResult` that says
what was measured and whether it met its target. Keeping that contract here
lets ``__main__`` run any list of benchmarks and print one report for all.

Modules that are not in ``__main__.BENCHMARKS`` are shared set-up, not
benchmarks: ``large_firm`` seeds a firm's worth of records into the server's
tables (with ``firm_records`` making them up), and ``server_process`` runs the
real server as a separate process for a benchmark to measure.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    """What the command line may change about every benchmark."""

    # Repetitions of the measured operation; None keeps the benchmark's default.
    runs: int | None = None
    # Multiplies the data set's size: 0.1 for a quick check, 1.0 for the real figure.
    scale: float = 1.0
    # Seconds a benchmark may take, set-up included, before it gives up.
    time_limit: float = 900.0


@dataclass(frozen=True)
class Figure:
    """One measured value, as the report shows it."""

    label: str
    value: str


@dataclass
class BenchmarkResult:
    """What one benchmark measured and whether it met its target."""

    name: str
    title: str
    target: str
    passed: bool
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, label: str, value: str) -> None:
        self.figures.append(Figure(label, value))


class BenchmarkError(RuntimeError):
    """A benchmark could not measure (server did not start, wrong data, time ran out)."""


class Deadline:
    """A benchmark's time budget: every wait checks it, so a hang cannot stall CI.

    It lives here rather than in one benchmark because the shared set-up (the
    server process's start-up wait) spends the same budget as the measurement.
    """

    def __init__(self, seconds: float) -> None:
        self._end = time.monotonic() + seconds

    def remaining(self) -> float:
        return self._end - time.monotonic()

    def check(self, doing: str) -> None:
        if self.remaining() <= 0:
            raise BenchmarkError(f"time limit reached while {doing}")
