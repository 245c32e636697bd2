"""Schema versions of the cache, upgraded in place without losing unsent changes.

``PRAGMA user_version`` records the version. Each step runs in one transaction
with the version bump, so a crash mid-upgrade leaves the previous version
intact. Steps only add (a search index may be rebuilt from the rows): unsent
outbox rows and dirty fields are never rewritten by an upgrade. Fields added
to the domain catalog later become new columns automatically
(``_add_catalog_columns``), with their sort indexes (``_add_sort_indexes``).
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa

from advisoros_desktop.domain.entities import ENTITIES
from advisoros_desktop.store import search_index, table_order
from advisoros_desktop.store.schema import (
    DOCUMENTS_CHECKSUM_INDEX,
    ENTITY_TABLES,
    conflicts,
    field_column,
    intake_ledger,
    outbox,
    resync_seen,
    sync_state,
    upload_queue,
)

# The search indexes as schema 2 made them (schema 4 replaced the documents' one).
_V2_SEARCH_INDEXES = (
    (
        "clients_fts",
        "client",
        ("businessName", "legalName", "primaryContactName", "primaryContactEmail", "taxId", "city"),
    ),
    ("documents_fts", "document", ("fileName", "description", "category")),
)


def _v1_base_tables(conn: sa.Connection) -> None:
    for table in (*ENTITY_TABLES.values(), outbox, sync_state, conflicts):
        table.create(conn, checkfirst=True)
        for index in table.indexes:
            index.create(conn, checkfirst=True)


def _v2_full_text_search(conn: sa.Connection) -> None:
    """FTS5 over clients and documents, kept in step by triggers on every write."""
    for fts, entity, columns in _V2_SEARCH_INDEXES:
        table = ENTITY_TABLES[entity].name
        cols = ", ".join(columns)
        new = ", ".join(f"new.{c}" for c in columns)
        old = ", ".join(f"old.{c}" for c in columns)
        conn.exec_driver_sql(
            f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', "
            f"content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', "
            f"prefix='2 3')"
        )
        conn.exec_driver_sql(
            f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.rowid, {new}); END"
        )
        conn.exec_driver_sql(
            f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old}); END"
        )
        conn.exec_driver_sql(
            f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {cols} ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old}); "
            f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.rowid, {new}); END"
        )
        conn.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def _v3_resync_progress(conn: sa.Connection) -> None:
    resync_seen.create(conn, checkfirst=True)


def _v4_record_tables(conn: sa.Connection) -> None:
    """What the record tables need to filter as the user types and to sort any column.

    Engagements and tasks get full-text search; documents' is rebuilt to hold
    the client's name too. Every column a table offers gets its sort index.
    """
    for statement in search_index.drop_statements("documents_fts"):
        conn.exec_driver_sql(statement)
    for index in search_index.CLIENT_NAMED_INDEXES:
        for statement in search_index.create_statements(index):
            conn.exec_driver_sql(statement)
    _add_sort_indexes(conn)


def _v5_document_intake(conn: sa.Connection) -> None:
    """The upload queue and the intake ledger, and the index that finds a document by its bytes."""
    for table in (upload_queue, intake_ledger):
        table.create(conn, checkfirst=True)
        for index in table.indexes:
            index.create(conn, checkfirst=True)
    conn.exec_driver_sql(DOCUMENTS_CHECKSUM_INDEX)


MIGRATIONS: tuple[tuple[int, Callable[[sa.Connection], None]], ...] = (
    (1, _v1_base_tables),
    (2, _v2_full_text_search),
    (3, _v3_resync_progress),
    (4, _v4_record_tables),
    (5, _v5_document_intake),
)
LATEST = MIGRATIONS[-1][0]


def schema_version(engine: sa.Engine) -> int:
    with engine.connect() as conn:
        return int(conn.exec_driver_sql("PRAGMA user_version").scalar() or 0)


def upgrade(engine: sa.Engine, target: int = LATEST) -> int:
    """Bring the cache to ``target``; returns the version it was at."""
    start = schema_version(engine)
    if start > LATEST:
        raise RuntimeError(
            f"This cache was written by a newer AdvisorOS Desktop (schema {start}); "
            f"this version understands up to {LATEST}. Update the program."
        )
    for version, step in MIGRATIONS:
        if start < version <= target:
            with engine.begin() as conn:
                step(conn)
                conn.exec_driver_sql(f"PRAGMA user_version = {version}")
    if target == LATEST:
        with engine.begin() as conn:
            _add_catalog_columns(conn)
            _add_sort_indexes(conn)
    return start


def _add_catalog_columns(conn: sa.Connection) -> None:
    for name, spec in ENTITIES.items():
        table = ENTITY_TABLES[name].name
        present = {row[1] for row in conn.exec_driver_sql(f"PRAGMA table_info({table})")}
        for field in spec.fields:
            if field.name not in present:
                column = field_column(field.name, field.kind)
                ddl = column.type.compile(dialect=conn.dialect)
                conn.exec_driver_sql(f'ALTER TABLE {table} ADD COLUMN "{field.name}" {ddl}')


def _add_sort_indexes(conn: sa.Connection) -> None:
    """Sort indexes for every column the tables offer, new catalog fields included."""
    for statement in table_order.index_statements():
        conn.exec_driver_sql(statement)
