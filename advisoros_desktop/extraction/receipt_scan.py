"""Reading a receipt's scan again, enlarged and laid out otherwise, for ``receipt_readings``.

Till rolls are narrow and their print small: a receipt photographed or
scanned at 150 dpi gives letters a dozen pixels high, below what Tesseract
reads well (it is trained on print some twenty to thirty pixels high), and
it misreads digits of dates and totals. Enlarged twice and read again, the
same page reads markedly better, and read as one block of lines (rather
than Tesseract's automatic layout) it keeps more labels beside their
amounts; each reading misreads different digits. So small print is read
three more times (enlarged with the automatic layout, enlarged as a block,
as a block at its own size: about a CPU second in all), print large enough
once more as a block. A shop's name is often printed in a condensed face
(letters twice as tall as they are wide) that Tesseract reads as other
letters ("SHAH, HOTOR" for "S.H.H. MOTOR"); drawn wider than it is tall it
reads right, so a page with such a line is also read stretched sideways.
The readings are weighed field by field; every reading's words are placed
on the page exactly as the first reading's were.
"""

from __future__ import annotations

import dataclasses
import logging
import statistics

from PIL import Image

from advisoros_desktop.extraction.document_text import DocumentText
from advisoros_desktop.extraction.invoice_text_source import Placer
from advisoros_desktop.extraction.model import BBox
from advisoros_desktop.extraction.ocr_box_reading import OcrBoxReading
from advisoros_desktop.extraction.ocr_engine import DEFAULT_PAGE_SEGMENTATION, OcrError, Tesseract
from advisoros_desktop.extraction.ocr_page_words import OcrPageWords, as_page_words
from advisoros_desktop.extraction.page_words import PageWords
from advisoros_desktop.extraction.receipt_readings import ReceiptReadings

log = logging.getLogger(__name__)

# Words (ascenders to descenders) lower than this many pixels are read again, this much larger.
SMALL_PRINT_PIXELS = 24.0
ENLARGE = 2
# Tesseract's page segmentation mode for a single block of text lines.
BLOCK_OF_LINES = 6
# A word whose letters are narrower than this share of their height is in a condensed face
# (ordinary faces, the till's monospace included, measure 0.5 to 0.7 on these scans).
CONDENSED_ADVANCE = 0.36
# A condensed line is read again this much wider than it is tall.
STRETCH = 1.5
_CONDENSED_WORDS = 2
_MIN_MEASURED_CHARACTERS = 4


def receipt_pages(text: DocumentText, pages: list[int]) -> tuple[list[PageWords], Placer]:
    """The words of a receipt's pages as first read, and a placer carrying every reading.

    The placer is a ``ReceiptReadings``: ``read_receipt`` weighs its readings field by field.
    """
    first = [text.words(page) for page in pages]
    readings = ReceiptReadings([], text.place)
    again: dict[int, list[OcrPageWords]] = {}
    for page in pages:
        reading = text.reading(page)
        if isinstance(reading, OcrBoxReading) and reading.engine is not None:
            again[page] = read_again(reading.scan, reading.engine)
    # The readings again come first: enlarged small print reads better than the first reading.
    for index in range(max((len(found) for found in again.values()), default=0)):
        words = []
        for position, page in enumerate(pages):
            found = again.get(page, [])
            if index < len(found):
                readings.placers[id(found[index].page_words)] = OcrBoxReading(found[index]).field
                words.append(found[index].page_words)
            else:
                words.append(first[position])
        readings.readings.append(words)
    readings.readings.append(first)
    return readings.readings[0], readings


def read_again(scan: OcrPageWords, engine: Tesseract) -> list[OcrPageWords]:
    """The page read again: enlarged when its print is small, as a block of text lines.

    Small print is read again enlarged the way it was first read (automatic
    layout) and as one block of lines (mode 6), which keeps a till roll's
    label and amount on one line; print large enough is only read as a block.
    """
    image = scan.scanned.image
    height = _print_height(scan)
    if image is None or height is None:
        return []
    plans: list[tuple[float, float, int]] = []
    if _has_condensed_line(scan.page_words):
        # First: for the condensed line it is the only reading to believe (ties go to it).
        plans.append((ENLARGE * STRETCH, ENLARGE, BLOCK_OF_LINES))
    if height < SMALL_PRINT_PIXELS:
        # A third view at the first size breaks the ties of two readings that disagree.
        plans += [
            (ENLARGE, ENLARGE, DEFAULT_PAGE_SEGMENTATION),
            (ENLARGE, ENLARGE, BLOCK_OF_LINES),
            (1, 1, BLOCK_OF_LINES),
        ]
    else:
        plans.append((1, 1, BLOCK_OF_LINES))
    found = [_read(scan, engine, image, wide, tall, mode) for wide, tall, mode in plans]
    return [reading for reading in found if reading is not None]


def _has_condensed_line(page: PageWords) -> bool:
    """True when a line of the page has words in a condensed face (see the module's docstring)."""
    for line in page.lines:
        condensed = 0
        for word in line:
            characters = sum(c.isalnum() for c in word.text)
            if characters < _MIN_MEASURED_CHARACTERS or word.height <= 0:
                continue
            advance = (word.x1 - word.x0) / len(word.text) / word.height
            condensed += advance < CONDENSED_ADVANCE
        if condensed >= _CONDENSED_WORDS:
            return True
    return False


def _read(
    scan: OcrPageWords,
    engine: Tesseract,
    image: Image.Image,
    wide: float,
    tall: float,
    mode: int,
) -> OcrPageWords | None:
    width_px, height_px = image.size
    large = image.convert("L")
    if (wide, tall) != (1, 1):
        size = (round(width_px * wide), round(height_px * tall))
        large = large.resize(size, Image.Resampling.LANCZOS)
    # Tesseract judges the print's size by the page's height in inches: the vertical scale.
    dpi = scan.scanned.dpi * tall if scan.scanned.dpi else None

    def to_shown(left: float, top: float, right: float, bottom: float) -> BBox:
        size_x, size_y = large.size
        return scan.scanned.shown_bbox(
            (left / size_x, top / size_y, right / size_x, bottom / size_y)
        )

    try:
        ocr = engine.read(large, dpi=dpi, page_segmentation=mode, to_shown=to_shown)
    except OcrError:  # the other readings stand
        log.debug("a receipt page could not be read again", exc_info=True)
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
