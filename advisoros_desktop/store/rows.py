"""Reading and writing entity rows inside a transaction."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa

from advisoros_desktop.domain.entities import ENTITIES
from advisoros_desktop.store.schema import ENTITY_TABLES

Row = dict[str, Any]


def get_row(conn: sa.Connection, entity: str, record_id: str) -> Row | None:
    table = ENTITY_TABLES[entity]
    found = conn.execute(sa.select(table).where(table.c.id == record_id)).mappings().first()
    return dict(found) if found is not None else None


def insert_row(conn: sa.Connection, entity: str, values: Mapping[str, Any]) -> None:
    conn.execute(ENTITY_TABLES[entity].insert().values(**values))


def update_row(conn: sa.Connection, entity: str, record_id: str, values: Mapping[str, Any]) -> None:
    if values:
        table = ENTITY_TABLES[entity]
        conn.execute(table.update().where(table.c.id == record_id).values(**values))


def field_names(entity: str) -> list[str]:
    return [f.name for f in ENTITIES[entity].fields]


def visible(row: Mapping[str, Any]) -> bool:
    return row["deletedAt"] is None and not row["localDeleted"]
