"""The firm's review threshold in the settings, against a real embedded server.

Owners and administrators change it by typing a percentage; the server keeps
it and this computer's cache remembers it. Staff see it but cannot change
it: read-only when the cache knows their role, refused in the server's own
words when it does not yet. Offline, the cached value shows and editing waits
for a connection. A value out of bounds is explained and never sent.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from advisoros_desktop.store.firm_settings_state import recall_review_threshold
from advisoros_desktop.ui.settings_dialog import SettingsDialog
from advisoros_desktop.ui.settings_pages.review_page import (
    CONNECT_TO_CHANGE,
    NOT_AN_EDITOR,
    ReviewPage,
)
from advisoros_desktop.ui.sync_controller import SyncController
from tests.conftest import LiveServer
from tests.ui.settings_desk import (
    FIRM,
    Seat,
    firm,
    focused,
    open_dialog,
    seat_for,
    settings,
    sources_for,
)

__all__ = ["firm", "seat_for", "settings"]  # fixtures

SERVERS_REFUSAL = "Only the firm's owner or an administrator can change the firm's settings."


def review_dialog(
    qtbot: QtBot,
    settings: QSettings,
    tmp_path: Path,
    seat: Seat,
    controller: SyncController | None,
) -> tuple[SettingsDialog, ReviewPage]:
    dialog = open_dialog(qtbot, sources_for(settings, tmp_path, seat, sync=controller), "review")
    page = dialog.page("review")
    assert isinstance(page, ReviewPage)
    return dialog, page


def type_threshold(qtbot: QtBot, page: ReviewPage, text: str) -> None:
    field = page.field.edit
    assert focused() is field
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


@pytest.mark.parametrize("role", ["owner", "admin"])
def test_an_owner_or_admin_changes_the_firms_threshold(
    qtbot: QtBot,
    seat_for: Callable[..., Seat],
    settings: QSettings,
    tmp_path: Path,
    role: str,
) -> None:
    seat = seat_for(role)
    controller = SyncController(seat.account)
    dialog, page = review_dialog(qtbot, settings, tmp_path, seat, controller)
    assert page.field.edit.isEnabled()
    assert page.field.edit.text() == "90"
    assert page.role() == role

    type_threshold(qtbot, page, "85")

    assert seat.server_threshold() == pytest.approx(0.85)
    assert recall_review_threshold(seat.account.store) == pytest.approx(0.85)
    assert page.field.edit.text() == "85"
    assert "Saved" in page.access_note.text() and "85 %" in page.access_note.text()
    assert not page.refusal.isVisible()
    assert dialog.isVisible()  # Enter applied the value; it did not close the settings
    dialog.reject()


def test_staff_see_the_threshold_but_cannot_change_it(
    qtbot: QtBot, seat_for: Callable[..., Seat], settings: QSettings, tmp_path: Path
) -> None:
    seat = seat_for("staff")
    _dialog, page = review_dialog(qtbot, settings, tmp_path, seat, SyncController(seat.account))
    assert page.role() == "staff"
    assert page.field.edit.text() == "90"
    assert not page.field.edit.isEnabled()
    assert page.access_note.text() == NOT_AN_EDITOR


def test_when_the_role_is_not_known_yet_the_servers_refusal_is_shown(
    qtbot: QtBot, seat_for: Callable[..., Seat], settings: QSettings, tmp_path: Path
) -> None:
    seat = seat_for("staff", synced=False)  # the users are not in the cache yet
    _dialog, page = review_dialog(qtbot, settings, tmp_path, seat, SyncController(seat.account))
    assert page.role() is None
    assert page.field.edit.isEnabled()

    type_threshold(qtbot, page, "75")

    assert page.refusal.isVisible()
    assert page.refusal.text() == f"75 % was not saved. {SERVERS_REFUSAL}"
    assert page.field.edit.text() == "90"  # the firm's value, still in force
    assert seat.server_threshold() == pytest.approx(0.9)
    assert recall_review_threshold(seat.account.store) == pytest.approx(0.9)


def test_a_threshold_out_of_bounds_is_explained_and_not_sent(
    qtbot: QtBot, seat_for: Callable[..., Seat], settings: QSettings, tmp_path: Path
) -> None:
    seat = seat_for("owner")
    _dialog, page = review_dialog(qtbot, settings, tmp_path, seat, SyncController(seat.account))
    type_threshold(qtbot, page, "45")

    assert page.field.problem.isVisible()
    assert "cannot be below 50 %" in page.field.problem.text()
    assert page.field.edit.text() == "45"  # kept to be fixed, not stored
    assert page.field.edit.property("invalid") is True
    assert seat.server_threshold() == pytest.approx(0.9)

    type_threshold(qtbot, page, "95")
    assert not page.field.problem.isVisible()
    assert seat.server_threshold() == pytest.approx(0.95)


def test_offline_the_cached_threshold_shows_and_editing_waits_for_a_connection(
    qtbot: QtBot,
    firm: LiveServer,
    seat_for: Callable[..., Seat],
    settings: QSettings,
    tmp_path: Path,
) -> None:
    seat = seat_for("owner")
    admin = firm.account(FIRM, "admin")
    assert admin.http.patch("/settings", json={"reviewThreshold": 0.8}).status_code == 200
    controller = SyncController(seat.account)
    # Opened while connected: the page asks the server and the cache keeps the answer.
    dialog, page = review_dialog(qtbot, settings, tmp_path, seat, controller)
    assert page.field.edit.text() == "80"
    dialog.reject()
    assert recall_review_threshold(seat.account.store) == pytest.approx(0.8)

    firm.server.stop()
    assert seat.run(controller.scheduler.run_cycle()) is None
    assert controller.state == "offline"

    _dialog, page = review_dialog(qtbot, settings, tmp_path, seat, controller)
    assert page.field.edit.text() == "80"
    assert not page.field.edit.isEnabled()
    assert page.access_note.text() == CONNECT_TO_CHANGE


def test_before_the_workspace_is_connected_the_cached_threshold_shows(
    qtbot: QtBot, seat_for: Callable[..., Seat], settings: QSettings, tmp_path: Path
) -> None:
    seat = seat_for("owner")
    _dialog, page = review_dialog(qtbot, settings, tmp_path, seat, None)
    assert page.field.edit.text() == "90"
    assert not page.field.edit.isEnabled()
    assert page.access_note.text() == CONNECT_TO_CHANGE


def test_a_server_gone_before_sync_noticed_leaves_the_threshold_as_it_was(
    qtbot: QtBot,
    firm: LiveServer,
    seat_for: Callable[..., Seat],
    settings: QSettings,
    tmp_path: Path,
) -> None:
    seat = seat_for("owner")
    _dialog, page = review_dialog(qtbot, settings, tmp_path, seat, SyncController(seat.account))
    assert page.field.edit.isEnabled()  # sync has not noticed yet
    firm.server.stop()

    type_threshold(qtbot, page, "85")

    assert page.refusal.text() == (
        "85 % was not saved. The server could not be reached, so the firm's threshold was "
        f"not changed. {CONNECT_TO_CHANGE}"
    )
    assert page.field.edit.text() == "90"
    assert recall_review_threshold(seat.account.store) == pytest.approx(0.9)
