"""The real server, ``advisoros server``, as a separate process for a benchmark.

A benchmark measures what a laptop would get from the server, so it talks to
the same server a firm runs, in its own process, over loopback HTTP: an
in-process app would share the benchmark's interpreter, GIL and memory and
flatter the figures. This module starts it on 127.0.0.1 and a free port, waits
until ``/api/v1/health`` answers, reads its memory from ``/proc`` and always
stops it, whether the benchmark finished, failed or ran out of time.
"""

from __future__ import annotations

import contextlib
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from benchmarks import BenchmarkError, Deadline

# Longest wait for /health; the benchmark's own deadline may cut it shorter.
SERVER_START_SECONDS = 60.0
# How long SIGINT gets to stop the server before it is killed.
STOP_SECONDS = 15.0


class ServerProcess:
    """``advisoros server`` in its own process, stopped whatever happens.

    Use it as a context manager: entering starts the server on ``data_dir``
    and returns once it answers ``/health`` (``base_url`` is then its API);
    leaving stops it. Its output goes to ``server.log`` next to ``data_dir``,
    and ``log_tail`` shows the end of it when something went wrong.
    """

    def __init__(self, data_dir: Path, deadline: Deadline) -> None:
        self.port = _free_port()
        self.base_url = f"http://127.0.0.1:{self.port}/api/v1"
        self.log_path = data_dir.parent / "server.log"
        self._data_dir = data_dir
        self._deadline = deadline
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int:
        assert self._process is not None
        return self._process.pid

    def __enter__(self) -> ServerProcess:
        # ``advisoros server``, run by this interpreter so it uses the same packages.
        command = [
            sys.executable,
            "-m",
            "advisoros_desktop.cli",
            "server",
            "--data-dir",
            str(self._data_dir),
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
        ]
        with self.log_path.open("wb") as log:
            self._process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
            )
        try:
            self._wait_healthy()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def _wait_healthy(self) -> None:
        give_up = time.monotonic() + min(SERVER_START_SECONDS, self._deadline.remaining())
        while time.monotonic() < give_up:
            assert self._process is not None
            if self._process.poll() is not None:
                raise BenchmarkError(
                    f"the server exited with {self._process.returncode}:\n{self.log_tail()}"
                )
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{self.base_url}/health", timeout=2).status_code == 200:
                    return
            time.sleep(0.1)
        raise BenchmarkError(f"the server did not answer /health in time:\n{self.log_tail()}")

    def memory(self) -> dict[str, int]:
        """VmRSS and VmHWM of the server process, in KiB (empty where /proc is missing)."""
        found: dict[str, int] = {}
        try:
            status = Path(f"/proc/{self.pid}/status").read_text()
        except OSError:
            return found
        for line in status.splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                found[key] = int(value.split()[0])
        return found

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=STOP_SECONDS)

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no server log)"


def _free_port() -> int:
    # The OS picks a port free now; another process could take it before the
    # server binds it, but then the server exits and the benchmark says so.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port
