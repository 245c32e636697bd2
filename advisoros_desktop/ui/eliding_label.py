"""A one-line label that shortens its text in the middle to fit, with the whole text as tooltip.

Paths like ``\\\\fileserver\\scans\\2024\\Smith, John\\W-2 corrected (2).pdf`` do
not wrap; a plain label would either widen the window or cut off the end,
which is the part that tells files apart. Eliding in the middle keeps the
beginning and the file name visible.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QStyleOption, QWidget


class ElidingLabel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        self._text = text
        self.setToolTip(text)
        self.update()

    def displayed_text(self) -> str:
        return self.fontMetrics().elidedText(self._text, Qt.TextElideMode.ElideMiddle, self.width())

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance(self._text), metrics.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.fontMetrics().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawItemText(
            painter,
            self.rect(),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            option.palette,
            self.isEnabled(),
            self.displayed_text(),
        )
        painter.end()
