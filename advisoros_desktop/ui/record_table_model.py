"""A table model over one entity in the local cache, read a window at a time.

Rows are never all in memory: the model knows the row count and reads pages
of ``PAGE_SIZE`` rows from SQLite when the view asks for them (an indexed
read of a few milliseconds on the GUI thread), keeping the most recent pages.
Sorting, filtering and scoping change the query and re-read; store notices
refresh what is on screen, the batched ones of a sync or an upload with rows
read on a worker thread (``table_prefetch``) and swapped in when they come.

Edits go through the undo stack as commands, never straight to the store, so
every change can be undone and reaches the outbox the same way.
"""

from __future__ import annotations

import contextlib
import logging
from collections import OrderedDict
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QUndoStack

from advisoros_desktop.commands.undo_commands import EditRecord
from advisoros_desktop.domain.entities import FieldKind, FieldSpec
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.rows import Row
from advisoros_desktop.store.table_query import (
    TableQuery,
    count_rows,
    read_rows,
    row_position,
)
from advisoros_desktop.store.transaction import ChangeSet
from advisoros_desktop.ui.field_format import display_text, field_label
from advisoros_desktop.ui.language import display_locale
from advisoros_desktop.ui.table_columns import TableColumns
from advisoros_desktop.ui.table_prefetch import Window, prefetch
from advisoros_desktop.ui.table_roles import ENTITY_ROLE, FIELD_SPEC_ROLE, RECORD_ID_ROLE
from advisoros_desktop.ui.theme import tone_colour

log = logging.getLogger(__name__)

# What Qt's table model gives a cell (selectable, enabled, no children), and editable too.
_CELL_FLAGS = (
    Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
)
_EDITABLE_FLAGS = _CELL_FLAGS | Qt.ItemFlag.ItemIsEditable

PAGE_SIZE = 200
KEPT_PAGES = 40  # 8,000 rows: several screens either way of the visible part
# Pages read again in the background after a notice: the most recently used ones,
# which hold the rows on screen and the current one.
REFRESHED_PAGES = 3

AnyIndex = QModelIndex | QPersistentModelIndex
# Entities whose names the rows show beside their references.
_LABEL_SOURCES = frozenset({"client", "user", "engagement"})


class RecordTableModel(QAbstractTableModel):
    edit_refused = Signal(QModelIndex, str)
    # Emitted after the rows were re-read: the row count, for the view's caption.
    refreshed = Signal(int)
    about_to_reload = Signal()
    reloaded = Signal()
    _prefetched = Signal(int, object)  # generation, Window or None: from the reading thread

    def __init__(
        self,
        store: LocalStore,
        columns: TableColumns,
        undo_stack: QUndoStack,
        query: TableQuery | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self.columns = columns
        self._undo = undo_stack
        # Read once: the language (and so the locale) changes only with a restart.
        self._locale = display_locale()
        self._query = query or TableQuery(columns.entity)
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()
        self._count = count_rows(store, self._query)
        # Bumped by every read on the spot: a background read begun before one is stale.
        self._generation = 0
        self._fetching = False
        self._fetch_again = False
        # Queued even when the read was done before its callback was added (the callback
        # then runs on the GUI thread): the rows are swapped in by the event loop, never
        # inside the ``apply`` that asked for them.
        self._prefetched.connect(self._install, Qt.ConnectionType.QueuedConnection)
        # Set by the main window: how a command reports its outcome to the user.
        self.on_command_pushed: Callable[[Any], None] = lambda _command: None

    # -- query -------------------------------------------------------------------
    @property
    def store(self) -> LocalStore:
        return self._store

    @property
    def entity(self) -> str:
        return self.columns.entity

    @property
    def query(self) -> TableQuery:
        return self._query

    def set_query(self, query: TableQuery) -> None:
        if query == self._query:
            return
        self.beginResetModel()
        self._generation += 1
        self._query = query
        self._pages.clear()
        self._count = count_rows(self._store, query)
        self.endResetModel()
        self.refreshed.emit(self._count)

    def set_filter(self, text: str) -> None:
        self.set_query(replace(self._query, text=text))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # Column -1 (no sort indicator) means the entity's natural order.
        name = self.columns.fields[column].name if 0 <= column < len(self.columns.fields) else None
        descending = order == Qt.SortOrder.DescendingOrder and name is not None
        self.set_query(replace(self._query, sort_field=name, descending=descending))

    # -- reading -----------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns.fields)

    def index(
        self,
        row: int,
        column: int,
        parent: AnyIndex = QModelIndex(),  # noqa: B008
    ) -> QModelIndex:
        """The cell's index, from one call into Python.

        Qt's own ``index`` checks the cell against ``rowCount`` and
        ``columnCount``, two calls into Python for every cell the view paints,
        each first taking Python's lock from whatever thread holds it.
        """
        if parent.isValid() or not (
            0 <= row < self._count and 0 <= column < len(self.columns.fields)
        ):
            return QModelIndex()
        return self.createIndex(row, column)

    def row(self, number: int) -> Row | None:
        """The record shown in row ``number`` (read from the cache when not held)."""
        if not 0 <= number < self._count:
            return None
        page_number = number // PAGE_SIZE
        page = self._pages.get(page_number)
        if page is None:
            page = read_rows(self._store, self._query, page_number * PAGE_SIZE, PAGE_SIZE)
            self._pages[page_number] = page
            while len(self._pages) > KEPT_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_number)
        offset = number - page_number * PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def rows(self, numbers: Sequence[int]) -> list[Row]:
        return [row for row in (self.row(n) for n in numbers) if row is not None]

    def record_id(self, number: int) -> str | None:
        row = self.row(number)
        return None if row is None else str(row["id"])

    def position_of(self, record_id: str) -> int | None:
        return row_position(self._store, self._query, record_id)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        spec = self.columns.fields[index.column()]
        if role == FIELD_SPEC_ROLE:
            return spec
        if role == ENTITY_ROLE:
            return self.entity
        row = self.row(index.row())
        if row is None:
            return None
        return self._answer(row, spec, role)

    def multiData(self, index: AnyIndex, roleDataSpan: QModelRoleDataSpan) -> None:
        """Every role a painted cell asks for, in one call into Python.

        The view asks each cell for some seven roles; answered by ``data``,
        each is a call from Qt into Python, and each must first take Python's
        lock from the sync's or the uploads' threads. One call per cell makes
        a repaint of the table that much less work for the GUI thread.
        """
        row = self.row(index.row()) if index.isValid() else None
        if row is None:
            for role_data in roleDataSpan:
                role_data.clearData()
            return
        spec = self.columns.fields[index.column()]
        for role_data in roleDataSpan:
            role = role_data.role()
            if role == FIELD_SPEC_ROLE:
                role_data.setData(spec)
            elif role == ENTITY_ROLE:
                role_data.setData(self.entity)
            else:
                role_data.setData(self._answer(row, spec, role))

    def _answer(self, row: Row, spec: FieldSpec, role: int) -> Any:
        if role == RECORD_ID_ROLE:
            return row["id"]
        value = row.get(spec.name)
        if role == Qt.ItemDataRole.DisplayRole:
            if spec.kind is FieldKind.REFERENCE:
                return row.get(f"{spec.name}:label") or ""
            return display_text(spec, value, self._locale)
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.ToolTipRole and spec.name in (row.get("dirty") or {}):
            return self.tr("Changed here; not on the server yet")
        if role == Qt.ItemDataRole.ForegroundRole and spec.name in (row.get("dirty") or {}):
            return QBrush(tone_colour("warning"))  # unsent values look different, as in a diff
        if role == Qt.ItemDataRole.TextAlignmentRole and spec.kind in (
            FieldKind.MONEY,
            FieldKind.INTEGER,
            FieldKind.NUMBER,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return field_label(self.columns.fields[section])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        # Asked for every painted cell: answered from constants, not built each time.
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _EDITABLE_FLAGS if self.columns.fields[index.column()].writable else _CELL_FLAGS

    # -- editing -----------------------------------------------------------------
    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row = self.row(index.row())
        if row is None:
            return False
        spec = self.columns.fields[index.column()]
        if row.get(spec.name) == value:
            return True
        command = EditRecord(self._store, self.entity, str(row["id"]), {spec.name: value})
        self._undo.push(command)
        self.on_command_pushed(command)
        if command.error:
            self.edit_refused.emit(QModelIndex(index), command.error)
            return False
        self.reload()  # show the new value now, not after the notice arrives
        return True

    # -- refreshing ----------------------------------------------------------------
    def concerns(self, changes: ChangeSet) -> bool:
        """Whether a commit touched this entity (or its labels' sources)."""
        touched = changes.records.keys()
        return self.entity in touched or not _LABEL_SOURCES.isdisjoint(touched)

    def apply(self, changes: ChangeSet, *, background: bool = False) -> None:
        """Refresh after a commit that touched this entity (or its labels' sources).

        ``background``: read the rows on a worker thread and swap them in when
        read (the batched notices of a sync or an upload), not on the spot.
        """
        if not self.concerns(changes):
            return
        if background:
            self.refresh_in_background()
        else:
            self.reload()

    def refresh_in_background(self) -> None:
        """``reload``, with the count and the rows on screen read off the GUI thread.

        A request made while a read runs reads once more when it ends.
        """
        if self._fetching:
            self._fetch_again = True
            return
        self._fetching = True
        generation = self._generation
        recent = list(self._pages)[-REFRESHED_PAGES:] or [0]
        try:
            future = prefetch(self._store, self._query, recent, PAGE_SIZE)
        except RuntimeError:  # the reading thread is gone: the application is closing
            self._fetching = False
            return
        future.add_done_callback(lambda done: self._fetched(generation, done))

    def _fetched(self, generation: int, future: Future[Window]) -> None:
        # On the reading thread: only a signal crosses to the GUI thread.
        window: Window | None = None
        try:
            window = future.result()
        except Exception:  # read on the spot instead, where the error shows
            log.exception("reading the rows of a %s table failed", self.entity)
        with contextlib.suppress(RuntimeError):  # the model was deleted meanwhile
            self._prefetched.emit(generation, window)

    @Slot(int, object)
    def _install(self, generation: int, window: Window | None) -> None:
        self._fetching = False
        if window is None:
            self.reload()
        elif generation == self._generation:
            self._show(*window)
        # else: the rows were read on the spot since; they are newer than these
        if self._fetch_again:
            self._fetch_again = False
            self.refresh_in_background()

    def reload(self) -> None:
        """Re-read the count and the rows on screen.

        A changed count inserts or removes rows at the end rather than resetting
        the model: a reset makes the view rebuild all 100,000 rows' geometry and
        closes an open cell editor. Every row is then reported changed, and the
        view puts its current record back by id (``about_to_reload``/``reloaded``).
        """
        self._generation += 1
        self._show(count_rows(self._store, self._query), {})

    def _show(self, count: int, pages: dict[int, list[Row]]) -> None:
        """Take ``count`` and these fresh pages (others are read when needed)."""
        self.about_to_reload.emit()
        old = self._count
        if count > old:
            self.beginInsertRows(QModelIndex(), old, count - 1)
            self._count = count
            self.endInsertRows()
        elif count < old:
            self.beginRemoveRows(QModelIndex(), count, old - 1)
            self._count = count
            self.endRemoveRows()
        self._pages = OrderedDict(sorted(pages.items()))
        if count:
            self.dataChanged.emit(self.index(0, 0), self.index(count - 1, self.columnCount() - 1))
        self.reloaded.emit()
        self.refreshed.emit(self._count)
