"""The yardstick for the initial sync: the same rows bulk-inserted with plain ``sqlite3``.

Whatever the desktop does, storing a firm's records costs at least turning
them into rows and writing them into SQLite with the cache's durability
(WAL, ``synchronous=FULL``). This module measures that floor on the same
machine in the same run, so the sync's figure can be read as a ratio to it
rather than as an absolute number that moves from machine to machine.

Three variants:

- ``plain``: one table per entity with the cache's columns and a primary key,
  nothing else: the floor of any cache.
- ``cache schema``: the cache's real tables, made by the store's own
  migrations, so the reference indexes and full-text search triggers fire on
  every row: the floor of this cache, whoever inserts the rows.
- the same without the full-text triggers: the gap to the one before is
  what keeping search in step costs.

Rows are committed page by page (1,000 feed items per transaction), as the
sync commits them, so both pay the same number of fsyncs. The timed part
includes building each row's tuple and encoding its JSON fields, which any
implementation has to do too.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from advisoros_desktop.domain.entities import ENTITIES, FieldKind
from advisoros_desktop.store.database import open_engine
from advisoros_desktop.store.migrations import upgrade
from advisoros_desktop.store.schema import ENTITY_TABLES, SEARCH_INDEXES
from advisoros_desktop.store.search_index import CLIENT_NAMED_INDEXES

PRAGMAS = ("journal_mode=WAL", "synchronous=FULL")


def _columns(entity: str) -> list[str]:
    return [column.name for column in ENTITY_TABLES[entity].columns]


def make_plain_tables(path: Path) -> None:
    """One untyped table per entity: the cache's columns, a primary key, no more."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        for entity, table in ENTITY_TABLES.items():
            columns = ", ".join(f'"{name}"' for name in _columns(entity) if name != "id")
            conn.execute(f'CREATE TABLE "{table.name}" (id TEXT PRIMARY KEY, {columns})')
        conn.commit()


def make_cache_tables(path: Path, *, search: bool = True) -> None:
    """The cache's own schema (indexes, FTS5 tables and their triggers), by its migrations.

    Without ``search`` the full-text triggers are dropped, to tell what search costs:
    those on each searched table, and those on clients that re-index the records of
    a client whose name changes (they fire for every client inserted).
    """
    engine = open_engine(path)
    try:
        upgrade(engine)
    finally:
        engine.dispose()
    if not search:
        with contextlib.closing(sqlite3.connect(path)) as conn:
            for fts, _entity, _columns in SEARCH_INDEXES:
                for suffix in ("ai", "au", "ad"):
                    conn.execute(f"DROP TRIGGER {fts}_{suffix}")
            for index in CLIENT_NAMED_INDEXES:
                for suffix in ("client_ai", "client_au", "client_ad"):
                    conn.execute(f"DROP TRIGGER {index.table}_{suffix}")
            conn.commit()


def _row_maker(entity: str) -> Any:
    """A function from a feed record to the parameter tuple of its row."""
    json_fields = {f.name for f in ENTITIES[entity].fields if f.kind is FieldKind.JSON}
    fields = [f.name for f in ENTITIES[entity].fields]

    def row(data: dict[str, Any]) -> tuple[Any, ...]:
        values = [
            json.dumps(data.get(name)) if name in json_fields else data.get(name) for name in fields
        ]
        return (
            data["id"],
            data["version"],
            data.get("createdAt"),
            data.get("updatedAt"),
            None,  # deletedAt: only live records have rows
            "{}",  # dirty
            0,  # localOnly
            0,  # localDeleted
            *values,
        )

    return row


def _pages(items: Sequence[dict[str, Any]], size: int) -> Iterator[Sequence[dict[str, Any]]]:
    for at in range(0, len(items), size):
        yield items[at : at + size]


def timed_insert(path: Path, items: Sequence[dict[str, Any]], page_size: int) -> tuple[int, float]:
    """Insert every live feed item's record into the tables at ``path``; (rows, seconds)."""
    makers = {entity: _row_maker(entity) for entity in ENTITY_TABLES}
    statements = {
        entity: (
            f'INSERT INTO "{table.name}" ('
            + ", ".join(f'"{name}"' for name in _columns(entity))
            + ") VALUES ("
            + ", ".join("?" for _ in _columns(entity))
            + ")"
        )
        for entity, table in ENTITY_TABLES.items()
    }
    rows = 0
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as conn:
        for pragma in PRAGMAS:
            conn.execute(f"PRAGMA {pragma}")
        started = time.perf_counter()
        for page in _pages(items, page_size):
            by_entity: dict[str, list[tuple[Any, ...]]] = {}
            for item in page:
                if not item["deleted"]:
                    entity = item["entity"]
                    by_entity.setdefault(entity, []).append(makers[entity](item["data"]))
            conn.execute("BEGIN IMMEDIATE")
            for entity, params in by_entity.items():
                conn.executemany(statements[entity], params)
                rows += len(params)
            conn.execute("COMMIT")
        elapsed = time.perf_counter() - started
    return rows, elapsed
