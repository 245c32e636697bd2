"""Merging a whole change-feed page at once, with the per-record rules of ``merge``.

An initial sync brings 100,000 records, nearly all new to the cache. Asking
the database about each one (a SELECT, then an INSERT built for that record)
cost about 600 µs a record, most of it SQLAlchemy building statements, and
made the first sync of a large firm take over a minute. A page is merged here
with:

- one SELECT per entity for the rows the cache already holds of the page's
  records (a page is at most 1,000 items, well under SQLite's 32,766 bound
  parameters);
- multi-row INSERTs (``INSERT ... VALUES (...), (...)``, ``ROWS_PER_INSERT``
  rows each, every value a bound parameter) for the records it does not hold
  yet. The full-text search triggers still fire for each row, so search stays
  in step; but FTS5 writes what its triggers gathered to disk at the end of
  every statement, so an executemany of one-row INSERTs wrote one index
  segment per row (and merged them all again), and storing a first sync's
  pages took about twice as long;
- the same field-by-field merge as one record at a time (``merge_into_row``:
  dirty fields, conflicts, outbox) for records it holds, and the same
  ``merge_tombstone`` for deletions, in the page's order.

The result is the same cache as applying the items one by one, in order: new
rows are inserted in the page's order, so they get the same rowids, and a
record that appears twice in one page (the API does not promise it never
does) is applied the one-by-one way after everything before it is written.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from advisoros_desktop.store.merge import (
    merge_into_row,
    merge_server_record,
    merge_tombstone,
    new_row,
)
from advisoros_desktop.store.rows import field_names
from advisoros_desktop.store.schema import ENTITY_TABLES
from advisoros_desktop.store.transaction import WriteTxn

RecordKey = tuple[str, str]
Parameters = tuple[Any, ...]

# New rows per INSERT statement. More rows make fewer, larger search-index segments,
# but a longer statement to prepare and keep; past a hundred the gain is small.
ROWS_PER_INSERT = 100
# Bound parameters SQLite allows in one statement when the driver cannot say:
# the smallest default of any SQLite (999, before 3.32).
_FALLBACK_PARAMETER_LIMIT = 999


def merge_items(txn: WriteTxn, items: Sequence[Mapping[str, Any]]) -> None:
    """Apply checked feed items (live records and tombstones) in order, in bulk."""
    held = _rows_held(txn.conn, items)
    new_rows: dict[str, list[Parameters]] = {}
    seen: set[RecordKey] = set()
    for item in items:
        entity, record_id = item["entity"], item["id"]
        key = (entity, record_id)
        if key in seen:
            # Applied once already in this page: what was read before is stale.
            _insert(txn.conn, new_rows)
            _apply_one(txn, item)
            continue
        seen.add(key)
        if item["deleted"]:
            # Nothing of this page touched the record yet, so the row it reads is current.
            merge_tombstone(txn, entity, record_id, int(item["version"]))
            continue
        txn.touched(entity, record_id)
        row = held.get(key)
        if row is None:
            plan = _insert_plan(txn.conn.dialect, entity)
            new_rows.setdefault(entity, []).append(plan.parameters(item["data"]))
        else:
            merge_into_row(txn, entity, row, item["data"])
    _insert(txn.conn, new_rows)


def _apply_one(txn: WriteTxn, item: Mapping[str, Any]) -> None:
    if item["deleted"]:
        merge_tombstone(txn, item["entity"], item["id"], int(item["version"]))
    else:
        merge_server_record(txn, item["entity"], item["data"])


def _rows_held(
    conn: sa.Connection, items: Iterable[Mapping[str, Any]]
) -> dict[RecordKey, dict[str, Any]]:
    """The cache's rows of the page's live records, two queries per entity at most.

    The first asks only which of the ids are here, with the ids as one JSON
    parameter: in an initial sync none are, and building a 1,000-parameter IN
    statement for each page cost more than the answer. The second reads the
    rows found, through SQLAlchemy so their JSON and booleans come back typed.
    """
    ids: dict[str, list[str]] = {}
    for item in items:
        if not item["deleted"]:
            ids.setdefault(item["entity"], []).append(item["id"])
    held: dict[RecordKey, dict[str, Any]] = {}
    for entity, wanted in ids.items():
        table = ENTITY_TABLES[entity]
        present = [
            record_id
            for (record_id,) in conn.exec_driver_sql(
                f'SELECT id FROM "{table.name}" WHERE id IN (SELECT value FROM json_each(?))',
                (json.dumps(wanted),),
            )
        ]
        if present:
            rows = conn.execute(sa.select(table).where(table.c.id.in_(present))).mappings()
            held.update(((entity, row["id"]), dict(row)) for row in rows)
    return held


def _insert(conn: sa.Connection, new_rows: dict[str, list[Parameters]]) -> None:
    """Write the buffered new rows, in order, many to a statement, and empty the buffer."""
    limit = _parameter_limit(conn)
    for entity, rows in new_rows.items():
        if not rows:
            continue
        plan = _insert_plan(conn.dialect, entity)
        at = 0
        for size in _statement_sizes(len(rows), max(1, min(ROWS_PER_INSERT, limit // plan.width))):
            chunk = rows[at : at + size]
            conn.exec_driver_sql(plan.sql(size), tuple(itertools.chain.from_iterable(chunk)))
            at += size
    new_rows.clear()


def _statement_sizes(rows: int, most: int) -> list[int]:
    """Rows per statement: ``most`` while they last, then the rest in powers of two.

    Every size is a statement prepared and kept in the connection's statement
    cache, with the search triggers compiled into it. A rest of any size made
    up to ``ROWS_PER_INSERT`` of them, which held some 15 MB more during a
    first sync; in powers of two there are eight sizes at most.
    """
    sizes = [most] * (rows // most)
    rest = rows % most
    power = 1 << rest.bit_length()
    while rest:
        power >>= 1
        if rest & power:
            sizes.append(power)
            rest -= power
    return sizes


def _parameter_limit(conn: sa.Connection) -> int:
    """How many bound parameters one statement may have on this connection."""
    dbapi = conn.connection.dbapi_connection
    getlimit = getattr(dbapi, "getlimit", None)  # Python 3.11's sqlite3; not every driver
    if getlimit is None:
        return _FALLBACK_PARAMETER_LIMIT
    return int(getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))


# Columns whose value comes from the server record, in this order, before the fields.
_FROM_RECORD = ("id", "version", "createdAt", "updatedAt")


@dataclass(frozen=True)
class _InsertPlan:
    """An entity's INSERT as SQL text, and how a server record becomes its parameters.

    ``conn.execute(table.insert(), rows)`` spent about 30 µs a row in
    SQLAlchemy, and building each row as a dict first another 10 µs: together
    as long as SQLite itself took to store the row. The values are those of
    ``merge.new_row``, converted by SQLAlchemy's own bind processors for these
    columns (JSON to text, booleans to integers), so the stored bytes are the
    ones ``insert_row`` writes; only the per-row bookkeeping around them goes.
    """

    head: str  # "INSERT INTO table (columns) VALUES "
    width: int  # columns, so parameters a row
    fixed: Parameters  # the columns every new row has the same value in, converted
    fields: tuple[str, ...]  # the catalog's fields, in parameter order after ``fixed``
    conversions: tuple[tuple[int, Callable[[Any], Any]], ...]  # (index in fields, processor)
    # The statement text by number of rows: a page's chunks are mostly the same size.
    _statements: dict[int, str] = field(default_factory=dict, compare=False, repr=False)

    def sql(self, rows: int) -> str:
        """The INSERT of ``rows`` rows: every value a bound parameter, never a literal."""
        statement = self._statements.get(rows)
        if statement is None:
            one = f"({', '.join('?' for _ in range(self.width))})"
            statement = self.head + ", ".join(itertools.repeat(one, rows))
            self._statements[rows] = statement
        return statement

    def parameters(self, data: Mapping[str, Any]) -> Parameters:
        values = list(map(data.get, self.fields))
        for index, convert in self.conversions:
            values[index] = convert(values[index])
        return (
            str(data["id"]),
            data["version"],
            data.get("createdAt"),
            data.get("updatedAt"),
            *self.fixed,
            *values,
        )


_PLANS: dict[tuple[str, str, str], _InsertPlan] = {}


def _insert_plan(dialect: sa.Dialect, entity: str) -> _InsertPlan:
    key = (dialect.name, dialect.driver, entity)
    plan = _PLANS.get(key)
    if plan is not None:
        return plan
    table = ENTITY_TABLES[entity]

    def convert(name: str) -> Callable[[Any], Any] | None:
        column_type = table.c[name].type
        processor: Callable[[Any], Any] | None = column_type.dialect_impl(dialect).bind_processor(
            dialect
        )
        return processor

    def converted(name: str, value: Any) -> Any:
        processor = convert(name)
        return value if processor is None else processor(value)

    # What new_row gives every record alike (dirty, localOnly, ...), taken from new_row itself.
    template = new_row(entity, {"id": "", "version": 0})
    fields = tuple(field_names(entity))
    fixed_names = [n for n in template if n not in _FROM_RECORD and n not in fields]
    names = [*_FROM_RECORD, *fixed_names, *fields]
    if sorted(names) != sorted(column.name for column in table.columns) or any(
        convert(name) is not None for name in _FROM_RECORD
    ):
        raise RuntimeError(f"new_row and the {table.name} table no longer agree; update this")
    preparer = dialect.identifier_preparer
    plan = _InsertPlan(
        head=f"INSERT INTO {preparer.format_table(table)} "
        f"({', '.join(preparer.quote(name) for name in names)}) VALUES ",
        width=len(names),
        fixed=tuple(converted(name, template[name]) for name in fixed_names),
        fields=fields,
        conversions=tuple(
            (index, processor)
            for index, name in enumerate(fields)
            if (processor := convert(name)) is not None
        ),
    )
    _PLANS[key] = plan
    return plan
