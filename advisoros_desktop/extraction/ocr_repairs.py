"""Undoing the misreadings OCR is known for, where the kind of box says what was meant.

Tesseract reads a printed ``0`` as ``O``, a ``1`` as ``l`` or ``|``, a ``5``
as ``S``, and takes a box's rule for a ``)`` or ``|`` after an amount. In a
box that can only hold an amount or a taxpayer number those readings have
one meaning, so they are turned back; a name box is never touched. A box
12 code is one of the IRS's codes, and a state one of the postal codes, so
a reading that is neither is not passed on as if it were. Every repair is
reported as one (``repaired``), which keeps its confidence below what a
reviewer may skip.
"""

from __future__ import annotations

import re

from advisoros_desktop.extraction.values import (
    Normalised,
    collapse,
    normalize_ein,
    normalize_money,
    normalize_ssn,
    normalize_tin,
    normalize_year,
)

# Letters OCR gives for digits, in a box that holds only digits.
_AS_DIGIT = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1", "S": "5", "s": "5"})
# What a box's rules and underlines read as.
_RULES = "|_[]{}—–"
# Marks a box's rules leave at either end of an amount.
_RULE_MARKS = ")|]}([{!'\"`"
# Form W-2 box 12 codes (General Instructions for Forms W-2 and W-3).
BOX_12_CODES = frozenset(
    {
        "A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "Q", "R", "S",
        "T", "V", "W", "Y", "Z", "AA", "BB", "DD", "EE", "FF", "GG", "HH", "II",
    }
)  # fmt: skip
# Digits OCR gives for the letters a box 12 code is made of.
_AS_LETTER = str.maketrans(
    {"0": "D", "O": "D", "Q": "D", "P": "D", "5": "S", "8": "B", "2": "Z", "1": "J"}
)
US_STATES = frozenset(
    {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL",
        "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE",
        "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD",
        "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "AS", "GU", "MP", "PR", "VI",
    }
)  # fmt: skip


def without_rules(raw: str) -> str:
    """The text of a box without the box's rules read as characters (``|``, ``_``, ``[``)."""
    tokens = (token.strip(_RULES) for token in collapse(raw).split(" "))
    return " ".join(token for token in tokens if token)


def repair_money(raw: str) -> Normalised:
    """An amount as OCR read it: confusable letters as digits, rule marks dropped.

    The last ``.`` or ``,`` followed by two digits is the decimal point
    (OCR reads one for the other); the others group thousands.
    """
    found = normalize_money(raw)
    if found.ok:
        return found
    # Rules around the amount are not part of it: dropping them is no repair.
    found = normalize_money(without_rules(raw).strip(_RULE_MARKS))
    if found.ok:
        return found
    text = collapse(raw).replace(" ", "").replace("$", "").strip(_RULE_MARKS)
    text = text.translate(_AS_DIGIT)
    # A neighbouring label's letters read into the box: the amount is what ends it.
    trailing = re.search(r"\d[\d.,]*[.,]\d{2}$", text)
    if trailing is not None:
        text = trailing[0]
    match = re.fullmatch(r"(\d[\d.,]*?)[.,](\d{2})", text)
    if match is not None:
        text = re.sub(r"[.,]", "", match[1]) + "." + match[2]
    repaired = normalize_money(text)
    if not repaired.ok:
        return Normalised(collapse(raw), ok=False)
    return Normalised(repaired.value, repaired=True)


def repair_year(raw: str) -> Normalised:
    """A year box as OCR reads it: the digits among the form's printed rules ("— 2025 _")."""
    found = normalize_year(raw)
    if found.ok:
        return found
    years = set(re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", raw))
    if len(years) == 1:
        return Normalised(years.pop())
    return Normalised(collapse(raw), ok=False)


def repair_identifier(raw: str, kind: str) -> Normalised:
    """An SSN, EIN or TIN (``kind``) with confusable letters read as digits."""
    normalise = {"ssn": normalize_ssn, "ein": normalize_ein, "tin": normalize_tin}[kind]
    found = normalise(raw)
    if found.ok:
        return found
    # A mask's X stays an X: "XXX-XX-1234" is how masked numbers print.
    repaired = normalise(collapse(raw).strip(_RULE_MARKS).translate(_AS_DIGIT))
    if not repaired.ok:
        return Normalised(collapse(raw), ok=False)
    return Normalised(repaired.value, repaired=True)


def box_12_code(raw: str) -> Normalised:
    """A W-2 box 12 code, or not ok when the reading is none of the IRS's codes."""
    text = re.sub(r"[^0-9A-Za-z]", "", without_rules(raw)).upper()
    if text in BOX_12_CODES:
        return Normalised(text, repaired=text != without_rules(raw))
    guess = text.translate(_AS_LETTER)
    if guess in BOX_12_CODES:
        return Normalised(guess, repaired=True)
    if len(text) == 2 and text[0] == text[1] and text[0] in BOX_12_CODES:
        # A wide letter read twice ("WW"); the codes that double a letter were matched above.
        return Normalised(text[0], repaired=True)
    return Normalised(collapse(raw), ok=False)


def state_code(raw: str) -> Normalised:
    """A two-letter state code, or not ok when the reading is not a US postal code."""
    text = re.sub(r"[^A-Za-z]", "", collapse(raw).replace("l", "I").replace("1", "I")).upper()
    if text in US_STATES:
        return Normalised(text, repaired=text != collapse(raw).upper())
    return Normalised(collapse(raw), ok=False)
