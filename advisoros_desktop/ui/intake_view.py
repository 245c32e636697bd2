"""The Intake view: where files being taken in (dropped, or from watched folders) show.

This version of the desktop does not take files in yet; the view says so
plainly rather than showing an empty list that looks broken.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class IntakeView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        message = QLabel(
            self.tr(
                "<h3>Intake</h3><p>Dropping files on the window and watched folders are "
                "not available in this version. Documents uploaded on the server appear "
                "under Documents.</p>"
            ),
            self,
        )
        message.setWordWrap(True)
        message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(message)
        layout.addStretch(1)
