"""The change feed: bounded pages of records changed after a cursor, parents first.

The cursor is ``<epoch>:<sequence>:<purges>``: the organization's commit
sequence (never a clock), the dataset epoch it belongs to, and how many
tombstone purges had run when it was issued. A cursor only expires when a purge
since then may have removed a deletion it has not seen; a client syncing from
scratch after a purge never met the purged records, so its cursors stay good.

A page holds each changed record once, in its latest state. Within a page live
records come parents first (user, client, engagement, task/document,
extraction) and tombstones children first. A live child whose parent changed
again after the page's end brings that parent along, so a client never meets a
child before its parent; the parent comes once more later, at the same version,
which applying twice leaves unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from advisoros_desktop.domain.entities import ENTITIES
from advisoros_desktop.server.database import reading
from advisoros_desktop.server.errors import ApiError, not_found
from advisoros_desktop.server.records import META_COLUMNS, feed_item
from advisoros_desktop.server.schema import ENTITY_TABLES, organizations


@dataclass(frozen=True)
class ChangeFeedCursor:
    epoch: str
    seq: int
    purges: int

    def __str__(self) -> str:
        return f"{self.epoch}:{self.seq}:{self.purges}"

    @classmethod
    def parse(cls, text: str | None, epoch: str, purges: int) -> ChangeFeedCursor:
        if not text:
            return cls(epoch, 0, purges)
        parts = text.split(":")
        numbers = parts[1:]
        if len(parts) != 3 or not all(n.isdigit() and len(n) <= 18 for n in numbers):
            raise ApiError(
                400,
                "invalid_cursor",
                "The cursor is not one this server issued; start again without a cursor.",
            )
        return cls(parts[0], int(numbers[0]), int(numbers[1]))


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
        cursor = ChangeFeedCursor.parse(cursor_text, org.epoch, org.purgeCount)
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
    new_cursor = ChangeFeedCursor(org.epoch, cutoff, org.purgeCount)
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
    if 0 < cursor.seq < org.purgedSeq and cursor.purges != org.purgeCount:
        raise ApiError(
            410,
            "cursor_expired",
            "This cursor is older than the deletions the server keeps. Send your pending "
            "changes, then sync everything again from the start.",
            None,
        )


# What a page reads of a record: its sequence number (to sort by), then what
# clients receive. fieldVersions stays behind: nothing on the wire needs it, and
# decoding its JSON took about a sixth of a page's time.
_FEED_COLUMNS: dict[str, tuple[str, ...]] = {
    entity: ("changeSeq", *META_COLUMNS, *(f.name for f in spec.fields))
    for entity, spec in ENTITIES.items()
}
# (field, entity it references) of every reference field, per entity.
_REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
    entity: tuple((f.name, f.references) for f in spec.references() if f.references)
    for entity, spec in ENTITIES.items()
}

FeedRow = tuple[str, dict[str, Any]]


def _feed_select(entity: str) -> sa.Select[Any]:
    table = ENTITY_TABLES[entity]
    return sa.select(*(table.c[name] for name in _FEED_COLUMNS[entity])).where(
        table.c.organizationId == sa.bindparam("org_id")
    )


# Built once: a page runs these with new parameters, so only the values change.
_BETWEEN = {
    entity: _feed_select(entity).where(
        table.c.changeSeq > sa.bindparam("after"), table.c.changeSeq <= sa.bindparam("until")
    )
    for entity, table in ENTITY_TABLES.items()
}
_PARENTS = {
    entity: _feed_select(entity).where(
        table.c.id.in_(sa.bindparam("ids", expanding=True)),
        table.c.changeSeq > sa.bindparam("cutoff"),
        table.c.deletedAt.is_(None),
    )
    for entity, table in ENTITY_TABLES.items()
}


def _as_feed_rows(entity: str, result: sa.CursorResult[Any]) -> list[FeedRow]:
    columns = _FEED_COLUMNS[entity]
    return [(entity, dict(zip(columns, row, strict=True))) for row in result.all()]


def _page_end_statements() -> tuple[sa.Select[Any], sa.Select[Any]]:
    """The ``limit``-th next sequence number and the one after it; and the last one."""
    parts = [
        sa.select(table.c.changeSeq.label("seq"))
        .where(
            table.c.organizationId == sa.bindparam("org_id"),
            table.c.changeSeq > sa.bindparam("after"),
        )
        .order_by(table.c.changeSeq)
        .limit(sa.bindparam("take"))
        .subquery()
        for table in ENTITY_TABLES.values()
    ]
    merged = sa.union_all(*(sa.select(part.c.seq) for part in parts)).subquery()
    nth = sa.select(merged.c.seq).order_by(merged.c.seq).offset(sa.bindparam("skip")).limit(2)
    return nth, sa.select(sa.func.max(merged.c.seq))


_PAGE_END, _LAST_SEQ = _page_end_statements()


def _page_end(conn: sa.Connection, org_id: str, after: int, limit: int) -> tuple[int, bool]:
    """The last sequence number of the page, and whether more follow it.

    The database merges each table's next ``limit + 1`` sequence numbers, so
    only the one or two that decide the page's end come back to Python.
    """
    params = {"org_id": org_id, "after": after, "take": limit + 1, "skip": limit - 1}
    seqs = conn.execute(_PAGE_END, params).scalars().all()
    if seqs:
        return int(seqs[0]), len(seqs) > 1
    last = conn.execute(_LAST_SEQ, params).scalar()
    return (after, False) if last is None else (int(last), False)


def _rows_between(conn: sa.Connection, org_id: str, after: int, until: int) -> list[FeedRow]:
    rows: list[FeedRow] = []
    if until <= after:
        return rows
    for entity, statement in _BETWEEN.items():
        result = conn.execute(statement, {"org_id": org_id, "after": after, "until": until})
        rows.extend(_as_feed_rows(entity, result))
    return rows


def _parents_after(
    conn: sa.Connection, org_id: str, rows: list[FeedRow], cutoff: int
) -> list[FeedRow]:
    """Live parents of the page's live records that changed after the page's end."""
    present = {(entity, row["id"]) for entity, row in rows}
    pulled: list[FeedRow] = []
    frontier = rows
    while frontier:
        wanted: dict[str, set[str]] = {}
        for entity, row in frontier:
            if row["deletedAt"] is not None:
                continue
            for name, parent in _REFERENCES[entity]:
                target = row[name]
                if target and (parent, target) not in present:
                    wanted.setdefault(parent, set()).add(target)
        frontier = []
        for entity, ids in wanted.items():
            params = {"org_id": org_id, "ids": list(ids), "cutoff": cutoff}
            found = _as_feed_rows(entity, conn.execute(_PARENTS[entity], params))
            for _entity, row in found:
                present.add((entity, row["id"]))
            frontier.extend(found)
            present.update((entity, i) for i in ids)
        pulled.extend(frontier)
    return pulled
