"""Which drawing in ``resources/icons/`` stands for which command.

Kept apart from the command declarations: the registry below ``ui/`` knows no
pictures, and one table makes it easy to see that a drawing means one thing
everywhere (the same "pause" for sync and uploads, the same "sync" in the
toolbar and the menu). A command missing here simply shows no icon.
"""

from __future__ import annotations

# command id -> icon name (resources/icons/<name>.svg)
COMMAND_ICONS: dict[str, str] = {
    "palette.open": "palette",
    "view.clients": "clients",
    "view.engagements": "engagements",
    "view.tasks": "tasks",
    "view.documents": "documents",
    "view.review": "review",
    "view.intake": "intake",
    "view.conflicts": "conflicts",
    "nav.back": "back",
    "filter.focus": "filter",
    "cell.edit": "edit",
    "selection.copy": "copy",
    "record.archive": "archive",
    "edit.undo": "undo",
    "edit.redo": "redo",
    "panel.history": "history",
    "panel.details": "details",
    "table.columns": "columns",
    "intake.add_files": "add-files",
    "intake.add_folder": "add-folder",
    "intake.watched_folders": "watched-folders",
    "intake.pause_all": "pause",
    "intake.resume_all": "resume",
    "intake.pause_resume": "pause",
    "intake.cancel": "cancel",
    "intake.retry": "retry",
    "intake.retry_all_failed": "retry",
    "review.approve": "approve",
    "review.zoom_in": "zoom-in",
    "review.zoom_out": "zoom-out",
    "sync.now": "sync",
    "sync.pause": "pause",
    "sync.outbox": "outbox",
    "help.cheat_sheet": "help",
    "settings.open": "settings",
    "settings.shortcuts": "shortcuts",
}

# view id (the navigation list) -> icon name
VIEW_ICONS: dict[str, str] = {
    "clients": "clients",
    "engagements": "engagements",
    "tasks": "tasks",
    "documents": "documents",
    "review": "review",
    "intake": "intake",
    "conflicts": "conflicts",
}


def command_icon_name(command_id: str) -> str | None:
    return COMMAND_ICONS.get(command_id)
