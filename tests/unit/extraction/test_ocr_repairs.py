"""OCR's misreadings are undone only where the box's kind leaves one meaning, and say so."""

from __future__ import annotations

import pytest

from advisoros_desktop.extraction.ocr_repairs import (
    box_12_code,
    repair_identifier,
    repair_money,
    repair_year,
    state_code,
    without_rules,
)
from advisoros_desktop.extraction.values import Normalised


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("1O,845.l1", "10845.11"),
        ("22,32l.06", "22321.06"),
        ("1S45.11", "1545.11"),
        ("MeeState702.02", "702.02"),
        ("2885.46}$", "2885.46"),
        ("1.845,11", "1845.11"),
    ],
)
def test_confused_amounts_are_repaired_and_say_so(raw: str, value: str) -> None:
    assert repair_money(raw) == Normalised(value, repaired=True)


def test_a_box_rule_beside_an_amount_is_no_repair() -> None:
    assert repair_money("66014.52|") == Normalised("66014.52")
    assert repair_money("| 6,549.71 )") == Normalised("6549.71")
    assert repair_money("52,000.00") == Normalised("52000.00")


def test_what_is_no_amount_stays_as_read() -> None:
    assert repair_money("Kestrel") == Normalised("Kestrel", ok=False)
    assert repair_money("|").ok is False


def test_identifiers() -> None:
    assert repair_identifier("785-44-5287", "ssn") == Normalised("785-44-5287")
    assert repair_identifier("785-44-S287", "ssn") == Normalised("785-44-5287", repaired=True)
    assert repair_identifier("4l-7197406", "ein") == Normalised("41-7197406", repaired=True)
    assert repair_identifier("XXX-XX-52O7", "ssn") == Normalised("XXX-XX-5207", repaired=True)
    assert repair_identifier("18-2666599", "tin") == Normalised("18-2666599")
    assert repair_identifier("Isabella", "ssn").ok is False


def test_years_among_the_forms_rules() -> None:
    assert repair_year("2025") == Normalised("2025")
    assert repair_year("—2025 _") == Normalised("2025")
    assert repair_year("20 2025").ok is True
    assert repair_year("2024 2025").ok is False


@pytest.mark.parametrize(
    ("raw", "code", "repaired"),
    [
        ("D", "D", False),
        ("DD", "DD", False),
        ("W |", "W", False),
        ("pp |", "DD", True),
        ("0D", "DD", True),
        ("Ww", "W", True),
        ("AA", "AA", False),
    ],
)
def test_box_12_codes_are_the_irs_codes(raw: str, code: str, repaired: bool) -> None:
    assert box_12_code(raw) == Normalised(code, repaired=repaired)


def test_a_reading_that_is_no_box_12_code_is_not_passed_on_as_one() -> None:
    assert box_12_code("ex").ok is False
    assert box_12_code("ee") == Normalised("EE", repaired=True)  # codes print in capitals
    assert box_12_code("I").ok is False  # there is no code I


def test_state_codes() -> None:
    assert state_code("NY") == Normalised("NY")
    assert state_code("Ml") == Normalised("MI", repaired=True)
    assert state_code("mals]").ok is False


def test_rules_read_as_characters_are_dropped() -> None:
    assert without_rules("| DETROIT") == "DETROIT"
    assert without_rules("CASDI 773.13 |") == "CASDI 773.13"
    assert without_rules("1971 HARBOR AVE # 197") == "1971 HARBOR AVE # 197"
