"""Form 1099 look-alikes (NEC, INT, DIV, MISC) for the demo firm.

All four share the IRS layout: payer and recipient blocks with TINs on the
left, the form identity top right, numbered amount boxes beneath it and the
state boxes along the bottom. Only the main amount boxes of each kind get
values; the rest stay empty, as they do on most real Copies B.
"""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Literal, NamedTuple

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

Kind1099 = Literal["NEC", "INT", "DIV", "MISC"]


class AmountBox(NamedTuple):
    number: str
    label: str
    truth_key: str = ""  # empty: printed blank
    is_checkbox: bool = False


class FormSpec(NamedTuple):
    title: str
    omb_number: str
    boxes: tuple[AmountBox, ...]
    state_boxes: tuple[AmountBox, AmountBox, AmountBox]


_DIRECT_SALES = (
    "Payer made direct sales totaling $5,000 or more of consumer products to recipient for resale"
)
FORM_SPECS: dict[str, FormSpec] = {
    "NEC": FormSpec("Nonemployee Compensation", "1545-0116", (
        AmountBox("1", "Nonemployee compensation", "nonemployeeCompensation"),
        AmountBox("2", _DIRECT_SALES, is_checkbox=True),
        AmountBox("3", "Excess golden parachute payments"),
        AmountBox("4", "Federal income tax withheld", "federalIncomeTaxWithheld"),
    ), (AmountBox("5", "State tax withheld"), AmountBox("6", "State/Payer's state no."),
        AmountBox("7", "State income"))),
    "INT": FormSpec("Interest Income", "1545-0112", (
        AmountBox("1", "Interest income", "interestIncome"),
        AmountBox("2", "Early withdrawal penalty", "earlyWithdrawalPenalty"),
        AmountBox("3", "Interest on U.S. Savings Bonds and Treasury obligations"),
        AmountBox("4", "Federal income tax withheld"),
        AmountBox("5", "Investment expenses"),
        AmountBox("6", "Foreign tax paid"),
        AmountBox("8", "Tax-exempt interest"),
        AmountBox("9", "Specified private activity bond interest"),
        AmountBox("10", "Market discount"),
        AmountBox("11", "Bond premium"),
    ), (AmountBox("15", "State"), AmountBox("16", "State identification no."),
        AmountBox("17", "State tax withheld"))),
    "DIV": FormSpec("Dividends and Distributions", "1545-0110", (
        AmountBox("1a", "Total ordinary dividends", "totalOrdinaryDividends"),
        AmountBox("1b", "Qualified dividends", "qualifiedDividends"),
        AmountBox("2a", "Total capital gain distr."),
        AmountBox("2b", "Unrecap. Sec. 1250 gain"),
        AmountBox("3", "Nondividend distributions"),
        AmountBox("4", "Federal income tax withheld"),
        AmountBox("5", "Section 199A dividends"),
        AmountBox("7", "Foreign tax paid"),
        AmountBox("12", "Exempt-interest dividends"),
        AmountBox("13", "Specified private activity bond interest dividends"),
    ), (AmountBox("14", "State"), AmountBox("15", "State identification no."),
        AmountBox("16", "State tax withheld"))),
    "MISC": FormSpec("Miscellaneous Information", "1545-0115", (
        AmountBox("1", "Rents", "rents"),
        AmountBox("2", "Royalties", "royalties"),
        AmountBox("3", "Other income", "otherIncome"),
        AmountBox("4", "Federal income tax withheld"),
        AmountBox("5", "Fishing boat proceeds"),
        AmountBox("6", "Medical and health care payments"),
        AmountBox("7", _DIRECT_SALES, is_checkbox=True),
        AmountBox("8", "Substitute payments in lieu of dividends or interest"),
        AmountBox("9", "Crop insurance proceeds"),
        AmountBox("10", "Gross proceeds paid to an attorney"),
    ), (AmountBox("15", "State tax withheld"), AmountBox("16", "State/Payer's state no."),
        AmountBox("17", "State income"))),
}  # fmt: skip

LEFT, MIDDLE, RIGHT, END = 36.0, 306.0, 441.0, 576.0
ROW = 28.0
HEADER = 84.0
FORM_TOP = 54.0
_COPY_B_NOTICE = (
    "This is important tax information and is being furnished to the IRS. If you are "
    "required to file a return, a negligence penalty or other sanction may be imposed on you "
    "if this income is taxable and the IRS determines that it has not been reported."
)


def amounts_1099(rng: random.Random, kind: Kind1099) -> dict[str, Decimal]:
    """The main amounts of one 1099, keyed by their truth keys."""
    if kind == "NEC":
        compensation = random_money(rng, 1_200, 95_000)
        # Backup withholding (24%) is rare; most payers withhold nothing.
        withheld = to_cents(compensation * Decimal("0.24")) if rng.random() < 0.15 else Decimal(0)
        return {"nonemployeeCompensation": compensation, "federalIncomeTaxWithheld": withheld}
    if kind == "INT":
        amounts = {"interestIncome": random_money(rng, 3.5, 4_800)}
        if rng.random() < 0.2:  # a CD broken early
            amounts["earlyWithdrawalPenalty"] = random_money(rng, 5, 150)
        return amounts
    if kind == "DIV":
        ordinary = random_money(rng, 25, 12_000)
        qualified = to_cents(ordinary * Decimal(rng.randint(50, 100)) / 100)
        return {"totalOrdinaryDividends": ordinary, "qualifiedDividends": qualified}
    if kind == "MISC":
        key, low, high = rng.choice(
            (("rents", 600, 48_000), ("royalties", 50, 15_000), ("otherIncome", 600, 10_000))
        )
        return {key: random_money(rng, low, high)}
    raise ValueError(f"unknown 1099 kind {kind!r}")


def form_1099_pdf(
    rng: random.Random,
    kind: Kind1099,
    payer: Company,
    recipient: Person | Company,
    tax_year: int,
) -> GeneratedDocument:
    """A one-page Copy B of Form 1099-`kind` from `payer` to `recipient`."""
    amounts = amounts_1099(rng, kind)  # raises ValueError for an unknown kind
    spec = FORM_SPECS[kind]
    if isinstance(recipient, Person):
        recipient_name, recipient_tin, short_name = (
            recipient.full_name,
            recipient.ssn,
            recipient.last_name,
        )
    else:  # a business recipient (e.g. a contractor's LLC) reports its EIN
        recipient_name, recipient_tin, short_name = recipient.name, recipient.ein, recipient.name
    truth: dict[str, str | bool] = {
        "taxYear": str(tax_year),
        "payerName": payer.name,
        "payerAddress": payer.address.one_line,
        "payerTin": payer.ein,
        "recipientName": recipient_name,
        "recipientAddress": recipient.address.one_line,
        "recipientTin": recipient_tin,
    }
    truth.update({key: money_truth(value) for key, value in amounts.items()})
    thousands = rng.random() < 0.7
    printed = {key: money_printed(value, thousands) for key, value in amounts.items()}
    account = f"{rng.randint(10_000_000, 99_999_999)}" if kind in ("INT", "DIV") else ""

    canvas = PdfCanvas()
    left_width = MIDDLE - LEFT
    top = FORM_TOP
    labelled_box(
        canvas,
        LEFT,
        top,
        left_width,
        HEADER,
        "PAYER'S name, street address, city or town, state or province, country, "
        "ZIP or foreign postal code, and telephone no.",
    )
    payer_lines = [payer.name, *payer.address.lines, payer.phone]
    box_lines(canvas, LEFT, top + 26, left_width, payer_lines)
    top += HEADER
    half = left_width / 2
    for x, label, tin in (
        (LEFT, "PAYER'S TIN", payer.ein),
        (LEFT + half, "RECIPIENT'S TIN", recipient_tin),
    ):
        labelled_box(canvas, x, top, half, ROW, label)
        box_value(canvas, x, top, half, ROW, tin, right_aligned=False)
    street, city_line = recipient.address.lines
    rows = (
        ("RECIPIENT'S name", recipient_name),
        ("Street address (including apt. no.)", street),
        ("City or town, state or province, country, and ZIP or foreign postal code", city_line),
        ("Account number (see instructions)", account),
    )
    for label, value in rows:
        top += ROW
        labelled_box(canvas, LEFT, top, left_width, ROW, label)
        box_value(canvas, LEFT, top, left_width, ROW, value, right_aligned=False)

    _draw_identity(canvas, kind, spec, tax_year)
    _draw_amount_boxes(canvas, spec, printed)
    bottom = _draw_state_row(canvas, spec)
    _draw_footer(canvas, kind, bottom)
    file_name = rng.choice(
        (
            f"1099-{kind}_{tax_year}_{file_slug(payer.name)}.pdf",
            safe_file_name(f"{tax_year} Form 1099-{kind} - {payer.name}.pdf"),
            f"{file_slug(short_name)}_1099{kind.lower()}_{tax_year}.pdf",
        )
    )
    return GeneratedDocument(
        file_name=file_name,
        mime_type="application/pdf",
        content=canvas.to_bytes(title=f"Form 1099-{kind} {tax_year}"),
        form_type=f"1099-{kind}",
        category="1099",
        tax_year=tax_year,
        truth=truth,
    )


def _draw_identity(canvas: PdfCanvas, kind: str, spec: FormSpec, tax_year: int) -> None:
    """Top right: OMB number, form name, calendar year and the form's title."""
    width = RIGHT - MIDDLE
    canvas.rect(MIDDLE, canvas.top_y(FORM_TOP + HEADER), width, HEADER)
    canvas.text(MIDDLE + 6, canvas.top_y(FORM_TOP + 12), f"OMB No. {spec.omb_number}", 6.5)
    canvas.text(MIDDLE + 6, canvas.top_y(FORM_TOP + 32), f"Form 1099-{kind}", 12, bold=True)
    canvas.text(MIDDLE + 6, canvas.top_y(FORM_TOP + 50), "For calendar year", 6.5)
    canvas.text(MIDDLE + 6, canvas.top_y(FORM_TOP + 72), str(tax_year), 20, bold=True)
    canvas.rect(RIGHT, canvas.top_y(FORM_TOP + HEADER), END - RIGHT, HEADER, fill_gray=0.93)
    canvas.paragraph(
        RIGHT + 8,
        canvas.top_y(FORM_TOP + 30),
        spec.title,
        13,
        END - RIGHT - 16,
        bold=True,
        leading=16,
    )


def _draw_amount_boxes(canvas: PdfCanvas, spec: FormSpec, printed: dict[str, str]) -> None:
    """Numbered amount boxes below the identity block.

    Five boxes or fewer fill one column and the "Copy B" notice takes the
    other, as on the 1099-NEC; longer forms use both columns.
    """
    width = RIGHT - MIDDLE
    two_columns = len(spec.boxes) > 5
    for index, box in enumerate(spec.boxes):
        column, row = (index % 2, index // 2) if two_columns else (0, index)
        x = MIDDLE + column * width
        top = FORM_TOP + HEADER + row * ROW
        labelled_box(canvas, x, top, width, ROW, box.label, box.number)
        if box.is_checkbox:
            checkbox(canvas, x + width - 14, top + ROW - 10, False)
        elif box.truth_key in printed:
            box_value(canvas, x, top, width, ROW, printed[box.truth_key], dollar_sign=True)
        else:  # the pre-printed dollar sign of an empty amount box
            canvas.text(x + 4, canvas.top_y(top + ROW - 5), "$", 9.5)
    if not two_columns:
        notice_top = FORM_TOP + HEADER
        canvas.rect(RIGHT, canvas.top_y(notice_top + 5 * ROW), END - RIGHT, 5 * ROW)
        canvas.text(RIGHT + 8, canvas.top_y(notice_top + 16), "Copy B", 11, bold=True)
        canvas.text(RIGHT + 8, canvas.top_y(notice_top + 28), "For Recipient", 8, bold=True)
        canvas.paragraph(
            RIGHT + 8, canvas.top_y(notice_top + 44), _COPY_B_NOTICE, 6.5, END - RIGHT - 16
        )


def _draw_state_row(canvas: PdfCanvas, spec: FormSpec) -> float:
    """The three state boxes along the bottom; returns the form's bottom (from top)."""
    top = FORM_TOP + HEADER + 5 * ROW
    widths = (180.0, 180.0, 180.0)
    x = LEFT
    for box, width in zip(spec.state_boxes, widths, strict=True):
        labelled_box(canvas, x, top, width, ROW, box.label, box.number)
        canvas.rect(x, canvas.top_y(top + ROW + 16), width, 16)
        x += width
    return top + ROW + 16


def _draw_footer(canvas: PdfCanvas, kind: str, bottom: float) -> None:
    baseline = canvas.top_y(bottom + 14)
    canvas.text(LEFT, baseline, f"Form 1099-{kind}", 8, bold=True)
    canvas.text(LEFT + 70, baseline, "(keep for your records)", 7)
    canvas.text(LEFT + 170, baseline, f"www.irs.gov/Form1099{kind}", 7)
    canvas.text(
        END, baseline, "Department of the Treasury - Internal Revenue Service", 7, align="right"
    )
    if kind != "NEC":
        canvas.text(LEFT, baseline - 14, "Copy B - For Recipient", 8, bold=True)
        canvas.paragraph(LEFT, baseline - 24, _COPY_B_NOTICE, 7, END - LEFT)
