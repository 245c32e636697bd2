"""The shape a review's ``fields`` must have, and how corrections are marked."""

from __future__ import annotations

from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.server.extraction_review import fields_problems, mark_corrections

GOOD = {
    "key": "wagesAndTips",
    "label": "Wages, tips, other compensation",
    "value": "52000.00",
    "confidence": 0.99,
    "page": 1,
    "bbox": [0.52, 0.21, 0.74, 0.24],
    "source": "acroform",
    "confirmedBy": new_id(),
    "confirmedAt": "2026-02-03T10:00:00Z",
}


def test_the_extraction_shape_with_confirmations_is_accepted() -> None:
    minimal = {"key": "statutoryEmployee", "value": False}
    assert fields_problems([GOOD, minimal, {"key": "other", "value": None}]) == []
    assert fields_problems([]) == []


def test_problems_name_the_entry_and_stop_after_a_few() -> None:
    [(name, message)] = fields_problems([{"key": f"k{n}", "page": 0} for n in range(20)])
    assert name == "fields"
    assert message.startswith("fields[0].page must be a page number")
    assert message.count("fields[") == 5


def test_booleans_are_not_numbers_and_nan_is_refused() -> None:
    assert fields_problems([{**GOOD, "confidence": True}])
    assert fields_problems([{**GOOD, "page": True}])
    assert fields_problems([{**GOOD, "confidence": float("nan")}])
    assert fields_problems([{**GOOD, "bbox": [0, 0, 1]}])
    assert fields_problems([{**GOOD, "value": "a\x00b"}])


def test_changed_or_new_values_are_marked_as_typed_by_a_person() -> None:
    current = {"fields": [GOOD, {"key": "state", "value": "NY", "source": "text"}]}
    fields = [
        GOOD,
        {"key": "state", "value": "NJ", "source": "text"},
        {"key": "locality", "value": "Newark", "source": "text"},
    ]
    marked = mark_corrections(current, fields)
    assert [f["source"] for f in marked] == ["acroform", "user", "user"]
    assert fields[1]["source"] == "text"  # the caller's list is left as it was
