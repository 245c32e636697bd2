"""Applying a batch of mutations: idempotent, field-level conflict detection, readable rejections.

The idempotency key (``mutationId``) is written in the same transaction as the
change it made, so a batch replayed after a lost reply finds its keys and
returns the first results instead of applying anything twice.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa

from advisoros_desktop.domain.entities import ENTITIES, EntitySpec, validate_fields
from advisoros_desktop.domain.ids import is_valid_id
from advisoros_desktop.server import extraction_review
from advisoros_desktop.server.database import writing
from advisoros_desktop.server.errors import ApiError
from advisoros_desktop.server.records import OrganizationWriter, RecordRow, to_wire
from advisoros_desktop.server.schema import mutation_log
from advisoros_desktop.server.tokens import Caller

# Roles that may delete a client (and so everything filed under it).
CLIENT_DELETERS = frozenset({"owner", "admin", "cpa"})


def body_hash(mutation: Mapping[str, Any]) -> str:
    canonical = json.dumps(mutation, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def apply_batch(
    engine: sa.Engine, caller: Caller, mutations: Sequence[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    hashes = [body_hash(m) for m in mutations]
    with writing(engine) as conn:
        known = _logged(conn, caller.organization_id, [m["mutationId"] for m in mutations])
        _refuse_reused_keys(mutations, hashes, known)
        writer = OrganizationWriter(conn, caller.organization_id)
        results: list[dict[str, Any]] = []
        for mutation, digest in zip(mutations, hashes, strict=True):
            key = mutation["mutationId"]
            if key in known:
                results.append(_replayed(known[key][1]))
                continue
            result = {"mutationId": key, **_apply_one(writer, caller, mutation)}
            conn.execute(
                mutation_log.insert().values(
                    organizationId=caller.organization_id,
                    mutationId=key,
                    bodyHash=digest,
                    result=result,
                    createdAt=writer.now,
                )
            )
            known[key] = (digest, result)
            results.append(result)
        writer.finish()
    return results


def _logged(
    conn: sa.Connection, organization_id: str, keys: list[str]
) -> dict[str, tuple[str, dict[str, Any]]]:
    rows = conn.execute(
        sa.select(mutation_log.c.mutationId, mutation_log.c.bodyHash, mutation_log.c.result).where(
            mutation_log.c.organizationId == organization_id,
            mutation_log.c.mutationId.in_(set(keys)),
        )
    )
    return {row.mutationId: (row.bodyHash, row.result) for row in rows}


def _refuse_reused_keys(
    mutations: Sequence[Mapping[str, Any]],
    hashes: list[str],
    known: Mapping[str, tuple[str, dict[str, Any]]],
) -> None:
    seen: dict[str, str] = {key: digest for key, (digest, _result) in known.items()}
    reused: list[str] = []
    for mutation, digest in zip(mutations, hashes, strict=True):
        key = mutation["mutationId"]
        if seen.setdefault(key, digest) != digest:
            reused.append(key)
    if reused:
        raise ApiError(
            422,
            "mutation_id_reused",
            "A mutationId was used before for a different change; nothing in this batch "
            "was applied. Every new change needs a new mutationId.",
            {"mutationIds": reused},
        )


def _replayed(first: dict[str, Any]) -> dict[str, Any]:
    if first["status"] == "applied":
        return {**first, "status": "duplicate"}
    return dict(first)


def _rejected(code: str, message: str, details: object = None) -> dict[str, Any]:
    return {"status": "rejected", "code": code, "message": message, "details": details}


def _apply_one(writer: OrganizationWriter, caller: Caller, m: Mapping[str, Any]) -> dict[str, Any]:
    entity, op, record_id = m["entity"], m["op"], m["id"]
    head: dict[str, Any] = {"entity": entity, "id": record_id}
    spec = ENTITIES[entity]
    if not is_valid_id(record_id):
        return head | _rejected("invalid_id", f"'{record_id}' is not a record id (a UUID).")
    if not spec.writable:
        return head | _rejected(
            "read_only", f"The {spec.label} cannot be changed: {spec.why_not_creatable}."
        )
    fields = m.get("fields") or {}
    if op == "create":
        return head | _create(writer, spec, record_id, fields)
    current = writer.get(entity, record_id)
    if current is None:
        return head | _rejected(
            "not_found", f"No {spec.label} with id {record_id} in your organization."
        )
    if op == "update":
        return head | _update(writer, caller, spec, current, m.get("baseVersion"), fields)
    return head | _delete(writer, caller, spec, current, m.get("baseVersion"))


def _problems_message(spec: EntitySpec, problems: list[tuple[str, str]]) -> dict[str, Any]:
    details = [{"field": name, "message": text} for name, text in problems]
    message = "; ".join(text for _name, text in problems)
    return _rejected("invalid_fields", f"This {spec.label} was not saved: {message}.", details)


def _missing_references(
    writer: OrganizationWriter, spec: EntitySpec, values: Mapping[str, Any]
) -> list[tuple[str, str]]:
    problems = []
    for ref in spec.references():
        target = values.get(ref.name)
        if target is not None and ref.references and writer.live(ref.references, target) is None:
            problems.append(
                (
                    ref.name,
                    f"{ref.label} ({ref.name}): no {ref.references} with id {target} "
                    "in your organization",
                )
            )
    return problems


def _create(
    writer: OrganizationWriter, spec: EntitySpec, record_id: str, fields: Mapping[str, Any]
) -> dict[str, Any]:
    if not spec.creatable:
        return _rejected(
            "not_creatable", f"A {spec.label} cannot be created this way: {spec.why_not_creatable}."
        )
    if writer.get(spec.name, record_id) is not None:
        return _rejected("already_exists", f"A {spec.label} with id {record_id} already exists.")
    clean, problems = validate_fields(spec, fields, creating=True)
    problems += _missing_references(writer, spec, clean)
    if problems:
        return _problems_message(spec, problems)
    record = writer.insert(spec.name, record_id, clean)
    return {"status": "applied", "version": record["version"], "record": record}


def _conflict(
    spec: EntitySpec, current: RecordRow, fields: list[str], message: str
) -> dict[str, Any]:
    return {
        "status": "conflict",
        "code": "conflict",
        "message": message,
        "conflictingFields": fields,
        "version": current["version"],
        "record": to_wire(spec, current),
    }


def _update(
    writer: OrganizationWriter,
    caller: Caller,
    spec: EntitySpec,
    current: RecordRow,
    base_version: int | None,
    fields: Mapping[str, Any],
) -> dict[str, Any]:
    if base_version is None:
        return _rejected("missing_base_version", "An update needs the baseVersion it was made on.")
    if not fields:
        return _rejected("no_fields", "An update needs at least one field to change.")
    clean, problems = validate_fields(spec, fields, creating=False)
    problems += _missing_references(writer, spec, clean)
    if spec.name == "extraction" and "fields" in fields:
        problems += extraction_review.fields_problems(fields["fields"])
    if problems:
        return _problems_message(spec, problems)
    if current["deletedAt"] is not None:
        return _conflict(
            spec,
            current,
            sorted(clean),
            f"This {spec.label} was deleted by someone else after you changed it.",
        )
    field_versions: Mapping[str, int] = current["fieldVersions"] or {}
    if base_version > current["version"]:
        clashing = sorted(clean)
    else:
        clashing = sorted(
            name
            for name, value in clean.items()
            if field_versions.get(name, 0) > base_version and current[name] != value
        )
    if clashing:
        return _conflict(
            spec,
            current,
            clashing,
            f"Someone else changed {', '.join(clashing)} "
            f"of this {spec.label} since version {base_version}.",
        )
    if spec.name == "extraction":
        record = writer.update(
            spec.name, current, extraction_review.review_changes(current, clean, caller.user_id)
        )
        extraction_review.after_review(writer, record)
    else:
        record = writer.update(spec.name, current, clean)
    return {"status": "applied", "version": record["version"], "record": record}


def _delete(
    writer: OrganizationWriter,
    caller: Caller,
    spec: EntitySpec,
    current: RecordRow,
    base_version: int | None,
) -> dict[str, Any]:
    if spec.name == "client" and caller.role not in CLIENT_DELETERS:
        return _rejected(
            "forbidden", "Staff members may not delete clients; ask a CPA, an admin or the owner."
        )
    if current["deletedAt"] is not None:
        record = to_wire(spec, current)
        return {"status": "applied", "version": record["version"], "record": record}
    # Only what people change stops a deletion: the server's own bookkeeping since
    # (extraction status, needs-review, extracted data) is not a reason to look again.
    writable = {f.name for f in spec.fields if f.writable}
    changed = sorted(
        name
        for name, version in (current["fieldVersions"] or {}).items()
        if base_version is not None and version > base_version and name in writable
    )
    if changed:
        return _conflict(
            spec,
            current,
            changed,
            f"This {spec.label} changed since version "
            f"{base_version}; look at the changes before deleting it.",
        )
    record = writer.delete(spec.name, current)
    return {"status": "applied", "version": record["version"], "record": record}
