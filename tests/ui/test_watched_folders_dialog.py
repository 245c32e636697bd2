"""Watched folders settings, by keyboard: folders (add, refuse, pause, remove, after upload,
client), filename rules (validation beside the field, test a name), OK applies, Cancel not."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from advisoros_desktop.intake.filename_rules import FilenameRule
from advisoros_desktop.intake.routing import ClientName
from advisoros_desktop.intake.watched_folders import WatchedFolder
from advisoros_desktop.ui.client_picker import ClientPicker
from advisoros_desktop.ui.filename_rules_editor import FilenameRulesEditor
from advisoros_desktop.ui.intake_settings import IntakeSettings
from advisoros_desktop.ui.watched_folders_dialog import WatchedFoldersDialog, folder_refusal

ALT = Qt.KeyboardModifier.AltModifier
CLIENTS = [ClientName("c-acme", "Acme Manufacturing LLC"), ClientName("c-smith", "Smith, John")]


class Questions:
    """Answers the dialog's confirmations and remembers what it asked."""

    def __init__(self, answer: bool = True) -> None:
        self.answer = answer
        self.asked: list[str] = []

    def __call__(self, parent: QWidget, title: str, text: str, action: str) -> bool:
        self.asked.append(text)
        return self.answer


class Picks:
    """Stands in for the client picker: returns ``client``, remembers what was typed."""

    def __init__(self, client: ClientName | None) -> None:
        self.client = client
        self.typed: list[str] = []

    def __call__(
        self, parent: QWidget, clients: Sequence[ClientName], initial: str, title: str
    ) -> ClientName | None:
        self.typed.append(initial)
        return self.client


@pytest.fixture
def settings(tmp_path: Path) -> IntakeSettings:
    return IntakeSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def scans(tmp_path: Path) -> Path:
    folder = tmp_path / "Scans"
    folder.mkdir()
    return folder


def _open(
    qtbot: QtBot,
    settings: IntakeSettings,
    tmp_path: Path,
    states: dict[str, tuple[str, str]] | None = None,
    **options: object,
) -> WatchedFoldersDialog:
    options.setdefault("confirm", Questions())
    options.setdefault("pick_client", Picks(CLIENTS[0]))
    dialog = WatchedFoldersDialog(
        settings,
        states or {},
        clients=CLIENTS,
        data_dir=tmp_path / "app-data",
        **options,  # type: ignore[arg-type]
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitActive(dialog)
    # Mnemonics reach a window only once it has a focus widget.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return dialog


def _choose_directory(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(path))


def _focused(qtbot: QtBot) -> QWidget:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _state_texts(dialog: WatchedFoldersDialog) -> list[str]:
    model = dialog.model
    return [str(model.index(row, 1).data()) for row in range(model.rowCount())]


# -- folders -------------------------------------------------------------------------


def test_add_a_folder_then_ok_saves_it_with_the_defaults(
    qtbot: QtBot, settings: IntakeSettings, tmp_path: Path, scans: Path, monkeypatch
) -> None:
    dialog = _open(qtbot, settings, tmp_path)
    assert _focused(qtbot) is dialog.add_button  # nothing to select yet
    _choose_directory(monkeypatch, scans)

    qtbot.keyClick(dialog, Qt.Key.Key_A, ALT)  # "&Add folder…" (a button clicks after a beat)

    qtbot.waitUntil(lambda: [f.path for f in dialog.folders()] == [scans])
    assert _state_texts(dialog) == ["Watched after OK"]
    assert dialog.editor.path_label.text() == str(scans)
    assert _focused(qtbot) is dialog.table
    assert settings.folders() == []  # nothing applied before OK

    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # Enter is OK
    assert settings.folders() == [WatchedFolder(scans)]
    assert settings.folders()[0].quiet_seconds == 2.0


@pytest.mark.parametrize(
    ("chosen", "expected"),
    [
        ("Scans", "is already watched"),
        ("Scans/Acme", "is inside"),
        (".", "contains"),
        ("app-data", "keeps its own data"),
        ("app-data/accounts", "keeps its own data"),
    ],
)
def test_a_folder_that_would_take_files_twice_is_refused_with_the_reason(
    qtbot: QtBot,
    settings: IntakeSettings,
    tmp_path: Path,
    scans: Path,
    monkeypatch,
    chosen: str,
    expected: str,
) -> None:
    (scans / "Acme").mkdir()
    (tmp_path / "app-data" / "accounts").mkdir(parents=True)
    settings.set_folders([WatchedFolder(scans)])
    dialog = _open(qtbot, settings, tmp_path)
    _choose_directory(monkeypatch, tmp_path / chosen)

    dialog.add_button.click()

    assert dialog.folder_message.isVisible()
    assert expected in dialog.folder_message.text()
    assert [f.path for f in dialog.folders()] == [scans]


def test_the_data_folder_inside_the_chosen_one_is_refused(tmp_path: Path) -> None:
    home = tmp_path / "home"
    message = folder_refusal(home, [], home / ".local" / "share" / "AdvisorOS")
    assert message is not None and "contains the folder where AdvisorOS keeps its own data" in (
        message
    )


def test_a_link_to_a_watched_folder_is_the_same_folder(tmp_path: Path, scans: Path) -> None:
    link = tmp_path / "Scans shortcut"
    try:
        os.symlink(scans, link, target_is_directory=True)
    except OSError:
        pytest.skip("this system does not allow making symbolic links")
    assert folder_refusal(link, [scans], tmp_path / "data") == f"{scans} is already watched."
    assert folder_refusal(tmp_path / "Other", [scans], tmp_path / "data") is None


def test_space_pauses_and_resumes_the_selected_folder(
    qtbot: QtBot, settings: IntakeSettings, tmp_path: Path, scans: Path
) -> None:
    settings.set_folders([WatchedFolder(scans)])
    dialog = _open(qtbot, settings, tmp_path, {str(scans): ("watching", "")})
    assert _focused(qtbot) is dialog.table
    assert _state_texts(dialog) == ["Watching"]

    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert dialog.folders()[0].paused
    assert _state_texts(dialog) == ["Paused after OK"]
    assert dialog.pause_button.text() == "Res&ume"

    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert not dialog.folders()[0].paused
    assert _state_texts(dialog) == ["Watching"]

    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert settings.folders() == [WatchedFolder(scans, paused=True)]


def test_delete_asks_then_removes_saying_the_files_stay(
    qtbot: QtBot, settings: IntakeSettings, tmp_path: Path, scans: Path
) -> None:
    other = tmp_path / "Print to PDF"
    settings.set_folders([WatchedFolder(scans), WatchedFolder(other)])
    questions = Questions(answer=False)
    dialog = _open(qtbot, settings, tmp_path, confirm=questions)

    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert len(questions.asked) == 1
    assert str(scans) in questions.asked[0]
    assert "stay where they are" in questions.asked[0]
    assert len(dialog.folders()) == 2  # the answer was no

    questions.answer = True
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert [f.path for f in dialog.folders()] == [other]
    assert dialog.editor.path_label.text() == str(other)  # the next one is selected

    dialog.accept()
    assert settings.folders() == [WatchedFolder(other)]


def test_after_upload_polling_quiet_period_and_client_are_saved(
    qtbot: QtBot, settings: IntakeSettings, tmp_path: Path, scans: Path
) -> None:
    settings.set_folders([WatchedFolder(scans)])
    picks = Picks(CLIENTS[1])
    dialog = _open(qtbot, settings, tmp_path, pick_client=picks)
    editor = dialog.editor
    assert ".processed" in editor.after_upload_note.text()  # "move" is the default

    qtbot.keyClick(dialog, Qt.Key.Key_D, ALT)  # "&Delete" after upload
    qtbot.waitUntil(editor.after_upload_button("delete").isChecked)
    assert "only after the server has confirmed" in editor.after_upload_note.text()

    qtbot.keyClick(dialog, Qt.Key.Key_N, ALT)  # "&Network share"
    qtbot.waitUntil(editor.poll_seconds.isEnabled)
    editor.poll_seconds.setFocus()
    editor.poll_seconds.selectAll()
    qtbot.keyClicks(editor.poll_seconds, "30")
    qtbot.keyClick(editor.poll_seconds, Qt.Key.Key_Tab)

    qtbot.keyClick(dialog, Qt.Key.Key_C, ALT)  # "All files go to &client"
    name_edit = editor.client_field.name_edit
    assert _focused(qtbot) is name_edit
    qtbot.keyClicks(name_edit, "s")  # typing opens the picker with what was typed
    assert picks.typed == ["s"]
    assert name_edit.text() == "Smith, John"

    qtbot.keyClick(dialog, Qt.Key.Key_Q, ALT)  # "&Quiet period"
    assert _focused(qtbot) is editor.quiet_seconds
    editor.quiet_seconds.selectAll()
    qtbot.keyClicks(editor.quiet_seconds, "5")
    with qtbot.waitSignal(dialog.accepted):  # Enter takes the typed value, then is OK
        qtbot.keyClick(editor.quiet_seconds, Qt.Key.Key_Return)
    assert settings.folders() == [
        WatchedFolder(
            scans,
            polling=True,
            poll_seconds=30.0,
            after_upload="delete",
            quiet_seconds=5.0,
            client_id="c-smith",
        )
    ]


def test_the_folder_state_follows_the_watcher(
    qtbot: QtBot, settings: IntakeSettings, tmp_path: Path, scans: Path
) -> None:
    settings.set_folders([WatchedFolder(scans)])
    dialog = _open(qtbot, settings, tmp_path, {str(scans): ("watching", "")})
    gone = f"The folder {scans} is not there (unplugged drive?); watching for it to come back."

    dialog.update_folder_state(str(scans), "missing", gone)

    assert _state_texts(dialog) == ["Not there"]
    assert gone in dialog.editor.state_label.text()


def test_cancel_changes_nothing(
    qtbot: QtBot, settings: IntakeSettings, tmp_path: Path, scans: Path, monkeypatch
) -> None:
    settings.set_folders([WatchedFolder(scans)])
    settings.set_rules([FilenameRule("W2_*.pdf", category="w2")])
    dialog = _open(qtbot, settings, tmp_path)
    changes: list[None] = []
    settings.changed.connect(lambda: changes.append(None))
    _choose_directory(monkeypatch, tmp_path / "Print to PDF")

    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    dialog.add_button.click()
    dialog.tabs.setCurrentWidget(dialog.rules_editor)
    dialog.rules_editor.new_rule()
    qtbot.keyClicks(dialog.rules_editor.pattern_edit, "ACME_*")
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(_focused(qtbot), Qt.Key.Key_Escape)

    assert changes == []
    assert settings.folders() == [WatchedFolder(scans)]
    assert settings.rules() == [FilenameRule("W2_*.pdf", category="w2")]


# -- filename rules ------------------------------------------------------------------


def test_a_bad_regex_is_explained_beside_the_field_and_blocks_ok_until_fixed(
    qtbot: QtBot, settings: IntakeSettings, tmp_path: Path
) -> None:
    dialog = _open(qtbot, settings, tmp_path)
    rules = dialog.rules_editor
    qtbot.keyClick(dialog, Qt.Key.Key_R, ALT)  # "Filename &rules"
    assert dialog.tabs.currentWidget() is rules

    qtbot.keyClick(dialog, Qt.Key.Key_N, ALT)  # "&New rule"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is rules.pattern_edit)
    assert not rules.pattern_problem.isVisible()  # nothing typed yet, nothing to scold
    qtbot.keyClicks(rules.pattern_edit, "re:ACME_(")
    assert rules.pattern_problem.isVisible()
    assert "is not a valid regular expression" in rules.pattern_problem.text()
    assert rules.pattern_edit.property("invalid")

    qtbot.keyClick(rules.pattern_edit, Qt.Key.Key_Return)  # Enter is OK: refused
    assert dialog.isVisible()
    assert settings.rules() == []
    assert _focused(qtbot) is rules.pattern_edit

    qtbot.keyClick(rules.pattern_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(rules.pattern_edit, "\\d+")
    assert not rules.pattern_problem.isVisible()
    assert not rules.pattern_edit.property("invalid")
    # A valid pattern that sets nothing yet: said once the pattern is right.
    assert "sets no client, category or year" in rules.rule_problem.text()

    qtbot.keyClick(dialog, Qt.Key.Key_C, ALT)  # "&Client" (the stand-in picks Acme)
    qtbot.keyClick(rules.client_field.name_edit, Qt.Key.Key_Return)
    assert rules.client_field.name_edit.text() == "Acme Manufacturing LLC"
    qtbot.keyClick(dialog, Qt.Key.Key_Y, ALT)  # "&Year"
    qtbot.keyClicks(rules.year_edit, "1899")
    assert "is not a tax year" in rules.year_problem.text()
    rules.year_edit.selectAll()
    qtbot.keyClicks(rules.year_edit, "2024")
    assert not rules.year_problem.isVisible()
    assert not rules.rule_problem.isVisible()

    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(rules.year_edit, Qt.Key.Key_Return)
    assert settings.rules() == [FilenameRule("re:ACME_\\d+", client_id="c-acme", year=2024)]


def test_ok_on_the_folders_tab_goes_to_the_rule_that_is_not_valid(
    qtbot: QtBot, settings: IntakeSettings, tmp_path: Path
) -> None:
    settings.set_rules([FilenameRule("W2_*.pdf", category="w2")])
    dialog = _open(qtbot, settings, tmp_path)
    rules = dialog.rules_editor
    rules.new_rule()
    qtbot.keyClicks(rules.pattern_edit, "*.pdf")  # sets nothing
    dialog.tabs.setCurrentIndex(0)
    dialog.table.setFocus()

    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)

    assert dialog.isVisible()
    assert dialog.tabs.currentWidget() is rules
    assert rules.current_row() == 1
    assert "sets no client, category or year" in rules.rule_problem.text()
    assert settings.rules() == [FilenameRule("W2_*.pdf", category="w2")]


def test_category_by_keyboard_rule_order_and_delete(
    qtbot: QtBot, settings: IntakeSettings, tmp_path: Path
) -> None:
    settings.set_rules(
        [FilenameRule("W2_*.pdf", category="w2"), FilenameRule("*bank*", client_id="c-acme")]
    )
    dialog = _open(qtbot, settings, tmp_path)
    rules = dialog.rules_editor
    dialog.tabs.setCurrentWidget(rules)
    rules.table.setFocus()
    rules.table.selectRow(1)

    qtbot.keyClick(rules.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [d.pattern for d in rules.model.drafts] == ["*bank*", "W2_*.pdf"]
    assert rules.current_row() == 0

    qtbot.keyClick(dialog, Qt.Key.Key_A, ALT)  # "C&ategory"
    assert _focused(qtbot) is rules.category_combo
    qtbot.keyClicks(rules.category_combo, "Bank")
    assert rules.category_combo.currentData() == "bank_statement"

    rules.table.setFocus()
    rules.table.selectRow(1)
    qtbot.keyClick(rules.table, Qt.Key.Key_Delete)
    assert [d.pattern for d in rules.model.drafts] == ["*bank*"]

    dialog.accept()
    assert settings.rules() == [
        FilenameRule("*bank*", client_id="c-acme", category="bank_statement")
    ]


def test_testing_a_file_name_names_the_deciding_rules(
    qtbot: QtBot, settings: IntakeSettings, tmp_path: Path
) -> None:
    settings.set_rules(
        [
            FilenameRule("W2_*", category="w2"),
            FilenameRule("re:acme", client_id="c-acme", category="invoice", year=2024),
            FilenameRule("*.pdf", client_id="c-gone"),
        ]
    )
    dialog = _open(qtbot, settings, tmp_path)
    rules = dialog.rules_editor
    qtbot.keyClick(dialog, Qt.Key.Key_R, ALT)
    qtbot.keyClick(dialog, Qt.Key.Key_T, ALT)  # "&Test a file name"
    assert _focused(qtbot) is rules.test_edit

    qtbot.keyClicks(rules.test_edit, r"C:\Scans\W2_ACME_2024.pdf")
    result = rules.test_result.text()
    assert "“W2_ACME_2024.pdf”" in result
    assert "client Acme Manufacturing LLC (rule 2)" in result
    assert "category W-2 (rule 1)" in result
    assert "year 2024 (rule 2)" in result
    bold = [rules.model.index(row, 0).data(Qt.ItemDataRole.FontRole) for row in range(3)]
    assert all(font is not None and font.bold() for font in bold)

    rules.test_edit.clear()
    qtbot.keyClicks(rules.test_edit, "statement.pdf")
    assert "No rule matches" in rules.test_result.text()
    assert "Rule 3 matches but names a client no longer in the firm" in rules.test_result.text()
    assert rules.model.index(2, 1).data() == "A client no longer in the firm"


def test_the_client_field_opens_the_real_picker(
    qtbot: QtBot, settings: IntakeSettings, tmp_path: Path, scans: Path
) -> None:
    settings.set_folders([WatchedFolder(scans)])
    dialog = _open(qtbot, settings, tmp_path, pick_client=None)
    name_edit = dialog.editor.client_field.name_edit
    name_edit.setFocus()
    seen: list[str] = []

    def answer() -> None:
        picker = QApplication.activeModalWidget()
        if not isinstance(picker, ClientPicker):
            QTimer.singleShot(20, answer)
            return
        seen.append(picker.search.text())
        qtbot.keyClicks(picker.search, "mith")
        qtbot.keyClick(picker.search, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    qtbot.keyClicks(name_edit, "S")

    assert seen == ["S"]
    assert name_edit.text() == "Smith, John"
    qtbot.keyClick(name_edit, Qt.Key.Key_Delete)  # Delete clears the choice
    assert name_edit.text() == ""
    assert dialog.folders()[0].client_id is None


def test_tab_moves_through_the_folders_page_in_reading_order(
    qtbot: QtBot, settings: IntakeSettings, tmp_path: Path, scans: Path
) -> None:
    settings.set_folders([WatchedFolder(scans)])
    dialog = _open(qtbot, settings, tmp_path)
    order = [_focused(qtbot)]
    for _ in range(5):
        qtbot.keyClick(order[-1], Qt.Key.Key_Tab)
        order.append(_focused(qtbot))
    assert order == [
        dialog.table,
        dialog.add_button,
        dialog.remove_button,
        dialog.pause_button,
        dialog.editor.polling_box,
        dialog.editor.quiet_seconds,  # the poll interval is off until "Network share" is on
    ]


def test_the_models_behave(
    qtbot: QtBot, qtmodeltester, settings: IntakeSettings, tmp_path: Path, scans: Path
) -> None:
    settings.set_folders([WatchedFolder(scans), WatchedFolder(tmp_path / "Other", paused=True)])
    settings.set_rules([FilenameRule("W2_*.pdf", category="w2")])
    dialog = _open(qtbot, settings, tmp_path)
    qtmodeltester.check(dialog.model)
    qtmodeltester.check(dialog.rules_editor.model)
    assert isinstance(dialog.rules_editor, FilenameRulesEditor)


def test_without_client_names_no_client_is_called_gone(
    qtbot: QtBot, settings: IntakeSettings, tmp_path: Path, scans: Path
) -> None:
    settings.set_folders([WatchedFolder(scans, client_id="c-acme")])
    settings.set_rules([FilenameRule("ACME_*", client_id="c-acme")])
    dialog = WatchedFoldersDialog(settings, {}, data_dir=tmp_path / "app-data")
    qtbot.addWidget(dialog)
    assert dialog.editor.client_field.name_edit.text() == "A client (names not loaded yet)"
    assert not dialog.editor.client_field.choose_button.isEnabled()
    assert dialog.rules_editor.model.index(0, 1).data() == "A client (names not loaded yet)"
    dialog.accept()
    assert settings.folders() == [WatchedFolder(scans, client_id="c-acme")]
    assert settings.rules() == [FilenameRule("ACME_*", client_id="c-acme")]


def test_the_hidden_tab_keeps_its_mnemonics_to_itself(
    qtbot: QtBot, settings: IntakeSettings, tmp_path: Path, scans: Path
) -> None:
    settings.set_folders([WatchedFolder(scans)])
    settings.set_rules([FilenameRule("W2_*.pdf", category="w2"), FilenameRule("*bank*", year=2024)])
    questions = Questions()
    dialog = _open(qtbot, settings, tmp_path, confirm=questions)
    qtbot.keyClick(dialog, Qt.Key.Key_R, ALT)
    qtbot.waitUntil(lambda: dialog.tabs.currentWidget() is dialog.rules_editor)

    qtbot.keyClick(dialog, Qt.Key.Key_M, ALT)  # "Re&move" here is the rule's, not the folder's
    qtbot.waitUntil(lambda: len(dialog.rules_editor.model.drafts) == 1)

    assert questions.asked == []
    assert len(dialog.folders()) == 1
