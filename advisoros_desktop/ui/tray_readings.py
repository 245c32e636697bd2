"""What the tray and its notifications need from the cache, read off the GUI thread.

Two reads, each asked for when something changed and never piled up (a
request while the same read waits to run is the same request): the counts of
changes waiting and conflicts, after a store notice about the outbox or
conflicts; and a look at the upload queue, after the intake controller says
the queue changed (at most four times a second), to tell which batches
finished and which files failed (``batch_outcomes``). Results come back to the
GUI thread as signals.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject, Signal, SignalInstance

from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.ui.batch_outcomes import (
    BatchTracker,
    NewFailures,
    client_names,
    failed_files,
    outcome_of,
    read_snapshot,
)

log = logging.getLogger(__name__)

EXAMPLES_PER_BATCH = 3  # file names read for a failure notification


class TrayReadings(QObject):
    counts_ready = Signal(int, int)  # changes waiting to be sent, conflicts
    files_failed = Signal(object)  # NewFailures (before ``batch_finished`` of the same look)
    batch_finished = Signal(object)  # BatchOutcome

    def __init__(self, store: LocalStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._tracker = BatchTracker()  # used on the worker thread only
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tray-readings")
        self._lock = threading.Lock()
        self._asked: set[str] = set()  # reads asked for and not started yet
        self._closed = False

    @property
    def closed(self) -> bool:
        return self._closed

    def request_counts(self) -> None:
        self._request("counts", self._read_counts)

    def request_queue(self) -> None:
        self._request("queue", self._read_queue)

    def close(self) -> None:
        """Read no more; a read under way finishes on its own thread and is dropped."""
        with self._lock:
            self._closed = True
        self._worker.shutdown(wait=False, cancel_futures=True)

    # -- on the worker thread ---------------------------------------------------------
    def _request(self, name: str, read: Callable[[], None]) -> None:
        with self._lock:
            if self._closed or name in self._asked:
                return
            self._asked.add(name)
        try:
            self._worker.submit(self._run, name, read)
        except RuntimeError:  # shut down meanwhile
            with self._lock:
                self._asked.discard(name)

    def _run(self, name: str, read: Callable[[], None]) -> None:
        with self._lock:
            self._asked.discard(name)  # a change from now on asks for a new read
            if self._closed:
                return
        try:
            read()
        except Exception:  # say nothing rather than something wrong; the next read may work
            log.exception("the tray's %s read failed", name)

    def _read_counts(self) -> None:
        pending = self._store.pending_count()
        conflicts = len(self._store.conflicts())
        self._emit(self.counts_ready, pending, conflicts)

    def _read_queue(self) -> None:
        since, tracked = self._tracker.looking_for()
        progress = self._tracker.advance(read_snapshot(self._store, since, tracked))
        for batch_id, count in (progress.failed or {}).items():
            examples = failed_files(self._store, batch_id, min(count, EXAMPLES_PER_BATCH))
            self._emit(self.files_failed, NewFailures(batch_id, count, examples))
        for batch in progress.finished:
            outcome = outcome_of(batch, client_names(self._store, batch.client_ids))
            self._emit(self.batch_finished, outcome)

    def _emit(self, signal: SignalInstance, *args: object) -> None:
        with self._lock:
            if self._closed:
                return
        with contextlib.suppress(RuntimeError):  # this object was deleted meanwhile
            signal.emit(*args)
