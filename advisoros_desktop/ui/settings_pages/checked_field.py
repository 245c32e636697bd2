"""A short typed setting (minutes, a percentage) checked once the person is done typing.

A spin box would silently put back a value out of its range; an accountant
who typed 0 would not know why 0 did not stick. Here what is typed stays in
the field until it is finished (Enter, or focus leaving), is then checked,
and is either handed on (``committed``) or refused with the reason right
under it (red border, as the table editors mark a refused value) while the
stored value stays as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from advisoros_desktop.ui.field_editors import mark_problem
from advisoros_desktop.ui.settings_pages.page import problem_label, show_text


class CheckedField(QWidget):
    """A line edit, its unit, and the reason a value was refused."""

    committed = Signal(object)  # the parsed value

    def __init__(
        self,
        parse: Callable[[str], Any],
        unit: str,
        accessible_name: str,
        parent: QWidget | None = None,
        *,
        width_chars: int = 8,
    ) -> None:
        super().__init__(parent)
        self._parse = parse
        self._shown = ""  # the text of the value stored now
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(accessible_name)
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("0") * width_chars + 24)
        self.edit.editingFinished.connect(self.finish)
        self.edit.textEdited.connect(lambda _text: self._clear_if_back())
        self.unit = QLabel(unit, self)
        self.problem = problem_label(self)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addWidget(self.unit)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.problem)
        self.setFocusProxy(self.edit)

    def show_value(self, text: str) -> None:
        """Show the stored value (and forget any refused one)."""
        self._shown = text
        self.edit.setText(text)
        self._set_problem(None)

    def problem_text(self) -> str | None:
        """Why the value on screen was refused; None when it is the stored one or valid."""
        if self.edit.text().strip() == self._shown:
            return None
        try:
            self._parse(self.edit.text())
        except ValueError as error:
            return str(error)
        return None

    def finish(self) -> None:
        """Check what is typed: hand a changed valid value on, or say why not."""
        text = self.edit.text()
        if text.strip() == self._shown:
            self._set_problem(None)
            return
        try:
            value = self._parse(text)
        except ValueError as error:
            self._set_problem(str(error))
            return
        self._set_problem(None)
        self.committed.emit(value)

    def _clear_if_back(self) -> None:
        if self.edit.text().strip() == self._shown:
            self._set_problem(None)

    def _set_problem(self, problem: str | None) -> None:
        mark_problem(self.edit, problem)
        show_text(self.problem, problem)
