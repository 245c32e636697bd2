"""OCR words in the shape the text-layer geometry reads, so one reader serves both sources.

The label-to-value geometry works on ``page_words.PageWords``: words in PDF
points, origin bottom-left, lines gathered by baseline. A scanned page is
given the same shape: the words of the straightened page (rows level),
scaled to points by the scan's resolution, so the official form layouts in
points fit a scan as they fit a flattened PDF. What geometry finds comes
back as a box on the page as shown via ``shown_bbox``, and with the OCR
confidence of the words it used via ``confidence``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from advisoros_desktop.extraction.model import BBox
from advisoros_desktop.extraction.page_words import PageWords, Word
from advisoros_desktop.extraction.scanned_pages import ScannedPage

# An image that does not say its resolution is taken to be a Letter-wide page.
_ASSUMED_WIDTH_POINTS = 612.0


@dataclass(frozen=True)
class OcrPageWords:
    scanned: ScannedPage
    page_words: PageWords
    confidences: dict[Word, float]

    def confidence(self, words: Iterable[Word]) -> float:
        """The weakest OCR confidence (0..1) among ``words``; 0 for none."""
        found = [self.confidences.get(word, 0.0) for word in words]
        return min(found) if found else 0.0

    def shown_bbox(self, words: Iterable[Word]) -> BBox | None:
        """The box around ``words`` on the page as the reviewer sees it (skew and all)."""
        upright = self.page_words.bbox(words)
        return None if upright is None else self.scanned.shown_bbox(upright)


def as_page_words(scanned: ScannedPage) -> OcrPageWords:
    width_px, height_px = scanned.pixel_size
    if scanned.dpi:
        width, height = width_px * 72.0 / scanned.dpi, height_px * 72.0 / scanned.dpi
    else:
        width = _ASSUMED_WIDTH_POINTS
        height = height_px * width / width_px
    words: list[Word] = []
    confidences: dict[Word, float] = {}
    for found in scanned.words:
        x0, top, x1, bottom = found.upright_bbox
        word = Word(
            found.text, x0 * width, (1.0 - bottom) * height, x1 * width, (1.0 - top) * height
        )
        words.append(word)
        confidences[word] = min(confidences.get(word, 1.0), found.confidence)
    page = PageWords(scanned.page, words, (0.0, 0.0, width, height))
    return OcrPageWords(scanned, page, confidences)
