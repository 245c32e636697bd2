"""The result type shared by every demo document generator, plus value formatting.

Each generated file travels with the values printed on it (`truth`), so the
demo can seed "already extracted" fields and tests can check extraction
against ground truth. Truth values are normalised (money "52000.00", dates
"YYYY-MM-DD") while the page shows them the way real paperwork does.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

FORM_TYPES = frozenset(
    {"W-2", "1099-NEC", "1099-INT", "1099-DIV", "1099-MISC", "invoice", "receipt", "unknown"}
)
CATEGORIES = frozenset({"w2", "1099", "invoice", "receipt", "bank_statement", "general"})

CENT = Decimal("0.01")


@dataclass(frozen=True)
class GeneratedDocument:
    """One demo file and the ground truth of what is printed on it."""

    file_name: str
    mime_type: str
    content: bytes = field(repr=False)
    form_type: str
    category: str
    tax_year: int | None
    truth: dict[str, str | bool]

    def __post_init__(self) -> None:
        # Fail at generation time rather than when the seeder inserts rows.
        if self.form_type not in FORM_TYPES:
            raise ValueError(f"unknown form type {self.form_type!r}")
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown category {self.category!r}")


def to_cents(value: Decimal) -> Decimal:
    """Round half-up to cents, as payroll and tax software do (not banker's rounding)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def random_money(rng: random.Random, low: float, high: float) -> Decimal:
    """A random amount in [low, high], whole cents, drawn as an integer for determinism."""
    return Decimal(rng.randint(round(low * 100), round(high * 100))) / 100


def money_truth(value: Decimal) -> str:
    """Canonical money string for truth data: "52000.00"."""
    return f"{to_cents(value):.2f}"


def money_printed(value: Decimal, thousands: bool = True) -> str:
    """Money as printed on a page: "52,000.00" (or "52000.00" without separators)."""
    return f"{to_cents(value):,.2f}" if thousands else f"{to_cents(value):.2f}"


MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# Date styles seen on US paperwork; generators pick one per document.
DATE_STYLES = ("us_slash", "long", "iso", "short_month")


def date_printed(value: date, style: str) -> str:
    """Format a date in one of DATE_STYLES; month names avoid locale-dependent strftime."""
    if style == "us_slash":
        return f"{value.month:02d}/{value.day:02d}/{value.year}"
    if style == "long":
        return f"{MONTH_NAMES[value.month - 1]} {value.day}, {value.year}"
    if style == "short_month":
        return f"{MONTH_NAMES[value.month - 1][:3]} {value.day:02d}, {value.year}"
    return value.isoformat()


def random_date_in_year(rng: random.Random, year: int) -> date:
    """A random calendar day of `year` (no wall clock involved)."""
    first = date(year, 1, 1).toordinal()
    last = date(year, 12, 31).toordinal()
    return date.fromordinal(rng.randint(first, last))


def file_slug(text: str) -> str:
    """Turn a name into a file-name fragment: "Blue Heron Co." -> "BlueHeronCo"."""
    return re.sub(r"[^A-Za-z0-9]+", "", text.title()) or "Document"


def safe_file_name(name: str) -> str:
    """Drop characters that Windows or macOS refuse in file names (company names may hold "/")."""
    return " ".join(re.sub(r'[\\/:*?"<>|]+', " ", name).split())
