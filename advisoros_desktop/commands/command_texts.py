"""The names the History panel and the Edit menu give record commands.

"Edit status of Acme LLC", "Archive 2,000 documents": English source texts
built from the field catalog's labels and the record's own name, so a command
reads the same wherever it is listed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from advisoros_desktop.domain.entities import ENTITIES

# The field that names a record of each entity, the way an accountant refers to it.
NAME_FIELDS = ("businessName", "name", "title", "fileName")


def name_fields(entity: str) -> list[str]:
    """The fields of ``entity`` a record's name may come from (to read no more than needed)."""
    return [name for name in NAME_FIELDS if name in ENTITIES[entity].by_name]


def own_name(row: Mapping[str, Any] | None) -> str | None:
    """The name a record goes by (``Acme LLC``), None when it has none."""
    if row is not None:
        for name in NAME_FIELDS:
            value = row.get(name)
            if isinstance(value, str) and value.strip():
                return " ".join(value.split())
    return None


def record_name(entity: str, row: Mapping[str, Any] | None) -> str:
    """``Acme LLC``; ``this client`` when the record has no name (or is not there)."""
    return own_name(row) or f"this {ENTITIES[entity].label}"


def count_of(entity: str, count: int) -> str:
    """``1 task``, ``2,000 documents``."""
    spec = ENTITIES[entity]
    return f"{count:,} {spec.label if count == 1 else spec.plural}"


def field_phrase(entity: str, names: Iterable[str]) -> str:
    """``status``, ``status and city``, ``3 fields``."""
    labels = [_lower_label(ENTITIES[entity].by_name[n].label) for n in names]
    if len(labels) == 1:
        return labels[0]
    if len(labels) == 2:
        return f"{labels[0]} and {labels[1]}"
    return f"{len(labels)} fields"


def _lower_label(label: str) -> str:
    """``Status`` → ``status``, but ``ZIP code`` and ``OCR`` keep their capitals."""
    if len(label) > 1 and label[0].isupper() and label[1].islower():
        return label[0].lower() + label[1:]
    return label
