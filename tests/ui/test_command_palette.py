"""The command palette, driven by keys: type, move, Enter chooses, Esc closes, focus returns."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QVBoxLayout, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from advisoros_desktop.commands.palette_search import PaletteIndex, PaletteItem
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.ui.command_palette import (
    GAP,
    PADDING,
    RIGHT_ROLE,
    SUBTITLE_ROLE,
    CommandPalette,
)

COMMANDS = [
    (PaletteItem("command", "records.archive", "Archive", "Records"), "Ctrl+Shift+A", True),
    (PaletteItem("command", "edit.undo", "Undo", "Edit"), "Ctrl+Z", True),
    (PaletteItem("command", "edit.redo", "Redo", "Edit"), "Ctrl+Shift+Z", False),
    (PaletteItem("command", "sync.now", "Sync now", "Sync"), "", True),
]


class Window(QMainWindow):
    """A window with a field that has focus before the palette opens."""

    def __init__(self, index: PaletteIndex) -> None:
        super().__init__()
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.field = QLineEdit(body)
        layout.addWidget(self.field)
        self.setCentralWidget(body)
        self.resize(900, 600)
        self.palette = CommandPalette(index, self)


@pytest.fixture
def clients(tmp_path: Path) -> tuple[LocalStore, dict[str, str]]:
    store = LocalStore(tmp_path / "cache.db")
    names = ("Smith & Sons Plumbing", "John Smith", "Acme LLC", "Archer Dental Group")
    return store, {name: store.create("client", {"businessName": name}) for name in names}


@pytest.fixture
def window(qtbot: QtBot, clients: tuple[LocalStore, dict[str, str]]) -> Window:
    store, _ids = clients
    index = PaletteIndex(store)
    index.load()
    window = Window(index)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitActive(window)
    window.field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.field)
    return window


def _open(window: Window, recent: list[tuple[str, str]] | None = None) -> CommandPalette:
    window.palette.open_palette(COMMANDS, recent or [])
    assert window.palette.isVisible()
    assert QApplication.focusWidget() is window.palette.input
    return window.palette


def _titles(palette: CommandPalette) -> list[str]:
    model = palette.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_typing_down_and_enter_jump_to_a_record(
    qtbot: QtBot, window: Window, clients: tuple[LocalStore, dict[str, str]]
) -> None:
    _store, ids = clients
    palette = _open(window)
    qtbot.keyClicks(palette.input, "smith")
    assert _titles(palette)[:2] == ["Smith & Sons Plumbing", "John Smith"]
    qtbot.keyClick(palette.input, Qt.Key.Key_Down)
    with qtbot.waitSignal(palette.record_chosen) as chosen:
        qtbot.keyClick(palette.input, Qt.Key.Key_Return)
    assert chosen.args == ["client", ids["John Smith"]]
    assert not palette.isVisible()
    assert QApplication.focusWidget() is window.field


def test_enter_on_a_command_runs_it(qtbot: QtBot, window: Window) -> None:
    palette = _open(window)
    qtbot.keyClicks(palette.input, "archive")
    assert palette.current_item() == COMMANDS[0][0]  # before the client "Archer Dental"
    with (
        qtbot.assertNotEmitted(palette.record_chosen),
        qtbot.waitSignal(palette.command_chosen) as chosen,
    ):
        qtbot.keyClick(palette.input, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert chosen.args == ["records.archive"]


def test_esc_closes_without_choosing_and_gives_focus_back(qtbot: QtBot, window: Window) -> None:
    palette = _open(window)
    qtbot.keyClicks(palette.input, "acme")
    with (
        qtbot.assertNotEmitted(palette.record_chosen),
        qtbot.assertNotEmitted(palette.command_chosen),
    ):
        qtbot.keyClick(palette.input, Qt.Key.Key_Escape)
    assert not palette.isVisible()
    assert QApplication.focusWidget() is window.field


def test_empty_text_lists_recent_records_then_enabled_commands(
    window: Window, clients: tuple[LocalStore, dict[str, str]]
) -> None:
    _store, ids = clients
    palette = _open(window, recent=[("client", ids["Acme LLC"])])
    assert _titles(palette) == ["Acme LLC", "Archive", "Undo", "Sync now"]  # Redo is disabled
    model = palette.model
    assert model.index(0, 0).data(RIGHT_ROLE) == "Client"
    assert model.index(1, 0).data(RIGHT_ROLE) == "Ctrl+Shift+A"
    assert model.index(3, 0).data(RIGHT_ROLE) == ""
    assert model.index(1, 0).data(SUBTITLE_ROLE) == ""  # a command's category is not shown


def test_moving_with_arrows_ctrl_keys_and_pages(qtbot: QtBot, window: Window) -> None:
    palette = _open(window)
    rows = palette.model.rowCount()

    def current() -> int:
        return palette.results.currentIndex().row()

    assert current() == 0
    for key, modifier, expected in (
        (Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier, 1),
        (Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier, 2),
        (Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier, 0),  # wraps round
        (Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier, rows - 1),
        (Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier, rows - 2),
        (Qt.Key.Key_Up, Qt.KeyboardModifier.NoModifier, rows - 3),
        (Qt.Key.Key_PageUp, Qt.KeyboardModifier.NoModifier, 0),
        (Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier, rows - 1),
    ):
        qtbot.keyClick(palette.input, key, modifier)
        assert current() == expected, key
    assert palette.input.text() == ""  # the moves typed nothing


def test_the_window_shortcut_on_ctrl_k_does_not_fire_inside_the_palette(
    qtbot: QtBot, window: Window
) -> None:
    fired: list[bool] = []
    action = QAction("Command palette", window)
    action.setShortcut(QKeySequence("Ctrl+K"))
    action.triggered.connect(lambda: fired.append(True))
    window.addAction(action)
    palette = _open(window)
    qtbot.keyClick(palette.input, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert fired == []
    assert palette.isVisible()


def test_no_match_says_so(qtbot: QtBot, window: Window) -> None:
    palette = _open(window)
    qtbot.keyClicks(palette.input, "zzqx")
    assert palette.model.rowCount() == 0
    assert palette.hint.isVisible() and "zzqx" in palette.hint.text()
    with qtbot.assertNotEmitted(palette.record_chosen):
        qtbot.keyClick(palette.input, Qt.Key.Key_Return)
    assert palette.isVisible()


def test_a_click_elsewhere_closes_it_and_leaves_focus_there(qtbot: QtBot, window: Window) -> None:
    palette = _open(window)
    window.field.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(lambda: not palette.isVisible())
    assert QApplication.focusWidget() is window.field


def test_model_and_rendering(qtbot: QtBot, qtmodeltester: ModelTester, window: Window) -> None:
    palette = _open(window)
    qtmodeltester.check(palette.model)
    qtbot.keyClicks(palette.input, "s")
    assert not palette.grab().isNull()
    assert palette.width() <= window.width() and palette.geometry().top() >= 0
    # The right-hand column always fits whole, with room left for the title.
    metrics = QFontMetrics(palette.results.font())
    room = palette.results.viewport().width() - 2 * PADDING - GAP
    for row in range(palette.model.rowCount()):
        right = palette.model.index(row, 0).data(RIGHT_ROLE)
        assert metrics.horizontalAdvance(right) < room / 2, right
