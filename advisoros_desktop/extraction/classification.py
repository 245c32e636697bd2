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

# Phrases that say what kind of document a page is (English, German, Dutch, French).
_DOCUMENT_CLUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "bank_statement",
        (
            r"opening balance", r"closing balance", r"beginning balance", r"ending balance",
            r"statement period", r"account statement", r"bank statement", r"kontoauszug",
            r"rekeningafschrift", r"relev[ée] de compte", r"deposits and (?:other )?credits",
            r"withdrawals and (?:other )?debits",
        ),
    ),
    (
        "invoice",
        (
            r"invoice", r"invoice (?:number|no|date|#)", r"bill to", r"due date", r"amount due",
            r"sub ?total", r"\btotal\b", r"\b(?:vat|tax|tva|btw|mwst|gst)\b", r"rechnung",
            r"factuur", r"facture", r"totaal", r"payment terms", r"grand total",
        ),
    ),
    (
        "receipt",
        (
            r"\breceipt\b", r"cashier", r"\bchange\b", r"thank you", r"\bcash\b",
            r"tendered", r"\bqty\b", r"\bpos\b",
        ),
    ),
)  # fmt: skip
_COMPILED = tuple(
    (kind, tuple(re.compile(clue, re.IGNORECASE) for clue in clues))
    for kind, clues in _DOCUMENT_CLUES
)


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

    A bank statement mentions totals and taxes too, so it is tried first. A
    shop's receipt says "total" and "tax invoice" as an invoice does, and a
    hotel's "payment receipt" says "invoice" and "grand total": between
    those two the kind with more distinct clues wins, a tie going to the
    invoice.
    """
    best: tuple[int, str] | None = None
    for kind, clues in _COMPILED:
        hits = sum(1 for clue in clues if clue.search(text))
        if hits < _ENOUGH_CLUES:
            continue
        if kind == "bank_statement":
            best = (hits, kind)
            break
        if best is None or hits > best[0]:
            best = (hits, kind)
    if best is None:
        return Classification(UNKNOWN, 0.0)
    hits, kind = best
    return Classification(kind, MANY_WORDS if hits >= _MANY_CLUES else FEW_WORDS, ("words",))
