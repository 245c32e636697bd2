"""The firm's settings as the server keeps them (``domain.firm_settings`` says what they mean).

For now the review threshold: a field read with less confidence than it puts
its document on the Review list (``needsReview``). A firm that wants every
number looked at raises it (up to 1.0), one that trusts its scanner more
lowers it, never below 0.5 (below that the extractor's guesses would pass
unseen). Owners and administrators change it; everyone in the firm reads it,
and the desktop keeps it to flag fields the same way offline.
"""

from __future__ import annotations

import sqlalchemy as sa

from advisoros_desktop.database_setup import utc_now
from advisoros_desktop.domain.firm_settings import DEFAULT_REVIEW_THRESHOLD
from advisoros_desktop.server.schema import organization_settings

SETTINGS_EDITORS = frozenset({"owner", "admin"})


def review_threshold(conn: sa.Connection, organization_id: str) -> float:
    """The firm's review threshold, or the default until the firm has set one."""
    found = conn.execute(
        sa.select(organization_settings.c.reviewThreshold).where(
            organization_settings.c.organizationId == organization_id
        )
    ).scalar()
    return DEFAULT_REVIEW_THRESHOLD if found is None else float(found)


def set_review_threshold(
    conn: sa.Connection, organization_id: str, threshold: float, user_id: str
) -> float:
    """Keep ``threshold`` as the firm's (the caller checked who may and the range)."""
    values = {"reviewThreshold": threshold, "updatedAt": utc_now(), "updatedById": user_id}
    updated = conn.execute(
        organization_settings.update()
        .where(organization_settings.c.organizationId == organization_id)
        .values(**values)
    )
    if not updated.rowcount:
        conn.execute(
            organization_settings.insert().values(organizationId=organization_id, **values)
        )
    return threshold
