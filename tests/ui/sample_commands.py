"""A realistic command set (about fifty commands) for the shortcut dialogs' tests.

It mirrors what an accountant's main window offers, so layout tests and renders
face real title lengths and key mixes; handlers do nothing.
"""

from __future__ import annotations

from advisoros_desktop.commands.registry import Command, CommandRegistry


def _noop(_context: object) -> None:
    return None


# (id, title, category, keys, context)
SAMPLE: list[tuple[str, str, str, tuple[str, ...], str]] = [
    ("palette.open", "Command palette…", "General", ("Ctrl+K", "Ctrl+Shift+P"), "window"),
    ("nav.back", "Back", "General", ("Alt+Left",), "window"),
    ("nav.forward", "Forward", "General", ("Alt+Right",), "window"),
    ("view.clients", "Clients", "Go to", ("Ctrl+1",), "window"),
    ("view.engagements", "Engagements", "Go to", ("Ctrl+2",), "window"),
    ("view.tasks", "Tasks", "Go to", ("Ctrl+3",), "window"),
    ("view.documents", "Documents", "Go to", ("Ctrl+4",), "window"),
    ("view.review", "Review queue", "Go to", ("Ctrl+5",), "window"),
    ("view.intake", "Intake", "Go to", ("Ctrl+6",), "window"),
    ("view.conflicts", "Conflicts", "Go to", ("Ctrl+7",), "window"),
    ("filter.focus", "Filter this list", "Tables", ("/",), "table"),
    ("row.next", "Next row", "Tables", ("J",), "table"),
    ("row.previous", "Previous row", "Tables", ("K",), "table"),
    ("row.toggle", "Select or deselect row", "Tables", ("Space",), "table"),
    ("record.open", "Open record", "Tables", ("Return",), "table"),
    ("cell.edit", "Edit cell", "Tables", ("F2", "E"), "table"),
    ("rows.copy", "Copy rows as TSV", "Tables", ("Ctrl+C",), "table"),
    ("rows.all", "Select all rows", "Tables", ("Ctrl+A",), "table"),
    ("rows.archive", "Archive selected records", "Tables", ("Delete",), "table"),
    ("bulk.status", "Set status of selected…", "Bulk edit", ("Ctrl+Shift+S",), "window"),
    ("bulk.assignee", "Assign selected to…", "Bulk edit", ("Ctrl+Shift+A",), "window"),
    ("bulk.category", "Set document category…", "Bulk edit", ("Ctrl+Shift+C",), "window"),
    ("bulk.year", "Set tax year of selected…", "Bulk edit", ("Ctrl+Shift+Y",), "window"),
    ("edit.undo", "Undo", "Edit", ("Ctrl+Z",), "window"),
    ("edit.redo", "Redo", "Edit", ("Ctrl+Shift+Z", "Ctrl+Y"), "window"),
    ("edit.history", "Show history", "Edit", ("Ctrl+H",), "window"),
    ("client.new", "New client…", "Records", ("Ctrl+N",), "window"),
    ("engagement.new", "New engagement for this client…", "Records", ("Ctrl+Shift+N",), "window"),
    ("task.new", "New task…", "Records", ("Ctrl+T",), "window"),
    ("docs.import", "Import documents…", "Records", ("Ctrl+I",), "window"),
    ("rows.export", "Export visible rows…", "Records", ("Ctrl+E",), "window"),
    ("review.accept", "Accept field value", "Review", ("A",), "table"),
    ("review.next", "Next field needing review", "Review", ("N",), "table"),
    ("review.previous", "Previous field needing review", "Review", ("Shift+N",), "table"),
    ("review.flag", "Flag field for a colleague", "Review", ("F",), "table"),
    ("review.accept_all", "Accept confident fields", "Review", ("Ctrl+Shift+Return",), "window"),
    ("review.next_doc", "Next document", "Review", ("Ctrl+]",), "window"),
    ("review.previous_doc", "Previous document", "Review", ("Ctrl+[",), "window"),
    ("preview.zoom_in", "Zoom in on document", "Review", ("Ctrl++",), "window"),
    ("preview.zoom_out", "Zoom out", "Review", ("Ctrl+-",), "window"),
    ("conflicts.keep_mine", "Keep my version", "Conflicts", ("Ctrl+Alt+M",), "window"),
    ("conflicts.take_theirs", "Take the server's version", "Conflicts", ("Ctrl+Alt+T",), "window"),
    ("sync.now", "Sync now", "Sync", ("F5",), "window"),
    ("sync.pause", "Pause or resume sync", "Sync", ("Ctrl+Shift+F5",), "window"),
    ("sync.outbox", "Show changes waiting to sync", "Sync", (), "window"),
    ("help.cheat_sheet", "Keyboard shortcuts", "Help", ("F1", "?"), "window"),
    ("settings.shortcuts", "Customize keyboard shortcuts…", "Help", ("Ctrl+,",), "window"),
    ("app.quit", "Quit", "Help", ("Ctrl+Q",), "window"),
]


def sample_registry() -> CommandRegistry:
    registry = CommandRegistry()
    for command_id, title, category, keys, context in SAMPLE:
        registry.register(Command(command_id, title, category, _noop, keys, context=context))
    return registry
