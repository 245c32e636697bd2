"""The cheat sheet shows every bound key by category, filters as you type, fits the screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from advisoros_desktop.commands.registry import CommandRegistry
from advisoros_desktop.ui.cheat_sheet import CheatSheetDialog, balanced_columns
from tests.ui.sample_commands import SAMPLE, sample_registry


@pytest.fixture
def registry() -> CommandRegistry:
    return sample_registry()


@pytest.fixture
def sheet(qtbot: QtBot, registry: CommandRegistry) -> CheatSheetDialog:
    bindings = registry.bindings() | {"edit.undo": ("Ctrl+U",)}  # the user's keys, not defaults
    sheet = CheatSheetDialog(registry, bindings)
    qtbot.addWidget(sheet)
    sheet.show()
    qtbot.waitActive(sheet)
    return sheet


def _caps(sheet: CheatSheetDialog) -> list[str]:
    return [label.text() for label in sheet.findChildren(QLabel, "keycap") if label.isVisible()]


def test_sections_follow_the_categories_and_show_the_current_keys(
    sheet: CheatSheetDialog,
) -> None:
    categories = list(dict.fromkeys(c for _i, _t, c, _k, _x in SAMPLE))
    assert [s.category for s in sheet.sections] == [c.lower() for c in categories]
    titles = sheet.visible_titles()
    assert len(titles) == sum(1 for *_rest, keys, _x in SAMPLE if keys)
    assert "Show changes waiting to sync" not in titles  # no key, nothing to learn
    caps = _caps(sheet)
    assert "Ctrl+U" in caps and "Ctrl+Z" not in caps
    assert {"Ctrl+Shift+Z", "Ctrl+Y", "F1", "?", "Del", "Ctrl++"} <= set(caps)


def test_typing_filters_by_title_key_or_category(qtbot: QtBot, sheet: CheatSheetDialog) -> None:
    typing = QApplication.focusWidget()
    assert typing is sheet.filter
    qtbot.keyClicks(typing, "next")
    assert sheet.visible_titles() == ["Next row", "Next field needing review", "Next document"]
    sheet.filter.clear()
    qtbot.keyClicks(typing, "ctrl+shift+z")
    assert sheet.visible_titles() == ["Redo"]
    sheet.filter.clear()
    qtbot.keyClicks(typing, "sync")
    assert sheet.visible_titles() == ["Sync now", "Pause or resume sync"]
    sheet.filter.clear()
    qtbot.keyClicks(typing, "payroll")
    assert sheet.visible_titles() == []
    assert sheet.empty.isVisible() and "payroll" in sheet.empty.text()


def test_esc_closes(qtbot: QtBot, sheet: CheatSheetDialog) -> None:
    qtbot.keyClicks(sheet.filter, "undo")
    qtbot.keyClick(sheet.filter, Qt.Key.Key_Escape)
    assert not sheet.isVisible()


def test_fifty_commands_fit_a_1280_by_800_screen_unclipped(
    qtbot: QtBot, sheet: CheatSheetDialog
) -> None:
    preferred = sheet.preferred_size()
    # Room left for the window frame, title bar and a task bar.
    assert preferred.width() <= 1216 and preferred.height() <= 720, preferred
    sheet.resize(preferred)
    scroll_bars = (sheet.scroll.verticalScrollBar(), sheet.scroll.horizontalScrollBar())
    qtbot.waitUntil(lambda: sheet.size() == preferred)
    qtbot.waitUntil(lambda: not any(bar.isVisible() for bar in scroll_bars))
    assert all(bar.maximum() == 0 for bar in scroll_bars)
    for label in sheet.findChildren(QLabel):
        if label.isVisible():
            assert label.width() >= label.sizeHint().width(), label.text()
    assert len(sheet.body.layout().children()) == 3  # three columns
    assert not sheet.grab().isNull()


def test_columns_are_balanced_in_order() -> None:
    assert balanced_columns([4, 4, 4], 3) == [[0], [1], [2]]
    assert balanced_columns([10, 2, 2, 2, 2, 2], 2) == [[0], [1, 2, 3, 4, 5]]
    assert balanced_columns([1, 1], 3) == [[0], [1]]
    assert balanced_columns([], 3) == [[]]


def test_a_sheet_without_keys_says_so(qtbot: QtBot) -> None:
    sheet = CheatSheetDialog(CommandRegistry(), {})
    qtbot.addWidget(sheet)
    assert sheet.visible_titles() == []
    assert sheet.size().boundedTo(QSize(1280, 800)) == sheet.size()
