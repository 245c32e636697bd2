"""Which AcroForm field of each official IRS form holds which canonical key.

The IRS's fillable PDFs name their fields ``f2_09[0]`` and the like, with no
tooltips, so the meaning of each field was assigned from its position under
the printed box labels (Copy B page). The leaf numbers are the same on every
copy of a form (Copy A says ``f1_``, the others ``f2_``), but they change
between revisions, which is why each box also records where its widget sits
(top-left corner of ``/Rect``, PDF points): a field found elsewhere on the
page belongs to another revision and is not trusted as if it were this one.

Only the boxes with a FIELDS.md key are listed; second state rows and boxes
without a key (W-2 box 9 and 14b, 1099-INT RTN, CUSIP, ...) are not.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from advisoros_desktop.extraction.values import ValueKind as K


@dataclass(frozen=True)
class FormBox:
    """One field of an IRS form and the key it fills.

    Boxes sharing a key with different ``part`` numbers make one value
    together (the W-2's three name fields, the 1099 recipient's street and
    city lines). A combined name/address box fills ``key`` with its first
    line and ``address_key`` with the rest.
    """

    leaf: str
    key: str
    label: str
    kind: K
    top_left: tuple[float, float]
    part: int = 0
    address_key: str | None = None


@dataclass(frozen=True)
class IrsFormLayout:
    form_type: str
    revision: str
    boxes: tuple[FormBox, ...]
    _by_leaf: dict[str, FormBox] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_leaf", {box.leaf: box for box in self.boxes})

    def box(self, leaf: str) -> FormBox | None:
        return self._by_leaf.get(leaf)


M = K.MONEY
_PAYER_BOX = (
    "PAYER'S name, street address, city or town, state or province, country, "
    "ZIP or foreign postal code, and telephone no."
)
_RECIPIENT_ADDRESS = "Street address (including apt. no.); city or town, state, and ZIP code"
_EMPLOYEE_NAME = "Employee's first name and initial, last name, suffix"

W2_2026 = IrsFormLayout(
    "W-2",
    "2026",
    (
        FormBox("f_01", "employeeSsn", "Employee's social security number", K.SSN, (153.2, 744.0)),
        FormBox(
            "f_02", "employerEin", "Employer identification number (EIN)", K.EIN, (38.0, 720.0)
        ),
        FormBox(
            "f_03",
            "employerName",
            "Employer's name, address, and ZIP code",
            K.LINES,
            (38.0, 696.0),
            address_key="employerAddress",
        ),
        FormBox("f_04", "controlNumber", "Control number", K.TEXT, (38.0, 624.0)),
        FormBox("f_05", "employeeName", _EMPLOYEE_NAME, K.TEXT, (38.0, 600.0), part=0),
        FormBox("f_06", "employeeName", _EMPLOYEE_NAME, K.TEXT, (173.8, 600.0), part=1),
        FormBox("f_07", "employeeName", _EMPLOYEE_NAME, K.TEXT, (310.6, 600.0), part=2),
        FormBox(
            "f_08", "employeeAddress", "Employee's address and ZIP code", K.LINES, (38.0, 586.0)
        ),
        FormBox("f_09", "wagesAndTips", "Wages, tips, other compensation", M, (333.2, 720.0)),
        FormBox(
            "f_10", "federalIncomeTaxWithheld", "Federal income tax withheld", M, (455.6, 720.0)
        ),
        FormBox("f_11", "socialSecurityWages", "Social security wages", M, (332.2, 696.0)),
        FormBox(
            "f_12", "socialSecurityTaxWithheld", "Social security tax withheld", M, (454.6, 696.0)
        ),
        FormBox("f_13", "medicareWages", "Medicare wages and tips", M, (332.2, 672.0)),
        FormBox("f_14", "medicareTaxWithheld", "Medicare tax withheld", M, (454.6, 672.0)),
        FormBox("f_15", "socialSecurityTips", "Social security tips", M, (332.2, 648.0)),
        FormBox("f_16", "allocatedTips", "Allocated tips", M, (454.6, 648.0)),
        FormBox("f_18", "dependentCareBenefits", "Dependent care benefits", M, (454.6, 624.0)),
        FormBox("f_19", "nonqualifiedPlans", "Nonqualified plans", M, (332.2, 612.0)),
        FormBox("f_20", "box12aCode", "Box 12a code", K.CODE, (462.8, 600.0)),
        FormBox("f_21", "box12aAmount", "Box 12a amount", M, (490.6, 600.0)),
        FormBox("f_22", "box12bCode", "Box 12b code", K.CODE, (462.8, 576.0)),
        FormBox("f_23", "box12bAmount", "Box 12b amount", M, (490.6, 576.0)),
        FormBox("f_24", "box12cCode", "Box 12c code", K.CODE, (462.8, 552.0)),
        FormBox("f_25", "box12cAmount", "Box 12c amount", M, (490.6, 552.0)),
        FormBox("f_26", "box12dCode", "Box 12d code", K.CODE, (462.8, 528.0)),
        FormBox("f_27", "box12dAmount", "Box 12d amount", M, (490.6, 528.0)),
        FormBox("c_2", "statutoryEmployee", "Statutory employee", K.CHECK_BOX, (348.6, 587.7)),
        FormBox("c_3", "retirementPlan", "Retirement plan", K.CHECK_BOX, (384.6, 587.7)),
        FormBox("c_4", "thirdPartySickPay", "Third-party sick pay", K.CHECK_BOX, (420.6, 588.0)),
        FormBox("f_28", "other", "Other", K.LINES, (332.2, 564.0)),
        FormBox("f_31", "state", "State", K.CODE, (38.0, 492.0)),
        FormBox("f_32", "stateEmployerId", "Employer's state ID number", K.TEXT, (65.8, 492.0)),
        FormBox("f_35", "stateWages", "State wages, tips, etc.", M, (195.4, 492.0)),
        FormBox("f_37", "stateIncomeTax", "State income tax", M, (281.8, 492.0)),
        FormBox("f_39", "localWages", "Local wages, tips, etc.", M, (361.0, 492.0)),
        FormBox("f_41", "localIncomeTax", "Local income tax", M, (447.4, 492.0)),
        FormBox("f_43", "locality", "Locality name", K.TEXT, (526.6, 492.0)),
    ),
)


def _payer_recipient(
    year: tuple[str, tuple[float, float]],
    payer: tuple[str, tuple[float, float]],
    payer_tin: tuple[str, tuple[float, float]],
    recipient_tin: tuple[str, tuple[float, float]],
    recipient_name: tuple[str, tuple[float, float]],
    street: tuple[str, tuple[float, float]],
    city: tuple[str, tuple[float, float]],
    account: tuple[str, tuple[float, float]],
) -> tuple[FormBox, ...]:
    """The boxes every 1099 shares, at the leaves and places of one form."""
    return (
        FormBox(year[0], "taxYear", "For calendar year", K.YEAR, year[1]),
        FormBox(payer[0], "payerName", _PAYER_BOX, K.LINES, payer[1], address_key="payerAddress"),
        FormBox(payer_tin[0], "payerTin", "PAYER'S TIN", K.TIN, payer_tin[1]),
        FormBox(recipient_tin[0], "recipientTin", "RECIPIENT'S TIN", K.TIN, recipient_tin[1]),
        FormBox(recipient_name[0], "recipientName", "RECIPIENT'S name", K.TEXT, recipient_name[1]),
        FormBox(street[0], "recipientAddress", _RECIPIENT_ADDRESS, K.LINES, street[1], part=0),
        FormBox(city[0], "recipientAddress", _RECIPIENT_ADDRESS, K.LINES, city[1], part=1),
        FormBox(
            account[0], "accountNumber", "Account number (see instructions)", K.TEXT, account[1]
        ),
    )


NEC_2025 = IrsFormLayout(
    "1099-NEC",
    "Rev. April 2025",
    (
        *_payer_recipient(
            ("f_1", (417.6, 696.0)),
            ("f_2", (52.4, 732.0)),
            ("f_3", (50.4, 674.0)),
            ("f_4", (172.8, 674.0)),
            ("f_5", (52.4, 650.0)),
            ("f_6", (52.4, 614.0)),
            ("f_7", (52.4, 590.0)),
            ("f_8", (50.4, 566.0)),
        ),
        FormBox("f_9", "nonemployeeCompensation", "Nonemployee compensation", M, (302.4, 672.0)),
        FormBox(
            "c_3",
            "directSales",
            "Payer made direct sales totaling $5,000 or more of consumer products "
            "to recipient for resale",
            K.CHECK_BOX,
            (485.8, 652.0),
        ),
        FormBox(
            "f_11", "federalIncomeTaxWithheld", "Federal income tax withheld", M, (302.4, 600.0)
        ),
        FormBox("f_12", "stateTaxWithheld", "State tax withheld", M, (302.4, 576.0)),
        FormBox("f_14", "statePayerNumber", "State/Payer's state no.", K.TEXT, (374.4, 576.0)),
        FormBox("f_16", "stateIncome", "State income", M, (504.0, 576.0)),
    ),
)

INT_2024 = IrsFormLayout(
    "1099-INT",
    "Rev. January 2024",
    (
        *_payer_recipient(
            ("CalendarYear_1", (432.0, 696.0)),
            ("f_1", (52.4, 736.0)),
            ("f_2", (52.4, 650.0)),
            ("f_3", (173.8, 650.0)),
            ("f_4", (52.4, 602.0)),
            ("f_5", (52.4, 566.0)),
            ("f_6", (52.4, 530.0)),
            ("f_7", (52.4, 458.0)),
        ),
        FormBox("f_9", "interestIncome", "Interest income", M, (302.4, 696.0)),
        FormBox("f_10", "earlyWithdrawalPenalty", "Early withdrawal penalty", M, (302.4, 660.0)),
        FormBox(
            "f_11",
            "usSavingsBondInterest",
            "Interest on U.S. Savings Bonds and Treasury obligations",
            M,
            (302.4, 624.0),
        ),
        FormBox(
            "f_12", "federalIncomeTaxWithheld", "Federal income tax withheld", M, (302.4, 600.0)
        ),
        FormBox("f_13", "investmentExpenses", "Investment expenses", M, (403.2, 600.0)),
        FormBox("f_14", "foreignTaxPaid", "Foreign tax paid", M, (302.4, 576.0)),
        FormBox("f_16", "taxExemptInterest", "Tax-exempt interest", M, (302.4, 540.0)),
        FormBox("f_25", "statePayerNumber", "State identification no.", K.TEXT, (425.8, 456.0)),
        FormBox("f_27", "stateTaxWithheld", "State tax withheld", M, (504.0, 456.0)),
    ),
)

DIV_2024 = IrsFormLayout(
    "1099-DIV",
    "Rev. January 2024",
    (
        *_payer_recipient(
            ("f_1", (417.6, 696.0)),
            ("f_2", (52.4, 736.0)),
            ("f_3", (50.4, 650.0)),
            ("f_4", (172.8, 650.0)),
            ("f_5", (52.4, 602.0)),
            ("f_6", (52.4, 566.0)),
            ("f_7", (52.4, 530.0)),
            ("f_8", (50.4, 458.0)),
        ),
        FormBox("f_9", "totalOrdinaryDividends", "Total ordinary dividends", M, (305.2, 732.0)),
        FormBox("f_10", "qualifiedDividends", "Qualified dividends", M, (305.2, 696.0)),
        FormBox(
            "f_11",
            "totalCapitalGainDistributions",
            "Total capital gain distr.",
            M,
            (305.2, 672.0),
        ),
        FormBox("f_17", "nondividendDistributions", "Nondividend distributions", M, (305.2, 600.0)),
        FormBox(
            "f_18", "federalIncomeTaxWithheld", "Federal income tax withheld", M, (406.0, 600.0)
        ),
        FormBox("f_19", "section199aDividends", "Section 199A dividends", M, (305.2, 576.0)),
        FormBox("f_21", "foreignTaxPaid", "Foreign tax paid", M, (305.2, 540.0)),
        FormBox("f_29", "statePayerNumber", "State identification no.", K.TEXT, (331.2, 458.0)),
        FormBox("f_31", "stateTaxWithheld", "State tax withheld", M, (406.0, 456.0)),
    ),
)

MISC_2025 = IrsFormLayout(
    "1099-MISC",
    "Rev. April 2025",
    (
        *_payer_recipient(
            ("f_1", (417.6, 696.0)),
            ("f_2", (52.4, 732.0)),
            ("f_3", (50.4, 648.0)),
            ("f_4", (172.8, 648.0)),
            ("f_5", (52.4, 600.0)),
            ("f_6", (52.4, 564.0)),
            ("f_7", (52.4, 528.0)),
            ("f_8", (50.4, 456.0)),
        ),
        FormBox("f_9", "rents", "Rents", M, (309.6, 732.0)),
        FormBox("f_10", "royalties", "Royalties", M, (309.6, 696.0)),
        FormBox("f_11", "otherIncome", "Other income", M, (309.6, 672.0)),
        FormBox(
            "f_12", "federalIncomeTaxWithheld", "Federal income tax withheld", M, (410.4, 672.0)
        ),
        FormBox("f_13", "fishingBoatProceeds", "Fishing boat proceeds", M, (309.6, 624.0)),
        FormBox("f_14", "medicalPayments", "Medical and health care payments", M, (410.4, 624.0)),
        FormBox("f_22", "stateTaxWithheld", "State tax withheld", M, (309.6, 456.0)),
        FormBox("f_24", "statePayerNumber", "State/Payer's state no.", K.TEXT, (396.0, 456.0)),
        FormBox("f_26", "stateIncome", "State income", M, (511.2, 456.0)),
    ),
)

LAYOUTS: tuple[IrsFormLayout, ...] = (W2_2026, NEC_2025, INT_2024, DIV_2024, MISC_2025)
