"""The change feed: bounded pages of records changed after a cursor, parents first.

The cursor is ``<epoch>:<sequence>``: the organization's commit sequence, never
a clock, and the dataset epoch it belongs to. A page holds each changed record
once, in its latest state. Within a page live records come parents first
(user, client, engagement, task/document, extraction) and tombstones children
first. A live child whose parent changed again after the page's end brings
that parent along, so a client never meets a child before its parent; the
parent comes once more later, at the same version, which applying twice leaves
unchanged.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from advisoros_desktop.domain.entities import ENTITIES
from advisoros_desktop.server.database import reading
from advisoros_desktop.server.errors import ApiError, not_found
from advisoros_desktop.server.records import feed_item
from advisoros_desktop.server.schema import ENTITY_TABLES, organizations


@dataclass(frozen=True)
class ChangeFeedCursor:
    epoch: str
    seq: int

    def __str__(self) -> str:
        return f"{self.epoch}:{self.seq}"

    @classmethod
    def parse(cls, text: str | None, epoch: str) -> ChangeFeedCursor:
        if not text:
            return cls(epoch, 0)
        given_epoch, _, seq = text.rpartition(":")
        if not given_epoch or not seq.isdigit() or len(seq) > 18:
            raise ApiError(
                400,
                "invalid_cursor",
                "The cursor is not one this server issued; start again without a cursor.",
            )
        return cls(given_epoch, int(seq))


def read_page(
    engine: sa.Engine,
    organization_id: str,
    cursor_text: str | None,
    limit: int,
    on_issue: Callable[[str, int], None] | None = None,
) -> dict[str, Any]:
    with reading(engine) as conn:
        org = conn.execute(
            sa.select(organizations).where(organizations.c.id == organization_id)
        ).first()
        if org is None:
            raise not_found("organization")
        cursor = ChangeFeedCursor.parse(cursor_text, org.epoch)
        _check_cursor(cursor, org)
        cutoff, has_more = _page_end(conn, organization_id, cursor.seq, limit)
        rows = _rows_between(conn, organization_id, cursor.seq, cutoff)
        rows += _parents_after(conn, organization_id, rows, cutoff)
    live = sorted(
        (r for r in rows if r[1]["deletedAt"] is None),
        key=lambda r: (ENTITIES[r[0]].rank, r[1]["changeSeq"]),
    )
    dead = sorted(
        (r for r in rows if r[1]["deletedAt"] is not None),
        key=lambda r: (-ENTITIES[r[0]].rank, r[1]["changeSeq"]),
    )
    new_cursor = ChangeFeedCursor(org.epoch, cutoff)
    if on_issue is not None:
        on_issue(organization_id, cutoff)
    return {
        "items": [feed_item(ENTITIES[entity], row) for entity, row in live + dead],
        "cursor": str(new_cursor),
        "hasMore": has_more,
        "epoch": org.epoch,
    }


def _check_cursor(cursor: ChangeFeedCursor, org: sa.Row[Any]) -> None:
    if cursor.epoch != org.epoch or cursor.seq > org.lastSeq:
        raise ApiError(
            410,
            "epoch_changed",
            "The server's data was restored or replaced since this cursor was issued. "
            "Send your pending changes, then sync everything again from the start.",
            {"epoch": org.epoch},
        )
    if 0 < cursor.seq < org.purgedSeq:
        raise ApiError(
            410,
            "cursor_expired",
            "This cursor is older than the deletions the server keeps. Send your pending "
            "changes, then sync everything again from the start.",
            {"oldestCursor": f"{org.epoch}:{org.purgedSeq}"},
        )


def _page_end(conn: sa.Connection, org_id: str, after: int, limit: int) -> tuple[int, bool]:
    """The last sequence number of the page, and whether more follow it."""
    per_table = []
    for table in ENTITY_TABLES.values():
        seqs = (
            conn.execute(
                sa.select(table.c.changeSeq)
                .where(table.c.organizationId == org_id, table.c.changeSeq > after)
                .order_by(table.c.changeSeq)
                .limit(limit + 1)
            )
            .scalars()
            .all()
        )
        per_table.append(seqs)
    smallest = heapq.nsmallest(limit + 1, heapq.merge(*per_table))
    if not smallest:
        return after, False
    if len(smallest) > limit:
        return smallest[limit - 1], True
    return smallest[-1], False


def _rows_between(
    conn: sa.Connection, org_id: str, after: int, until: int
) -> list[tuple[str, sa.RowMapping]]:
    rows: list[tuple[str, sa.RowMapping]] = []
    if until <= after:
        return rows
    for entity, table in ENTITY_TABLES.items():
        result = conn.execute(
            sa.select(table).where(
                table.c.organizationId == org_id,
                table.c.changeSeq > after,
                table.c.changeSeq <= until,
            )
        ).mappings()
        rows.extend((entity, row) for row in result)
    return rows


def _parents_after(
    conn: sa.Connection, org_id: str, rows: list[tuple[str, sa.RowMapping]], cutoff: int
) -> list[tuple[str, sa.RowMapping]]:
    """Live parents of the page's live records that changed after the page's end."""
    present = {(entity, row["id"]) for entity, row in rows}
    pulled: list[tuple[str, sa.RowMapping]] = []
    frontier = rows
    while frontier:
        wanted: dict[str, set[str]] = {}
        for entity, row in frontier:
            if row["deletedAt"] is not None:
                continue
            for ref in ENTITIES[entity].references():
                target = row[ref.name]
                if target and ref.references and (ref.references, target) not in present:
                    wanted.setdefault(ref.references, set()).add(target)
        frontier = []
        for entity, ids in wanted.items():
            table = ENTITY_TABLES[entity]
            found = (
                conn.execute(
                    sa.select(table).where(
                        table.c.organizationId == org_id,
                        table.c.id.in_(ids),
                        table.c.changeSeq > cutoff,
                        table.c.deletedAt.is_(None),
                    )
                )
                .mappings()
                .all()
            )
            for row in found:
                present.add((entity, row["id"]))
                frontier.append((entity, row))
            present.update((entity, i) for i in ids)
        pulled.extend(frontier)
    return pulled
