"""What an extraction outcome becomes on the server: extraction records and document fields.

One place decides the document's ``ocrStatus``, ``needsReview`` and
``extractedData`` from what the extractor found, and writes them with the
extraction records through ``OrganizationWriter``, the path every mutation
takes, so versions bump and the change feed carries the result to desktops.
The upload job and the demo seed both call ``record_outcome``.

The review threshold is one constant for every firm: the organizations table
holds no settings yet. A per-firm threshold would be a column of
``organizations`` read by the caller and passed in as ``threshold``.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from advisoros_desktop.domain import validators
from advisoros_desktop.domain.firm_settings import DEFAULT_REVIEW_THRESHOLD
from advisoros_desktop.extraction import Extraction, ExtractionFailure
from advisoros_desktop.extraction.extractor import Outcome
from advisoros_desktop.extraction.form_keys import UNKNOWN, category_of
from advisoros_desktop.server.records import OrganizationWriter, RecordRow

# A field read with less confidence than this asks for a person's look (the firm may
# choose another: ``firm_settings``; callers pass the firm's).
REVIEW_THRESHOLD = DEFAULT_REVIEW_THRESHOLD
DEFAULT_CATEGORY = "general"
# Keys that do not say what a document holds: a form with only these was not read.
_FRAMING_KEYS = frozenset({"taxYear", "formType"})
# Where a document's year can come from, best first.
_YEAR_KEYS = ("taxYear", "invoiceDate")
# Extraction ids derive from the document's, so running a job twice finds its own records.
_EXTRACTION_IDS = uuid.UUID("6f1c2a4e-7d3b-5e8a-9c0d-1b2e3f4a5b6c")


def extraction_id(document_id: str, index: int) -> str:
    return str(uuid.uuid5(_EXTRACTION_IDS, f"{document_id}/{index}"))


def needs_review(
    status: str,
    fields: Sequence[Mapping[str, Any]],
    checks: Sequence[Mapping[str, Any]],
    threshold: float = REVIEW_THRESHOLD,
) -> bool:
    """Whether a person should look before the values are used."""
    if status != "completed" or checks:
        return True
    return any(
        field.get("source") != "user"
        and not field.get("confirmedBy")
        and float(field.get("confidence") or 0.0) < threshold
        for field in fields
    )


def failure_check(reason: str) -> dict[str, Any]:
    """The reason a file could not be read, shown where a reviewer looks: beside the fields."""
    return {"code": "unreadable", "severity": "error", "message": reason, "fields": []}


def _form_status(found: Extraction) -> str:
    read = any(field.key not in _FRAMING_KEYS for field in found.fields)
    return "completed" if found.form_type != UNKNOWN and read else "manual_review"


def _extraction_values(found: Extraction, threshold: float) -> dict[str, Any]:
    wire = found.to_json()
    status = _form_status(found)
    return {
        "formType": found.form_type,
        "status": status,
        "confidence": wire["confidence"],
        "fields": wire["fields"],
        "checks": wire["checks"],
        "approved": False,
        "reviewedById": None,
        "_needsReview": needs_review(status, wire["fields"], wire["checks"], threshold),
    }


def _failed_values(reason: str) -> dict[str, Any]:
    return {
        "formType": UNKNOWN,
        "status": "failed",
        "confidence": 0.0,
        "fields": [],
        "checks": [failure_check(reason)],
        "approved": False,
        "reviewedById": None,
        "_needsReview": True,
    }


def _summary(forms: Sequence[Extraction]) -> dict[str, Any]:
    first = forms[0]
    summary: dict[str, Any] = {
        "formType": first.form_type,
        "confidence": round(first.confidence, 2),
        "values": first.values(),
    }
    if len(forms) > 1:
        summary["forms"] = [
            {"formType": f.form_type, "confidence": round(f.confidence, 2), "values": f.values()}
            for f in forms
        ]
    return summary


def _filing(document: RecordRow, forms: Sequence[Extraction], threshold: float) -> dict[str, Any]:
    """Category and year read from the file, only where the document still has defaults.

    What the accountant or a routing rule set is never overwritten; a guess is
    only taken when the extractor is confident of it.
    """
    changes: dict[str, Any] = {}
    categories = {category_of(f.form_type) for f in forms}
    if (
        document["category"] in (None, DEFAULT_CATEGORY)
        and len(categories) == 1
        and forms[0].form_type != UNKNOWN
        and all(f.confidence >= threshold for f in forms)
    ):
        changes["category"] = categories.pop()
    if document["year"] is None:
        for key in _YEAR_KEYS:
            found = next((f for f in forms[0].fields if f.key == key), None)
            if found is None or found.confidence < threshold or not isinstance(found.value, str):
                continue
            try:
                changes["year"] = validators.normalize_year(found.value[:4])
            except ValueError:
                continue
            break
    return changes


def record_outcome(
    writer: OrganizationWriter,
    document: RecordRow,
    outcome: Outcome,
    threshold: float = REVIEW_THRESHOLD,
) -> dict[str, Any]:
    """Write the extraction records of ``outcome`` and update ``document``; returns the document.

    Runs inside the caller's write transaction (the caller calls ``writer.finish``).
    """
    if isinstance(outcome, ExtractionFailure):
        planned = [_failed_values(outcome.error)]
        changes: dict[str, Any] = {
            "ocrStatus": "failed",
            "extractedData": {
                "formType": UNKNOWN,
                "confidence": 0.0,
                "values": {},
                "error": outcome.error,
            },
        }
    else:
        planned = [_extraction_values(found, threshold) for found in outcome]
        statuses = {values["status"] for values in planned}
        changes = {
            "ocrStatus": "completed" if "completed" in statuses else "manual_review",
            "extractedData": _summary(outcome),
            **_filing(document, outcome, threshold),
        }
    changes["needsReview"] = any(values.pop("_needsReview") for values in planned)
    # The document first: the feed then carries it before its extractions, parents first.
    updated = writer.update("document", document, changes)
    for index, values in enumerate(planned):
        record_id = extraction_id(document["id"], index)
        existing = writer.get("extraction", record_id)
        if existing is None:
            writer.insert("extraction", record_id, {"documentId": document["id"], **values})
        else:  # the job ran before and its result was kept: replace it
            writer.update("extraction", existing, values)
    return updated
