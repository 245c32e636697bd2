"""Amounts and currencies as invoices print them, in any of the usual conventions.

Invoices come from everywhere: ``$1,234.56``, ``1.234,56 €``, ``Rs 1939``, ``RM 9.00``,
``EUR 34,73``. An amount is only taken for one when it looks like money (two
decimals, or a currency marker beside it), so a year or a quantity on the
same line is not read as the total. The currency is an ISO 4217 code, read
from the markers the document prints; ``$`` alone says dollars but not whose.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from advisoros_desktop.extraction.page_words import Word

ISO_CODES = frozenset(
    {
        "USD", "EUR", "GBP", "INR", "CAD", "AUD", "NZD", "CHF", "JPY", "CNY", "HKD",
        "SGD", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "ZAR", "MXN", "BRL", "AED",
        "MYR",
    }
)  # fmt: skip
# Symbols that name one currency, and how sure that is.
_SYMBOLS = {
    "€": ("EUR", 0.95),
    "£": ("GBP", 0.93),
    "₹": ("INR", 0.95),
    "RS": ("INR", 0.92),
    "RS.": ("INR", 0.92),
    "RM": ("MYR", 0.92),
    "¥": ("JPY", 0.8),
    "US$": ("USD", 0.95),
    # Canadian, Australian and other dollars print "$" too.
    "$": ("USD", 0.85),
}
_WHOLE = r"(?:\d{1,3}(?:(?P<sep>[.,' ])\d{3})(?:(?P=sep)\d{3})*|\d+)"
_AMOUNT = re.compile(rf"(?P<whole>{_WHOLE})(?:(?P<point>[.,])(?P<cents>\d{{1,2}}))?")


@dataclass(frozen=True)
class Currency:
    code: str
    confidence: float


@dataclass(frozen=True)
class Amount:
    value: Decimal
    words: tuple[Word, ...]
    marked: bool  # a currency marker was printed with it


def currency_of(text: str) -> Currency | None:
    """The currency a word names (``€``, ``EUR``, ``Rs.``, ``$4.11``), or None."""
    word = text.strip("():").upper()
    if word in ISO_CODES:
        return Currency(word, 0.95)
    for symbol, (code, confidence) in _SYMBOLS.items():
        if word == symbol or (not symbol.isalpha() and symbol in word and _has_digit(word)):
            return Currency(code, confidence)
        if symbol.isalpha() and word.startswith(symbol) and word[len(symbol) :][:1].isdigit():
            return Currency(code, confidence)
    return None


def _has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)


def _strip_marker(text: str) -> tuple[str, bool]:
    """The number part of a word such as ``$4.11``, ``€3.50``, ``Rs1939`` or ``56,02€``."""
    upper = text.upper()
    for marker in sorted([*_SYMBOLS, *ISO_CODES], key=len, reverse=True):
        if upper.startswith(marker) and len(upper) > len(marker):
            return text[len(marker) :], True
        if upper.endswith(marker) and len(upper) > len(marker):
            return text[: -len(marker)], True
    return text, False


def parse_amount(text: str) -> tuple[Decimal, bool, bool] | None:
    """(value, has decimals, had a marker) for a word that is an amount, else None.

    ``1,234.56`` and ``1.234,56`` are both 1234.56: the separator followed by
    one or two final digits is the decimal point, the other groups thousands.
    """
    number, marked = _strip_marker(text.strip(":"))
    negative = number.startswith(("-", "(")) or number.endswith("-")
    number = number.strip("-()")
    match = _AMOUNT.fullmatch(number)
    if match is None or (match["sep"] and match["sep"] == match["point"]):
        return None
    whole = re.sub(r"[.,' ]", "", match["whole"])
    try:
        value = Decimal(f"{whole}.{match['cents']}" if match["cents"] else whole)
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        return None
    return (-value if negative else value), match["cents"] is not None, marked


def amounts_after(words: list[Word]) -> list[Amount]:
    """The amounts in ``words`` (a label's right-hand side), up to the next label.

    A bare integer counts only beside a currency marker; reading stops at a
    word of letters once an amount was found, so a second column on the same
    line is not taken.
    """
    found: list[Amount] = []
    previous_marker = False
    for word in words:
        parsed = parse_amount(word.text)
        if parsed is not None:
            value, has_decimals, marked = parsed
            if has_decimals or marked or previous_marker:
                found.append(
                    Amount(value.quantize(Decimal("0.01")), (word,), marked or previous_marker)
                )
            previous_marker = False
            continue
        previous_marker = currency_of(word.text) is not None
        if not previous_marker and found and sum(c.isalpha() for c in word.text) >= 2:
            break
    return found


def page_currency(words: list[Word]) -> Currency | None:
    """The currency most of the page's markers name, a little less sure than one beside a total."""
    counts = Counter(
        found.code for found in (currency_of(word.text) for word in words) if found is not None
    )
    if not counts:
        return None
    code, _ = counts.most_common(1)[0]
    best = max(
        (found for found in (currency_of(w.text) for w in words) if found and found.code == code),
        key=lambda c: c.confidence,
    )
    return Currency(code, best.confidence - 0.1)
