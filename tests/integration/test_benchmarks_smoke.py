"""The benchmarks still run: a tiny-scale pass, so ``make bench`` does not rot between runs.

The figures of this pass mean nothing; ``make bench`` at full scale is what
docs/benchmarks.md records.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

# What each benchmark's report must show to have measured anything at all.
EXPECTED = {
    "change_feed": ("records/s",),
    "initial_sync": ("records/s", "edits sent in"),
    "palette": ("per keystroke",),
    "table_filter": ("keystroke",),
    "cold_start": ("launch to first paint", "bare PySide6 window"),
    "hashing": ("MB/s", "hash_file / sha256sum"),
    "intake_drop": ("queued (every row in the upload queue)", "raw httpx uploads", "files/s"),
    "watched_folder": ("processed exactly once", "raw httpx uploads", "files/s"),
    "gui_stalls": (
        "longest stall during the sync",
        "idle window",
        "longest stall during the intake",
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_benchmark_runs_at_a_tiny_scale(name: str) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks",
            name,
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
    report = done.stdout + done.stderr
    assert name in done.stdout, report
    assert "could not measure" not in done.stdout, report
    assert "failed with an unexpected error" not in done.stdout, report
    for words in EXPECTED[name]:
        assert words in done.stdout, report
