"""How the record tables sort, and the indexes that let SQLite read them in that order.

A table of 100,000 documents is read a window at a time as the user scrolls,
so every order it offers must come straight out of an index: a sort of the
whole table before each window would stall the GUI thread. For every column
the tables offer, each entity has a partial index over its visible rows
(``VISIBLE``) on ``(sort key, row filters...)``; SQLite appends the rowid,
which makes the order total: ``sort key, row filters..., rowid``. Carrying
the row filters (archived, needs review) in the index lets SQLite skip
hidden rows, and count them, without reading the table.

A reference column sorts by the label it shows (the client's business name,
the assignee's name): the referenced table is scanned by its label index and
each referenced record's rows are read from the referring table's index on
the reference, so that order is ``label, referenced rowid, row filters...,
rowid``.

The migrations create these indexes; the queries here must use the very same
expressions (and the exact ``VISIBLE`` terms), or SQLite cannot use them.
"""

from __future__ import annotations

from dataclasses import dataclass

from advisoros_desktop.domain.entities import ENTITIES, FieldKind

# Entities shown as record tables, and the columns that hide a row from them
# unless asked for: trailing columns of every sort index.
ROW_FILTERS: dict[str, tuple[str, ...]] = {
    "client": ("status",),
    "engagement": ("isArchived",),
    "task": ("isArchived",),
    "document": ("isArchived", "needsReview"),
}
TABLE_ENTITIES = tuple(ROW_FILTERS)

# The partial indexes' condition. Queries repeat these terms word for word:
# SQLite uses a partial index only when the query's WHERE contains them.
VISIBLE_TERMS = ('"deletedAt" IS NULL', '"localDeleted" = 0')
VISIBLE = " AND ".join(VISIBLE_TERMS)

# What a reference shows: the referenced record's field.
LABEL_FIELDS: dict[str, str] = {
    "client": "businessName",
    "engagement": "name",
    "task": "title",
    "document": "fileName",
    "user": "name",
}
# Referenced entities whose label the tables sort by (each gets a label index).
LABELLED_ENTITIES = ("client", "engagement", "user")

# The order of a table when the user has not picked a column: (field, descending).
NATURAL_ORDER: dict[str, tuple[str, bool]] = {
    "client": ("businessName", False),
    "engagement": ("createdAt", True),  # newest first
    "task": ("createdAt", True),
    "document": ("createdAt", True),
}

# Case-insensitive kinds: "acme" and "Acme" sort together.
_NOCASE_KINDS = frozenset({FieldKind.TEXT, FieldKind.EMAIL, FieldKind.CHOICE})
# Not offered as table columns (JSON, long text, checksums), so they get no index;
# sorting by them still works, by a sort of the rows.
_UNINDEXED_KINDS = frozenset({FieldKind.JSON, FieldKind.LONG_TEXT})
_UNINDEXED_FIELDS = frozenset({"checksum"})
# Sync columns a table may sort by besides the catalog's fields.
_EXTRA_SORT_COLUMNS = ("createdAt",)


@dataclass(frozen=True)
class SortKey:
    """One sortable column of an entity's table."""

    entity: str
    field: str
    # The referenced entity when the column is a reference (sorted by its label).
    references: str | None
    indexed: bool

    def expression(self, alias: str) -> str:
        """The SQL the index is built on, for the table aliased ``alias``."""
        return key_expression(self.entity, self.field, alias)


def key_expression(entity: str, field: str, alias: str = "") -> str:
    """A column as it sorts: case-folded text, money as a number."""
    column = f'{alias}."{field}"' if alias else f'"{field}"'
    spec = ENTITIES[entity].by_name.get(field)
    if spec is None:
        return column
    if spec.kind is FieldKind.MONEY:
        return f"CAST({column} AS REAL)"  # stored as text ("52000.00"); "9.00" < "10.00"
    if spec.kind in _NOCASE_KINDS:
        return f"{column} COLLATE NOCASE"
    return column


def sort_key(entity: str, field: str) -> SortKey:
    """The sort key of ``field``; ``ValueError`` for a field the table cannot sort by."""
    spec = ENTITIES[entity].by_name.get(field)
    if spec is None and field not in _EXTRA_SORT_COLUMNS:
        raise ValueError(f"A {ENTITIES[entity].label} has no field '{field}' to sort by.")
    if spec is not None and spec.kind is FieldKind.JSON:
        raise ValueError(f"{spec.label} cannot be sorted: it holds structured data.")
    references = spec.references if spec is not None and spec.kind is FieldKind.REFERENCE else None
    if references is not None and references not in LABELLED_ENTITIES:
        raise ValueError(f"{spec.label if spec else field} cannot be sorted here.")
    indexed = entity in ROW_FILTERS and (
        spec is None or (spec.kind not in _UNINDEXED_KINDS and field not in _UNINDEXED_FIELDS)
    )
    return SortKey(entity, field, references, indexed)


def indexed_fields(entity: str) -> tuple[str, ...]:
    """Every column of ``entity``'s table that sorts from an index."""
    fields = [f.name for f in ENTITIES[entity].fields] + list(_EXTRA_SORT_COLUMNS)
    keys = []
    for name in fields:
        try:
            key = sort_key(entity, name)
        except ValueError:
            continue
        if key.indexed:
            keys.append(name)
    return tuple(keys)


def trailing_columns(entity: str, field: str) -> tuple[str, ...]:
    """The row-filter columns that follow ``field`` in its index."""
    return tuple(c for c in ROW_FILTERS[entity] if c != field)


def sort_index_name(entity: str, field: str) -> str:
    return f"ix_{ENTITIES[entity].plural}_by_{field}"


def label_index_name(entity: str) -> str:
    return f"ix_{ENTITIES[entity].plural}_label"


def index_statements() -> list[str]:
    """``CREATE INDEX IF NOT EXISTS`` for every sort and label index of the current catalog."""
    statements = []
    for entity in TABLE_ENTITIES:
        table = ENTITIES[entity].plural
        for name in indexed_fields(entity):
            key = sort_key(entity, name)
            # A reference is indexed on its raw id: the label comes from the other table.
            first = f'"{name}"' if key.references else key.expression("")
            columns = ", ".join([first, *(f'"{c}"' for c in trailing_columns(entity, name))])
            statements.append(
                f"CREATE INDEX IF NOT EXISTS {sort_index_name(entity, name)} "
                f"ON {table}({columns}) WHERE {VISIBLE}"
            )
    for entity in LABELLED_ENTITIES:
        # Not partial: a record being deleted still labels the rows that refer to it.
        label = key_expression(entity, LABEL_FIELDS[entity])
        statements.append(
            f"CREATE INDEX IF NOT EXISTS {label_index_name(entity)} "
            f"ON {ENTITIES[entity].plural}({label})"
        )
    return statements


def drop_index_statements() -> list[str]:
    """``DROP INDEX IF EXISTS`` for every sort and label index, for a bulk load.

    Keeping some forty indexes in step row by row costs more than the rest of
    a first sync's inserts; building them once the rows are in takes a second
    or two for 100,000 records (``index_statements``). A cache opened without
    them gets them back as it is opened (``migrations``), so a load cut short
    leaves nothing missing.
    """
    names = [sort_index_name(e, f) for e in TABLE_ENTITIES for f in indexed_fields(e)]
    names += [label_index_name(e) for e in LABELLED_ENTITIES]
    return [f"DROP INDEX IF EXISTS {name}" for name in names]
