"""One printed box, two fields: each label says which part of the box it holds."""

from __future__ import annotations

from advisoros_desktop.extraction.field_labels import distinct_labels
from advisoros_desktop.extraction.model import ExtractedField

BOX = "PAYER'S name, street address, city or town, and telephone no."


def field(key: str, label: str) -> ExtractedField:
    return ExtractedField(key, label, "x", 0.9, 1, None, "text")


def test_a_shared_label_says_name_and_address() -> None:
    labels = [
        f.label
        for f in distinct_labels(
            [field("payerName", BOX), field("payerAddress", BOX), field("payerTin", "PAYER'S TIN")]
        )
    ]
    assert labels == [f"{BOX} (name)", f"{BOX} (address)", "PAYER'S TIN"]


def test_labels_of_their_own_are_left_as_they_are() -> None:
    fields = [field("employeeName", "Employee's name"), field("employeeAddress", "Address")]
    assert distinct_labels(fields) == fields
