"""Form W-2 look-alikes for the demo firm.

The layout follows Copy B of the IRS form (boxes a-f on the left, 1-14 in two
columns on the right, state boxes 15-20 underneath) so that classification
and extraction meet something close to what clients really upload. Amounts
obey the payroll rules a reviewer would check: Social Security wages are
capped at the year's wage base, the FICA taxes are exact percentages, and
box 1 is Medicare wages less the 401(k) deferral reported in box 12a code D.
"""

from __future__ import annotations

import random
from decimal import Decimal

from advisoros_desktop.server.demo.form_layout import (
    box_lines,
    box_value,
    checkbox,
    labelled_box,
)
from advisoros_desktop.server.demo.generated import (
    GeneratedDocument,
    file_slug,
    money_printed,
    money_truth,
    random_money,
    safe_file_name,
    to_cents,
)
from advisoros_desktop.server.demo.pdf_canvas import PdfCanvas
from advisoros_desktop.server.demo.people import Company, Person

SOCIAL_SECURITY_WAGE_BASE = {
    2022: Decimal(147000),
    2023: Decimal(160200),
    2024: Decimal(168600),
    2025: Decimal(176100),
    2026: Decimal(184500),
}
# 401(k) elective deferral limits (under-50 employees).
ELECTIVE_DEFERRAL_LIMIT = {
    2022: Decimal(20500),
    2023: Decimal(22500),
    2024: Decimal(23000),
    2025: Decimal(23500),
    2026: Decimal(24500),
}
SOCIAL_SECURITY_RATE = Decimal("0.062")
MEDICARE_RATE = Decimal("0.0145")
# Above $200,000 employers must add 0.9% Additional Medicare Tax to box 6;
# staying below keeps box 6 exactly 1.45% of box 5.
_MAX_MEDICARE_WAGES = 199_000

LEFT, MIDDLE, RIGHT, END = 36.0, 306.0, 441.0, 576.0
ROW = 26.0
FORM_TOP = 54.0
# Box a plus nine rows of amount boxes sit above the state boxes.
STATE_TOP = FORM_TOP + 10 * ROW


def w2_amounts(rng: random.Random, tax_year: int) -> dict[str, Decimal]:
    """Consistent W-2 amounts for one employee-year."""
    if tax_year not in SOCIAL_SECURITY_WAGE_BASE:
        raise ValueError(f"no Social Security wage base known for {tax_year}")
    # Most staff earn a moderate salary; a few are above the wage base.
    high_earner = rng.random() < 0.15
    medicare_wages = (
        random_money(rng, 150_000, _MAX_MEDICARE_WAGES)
        if high_earner
        else (random_money(rng, 28_000, 150_000))
    )
    deferral = min(
        to_cents(medicare_wages * Decimal(rng.randint(2, 12)) / 100),
        ELECTIVE_DEFERRAL_LIMIT[tax_year],
    )
    wages = medicare_wages - deferral
    social_security_wages = min(medicare_wages, SOCIAL_SECURITY_WAGE_BASE[tax_year])
    return {
        "wages": wages,
        "federal": to_cents(wages * Decimal(rng.randint(70, 190)) / 1000),
        "ss_wages": social_security_wages,
        "ss_tax": to_cents(social_security_wages * SOCIAL_SECURITY_RATE),
        "medicare_wages": medicare_wages,
        "medicare_tax": to_cents(medicare_wages * MEDICARE_RATE),
        "deferral": deferral,
        "state_wages": wages,
        "state_tax": to_cents(wages * Decimal(rng.randint(25, 60)) / 1000),
    }


def w2_pdf(
    rng: random.Random, employer: Company, employee: Person, tax_year: int
) -> GeneratedDocument:
    """A one-page Copy B of Form W-2 for `employee`, with its truth values."""
    amounts = w2_amounts(rng, tax_year)
    state = employer.address.state
    truth: dict[str, str | bool] = {
        "taxYear": str(tax_year),
        "employeeSsn": employee.ssn,
        "employerEin": employer.ein,
        "employerName": employer.name,
        "employerAddress": employer.address.one_line,
        "employeeName": employee.full_name,
        "employeeAddress": employee.address.one_line,
        "wagesAndTips": money_truth(amounts["wages"]),
        "federalIncomeTaxWithheld": money_truth(amounts["federal"]),
        "socialSecurityWages": money_truth(amounts["ss_wages"]),
        "socialSecurityTaxWithheld": money_truth(amounts["ss_tax"]),
        "medicareWages": money_truth(amounts["medicare_wages"]),
        "medicareTaxWithheld": money_truth(amounts["medicare_tax"]),
        "box12aCode": "D",
        "box12aAmount": money_truth(amounts["deferral"]),
        "state": state,
        "stateEmployerId": employer.state_employer_id,
        "stateWages": money_truth(amounts["state_wages"]),
        "stateIncomeTax": money_truth(amounts["state_tax"]),
    }
    # Payroll providers differ on thousands separators; extraction must cope with both.
    thousands = rng.random() < 0.6
    printed = {key: money_printed(value, thousands) for key, value in amounts.items()}
    control_number = f"{rng.randint(0, 99999):05d}" if rng.random() < 0.5 else ""

    canvas = PdfCanvas()
    _draw_identity_column(canvas, employer, employee, control_number)
    _draw_amount_columns(canvas, printed)
    _draw_state_row(canvas, state, employer.state_employer_id, printed)
    _draw_footer(canvas, tax_year)
    file_name = rng.choice(
        (
            f"W2_{tax_year}_{file_slug(employee.last_name)}.pdf",
            safe_file_name(f"{tax_year} W-2 {employer.name}.pdf"),
            f"w2-{file_slug(employer.name).lower()}-{tax_year}.pdf",
        )
    )
    return GeneratedDocument(
        file_name=file_name,
        mime_type="application/pdf",
        content=canvas.to_bytes(title=f"Form W-2 Wage and Tax Statement {tax_year}"),
        form_type="W-2",
        category="w2",
        tax_year=tax_year,
        truth=truth,
    )


def _draw_identity_column(
    canvas: PdfCanvas, employer: Company, employee: Person, control_number: str
) -> None:
    """Boxes a-f: the identification half of the form."""
    width = MIDDLE - LEFT
    top = FORM_TOP
    labelled_box(canvas, LEFT, top, width, ROW, "Employee's social security number", "a")
    box_value(canvas, LEFT, top, width, ROW, employee.ssn, right_aligned=False)
    canvas.text(MIDDLE + 6, canvas.top_y(top + 10), "OMB No. 1545-0008", 7, bold=True)
    canvas.text(MIDDLE + 6, canvas.top_y(top + 19), "Safe, accurate, FAST! Use IRS e-file.", 6.5)
    top += ROW
    labelled_box(canvas, LEFT, top, width, ROW, "Employer identification number (EIN)", "b")
    box_value(canvas, LEFT, top, width, ROW, employer.ein, right_aligned=False)
    top += ROW
    labelled_box(canvas, LEFT, top, width, 80, "Employer's name, address, and ZIP code", "c")
    box_lines(canvas, LEFT, top + 22, width, [employer.name, *employer.address.lines])
    top += 80
    labelled_box(canvas, LEFT, top, width, ROW, "Control number", "d")
    box_value(canvas, LEFT, top, width, ROW, control_number, right_aligned=False)
    top += ROW
    labelled_box(canvas, LEFT, top, width, 34, "Employee's first name and initial", "e")
    canvas.text(LEFT + 138, canvas.top_y(top + 7), "Last name", 6)
    canvas.text(MIDDLE - 24, canvas.top_y(top + 7), "Suff.", 6)
    first = f"{employee.first_name} {employee.middle_initial}.".removesuffix(" .")
    box_lines(canvas, LEFT, top + 24, 130, [first])
    canvas.text(LEFT + 138, canvas.top_y(top + 24), employee.last_name, 9.5)
    top += 34
    labelled_box(canvas, LEFT, top, width, 68, "Employee's address and ZIP code", "f")
    box_lines(canvas, LEFT, top + 22, width, list(employee.address.lines))


# (left box number, label, amount key) and the same for the right column, per row.
_AMOUNT_ROWS: tuple[tuple[tuple[str, str, str], tuple[str, str, str]], ...] = (
    (("1", "Wages, tips, other compensation", "wages"),
     ("2", "Federal income tax withheld", "federal")),
    (("3", "Social security wages", "ss_wages"),
     ("4", "Social security tax withheld", "ss_tax")),
    (("5", "Medicare wages and tips", "medicare_wages"),
     ("6", "Medicare tax withheld", "medicare_tax")),
    (("7", "Social security tips", ""), ("8", "Allocated tips", "")),
    (("9", "", ""), ("10", "Dependent care benefits", "")),
)  # fmt: skip


def _draw_amount_columns(canvas: PdfCanvas, printed: dict[str, str]) -> None:
    """Boxes 1-14 in two columns beside the identification column."""
    width = RIGHT - MIDDLE
    top = FORM_TOP + ROW
    for left_box, right_box in _AMOUNT_ROWS:
        for x, (number, label, key) in ((MIDDLE, left_box), (RIGHT, right_box)):
            labelled_box(canvas, x, top, width, ROW, label, number)
            if key:
                box_value(canvas, x, top, width, ROW, printed[key])
        top += ROW
    labelled_box(canvas, MIDDLE, top, width, ROW, "Nonqualified plans", "11")
    labelled_box(canvas, MIDDLE, top + ROW, width, ROW, "", "13")
    # Box 13 tick boxes sit side by side under two-line captions, as on the form.
    ticks = (
        ("Statutory", "employee", False),
        ("Retirement", "plan", True),
        ("Third-party", "sick pay", False),
    )
    for index, (caption_top, caption_bottom, checked) in enumerate(ticks):
        x = MIDDLE + 16 + index * 40
        canvas.text(x, canvas.top_y(top + ROW + 6.5), caption_top, 5)
        canvas.text(x, canvas.top_y(top + ROW + 12), caption_bottom, 5)
        checkbox(canvas, x + 8, top + ROW + 15, checked)
    labelled_box(canvas, MIDDLE, top + 2 * ROW, width, 2 * ROW, "Other", "14")
    for index, letter in enumerate("abcd"):
        box_top = top + index * ROW
        labelled_box(
            canvas, RIGHT, box_top, width, ROW, "See instructions for box 12", f"12{letter}"
        )
        canvas.line(RIGHT + 26, canvas.top_y(box_top + 10), RIGHT + 26, canvas.top_y(box_top + ROW))
        if letter == "a":
            canvas.text(RIGHT + 14, canvas.top_y(box_top + ROW - 5), "D", 9.5, align="center")
            box_value(canvas, RIGHT + 26, box_top, width - 26, ROW, printed["deferral"])


def _draw_state_row(
    canvas: PdfCanvas, state: str, state_employer_id: str, printed: dict[str, str]
) -> None:
    """Boxes 15-20; only the state line is filled, local taxes stay empty."""
    top = STATE_TOP
    cells = (
        (36.0, 30.0, "15", "State", state, False),
        (66.0, 120.0, "", "Employer's state ID number", state_employer_id, False),
        (186.0, 100.0, "16", "State wages, tips, etc.", printed["state_wages"], True),
        (286.0, 86.0, "17", "State income tax", printed["state_tax"], True),
        (372.0, 86.0, "18", "Local wages, tips, etc.", "", True),
        (458.0, 66.0, "19", "Local income tax", "", True),
        (524.0, 52.0, "20", "Locality name", "", False),
    )
    for x, width, number, label, value, right_aligned in cells:
        labelled_box(canvas, x, top, width, 30, label, number)
        box_value(canvas, x, top, width, 30, value, right_aligned=right_aligned)
        canvas.rect(x, canvas.top_y(top + 48), width, 18)


def _draw_footer(canvas: PdfCanvas, tax_year: int) -> None:
    baseline = canvas.top_y(STATE_TOP + 48 + 24)
    canvas.text(LEFT, baseline, "Form W-2", 16, bold=True)
    canvas.text(LEFT + 86, baseline, "Wage and Tax Statement", 12, bold=True)
    canvas.text(LEFT + 262, baseline, str(tax_year), 22, bold=True)
    canvas.text(
        END,
        baseline + 8,
        "Department of the Treasury - Internal Revenue Service",
        6.5,
        align="right",
    )
    notes = canvas.top_y(STATE_TOP + 48 + 38)
    canvas.text(
        LEFT, notes, "Copy B - To Be Filed With Employee's FEDERAL Tax Return.", 7, bold=True
    )
    canvas.text(
        LEFT, notes - 9, "This information is being furnished to the Internal Revenue Service.", 7
    )
    canvas.paragraph(
        LEFT,
        notes - 40,
        "Notice to Employee: keep this statement with your tax records. Box 1 shows wages "
        "subject to federal income tax after pre-tax deductions such as elective deferrals "
        "reported in box 12 with code D. If your name, social security number, or address is "
        "incorrect, ask your employer to correct it. Compare boxes 3 and 5 with your pay "
        "records; box 3 is limited to the social security wage base for the year.",
        7.5,
        END - LEFT,
    )
