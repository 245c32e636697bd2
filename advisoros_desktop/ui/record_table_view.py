"""The record table: Excel-like keyboard behaviour over a ``RecordTableModel``.

Arrows, Home/End, PgUp/PgDn, Shift+arrows and Ctrl+A are Qt's own; the
window's commands add J/K, Space, Enter, E and Delete through the registry.
This class keeps the current record (by id, not by row number) across
re-sorts and refreshes, and answers which records are selected.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from advisoros_desktop.ui.record_table_model import RecordTableModel

ROW_HEIGHT_PADDING = 8
# Larger selections (select all) are collapsed to the current row when rows move.
KEPT_SELECTION = 400


class RecordTableView(QTableView):
    current_record_changed = Signal(object)  # record id or None

    def __init__(self, model: RecordTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.setSortingEnabled(True)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table, as in a form
        self.verticalHeader().setVisible(False)
        # Fixed row heights: the view then never asks every row for its size.
        vertical = self.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + ROW_HEIGHT_PADDING)
        horizontal = self.horizontalHeader()
        horizontal.setHighlightSections(False)
        horizontal.setSectionsMovable(True)
        horizontal.setStretchLastSection(True)
        horizontal.setSortIndicatorShown(True)
        horizontal.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._kept_id: str | None = None
        model.modelAboutToBeReset.connect(self._remember_current)
        model.modelReset.connect(self._restore_current)
        model.about_to_reload.connect(self._remember_selection)
        model.reloaded.connect(self._restore_selection)
        self._kept_rows: dict[int, str] = {}
        self.selectionModel().currentRowChanged.connect(self._announce_current)

    def record_model(self) -> RecordTableModel:
        model = self.model()
        assert isinstance(model, RecordTableModel)
        return model

    # -- the current record ------------------------------------------------------
    def current_record_id(self) -> str | None:
        index = self.currentIndex()
        return self.record_model().record_id(index.row()) if index.isValid() else None

    def go_to_record(self, record_id: str) -> bool:
        position = self.record_model().position_of(record_id)
        if position is None:
            return False
        self.go_to_row(position)
        return True

    def go_to_row(self, row: int, select: bool = True) -> None:
        model = self.record_model()
        if model.rowCount() == 0:
            return
        row = max(0, min(row, model.rowCount() - 1))
        column = max(self.currentIndex().column(), 0)
        index = model.index(row, column)
        flags = QItemSelectionModel.SelectionFlag.NoUpdate
        if select:
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
        self.selectionModel().setCurrentIndex(index, flags)
        self.scrollTo(index)

    def move_rows(self, delta: int) -> None:
        """J/K: move the current row, the selection following it (like the arrows)."""
        current = self.currentIndex()
        self.go_to_row((current.row() if current.isValid() else -1) + delta)

    def toggle_current_selection(self) -> None:
        """Space: add or remove the current row from the selection, keeping the rest."""
        index = self.currentIndex()
        if not index.isValid():
            return
        self.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.Toggle | QItemSelectionModel.SelectionFlag.Rows,
        )

    def selected_rows(self) -> list[int]:
        rows: set[int] = set()
        for selection_range in self.selectionModel().selection():
            rows.update(range(selection_range.top(), selection_range.bottom() + 1))
        return sorted(rows)

    def selected_ranges(self) -> list[tuple[int, int]]:
        """(first row, row count) of each selected block: cheap for "select all" on 100k."""
        ranges = sorted(
            (r.top(), r.bottom() - r.top() + 1) for r in self.selectionModel().selection()
        )
        merged: list[tuple[int, int]] = []
        for top, count in ranges:
            if merged and top <= merged[-1][0] + merged[-1][1]:
                first, length = merged[-1]
                merged[-1] = (first, max(length, top + count - first))
            else:
                merged.append((top, count))
        return merged

    def selected_count(self) -> int:
        return sum(count for _top, count in self.selected_ranges())

    def select_all_rows(self) -> None:
        model = self.record_model()
        if model.rowCount():
            top_left = model.index(0, 0)
            bottom_right = model.index(model.rowCount() - 1, model.columnCount() - 1)
            self.selectionModel().select(
                QItemSelection(top_left, bottom_right),
                QItemSelectionModel.SelectionFlag.ClearAndSelect,
            )

    def _remember_current(self) -> None:
        self._kept_id = self.current_record_id()

    def _restore_current(self) -> None:
        kept, self._kept_id = self._kept_id, None
        if kept is not None and self.go_to_record(kept):
            return
        self.go_to_row(0)

    def _remember_selection(self) -> None:
        self._kept_id = self.current_record_id()
        model = self.record_model()
        rows = self.selected_rows() if self.selected_count() <= KEPT_SELECTION else []
        self._kept_rows = {row: record for row in rows if (record := model.record_id(row))}

    def _restore_selection(self) -> None:
        """After rows moved, the selection must still mean the records the user chose.

        Selections are kept by position in Qt, so a sync that inserts a row above
        them would shift them onto other records, and Delete would archive the
        wrong ones. The selection is kept only if every selected row still holds
        the same record; otherwise it shrinks to the current record.
        """
        kept_id, kept_rows = self._kept_id, self._kept_rows
        self._kept_id, self._kept_rows = None, {}
        model = self.record_model()
        current = self.currentIndex()
        if kept_id is not None and model.record_id(current.row()) != kept_id:
            position = model.position_of(kept_id)
            if position is not None:
                self.go_to_row(position)
                return
        unchanged = kept_rows and all(model.record_id(r) == i for r, i in kept_rows.items())
        if not unchanged and self.selected_count() > 1 and current.isValid():
            self.go_to_row(current.row())

    def _announce_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        record_id = self.record_model().record_id(current.row()) if current.isValid() else None
        self.current_record_changed.emit(record_id)
