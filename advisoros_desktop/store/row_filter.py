"""Which rows a record table shows, as SQL over the entity's table aliased ``r``.

Visible rows only (neither deleted on the server nor deleted here), archived
ones only when asked for, the Review list's documents, a scope (one client's
records) and the words typed in the filter box.

Terms come in two spellings. Counting wants SQLite to use an index on a
filter column (``needsReview = 1`` is a short range of its index). Reading a
window wants the index of the sort order instead, and checks the filters on
the way (every sort index carries the filter columns), so there the filter
columns are written ``+column``, which SQLite never uses to pick an index.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from advisoros_desktop.domain.entities import ENTITIES
from advisoros_desktop.store import search_index
from advisoros_desktop.store.schema import SEARCH_INDEXES
from advisoros_desktop.store.table_order import ROW_FILTERS, VISIBLE_TERMS

if TYPE_CHECKING:
    from advisoros_desktop.store.table_query import TableQuery


@dataclass(frozen=True)
class TextFilter:
    """The typed words as FTS5 queries over the entity's search index."""

    fts: str
    # Matches rows whose text has every typed word (state not considered).
    words: str
    # Matches exactly the rows the table shows, for a count without reading the rows;
    # None when the index cannot say (it has no state words, or a scope applies).
    shown: str | None

    def member(self, plus: bool) -> str:
        """``r``'s rowid among the matches: probed per row (``plus``) or driving the scan."""
        matches = f"SELECT rowid FROM {self.fts} WHERE {self.fts} MATCH ?"
        return f"{'+' if plus else ''}r.rowid IN ({matches})"


def check(query: TableQuery) -> None:
    """Refuse a query no table can show, with a reason a developer can act on."""
    if query.entity not in ROW_FILTERS:
        raise ValueError(f"There is no table of {query.entity!r} records.")
    spec = ENTITIES[query.entity]
    if query.needs_review and "needsReview" not in spec.by_name:
        raise ValueError(f"A {spec.label} cannot need review.")
    for field, _value in query.scope:
        if field not in spec.by_name:
            raise ValueError(f"A {spec.label} has no field {field!r} to scope by.")


def terms(query: TableQuery, *, reading: bool) -> tuple[list[str], list[Any]]:
    """The WHERE terms on ``r`` (the text filter apart) and their parameters."""
    plus = "+" if reading else ""
    found = [f"r.{term}" for term in VISIBLE_TERMS]  # word for word: the partial indexes
    params: list[Any] = []
    if not query.include_archived:
        if query.entity == "client":
            found.append(f"{plus}r.\"status\" IS NOT 'archived'")
        else:
            found.append(f'{plus}r."isArchived" IS NOT 1')
    if query.needs_review:
        found.append(f'{plus}r."needsReview" = 1')
    for field, value in query.scope:
        found.append(f'r."{field}" = ?')
        params.append(value)
    return found, params


def text_filter(query: TableQuery) -> TextFilter | None:
    """None when nothing searchable was typed (blank, or punctuation alone)."""
    index = search_index.index_for(query.entity)
    if index is None:  # clients: their index holds their own fields only
        words = search_index.match_expression(query.text)
        fts = next(name for name, entity, _fields in SEARCH_INDEXES if entity == query.entity)
        return None if words is None else TextFilter(fts, words, None)
    columns = " ".join(index.text_columns)
    typed = search_index.match_expression(query.text)
    if typed is None:
        return None
    shown = (
        None
        if query.scope
        else search_index.filter_expression(
            index,
            query.text,
            hide_archived=not query.include_archived,
            needs_review=query.needs_review,
        )
    )
    return TextFilter(index.table, f"{{{columns}}} : ({typed})", shown)
