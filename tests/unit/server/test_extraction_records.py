"""What an extraction outcome becomes: statuses, needsReview, summary and filing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.extraction import CheckResult, ExtractedField, Extraction, ExtractionFailure
from advisoros_desktop.extraction.extractor import Outcome
from advisoros_desktop.server.database import create_engine, writing
from advisoros_desktop.server.extraction_records import extraction_id, needs_review, record_outcome
from advisoros_desktop.server.organizations import create_organization
from advisoros_desktop.server.records import OrganizationWriter


def _field(key: str, value: str, confidence: float = 0.99) -> ExtractedField:
    return ExtractedField(key, key, value, confidence, 1, (0.1, 0.1, 0.2, 0.2), "text")


def _w2(*fields: ExtractedField, checks: list[CheckResult] | None = None) -> Extraction:
    return Extraction("w2.pdf", "W-2", "w2", 0.97, [1], list(fields), checks or [])


@pytest.fixture
def engine(tmp_path: Path) -> sa.Engine:
    return create_engine(f"sqlite:///{tmp_path / 'server.db'}")


def _record(
    engine: sa.Engine, outcome: Outcome, **document: Any
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    org = create_organization(engine, "Firm")
    client_id, document_id = new_id(), new_id()
    with writing(engine) as conn:
        writer = OrganizationWriter(conn, org)
        writer.insert("client", client_id, {"businessName": "Acme"})
        writer.insert(
            "document",
            document_id,
            {
                "clientId": client_id,
                "fileName": "w2.pdf",
                "checksum": "0" * 64,
                "category": "general",
                "ocrStatus": "processing",
                **document,
            },
        )
        current = writer.get("document", document_id)
        assert current is not None
        updated = record_outcome(writer, current, outcome)
        records = [writer.get("extraction", extraction_id(document_id, n)) for n in range(3)]
        writer.finish()
    return updated, [dict(r) for r in records if r is not None]


def test_confident_fields_without_failed_checks_need_no_review_and_file_the_document(
    engine: sa.Engine,
) -> None:
    document, [record] = _record(
        engine, [_w2(_field("taxYear", "2025"), _field("wagesAndTips", "100.00"))]
    )
    assert document["ocrStatus"] == "completed" and document["needsReview"] is False
    assert document["category"] == "w2" and document["year"] == 2025
    assert document["extractedData"] == {
        "formType": "W-2",
        "confidence": 0.97,
        "values": {"taxYear": "2025", "wagesAndTips": "100.00"},
    }
    assert record["status"] == "completed" and record["approved"] is False
    assert record["fields"][1]["bbox"] == [0.1, 0.1, 0.2, 0.2]


def test_an_unsure_field_or_a_failed_check_asks_for_review(engine: sa.Engine) -> None:
    unsure, _ = _record(engine, [_w2(_field("wagesAndTips", "100.00", 0.89))])
    assert unsure["needsReview"] is True
    check = CheckResult("invalid_ein", "The EIN prefix 00 is not one the IRS assigns.", ("ein",))
    checked, [record] = _record(engine, [_w2(_field("wagesAndTips", "1.00"), checks=[check])])
    assert checked["needsReview"] is True
    assert record["checks"][0]["code"] == "invalid_ein"


def test_what_the_accountant_filed_is_kept(engine: sa.Engine) -> None:
    document, _ = _record(
        engine,
        [_w2(_field("taxYear", "2025"), _field("wagesAndTips", "100.00"))],
        category="tax_return",
        year=2024,
    )
    assert document["category"] == "tax_return" and document["year"] == 2024


def test_a_form_with_nothing_read_but_its_year_is_manual_review(engine: sa.Engine) -> None:
    document, [record] = _record(engine, [_w2(_field("taxYear", "2025", 0.95))])
    assert document["ocrStatus"] == "manual_review" and document["needsReview"] is True
    assert record["status"] == "manual_review"
    unknown = Extraction("scan.jpg", "unknown", "general", 0.0, [1])
    document, [record] = _record(engine, [unknown])
    assert document["ocrStatus"] == "manual_review" and document["category"] == "general"


def test_a_failure_keeps_its_reason_on_the_document_and_the_extraction(
    engine: sa.Engine,
) -> None:
    reason = "the PDF is password-protected; save a copy without the password and try again"
    document, [record] = _record(engine, ExtractionFailure("x.pdf", reason))
    assert document["ocrStatus"] == "failed" and document["needsReview"] is True
    assert document["extractedData"]["error"] == reason
    assert record["status"] == "failed" and record["checks"][0]["message"] == reason


def test_a_packet_gives_one_extraction_per_form(engine: sa.Engine) -> None:
    second = Extraction("p.pdf", "1099-INT", "1099", 0.95, [2], [_field("interestIncome", "5.00")])
    document, records = _record(engine, [_w2(_field("wagesAndTips", "1.00")), second])
    assert [r["formType"] for r in records] == ["W-2", "1099-INT"]
    assert [f["formType"] for f in document["extractedData"]["forms"]] == ["W-2", "1099-INT"]
    assert document["category"] == "general"  # two kinds of form: no single category


def test_confirmed_or_typed_values_do_not_ask_for_review_again() -> None:
    unsure = {"key": "totalAmount", "value": "1.00", "confidence": 0.5, "source": "text"}
    assert needs_review("completed", [unsure], [])
    assert not needs_review("completed", [{**unsure, "confirmedBy": new_id()}], [])
    assert not needs_review("completed", [{**unsure, "source": "user"}], [])
    assert needs_review("manual_review", [], [])
