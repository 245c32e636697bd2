"""Which fields each record table offers as columns, and which show by default.

Every readable field of the entity can be a column (the column chooser lists
them all); the defaults are what an accountant scans first. JSON fields and
checksums are left to the detail pane.
"""

from __future__ import annotations

from dataclasses import dataclass

from advisoros_desktop.domain.entities import ENTITIES, FieldKind, FieldSpec

HIDDEN_KINDS = (FieldKind.JSON, FieldKind.LONG_TEXT)
NOT_COLUMNS = {"checksum"}

DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "client": (
        "businessName",
        "businessType",
        "taxId",
        "primaryContactName",
        "primaryContactEmail",
        "city",
        "state",
        "status",
    ),
    "engagement": ("name", "clientId", "type", "status", "taxYear", "dueDate", "assignedToId"),
    "task": ("title", "clientId", "status", "priority", "dueDate", "assignedToId"),
    "document": ("fileName", "clientId", "category", "year", "fileSize", "ocrStatus"),
}


@dataclass(frozen=True)
class TableColumns:
    entity: str
    fields: tuple[FieldSpec, ...]  # every column the model offers, in display order
    visible_by_default: frozenset[str]

    def index_of(self, name: str) -> int:
        return next(i for i, spec in enumerate(self.fields) if spec.name == name)


def columns_for(entity: str) -> TableColumns:
    spec = ENTITIES[entity]
    defaults = DEFAULT_COLUMNS[entity]
    others = [
        f
        for f in spec.fields
        if f.name not in defaults and f.kind not in HIDDEN_KINDS and f.name not in NOT_COLUMNS
    ]
    ordered = tuple(spec.by_name[name] for name in defaults) + tuple(others)
    return TableColumns(entity, ordered, frozenset(defaults))
