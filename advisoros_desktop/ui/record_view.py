"""One record list: breadcrumb, filter box and table, for one entity.

The filter filters as the user types (an FTS5 query per keystroke); Esc in
the filter clears it and gives the keyboard back to the table. Column
visibility, order and widths are kept per table in the settings.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.rows import Row
from advisoros_desktop.store.table_query import TableQuery
from advisoros_desktop.ui.counted_text import count_text
from advisoros_desktop.ui.field_format import field_label
from advisoros_desktop.ui.record_table_model import RecordTableModel
from advisoros_desktop.ui.record_table_view import RecordTableView
from advisoros_desktop.ui.table_columns import TableColumns


class RecordView(QWidget):
    """``name`` is the view's id ("clients", "review", ...); ``title`` its translated name."""

    opened = Signal(str)  # record id: Enter on a row

    def __init__(
        self,
        name: str,
        title: str,
        store: LocalStore,
        columns: TableColumns,
        undo_stack: QUndoStack,
        settings: QSettings,
        base_query: TableQuery | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = name
        self.title = title
        self._settings = settings
        self._base_query = base_query or TableQuery(columns.entity)
        self.model = RecordTableModel(store, columns, undo_stack, self._base_query, self)
        self.table = RecordTableView(self.model, self)
        self.table.setObjectName(f"{name}Table")
        self.table.setAccessibleName(title)
        self.breadcrumb = QLabel(title, self)
        self.breadcrumb.setObjectName("breadcrumb")
        self.breadcrumb.setTextFormat(Qt.TextFormat.PlainText)
        font = self.breadcrumb.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.breadcrumb.setFont(font)
        self.filter = QLineEdit(self)
        self.filter.setObjectName(f"{name}Filter")
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(self.tr("Filter {title}  ( / )").format(title=title.lower()))
        self.filter.setAccessibleName(self.tr("Filter {title}").format(title=title.lower()))
        hint = self.filter.fontMetrics().horizontalAdvance(self.filter.placeholderText())
        self.filter.setMinimumWidth(min(hint + 48, 360))  # the whole hint, and the clear button
        self.filter.setMaximumWidth(360)
        self.filter.textChanged.connect(self.model.set_filter)
        self.filter.installEventFilter(self)
        self.caption = QLabel(self)
        self.caption.setObjectName("rowCount")
        self.model.refreshed.connect(self._show_count)
        top = QHBoxLayout()
        top.addWidget(self.breadcrumb)
        top.addStretch(1)
        top.addWidget(self.caption)
        top.addWidget(self.filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)
        self._scope_caption = ""
        self._restore_header()
        self.table.horizontalHeader().sectionResized.connect(self._save_header)
        self.table.horizontalHeader().sectionMoved.connect(self._save_header)
        self._show_count(self.model.rowCount())
        self.table.go_to_row(0)

    @property
    def entity(self) -> str:
        return self.model.entity

    # -- scope ------------------------------------------------------------------
    def current_row(self) -> Row | None:
        """The current row as the table read it (every column, and the references' names)."""
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def set_scope(self, scope: tuple[tuple[str, str], ...], caption: str = "") -> None:
        """Show only the records of one client (or engagement); caption names it."""
        self._scope_caption = caption
        self.model.set_query(replace(self.model.query, scope=scope))
        self.breadcrumb.setText(f"{caption}  ›  {self.title}" if caption else self.title)
        self.table.setAccessibleName(
            self.tr("{title} of {caption}").format(title=self.title, caption=caption)
            if caption
            else self.title
        )
        self.table.go_to_row(0)

    def scope(self) -> tuple[tuple[str, str], ...]:
        return self.model.query.scope

    def set_show_archived(self, show: bool) -> None:
        self.model.set_query(replace(self.model.query, include_archived=show))

    # -- filter -------------------------------------------------------------------
    def focus_filter(self) -> None:
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                self.filter.clear()
                self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return True
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                # Down or Enter in the filter: on to the first match, as in a launcher.
                self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
                self.table.go_to_row(0)
                return True
        return super().eventFilter(watched, event)

    def _show_count(self, count: int) -> None:
        self.caption.setText(self.tr("{count} shown").format(count=count_text(count)))

    # -- columns ------------------------------------------------------------------
    def column_visible(self, column: int) -> bool:
        return not self.table.isColumnHidden(column)

    def set_column_visible(self, column: int, visible: bool) -> None:
        self.table.setColumnHidden(column, not visible)
        self._save_header()

    def _settings_key(self) -> str:
        return f"tables/{self.name}/header"

    def _restore_header(self) -> None:
        header = self.table.horizontalHeader()
        saved = self._settings.value(self._settings_key())
        if isinstance(saved, QByteArray) and header.restoreState(saved):
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            return
        fields = self.model.columns.fields
        for column, spec in enumerate(fields):
            self.table.setColumnHidden(
                column, spec.name not in self.model.columns.visible_by_default
            )
        metrics = self.table.fontMetrics()
        header_metrics = self.table.horizontalHeader().fontMetrics()
        for column, spec in enumerate(fields):
            wide = spec.name in ("businessName", "fileName", "title", "name", "clientId")
            by_content = metrics.averageCharWidth() * (30 if wide else 12)
            by_label = header_metrics.horizontalAdvance(field_label(spec)) + 28  # and a sort arrow
            self.table.setColumnWidth(column, max(by_content, by_label))

    def _save_header(self, *_args: object) -> None:
        self._settings.setValue(self._settings_key(), self.table.horizontalHeader().saveState())
