"""A short-lived notice after a destructive action, with an Undo button.

It floats at the bottom centre of the window for a few seconds, never takes
the keyboard focus (the user keeps working; Ctrl+Z undoes as always), and a
newer notice replaces an older one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

SHOWN_MS = 6000


class UndoToast(QFrame):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("undoToast")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setStyleSheet(
            "#undoToast { background: #2b2f36; border-radius: 6px; }"
            "#undoToast QLabel { color: #f2f2f2; }"
            "#undoToast QPushButton { color: #8ab4ff; background: transparent; border: none;"
            " font-weight: bold; padding: 2px 6px; }"
        )
        self.label = QLabel(self)
        self.button = QPushButton(self.tr("Undo"), self)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.clicked.connect(self._undo_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 10, 8)
        layout.addWidget(self.label)
        layout.addSpacing(12)
        layout.addWidget(self.button)
        self._undo: Callable[[], None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_message(self, text: str, undo: Callable[[], None], shortcut: str = "") -> None:
        self.label.setText(text)
        self.button.setText(self.tr("Undo") + (f"  {shortcut}" if shortcut else ""))
        self._undo = undo
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()
        self._timer.start(SHOWN_MS)

    def _undo_clicked(self) -> None:
        self.hide()
        if self._undo is not None:
            self._undo()

    def _place(self) -> None:
        parent = self.parentWidget()
        x = (parent.width() - self.width()) // 2
        y = parent.height() - self.height() - 48
        self.move(max(x, 0), max(y, 0))

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
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._place()
        return False
