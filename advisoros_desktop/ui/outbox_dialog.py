"""The outbox dialog: every change made here that the server does not have yet.

Opened from the sync status indicator, so an accountant who sees "3 to send"
can find out what those three are, why one of them keeps failing, and give up
a change the server refused (it would otherwise stay queued for ever). Only
refused changes can be discarded: a waiting change still has every chance of
arriving, and dropping it by mistake would lose work.
"""

from __future__ import annotations

import logging
from typing import Any

import sqlalchemy as sa
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advisoros_desktop.domain.entities import ENTITIES
from advisoros_desktop.store.local_store import EditRefused, LocalStore
from advisoros_desktop.store.outbox import OutboxEntry
from advisoros_desktop.ui.catalog_words import entity_noun
from advisoros_desktop.ui.confirmation import Confirm, ask_to_confirm
from advisoros_desktop.ui.counted_text import count_text
from advisoros_desktop.ui.field_format import field_label
from advisoros_desktop.ui.record_labels import RecordLabels

log = logging.getLogger(__name__)

COLUMNS = (
    "#",
    QT_TRANSLATE_NOOP("OutboxTableModel", "Record"),
    QT_TRANSLATE_NOOP("OutboxTableModel", "Change"),
    QT_TRANSLATE_NOOP("OutboxTableModel", "Fields"),
    QT_TRANSLATE_NOOP("OutboxTableModel", "State"),
    QT_TRANSLATE_NOOP("OutboxTableModel", "Tries"),
    QT_TRANSLATE_NOOP("OutboxTableModel", "Problem"),
)
EMPTY_TEXT = QT_TRANSLATE_NOOP(
    "OutboxDialog", "Nothing waiting to be sent: the server has every change made here."
)
OPERATIONS = {
    "create": QT_TRANSLATE_NOOP("OutboxDialog", "Create {record}"),
    "update": QT_TRANSLATE_NOOP("OutboxDialog", "Update {record}"),
    "delete": QT_TRANSLATE_NOOP("OutboxDialog", "Delete {record}"),
}
STATES = {
    "pending": QT_TRANSLATE_NOOP("OutboxDialog", "Waiting"),
    "sent": QT_TRANSLATE_NOOP("OutboxDialog", "Sending"),
    "rejected": QT_TRANSLATE_NOOP("OutboxDialog", "Refused by the server"),
}
# A day offline can queue thousands of edits, and each listed entry costs a little
# on the GUI thread. Refused entries are always listed; the others in order up to
# this many.
MAX_SHOWN = 500
NUMBER_COLUMNS = (0, 5)
VALUE_LIMIT = 200  # characters of one field's value shown

_Index = QModelIndex | QPersistentModelIndex


def change_text(entry: OutboxEntry) -> str:
    """``Update client``: the operation and the kind of record, in words."""
    record = entity_noun(entry.entity)
    operation = OPERATIONS.get(entry.op)
    if operation is None:
        return f"{entry.op.capitalize()} {record}"
    return QCoreApplication.translate("OutboxDialog", operation).format(record=record)


def state_text(entry: OutboxEntry) -> str:
    state = STATES.get(entry.state)
    text = QCoreApplication.translate("OutboxDialog", state) if state else entry.state
    if entry.state != "rejected" and entry.last_error:
        return QCoreApplication.translate("OutboxDialog", "{state} (will try again)").format(
            state=text
        )
    return text


def shown_entries(entries: list[OutboxEntry], limit: int = MAX_SHOWN) -> list[OutboxEntry]:
    """Every refused entry, then the others in order, up to ``limit``; kept in seq order."""
    refused = [e for e in entries if e.state == "rejected"]
    room = max(limit - len(refused), 0)
    others = [e for e in entries if e.state != "rejected"][:room]
    return sorted(refused + others, key=lambda e: e.seq)


class OutboxTableModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[OutboxEntry] = []
        self.cells: list[tuple[str, ...]] = []

    def set_rows(self, entries: list[OutboxEntry], cells: list[tuple[str, ...]]) -> None:
        self.beginResetModel()
        self.entries, self.cells = entries, cells
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.cells)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section]) if 0 <= section < len(COLUMNS) else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.cells):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            side = (
                Qt.AlignmentFlag.AlignRight
                if index.column() in NUMBER_COLUMNS
                else Qt.AlignmentFlag.AlignLeft
            )
            return side | Qt.AlignmentFlag.AlignTop
        return None


class OutboxDialog(QDialog):
    """The outbox as a table, with "Discard refused change" and "Sync now".

    ``refresh`` is cheap while the dialog is hidden: it only notes that the
    outbox changed, and the dialog reads it again when shown.
    """

    sync_requested = Signal()

    def __init__(
        self, store: LocalStore, parent: QWidget | None = None, *, confirm: Confirm | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._confirm = confirm or ask_to_confirm
        self._stale = True
        self._labels = RecordLabels(store)
        self.setWindowTitle(self.tr("Changes waiting to be sent"))
        self.resize(860, 420)

        self.model = OutboxTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        # One line a row, so thousands of entries cost nothing to lay out; the
        # current entry's fields and error are shown in full, wrapped, below.
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Changes waiting to be sent"))
        header = self.table.horizontalHeader()
        for column, width in ((0, 40), (1, 170), (2, 120), (4, 150), (5, 50)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._show_current)

        self.more_text = QLabel(self)
        self.more_text.hide()
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty_text = QLabel(self.tr(EMPTY_TEXT), self)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text.setWordWrap(True)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.empty_text)

        self.discard_button = QPushButton(self.tr("&Discard refused change"), self)
        self.discard_button.setToolTip(
            self.tr("Give up this change: its fields go back to the server's values")
        )
        self.sync_button = QPushButton(self.tr("&Sync now"), self)
        close_button = QPushButton(self.tr("Close"), self)
        close_button.setDefault(True)  # Enter never discards anything by surprise
        for button in (self.discard_button, self.sync_button):
            button.setAutoDefault(False)
        self.discard_button.clicked.connect(self.discard_selected)
        self.sync_button.clicked.connect(self.sync_requested)
        close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sync_button)
        buttons.addWidget(close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.more_text)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        self._read()

    @property
    def entries(self) -> list[OutboxEntry]:
        return self.model.entries

    def current_entry(self) -> OutboxEntry | None:
        row = self.table.currentIndex().row()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def refresh(self) -> None:
        """Read the outbox again (when shown), keeping the current entry by sequence number."""
        if self.isVisible():
            self._read()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._read()
        super().showEvent(event)

    def discard_selected(self) -> bool:
        """Give up the current entry if the server refused it, after asking."""
        entry = self.current_entry()
        if entry is None or entry.state != "rejected":
            return False
        summary = f"{change_text(entry)} “{self._label(entry)}”"
        question = self.tr(
            "Discard this refused change? {0}. The record goes back to what the server has; "
            "this cannot be undone."
        ).format(summary)
        if not self._confirm(self, self.tr("Discard refused change"), question, self.tr("Discard")):
            return False
        try:
            self.store.discard_rejected(entry.seq)
        except EditRefused as refused:
            self._read()
            self.details.setText(str(refused))
            return False
        except sa.exc.SQLAlchemyError:
            log.exception("discarding outbox entry %s failed", entry.seq)
            self.details.setText(
                self.tr(
                    "The change could not be discarded: the local database is busy or cannot "
                    "be written. Nothing was changed; try again in a moment."
                )
            )
            return False
        self._read()
        return True

    # -- inside ---------------------------------------------------------------------
    def _read(self) -> None:
        self._stale = False
        current = self.current_entry()
        row_before = self.table.currentIndex().row()
        everything = self.store.outbox_entries()
        entries = shown_entries(everything)
        self._labels = RecordLabels(self.store)  # names as they are now, read in one go
        self._labels.load((e.entity, e.record_id) for e in entries)
        self.model.set_rows(entries, [self._cells(e) for e in entries])
        self.pages.setCurrentIndex(0 if entries else 1)
        hidden = len(everything) - len(entries)
        self.more_text.setText(
            self.tr("Showing {0} of {1} changes; the others are waiting in the same order.").format(
                count_text(len(entries)), count_text(len(everything))
            )
        )
        self.more_text.setVisible(hidden > 0)
        seqs = [e.seq for e in entries]
        if current is not None and current.seq in seqs:
            row = seqs.index(current.seq)
        elif current is None:  # just opened: what needs the user's attention first
            states = [e.state for e in entries]
            row = states.index("rejected") if "rejected" in states else 0
        else:
            row = min(max(row_before, 0), len(seqs) - 1)
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._show_current()

    def _label(self, entry: OutboxEntry) -> str:
        return self._labels.label(entry.entity, entry.record_id, entry.fields)

    def _fields(self, entry: OutboxEntry) -> str:
        spec = ENTITIES[entry.entity]
        parts = []
        for name, value in entry.fields.items():
            if name in spec.by_name:
                text = self._labels.value_text(spec.by_name[name], value)
                if len(text) > VALUE_LIMIT:  # ten pages of notes need not all show here
                    text = text[:VALUE_LIMIT].rstrip() + "…"
                parts.append(f"{field_label(spec.by_name[name])}: {text}")
        return "; ".join(parts)

    def _cells(self, entry: OutboxEntry) -> tuple[str, ...]:
        return (
            str(entry.seq),
            self._label(entry),
            change_text(entry),
            self._fields(entry),
            state_text(entry),
            str(entry.attempts),
            entry.last_error or "",
        )

    def _show_current(self, *_args: object) -> None:
        entry = self.current_entry()
        self.discard_button.setEnabled(entry is not None and entry.state == "rejected")
        if entry is None:
            self.details.setText("")
            return
        text = f"{change_text(entry)} “{self._label(entry)}” — {state_text(entry)}."
        if entry.fields:
            text += f"\n{self._fields(entry)}"
        if entry.last_error:
            text += f"\n{entry.last_error}"
        self.details.setText(text)
