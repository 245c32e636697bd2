"""Extraction after upload, on the real embedded server: the change feed brings the result.

Files go in through the real upload API; the server's own job worker extracts
them in its child process; results are read back from the change feed as a
desktop would. Corpus tests skip when ``../shared/corpus`` is absent.
"""

from __future__ import annotations

import hashlib
import random
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.server.config import ServerConfig
from advisoros_desktop.server.demo import documents, people
from advisoros_desktop.server.embedded import EmbeddedServer
from advisoros_desktop.server.extraction_job import FINISHED, ExtractionJob
from advisoros_desktop.server.extraction_worker import ExtractionWorker
from advisoros_desktop.server.jobs import EXTRACT
from tests.conftest import Account, LiveServer
from tests.integration.server.extraction_hooks import CRASH, HANG, misbehave_on_marker

CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus"
OCTETS = "application/offset+octet-stream"
PDF = "application/pdf"


@pytest.fixture
def corpus() -> Path:
    if not (CORPUS / "README.md").is_file():
        pytest.skip(f"the extraction corpus is not at {CORPUS} (../shared/corpus from the repo)")
    return CORPUS


def upload(account: Account, client_id: str, data: bytes, name: str, **extra: object) -> str:
    """Upload a whole file through the API; returns its document id."""
    upload_id = new_id()
    created = account.http.post(
        "/uploads",
        json={
            "uploadId": upload_id,
            "sha256": hashlib.sha256(data).hexdigest(),
            "size": len(data),
            "fileName": name,
            "mimeType": PDF,
            "clientId": client_id,
            **extra,
        },
    )
    assert created.status_code == 201, created.text
    done = account.http.patch(
        f"/uploads/{upload_id}",
        content=data,
        headers={"Upload-Offset": "0", "Content-Type": OCTETS, "Tus-Resumable": "1.0.0"},
    )
    assert done.status_code == 204, done.text
    document_id = account.http.get(f"/uploads/{upload_id}").json()["documentId"]
    assert document_id
    return str(document_id)


def feed(account: Account) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        page = account.http.get(
            "/changes", params={"limit": 1000, **({"cursor": cursor} if cursor else {})}
        ).json()
        items += page["items"]
        cursor = page["cursor"]
        if not page["hasMore"]:
            return items


def extracted(
    account: Account, document_id: str, timeout: float = 90.0
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The document once extraction finished, and its extraction records, from the feed."""
    deadline = time.monotonic() + timeout
    while True:
        items = feed(account)
        [document] = [
            i["data"] for i in items if i["entity"] == "document" and i["id"] == document_id
        ]
        if document["ocrStatus"] in FINISHED:
            records = [
                i["data"]
                for i in items
                if i["entity"] == "extraction" and i["data"]["documentId"] == document_id
            ]
            return document, records
        assert time.monotonic() < deadline, f"still {document['ocrStatus']} after {timeout} s"
        time.sleep(0.2)


def field_values(record: dict[str, Any]) -> dict[str, Any]:
    return {f["key"]: f["value"] for f in record["fields"]}


@pytest.fixture
def misbehaving_server(tmp_path: Path) -> Iterator[LiveServer]:
    """A server whose extraction child crashes or hangs on marked files (timeout 3 s)."""
    config = ServerConfig(data_dir=tmp_path / "server")
    worker = ExtractionWorker(run=misbehave_on_marker, timeout_seconds=3.0)
    server = EmbeddedServer(config, job_handlers={EXTRACT: ExtractionJob(config, worker)}).start()
    live = LiveServer(server)
    yield live
    live.close()
    server.stop()


def test_a_filled_w2_arrives_extracted_confident_and_filed(
    live_server: LiveServer, corpus: Path
) -> None:
    alice = live_server.account()
    document_id = upload(
        alice, alice.create_client(), (corpus / "w2/w2-001-filled.pdf").read_bytes(), "w2.pdf"
    )
    document, [record] = extracted(alice, document_id)
    assert document["ocrStatus"] == "completed"
    assert document["needsReview"] is False
    assert document["category"] == "w2" and document["year"] == 2026  # were the defaults
    assert document["version"] == 3  # uploaded, processing, extracted
    assert record["formType"] == "W-2" and record["status"] == "completed"
    assert record["checks"] == [] and record["approved"] is False
    values = field_values(record)
    assert values["wagesAndTips"] == "22321.06"
    assert values["employerEin"] == "47-7197406"
    wages = next(f for f in record["fields"] if f["key"] == "wagesAndTips")
    assert wages["source"] == "acroform" and wages["confidence"] >= 0.9
    assert wages["page"] >= 1 and len(wages["bbox"]) == 4
    summary = document["extractedData"]
    assert summary["formType"] == "W-2" and summary["values"]["wagesAndTips"] == "22321.06"


def test_an_inconsistent_record_needs_review_with_its_failing_check(
    tmp_path: Path, corpus: Path
) -> None:
    with EmbeddedServer(ServerConfig(data_dir=tmp_path / "server")) as server:
        live = LiveServer(server)
        alice = live.account()
        data = (corpus / "w2/w2-003-filled.pdf").read_bytes()  # "inconsistency": "invalid_ein"
        document_id = upload(alice, alice.create_client(), data, "w2.pdf", category="w2", year=2024)
        document, [record] = extracted(alice, document_id)
        live.close()
    assert document["ocrStatus"] == "completed"
    assert document["needsReview"] is True
    assert document["year"] == 2024  # what the accountant said is kept
    assert [check["code"] for check in record["checks"]] == ["invalid_ein"]


def test_a_corrupt_pdf_fails_with_a_reason_and_the_server_still_serves(tmp_path: Path) -> None:
    with EmbeddedServer(ServerConfig(data_dir=tmp_path / "server")) as server:
        live = LiveServer(server)
        alice = live.account()
        client_id = alice.create_client()
        document_id = upload(alice, client_id, b"%PDF-1.7\n" + b"\x00garbage" * 500, "bad.pdf")
        document, [record] = extracted(alice, document_id)
        assert alice.http.get("/me").status_code == 200
        live.close()
    assert document["ocrStatus"] == "failed" and document["needsReview"] is True
    assert "could not be read" in document["extractedData"]["error"]
    assert record["status"] == "failed" and record["fields"] == []
    assert record["checks"][0]["code"] == "unreadable"
    assert record["checks"][0]["message"] == document["extractedData"]["error"]


def test_a_crashing_file_fails_alone_and_the_next_one_extracts(
    misbehaving_server: LiveServer,
) -> None:
    alice = misbehaving_server.account()
    client_id = alice.create_client()
    crashing = upload(alice, client_id, b"%PDF-1.7\n" + CRASH + b"\n%%EOF", "crash.pdf")
    invoice = _demo_invoice()
    good = upload(alice, client_id, invoice.content, invoice.file_name)
    document, _records = extracted(alice, crashing)
    assert document["ocrStatus"] == "failed"
    assert "stop unexpectedly" in document["extractedData"]["error"]
    assert "exit code 70" in document["extractedData"]["error"]
    document, [record] = extracted(alice, good)
    assert document["ocrStatus"] == "completed"
    assert field_values(record)["totalAmount"] == invoice.truth["totalAmount"]


def test_a_hanging_file_is_stopped_after_the_timeout_and_the_next_one_extracts(
    misbehaving_server: LiveServer,
) -> None:
    alice = misbehaving_server.account()
    client_id = alice.create_client()
    hanging = upload(alice, client_id, b"%PDF-1.7\n" + HANG + b"\n%%EOF", "hang.pdf")
    invoice = _demo_invoice()
    good = upload(alice, client_id, invoice.content, invoice.file_name)
    document, _records = extracted(alice, hanging)
    assert document["ocrStatus"] == "failed"
    assert "longer than 3 seconds" in document["extractedData"]["error"]
    document, _records = extracted(alice, good)
    assert document["ocrStatus"] == "completed"


def _demo_invoice(seed: int = 7) -> documents.GeneratedDocument:
    rng = random.Random(seed)
    return documents.invoice_pdf(rng, people.make_company(rng).name, "Acme LLC")


def _review(record: dict[str, Any], **fields: object) -> dict[str, object]:
    return {
        "mutationId": new_id(),
        "entity": "extraction",
        "op": "update",
        "id": record["id"],
        "baseVersion": record["version"],
        "fields": fields,
    }


def test_a_review_round_trip_corrects_confirms_approves_and_clears_needs_review(
    tmp_path: Path,
) -> None:
    with EmbeddedServer(ServerConfig(data_dir=tmp_path / "server")) as server:
        live = LiveServer(server)
        alice = live.account()
        invoice = _demo_invoice()
        document_id = upload(alice, alice.create_client(), invoice.content, invoice.file_name)
        document, [record] = extracted(alice, document_id)
        assert document["needsReview"] is True  # the demo invoices have unsure fields
        now = "2026-02-03T10:00:00Z"
        reviewed = []
        for field in record["fields"]:
            if field["key"] == "vendorName":
                field = {**field, "value": "Corrected Vendor Inc."}  # a correction
            reviewed.append({**field, "confirmedBy": alice.user_id, "confirmedAt": now})
        [result] = alice.mutate(_review(record, fields=reviewed, approved=True))
        assert result["status"] == "applied", result
        saved = result["record"]
        assert saved["reviewedById"] == alice.user_id and saved["approved"] is True
        vendor = next(f for f in saved["fields"] if f["key"] == "vendorName")
        assert vendor["value"] == "Corrected Vendor Inc." and vendor["source"] == "user"
        total = next(f for f in saved["fields"] if f["key"] == "totalAmount")
        assert total["source"] == "text" and total["confirmedBy"] == alice.user_id

        document, [record] = extracted(alice, document_id)
        assert document["needsReview"] is False
        assert document["extractedData"]["values"]["vendorName"] == "Corrected Vendor Inc."
        assert record == saved

        # Approval and confirmations withdrawn: the unsure total needs a look again.
        unconfirmed = [
            {k: v for k, v in f.items() if k not in ("confirmedBy", "confirmedAt")}
            for f in record["fields"]
        ]
        [result] = alice.mutate(_review(record, fields=unconfirmed, approved=False))
        assert result["status"] == "applied"
        document, _records = extracted(alice, document_id)
        assert document["needsReview"] is True
        live.close()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ("not a list", "must be a list of field objects"),
        ([{"key": "totalAmount", "value": 12.5}], "fields[0].value must be text"),
        ([{"key": "x", "value": "1", "colour": "red"}], "unknown entries (colour)"),
        ([{"value": "1"}], "fields[0].key must be a field name"),
        ([{"key": "a"}, {"key": "a"}], "fields[1].key 'a' appears twice"),
        ([{"key": "a", "bbox": [0.5, 0.1, 0.2, 0.3]}], "bbox must be [x0, y0, x1, y1]"),
        ([{"key": "a", "confidence": 7}], "confidence must be a number from 0 to 1"),
        ([{"key": "a", "source": "guess"}], "source must be one of"),
        ([{"key": "a", "confirmedBy": "me"}], "confirmedBy must be the id"),
        ([{"key": "a", "confirmedAt": "yesterday"}], "confirmedAt must be an ISO 8601"),
    ],
)
def test_a_review_with_garbage_fields_is_rejected_with_a_clear_message(
    review_target: tuple[Account, dict[str, Any]], fields: object, message: str
) -> None:
    account, record = review_target
    [result] = account.mutate(_review(record, fields=fields))
    assert result["status"] == "rejected"
    assert result["code"] == "invalid_fields"
    assert message in str(result["message"]), result["message"]
    assert result["message"].startswith("This extraction was not saved: ")


def test_server_set_fields_of_an_extraction_cannot_be_reviewed(
    review_target: tuple[Account, dict[str, Any]],
) -> None:
    account, record = review_target
    for name, value in (("checks", []), ("reviewedById", account.user_id), ("status", "completed")):
        [result] = account.mutate(_review(record, **{name: value}))
        assert result["status"] == "rejected" and "set by the server" in str(result["message"])


@pytest.fixture(scope="module")
def review_target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Account, dict]]:
    """One extracted invoice shared by the rejection tests (none of them changes it)."""
    config = ServerConfig(data_dir=tmp_path_factory.mktemp("review") / "server")
    with EmbeddedServer(config) as server:
        live = LiveServer(server)
        alice = live.account()
        invoice = _demo_invoice(11)
        document_id = upload(alice, alice.create_client(), invoice.content, invoice.file_name)
        _document, [record] = extracted(alice, document_id)
        yield alice, record
        live.close()


def test_deleting_a_document_made_before_its_extraction_finished_is_not_a_conflict(
    live_server: LiveServer,
) -> None:
    # The person saw version 1 (just uploaded); the server's extraction then wrote its
    # status and results. Those are the server's bookkeeping, not someone's edit.
    alice = live_server.account()
    document_id = upload(alice, alice.create_client(), b"%PDF-1.4\nnot really a pdf", "x.pdf")
    document, _records = extracted(alice, document_id)
    assert document["version"] > 1
    [result] = alice.mutate(
        {
            "mutationId": new_id(),
            "entity": "document",
            "op": "delete",
            "id": document_id,
            "baseVersion": 1,
        }
    )
    assert result["status"] == "applied", result
