"""Hashing: intake's SHA-256 of a 1 GB file against ``sha256sum`` on the same file.

Every file is hashed before any byte is uploaded, so a drop of large scans
waits on this; hashing at a fraction of the machine's speed would be the
first thing a firm notices. The reference is coreutils' ``sha256sum`` (a
subprocess: one warm-up run, then the median of the runs) on a file of
random bytes; ``intake.hashing.hash_file`` is timed on the same file, in this
process, median of the runs. Both read from a warm page cache, so the figure
is the hashing itself, not the disk. The target is at least 80% of
``sha256sum``'s throughput.

Beside it: the longest pause another Python thread saw while a worker thread
hashed, since in the app that other thread is the GUI's (target there: under
50 ms). ``--scale`` shrinks the file (0.01 is about 10 MB, for the smoke
test); ``run(settings, size_bytes=...)`` sets it outright.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from advisoros_desktop.intake.hashing import hash_file
from benchmarks import BenchmarkError, BenchmarkResult, Deadline, Settings

NAME = "hashing"
TITLE = "Hashing: SHA-256 of a 1 GB file, intake against sha256sum"

FULL_SIZE_BYTES = 1024 * 1024 * 1024
MIN_SIZE_BYTES = 1024 * 1024
TARGET_RATIO = 0.80
DEFAULT_RUNS = 3
WRITE_CHUNK = 8 * 1024 * 1024
HEARTBEAT_SECONDS = 0.002


def run(settings: Settings, size_bytes: int | None = None) -> BenchmarkResult:
    deadline = Deadline(settings.time_limit)
    runs = settings.runs or DEFAULT_RUNS
    size = size_bytes or max(MIN_SIZE_BYTES, round(FULL_SIZE_BYTES * settings.scale))
    command = _reference_command()
    with tempfile.TemporaryDirectory(prefix="advisoros-bench-") as tmp:
        path = Path(tmp) / "random.bin"
        started = time.perf_counter()
        _write_random(path, size, deadline)
        wrote = time.perf_counter() - started
        print(f"  wrote {size / 1e6:,.0f} MB of random bytes in {wrote:.1f} s", flush=True)

        expected, _ = _reference(command, path)  # warm-up: also fills the page cache
        reference_times = []
        for _ in range(runs):
            digest, seconds = _reference(command, path)
            if digest != expected:
                raise BenchmarkError(f"sha256sum gave {digest}, then {expected}")
            reference_times.append(seconds)
            deadline.check("running sha256sum")
        ours_times = []
        for _ in range(runs):
            started = time.perf_counter()
            result = hash_file(path)
            ours_times.append(time.perf_counter() - started)
            if result.sha256 != expected:
                raise BenchmarkError(f"hash_file gave {result.sha256}, sha256sum {expected}")
            deadline.check("running hash_file")
        longest_pause = _longest_pause_while_hashing(path)
    return _report(size, command, expected, reference_times, ours_times, longest_pause)


def _reference_command() -> list[str]:
    if shutil.which("sha256sum"):
        return ["sha256sum"]
    if shutil.which("shasum"):  # macOS
        return ["shasum", "-a", "256"]
    raise BenchmarkError("neither sha256sum nor shasum is installed, so there is no reference")


def _write_random(path: Path, size: int, deadline: Deadline) -> None:
    with open(path, "wb") as handle:
        left = size
        while left:
            chunk = min(left, WRITE_CHUNK)
            handle.write(os.urandom(chunk))
            left -= chunk
            deadline.check("writing the test file")


def _reference(command: list[str], path: Path) -> tuple[str, float]:
    started = time.perf_counter()
    done = subprocess.run([*command, str(path)], capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise BenchmarkError(f"{' '.join(command)} failed: {done.stderr.strip()}")
    return done.stdout.split()[0].lower(), seconds


def _longest_pause_while_hashing(path: Path) -> float:
    """Seconds: the longest a sleeping thread overslept while a worker thread hashed."""
    finished = threading.Event()

    def hash_then_say_so() -> None:
        try:
            hash_file(path)
        finally:
            finished.set()

    worker = threading.Thread(target=hash_then_say_so)
    longest = 0.0
    worker.start()
    last = time.perf_counter()
    while not finished.is_set():
        time.sleep(HEARTBEAT_SECONDS)
        now = time.perf_counter()
        longest = max(longest, now - last - HEARTBEAT_SECONDS)
        last = now
    worker.join()
    return longest


def _report(
    size: int,
    command: list[str],
    digest: str,
    reference_times: list[float],
    ours_times: list[float],
    longest_pause: float,
) -> BenchmarkResult:
    reference_rate = size / statistics.median(reference_times) / 1e6
    ours_rate = size / statistics.median(ours_times) / 1e6
    ratio = ours_rate / reference_rate
    result = BenchmarkResult(
        NAME,
        TITLE,
        f"hash_file at least {TARGET_RATIO:.0%} of sha256sum's throughput",
        ratio >= TARGET_RATIO,
    )
    result.add("file size", f"{size:,} bytes of random data (page cache warm)")
    result.add(
        f"{' '.join(command)}, median",
        f"{reference_rate:,.0f} MB/s ({_runs(reference_times)})",
    )
    result.add("hash_file, median", f"{ours_rate:,.0f} MB/s ({_runs(ours_times)})")
    result.add("hash_file / sha256sum", f"{ratio:.2f}")
    result.add("longest pause of another thread while hashing", f"{longest_pause * 1000:.1f} ms")
    result.notes.append(f"SHA-256 {digest} (both agree)")
    return result


def _runs(seconds: list[float]) -> str:
    return "runs: " + ", ".join(f"{s:.2f} s" for s in seconds)
