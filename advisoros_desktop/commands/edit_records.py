"""Changing fields of one record, or of many at once, as one undo step.

``after`` is the change normalised the way the store writes it; ``before`` is
what each record held, taken by the first step in the same transaction that
changes the record (so no one can slip a value in between, and a bulk edit of
thousands of records reads nothing before it starts). EditRecord also reads
its one record when it is made, for its text and its ``before``.

Each later step changes a field only while it still holds the value that
step expects (``after`` to undo, ``before`` to redo). When a sync brought
someone else's value in between, that later value is left as it is: undo
takes back this user's change, never a colleague's later one. Such fields
are listed in ``left_alone`` for the window to mention.

A bulk edit goes to the store in chunks (``LocalStore.update_many``): one
transaction per chunk rather than one per record, a progress callback between
chunks, and records that refuse the change reported without stopping the
others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from advisoros_desktop.commands.command_texts import count_of, field_phrase, record_name
from advisoros_desktop.commands.store_command import StoreCommand
from advisoros_desktop.domain.entities import ENTITIES, validate_fields
from advisoros_desktop.store.local_store import BulkOutcome, EditRefused, LocalStore, Progress

Fields = dict[str, Any]


class BulkEdit(StoreCommand):
    """The same changes to one or more records of an entity ("set category of 200
    documents"); one undo step. ``progress(done, total)`` is called after each
    chunk of records is saved, in redo and in undo alike.
    """

    def __init__(
        self,
        store: LocalStore,
        entity: str,
        record_ids: Iterable[str],
        changes: Mapping[str, Any],
        *,
        text: str | None = None,
        on_failure: Callable[[StoreCommand], None] | None = None,
        progress: Progress | None = None,
    ) -> None:
        super().__init__("", on_failure)
        self.store = store
        self.entity = entity
        self.progress = progress
        self.record_ids = list(dict.fromkeys(record_ids))
        self.changes, problems = validate_fields(ENTITIES[entity], changes, creating=False)
        self._invalid = "; ".join(m for _f, m in problems) if problems else None
        # {record id: {field: value}}, for the fields this command changed in each record.
        self.before_by_id: dict[str, Fields] = {}
        self.after_by_id: dict[str, Fields] = {}
        # Fields someone else changed since, left as they are by the last step.
        self.left_alone: dict[str, list[str]] = {}
        # What the next redo applies again, and what the next undo takes back.
        self._to_apply: dict[str, set[str]] = {}
        self._to_revert: dict[str, set[str]] = {}
        self._made = False
        if text is None:
            names = [n for n in changes if n in ENTITIES[entity].by_name]
            if len(self.record_ids) == 1:
                target = record_name(entity, store.get(entity, self.record_ids[0]))
            else:
                target = count_of(entity, len(self.record_ids))
            text = f"Edit {field_phrase(entity, names)} of {target}" if names else f"Edit {target}"
        self.set_title(text)

    def apply(self) -> None:
        if self._invalid is not None:
            raise EditRefused(self._invalid)
        if not self._made:
            self._first_apply()
        elif self._to_apply:
            outcome = self._write(self._to_apply, self.after_by_id, self.before_by_id)
            self._to_revert, self._to_apply = _fields_of(outcome), {}

    def _first_apply(self) -> None:
        expected = self._expected_before()
        outcome = self._write(
            {rid: set(self.changes) for rid in self.record_ids},
            {rid: self.changes for rid in self.record_ids},
            expected,
        )
        self._made = True
        self.before_by_id, self.after_by_id = outcome.previous, outcome.changed
        self._to_revert = _fields_of(outcome)
        if not outcome.changed and not outcome.refused:
            self.drop()  # every value is already there: not worth an undo step

    def _expected_before(self) -> dict[str, Fields]:
        """Values the first step expects to find ({}: whatever is there)."""
        return {}

    def revert(self) -> None:
        if self._to_revert:
            outcome = self._write(self._to_revert, self.before_by_id, self.after_by_id)
            self._to_apply, self._to_revert = _fields_of(outcome), {}

    def _write(
        self,
        fields: Mapping[str, set[str]],
        target: Mapping[str, Fields],
        held: Mapping[str, Fields],
    ) -> BulkOutcome:
        changes = {rid: {f: target[rid][f] for f in names} for rid, names in fields.items()}
        expected = {
            rid: {f: held[rid][f] for f in names if f in held.get(rid, {})}
            for rid, names in fields.items()
        }
        outcome = self.store.update_many(
            self.entity, changes, expected=expected, progress=self.progress
        )
        self.left_alone = {}
        for rid, names in fields.items():
            unchanged = names - outcome.changed.get(rid, {}).keys()
            if rid not in outcome.refused and unchanged and held.get(rid):
                self.left_alone[rid] = sorted(unchanged)
        if outcome.refused:
            summary = self._refusal_summary(outcome.refused, len(fields))
            if not outcome.changed:
                self.refused = dict(outcome.refused)
                raise EditRefused(summary)
            self.partly_refused(dict(outcome.refused), summary)
        return outcome

    def _refusal_summary(self, refused: Mapping[str, str], total: int) -> str:
        reasons = list(dict.fromkeys(refused.values()))
        if total == 1:
            return reasons[0]
        shown = " ".join(reasons[:3]) + (" …" if len(reasons) > 3 else "")
        if len(refused) == total:
            return f"None of the {count_of(self.entity, total)} could be changed. {shown}"
        verb = "was" if len(refused) == 1 else "were"
        return f"{len(refused):,} of {count_of(self.entity, total)} {verb} not changed. {shown}"


def _fields_of(outcome: BulkOutcome) -> dict[str, set[str]]:
    return {rid: set(fields) for rid, fields in outcome.changed.items()}


class EditRecord(BulkEdit):
    """Fields of one record: "Edit status of Acme LLC".

    ``before`` and ``after`` are read from the store when the command is made
    (only the fields that differ), and confirmed by the first step.
    """

    def __init__(
        self,
        store: LocalStore,
        entity: str,
        record_id: str,
        changes: Mapping[str, Any],
        *,
        text: str | None = None,
        on_failure: Callable[[StoreCommand], None] | None = None,
    ) -> None:
        super().__init__(store, entity, [record_id], changes, text=text, on_failure=on_failure)
        self.record_id = record_id
        row = store.get(entity, record_id)
        if row is not None:
            differ = {k: v for k, v in self.changes.items() if row[k] != v}
            self.before_by_id = {record_id: {k: row[k] for k in differ}}
            self.after_by_id = {record_id: differ}

    def _expected_before(self) -> dict[str, Fields]:
        # A field changed between the command's making and its first step keeps that value.
        return self.before_by_id

    @property
    def before(self) -> Fields:
        return dict(self.before_by_id.get(self.record_id, {}))

    @property
    def after(self) -> Fields:
        return dict(self.after_by_id.get(self.record_id, {}))
