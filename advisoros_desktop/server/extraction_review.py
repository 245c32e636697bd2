"""An accountant's review of an extraction, arriving as an ``update`` mutation.

A review sends the corrected ``fields`` list, the ``formType`` if it was
wrong, and ``approved``. The list keeps the extraction's shape (FIELDS.md),
and a field a person accepted carries ``confirmedBy`` (user id) and
``confirmedAt`` (ISO time); a value a person typed has ``source: "user"``
and keeps what the extractor read as ``machineValue``
(the server sets it on any value that differs from the stored one, so a
correction is never passed off as the extractor's). Garbage is refused with
a message naming the field, before anything is written.

After a review the server records who reviewed, and the document's
``needsReview`` follows: false once every extraction of it is approved or
needs nothing, true again if an approval is withdrawn.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa

from advisoros_desktop.domain.ids import is_valid_id
from advisoros_desktop.server.extraction_records import extraction_id, needs_review
from advisoros_desktop.server.firm_settings import review_threshold
from advisoros_desktop.server.records import OrganizationWriter, RecordRow
from advisoros_desktop.server.schema import ENTITY_TABLES

SOURCES = ("acroform", "text", "ocr", "user")
FIELD_KEYS = frozenset(
    {
        "key",
        "label",
        "value",
        "machineValue",
        "confidence",
        "page",
        "bbox",
        "source",
        "confirmedBy",
        "confirmedAt",
    }
)
MAX_FIELDS = 300
MAX_VALUE_LENGTH = 1000
MAX_LABEL_LENGTH = 200
MAX_KEY_LENGTH = 64
# Enough to say what is wrong without a wall of text for a list that is all wrong.
_MAX_PROBLEMS = 5

_extractions = ENTITY_TABLES["extraction"]


def fields_problems(value: object) -> list[tuple[str, str]]:
    """What is wrong with a review's ``fields`` list, as (field, sentence) pairs."""
    if not isinstance(value, list):
        return [("fields", "Fields (fields) must be a list of field objects")]
    if len(value) > MAX_FIELDS:
        return [("fields", f"Fields (fields) holds {len(value)} entries, at most {MAX_FIELDS}")]
    problems: list[str] = []
    seen: set[str] = set()
    for index, entry in enumerate(value):
        where = f"fields[{index}]"
        if not isinstance(entry, dict):
            problems.append(f"{where} must be an object with a key and a value")
            continue
        unknown = sorted(str(name) for name in entry if name not in FIELD_KEYS)
        if unknown:
            problems.append(
                f"{where} has unknown entries ({', '.join(unknown)}); known: "
                + ", ".join(sorted(FIELD_KEYS))
            )
        key = entry.get("key")
        if not isinstance(key, str) or not key.strip() or len(key) > MAX_KEY_LENGTH:
            problems.append(f"{where}.key must be a field name of 1 to {MAX_KEY_LENGTH} characters")
        elif key in seen:
            problems.append(f"{where}.key '{key}' appears twice")
        else:
            seen.add(key)
        problems.extend(f"{where}.{text}" for text in _entry_problems(entry))
    return [("fields", "; ".join(problems[:_MAX_PROBLEMS]))] if problems else []


def _entry_problems(entry: Mapping[str, Any]) -> list[str]:
    problems = []
    for name in ("value", "machineValue"):
        value = entry.get(name)
        if not (value is None or isinstance(value, bool | str)):
            problems.append(f"{name} must be text, true/false or null")
        elif isinstance(value, str) and (len(value) > MAX_VALUE_LENGTH or "\x00" in value):
            problems.append(f"{name} must be at most {MAX_VALUE_LENGTH} characters of text")
    label = entry.get("label")
    if label is not None and (not isinstance(label, str) or len(label) > MAX_LABEL_LENGTH):
        problems.append(f"label must be text of at most {MAX_LABEL_LENGTH} characters")
    confidence = entry.get("confidence")
    if confidence is not None and not (_is_number(confidence) and 0.0 <= confidence <= 1.0):
        problems.append("confidence must be a number from 0 to 1")
    page = entry.get("page")
    if page is not None and not (
        isinstance(page, int) and not isinstance(page, bool) and page >= 1
    ):
        problems.append("page must be a page number (1 or more)")
    if not _is_bbox(entry.get("bbox")):
        problems.append("bbox must be [x0, y0, x1, y1] in page fractions (0 to 1) or null")
    source = entry.get("source")
    if source is not None and source not in SOURCES:
        problems.append(f"source must be one of {', '.join(SOURCES)}")
    confirmed_by = entry.get("confirmedBy")
    if confirmed_by is not None and not (
        isinstance(confirmed_by, str) and is_valid_id(confirmed_by)
    ):
        problems.append("confirmedBy must be the id of the user who accepted the value")
    confirmed_at = entry.get("confirmedAt")
    if confirmed_at is not None and not _is_timestamp(confirmed_at):
        problems.append("confirmedAt must be an ISO 8601 date and time")
    return problems


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _is_bbox(value: object) -> bool:
    if value is None:
        return True
    if not isinstance(value, list) or len(value) != 4 or not all(map(_is_number, value)):
        return False
    x0, y0, x1, y1 = value
    return 0.0 <= x0 <= x1 <= 1.0 and 0.0 <= y0 <= y1 <= 1.0


def _is_timestamp(value: object) -> bool:
    if not isinstance(value, str) or len(value) > 40:
        return False
    try:
        dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def mark_corrections(current: RecordRow, fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``fields`` with ``source: "user"`` on every value that differs from the stored one."""
    stored = {f.get("key"): f.get("value") for f in current["fields"] or [] if isinstance(f, dict)}
    marked = []
    for entry in fields:
        if entry.get("key") not in stored or stored[entry.get("key")] != entry.get("value"):
            entry = {**entry, "source": "user"}
        marked.append(entry)
    return marked


def review_changes(
    current: RecordRow, clean: Mapping[str, Any], reviewer_id: str
) -> dict[str, Any]:
    """The values a review writes: the caller's changes, corrections marked, and who reviewed."""
    changes = dict(clean)
    if isinstance(changes.get("fields"), list):
        changes["fields"] = mark_corrections(current, changes["fields"])
    changes["reviewedById"] = reviewer_id
    return changes


def after_review(
    writer: OrganizationWriter,
    reviewed: Mapping[str, Any],
    threshold: float | None = None,
) -> None:
    """Bring the reviewed extraction's document up to date: ``needsReview`` and its summary.

    ``threshold``: the firm's own (``firm_settings``) unless given.
    """
    document = writer.live("document", reviewed["documentId"])
    if document is None:
        return
    if threshold is None:
        threshold = review_threshold(writer.conn, writer.organization_id)
    siblings = writer.conn.execute(
        sa.select(_extractions).where(
            _extractions.c.organizationId == writer.organization_id,
            _extractions.c.documentId == document["id"],
            _extractions.c.deletedAt.is_(None),
        )
    ).mappings()
    pending = False
    for row in siblings:
        extraction = reviewed if row["id"] == reviewed["id"] else row
        if not extraction["approved"] and needs_review(
            extraction["status"], extraction["fields"] or [], extraction["checks"] or [], threshold
        ):
            pending = True
    changes: dict[str, Any] = {"needsReview": pending}
    summary = document["extractedData"]
    # The summary shows the document's first form; its reviewed values replace the read ones.
    if isinstance(summary, dict) and reviewed["id"] == extraction_id(document["id"], 0):
        values = {f["key"]: f.get("value") for f in reviewed["fields"] or []}
        changes["extractedData"] = {**summary, "formType": reviewed["formType"], "values": values}
    writer.update("document", document, changes)
