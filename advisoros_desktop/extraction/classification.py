"""Deciding which form a page is, and how sure we are.

Evidence comes from each source that can see the page: the layout its form
fields match (a fillable IRS form), the layout its printed box labels match
(a flattened or payroll-printed form), the title its text prints, and for
documents without a fixed layout the words they use ("Invoice number",
"Opening balance"). With no evidence the answer is ``unknown``: a wrong
guess would file a client's document under the wrong form, which is worse
than asking the accountant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from advisoros_desktop.extraction.form_keys import UNKNOWN
from advisoros_desktop.extraction.form_titles import form_type_from_title

# Fields of a known layout and the printed title agree: as sure as it gets.
BOTH_AGREE = 0.99
FIELDS_ONLY = 0.95
TITLE_ONLY = 0.9
# The fields match one form and the title names another: the fields hold the
# values we report, so they win, but the reviewer should look.
DISAGREE = 0.6
# Printed box labels of a known layout found where the layout puts them.
LABELS_AND_TITLE = 0.98
LABELS_ONLY = 0.9
# Documents told apart by their words: many distinct clues, or just enough.
MANY_WORDS = 0.9
FEW_WORDS = 0.75
_ENOUGH_CLUES = 2
_MANY_CLUES = 4

# Phrases that say a page is a bank statement (English, German, Dutch, French).
_STATEMENT_CLUES = (
    r"opening balance", r"closing balance", r"beginning balance", r"ending balance",
    r"statement period", r"account statement", r"bank statement", r"kontoauszug",
    r"rekeningafschrift", r"relev[ée] de compte", r"deposits and (?:other )?credits",
    r"withdrawals and (?:other )?debits",
)  # fmt: skip
# Words every bill prints, invoice or shop receipt alike: they say a page is a
# bill but not which kind ("TAX INVOICE" and "GST" head many shop receipts).
_BILL_CLUES = (
    r"invoice", r"invoice (?:number|no|date|#)", r"sub ?total", r"\btotal\b",
    r"\b(?:vat|tax|tva|btw|mwst|gst)\b", r"rechnung", r"factuur", r"facture", r"totaal",
    r"grand total",
)  # fmt: skip
# What only an invoice prints: who is billed and where goods go, when and how
# to pay later (terms, due date, the bank account to pay into), the customer's
# and order's references. A sale paid at the till needs none of them.
_INVOICE_CLUES = (
    r"\bbill(?:ed|ing)? (?:to|address)", r"rechnungsadresse", r"factuuradres",
    r"\bship(?:ped|ping)? (?:to|address)|deliver(?:y|ed)? (?:to|address)|lieferadresse",
    r"due date|payment due|date due|f[äa]llig|vervaldatum|[ée]ch[ée]ance|zahlungsziel",
    r"payment terms|terms of payment|zahlungsbedingungen|betalingsvoorwaarden"
    r"|conditions de (?:paiement|r[èe]glement)",
    r"amount due|balance due|total due|amount payable|te betalen",
    r"customer (?:no|number|id|ref)|client (?:no|number)|kunden-?n(?:r|ummer)|klantnummer"
    r"|n° client|your reference|purchase order|\bp\.?o\.? (?:no|number)",
    r"order (?:no|number|id|date)|ordernummer|orderdatum|bestellnummer|bestelldatum",
    r"\biban\b",
    r"\b(?:bic|swift|ifsc)\b|sort code|routing (?:no|number)",
    r"bank ?(?:account|name|details|verbindung)|account holder|titulaire du compte"
    r"|kontoinhaber|account (?:no|number)",
)  # fmt: skip
# What only a shop's receipt prints: the sale happened at a till, now, paid on
# the spot (cash, change, tendered, rounding to coins), who rang it up, the
# counted items, the shop's goodbye and returns rule, the loyalty scheme, and
# the time of day beside the date.
_RECEIPT_CLUES = (
    r"\breceipt\b", r"\bcash\b", r"\bchange\b", r"tendered", r"rounding",
    r"cashier|served by|\boperator\b|salesperson|\bserver\b",
    r"\b(?:till|pos|terminal|counter|station|register|lane)\b",
    r"thank ?you|thanks|come again|see you again|have a nice day",
    r"total (?:qty|quantity|items?)|items? ?\(?s\)?\s*:?\s*\d|qty ?\(s\)|item count"
    r"|no\.? of items",
    r"(?:gst|vat|tax) summary",
    r"\bmember|loyalty|points (?:earned|awarded|balance)",
    r"cash (?:bill|sales?)",
    r"not (?:returnable|refundable|exchangeable)|no (?:cash )?refund|returns? within",
    r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\W{1,3}(?:\w+\W{1,3})?\d{1,2}:\d{2}"
    r"|\btime\W{1,3}\d{1,2}:?\d{2}",
)  # fmt: skip


def _compiled(clues: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(clue, re.IGNORECASE) for clue in clues)


_STATEMENT = _compiled(_STATEMENT_CLUES)
_BILL = _compiled(_BILL_CLUES)
_INVOICE = _compiled(_INVOICE_CLUES)
_RECEIPT = _compiled(_RECEIPT_CLUES)


@dataclass(frozen=True)
class Classification:
    form_type: str
    confidence: float
    evidence: tuple[str, ...] = ()


def classify(
    *, field_layout: str | None = None, printed_layout: str | None = None, text: str = ""
) -> Classification:
    """The form type of one page from its matched field or printed layout and its text."""
    titled = form_type_from_title(text) if text else None
    if printed_layout and not field_layout:
        if titled == printed_layout:
            return Classification(printed_layout, LABELS_AND_TITLE, ("labels", "title"))
        if titled is None:
            return Classification(printed_layout, LABELS_ONLY, ("labels",))
        return Classification(printed_layout, DISAGREE, ("labels",))
    if field_layout and titled:
        if field_layout == titled:
            return Classification(field_layout, BOTH_AGREE, ("fields", "title"))
        return Classification(field_layout, DISAGREE, ("fields",))
    if field_layout:
        return Classification(field_layout, FIELDS_ONLY, ("fields",))
    if titled:
        return Classification(titled, TITLE_ONLY, ("title",))
    return document_kind(text)


def document_kind(text: str) -> Classification:
    """Invoice, bank statement or receipt from the words a page uses, else unknown.

    A bank statement mentions totals and taxes too, so it is tried first.
    Invoices and shop receipts share most of their words: a shop's receipt
    is often headed "TAX INVOICE" and prints "GST" and "TOTAL", and a hotel's
    "payment receipt" prints an invoice's bank details. So only the clues
    exclusive to each kind decide (``_INVOICE_CLUES``, ``_RECEIPT_CLUES``):
    a receipt needs at least two of its own and more than the invoice's;
    otherwise enough of any bill's words make an invoice, the kind whose
    fields a reviewer checks most closely. Confidence follows how many
    distinct clues agree and whether the other kind's clues were seen too.
    """
    statement = _hits(_STATEMENT, text)
    if statement >= _ENOUGH_CLUES:
        confidence = MANY_WORDS if statement >= _MANY_CLUES else FEW_WORDS
        return Classification("bank_statement", confidence, ("words",))
    receipt, invoice, bill = _hits(_RECEIPT, text), _hits(_INVOICE, text), _hits(_BILL, text)
    if receipt >= _ENOUGH_CLUES and receipt > invoice:
        sure = receipt >= _MANY_CLUES and invoice == 0
        return Classification("receipt", MANY_WORDS if sure else FEW_WORDS, ("words",))
    if invoice + bill >= _ENOUGH_CLUES:
        sure = invoice + bill >= _MANY_CLUES and receipt <= invoice
        return Classification("invoice", MANY_WORDS if sure else FEW_WORDS, ("words",))
    return Classification(UNKNOWN, 0.0)


def _hits(clues: tuple[re.Pattern[str], ...], text: str) -> int:
    """How many of ``clues`` the text shows (each counted once, however often printed)."""
    return sum(1 for clue in clues if clue.search(text))
