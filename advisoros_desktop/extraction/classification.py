"""Deciding which form a page is, and how sure we are.

Evidence comes from each source that can see the page: the layout its form
fields match (a fillable IRS form) and the title its text prints. Later
sources (text layer, OCR) add evidence the same way. With no evidence the
answer is ``unknown``: a wrong guess would file a client's document under the
wrong form, which is worse than asking the accountant.
"""

from __future__ import annotations

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


@dataclass(frozen=True)
class Classification:
    form_type: str
    confidence: float
    evidence: tuple[str, ...] = ()


def classify(*, field_layout: str | None = None, text: str = "") -> Classification:
    """The form type of one page from its matched field layout and its printed text."""
    titled = form_type_from_title(text) if text else None
    if field_layout and titled:
        if field_layout == titled:
            return Classification(field_layout, BOTH_AGREE, ("fields", "title"))
        return Classification(field_layout, DISAGREE, ("fields",))
    if field_layout:
        return Classification(field_layout, FIELDS_ONLY, ("fields",))
    if titled:
        return Classification(titled, TITLE_ONLY, ("title",))
    return Classification(UNKNOWN, 0.0)
