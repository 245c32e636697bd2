"""Deterministic generators of the demo firm's documents.

`advisoros server --demo` seeds a fictional firm whose clients have uploaded
W-2s, 1099s, vendor invoices and scanned receipts. Every generator takes a
`random.Random` so a seed reproduces the same bytes, never reads the clock,
and returns a `GeneratedDocument` whose `truth` holds the printed values.

This module is the public entry point: the invoice generator lives here and
the tax forms and scans (large enough to deserve their own modules) are
re-exported from `w2`, `form_1099` and `scans`.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from advisoros_desktop.server.demo.form_1099 import Kind1099, form_1099_pdf
from advisoros_desktop.server.demo.generated import (
    DATE_STYLES,
    GeneratedDocument,
    date_printed,
    file_slug,
    money_printed,
    money_truth,
    random_date_in_year,
    random_money,
    to_cents,
)
from advisoros_desktop.server.demo.pdf_canvas import PdfCanvas
from advisoros_desktop.server.demo.people import make_address, make_phone
from advisoros_desktop.server.demo.scans import ScanKind, scanned_page
from advisoros_desktop.server.demo.w2 import w2_pdf

__all__ = [
    "GeneratedDocument",
    "Kind1099",
    "ScanKind",
    "form_1099_pdf",
    "invoice_pdf",
    "scanned_page",
    "w2_pdf",
]

# (description, lowest unit price, highest unit price, typical quantities)
_LINE_ITEMS: tuple[tuple[str, float, float, tuple[int, ...]], ...] = (
    ("Bookkeeping services (hours)", 65, 140, (2, 3, 4, 6, 8, 10)),
    ("Monthly IT support retainer", 250, 900, (1,)),
    ("Printer toner cartridge, black", 45, 120, (1, 2, 3, 4)),
    ("Copy paper, 10-ream case", 42, 68, (1, 2, 3, 5)),
    ("Office cleaning service", 120, 380, (1, 2, 4)),
    ("Website hosting, annual plan", 96, 420, (1,)),
    ("Consulting (hours)", 95, 225, (2, 4, 5, 8, 12)),
    ("Software license, per seat", 12, 65, (3, 5, 10, 15, 25)),
    ("Equipment rental, per day", 35, 180, (1, 2, 3, 5)),
    ("Delivery and handling", 15, 85, (1,)),
    ("Landscape maintenance visit", 80, 240, (1, 2, 4)),
    ("Payroll processing fee", 45, 160, (1, 2)),
)
_SALES_TAX_RATES = (
    Decimal(0),
    Decimal("0.0625"),
    Decimal("0.07"),
    Decimal("0.0725"),
    Decimal("0.08"),
    Decimal("0.0825"),
)
_PAYMENT_TERMS = (15, 30, 30, 45)
LEFT, RIGHT = 50.0, 562.0
# Column right edges of the line-item table (description is left-aligned at LEFT + 6).
_QTY_RIGHT, _UNIT_RIGHT, _AMOUNT_RIGHT = 372.0, 466.0, RIGHT - 6


def invoice_pdf(
    rng: random.Random,
    vendor_name: str,
    customer_name: str,
    invoice_date: date | None = None,
    *,
    tax_year: int = 2025,
) -> GeneratedDocument:
    """A one-page vendor invoice; the date is drawn from `tax_year` unless given."""
    issued = invoice_date or random_date_in_year(rng, tax_year)
    terms = rng.choice(_PAYMENT_TERMS)
    due = issued + timedelta(days=terms)
    number = rng.randint(1, 9999)
    invoice_number = rng.choice(
        (f"INV-{issued.year}-{number:04d}", f"{10000 + number}", f"A-{number:04d}")
    )
    items = []
    for description, low, high, quantities in rng.sample(_LINE_ITEMS, rng.randint(2, 6)):
        quantity = rng.choice(quantities)
        unit_price = random_money(rng, low, high)
        items.append((description, quantity, unit_price, unit_price * quantity))
    subtotal = sum((amount for *_, amount in items), Decimal(0))
    tax_rate = rng.choice(_SALES_TAX_RATES)
    tax = to_cents(subtotal * tax_rate)
    total = subtotal + tax
    date_style = rng.choice(DATE_STYLES)
    truth: dict[str, str | bool] = {
        "vendorName": vendor_name,
        "invoiceNumber": invoice_number,
        "invoiceDate": issued.isoformat(),
        "dueDate": due.isoformat(),
        "totalAmount": money_truth(total),
        "taxAmount": money_truth(tax),
        "currency": "USD",
    }

    canvas = PdfCanvas()
    vendor_address = make_address(rng, business=True)
    customer_address = make_address(rng, business=True)
    y = canvas.top_y(72)
    canvas.text(LEFT, y, vendor_name, 17, bold=True, max_width=300)
    for line in (*vendor_address.lines, make_phone(rng, vendor_address)):
        y -= 13
        canvas.text(LEFT, y, line, 9.5)
    canvas.text(RIGHT, canvas.top_y(76), "INVOICE", 26, bold=True, align="right")
    details = (
        ("Invoice number", invoice_number),
        ("Invoice date", date_printed(issued, date_style)),
        ("Due date", date_printed(due, date_style)),
        ("Terms", f"Net {terms}"),
    )
    y = canvas.top_y(104)
    for label, value in details:
        canvas.text(400, y, label, 9, bold=True)
        canvas.text(RIGHT, y, value, 9, align="right")
        y -= 13
    canvas.line(LEFT, canvas.top_y(170), RIGHT, canvas.top_y(170), line_width=1)
    y = canvas.top_y(190)
    canvas.text(LEFT, y, "BILL TO", 8, bold=True)
    for line in (customer_name, *customer_address.lines):
        y -= 13
        canvas.text(LEFT, y, line, 10)

    table_top = canvas.top_y(262)
    canvas.rect(LEFT, table_top - 20, RIGHT - LEFT, 20, fill_gray=0.88, stroke=False)
    header_y = table_top - 14
    canvas.text(LEFT + 6, header_y, "Description", 9, bold=True)
    canvas.text(_QTY_RIGHT, header_y, "Qty", 9, bold=True, align="right")
    canvas.text(_UNIT_RIGHT, header_y, "Unit price", 9, bold=True, align="right")
    canvas.text(_AMOUNT_RIGHT, header_y, "Amount", 9, bold=True, align="right")
    row_y = table_top - 20
    for description, quantity, unit_price, amount in items:
        canvas.text(LEFT + 6, row_y - 14, description, 9.5, max_width=_QTY_RIGHT - LEFT - 60)
        canvas.text(_QTY_RIGHT, row_y - 14, str(quantity), 9.5, align="right")
        canvas.text(_UNIT_RIGHT, row_y - 14, money_printed(unit_price), 9.5, align="right")
        canvas.text(_AMOUNT_RIGHT, row_y - 14, money_printed(amount), 9.5, align="right")
        row_y -= 20
        canvas.line(LEFT, row_y, RIGHT, row_y, line_width=0.3)

    totals = (
        ("Subtotal", money_printed(subtotal), False),
        (f"Sales tax ({tax_rate * 100:.2f}%)", money_printed(tax), False),
        ("Total (USD)", f"${money_printed(total)}", True),
    )
    y = row_y - 22
    for label, value, bold in totals:
        canvas.text(380, y, label, 10, bold=bold)
        canvas.text(_AMOUNT_RIGHT, y, value, 10, bold=bold, align="right")
        y -= 16
    canvas.line(380, y + 11, RIGHT, y + 11, line_width=0.8)
    canvas.paragraph(
        LEFT,
        y - 30,
        f"Payment is due within {terms} days. Please include invoice number {invoice_number} "
        f"with your payment and make checks payable to {vendor_name}. All amounts are in USD.",
        9,
        RIGHT - LEFT,
    )
    canvas.text(LEFT, canvas.top_y(740), "Thank you for your business!", 10, bold=True)
    canvas.text(RIGHT, canvas.top_y(740), "Page 1 of 1", 8, align="right")

    file_name = rng.choice(
        (
            f"Invoice_{invoice_number}.pdf",
            f"{file_slug(vendor_name)}_invoice_{issued.isoformat()}.pdf",
            f"invoice-{invoice_number.lower()}.pdf",
        )
    )
    return GeneratedDocument(
        file_name=file_name,
        mime_type="application/pdf",
        content=canvas.to_bytes(title=f"Invoice {invoice_number}"),
        form_type="invoice",
        category="invoice",
        tax_year=issued.year,
        truth=truth,
    )
