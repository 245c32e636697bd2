"""Key bindings: stored overrides survive a restart, bad ones never stop start-up,
and single keys are text while a text field has focus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from advisoros_desktop.commands.registry import (
    MODIFIERS,
    NAMED_KEYS,
    Command,
    CommandRegistry,
    normalize_key,
)
from advisoros_desktop.ui.key_bindings import (
    SingleKeyGuard,
    effective_bindings,
    load_overrides,
    save_overrides,
    types_into_text,
)


def _noop(_context: object) -> None:
    return None


def _registry() -> CommandRegistry:
    registry = CommandRegistry()
    for command in (
        Command("palette.open", "Command palette…", "General", _noop, ("Ctrl+K", "Ctrl+Shift+P")),
        Command("edit.undo", "Undo", "Edit", _noop, ("Ctrl+Z",)),
        Command("rows.export", "Export", "Records", _noop, ("Ctrl+E",)),
        Command("cell.edit", "Edit cell", "Tables", _noop, ("F2",), context="table"),
        Command("row.next", "Next row", "Tables", _noop, ("J",), context="table"),
        Command("help.keys", "Keyboard shortcuts", "Help", _noop, ("F1", "?")),
    ):
        registry.register(command)
    return registry


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _reopen(settings: QSettings) -> QSettings:
    settings.sync()
    return QSettings(settings.fileName(), QSettings.Format.IniFormat)


@pytest.mark.parametrize(
    "key",
    [
        *sorted(set(NAMED_KEYS.values())),
        *"ABCXYZ0189/?.,;'[]\\-=`+*!@#",
        *(f"{m}+K" for m in MODIFIERS),
        "Ctrl+Shift+Z",
        "Ctrl+Alt+Del",
        "Ctrl++",
        "Ctrl+PgDown",
        "Shift+Tab",
    ],
)
def test_every_normalized_key_round_trips_through_qt(qapp: QApplication, key: str) -> None:
    clean = normalize_key(key)
    sequence = QKeySequence(clean)
    assert sequence.count() == 1 and sequence[0].key() != Qt.Key.Key_unknown
    assert sequence.toString() == clean


def test_overrides_store_only_differences_and_survive_a_restart(settings: QSettings) -> None:
    registry = _registry()
    mine = registry.bindings() | {"edit.undo": ("Ctrl+U",), "rows.export": (), "row.next": ("N",)}
    save_overrides(settings, registry, mine)
    again = _reopen(settings)
    assert load_overrides(again) == {"edit.undo": ["Ctrl+U"], "rows.export": [], "row.next": ["N"]}
    loaded = effective_bindings(registry, again)
    assert loaded.bindings == mine and loaded.problems == []

    # Back at the default, a command's entry goes away (a later default then applies).
    save_overrides(again, registry, registry.bindings() | {"row.next": ("N",)})
    assert load_overrides(_reopen(again)) == {"row.next": ["N"]}


def test_keys_with_commas_and_several_keys_are_stored_intact(settings: QSettings) -> None:
    registry = _registry()
    save_overrides(settings, registry, {"palette.open": ("Ctrl+,", "Ctrl+Shift+?", "Ctrl+P")})
    assert effective_bindings(registry, _reopen(settings)).bindings["palette.open"] == (
        "Ctrl+,",
        "Ctrl+?",
        "Ctrl+P",
    )


def test_a_clashing_override_keeps_the_default_and_says_why(settings: QSettings) -> None:
    registry = _registry()
    settings.setValue("shortcuts/cell.edit", ["Ctrl+E"])  # Export already has Ctrl+E
    bindings, problems = effective_bindings(registry, _reopen(settings))
    assert bindings["cell.edit"] == ("F2",) and bindings["rows.export"] == ("Ctrl+E",)
    assert registry.clashes(bindings) == []
    assert problems == [
        "Ctrl+E is bound to both “Edit cell” and “Export”. Your shortcut for “Edit cell” "
        "was not applied; it keeps F2. You can change it in File ▸ Customize keyboard shortcuts…"
    ]


def test_swapped_keys_are_fine_and_a_restored_default_that_clashes_is_undone_too(
    settings: QSettings,
) -> None:
    registry = _registry()
    settings.setValue("shortcuts/edit.undo", ["Ctrl+E"])
    settings.setValue("shortcuts/rows.export", ["Ctrl+Z"])
    swapped = effective_bindings(registry, _reopen(settings))
    assert swapped.problems == []
    assert swapped.bindings["edit.undo"] == ("Ctrl+E",)

    # Undo takes F1 (clashes with help); restoring Undo's Ctrl+Z then clashes with
    # Export's override, so that one is set aside as well.
    settings.setValue("shortcuts/edit.undo", ["F1"])
    bindings, problems = effective_bindings(registry, _reopen(settings))
    assert bindings["edit.undo"] == ("Ctrl+Z",) and bindings["rows.export"] == ("Ctrl+E",)
    assert len(problems) == 2 and registry.clashes(bindings) == []


def test_unreadable_and_unknown_overrides_do_not_stop_start_up(settings: QSettings) -> None:
    registry = _registry()
    settings.setValue("shortcuts/edit.undo", ["Hyper+Z"])
    settings.setValue("shortcuts/gone.command", ["Ctrl+G"])
    again = _reopen(settings)
    bindings, problems = effective_bindings(registry, again)
    assert bindings == registry.bindings()
    assert problems == [
        "Your shortcut for “Undo” could not be read ('Hyper+Z': unknown modifier Hyper). "
        "“Undo” keeps Ctrl+Z."
    ]
    # An entry for a command this version lacks stays for the version that has it.
    save_overrides(again, registry, bindings)
    assert load_overrides(_reopen(again)) == {"gone.command": ["Ctrl+G"]}


# -- the single-key guard ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "modifiers", "text", "typing"),
    [
        (Qt.Key.Key_J, Qt.KeyboardModifier.NoModifier, "j", True),
        (Qt.Key.Key_J, Qt.KeyboardModifier.ShiftModifier, "J", True),
        (Qt.Key.Key_Question, Qt.KeyboardModifier.ShiftModifier, "?", True),
        (0x414, Qt.KeyboardModifier.NoModifier, "д", True),  # Cyrillic: no Qt.Key member
        (Qt.Key.Key_5, Qt.KeyboardModifier.KeypadModifier, "5", True),
        (Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier, "", True),
        (Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier, "", False),
        (Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier, "", False),
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier, "", False),
        (Qt.Key.Key_MediaPlay, Qt.KeyboardModifier.NoModifier, "", False),
        (Qt.Key.Key_Shift, Qt.KeyboardModifier.ShiftModifier, "", False),
    ],
)
def test_which_keystrokes_count_as_typing(
    qapp: QApplication, key: int, modifiers: Qt.KeyboardModifier, text: str, typing: bool
) -> None:
    event = QKeyEvent(QEvent.Type.ShortcutOverride, key, modifiers, text)
    assert types_into_text(event) is typing


class _Window(QWidget):
    """Window-wide actions on single keys and F1, and fields to type into."""

    def __init__(self) -> None:
        super().__init__()
        self.fired: list[str] = []
        self.guard: SingleKeyGuard | None = None
        self.line = QLineEdit()
        self.read_only = QLineEdit(readOnly=True)
        self.spin = QSpinBox(maximum=10)
        self.combo = QComboBox(editable=True)
        self.table = QTableView()
        model = QStandardItemModel(3, 2, self.table)
        self.table.setModel(model)
        layout = QVBoxLayout(self)
        for widget in (self.line, self.read_only, self.spin, self.combo, self.table):
            layout.addWidget(widget)
        for key in ("J", "/", "?", "PgDown", "Down", "Return", "Backspace", "F1"):
            action = QAction(key, self)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _checked=False, key=key: self.fired.append(key))
            self.addAction(action)

    def focus(self, qtbot: QtBot, widget: QWidget) -> QWidget:
        widget.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        focused = QApplication.focusWidget()
        assert focused is widget or widget.isAncestorOf(focused)
        return focused


@pytest.fixture
def window(qtbot: QtBot, qapp: QApplication) -> Iterator[_Window]:
    window = _Window()
    window.guard = SingleKeyGuard(window)
    window.guard.follow_focus(qapp)  # as the main window installs it
    qtbot.addWidget(window)
    window.show()
    qtbot.waitActive(window)
    yield window
    window.guard.stop_following()


def test_single_keys_typed_in_a_field_are_text_and_fire_nothing(
    qtbot: QtBot, window: _Window
) -> None:
    field = window.focus(qtbot, window.line)
    qtbot.keyClicks(field, "J/?j")
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClick(field, Qt.Key.Key_PageDown)
    assert window.line.text() == "J/?"
    assert window.fired == []
    # A key that never types text still works from the field.
    qtbot.keyClick(field, Qt.Key.Key_F1)
    assert window.fired == ["F1"]


def test_the_same_keys_fire_their_commands_from_a_table(qtbot: QtBot, window: _Window) -> None:
    table = window.focus(qtbot, window.table)
    for key in "J/?":
        qtbot.keyClick(table, key)
    qtbot.keyClick(table, Qt.Key.Key_PageDown)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.fired == ["J", "/", "?", "PgDown", "Return"]


def test_spin_boxes_combo_boxes_and_open_item_editors_are_text_fields_too(
    qtbot: QtBot, window: _Window
) -> None:
    spin = window.focus(qtbot, window.spin)
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    qtbot.keyClick(spin, Qt.Key.Key_Down)  # steps the value, not the "Down" command
    assert window.spin.value() == 1

    combo = window.focus(qtbot, window.combo)
    qtbot.keyClicks(combo, "J?")
    assert window.combo.currentText() == "J?"

    window.focus(qtbot, window.table)
    window.table.edit(window.table.model().index(0, 0))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and window.table.isAncestorOf(editor)
    qtbot.keyClicks(editor, "J/")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # ends the edit, opens nothing
    qtbot.waitUntil(lambda: window.table.model().index(0, 0).data() == "J/")  # queued commit
    window.table.edit(window.table.model().index(1, 0))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # leaves the cell, no command
    assert window.fired == []


def test_a_read_only_field_is_not_a_text_field(qtbot: QtBot, window: _Window) -> None:
    field = window.focus(qtbot, window.read_only)
    qtbot.keyClick(field, "J")
    assert window.fired == ["J"]


def test_without_the_guard_down_and_page_keys_would_leave_the_field(
    qtbot: QtBot, window: _Window, qapp: QApplication
) -> None:
    """Why the guard exists: Qt's line edit claims printable keys but not these."""
    assert window.guard is not None
    window.guard.stop_following()
    field = window.focus(qtbot, window.line)
    qtbot.keyClick(field, Qt.Key.Key_PageDown)
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert window.fired == ["PgDown", "Down"]
