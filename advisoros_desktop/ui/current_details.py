"""The details pane kept on the current record, refilled only when what it shows changed.

Store notices arrive several times a second while a sync or an upload runs,
and each one used to refill every label of the pane (and read the cache's
conflicts) although the current record was the same and unchanged. Refilling
some forty labels is layout work on the GUI thread, done while other threads
compete for Python's lock, so it showed as stalls. Here a notice refills the
pane only when it names the current record, a record it names by reference
(a client renamed), or the conflicts; and a refill with the very values on
show is skipped too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from advisoros_desktop.domain.entities import ENTITIES, FieldKind
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.transaction import ChangeSet
from advisoros_desktop.ui.detail_pane import DetailPane


class RecordSource(Protocol):
    """The current list (``RecordView``): its entity, and its rows as read for the table."""

    @property
    def entity(self) -> str: ...

    def current_row(self) -> Mapping[str, Any] | None: ...


def labels_of(row: Mapping[str, Any]) -> dict[str, str]:
    """The names the table read beside the references (``"clientId:label"``), by field."""
    return {
        key.split(":")[0]: str(value)
        for key, value in row.items()
        if key.endswith(":label") and value
    }


class CurrentDetails:
    """Feeds ``pane`` with the current record of the current list."""

    def __init__(self, pane: DetailPane, store: LocalStore) -> None:
        self._pane = pane
        self._store = store
        self._conflicts: list[Mapping[str, Any]] | None = None  # read when first needed
        # What the pane shows: (entity, record id, row, labels, conflicting fields).
        self._shown: tuple[str, str | None, Any, Any, Any] | None = None

    @property
    def record(self) -> tuple[str, str | None] | None:
        """(entity, record id) on show; None before the first."""
        return None if self._shown is None else (self._shown[0], self._shown[1])

    def show(self, source: RecordSource | None, record_id: str | None) -> bool:
        """Show ``record_id`` of ``source`` (nothing for None); True if another record shows now."""
        entity = source.entity if source is not None else ""
        before = self.record
        if source is None or record_id is None:
            self._fill((entity, None, None, None, None))
            return before != (entity, None)
        row = source.current_row()
        if row is None or row.get("id") != record_id:
            row = self._store.get(entity, record_id)
        labels = labels_of(row or {})
        conflicting = [
            c["field"]
            for c in self._all_conflicts()
            if c["entity"] == entity and c["recordId"] == record_id
        ]
        self._fill((entity, record_id, row, labels, conflicting))
        return before != (entity, record_id)

    def concerns(self, changes: ChangeSet) -> bool:
        """Whether what ``changes`` touched may change what the pane shows."""
        if changes.conflicts:
            self._conflicts = None  # read again on the next refill
            return True
        if not changes.records or self._shown is None:
            return False
        entity, record_id, row, _labels, _conflicting = self._shown
        if record_id is None:
            return False  # "Nothing selected" stays so until the table says otherwise
        if record_id in changes.records.get(entity, ()):
            return True
        spec = ENTITIES.get(entity)
        if spec is None or not row:
            return False
        for field in spec.fields:
            if field.kind is FieldKind.REFERENCE and field.references:
                value = row.get(field.name)
                if value is not None and str(value) in changes.records.get(field.references, ()):
                    return True  # the name shown for it may have changed
        return False

    def _fill(self, shown: tuple[str, str | None, Any, Any, Any]) -> None:
        if shown == self._shown:
            return  # the same values are on show: refilling would only lay them out again
        self._shown = shown
        entity, _record_id, row, labels, conflicting = shown
        self._pane.show_record(entity, row, labels or {}, conflicts=conflicting or ())

    def _all_conflicts(self) -> list[Mapping[str, Any]]:
        if self._conflicts is None:
            self._conflicts = list(self._store.conflicts())
        return self._conflicts
