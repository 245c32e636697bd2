"""Category and year hints read from file and folder names."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisoros_desktop.domain.entities import DOCUMENT_CATEGORIES
from advisoros_desktop.intake.name_hints import (
    MIN_YEAR,
    NameHints,
    hints_from_file_name,
    hints_from_name,
    latest_tax_year,
    year_in,
)

LATEST = 2026


@pytest.mark.parametrize(
    ("file_name", "category"),
    [
        ("W2.pdf", "w2"),
        ("W-2 Acme.pdf", "w2"),
        ("w2_2025.pdf", "w2"),
        ("Form W 2.pdf", "w2"),
        ("John W2s.pdf", "w2"),
        ("1099-NEC.pdf", "1099"),
        ("1099INT.pdf", "1099"),
        ("Acme 1099 misc.pdf", "1099"),
        ("invoice 42.pdf", "invoice"),
        ("inv_12345.pdf", "invoice"),
        ("INV12345.pdf", "invoice"),
        ("Invoices March.pdf", "invoice"),
        ("receipt.jpg", "receipt"),
        ("Staples Receipts.pdf", "receipt"),
        ("statement.pdf", "bank_statement"),
        ("Chase Bank.pdf", "bank_statement"),
        ("BankStatement.pdf", "bank_statement"),
        ("eStatement-0324.pdf", "bank_statement"),
        ("1040.pdf", "tax_return"),
        ("Form 1120S.pdf", "tax_return"),
        ("2023 Tax Return.pdf", "tax_return"),
        ("return.pdf", "tax_return"),
        ("Balance Sheet.xlsx", "financial_statement"),
        ("P&L Q3.xlsx", "financial_statement"),
        ("Financial Statements.pdf", "financial_statement"),
    ],
)
def test_categories_from_file_names(file_name: str, category: str) -> None:
    assert hints_from_file_name(file_name, latest_year=LATEST).category == category


@pytest.mark.parametrize(
    "file_name",
    [
        "scan_0001.pdf",
        "Row 2.pdf",  # "w 2" only as a word of its own
        "aw2.pdf",
        "W20.pdf",
        "10990.pdf",
        "photo.jpg",
        "Bankruptcy filing.pdf",  # "bank" only as a word of its own
    ],
)
def test_names_without_a_category(file_name: str) -> None:
    assert hints_from_file_name(file_name, latest_year=LATEST).category is None


def test_a_number_after_inv_is_an_invoice_number_not_a_form() -> None:
    assert hints_from_file_name("INV-1099.pdf", latest_year=LATEST).category == "invoice"
    assert hints_from_file_name("#1040 receipt.pdf", latest_year=LATEST).category == "receipt"


def test_every_hinted_category_is_a_document_category() -> None:
    names = ["W2", "1099", "1040", "balance sheet", "statement", "receipt", "invoice"]
    for name in names:
        assert hints_from_name(name, latest_year=LATEST).category in DOCUMENT_CATEGORIES


@pytest.mark.parametrize(
    ("file_name", "year"),
    [
        ("w2_2025.pdf", 2025),
        ("2024 W-2.pdf", 2024),
        ("TY2023 return.pdf", 2023),
        ("statement 2024-03.pdf", 2024),
        ("statement 2024-03-15.pdf", 2024),
        ("statement 03-15-2024.pdf", 2024),
        ("statement 15.03.2024.pdf", 2024),
        ("Statement 2024.03.15", 2024),  # no extension: the last dot is part of the date
        ("scan_2024_03_15.pdf", 2024),
        ("2024 and 2024-12-31.pdf", 2024),  # the same year twice is one year
        ("1990.pdf", 1990),
        (f"{LATEST}.pdf", LATEST),
    ],
)
def test_years_from_file_names(file_name: str, year: int) -> None:
    assert hints_from_file_name(file_name, latest_year=LATEST).year == year


@pytest.mark.parametrize(
    "file_name",
    [
        "EIN 12-3456789.pdf",
        "scan_20240315_0001.pdf",  # a date run together with no separators is a counter
        "INV-2024-0012.pdf",  # an invoice number
        "acct 555-2024.pdf",
        "call 555-123-2024.pdf",
        "invoice 2024.50.pdf",  # an amount
        "statement 2024-13.pdf",  # no 13th month
        "statement 13-14-2024.pdf",  # no 13th or 14th month
        "1989.pdf",
        f"{LATEST + 1}.pdf",
        "W2 2023 corrected 2024.pdf",  # two years: say neither
        "2024-2025.pdf",
        "report ٢2024.pdf",  # another script's digit touching it: part of a longer number
    ],
)
def test_no_year_from_other_numbers(file_name: str) -> None:
    assert hints_from_file_name(file_name, latest_year=LATEST).year is None


@pytest.mark.parametrize(
    ("folder", "hints"),
    [
        ("2024", NameHints(None, 2024, only_hints=True)),
        ("Tax Year 2024", NameHints(None, 2024, only_hints=True)),
        ("FY2024", NameHints(None, 2024, only_hints=True)),
        ("W-2s", NameHints("w2", None, only_hints=True)),
        ("Bank Statements", NameHints("bank_statement", None, only_hints=True)),
        ("2024 Tax Returns", NameHints("tax_return", 2024, only_hints=True)),
        ("1099 Forms", NameHints("1099", None, only_hints=True)),
        ("Chase Bank", NameHints("bank_statement", None, only_hints=False)),
        ("Smith John 2024", NameHints(None, 2024, only_hints=False)),
        ("Smith John", NameHints()),
    ],
)
def test_folder_names_say_whether_they_are_only_a_year_or_category(
    folder: str, hints: NameHints
) -> None:
    assert hints_from_name(folder, latest_year=LATEST) == hints


def test_latest_tax_year_is_next_year_by_default() -> None:
    assert latest_tax_year(datetime.date(2025, 1, 2)) == 2026
    assert year_in(str(datetime.date.today().year + 1)) == datetime.date.today().year + 1
    assert year_in(str(datetime.date.today().year + 2)) is None


@given(
    prefix=st.text(max_size=12),
    year=st.integers(MIN_YEAR, LATEST),
    before=st.integers(0, 9),
    after=st.integers(0, 9),
    digits_before=st.integers(0, 3),
    digits_after=st.integers(0, 3),
    suffix=st.text(max_size=12),
)
def test_a_year_is_never_read_from_a_longer_run_of_digits(
    prefix: str,
    year: int,
    before: int,
    after: int,
    digits_before: int,
    digits_after: int,
    suffix: str,
) -> None:
    if digits_before + digits_after == 0:
        digits_after = 1
    run = str(before) * digits_before + str(year) + str(after) * digits_after
    # Separate the run from the random text so no other digits join it.
    name = f"{_no_digits(prefix)} {run} {_no_digits(suffix)}"
    assert hints_from_name(name, latest_year=LATEST).year is None


@given(st.text(max_size=80))
def test_hints_never_raise_and_stay_in_range(name: str) -> None:
    hints = hints_from_file_name(name, latest_year=LATEST)
    assert hints.category is None or hints.category in DOCUMENT_CATEGORIES
    assert hints.year is None or MIN_YEAR <= hints.year <= LATEST


def _no_digits(text: str) -> str:
    return "".join("x" if char.isdigit() else char for char in text)
