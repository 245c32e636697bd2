"""Validators accept what accountants type and refuse the rest with a reason."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisoros_desktop.domain import validators as v
from advisoros_desktop.domain.ids import is_valid_id, new_id


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("123-45-6789", "123-45-6789"),
        ("123 45 6789", "123-45-6789"),
        ("123456789", "123-45-6789"),
        ("xxx-xx-6789", "XXX-XX-6789"),
        ("***-**-6789", "XXX-XX-6789"),
    ],
)
def test_ssn_normalised(raw: str, clean: str) -> None:
    assert v.normalize_ssn(raw) == clean


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("000-12-3456", "area 000"),
        ("666-12-3456", "area 666"),
        ("912-12-3456", "area 912"),
        ("123-00-4567", "group 00"),
        ("123-45-0000", "serial 0000"),
        ("12-345", "nine digits"),
    ],
)
def test_ssn_refused_with_reason(raw: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        v.normalize_ssn(raw)


def test_ein_prefix_must_be_assigned() -> None:
    assert v.normalize_ein("123456789") == "12-3456789"
    with pytest.raises(ValueError, match="prefix 07"):
        v.normalize_ein("07-1234567")


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("52,000.00", "52000.00"),
        ("$1,234.5", "1234.50"),
        (1234, "1234.00"),
        ("(12.00)", "-12.00"),
    ],
)
def test_money(raw: object, clean: str) -> None:
    assert v.normalize_money(raw) == clean


@pytest.mark.parametrize("raw", ["12.345", "abc", None, True, "1e400"])
def test_money_refused(raw: object) -> None:
    with pytest.raises(ValueError):
        v.normalize_money(raw)


def test_dates_years_email_phone() -> None:
    assert v.normalize_date("2025-04-15") == "2025-04-15"
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        v.normalize_date("15/04/2025")
    assert v.normalize_year("2025", today=dt.date(2026, 1, 1)) == 2025
    with pytest.raises(ValueError, match="plausible"):
        v.normalize_year(2030, today=dt.date(2026, 1, 1))
    assert v.normalize_email(" a.b@example.com ") == "a.b@example.com"
    with pytest.raises(ValueError, match="not a valid email"):
        v.normalize_email("bob@")
    assert v.normalize_phone("(512) 555-0142") == "(512) 555-0142"
    with pytest.raises(ValueError):
        v.normalize_phone("call me")


def test_text_collapses_white_space_and_refuses_nul() -> None:
    assert v.normalize_text("  Acme \n  LLC ") == "Acme LLC"
    with pytest.raises(ValueError, match="NUL"):
        v.normalize_text("a\x00b")


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=2))
def test_money_round_trips(amount: object) -> None:
    assert v.normalize_money(v.normalize_money(str(amount))) == v.normalize_money(str(amount))


def test_ids_are_uuid7_and_ordered() -> None:
    ids = [new_id() for _ in range(200)]
    assert all(is_valid_id(i) and i[14] == "7" for i in ids)
    assert len(set(ids)) == 200
    assert not is_valid_id("not-an-id") and not is_valid_id("A" * 36)
