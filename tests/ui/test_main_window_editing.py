"""Editing by keyboard in the main window: cells, bulk actions, archive, undo and history."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot

from tests.ui.desktop_fixture import Desktop

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def go_to_column(desktop: Desktop, view_name: str, field: str) -> None:
    view = desktop.window.record_views[view_name]
    column = view.model.columns.index_of(field)
    view.table.setColumnHidden(column, False)
    view.table.setCurrentIndex(view.model.index(view.table.currentIndex().row(), column))


def test_a_bad_tax_id_is_explained_then_a_good_one_is_saved_and_undone(
    qtbot: QtBot, desktop: Desktop
) -> None:
    window = desktop.window
    clients = window.record_views["clients"]
    clients.table.setFocus()
    qtbot.keyClick(clients.table, Qt.Key.Key_J)
    record_id = clients.table.current_record_id()
    before = desktop.store.get("client", record_id)["taxId"]
    go_to_column(desktop, "clients", "taxId")
    qtbot.keyClick(clients.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not clients.table
    editor.selectAll()
    qtbot.keyClicks(editor, "12345")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # Still editing, with the reason shown beside the cell; nothing saved.
    assert QApplication.focusWidget() is editor
    bubble = clients.table.findChild(object, "validationBubble") or window.findChild(
        object, "validationBubble"
    )
    assert bubble is not None and bubble.isVisible()
    assert "9 digits" in bubble.text()
    assert desktop.store.get("client", record_id)["taxId"] == before
    editor.selectAll()
    qtbot.keyClicks(editor, "98-7654321")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert desktop.store.get("client", record_id)["taxId"] == "98-7654321"
    assert desktop.store.pending_count() == 1
    assert clients.model.data(clients.table.currentIndex()) == "98-7654321"
    qtbot.keyClick(clients.table, Qt.Key.Key_Z, CTRL)
    assert desktop.store.get("client", record_id)["taxId"] == before
    assert desktop.store.pending_count() == 0  # never sent: the outbox entry is gone
    qtbot.keyClick(clients.table, Qt.Key.Key_Z, CTRL | SHIFT)
    assert desktop.store.get("client", record_id)["taxId"] == "98-7654321"
    report = desktop.sync()
    assert report.pushed == 1 and desktop.store.pending_count() == 0


def answer_next_dialog(qtbot: QtBot, choice: str, attempts: int = 100) -> None:
    """Pick ``choice`` in the modal input dialog about to open, by keyboard."""

    def act(left: int) -> None:
        shown = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QInputDialog) and w.isVisible()
        ]
        dialog = shown[0] if shown else None
        if dialog is None:
            if left:  # not open yet: look again shortly
                QTimer.singleShot(50, lambda: act(left - 1))
            return
        dialog.setTextValue(choice)
        dialog.accept()

    QTimer.singleShot(50, lambda: act(attempts))


def test_bulk_status_on_selected_tasks_is_one_undo_step(qtbot: QtBot, desktop: Desktop) -> None:
    window = desktop.window
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    tasks = window.record_views["tasks"]
    qtbot.keyClick(tasks.table, Qt.Key.Key_Down, SHIFT)
    qtbot.keyClick(tasks.table, Qt.Key.Key_Down, SHIFT)
    ids = [tasks.model.record_id(r) for r in tasks.table.selected_rows()]
    assert len(ids) == 3
    before = {i: desktop.store.get("task", i)["status"] for i in ids}
    answer_next_dialog(qtbot, "Cancelled")
    qtbot.keyClick(tasks.table, Qt.Key.Key_S, CTRL | SHIFT)
    assert {desktop.store.get("task", i)["status"] for i in ids} == {"cancelled"}
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert QApplication.focusWidget() is tasks.table
    assert window.undo_stack.count() == 1
    qtbot.keyClick(tasks.table, Qt.Key.Key_Z, CTRL)
    assert {i: desktop.store.get("task", i)["status"] for i in ids} == before


def test_delete_archives_with_a_toast_and_undo_brings_it_back(
    qtbot: QtBot, desktop: Desktop
) -> None:
    window = desktop.window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    documents = window.record_views["documents"]
    count = documents.model.rowCount()
    record_id = documents.table.current_record_id()
    qtbot.keyClick(documents.table, Qt.Key.Key_Delete)
    assert desktop.store.get("document", record_id)["isArchived"] is True
    assert window.toast.isVisible()
    assert "Archive" in window.toast.label.text()
    assert documents.model.rowCount() == count - 1
    qtbot.mouseClick(window.toast.button, Qt.MouseButton.LeftButton)
    assert desktop.store.get("document", record_id)["isArchived"] is False
    assert documents.model.rowCount() == count
    assert desktop.store.pending_count() == 0


def test_history_panel_jumps_back_by_keyboard(qtbot: QtBot, desktop: Desktop) -> None:
    window = desktop.window
    clients = window.record_views["clients"]
    model = clients.model
    city = model.columns.index_of("city")
    first, second = model.record_id(0), model.record_id(1)
    old_first = desktop.store.get("client", first)["city"]
    assert model.setData(model.index(0, city), "Quillfield")
    assert model.setData(model.index(1, city), "Bramblewick")
    assert window.undo_stack.count() == 2
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL)
    assert window.history_dock.isVisible()
    assert QApplication.focusWidget() is window.history
    qtbot.keyClick(window.history, Qt.Key.Key_Up)
    qtbot.keyClick(window.history, Qt.Key.Key_Up)
    assert window.undo_stack.index() == 0
    assert desktop.store.get("client", first)["city"] == old_first
    qtbot.keyClick(window.history, Qt.Key.Key_End)
    assert window.undo_stack.index() == 2
    assert desktop.store.get("client", second)["city"] == "Bramblewick"


def test_ctrl_c_copies_selected_rows_as_tsv(qtbot: QtBot, desktop: Desktop) -> None:
    window = desktop.window
    clients = window.record_views["clients"]
    clients.table.setFocus()
    qtbot.keyClick(clients.table, Qt.Key.Key_Down, SHIFT)
    qtbot.keyClick(clients.table, Qt.Key.Key_C, CTRL)
    qtbot.waitUntil(lambda: "Business name" in QApplication.clipboard().text())
    lines = QApplication.clipboard().text().split("\r\n")
    assert lines[-1] == "" and len(lines) == 4  # header, two rows, final line end
    assert lines[0].split("\t")[0] == "Business name"
    assert lines[1].split("\t")[0] == clients.model.row(0)["businessName"]


def test_columns_and_widths_are_remembered(qtbot: QtBot, desktop: Desktop, tmp_path) -> None:
    window = desktop.window
    clients = window.record_views["clients"]
    city = clients.model.columns.index_of("city")
    clients.set_column_visible(city, False)
    clients.table.setColumnWidth(0, 333)
    window.context.settings.sync()
    from advisoros_desktop.ui.app_context import build_context
    from advisoros_desktop.ui.main_window import MainWindow

    again = MainWindow(build_context(tmp_path), desktop.store)
    qtbot.addWidget(again)
    assert again.record_views["clients"].table.isColumnHidden(city)
    assert again.record_views["clients"].table.columnWidth(0) == 333


def test_archiving_all_tasks_shows_progress_and_is_one_undo_step(
    qtbot: QtBot, desktop: Desktop
) -> None:
    from PySide6.QtWidgets import QApplication, QProgressDialog

    window = desktop.window
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    tasks = window.record_views["tasks"]
    total = tasks.model.rowCount()
    assert total >= 300  # enough for the progress dialog
    qtbot.keyClick(tasks.table, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(tasks.table, Qt.Key.Key_Delete)
    assert tasks.model.rowCount() == 0
    assert desktop.store.count("task") == total  # archived, not deleted
    progress = window.findChildren(QProgressDialog)
    assert progress and progress[-1].maximum() == total
    assert window.undo_stack.count() == 1
    # The progress dialog hands activation back to the window (asynchronously).
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(tasks.table, Qt.Key.Key_Z, CTRL)
    assert tasks.model.rowCount() == total
    assert desktop.store.pending_count() == 0  # nothing had been sent: nothing travels
