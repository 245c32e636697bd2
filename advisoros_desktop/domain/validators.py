"""Validation and normalisation of the values accountants type and servers store.

Each validator takes what arrived (from JSON or a table cell) and returns the
canonical value, or raises ``ValueError`` with a sentence a person can act on.
The same rules run in the desktop's cell editors and in the server, so a value
the desktop accepts is never rejected later for a different reason.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"
)
_PHONE_CHARS = re.compile(r"^[0-9+()./ -]+$")

# Two-digit EIN prefixes the IRS assigns (IRS "How EINs are assigned").
VALID_EIN_PREFIXES = frozenset(
    {
        *range(1, 7),
        *range(10, 17),
        *range(20, 28),
        *range(30, 49),
        *range(50, 69),
        *range(71, 78),
        *range(80, 89),
        *range(90, 96),
        98,
        99,
    }
)

MAX_MONEY = Decimal("999999999999.99")


def normalize_text(value: object, max_length: int = 500) -> str:
    """Collapse runs of white space; refuse non-strings and overly long text."""
    if not isinstance(value, str):
        raise ValueError("must be text")
    if "\x00" in value:
        raise ValueError("contains a NUL character, which text may not hold")
    text = " ".join(value.split())
    if len(text) > max_length:
        raise ValueError(f"is too long ({len(text)} characters, at most {max_length})")
    return text


def normalize_email(value: object) -> str:
    text = normalize_text(value, 254)
    if not _EMAIL.match(text):
        raise ValueError(f"'{text}' is not a valid email address")
    return text


def normalize_phone(value: object) -> str:
    text = normalize_text(value, 40)
    digits = re.sub(r"\D", "", text)
    if not _PHONE_CHARS.match(text) or not 7 <= len(digits) <= 15:
        raise ValueError(f"'{text}' is not a telephone number")
    return text


def _digits(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"must be text, like {what}")
    return re.sub(r"[\s-]", "", value)


def normalize_ssn(value: object) -> str:
    """SSN as ``123-45-6789``; a masked one (``XXX-XX-6789``) stays masked."""
    raw = _digits(value, "123-45-6789").upper().replace("*", "X")
    if re.fullmatch(r"X{5}\d{4}", raw):
        return f"XXX-XX-{raw[5:]}"
    if not re.fullmatch(r"\d{9}", raw):
        raise ValueError(f"'{value}' is not a social security number (nine digits, 123-45-6789)")
    area, group, serial = raw[:3], raw[3:5], raw[5:]
    if area in ("000", "666") or area.startswith("9"):
        raise ValueError(f"'{value}' is not a valid SSN: area {area} is never issued")
    if group == "00" or serial == "0000":
        raise ValueError(f"'{value}' is not a valid SSN: group 00 and serial 0000 are never issued")
    return f"{area}-{group}-{serial}"


def normalize_ein(value: object) -> str:
    """EIN as ``12-3456789`` with a prefix the IRS assigns."""
    raw = _digits(value, "12-3456789")
    if not re.fullmatch(r"\d{9}", raw):
        raise ValueError(f"'{value}' is not an EIN (nine digits, 12-3456789)")
    if int(raw[:2]) not in VALID_EIN_PREFIXES:
        raise ValueError(f"'{value}' is not a valid EIN: the IRS does not assign prefix {raw[:2]}")
    return f"{raw[:2]}-{raw[2:]}"


def normalize_tin(value: object) -> str:
    """A taxpayer id: an EIN (``12-3456789``) or an SSN (``123-45-6789``)."""
    text = value.strip() if isinstance(value, str) else value
    if isinstance(text, str) and re.fullmatch(r"\d{2}-\d{7}", text):
        return normalize_ein(text)
    try:
        return normalize_ssn(text)
    except ValueError:
        pass
    try:
        return normalize_ein(text)
    except ValueError:
        raise ValueError(
            f"'{value}' is neither an EIN (12-3456789) nor an SSN (123-45-6789)"
        ) from None


def normalize_money(value: object) -> str:
    """Money as a string with two decimals and no symbols: ``"52000.00"``."""
    if isinstance(value, bool) or value is None:
        raise ValueError("must be an amount like 1234.50")
    if isinstance(value, int | float):
        text = repr(value)
    elif isinstance(value, str):
        text = value.strip().replace(",", "").replace("$", "").replace(" ", "")
        if text.startswith("(") and text.endswith(")"):
            text = "-" + text[1:-1]
    else:
        raise ValueError("must be an amount like 1234.50")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"'{value}' is not an amount of money (like 1234.50)") from None
    if not amount.is_finite() or abs(amount) > MAX_MONEY:
        raise ValueError(f"'{value}' is not a plausible amount of money")
    if amount != amount.quantize(Decimal("0.01")):
        raise ValueError(f"'{value}' has more than two decimals")
    return str(amount.quantize(Decimal("0.01")))


def normalize_date(value: object) -> str:
    """A calendar date as ``YYYY-MM-DD``."""
    if not isinstance(value, str):
        raise ValueError("must be a date like 2025-04-15")
    try:
        return dt.date.fromisoformat(
            value.strip()[:10] if "T" in value else value.strip()
        ).isoformat()
    except ValueError:
        raise ValueError(f"'{value}' is not a date (use YYYY-MM-DD, like 2025-04-15)") from None


def normalize_year(value: object, today: dt.date | None = None) -> int:
    """A tax or fiscal year: 1990 up to next year."""
    if isinstance(value, bool):
        raise ValueError("must be a year like 2025")
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if not isinstance(value, int):
        raise ValueError(f"'{value}' is not a year (like 2025)")
    latest = (today or dt.date.today()).year + 1
    if not 1990 <= value <= latest:
        raise ValueError(f"{value} is not a plausible year (1990 to {latest})")
    return value


def normalize_integer(value: object, minimum: int = 0, maximum: int = 2**53) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("must be a whole number")
    if not minimum <= value <= maximum:
        raise ValueError(f"{value} is out of range ({minimum} to {maximum})")
    return value


def normalize_number(value: object, minimum: float = 0.0, maximum: float = 1e15) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("must be a number")
    number = float(value)
    if not minimum <= number <= maximum:
        raise ValueError(f"{value} is out of range ({minimum:g} to {maximum:g})")
    return number


def normalize_boolean(value: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return value


def normalize_choice(value: object, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in choices:
        raise ValueError(f"'{value}' is not one of: {', '.join(choices)}")
    return value
