"""Tables of the local cache, the entity tables generated from the domain catalog.

An entity row holds what the user sees: the server's last state with the
user's pending changes applied. Beside it: ``version`` (the server's, 0 while
the record exists only here), ``dirty`` ({field: the server value the change
was based on}) so a later server change can be merged field by field, and
``localDeleted`` for a deletion not yet sent. References carry no foreign key
constraints: the server checks them, and a server-side inconsistency must
never stop a sync.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from advisoros_desktop.domain.entities import ENTITIES, EntitySpec, FieldKind
from advisoros_desktop.store.search_index import CLIENT_NAMED_INDEXES

metadata = sa.MetaData()

_TYPES: dict[FieldKind, Any] = {
    FieldKind.YEAR: sa.Integer,
    FieldKind.INTEGER: sa.BigInteger,
    FieldKind.NUMBER: sa.Float,
    FieldKind.BOOLEAN: sa.Boolean,
    FieldKind.JSON: sa.JSON,
    FieldKind.LONG_TEXT: sa.Text,
}

# Columns the sync machinery keeps on every entity row, besides the catalog's fields.
SYNC_COLUMNS = (
    "id",
    "version",
    "createdAt",
    "updatedAt",
    "deletedAt",
    "dirty",
    "localOnly",
    "localDeleted",
)


def field_column(name: str, kind: FieldKind) -> sa.Column[Any]:
    return sa.Column(name, _TYPES.get(kind, sa.Text))


def _entity_table(spec: EntitySpec) -> sa.Table:
    table = sa.Table(
        spec.plural,
        metadata,
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("version", sa.Integer, nullable=False, default=0),
        sa.Column("createdAt", sa.String(32)),
        sa.Column("updatedAt", sa.String(32)),
        sa.Column("deletedAt", sa.String(32)),
        sa.Column("dirty", sa.JSON, nullable=False, default=dict),
        sa.Column("localOnly", sa.Boolean, nullable=False, default=False),
        sa.Column("localDeleted", sa.Boolean, nullable=False, default=False),
        *(field_column(f.name, f.kind) for f in spec.fields),
    )
    for ref in spec.references():
        sa.Index(f"ix_{spec.plural}_{ref.name}", table.c[ref.name])
    return table


ENTITY_TABLES: dict[str, sa.Table] = {name: _entity_table(spec) for name, spec in ENTITIES.items()}

outbox = sa.Table(
    "outbox",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("mutationId", sa.String(36), nullable=False, unique=True),
    sa.Column("entity", sa.String(20), nullable=False),
    sa.Column("op", sa.String(10), nullable=False),
    sa.Column("recordId", sa.String(36), nullable=False),
    # Frozen when first sent: a resend must be byte-for-byte the same mutation.
    sa.Column("baseVersion", sa.Integer),
    sa.Column("fields", sa.JSON, nullable=False, default=dict),
    # pending (may still be coalesced) | sent (frozen) | rejected (kept, shown)
    sa.Column("state", sa.String(10), nullable=False, default="pending"),
    sa.Column("attempts", sa.Integer, nullable=False, default=0),
    sa.Column("lastError", sa.Text),
    sa.Column("createdAt", sa.String(32), nullable=False),
)
sa.Index("ix_outbox_record", outbox.c.entity, outbox.c.recordId)

sync_state = sa.Table(
    "sync_state",
    metadata,
    sa.Column("key", sa.String(40), primary_key=True),
    sa.Column("value", sa.JSON),
)

conflicts = sa.Table(
    "conflicts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("entity", sa.String(20), nullable=False),
    sa.Column("recordId", sa.String(36), nullable=False),
    # A field name, or "*" when someone else deleted the record the user changed.
    sa.Column("field", sa.String(60), nullable=False),
    sa.Column("mine", sa.JSON),
    sa.Column("theirs", sa.JSON),
    sa.Column("serverVersion", sa.Integer, nullable=False),
    sa.Column("message", sa.Text),
    sa.Column("createdAt", sa.String(32), nullable=False),
    sa.UniqueConstraint("entity", "recordId", "field", name="uq_conflict_field"),
)

# Records a full resync has seen so far: kept across a crash in the middle of one.
resync_seen = sa.Table(
    "resync_seen",
    metadata,
    sa.Column("entity", sa.String(20), primary_key=True),
    sa.Column("recordId", sa.String(36), primary_key=True),
)

# Full-text search: (virtual table, entity, indexed fields). The clients' index
# reads its text from the clients table; the others also hold the client's
# name and are described in ``search_index``.
SEARCH_INDEXES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "clients_fts",
        "client",
        ("businessName", "legalName", "primaryContactName", "primaryContactEmail", "taxId", "city"),
    ),
    *((index.table, index.entity, index.fields) for index in CLIENT_NAMED_INDEXES),
)
