"""Reading and writing entity rows inside a transaction.

The statements that find a row by id are built once per entity, with the id
as a bound parameter: built anew with the id (and the values) as literals,
SQLAlchemy recomputed their cache keys from every value on every call, which
cost about as much as SQLite's own work on the row. The SQL sent is the same.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa

from advisoros_desktop.domain.entities import ENTITIES
from advisoros_desktop.store.schema import ENTITY_TABLES

Row = dict[str, Any]


# Named so as not to clash with a column: an UPDATE takes its SET columns from the other keys.
_RECORD_ID = "_record_id"
_SELECT_BY_ID = {
    entity: sa.select(table).where(table.c.id == sa.bindparam(_RECORD_ID))
    for entity, table in ENTITY_TABLES.items()
}
_COLUMNS = {
    entity: frozenset(column.name for column in table.columns)
    for entity, table in ENTITY_TABLES.items()
}
_UPDATE_BY_ID = {
    entity: table.update().where(table.c.id == sa.bindparam(_RECORD_ID))
    for entity, table in ENTITY_TABLES.items()
}


def get_row(conn: sa.Connection, entity: str, record_id: str) -> Row | None:
    found = conn.execute(_SELECT_BY_ID[entity], {_RECORD_ID: record_id}).mappings().first()
    return dict(found) if found is not None else None


def insert_row(conn: sa.Connection, entity: str, values: Mapping[str, Any]) -> None:
    _check_columns(entity, values)
    conn.execute(ENTITY_TABLES[entity].insert(), dict(values))


def update_row(conn: sa.Connection, entity: str, record_id: str, values: Mapping[str, Any]) -> None:
    if values:
        _check_columns(entity, values)
        conn.execute(_UPDATE_BY_ID[entity], {**values, _RECORD_ID: record_id})


def _check_columns(entity: str, values: Mapping[str, Any]) -> None:
    """Refuse a name that is no column, as ``.values(**values)`` did: parameters alone
    would let SQLAlchemy pass over it in silence and a misspelt field would be lost."""
    unknown = values.keys() - _COLUMNS[entity]
    if unknown:
        raise sa.exc.CompileError(f"Unconsumed column names: {', '.join(sorted(unknown))}")


def field_names(entity: str) -> list[str]:
    return [f.name for f in ENTITIES[entity].fields]


def visible(row: Mapping[str, Any]) -> bool:
    return row["deletedAt"] is None and not row["localDeleted"]
