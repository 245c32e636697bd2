"""What a shop's receipt says was paid: its total, told apart from its other totals.

A receipt prints many lines with "total" in them: the subtotal, the count of
items ("Total Qty 2"), the tax ("Total GST 0.00", a GST summary table under
the payment), the total before rounding to coins and the rounded one. What an
accountant books is the amount paid, so the lines that say so ("Rounded
total", "Grand total", "Total incl. GST", "Total amount", "Total RM") come
before a bare "Total", the last such line of the summary block wins, and the
lines after the change is given (tax summaries, footers) are not read.

A receipt checks itself: cash tendered less change, a card payment, the
total before rounding plus the rounding adjustment all come to the amount
paid. Only a total one of those confirms is reported as sure; OCR misreads
one digit of an amount too often for a lone reading to be trusted. A total
read a digit or two away from what those lines (or the total before tax plus
the tax) come to is taken as misread (bold print at the foot of a till roll
is where OCR reads a 0 as a 6), and the sum is reported, though not as sure.
Some tills print the rounded amount under the rounding line with no label.

Amounts are read through the misreadings OCR is known for on receipts (a
``O`` for a ``0``, ``86. 00`` split in two, a comma for the point, quotes and
brackets around it); a repaired amount is never reported as sure unless the
receipt's own arithmetic confirms it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from advisoros_desktop.extraction.invoice_amounts import parse_amount
from advisoros_desktop.extraction.page_words import PageWords, Word, text_of

# A labelled total the receipt's arithmetic confirms.
CONFIRMED = 0.95
# The amount paid by its label ("Grand total"), unconfirmed.
PAID_LABEL = 0.85
# A bare "Total", unconfirmed.
PLAIN_LABEL = 0.75
# An amount OCR had to be corrected to read.
REPAIRED = 0.7
# A total read a digit or two away from what the receipt's other lines add up
# to is taken to be misread; the sum is reported, not as sure: only two
# readings of the print agree, and they could be the misread ones.
ARITHMETIC = 0.8
_MAX_MISREAD_DIGITS = 2

# Lines that name a total which is not the amount paid.
_NOT_PAID = re.compile(
    r"sub ?-?total|total ?(?:qty|quantity|items?|item\(s\)|pcs|pieces|units)"
    r"|total ?(?:discount|sav(?:ed|ings?))"
    r"|excl|exclusive|excluding|before (?:tax|gst|vat)|\bnet of\b|ohne|hors"
    r"|total ?(?:gst|vat|tax|tva|btw|mwst)\b|(?:gst|vat|tax) (?:summary|total|amount)|\bqty\b"
    r"|rounding|points",
    re.IGNORECASE,
)
# Lines that name the amount paid.
_PAID = re.compile(
    r"round(?:ed)? ?total|total ?rounded|grand ?total|net?t ?total|gross ?total"
    r"|total ?gross|total ?(?:incl|inclusive|inc)\b|(?:inclusive|incl\.?) (?:of )?(?:gst|vat|tax)"
    r"|total ?amount|amount ?payable|total ?payable|total ?due|amount ?due|balance ?due"
    r"|total to pay|total ?(?:rm|myr|\$|us\$|usd|€|eur|£|gbp|sgd|aud|cad)\b"
    r"|total ttc|gesamtbetrag|te betalen",
    re.IGNORECASE,
)
# The total before tax, and the tax, that add up to the amount paid.
_BEFORE_TAX = re.compile(
    r"excl|exclusive|excluding|before (?:tax|gst|vat)|\bnet of\b|ohne|hors|sub ?-?total",
    re.IGNORECASE,
)
_TAX_TOTAL = re.compile(r"total ?(?:gst|vat|tax|tva|btw|mwst)\b", re.IGNORECASE)
_TOTAL = re.compile(r"\btotal\b|\btotaal\b|\bsumme\b|\bgesamt\b", re.IGNORECASE)
# "Adjustment" alone: OCR often breaks the word "Rounding" before it.
_ROUNDING = re.compile(r"rounding|round(?:ing)? ?adj|\badjustment\b", re.IGNORECASE)
_CHANGE = re.compile(r"\bchange\b|\bchange due\b|r[üu]ckgeld|wisselgeld|rendu", re.IGNORECASE)
_CASH = re.compile(r"\bcash\b|tendered|bargeld|contant|esp[èe]ces", re.IGNORECASE)
_CARD = re.compile(
    r"\bvisa\b|master ?card|\bamex\b|american express|\bcard\b|debit|credit|eftpos|\bpaid\b"
    r"|e-?wallet|\bnets\b|maestro",
    re.IGNORECASE,
)
# Marks OCR reads around an amount: quotes, brackets, a rule's bar.
_MARKS = "\"'“”‘’«»()[]{}|!:;~*=+_"
# Letters OCR gives for the digits of an amount.
_AS_DIGIT = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "§": "5"})
_DIGITS_LIKE = re.compile(r"[\dOoDQ§]*\d[\dOoDQ§]*[.,]?[\dOoDQ§]*|[.,]?[\dOoDQ§]{2}")


@dataclass(frozen=True)
class ReadAmount:
    value: Decimal
    words: tuple[Word, ...]
    repaired: bool


@dataclass(frozen=True)
class ReceiptTotal:
    value: Decimal
    confidence: float
    page: PageWords
    words: tuple[Word, ...]


@dataclass(frozen=True)
class _Line:
    page: PageWords
    words: list[Word]
    text: str
    amount: ReadAmount | None


def find_total(pages: list[PageWords]) -> ReceiptTotal | None:
    """The amount the receipt says was paid, and how sure its own arithmetic makes it."""
    lines = _summary_lines(pages)
    paid = [ln for ln in lines if _is_total(ln) and _PAID.search(ln.text)]
    plain = [ln for ln in lines if _is_total(ln) and not _PAID.search(ln.text)]
    for candidates, sureness in ((paid, PAID_LABEL), (plain, PLAIN_LABEL)):
        chosen = _choose(candidates, lines)
        if chosen is None:
            continue
        rounded = _unlabelled_rounded(chosen, lines) if candidates is plain else None
        if rounded is not None:
            chosen, sureness = rounded, PAID_LABEL
        amount = chosen.amount
        assert amount is not None
        if _confirmed(amount.value, chosen, lines):
            return ReceiptTotal(amount.value, CONFIRMED, chosen.page, amount.words)
        corrected = _misread(amount.value, _expected(chosen, lines))
        if corrected is not None:
            return ReceiptTotal(corrected, ARITHMETIC, chosen.page, amount.words)
        confidence = min(sureness, REPAIRED) if amount.repaired else sureness
        return ReceiptTotal(amount.value, confidence, chosen.page, amount.words)
    return None


def _unlabelled_rounded(total: _Line, lines: list[_Line]) -> _Line | None:
    """The amount printed alone under a "Rounding" line that follows the total, if any.

    Some tills print the total before rounding, the adjustment, a rule, and
    then the rounded amount with no label but the currency's.
    """
    after = lines[lines.index(total) + 1 :]
    for index, line in enumerate(after):
        if line.amount is None:
            continue
        if not _ROUNDING.search(line.text):
            return None
        following = next((ln for ln in after[index + 1 :] if ln.amount is not None), None)
        if following is None or any(sum(c.isalpha() for c in w.text) >= 3 for w in following.words):
            return None
        return following
    return None


def _expected(chosen: _Line, lines: list[_Line]) -> set[Decimal]:
    """What the receipt's other lines say was paid: cash less change, total and rounding, ...

    ... the total before tax plus the tax, each with the rounding adjustment
    (OCR often loses its minus sign, so both ways).
    """
    amounts = [(ln, ln.amount.value) for ln in lines if ln is not chosen and ln.amount]
    cash = [value for ln, value in amounts if _CASH.search(ln.text) and not _CHANGE.search(ln.text)]
    change = [value for ln, value in amounts if _CHANGE.search(ln.text)]
    rounding = [value for ln, value in amounts if _ROUNDING.search(ln.text)]
    before_tax = [value for ln, value in amounts if _BEFORE_TAX.search(ln.text)]
    before_tax += [
        value
        for ln in lines
        if ln.amount is None and _BEFORE_TAX.search(ln.text)
        if (value := _without_point(ln.words)) is not None
    ]
    tax = [value for ln, value in amounts if _TAX_TOTAL.search(ln.text)]
    plain = [
        value
        for ln, value in amounts
        if lines.index(ln) < lines.index(chosen) and _is_total(ln) and not _PAID.search(ln.text)
    ]
    found = {given - back for given in cash for back in change if given > back}
    sums = plain + [net + levy for net in before_tax for levy in tax]
    for adjust in rounding:
        found |= {total + adjust for total in sums} | {total - adjust for total in sums}
    return {value for value in found if value > 0}


def _misread(value: Decimal, expected: set[Decimal]) -> Decimal | None:
    """The one expected amount ``value`` could be a misreading of (a digit or two), else None."""
    near = {other for other in expected if 0 < _digits_apart(value, other) <= _MAX_MISREAD_DIGITS}
    return near.pop() if len(near) == 1 else None


def _digits_apart(one: Decimal, other: Decimal) -> int:
    """In how many digits two amounts differ when printed alike (all of them for other lengths)."""
    first, second = f"{one:.2f}", f"{other:.2f}"
    if len(first) != len(second):
        return max(len(first), len(second))
    return sum(a != b for a, b in zip(first, second, strict=True))


def _summary_lines(pages: list[PageWords]) -> list[_Line]:
    """Every line of the receipt down to the one giving change (what follows is not the sale)."""
    found: list[_Line] = []
    for page in pages:
        for words in page.lines:
            text = text_of(words)
            line = _Line(page, words, text, last_amount(words))
            found.append(line)
            if _CHANGE.search(text) and line.amount is not None:
                return found
    return found


def _is_total(line: _Line) -> bool:
    named = _TOTAL.search(line.text) or _PAID.search(line.text)
    return line.amount is not None and named is not None and not _NOT_PAID.search(line.text)


def _choose(candidates: list[_Line], lines: list[_Line]) -> _Line | None:
    """The last candidate, or the last the arithmetic confirms; a zero total only if all are."""
    positive = [ln for ln in candidates if ln.amount is not None and ln.amount.value > 0]
    pool = positive or candidates
    if not pool:
        return None
    confirmed = [ln for ln in pool if ln.amount and _confirmed(ln.amount.value, ln, lines)]
    return (confirmed or pool)[-1]


def _confirmed(value: Decimal, chosen: _Line, lines: list[_Line]) -> bool:
    """Whether another line of the receipt comes to ``value``: payment, change, rounding."""
    others = [ln for ln in lines if ln is not chosen and ln.amount is not None]
    cash = [ln.amount.value for ln in others if ln.amount and _CASH.search(ln.text)]
    change = [ln.amount.value for ln in others if ln.amount and _CHANGE.search(ln.text)]
    cards = [
        ln.amount.value
        for ln in others
        if ln.amount and _CARD.search(ln.text) and not _TOTAL.search(ln.text)
    ]
    totals = [ln.amount.value for ln in others if ln.amount and _is_total(ln)]
    rounding = [ln.amount.value for ln in others if ln.amount and _ROUNDING.search(ln.text)]
    if any(given - back == value for given in cash for back in change if given > value):
        return True
    if value in cards or (value > 0 and value in cash and not change):
        return True
    for total in totals:
        if total == value:
            return True
        if any(total + adjust == value or total - adjust == value for adjust in rounding if adjust):
            return True
    return False


def _without_point(words: list[Word]) -> Decimal | None:
    """ "5142" at the end of a line of money: an amount whose decimal point OCR lost."""
    if not words:
        return None
    text = words[-1].text.strip(_MARKS).translate(_AS_DIGIT)
    if not re.fullmatch(r"\d{3,7}", text):
        return None
    return Decimal(text) / 100


def last_amount(words: list[Word]) -> ReadAmount | None:
    """The right-most amount with cents on a line, read through OCR's usual misreadings."""
    found: ReadAmount | None = None
    index = 0
    while index < len(words):
        word = words[index]
        following = words[index + 1] if index + 1 < len(words) else None
        joined = _joined(word, following)
        if joined is not None:
            found = joined
            index += 2
            continue
        read = _read(word.text)
        if read is not None:
            found = ReadAmount(read[0], (word,), read[1])
        index += 1
    return found


def _joined(word: Word, following: Word | None) -> ReadAmount | None:
    """ "86. 00": an amount OCR split at its decimal point."""
    if following is None or following.x0 - word.x1 > 2 * word.height:
        return None
    left, right = word.text.strip(_MARKS), following.text.strip(_MARKS)
    if not re.fullmatch(r"\d+[.,]", left) or not re.fullmatch(r"[\dOo]{2}", right):
        return None
    read = _read(left + right.translate(_AS_DIGIT))
    if read is None:
        return None
    return ReadAmount(read[0], (word, following), True)


def _read(text: str) -> tuple[Decimal, bool] | None:
    """(value, repaired) for a word that is an amount with cents, else None."""
    parsed = parse_amount(text)
    if parsed is not None and parsed[1]:
        return parsed[0].quantize(Decimal("0.01")), False
    stripped = text.strip(_MARKS)
    if not _DIGITS_LIKE.fullmatch(stripped) or not any(c.isdigit() for c in stripped):
        # A currency marker glued to the amount ("RM9.00") is parse_amount's.
        return None
    repaired = stripped.translate(_AS_DIGIT)
    parsed = parse_amount(repaired)
    if parsed is None or not parsed[1]:
        return None
    return parsed[0].quantize(Decimal("0.01")), True
