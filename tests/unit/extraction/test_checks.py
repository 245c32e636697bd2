"""Each FIELDS.md check fails on the inconsistency it is for, and only then."""

from __future__ import annotations

import datetime as dt

import pytest

from advisoros_desktop.extraction.checks import run_checks

TODAY = dt.date(2026, 3, 1)

W2 = {
    "taxYear": "2026",
    "employeeSsn": "785-44-5287",
    "employerEin": "47-7197406",
    "wagesAndTips": "22321.06",
    "federalIncomeTaxWithheld": "1845.11",
    "socialSecurityWages": "23382.05",
    "socialSecurityTaxWithheld": "1449.69",
    "medicareWages": "23382.05",
    "medicareTaxWithheld": "339.04",
    "retirementPlan": True,
    "stateWages": "22321.06",
    "stateIncomeTax": "1139.95",
}
NEC = {
    "taxYear": "2025",
    "payerTin": "87-4986457",
    "recipientTin": "XXX-XX-7827",
    "nonemployeeCompensation": "5340.98",
    "federalIncomeTaxWithheld": "1281.84",
    "stateTaxWithheld": "108.03",
    "stateIncome": "1887.56",
}


def codes(form_type: str, values: dict[str, str | bool]) -> list[str]:
    return [check.code for check in run_checks(form_type, values, TODAY)]


def test_consistent_forms_pass_every_check() -> None:
    assert codes("W-2", W2) == []
    assert codes("1099-NEC", NEC) == []


@pytest.mark.parametrize(
    ("change", "code", "keys"),
    [
        ({"socialSecurityTaxWithheld": "1500.00"}, "ss_tax_rate", "socialSecurityTaxWithheld"),
        ({"medicareTaxWithheld": "300.00"}, "medicare_rate", "medicareTaxWithheld"),
        (
            {
                "socialSecurityWages": "190000.00",
                "socialSecurityTaxWithheld": "11780.00",
                "medicareWages": "190000.00",
                "medicareTaxWithheld": "2755.00",
            },
            "ss_wage_base",
            "socialSecurityWages",
        ),
        ({"federalIncomeTaxWithheld": "30000.00"}, "withholding_exceeds_wages", "wagesAndTips"),
        ({"stateIncomeTax": "30000.00"}, "state_tax_exceeds_state_wages", "stateWages"),
        ({"employeeSsn": "666-44-5287"}, "invalid_ssn", "employeeSsn"),
        ({"employerEin": "19-2475402"}, "invalid_ein", "employerEin"),
        ({"wagesAndTips": "22,321.O6"}, "money_unparseable", "wagesAndTips"),
        ({"taxYear": "1989"}, "tax_year_implausible", "taxYear"),
        ({"taxYear": "2028"}, "tax_year_implausible", "taxYear"),
    ],
)
def test_each_w2_check_names_its_fields(change: dict[str, str], code: str, keys: str) -> None:
    failed = run_checks("W-2", {**W2, **change}, TODAY)
    assert [check.code for check in failed] == [code]
    assert keys in failed[0].fields and failed[0].severity == "warning" and failed[0].message


def test_medicare_includes_the_additional_tax_above_200000() -> None:
    high = {
        "taxYear": "2026",
        "medicareWages": "325729.65",
        "medicareTaxWithheld": "5854.65",
        "socialSecurityWages": "184500.00",
        "socialSecurityTaxWithheld": "11439.00",
    }
    assert codes("W-2", high) == []
    assert codes("W-2", {**high, "medicareTaxWithheld": "4723.08"}) == ["medicare_rate"]


def test_masked_ssn_passes() -> None:
    assert codes("W-2", {**W2, "employeeSsn": "XXX-XX-5287"}) == []


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"payerTin": "18-2666599"}, "invalid_tin"),
        ({"recipientTin": "000-12-3456"}, "invalid_tin"),
        ({"federalIncomeTaxWithheld": "6000.00"}, "withholding_exceeds_income"),
        ({"stateTaxWithheld": "2000.00"}, "withholding_exceeds_income"),
    ],
)
def test_each_1099_check(change: dict[str, str], code: str) -> None:
    assert codes("1099-NEC", {**NEC, **change}) == [code]


def test_1099_int_withholding_is_compared_with_interest_income() -> None:
    values = {"interestIncome": "2548.06", "federalIncomeTaxWithheld": "2885.46"}
    assert codes("1099-INT", values) == ["withholding_exceeds_income"]


def test_misc_withholding_is_compared_with_all_its_income_boxes() -> None:
    values = {"rents": "1000.00", "royalties": "4000.00", "federalIncomeTaxWithheld": "1200.00"}
    assert codes("1099-MISC", values) == []


def test_absent_boxes_are_not_checked() -> None:
    assert codes("W-2", {"taxYear": "2026"}) == []
    assert codes("invoice", {"totalAmount": "12.00"}) == []
