"""The W-2's tax year, which the form prints only in its title.

There is no box for it: "Form W-2 Wage and Tax Statement 2026" says it, in
large outlined digits. The text layer gives them exactly. OCR rarely reads
outlined digits, so on a scan the year is read from the title when OCR got
it, and otherwise inferred from the form's layout: the IRS revises the W-2
every year, and each year's form is used for that tax year only, so the
layout the page matched names the year. An inference is not a reading, so
it is reported below the confidence a reviewer may skip, and says so.
"""

from __future__ import annotations

from advisoros_desktop.extraction.document_text import DocumentText
from advisoros_desktop.extraction.form_titles import w2_tax_year
from advisoros_desktop.extraction.model import ExtractedField

TITLE_YEAR_CONFIDENCE = 0.95
# Read by OCR in the title: the digits are outlined and often misread.
OCR_TITLE_YEAR_CONFIDENCE = 0.85
INFERRED_YEAR_CONFIDENCE = 0.7
_LABEL = "Tax year (printed in the form's title)"


def w2_year(page: int, text: DocumentText, revision: str | None) -> list[ExtractedField]:
    """The tax year of the W-2 on ``page``: read from its title, else from its layout."""
    found = w2_tax_year(text.text(page))
    scan = text.scan(page)
    if found is not None and scan is None:
        year, start = found
        return [_year(year, TITLE_YEAR_CONFIDENCE, page, text.find(page, year, start), "text")]
    if found is not None and scan is not None:
        year = found[0]
        words = [word for word in scan.page_words.words if word.text == year]
        sure = min(OCR_TITLE_YEAR_CONFIDENCE, scan.confidence(words[:1]))
        return [_year(year, sure, page, scan.shown_bbox(words[:1]), "ocr")]
    if scan is not None and revision:
        label = f"Tax year (not legible on the scan: the form's layout is the {revision} W-2)"
        return [_year(revision, INFERRED_YEAR_CONFIDENCE, page, None, "ocr", label)]
    return []


def _year(
    year: str,
    confidence: float,
    page: int,
    bbox: tuple[float, float, float, float] | None,
    source: str,
    label: str = _LABEL,
) -> ExtractedField:
    return ExtractedField(
        key="taxYear",
        label=label,
        value=year,
        confidence=confidence,
        page=page,
        bbox=bbox,
        source=source,
    )
