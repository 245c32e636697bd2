"""The server address, email and password boxes of the sign-in dialog, with its messages.

Apart from the dialog so the choice of where to work and the form that signs
in each stay small: the form knows its boxes, shows what went wrong beside
them (putting the cursor in the box to fix) and shows progress while a
sign-in runs; the dialog decides when to sign in.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from advisoros_desktop.sync.server_sign_in import ADDRESS, EMAIL, PASSWORD
from advisoros_desktop.ui.theme import tone_colour

EXAMPLE_ADDRESS = "https://advisoros.example.com"


class ServerForm(QWidget):
    def __init__(self, address: str = "", email: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.address_edit = QLineEdit(address, self)
        self.address_edit.setPlaceholderText(EXAMPLE_ADDRESS)
        self.email_edit = QLineEdit(email, self)
        self.email_edit.setPlaceholderText(self.tr("you@yourfirm.com"))
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edits = {
            ADDRESS: self.address_edit,
            EMAIL: self.email_edit,
            PASSWORD: self.password_edit,
        }
        self.fields = QWidget(self)
        rows = QFormLayout(self.fields)
        rows.setContentsMargins(0, 0, 0, 0)
        for field, text in (
            (ADDRESS, self.tr("Server &address:")),
            (EMAIL, self.tr("&Email:")),
            (PASSWORD, self.tr("&Password:")),
        ):
            edit = self.edits[field]
            label = QLabel(text, self.fields)
            label.setBuddy(edit)
            edit.setObjectName(f"signIn_{field}")
            edit.setAccessibleName(text.replace("&", "").rstrip(":"))
            rows.addRow(label, edit)
        layout.addWidget(self.fields)

        self.problem = QLabel(self)
        self.problem.setObjectName("signInProblem")
        self.problem.setWordWrap(True)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.setStyleSheet(f"color: {tone_colour('error').name()};")
        self.problem.setAccessibleName(self.tr("Sign-in problem"))
        self.problem.hide()
        layout.addWidget(self.problem)

        self.progress = QWidget(self)
        row = QHBoxLayout(self.progress)
        row.setContentsMargins(0, 0, 0, 0)
        self.progress_bar = QProgressBar(self.progress)
        self.progress_bar.setRange(0, 0)  # busy: how long a server takes is not known
        self.progress_bar.setMaximumWidth(120)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setAccessibleName(self.tr("Connecting"))
        self.progress_label = QLabel(self.progress)
        row.addWidget(self.progress_bar)
        row.addWidget(self.progress_label, 1)
        self.progress.hide()
        layout.addWidget(self.progress)

    def values(self) -> tuple[str, str, str]:
        """What was typed: address, email, password."""
        return self.address_edit.text(), self.email_edit.text(), self.password_edit.text()

    def fix_account(self) -> None:
        """Only the password can change: signing in again to the account open now."""
        self.address_edit.setReadOnly(True)
        self.email_edit.setReadOnly(True)

    def set_busy(self, busy: bool, address: str = "") -> None:
        self.progress.setVisible(busy)
        self.fields.setEnabled(not busy)
        if busy:
            self.progress_label.setText(self.tr("Connecting to %1…").replace("%1", address.strip()))

    def show_problem(self, message: str, field: str | None = None) -> None:
        """Say what went wrong beside the boxes; the cursor goes to the box to fix."""
        self.problem.setText(message)
        self.problem.setAccessibleDescription(message)
        self.problem.setVisible(bool(message))
        if not message:
            return
        QAccessible.updateAccessibility(QAccessibleEvent(self.problem, QAccessible.Event.Alert))
        edit = self.edits.get(field or "")
        if edit is None or edit.isReadOnly():
            edit = self.password_edit  # Enter there tries again
        edit.setFocus()
        edit.selectAll()
