"""Corrections, acceptances and approvals of an extraction: undoable, in the outbox."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QUndoStack

from advisoros_desktop.commands.review_commands import AcceptField, ApproveDocument, CorrectField
from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.store.feed_apply import apply_page, check_page
from advisoros_desktop.store.local_store import LocalStore

REVIEWER = new_id()
FIELDS = [
    {
        "key": "wagesAndTips",
        "label": "Wages",
        "value": "52000.00",
        "confidence": 0.62,
        "page": 1,
        "bbox": [0.5, 0.1, 0.7, 0.12],
        "source": "acroform",
    },
    {
        "key": "employerEin",
        "label": "Employer EIN",
        "value": "47-7197406",
        "confidence": 0.99,
        "page": 1,
        "bbox": [0.06, 0.09, 0.5, 0.1],
        "source": "acroform",
    },
]


@pytest.fixture
def store(tmp_path: Path) -> LocalStore:
    return LocalStore(tmp_path / "cache.db")


def _synced_extraction(store: LocalStore) -> str:
    ids = {"client": new_id(), "document": new_id(), "extraction": new_id()}
    data: dict[str, dict[str, Any]] = {
        "client": {"businessName": "Acme LLC", "status": "active"},
        "document": {"clientId": ids["client"], "fileName": "w2.pdf", "checksum": "0" * 64},
        "extraction": {
            "documentId": ids["document"],
            "formType": "W-2",
            "status": "completed",
            "confidence": 0.9,
            "fields": FIELDS,
            "checks": [],
            "approved": False,
        },
    }
    items = [
        {
            "entity": entity,
            "id": ids[entity],
            "version": 1,
            "deleted": False,
            "data": {"id": ids[entity], "version": 1, "deletedAt": None, **values},
        }
        for entity, values in data.items()
    ]
    page = {"items": items, "cursor": "e:1:0", "hasMore": False, "epoch": "e"}
    check_page(page)
    with store.transaction() as txn:
        apply_page(txn, page)
    return ids["extraction"]


def _field(store: LocalStore, extraction_id: str, key: str) -> dict[str, Any]:
    row = store.get("extraction", extraction_id)
    assert row is not None
    return next(dict(f) for f in row["fields"] if f["key"] == key)


def test_a_correction_keeps_the_machine_value_and_undo_restores_it(store: LocalStore) -> None:
    extraction_id = _synced_extraction(store)
    stack = QUndoStack()
    stack.push(
        CorrectField(store, extraction_id, "wagesAndTips", "52100.00", REVIEWER, label="Wages")
    )
    corrected = _field(store, extraction_id, "wagesAndTips")
    assert corrected["value"] == "52100.00"
    assert corrected["machineValue"] == "52000.00"
    assert corrected["source"] == "user"
    assert corrected["confirmedBy"] == REVIEWER and corrected["confirmedAt"].endswith("Z")
    assert _field(store, extraction_id, "employerEin") == FIELDS[1]  # the rest untouched
    [entry] = store.outbox_entries()
    assert entry.entity == "extraction" and entry.op == "update"
    assert set(entry.fields) == {"fields"}
    assert stack.undoText() == "Correct Wages"
    stack.undo()
    assert _field(store, extraction_id, "wagesAndTips") == FIELDS[0]
    assert store.pending_count() == 0  # put back before it was sent: nothing to send
    stack.redo()
    assert _field(store, extraction_id, "wagesAndTips")["value"] == "52100.00"


def test_accepting_confirms_without_changing_and_twice_is_one_step(store: LocalStore) -> None:
    extraction_id = _synced_extraction(store)
    stack = QUndoStack()
    stack.push(AcceptField(store, extraction_id, "employerEin", REVIEWER))
    accepted = _field(store, extraction_id, "employerEin")
    assert accepted["value"] == "47-7197406" and accepted["source"] == "acroform"
    assert accepted["confirmedBy"] == REVIEWER and "machineValue" not in accepted
    again = AcceptField(store, extraction_id, "employerEin", REVIEWER)
    stack.push(again)
    assert again.dropped and stack.count() == 1


def test_typing_back_the_value_read_is_an_acceptance(store: LocalStore) -> None:
    extraction_id = _synced_extraction(store)
    QUndoStack().push(CorrectField(store, extraction_id, "wagesAndTips", "52000.00", REVIEWER))
    field = _field(store, extraction_id, "wagesAndTips")
    assert field["source"] == "acroform" and field["confirmedBy"] == REVIEWER
    assert "machineValue" not in field


def test_approving_and_undoing_it(store: LocalStore) -> None:
    extraction_id = _synced_extraction(store)
    stack = QUndoStack()
    stack.push(ApproveDocument(store, extraction_id, name="W-2 of w2.pdf"))
    row = store.get("extraction", extraction_id)
    assert row is not None and row["approved"] is True
    assert stack.undoText() == "Approve W-2 of w2.pdf"
    stack.undo()
    row = store.get("extraction", extraction_id)
    assert row is not None and row["approved"] is False


def test_a_field_the_extraction_no_longer_has_is_refused(store: LocalStore) -> None:
    extraction_id = _synced_extraction(store)
    failures: list[str] = []
    command = CorrectField(
        store,
        extraction_id,
        "nope",
        "1.00",
        REVIEWER,
        on_failure=lambda c: failures.append(c.message() or ""),
    )
    QUndoStack().push(command)
    assert command.dropped and "nope" in (command.error or "")
    assert failures and store.pending_count() == 0
