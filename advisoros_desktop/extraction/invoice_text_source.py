"""Source 2 for invoices: the fields of an invoice read from its text layer.

Each field is found by label geometry: the label ("Invoice Date:"), then the
value to its right on the same line or under it in its column, parsed by the
field's kind. Specific labels are tried before generic ones ("Invoice date"
before "Date", "Total TTC" before "Total"), and the confidence says which one
was used. Numeric dates are read day first unless the invoice is in US
dollars, and a date that reads both ways is reported less surely. Only
fields the document prints are returned.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from advisoros_desktop.extraction.invoice_amounts import (
    Currency,
    amounts_after,
    currency_of,
    page_currency,
)
from advisoros_desktop.extraction.invoice_labels import Label, find_labels, labels
from advisoros_desktop.extraction.invoice_vendor import find_vendor
from advisoros_desktop.extraction.model import ExtractedField
from advisoros_desktop.extraction.page_words import PageWords, Word, text_of
from advisoros_desktop.extraction.values import normalize_date

SOURCE = "text"
# A value found under its label rather than beside it: the column might be another's.
BELOW = 0.03
# A numeric date whose day and month could be swapped.
AMBIGUOUS_DATE = 0.8

_NOT_TOTAL = frozenset({"ht", "excl", "exclusief", "net", "netto", "before", "hors", "ohne"})
_NOT_TAX = frozenset(
    {"excl", "exclusief", "excluding", "ohne", "hors", "without", "incl", "inclusief", "including"}
)

INVOICE_NUMBER = [
    *labels(
        0.93,
        "invoice number",
        "invoice no",
        "invoice nr",
        "invoice num",
        "invoice #",
        "rechnungsnr",
        "rechnungsnummer",
        "rechnung nr",
        "factuurnummer",
        "factuurnr",
        "facture n°",
        "numéro de facture",
        "n° de facture",
        "bill number",
        "bill no",
    ),
    *labels(0.8, "invoice", "rechnung", "factuur", "facture"),
    *labels(0.6, "booking id", "receipt number", "receipt no", "document number"),
]
INVOICE_DATE = [
    *labels(
        0.93,
        "invoice date",
        "date of invoice",
        "rechnungsdatum",
        "factuurdatum",
        "date de facture",
        "date de la facture",
        "billing date",
        "date of issue",
        "issue date",
    ),
    *labels(0.85, "date", "datum", starts_phrase=True),
]
DUE_DATE = labels(
    0.93,
    "due date",
    "payment due",
    "date due",
    "fälligkeitsdatum",
    "fällig am",
    "vervaldatum",
    "date d'échéance",
    "échéance",
)
TOTAL = [
    *labels(
        0.93,
        "total ttc",
        "grand total",
        "total amount due",
        "amount due",
        "balance due",
        "total due",
        "invoice total",
        "total for this invoice",
        "totaal",
        "te betalen",
        "gesamtbetrag",
        "rechnungsbetrag",
        "endbetrag",
        "montant ttc",
        "net à payer",
    ),
    *labels(0.85, "total", "summe", not_followed_by=_NOT_TOTAL),
]
TAX = [
    *labels(0.9, "total tax", "tax amount", "vat amount", "sales tax", "total vat", "mwst betrag"),
    *labels(
        0.85, "tax", "vat", "tva", "btw", "mwst", "ust", "gst", "iva", not_preceded_by=_NOT_TAX
    ),
]


# Makes the field a reader found from the words it used: where they are shown and
# how sure the source is of them (the text layer's are certain, OCR's are not).
Placer = Callable[[str, str, str, float, PageWords, Sequence[Word]], ExtractedField]


def place_text(
    key: str, label: str, value: str, confidence: float, page: PageWords, words: Sequence[Word]
) -> ExtractedField:
    """A field read from the text layer: its words' box, the reader's confidence."""
    return ExtractedField(
        key=key,
        label=label,
        value=value,
        confidence=round(confidence, 3),
        page=page.page,
        bbox=page.bbox(words),
        source=SOURCE,
    )


def read_invoice(pages: list[PageWords], place: Placer = place_text) -> list[ExtractedField]:
    """The invoice fields the pages print (FIELDS.md keys), each with its place."""
    words = [word for page in pages for word in page.words]
    fields: list[ExtractedField] = []
    vendor = find_vendor(pages)
    if vendor is not None:
        fields.append(
            place("vendorName", "Vendor", vendor.name, vendor.confidence, vendor.page, vendor.words)
        )
    number = _first(pages, INVOICE_NUMBER, _identifier)
    if number is not None:
        fields.append(place("invoiceNumber", "Invoice number", *number))
    # Amounts are read beside their label only: under a "Total" or "Tax" column
    # heading are the invoice lines' amounts, not the invoice's.
    total = _first(pages, TOTAL, _last_amount, below=False)
    currency = _currency(total, words)
    day_first = currency is None or currency.code != "USD"
    for key, label, table in (
        ("invoiceDate", "Invoice date", INVOICE_DATE),
        ("dueDate", "Due date", DUE_DATE),
    ):
        date = _first(pages, table, lambda ws: _date(ws, day_first))
        if date is not None:
            fields.append(place(key, label, *date))
    if total is not None:
        fields.append(place("totalAmount", "Total", *total))
    tax = _first(pages, TAX, _last_amount, below=False)
    if tax is not None:
        fields.append(place("taxAmount", "Tax", *tax))
    if currency is not None:
        fields.append(currency_field(currency, pages, place))
    return fields


def currency_field(currency: Currency, pages: list[PageWords], place: Placer) -> ExtractedField:
    """The currency, placed on the first word of the pages that names it."""
    words = (word for page in pages for word in page.words)
    marker = next((w for w in words if currency_of(w.text) == currency), None)
    where = (marker,) if marker else ()
    return place("currency", "Currency", currency.code, currency.confidence, pages[0], where)


Found = tuple[str, float, PageWords, tuple[Word, ...]]
Reader = Callable[[list[Word]], tuple[str, tuple[Word, ...], float] | None]


def _first(
    pages: list[PageWords], table: list[Label], read: Reader, below: bool = True
) -> Found | None:
    """The value of the first label of ``table`` that has one, right of it (or below it)."""
    for hit in find_labels(pages, table):
        places = [(hit.right(), 0.0)]
        if below:
            places.append((hit.below(), BELOW))
        for words, lower in places:
            found = read(words) if words else None
            if found is not None:
                value, used, cap = found
                return value, min(hit.label.confidence, cap) - lower, hit.page, used
    return None


def _identifier(words: list[Word]) -> tuple[str, tuple[Word, ...], float] | None:
    """An invoice number: the next word, if it has a digit ("INV/2023/03/0008", "42183017")."""
    word = words[0]
    text = word.text.strip("#:,;").strip()
    if len(text) >= 3 and any(c.isdigit() for c in text):
        return text, (word,), 1.0
    return None


def _date(words: list[Word], day_first: bool) -> tuple[str, tuple[Word, ...], float] | None:
    """The longest run of the next few words that is a date."""
    for size in range(min(4, len(words)), 0, -1):
        run = words[:size]
        text = text_of(run)
        found = normalize_date(text, day_first=day_first)
        if found.ok:
            swapped = normalize_date(text, day_first=not day_first)
            sure = 1.0 if not swapped.ok or swapped.value == found.value else AMBIGUOUS_DATE
            return str(found.value), tuple(run), sure
    return None


def _last_amount(words: list[Word]) -> tuple[str, tuple[Word, ...], float] | None:
    amounts = amounts_after(words)
    if not amounts:
        return None
    amount = amounts[-1]
    return str(amount.value), amount.words, 1.0


def _currency(total: Found | None, words: list[Word]) -> Currency | None:
    """The currency printed with the total, else the one the page's markers name."""
    if total is not None:
        page, used = total[2], total[3]
        line = next((ln for ln in page.lines if any(w in ln for w in used)), [])
        for word in line:
            found = currency_of(word.text)
            if found is not None:
                return found
    return page_currency(words)
