"""Reading and writing synced records inside one organization's commit sequence.

Every write transaction starts by locking the organization's row, so the
firm's writers queue in order and commit in the order of the sequence numbers
they took. That is what lets a change-feed reader trust that nothing will
ever appear below a cursor it was already given.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa

from advisoros_desktop.domain.entities import CASCADES, ENTITIES, EntitySpec
from advisoros_desktop.server.database import utc_now
from advisoros_desktop.server.schema import ENTITY_TABLES, organizations

# A database row or a dict shaped like one.
RecordRow = Mapping[Any, Any]

META_COLUMNS = ("organizationId", "id", "version", "createdAt", "updatedAt", "deletedAt")


def to_wire(spec: EntitySpec, row: RecordRow) -> dict[str, Any]:
    """A record as clients see it: metadata plus every field of the catalog."""
    record = {name: row[name] for name in META_COLUMNS}
    for field in spec.fields:
        record[field.name] = row[field.name]
    return record


def feed_item(spec: EntitySpec, row: RecordRow) -> dict[str, Any]:
    deleted = row["deletedAt"] is not None
    item: dict[str, Any] = {
        "entity": spec.name,
        "id": row["id"],
        "version": row["version"],
        "deleted": deleted,
    }
    if not deleted:
        item["data"] = to_wire(spec, row)
    return item


def read_record(
    conn: sa.Connection, organization_id: str, entity: str, record_id: str
) -> sa.RowMapping | None:
    table = ENTITY_TABLES[entity]
    return (
        conn.execute(
            sa.select(table).where(
                table.c.organizationId == organization_id, table.c.id == record_id
            )
        )
        .mappings()
        .first()
    )


# Built once: every write transaction of the server runs them (compiled and cached).
_LAST_SEQ = (
    sa.select(organizations.c.lastSeq)
    .where(organizations.c.id == sa.bindparam("organization_id"))
    .with_for_update()
)
_SET_LAST_SEQ = (
    organizations.update()
    .where(organizations.c.id == sa.bindparam("organization_id"))
    .values(lastSeq=sa.bindparam("new_seq"))
)


class OrganizationWriter:
    """One write transaction's view of an organization: sequence numbers and record writes."""

    def __init__(self, conn: sa.Connection, organization_id: str) -> None:
        self.conn = conn
        self.organization_id = organization_id
        row = conn.execute(_LAST_SEQ, {"organization_id": organization_id}).one()
        self._start_seq = self.seq = int(row.lastSeq)
        self.now = utc_now()

    def next_seq(self) -> int:
        self.seq += 1
        return self.seq

    def finish(self) -> None:
        """Record the sequence numbers taken; call before the transaction commits."""
        if self.seq != self._start_seq:
            self.conn.execute(
                _SET_LAST_SEQ, {"organization_id": self.organization_id, "new_seq": self.seq}
            )

    def get(self, entity: str, record_id: str) -> sa.RowMapping | None:
        return read_record(self.conn, self.organization_id, entity, record_id)

    def live(self, entity: str, record_id: str) -> sa.RowMapping | None:
        row = self.get(entity, record_id)
        return row if row is not None and row["deletedAt"] is None else None

    def insert(self, entity: str, record_id: str, fields: Mapping[str, Any]) -> dict[str, Any]:
        spec = ENTITIES[entity]
        values: dict[str, Any] = {f.name: fields.get(f.name, f.default) for f in spec.fields}
        row = {
            "organizationId": self.organization_id,
            "id": record_id,
            "version": 1,
            "changeSeq": self.next_seq(),
            "createdAt": self.now,
            "updatedAt": self.now,
            "deletedAt": None,
            "fieldVersions": {name: 1 for name, value in values.items() if value is not None},
            **values,
        }
        # Values as parameters, not in the statement: one compiled INSERT per entity.
        self.conn.execute(ENTITY_TABLES[entity].insert(), row)
        return to_wire(spec, row)

    def update(self, entity: str, current: RecordRow, changes: Mapping[str, Any]) -> dict[str, Any]:
        """Apply changed fields; a change that changes nothing takes no new version."""
        spec = ENTITIES[entity]
        changed = {k: v for k, v in changes.items() if current[k] != v}
        if not changed:
            return to_wire(spec, current)
        version = int(current["version"]) + 1
        field_versions = dict(current["fieldVersions"] or {})
        field_versions.update({name: version for name in changed})
        values = {
            **changed,
            "version": version,
            "changeSeq": self.next_seq(),
            "updatedAt": self.now,
            "fieldVersions": field_versions,
        }
        self._write(entity, current["id"], values)
        return to_wire(spec, {**current, **values})

    def delete(self, entity: str, current: RecordRow) -> dict[str, Any]:
        """Tombstone a record after what depends on it (children first in the feed)."""
        for child, ref_field, action in CASCADES.get(entity, ()):
            table = ENTITY_TABLES[child]
            rows = (
                self.conn.execute(
                    sa.select(table).where(
                        table.c.organizationId == self.organization_id,
                        table.c[ref_field] == current["id"],
                        table.c.deletedAt.is_(None),
                    )
                )
                .mappings()
                .all()
            )
            for row in rows:
                if action == "delete":
                    self.delete(child, row)
                else:
                    self.update(child, row, {ref_field: None})
        values = {
            "version": int(current["version"]) + 1,
            "changeSeq": self.next_seq(),
            "updatedAt": self.now,
            "deletedAt": self.now,
        }
        self._write(entity, current["id"], values)
        return to_wire(ENTITIES[entity], {**current, **values})

    def _write(self, entity: str, record_id: str, values: Mapping[str, Any]) -> None:
        table = ENTITY_TABLES[entity]
        self.conn.execute(
            table.update()
            .where(table.c.organizationId == self.organization_id, table.c.id == record_id)
            .values(**values)
        )
