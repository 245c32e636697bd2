"""Windows of a record table, read from the cache as the user scrolls, sorts and types.

The tables of the main window never hold all their rows: the model asks for
the row count and then for windows of rows at offsets. Every read here is
one short read-only transaction that SQLite answers from an index, so that
the GUI thread can run it (a few milliseconds on 100,000 documents):

- A table sorted by any column walks that column's sort index
  (``table_order``); a reference column walks the referenced table's label
  index and joins the rows through their reference index (``row_order``).
- Typed text is matched by FTS5 (``search_index``). When it matches few rows
  (up to ``SMALL_SET``) they are sorted outright; when it matches many (the
  first letters typed), the sort index is walked and each row looked up
  among the matches, which finds the first window without sorting them all.
  Their count comes from the search index alone.
- A scope (one client's records) is a short range of the reference's index,
  sorted outright: a client's records are few, so the sort step (a temporary
  B-tree in ``EXPLAIN QUERY PLAN``) is expected there.

Rows are dicts with every column, plus ``"<field>:label"`` for each
reference: the referenced record's name, or None when it is not in the cache.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from advisoros_desktop.domain.entities import ENTITIES
from advisoros_desktop.store import row_filter
from advisoros_desktop.store.database import reading
from advisoros_desktop.store.row_filter import TextFilter
from advisoros_desktop.store.row_order import LABELLED, NOT_CACHED, Ordering, Segment, rows_before
from advisoros_desktop.store.rows import Row
from advisoros_desktop.store.schema import ENTITY_TABLES
from advisoros_desktop.store.table_order import LABEL_FIELDS

if TYPE_CHECKING:
    from advisoros_desktop.store.local_store import LocalStore

__all__ = ["SMALL_SET", "TableQuery", "count_rows", "read_rows", "row_position"]

# Matches up to this many are sorted outright; more are read by walking the sort index.
SMALL_SET = 2_000


@dataclass(frozen=True)
class TableQuery:
    """What a record table shows: which rows, in which order."""

    entity: str  # "client" | "engagement" | "task" | "document"
    sort_field: str | None = None  # a catalog field name; None = the entity's natural order
    descending: bool = False
    text: str = ""  # filter-as-you-type
    # Equality on reference fields, e.g. (("clientId", id),): one client's records.
    scope: tuple[tuple[str, str], ...] = ()
    needs_review: bool = False  # documents only: needsReview true (the Review list)
    include_archived: bool = False  # archived rows are hidden unless asked for


def count_rows(store: LocalStore, query: TableQuery) -> int:
    """How many rows the table shows."""
    with reading(store.engine) as conn:
        return _Reader(conn, query).count()


def read_rows(store: LocalStore, query: TableQuery, offset: int, limit: int) -> list[Row]:
    """The rows at positions ``offset`` to ``offset + limit - 1`` (fewer at the end)."""
    if offset < 0:
        raise ValueError("offset must not be negative")
    if limit <= 0:
        return []
    with reading(store.engine) as conn:
        return _Reader(conn, query).rows(offset, limit)


def row_position(store: LocalStore, query: TableQuery, record_id: str) -> int | None:
    """The row number of ``record_id`` in the table, or None when the table does not show it."""
    with reading(store.engine) as conn:
        return _Reader(conn, query).position(record_id)


# --------------------------------------------------------------------------- rows as dicts


@dataclass(frozen=True)
class _Columns:
    """The SELECT list of an entity's rows and how to turn a result tuple into a row."""

    sql: str
    names: tuple[str, ...]
    convert: tuple[Callable[[Any], Any] | None, ...]

    def row(self, values: Any) -> Row:
        return {
            name: value if convert is None or value is None else convert(value)
            for name, convert, value in zip(self.names, self.convert, values, strict=True)
        }


_COLUMNS: dict[str, _Columns] = {}


def _columns(entity: str, dialect: sa.Dialect) -> _Columns:
    found = _COLUMNS.get(entity)
    if found is None:
        table = ENTITY_TABLES[entity]
        # SQLAlchemy's own conversions (JSON, booleans), as LocalStore.get returns them.
        convert: list[Callable[[Any], Any] | None] = [
            column.type.result_processor(dialect, None) for column in table.columns
        ]
        sql = [f'r."{column.name}"' for column in table.columns]
        names = [column.name for column in table.columns]
        for spec in ENTITIES[entity].references():
            target = spec.references
            assert target is not None
            label, source = LABEL_FIELDS[target], ENTITIES[target].plural
            sql.append(f'(SELECT x."{label}" FROM {source} x WHERE x.id = r."{spec.name}")')
            names.append(f"{spec.name}:label")
            convert.append(None)
        found = _Columns(", ".join(sql), tuple(names), tuple(convert))
        _COLUMNS[entity] = found
    return found


# --------------------------------------------------------------------------- the reads


class _Reader:
    """One query's reads inside one read transaction."""

    def __init__(self, conn: sa.Connection, query: TableQuery) -> None:
        row_filter.check(query)
        self.conn = conn
        self.query = query
        self.table = ENTITIES[query.entity].plural
        self.order = Ordering.of(query)
        self.text: TextFilter | None = row_filter.text_filter(query)
        self.columns = _columns(query.entity, conn.dialect)
        self._count: int | None = None

    def _scalar(self, sql: str, params: list[Any]) -> Any:
        return self.conn.exec_driver_sql(sql, tuple(params)).scalar()

    def _where(self, *, reading: bool, probe: bool) -> tuple[list[str], list[Any]]:
        """The filter's terms on ``r``, the text as a rowid lookup among the matches."""
        terms, params = row_filter.terms(self.query, reading=reading)
        if self.text is not None:
            terms.append(self.text.member(plus=probe))
            params.append(self.text.words)
        return terms, params

    # -- count ---------------------------------------------------------------------
    def count(self) -> int:
        if self._count is None:
            if self.text is not None and self.text.shown is not None:
                fts = self.text.fts
                sql = f"SELECT count(*) FROM {fts} WHERE {fts} MATCH ?"
                self._count = int(self._scalar(sql, [self.text.shown]))
            else:
                # Scoped: the scope's index range, each row looked up among the matches.
                terms, params = self._where(reading=False, probe=bool(self.query.scope))
                sql = f"SELECT count(*) FROM {self.table} r WHERE {' AND '.join(terms)}"
                self._count = int(self._scalar(sql, params))
        return self._count

    # -- rows -----------------------------------------------------------------------
    def rows(self, offset: int, limit: int) -> list[Row]:
        if self._sorts_outright():
            return self._sorted_set(offset, limit)
        if self.order.key.references is None:
            terms, params = self._where(reading=True, probe=True)
            return self._select(
                f"{self.table} r", terms, params, self.order.columns(), offset, limit
            )
        return self._segments(offset, limit)

    def _sorts_outright(self) -> bool:
        """True when the rows are few (or no index has the order): SQLite sorts them."""
        if not self.order.key.indexed or self.query.scope:
            return True
        if self.text is None:
            return False
        if self._count is None and self.text.shown is not None:
            # Stop counting past the threshold: the first letters typed match most rows.
            fts = self.text.fts
            sql = f"SELECT count(*) FROM (SELECT 1 FROM {fts} WHERE {fts} MATCH ? LIMIT ?)"
            return int(self._scalar(sql, [self.text.shown, SMALL_SET + 1])) <= SMALL_SET
        return self.count() <= SMALL_SET

    def _select(
        self,
        from_sql: str,
        terms: list[str],
        params: list[Any],
        columns: list[Any] | tuple[Any, ...],
        offset: int,
        limit: int,
    ) -> list[Row]:
        sql = (
            f"SELECT {self.columns.sql} FROM {from_sql} WHERE {' AND '.join(terms)} "
            f"ORDER BY {self.order.order_by(columns)} LIMIT ? OFFSET ?"
        )
        found = self.conn.exec_driver_sql(sql, (*params, limit, offset)).all()
        return [self.columns.row(values) for values in found]

    def _sorted_set(self, offset: int, limit: int) -> list[Row]:
        from_sql, terms, params = self._sorted_set_source()
        return self._select(from_sql, terms, params, self.order.columns(), offset, limit)

    def _sorted_set_source(self) -> tuple[str, list[str], list[Any]]:
        """FROM, WHERE terms and parameters of the single query over all the shown rows."""
        if self.text is not None and not self.query.scope:
            # Few matches: start from them (CROSS JOIN keeps the search index outside).
            fts = self.text.fts
            terms, params = row_filter.terms(self.query, reading=True)
            return (
                f"{fts} CROSS JOIN {self.table} r ON r.rowid = {fts}.rowid{self.order.joins()}",
                [f"{fts} MATCH ?", *terms],
                [self.text.words, *params],
            )
        terms, params = self._where(reading=True, probe=True)
        return f"{self.table} r{self.order.joins()}", terms, params

    def _segments(self, offset: int, limit: int) -> list[Row]:
        """A label-sorted window, segment by segment; a segment is counted only when skipped."""
        rows: list[Row] = []
        known = 0  # rows in the segments passed so far
        for segment in self.order.segments(self.table):
            if segment.name == NOT_CACHED and self.count() - known <= 0:
                break  # rows pointing at records the cache lacks: none (reading them is a scan)
            got = self._segment_rows(segment, offset, limit)
            if got:
                rows += got
                if len(got) == limit:
                    break
                known += offset + len(got)
                limit -= len(got)
                offset = 0
            elif segment.name != NOT_CACHED:  # the last: past its end is past the table's
                size = self._segment_count(segment)
                known += size
                offset -= size
        return rows

    def _segment_where(self, segment: Segment, *, reading: bool) -> tuple[list[str], list[Any]]:
        terms, params = self._where(reading=reading, probe=True)
        return [*segment.terms, *terms], params

    def _segment_rows(self, segment: Segment, offset: int, limit: int) -> list[Row]:
        terms, params = self._segment_where(segment, reading=True)
        return self._select(segment.from_sql, terms, params, segment.columns, offset, limit)

    def _segment_count(self, segment: Segment) -> int:
        # Counting walks the same index as reading: the order is what makes it cheap.
        terms, params = self._segment_where(segment, reading=segment.name == LABELLED)
        sql = f"SELECT count(*) FROM {segment.from_sql} WHERE {' AND '.join(terms)}"
        return int(self._scalar(sql, params))

    # -- position -------------------------------------------------------------------
    def position(self, record_id: str) -> int | None:
        outright = self._sorts_outright()
        if outright:
            from_sql, terms, params = self._sorted_set_source()
        else:
            terms, params = self._where(reading=True, probe=True)
            from_sql = f"{self.table} r{self.order.joins()}"
        columns = self.order.columns()
        select = ", ".join(sql for sql, _follows in columns)
        where = " AND ".join(terms)
        found = self.conn.exec_driver_sql(
            f"SELECT {select} FROM {from_sql} WHERE {where} AND r.id = ?", (*params, record_id)
        ).first()
        if found is None:
            return None
        values = list(found)
        if outright or self.order.key.references is None:
            return self._count_before(from_sql, terms, params, columns, values)
        # A label sort read from indexes: the segments before, then the rows before in its own.
        segments = self.order.segments(self.table)
        rank = values[0]
        before = sum(self._segment_count(segment) for segment in segments[:rank])
        segment = segments[rank]
        terms, params = self._segment_where(segment, reading=True)
        own = values[1:] if segment.name == LABELLED else values[3:]
        return before + self._count_before(segment.from_sql, terms, params, segment.columns, own)

    def _count_before(
        self,
        from_sql: str,
        terms: list[str],
        params: list[Any],
        columns: list[Any] | tuple[Any, ...],
        values: list[Any],
    ) -> int:
        counts: list[str] = []
        all_params: list[Any] = []
        for extra, extra_params in rows_before(self.order, columns, values):
            where = " AND ".join([*terms, *extra])
            counts.append(f"(SELECT count(*) FROM {from_sql} WHERE {where})")
            all_params += [*params, *extra_params]
        if not counts:
            return 0
        return int(self._scalar(f"SELECT {' + '.join(counts)}", all_params))
