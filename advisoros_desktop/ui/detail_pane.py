"""Every field of the selected record, read-only, beside the table.

Table cells cut long notes and hide columns; the pane shows the whole record
with its labels, wrapped and selectable, and says plainly which changes have
not reached the server yet (and, for a changed field, what the server still
holds) so an accountant knows what a colleague sees.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator, Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from advisoros_desktop.domain.entities import ENTITIES, EntitySpec, FieldKind, FieldSpec
from advisoros_desktop.ui.catalog_words import entity_kind
from advisoros_desktop.ui.counted_text import count_text, counted
from advisoros_desktop.ui.field_format import display_text, field_label
from advisoros_desktop.ui.language import display_locale
from advisoros_desktop.ui.theme import surface_style

PENDING_MARK = "●"
CONFLICT_MARK = "⚠"
MUTED = QPalette.ColorRole.PlaceholderText
PLAIN = QPalette.ColorRole.WindowText
JSON_LINES = 20

_BANNER = {"pending": "pending", "conflict": "error"}  # tone -> ui/theme.py SURFACES

# The headline of a record whose name is empty, per kind (Spanish nouns have a gender).
UNTITLED = {
    "user": QT_TRANSLATE_NOOP("DetailPane", "Untitled user"),
    "client": QT_TRANSLATE_NOOP("DetailPane", "Untitled client"),
    "engagement": QT_TRANSLATE_NOOP("DetailPane", "Untitled engagement"),
    "task": QT_TRANSLATE_NOOP("DetailPane", "Untitled task"),
    "document": QT_TRANSLATE_NOOP("DetailPane", "Untitled document"),
    "extraction": QT_TRANSLATE_NOOP("DetailPane", "Untitled extraction"),
}
PENDING_CHANGES = (
    QT_TRANSLATE_NOOP("DetailPane", "{n} change pending upload to server."),
    QT_TRANSLATE_NOOP("DetailPane", "{n} changes pending upload to server."),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("DetailPane", text)


def _selectable(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)  # record text is data, never markup
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    return label


def detail_text(spec: FieldSpec, value: object, labels: Mapping[str, str]) -> str:
    """The full text of one field in the pane: references by name, structured data
    spelt out (a table cell only says how much there is)."""
    if spec.kind is FieldKind.REFERENCE and value is not None:
        return labels.get(spec.name) or QCoreApplication.translate(
            "DetailPane", "{value} (not in this workspace yet)"
        ).format(value=value)
    if spec.kind is FieldKind.JSON and value not in (None, ""):
        return _json_lines(value)
    return display_text(spec, value, display_locale())


def _json_lines(value: object) -> str:
    """Structured data as indented ``key: value`` lines (extracted values, settings), not JSON."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return value
    if not isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    lines = list(_outline(value, ""))
    if len(lines) > JSON_LINES:
        more = QCoreApplication.translate("DetailPane", "… {n} more")
        lines = [*lines[:JSON_LINES], more.format(n=count_text(len(lines) - JSON_LINES))]
    return "\n".join(lines)


def _outline(value: dict[object, object] | list[object], indent: str) -> Iterator[str]:
    """One line per leaf; nested records indented under their key, list items marked "–"."""
    if isinstance(value, list):
        for item in value:
            if isinstance(item, dict | list) and item:
                lines = list(_outline(item, indent + "  "))
                yield f"{indent}– {lines[0].lstrip()}"
                yield from lines[1:]
            else:
                yield f"{indent}– {_leaf(item)}"
        return
    for key, item in value.items():
        if isinstance(item, dict | list) and item:
            yield f"{indent}{key}:"
            yield from _outline(item, indent + "    ")
        else:
            yield f"{indent}{key}: {_leaf(item)}"


def _leaf(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def pending_summary(row: Mapping[str, object]) -> str:
    """What of this record the server has not received yet, in one sentence (or "")."""
    if row.get("localDeleted"):
        return QCoreApplication.translate("DetailPane", "Deleted here — pending upload to server.")
    if row.get("localOnly"):
        return QCoreApplication.translate("DetailPane", "Created here — pending upload to server.")
    dirty = row.get("dirty") or {}
    if isinstance(dirty, Mapping) and dirty:
        return counted("DetailPane", PENDING_CHANGES, len(dirty))
    return ""


class _FieldRow:
    """The widgets of one field: its label, its value, and the server's value if different."""

    def __init__(self, spec: FieldSpec, parent: QWidget) -> None:
        self.spec = spec
        self.label = field_label(spec)
        self.name = QLabel(self.label, parent)
        self.name.setForegroundRole(MUTED)
        self.name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.value = _selectable(QLabel(parent))
        self.value.setWordWrap(True)
        self.value.setAccessibleName(self.label)
        self.name.setBuddy(self.value)
        self.server = _selectable(QLabel(parent))
        self.server.setWordWrap(True)
        self.server.setForegroundRole(MUTED)
        self.server.hide()

    def show_value(
        self, row: Mapping[str, object], labels: Mapping[str, str], conflicted: bool
    ) -> None:
        spec = self.spec
        text = detail_text(spec, row.get(spec.name), labels)
        self.value.setToolTip("")
        if spec.name == "checksum" and len(text) > 24:
            # A hash cannot wrap; its ends are what people compare. The whole one is a hover away.
            self.value.setToolTip(text)
            text = f"{text[:12]}…{text[-8:]}"
        self.value.setText(text or "—")
        self.value.setForegroundRole(PLAIN if text else MUTED)
        dirty = row.get("dirty") or {}
        pending = isinstance(dirty, Mapping) and spec.name in dirty
        mark = CONFLICT_MARK if conflicted else PENDING_MARK if pending else ""
        self.name.setText(f"{mark} {self.label}" if mark else self.label)
        # A changed field's label stands out from the quiet grey of the others.
        font = self.name.font()
        font.setBold(bool(mark))
        self.name.setFont(font)
        self.name.setForegroundRole(PLAIN if mark else MUTED)
        self.name.setToolTip(
            QCoreApplication.translate("DetailPane", "Conflicts with the server's version")
            if conflicted
            else QCoreApplication.translate("DetailPane", "Changed here, pending upload to server")
            if pending
            else ""
        )
        if pending and isinstance(dirty, Mapping):
            self.server.setText(self._server_note(dirty[spec.name]))
            self.server.show()
        else:
            self.server.hide()

    def _server_note(self, base: object) -> str:
        if self.spec.kind is FieldKind.REFERENCE:
            return QCoreApplication.translate(
                "DetailPane", "Changed here; the server still has the earlier choice."
            )
        shown = display_text(self.spec, base, display_locale())
        if not shown:
            return QCoreApplication.translate("DetailPane", "On the server: empty")
        return QCoreApplication.translate("DetailPane", "On the server: {value}").format(
            value=shown
        )


class _EntityForm(QWidget):
    """The laid-out fields of one entity; built once, refilled for each record."""

    def __init__(self, entity: EntitySpec, parent: QWidget) -> None:
        super().__init__(parent)
        self.entity = entity
        layout = QVBoxLayout(self)
        self.title = _selectable(QLabel(self))
        font = self.title.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.kind = QLabel(entity_kind(entity.name), self)
        self.kind.setForegroundRole(MUTED)
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.hide()
        layout.addWidget(self.title)
        layout.addWidget(self.kind)
        layout.addWidget(self.banner)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(12)
        self.rows = [_FieldRow(spec, self) for spec in entity.fields]
        for i, field_row in enumerate(self.rows):
            grid.addWidget(field_row.name, 2 * i, 0)
            grid.addWidget(field_row.value, 2 * i, 1)
            grid.addWidget(field_row.server, 2 * i + 1, 1)
        layout.addLayout(grid)
        layout.addStretch(1)

    def show_record(
        self, row: Mapping[str, object], labels: Mapping[str, str], conflicts: Collection[str]
    ) -> None:
        headline = next(
            (row.get(f.name) for f in self.entity.fields if f.kind is FieldKind.TEXT), None
        )
        untitled = UNTITLED.get(self.entity.name)
        fallback = _tr(untitled) if untitled else self.entity.label
        self.title.setText(str(headline) if headline else fallback)
        for field_row in self.rows:
            field_row.show_value(row, labels, field_row.spec.name in conflicts)
        self._show_banner(row, conflicts)

    def _show_banner(self, row: Mapping[str, object], conflicts: Collection[str]) -> None:
        if conflicts:
            names = [field_label(s) for s in self.entity.fields if s.name in conflicts]
            what = (
                ", ".join(names)
                if names
                else QCoreApplication.translate("DetailPane", "the whole record")
            )
            said = QCoreApplication.translate(
                "DetailPane", "Conflicts with the server's version: {fields}."
            ).format(fields=what)
            text, tone = f"{CONFLICT_MARK} {said}", "conflict"
        else:
            text, tone = pending_summary(row), "pending"
            text = f"{PENDING_MARK} {text}" if text else ""
        self.banner.setText(text)
        self.banner.setStyleSheet(
            f"QLabel {{ {surface_style(_BANNER[tone])} border-radius: 3px; padding: 4px 6px; }}"
        )
        self.banner.setVisible(bool(text))


class DetailPane(QWidget):
    """Read-only view of the current record; call ``show_record`` on selection changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stack = QStackedWidget(self)
        self._empty = QLabel(self.tr("Nothing selected"), self._stack)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setForegroundRole(MUTED)
        self._scroll = QScrollArea(self._stack)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrows and PgDn scroll
        self.setFocusProxy(self._scroll)
        self._stack.addWidget(self._empty)
        self._stack.addWidget(self._scroll)
        # One form per entity, swapped into the scroll area, so that moving through a
        # table refills labels instead of rebuilding them.
        self._forms: dict[str, _EntityForm] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)

    def show_record(
        self,
        entity: str,
        row: Mapping[str, object] | None,
        labels: Mapping[str, str] | None = None,
        *,
        conflicts: Collection[str] = (),
    ) -> None:
        """Show ``row`` of ``entity``; None shows "Nothing selected".

        ``labels`` names referenced records by field (``{"clientId": "Acme LLC"}``);
        ``conflicts`` names fields in conflict with the server ("*" for the record).
        """
        if row is None or entity not in ENTITIES:
            self._stack.setCurrentWidget(self._empty)
            return
        form = self._forms.get(entity)
        if form is None:
            form = self._forms[entity] = _EntityForm(ENTITIES[entity], self)
        form.show_record(row, labels or {}, conflicts)
        if self._scroll.widget() is not form:
            previous = self._scroll.takeWidget()
            if previous is not None:  # kept for its entity's next record
                previous.setParent(self)
                previous.hide()
            self._scroll.setWidget(form)
        self._scroll.verticalScrollBar().setValue(0)
        self._stack.setCurrentWidget(self._scroll)

    def showing_nothing(self) -> bool:
        return self._stack.currentWidget() is self._empty
