"""The undoable commands the UI pushes on its one QUndoStack, in one place to import from.

Each lives in its own module: ``edit_records`` (EditRecord, BulkEdit),
``create_record`` (CreateRecord), ``archiving`` (archive_changes,
archive_records); ``store_command`` says how they report failure.
"""

from __future__ import annotations

from advisoros_desktop.commands.archiving import archive_changes, archive_records, can_archive
from advisoros_desktop.commands.create_record import CreateRecord
from advisoros_desktop.commands.edit_records import BulkEdit, EditRecord
from advisoros_desktop.commands.store_command import StoreCommand

__all__ = [
    "BulkEdit",
    "CreateRecord",
    "EditRecord",
    "StoreCommand",
    "archive_changes",
    "archive_records",
    "can_archive",
]
