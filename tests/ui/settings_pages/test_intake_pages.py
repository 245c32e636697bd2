"""The Intake and Filename rules pages, with intake running on a real account.

Filename rules are stored once a rule is finished and valid (never while a
pattern is half-typed), a rule that is not valid keeps the saved ones in
force and is explained, and closing with it on screen asks first. The
Intake page lists the watched folders with what happens to their files, and
edits them in the Watched Folders dialog, which from here leaves the rules
to their own page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from advisoros_desktop.intake.filename_rules import FilenameRule
from advisoros_desktop.intake.watched_folders import WatchedFolder
from advisoros_desktop.ui.intake_controller import IntakeController
from advisoros_desktop.ui.intake_settings import IntakeSettings
from advisoros_desktop.ui.settings_pages.filename_rules_page import FilenameRulesPage
from advisoros_desktop.ui.settings_pages.intake_page import AFTER_UPLOAD, STATE, IntakePage
from advisoros_desktop.ui.watched_folders_dialog import WatchedFoldersDialog
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

__all__ = ["firm", "seat_for", "settings"]  # fixtures


@pytest.fixture
def seat(seat_for: Callable[..., Seat]) -> Seat:
    return seat_for("owner")


@pytest.fixture
def intake(seat: Seat, settings: QSettings) -> Iterator[IntakeController]:
    controller = IntakeController(seat.account, IntakeSettings(settings), QUndoStack())
    seat.run(controller.start())
    yield controller
    seat.run(controller.stop())


def tab_to(qtbot: QtBot, widget: QWidget, limit: int = 12) -> None:
    for _ in range(limit):
        if focused() is widget:
            return
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is widget, f"Tab did not reach {widget}"


def stored_rules(settings: QSettings) -> list[FilenameRule]:
    return IntakeSettings(reopened(settings)).rules()


def test_a_rule_is_stored_once_finished_and_valid(
    qtbot: QtBot, intake: IntakeController, settings: QSettings, tmp_path: Path
) -> None:
    answers = Answers(False, True)
    sources = sources_for(settings, tmp_path, intake=intake, confirm=answers)
    dialog = open_dialog(qtbot, sources, "filename_rules")
    page = dialog.current_page()
    assert isinstance(page, FilenameRulesPage) and page.editor is not None
    editor = page.editor
    assert focused() is editor.table

    qtbot.keyClick(editor.table, Qt.Key.Key_Insert)  # a new rule; its pattern field next
    assert focused() is editor.pattern_edit
    qtbot.keyClicks(editor.pattern_edit, "W2_*.pdf")
    assert stored_rules(settings) == []  # nothing while typing
    tab_to(qtbot, editor.year_edit)
    qtbot.waitUntil(lambda: "Not saved yet" in page.status.text())
    assert stored_rules(settings) == []  # a pattern alone sets nothing: not valid yet
    qtbot.keyClicks(editor.year_edit, "2024")
    qtbot.keyClick(editor.year_edit, Qt.Key.Key_Tab)

    qtbot.waitUntil(lambda: stored_rules(settings) == [FilenameRule("W2_*.pdf", year=2024)])
    assert intake.settings.rules() == [FilenameRule("W2_*.pdf", year=2024)]  # routing uses it
    assert "Saved" in page.status.text()

    # Broken while typed: the saved rule stays in force and the reason shows beside it.
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_F2)
    assert focused() is editor.pattern_edit
    qtbot.keyClick(editor.pattern_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor.pattern_edit, "re:(W2")
    qtbot.keyClick(editor.pattern_edit, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: "Not saved yet" in page.status.text())
    assert stored_rules(settings) == [FilenameRule("W2_*.pdf", year=2024)]
    assert editor.pattern_problem.isVisible()
    assert "not a valid regular expression" in editor.pattern_problem.text()

    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert len(answers.asked) == 1
    assert answers.asked[0].startswith("Filename rule 1 was not saved: The pattern 're:(W2'")
    assert dialog.isVisible() and focused() is editor.pattern_edit
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: closed(dialog))
    assert stored_rules(settings) == [FilenameRule("W2_*.pdf", year=2024)]


def test_removing_a_rule_is_stored_at_once(
    qtbot: QtBot, intake: IntakeController, settings: QSettings, tmp_path: Path
) -> None:
    intake.settings.set_rules(
        [FilenameRule("W2_*", year=2024), FilenameRule("1099*", category="1099")]
    )
    dialog = open_dialog(qtbot, sources_for(settings, tmp_path, intake=intake), "filename_rules")
    page = dialog.current_page()
    assert isinstance(page, FilenameRulesPage) and page.editor is not None
    qtbot.keyClick(page.editor.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: len(stored_rules(settings)) == 1)
    assert stored_rules(settings) == [FilenameRule("1099*", category="1099")]


def test_the_intake_page_lists_the_folders_and_edits_them_in_their_dialog(
    qtbot: QtBot, seat: Seat, intake: IntakeController, settings: QSettings, tmp_path: Path
) -> None:
    scans = tmp_path / "Scans"
    scans.mkdir()
    intake.settings.set_folders([WatchedFolder(scans, after_upload="leave")])
    intake.settings.set_rules([FilenameRule("W2_*", year=2024)])
    sources = sources_for(settings, tmp_path / "data", intake=intake)
    dialog = open_dialog(qtbot, sources, "intake")
    page = dialog.current_page()
    assert isinstance(page, IntakePage)
    assert focused() is page.folder_list
    [row] = [page.folder_list.topLevelItem(i) for i in range(page.folder_list.topLevelItemCount())]
    assert row.text(0) == str(scans)
    assert row.text(AFTER_UPLOAD) == "Leave in place"
    seat.turn_until(lambda: page.folder_list.topLevelItem(0).text(STATE) == "Watching")

    seen: list[int] = []

    def in_the_dialog() -> None:
        shown = QApplication.activeModalWidget()
        if not isinstance(shown, WatchedFoldersDialog):
            QTimer.singleShot(20, in_the_dialog)
            return
        seen.append(shown.tabs.count())
        qtbot.keyClick(shown.table, Qt.Key.Key_Space)  # pause the folder
        shown.accept()

    QTimer.singleShot(0, in_the_dialog)
    tab_to(qtbot, page.edit_button)
    qtbot.keyClick(page.edit_button, Qt.Key.Key_Space)

    assert seen == [1]  # the Folders tab only: the rules have their own page
    assert intake.settings.folders() == [WatchedFolder(scans, paused=True, after_upload="leave")]
    assert intake.settings.rules() == [FilenameRule("W2_*", year=2024)]
    assert page.folder_list.topLevelItem(0).text(STATE) == "Paused"
    # Where focus is when the settings are active again (offscreen, nothing re-activates them).
    assert dialog.focusWidget() is page.edit_button


def test_before_intake_starts_the_pages_say_when_they_can_be_used(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, sources_for(settings, tmp_path), "intake")
    intake_page = dialog.page("intake")
    assert isinstance(intake_page, IntakePage)
    assert not intake_page.edit_button.isEnabled()
    assert "once the workspace is connected" in intake_page.status.text()
    rules_page = dialog.page("filename_rules")
    assert isinstance(rules_page, FilenameRulesPage)
    assert rules_page.editor is None
    assert "once the workspace is connected" in rules_page.status.text()
