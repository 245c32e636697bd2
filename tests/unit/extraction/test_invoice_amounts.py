"""Amounts in any of the usual conventions; currencies from what is printed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from advisoros_desktop.extraction.invoice_amounts import (
    amounts_after,
    currency_of,
    page_currency,
    parse_amount,
)
from advisoros_desktop.extraction.page_words import Word


def words(*texts: str) -> list[Word]:
    return [Word(text, 10.0 * i, 0, 10.0 * i + 8, 8) for i, text in enumerate(texts)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("$4.11", "4.11"),
        ("1,234.56", "1234.56"),
        ("1.234,56", "1234.56"),
        ("56,02", "56.02"),
        ("-9,32", "-9.32"),
        ("(12.50)", "-12.50"),
        ("Rs1939", "1939"),
        ("1,939", "1939"),
    ],
)
def test_amounts_in_either_convention(text: str, value: str) -> None:
    parsed = parse_amount(text)
    assert parsed is not None and parsed[0] == Decimal(value)


@pytest.mark.parametrize("text", ["15%", "NL810433941B01", "1.234.56", "abc"])
def test_what_is_not_an_amount(text: str) -> None:
    assert parse_amount(text) is None


def test_a_year_or_a_quantity_is_not_taken_for_the_total() -> None:
    found = amounts_after(words("ON", "August", "3", ",", "2014", "$4.11"))
    assert [str(a.value) for a in found] == ["4.11"]
    assert [str(a.value) for a in amounts_after(words("Rs", "1939"))] == ["1939.00"]
    # A second column on the same line is not read.
    column = amounts_after(words("€", "717,97", "iDEAL", "op", "€", "9,32"))
    assert [str(a.value) for a in column] == ["717.97"]


def test_currencies_from_codes_and_symbols() -> None:
    assert currency_of("EUR") is not None and currency_of("EUR").code == "EUR"  # type: ignore[union-attr]
    assert currency_of("€").confidence >= 0.9  # type: ignore[union-attr]
    dollar = currency_of("$4.11")
    assert dollar is not None and dollar.code == "USD" and dollar.confidence < 0.9
    assert currency_of("Rest") is None and currency_of("Total") is None
    page = page_currency(words("Rs", "-40.00", "€"))
    assert page is not None and page.code == "INR"
