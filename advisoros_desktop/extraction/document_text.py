"""The pages of a file as text and positioned words, whichever source can see them.

Classification reads a page's text and the geometry reads its words; for a
page with a text layer both come from PDFium, for a scanned page (an
image-only PDF page, or a page of an image file) from OCR. This puts the two
behind one object so the pipeline groups and reads pages the same way
whatever they are, and asks ``scan`` only where OCR's words need their own
handling (repairs, confidence, boxes shown on the scan).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from types import TracebackType

from advisoros_desktop.extraction.invoice_text_source import place_text
from advisoros_desktop.extraction.irs_text_source import TEXT_LAYER, BoxReading
from advisoros_desktop.extraction.model import BBox, ExtractedField
from advisoros_desktop.extraction.ocr_box_reading import OcrBoxReading
from advisoros_desktop.extraction.ocr_engine import Tesseract
from advisoros_desktop.extraction.ocr_page_words import OcrPageWords
from advisoros_desktop.extraction.page_text import PdfText
from advisoros_desktop.extraction.page_words import PageWords, Word

log = logging.getLogger(__name__)


class NoText:
    """Stands in for the text layer of an image file, or of a PDF PDFium cannot open."""

    def text(self, page: int) -> str:
        return ""

    def find(self, page: int, needle: str, start: int = 0) -> BBox | None:
        return None

    def words(self, page: int) -> PageWords:
        return PageWords(page, [], (0.0, 0.0, 612.0, 792.0))

    def close(self) -> None:
        return None


def pdf_text_layer(data: bytes) -> PdfText | NoText:
    """The PDF's text layer, or none when PDFium cannot open what pypdf could."""
    try:
        return PdfText(data)
    except Exception:  # the form fields may still be readable; titles just go unseen
        log.debug("no text layer could be read", exc_info=True)
        return NoText()


class DocumentText:
    """Text and words of every page: OCR's for scanned pages, else the text layer's."""

    def __init__(
        self,
        layer: PdfText | NoText,
        scans: dict[int, OcrPageWords],
        engine: Tesseract | None = None,
    ) -> None:
        self._layer = layer
        self._scans = scans
        self._engine = engine

    def reading(self, page: int) -> BoxReading:
        """How the boxes of a form printed on ``page`` are read (OCR may read them again)."""
        scan = self._scans.get(page)
        return TEXT_LAYER if scan is None else OcrBoxReading(scan, self._engine)

    def scan(self, page: int) -> OcrPageWords | None:
        """What OCR read on ``page``, or None for a page with a text layer (or not read)."""
        return self._scans.get(page)

    def place(
        self,
        key: str,
        label: str,
        value: str,
        confidence: float,
        page: PageWords,
        words: Sequence[Word],
    ) -> ExtractedField:
        """A field found in ``words`` (a ``Placer``): OCR's box and sureness on a scanned
        page, the text layer's elsewhere."""
        scan = self._scans.get(page.page)
        if scan is None:
            return place_text(key, label, value, confidence, page, words)
        return OcrBoxReading(scan).field(key, label, value, confidence, page, words)

    def text(self, page: int) -> str:
        scan = self._scans.get(page)
        return scan.scanned.ocr.text if scan is not None else self._layer.text(page)

    def words(self, page: int) -> PageWords:
        scan = self._scans.get(page)
        return scan.page_words if scan is not None else self._layer.words(page)

    def find(self, page: int, needle: str, start: int = 0) -> BBox | None:
        """Where ``needle`` is printed on a text page (see ``PdfText.find``); None on a scan."""
        if page in self._scans:
            return None
        return self._layer.find(page, needle, start)

    def __enter__(self) -> DocumentText:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._layer.close()
