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

# One row per file intake took: saved, with its id, before any byte of it moves,
# so a crash or a restart resumes the upload instead of starting a second one.
upload_queue = sa.Table(
    "upload_queue",
    metadata,
    sa.Column("upload_id", sa.String(36), primary_key=True),
    # Queue order: the files go in the order they were taken.
    sa.Column("seq", sa.Integer, nullable=False, unique=True),
    sa.Column("batch_id", sa.String(36), nullable=False),
    sa.Column("path", sa.Text, nullable=False),
    sa.Column("watched_root", sa.Text),  # None for files dropped on the window
    sa.Column("file_name", sa.String(255), nullable=False),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("mtime_ns", sa.BigInteger, nullable=False),
    sa.Column("sha256", sa.String(64)),
    sa.Column("mime_type", sa.String(100)),
    sa.Column("client_id", sa.String(36)),
    sa.Column("category", sa.String(40)),
    sa.Column("year", sa.Integer),
    sa.Column("source", sa.String(20), nullable=False),
    sa.Column("route_confidence", sa.Float),
    sa.Column("route_reason", sa.Text),
    sa.Column("state", sa.String(12), nullable=False),
    sa.Column("offset", sa.BigInteger, nullable=False, default=0),  # bytes the server holds
    sa.Column("document_id", sa.String(36)),
    sa.Column("reason", sa.Text),  # why it waits or failed, for the accountant
    sa.Column("attempts", sa.Integer, nullable=False, default=0),
    # The source file has been dealt with (moved, deleted or left as its folder says).
    sa.Column("settled", sa.Integer, nullable=False, default=0),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("updated_at", sa.String(32), nullable=False),
)
sa.Index("ix_upload_queue_state", upload_queue.c.state, upload_queue.c.seq)
sa.Index("ix_upload_queue_batch", upload_queue.c.batch_id, upload_queue.c.seq)
sa.Index("ix_upload_queue_sha256", upload_queue.c.sha256)

# One row per version of a file intake has seen, and what became of it: a file
# known here by (path, size, mtime) is not taken twice, across restarts and crashes;
# one known by its SHA-256 is linked to the document it already is.
intake_ledger = sa.Table(
    "intake_ledger",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("path", sa.Text, nullable=False),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("mtime_ns", sa.BigInteger, nullable=False),
    sa.Column("sha256", sa.String(64)),
    # queued | uploaded | duplicate | failed | ignored
    sa.Column("outcome", sa.String(12), nullable=False),
    sa.Column("document_id", sa.String(36)),
    sa.Column("upload_id", sa.String(36)),
    sa.Column("reason", sa.Text),
    sa.Column("recorded_at", sa.String(32), nullable=False),
)
sa.Index(
    "ix_intake_ledger_file", intake_ledger.c.path, intake_ledger.c.size, intake_ledger.c.mtime_ns
)
sa.Index("ix_intake_ledger_sha256", intake_ledger.c.sha256)
sa.Index("ix_intake_ledger_upload", intake_ledger.c.upload_id)

# Intake asks whether the firm already holds a file's bytes before sending them.
# Made by schema 5, not with the table: a cache of schema 1 to 4 has none.
DOCUMENTS_CHECKSUM_INDEX = "CREATE INDEX IF NOT EXISTS ix_documents_checksum ON documents(checksum)"
