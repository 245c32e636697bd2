"""Whether the firm already has a file's bytes: the three memories asked in one statement.

A hashed file is a duplicate when its SHA-256 is in the ledger as a document
not since deleted, in the cache as a live (or archived) document, or in the
queue as an earlier job that is or may become that document. Intake asks this
for every file it takes; one statement (each part through its index) costs a
fraction of three, and the answer for a file nobody has seen is all empty.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from advisoros_desktop.store.intake_ledger import LIVE_BY_CHECKSUM
from advisoros_desktop.store.schema import ENTITY_TABLES, intake_ledger
from advisoros_desktop.store.upload_queue import EARLIER_TWIN_ID

_documents = ENTITY_TABLES["document"]

# ``ix_intake_ledger_sha256``: the latest entry linking these bytes to a document.
_LEDGER_DOCUMENT = (
    sa.select(intake_ledger.c.document_id)
    .where(
        intake_ledger.c.sha256 == sa.bindparam("sha256"),
        intake_ledger.c.document_id.is_not(None),
    )
    .order_by(intake_ledger.c.id.desc())
    .limit(1)
    .scalar_subquery()
)
# The cache knows that document was deleted (one not yet synced here counts as there).
_LEDGER_DOCUMENT_GONE = sa.exists(
    sa.select(_documents.c.id).where(
        _documents.c.id == _LEDGER_DOCUMENT,
        sa.or_(_documents.c.deletedAt.is_not(None), _documents.c.localDeleted.is_(True)),
    )
)
_KNOWN = sa.select(
    _LEDGER_DOCUMENT.label("ledger_document"),
    _LEDGER_DOCUMENT_GONE.label("ledger_document_gone"),
    LIVE_BY_CHECKSUM.scalar_subquery().label("live_document"),
    EARLIER_TWIN_ID.label("twin"),
)


@dataclass(frozen=True)
class KnownBytes:
    """Where these bytes are known already; all None for new bytes."""

    ledger_document: str | None  # a document a file with these bytes became, not deleted
    live_document: str | None  # a document of the firm with this checksum
    twin: str | None  # an earlier job in the queue with the same bytes


def known_bytes_in(conn: sa.Connection, sha256: str, upload_id: str) -> KnownBytes:
    """What ``conn``'s transaction knows of ``sha256``; ``upload_id``: the job asking
    (only jobs queued before it count as its twin)."""
    row = conn.execute(_KNOWN, {"sha256": sha256, "exclude": upload_id}).one()
    ledger_document = None if row.ledger_document_gone else row.ledger_document
    return KnownBytes(ledger_document, row.live_document, row.twin)
