"""A document's extractions, found through the indexed ``documentId`` column.

The review opens one document at a time on the GUI thread, so it must not read
every extraction of the firm to find that document's few: this reads their
ids by index, then the records the user sees (pending local changes applied).
"""

from __future__ import annotations

import sqlalchemy as sa

from advisoros_desktop.store.database import reading
from advisoros_desktop.store.local_store import LocalStore
from advisoros_desktop.store.rows import Row
from advisoros_desktop.store.schema import ENTITY_TABLES


def extractions_of(store: LocalStore, document_id: str) -> list[Row]:
    """The visible extractions of ``document_id``, in id order (the server's form order)."""
    table = ENTITY_TABLES["extraction"]
    with reading(store.engine) as conn:
        ids = conn.execute(
            sa.select(table.c.id).where(table.c.documentId == document_id).order_by(table.c.id)
        ).scalars()
        wanted = [str(record_id) for record_id in ids]
    found = store.get_many("extraction", wanted)
    return [found[record_id] for record_id in wanted if record_id in found]
