"""Creating a record as an undoable step, with undo and redo that keep the server in step.

Undo deletes the record. A create that never left vanishes with its outbox
entry and nothing travels; a record the server has (or is receiving) gets a
delete mutation. Redo brings it back under the same id while that is
possible: after a vanished create it is created again; while the delete has
not been sent, the delete is taken back. Once the delete has gone to the
server the id is spent there (the server refuses to create a record under the
id of a deleted one), so redo creates it under a fresh id and keeps the old
one in ``replaced_ids``.

Undo refuses to delete a record others have filed things under since (a
client with a colleague's new task): the server would delete those with it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from advisoros_desktop.commands.command_texts import own_name, record_name
from advisoros_desktop.commands.store_command import StoreCommand
from advisoros_desktop.domain.entities import ENTITIES
from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.store.local_store import EditRefused, LocalStore


class CreateRecord(StoreCommand):
    """ "Create client Acme LLC"; ``record_id`` is the record's id (it may change on redo)."""

    def __init__(
        self,
        store: LocalStore,
        entity: str,
        fields: Mapping[str, Any],
        *,
        record_id: str | None = None,
        text: str | None = None,
        on_failure: Callable[[StoreCommand], None] | None = None,
    ) -> None:
        if text is None:
            label, name = ENTITIES[entity].label, own_name(fields)
            text = f"Create {label} {name}" if name else f"Create {label}"
        super().__init__(text, on_failure)
        self.store = store
        self.entity = entity
        self.fields = dict(fields)
        self.record_id = record_id or new_id()
        # Ids the record had before a redo had to create it anew, oldest first.
        self.replaced_ids: list[str] = []
        # Set by undo when the record may still exist under its id (a deletion queued,
        # or someone else deleted it first): redo then cannot simply create it again.
        self._deletion_queued = False

    def apply(self) -> None:
        if not self._deletion_queued:
            self.store.create(self.entity, self.fields, record_id=self.record_id)
            return
        if self.store.undelete(self.entity, self.record_id):
            self._deletion_queued = False
            return
        fresh = new_id()
        self.store.create(self.entity, self.fields, record_id=fresh)
        self.replaced_ids.append(self.record_id)
        self.record_id, self._deletion_queued = fresh, False

    def revert(self) -> None:
        row = self.store.get(self.entity, self.record_id)
        if row is None:  # deleted by someone else meanwhile: nothing left to take back
            self._deletion_queued = True
            return
        dependents = self.store.dependents(self.entity, self.record_id)
        if dependents:
            spec = ENTITIES[self.entity]
            raise EditRefused(
                f"{record_name(self.entity, row)} was not deleted: {dependents:,} "
                f"record{'s' if dependents != 1 else ''} now belong to this {spec.label}, "
                "and would be deleted with it. Archive it instead."
            )
        vanished = self.store.delete(self.entity, self.record_id)
        self._deletion_queued = not vanished
