"""The small message shown beside a table cell when a value is refused.

Accountants fix a rejected EIN while looking at it, so the reason appears next
to the cell rather than in a dialog or the status bar. One bubble per view
serves both the live check while typing and a refusal from the store; it sits
inside the view's viewport and is placed so that no edge clips it.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import QAbstractItemView, QLabel

from advisoros_desktop.ui.theme import surface_style

BUBBLE_MAX_WIDTH = 380
EDGE_MARGIN = 4
GAP = 2
ERROR_TIMEOUT_MS = 10_000


class Tone(enum.Enum):
    ERROR = "error"
    NOTE = "note"


def bubble_style(tone: Tone) -> str:
    """Colours of a bubble of ``tone`` for the theme showing (ui/theme.py SURFACES)."""
    return surface_style("error" if tone is Tone.ERROR else "note")


def bubble_position(cell: QRect, size: QSize, area: QRect) -> QPoint:
    """Where a bubble of ``size`` goes for ``cell`` so that it stays inside ``area``.

    Below the cell, left edges aligned; above it when there is no room below;
    pushed left when it would run past the right edge.
    """
    x = min(cell.left(), area.right() + 1 - EDGE_MARGIN - size.width())
    x = max(x, area.left() + EDGE_MARGIN)
    below = cell.bottom() + 1 + GAP
    above = cell.top() - GAP - size.height()
    if below + size.height() <= area.bottom() + 1 - EDGE_MARGIN:
        y = below
    elif above >= area.top() + EDGE_MARGIN:
        y = above
    else:  # a view too short for either: cover the bottom rather than vanish
        y = max(area.top(), area.bottom() + 1 - size.height())
    return QPoint(x, y)


class ValidationBubble(QLabel):
    """A wrapped message anchored to one cell of a view; follows it while scrolling."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view.viewport())
        self.setObjectName("validationBubble")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The cell under it must stay clickable; the bubble only informs.
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAccessibleName(self.tr("Validation message"))
        self.tone = Tone.ERROR
        self._view = view
        self._anchor = QPersistentModelIndex()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.dismiss)
        view.viewport().installEventFilter(self)
        view.horizontalScrollBar().valueChanged.connect(self.follow_anchor)
        view.verticalScrollBar().valueChanged.connect(self.follow_anchor)
        self.hide()

    def show_message(
        self, index: QModelIndex, message: str, tone: Tone = Tone.ERROR, timeout_ms: int = 0
    ) -> None:
        """Show ``message`` beside ``index``; ``timeout_ms`` > 0 hides it after that long."""
        if tone is not self.tone or not self.styleSheet():  # restyle only on a change
            self.tone = tone
            self.setStyleSheet(
                f"QLabel {{ {bubble_style(tone)} border-radius: 3px; padding: 3px 6px; }}"
            )
        if message != self.text():
            self.setText(message)
        self._anchor = QPersistentModelIndex(index)
        self._timer.stop()
        if timeout_ms > 0:
            self._timer.start(timeout_ms)
        self.follow_anchor()

    def dismiss(self) -> None:
        self._timer.stop()
        self._anchor = QPersistentModelIndex()
        self.hide()

    def follow_anchor(self) -> None:
        if not self._anchor.isValid() or not self.text():
            self.hide()
            return
        area = self._view.viewport().rect()
        cell = self._view.visualRect(QModelIndex(self._anchor))
        if not cell.intersects(area):
            self.hide()  # scrolled out of sight; comes back with its cell
            return
        width = self._fitting_width(area.width())
        size = QSize(width, self.heightForWidth(width))
        self.setGeometry(QRect(bubble_position(cell, size, area), size))
        self.show()
        self.raise_()

    def _fitting_width(self, area_width: int) -> int:
        margins = self.contentsMargins()
        chrome = margins.left() + margins.right() + 16  # padding and border of the style
        natural = self.fontMetrics().horizontalAdvance(self.text()) + chrome
        return max(60, min(natural, BUBBLE_MAX_WIDTH, area_width - 2 * EDGE_MARGIN))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.follow_anchor()
        return False


def bubble_for(view: QAbstractItemView) -> ValidationBubble:
    """The view's one bubble, made on first use."""
    found = view.viewport().findChild(ValidationBubble, "validationBubble")
    return found if isinstance(found, ValidationBubble) else ValidationBubble(view)


def show_cell_error(view: QAbstractItemView, index: QModelIndex, message: str) -> None:
    """Explain beside ``index`` why its value was refused (connect a model's
    ``edit_refused`` here). Stays while an editor is open, else fades after a while."""
    editing = view.state() == QAbstractItemView.State.EditingState
    bubble_for(view).show_message(index, message, Tone.ERROR, 0 if editing else ERROR_TIMEOUT_MS)


def hide_cell_message(view: QAbstractItemView) -> None:
    found = view.viewport().findChild(ValidationBubble, "validationBubble")
    if isinstance(found, ValidationBubble):
        found.dismiss()
