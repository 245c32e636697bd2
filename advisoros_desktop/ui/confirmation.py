"""Asking before an action that cannot be taken back from the undo history.

Resolving a conflict or discarding a refused change is final, so the view asks
first. Views take a ``Confirm`` callable rather than opening the box themselves
so that tests can answer the question without a modal dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

# confirm(parent, title, question, action button text) -> True to go ahead
Confirm = Callable[[QWidget, str, str, str], bool]


def ask_to_confirm(parent: QWidget, title: str, text: str, action: str) -> bool:
    """A modal question whose default button (Enter) is the action, Esc cancels."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    go = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(go)
    box.exec()
    return box.clickedButton() is go
