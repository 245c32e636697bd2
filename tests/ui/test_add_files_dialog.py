"""The add-files dialog: one glance, one key; everything reachable by keyboard."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from advisoros_desktop.intake.routing import ClientName, FilenameRule
from advisoros_desktop.ui.add_files_dialog import AddFilesDialog, size_text
from advisoros_desktop.ui.drop_survey import Survey, survey_paths
from tests.ui.window_intake_fixture import make_pdfs

ACME = ClientName("c-acme", "Acme Holdings LLC", ("Acme Holdings Limited Liability Company",))
BAKER = ClientName("c-baker", "Baker & Sons Bakery", ())
SMITH = ClientName("c-smith", "Smith, John", ("John Smith",))
CLIENTS = [ACME, BAKER, SMITH]


def _survey(files: int = 3, **fields: object) -> Survey:
    survey = Survey([Path("/scans")], CLIENTS, files=files, total_bytes=1_234_567, unrouted=files)
    survey.categories = Counter({"w2": 2, None: 1})
    survey.years = Counter({2024: 3})
    for name, value in fields.items():
        setattr(survey, name, value)
    return survey


def _open(qtbot: QtBot, dialog: AddFilesDialog) -> AddFilesDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def test_with_the_client_in_view_enter_adds_the_files(qtbot: QtBot) -> None:
    dialog = _open(qtbot, AddFilesDialog(_survey(), ACME, client_note="The client in view."))
    summary = dialog.findChild(QLabel, "addFilesSummary")
    assert summary.text() == f"Add 3 files ({size_text(1_234_567)})"
    assert dialog.client_field.text() == "Acme Holdings LLC"
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.ok_button)
    dialog.grab().save("/tmp/add_files_dialog.png")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)
    target = dialog.target()
    assert (target.client_id, target.category, target.year) == ("c-acme", None, None)


def test_category_and_year_infer_by_default_and_can_be_chosen(qtbot: QtBot) -> None:
    dialog = _open(qtbot, AddFilesDialog(_survey(), BAKER))
    assert dialog.category.currentText() == "Infer from each file (W-2: 2, no hint: 1)"
    assert dialog.year.currentText() == "Infer from each file (all 2024)"
    dialog.category.setFocus()
    qtbot.keyClicks(dialog.category, "Bank")  # a combo box finds its entry by typing
    assert dialog.category.currentData() == "bank_statement"
    dialog.year.setFocus()
    qtbot.keyClick(dialog.year, Qt.Key.Key_Down)
    chosen_year = dialog.year.currentData()
    assert isinstance(chosen_year, int)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.year, Qt.Key.Key_Return)  # Enter confirms from any field
    assert dialog.target().category == "bank_statement"
    assert dialog.target().year == chosen_year


def test_with_no_client_focus_is_on_the_client_and_typing_opens_the_picker(
    qtbot: QtBot,
) -> None:
    dialog = _open(qtbot, AddFilesDialog(_survey(files=1, total_bytes=900), None))
    assert dialog.needs_client()
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.client_field)
    dialog.grab().save("/tmp/add_files_dialog_no_client.png")
    qtbot.keyClick(dialog.client_field, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: dialog.picker is not None and dialog.picker.isVisible())
    picker = dialog.picker
    assert picker is not None and picker.search.text() == "s"
    qtbot.keyClicks(picker.search, "mith")
    assert picker.current_client() == SMITH
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.picker is None)
    assert dialog.client == SMITH and dialog.client_field.text() == "Smith, John"
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.ok_button)


def test_ok_without_a_client_asks_for_one_instead_of_guessing(qtbot: QtBot) -> None:
    dialog = _open(qtbot, AddFilesDialog(_survey(), None))
    dialog.ok_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted.value
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.picker is not None)
    assert "Choose the client" in dialog.client_note.text()
    assert dialog.picker is not None
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.picker is None)
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.client_field, Qt.Key.Key_Escape)


def test_rules_that_name_a_client_for_every_file_need_no_question(
    qtbot: QtBot, tmp_path: Path
) -> None:
    make_pdfs(tmp_path / "drop", ["ACME_scan_001.pdf", "ACME_scan_002.pdf"])
    (tmp_path / "drop" / "~$lock.docx").write_bytes(b"x")
    survey = survey_paths(
        [tmp_path / "drop"], lambda: CLIENTS, [FilenameRule("ACME_*", client_id="c-acme")]
    )
    assert (survey.files, survey.ignored, survey.single_client) == (2, 1, "c-acme")
    dialog = _open(qtbot, AddFilesDialog(survey, None))
    assert dialog.client == ACME and not dialog.needs_client()
    assert dialog.findChild(QLabel, "addFilesSkipped").isVisibleTo(dialog)
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.ok_button)


def test_rules_sending_files_to_several_clients_route_each_file(
    qtbot: QtBot, tmp_path: Path
) -> None:
    files = make_pdfs(tmp_path, ["ACME_1.pdf", "BAKER_1.pdf"])
    rules = [
        FilenameRule("ACME_*", client_id="c-acme"),
        FilenameRule("BAKER_*", client_id="c-baker"),
    ]
    survey = survey_paths(files, lambda: CLIENTS, rules)
    dialog = _open(qtbot, AddFilesDialog(survey, None))
    assert dialog.client_field.text() == "By filename rules"
    assert "Acme Holdings LLC (1)" in dialog.client_note.text()
    assert dialog.target().client_id is None  # the engine routes each file by its rule
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)
