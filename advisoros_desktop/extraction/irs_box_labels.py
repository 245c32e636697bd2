"""The box labels IRS forms print, as payroll and 1099 software prints them too.

When a W-2 or 1099 is drawn on a layout of the software's own (boxes moved,
resized, reordered), the only thing left that says which value is which is
the label printed in each box: "1 Wages, tips, other compensation",
"b Employer identification number (EIN)". This lists, for each box of
``irs_form_fields`` (its key, kind and combined name/address rule), the
box number and the wordings printed for it; ``label_matching`` finds them
on a page and ``labelled_text_source`` reads the value each one labels.
"""

from __future__ import annotations

from dataclasses import dataclass

from advisoros_desktop.extraction.irs_form_fields import LAYOUTS, FormBox
from advisoros_desktop.extraction.values import ValueKind


@dataclass(frozen=True)
class LabelledBox:
    """One box as printed: the field it fills, its number and the wordings of its label.

    ``number_required``: the wording is shared by several boxes (W-2 box 12a-d
    all say "See instructions for box 12"), so only the number tells them
    apart. ``amount_box``: box 12 holds a code and an amount side by side.
    """

    box: FormBox
    number: str | None
    phrases: tuple[str, ...]
    number_required: bool = False
    amount_box: FormBox | None = None

    @property
    def is_check_box(self) -> bool:
        return self.box.kind is ValueKind.CHECK_BOX


_Printed = tuple[str | None, tuple[str, ...]]
_STREET = "Street address (including apt. no.)"
_CITY = "City or town, state or province, country, and ZIP or foreign postal code"
_PAYER = (
    "PAYER'S name, street address, city or town, state or province, country, "
    "ZIP or foreign postal code, and telephone no."
)
_DIRECT_SALES = (
    "Payer made direct sales totaling $5,000 or more of consumer products to recipient for resale"
)
_FEDERAL = "Federal income tax withheld"

_W2: dict[tuple[str, int], _Printed] = {
    ("employeeSsn", 0): ("a", ("Employee's social security number", "Employee's SSN")),
    ("employerEin", 0): (
        "b",
        ("Employer identification number (EIN)", "Employer's identification number"),
    ),
    ("employerName", 0): ("c", ("Employer's name, address, and ZIP code",)),
    ("controlNumber", 0): ("d", ("Control number",)),
    ("employeeName", 0): (
        "e",
        ("Employee's first name and initial", "Employee's name", "Employee's first name"),
    ),
    ("employeeName", 1): (None, ("Last name",)),
    ("employeeName", 2): (None, ("Suff.", "Suffix")),
    ("employeeAddress", 0): ("f", ("Employee's address and ZIP code", "Employee's address")),
    ("wagesAndTips", 0): ("1", ("Wages, tips, other compensation",)),
    ("federalIncomeTaxWithheld", 0): ("2", (_FEDERAL,)),
    ("socialSecurityWages", 0): ("3", ("Social security wages",)),
    ("socialSecurityTaxWithheld", 0): ("4", ("Social security tax withheld",)),
    ("medicareWages", 0): ("5", ("Medicare wages and tips",)),
    ("medicareTaxWithheld", 0): ("6", ("Medicare tax withheld",)),
    ("socialSecurityTips", 0): ("7", ("Social security tips",)),
    ("allocatedTips", 0): ("8", ("Allocated tips",)),
    ("dependentCareBenefits", 0): ("10", ("Dependent care benefits",)),
    ("nonqualifiedPlans", 0): ("11", ("Nonqualified plans",)),
    ("statutoryEmployee", 0): (None, ("Statutory employee",)),
    ("retirementPlan", 0): (None, ("Retirement plan",)),
    ("thirdPartySickPay", 0): (None, ("Third-party sick pay", "Third party sick pay")),
    ("other", 0): ("14", ("Other",)),
    ("state", 0): ("15", ("State",)),
    ("stateEmployerId", 0): (None, ("Employer's state ID number", "Employer's state ID no.")),
    ("stateWages", 0): ("16", ("State wages, tips, etc.",)),
    ("stateIncomeTax", 0): ("17", ("State income tax",)),
    ("localWages", 0): ("18", ("Local wages, tips, etc.",)),
    ("localIncomeTax", 0): ("19", ("Local income tax",)),
    ("locality", 0): ("20", ("Locality name",)),
}

_1099: dict[tuple[str, int], _Printed] = {
    ("taxYear", 0): (None, ("For calendar year",)),
    ("payerName", 0): (None, (_PAYER, "PAYER'S name and address")),
    ("payerTin", 0): (None, ("PAYER'S TIN", "PAYER'S federal identification number")),
    ("recipientTin", 0): (None, ("RECIPIENT'S TIN", "RECIPIENT'S identification number")),
    ("recipientName", 0): (None, ("RECIPIENT'S name",)),
    ("recipientAddress", 0): (None, (_STREET, "Street address")),
    ("recipientAddress", 1): (None, (_CITY, "City or town, state, and ZIP code")),
    ("accountNumber", 0): (None, ("Account number (see instructions)", "Account number")),
}

_KINDS: dict[str, dict[tuple[str, int], _Printed]] = {
    "1099-NEC": {
        ("nonemployeeCompensation", 0): ("1", ("Nonemployee compensation",)),
        ("directSales", 0): ("2", (_DIRECT_SALES,)),
        ("federalIncomeTaxWithheld", 0): ("4", (_FEDERAL,)),
        ("stateTaxWithheld", 0): ("5", ("State tax withheld",)),
        ("statePayerNumber", 0): ("6", ("State/Payer's state no.",)),
        ("stateIncome", 0): ("7", ("State income",)),
    },
    "1099-INT": {
        ("interestIncome", 0): ("1", ("Interest income",)),
        ("earlyWithdrawalPenalty", 0): ("2", ("Early withdrawal penalty",)),
        ("usSavingsBondInterest", 0): (
            "3",
            ("Interest on U.S. Savings Bonds and Treasury obligations",),
        ),
        ("federalIncomeTaxWithheld", 0): ("4", (_FEDERAL,)),
        ("investmentExpenses", 0): ("5", ("Investment expenses",)),
        ("foreignTaxPaid", 0): ("6", ("Foreign tax paid",)),
        ("taxExemptInterest", 0): ("8", ("Tax-exempt interest",)),
        ("statePayerNumber", 0): ("16", ("State identification no.",)),
        ("stateTaxWithheld", 0): ("17", ("State tax withheld",)),
    },
    "1099-DIV": {
        ("totalOrdinaryDividends", 0): ("1a", ("Total ordinary dividends",)),
        ("qualifiedDividends", 0): ("1b", ("Qualified dividends",)),
        ("totalCapitalGainDistributions", 0): (
            "2a",
            ("Total capital gain distr.", "Total capital gain distributions"),
        ),
        ("nondividendDistributions", 0): ("3", ("Nondividend distributions",)),
        ("federalIncomeTaxWithheld", 0): ("4", (_FEDERAL,)),
        ("section199aDividends", 0): ("5", ("Section 199A dividends",)),
        ("foreignTaxPaid", 0): ("7", ("Foreign tax paid",)),
        ("statePayerNumber", 0): ("15", ("State identification no.",)),
        ("stateTaxWithheld", 0): ("16", ("State tax withheld",)),
    },
    "1099-MISC": {
        ("rents", 0): ("1", ("Rents",)),
        ("royalties", 0): ("2", ("Royalties",)),
        ("otherIncome", 0): ("3", ("Other income",)),
        ("federalIncomeTaxWithheld", 0): ("4", (_FEDERAL,)),
        ("fishingBoatProceeds", 0): ("5", ("Fishing boat proceeds",)),
        ("medicalPayments", 0): ("6", ("Medical and health care payments",)),
        ("stateTaxWithheld", 0): ("15", ("State tax withheld",)),
        ("statePayerNumber", 0): ("16", ("State/Payer's state no.",)),
        ("stateIncome", 0): ("17", ("State income",)),
    },
}

_BOX_12 = ("See instructions for box 12",)


def _labelled(form_type: str) -> tuple[LabelledBox, ...]:
    layout = next(layout for layout in LAYOUTS if layout.form_type == form_type)
    printed = _W2 if form_type == "W-2" else {**_1099, **_KINDS[form_type]}
    boxes = []
    for box in layout.boxes:
        if box.key.startswith("box12"):
            if box.key.endswith("Code"):
                letter = box.key[5]
                amount = layout.box(f"f_{int(box.leaf[2:]) + 1:02d}")
                boxes.append(LabelledBox(box, f"12{letter}", _BOX_12, True, amount))
            continue
        found = printed.get((box.key, box.part))
        if found is not None:
            boxes.append(LabelledBox(box, found[0], found[1]))
    return tuple(boxes)


LABELLED_BOXES: dict[str, tuple[LabelledBox, ...]] = {
    layout.form_type: _labelled(layout.form_type) for layout in LAYOUTS
}
