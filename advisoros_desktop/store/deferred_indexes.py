"""Sort indexes left out while a first sync fills an empty cache, and built after it.

Keeping some forty sort indexes in step row by row (``table_order``) cost
about as much as the rest of storing a firm's records; building them once
the rows are in takes a second or two for 100,000 records. So the first
sync into an empty cache drops them before its first page and builds them
after its last.

Each table keeps the index of its natural order (the order it shows before
the user picks a column). The tables refresh after every page the sync
stores, on the GUI thread; without that index, reading the first window of
50,000 documents meant sorting all of them (a quarter of a second). A user
who sorts by another column while the first sync runs waits for a sort of
the rows, not for the sync.

Nothing is lost if the sync stops half way, even by a crash: the indexes are
built again as the cache is next opened (``migrations.upgrade``), and the
engine builds them when the pull ends for any reason.

Each index is built in a transaction of its own: an edit the user makes
meanwhile waits for one index (tens of milliseconds), not for all of them.
"""

from __future__ import annotations

import re

import sqlalchemy as sa

from advisoros_desktop.store import table_order
from advisoros_desktop.store.database import reading
from advisoros_desktop.store.schema import ENTITY_TABLES

_NAME = re.compile(r"INDEX IF (?:NOT )?EXISTS (\w+)")


def _name(statement: str) -> str:
    found = _NAME.search(statement)
    if found is None:
        raise RuntimeError(f"no index name in {statement!r}")
    return found.group(1)


def kept_indexes() -> frozenset[str]:
    """The sort indexes a first sync keeps: each table's natural order."""
    return frozenset(
        table_order.sort_index_name(entity, field)
        for entity, (field, _descending) in table_order.NATURAL_ORDER.items()
    )


def deferred_indexes() -> tuple[str, ...]:
    """The sort and label indexes a first sync builds after its last page."""
    kept = kept_indexes()
    names = (_name(s) for s in table_order.drop_index_statements())
    return tuple(name for name in names if name not in kept)


def cache_is_empty(conn: sa.Connection) -> bool:
    """True when no table of records holds a row (not even one made here)."""
    return all(
        conn.exec_driver_sql(f'SELECT 1 FROM "{table.name}" LIMIT 1').first() is None
        for table in ENTITY_TABLES.values()
    )


def defer_if_empty(engine: sa.Engine) -> bool:
    """Drop the deferred indexes if the cache holds no records; True when it did.

    One transaction, so no record can arrive between the test and the drop.
    """
    with engine.begin() as conn:
        if not cache_is_empty(conn):
            return False
        for name in deferred_indexes():
            conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
    return True


def missing_indexes(conn: sa.Connection) -> list[str]:
    """The sort and label indexes the cache should have and has not, by name."""
    present = {
        name
        for (name,) in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")
    }
    return [
        name for name in (_name(s) for s in table_order.index_statements()) if name not in present
    ]


def build_missing(engine: sa.Engine) -> int:
    """Create every missing sort and label index, one transaction each; returns how many.

    Blocking for a second or two on a large cache: call it from a worker thread.
    """
    with reading(engine) as conn:
        missing = set(missing_indexes(conn))
    built = 0
    for statement in table_order.index_statements():
        if _name(statement) in missing:
            with engine.begin() as conn:
                conn.exec_driver_sql(statement)
            built += 1
    return built
