"""The window's commands on the selected records: copy, archive, bulk set a field.

Each reads the selection of the list on screen, pushes one undoable command
and tells the user the outcome (a toast with Undo after a destructive one).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt

from advisoros_desktop.commands.undo_commands import archive_changes
from advisoros_desktop.domain.entities import ENTITIES
from advisoros_desktop.ui import bulk_actions
from advisoros_desktop.ui.counted_text import count_text
from advisoros_desktop.ui.field_format import field_label

if TYPE_CHECKING:
    from advisoros_desktop.ui.main_window import MainWindow


def copy_selection(window: MainWindow) -> None:
    view = window.current_record_view()
    if view is not None:
        bulk_actions.copy_rows(
            view,
            lambda n: window.show_message(
                QCoreApplication.translate(
                    "SelectionCommands", "Copied {n} rows for Excel."
                ).format(n=count_text(n))
            ),
        )


def archive_selection(window: MainWindow) -> None:
    view = window.current_record_view()
    if view is None:
        return
    ids = bulk_actions.selected_ids(view)
    if not ids:
        return
    text = bulk_actions.archive_text(view.entity, len(ids))
    command = bulk_actions.apply_to_records(
        window,
        window.store,
        window.undo_stack,
        view.entity,
        ids,
        archive_changes(view.entity),
        text,
    )
    after_command(window, command, destructive=True)


def bulk_set(window: MainWindow, field: str) -> None:
    view = window.current_record_view()
    if view is None:
        return
    ids = bulk_actions.selected_ids(view)
    if not ids:
        return
    value = bulk_actions.ask_value(window, view.entity, field, window.reference_choices("user"))
    window.activateWindow()  # the keyboard goes back to the table the dialog came from
    view.table.setFocus(Qt.FocusReason.PopupFocusReason)
    if value is None:
        return
    label = field_label(ENTITIES[view.entity].by_name[field])
    text = QCoreApplication.translate("SelectionCommands", "Set {label} of {what}").format(
        label=label.lower(), what=bulk_actions.plural(view.entity, len(ids))
    )
    command = bulk_actions.apply_to_records(
        window, window.store, window.undo_stack, view.entity, ids, {field: value}, text
    )
    after_command(window, command, destructive=False)


def after_command(window: MainWindow, command: Any, destructive: bool) -> None:
    message = command.message()
    if message:
        window.show_message(message)
    if command.error or command.dropped:
        return  # nothing changed (refused, or all already archived): nothing to undo
    if destructive:
        window.toast.show_message(
            command.text(), window.undo, window.actions.shortcut_text("edit.undo")
        )
    window.notices.flush()  # the user's own change shows at once
