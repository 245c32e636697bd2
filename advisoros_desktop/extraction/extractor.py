"""Extraction of one file: the pipeline the server and ``advisoros extract`` run.

Read the file safely, classify each page, take values from the best source
that can read them (form fields now; the text layer and OCR plug in beside
them), group pages into forms, run the checks. Whatever goes wrong with one
file becomes an ``ExtractionFailure`` with a readable reason; it never raises.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

from advisoros_desktop.extraction import document_file
from advisoros_desktop.extraction.acroform_source import PageForm, read_page_forms
from advisoros_desktop.extraction.checks import run_checks
from advisoros_desktop.extraction.classification import Classification, classify
from advisoros_desktop.extraction.form_keys import UNKNOWN, category_of
from advisoros_desktop.extraction.form_titles import w2_tax_year
from advisoros_desktop.extraction.model import (
    ExtractedField,
    Extraction,
    ExtractionFailure,
    UnreadableDocument,
)
from advisoros_desktop.extraction.page_text import PdfText

log = logging.getLogger(__name__)

# The W-2's year is printed in its title, read from the text layer.
TITLE_YEAR_CONFIDENCE = 0.95

Outcome = list[Extraction] | ExtractionFailure


def extract_file(path: Path | str, today: dt.date | None = None) -> Outcome:
    """Every form in the file at ``path``, or why it could not be read."""
    name = str(path)
    try:
        document = document_file.load(Path(path), name)
    except UnreadableDocument as problem:
        return ExtractionFailure(name, str(problem))
    return _extract(document, today)


def extract_bytes(data: bytes, name: str, today: dt.date | None = None) -> Outcome:
    """As ``extract_file``, for a document already in memory (the server's uploads)."""
    try:
        document = document_file.from_bytes(data, name)
    except UnreadableDocument as problem:
        return ExtractionFailure(name, str(problem))
    return _extract(document, today)


def _extract(document: document_file.DocumentFile, today: dt.date | None) -> Outcome:
    try:
        if document.kind == document_file.IMAGE:
            # Images need OCR, which this build does not have yet: say so by "unknown".
            return [Extraction(document.name, UNKNOWN, category_of(UNKNOWN), 0.0, [1])]
        return _extract_pdf(document, today or dt.date.today())
    except UnreadableDocument as problem:
        return ExtractionFailure(document.name, str(problem))
    except Exception as problem:  # a damaged file can break a parser in any way
        log.debug("extraction of %s failed", document.name, exc_info=True)
        reason = str(problem).strip() or type(problem).__name__
        return ExtractionFailure(
            document.name, f"the PDF could not be read (it may be damaged): {reason}"
        )


def _open_pdf(data: bytes) -> PdfReader:
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        # A PDF with only an owner password (no printing, no editing) opens with "".
        try:
            opened = bool(reader.decrypt(""))
        except (DependencyError, FileNotDecryptedError, NotImplementedError):
            opened = False
        if not opened:
            raise UnreadableDocument(
                "the PDF is password-protected; save a copy without the password and try again"
            )
    if len(reader.pages) == 0:
        raise UnreadableDocument("the PDF has no pages")
    return reader


@dataclass
class _Form:
    """Pages found to be one form, with the values read from its first filled page."""

    form_type: str
    classification: Classification
    pages: list[int]
    fields: list[ExtractedField] = field(default_factory=list)


def _extract_pdf(document: document_file.DocumentFile, today: dt.date) -> list[Extraction]:
    reader = _open_pdf(document.data)
    page_forms = {form.page: form for form in read_page_forms(reader)}
    with _page_text(document.data) as text:
        forms = _group_pages(len(reader.pages), page_forms, text)
        results = []
        for form in forms:
            fields = list(form.fields)
            if form.form_type == "W-2" and not any(f.key == "taxYear" for f in fields):
                fields = _title_year(form.pages[0], text) + fields
            results.append(_result(document.name, form, fields, today))
    if not results:
        pages = list(range(1, len(reader.pages) + 1))
        results.append(Extraction(document.name, UNKNOWN, category_of(UNKNOWN), 0.0, pages))
    return results


class _NoText:
    """Stands in for the page text when PDFium cannot open a file pypdf could."""

    def text(self, page: int) -> str:
        return ""

    def find(self, page: int, needle: str, start: int = 0) -> None:
        return None

    def __enter__(self) -> _NoText:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def _page_text(data: bytes) -> PdfText | _NoText:
    try:
        return PdfText(data)
    except Exception:  # the form fields may still be readable; titles just go unseen
        log.debug("no text layer could be read", exc_info=True)
        return _NoText()


def _group_pages(
    page_count: int, page_forms: dict[int, PageForm], text: PdfText | _NoText
) -> list[_Form]:
    """Pages → forms: copies filled alike are one form; blank copies join nothing.

    A W-2 file holds Copy B, C and 2 with the same values: one result listing
    the three pages. A packet of different forms gives one result per form.
    Pages of a known form with nothing filled in (Copy A left blank, or a
    flattened form whose values the form fields do not hold) only make a
    result when no filled page of that form exists.
    """
    filled: list[_Form] = []
    blank: dict[str, _Form] = {}
    for page in range(1, page_count + 1):
        page_form = page_forms.get(page)
        found = classify(
            field_layout=page_form.form_type if page_form else None, text=text.text(page)
        )
        if found.form_type == UNKNOWN:
            continue
        if page_form is None or page_form.is_blank:
            blank_form = blank.setdefault(
                found.form_type,
                _Form(found.form_type, found, [], page_form.fields if page_form else []),
            )
            blank_form.pages.append(page)
            continue
        signature = [(f.key, f.value) for f in page_form.fields]
        same = next(
            (
                form
                for form in filled
                if form.form_type == found.form_type
                and [(f.key, f.value) for f in form.fields] == signature
            ),
            None,
        )
        if same is None:
            filled.append(_Form(found.form_type, found, [page], page_form.fields))
        else:
            same.pages.append(page)
    filled_types = {form.form_type for form in filled}
    forms = filled + [form for kind, form in blank.items() if kind not in filled_types]
    return sorted(forms, key=lambda form: form.pages[0])


def _title_year(page: int, text: PdfText | _NoText) -> list[ExtractedField]:
    found = w2_tax_year(text.text(page))
    if found is None:
        return []
    year, start = found
    return [
        ExtractedField(
            key="taxYear",
            label="Tax year (printed in the form's title)",
            value=year,
            confidence=TITLE_YEAR_CONFIDENCE,
            page=page,
            bbox=text.find(page, year, start),
            source="text",
        )
    ]


def _result(name: str, form: _Form, fields: list[ExtractedField], today: dt.date) -> Extraction:
    confidence = form.classification.confidence
    if fields:
        mean = sum(f.confidence for f in fields) / len(fields)
        confidence = min(confidence, mean)
    values = {f.key: f.value for f in fields}
    return Extraction(
        file=name,
        form_type=form.form_type,
        category=category_of(form.form_type),
        confidence=confidence,
        pages=form.pages,
        fields=fields,
        checks=run_checks(form.form_type, values, today),
    )
