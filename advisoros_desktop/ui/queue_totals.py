"""The upload queue's totals, counted on a worker thread and handed to the GUI thread.

``UploadQueue.totals`` is a ``GROUP BY`` over the whole queue: with 10,000
files, and hashing workers and the uploader writing at the same time, it is
too slow for the GUI thread, which must never stall. One reader serves the
status bar's progress line and the Intake view: a request made while a read
is running asks for one more read when it ends, never a pile of them, and
the result arrives as a queued signal.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QObject, Signal, Slot

from advisoros_desktop.store.upload_queue import QueueTotals

log = logging.getLogger(__name__)

BUSY_STATES = ("hashing", "waiting", "uploading")


def files_on_their_way(totals: QueueTotals) -> int:
    """Files still being checked or sent (those a person need not do anything for)."""
    return sum(totals.files.get(state, 0) for state in BUSY_STATES)


class QueueTotalsReader(QObject):
    """``request()`` on the GUI thread; ``ready(QueueTotals)`` back on it once counted."""

    ready = Signal(object)  # QueueTotals
    _read = Signal(object)  # QueueTotals or None, emitted on the worker thread

    def __init__(self, count: Callable[[], QueueTotals], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._count = count
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="queue-totals")
        self._busy = False
        self._again = False
        self._closed = False
        self.latest: QueueTotals | None = None  # the last totals read, None before the first
        self._read.connect(self._deliver)

    def request(self) -> None:
        """Count the totals again (soon, off this thread); ``ready`` says the result."""
        if self._closed:
            return
        if self._busy:
            self._again = True
            return
        self._busy = True
        try:
            future = self._worker.submit(self._count)
        except RuntimeError:  # shut down meanwhile
            self._busy = False
            return
        future.add_done_callback(self._counted)

    def close(self) -> None:
        """Read no more; a read under way finishes on its own thread and is dropped."""
        self._closed = True
        self._worker.shutdown(wait=False, cancel_futures=True)

    def _counted(self, future: Future[QueueTotals]) -> None:
        # On the worker thread: only a signal crosses to the GUI thread.
        totals: QueueTotals | None = None
        if not future.cancelled():
            try:
                totals = future.result()
            except Exception:  # say nothing new rather than something wrong
                log.exception("counting the upload queue's totals failed")
        with contextlib.suppress(RuntimeError):  # the reader was deleted meanwhile
            self._read.emit(totals)

    @Slot(object)
    def _deliver(self, totals: QueueTotals | None) -> None:
        self._busy = False
        if self._closed:
            return
        if self._again:
            self._again = False
            self.request()
        if totals is not None:
            self.latest = totals
            self.ready.emit(totals)
