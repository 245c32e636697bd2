"""The widgets that edit one table cell, one per way of entering a value.

Each editor reads the stored value, reports whether what is on screen is
acceptable (``check``), and can hand back and take again the raw text typed so
far (``draft``/``restore``), so an unsaved entry survives a closed editor. The
delegate in ``cell_editors`` decides when to check, commit and explain.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget

from advisoros_desktop.domain.entities import FieldKind, FieldSpec, normalize_field
from advisoros_desktop.ui.field_format import choice_label, short_date_format
from advisoros_desktop.ui.field_input import InputCheck, check_input, editor_text
from advisoros_desktop.ui.theme import tone_colour
from advisoros_desktop.ui.validation_messages import explain

_ROOT = QModelIndex()


class FieldEditor(Protocol):
    """What the delegate needs of any cell editor."""

    spec: FieldSpec

    def load(self, value: object) -> None: ...
    def check(self) -> InputCheck: ...
    def draft(self) -> str: ...
    def restore(self, draft: str) -> None: ...


def mark_problem(editor: QWidget, problem: str | None) -> None:
    """Red border and an accessible description while the entry is refused."""
    if editor.property("invalid") == bool(problem) and editor.toolTip() == (problem or ""):
        return  # unchanged: no restyling on every keystroke
    selector = "QComboBox" if isinstance(editor, QComboBox) else "QLineEdit"
    border = f"2px solid {tone_colour('error').name()}"
    editor.setStyleSheet(f"{selector} {{ border: {border}; }}" if problem else "")
    editor.setToolTip(problem or "")
    editor.setAccessibleDescription(problem or "")
    editor.setProperty("invalid", bool(problem))


_CHORD_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def claims_key(event: QEvent) -> bool:
    """Keep every key without Ctrl, Alt or Meta for the open editor.

    Enter commits, Esc cancels, letters type or pick a choice; the window binds
    some of these same keys (Enter opens a record, Space selects a row), and Qt
    lets a shortcut win unless the focus widget claims the key first. Chords
    such as Ctrl+S still reach the window.
    """
    if (
        event.type() == QEvent.Type.ShortcutOverride
        and isinstance(event, QKeyEvent)
        and not event.modifiers() & _CHORD_MODIFIERS
    ):
        event.accept()
        return True
    return False


_PLACEHOLDERS = {
    FieldKind.TIN: QT_TRANSLATE_NOOP("FieldEditors", "12-3456789 or 123-45-6789"),
    FieldKind.MONEY: "0.00",
    FieldKind.EMAIL: QT_TRANSLATE_NOOP("FieldEditors", "name@example.com"),
    FieldKind.YEAR: "2025",
}
# Per kind of record referred to: in Spanish the words around the noun follow its gender.
_TYPE_NAME = {
    "user": QT_TRANSLATE_NOOP("FieldEditors", "Type part of the user's name"),
    "client": QT_TRANSLATE_NOOP("FieldEditors", "Type part of the client's name"),
    "engagement": QT_TRANSLATE_NOOP("FieldEditors", "Type part of the engagement's name"),
}
_SEVERAL_NAMED = {
    "user": QT_TRANSLATE_NOOP(
        "FieldEditors", "Several users are named “{text}”. Pick one from the list."
    ),
    "client": QT_TRANSLATE_NOOP(
        "FieldEditors", "Several clients are named “{text}”. Pick one from the list."
    ),
    "engagement": QT_TRANSLATE_NOOP(
        "FieldEditors", "Several engagements are named “{text}”. Pick one from the list."
    ),
}
_NONE_NAMED = {
    "user": QT_TRANSLATE_NOOP("FieldEditors", "No user is named “{text}”. Pick one from the list."),
    "client": QT_TRANSLATE_NOOP(
        "FieldEditors", "No client is named “{text}”. Pick one from the list."
    ),
    "engagement": QT_TRANSLATE_NOOP(
        "FieldEditors", "No engagement is named “{text}”. Pick one from the list."
    ),
}


def _tr(text: str) -> str:
    """A text marked in context ``FieldEditors``."""
    return QCoreApplication.translate("FieldEditors", text)


def date_placeholder(locale: QLocale | None) -> str:
    """``M/D/YYYY`` (the locale's short format) or ``YYYY-MM-DD``, in the reader's letters:
    a Spanish reader sees ``D/M/AAAA``."""
    pattern = short_date_format(locale) if locale is not None else "yyyy-MM-dd"
    letters = {
        "d": QCoreApplication.translate("FieldEditors", "D", "day, in a date pattern"),
        "M": QCoreApplication.translate("FieldEditors", "M", "month, in a date pattern"),
        "y": QCoreApplication.translate("FieldEditors", "Y", "year, in a date pattern"),
    }
    return "".join(letters.get(ch, ch) for ch in pattern)


class TextFieldEditor(QLineEdit):
    """Free typing for text, email, phone, tax ids, money, dates, years and numbers."""

    edited = Signal()

    def __init__(self, spec: FieldSpec, locale: QLocale | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.spec = spec
        self._locale = locale
        if spec.kind is FieldKind.DATE:
            self.setPlaceholderText(date_placeholder(locale))
        else:
            self.setPlaceholderText(_tr(_PLACEHOLDERS.get(spec.kind, "")))
        self.textEdited.connect(self.edited)

    def event(self, event: QEvent) -> bool:
        return claims_key(event) or super().event(event)

    def load(self, value: object) -> None:
        self.setText(editor_text(self.spec, value))

    def check(self) -> InputCheck:
        return check_input(self.spec, self.text(), self._locale)

    def draft(self) -> str:
        return self.text()

    def restore(self, draft: str) -> None:
        self.setText(draft)
        # The view selects all of a new editor's text; going back to a draft means
        # carrying on typing, so the cursor goes to the end once that has happened.
        QTimer.singleShot(0, self, lambda: self.end(False))


class ChoiceEditor(QComboBox):
    """A fixed list shown by label ("In progress"), stored by code (``in_progress``).

    Typing a label's first letters selects it, arrow keys step, Enter commits.
    """

    edited = Signal()

    def __init__(self, spec: FieldSpec, parent: QWidget) -> None:
        super().__init__(parent)
        self.spec = spec
        for code in spec.choices:
            self.addItem(choice_label(code), code)
        self.activated.connect(self.edited)

    def event(self, event: QEvent) -> bool:
        return claims_key(event) or super().event(event)

    def load(self, value: object) -> None:
        found = self.findData(value)
        if found < 0 and value is not None:
            # A code this version does not know (a newer server): keep it selectable
            # rather than silently replace it.
            self.addItem(str(value), value)
            found = self.count() - 1
        self.setCurrentIndex(found)

    def check(self) -> InputCheck:
        try:
            return InputCheck(value=normalize_field(self.spec, self.currentData()))
        except ValueError as err:
            return InputCheck(problem=explain(self.spec, str(err)))

    def draft(self) -> str:
        return str(self.currentData() or "")

    def restore(self, draft: str) -> None:
        self.load(draft or None)


class ReferenceListModel(QAbstractListModel):
    """(label, record id) pairs served straight from a Python list.

    Filling a combo item by item makes one call into Qt per client; a firm's
    2,000 clients then cost time on every open, and each such call also costs a
    reference to ``None`` under PySide6 6.12 on Python 3.11 (see the report on
    that). A model over the list answers only for the rows on screen.
    """

    def __init__(self, choices: Sequence[tuple[str, str]], parent: QWidget) -> None:
        super().__init__(parent)
        self._rows = list(choices)
        self._positions: dict[str, int] | None = None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        label, record_id = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return label
        if role == Qt.ItemDataRole.UserRole:
            return record_id
        return None

    def row_of(self, record_id: object) -> int:
        """The row of a record id, or -1; a dict lookup, not a scan of every row."""
        if self._positions is None:
            self._positions = {rid: row for row, (_label, rid) in enumerate(self._rows)}
        return self._positions.get(record_id, -1) if isinstance(record_id, str) else -1

    def append(self, label: str, record_id: str) -> int:
        row = len(self._rows)
        self.beginInsertRows(_ROOT, row, row)
        self._rows.append((label, record_id))
        self._positions = None
        self.endInsertRows()
        return row


class ReferenceEditor(QComboBox):
    """Pick a client, engagement or person by name; typing filters the list
    (any part of the name, any case), which keeps 2,000 clients manageable."""

    edited = Signal()

    def __init__(
        self, spec: FieldSpec, choices: Sequence[tuple[str, str]], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        # Sizing to contents would read every label of a long list on each open.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._choices = ReferenceListModel(choices, self)
        self.setModel(self._choices)
        completer = QCompleter(self._choices, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self._target = spec.references or ""
        self.lineEdit().setPlaceholderText(
            _tr(_TYPE_NAME.get(self._target, QT_TRANSLATE_NOOP("FieldEditors", "Type a name")))
        )
        self.lineEdit().textEdited.connect(self.edited)
        self.activated.connect(self.edited)

    def event(self, event: QEvent) -> bool:
        return claims_key(event) or super().event(event)

    def load(self, value: object) -> None:
        found = self._choices.row_of(value)
        if found < 0 and value is not None:
            # A record not in the list (not synced yet): keep it, by id, so that
            # Enter without a change does not clear the reference.
            found = self._choices.append(str(value), str(value))
        self.setCurrentIndex(found)
        if found < 0:
            self.setEditText("")

    def check(self) -> InputCheck:
        text = self.currentText().strip()
        if not text:
            return self._normalized(None)
        current = self.currentIndex()
        if current >= 0 and self.itemText(current) == self.currentText():
            return self._normalized(self.itemData(current))
        wanted = text.casefold()
        matches = [i for i in range(self.count()) if self.itemText(i).casefold() == wanted]
        if len(matches) == 1:
            return self._normalized(self.itemData(matches[0]))
        if matches:
            several = _SEVERAL_NAMED.get(
                self._target,
                QT_TRANSLATE_NOOP(
                    "FieldEditors", "Several records are named “{text}”. Pick one from the list."
                ),
            )
            return InputCheck(problem=_tr(several).format(text=text))
        none = _NONE_NAMED.get(
            self._target,
            QT_TRANSLATE_NOOP("FieldEditors", "Nothing is named “{text}”. Pick one from the list."),
        )
        return InputCheck(problem=_tr(none).format(text=text))

    def _normalized(self, value: object) -> InputCheck:
        try:
            return InputCheck(value=normalize_field(self.spec, value))
        except ValueError as err:
            return InputCheck(problem=explain(self.spec, str(err)))

    def draft(self) -> str:
        return self.currentText()

    def restore(self, draft: str) -> None:
        self.setEditText(draft)
        QTimer.singleShot(0, self, lambda: self.lineEdit().end(False))
