"""The benchmarks still run: a tiny-scale pass, so ``make bench`` does not rot between runs.

The figures of this pass mean nothing; ``make bench`` at full scale is what
docs/benchmarks.md records.
"""

from __future__ import annotations

import subprocess
import sys


def test_change_feed_benchmark_runs_at_a_tiny_scale() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks",
            "change_feed",
            "--scale",
            "0.01",
            "--runs",
            "1",
            "--time-limit",
            "240",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "change_feed" in done.stdout, done.stdout + done.stderr
    assert "could not measure" not in done.stdout, done.stdout
    assert "records/s" in done.stdout


def test_initial_sync_benchmark_runs_at_a_tiny_scale() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks",
            "initial_sync",
            "--scale",
            "0.01",
            "--runs",
            "1",
            "--time-limit",
            "240",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "initial_sync" in done.stdout, done.stdout + done.stderr
    assert "could not measure" not in done.stdout, done.stdout
    assert "failed with an unexpected error" not in done.stdout, done.stdout + done.stderr
    assert "records/s" in done.stdout and "edits sent in" in done.stdout, done.stdout
