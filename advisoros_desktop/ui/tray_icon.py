"""The tray icon: sync and intake state at a glance, a small menu, and notifications.

An accountant leaves AdvisorOS running behind other programs while scans
upload and edits sync; the tray is where they see that it is still working
(or needs them) without opening it. ``TrayIcon`` holds the state, the menu and
the notifications, and can be driven by tests; the ``QSystemTrayIcon`` is a
thin view made only where the platform has a tray (none offscreen).

The menu reuses the window's actions where a command exists ("Sync now",
"Quit"), so titles and enabled states are those of the window's menus. Its
pause/resume entry shows whichever of the window's "Pause all uploads" and
"Resume all uploads" applies, and runs it.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import replace
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from advisoros_desktop.store.transaction import ChangeSet
from advisoros_desktop.store.upload_queue import QueueTotals
from advisoros_desktop.ui.notifications import Notice, Notifier
from advisoros_desktop.ui.queue_totals import files_on_their_way
from advisoros_desktop.ui.tray_badges import state_icon
from advisoros_desktop.ui.tray_readings import TrayReadings
from advisoros_desktop.ui.tray_state import PAUSE_UPLOADS, TrayFacts, intake_toggle, tray_state
from advisoros_desktop.ui.tray_texts import tooltip

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from advisoros_desktop.ui.command_actions import CommandActions
    from advisoros_desktop.ui.intake_controller import IntakeController
    from advisoros_desktop.ui.main_window import MainWindow
    from advisoros_desktop.ui.sync_controller import SyncController

log = logging.getLogger(__name__)

NOTICE_SHOWN_MS = 10_000  # how long a notification stays where the platform lets us say


class TrayIcon(QObject):
    """The tray's state, menu and notifications for one main window."""

    state_changed = Signal(str)  # a TrayState value

    def __init__(
        self,
        window: MainWindow,
        settings: QSettings,
        *,
        notify: Callable[[Notice], None] | None = None,
        system_tray: bool | None = None,
        pacing: Mapping[str, tuple[int, int]] | None = None,
    ) -> None:
        """``notify`` shows a notice (the tray's own by default); ``system_tray`` forces the
        platform's tray icon on or off (default: when the platform has a tray); ``pacing``
        overrides the notifications' (gather ms, gap ms) per kind (see ``Notifier``)."""
        super().__init__(window)
        self.window = window
        # The window's CommandActions (``QWidget.actions()`` is what the name hides).
        self.actions: CommandActions = cast("CommandActions", window.actions)
        self.facts = TrayFacts(
            sync_state=window.context.sync.state if window.context.sync else "online"
        )
        self.state = tray_state(self.facts)
        self.icon: QIcon = state_icon(self.state)
        self.tooltip = tooltip(self.facts)
        self.last_notice: Notice | None = None
        self._closed = False
        self._intake: IntakeController | None = None
        self._intake_command = PAUSE_UPLOADS
        self.readings = TrayReadings(window.store, self)
        self._notify = notify or self.show_notice
        self.notifier = Notifier(settings, self._deliver, self.window_shows, self, pacing=pacing)
        self.readings.counts_ready.connect(self._counted)
        self.readings.files_failed.connect(self.notifier.files_failed)
        self.readings.batch_finished.connect(self.notifier.batch_finished)
        self._build_menu()
        if system_tray is None:
            system_tray = QSystemTrayIcon.isSystemTrayAvailable()
        self.system_tray: QSystemTrayIcon | None = None
        if system_tray:
            self._build_system_tray()
        window.notices.changed.connect(self._store_changed)
        window.closing.connect(self.close)
        self.readings.request_counts()

    # -- what feeds it ------------------------------------------------------------------
    def attach_sync(self, controller: SyncController) -> None:
        controller.state_changed.connect(self._sync_state)
        controller.report_ready.connect(lambda _report: self.readings.request_counts())
        self._sync_state(controller.state, controller.message)

    def attach_intake(self, controller: IntakeController) -> None:
        self._intake = controller
        controller.totals.ready.connect(self._totals)
        controller.queue_changed.connect(self.readings.request_queue)
        if controller.totals.latest is not None:
            self._totals(controller.totals.latest)
        self.readings.request_queue()  # the first look learns what is there already
        self._update_intake_action()

    def _sync_state(self, state: str, message: str) -> None:
        self._set_facts(replace(self.facts, sync_state=str(state), sync_message=message))

    @Slot(int, int)  # from the readings' worker thread, queued
    def _counted(self, pending: int, conflicts: int) -> None:
        self._set_facts(replace(self.facts, pending=pending, conflicts=conflicts))
        self.notifier.conflicts_counted(conflicts)

    def _totals(self, totals: QueueTotals) -> None:
        files = totals.files
        self._set_facts(
            replace(
                self.facts,
                uploads_on_their_way=files_on_their_way(totals),
                uploads_paused=files.get("paused", 0),
                uploads_failed=files.get("failed", 0),
                unsorted=files.get("unsorted", 0),
            )
        )

    def _store_changed(self, changes: ChangeSet) -> None:
        if changes.outbox or changes.conflicts:
            self.readings.request_counts()

    def _set_facts(self, facts: TrayFacts) -> None:
        if facts == self.facts or self._closed:
            return
        self.facts = facts
        state = tray_state(facts)
        if state != self.state:
            self.state = state
            self.icon = state_icon(state)
            if self.system_tray is not None:
                self.system_tray.setIcon(self.icon)
            self.state_changed.emit(str(state))
        text = tooltip(facts)
        if text != self.tooltip:
            self.tooltip = text
            if self.system_tray is not None:
                self.system_tray.setToolTip(text)
        self._update_intake_action()

    # -- the menu -------------------------------------------------------------------------
    def _build_menu(self) -> None:
        actions = self.actions
        self.menu = QMenu()  # a tray menu belongs to no window
        self.menu.setObjectName("trayMenu")
        self.open_action = QAction(self.tr("Open AdvisorOS"), self)
        self.open_action.setObjectName("tray.open")
        font = self.open_action.font()
        font.setBold(True)  # what clicking the icon does, as platforms mark a default
        self.open_action.setFont(font)
        self.open_action.triggered.connect(lambda: self.open_window())
        self.intake_action = QAction(self)
        self.intake_action.setObjectName("tray.intake")
        self.intake_action.triggered.connect(lambda: actions.run(self._intake_command))
        self.sync_action = actions.action("sync.now")
        self.quit_action = actions.action("app.quit")
        self.menu.addAction(self.open_action)
        self.menu.addSeparator()
        self.menu.addAction(self.intake_action)
        self.menu.addAction(self.sync_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        for command in ("intake.pause_all", "intake.resume_all"):
            actions.action(command).changed.connect(self._update_intake_action)
        self.menu.aboutToShow.connect(self.refresh_menu)
        self._update_intake_action()

    def refresh_menu(self) -> None:
        """Bring every entry's enabled state up to date (done as the menu opens)."""
        self.actions.update_enabled()
        self._update_intake_action()

    def _update_intake_action(self) -> None:
        command, has_files = intake_toggle(self.facts)
        source = self.actions.action(command)
        self._intake_command = command
        self.intake_action.setText(source.text())
        self.intake_action.setIcon(source.icon())
        self.intake_action.setEnabled(self._intake is not None and has_files and source.isEnabled())

    # -- the window -----------------------------------------------------------------------
    def open_window(self, view: str | None = None) -> None:
        """Bring the window up (restored if minimised, on top, focused), at ``view`` if given."""
        window = self.window
        window.setWindowState(
            (window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive
        )
        window.show()
        window.raise_()
        window.activateWindow()
        if view:
            window.show_view(view)

    def window_shows(self, view: str) -> bool:
        """Whether the window is active and shows ``view`` (``""``: any view)."""
        window = self.window
        if not window.isVisible() or window.isMinimized() or not window.isActiveWindow():
            return False
        return not view or window.current_view_name() == view

    # -- the platform's tray ------------------------------------------------------------
    def _build_system_tray(self) -> None:
        tray = QSystemTrayIcon(self.icon, self)
        tray.setToolTip(self.tooltip)
        tray.setContextMenu(self.menu)
        tray.activated.connect(self._activated)
        tray.messageClicked.connect(self._message_clicked)
        tray.show()
        self.system_tray = tray

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        # On macOS a click opens the menu, as menu-bar extras do; elsewhere it opens the window.
        click = reason == QSystemTrayIcon.ActivationReason.Trigger and sys.platform != "darwin"
        if click or reason == QSystemTrayIcon.ActivationReason.DoubleClick:
            self.open_window()

    def _message_clicked(self) -> None:
        self.open_window(self.last_notice.view if self.last_notice is not None else None)

    def _deliver(self, notice: Notice) -> None:
        self.last_notice = notice  # a click on it opens the view it is about
        self._notify(notice)

    def show_notice(self, notice: Notice) -> None:
        """Show a notification the platform's way (nothing without a tray: it needs one)."""
        if self.system_tray is None or not QSystemTrayIcon.supportsMessages():
            log.info("notification not shown (no system tray): %s — %s", notice.title, notice.text)
            return
        icon = (
            QSystemTrayIcon.MessageIcon.Warning
            if notice.warning
            else QSystemTrayIcon.MessageIcon.Information
        )
        self.system_tray.showMessage(notice.title, notice.text, icon, NOTICE_SHOWN_MS)

    def close(self) -> None:
        """Stop reading and take the icon off the tray (a left icon lingers on Windows)."""
        if self._closed:
            return
        self._closed = True
        self.readings.close()
        if self.system_tray is not None:
            self.system_tray.hide()
        self.menu.deleteLater()


def attach_tray(
    window: MainWindow,
    sync_controller: SyncController | None,
    intake_controller: IntakeController | None,
    settings: QSettings,
) -> TrayIcon:
    """The tray icon for ``window``, fed by whichever controllers are running.

    Call it once both are made (after ``window.attach_sync`` and, when intake
    started, ``window.attach_intake``); the icon lives and goes with the window.
    """
    tray = TrayIcon(window, settings)
    if sync_controller is not None:
        tray.attach_sync(sync_controller)
    if intake_controller is not None:
        tray.attach_intake(intake_controller)
    return tray
