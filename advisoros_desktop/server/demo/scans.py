"""Scanned-looking pages for the demo firm: receipts and bank statement excerpts.

Clients photograph or scan paper, so the demo needs documents without a
text layer that only OCR can read. Pages are drawn with Pillow at 150 dpi on
a letter-size grayscale canvas, then slightly rotated, blurred and speckled
like a flatbed scan, and saved as a JPEG or an image-only PDF. All noise
comes from the caller's `random.Random`, never from Pillow's own generator,
so a seed gives identical bytes.
"""

from __future__ import annotations

import functools
import io
import random
import textwrap
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Literal

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

from advisoros_desktop.server.demo.generated import (
    GeneratedDocument,
    date_printed,
    money_printed,
    money_truth,
    random_money,
    to_cents,
)
from advisoros_desktop.server.demo.people import make_address, make_phone

ScanKind = Literal["receipt", "bank_statement"]
Font = ImageFont.FreeTypeFont | ImageFont.ImageFont

DPI = 150
PAGE_SIZE = (1275, 1650)  # US letter at 150 dpi
_INK = 40  # toner is never quite black after scanning
_SCANNER_BED = 236  # the lid around a small receipt reads as light gray
_PAPER = 250
_RECEIPT_COLUMNS = 32  # characters per line of a thermal receipt printer

_RECEIPT_ITEMS = (
    ("Coffee beans 1lb", 9.5, 16.99), ("Latte, large", 4.25, 6.5),
    ("Printer paper 500ct", 6.99, 12.99), ("Ballpoint pens 12pk", 3.49, 9.99),
    ("Sticky notes 6pk", 4.99, 8.99), ("USB-C cable 6ft", 9.99, 19.99),
    ("File folders 24ct", 7.49, 14.99), ("Lunch special", 9.95, 16.5),
    ("Bottled water 24pk", 4.99, 7.99), ("Desk lamp LED", 19.99, 44.99),
    ("Shipping labels 30ct", 8.99, 17.99), ("AA batteries 8pk", 6.99, 12.99),
)  # fmt: skip
_RECEIPT_TAX_RATES = (Decimal("0.0625"), Decimal("0.07"), Decimal("0.0725"), Decimal("0.08"))


@functools.lru_cache(maxsize=16)
def _font(size: int, *, bold: bool = False, mono: bool = False) -> Font:
    """DejaVu when installed (Debian's fonts-dejavu), else Pillow's built-in font."""
    name = ("DejaVuSansMono" if mono else "DejaVuSans") + ("-Bold" if bold else "") + ".ttf"
    try:
        return ImageFont.truetype(name, size)
    except OSError:
        return ImageFont.load_default(size=size)


def scanned_page(
    rng: random.Random,
    issuer_name: str,
    document_date: date,
    *,
    kind: ScanKind = "receipt",
    customer_name: str = "",
    output: Literal["jpeg", "pdf"] | None = None,
) -> GeneratedDocument:
    """A scan of a store receipt from `issuer_name`, or of a bank statement page.

    For "bank_statement", `issuer_name` is the bank, `customer_name` the
    account holder, and the statement covers the month of `document_date`.
    `output` defaults to a seeded choice between JPEG and an image-only PDF.
    """
    if kind not in ("receipt", "bank_statement"):
        raise ValueError(f"unknown scan kind {kind!r}")
    page = Image.new("L", PAGE_SIZE, _SCANNER_BED if kind == "receipt" else _PAPER)
    draw = ImageDraw.Draw(page)
    if kind == "receipt":
        truth = _draw_receipt(rng, draw, issuer_name, document_date)
        form_type, category = "receipt", "receipt"
    else:
        truth = _draw_bank_statement(rng, draw, issuer_name, customer_name, document_date)
        form_type, category = "unknown", "bank_statement"
    page = _scanner_effects(rng, page)

    output = output or rng.choice(("jpeg", "jpeg", "pdf"))
    scanned_at = datetime(
        document_date.year,
        document_date.month,
        document_date.day,
        rng.randint(8, 19),
        rng.randint(0, 59),
    )
    stamp = f"{scanned_at:%Y%m%d_%H%M}"
    buffer = io.BytesIO()
    quality = rng.randint(62, 78)
    if output == "jpeg":
        page.save(buffer, "JPEG", quality=quality, dpi=(DPI, DPI))
        mime_type = "image/jpeg"
        file_name = rng.choice((f"IMG_{rng.randint(1000, 9999)}.jpg", f"Scan_{stamp}.jpg"))
    else:
        # Pillow stamps PDFs with the current time unless told otherwise.
        page.save(
            buffer,
            "PDF",
            resolution=float(DPI),
            quality=quality,
            title="Scanned document",
            creationDate=scanned_at.timetuple(),
            modDate=scanned_at.timetuple(),
        )
        mime_type = "application/pdf"
        file_name = rng.choice((f"Scan_{stamp}.pdf", f"scan{rng.randint(1, 9999):04d}.pdf"))
    return GeneratedDocument(
        file_name=file_name,
        mime_type=mime_type,
        content=buffer.getvalue(),
        form_type=form_type,
        category=category,
        tax_year=document_date.year,
        truth=truth,
    )


def _receipt_line(left: str, right: str) -> str:
    """Left text and right-aligned amount on one fixed-width receipt line."""
    room = _RECEIPT_COLUMNS - len(right) - 1
    return left[:room].ljust(room) + " " + right


def _draw_receipt(
    rng: random.Random, draw: ImageDraw.ImageDraw, store_name: str, when: date
) -> dict[str, str | bool]:
    address = make_address(rng, business=True)
    items = []
    for description, low, high in rng.sample(_RECEIPT_ITEMS, rng.randint(2, 6)):
        quantity = rng.choice((1, 1, 1, 2, 3))
        label = description if quantity == 1 else f"{quantity} x {description}"
        items.append((label, random_money(rng, low, high) * quantity))
    subtotal = sum((amount for _, amount in items), Decimal(0))
    tax_rate = rng.choice(_RECEIPT_TAX_RATES)
    tax = to_cents(subtotal * tax_rate)
    total = subtotal + tax
    rule = "-" * _RECEIPT_COLUMNS
    # The bold name line holds about 26 characters; longer names wrap like on real receipts.
    name_lines = textwrap.wrap(store_name, width=26) or [store_name]
    header = [*name_lines, *address.lines, make_phone(rng, address)]
    body = [
        rule,
        _receipt_line(
            date_printed(when, "us_slash"), f"{rng.randint(8, 20):02d}:{rng.randint(0, 59):02d}"
        ),
        f"Store {rng.randint(2, 99)}  Reg {rng.randint(1, 8)}  Trans {rng.randint(1000, 9999)}",
        rule,
        *(_receipt_line(label, money_printed(amount)) for label, amount in items),
        rule,
        _receipt_line("SUBTOTAL", money_printed(subtotal)),
        _receipt_line(f"SALES TAX {tax_rate * 100:.2f}%", money_printed(tax)),
        _receipt_line("TOTAL", f"${money_printed(total)}"),
        _receipt_line(f"VISA ****{rng.randint(1000, 9999)}", money_printed(total)),
        rule,
    ]
    font, bold = _font(22, mono=True), _font(26, bold=True, mono=True)
    line_height = 30
    paper_width = int(draw.textlength("M" * _RECEIPT_COLUMNS, font=font)) + 60
    left = rng.randint(260, PAGE_SIZE[0] - paper_width - 260)
    top = rng.randint(90, 220)
    height = (len(header) + len(body) + 3) * line_height + 60
    draw.rectangle((left, top, left + paper_width, top + height), fill=_PAPER, outline=215)
    y = top + 30
    for index, line in enumerate(header):
        is_name = index < len(name_lines)
        line_font = bold if is_name else font
        width = draw.textlength(line, font=line_font)
        draw.text((left + (paper_width - width) / 2, y), line, fill=_INK, font=line_font)
        y += line_height + (4 if is_name else 0)
    for line in body:
        draw.text((left + 30, y), line, fill=_INK, font=font)
        y += line_height
    thanks = "THANK YOU FOR SHOPPING!"
    width = draw.textlength(thanks, font=font)
    draw.text((left + (paper_width - width) / 2, y + line_height), thanks, fill=_INK, font=font)
    return {
        "vendorName": store_name,
        "invoiceDate": when.isoformat(),
        "totalAmount": money_truth(total),
        "taxAmount": money_truth(tax),
    }


def _draw_bank_statement(
    rng: random.Random,
    draw: ImageDraw.ImageDraw,
    bank_name: str,
    holder_name: str,
    in_month: date,
) -> dict[str, str | bool]:
    start = in_month.replace(day=1)
    end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    beginning = random_money(rng, 2_500, 25_000)
    transactions: list[tuple[date, str, Decimal]] = []
    for day_of_month in sorted(rng.sample(range(1, end.day + 1), rng.randint(5, 9))):
        description, low, high, sign = rng.choice(_BANK_TRANSACTIONS)
        check = f" #{rng.randint(1001, 1999)}" if description == "Check" else ""
        amount = random_money(rng, low, high) * sign
        transactions.append((start.replace(day=day_of_month), description + check, amount))
    deposits = sum((a for *_, a in transactions if a > 0), Decimal(0))
    withdrawals = -sum((a for *_, a in transactions if a < 0), Decimal(0))
    ending = beginning + deposits - withdrawals

    regular, small, heading = _font(22), _font(18), _font(28, bold=True)
    bank_address = make_address(rng, business=True)
    # Shrink a long bank name rather than run into the statement details on the right.
    name_size = 40
    while name_size > 24 and draw.textlength(bank_name, font=_font(name_size, bold=True)) > 620:
        name_size -= 2
    draw.text((110, 100), bank_name, fill=_INK, font=_font(name_size, bold=True))
    draw.multiline_text(
        (110, 160), "\n".join(bank_address.lines), fill=_INK, font=regular, spacing=8
    )
    period = f"{date_printed(start, 'us_slash')} - {date_printed(end, 'us_slash')}"
    account = f"Account number: ******{rng.randint(1000, 9999)}"
    for offset, text in enumerate(("Statement period", period, account, "Page 1 of 3")):
        _right_text(draw, 1165, 110 + offset * 34, text, regular)
    holder_address = make_address(rng)
    draw.multiline_text(
        (150, 330),
        "\n".join((holder_name, *holder_address.lines)),
        fill=_INK,
        font=regular,
        spacing=8,
    )
    draw.text((110, 520), "Account summary - Checking", fill=_INK, font=heading)
    draw.line((110, 562, 1165, 562), fill=_INK, width=2)
    summary = (
        (f"Beginning balance on {date_printed(start, 'us_slash')}", f"${money_printed(beginning)}"),
        ("Deposits and other credits", f"+ {money_printed(deposits)}"),
        ("Withdrawals and other debits", f"- {money_printed(withdrawals)}"),
        (f"Ending balance on {date_printed(end, 'us_slash')}", f"${money_printed(ending)}"),
    )
    for row, (label, value) in enumerate(summary):
        draw.text((110, 580 + row * 40), label, fill=_INK, font=regular)
        _right_text(draw, 1165, 580 + row * 40, value, regular)
    draw.text((110, 780), "Transactions", fill=_INK, font=heading)
    draw.line((110, 822, 1165, 822), fill=_INK, width=2)
    balance = beginning
    for row, (day, description, amount) in enumerate(transactions):
        balance += amount
        y = 840 + row * 38
        draw.text((110, y), f"{day.month:02d}/{day.day:02d}", fill=_INK, font=regular)
        draw.text((230, y), description, fill=_INK, font=regular)
        _right_text(draw, 960, y, money_printed(amount), regular)
        _right_text(draw, 1165, y, money_printed(balance), regular)
    footer = (
        f"Questions? Call {make_phone(rng, bank_address)}. Deposits are insured up to the limit."
    )
    draw.text((110, 1520), footer, fill=_INK, font=small)
    return {
        "bankName": bank_name,
        "accountHolderName": holder_name,
        "statementStartDate": start.isoformat(),
        "statementEndDate": end.isoformat(),
        "beginningBalance": money_truth(beginning),
        "endingBalance": money_truth(ending),
    }


# (description, lowest amount, highest amount, +1 for credits / -1 for debits)
_BANK_TRANSACTIONS = (
    ("Direct deposit - payroll", 1500, 4500, 1), ("Mobile check deposit", 50, 1200, 1),
    ("Transfer from savings", 200, 2000, 1), ("Rent payment - ACH", 900, 2400, -1),
    ("Electric utility - autopay", 45, 210, -1), ("Card purchase - grocery", 18, 240, -1),
    ("Check", 40, 900, -1), ("Insurance premium - ACH", 80, 420, -1),
    ("ATM withdrawal", 20, 300, -1), ("Card purchase - fuel", 25, 90, -1),
)  # fmt: skip


def _right_text(draw: ImageDraw.ImageDraw, right: float, y: float, text: str, font: Font) -> None:
    draw.text((right - draw.textlength(text, font=font), y), text, fill=_INK, font=font)


@functools.lru_cache(maxsize=2)
def _lamp_shade(darker_at_bottom: bool) -> Image.Image:
    """Uneven lamp brightness: a gentle vertical shade of up to 12 gray levels."""
    shade = Image.linear_gradient("L").resize(PAGE_SIZE).point(lambda value: value * 12 // 255)
    return shade if darker_at_bottom else shade.transpose(Image.Transpose.FLIP_TOP_BOTTOM)


def _scanner_effects(rng: random.Random, page: Image.Image) -> Image.Image:
    """Skew, shade, speckle and soften a clean page the way a cheap flatbed does.

    Bilinear rotation already softens edges a little; one box blur after the
    noise makes the grain look optical and keeps JPEGs small. (A Gaussian
    blur looks the same here and costs twice as much.)
    """
    angle = rng.uniform(-1.5, 1.5)
    page = page.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=_SCANNER_BED)
    page = ImageChops.subtract(page, _lamp_shade(rng.random() < 0.5))
    # Sensor noise from the seeded generator (Image.effect_noise is not seedable).
    amplitude = rng.randint(6, 12)
    noise = Image.frombytes("L", PAGE_SIZE, rng.randbytes(PAGE_SIZE[0] * PAGE_SIZE[1]))
    noise = noise.point([128 - amplitude + value * 2 * amplitude // 255 for value in range(256)])
    page = ImageChops.add(page, noise, scale=1.0, offset=-128)
    return page.filter(ImageFilter.BoxBlur(rng.uniform(0.5, 0.8)))
