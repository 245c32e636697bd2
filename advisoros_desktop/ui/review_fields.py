"""The review's right pane: the extracted fields in form order, one editable row each.

Each row shows the field's label, its value in an editor, how sure the
extractor was and where the value came from, and under it the warnings of
the checks that name the field. A field that needs a person's look (read
with less confidence than the firm's review threshold, 90 % unless the firm
chose otherwise, or named by a failing check, and not yet confirmed) is
flagged. A value a person confirmed looks different from one
only the machine read: upright with a check mark and a tooltip saying who
and when, against italic grey for the extractor's.

The editors work like table cells: focus on a field shows its value read
only, so single keys (N) stay commands; typing replaces the value, F2 edits
it in place, Enter saves (accepting the value when it is unchanged), Esc puts
back the stored value. Tab and Shift+Tab save a pending change and move on.
The pane only asks: ``correct_requested``/``accept_requested`` are turned into
undoable commands by the view.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from advisoros_desktop.domain.firm_settings import DEFAULT_REVIEW_THRESHOLD
from advisoros_desktop.ui.review_input import display_text
from advisoros_desktop.ui.theme import surface_colours, tone_colour
from advisoros_desktop.ui.validation_bubble import Tone, bubble_style

MACHINE_STYLE = "color: palette(placeholder-text);"
_PLAIN_STYLE = "border-left: 3px solid transparent;"

Field = Mapping[str, Any]


def needs_attention(
    field: Field, flagged_keys: set[str], threshold: float = DEFAULT_REVIEW_THRESHOLD
) -> bool:
    """Unconfirmed, and either read less sure than ``threshold`` or named by a failing check."""
    if field.get("confirmedBy"):
        return False
    confidence = field.get("confidence")
    unsure = not isinstance(confidence, int | float) or confidence < threshold
    return unsure or field.get("key") in flagged_keys


# Where the machine read a value (``extraction/model.py`` SOURCES), in the reader's words.
SOURCE_LABELS = {
    "acroform": QT_TRANSLATE_NOOP("FieldRow", "acroform"),
    "text": QT_TRANSLATE_NOOP("FieldRow", "text"),
    "ocr": QT_TRANSLATE_NOOP("FieldRow", "ocr"),
}


def source_label(source: object) -> str:
    text = str(source or "")
    known = SOURCE_LABELS.get(text)
    return QCoreApplication.translate("FieldRow", known) if known else text


def _marked_style(surface: str) -> str:
    """The current or a flagged row: a tinted background and a bar on the left."""
    background, _text, bar = surface_colours(surface)
    return f"background: {background.name()}; border-left: 3px solid {bar.name()};"


class FieldEditor(QLineEdit):
    """A field's value: read only until the reviewer types (see the module docstring)."""

    committed = Signal()  # Enter
    reverted = Signal()  # Esc
    stepped = Signal(int)  # Tab (+1), Shift+Tab (-1)
    focused = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stored = ""
        self.machine_look = True
        self.setReadOnly(True)

    @property
    def editing(self) -> bool:
        return not self.isReadOnly()

    @property
    def changed(self) -> bool:
        return self.text() != self.stored

    def show_stored(self, text: str) -> None:
        self.stored = text
        self.setText(text)
        self.setReadOnly(True)
        self.setCursorPosition(0)
        self.set_look(self.machine_look)

    def set_look(self, machine: bool) -> None:
        """Italic grey for a value only the machine read; what is being typed looks plain."""
        self.machine_look = machine
        plain = self.editing or not machine
        font = self.font()
        font.setItalic(not plain)
        self.setFont(font)
        self.setStyleSheet("" if plain else MACHINE_STYLE)

    def start_editing(self, replace_with: str | None = None) -> None:
        self.setReadOnly(False)
        self.set_look(self.machine_look)
        if replace_with is not None:
            self.setText(replace_with)
        self.end(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        plain = not (
            event.modifiers()
            & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        )
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self.committed.emit()
            return
        if key == Qt.Key.Key_Escape:
            self.reverted.emit()
            return
        if not self.editing:
            if key == Qt.Key.Key_F2:
                self.start_editing()
                return
            if key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
                self.start_editing("")
                return
            if plain and event.text() and event.text().isprintable():
                self.start_editing(event.text())  # typing replaces, as in a table cell
                return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        self.stepped.emit(1 if next else -1)
        return True  # the pane moves the focus, after saving a pending change

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit()


class FieldRow(QFrame):
    """Label, value, confidence and source of one field, with its warnings underneath."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"reviewField_{key}")
        self.label = QLabel(self)
        self.editor = FieldEditor(self)
        self.editor.setAccessibleName(key)
        self.confidence = QLabel(self)
        self.source = QLabel(self)
        self.warnings = QLabel(self)
        self.error = QLabel(self)
        # IRS labels run long ("Dependent care benefits", "Allocated tips"…, box 12 codes):
        # they wrap rather than being cut at the pane's edge.
        for label in (self.label, self.warnings, self.error):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
        for label in (self.warnings, self.error):
            label.hide()
        self.warnings.setStyleSheet(bubble_style(Tone.NOTE) + "padding: 2px 4px;")
        self.error.setStyleSheet(bubble_style(Tone.ERROR) + "padding: 2px 4px;")
        self.error.setObjectName("validationBubble")
        for label in (self.label, self.confidence, self.source):
            label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.confidence.setMinimumWidth(self.fontMetrics().horizontalAdvance("100 %") + 4)
        corrected = "✓ " + self.tr("corrected")
        self.source.setMinimumWidth(self.fontMetrics().horizontalAdvance(corrected) + 8)
        self.confidence.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 3, 6, 3)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.label, 0, 0, 1, 3)
        grid.addWidget(self.editor, 1, 0)
        grid.addWidget(self.confidence, 1, 1)
        grid.addWidget(self.source, 1, 2)
        grid.addWidget(self.warnings, 2, 0, 1, 3)
        grid.addWidget(self.error, 3, 0, 1, 3)
        grid.setColumnStretch(0, 1)
        self.attention = False
        self.current = False

    def fill(
        self, field: Field, warnings: Sequence[str], attention: bool, who: Callable[[str], str]
    ) -> None:
        label = str(field.get("label") or self.key)
        self.label.setText(("⚑ " if attention else "") + label)
        self.label.setToolTip(self.key)
        self.attention = attention
        if not self.editor.editing:
            self.editor.show_stored(display_text(field.get("value")))
        self.editor.stored = display_text(field.get("value"))
        confidence = field.get("confidence")
        shown = (
            self.tr("{percent} %").format(percent=round(confidence * 100))
            if isinstance(confidence, int | float)
            else ""
        )
        confirmed_by = field.get("confirmedBy")
        self.editor.set_look(not confirmed_by)
        if confirmed_by:
            at = str(field.get("confirmedAt") or "")
            tip = self.tr("Confirmed by {who} at {when}").format(
                who=who(str(confirmed_by)), when=at.replace("T", " ").rstrip("Z")
            )
            if field.get("source") == "user" and "machineValue" in field:
                tip = self.tr("{confirmed}; read as “{value}”").format(
                    confirmed=tip, value=display_text(field.get("machineValue"))
                )
            corrected = field.get("source") == "user"
            self.source.setText("✓ " + (self.tr("corrected") if corrected else self.tr("ok")))
            self.source.setStyleSheet(f"color: {tone_colour('success').name()}; font-weight: bold;")
            self.confidence.setStyleSheet("")
        else:
            source = source_label(field.get("source"))
            tip = self.tr("Read by the machine from the {source}; not confirmed").format(
                source=source or self.tr("document")
            )
            self.source.setText(source)
            self.source.setStyleSheet(MACHINE_STYLE)
            self.confidence.setStyleSheet(
                f"color: {tone_colour('warning').name()}; font-style: italic;"
                if attention
                else MACHINE_STYLE
            )
        self.confidence.setText(shown)
        for widget in (self.source, self.editor, self.confidence):
            widget.setToolTip(tip)
        self.warnings.setText("\n".join(f"⚠ {w}" for w in warnings))
        self.warnings.setVisible(bool(warnings))
        # A screen reader says the field's label, then how sure the reading is and why
        # it may need a look (what the flag, the colours and the tooltip show).
        self.editor.setAccessibleName(label)
        spoken = [
            self.tr("Needs a look.") if attention else "",
            self.tr("{percent} sure.").format(percent=shown) if shown else "",
        ]
        self.editor.setAccessibleDescription(
            " ".join(p for p in [*spoken, tip + ".", *warnings] if p)
        )
        self._restyle()

    def set_current(self, current: bool) -> None:
        self.current = current
        self._restyle()

    def show_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))

    def _restyle(self) -> None:
        style = _marked_style("current") if self.current else _PLAIN_STYLE
        if self.attention and not self.current:
            style = _marked_style("flagged")
        self.setStyleSheet(f"FieldRow {{ {style} }}")


class ReviewFields(QScrollArea):
    """The list of field rows; the current field follows the keyboard focus."""

    current_changed = Signal(str)
    # (key, typed text): the view reads it, and either corrects or refuses.
    correct_requested = Signal(str, str)
    accept_requested = Signal(str)
    # A sentence for the status line ("Every field has been looked at.").
    notice = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewFields")
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._body = QWidget(self)
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(1)
        self._layout.addStretch(1)
        self.setWidget(self._body)
        self.rows: dict[str, FieldRow] = {}
        self.order: list[str] = []
        self.fields: dict[str, Field] = {}
        self.attention: dict[str, bool] = {}
        self.current: str | None = None
        self.threshold = DEFAULT_REVIEW_THRESHOLD  # the firm's (the view sets it)

    def set_fields(
        self,
        fields: Sequence[Field],
        checks: Sequence[Mapping[str, Any]],
        who: Callable[[str], str] = str,
    ) -> None:
        """Show (or refresh) ``fields``; rows of keys already shown keep their editors."""
        warnings: dict[str, list[str]] = {}
        for check in checks:
            for key in check.get("fields") or []:
                warnings.setdefault(str(key), []).append(str(check.get("message") or ""))
        listed = [f for f in fields if isinstance(f, Mapping) and isinstance(f.get("key"), str)]
        order = [str(f["key"]) for f in listed]
        if order != self.order:
            self._rebuild(order)
        for field in listed:
            key = str(field["key"])
            self.fields[key] = field
            self.attention[key] = needs_attention(field, set(warnings), self.threshold)
            self.rows[key].fill(field, warnings.get(key, []), self.attention[key], who)

    def _rebuild(self, order: list[str]) -> None:
        keep = {k: self.rows.pop(k) for k in order if k in self.rows}
        for row in self.rows.values():
            row.deleteLater()
        self.rows = {}
        while self._layout.count() > 1:
            self._layout.takeAt(0)
        for index, key in enumerate(order):
            row = keep.get(key) or self._new_row(key)
            self.rows[key] = row
            self._layout.insertWidget(index, row)
        self.order = order
        # Never narrower than a row's editor, confidence and source: squeezed below that,
        # the rows would scroll sideways (labels and warnings wrap instead).
        # (Asked of the rows: new rows show only once the event loop runs again.)
        rows = max((row.minimumSizeHint().width() for row in self.rows.values()), default=0)
        self.setMinimumWidth(
            rows + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
        )
        self.fields = {k: v for k, v in self.fields.items() if k in self.rows}
        if self.current not in self.rows:
            self.current = None

    def _new_row(self, key: str) -> FieldRow:
        row = FieldRow(key, self._body)
        editor = row.editor
        editor.focused.connect(lambda k=key: self._focused(k))
        editor.committed.connect(self.accept_current)
        editor.reverted.connect(self.revert_current)
        editor.stepped.connect(self.step)
        return row

    # -- moving -------------------------------------------------------------------------
    def select(self, key: str) -> None:
        """Make ``key`` the current field and give its editor the focus."""
        if key not in self.rows:
            return
        self.rows[key].editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self._focused(key)

    def _focused(self, key: str) -> None:
        if key == self.current:
            return
        previous = self.rows.get(self.current or "")
        if previous is not None:
            previous.set_current(False)
            if previous.editor.editing and not previous.editor.changed:
                previous.editor.show_stored(previous.editor.stored)
        self.current = key
        row = self.rows[key]
        row.set_current(True)
        self.ensureWidgetVisible(row, 0, 20)
        self.current_changed.emit(key)

    def step(self, delta: int) -> None:
        """Next (+1) or previous (-1) field, saving a pending change first."""
        if not self.order:
            return
        if self.current is None:
            self.select(self.order[0] if delta > 0 else self.order[-1])
            return
        if not self.save_pending():
            return
        index = self.order.index(self.current) + delta
        self.select(self.order[max(0, min(len(self.order) - 1, index))])

    def next_field(self) -> None:
        self.step(1)

    def previous_field(self) -> None:
        self.step(-1)

    def next_attention(self) -> None:
        """The next field after the current one (wrapping) that needs a look."""
        if not self.order:
            return
        start = self.order.index(self.current) + 1 if self.current in self.order else 0
        for offset in range(len(self.order)):
            key = self.order[(start + offset) % len(self.order)]
            if self.attention.get(key) and key != self.current:
                if self.save_pending():
                    self.select(key)
                return
        self.notice.emit(self.tr("Every field has been looked at."))

    def pending_count(self) -> int:
        return sum(1 for flagged in self.attention.values() if flagged)

    # -- saving -------------------------------------------------------------------------
    def accept_current(self) -> None:
        """Enter: save the typed value, or accept the value as read; then the next field."""
        row = self.rows.get(self.current or "")
        if row is None:
            return
        if row.editor.changed:
            self.correct_requested.emit(row.key, row.editor.text())
            if row.error.isVisible():
                return  # refused: the reviewer fixes it where it is
        else:
            self.accept_requested.emit(row.key)
        index = self.order.index(row.key)
        if index + 1 < len(self.order):
            self.select(self.order[index + 1])

    def revert_current(self) -> None:
        row = self.rows.get(self.current or "")
        if row is not None:
            row.show_error(None)
            row.editor.show_stored(row.editor.stored)

    def save_pending(self) -> bool:
        """Save the current field's typed change; False when it was refused."""
        row = self.rows.get(self.current or "")
        if row is None or not row.editor.changed:
            return True
        self.correct_requested.emit(row.key, row.editor.text())
        return not row.error.isVisible()

    def refuse(self, key: str, message: str) -> None:
        """The view refused the typed value: say why beside it and keep it for fixing."""
        row = self.rows.get(key)
        if row is not None:
            row.show_error(message)
            row.editor.setReadOnly(False)
            row.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def saved(self, key: str) -> None:
        """The view stored the value: the editor shows what the store holds from now on."""
        row = self.rows.get(key)
        if row is not None:
            row.show_error(None)
            row.editor.show_stored(display_text(self.fields.get(key, {}).get("value")))
