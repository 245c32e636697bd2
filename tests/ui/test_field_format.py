"""Every kind of field reads the way accountants expect, in tables and the detail pane."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from advisoros_desktop.domain.entities import ENTITIES, FieldKind, FieldSpec
from advisoros_desktop.ui.field_format import CHECK_MARK, choice_label, display_text


def spec(kind: FieldKind, **kw: object) -> FieldSpec:
    return FieldSpec("f", kind, "Field", **kw)  # type: ignore[arg-type]


CASES = [
    (FieldKind.TEXT, "Acme LLC", "Acme LLC"),
    (
        FieldKind.LONG_TEXT,
        "Prefers email. Fiscal year ends June.",
        "Prefers email. Fiscal year ends June.",
    ),
    (FieldKind.EMAIL, "cfo@acme.example.com", "cfo@acme.example.com"),
    (FieldKind.PHONE, "(512) 555-0142", "(512) 555-0142"),
    (FieldKind.TIN, "12-3456789", "12-3456789"),
    (FieldKind.TIN, "XXX-XX-6789", "XXX-XX-6789"),
    (FieldKind.MONEY, "1250.00", "1,250.00"),
    (FieldKind.MONEY, "1250.5", "1,250.50"),
    (FieldKind.MONEY, "-52000.00", "-52,000.00"),
    (FieldKind.MONEY, "999999999999.99", "999,999,999,999.99"),
    (FieldKind.MONEY, 12, "12.00"),
    (FieldKind.DATE, "2025-04-15", "2025-04-15"),
    (FieldKind.DATE, "2025-04-15T10:00:00Z", "2025-04-15"),
    (FieldKind.YEAR, 2025, "2025"),
    (FieldKind.INTEGER, 1048576, "1,048,576"),
    (FieldKind.NUMBER, 0.935, "0.935"),
    (FieldKind.NUMBER, 0.93512345, "0.9351"),
    (FieldKind.NUMBER, 1.0, "1"),
    (FieldKind.BOOLEAN, True, CHECK_MARK),
    (FieldKind.BOOLEAN, False, ""),
    (FieldKind.CHOICE, "in_progress", "In progress"),
    (
        FieldKind.REFERENCE,
        "0190aaaa-0000-7000-8000-000000000001",
        "0190aaaa-0000-7000-8000-000000000001",
    ),
    (FieldKind.JSON, {"box1": "52000.00", "box2": "8000.00"}, "2 fields"),
    (FieldKind.JSON, [1], "1 item"),
]


@pytest.mark.parametrize(("kind", "value", "shown"), CASES)
def test_display_text_for_every_kind(kind: FieldKind, value: object, shown: str) -> None:
    assert display_text(spec(kind), value) == shown


@pytest.mark.parametrize("kind", list(FieldKind))
def test_none_reads_as_empty_for_every_kind(kind: FieldKind) -> None:
    assert display_text(spec(kind), None) == ""


def test_every_kind_has_cases() -> None:
    assert {kind for kind, _value, _shown in CASES} == set(FieldKind)


def test_unreadable_stored_values_are_shown_as_they_are() -> None:
    assert display_text(spec(FieldKind.MONEY), "n/a") == "n/a"
    assert display_text(spec(FieldKind.DATE), "someday") == "someday"


def test_locale_formats_dates_with_four_digit_years_and_money_with_its_separators() -> None:
    us, germany = QLocale("en_US"), QLocale("de_DE")
    assert display_text(spec(FieldKind.DATE), "2025-04-15", us) == "4/15/2025"
    assert display_text(spec(FieldKind.DATE), "2025-04-15", germany) == "15.04.2025"
    assert display_text(spec(FieldKind.MONEY), "1250.00", germany) == "1.250,00"
    assert display_text(spec(FieldKind.MONEY), "1250.00", us) == "1,250.00"


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("in_progress", "In progress"),
        ("tax_preparation", "Tax preparation"),
        ("w2", "W-2"),
        ("W-2", "W-2"),
        ("1099", "1099"),
        ("1099-NEC", "1099-NEC"),
        ("llc", "LLC"),
        ("s_corp", "S corporation"),
        ("cpa", "CPA"),
        ("high", "High"),
    ],
)
def test_choice_labels(code: str, label: str) -> None:
    assert choice_label(code) == label


def test_every_choice_in_the_catalog_has_a_distinct_label_per_field() -> None:
    for entity in ENTITIES.values():
        for field in entity.fields:
            labels = [choice_label(c) for c in field.choices]
            assert len(set(labels)) == len(labels), field.name
            assert all(label and "_" not in label for label in labels), field.name
