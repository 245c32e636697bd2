"""The command palette (Ctrl+K, Ctrl+Shift+P): one box to run any command or jump to any record.

It floats over the top of the main window, as in an editor: typing filters
commands and the clients, documents, engagements and tasks of the local
cache at once (``PaletteIndex.search`` answers a keystroke in a few
milliseconds, so it runs right here on the GUI thread); the arrows, Ctrl+J /
Ctrl+K and Ctrl+N / Ctrl+P move, Page Up / Page Down jump, Enter chooses and
Esc closes. Focus goes back where it was, then the choice is announced, so
the window can move focus on for a jump. Each row shows the command's key, or
what kind of record it is, on the right, where it never gets cut off: a long
title or subtitle is elided instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QHideEvent, QKeyEvent, QPainter, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from advisoros_desktop.commands.palette_search import COMMAND, PaletteIndex, PaletteItem

SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 1
RIGHT_ROLE = Qt.ItemDataRole.UserRole + 2
ITEM_ROLE = Qt.ItemDataRole.UserRole + 3

WIDTH = 640
VISIBLE_ROWS = 10
MARGIN = 10  # from the window's edges
PADDING = 8  # inside a row, left and right
ROW_PADDING = 4  # inside a row, above and below
GAP = 16  # between the left texts and the right column
# While the index is still reading the cache, look again this often.
LOADING_POLL_MS = 250

_STYLE = """
QFrame#commandPalette {
    background: palette(window);
    border: 1px solid palette(mid);
    border-radius: 6px;
}
QLineEdit#paletteInput { padding: 6px; font-size: 15px; }
QListView#paletteResults { border: none; background: palette(base); }
QLabel#paletteHint { color: palette(placeholder-text); padding: 4px 8px; }
"""

# Keys that move through the list while the cursor stays in the text box.
_MOVES = {
    (Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier): 1,
    (Qt.Key.Key_Up, Qt.KeyboardModifier.NoModifier): -1,
    (Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier): 1,
    (Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier): -1,
    (Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier): 1,
    (Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier): -1,
}
_PAGES = {Qt.Key.Key_PageDown: 1, Qt.Key.Key_PageUp: -1}
_CHOOSE = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def kind_labels() -> dict[str, str]:
    """What each kind of record is called in the right-hand column."""
    return {
        "client": QCoreApplication.translate("CommandPalette", "Client"),
        "document": QCoreApplication.translate("CommandPalette", "Document"),
        "engagement": QCoreApplication.translate("CommandPalette", "Engagement"),
        "task": QCoreApplication.translate("CommandPalette", "Task"),
    }


class PaletteModel(QAbstractListModel):
    """The rows shown: a palette item and the text of its right-hand column."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[PaletteItem, str]] = []

    def set_rows(self, rows: Sequence[tuple[PaletteItem, str]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item, right = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return item.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(t for t in (item.title, item.subtitle) if t)
        if role == SUBTITLE_ROLE:
            return item.subtitle if item.kind != COMMAND else ""
        if role == RIGHT_ROLE:
            return right
        if role == ITEM_ROLE:
            return item
        return None

    def item(self, row: int) -> PaletteItem | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None


class PaletteRowDelegate(QStyledItemDelegate):
    """Title over a muted subtitle on the left; the key or kind right-aligned, never elided."""

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.88))
        return option.font, small

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        # Every row as tall as one with a subtitle: the list then holds whole rows only.
        font, small = self._fonts(option)
        height = QFontMetrics(font).height() + QFontMetrics(small).height() + 2 + 2 * ROW_PADDING
        right = QFontMetrics(font).horizontalAdvance(index.data(RIGHT_ROLE) or "")
        return QSize(2 * PADDING + right + GAP + 120, height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, widget)

        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        strong = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = strong if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        font, small = self._fonts(option)
        rect: QRect = option.rect.adjusted(PADDING, ROW_PADDING, -PADDING, -ROW_PADDING)
        right = index.data(RIGHT_ROLE) or ""
        subtitle = index.data(SUBTITLE_ROLE) or ""
        title = index.data(Qt.ItemDataRole.DisplayRole) or ""

        painter.save()
        metrics = QFontMetrics(font)
        right_width = metrics.horizontalAdvance(right)
        painter.setFont(font)
        painter.setPen(muted)
        align_right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(rect, align_right, right)
        text_width = max(0, rect.width() - right_width - (GAP if right else 0))
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        if subtitle:
            small_metrics = QFontMetrics(small)
            top = QRect(rect.left(), rect.top(), text_width, metrics.height())
            bottom = QRect(rect.left(), top.bottom() + 2, text_width, small_metrics.height())
            painter.setPen(strong)
            painter.drawText(
                top, left, metrics.elidedText(title, Qt.TextElideMode.ElideRight, text_width)
            )
            painter.setFont(small)
            painter.setPen(muted)
            shown = small_metrics.elidedText(subtitle, Qt.TextElideMode.ElideRight, text_width)
            painter.drawText(bottom, left, shown)
        else:
            painter.setPen(strong)
            line = QRect(rect.left(), rect.top(), text_width, rect.height())
            painter.drawText(
                line, left, metrics.elidedText(title, Qt.TextElideMode.ElideRight, text_width)
            )
        painter.restore()


class CommandPalette(QFrame):
    """The palette over ``parent``; ``open_palette`` shows it, a choice is announced by signal."""

    command_chosen = Signal(str)  # command id: the window triggers its QAction
    record_chosen = Signal(str, str)  # entity, record id: the window jumps to it

    def __init__(self, index: PaletteIndex, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("commandPalette")
        self.setStyleSheet(_STYLE)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.index = index
        self._commands: list[PaletteItem] = []
        self._shortcuts: dict[str, str] = {}
        self._recent: list[tuple[str, str]] = []
        self._return_to: QWidget | None = None
        self._room = VISIBLE_ROWS * 60  # height available below the palette's top
        self._kinds = kind_labels()

        self.input = QLineEdit(self)
        self.input.setObjectName("paletteInput")
        self.input.setPlaceholderText(self.tr("Run a command or find a client, document, task…"))
        self.input.setAccessibleName(self.tr("Command palette"))
        self.model = PaletteModel(self)
        self.results = QListView(self)
        self.results.setObjectName("paletteResults")
        self.results.setAccessibleName(self.tr("Commands and records found"))
        self.results.setModel(self.model)
        self.results.setItemDelegate(PaletteRowDelegate(self.results))
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing always goes to the box
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setUniformItemSizes(True)
        self.results.clicked.connect(lambda index: self._choose(index.row()))
        self.hint = QLabel(self)
        self.hint.setObjectName("paletteHint")
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.input)
        layout.addWidget(self.results)
        layout.addWidget(self.hint)

        self.input.textChanged.connect(self._refresh)
        self.input.installEventFilter(self)
        self._waiting = QTimer(self)
        self._waiting.setInterval(LOADING_POLL_MS)
        self._waiting.timeout.connect(self._check_loaded)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self.hide()

    # -- opening and closing ------------------------------------------------------------
    def open_palette(
        self, commands: list[tuple[PaletteItem, str, bool]], recent: list[tuple[str, str]]
    ) -> None:
        """Show the palette: commands as (item, shortcut text, enabled), recent records first."""
        self._commands = [item for item, _keys, enabled in commands if enabled]
        self._shortcuts = {item.key: keys for item, keys, _enabled in commands}
        self._recent = list(recent)
        focused = QApplication.focusWidget()
        if not self.isVisible():
            self._return_to = focused if focused is not None and not self._owns(focused) else None
        self.input.blockSignals(True)
        self.input.clear()
        self.input.blockSignals(False)
        self._refresh()
        self._place()
        self.show()
        self.raise_()
        self.input.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def close_palette(self) -> None:
        """Close without choosing; focus goes back where it was."""
        self._hide(restore_focus=True)

    def _hide(self, restore_focus: bool) -> None:
        if not self.isVisible():
            return
        self._waiting.stop()
        self.hide()
        target, self._return_to = self._return_to, None
        if restore_focus and target is not None and shiboken6.isValid(target):
            target.setFocus(Qt.FocusReason.PopupFocusReason)

    def _owns(self, widget: QWidget) -> bool:
        return widget is self or self.isAncestorOf(widget)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # A click elsewhere in the window: the user moved on, leave focus where they put it.
        if self.isVisible() and new is not None and not self._owns(new):
            self._return_to = None
            self._hide(restore_focus=False)

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        width = min(WIDTH, max(200, parent.width() - 2 * MARGIN))
        self.setFixedWidth(width)
        top = MARGIN + parent.height() // 12
        self._fit_rows(parent.height() - top - MARGIN)
        self.move((parent.width() - width) // 2, top)

    def _fit_rows(self, room: int | None = None) -> None:
        """Make the list as tall as its rows, up to ``VISIBLE_ROWS`` whole rows (or ``room``)."""
        if room is not None:
            self._room = room
        count = self.model.rowCount()
        if count:
            row = self.results.sizeHintForRow(0)
            frame = 2 * self.results.frameWidth()
            chrome = self.input.sizeHint().height() + 40  # the box, margins, spacing
            fitting = max(1, (self._room - chrome - frame) // row)
            self.results.setFixedHeight(min(count, VISIBLE_ROWS, fitting) * row + frame)
        self.adjustSize()

    def showEvent(self, event: QShowEvent) -> None:
        # The window's resizes move this along only while it shows: a filter on the
        # window for good would bring each of its events into Python.
        if self.parentWidget() is not None:
            self.parentWidget().installEventFilter(self)
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        if self.parentWidget() is not None:
            self.parentWidget().removeEventFilter(self)
        super().hideEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget():
            if event.type() == QEvent.Type.Resize and self.isVisible():
                self._place()
            return False
        if watched is self.input:
            if event.type() == QEvent.Type.ShortcutOverride and self._handles(event):
                event.accept()  # a window shortcut on the same key (Ctrl+K) must not fire
                return True
            if event.type() == QEvent.Type.KeyPress and self._key(event):
                return True
        return super().eventFilter(watched, event)

    def _handles(self, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent):
            return False
        key, modifiers = Qt.Key(event.key()), _plain(event.modifiers())
        return (
            (key, modifiers) in _MOVES
            or key in _PAGES
            or key in _CHOOSE
            or (key == Qt.Key.Key_Escape)
        )

    def _key(self, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent):
            return False
        key, modifiers = Qt.Key(event.key()), _plain(event.modifiers())
        if key == Qt.Key.Key_Escape:
            self.close_palette()
        elif key in _CHOOSE:
            self._choose(self.results.currentIndex().row())
        elif (key, modifiers) in _MOVES:
            self._move(_MOVES[(key, modifiers)])
        elif key in _PAGES:
            self._move(_PAGES[key] * max(1, self._rows_per_page()), wrap=False)
        else:
            return False
        return True

    # -- results --------------------------------------------------------------------------
    def _refresh(self) -> None:
        text = self.input.text()
        found = self.index.search(text, self._commands, self._recent)
        self.model.set_rows([(item, self._right_text(item)) for item in found])
        if found:
            self.results.setCurrentIndex(self.model.index(0, 0))
        loading = not self.index.loaded
        if loading:
            self.hint.setText(self.tr("Reading clients and documents from this computer…"))
            self._waiting.start()
        elif not found:
            self.hint.setText(self.tr("No command or record matches “%1”.").replace("%1", text))
        self.hint.setVisible(loading or not found)
        self.results.setVisible(bool(found))
        self._fit_rows()

    def _check_loaded(self) -> None:
        if self.index.loaded:
            self._waiting.stop()
            self._refresh()

    def _right_text(self, item: PaletteItem) -> str:
        if item.kind == COMMAND:
            return self._shortcuts.get(item.key, "")
        return self._kinds.get(item.kind, item.kind)

    def _move(self, delta: int, wrap: bool = True) -> None:
        count = self.model.rowCount()
        if not count:
            return
        row = self.results.currentIndex().row()
        target = row + delta
        if wrap and (target < 0 or target >= count) and abs(delta) == 1:
            target %= count
        target = max(0, min(count - 1, target))
        self.results.setCurrentIndex(self.model.index(target, 0))
        self.results.scrollTo(self.model.index(target, 0))

    def _rows_per_page(self) -> int:
        row = self.results.sizeHintForRow(0)
        return self.results.viewport().height() // row - 1 if row > 0 else VISIBLE_ROWS

    def _choose(self, row: int) -> None:
        item = self.model.item(row)
        if item is None:
            return
        self._hide(restore_focus=True)
        if item.kind == COMMAND:
            self.command_chosen.emit(item.key)
        else:
            self.record_chosen.emit(item.kind, item.key)

    def current_item(self) -> PaletteItem | None:
        return self.model.item(self.results.currentIndex().row())


def _plain(modifiers: Qt.KeyboardModifier) -> Qt.KeyboardModifier:
    """The modifiers that matter here: the keypad flag (Enter on the keypad) is not one."""
    return modifiers & ~Qt.KeyboardModifier.KeypadModifier
