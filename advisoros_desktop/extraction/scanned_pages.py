"""Scanned documents as positioned words: page image → straightened → OCR.

The third source of field values (after form fields and the text layer)
is a scan. This joins the steps for one file: find the pages that are
images, render or decode each, turn it straight, and have Tesseract read
it, so the label-to-value geometry receives words with page boxes exactly
as it does from the text layer. Tesseract's absence is checked before any
page is rendered, so a machine without it answers at once.

Blocking (about two CPU seconds a page): call it off the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image

from advisoros_desktop.extraction.deskew import deskew, shown_box
from advisoros_desktop.extraction.model import BBox
from advisoros_desktop.extraction.ocr_engine import Tesseract
from advisoros_desktop.extraction.ocr_words import OcrText, OcrWord
from advisoros_desktop.extraction.page_images import (
    PageImage,
    PdfPageImages,
    image_page_count,
    read_image_page,
)


@dataclass(frozen=True)
class ScannedPage:
    """What OCR read on one page; boxes are fractions of the page as shown."""

    page: int  # 1-based
    ocr: OcrText
    skew_degrees: float  # how far the scan was turned counter-clockwise
    dpi: float | None  # resolution OCR read it at, None when unknown
    pixel_size: tuple[int, int]
    # The straightened page OCR read: check boxes are judged by its pixels.
    image: Image.Image | None = field(default=None, compare=False, repr=False)

    @property
    def words(self) -> tuple[OcrWord, ...]:
        return self.ocr.words

    def shown_bbox(self, upright_bbox: BBox) -> BBox:
        """A box on the straightened page (fractions) as a box on the page as shown."""
        width, height = self.pixel_size
        pixels = (
            upright_bbox[0] * width,
            upright_bbox[1] * height,
            upright_bbox[2] * width,
            upright_bbox[3] * height,
        )
        return shown_box(pixels, self.pixel_size, self.skew_degrees)


def read_page_image(page_image: PageImage, engine: Tesseract) -> ScannedPage:
    """OCR one page image, straightened first."""
    straight = deskew(page_image.image)
    ocr = engine.read(straight.image, dpi=page_image.dpi, to_shown=straight.to_shown)
    return ScannedPage(
        page_image.page,
        ocr,
        straight.skew_degrees,
        page_image.dpi,
        page_image.image.size,
        straight.image,
    )


def read_pdf_scans(
    data: bytes, engine: Tesseract, pages: list[int] | None = None
) -> list[ScannedPage]:
    """OCR the image-only pages of a PDF (or just ``pages``, 1-based, of those).

    Pages with a text layer are left to the text-layer source. Raises
    ``UnreadableDocument`` (``OcrUnavailable``, ``OcrFailed`` among them).
    """
    engine.program()
    with PdfPageImages(data) as document:
        wanted = document.image_only_pages()
        if pages is not None:
            wanted = [page for page in wanted if page in pages]
        return [read_page_image(document.render(page), engine) for page in wanted]


def read_image_file(data: bytes, engine: Tesseract) -> list[ScannedPage]:
    """OCR every page of a JPEG, PNG, TIFF (several pages) or other image file."""
    engine.program()
    return [
        read_page_image(read_image_page(data, page), engine)
        for page in range(1, image_page_count(data) + 1)
    ]
