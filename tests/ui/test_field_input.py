"""Typed cell text is read as people write it, checked by the server's rules, and
refused with a sentence that says what a good value looks like."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QLocale

from advisoros_desktop.domain.entities import ENTITIES, normalize_field
from advisoros_desktop.ui.field_input import check_input, editor_text
from advisoros_desktop.ui.validation_messages import TIN_SHAPE

CLIENT = ENTITIES["client"].by_name
ENGAGEMENT = ENTITIES["engagement"].by_name
DOCUMENT = ENTITIES["document"].by_name
EXTRACTION = ENTITIES["extraction"].by_name


@pytest.mark.parametrize(
    ("field", "typed", "stored"),
    [
        (CLIENT["taxId"], "12-3456789", "12-3456789"),
        (CLIENT["taxId"], "123 45 6789", "123-45-6789"),
        (CLIENT["taxId"], "***-**-6789", "XXX-XX-6789"),
        (CLIENT["primaryContactEmail"], " cfo@acme.example.com ", "cfo@acme.example.com"),
        (CLIENT["businessName"], "  Acme   LLC ", "Acme LLC"),
        (CLIENT["legalName"], "   ", None),
        (ENGAGEMENT["feeAmount"], "$1,250.5", "1250.50"),
        (ENGAGEMENT["feeAmount"], "(300)", "-300.00"),
        (ENGAGEMENT["dueDate"], "2025-04-15", "2025-04-15"),
        (ENGAGEMENT["taxYear"], "2024", 2024),
        (DOCUMENT["fileSize"], "1,048,576", 1048576),
        (EXTRACTION["confidence"], "0.95", 0.95),
    ],
)
def test_accepted_values_are_stored_as_the_server_stores_them(
    field: object, typed: str, stored: object
) -> None:
    check = check_input(field, typed)  # type: ignore[arg-type]
    assert check.ok, check.problem
    assert check.value == stored
    assert normalize_field(field, stored) == stored  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        (CLIENT["taxId"], "12345", TIN_SHAPE),
        (CLIENT["taxId"], "07-1234567", "No EIN starts with 07"),
        (CLIENT["taxId"], "000-00-0000", TIN_SHAPE),
        (CLIENT["businessName"], "", "Business name is required."),
        (CLIENT["businessName"], "x" * 201, "Business name is too long: 201 characters"),
        (CLIENT["primaryContactEmail"], "bob@", "Contact email must be an email address"),
        (CLIENT["primaryContactPhone"], "12", "Contact phone must be a phone number"),
        (ENGAGEMENT["feeAmount"], "12.345", "Fee can have at most two decimals"),
        (ENGAGEMENT["feeAmount"], "twelve", "Fee must be an amount, like 1,250.00."),
        (ENGAGEMENT["dueDate"], "2025-02-30", "Due date must be a date, like 2025-04-15."),
        (ENGAGEMENT["taxYear"], "1989", "Tax year must be between 1990 and"),
        (ENGAGEMENT["taxYear"], "next", "Tax year must be a year, like 2025."),
        (DOCUMENT["fileSize"], "12kb", "Size must be a whole number"),
        (EXTRACTION["confidence"], "high", "Confidence must be a number"),
    ],
)  # fmt: skip
def test_refusals_are_sentences_about_the_field(field: object, typed: str, message: str) -> None:
    check = check_input(field, typed)  # type: ignore[arg-type]
    assert not check.ok
    assert check.problem is not None and check.problem.startswith(message)
    assert "'" + typed + "'" not in check.problem  # the typed text is in view already


def test_a_tax_id_read_otherwise_than_typed_says_how_it_will_be_saved() -> None:
    check = check_input(CLIENT["taxId"], "123456789")
    assert check.value == "123-45-6789"
    assert check.note == "Will be saved as SSN 123-45-6789. For an EIN, type 12-3456789."
    # No SSN starts with 666, so the server reads these digits as an EIN.
    assert check_input(CLIENT["taxId"], "666-12-3456").note == "Will be saved as EIN 66-6123456."
    assert check_input(CLIENT["taxId"], "12-3456789").note is None


def test_dates_in_the_locale_short_format_with_four_digit_years() -> None:
    us = QLocale("en_US")
    assert check_input(ENGAGEMENT["dueDate"], "4/15/2025", us).value == "2025-04-15"
    assert check_input(ENGAGEMENT["dueDate"], "2025-04-15", us).value == "2025-04-15"
    two_digits = check_input(ENGAGEMENT["dueDate"], "4/15/25", us)
    assert two_digits.problem == "Due date must be a date, like 4/15/2025 or 2025-04-15."
    uk = QLocale("en_GB")
    assert check_input(ENGAGEMENT["dueDate"], "5/4/2025", uk).value == "2025-04-05"


def test_year_bounds_follow_the_calendar() -> None:
    next_year = dt.date.today().year + 1
    assert check_input(ENGAGEMENT["taxYear"], str(next_year)).ok
    assert not check_input(ENGAGEMENT["taxYear"], str(next_year + 1)).ok


def test_editors_start_from_the_stored_value_unformatted() -> None:
    assert editor_text(ENGAGEMENT["feeAmount"], "1250.00") == "1250.00"
    assert editor_text(ENGAGEMENT["taxYear"], 2025) == "2025"
    assert editor_text(EXTRACTION["confidence"], 1.0) == "1"
    assert editor_text(CLIENT["legalName"], None) == ""
