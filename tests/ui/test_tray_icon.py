"""The tray on a real window and cache: state, tooltip, menu, and notifications from real events."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.store.upload_queue import NewUpload
from advisoros_desktop.ui.intake_controller import IntakeController
from advisoros_desktop.ui.intake_settings import IntakeSettings
from advisoros_desktop.ui.notifications import (
    BATCH_FINISHED,
    CONFLICTS,
    INTAKE_FAILURES,
    NOTIFICATION_SETTINGS,
    Notice,
    NotificationSettings,
)
from advisoros_desktop.ui.sync_controller import SyncController
from advisoros_desktop.ui.tray_badges import state_icon
from advisoros_desktop.ui.tray_icon import TrayIcon, attach_tray
from advisoros_desktop.ui.tray_state import TrayState
from tests.ui.desktop_fixture import Desktop
from tests.ui.window_tour import make_conflict

PACING = {key: (30, 300) for key, _label in NOTIFICATION_SETTINGS}


@pytest.fixture
def sync(desktop: Desktop) -> Iterator[SyncController]:
    """A sync controller that is not started: the tests say what state it is in."""
    controller = SyncController(desktop.account, desktop.window)
    desktop.window.attach_sync(controller)
    yield controller
    desktop.loop.run_until_complete(controller.stop())


@pytest.fixture
def intake(desktop: Desktop) -> Iterator[IntakeController]:
    """An intake controller that is not started: no uploader takes the jobs the test adds."""
    window = desktop.window
    controller = IntakeController(
        desktop.account, IntakeSettings(window.context.settings), window.undo_stack, window
    )
    window.attach_intake(controller)
    yield controller
    desktop.loop.run_until_complete(controller.stop())


@pytest.fixture
def shown() -> list[Notice]:
    return []


@pytest.fixture
def tray(qtbot: QtBot, desktop: Desktop, shown: list[Notice]) -> Iterator[TrayIcon]:
    icon = TrayIcon(
        desktop.window, desktop.window.context.settings, notify=shown.append, pacing=PACING
    )
    # The first count is what was there before: wait for it, so what follows is news.
    qtbot.waitUntil(lambda: icon.notifier.last_conflict_count is not None)
    yield icon
    icon.close()


def _jobs(controller: IntakeController, count: int, client_id: str | None = None) -> list[str]:
    batch_id = new_id()
    return controller.queue.add(
        [
            NewUpload(
                path=f"/scans/{batch_id}/{n}.pdf",
                file_name=f"Scan {n}.pdf",
                size=1000,
                mtime_ns=1,
                source="watched_folder",
                batch_id=batch_id,
                state="waiting",
                sha256=f"{n:064x}",
                client_id=client_id,
            )
            for n in range(count)
        ]
    )


def _texts(tray: TrayIcon) -> list[str]:
    return [action.text() for action in tray.menu.actions()]


def test_state_icon_and_tooltip_follow_sync_and_the_changes_waiting(
    qtbot: QtBot, desktop: Desktop, sync: SyncController, tray: TrayIcon
) -> None:
    tray.attach_sync(sync)
    assert tray.state is TrayState.IDLE
    assert tray.tooltip == "AdvisorOS — Everything is sent"
    idle_icon = tray.icon
    with qtbot.waitSignal(tray.state_changed) as changed:
        sync.state_changed.emit("syncing", "")
    assert changed.args == ["syncing"]
    assert tray.tooltip == "AdvisorOS — Syncing" and tray.icon is not idle_icon
    sync.state_changed.emit("offline", "The server cannot be reached.")
    client = desktop.store.all("client")[0]
    desktop.store.update("client", client["id"], {"city": "Elsewhere"})
    qtbot.waitUntil(lambda: tray.facts.pending == 1)
    assert tray.state is TrayState.OFFLINE
    assert tray.tooltip == "AdvisorOS — Offline, 1 change waiting"
    sync.state_changed.emit("signed_out", "Sign in again to send your changes.")
    assert tray.state is TrayState.ATTENTION
    assert tray.tooltip.splitlines()[0] == "AdvisorOS — Sign in again to send your changes."
    sync.state_changed.emit("paused", "")
    assert tray.state is TrayState.PAUSED
    assert tray.tooltip == "AdvisorOS — Sync paused, 1 change waiting"


def test_a_real_conflict_asks_for_attention_and_is_notified_once(
    qtbot: QtBot, desktop: Desktop, tray: TrayIcon, shown: list[Notice]
) -> None:
    desktop.window.showMinimized()  # the accountant works in another program
    make_conflict(desktop, 2, leave_one_waiting=False)
    desktop.window.notices.flush()
    qtbot.waitUntil(lambda: tray.facts.conflicts == 1)
    assert tray.state is TrayState.ATTENTION
    assert tray.tooltip == "AdvisorOS — 1 conflict needs you"
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert shown[0].key == CONFLICTS and shown[0].view == "conflicts"
    desktop.sync()  # syncing again finds the same conflict: not news
    desktop.window.notices.flush()
    qtbot.wait(400)
    assert len(shown) == 1


def test_the_menu_reuses_the_windows_actions_and_offers_pause_or_resume(
    qtbot: QtBot, desktop: Desktop, tray: TrayIcon, intake: IntakeController
) -> None:
    actions = desktop.window.actions
    assert _texts(tray) == ["Open AdvisorOS", "", "Pause all uploads", "Sync now", "", "Quit"]
    assert tray.sync_action is actions.action("sync.now")
    assert tray.quit_action is actions.action("app.quit")
    assert not tray.intake_action.isEnabled()  # no intake yet
    tray.attach_intake(intake)
    assert not tray.intake_action.isEnabled()  # nothing to pause
    ids = _jobs(intake, 2)
    qtbot.waitUntil(lambda: tray.intake_action.isEnabled())
    assert tray.intake_action.text() == "Pause all uploads"
    assert tray.state is TrayState.SYNCING
    assert "Uploading 2 files" in tray.tooltip
    tray.intake_action.trigger()
    qtbot.waitUntil(lambda: tray.intake_action.text() == "Resume all uploads")
    assert tray.intake_action.isEnabled()
    assert {intake.queue.get(i).state for i in ids} == {"paused"}  # type: ignore[union-attr]
    assert tray.state is TrayState.IDLE and "2 uploads paused" in tray.tooltip
    tray.intake_action.trigger()
    qtbot.waitUntil(lambda: tray.intake_action.text() == "Pause all uploads")
    assert {intake.queue.get(i).state for i in ids} == {"waiting"}  # type: ignore[union-attr]


def test_the_intake_entry_follows_the_windows_enabled_state(
    qtbot: QtBot, desktop: Desktop, tray: TrayIcon, intake: IntakeController
) -> None:
    tray.attach_intake(intake)
    _jobs(intake, 1)
    qtbot.waitUntil(lambda: tray.intake_action.isEnabled())
    desktop.window.actions.action("intake.pause_all").setEnabled(False)
    assert not tray.intake_action.isEnabled()
    tray.refresh_menu()  # as the menu opens: the window's predicates decide again
    assert tray.intake_action.isEnabled()


def test_a_finished_batch_and_a_failed_file_are_notified_from_the_real_queue(
    qtbot: QtBot, desktop: Desktop, tray: TrayIcon, intake: IntakeController, shown: list[Notice]
) -> None:
    tray.attach_intake(intake)
    desktop.window.showMinimized()
    client = desktop.store.all("client")[0]
    ids = _jobs(intake, 3, client_id=client["id"])
    qtbot.waitUntil(lambda: tray.facts.uploads_on_their_way == 3)
    intake.queue.set_state(ids[:1], "failed", reason="The file is locked. Close it and retry.")
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert shown[0].key == INTAKE_FAILURES
    assert shown[0].text == "Scan 0.pdf: The file is locked. Retry it in Intake."
    assert tray.state is TrayState.ATTENTION
    intake.queue.set_state(ids[1:], "done")
    qtbot.waitUntil(lambda: len(shown) == 2)
    notice = shown[1]
    assert notice.key == BATCH_FINISHED and notice.warning
    assert notice.text == (
        f"2 files added to {client['businessName']}. 1 could not be added. Retry them in Intake."
    )


def test_switched_off_kinds_are_not_notified(
    qtbot: QtBot, desktop: Desktop, tray: TrayIcon, intake: IntakeController, shown: list[Notice]
) -> None:
    settings = NotificationSettings(desktop.window.context.settings)
    settings.set_enabled(BATCH_FINISHED, False)
    settings.set_enabled(INTAKE_FAILURES, False)
    tray.attach_intake(intake)
    desktop.window.showMinimized()
    ids = _jobs(intake, 2)
    qtbot.waitUntil(lambda: tray.facts.uploads_on_their_way == 2)
    intake.queue.set_state(ids[:1], "failed", reason="Too large.")
    intake.queue.set_state(ids[1:], "done")
    qtbot.waitUntil(lambda: tray.facts.uploads_failed == 1)
    qtbot.wait(500)
    assert shown == []


def test_a_finished_batch_is_not_notified_while_the_window_is_active(
    qtbot: QtBot, desktop: Desktop, tray: TrayIcon, intake: IntakeController, shown: list[Notice]
) -> None:
    tray.attach_intake(intake)
    assert tray.window_shows("")
    ids = _jobs(intake, 1)
    qtbot.waitUntil(lambda: tray.facts.uploads_on_their_way == 1)
    intake.queue.set_state(ids, "done")
    qtbot.waitUntil(lambda: tray.facts.uploads_on_their_way == 0)
    qtbot.wait(500)
    assert shown == []


@pytest.mark.qt_log_ignore("does not support raise")
def test_open_restores_a_minimised_window_at_the_view_a_notice_is_about(
    qtbot: QtBot, desktop: Desktop, tray: TrayIcon
) -> None:
    window = desktop.window
    window.showMinimized()
    assert not tray.window_shows("")
    tray.open_action.trigger()
    qtbot.waitUntil(lambda: not window.isMinimized())
    assert window.isVisible() and tray.window_shows("clients")
    tray.open_window("conflicts")
    assert window.current_view_name() == "conflicts"


@pytest.mark.qt_log_ignore("does not support raise", "systemTrayWindowChanged")
def test_the_platform_tray_mirrors_the_state_and_clicks_open_the_window(
    qtbot: QtBot, desktop: Desktop, shown: list[Notice]
) -> None:
    window = desktop.window
    tray = TrayIcon(window, window.context.settings, system_tray=True, pacing=PACING)
    try:
        system = tray.system_tray
        assert system is not None and system.contextMenu() is tray.menu
        assert system.toolTip() == tray.tooltip
        sync = SyncController(desktop.account, window)
        tray.attach_sync(sync)
        sync.state_changed.emit("offline", "")
        assert (
            system.toolTip()
            == tray.tooltip
            == ("AdvisorOS — Offline; your changes are kept and sent later")
        )
        window.showMinimized()
        system.activated.emit(QSystemTrayIcon.ActivationReason.DoubleClick)
        qtbot.waitUntil(lambda: not window.isMinimized())
        tray.last_notice = Notice(CONFLICTS, "A change needs your decision", "", "conflicts")
        system.messageClicked.emit()
        assert window.current_view_name() == "conflicts"
        desktop.loop.run_until_complete(sync.stop())
    finally:
        tray.close()
    assert not system.isVisible()


def test_attach_tray_feeds_the_tray_from_both_controllers_and_closes_with_the_window(
    qtbot: QtBot, desktop: Desktop, sync: SyncController, intake: IntakeController
) -> None:
    window = desktop.window
    tray = attach_tray(window, sync, intake, window.context.settings)
    assert tray.system_tray is None  # offscreen has no tray; the rest works
    sync.state_changed.emit("syncing", "")
    assert tray.state is TrayState.SYNCING
    _jobs(intake, 1)
    qtbot.waitUntil(lambda: tray.intake_action.isEnabled())
    window.close()
    assert tray.readings.closed  # reads nothing more once the window has gone


def test_each_state_has_its_own_picture_and_the_menu_renders(
    qtbot: QtBot, tray: TrayIcon, tmp_path: Path
) -> None:
    images = {}
    for state in TrayState:
        image = state_icon(state).pixmap(QSize(22, 22)).toImage()
        assert not image.isNull()
        image.save(str(tmp_path / f"tray-{state}.png"))
        images[state] = image.convertToFormat(QImage.Format.Format_ARGB32)
    assert len({bytes(image.constBits()) for image in images.values()}) == len(TrayState)
    tray.menu.adjustSize()
    grabbed = tray.menu.grab()
    assert not grabbed.isNull() and grabbed.width() > 100
    assert grabbed.save(str(tmp_path / "tray-menu.png"))
