"""What archiving means for each entity, and the undoable command that does it.

Delete in the desktop archives: the record leaves the lists but nothing is
lost, and undo brings it back. Engagements, tasks and documents have an
``isArchived`` flag; a client is archived by its status, so undo gives each
client back its own previous status (active, prospect, ...).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from advisoros_desktop.commands.command_texts import count_of, record_name
from advisoros_desktop.commands.edit_records import BulkEdit
from advisoros_desktop.commands.store_command import StoreCommand
from advisoros_desktop.domain.entities import ENTITIES
from advisoros_desktop.store.local_store import LocalStore, Progress

_ARCHIVE: dict[str, dict[str, Any]] = {
    "client": {"status": "archived"},
    "engagement": {"isArchived": True},
    "task": {"isArchived": True},
    "document": {"isArchived": True},
}


def can_archive(entity: str) -> bool:
    return entity in _ARCHIVE


def archive_changes(entity: str) -> dict[str, Any]:
    """The field values that archive a record of ``entity``."""
    if entity not in _ARCHIVE:
        raise ValueError(f"A {ENTITIES[entity].label} cannot be archived.")
    return dict(_ARCHIVE[entity])


def archive_records(
    store: LocalStore,
    entity: str,
    record_ids: Iterable[str],
    *,
    text: str | None = None,
    on_failure: Callable[[StoreCommand], None] | None = None,
    progress: Progress | None = None,
) -> BulkEdit:
    """The command archiving ``record_ids``: "Archive Acme LLC", "Archive 200 documents"."""
    ids = list(dict.fromkeys(record_ids))
    if text is None:
        if len(ids) == 1:
            text = f"Archive {record_name(entity, store.get(entity, ids[0]))}"
        else:
            text = f"Archive {count_of(entity, len(ids))}"
    return BulkEdit(
        store,
        entity,
        ids,
        archive_changes(entity),
        text=text,
        on_failure=on_failure,
        progress=progress,
    )
