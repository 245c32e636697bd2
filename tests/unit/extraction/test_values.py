"""Printed values become the canonical ones of FIELDS.md, whatever the print looked like."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisoros_desktop.extraction import values as v
from advisoros_desktop.extraction.values import ValueKind


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("52000", "52000.00"),
        ("52,000.00", "52000.00"),
        ("$ 1,234.5", "1234.50"),
        ("  22,321.06 ", "22321.06"),
        ("0.00", "0.00"),
        (".5", "0.50"),
        ("(12.50)", "-12.50"),
        ("12.50-", "-12.50"),
        ("-3", "-3.00"),
    ],
)
def test_money_is_two_decimals_without_symbols(raw: str, clean: str) -> None:
    assert v.normalize_money(raw) == v.Normalised(clean)


@pytest.mark.parametrize("raw", ["", "abc", "12.345", "1.2.3", "1,2x", "$", "9" * 20])
def test_money_that_is_not_money_is_kept_as_printed(raw: str) -> None:
    found = v.normalize_money(raw)
    assert not found.ok and found.value == v.collapse(raw)


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False))
def test_money_round_trips_with_thousands_commas(amount: Decimal) -> None:
    printed = f"${amount:,.2f}"
    assert v.normalize_money(printed).value == f"{amount:.2f}"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("785-44-5287", "785-44-5287"),
        ("785 44 5287", "785-44-5287"),
        ("785445287", "785-44-5287"),
        ("XXX-XX-5287", "XXX-XX-5287"),
        ("xxx xx 5287", "XXX-XX-5287"),
        ("***-**-5287", "XXX-XX-5287"),
    ],
)
def test_ssn_dashes_normalised_and_masks_kept(raw: str, clean: str) -> None:
    assert v.normalize_ssn(raw) == v.Normalised(clean)


def test_ssn_with_stray_characters_is_repaired_and_says_so() -> None:
    assert v.normalize_ssn("SSN: 785-44-5287") == v.Normalised("785-44-5287", repaired=True)


def test_ssn_of_the_wrong_length_is_kept_as_printed() -> None:
    assert v.normalize_ssn("785-44-528") == v.Normalised("785-44-528", ok=False)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [("47-7197406", "47-7197406"), ("47 7197406", "47-7197406"), ("477197406", "47-7197406")],
)
def test_ein_normalised(raw: str, clean: str) -> None:
    assert v.normalize_ein(raw).value == clean


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("33-5088879", "33-5088879"),
        ("083-01-9694", "083-01-9694"),
        ("083 01 9694", "083-01-9694"),
        ("33 5088879", "33-5088879"),
        ("XXX-XX-7827", "XXX-XX-7827"),
        ("335088879", "335088879"),  # nine bare digits: EIN or SSN, the print does not say
    ],
)
def test_tin_keeps_its_printed_grouping(raw: str, clean: str) -> None:
    assert v.normalize_tin(raw).value == clean


@pytest.mark.parametrize(
    ("raw", "checked"),
    [("/1", True), ("/Yes", True), ("/Off", False), (None, False), ("", False), ("X", True)],
)
def test_check_boxes_are_booleans(raw: str | None, checked: bool) -> None:
    assert v.normalize_check_box(raw).value is checked


@pytest.mark.parametrize(
    ("raw", "day_first", "clean"),
    [
        ("2025-04-15", False, "2025-04-15"),
        ("04/15/2025", False, "2025-04-15"),
        ("15/04/2025", True, "2025-04-15"),
        ("15.04.25", True, "2025-04-15"),
        ("April 15, 2025", False, "2025-04-15"),
        ("15 Apr 2025", False, "2025-04-15"),
    ],
)
def test_dates(raw: str, day_first: bool, clean: str) -> None:
    assert v.normalize_date(raw, day_first=day_first) == v.Normalised(clean)


@pytest.mark.parametrize("raw", ["13/13/2025", "2025-02-30", "soon", ""])
def test_impossible_dates_are_kept_as_printed(raw: str) -> None:
    assert not v.normalize_date(raw).ok


def test_names_and_addresses_collapse_white_space_and_join_lines() -> None:
    assert v.normalize(ValueKind.TEXT, "  SOPHIA   ROBERTS ").value == "SOPHIA ROBERTS"
    assert (
        v.normalize(ValueKind.LINES, "1971 HARBOR AVE  # 197\r\n\n BUFFALO, NY 14216 ").value
        == "1971 HARBOR AVE # 197, BUFFALO, NY 14216"
    )


def test_a_combined_box_splits_into_name_and_address_without_the_telephone() -> None:
    box = "KINGSBURY INVESTMENTS LLC\n2719 POPLAR ROAD\nORLANDO, FL 32803-1335\n(213) 555-0168"
    assert v.split_name_and_address(box) == (
        "KINGSBURY INVESTMENTS LLC",
        "2719 POPLAR ROAD, ORLANDO, FL 32803-1335",
        True,
    )
    assert v.split_name_and_address("Acme Inc\n1 Main St\nBoston, MA 02116") == (
        "Acme Inc",
        "1 Main St, Boston, MA 02116",
        False,
    )
    assert v.split_name_and_address(" \n ") == ("", "", False)


@pytest.mark.parametrize(
    "line",
    ["(213) 555-0168", "213-555-0168", "Tel: 213.555.0168", "+1 213 555 0168", "Phone 2135550168"],
)
def test_telephone_lines(line: str) -> None:
    assert v.is_telephone_line(line)


@pytest.mark.parametrize("line", ["ORLANDO, FL 32803-1335", "2719 POPLAR ROAD", "PO Box 5550168"])
def test_address_lines_are_not_telephones(line: str) -> None:
    assert not v.is_telephone_line(line)


def test_codes_are_upper_case_and_years_four_digits() -> None:
    assert v.normalize(ValueKind.CODE, " dd ").value == "DD"
    assert v.normalize(ValueKind.YEAR, "2026") == v.Normalised("2026")
    assert not v.normalize(ValueKind.YEAR, "26").ok


@given(st.text())
def test_no_printed_text_makes_a_normaliser_fail(raw: str) -> None:
    for kind in ValueKind:
        found = v.normalize(kind, raw)
        assert isinstance(found.value, (str, bool))
