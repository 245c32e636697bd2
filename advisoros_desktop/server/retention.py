"""Tombstone retention: old deletions are purged, and cursors older than them expire.

A client whose cursor predates a purged tombstone could miss a deletion, so the
organization remembers the highest sequence it purged and the change feed
answers 410 to older cursors; the client then syncs again from the start.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from advisoros_desktop.server.database import writing
from advisoros_desktop.server.schema import ENTITY_TABLES, organizations


def purge_tombstones(engine: sa.Engine, retention_days: float) -> int:
    """Delete tombstones older than the retention; returns how many went."""
    limit = dt.datetime.now(dt.UTC) - dt.timedelta(days=retention_days)
    cutoff = limit.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    purged = 0
    with writing(engine) as conn:
        highest: dict[str, int] = {}
        for table in ENTITY_TABLES.values():
            rows = conn.execute(
                sa.select(table.c.organizationId, sa.func.max(table.c.changeSeq))
                .where(table.c.deletedAt.is_not(None), table.c.deletedAt <= cutoff)
                .group_by(table.c.organizationId)
            ).all()
            for org_id, seq in rows:
                highest[org_id] = max(highest.get(org_id, 0), int(seq))
            purged += conn.execute(
                table.delete().where(table.c.deletedAt.is_not(None), table.c.deletedAt <= cutoff)
            ).rowcount
        for org_id, seq in highest.items():
            # purgedSeq only grows; the count says a purge happened at all.
            greatest = sa.func.max if conn.dialect.name == "sqlite" else sa.func.greatest
            conn.execute(
                organizations.update()
                .where(organizations.c.id == org_id)
                .values(
                    purgedSeq=greatest(organizations.c.purgedSeq, seq),
                    purgeCount=organizations.c.purgeCount + 1,
                )
            )
    return purged
