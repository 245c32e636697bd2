"""Python's garbage collection, run on the GUI thread only, and in full only at rest.

Left to itself, Python collects on whichever thread happens to allocate when
a threshold is crossed: a sync's page writer, the palette's indexing thread,
an upload worker. Two things go wrong with that in a Qt program:

- A collection frees Qt objects held in reference cycles (fonts, brushes,
  pixmaps, text documents) on that worker thread, while the GUI thread may be
  drawing with Qt's caches those objects touch; Qt does not allow it, and it
  can crash the program. Collected on the GUI thread, they go where they
  were used.
- A full collection walks every object the program holds, keeping Python's
  lock all along: with a firm's records loaded it took 70–250 ms, two or
  three times during a first sync and again during a large drop, and the
  window froze for all of it, whichever thread collected.

So automatic collection is switched off and a timer on the GUI thread does
the same work: the young generations whenever Python's own thresholds say so
(a few milliseconds at most, since they hold only what is new), and the full
collection only at rest: when the person has switched to another program, or
when no sync or intake is running and the last one is long past. A long busy
stretch still gets its full collection once an hour, so memory held in
cycles cannot grow without end. Objects freed by their reference count (most
of them) are freed at once, as always; only cycles wait for the timer.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:
    from advisoros_desktop.ui.intake_controller import IntakeController
    from advisoros_desktop.ui.sync_controller import SyncController

log = logging.getLogger(__name__)

# How often the young generations are looked at: the work they hold never grows large.
CHECK_EVERY_MS = 20
# A full collection is never closer than this to the previous one...
FULL_AT_MOST_EVERY_SECONDS = 60.0
# ...happens at rest (nothing busy) once this long has passed...
FULL_AT_REST_AFTER_SECONDS = 600.0
# ...and happens anyway after this long, busy or not.
FULL_AT_LEAST_EVERY_SECONDS = 3600.0
# A full collection this long is worth a line in the log.
SLOW_FULL_SECONDS = 0.05


class GuiThreadCollector(QObject):
    """Collects garbage from a timer on the thread it lives on (the GUI's)."""

    def __init__(
        self,
        busy: Callable[[], bool] = lambda: False,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        app_active: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self._busy = busy
        self._clock = clock
        self._app_active = app_active or _application_active
        self._last_full = clock()
        self._was_enabled = gc.isenabled()
        self.full_collections = 0
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        """Take over from Python's automatic collection."""
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Give collection back to Python, as it was before ``start``."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()

    @Slot()
    def check(self) -> None:
        """Collect what Python would have collected by now, the full collection only when due."""
        young, middle, _old = gc.get_threshold()
        count0, count1, count2 = gc.get_count()
        if self._full_due(count2):
            self.collect_fully()
        elif count1 > middle:
            gc.collect(1)
        elif count0 > young:
            gc.collect(0)

    def collect_fully(self) -> None:
        started = time.perf_counter()
        gc.collect()
        took = time.perf_counter() - started
        self._last_full = self._clock()
        self.full_collections += 1
        if took >= SLOW_FULL_SECONDS:
            log.info("full garbage collection took %.0f ms", took * 1000)

    def _full_due(self, older_collections: int) -> bool:
        # Python's own rule: a full collection after every so many middle ones.
        if older_collections <= gc.get_threshold()[2]:
            return False
        since = self._clock() - self._last_full
        if since < FULL_AT_MOST_EVERY_SECONDS:
            return False
        if since >= FULL_AT_LEAST_EVERY_SECONDS:
            return True
        if self._busy():
            return False
        return not self._app_active() or since >= FULL_AT_REST_AFTER_SECONDS


def _application_active() -> bool:
    app = QGuiApplication.instance()
    if app is None:
        return False
    return QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive


def sync_or_intake_busy(
    sync: Callable[[], SyncController | None], intake: Callable[[], IntakeController | None]
) -> Callable[[], bool]:
    """Busy while a sync cycle runs or files are on their way (each looked up when asked)."""

    def busy() -> bool:
        controller, uploads = sync(), intake()
        return (controller is not None and controller.state == "syncing") or (
            uploads is not None and uploads.uploads_under_way
        )

    return busy
