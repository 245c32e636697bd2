"""The sync scheduler seen from the window: Qt signals for its state and reports.

The scheduler runs on the asyncio loop that qasync drives on the GUI thread,
so its callbacks arrive on the GUI thread and become signals directly.
Store notices of queued edits wake it (debounced by the scheduler). How often
it syncs on its own is the ``sync/intervalMinutes`` setting (``ui.sync_interval``),
read when the controller is built and changed by the settings dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, Signal

from advisoros_desktop.sync.account import Account
from advisoros_desktop.sync.connectivity import SyncScheduler, SyncState
from advisoros_desktop.sync.report import SyncReport
from advisoros_desktop.ui.sync_interval import load_sync_interval


class SyncController(QObject):
    state_changed = Signal(str, str)  # state, message
    report_ready = Signal(object)  # SyncReport

    def __init__(
        self, account: Account, parent: QObject | None = None, *, settings: QSettings | None = None
    ) -> None:
        super().__init__(parent)
        self.account = account
        self.scheduler = SyncScheduler(
            account.engine.sync_once,
            on_state=self._state,
            on_report=self._report,
        )
        if settings is not None:
            self.scheduler.interval_seconds = 60.0 * load_sync_interval(settings)
        self._unsubscribe: Callable[[], None] | None = account.store.subscribe(
            self.scheduler.local_change
        )

    @property
    def state(self) -> str:
        return str(self.scheduler.state)

    @property
    def message(self) -> str:
        return self.scheduler.message

    def start(self) -> None:
        self.scheduler.start()

    def sync_now(self) -> None:
        self.scheduler.sync_now()

    @property
    def interval_minutes(self) -> float:
        return self.scheduler.interval_seconds / 60.0

    def set_interval_minutes(self, minutes: int) -> None:
        """Sync on its own every ``minutes`` from now on.

        The wait under way was timed with the old interval; when the new one is
        shorter, a sync now starts the new rhythm instead of waiting that out.
        """
        shorter = minutes * 60.0 < self.scheduler.interval_seconds
        self.scheduler.interval_seconds = minutes * 60.0
        if shorter:
            self.scheduler.sync_now()

    def toggle_pause(self) -> None:
        if self.scheduler.state is SyncState.PAUSED:
            self.scheduler.resume()
        else:
            self.scheduler.pause()

    async def stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        await self.scheduler.stop()

    def _state(self, state: SyncState, message: str) -> None:
        self.state_changed.emit(str(state), message)

    def _report(self, report: SyncReport) -> None:
        self.report_ready.emit(report)
