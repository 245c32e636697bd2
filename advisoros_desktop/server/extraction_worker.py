"""Runs the extractor in a separate process, so a file that breaks a parser breaks only itself.

PDF and image parsers are native code fed with files from anywhere: one can
crash the interpreter, loop for ever or eat all memory. The server's job
worker therefore hands each file to a child process (started with ``spawn``,
so it shares no locks or threads with the server) and waits a bounded time.
A child that dies or overruns is killed and replaced before the next file;
the file that did it gets an ``ExtractionFailure`` with a readable reason.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from advisoros_desktop.extraction import ExtractionFailure, extract_bytes
from advisoros_desktop.extraction.extractor import Outcome

log = logging.getLogger(__name__)

# Long enough for a thick scanned packet under OCR on a slow machine; a file
# that takes longer is treated as one the extractor cannot cope with.
DEFAULT_TIMEOUT_SECONDS = 300.0

# Extraction is background work: a firm's uploads, syncs and the accountant's own
# window come first when they share the CPU (the local workspace runs beside the
# desktop), so the child runs at a lower priority where the system allows it.
CHILD_NICENESS = 10

# (path of the stored bytes, the document's file name) -> outcome; must be importable
# by name in the child (a module-level function), since spawn pickles it by reference.
ExtractRunner = Callable[[str, str], Outcome]


class ExtractionStopped(Exception):
    """The server is stopping: the file being read is read again at the next start."""


def extract_stored_file(path: str, name: str) -> Outcome:
    """The runner the server uses: read the stored bytes and extract them."""
    with open(path, "rb") as handle:
        data = handle.read()
    return extract_bytes(data, name)


def _serve(conn: Connection, run: ExtractRunner) -> None:
    """The child's loop: one request in, one outcome out, until the server hangs up."""
    # Ctrl+C in the terminal reaches the whole process group; the server decides when we stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(os, "nice"):  # not on Windows
        with contextlib.suppress(OSError):
            os.nice(CHILD_NICENESS)
    while True:
        try:
            path, name = conn.recv()
        except (EOFError, OSError):
            return
        try:
            outcome = run(path, name)
        except Exception as problem:  # extract_bytes never raises; another runner might
            reason = str(problem).strip() or type(problem).__name__
            outcome = ExtractionFailure(name, f"the file could not be read: {reason}")
        conn.send(outcome)


class ExtractionWorker:
    """One child process that extracts files on request; restarted after a crash or overrun.

    ``extract`` may be called from any thread; calls are served one at a time.
    """

    def __init__(
        self,
        run: ExtractRunner = extract_stored_file,
        timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
    ) -> None:
        self._run = run
        self._timeout = timeout_seconds
        self._context = multiprocessing.get_context("spawn")
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None
        self._lock = threading.Lock()
        self._closing = False
        self.started = 0  # child processes started so far (a restart counts)

    def extract(self, path: Path, name: str) -> Outcome:
        """The outcome for the file at ``path``; never raises for a bad file.

        Raises ``ExtractionStopped`` when ``close`` interrupts it.
        """
        with self._lock:
            if self._closing:
                raise ExtractionStopped("the server is stopping")
            conn = self._ensure_child()
            try:
                conn.send((str(path), name))
                if not conn.poll(self._timeout):
                    self._discard_child()
                    return ExtractionFailure(
                        name,
                        f"reading this file took longer than {self._timeout:.0f} seconds, so it "
                        "was stopped; the file may be damaged or unusually large",
                    )
                outcome: Outcome = conn.recv()
                return outcome
            except (EOFError, OSError):
                if self._closing:
                    self._discard_child()
                    raise ExtractionStopped("the server is stopping") from None
                code = None
                if self._process is not None:
                    self._process.join(timeout=2)  # the pipe closes a moment before the exit
                    code = self._process.exitcode
                self._discard_child()
                log.warning("the extraction process stopped on %s (exit code %s)", name, code)
                return ExtractionFailure(
                    name,
                    "the file made the reader stop unexpectedly"
                    + (f" (exit code {code})" if code is not None else "")
                    + "; the file may be damaged",
                )

    def close(self) -> None:
        """Stop the child; a file being read is abandoned (its job runs again later)."""
        self._closing = True
        process = self._process
        with contextlib.suppress(ValueError):  # closed by the reading thread meanwhile
            if process is not None and process.is_alive():
                process.kill()  # without the lock, which a long read holds
        with self._lock:
            self._discard_child(graceful=True)

    def _ensure_child(self) -> Connection:
        if self._conn is not None and self._process is not None and self._process.is_alive():
            return self._conn
        self._discard_child()
        ours, theirs = self._context.Pipe(duplex=True)
        process = self._context.Process(
            target=_serve, args=(theirs, self._run), name="advisoros-extraction", daemon=True
        )
        process.start()
        theirs.close()  # the child holds its own copy; ours must not keep the pipe open
        self._process, self._conn = process, ours
        self.started += 1
        return ours

    def _discard_child(self, graceful: bool = False) -> None:
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if conn is not None:
            conn.close()  # a waiting child reads EOF and returns
        if process is None:
            return
        if graceful:
            process.join(timeout=5)
        if process.is_alive():
            process.kill()
        process.join(timeout=5)
        process.close()
