"""Reading a scanned form's value boxes again, each on its own, in one OCR call.

Tesseract reads a whole form page in its own idea of lines, and on an IRS
form those lines run across neighbouring boxes: "Kestrel Tenant Services
Inc. $ 31190.68" is one line to it, and it then misreads the words at the
seams. Cut out of the page, the same box reads cleanly. Starting Tesseract
costs about a quarter of a CPU second, so the boxes of a page are cut out,
stacked one under the other with paper between them, and read in a single
call; each word found goes back to the box it was cut from.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image

from advisoros_desktop.extraction.ocr_engine import Tesseract
from advisoros_desktop.extraction.page_geometry import Rect

# Paper between two stacked boxes (pixels at 200-300 dpi: more than a line's gap).
_GAP = 24
_LEFT = 12
# One column of text of varying sizes: each box's lines stay its own ("a single
# uniform block", mode 6, runs boxes of different widths into each other).
_COLUMN_SEGMENTATION = 4


@dataclass(frozen=True)
class BoxWord:
    text: str
    rect: Rect  # pixels on the page image the boxes were cut from
    confidence: float


def reread_boxes(
    image: Image.Image, boxes: list[Rect], engine: Tesseract, dpi: float | None
) -> list[list[BoxWord]]:
    """The words in each of ``boxes`` (pixel rectangles on ``image``), read box by box."""
    crops: list[tuple[int, int, int, int]] = []
    for x0, y0, x1, y1 in boxes:
        left, top = max(0, round(x0)), max(0, round(y0))
        right, bottom = min(image.width, round(x1)), min(image.height, round(y1))
        crops.append((left, top, max(left + 1, right), max(top + 1, bottom)))
    width = max(right - left for left, _, right, _ in crops) + 2 * _LEFT
    height = sum(bottom - top + _GAP for _, top, _, bottom in crops) + _GAP
    stack = Image.new("L", (width, height), 255)
    offsets: list[int] = []
    y = _GAP
    for crop in crops:
        stack.paste(image.crop(crop), (_LEFT, y))
        offsets.append(y)
        y += crop[3] - crop[1] + _GAP
    found: list[list[BoxWord]] = [[] for _ in boxes]
    read = engine.read(stack, dpi=dpi, page_segmentation=_COLUMN_SEGMENTATION)
    for word in read.words:
        x0, y0, x1, y1 = (
            word.upright_bbox[0] * width,
            word.upright_bbox[1] * height,
            word.upright_bbox[2] * width,
            word.upright_bbox[3] * height,
        )
        middle = (y0 + y1) / 2
        for index, (crop, top) in enumerate(zip(crops, offsets, strict=True)):
            if top - _GAP / 2 <= middle < top + crop[3] - crop[1] + _GAP / 2:
                dx, dy = crop[0] - _LEFT, crop[1] - top
                rect = (x0 + dx, y0 + dy, x1 + dx, y1 + dy)
                found[index].append(BoxWord(word.text, rect, word.confidence))
                break
    return found
