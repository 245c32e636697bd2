"""Database tables of the server, the entity tables generated from the domain catalog.

SQLAlchemy Core, not the ORM: the hot paths (change feed pages, mutation
batches) move plain rows to and from JSON, and Core keeps that direct.
Timestamps are ISO-8601 UTC strings so SQLite and PostgreSQL store and sort
them alike. Every table's key starts with ``organizationId``: records of two
firms never share a key space, so an id of another firm is simply not found.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from advisoros_desktop.domain.entities import ENTITIES, EntitySpec, FieldKind

metadata = sa.MetaData()

ID = sa.String(36)

_COLUMN_TYPES: dict[FieldKind, sa.types.TypeEngine[Any]] = {
    FieldKind.YEAR: sa.Integer(),
    FieldKind.INTEGER: sa.BigInteger(),
    FieldKind.NUMBER: sa.Float(),
    FieldKind.BOOLEAN: sa.Boolean(),
    FieldKind.JSON: sa.JSON(),
}

organizations = sa.Table(
    "organizations",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    # The commit sequence: every accepted change takes the next number.
    sa.Column("lastSeq", sa.BigInteger, nullable=False, default=0),
    # Changes below this sequence may have lost their tombstones.
    sa.Column("purgedSeq", sa.BigInteger, nullable=False, default=0),
    # How many purges removed tombstones: cursors issued before a purge may have missed one.
    sa.Column("purgeCount", sa.BigInteger, nullable=False, default=0),
    sa.Column("epoch", sa.String(36), nullable=False),
    sa.Column("createdAt", sa.String(32), nullable=False),
)


def _entity_table(spec: EntitySpec) -> sa.Table:
    columns: list[sa.Column[object]] = [
        sa.Column("organizationId", ID, sa.ForeignKey("organizations.id"), primary_key=True),
        sa.Column("id", ID, primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("changeSeq", sa.BigInteger, nullable=False),
        sa.Column("createdAt", sa.String(32), nullable=False),
        sa.Column("updatedAt", sa.String(32), nullable=False),
        sa.Column("deletedAt", sa.String(32)),
        # {field: version that last changed it}: what makes field-level merges possible.
        sa.Column("fieldVersions", sa.JSON, nullable=False),
    ]
    for field in spec.fields:
        column_type = _COLUMN_TYPES.get(field.kind, sa.String(field.max_length))
        if field.kind is FieldKind.LONG_TEXT:
            column_type = sa.Text()
        columns.append(sa.Column(field.name, column_type))
    table = sa.Table(f"{spec.plural}", metadata, *columns)
    sa.Index(f"ix_{spec.plural}_feed", table.c.organizationId, table.c.changeSeq, unique=True)
    for ref in spec.references():
        sa.Index(f"ix_{spec.plural}_{ref.name}", table.c.organizationId, table.c[ref.name])
    return table


ENTITY_TABLES: dict[str, sa.Table] = {name: _entity_table(spec) for name, spec in ENTITIES.items()}
sa.Index(
    "ix_documents_checksum",
    ENTITY_TABLES["document"].c.organizationId,
    ENTITY_TABLES["document"].c.checksum,
)

credentials = sa.Table(
    "credentials",
    metadata,
    sa.Column("email", sa.String(254), primary_key=True),
    sa.Column("organizationId", ID, sa.ForeignKey("organizations.id"), nullable=False),
    sa.Column("userId", ID, nullable=False),
    sa.Column("passwordHash", sa.String(300), nullable=False),
)

sessions = sa.Table(
    "sessions",
    metadata,
    # SHA-256 of the token: a copied database does not hand out working tokens.
    sa.Column("tokenHash", sa.String(64), primary_key=True),
    sa.Column("kind", sa.String(10), nullable=False),
    sa.Column("organizationId", ID, nullable=False),
    sa.Column("userId", ID, nullable=False),
    sa.Column("expiresAt", sa.Float, nullable=False),
    sa.Column("revoked", sa.Boolean, nullable=False, default=False),
)

# What a firm decides for itself (one row per organization, made when first changed;
# until then the defaults in ``firm_settings`` apply). A table of its own, so servers
# created before it get it from ``create_all`` with no migration.
organization_settings = sa.Table(
    "organization_settings",
    metadata,
    sa.Column("organizationId", ID, sa.ForeignKey("organizations.id"), primary_key=True),
    sa.Column("reviewThreshold", sa.Float, nullable=False),
    sa.Column("updatedAt", sa.String(32), nullable=False),
    sa.Column("updatedById", ID, nullable=False),
)

mutation_log = sa.Table(
    "mutation_log",
    metadata,
    sa.Column("organizationId", ID, primary_key=True),
    sa.Column("mutationId", sa.String(64), primary_key=True),
    sa.Column("bodyHash", sa.String(64), nullable=False),
    sa.Column("result", sa.JSON, nullable=False),
    sa.Column("createdAt", sa.String(32), nullable=False),
)

uploads = sa.Table(
    "uploads",
    metadata,
    sa.Column("organizationId", ID, primary_key=True),
    sa.Column("uploadId", ID, primary_key=True),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("offset", sa.BigInteger, nullable=False, default=0),
    sa.Column("fileName", sa.String(255), nullable=False),
    sa.Column("mimeType", sa.String(100), nullable=False),
    sa.Column("clientId", ID, nullable=False),
    sa.Column("engagementId", ID),
    sa.Column("category", sa.String(30)),
    sa.Column("year", sa.Integer),
    sa.Column("source", sa.String(30)),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("documentId", ID),
    sa.Column("error", sa.Text),
    sa.Column("createdById", ID, nullable=False),
    sa.Column("createdAt", sa.String(32), nullable=False),
    sa.Column("updatedAt", sa.String(32), nullable=False),
)

jobs = sa.Table(
    "jobs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("organizationId", ID, nullable=False),
    sa.Column("documentId", ID, nullable=False),
    sa.Column("kind", sa.String(30), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False, default=0),
    sa.Column("lastError", sa.Text),
    sa.Column("createdAt", sa.String(32), nullable=False),
    sa.Column("updatedAt", sa.String(32), nullable=False),
)
sa.Index("ix_jobs_status", jobs.c.status, jobs.c.id)
