"""Reading an IRS form's boxes from a scan: the text layer's geometry, OCR's judgement.

The boxes of a scanned form are found exactly as on a flattened one
(``irs_text_source``); this says what is different about OCR words. A
misread amount, taxpayer number, box 12 code or state is repaired where the
box's kind leaves one meaning (``ocr_repairs``). A tick is ink inside the
check box's square, seen in the image's pixels, since OCR does not read a
cross as a letter. A value's confidence is the geometry's, capped by how
sure OCR was of the weakest word it is made of, and its box is shown where
the reviewer sees it on the scan (skew and all).
"""

from __future__ import annotations

from collections.abc import Sequence

from PIL import Image

from advisoros_desktop.extraction.form_keys import KEYS
from advisoros_desktop.extraction.irs_form_fields import FormBox
from advisoros_desktop.extraction.irs_printed_layout import ValueArea
from advisoros_desktop.extraction.irs_text_source import BoxReading
from advisoros_desktop.extraction.model import ExtractedField
from advisoros_desktop.extraction.ocr_box_reread import BoxWord, reread_boxes
from advisoros_desktop.extraction.ocr_engine import Tesseract
from advisoros_desktop.extraction.ocr_page_words import OcrPageWords
from advisoros_desktop.extraction.ocr_repairs import (
    box_12_code,
    repair_identifier,
    repair_money,
    repair_year,
    state_code,
    without_rules,
)
from advisoros_desktop.extraction.page_geometry import Rect
from advisoros_desktop.extraction.page_words import PageWords, Word
from advisoros_desktop.extraction.values import Normalised, ValueKind, normalize

SOURCE = "ocr"
# Ink covering this share of a check box's inside is a tick (an empty box's
# inside is paper; scanner noise and a little of the border stay far below).
TICK_SHARE = 0.12
# Shares this close to the threshold could be either: the reviewer should look.
_UNSURE_BAND = (0.05, 0.25)
TICK_SURE = 0.95
TICK_UNSURE = 0.6
# The border of the square is ink too: only the middle of it is looked at.
_INSIDE = 0.2
_DARK = 128
# What OCR's own confidence in a word is worth: Tesseract reports 0.9 and
# more for most words it misreads by one character, so its confidence is
# only a ceiling, and values built from several words take the weakest.
# Names, addresses and other free text have no pattern OCR's reading can be
# checked against, and Tesseract is sure of "PI" for "Pl" or "J imenez": a
# reviewer reads them.
FREE_TEXT = 0.88
# Points a value area is widened by before it is cut out and read again.
_SLACK = 1.0
# A lone character read this unsurely is usually a speck of scanner noise.
_SPECK_CONFIDENCE = 0.6
_BOX_12_CODE_KEYS = frozenset(f"box12{part}Code" for part in "abcd")
_FREE_TEXT_KEYS = frozenset(
    key
    for keys in KEYS.values()
    for key, kind in keys.items()
    if kind in (ValueKind.TEXT, ValueKind.LINES)
)
_IDENTIFIERS = {ValueKind.SSN: "ssn", ValueKind.EIN: "ein", ValueKind.TIN: "tin"}


class OcrBoxReading(BoxReading):
    """The boxes of one scanned page (see the module's docstring)."""

    source = SOURCE

    def __init__(self, scan: OcrPageWords, engine: Tesseract | None = None) -> None:
        self.scan = scan
        self.engine = engine

    def reread(
        self, areas: list[tuple[ValueArea, Rect, list[Word]]]
    ) -> dict[ValueArea, list[Word]]:
        """Every value area read again on its own (``ocr_box_reread``), where that reads better."""
        image = self.scan.scanned.image
        if self.engine is None or image is None or not areas:
            return {}
        rects = [self._pixels(_grown(rect)) for _, rect, _ in areas]
        found = reread_boxes(image, rects, self.engine, self.scan.scanned.dpi)
        better: dict[ValueArea, list[Word]] = {}
        for (area, _, first), again in zip(areas, found, strict=True):
            words = [self._word(word) for word in again if _meaningful(word)]
            if words and (not first or self._sureness(words) >= self._sureness(first)):
                better[area] = words
        return better

    def normalise(self, box: FormBox, raw: str) -> Normalised:
        if box.kind is ValueKind.YEAR:
            return repair_year(raw)
        if box.kind is ValueKind.MONEY:
            return repair_money(raw)
        if box.kind in _IDENTIFIERS:
            return repair_identifier(raw, _IDENTIFIERS[box.kind])
        if box.key in _BOX_12_CODE_KEYS:
            return box_12_code(raw)
        if box.key == "state":
            return state_code(raw)
        if box.kind is ValueKind.LINES:
            return normalize(box.kind, "\n".join(without_rules(line) for line in raw.splitlines()))
        return normalize(box.kind, without_rules(raw))

    def tick(self, words: list[Word], area: Rect) -> tuple[bool, float]:
        image = self.scan.scanned.image
        if image is None:
            return super().tick(words, area)
        share = ink_share(image, self._pixels(area))
        ticked = share >= TICK_SHARE
        unsure = _UNSURE_BAND[0] <= share <= _UNSURE_BAND[1]
        return ticked, TICK_UNSURE if unsure else TICK_SURE

    def field(
        self,
        key: str,
        label: str,
        value: str | bool,
        confidence: float,
        page: PageWords,
        words: Sequence[Word],
    ) -> ExtractedField:
        if words and not isinstance(value, bool):
            confidence = min(confidence, self.scan.confidence(words))
            if key in _FREE_TEXT_KEYS:
                confidence = min(confidence, FREE_TEXT)
        return ExtractedField(
            key=key,
            label=label,
            value=value,
            confidence=round(confidence, 3),
            page=page.page,
            bbox=self.scan.shown_bbox(words),
            source=SOURCE,
        )

    def _sureness(self, words: list[Word]) -> float:
        return sum(self.scan.confidences.get(word, 0.0) for word in words) / len(words)

    def _word(self, found: BoxWord) -> Word:
        """A word read from the page image (pixels) in page points, its confidence recorded."""
        page = self.scan.page_words
        width, height = self.scan.scanned.pixel_size
        x0, top, x1, bottom = found.rect
        word = Word(
            found.text,
            x0 / width * page.width,
            (1.0 - bottom / height) * page.height,
            x1 / width * page.width,
            (1.0 - top / height) * page.height,
        )
        self.scan.confidences[word] = found.confidence
        return word

    def _pixels(self, area: Rect) -> Rect:
        """A rectangle in page points (origin bottom-left) on the straightened image."""
        page = self.scan.page_words
        width, height = self.scan.scanned.pixel_size
        x0, y0, x1, y1 = area
        return (
            x0 / page.width * width,
            (1.0 - y1 / page.height) * height,
            x1 / page.width * width,
            (1.0 - y0 / page.height) * height,
        )


def _grown(rect: Rect) -> Rect:
    # A value printed a little off its area is still in it; not so far as the next box's label.
    return (rect[0] - _SLACK, rect[1] - _SLACK, rect[2] + _SLACK, rect[3] + _SLACK)


def _meaningful(word: BoxWord) -> bool:
    """Not a box rule or a speck read as a character."""
    if not any(char.isalnum() or char in "&#%@" for char in word.text):
        return False
    return len(word.text) > 1 or word.confidence >= _SPECK_CONFIDENCE


def ink_share(image: Image.Image, box: Rect) -> float:
    """The share of dark pixels in the middle of ``box`` (pixels) on a grayscale image."""
    x0, y0, x1, y1 = box
    inset_x, inset_y = (x1 - x0) * _INSIDE, (y1 - y0) * _INSIDE
    crop = (round(x0 + inset_x), round(y0 + inset_y), round(x1 - inset_x), round(y1 - inset_y))
    if crop[2] <= crop[0] or crop[3] <= crop[1]:
        return 0.0
    histogram = image.crop(crop).convert("L").histogram()
    total = sum(histogram)
    return sum(histogram[:_DARK]) / total if total else 0.0
