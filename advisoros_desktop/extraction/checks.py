"""Cross-field checks (FIELDS.md): warnings a reviewer sees beside the fields.

A value read exactly can still be wrong on the document itself (a payroll
typo, an EIN with a prefix the IRS never assigns); these checks catch what
arithmetic and the identifier rules can. They run on every result, whatever
the source, and only report: nothing is changed or dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from decimal import Decimal

from advisoros_desktop.domain import validators
from advisoros_desktop.extraction.form_keys import KEYS
from advisoros_desktop.extraction.model import CheckResult
from advisoros_desktop.extraction.values import ValueKind

Values = Mapping[str, str | bool]

# Social security wage base by tax year (SSA).
SS_WAGE_BASE = {
    2019: Decimal("132900"),
    2020: Decimal("137700"),
    2021: Decimal("142800"),
    2022: Decimal("147000"),
    2023: Decimal("160200"),
    2024: Decimal("168600"),
    2025: Decimal("176100"),
    2026: Decimal("184500"),
}
SS_RATE = Decimal("0.062")
MEDICARE_RATE = Decimal("0.0145")
ADDITIONAL_MEDICARE_RATE = Decimal("0.009")
ADDITIONAL_MEDICARE_THRESHOLD = Decimal("200000")
# Payroll rounds per pay period, so a year's tax drifts a little from the rate.
TOLERANCE = Decimal("1.00")
_MONEY = re.compile(r"^-?\d+\.\d{2}$")

# The income a 1099's box 4 (backup withholding) is withheld from.
_1099_INCOME = {
    "1099-NEC": ("nonemployeeCompensation",),
    "1099-INT": ("interestIncome",),
    "1099-DIV": ("totalOrdinaryDividends", "totalCapitalGainDistributions"),
    "1099-MISC": ("rents", "royalties", "otherIncome", "fishingBoatProceeds", "medicalPayments"),
}


def run_checks(form_type: str, values: Values, today: dt.date | None = None) -> list[CheckResult]:
    """The checks ``values`` (key → canonical value) of a ``form_type`` fail."""
    failed = _unparseable_money(form_type, values) + _tax_year(values, today or dt.date.today())
    if form_type == "W-2":
        failed += _w2(values)
    elif form_type in _1099_INCOME:
        failed += _1099(form_type, values)
    return failed


def _money(values: Values, key: str) -> Decimal | None:
    value = values.get(key)
    if isinstance(value, str) and _MONEY.match(value):
        return Decimal(value)
    return None


def _sum(values: Values, keys: tuple[str, ...]) -> Decimal | None:
    found = [amount for key in keys if (amount := _money(values, key)) is not None]
    return sum(found, Decimal(0)) if found else None


def _show(amount: Decimal) -> str:
    return f"{amount.quantize(Decimal('0.01')):,}"


def _unparseable_money(form_type: str, values: Values) -> list[CheckResult]:
    kinds = KEYS.get(form_type, {})
    return [
        CheckResult(
            "money_unparseable",
            f"'{value}' is not an amount of money; read the box on the document.",
            (key,),
        )
        for key, value in values.items()
        if kinds.get(key) is ValueKind.MONEY
        and not (isinstance(value, str) and _MONEY.match(value))
    ]


def _tax_year(values: Values, today: dt.date) -> list[CheckResult]:
    year = values.get("taxYear")
    if year is None:
        return []
    latest = today.year + 1
    if isinstance(year, str) and year.isdigit() and 1990 <= int(year) <= latest:
        return []
    return [
        CheckResult(
            "tax_year_implausible",
            f"Tax year '{year}' is not plausible (1990 to {latest}).",
            ("taxYear",),
        )
    ]


def _identifier(
    values: Values, key: str, code: str, validate: Callable[[object], str], what: str
) -> list[CheckResult]:
    value = values.get(key)
    if not isinstance(value, str):
        return []
    try:
        validate(value)
    except ValueError as problem:
        return [CheckResult(code, f"{what}: {problem}.", (key,))]
    return []


def _exceeds(
    values: Values, taken: str, base_keys: tuple[str, ...], code: str, sentence: str
) -> list[CheckResult]:
    withheld, base = _money(values, taken), _sum(values, base_keys)
    if withheld is None or base is None or withheld <= base:
        return []
    message = sentence.format(withheld=_show(withheld), base=_show(base))
    return [CheckResult(code, message, (taken, *base_keys))]


def _w2(values: Values) -> list[CheckResult]:
    failed = _identifier(
        values, "employeeSsn", "invalid_ssn", validators.normalize_ssn, "Employee's SSN"
    )
    failed += _identifier(
        values, "employerEin", "invalid_ein", validators.normalize_ein, "Employer's EIN"
    )
    failed += _social_security(values) + _medicare(values)
    failed += _exceeds(
        values,
        "federalIncomeTaxWithheld",
        ("wagesAndTips",),
        "withholding_exceeds_wages",
        "Federal income tax withheld ({withheld}) is more than the wages in box 1 ({base}).",
    )
    failed += _exceeds(
        values,
        "stateIncomeTax",
        ("stateWages",),
        "state_tax_exceeds_state_wages",
        "State income tax ({withheld}) is more than the state wages in box 16 ({base}).",
    )
    failed += _exceeds(
        values,
        "localIncomeTax",
        ("localWages",),
        "local_tax_exceeds_local_wages",
        "Local income tax ({withheld}) is more than the local wages in box 18 ({base}).",
    )
    return failed


def _social_security(values: Values) -> list[CheckResult]:
    keys = ("socialSecurityWages", "socialSecurityTips")
    wages = _sum(values, keys)
    if wages is None:
        return []
    failed = []
    tax = _money(values, "socialSecurityTaxWithheld") or Decimal(0)
    expected = wages * SS_RATE
    if abs(tax - expected) > TOLERANCE:
        failed.append(
            CheckResult(
                "ss_tax_rate",
                f"Social security tax withheld ({_show(tax)}) is not 6.2 % of social security "
                f"wages and tips ({_show(wages)} × 6.2 % = {_show(expected)}).",
                ("socialSecurityTaxWithheld", *keys),
            )
        )
    year = values.get("taxYear")
    base = SS_WAGE_BASE.get(int(year)) if isinstance(year, str) and year.isdigit() else None
    if base is not None and wages > base:
        failed.append(
            CheckResult(
                "ss_wage_base",
                f"Social security wages and tips ({_show(wages)}) exceed the {year} wage base "
                f"({_show(base)}).",
                (*keys, "taxYear"),
            )
        )
    return failed


def _medicare(values: Values) -> list[CheckResult]:
    wages = _money(values, "medicareWages")
    if wages is None:
        return []
    tax = _money(values, "medicareTaxWithheld") or Decimal(0)
    expected = wages * MEDICARE_RATE + ADDITIONAL_MEDICARE_RATE * max(
        Decimal(0), wages - ADDITIONAL_MEDICARE_THRESHOLD
    )
    if tax >= expected - TOLERANCE:
        return []
    return [
        CheckResult(
            "medicare_rate",
            f"Medicare tax withheld ({_show(tax)}) is less than 1.45 % of Medicare wages "
            f"({_show(wages)}), plus 0.9 % above 200,000: at least {_show(expected)}.",
            ("medicareTaxWithheld", "medicareWages"),
        )
    ]


def _1099(form_type: str, values: Values) -> list[CheckResult]:
    failed = _identifier(values, "payerTin", "invalid_tin", validators.normalize_tin, "Payer's TIN")
    failed += _identifier(
        values, "recipientTin", "invalid_tin", validators.normalize_tin, "Recipient's TIN"
    )
    failed += _exceeds(
        values,
        "federalIncomeTaxWithheld",
        _1099_INCOME[form_type],
        "withholding_exceeds_income",
        "Federal income tax withheld ({withheld}) is more than the income it is withheld "
        "from ({base}).",
    )
    failed += _exceeds(
        values,
        "stateTaxWithheld",
        ("stateIncome",),
        "withholding_exceeds_income",
        "State tax withheld ({withheld}) is more than the state income ({base}).",
    )
    return failed
