"""Which pages of a file are scans, and what OCR read on them, within what a file may cost.

A scanned page costs about two CPU seconds of OCR, so a 300-page scan would
hold a worker for ten minutes: only the first ``MAX_OCR_PAGES`` scanned
pages of a file are read, and the result says which were not. A machine
without Tesseract, or a page Tesseract cannot read, does not make the file
"damaged": what could be read is, and a check beside the result says what
could not and why, so the server files it for a person's review rather than
as a failure.

One Tesseract serves the whole process (it is found once, lazily); callers
may pass their own. Blocking: call it off the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from advisoros_desktop.extraction.model import CheckResult
from advisoros_desktop.extraction.ocr_engine import OcrFailed, OcrUnavailable, Tesseract
from advisoros_desktop.extraction.ocr_page_words import OcrPageWords, as_page_words
from advisoros_desktop.extraction.page_images import (
    PageImage,
    PdfPageImages,
    image_page_count,
    read_image_page,
)
from advisoros_desktop.extraction.scanned_pages import read_page_image

MAX_OCR_PAGES = 10
OCR_UNAVAILABLE = "ocr_unavailable"
OCR_FAILED = "ocr_failed"
OCR_PAGE_LIMIT = "ocr_page_limit"

_shared: Tesseract | None = None
_shared_lock = threading.Lock()


def shared_tesseract() -> Tesseract:
    """The process's Tesseract, created on first use."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Tesseract()
        return _shared


@dataclass
class ScanReading:
    """The scanned pages of a file read by OCR, and what could not be read."""

    scans: dict[int, OcrPageWords] = field(default_factory=dict)
    unread: list[int] = field(default_factory=list)  # scanned pages OCR did not read
    problems: list[CheckResult] = field(default_factory=list)

    @property
    def ocr_unavailable(self) -> bool:
        return any(problem.code == OCR_UNAVAILABLE for problem in self.problems)


def read_pdf_scans(data: bytes, engine: Tesseract) -> ScanReading:
    """OCR of a PDF's image-only pages (text pages are the text layer's)."""
    with PdfPageImages(data) as document:
        scanned = document.image_only_pages()
        return _read(scanned, engine, document.render)


def read_image_scans(data: bytes, engine: Tesseract) -> ScanReading:
    """OCR of every page (frame) of an image file."""
    pages = list(range(1, image_page_count(data) + 1))
    return _read(pages, engine, lambda page: read_image_page(data, page))


def _read(pages: list[int], engine: Tesseract, render: Callable[[int], PageImage]) -> ScanReading:
    reading = ScanReading()
    if not pages:
        return reading
    try:
        engine.program()
    except OcrUnavailable as missing:
        reading.unread = pages
        reading.problems.append(_check(OCR_UNAVAILABLE, f"{missing} {_unread(pages)}", "error"))
        return reading
    for page in pages[:MAX_OCR_PAGES]:
        try:
            reading.scans[page] = as_page_words(read_page_image(render(page), engine))
        except OcrFailed as failed:
            reading.unread.append(page)
            reading.problems.append(_check(OCR_FAILED, f"Page {page}: {failed}", "warning"))
    if len(pages) > MAX_OCR_PAGES:
        skipped = pages[MAX_OCR_PAGES:]
        reading.unread.extend(skipped)
        reading.problems.append(
            _check(
                OCR_PAGE_LIMIT,
                f"Only the first {MAX_OCR_PAGES} of {len(pages)} scanned pages were read "
                f"(OCR reads at most {MAX_OCR_PAGES} pages of a file); {_unread(skipped)} "
                "Split the file to have the rest read.",
                "warning",
            )
        )
    return reading


def _unread(pages: list[int]) -> str:
    if len(pages) == 1:
        return f"Scanned page {pages[0]} was not read."
    if len(pages) <= 5:
        return f"Scanned pages {', '.join(map(str, pages))} were not read."
    return f"{len(pages)} scanned pages, from page {pages[0]} to {pages[-1]}, were not read."


def _check(code: str, message: str, severity: str) -> CheckResult:
    return CheckResult(code=code, message=message, fields=(), severity=severity)
