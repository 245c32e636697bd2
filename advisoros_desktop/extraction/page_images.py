"""Scanned pages as grayscale images fit for OCR, from image-only PDF pages and image files.

Scans arrive as PDFs whose pages are one big picture with no text layer, or
as bare JPEG/PNG/TIFF files straight from a phone or a scanner folder. OCR
wants one grayscale image per page at about 300 dpi; it gains nothing from
more pixels, and a 12,000-pixel photograph or a poster-sized PDF page would
only cost memory and minutes. So every page is brought to at most
``MAX_OCR_PIXELS``, JPEGs are decoded at a reduced size from the start, and
images too large to decode safely are refused with a sentence an accountant
can act on.

PDFium is not thread-safe; every call into it holds the lock ``page_text``
defines, like every other PDF reader in extraction.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from types import TracebackType

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
from PIL import Image, ImageOps, UnidentifiedImageError

from advisoros_desktop.extraction.model import UnreadableDocument
from advisoros_desktop.extraction.page_text import PDFIUM_LOCK

OCR_DPI = 300
# A Legal page at 300 dpi is 10.7 million pixels; a little room above it.
MAX_OCR_PIXELS = 12_000_000
# Decoding a PNG or TIFF means holding all of it (four bytes a pixel in colour);
# a Letter page scanned at 600 dpi is 34 million. JPEGs are decoded reduced.
MAX_DECODED_PIXELS = 50_000_000
# A scan's own resolution is kept when OCR can use it: resampling a 200 dpi
# scan up to 300 dpi only blurs its strokes.
_NATIVE_DPI_RANGE = (150.0, 400.0)
# A page's images must cover this much of it to be a scanned page.
_SCAN_COVER = 0.5
# Scanner software stamps a few words ("Scanned with …") on image-only pages;
# a real text layer has far more than this many characters.
_MAX_STAMP_CHARS = 40


@dataclass(frozen=True)
class PageImage:
    """One page as an 8-bit grayscale image; ``dpi`` None when the file does not say."""

    image: Image.Image
    page: int
    dpi: float | None


@dataclass(frozen=True)
class PageContent:
    """What a PDF page is made of, enough to tell a scan from a page with text."""

    page: int
    text_chars: int  # not counting white space
    image_cover: float  # share of the page under images, 0..1
    image_dpi: float | None  # resolution of the page's largest image

    @property
    def image_only(self) -> bool:
        return self.text_chars <= _MAX_STAMP_CHARS and self.image_cover >= _SCAN_COVER


class PdfPageImages:
    """A PDF's pages told apart (text or scan) and rendered for OCR; a context manager."""

    def __init__(self, data: bytes) -> None:
        try:
            with PDFIUM_LOCK:
                self._document = pdfium.PdfDocument(data)
                self.page_count = len(self._document)
        except pdfium.PdfiumError as problem:
            raise UnreadableDocument(f"the PDF cannot be opened ({problem})") from None
        self._contents: dict[int, PageContent] = {}

    def content(self, page: int) -> PageContent:
        """What ``page`` (1-based) holds."""
        self._check(page)
        if page not in self._contents:
            with PDFIUM_LOCK:
                pdf_page = self._document[page - 1]
                try:
                    self._contents[page] = _describe(pdf_page, page)
                finally:
                    pdf_page.close()
        return self._contents[page]

    def image_only_pages(self) -> list[int]:
        """The pages (1-based) that are a scan: no text layer, covered by an image."""
        return [page for page in range(1, self.page_count + 1) if self.content(page).image_only]

    def render(self, page: int) -> PageImage:
        """``page`` (1-based) in grayscale at the scan's own resolution, else 300 dpi, capped."""
        content = self.content(page)
        dpi = content.image_dpi
        if dpi is None or not _NATIVE_DPI_RANGE[0] <= dpi <= _NATIVE_DPI_RANGE[1]:
            dpi = OCR_DPI
        with PDFIUM_LOCK:
            pdf_page = self._document[page - 1]
            try:
                width, height = pdf_page.get_size()
                scale = dpi / 72.0
                pixels = width * height * scale * scale
                if pixels > MAX_OCR_PIXELS:
                    # A little under: PDFium rounds the bitmap's sides up.
                    scale *= math.sqrt(MAX_OCR_PIXELS / pixels) * 0.999
                bitmap = pdf_page.render(
                    scale=scale, grayscale=True, may_draw_forms=False, draw_annots=True
                )
                try:
                    # A copy: the bitmap's memory is PDFium's and is freed below.
                    image = bitmap.to_pil().convert("L")
                finally:
                    bitmap.close()
            finally:
                pdf_page.close()
        return PageImage(image, page, scale * 72.0)

    def _check(self, page: int) -> None:
        if not 1 <= page <= self.page_count:
            raise ValueError(f"page {page} is not in a PDF of {self.page_count} pages")

    def close(self) -> None:
        with PDFIUM_LOCK:
            self._document.close()

    def __enter__(self) -> PdfPageImages:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def _describe(pdf_page: pdfium.PdfPage, page: int) -> PageContent:
    text_page = pdf_page.get_textpage()
    try:
        text = text_page.get_text_range()
    finally:
        text_page.close()
    left, bottom, right, top = pdf_page.get_cropbox()
    page_area = max(1e-6, (right - left) * (top - bottom))
    covered = 0.0
    largest, largest_dpi = 0.0, None
    for found in pdf_page.get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_IMAGE]):
        x0, y0, x1, y1 = found.get_bounds()
        width = max(0.0, min(x1, right) - max(x0, left))
        height = max(0.0, min(y1, top) - max(y0, bottom))
        area = width * height
        covered += area
        if area > largest:
            pixels_wide, pixels_high = found.get_px_size()
            placed = (x1 - x0) * (y1 - y0)
            largest = area
            # Per inch of the page, whichever way the image is turned on it.
            largest_dpi = math.sqrt(pixels_wide * pixels_high / placed) * 72.0 if placed else None
    chars = sum(1 for char in text if not char.isspace())
    return PageContent(page, chars, min(1.0, covered / page_area), largest_dpi)


def image_page_count(data: bytes) -> int:
    """How many pages (frames) an image file holds: a scanner's TIFF may hold several."""
    with _open(data) as image:
        return int(getattr(image, "n_frames", 1))


def read_image_page(data: bytes, page: int = 1) -> PageImage:
    """Page ``page`` (1-based) of an image file in grayscale, upright, at most ``MAX_OCR_PIXELS``.

    The EXIF orientation a phone records is applied; an image too large to
    decode safely raises ``UnreadableDocument``.
    """
    with _open(data) as image:
        frames = int(getattr(image, "n_frames", 1))
        if not 1 <= page <= frames:
            raise ValueError(f"page {page} is not in an image of {frames} pages")
        if frames > 1:
            image.seek(page - 1)
        dpi = _stated_dpi(image.info.get("dpi"))
        width, height = image.size
        shrink = math.sqrt(MAX_OCR_PIXELS / (width * height)) if width and height else 1.0
        if image.format == "JPEG":
            # JPEG decodes at 1/2, 1/4 or 1/8 size directly, never holding the full image.
            shrink = min(1.0, shrink)
            image.draft("L", (math.ceil(width * shrink), math.ceil(height * shrink)))
        elif width * height > MAX_DECODED_PIXELS:
            raise UnreadableDocument(_too_large(width, height))
        try:
            upright = ImageOps.exif_transpose(image)
            gray = _grayscale(upright)
        except Image.DecompressionBombError:
            raise UnreadableDocument(_too_large(width, height)) from None
        except (OSError, ValueError) as problem:
            raise UnreadableDocument(f"the image is damaged or incomplete ({problem})") from None
    if dpi is not None:
        # Decoded reduced (JPEG draft) or not; turning by EXIF does not change the longest side.
        dpi *= max(gray.size) / max(width, height)
    pixels = gray.width * gray.height
    if pixels > MAX_OCR_PIXELS:
        factor = math.sqrt(MAX_OCR_PIXELS / pixels)
        size = (max(1, int(gray.width * factor)), max(1, int(gray.height * factor)))
        gray = gray.resize(size, Image.Resampling.LANCZOS)
        if dpi is not None:
            dpi *= factor
    return PageImage(gray, page, dpi)


def _open(data: bytes) -> Image.Image:
    try:
        return Image.open(io.BytesIO(data))
    except Image.DecompressionBombError:
        width, height = _header_size(data)
        raise UnreadableDocument(_too_large(width, height)) from None
    except UnidentifiedImageError:
        raise UnreadableDocument("the image cannot be read: its format is not supported") from None
    except OSError as problem:
        raise UnreadableDocument(f"the image is damaged or incomplete ({problem})") from None


def _header_size(data: bytes) -> tuple[int, int]:
    # Pillow refuses before giving the size; PNG's header says it plainly.
    if data.startswith(b"\x89PNG") and len(data) >= 24:
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    return 0, 0


def _too_large(width: int, height: int) -> str:
    size = f" ({width:,} × {height:,} pixels)" if width and height else ""
    return (
        f"the image is too large to read safely{size}; scan or export it at 300 dpi and try again"
    )


def _stated_dpi(value: object) -> float | None:
    if isinstance(value, tuple) and value:
        try:
            dpi = float(value[0])
        except (TypeError, ValueError):
            return None
        # Cameras write 72 or 96 whatever they saw; only a scanner's figure means much.
        if 100 <= dpi <= 1200:
            return dpi
    return None


def _grayscale(image: Image.Image) -> Image.Image:
    """8-bit grayscale; transparency becomes white paper, 16-bit depth is scaled, not clipped."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        peak = image.getextrema()[1]
        divisor = 256.0 if isinstance(peak, int) and peak > 255 else 1.0
        return image.convert("I").point(lambda value: value / divisor).convert("L")
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(paper, rgba).convert("L")
    return image.convert("L")
