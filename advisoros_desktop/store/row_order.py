"""The order of a record table's rows, as the SQL that reads them in it.

Every order is total: after the column the user sorts by come the row
filter columns and the rowid (see ``table_order``), so two windows of one
query never overlap or leave a row out. Text sorts ignore case; empty values
(NULL) come first, as they do in SQLite's indexes.

A reference column sorts by its label. Read straight from indexes, such a
table comes in segments: rows with no reference, rows whose referenced
record is in the cache (by label, from the label index), and rows whose
referenced record is not in the cache at all (which a consistent cache does
not have; they come last). Ascending, the rows without a reference come
first; descending, after the labelled rows. ``rank`` numbers the segments
so that one query with a sort step (for small sets) gives the same order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from advisoros_desktop.domain.entities import ENTITIES
from advisoros_desktop.store.table_order import (
    LABEL_FIELDS,
    NATURAL_ORDER,
    SortKey,
    key_expression,
    sort_key,
    trailing_columns,
)

if TYPE_CHECKING:
    from advisoros_desktop.store.table_query import TableQuery

# (SQL, whether it follows the query's direction): a segment rank never flips.
Column = tuple[str, bool]

NO_REFERENCE, LABELLED, NOT_CACHED = "no reference", "labelled", "not cached"


@dataclass(frozen=True)
class Segment:
    """One part of a label-sorted table, read by one walk down an index."""

    name: str
    from_sql: str
    terms: tuple[str, ...]
    columns: tuple[Column, ...]


@dataclass(frozen=True)
class Ordering:
    key: SortKey
    descending: bool

    @classmethod
    def of(cls, query: TableQuery) -> Ordering:
        if query.sort_field is None:
            field, descending = NATURAL_ORDER[query.entity]
            return cls(sort_key(query.entity, field), descending != query.descending)
        return cls(sort_key(query.entity, query.sort_field), query.descending)

    @property
    def entity(self) -> str:
        return self.key.entity

    @property
    def _trailing(self) -> list[Column]:
        return [(f'r."{c}"', True) for c in trailing_columns(self.entity, self.key.field)]

    @property
    def _target(self) -> str:
        assert self.key.references is not None
        return ENTITIES[self.key.references].plural

    def _label(self) -> Column:
        assert self.key.references is not None
        return key_expression(self.key.references, LABEL_FIELDS[self.key.references], "l"), True

    def _segment_order(self) -> tuple[str, ...]:
        if self.descending:
            return (LABELLED, NO_REFERENCE, NOT_CACHED)
        return (NO_REFERENCE, LABELLED, NOT_CACHED)

    # -- one query, sorted by SQLite when it cannot walk an index -----------------
    def joins(self) -> str:
        """What the single query joins to ``r``: the referenced table, for its label."""
        if self.key.references is None:
            return ""
        return f' LEFT JOIN {self._target} l ON l.id = r."{self.key.field}"'

    def columns(self) -> list[Column]:
        """The full sort key of the single query (over ``r`` and the joined ``l``)."""
        if self.key.references is None:
            return [(self.key.expression("r"), True), *self._trailing, ("r.rowid", True)]
        order = self._segment_order()
        rank = (
            f'CASE WHEN r."{self.key.field}" IS NULL THEN {order.index(NO_REFERENCE)} '
            f"WHEN l.rowid IS NULL THEN {order.index(NOT_CACHED)} "
            f"ELSE {order.index(LABELLED)} END"
        )
        return [(rank, False), self._label(), ("l.rowid", True), *self._trailing, ("r.rowid", True)]

    def order_by(self, columns: list[Column] | tuple[Column, ...]) -> str:
        return ", ".join(
            f"{sql} DESC" if self.descending and follows else sql for sql, follows in columns
        )

    # -- label sorts straight from indexes ------------------------------------------
    def segments(self, table: str) -> list[Segment]:
        """The segments of a label-sorted table, in reading order."""
        field, target = self.key.field, self._target
        rest = (*self._trailing, ("r.rowid", True))
        found = {
            NO_REFERENCE: Segment(NO_REFERENCE, f"{table} r", (f'r."{field}" IS NULL',), rest),
            # CROSS JOIN keeps the referenced table outside: it is what gives the order.
            LABELLED: Segment(
                LABELLED,
                f'{target} l CROSS JOIN {table} r ON r."{field}" = l.id',
                (),
                (self._label(), ("l.rowid", True), *rest),
            ),
            NOT_CACHED: Segment(
                NOT_CACHED,
                f"{table} r",
                (
                    f'r."{field}" IS NOT NULL',
                    f'NOT EXISTS (SELECT 1 FROM {target} x WHERE x.id = r."{field}")',
                ),
                rest,
            ),
        }
        return [found[name] for name in self._segment_order()]


def rows_before(
    ordering: Ordering, columns: list[Column] | tuple[Column, ...], values: list[Any]
) -> list[tuple[list[str], list[Any]]]:
    """Disjoint conditions that together select the rows before the row sorting at ``values``.

    Lexicographic on the sort key, NULL lowest, each column compared with its
    own collation (the sort expressions carry it). Each condition is some
    columns equal to the row's and the next one lower, so that each is a
    range of the sort index and the rows before are counted without a scan.
    """
    found: list[tuple[list[str], list[Any]]] = []
    same: list[str] = []
    same_params: list[Any] = []
    for (sql, follows), value in zip(columns, values, strict=True):
        if ordering.descending and follows:
            if value is None:
                found.append(([*same, f"{sql} IS NOT NULL"], list(same_params)))
            else:
                found.append(([*same, f"{sql} > ?"], [*same_params, value]))
        elif value is not None:
            found.append(([*same, f"{sql} IS NULL"], list(same_params)))
            found.append(([*same, f"{sql} < ?"], [*same_params, value]))
        same.append(f"{sql} IS ?")
        same_params.append(value)
    return found
