"""The settings dialog by keyboard: Ctrl+, opens it, the arrows walk its pages, Esc closes it.

Each setting is driven the way a person would: the theme changes the
palette at once, a sync interval out of bounds is refused with the reason
beside the field and the stored one kept, a valid one is stored and handed to
the sync scheduler, Pause sync follows the scheduler, shortcuts are stored as
soon as no two commands share a key (and the window uses them at once).
Closing with a refused value on screen asks first. Every control is named
for screen readers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QKeySequenceEdit
from pytestqt.qtbot import QtBot

from advisoros_desktop.ui.app_context import build_context
from advisoros_desktop.ui.key_bindings import load_overrides
from advisoros_desktop.ui.language import LANGUAGE_KEY
from advisoros_desktop.ui.main_window import MainWindow
from advisoros_desktop.ui.notifications import CONFLICTS, NotificationSettings
from advisoros_desktop.ui.settings_dialog import SettingsDialog
from advisoros_desktop.ui.settings_pages.general_page import GeneralPage
from advisoros_desktop.ui.settings_pages.notifications_page import NotificationsPage
from advisoros_desktop.ui.settings_pages.shortcuts_page import ShortcutsPage
from advisoros_desktop.ui.settings_pages.sync_page import SyncPage
from advisoros_desktop.ui.sync_controller import SyncController
from advisoros_desktop.ui.sync_interval import SYNC_INTERVAL_KEY, load_sync_interval
from advisoros_desktop.ui.theme import THEME_KEY, applied_choice, apply_theme, is_dark
from tests.ui.settings_desk import (
    Answers,
    Seat,
    closed,
    firm,
    focused,
    open_dialog,
    reopened,
    seat_for,
    settings,
    sources_for,
)
from tests.ui.test_accessible_names import Findings

__all__ = ["firm", "seat_for", "settings"]  # fixtures

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def theme_kept(qapp: QApplication) -> Iterator[None]:
    choice, palette = applied_choice(qapp), QPalette(qapp.palette())
    yield
    apply_theme(qapp, choice)
    qapp.setPalette(palette)


@pytest.fixture
def window(qtbot: QtBot, seat_for: Callable[..., Seat]) -> Iterator[MainWindow]:
    seat = seat_for("owner")
    shown = MainWindow(build_context(seat.folder), seat.account.store, "Test")
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    yield shown
    shown.close()


def shown_dialog(qtbot: QtBot, window: MainWindow) -> SettingsDialog:
    qtbot.waitUntil(lambda: window.findChild(SettingsDialog) is not None)
    dialog = window.findChild(SettingsDialog)
    assert isinstance(dialog, SettingsDialog)
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    return dialog


# -- opening, pages, closing ---------------------------------------------------------------
def test_ctrl_comma_opens_the_settings_and_the_arrows_walk_its_pages(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Comma, CTRL)
    dialog = shown_dialog(qtbot, window)
    assert dialog.isModal()
    assert focused() is dialog.page_list
    order = list(dialog.pages)
    assert order == [
        "general",
        "sync",
        "intake",
        "filename_rules",
        "shortcuts",
        "review",
        "notifications",
    ]
    assert dialog.current_page().page_id == "general"
    for expected in order[1:]:
        qtbot.keyClick(dialog.page_list, Qt.Key.Key_Down)
        assert dialog.current_page().page_id == expected
        assert dialog.current_page().isVisible()
    for expected in reversed(order[:-1]):
        qtbot.keyClick(dialog.page_list, Qt.Key.Key_Up)
        assert dialog.current_page().page_id == expected

    qtbot.keyClick(dialog.page_list, Qt.Key.Key_Tab)  # into the page
    general = dialog.page("general")
    assert isinstance(general, GeneralPage)
    assert focused() is general.language_combo

    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: closed(dialog))


def test_customize_shortcuts_opens_the_settings_on_the_shortcuts_page(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.actions.shortcut_text("settings.open") == QKeySequence("Ctrl+,").toString(
        QKeySequence.SequenceFormat.NativeText
    )
    window.actions.action("settings.shortcuts").trigger()
    dialog = shown_dialog(qtbot, window)
    page = dialog.current_page()
    assert isinstance(page, ShortcutsPage)
    assert focused() is page.editor.filter
    # Asked again while it shows: the same dialog turns to the page asked for.
    window.open_settings("sync")
    assert window.findChildren(SettingsDialog) == [dialog]
    assert dialog.current_page().page_id == "sync"
    dialog.reject()


def test_new_shortcuts_are_stored_and_used_by_the_window_at_once(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.open_settings("shortcuts")
    dialog = shown_dialog(qtbot, window)
    page = dialog.current_page()
    assert isinstance(page, ShortcutsPage)
    editor = page.editor
    qtbot.keyClicks(editor.filter, "Sync now")
    qtbot.keyClick(editor.filter, Qt.Key.Key_Down)
    assert focused() is editor.table and editor.selected_command() == "sync.now"
    qtbot.keyClick(editor.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QKeySequenceEdit))
    qtbot.keyClick(focused(), Qt.Key.Key_F9, CTRL | SHIFT)
    qtbot.waitUntil(lambda: load_overrides(window.context.settings).get("sync.now") is not None)

    assert load_overrides(reopened(window.context.settings))["sync.now"] == ["Ctrl+Shift+F9"]
    assert QKeySequence("Ctrl+Shift+F9") in window.actions.action("sync.now").shortcuts()
    assert "Saved" in page.status.text()
    # Esc on the list of commands closes the settings, not just the shortcuts part.
    qtbot.keyClick(editor.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: closed(dialog))


def test_a_clash_is_never_stored_and_closing_with_one_asks_first(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    answers = Answers(False, True)
    dialog = open_dialog(qtbot, sources_for(settings, tmp_path, confirm=answers), "shortcuts")
    page = dialog.current_page()
    assert isinstance(page, ShortcutsPage)
    editor = page.editor
    qtbot.keyClicks(editor.filter, "Sync now")
    qtbot.keyClick(editor.filter, Qt.Key.Key_Down)
    qtbot.keyClick(editor.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QKeySequenceEdit))
    qtbot.keyClick(focused(), Qt.Key.Key_F1)  # the cheat sheet's key
    qtbot.waitUntil(lambda: focused() is editor.table)
    qtbot.waitUntil(lambda: "Not saved" in page.status.text())
    assert load_overrides(reopened(settings)) == {}
    assert editor.clash_label.isVisible()

    qtbot.keyClick(editor.table, Qt.Key.Key_Escape)
    assert len(answers.asked) == 1 and "F1 is bound to both" in answers.asked[0]
    assert dialog.isVisible()  # kept editing
    qtbot.keyClick(editor.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: closed(dialog))
    assert load_overrides(reopened(settings)) == {}


# -- general -------------------------------------------------------------------------------
@pytest.mark.usefixtures("theme_kept")
def test_the_theme_changes_at_once_and_is_kept(
    qtbot: QtBot, qapp: QApplication, settings: QSettings, tmp_path: Path
) -> None:
    apply_theme(qapp, "light")
    dialog = open_dialog(qtbot, sources_for(settings, tmp_path))
    general = dialog.page("general")
    assert isinstance(general, GeneralPage)
    qtbot.keyClick(dialog.page_list, Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is general.theme_combo
    before = dialog.palette().color(QPalette.ColorRole.Window)

    qtbot.keyClick(general.theme_combo, Qt.Key.Key_End)  # the last choice: Dark

    assert general.theme_combo.currentData() == "dark"
    assert is_dark(qapp.palette())
    qtbot.waitUntil(lambda: dialog.palette().color(QPalette.ColorRole.Window) != before)
    assert is_dark(dialog.palette())
    assert reopened(settings).value(THEME_KEY) == "dark"


def test_the_language_is_stored_for_the_next_start(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, sources_for(settings, tmp_path))
    general = dialog.page("general")
    assert isinstance(general, GeneralPage) and general.language_combo is not None
    qtbot.keyClick(dialog.page_list, Qt.Key.Key_Tab)
    qtbot.keyClick(general.language_combo, Qt.Key.Key_End)  # Español
    assert reopened(settings).value(LANGUAGE_KEY) == "es"
    assert "restart" in general.language_note.text()


def test_the_data_folder_is_shown_and_opened_not_moved(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    opened: list[Path] = []
    dialog = open_dialog(qtbot, sources_for(settings, tmp_path, open_folder=opened.append))
    general = dialog.page("general")
    assert isinstance(general, GeneralPage)
    assert general.data_path.text() == str(tmp_path)
    assert general.data_path.isReadOnly()
    general.open_button.setFocus()
    qtbot.keyClick(general.open_button, Qt.Key.Key_Space)
    assert opened == [tmp_path]


def test_notifications_are_switched_off_kind_by_kind(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, sources_for(settings, tmp_path), "notifications")
    page = dialog.current_page()
    assert isinstance(page, NotificationsPage)
    box = page.boxes[CONFLICTS]
    assert box.isChecked()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert not NotificationSettings(reopened(settings)).enabled(CONFLICTS)


# -- sync ----------------------------------------------------------------------------------
def test_a_sync_interval_out_of_bounds_is_refused_with_the_reason_and_a_valid_one_stored(
    qtbot: QtBot, seat_for: Callable[..., Seat], settings: QSettings, tmp_path: Path
) -> None:
    settings.setValue(SYNC_INTERVAL_KEY, 5)
    seat = seat_for("owner")
    controller = SyncController(seat.account, settings=settings)
    assert controller.interval_minutes == 5
    dialog = open_dialog(qtbot, sources_for(settings, tmp_path, seat, sync=controller), "sync")
    page = dialog.current_page()
    assert isinstance(page, SyncPage)
    field = page.interval.edit
    assert focused() is field and field.text() == "5"

    qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(field, "0")
    qtbot.keyClick(field, Qt.Key.Key_Return)

    assert page.interval.problem.isVisible()
    assert "at most once a minute" in page.interval.problem.text()
    assert field.accessibleDescription() == page.interval.problem.text()
    assert field.text() == "0"  # kept on screen to be fixed
    assert load_sync_interval(reopened(settings)) == 5
    assert controller.interval_minutes == 5
    assert dialog.isVisible()

    qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(field, "15")
    qtbot.keyClick(field, Qt.Key.Key_Return)

    assert not page.interval.problem.isVisible()
    assert field.property("invalid") is False
    assert load_sync_interval(reopened(settings)) == 15
    assert controller.interval_minutes == 15
    assert SyncController(seat.account, settings=reopened(settings)).interval_minutes == 15


def test_closing_with_a_refused_interval_on_screen_asks_first(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    answers = Answers(False, True)
    dialog = open_dialog(qtbot, sources_for(settings, tmp_path, confirm=answers), "sync")
    page = dialog.current_page()
    assert isinstance(page, SyncPage)
    field = page.interval.edit
    qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(field, "2000")
    qtbot.keyClick(field, Qt.Key.Key_Escape)

    assert answers.asked == [
        "The sync interval “2000” was not saved: AdvisorOS syncs at least once a day; type a "
        "number of minutes from 1 to 1,440 (a day).\n\nClose the settings without it?"
    ]
    assert dialog.isVisible() and focused() is field and field.text() == "2000"

    qtbot.keyClick(field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: closed(dialog))
    assert reopened(settings).value(SYNC_INTERVAL_KEY) is None


def test_a_valid_interval_typed_but_not_entered_is_stored_on_close(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, sources_for(settings, tmp_path), "sync")
    page = dialog.current_page()
    assert isinstance(page, SyncPage)
    qtbot.keyClick(page.interval.edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(page.interval.edit, "30")
    qtbot.keyClick(page.interval.edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: closed(dialog))
    assert load_sync_interval(reopened(settings)) == 30


def test_pause_sync_follows_the_scheduler_both_ways(
    qtbot: QtBot, seat_for: Callable[..., Seat], settings: QSettings, tmp_path: Path
) -> None:
    seat = seat_for("owner")
    controller = SyncController(seat.account)
    dialog = open_dialog(qtbot, sources_for(settings, tmp_path, seat, sync=controller), "sync")
    page = dialog.current_page()
    assert isinstance(page, SyncPage)
    box = page.pause_box
    assert box.isEnabled() and not box.isChecked()
    qtbot.keyClick(page.interval.edit, Qt.Key.Key_Tab)
    assert focused() is box

    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert controller.state == "paused" and box.isChecked()
    assert "paused" in page.pause_note.text()

    controller.toggle_pause()  # File ▸ Pause or resume sync, meanwhile
    assert not box.isChecked()


def test_before_the_workspace_is_connected_pause_waits_for_it(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, sources_for(settings, tmp_path), "sync")
    page = dialog.current_page()
    assert isinstance(page, SyncPage)
    assert not page.pause_box.isEnabled()
    assert "once the workspace is connected" in page.pause_note.text()


# -- for everyone ----------------------------------------------------------------------------
def test_every_control_on_every_page_has_an_accessible_name(
    qtbot: QtBot, seat_for: Callable[..., Seat], settings: QSettings, tmp_path: Path
) -> None:
    seat = seat_for("owner")
    sources = sources_for(settings, tmp_path, seat, sync=SyncController(seat.account))
    dialog = open_dialog(qtbot, sources)
    findings = Findings()
    for page_id in dialog.pages:
        dialog.show_page(page_id)
        findings.check(f"the settings' {page_id} page", dialog)
    assert not findings.missing, findings.report()


def test_without_the_language_module_the_page_says_so_instead_of_failing(
    qtbot: QtBot, settings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from advisoros_desktop.ui.settings_pages import general_page

    monkeypatch.setattr(general_page, "LANGUAGES_AVAILABLE", False)
    dialog = open_dialog(qtbot, sources_for(settings, tmp_path))
    general = dialog.page("general")
    assert isinstance(general, GeneralPage)
    assert general.language_combo is None
    assert general.language_note.text() == "Language settings are not available."
    assert general.first_field() is general.theme_combo
