"""Sort indexes left out during a first sync: dropped only from an empty cache, never lost.

A cache closed (or killed) while they are out gets them back as it is next
opened; the tables read the same rows without them, and a table's natural
order still comes from its index, so the GUI's refreshes after each page
stay quick.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from advisoros_desktop.store import deferred_indexes, table_order
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.table_order import NATURAL_ORDER, indexed_fields, sort_index_name
from advisoros_desktop.store.table_query import TableQuery, count_rows, read_rows
from tests.unit.store import table_sample
from tests.unit.store.table_sample import ENTITY_NAMES, expected_ids


def _indexes(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    finally:
        conn.close()


def _plans(path: Path, statements: list[tuple[str, Any]]) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [
            " | ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))
            for sql, params in statements
        ]
    finally:
        conn.close()


@contextlib.contextmanager
def _captured(store: LocalStore) -> Iterator[list[tuple[str, Any]]]:
    """The SELECTs the store runs inside the block, with their parameters."""
    statements: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, sql: str, params: Any, *_rest: Any) -> None:
        if sql.lstrip().upper().startswith("SELECT"):
            statements.append((sql, params))

    sa.event.listen(store.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        sa.event.remove(store.engine, "before_cursor_execute", record)


def _every_sort_index() -> set[str]:
    names = set()
    for statement in table_order.drop_index_statements():
        found = re.search(r"EXISTS (\w+)$", statement)
        assert found is not None
        names.add(found.group(1))
    return names


def test_all_but_the_natural_orders_are_deferred() -> None:
    natural = {sort_index_name(entity, field) for entity, (field, _d) in NATURAL_ORDER.items()}
    deferred = set(deferred_indexes.deferred_indexes())
    assert deferred_indexes.kept_indexes() == natural
    assert natural <= _every_sort_index()
    assert deferred == _every_sort_index() - natural
    assert len(deferred) > 30  # nearly all of them: that is where the time goes


def test_an_empty_cache_drops_them_and_gets_them_back_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    store = LocalStore(path)
    complete = _indexes(path)
    assert _every_sort_index() <= complete
    assert deferred_indexes.defer_if_empty(store.engine)
    assert _indexes(path) == complete - set(deferred_indexes.deferred_indexes())
    store.close()  # as a sync cut short by a crash leaves it
    reopened = LocalStore(path)
    assert _indexes(path) == complete
    with reopened.engine.connect() as conn:
        assert deferred_indexes.missing_indexes(conn) == []
    reopened.close()


def test_building_makes_exactly_the_missing_ones(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    store = LocalStore(path)
    complete = _indexes(path)
    assert deferred_indexes.defer_if_empty(store.engine)
    with store.engine.connect() as conn:
        missing = deferred_indexes.missing_indexes(conn)
    assert set(missing) == set(deferred_indexes.deferred_indexes())
    assert deferred_indexes.build_missing(store.engine) == len(missing)
    assert _indexes(path) == complete
    assert deferred_indexes.build_missing(store.engine) == 0
    store.close()


@pytest.mark.parametrize("local_only", [False, True])
def test_a_cache_holding_records_keeps_its_indexes(tmp_path: Path, local_only: bool) -> None:
    """Even a record made here and never sent: the cache is no longer empty."""
    path = tmp_path / "cache.db"
    store = LocalStore(path)
    if local_only:
        store.create("client", {"businessName": "Made offline"})
    else:
        with store.transaction() as txn:
            txn.conn.exec_driver_sql(
                "INSERT INTO users (id, version, dirty, localOnly, localDeleted) "
                "VALUES ('u', 1, '{}', 0, 0)"
            )
    complete = _indexes(path)
    assert not deferred_indexes.defer_if_empty(store.engine)
    assert _indexes(path) == complete
    store.close()


@pytest.fixture(scope="module")
def deferred_sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LocalStore, Path]]:
    """The tables' sample cache as a first sync leaves it: the deferred indexes dropped.

    Dropped after opening: opening the cache would build them again.
    """
    path = tmp_path_factory.mktemp("deferred") / "cache.db"
    store = table_sample.build(path)
    with store.engine.begin() as conn:
        for name in deferred_indexes.deferred_indexes():
            conn.exec_driver_sql(f"DROP INDEX {name}")
    yield store, path
    store.close()


@pytest.mark.parametrize("entity", ENTITY_NAMES)
def test_tables_read_the_same_rows_without_them(
    deferred_sample: tuple[LocalStore, Path], entity: str
) -> None:
    """A user sorting or filtering while the first sync runs sees what they would after it."""
    store, path = deferred_sample
    assert not _every_sort_index() <= _indexes(path)
    for field in (None, *indexed_fields(entity)):
        for text in ("", "smith", "a"):
            query = TableQuery(entity, sort_field=field, descending=field == "createdAt", text=text)
            expected = expected_ids(path, query)
            assert count_rows(store, query) == len(expected), query
            shown = []
            for offset in range(0, len(expected) + 7, 7):
                shown += [row["id"] for row in read_rows(store, query, offset, 7)]
            assert shown == expected, query


@pytest.mark.parametrize("entity", ENTITY_NAMES)
def test_the_natural_order_still_reads_from_its_index(
    deferred_sample: tuple[LocalStore, Path], entity: str
) -> None:
    """What a table refreshes after each page of a first sync: no sort, no table scan."""
    store, path = deferred_sample
    for descending in (False, True):
        query = TableQuery(entity, descending=descending)
        with _captured(store) as statements:
            read_rows(store, query, 0, 5)
            read_rows(store, query, 25, 5)
            count_rows(store, query)
        for plan in _plans(path, statements):
            assert "TEMP B-TREE" not in plan, plan
            assert not re.search(r"SCAN [rl]\b(?! USING)", plan), plan
