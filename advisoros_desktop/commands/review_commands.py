"""The reviewer's changes to an extraction, each one undo step and one outbox mutation.

A review travels as an ``update`` of the extraction's ``fields`` list and its
``approved`` flag (API.md "Extraction"). A corrected field keeps what the
extractor read as ``machineValue`` so the difference stays visible, gets
``source: "user"`` and who confirmed it when (``confirmedBy``, ``confirmedAt``);
an accepted field gets only the last two.

Each command changes one field entry (or the flag) and its undo puts back
that entry as it was, leaving the rest of the list as it is now: a sync that
brought other fields in between keeps them. A command that would change
nothing (accepting a field already confirmed by the same person) is dropped.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from advisoros_desktop.commands.store_command import StoreCommand
from advisoros_desktop.store.local_store import EditRefused, LocalStore

Field = dict[str, Any]
USER_SOURCE = "user"
_MISSING = object()


def now_iso() -> str:
    """The time a person confirmed a value, as the server stores it (UTC, seconds)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def field_entry(fields: Sequence[Mapping[str, Any]], key: str) -> Field | None:
    for entry in fields:
        if entry.get("key") == key:
            return dict(entry)
    return None


def corrected(entry: Mapping[str, Any], value: Any, user_id: str, at: str) -> Field:
    """``entry`` with a person's ``value``; the extractor's value is kept as ``machineValue``."""
    result = dict(entry)
    if "machineValue" not in result and result.get("source") != USER_SOURCE:
        result["machineValue"] = entry.get("value")
    result.update(value=value, source=USER_SOURCE, confirmedBy=user_id, confirmedAt=at)
    if result.get("machineValue", _MISSING) == value and entry.get("source") != USER_SOURCE:
        # Typed back what the extractor read: an acceptance, not a correction.
        return accepted(entry, user_id, at)
    return result


def accepted(entry: Mapping[str, Any], user_id: str, at: str) -> Field:
    return {**entry, "confirmedBy": user_id, "confirmedAt": at}


class ExtractionCommand(StoreCommand):
    """One change to an extraction record; ``changed(row)`` says what it becomes."""

    def __init__(
        self,
        store: LocalStore,
        extraction_id: str,
        title: str,
        on_failure: Callable[[StoreCommand], None] | None = None,
    ) -> None:
        super().__init__(title, on_failure)
        self.store = store
        self.extraction_id = extraction_id
        self._before: Any = None
        self._after: Any = None
        self._made = False

    # Subclasses: read the part they change, and say what it becomes.
    def part_of(self, row: Mapping[str, Any]) -> Any:
        raise NotImplementedError

    def changed(self, part: Any) -> Any:
        raise NotImplementedError

    def write(self, row: Mapping[str, Any], part: Any) -> dict[str, Any]:
        raise NotImplementedError

    def _row(self) -> Mapping[str, Any]:
        row = self.store.get("extraction", self.extraction_id)
        if row is None:
            raise EditRefused("This extraction is no longer on this computer (it was deleted).")
        return row

    def apply(self) -> None:
        row = self._row()
        if not self._made:
            self._before = copy.deepcopy(self.part_of(row))
            self._after = self.changed(copy.deepcopy(self._before))
            self._made = True
            if self._after == self._before:
                self.drop()
                return
        self.store.update("extraction", self.extraction_id, self.write(row, self._after))

    def revert(self) -> None:
        row = self._row()
        self.store.update("extraction", self.extraction_id, self.write(row, self._before))


class FieldCommand(ExtractionCommand):
    """A change to the entry of one field key; the rest of the list is left as it is."""

    def __init__(
        self,
        store: LocalStore,
        extraction_id: str,
        key: str,
        title: str,
        user_id: str,
        on_failure: Callable[[StoreCommand], None] | None = None,
    ) -> None:
        super().__init__(store, extraction_id, title, on_failure)
        self.key = key
        self.user_id = user_id
        self.at = now_iso()

    def part_of(self, row: Mapping[str, Any]) -> Any:
        entry = field_entry(row["fields"] or [], self.key)
        if entry is None:
            raise EditRefused(f"The extraction has no field “{self.key}” any more.")
        return entry

    def write(self, row: Mapping[str, Any], part: Any) -> dict[str, Any]:
        fields = [dict(f) for f in row["fields"] or []]
        for index, entry in enumerate(fields):
            if entry.get("key") == self.key:
                fields[index] = part
                return {"fields": fields}
        raise EditRefused(f"The extraction has no field “{self.key}” any more.")


class CorrectField(FieldCommand):
    """The reviewer typed the right value: "Correct Wages, tips, other compensation"."""

    def __init__(
        self,
        store: LocalStore,
        extraction_id: str,
        key: str,
        value: Any,
        user_id: str,
        *,
        label: str | None = None,
        on_failure: Callable[[StoreCommand], None] | None = None,
    ) -> None:
        super().__init__(store, extraction_id, key, f"Correct {label or key}", user_id, on_failure)
        self.value = value

    def changed(self, part: Any) -> Any:
        if part.get("value") == self.value and part.get("confirmedBy"):
            return part  # already this value, already confirmed: nothing to do
        return corrected(part, self.value, self.user_id, self.at)


class AcceptField(FieldCommand):
    """The reviewer confirms the value as read: "Accept Employer's EIN"."""

    def __init__(
        self,
        store: LocalStore,
        extraction_id: str,
        key: str,
        user_id: str,
        *,
        label: str | None = None,
        on_failure: Callable[[StoreCommand], None] | None = None,
    ) -> None:
        super().__init__(store, extraction_id, key, f"Accept {label or key}", user_id, on_failure)

    def changed(self, part: Any) -> Any:
        if part.get("confirmedBy") == self.user_id:
            return part
        return accepted(part, self.user_id, self.at)


class ApproveDocument(ExtractionCommand):
    """The reviewer approves the extraction as a whole: "Approve W-2 of w2-001.pdf"."""

    def __init__(
        self,
        store: LocalStore,
        extraction_id: str,
        *,
        name: str | None = None,
        on_failure: Callable[[StoreCommand], None] | None = None,
    ) -> None:
        super().__init__(store, extraction_id, f"Approve {name or 'extraction'}", on_failure)

    def part_of(self, row: Mapping[str, Any]) -> Any:
        return bool(row["approved"])

    def changed(self, part: Any) -> Any:
        return True

    def write(self, row: Mapping[str, Any], part: Any) -> dict[str, Any]:
        return {"approved": part}
