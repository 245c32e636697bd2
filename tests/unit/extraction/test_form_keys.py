"""Form types and categories are the platform's; every key has a kind."""

from __future__ import annotations

from advisoros_desktop.domain.entities import DOCUMENT_CATEGORIES, FORM_TYPES
from advisoros_desktop.extraction.form_keys import CATEGORY_OF_FORM, category_of, kind_of
from advisoros_desktop.extraction.values import ValueKind


def test_form_types_and_categories_are_the_platforms() -> None:
    assert set(CATEGORY_OF_FORM) == set(FORM_TYPES)
    assert set(CATEGORY_OF_FORM.values()) <= set(DOCUMENT_CATEGORIES)
    assert category_of("1099-DIV") == "1099" and category_of("nonsense") == "general"


def test_kinds() -> None:
    assert kind_of("W-2", "wagesAndTips") is ValueKind.MONEY
    assert kind_of("1099-NEC", "directSales") is ValueKind.CHECK_BOX
    assert kind_of("1099-INT", "recipientTin") is ValueKind.TIN
    assert kind_of("W-2", "somethingElse") is ValueKind.TEXT
