"""The status bar's intake line: "Uploading 12 of 40 files — about 2 min left".

Fed with the queue's totals (one aggregate query, counted off the GUI thread
by the controller's ``totals`` reader) each time the queue changed, which is
at most four times a second. The count is of
this run of work: files finished before it started are not counted, so a
queue that still lists last week's uploads reads "1 of 3", not "5,001 of
5,003". The time left comes from the bytes the server confirmed over the
last half minute; with too little to go on, nothing is promised.
"""

from __future__ import annotations

import time
from collections import deque

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from advisoros_desktop.store.upload_queue import FINISHED, QueueTotals
from advisoros_desktop.ui.counted_text import count_text, counted

RATE_WINDOW_SECONDS = 30.0
MIN_RATE_SPAN_SECONDS = 3.0


FILES = (
    QT_TRANSLATE_NOOP("IntakeProgress", "{n} file"),
    QT_TRANSLATE_NOOP("IntakeProgress", "{n} files"),
)
NEED_A_CLIENT = (
    QT_TRANSLATE_NOOP("IntakeProgress", "{n} file needs a client (Intake)"),
    QT_TRANSLATE_NOOP("IntakeProgress", "{n} files need a client (Intake)"),
)
PAUSED = (
    QT_TRANSLATE_NOOP("IntakeProgress", "{n} file paused (Intake)"),
    QT_TRANSLATE_NOOP("IntakeProgress", "{n} files paused (Intake)"),
)


def _files(count: int) -> str:
    return counted("IntakeProgress", FILES, count)


def time_left_text(seconds: float) -> str:
    if seconds < 60:
        return QCoreApplication.translate("IntakeProgress", "less than a minute left")
    minutes = round(seconds / 60)
    if minutes < 60:
        return QCoreApplication.translate("IntakeProgress", "about {m} min left").format(m=minutes)
    hours, minutes = divmod(minutes, 60)
    if minutes:
        return QCoreApplication.translate("IntakeProgress", "about {h} h {m} min left").format(
            h=hours, m=minutes
        )
    return QCoreApplication.translate("IntakeProgress", "about {h} h left").format(h=hours)


class IntakeProgress(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intakeProgress")
        self.setContentsMargins(16, 0, 4, 0)  # apart from the sync state beside it
        self.setToolTip(self.tr("Files being added; Ctrl+6 shows the upload queue"))
        self._baseline: int | None = None  # finished jobs when this run of work began
        self._samples: deque[tuple[float, int]] = deque()
        self.hide()

    def show_totals(self, totals: QueueTotals, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        files = totals.files
        finished = sum(files.get(state, 0) for state in FINISHED)
        hashing, waiting, uploading = (files.get(s, 0) for s in ("hashing", "waiting", "uploading"))
        busy = hashing + waiting + uploading
        if not busy:
            self._baseline = None
            self._samples.clear()
            self._show(self._idle_text(files))
            return
        if self._baseline is None:
            self._baseline = finished
        finished_now = max(0, finished - self._baseline)
        total = finished_now + busy
        if not (waiting or uploading):
            text = self.tr("Checking {files}").format(files=_files(hashing))
        else:
            current = min(total, finished_now + max(1, uploading))
            text = self.tr("Uploading {current} of {files}").format(
                current=count_text(current), files=_files(total)
            )
        left = self._seconds_left(totals, now)
        self._show(text if left is None else f"{text} — {time_left_text(left)}")

    def _idle_text(self, files: dict[str, int]) -> str:
        unsorted, paused = files.get("unsorted", 0), files.get("paused", 0)
        if unsorted:
            return counted("IntakeProgress", NEED_A_CLIENT, unsorted)
        if paused:
            return counted("IntakeProgress", PAUSED, paused)
        return ""

    def _seconds_left(self, totals: QueueTotals, now: float) -> float | None:
        self._samples.append((now, totals.bytes_done))
        # Keep one sample from before the window as its start, so a quiet spell does
        # not leave a single sample and no rate at all.
        while len(self._samples) > 2 and now - self._samples[1][0] > RATE_WINDOW_SECONDS:
            self._samples.popleft()
        first_time, first_bytes = self._samples[0]
        span = now - first_time
        sent = totals.bytes_done - first_bytes
        remaining = totals.bytes_total - totals.bytes_done
        if span < MIN_RATE_SPAN_SECONDS or sent <= 0 or remaining <= 0:
            return None
        return remaining / (sent / span)

    def _show(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))
