"""Extraction of one file: the pipeline the server and ``advisoros extract`` run.

Read the file safely, classify each page, take values from the best source
that can read them (a page's filled form fields first, else its text layer,
else OCR of the scanned page: the boxes of an IRS form printed without
fields, or an invoice's labelled values, found by the same geometry either
way), group pages into forms, run the checks. Whatever goes wrong with one
file becomes an ``ExtractionFailure`` with a readable reason; it never
raises. What OCR could not read (no Tesseract on the machine, a page it
failed on, pages past the limit of a file) is a check on the results, not a
failure: the file is not damaged, a person just has to look.
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
from advisoros_desktop.extraction.document_text import DocumentText, NoText, pdf_text_layer
from advisoros_desktop.extraction.field_labels import distinct_labels
from advisoros_desktop.extraction.form_keys import UNKNOWN, category_of
from advisoros_desktop.extraction.form_titles import form_type_from_title
from advisoros_desktop.extraction.invoice_text_source import read_invoice
from advisoros_desktop.extraction.irs_printed_layout import PRINTED_LAYOUTS
from advisoros_desktop.extraction.irs_text_source import PrintedPage, read_printed_page
from advisoros_desktop.extraction.labelled_text_source import read_labelled_page
from advisoros_desktop.extraction.layout_anchoring import token
from advisoros_desktop.extraction.model import (
    ExtractedField,
    Extraction,
    ExtractionFailure,
    UnreadableDocument,
)
from advisoros_desktop.extraction.ocr_engine import Tesseract
from advisoros_desktop.extraction.page_images import image_page_count
from advisoros_desktop.extraction.receipt_scan import receipt_pages
from advisoros_desktop.extraction.receipt_text_source import read_receipt
from advisoros_desktop.extraction.scan_reading import (
    ScanReading,
    read_image_scans,
    read_pdf_scans,
    shared_tesseract,
)
from advisoros_desktop.extraction.w2_year_source import w2_year

log = logging.getLogger(__name__)

_IRS_FORMS = frozenset(layout.form_type for layout in PRINTED_LAYOUTS)
# Documents whose fields are read from the text as a whole (their pages read together).
_LABELLED_DOCUMENTS = frozenset({"invoice", "receipt"})
# Label phrases that say an official IRS layout may be printed on a page without a title.
_IRS_LABEL_HINTS = tuple(
    {token(phrase) for layout in PRINTED_LAYOUTS for phrase, _ in layout.anchors[:3]}
)

Outcome = list[Extraction] | ExtractionFailure


def extract_file(
    path: Path | str, today: dt.date | None = None, *, ocr: Tesseract | None = None
) -> Outcome:
    """Every form in the file at ``path``, or why it could not be read.

    ``ocr`` reads scanned pages (default: the process's shared Tesseract).
    """
    name = str(path)
    try:
        document = document_file.load(Path(path), name)
    except UnreadableDocument as problem:
        return ExtractionFailure(name, str(problem))
    return _extract(document, today, ocr)


def extract_bytes(
    data: bytes, name: str, today: dt.date | None = None, *, ocr: Tesseract | None = None
) -> Outcome:
    """As ``extract_file``, for a document already in memory (the server's uploads)."""
    try:
        document = document_file.from_bytes(data, name)
    except UnreadableDocument as problem:
        return ExtractionFailure(name, str(problem))
    return _extract(document, today, ocr)


def _extract(
    document: document_file.DocumentFile, today: dt.date | None, ocr: Tesseract | None
) -> Outcome:
    engine = ocr or shared_tesseract()
    day = today or dt.date.today()
    try:
        if document.kind == document_file.IMAGE:
            return _extract_image(document, day, engine)
        return _extract_pdf(document, day, engine)
    except UnreadableDocument as problem:
        return ExtractionFailure(document.name, str(problem))
    except Exception as problem:  # a damaged file can break a parser in any way
        log.debug("extraction of %s failed", document.name, exc_info=True)
        reason = str(problem).strip() or type(problem).__name__
        what = "image" if document.kind == document_file.IMAGE else "PDF"
        return ExtractionFailure(
            document.name, f"the {what} could not be read (it may be damaged): {reason}"
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
    revision: str | None = None  # of the printed layout the values were read from


def _extract_pdf(
    document: document_file.DocumentFile, today: dt.date, engine: Tesseract
) -> list[Extraction]:
    reader = _open_pdf(document.data)
    page_forms = {form.page: form for form in read_page_forms(reader)}
    try:
        scans = read_pdf_scans(document.data, engine)
    except UnreadableDocument:  # PDFium cannot open what pypdf could: no scans to see
        log.debug("the pages of %s could not be rendered", document.name, exc_info=True)
        scans = ScanReading()
    with DocumentText(pdf_text_layer(document.data), scans.scans, engine) as text:
        return _read_pages(document.name, len(reader.pages), page_forms, text, scans, today)


def _extract_image(
    document: document_file.DocumentFile, today: dt.date, engine: Tesseract
) -> list[Extraction]:
    scans = read_image_scans(document.data, engine)
    page_count = image_page_count(document.data)
    with DocumentText(NoText(), scans.scans, engine) as text:
        return _read_pages(document.name, page_count, {}, text, scans, today)


def _read_pages(
    name: str,
    page_count: int,
    page_forms: dict[int, PageForm],
    text: DocumentText,
    scans: ScanReading,
    today: dt.date,
) -> list[Extraction]:
    forms = _group_pages(page_count, page_forms, text, set(scans.unread))
    results = []
    for form in forms:
        fields = list(form.fields)
        if form.form_type == "receipt":
            words, place = receipt_pages(text, form.pages)
            fields = read_receipt(words, place, today)
        elif form.form_type in _LABELLED_DOCUMENTS:
            place = text.place
            fields = read_invoice([text.words(page) for page in form.pages], place)
        if form.form_type == "W-2" and not any(f.key == "taxYear" for f in fields):
            fields = w2_year(form.pages[0], text, form.revision) + fields
        results.append(_result(name, form, fields, today))
    if not results:
        pages = list(range(1, page_count + 1))
        results.append(Extraction(name, UNKNOWN, category_of(UNKNOWN), 0.0, pages))
    for result in results:
        result.checks.extend(scans.problems)
    return results


def _group_pages(
    page_count: int,
    page_forms: dict[int, PageForm],
    text: DocumentText,
    unread: set[int] | frozenset[int] = frozenset(),
) -> list[_Form]:
    """Pages → forms: copies filled alike are one form; blank copies join nothing.

    A W-2 file holds Copy B, C and 2 with the same values: one result listing
    the three pages. A packet of different forms gives one result per form.
    A page's values come from its filled form fields, else from the boxes its
    print shows. Pages of a known form with nothing in them (Copy A left
    blank) only make a result when no filled page of that form exists.
    Consecutive pages of an invoice (or receipt, statement) are one document;
    a page that shows no kind of its own continues the document before it.
    Scanned pages OCR did not read (``unread``) join nothing.
    """
    filled: list[_Form] = []
    blank: dict[str, _Form] = {}
    documents: list[_Form] = []
    for page in range(1, page_count + 1):
        if page in unread:
            continue
        page_form = page_forms.get(page)
        page_text = text.text(page)
        values: list[ExtractedField] | None = None
        revision = None
        if page_form is not None and not page_form.is_blank:
            found = classify(field_layout=page_form.form_type, text=page_text)
            values = page_form.fields
        else:
            printed = _printed_form(page, page_text, text)
            if printed is not None and not printed.is_blank:
                found = classify(printed_layout=printed.form_type, text=page_text)
                values, revision = printed.fields, printed.revision
            else:
                found = classify(
                    field_layout=page_form.form_type if page_form else None, text=page_text
                )
                if printed is None and found.form_type in _IRS_FORMS:
                    values = _labelled_values(page, found.form_type, text)
        if found.form_type == UNKNOWN or found.form_type not in _IRS_FORMS:
            _add_document_page(documents, found, page)
            continue
        if values is None:
            blank_form = blank.setdefault(
                found.form_type,
                _Form(found.form_type, found, [], page_form.fields if page_form else []),
            )
            blank_form.pages.append(page)
            continue
        signature = [(f.key, f.value) for f in values]
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
            filled.append(_Form(found.form_type, found, [page], values, revision))
        else:
            same.pages.append(page)
    filled_types = {form.form_type for form in filled}
    forms = filled + [form for kind, form in blank.items() if kind not in filled_types]
    return sorted(forms + documents, key=lambda form: form.pages[0])


def _printed_form(page: int, page_text: str, text: DocumentText) -> PrintedPage | None:
    """The IRS form printed on a page without filled fields, if its labels are there.

    Only pages whose text names an IRS form or prints its box labels are
    looked at word by word, so a long bank statement costs nothing here.
    """
    titled = form_type_from_title(page_text)
    if titled is None:
        folded = token(page_text)
        if not any(hint in folded for hint in _IRS_LABEL_HINTS):
            return None
    words = text.words(page)
    reading = text.reading(page)
    if titled is not None:
        return read_printed_page(words, titled, reading) or read_printed_page(words, None, reading)
    return read_printed_page(words, None, reading)


def _labelled_values(page: int, form_type: str, text: DocumentText) -> list[ExtractedField] | None:
    """The boxes of a form printed on a layout of its own, read by their labels; None if blank."""
    labelled = read_labelled_page(text.words(page), form_type, text.reading(page))
    if labelled is None or labelled.is_blank:
        return None
    return labelled.fields


def _add_document_page(documents: list[_Form], found: Classification, page: int) -> None:
    last = documents[-1] if documents else None
    follows = last is not None and last.pages[-1] == page - 1
    if follows and last is not None and found.form_type in (UNKNOWN, last.form_type):
        last.pages.append(page)
    elif found.form_type != UNKNOWN:
        documents.append(_Form(found.form_type, found, [page]))


def _result(name: str, form: _Form, fields: list[ExtractedField], today: dt.date) -> Extraction:
    fields = distinct_labels(fields)
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
