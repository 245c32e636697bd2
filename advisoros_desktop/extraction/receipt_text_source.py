"""The fields of a shop's receipt: who sold, on what day, and what was paid.

A receipt is not laid out like an invoice. The shop's name heads it with no
label (``receipt_vendor``), its many totals need telling apart
(``receipt_total``), and its date is often printed alone with the time of
the sale beside it. So those three fields have readers of their own; the
rest (the receipt or invoice number, the tax) are labelled as on an invoice
and read by ``invoice_text_source``.

The date is the one after a "Date" label when there is one, else the one
date the receipt prints (the one with a time beside it when there are
several). Numeric dates are read day first unless the receipt is in US
dollars; a date whose day and month could be swapped, a two-digit year and
a date with a misread digit repaired are reported less surely.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from advisoros_desktop.extraction.invoice_amounts import Currency, currency_of
from advisoros_desktop.extraction.invoice_text_source import (
    Placer,
    currency_field,
    place_text,
    read_invoice,
)
from advisoros_desktop.extraction.model import ExtractedField
from advisoros_desktop.extraction.page_words import PageWords, Word, text_of
from advisoros_desktop.extraction.receipt_readings import Candidate, ReceiptReadings, agreed
from advisoros_desktop.extraction.receipt_total import ARITHMETIC, CONFIRMED, find_total
from advisoros_desktop.extraction.receipt_vendor import find_receipt_vendor
from advisoros_desktop.extraction.values import normalize_date

# A date after its "Date" label.
LABELLED_DATE = 0.93
# The only date the receipt prints, or the one with the time of the sale beside it.
ONLY_DATE = 0.85
# One of several dates, none marked as the sale's.
FIRST_OF_SEVERAL = 0.6
# Day and month could be swapped, or the year has two digits.
AMBIGUOUS = 0.8
# A digit OCR read as a letter was put back.
REPAIRED = 0.7
# Dates outside these years are misreadings, not the day of a sale.
_FIRST_YEAR = 1990

_OWN_KEYS = frozenset({"vendorName", "invoiceDate", "totalAmount", "currency"})
_DATE_LABEL = re.compile(r"\b(?:date|datum|fecha|data|tarikh)\b", re.IGNORECASE)
_NUMERIC = r"[\dOoIl|]{1,2}[-/.][\dOoIl|]{1,2}[-/.](?:[\dOoIl|]{4}|[\dOoIl|]{2})"
_ISO = r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
_MONTH = r"[A-Za-z]{3,9}\.?"
_NAMED = rf"\d{{1,2}}[ -]?{_MONTH}[ -,]*\d{{2,4}}|{_MONTH} \d{{1,2}},? \d{{4}}"
_DATE = re.compile(rf"(?<![\w/.-])(?:{_ISO}|{_NUMERIC}|{_NAMED})(?![\w/-])")
_TIME = re.compile(r"^\W*\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\W*(?:[ap]\.?m\.?)?\W*$", re.IGNORECASE)
# Lines where a receipt prints its currency beside the money paid.
_MONEY_LINE = re.compile(
    r"total|cash|change|tendered|paid|amount|balance|visa|card|rounding", re.IGNORECASE
)
_AS_DIGIT = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1"})


@dataclass(frozen=True)
class _FoundDate:
    value: str
    confidence: float
    page: PageWords
    words: tuple[Word, ...]
    labelled: bool
    timed: bool


def read_receipt(
    pages: list[PageWords], place: Placer = place_text, today: dt.date | None = None
) -> list[ExtractedField]:
    """The receipt's fields (FIELDS.md invoice keys), each with its place.

    When ``place`` is a ``ReceiptReadings`` the receipt was read more than
    once: each field is found in every reading and the readings are weighed
    (``receipt_readings``); ``pages`` is then its first reading.
    """
    readings = place.readings if isinstance(place, ReceiptReadings) else [pages]
    found = [_read_once(reading, place, today or dt.date.today()) for reading in readings]
    fields = [
        chosen
        for key in ("vendorName", "invoiceDate", "totalAmount", "currency")
        if (chosen := agreed([candidates.get(key) for candidates in found])) is not None
    ]
    others = [f for f in read_invoice(readings[0], place) if f.key not in _OWN_KEYS]
    return fields + others


def _read_once(pages: list[PageWords], place: Placer, today: dt.date) -> dict[str, Candidate]:
    """The receipt's own fields as one reading of its pages gives them."""
    found: dict[str, Candidate] = {}
    vendor = find_receipt_vendor(pages[0])
    if vendor is not None:
        found["vendorName"] = Candidate(
            place("vendorName", "Vendor", vendor.name, vendor.confidence, vendor.page, vendor.words)
        )
    total = find_total(pages)
    currency = _currency(pages, total.words if total else ())
    day_first = currency is None or currency.code != "USD"
    date = find_date(pages, day_first, today)
    if date is not None:
        found["invoiceDate"] = Candidate(
            place("invoiceDate", "Date", date.value, date.confidence, date.page, date.words)
        )
    if total is not None:
        found["totalAmount"] = Candidate(
            place(
                "totalAmount", "Total", str(total.value), total.confidence, total.page, total.words
            ),
            checked=total.confidence >= CONFIRMED,
            derived=total.confidence == ARITHMETIC,
        )
    if currency is not None:
        found["currency"] = Candidate(currency_field(currency, pages, place))
    return found


def _currency(pages: list[PageWords], near: tuple[Word, ...]) -> Currency | None:
    """The currency printed on the total's line, else the one the payment lines name most.

    Only the summary's lines count: a ``$`` misread in a street number is no currency.
    """
    counts: Counter[str] = Counter()
    best: dict[str, Currency] = {}
    for page in pages:
        for line in page.lines:
            markers = [m for m in (currency_of(w.text.strip(";,.")) for w in line) if m]
            if not markers:
                continue
            if any(word in line for word in near):
                return markers[0]
            if _MONEY_LINE.search(text_of(line)):
                for marker in markers:
                    counts[marker.code] += 1
                    best.setdefault(marker.code, marker)
    if not counts:
        return None
    code, _ = counts.most_common(1)[0]
    return Currency(code, best[code].confidence - 0.1)


def find_date(pages: list[PageWords], day_first: bool, today: dt.date) -> _FoundDate | None:
    """The day of the sale (see the module's docstring)."""
    found: list[_FoundDate] = []
    for page in pages:
        lines = page.lines
        for index, line in enumerate(lines):
            label = _label_end(line)
            dates = _dates_in(line, page, day_first, today)
            if label is not None and not any(d.words[0] in line[label:] for d in dates):
                # "Date  Time  No" over a row of values: the date is under its label.
                below = lines[index + 1] if index + 1 < len(lines) else []
                dates += [
                    _FoundDate(d.value, d.confidence, page, d.words, True, d.timed)
                    for d in _dates_in(below, page, day_first, today)
                ]
            elif label is not None:
                dates = [
                    _FoundDate(
                        d.value, d.confidence, page, d.words, d.words[0] in line[label:], d.timed
                    )
                    for d in dates
                ]
            found += dates
    if not found:
        return None
    labelled = [d for d in found if d.labelled]
    timed = [d for d in found if d.timed]
    distinct = {d.value for d in found}
    if labelled:
        best, cap = labelled[0], LABELLED_DATE
    elif len(distinct) == 1 or timed:
        best, cap = (timed or found)[0], ONLY_DATE
    else:
        best, cap = found[0], FIRST_OF_SEVERAL
    return _FoundDate(
        best.value, min(best.confidence, cap), best.page, best.words, best.labelled, best.timed
    )


def _label_end(line: list[Word]) -> int | None:
    """The index after a "Date" label on the line, if it has one."""
    for index, word in enumerate(line):
        if _DATE_LABEL.match(word.text.strip(":.;")) and len(word.text.strip(":.;")) <= 6:
            return index + 1
        if _DATE_LABEL.match(word.text):
            return index  # "Date:25/12/2018": label and date in one word
    return None


def _dates_in(
    line: list[Word], page: PageWords, day_first: bool, today: dt.date
) -> list[_FoundDate]:
    """Every date printed on a line, each with the words it spans."""
    text = ""
    starts: list[int] = []
    for word in line:
        if text:
            text += " "
        starts.append(len(text))
        text += word.text
    found: list[_FoundDate] = []
    for match in _DATE.finditer(text):
        raw = match.group(0)
        used = tuple(
            w
            for w, start in zip(line, starts, strict=True)
            if start < match.end() and start + len(w.text) > match.start()
        )
        read = _read_date(raw, day_first, today)
        if read is None:
            continue
        value, sure = read
        after = line[line.index(used[-1]) + 1 :] if used else []
        timed = bool(after) and bool(_TIME.match(after[0].text))
        found.append(_FoundDate(value, sure, page, used, False, timed))
    return found


def _read_date(raw: str, day_first: bool, today: dt.date) -> tuple[str, float] | None:
    """(ISO date, how sure) for a printed date, or None when it is not one."""
    text = raw.strip(" ,.-")
    sure = 1.0
    if re.search(r"[OoIl|]", text) and re.fullmatch(_NUMERIC, text):
        text, sure = text.translate(_AS_DIGIT), REPAIRED
    found = normalize_date(text, day_first=day_first)
    if not found.ok:
        # "25/12/2018" on a receipt in dollars: only one reading is a date.
        found = normalize_date(text, day_first=not day_first)
        sure = min(sure, AMBIGUOUS)
    if not found.ok:
        return None
    value = str(found.value)
    year = int(value[:4])
    if not _FIRST_YEAR <= year <= today.year + 1:
        return None
    swapped = normalize_date(text, day_first=not day_first)
    if swapped.ok and swapped.value != found.value:
        sure = min(sure, AMBIGUOUS)
    if re.search(r"[-/.]\d{2}$", text):
        sure = min(sure, AMBIGUOUS)
    return value, sure
