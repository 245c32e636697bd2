"""Actions on the selected records: archive, bulk set a field, copy for Excel.

Each change to many records is one undoable macro. Large ones write in short
chunks with a progress dialog between them, so the window keeps painting.
Copying reads the selected rows on a worker thread: "select all" on 100,000
documents must not freeze the window while the text is built.

The copy is for Excel on this computer, which reads pasted numbers by the
computer's regional settings, not by the language AdvisorOS speaks: amounts
and numbers are copied without digit grouping and with the computer's decimal
separator ("1250.00", or "1250,00" where the computer writes "1.234,56"), and
dates as ISO (2025-04-15), which Excel reads in every locale. Column headings,
choices and names are in the language spoken, as on screen.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import QApplication, QInputDialog, QProgressDialog, QWidget

from advisoros_desktop.commands.undo_commands import BulkEdit, EditRecord
from advisoros_desktop.domain.entities import ENTITIES, FieldKind
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.table_query import read_rows
from advisoros_desktop.ui.catalog_words import entity_count
from advisoros_desktop.ui.field_format import choice_label, display_text, field_label
from advisoros_desktop.ui.language import system_locale
from advisoros_desktop.ui.record_table_model import PAGE_SIZE
from advisoros_desktop.ui.record_view import RecordView
from advisoros_desktop.ui.tsv_export import rows_as_tsv

log = logging.getLogger(__name__)

# Above this many records a bulk change shows a progress dialog.
PROGRESS_FROM = 300
# Copied as plain numbers, for Excel to compute with.
_NUMERIC = (FieldKind.MONEY, FieldKind.INTEGER, FieldKind.NUMBER)


def selected_ids(view: RecordView) -> list[str]:
    """Ids of the selected rows: from the pages the model holds for a small block,
    with one query per block for a large one ("select all")."""
    model = view.model
    ids: list[str] = []
    for top, count in view.table.selected_ranges():
        if count <= PAGE_SIZE:
            ids += [r["id"] for r in model.rows(range(top, top + count))]
        else:
            ids += [r["id"] for r in read_rows(model.store, model.query, top, count)]
    return ids


def plural(entity: str, count: int) -> str:
    return entity_count(entity, count)


def apply_to_records(
    parent: QWidget,
    store: LocalStore,
    stack: QUndoStack,
    entity: str,
    ids: list[str],
    changes: dict[str, Any],
    text: str,
) -> Any:
    """Push one undoable command changing ``ids``; returns it (its ``error`` says why not)."""
    if len(ids) == 1:
        command: Any = EditRecord(store, entity, ids[0], changes, text=text)
        stack.push(command)
        return command
    dialog: QProgressDialog | None = None
    if len(ids) >= PROGRESS_FROM:
        dialog = QProgressDialog(text, "", 0, len(ids), parent)
        dialog.setCancelButton(None)  # a half-applied macro would be harder to reason about
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)

    def progress(done: int, total: int) -> None:
        if dialog is not None:
            dialog.setValue(done)
            # Between chunks: repaint, but take no keys or clicks (no Ctrl+Z mid-change).
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    focused = QApplication.focusWidget()
    command = BulkEdit(store, entity, ids, changes, text=text, progress=progress)
    stack.push(command)
    if dialog is not None:
        dialog.close()
        # The dialog took the window's activation; give it back, with the keyboard
        # where it was, so the next key (Ctrl+Z) reaches the window's shortcuts.
        parent.window().activateWindow()
        if focused is not None:
            focused.setFocus(Qt.FocusReason.OtherFocusReason)
    return command


def ask_value(parent: QWidget, entity: str, field: str, choices: list[tuple[str, str]]) -> Any:
    """Ask for the new value of ``field`` by keyboard; None when the user cancelled."""
    spec = ENTITIES[entity].by_name[field]
    label = field_label(spec)
    title = QCoreApplication.translate("BulkActions", "Set {label}").format(label=label)
    prompt = QCoreApplication.translate("BulkActions", "{label}:").format(label=label)
    if spec.kind is FieldKind.YEAR:
        year, ok = QInputDialog.getInt(parent, title, prompt, 2025, 1900, 2100)
        return year if ok else None
    if spec.kind is FieldKind.CHOICE:
        choices = [(choice_label(c), c) for c in spec.choices]
    labels = [label for label, _value in choices]
    if not labels:
        return None
    label, ok = QInputDialog.getItem(parent, title, prompt, labels, 0, False)
    if not ok:
        return None
    return dict(choices)[label]


def copy_rows(view: RecordView, on_done: Callable[[int], None]) -> asyncio.Task[None] | None:
    """Put the selected rows (visible columns, in screen order) on the clipboard as TSV."""
    header = view.table.horizontalHeader()
    columns = [
        header.logicalIndex(visual)
        for visual in range(header.count())
        if not header.isSectionHidden(header.logicalIndex(visual))
    ]
    fields = [view.model.columns.fields[c] for c in columns]
    headers = [field_label(f) for f in fields]
    ranges = view.table.selected_ranges()
    store, query = view.model.store, view.model.query
    decimal_point = system_locale().decimalPoint()

    def cell(row: dict[str, Any], column: int) -> str:
        spec = fields[column]
        value = row.get(spec.name)
        if spec.kind is FieldKind.REFERENCE:
            return str(row.get(f"{spec.name}:label") or "")
        if spec.kind in _NUMERIC and value is not None and not isinstance(value, bool):
            # Plain digits: Excel reads them as numbers by this computer's settings.
            return str(value).replace(".", decimal_point)
        return display_text(spec, value)

    def build() -> tuple[str, int]:
        rows: list[dict[str, Any]] = []
        for top, count in ranges:
            rows += read_rows(store, query, top, count)
        return rows_as_tsv(headers, rows, cell), len(rows)

    async def run() -> None:
        text, count = await asyncio.to_thread(build)
        QGuiApplication.clipboard().setText(text)
        on_done(count)

    try:
        return asyncio.get_running_loop().create_task(run())
    except RuntimeError:  # no asyncio loop (a test without qasync): do it here
        text, count = build()
        QGuiApplication.clipboard().setText(text)
        on_done(count)
        return None


def archive_text(entity: str, count: int) -> str:
    return QCoreApplication.translate("BulkActions", "Archive {what}").format(
        what=plural(entity, count)
    )
