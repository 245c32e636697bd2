"""A table of upload jobs that keeps the person's place while the queue moves under it.

The queue changes several times a second while files upload; with finished
jobs hidden, every file that finishes moves the rows after it up. The current
job and the selection are therefore kept by upload id across every refresh,
so Space or Delete always act on the files the person chose, never on the
rows that slid into their place.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from advisoros_desktop.ui.upload_queue_model import SelectedJob, UploadQueueModel

ROW_HEIGHT_PADDING = 8
# Larger selections (select all) are not followed by id: when rows move they shrink to
# the current row, rather than cover rows the person did not choose.
KEPT_SELECTION = 400
# Each column is made wide enough for a typical value (or its header); the last takes the rest.
COLUMN_SAMPLES = {
    "file": "Bank statement March 2024.pdf",
    "client": "Smith & Jones Holdings",
    "state": "Duplicate of W-2 2024 Smith.pdf",
    "size": "999.9 MB",
    "category": "Financial statement",
    "year": "2024",
    "source": "Watched: Scanner",
    "added": "Yesterday 12:59 PM",
    "folder": "Scans/Smith, John/2024",
    "suggestion": "Smith & Jones Holdings (62%)",
    "reason": "folder 'Smyth J' is ambiguous: Jane Smyth (81%) or John Smith (78%)",
}
# In a narrow window a column shrinks, but never below its shortest telling value; the
# columns missing here (size, year) are read whole and never shrink.
COLUMN_MINIMUM_SAMPLES = {
    "file": "W-2 2024 Smith.pdf",
    "client": "Acme LLC",
    "state": "Waiting for the server",
    "category": "Invoice",
    "source": "Dropped",
    "added": "Today 12:59 PM",
    "folder": "Scans/Smith",
    "suggestion": "Acme LLC (62%)",
    "reason": "folder 'Smyth J' matches",
}
CELL_PADDING = 24


class UploadQueueTable(QTableView):
    current_job_changed = Signal(object)  # upload id or None

    def __init__(
        self,
        model: UploadQueueModel,
        parent: QWidget | None = None,
        *,
        elide: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
    ) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table, as in a form
        # One mode for all cells: a Python delegate choosing per column costs more to
        # paint a screen of cells than reading them does.
        self.setTextElideMode(elide)
        vertical = self.verticalHeader()
        vertical.setVisible(False)
        # Fixed row heights: the view then never asks every row for its size.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + ROW_HEIGHT_PADDING)
        horizontal = self.horizontalHeader()
        horizontal.setHighlightSections(False)
        horizontal.setStretchLastSection(True)
        # Sized from the font, never from the contents: measuring 10,000 rows would stall.
        horizontal.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics, header_metrics = self.fontMetrics(), horizontal.fontMetrics()

        def width(sample: str, column: int) -> int:
            header = str(model.headerData(column, Qt.Orientation.Horizontal))
            text = max(metrics.horizontalAdvance(sample), header_metrics.horizontalAdvance(header))
            return text + CELL_PADDING

        self._natural_widths = [
            width(COLUMN_SAMPLES.get(name, ""), column) for column, name in enumerate(model.columns)
        ]
        self._least_widths = [
            width(COLUMN_MINIMUM_SAMPLES[name], column)
            if name in COLUMN_MINIMUM_SAMPLES
            else self._natural_widths[column]
            for column, name in enumerate(model.columns)
        ]
        self._fitting = False
        self._fitted = True  # until the person drags a column edge
        horizontal.sectionResized.connect(self._section_resized)
        self._fit_columns()
        self._kept_row = -1
        self._kept_current: str | None = None
        self._kept_selection: dict[int, str] | None = None
        model.about_to_reload.connect(self._remember)
        model.reloaded.connect(self._restore)
        model.modelAboutToBeReset.connect(self._remember)
        model.modelReset.connect(lambda: self._restore(reset=True))
        self.selectionModel().currentRowChanged.connect(self._announce_current)

    def queue_model(self) -> UploadQueueModel:
        model = self.model()
        assert isinstance(model, UploadQueueModel)
        return model

    # -- what the view asks ----------------------------------------------------------
    def current_upload_id(self) -> str | None:
        index = self.currentIndex()
        return self.queue_model().upload_id(index.row()) if index.isValid() else None

    def selected_ranges(self) -> list[tuple[int, int]]:
        """(first row, row count) of each selected block, merged and in order."""
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

    def selected_jobs(self) -> list[SelectedJob]:
        """The selected jobs in queue order; the current one when nothing is selected."""
        model = self.queue_model()
        jobs: list[SelectedJob] = []
        for first, count in self.selected_ranges():
            jobs += model.jobs_in_rows(first, count)
        if not jobs:
            current = self.currentIndex()
            job = model.job(current.row()) if current.isValid() else None
            jobs = [SelectedJob.of(job)] if job is not None else []
        return jobs

    def selected_ids(self) -> list[str]:
        return list(dict.fromkeys(job.upload_id for job in self.selected_jobs()))

    def go_to_row(self, row: int, *, select: bool = True) -> None:
        model = self.queue_model()
        if model.rowCount() == 0:
            return
        row = max(0, min(row, model.rowCount() - 1))
        index = model.index(row, max(self.currentIndex().column(), 0))
        flags = QItemSelectionModel.SelectionFlag.NoUpdate
        if select:
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
        self.selectionModel().setCurrentIndex(index, flags)
        self.scrollTo(index)

    def go_to_job(self, upload_id: str) -> bool:
        position = self.queue_model().positions_of([upload_id]).get(upload_id)
        if position is None:
            return False
        self.go_to_row(position)
        return True

    # -- column widths ---------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self._fit_columns()

    def _fit_columns(self) -> None:
        """Typical values fit; in a narrow window the wordy columns give up room first.

        Each shrinks in proportion to the room it has above its shortest telling
        value ("Waiting for the server" for the state); size, year and time keep
        theirs. Only when every column is at its least does the table scroll.
        """
        natural, least = self._natural_widths, self._least_widths
        spare = sum(n - m for n, m in zip(natural, least, strict=True))
        # A pixel or two to spare: rounding must not bring up a sideways scroll bar.
        over = sum(natural) - max(self.viewport().width() - 2, 1)
        scale = 1.0 if over <= 0 or not spare else max(0.0, 1 - over / spare)
        self._fitting = True
        try:
            for column, (most, fewest) in enumerate(zip(natural, least, strict=True)):
                width = fewest + int((most - fewest) * scale)
                self.horizontalHeader().resizeSection(column, width)
        finally:
            self._fitting = False

    def _section_resized(self, column: int, *_sizes: int) -> None:
        # The last column stretches by itself with the window; that is no choice of theirs.
        if not self._fitting and column != self.queue_model().columnCount() - 1:
            self._fitted = False  # the person chose a width: leave them all alone

    # -- keeping the place -------------------------------------------------------------
    def _remember(self) -> None:
        current = self.currentIndex()
        self._kept_row = current.row() if current.isValid() else -1
        self._kept_current = self.current_upload_id()
        if self.selected_count() <= KEPT_SELECTION:
            model = self.queue_model()
            self._kept_selection = {
                row: upload_id
                for first, count in self.selected_ranges()
                for row in range(first, first + count)
                if (upload_id := model.upload_id(row)) is not None
            }
        else:
            self._kept_selection = None

    def _restore(self, *, reset: bool = False) -> None:
        """Put the current job and the selection back where those jobs are now.

        A current job that left the list (it finished while finished jobs are
        hidden, or was assigned in the triage list) leaves the cursor on the row
        that took its place, so working down a list continues naturally. A
        selection too large to follow by id shrinks to the current row when
        rows moved: acting on rows that slid into place would be worse.
        """
        model = self.queue_model()
        kept_row, kept_current, kept_selection = (
            self._kept_row,
            self._kept_current,
            (self._kept_selection),
        )
        self._kept_row, self._kept_current, self._kept_selection = -1, None, None
        if model.rowCount() == 0:
            return
        if kept_current is None:
            if not self.currentIndex().isValid():
                self.go_to_row(0)  # a current row from the start: the keys need one
            return
        pairs = dict(kept_selection or {})
        pairs[kept_row] = kept_current
        if not reset and all(model.upload_id(r) == i for r, i in pairs.items()):
            return  # nothing moved: Qt's own current row and selection are still right
        positions = model.positions_of(pairs.values())
        current_row = positions.get(kept_current, min(kept_row, model.rowCount() - 1))
        last = model.columnCount() - 1
        selection = QItemSelection()
        for upload_id in (kept_selection or {}).values():
            row = positions.get(upload_id)
            if row is not None:
                selection.select(model.index(row, 0), model.index(row, last))
        if selection.isEmpty():
            selection.select(model.index(current_row, 0), model.index(current_row, last))
        flag = QItemSelectionModel.SelectionFlag
        column = max(self.currentIndex().column(), 0)
        self.selectionModel().setCurrentIndex(model.index(current_row, column), flag.NoUpdate)
        self.selectionModel().select(selection, flag.ClearAndSelect)

    def _announce_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        upload_id = self.queue_model().upload_id(current.row()) if current.isValid() else None
        self.current_job_changed.emit(upload_id)
