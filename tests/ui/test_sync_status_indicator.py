"""The status-bar sync indicator: words per state, counts, throttled updates, keyboard."""

from __future__ import annotations

import datetime as dt
import time

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QStatusBar
from pytestqt.qtbot import QtBot

from advisoros_desktop.sync.connectivity import SyncState
from advisoros_desktop.ui.sync_status_indicator import (
    CLOCK_INTERVAL_MS,
    SyncStatusIndicator,
    last_sync_text,
)

NOW = dt.datetime(2026, 3, 10, 15, 0, tzinfo=dt.UTC)


def indicator(qtbot: QtBot) -> SyncStatusIndicator:
    widget = SyncStatusIndicator(now=lambda: NOW)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_each_state_in_words(qtbot: QtBot) -> None:
    widget = indicator(qtbot)
    expected = {
        SyncState.ONLINE: ("Online", ""),
        SyncState.SYNCING: ("Syncing…", ""),
        SyncState.OFFLINE: ("Offline", "Cannot reach the AdvisorOS server"),
        SyncState.SIGNED_OUT: ("Signed out", "Sign in to AdvisorOS to continue."),
        SyncState.PAUSED: ("Sync paused", ""),
    }
    messages = {
        SyncState.OFFLINE: "Cannot reach the AdvisorOS server at https://cpa.example.com/api/v1: "
        "connection refused (the server may be down, or this computer offline)",
        SyncState.SIGNED_OUT: "Sign in to AdvisorOS to continue.",
        SyncState.PAUSED: "Sync is paused.",
    }
    for state, (words, detail) in expected.items():
        widget.show_state(state, messages.get(state, ""))
        widget.flush()
        assert widget.state_label.text() == words
        assert widget.detail_label.isVisible() == bool(detail)
        assert widget.detail_label.text().startswith(detail)
        assert words in widget.accessibleName()
        if state in messages:
            assert widget.toolTip().startswith(messages[state])  # the whole message
    # Offline without a message still says what happens to the work.
    widget.show_state("offline", "")
    widget.flush()
    assert widget.detail_label.text() == "Your changes are kept and sent later."


def test_counts_and_last_sync(qtbot: QtBot) -> None:
    widget = indicator(qtbot)
    assert widget.last_sync_label.text() == "Never synced"
    assert not widget.counts_label.isVisible() and not widget.conflicts_button.isVisible()
    widget.show_counts(1, 0)
    widget.flush()
    assert widget.counts_label.text() == "1 change to send"
    widget.show_counts(1234, 2)
    widget.show_last_sync("2026-03-10T14:58:00.000Z")
    widget.flush()
    assert widget.counts_label.text() == "1,234 changes to send"
    assert widget.conflicts_button.isVisible() and widget.conflicts_button.text() == "2 conflicts"
    assert widget.last_sync_label.text() == "Synced 2 min ago"
    assert widget.accessibleName() == (
        "Sync status: Online. 1,234 changes to send. 2 conflicts. Synced 2 min ago"
    )
    with qtbot.waitSignal(widget.conflicts_clicked):
        qtbot.mouseClick(widget.conflicts_button, Qt.MouseButton.LeftButton)
    assert [last_sync_text(t, NOW) for t in ("2026-03-10T14:59:30Z", "2026-03-10T12:00:00Z")] == [
        "Synced just now",
        "Synced 3 h ago",
    ]
    assert last_sync_text("2026-03-01T12:00:00Z", NOW).startswith("Synced on Mar ")
    assert CLOCK_INTERVAL_MS == 30_000 and widget._clock.isActive()


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def test_bursts_are_throttled_to_ten_updates_a_second(qtbot: QtBot) -> None:
    widget = indicator(qtbot)
    counter = PaintCounter()
    widget.counts_label.installEventFilter(counter)
    qtbot.wait(50)
    shown_before, paints_before = widget.updates_shown, counter.paints
    started = time.monotonic()
    for n in range(1, 401):  # a sync draining the outbox, one notice per entry
        widget.show_counts(400 - n, 0)
        widget.show_state("syncing", "")
        QApplication.processEvents()
        time.sleep(0.001)
    elapsed = time.monotonic() - started
    qtbot.waitUntil(lambda: widget.counts_label.isHidden(), timeout=1000)  # the last value
    allowed = int(elapsed * 10) + 3
    assert widget.updates_shown - shown_before <= allowed
    assert counter.paints - paints_before <= allowed
    assert widget.state_label.text() == "Syncing…"


def test_keyboard_activation_and_focus(qtbot: QtBot) -> None:
    bar = QStatusBar()
    qtbot.addWidget(bar)
    widget = SyncStatusIndicator(now=lambda: NOW)
    bar.addPermanentWidget(widget)
    bar.resize(900, 28)
    bar.show()
    widget.show_state("offline", "Cannot reach the AdvisorOS server at https://cpa.example.com")
    widget.show_counts(3, 1)
    widget.show_last_sync("2026-03-10T14:58:00.000Z")
    widget.flush()
    widget.setFocus()
    assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
        with qtbot.waitSignal(widget.clicked):
            qtbot.keyClick(widget, key)
    with qtbot.waitSignal(widget.clicked):
        qtbot.mouseClick(widget.state_label, Qt.MouseButton.LeftButton)
    assert widget.accessibleName().startswith("Sync status: Offline.")
    qtbot.wait(20)  # the status bar lays out again
    bar.grab().save("/tmp/sync_status_indicator.png")
    for state in ("online", "syncing", "signed_out", "paused"):
        widget.show_state(state, "")
        widget.flush()
        qtbot.wait(20)
        assert widget.width() >= widget.sizeHint().width()  # nothing clipped
        bar.grab().save(f"/tmp/sync_status_indicator_{state}.png")
