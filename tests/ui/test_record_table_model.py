"""A record table refreshed after a batched notice reads its rows off the GUI thread."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.table_query import TableQuery
from advisoros_desktop.store.transaction import ChangeSet
from advisoros_desktop.ui import table_prefetch
from advisoros_desktop.ui.record_table_model import RecordTableModel
from advisoros_desktop.ui.table_columns import columns_for


@pytest.fixture
def store(tmp_path: Path) -> LocalStore:
    store = LocalStore(tmp_path / "cache.db")
    for name in ("Baker & Sons", "Carter LLC", "Dunn Bakery"):
        store.create("client", {"businessName": name})
    return store


@pytest.fixture
def model(qtbot: QtBot, store: LocalStore) -> RecordTableModel:
    stack = QUndoStack()
    model = RecordTableModel(
        store, columns_for("client"), stack, TableQuery("client", sort_field="businessName")
    )
    model.setProperty("undo", stack)  # kept alive with the model
    return model


def _names(model: RecordTableModel) -> list[str]:
    return [str(model.row(n)["businessName"]) for n in range(model.rowCount())]  # type: ignore[index]


def test_a_batched_notice_is_read_off_the_gui_thread_and_swapped_in(
    qtbot: QtBot, model: RecordTableModel, store: LocalStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _names(model) == ["Baker & Sons", "Carter LLC", "Dunn Bakery"]
    read_on: list[threading.Thread] = []
    read_window = table_prefetch.read_window

    def watched(*args: object) -> table_prefetch.Window:
        read_on.append(threading.current_thread())
        return read_window(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(table_prefetch, "read_window", watched)
    new_id = store.create("client", {"businessName": "Abbott & Co"})  # sorts first
    with qtbot.waitSignal(model.reloaded, timeout=5000):
        model.apply(ChangeSet({"client": frozenset({new_id})}), background=True)
        assert model.rowCount() == 3  # nothing read on the spot
    assert read_on and read_on[0] is not threading.main_thread()
    assert _names(model)[:2] == ["Abbott & Co", "Baker & Sons"]
    assert model.rowCount() == 4


def test_requests_during_a_read_read_once_more_and_a_stale_read_is_dropped(
    qtbot: QtBot, model: RecordTableModel, store: LocalStore
) -> None:
    changes = ChangeSet({"client": frozenset({"x"})})
    model.apply(changes, background=True)
    model.apply(changes, background=True)  # while the first read runs: one more read
    store.create("client", {"businessName": "Evans Tax"})
    model.reload()  # read on the spot: the background reads begun before it are stale
    assert model.rowCount() == 4
    shown = []
    model.reloaded.connect(lambda: shown.append(model.rowCount()))
    qtbot.waitUntil(lambda: not model._fetching, timeout=5000)
    qtbot.wait(50)
    assert model.rowCount() == 4 and _names(model)[-1] == "Evans Tax"
    assert all(count == 4 for count in shown)


def test_notices_about_other_records_are_not_read_at_all(
    qtbot: QtBot, model: RecordTableModel
) -> None:
    assert not model.concerns(ChangeSet({"task": frozenset({"t1"})}, uploads=True))
    assert model.concerns(ChangeSet({"user": frozenset({"u1"})}))  # names shown in the rows
    with qtbot.assertNotEmitted(model.about_to_reload, wait=100):
        model.apply(ChangeSet({"task": frozenset({"t1"})}), background=True)


def test_a_cell_index_comes_from_one_call_without_asking_the_counts(
    qtbot: QtBot, store: LocalStore
) -> None:
    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QTableView

    asked: list[str] = []

    class Counting(RecordTableModel):
        def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
            asked.append("rowCount")
            return super().rowCount(parent)

        def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
            asked.append("columnCount")
            return super().columnCount(parent)

    stack = QUndoStack()
    model = Counting(
        store, columns_for("client"), stack, TableQuery("client", sort_field="businessName")
    )
    assert model.index(0, 0).isValid() and model.index(2, 0).data() == "Dunn Bakery"
    assert not model.index(3, 0).isValid()  # past the last row
    assert not model.index(0, len(model.columns.fields)).isValid()  # past the last column
    assert not model.index(0, 0, model.index(0, 0)).isValid()  # a table's cells have no children
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)
    cells = model.rowCount() * model.columnCount()
    asked.clear()
    view.grab()
    # Qt's own index() would ask both counts for each of the cells painted (37 here).
    assert cells >= 3
    assert len(asked) <= 2
