"""Inline editing of record tables, checked by the server's own rules as one types.

``RecordItemDelegate`` picks an editor from the column's ``FieldSpec`` (typed
text, a list of choices, a searchable list of clients or people; booleans flip
without an editor, on Space, F2/E or a double-click). A refused value is
explained beside the cell, the editor stays open on Enter or Tab, and what was
typed is kept even if the editor closes anyway (the focus moved away): F2 on
the cell brings it back. Esc drops it and leaves the stored value as it was.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from advisoros_desktop.domain.entities import FieldKind, FieldSpec, normalize_field
from advisoros_desktop.ui.field_editors import (
    ChoiceEditor,
    FieldEditor,
    ReferenceEditor,
    TextFieldEditor,
    mark_problem,
)
from advisoros_desktop.ui.field_format import display_text
from advisoros_desktop.ui.field_input import TYPED_KINDS
from advisoros_desktop.ui.table_roles import ENTITY_ROLE, FIELD_SPEC_ROLE, RECORD_ID_ROLE
from advisoros_desktop.ui.validation_bubble import (
    ERROR_TIMEOUT_MS,
    Tone,
    bubble_for,
    hide_cell_message,
    show_cell_error,
)

# entity name → [(label, record id)], e.g. "client" → [("Acme LLC", "0190…"), …]
ReferenceChoices = Callable[[str], list[tuple[str, str]]]
DraftKey = tuple[object, ...]

EDIT_ROLE = Qt.ItemDataRole.EditRole
NOT_SAVED = QT_TRANSLATE_NOOP("RecordItemDelegate", "The change was not saved.")

__all__ = ["RecordItemDelegate", "ReferenceChoices", "show_cell_error"]


class Outcome(enum.Enum):
    EDITING = "editing"
    REFUSED = "refused"  # invalid, or the store said no: the editor must not close on Enter
    SAVED = "saved"
    UNCHANGED = "unchanged"
    CANCELLED = "cancelled"


@dataclass
class EditSession:
    """One open editor: where it edits, what it started from, how the last commit went."""

    view: QAbstractItemView
    index: QPersistentModelIndex
    key: DraftKey
    original: object = None
    loaded: bool = False
    loaded_text: str = ""
    outcome: Outcome = Outcome.EDITING


def draft_key(index: QModelIndex) -> DraftKey:
    """Identify a cell by record and field, so a kept draft survives a re-sort."""
    spec = index.data(FIELD_SPEC_ROLE)
    name = spec.name if isinstance(spec, FieldSpec) else index.column()
    record_id = index.data(RECORD_ID_ROLE)
    if record_id is None:
        return ("row", index.row(), name)
    return (index.data(ENTITY_ROLE), record_id, name)


class RecordItemDelegate(QStyledItemDelegate):
    """The delegate of every record table: editors, live validation, refusals.

    ``locale`` lets dates be typed in the locale's short format as well as ISO;
    pass the same locale the table model gives to ``display_text``.
    """

    def __init__(
        self,
        reference_choices: ReferenceChoices,
        parent: QObject | None = None,
        locale: QLocale | None = None,
    ) -> None:
        super().__init__(parent)
        self._reference_choices = reference_choices
        self._locale = locale
        self._sessions: dict[QWidget, EditSession] = {}
        self._drafts: dict[DraftKey, tuple[str, str]] = {}  # key → (typed text, problem)
        self._writing = False
        self._moving = False  # Tab is taking the cursor to the next cell
        self._event_cell: QPersistentModelIndex | None = None  # cell of the event being handled

    # -- editors ---------------------------------------------------------------------
    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> QWidget | None:
        spec = index.data(FIELD_SPEC_ROLE)
        view = _view_of(parent)
        if not isinstance(spec, FieldSpec) or view is None or not _editable(index):
            return None
        if spec.kind is FieldKind.BOOLEAN:
            # An explicit "edit this cell" (F2 or E from the window's commands) flips it.
            # Not when the cursor merely arrived (Tab, or a view that edits on every
            # move), nor when a key or click already went through editorEvent here.
            asked_by_event = self._event_cell is not None and QModelIndex(self._event_cell) == index
            edits_on_move = bool(view.editTriggers() & view.EditTrigger.CurrentChanged)
            if not (self._moving or asked_by_event or edits_on_move):
                self.toggle(index.model(), index, view)  # type: ignore[arg-type]
            return None
        editor: ChoiceEditor | ReferenceEditor | TextFieldEditor
        if spec.kind is FieldKind.CHOICE:
            editor = ChoiceEditor(spec, parent)
        elif spec.kind is FieldKind.REFERENCE and spec.references:
            editor = ReferenceEditor(spec, self._reference_choices(spec.references), parent)
        elif spec.kind in TYPED_KINDS:
            editor = TextFieldEditor(spec, self._locale, parent)
        else:
            return None  # structured data (extracted fields) has its own review view
        editor.edited.connect(lambda: self._recheck(editor))
        self._sessions[editor] = EditSession(view, QPersistentModelIndex(index), draft_key(index))
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        session = self._sessions.get(editor)
        if session is None:
            return
        stored = index.data(EDIT_ROLE)
        if session.loaded:
            # The model changed under an open editor (a sync landed): keep what is
            # typed and say what arrived, rather than overwrite the accountant's entry.
            if self._writing:
                session.original = stored  # our own commit coming back
            elif stored != session.original:
                session.original = stored
                spec = index.data(FIELD_SPEC_ROLE)
                shown = display_text(spec, stored, self._locale) or self.tr("empty")
                bubble_for(session.view).show_message(
                    index,
                    self.tr(
                        "Meanwhile this changed to “{value}”. Enter saves yours; Esc keeps it."
                    ).format(value=shown),
                    Tone.NOTE,
                )
            return
        session.loaded = True
        session.original = stored
        field_editor: FieldEditor = editor  # type: ignore[assignment]
        field_editor.load(stored)
        session.loaded_text = field_editor.draft()
        kept = self._drafts.get(session.key)
        if kept is not None:
            field_editor.restore(kept[0])
            self._recheck(editor)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:
        session = self._sessions.get(editor)
        if session is None:
            return
        field_editor: FieldEditor = editor  # type: ignore[assignment]
        check = field_editor.check()
        if check.problem is not None:
            self._refuse(editor, session, check.problem)
            return
        if check.value == index.data(EDIT_ROLE):
            session.outcome = Outcome.UNCHANGED
            self._drafts.pop(session.key, None)
            return
        self._writing = True
        try:
            saved, message = write_value(model, index, check.value)
        finally:
            self._writing = False
        if not saved:
            self._refuse(editor, session, message)
            return
        session.outcome = Outcome.SAVED
        self._drafts.pop(session.key, None)
        mark_problem(editor, None)
        hide_cell_message(session.view)

    def destroyEditor(self, editor: QWidget, index: QModelIndex) -> None:
        session = self._sessions.pop(editor, None)
        if session is not None:
            field_editor: FieldEditor = editor  # type: ignore[assignment]
            if session.outcome is Outcome.EDITING and field_editor.draft() != session.loaded_text:
                # Closed without a commit (the table was reset by a sync): keep the typing.
                self._drafts[session.key] = (field_editor.draft(), self.tr(NOT_SAVED))
            kept = self._drafts.get(session.key)
            if kept is not None and session.outcome is not Outcome.CANCELLED and index.isValid():
                bubble_for(session.view).show_message(
                    index,
                    self.tr("Not saved: {problem} Press F2 to go back to what you typed.").format(
                        problem=kept[1]
                    ),
                    Tone.ERROR,
                    ERROR_TIMEOUT_MS,
                )
            else:
                hide_cell_message(session.view)
        super().destroyEditor(editor, index)

    # -- keys ------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QWidget)
            and watched in self._sessions
        ):
            key = event.key()
            hint = QAbstractItemDelegate.EndEditHint
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                return self._finish(watched, hint.NoHint)
            if key == Qt.Key.Key_Tab:
                return self._finish(watched, hint.EditNextItem)
            if key == Qt.Key.Key_Backtab:
                return self._finish(watched, hint.EditPreviousItem)
            if key == Qt.Key.Key_Escape:
                self._cancel(watched)
                return True
        return super().eventFilter(watched, event)

    def _finish(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> bool:
        """Commit; close only if the value was accepted (or left as it was)."""
        self.commitData.emit(editor)  # the view calls setModelData right away
        session = self._sessions.get(editor)
        if session is None or session.outcome is not Outcome.REFUSED:
            self._moving = True  # the view opens the next cell's editor within this call
            try:
                self.closeEditor.emit(editor, hint)
            finally:
                self._moving = False
        return True

    def _cancel(self, editor: QWidget) -> None:
        session = self._sessions.get(editor)
        if session is not None:
            session.outcome = Outcome.CANCELLED
            self._drafts.pop(session.key, None)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.RevertModelCache)

    # -- booleans ----------------------------------------------------------------------
    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: QModelIndex,
    ) -> bool:
        spec = index.data(FIELD_SPEC_ROLE)
        if isinstance(spec, FieldSpec) and spec.kind is FieldKind.BOOLEAN and _editable(index):
            if _is_toggle(event):
                view = option.widget if isinstance(option.widget, QAbstractItemView) else None
                self.toggle(model, index, view)
                return True
            # Any other key or click that goes on to open an editor must not flip it;
            # the mark lasts only while this event is handled.
            self._event_cell = QPersistentModelIndex(index)
            QTimer.singleShot(0, self._forget_event_cell)
        return super().editorEvent(event, model, option, index)

    def _forget_event_cell(self) -> None:
        self._event_cell = None

    def toggle(
        self, model: QAbstractItemModel, index: QModelIndex, view: QAbstractItemView | None
    ) -> bool:
        """Flip a boolean cell (for a view's own "edit" command too); explain a refusal."""
        spec = index.data(FIELD_SPEC_ROLE)
        if not isinstance(spec, FieldSpec) or spec.kind is not FieldKind.BOOLEAN:
            return False
        saved, message = write_value(model, index, not bool(index.data(EDIT_ROLE)))
        if not saved and view is not None:
            show_cell_error(view, index, message)
        return saved

    # -- feedback ----------------------------------------------------------------------
    def _recheck(self, editor: QWidget) -> None:
        session = self._sessions.get(editor)
        if session is None:
            return
        session.outcome = Outcome.EDITING
        field_editor: FieldEditor = editor  # type: ignore[assignment]
        check = field_editor.check()
        mark_problem(editor, check.problem)
        index = QModelIndex(session.index)
        bubble = bubble_for(session.view)
        if check.problem is not None:
            bubble.show_message(index, check.problem, Tone.ERROR)
        elif check.note is not None:
            bubble.show_message(index, check.note, Tone.NOTE)
        else:
            bubble.dismiss()

    def _refuse(self, editor: QWidget, session: EditSession, problem: str) -> None:
        field_editor: FieldEditor = editor  # type: ignore[assignment]
        session.outcome = Outcome.REFUSED
        self._drafts[session.key] = (field_editor.draft(), problem)
        mark_problem(editor, problem)
        bubble_for(session.view).show_message(QModelIndex(session.index), problem, Tone.ERROR)


def write_value(model: QAbstractItemModel, index: QModelIndex, value: object) -> tuple[bool, str]:
    """``model.setData`` with a checked value; on refusal, the model's own reason.

    The table model says why through its ``edit_refused(index, message)`` signal,
    emitted while ``setData`` runs; without one the reason is generic.
    """
    spec = index.data(FIELD_SPEC_ROLE)
    if isinstance(spec, FieldSpec):
        value = normalize_field(spec, value)  # the contract: only checked values reach it
    reasons: list[str] = []

    def remember(_index: QModelIndex, message: str) -> None:
        reasons.append(message)

    signal = getattr(model, "edit_refused", None)
    if signal is not None:
        signal.connect(remember)
    try:
        saved = bool(model.setData(index, value, EDIT_ROLE))
    finally:
        if signal is not None:
            signal.disconnect(remember)
    return saved, (reasons[-1] if reasons else NOT_SAVED)


def _view_of(widget: QWidget | None) -> QAbstractItemView | None:
    while widget is not None and not isinstance(widget, QAbstractItemView):
        widget = widget.parentWidget()
    return widget


def _editable(index: QModelIndex) -> bool:
    return bool(index.flags() & Qt.ItemFlag.ItemIsEditable)


def _is_toggle(event: QEvent) -> bool:
    if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        toggles = (Qt.Key.Key_Space, Qt.Key.Key_F2)
        return modifiers == Qt.KeyboardModifier.NoModifier and event.key() in toggles
    if event.type() == QEvent.Type.MouseButtonDblClick and isinstance(event, QMouseEvent):
        return event.button() == Qt.MouseButton.LeftButton
    return False
