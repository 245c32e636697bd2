"""Every command of the main window, declared once.

Handlers and enabled-when predicates receive the ``MainWindow``; they call its
small public methods, so each command reads as one line of intent. Menus,
shortcuts, context menus, the palette and the cheat sheet are built from
these entries (see ``ui/command_actions.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from advisoros_desktop.commands.registry import CONTEXTS, Command, CommandRegistry
from advisoros_desktop.ui import account_commands, selection_commands
from advisoros_desktop.ui.diagnostics_export_action import diagnostics_export_for
from advisoros_desktop.ui.intake_commands import INTAKE_COMMANDS
from advisoros_desktop.ui.review_commands import REVIEW_COMMANDS

if TYPE_CHECKING:
    from advisoros_desktop.ui.main_window import MainWindow

# (view id, title, shortcut): the navigation list, in order.
VIEWS: tuple[tuple[str, str, str], ...] = (
    ("clients", "Clients", "Ctrl+1"),
    ("engagements", "Engagements", "Ctrl+2"),
    ("tasks", "Tasks", "Ctrl+3"),
    ("documents", "Documents", "Ctrl+4"),
    ("review", "Review", "Ctrl+5"),
    ("intake", "Intake", "Ctrl+6"),
    ("conflicts", "Conflicts", "Ctrl+7"),
)


def _w(window: Any) -> MainWindow:
    return window  # type: ignore[no-any-return]


def _in_table(window: Any) -> bool:
    return _w(window).current_record_view() is not None


def _has_rows(window: Any) -> bool:
    return _w(window).selected_count() > 0


def _can_bulk(field: str) -> Any:
    def enabled(window: Any) -> bool:
        return _has_rows(window) and _w(window).current_entity_has(field)

    return enabled


def _in_conflicts(window: Any) -> bool:
    return _w(window).current_view_name() == "conflicts"


def _intake_running(window: Any) -> bool:
    return _w(window).intake_ui is not None


def _intake(window: Any) -> Any:
    """The window's intake commands (only called when ``_intake_running``)."""
    return _w(window).intake_ui


def registered_intake_commands(registry: CommandRegistry) -> list[str]:
    """Ids of the Intake view's own commands that this registry holds."""
    held = {command.id for command in registry}
    return [command.id for command in INTAKE_COMMANDS if command.id in held]


def register_window_commands(registry: CommandRegistry) -> CommandRegistry:
    def add(*args: Any, **kwargs: Any) -> None:
        registry.register(Command(*args, **kwargs))

    # Go
    add(
        "palette.open",
        "Command palette…",
        "Go",
        lambda w: _w(w).open_palette(),
        ("Ctrl+K", "Ctrl+Shift+P"),
        in_palette=False,
    )
    for view, title, key in VIEWS:
        add(
            f"view.{view}",
            f"Go to {title}",
            "Go",
            lambda w, view=view: _w(w).show_view(view),
            (key,),
        )
    add("nav.back", "Back", "Go", lambda w: _w(w).go_back(), ("Backspace", "Alt+Left"))
    add(
        "filter.focus",
        "Filter",
        "Go",
        lambda w: _w(w).focus_filter(),
        ("/",),
        enabled_when=_in_table,
    )
    # Table
    add(
        "row.next",
        "Next row",
        "Table",
        lambda w: _w(w).move_rows(1),
        ("J",),
        "table",
        in_palette=False,
    )
    add(
        "row.previous",
        "Previous row",
        "Table",
        lambda w: _w(w).move_rows(-1),
        ("K",),
        "table",
        in_palette=False,
    )
    add(
        "row.toggle_selection",
        "Select or unselect row",
        "Table",
        lambda w: _w(w).toggle_selection(),
        ("Space",),
        "table",
        in_palette=False,
    )
    add(
        "record.open",
        "Open",
        "Table",
        lambda w: _w(w).open_current(),
        ("Return", "Enter"),
        "table",
        enabled_when=_in_table,
    )
    add(
        "cell.edit",
        "Edit cell",
        "Table",
        lambda w: _w(w).edit_current_cell(),
        ("F2", "E"),
        "table",
        enabled_when=_in_table,
    )
    add(
        "selection.copy",
        "Copy rows for Excel",
        "Table",
        lambda w: selection_commands.copy_selection(_w(w)),
        ("Ctrl+C",),
        "table",
        enabled_when=_has_rows,
    )
    add(
        "selection.all",
        "Select all rows",
        "Table",
        lambda w: _w(w).select_all(),
        ("Ctrl+A",),
        "table",
        enabled_when=_in_table,
    )
    add(
        "record.archive",
        "Archive",
        "Edit",
        lambda w: selection_commands.archive_selection(_w(w)),
        ("Delete",),
        "table",
        enabled_when=_has_rows,
    )
    add(
        "bulk.status",
        "Set status…",
        "Edit",
        lambda w: selection_commands.bulk_set(_w(w), "status"),
        ("Ctrl+Shift+S",),
        enabled_when=_can_bulk("status"),
    )
    add(
        "bulk.assign",
        "Assign to…",
        "Edit",
        lambda w: selection_commands.bulk_set(_w(w), "assignedToId"),
        ("Ctrl+Shift+A",),
        enabled_when=_can_bulk("assignedToId"),
    )
    add(
        "bulk.category",
        "Set category…",
        "Edit",
        lambda w: selection_commands.bulk_set(_w(w), "category"),
        ("Ctrl+Shift+C",),
        enabled_when=_can_bulk("category"),
    )
    add(
        "bulk.year",
        "Set tax year…",
        "Edit",
        lambda w: selection_commands.bulk_set(_w(w), "year"),
        ("Ctrl+Shift+Y",),
        enabled_when=_can_bulk("year"),
    )
    # Edit
    add(
        "edit.undo",
        "Undo",
        "Edit",
        lambda w: _w(w).undo(),
        ("Ctrl+Z",),
        enabled_when=lambda w: _w(w).undo_stack.canUndo(),
    )
    add(
        "edit.redo",
        "Redo",
        "Edit",
        lambda w: _w(w).redo(),
        ("Ctrl+Shift+Z", "Ctrl+Y"),
        enabled_when=lambda w: _w(w).undo_stack.canRedo(),
    )
    # View
    add(
        "panel.history",
        "Show or hide history",
        "View",
        lambda w: _w(w).toggle_history(),
        ("Ctrl+H",),
    )
    add(
        "panel.details",
        "Show or hide details",
        "View",
        lambda w: _w(w).toggle_details(),
        ("Ctrl+I",),
    )
    add(
        "table.columns",
        "Choose columns…",
        "View",
        lambda w: _w(w).choose_columns(),
        (),
        enabled_when=_in_table,
    )
    add(
        "table.archived",
        "Show or hide archived records",
        "View",
        lambda w: _w(w).toggle_archived(),
        (),
        enabled_when=_in_table,
    )
    # Conflicts
    add(
        "conflicts.keep_mine",
        "Keep my values",
        "Conflicts",
        lambda w: _w(w).conflicts_view.keep_mine_selected(),
        ("Ctrl+Shift+M",),
        enabled_when=_in_conflicts,
    )
    add(
        "conflicts.take_theirs",
        "Take the server's values",
        "Conflicts",
        lambda w: _w(w).conflicts_view.take_theirs_selected(),
        ("Ctrl+Shift+T",),
        enabled_when=_in_conflicts,
    )
    # Intake
    add(
        "intake.add_files",
        "Add files…",
        "Intake",
        lambda w: _intake(w).add_files(),
        ("Ctrl+O",),
        enabled_when=_intake_running,
    )
    add(
        "intake.add_folder",
        "Add folder…",
        "Intake",
        lambda w: _intake(w).add_folder(),
        ("Ctrl+Shift+O",),
        enabled_when=_intake_running,
    )
    add(
        "intake.watched_folders",
        "Watched folders…",
        "Intake",
        lambda w: _intake(w).open_watched_folders(),
        (),
        enabled_when=_intake_running,
    )
    add(
        "intake.pause_all",
        "Pause all uploads",
        "Intake",
        lambda w: _intake(w).pause_all(),
        (),
        enabled_when=_intake_running,
    )
    add(
        "intake.resume_all",
        "Resume all uploads",
        "Intake",
        lambda w: _intake(w).resume_all(),
        (),
        enabled_when=_intake_running,
    )
    # The Intake view's own commands, in a shortcut context of their own once the
    # registry knows it (their keys, Space/Del/R, mean other things in the tables).
    for command in INTAKE_COMMANDS:
        if command.context in CONTEXTS:
            registry.register(command)
    # The review's own (Tab, Enter, Esc, N, Ctrl+Enter): active in the split view only.
    for command in REVIEW_COMMANDS:
        if command.context in CONTEXTS:
            registry.register(command)
    # Sync
    add("sync.now", "Sync now", "Sync", lambda w: _w(w).sync_now(), ("F5",))
    add("sync.pause", "Pause or resume sync", "Sync", lambda w: _w(w).toggle_sync_pause(), ())
    add("sync.outbox", "Show changes waiting to sync", "Sync", lambda w: _w(w).open_outbox(), ())
    # Help and settings
    add(
        "help.cheat_sheet",
        "Keyboard shortcuts",
        "Help",
        lambda w: _w(w).open_cheat_sheet(),
        ("F1", "?"),
    )
    add("settings.open", "Settings…", "Help", lambda w: _w(w).open_settings(), ("Ctrl+,",))
    add(
        "settings.shortcuts",
        "Customize keyboard shortcuts…",
        "Help",
        lambda w: _w(w).open_settings("shortcuts"),
        (),
    )
    add(
        "help.export_diagnostics",
        "Export diagnostics…",
        "Help",
        lambda w: diagnostics_export_for(_w(w)).start(),
        (),
    )
    # Account (handled by the desktop's start-up, which owns the accounts)
    add(
        "account.sign_in",
        "Sign in again…",
        "Account",
        account_commands.sign_in_again,
        (),
        enabled_when=account_commands.can_sign_in,
    )
    add(
        "account.switch",
        "Switch account…",
        "Account",
        account_commands.switch_account,
        (),
        enabled_when=account_commands.can_switch,
    )
    add(
        "account.sign_out",
        "Sign out",
        "Account",
        account_commands.sign_out,
        (),
        enabled_when=account_commands.can_sign_out,
    )
    add("app.quit", "Quit", "Help", lambda w: _w(w).close(), ("Ctrl+Q",))
    return registry


# Menus are lists of command ids (None draws a separator).
MENUS: tuple[tuple[str, tuple[str | None, ...]], ...] = (
    (
        "&File",
        (
            "intake.add_files",
            "intake.add_folder",
            "intake.watched_folders",
            None,
            "sync.now",
            "sync.pause",
            "sync.outbox",
            None,
            "settings.open",
            "settings.shortcuts",
            None,
            "account.sign_in",
            "account.switch",
            "account.sign_out",
            None,
            "app.quit",
        ),
    ),
    (
        "&Edit",
        (
            "edit.undo",
            "edit.redo",
            None,
            "cell.edit",
            "selection.copy",
            "selection.all",
            None,
            "record.archive",
            "bulk.status",
            "bulk.assign",
            "bulk.category",
            "bulk.year",
        ),
    ),
    (
        "&View",
        (
            *(f"view.{view}" for view, _t, _k in VIEWS),
            None,
            "panel.history",
            "panel.details",
            "table.columns",
            "table.archived",
        ),
    ),
    (
        "&Go",
        ("palette.open", "nav.back", "filter.focus", "row.next", "row.previous", "record.open"),
    ),
    ("&Conflicts", ("conflicts.keep_mine", "conflicts.take_theirs")),
    (
        "&Intake",
        (
            "intake.pause_all",
            "intake.resume_all",
            "intake.retry_all_failed",
            None,
            "intake.watched_folders",
        ),
    ),
    ("&Help", ("help.cheat_sheet", None, "help.export_diagnostics")),
)

TOOLBAR: tuple[str | None, ...] = ("palette.open", None, "edit.undo", "edit.redo", None, "sync.now")

TABLE_CONTEXT_MENU: tuple[str | None, ...] = (
    "record.open",
    "cell.edit",
    "selection.copy",
    None,
    "bulk.status",
    "bulk.assign",
    "bulk.category",
    "bulk.year",
    None,
    "record.archive",
    None,
    "table.columns",
)
