"""Keyboard Shortcuts settings, driven by keys: filter, record, clear, reset, clashes, save."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QKeySequenceEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from advisoros_desktop.commands.registry import CommandRegistry
from advisoros_desktop.ui.key_bindings import load_overrides
from advisoros_desktop.ui.shortcut_settings import KEYS, ShortcutSettingsDialog
from tests.ui.sample_commands import sample_registry

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def registry() -> CommandRegistry:
    return sample_registry()


@pytest.fixture
def dialog(qtbot: QtBot, registry: CommandRegistry, settings: QSettings) -> ShortcutSettingsDialog:
    dialog = ShortcutSettingsDialog(registry, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitActive(dialog)
    return dialog


def _focused(qtbot: QtBot) -> QWidget:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _choose(qtbot: QtBot, dialog: ShortcutSettingsDialog, text: str) -> None:
    """Type a filter and go down to the first match, as a user would."""
    filter_box = _focused(qtbot)
    assert filter_box is dialog.filter
    qtbot.keyClicks(filter_box, text)
    qtbot.keyClick(filter_box, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.table)


def _record(
    qtbot: QtBot,
    dialog: ShortcutSettingsDialog,
    key: Qt.Key,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """Enter on the selected row, then the keys."""
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QKeySequenceEdit))
    editor = QApplication.focusWidget()
    qtbot.keyClick(editor, key, modifiers)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.table)


def _keys(dialog: ShortcutSettingsDialog, command_id: str) -> tuple[str, ...]:
    return dialog.model.bindings()[command_id]


def _ok(dialog: ShortcutSettingsDialog) -> QPushButton:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_typing_filters_the_list(qtbot: QtBot, dialog: ShortcutSettingsDialog) -> None:
    assert dialog.proxy.rowCount() == len(dialog.model.bindings())
    qtbot.keyClicks(_focused(qtbot), "ctrl+shift+z")
    assert dialog.proxy.rowCount() == 1
    assert dialog.proxy.index(0, KEYS).data() == "Ctrl+Shift+Z, Ctrl+Y"
    dialog.filter.clear()
    qtbot.keyClicks(dialog.filter, "review")
    assert dialog.proxy.rowCount() == 10  # nine in the category "Review", and "Review queue"


def test_enter_records_new_keys_for_the_selected_command(
    qtbot: QtBot, dialog: ShortcutSettingsDialog
) -> None:
    _choose(qtbot, dialog, "export visible")
    _record(qtbot, dialog, Qt.Key.Key_X, CTRL | SHIFT)
    assert _keys(dialog, "rows.export") == ("Ctrl+Shift+X",)
    assert dialog.proxy.index(0, KEYS).data() == "Ctrl+Shift+X"
    assert _ok(dialog).isEnabled()


def test_keys_other_dialogs_use_can_be_recorded(
    qtbot: QtBot, dialog: ShortcutSettingsDialog
) -> None:
    _choose(qtbot, dialog, "show changes")
    _record(qtbot, dialog, Qt.Key.Key_Return, CTRL)
    assert _keys(dialog, "sync.outbox") == ("Ctrl+Return",)
    assert dialog.isVisible()  # Return went to the recorder, not to the OK button


def test_a_recorded_shifted_symbol_is_stored_as_the_symbol(
    qtbot: QtBot, dialog: ShortcutSettingsDialog
) -> None:
    _choose(qtbot, dialog, "show changes")
    _record(qtbot, dialog, Qt.Key.Key_Question, SHIFT)
    assert _keys(dialog, "sync.outbox") == ("?",)  # Qt matches Shift+/ against "?"


def test_esc_cancels_a_recording_and_leaves_the_dialog_open(
    qtbot: QtBot, dialog: ShortcutSettingsDialog
) -> None:
    _choose(qtbot, dialog, "export visible")
    _record(qtbot, dialog, Qt.Key.Key_Escape)
    assert _keys(dialog, "rows.export") == ("Ctrl+E",)
    assert dialog.isVisible()


def test_a_clash_is_explained_and_blocks_ok_until_resolved(
    qtbot: QtBot, dialog: ShortcutSettingsDialog
) -> None:
    _choose(qtbot, dialog, "edit cell")
    _record(qtbot, dialog, Qt.Key.Key_E, CTRL)
    assert dialog.clash_label.isVisibleTo(dialog)
    assert dialog.clash_label.text() == (
        "Ctrl+E is bound to both “Edit cell” and “Export visible rows…”."
    )
    assert not _ok(dialog).isEnabled()
    tip = dialog.proxy.index(0, KEYS).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Ctrl+E is bound to both") and "Default: F2, E" in tip

    qtbot.keyClick(dialog.table, Qt.Key.Key_Backspace)  # remove "Edit cell"'s keys
    assert _keys(dialog, "cell.edit") == ()
    assert not dialog.clash_label.isVisibleTo(dialog)
    assert _ok(dialog).isEnabled()


def test_reset_one_and_reset_all(qtbot: QtBot, dialog: ShortcutSettingsDialog) -> None:
    _choose(qtbot, dialog, "undo")
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert _keys(dialog, "edit.undo") == ()
    dialog.reset_selected()
    assert _keys(dialog, "edit.undo") == ("Ctrl+Z",)
    dialog.model.set_keys("app.quit", ())
    dialog.model.set_keys("sync.now", ("F6",))
    dialog.reset_all()
    assert dialog.model.bindings() == dialog._registry.bindings()


def test_ok_saves_only_the_differences(
    qtbot: QtBot, dialog: ShortcutSettingsDialog, settings: QSettings
) -> None:
    _choose(qtbot, dialog, "show changes")
    _record(qtbot, dialog, Qt.Key.Key_O, CTRL | SHIFT)
    dialog.model.set_keys("app.quit", ())
    with qtbot.waitSignal(dialog.bindings_saved) as saved:
        _ok(dialog).click()
    assert load_overrides(settings) == {"sync.outbox": ["Ctrl+Shift+O"], "app.quit": []}
    assert saved.args[0]["sync.outbox"] == ("Ctrl+Shift+O",)
    assert not dialog.isVisible()


def test_cancel_saves_nothing(
    qtbot: QtBot, dialog: ShortcutSettingsDialog, settings: QSettings
) -> None:
    dialog.model.set_keys("app.quit", ())
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert load_overrides(settings) == {}


def test_the_dialog_opens_with_the_stored_bindings_and_their_problems(
    qtbot: QtBot, registry: CommandRegistry, settings: QSettings
) -> None:
    settings.setValue("shortcuts/app.quit", ["Ctrl+W"])
    settings.setValue("shortcuts/sync.now", ["Ctrl+Z"])  # clashes with Undo: set aside
    dialog = ShortcutSettingsDialog(registry, settings)
    qtbot.addWidget(dialog)
    assert _keys(dialog, "app.quit") == ("Ctrl+W",)
    assert _keys(dialog, "sync.now") == ("F5",)
    assert "Your shortcut for “Sync now” was not applied" in dialog.notice_label.text()
    assert dialog.sizeHint().width() <= 1280 and dialog.size().height() <= 800
