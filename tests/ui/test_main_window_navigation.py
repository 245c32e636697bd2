"""The main window by keyboard: views, rows, filter, opening a client and going back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from tests.ui.desktop_fixture import Desktop

CTRL = Qt.KeyboardModifier.ControlModifier


def focused() -> object:
    return QApplication.focusWidget()


def test_views_switch_by_ctrl_number_and_focus_lands_in_the_table(
    qtbot: QtBot, desktop: Desktop
) -> None:
    window = desktop.window
    for key, name in (
        (Qt.Key.Key_4, "documents"),
        (Qt.Key.Key_3, "tasks"),
        (Qt.Key.Key_1, "clients"),
    ):
        qtbot.keyClick(window, key, CTRL)
        assert window.current_view_name() == name
        view = window.record_views[name]
        assert view.isVisible()
        assert focused() is view.table
        assert view.model.rowCount() > 0
    qtbot.keyClick(window, Qt.Key.Key_7, CTRL)
    assert window.current_view_name() == "conflicts"
    assert window.conflicts_view.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_6, CTRL)
    assert window.current_view_name() == "intake"


def test_j_k_home_end_move_the_current_row(qtbot: QtBot, desktop: Desktop) -> None:
    window = desktop.window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    table = window.record_views["documents"].table
    assert table.currentIndex().row() == 0
    qtbot.keyClick(table, Qt.Key.Key_J)
    qtbot.keyClick(table, Qt.Key.Key_J)
    assert table.currentIndex().row() == 2
    qtbot.keyClick(table, Qt.Key.Key_K)
    assert table.currentIndex().row() == 1
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert table.currentIndex().row() == table.model().rowCount() - 1
    qtbot.keyClick(table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert table.currentIndex().row() == 0
    # The detail pane follows the current row.
    qtbot.keyClick(table, Qt.Key.Key_J)
    row = window.record_views["documents"].model.row(table.currentIndex().row())
    assert not window.details.showing_nothing()
    shown = " ".join(label.text() for label in window.details.findChildren(QLabel))
    assert row["fileName"] in shown


def test_slash_filters_as_you_type_and_escape_clears_back_to_the_table(
    qtbot: QtBot, desktop: Desktop
) -> None:
    window = desktop.window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.record_views["documents"]
    everything = view.model.rowCount()
    qtbot.keyClick(view.table, Qt.Key.Key_Slash)
    assert focused() is view.filter
    qtbot.keyClicks(view.filter, "w2")
    assert view.filter.text() == "w2"  # "w" is no shortcut while typing, nor is "2"
    filtered = view.model.rowCount()
    assert 0 < filtered < everything
    for number in range(filtered):
        row = view.model.row(number)
        said = " ".join(
            str(row.get(k) or "") for k in ("fileName", "category", "description", "clientId:label")
        ).lower()
        assert "w2" in said or "w-2" in said, row
    qtbot.keyClick(view.filter, Qt.Key.Key_Escape)
    assert view.filter.text() == ""
    assert view.model.rowCount() == everything
    assert focused() is view.table


def test_single_keys_typed_in_the_filter_are_text_not_commands(
    qtbot: QtBot, desktop: Desktop
) -> None:
    window = desktop.window
    view = window.record_views["clients"]
    view.focus_filter()
    qtbot.keyClicks(view.filter, "jk/?e")
    assert view.filter.text() == "jk/?e"
    assert QApplication.activeModalWidget() is None  # "?" did not open the cheat sheet
    assert focused() is view.filter and window.current_view_name() == "clients"
    qtbot.keyClick(view.filter, Qt.Key.Key_Escape)
    assert focused() is view.table and view.table.currentIndex().row() == 0
    qtbot.keyClick(view.table, Qt.Key.Key_J)  # in the table, J is a command again
    assert view.table.currentIndex().row() == 1


def test_enter_on_a_client_scopes_documents_and_backspace_goes_back(
    qtbot: QtBot, desktop: Desktop
) -> None:
    window = desktop.window
    clients = window.record_views["clients"]
    qtbot.keyClick(clients.table, Qt.Key.Key_J)
    qtbot.keyClick(clients.table, Qt.Key.Key_J)
    client_id = clients.table.current_record_id()
    client = desktop.store.get("client", client_id)
    qtbot.keyClick(clients.table, Qt.Key.Key_Return)
    assert window.current_view_name() == "documents"
    documents = window.record_views["documents"]
    assert client["businessName"] in documents.breadcrumb.text()
    rows = [documents.model.row(i) for i in range(documents.model.rowCount())]
    assert rows and all(r["clientId"] == client_id for r in rows)
    # The scope holds for engagements and tasks too.
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    tasks = window.record_views["tasks"]
    assert all(tasks.model.row(i)["clientId"] == client_id for i in range(tasks.model.rowCount()))
    qtbot.keyClick(tasks.table, Qt.Key.Key_Backspace)
    assert window.current_view_name() == "clients"
    assert clients.table.current_record_id() == client_id
    assert documents.model.query.scope == ()


def test_a_row_arriving_above_the_selection_never_shifts_it_onto_other_records(
    qtbot: QtBot, desktop: Desktop
) -> None:
    window = desktop.window
    clients = window.record_views["clients"]
    clients.table.setFocus()
    qtbot.keyClick(clients.table, Qt.Key.Key_J)
    qtbot.keyClick(clients.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    chosen = {clients.model.record_id(r) for r in clients.table.selected_rows()}
    current = clients.table.current_record_id()
    count = clients.model.rowCount()
    desktop.store.create("client", {"businessName": "Aaron Abbott"})  # sorts first
    window.notices.flush()
    assert clients.model.rowCount() == count + 1
    assert clients.table.current_record_id() == current
    now = {clients.model.record_id(r) for r in clients.table.selected_rows()}
    assert now and now <= chosen  # still the user's records (or fewer), never others
