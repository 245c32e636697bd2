"""Which readings again a receipt's scan gets, by the size of its print."""

from __future__ import annotations

from PIL import Image

from advisoros_desktop.extraction.model import BBox
from advisoros_desktop.extraction.ocr_engine import DEFAULT_PAGE_SEGMENTATION, OcrFailed
from advisoros_desktop.extraction.ocr_page_words import as_page_words
from advisoros_desktop.extraction.ocr_words import OcrLine, OcrText, OcrWord
from advisoros_desktop.extraction.receipt_scan import BLOCK_OF_LINES, ENLARGE, STRETCH, read_again
from advisoros_desktop.extraction.scanned_pages import ScannedPage


def scan(word_pixels: int):  # type: ignore[no-untyped-def]
    """A 400 × 1000 pixel page at 150 dpi with one word ``word_pixels`` high."""
    box: BBox = (0.1, 0.1, 0.4, 0.1 + word_pixels / 1000)
    word = OcrWord("TOTAL", box, 0.95, 0, 0, box)
    ocr = OcrText((word,), (OcrLine(0, 0, (word,), box, box),), ())
    image = Image.new("L", (400, 1000), 255)
    return as_page_words(ScannedPage(1, ocr, 0.0, 150.0, (400, 1000), image))


class Engine:
    """Stands in for Tesseract: records how it was asked to read, gives the same word back."""

    def __init__(self, fail: bool = False) -> None:
        self.asked: list[tuple[tuple[int, int], int, float | None]] = []
        self.fail = fail

    def read(self, image, *, dpi=None, page_segmentation=3, to_shown=None):  # type: ignore[no-untyped-def]
        self.asked.append((image.size, page_segmentation, dpi))
        if self.fail:
            raise OcrFailed("stopped")
        return scan(12).scanned.ocr


def test_small_print_is_read_three_more_ways() -> None:
    engine = Engine()
    found = read_again(scan(12), engine)  # type: ignore[arg-type]
    large = (400 * ENLARGE, 1000 * ENLARGE)
    assert engine.asked == [
        (large, DEFAULT_PAGE_SEGMENTATION, 150.0 * ENLARGE),
        (large, BLOCK_OF_LINES, 150.0 * ENLARGE),
        ((400, 1000), BLOCK_OF_LINES, 150.0),
    ]
    assert len(found) == 3


def test_large_print_is_read_once_more_as_a_block() -> None:
    engine = Engine()
    assert len(read_again(scan(40), engine)) == 1  # type: ignore[arg-type]
    assert engine.asked == [((400, 1000), BLOCK_OF_LINES, 150.0)]


def test_a_reading_that_fails_leaves_the_others() -> None:
    assert read_again(scan(12), Engine(fail=True)) == []  # type: ignore[arg-type]


def condensed_scan():  # type: ignore[no-untyped-def]
    """Small print whose name line is in a condensed face: letters a third as wide as tall."""
    boxes: list[BBox] = [(0.1, 0.1, 0.15, 0.112), (0.16, 0.1, 0.21, 0.112)]
    words = tuple(
        OcrWord(text, box, 0.9, 0, 0, box)
        for text, box in zip(("HOTOR", "SUNGAT"), boxes, strict=True)
    )
    line_box: BBox = (0.1, 0.1, 0.21, 0.112)
    ocr = OcrText(words, (OcrLine(0, 0, words, line_box, line_box),), ())
    image = Image.new("L", (400, 1000), 255)
    return as_page_words(ScannedPage(1, ocr, 0.0, 150.0, (400, 1000), image))


def test_a_condensed_line_is_read_first_stretched_sideways() -> None:
    engine = Engine()
    found = read_again(condensed_scan(), engine)  # type: ignore[arg-type]
    stretched = (round(400 * ENLARGE * STRETCH), 1000 * ENLARGE)
    assert engine.asked[0] == (stretched, BLOCK_OF_LINES, 150.0 * ENLARGE)
    assert len(engine.asked) == 4 and len(found) == 4


def test_ordinary_print_is_not_read_stretched() -> None:
    engine = Engine()
    read_again(scan(12), engine)  # type: ignore[arg-type]
    assert all(size[0] / size[1] == 0.4 for size, _mode, _dpi in engine.asked)
