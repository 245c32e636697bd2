"""Reading a photographed receipt again, enlarged, when its print is too small for OCR.

Till rolls are narrow and their print small: a receipt photographed or
scanned at 150 dpi gives letters a dozen pixels high, below what Tesseract
reads well (it is trained on print some twenty to thirty pixels high), and
it misreads digits of dates and totals. Enlarged twice and read again, the
same page reads markedly better. Only receipt pages with small print are
read again (about a CPU second each); the words found replace the first
reading, placed on the page exactly as the first reading's were.
"""

from __future__ import annotations

import dataclasses
import logging
import statistics
from collections.abc import Sequence

from PIL import Image

from advisoros_desktop.extraction.document_text import DocumentText
from advisoros_desktop.extraction.invoice_text_source import Placer, place_text
from advisoros_desktop.extraction.model import BBox, ExtractedField
from advisoros_desktop.extraction.ocr_box_reading import OcrBoxReading
from advisoros_desktop.extraction.ocr_engine import OcrError, Tesseract
from advisoros_desktop.extraction.ocr_page_words import OcrPageWords, as_page_words
from advisoros_desktop.extraction.page_words import PageWords, Word

log = logging.getLogger(__name__)

# Words (ascenders to descenders) lower than this many pixels are read again, this much larger.
SMALL_PRINT_PIXELS = 24.0
ENLARGE = 2


def receipt_pages(text: DocumentText, pages: list[int]) -> tuple[list[PageWords], Placer]:
    """The words of a receipt's pages, small print read again, and the placer for them."""
    scans: dict[int, OcrPageWords] = {}
    for page in pages:
        reading = text.reading(page)
        if isinstance(reading, OcrBoxReading) and reading.engine is not None:
            again = read_enlarged(reading.scan, reading.engine)
            if again is not None:
                scans[page] = again

    def place(
        key: str, label: str, value: str, confidence: float, page: PageWords, words: Sequence[Word]
    ) -> ExtractedField:
        scan = scans.get(page.page) or text.scan(page.page)
        if scan is None:
            return place_text(key, label, value, confidence, page, words)
        return OcrBoxReading(scan).field(key, label, value, confidence, page, words)

    words = [scans[p].page_words if p in scans else text.words(p) for p in pages]
    return words, place


def read_enlarged(scan: OcrPageWords, engine: Tesseract) -> OcrPageWords | None:
    """The page read again at twice its size when its print is small; None when not needed."""
    image = scan.scanned.image
    height = _print_height(scan)
    if image is None or height is None or height >= SMALL_PRINT_PIXELS:
        return None
    width_px, height_px = image.size
    large = image.convert("L").resize(
        (width_px * ENLARGE, height_px * ENLARGE), Image.Resampling.LANCZOS
    )
    dpi = scan.scanned.dpi * ENLARGE if scan.scanned.dpi else None

    def to_shown(left: float, top: float, right: float, bottom: float) -> BBox:
        size_x, size_y = large.size
        return scan.scanned.shown_bbox(
            (left / size_x, top / size_y, right / size_x, bottom / size_y)
        )

    try:
        ocr = engine.read(large, dpi=dpi, to_shown=to_shown)
    except OcrError:  # the first reading stands
        log.debug("an enlarged receipt page could not be read", exc_info=True)
        return None
    if not ocr.words:
        return None
    return as_page_words(dataclasses.replace(scan.scanned, ocr=ocr))


def _print_height(scan: OcrPageWords) -> float | None:
    """The usual height of a word, in pixels of the page image."""
    page = scan.page_words
    words = [w for w in page.words if any(c.isalnum() for c in w.text)]
    if not words or not page.height:
        return None
    pixels_per_point = scan.scanned.pixel_size[1] / page.height
    return statistics.median(w.height for w in words) * pixels_per_point
