"""Commands become QActions: one per command, the same title and key in every menu,
window keys everywhere in the window, table keys only in (any of several) tables."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from advisoros_desktop.commands.registry import Command, CommandRegistry
from advisoros_desktop.ui.command_actions import CommandActions


@dataclass
class _Context:
    """What handlers and predicates see: here, a log and a switch."""

    ran: list[str] = field(default_factory=list)
    can_export: bool = True


def _registry() -> CommandRegistry:
    def ran(command_id: str) -> Callable[[_Context], None]:
        return lambda context: context.ran.append(command_id)

    registry = CommandRegistry()
    for command in (
        Command("edit.undo", "Undo", "Edit", ran("edit.undo"), ("Ctrl+Z",)),
        Command("edit.redo", "Redo", "Edit", ran("edit.redo"), ("Ctrl+Shift+Z", "Ctrl+Y")),
        Command(
            "rows.export",
            "Export & print",
            "Records",
            ran("rows.export"),
            ("Ctrl+E",),
            enabled_when=lambda context: context.can_export,
        ),
        Command("row.next", "Next row", "Tables", ran("row.next"), ("J",), context="table"),
        Command("filter.focus", "Filter", "Tables", ran("filter.focus"), ("/",), context="table"),
        Command("help.keys", "Keyboard shortcuts", "Help", ran("help.keys"), ("F1", "?")),
        Command("sync.outbox", "Show outbox", "Sync", ran("sync.outbox")),
    ):
        registry.register(command)
    return registry


class _Window(QMainWindow):
    """Two tables in a stack, as in the main window, and a button to take focus."""

    def __init__(self) -> None:
        super().__init__()
        self.context = _Context()
        self.stack = QStackedWidget()
        self.tables = [QTableView(), QTableView()]
        for table in self.tables:
            table.setModel(QStandardItemModel(3, 2, table))
            self.stack.addWidget(table)
        self.button = QPushButton("Elsewhere")
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.stack)
        layout.addWidget(self.button)
        self.setCentralWidget(central)
        self.actions = CommandActions(_registry(), lambda: self.context, self)
        for table in self.tables:
            self.actions.attach_table_actions(table)
        self.menuBar().addMenu(self.actions.menu("&Edit", ["edit.undo", "edit.redo", None]))
        self.menuBar().addMenu(self.actions.menu("&Go", ["row.next", "filter.focus"]))

    def focus(self, qtbot: QtBot, widget: QWidget) -> None:
        widget.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


@pytest.fixture
def window(qtbot: QtBot) -> _Window:
    window = _Window()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitActive(window)
    return window


def test_each_command_has_one_action_with_its_title_and_keys(window: _Window) -> None:
    actions = window.actions
    redo = actions.action("edit.redo")
    assert redo.text() == "Redo"
    assert [s.toString() for s in redo.shortcuts()] == ["Ctrl+Shift+Z", "Ctrl+Y"]
    assert actions.shortcut_text("edit.redo") == "Ctrl+Shift+Z"
    assert actions.shortcut_text("sync.outbox") == ""
    assert actions.action("rows.export").text() == "Export && print"  # "&" is no mnemonic
    assert redo.toolTip() == "Redo (Ctrl+Shift+Z)"
    with pytest.raises(KeyError, match="no command 'nope'"):
        actions.action("nope")


def test_menus_toolbar_and_context_menus_share_the_actions(window: _Window) -> None:
    edit, go = window.menuBar().actions()
    assert edit.text() == "&Edit"
    assert edit.menu().actions()[0] is window.actions.action("edit.undo")
    assert edit.menu().actions()[2].isSeparator()
    # A table command in the menu bar shows its key there too.
    assert go.menu().actions()[0].shortcut().toString() == "J"
    toolbar = window.actions.toolbar(["edit.undo", None, "help.keys"])
    assert toolbar.actions()[0] is window.actions.action("edit.undo")
    assert toolbar.actions()[1].isSeparator()
    menu = window.actions.context_menu(["row.next", None, "rows.export"])
    assert [a.objectName() for a in menu.actions()] == ["row.next", "", "rows.export"]
    assert menu.actions()[0].isShortcutVisibleInContextMenu()
    assert window.actions.context_menu(["row.next", None, "rows.export"]) is menu


def test_window_keys_work_anywhere_in_the_window(qtbot: QtBot, window: _Window) -> None:
    window.focus(qtbot, window.button)
    with qtbot.waitSignal(window.actions.command_ran) as ran:
        qtbot.keyClick(window.button, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ran.args == ["edit.undo"]
    window.focus(qtbot, window.tables[0])
    qtbot.keyClick(window.tables[0], Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.context.ran == ["edit.undo", "edit.redo"]


def test_table_keys_work_in_every_stacked_table_and_nowhere_else(
    qtbot: QtBot, window: _Window
) -> None:
    first, second = window.tables
    window.focus(qtbot, first)
    qtbot.keyClick(first, "j")
    window.stack.setCurrentWidget(second)
    window.focus(qtbot, second)
    qtbot.keyClick(second, "/")
    assert window.context.ran == ["row.next", "filter.focus"]

    window.focus(qtbot, window.button)
    qtbot.keyClick(window.button, "j")
    assert window.context.ran == ["row.next", "filter.focus"]
    # From the menu the command still runs, wherever the focus is.
    window.actions.action("row.next").trigger()
    assert window.context.ran[-1] == "row.next"


def test_question_mark_fires_from_a_key_click(qtbot: QtBot, window: _Window) -> None:
    """Offscreen, keyClick("?") sends Key_Question without Shift; on a real US keyboard
    Qt's key mapper also offers Shift+/ as "?", which is why "?" is the binding."""
    window.focus(qtbot, window.button)
    qtbot.keyClick(window.button, "?")
    qtbot.keyClick(window.button, Qt.Key.Key_F1)
    assert window.context.ran == ["help.keys", "help.keys"]


def test_enabled_state_follows_the_predicates(qtbot: QtBot, window: _Window) -> None:
    export = window.actions.action("rows.export")
    window.context.can_export = False
    window.actions.update_enabled()
    assert not export.isEnabled()
    window.focus(qtbot, window.button)
    qtbot.keyClick(window.button, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.context.ran == []

    # A stale enabled state does not run a command its predicate now refuses.
    window.context.can_export = True
    window.actions.update_enabled()
    window.context.can_export = False
    export.trigger()
    assert window.context.ran == [] and not export.isEnabled()


def test_a_failing_predicate_disables_its_command_and_is_logged(
    window: _Window, caplog: pytest.LogCaptureFixture
) -> None:
    window.context = None  # type: ignore[assignment]  # predicates now raise
    with caplog.at_level(logging.ERROR):
        window.actions.update_enabled()
    assert not window.actions.action("rows.export").isEnabled()
    assert window.actions.action("edit.undo").isEnabled()
    assert "rows.export" in caplog.text


def test_new_bindings_replace_the_old_keys(qtbot: QtBot, window: _Window) -> None:
    window.actions.apply_bindings(window.actions.bindings() | {"edit.undo": ("Ctrl+U",)})
    assert window.actions.shortcut_text("edit.undo") == "Ctrl+U"
    window.focus(qtbot, window.button)
    qtbot.keyClick(window.button, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.button, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    assert window.context.ran == ["edit.undo"]
    with pytest.raises(ValueError, match="unknown commands: nope"):
        window.actions.apply_bindings({"nope": ("X",)})
