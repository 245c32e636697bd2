"""What every settings page is to the dialog: a titled page that stores as it goes.

Settings apply as they change, like the preferences of Thunderbird or VS
Code, so the dialog has one Close button. A value is stored once it is
complete (Enter, or leaving the field) and valid; a refused one stays on
screen with its reason beside it and is not stored. Before the dialog closes
it asks each page to store what is complete (``commit``) and whether anything
refused is still on screen (``unsaved_problem``), so nothing typed is dropped
without the person being told.
"""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from advisoros_desktop.ui.theme import tone_colour


class SettingsPage(QWidget):
    """A page: its id (``open_settings(page=...)``), title, icon and contents."""

    page_id = ""
    icon_name = "settings"

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        heading = QLabel(title, self)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        heading.setFont(font)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 8, 8, 8)
        self.body.addWidget(heading)
        self.body.addSpacing(6)

    def first_field(self) -> QWidget | None:
        """Where focus goes when the page is opened by name."""
        return None

    def commit(self) -> None:
        """Store what is complete and valid now (the dialog is closing)."""

    def unsaved_problem(self) -> str | None:
        """A sentence about a value typed here but refused, or None."""
        return None

    def show_problem(self) -> None:
        """Put focus on the refused value (``unsaved_problem``)."""

    def close_page(self) -> None:
        """The dialog is closing: let go of signals from objects that outlive it."""


def note_label(text: str, parent: QWidget) -> QLabel:
    """An explanation under a setting, in the muted text colour."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def problem_label(parent: QWidget) -> QLabel:
    """Where a refused value's reason shows, hidden while there is none."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setProperty("tone", "error")
    label.hide()
    return label


def show_text(label: QLabel, text: str | None) -> None:
    """Show ``text`` (hide the label when there is none); a problem label takes the
    error colour of the theme in effect now, which may have changed since it was made."""
    tone = label.property("tone")
    if text and tone:
        label.setStyleSheet(f"color: {tone_colour(str(tone)).name()};")
    label.setText(text or "")
    label.setVisible(bool(text))
