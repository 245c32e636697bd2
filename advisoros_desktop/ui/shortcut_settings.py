"""Keyboard Shortcuts settings: rebind any command by pressing the new keys.

Keyboard first: type to filter, Down or Enter to reach the list, Enter or F2 to
record new keys for the selected command (the recording replaces its keys; Esc
cancels), Backspace or Delete to remove them. Clashes are explained as they
appear and OK stays disabled until none is left, so a saved set of bindings
always works. Only differences from the defaults are saved.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSettings,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advisoros_desktop.commands.registry import CommandRegistry, normalize_key
from advisoros_desktop.ui.command_actions import translated_category, translated_title
from advisoros_desktop.ui.key_bindings import (
    clash_text,
    display_key,
    display_keys,
    effective_bindings,
    save_overrides,
)
from advisoros_desktop.ui.theme import tone_colour

CATEGORY, COMMAND, KEYS = range(3)
_HEADERS = (
    QT_TRANSLATE_NOOP("BindingsModel", "Category"),
    QT_TRANSLATE_NOOP("BindingsModel", "Command"),
    QT_TRANSLATE_NOOP("BindingsModel", "Shortcut"),
)
AnyIndex = QModelIndex | QPersistentModelIndex


class BindingsModel(QAbstractTableModel):
    """Every command with its keys as edited so far; rows in declaration (menu) order."""

    problem = Signal(str)  # recorded keys that cannot be a shortcut
    keys_changed = Signal()

    def __init__(self, registry: CommandRegistry, bindings: Mapping[str, Iterable[str]]) -> None:
        super().__init__()
        self._commands = list(registry)
        self._defaults = registry.bindings()
        self._bindings = {c.id: tuple(bindings.get(c.id, ())) for c in self._commands}
        self._clash_notes: dict[str, str] = {}

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._commands)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(_HEADERS[section])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == KEYS else flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        command = self._commands[index.row()]
        keys = self._bindings[command.id]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == CATEGORY:
                return translated_category(command.category)
            if column == COMMAND:
                return translated_title(command)
            return ", ".join(display_key(k) for k in keys)
        if role == Qt.ItemDataRole.UserRole:
            return command.id
        if role == Qt.ItemDataRole.ToolTipRole and column == KEYS:
            notes = [
                self.tr("Default: {keys}").format(keys=display_keys(self._defaults[command.id]))
            ]
            if command.id in self._clash_notes:
                notes.insert(0, self._clash_notes[command.id])
            return "\n".join(notes)
        if role == Qt.ItemDataRole.ForegroundRole and command.id in self._clash_notes:
            return tone_colour("error")
        if role == Qt.ItemDataRole.FontRole and keys != self._defaults[command.id]:
            font = QFont()
            font.setBold(True)  # changed from the default
            return font
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != KEYS:
            return False
        try:
            keys = tuple(dict.fromkeys(normalize_key(str(k)) for k in value))
        except ValueError:
            self.problem.emit(
                self.tr("{keys} cannot be used as a shortcut.").format(
                    keys=" ".join(map(str, value))
                )
            )
            return False
        self.set_keys(self._commands[index.row()].id, keys)
        return True

    def set_keys(self, command_id: str, keys: Iterable[str]) -> None:
        self._bindings[command_id] = tuple(keys)
        row = next(i for i, c in enumerate(self._commands) if c.id == command_id)
        self.dataChanged.emit(self.index(row, 0), self.index(row, KEYS))
        self.keys_changed.emit()

    def reset(self, command_id: str | None = None) -> None:
        """Back to the default keys: one command, or all of them."""
        for command in self._commands:
            if command_id in (None, command.id):
                self.set_keys(command.id, self._defaults[command.id])

    def set_clash_notes(self, notes: Mapping[str, str]) -> None:
        self._clash_notes = dict(notes)
        if self._commands:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._commands) - 1, KEYS))

    def bindings(self) -> dict[str, tuple[str, ...]]:
        return dict(self._bindings)


class KeyRecorderDelegate(QStyledItemDelegate):
    """Records one key combination in place; every key is recordable except Esc (cancel)."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        editor = QKeySequenceEdit(parent)
        editor.setMaximumSequenceLength(1)  # one chord: bindings are single key combinations
        editor.setToolTip(self.tr("Press the new keys; Esc cancels"))
        editor.editingFinished.connect(lambda: self._finish(editor))
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        pass  # start empty: the next keys pressed are the new shortcut

    def setModelData(self, editor: QWidget, model: Any, index: AnyIndex) -> None:
        assert isinstance(editor, QKeySequenceEdit)
        sequence = editor.keySequence()
        if not sequence.isEmpty():
            model.setData(index, [sequence.toString(QKeySequence.SequenceFormat.PortableText)])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Qt's default filter would take Return and Tab to close the editor; here they
        # are keys to record. Only Esc cancels, and leaving the cell ends the recording.
        if not isinstance(watched, QKeySequenceEdit):
            return False
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                self._close(watched, commit=False)
                return True
        elif event.type() == QEvent.Type.FocusOut:
            self._finish(watched)
        return False

    def _finish(self, editor: QKeySequenceEdit) -> None:
        self._close(editor, commit=not editor.keySequence().isEmpty())

    def _close(self, editor: QKeySequenceEdit, commit: bool) -> None:
        # Recording ends once: by the keys, by Esc or by focus leaving, whichever comes
        # first; the others then find the editor already closed.
        if editor.property("closed"):
            return
        editor.setProperty("closed", True)
        if commit:
            self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)


class ShortcutSettingsDialog(QDialog):
    """Edit the key bindings; OK saves the differences from the defaults and reports them."""

    bindings_saved = Signal(object)  # dict command id → tuple of keys, after saving

    def __init__(
        self, registry: CommandRegistry, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self._registry = registry
        self._settings = settings
        loaded = effective_bindings(registry, settings)
        self.model = BindingsModel(registry, loaded.bindings)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.filter = QLineEdit(placeholderText=self.tr("Filter by command, category or key"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(self.tr("Filter shortcuts"))
        self.filter.textChanged.connect(self._apply_filter)
        self.filter.installEventFilter(self)
        self.table = self._build_table()
        hint = QLabel(
            self.tr(
                "Enter or F2: record new keys for the selected command · "
                "Backspace or Delete: remove them · Esc: cancel recording"
            )
        )
        hint.setWordWrap(True)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.clash_label = QLabel(wordWrap=True)
        self.clash_label.setStyleSheet(f"color: {tone_colour('error').name()};")
        self.notice_label = QLabel("\n".join(loaded.problems), wordWrap=True)
        self.notice_label.setVisible(bool(loaded.problems))
        self.model.problem.connect(self._show_notice)

        record = QPushButton(self.tr("&Record…"), clicked=self.record_selected)
        remove = QPushButton(self.tr("Re&move"), clicked=self.clear_selected)
        reset = QPushButton(self.tr("Reset to &default"), clicked=self.reset_selected)
        reset_all = QPushButton(self.tr("Reset &all"), clicked=self.reset_all)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for button in (record, remove, reset, reset_all):
            button.setAutoDefault(False)

        row = QHBoxLayout()
        for button in (record, remove, reset, reset_all):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(self.clash_label)
        layout.addWidget(self.notice_label)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.resize(760, 600)
        self.model.keys_changed.connect(self._check_clashes)
        self._check_clashes()
        self.table.selectRow(0)
        self.filter.setFocus()

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setAccessibleName(self.tr("Commands and their keys"))
        table.setModel(self.proxy)
        table.setItemDelegateForColumn(KEYS, KeyRecorderDelegate(table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(CATEGORY, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COMMAND, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(KEYS, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(KEYS, 220)
        table.doubleClicked.connect(lambda _index: self.record_selected())
        table.installEventFilter(self)
        return table

    def selected_command(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None

    def record_selected(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.table.setFocus()
            self.table.edit(index.siblingAtColumn(KEYS))

    def clear_selected(self) -> None:
        command_id = self.selected_command()
        if command_id:
            self.model.set_keys(command_id, ())

    def reset_selected(self) -> None:
        command_id = self.selected_command()
        if command_id:
            self.model.reset(command_id)

    def reset_all(self) -> None:
        self.model.reset()

    def accept(self) -> None:
        if self._registry.clashes(self.model.bindings()):
            return  # OK is disabled; this guards a keyboard path around it
        save_overrides(self._settings, self._registry, self.model.bindings())
        self.bindings_saved.emit(self.model.bindings())
        super().accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        key = event.key()
        if watched is self.table and self.table.state() != QAbstractItemView.State.EditingState:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
                self.record_selected()
                return True
            if key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
                self.clear_selected()
                return True
        if watched is self.filter and key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.table.setFocus()
            if not self.table.currentIndex().isValid() and self.proxy.rowCount():
                self.table.selectRow(0)
            return True
        return False

    def _apply_filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.table.selectRow(0)

    def _check_clashes(self) -> None:
        bindings = self.model.bindings()
        titles = {c.id: translated_title(c) for c in self._registry}
        clashes = self._registry.clashes(bindings)
        messages = [clash_text(clash, titles) for clash in clashes]
        self.model.set_clash_notes(
            {
                cid: m
                for clash, m in zip(clashes, messages, strict=True)
                for cid in clash.command_ids
            }
        )
        self.clash_label.setText("\n".join(messages))
        self.clash_label.setVisible(bool(messages))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not messages)

    def _show_notice(self, text: str) -> None:
        self.notice_label.setText(text)
        self.notice_label.setVisible(True)
