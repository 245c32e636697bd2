"""The Conflicts view: fields changed both here and on the server, decided by the user.

A conflict is never settled by overwriting; the accountant sees both values
side by side and keeps theirs or the server's, one row or many at once, from
the keyboard. Arrows move, Shift+arrows extend the selection, Ctrl+arrows move
without changing it, Space adds the current row (Ctrl+Space toggles it), Ctrl+A
selects everything; these are the platform's own list conventions.

Resolving is not an undoable command, on purpose: it is an explicit, confirmed
choice between two values the user can both see, "keep mine" then goes to the
server like any edit, and the history panel keeps showing the edits themselves.
An undo that silently re-opened a conflict would be harder to follow than the
confirmation that comes before it.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advisoros_desktop.domain.entities import ENTITIES
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.merge import DELETED
from advisoros_desktop.store.transaction import ChangeSet
from advisoros_desktop.ui.catalog_words import entity_kind
from advisoros_desktop.ui.confirmation import Confirm, ask_to_confirm
from advisoros_desktop.ui.conflict_texts import confirmation, deleted_on_server
from advisoros_desktop.ui.field_format import field_label as translated_label
from advisoros_desktop.ui.record_labels import RecordLabels, when_text
from advisoros_desktop.ui.table_roles import ENTITY_ROLE, RECORD_ID_ROLE

log = logging.getLogger(__name__)

# The conflict's own id (the store's key for resolve), kept clear of the shared roles.
CONFLICT_ID_ROLE = Qt.ItemDataRole.UserRole + 40

COLUMNS = (
    QT_TRANSLATE_NOOP("ConflictTableModel", "Record"),
    QT_TRANSLATE_NOOP("ConflictTableModel", "Field"),
    QT_TRANSLATE_NOOP("ConflictTableModel", "Mine"),
    QT_TRANSLATE_NOOP("ConflictTableModel", "Theirs"),
    QT_TRANSLATE_NOOP("ConflictTableModel", "When"),
)
EMPTY_TEXT = QT_TRANSLATE_NOOP(
    "ConflictsView", "No conflicts. Changes made here and on the server have all been merged."
)

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ConflictRow:
    """One conflict as shown: short cell texts and the full texts behind them."""

    id: int
    entity: str
    record_id: str
    field: str
    cells: tuple[str, str, str, str, str]
    mine_full: str
    theirs_full: str
    when_full: str
    message: str

    @property
    def whole_record(self) -> bool:
        return self.field == DELETED


def conflict_row(labels: RecordLabels, conflict: Mapping[str, Any]) -> ConflictRow:
    entity, record_id, name = conflict["entity"], conflict["recordId"], conflict["field"]
    spec = ENTITIES[entity]
    mine = conflict["mine"]
    if name == DELETED:
        changes = mine if isinstance(mine, dict) else {}
        label = labels.label(entity, record_id, changes)
        field_label = QCoreApplication.translate("ConflictsView", "Whole record")
        listed = [
            f"{translated_label(spec.by_name[k])}: {labels.value_text(spec.by_name[k], v)}"
            for k, v in changes.items()
            if k in spec.by_name
        ]
        mine_short = QCoreApplication.translate("ConflictsView", "changed here")
        theirs_short = QCoreApplication.translate("ConflictsView", "deleted on the server")
        mine_full = QCoreApplication.translate("ConflictsView", "Changed here: {fields}").format(
            fields="; ".join(listed)
            if listed
            else QCoreApplication.translate("ConflictsView", "(no fields)")
        )
        theirs_full = deleted_on_server(entity)
    else:
        label = labels.label(entity, record_id)
        field_spec = spec.by_name.get(name)
        field_label = translated_label(field_spec) if field_spec else name
        if field_spec is None:
            mine_full, theirs_full = str(mine), str(conflict["theirs"])
        else:
            mine_full = labels.value_text(field_spec, mine)
            theirs_full = labels.value_text(field_spec, conflict["theirs"])
        mine_short, theirs_short = _one_line(mine_full), _one_line(theirs_full)
    when_short, when_full = when_text(conflict["createdAt"])
    return ConflictRow(
        int(conflict["id"]),
        entity,
        record_id,
        name,
        (label, field_label, mine_short, theirs_short, when_short),
        mine_full,
        theirs_full,
        when_full,
        conflict.get("message") or "",
    )


def _one_line(text: str, limit: int = 120) -> str:
    first = text.splitlines()[0] if text else ""
    if len(first) > limit or first != text:
        return first[:limit].rstrip() + "…"
    return first


class ConflictTableModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ConflictRow] = []

    def set_rows(self, rows: list[ConflictRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section]) if 0 <= section < len(COLUMNS) else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            full = (
                f"{entity_kind(row.entity)} {row.record_id}",
                row.message or row.cells[1],
                row.mine_full,
                row.theirs_full,
                row.when_full,
            )
            return full[column]
        if role == CONFLICT_ID_ROLE:
            return row.id
        if role == RECORD_ID_ROLE:
            return row.record_id
        if role == ENTITY_ROLE:
            return row.entity
        return None


class ConflictsView(QWidget):
    """Every open conflict, with "keep mine" and "take theirs" for the selected rows.

    ``confirm(parent, title, text, action)`` asks before resolving; tests pass
    their own. The window binds its commands to ``keep_mine_selected`` and
    ``take_theirs_selected`` and calls ``refresh`` when a store notice has
    ``conflicts`` or touched records.
    """

    count_changed = Signal(int)

    def __init__(
        self, store: LocalStore, parent: QWidget | None = None, *, confirm: Confirm | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._confirm = confirm or ask_to_confirm
        self._count = -1
        self.model = ConflictTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves for the buttons
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Conflicts"))
        header = self.table.horizontalHeader()
        # The record and both values share the width; field names and times are short.
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column in (1, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        intro = QLabel(
            self.tr(
                "These fields were changed here and on the server. Keep mine sends your "
                "value to the server; Take theirs replaces yours with the server's."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.mine_text = _detail_text(self)
        self.theirs_text = _detail_text(self)
        self.message_text = QLabel(self)
        self.message_text.setWordWrap(True)
        details = QHBoxLayout()
        for title, label in (
            (self.tr("Mine (here)"), self.mine_text),
            (self.tr("Theirs (on the server)"), self.theirs_text),
        ):
            box = QGroupBox(title, self)
            QVBoxLayout(box).addWidget(label)
            details.addWidget(box, 1)

        self.keep_mine_button = QPushButton(self)
        self.take_theirs_button = QPushButton(self)
        self.keep_mine_button.clicked.connect(self.keep_mine_selected)
        self.take_theirs_button.clicked.connect(self.take_theirs_selected)
        self.set_shortcut_hints()
        self.problem_text = QLabel(self)
        self.problem_text.setWordWrap(True)
        self.problem_text.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.problem_text, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.keep_mine_button)
        buttons.addWidget(self.take_theirs_button)

        content = QWidget(self)
        page = QVBoxLayout(content)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(intro)
        page.addWidget(self.table, 3)
        page.addLayout(details, 1)
        page.addWidget(self.message_text)
        page.addLayout(buttons)
        self.empty_text = QLabel(self.tr(EMPTY_TEXT), self)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text.setWordWrap(True)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(content)
        self.pages.addWidget(self.empty_text)
        QVBoxLayout(self).addWidget(self.pages)

        selection = self.table.selectionModel()
        selection.selectionChanged.connect(self._update_buttons)
        selection.currentRowChanged.connect(self._show_details)
        self.refresh()

    # -- what the window calls -------------------------------------------------------
    def set_shortcut_hints(self, keep_mine: str = "", take_theirs: str = "") -> None:
        """Show the window's bound keys on the buttons (the mnemonics Alt+K/Alt+T stay)."""
        for button, text, keys in (
            (self.keep_mine_button, self.tr("&Keep mine"), keep_mine),
            (self.take_theirs_button, self.tr("&Take theirs"), take_theirs),
        ):
            button.setText(f"{text} ({keys})" if keys else text)
            button.setToolTip(text.replace("&", "") + (f" — {keys}" if keys else ""))

    def conflict_count(self) -> int:
        return len(self.model.rows)

    def selected_ids(self) -> list[int]:
        """The conflicts selected, in list order; the current row when none is selected."""
        selection = self.table.selectionModel()
        rows = sorted(index.row() for index in selection.selectedRows())
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        return [self.model.rows[r].id for r in rows if r < len(self.model.rows)]

    def keep_mine_selected(self) -> int:
        """Send the user's values for the selected conflicts; returns how many were decided."""
        return self._resolve("mine")

    def take_theirs_selected(self) -> int:
        """Take the server's values for the selected conflicts; returns how many were decided."""
        return self._resolve("theirs")

    def apply(self, changes: ChangeSet) -> None:
        """Refresh after a commit that changed the conflicts, or records while some are listed.

        A record's change can only rename what a listed conflict shows; with
        none listed (nearly always) the many notices of a sync or an upload
        cost nothing here.
        """
        if changes.conflicts or (changes.records and self.model.rows):
            self.refresh()

    def refresh(self) -> None:
        """Read the conflicts again, keeping the current row and the selection by conflict id."""
        current = self.table.currentIndex()
        current_row = current.row() if current.isValid() else 0
        current_id = self._id_at(current_row) if current.isValid() else None
        selected = {self._id_at(i.row()) for i in self.table.selectionModel().selectedRows()}
        conflicts = self.store.conflicts()
        labels = RecordLabels(self.store)
        labels.load((c["entity"], c["recordId"]) for c in conflicts)
        self.model.set_rows([conflict_row(labels, c) for c in conflicts])
        self._restore(current_id, current_row, selected)
        count = len(self.model.rows)
        self.pages.setCurrentIndex(0 if count else 1)
        self._update_buttons()
        self._show_details()
        if count != self._count:
            self._count = count
            self.count_changed.emit(count)

    # -- inside ---------------------------------------------------------------------
    def _resolve(self, keep: str) -> int:
        ids = self.selected_ids()
        if not ids:
            return 0
        rows = [r for r in self.model.rows if r.id in set(ids)]
        title, text, action = confirmation(keep, rows)
        if not self._confirm(self, title, text, action):
            return 0
        try:
            self.store.resolve(ids, keep)
        except sa.exc.SQLAlchemyError:
            log.exception("resolving conflicts %s failed", ids)
            self._show_problem(
                self.tr(
                    "Your choice could not be saved: the local database is busy or cannot be "
                    "written. Nothing was changed; try again in a moment."
                )
            )
            return 0
        self._show_problem("")
        self.refresh()
        return len(ids)

    def _show_problem(self, text: str) -> None:
        self.problem_text.setText(text)
        self.problem_text.setVisible(bool(text))

    def _id_at(self, row: int) -> int | None:
        return self.model.rows[row].id if 0 <= row < len(self.model.rows) else None

    def _restore(self, current_id: int | None, current_row: int, selected: set[int | None]) -> None:
        rows = self.model.rows
        if not rows:
            return
        ids = [r.id for r in rows]
        row = ids.index(current_id) if current_id in ids else min(current_row, len(rows) - 1)
        selection_model = self.table.selectionModel()
        last = self.model.columnCount() - 1
        keep = QItemSelection()
        for i, conflict_id in enumerate(ids):
            if conflict_id in selected:
                keep.select(self.model.index(i, 0), self.model.index(i, last))
        if keep.isEmpty():  # what was selected is gone: the row now in its place is
            keep.select(self.model.index(row, 0), self.model.index(row, last))
        flag = QItemSelectionModel.SelectionFlag
        selection_model.setCurrentIndex(self.model.index(row, 0), flag.NoUpdate)
        selection_model.select(keep, flag.ClearAndSelect)

    def _update_buttons(self, *_args: object) -> None:
        enabled = bool(self.selected_ids())
        self.keep_mine_button.setEnabled(enabled)
        self.take_theirs_button.setEnabled(enabled)

    def _show_details(self, *_args: object) -> None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.rows):
            self.mine_text.setPlainText("")
            self.theirs_text.setPlainText("")
            self.message_text.setText("")
            return
        row = self.model.rows[index.row()]
        self.mine_text.setPlainText(row.mine_full)
        self.theirs_text.setPlainText(row.theirs_full)
        self.message_text.setText(f"{row.cells[0]} · {row.cells[1]} · {row.when_full}")


def _detail_text(parent: QWidget) -> QPlainTextEdit:
    """A read-only, scrolling box: a value can be ten pages of notes."""
    box = QPlainTextEdit(parent)
    box.setReadOnly(True)
    box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab goes from the list to the buttons
    box.setMaximumHeight(box.fontMetrics().lineSpacing() * 7)
    return box
