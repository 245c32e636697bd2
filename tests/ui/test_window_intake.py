"""The window's intake line and its hold on the palette follow the queue's totals.

The totals are counted off the GUI thread by the intake controller; the
window only shows them. While files are on their way, the palette's
re-indexing waits and the tables refresh once a second; when the last file
is sent, both catch up at once.
"""

from __future__ import annotations

from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from advisoros_desktop.store.upload_queue import QueueTotals
from advisoros_desktop.ui.intake_controller import IntakeController
from advisoros_desktop.ui.main_window import NOTICE_INTERVAL_MS, SLOW_NOTICE_INTERVAL_MS
from tests.ui.desktop_fixture import Desktop
from tests.ui.window_intake_fixture import intake_fixture

__all__ = ["intake_fixture"]  # fixtures


def test_totals_show_in_the_status_bar_and_hold_the_palette_while_files_go(
    qtbot: QtBot, desktop: Desktop, intake: IntakeController
) -> None:
    window = desktop.window
    assert window.intake_ui is not None
    progress = window.intake_ui.progress
    intake.totals.ready.emit(QueueTotals({"waiting": 3, "uploading": 2, "done": 7}, 500, 0))
    assert progress.text() == "Uploading 2 of 5 files"
    assert window.palette_updates.holds("uploads")
    assert window.notices._timer.interval() == SLOW_NOTICE_INTERVAL_MS
    intake.totals.ready.emit(QueueTotals({"done": 12}, 500, 500))
    assert progress.isHidden()
    assert not window.palette_updates.held
    assert window.notices._timer.interval() == NOTICE_INTERVAL_MS


def test_the_queue_is_counted_off_the_gui_thread_when_it_changes(
    qtbot: QtBot, desktop: Desktop, intake: IntakeController
) -> None:
    counted_on: list[QThread] = []
    count = intake.queue.totals

    def watched() -> QueueTotals:
        counted_on.append(QThread.currentThread())
        return count()

    intake.totals._count = watched
    seen: list[QueueTotals] = []
    intake.totals.ready.connect(seen.append)
    intake.queue_changed.emit()
    # A count begun before (the controller's start) may answer first; then this one.
    qtbot.waitUntil(lambda: bool(counted_on) and not intake.totals._busy, timeout=10_000)
    assert seen and intake.totals.latest is seen[-1]
    assert counted_on[0] is not desktop.window.thread()
