"""Scanned pages become grayscale images fit for OCR; huge or broken images are refused plainly."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image, ImageDraw

from advisoros_desktop.extraction.model import UnreadableDocument
from advisoros_desktop.extraction.page_images import (
    MAX_OCR_PIXELS,
    PdfPageImages,
    image_page_count,
    read_image_page,
)


def scan(size: tuple[int, int] = (850, 1100), mode: str = "L") -> Image.Image:
    image = Image.new(mode, size, "white")
    ImageDraw.Draw(image).rectangle((100, 100, 300, 140), fill="black")
    return image


def image_pdf(*pages: Image.Image, resolution: float = 100.0) -> bytes:
    buffer = io.BytesIO()
    pages[0].save(
        buffer, "PDF", resolution=resolution, save_all=True, append_images=list(pages[1:])
    )
    return buffer.getvalue()


def text_pdf(text: str = "Wage and Tax Statement 2026, Employee's social security number") -> bytes:
    """A one-page Letter PDF with a real text layer (PDFium repairs the missing xref)."""
    stream = f"BT /F1 12 Tf 72 700 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    body = b"%PDF-1.4\n"
    for number, content in enumerate(objects, start=1):
        body += b"%d 0 obj\n" % number + content + b"\nendobj\n"
    return body + b"trailer\n<< /Root 1 0 R /Size 6 >>\n%%EOF\n"


def encoded(image: Image.Image, format: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format, **options)
    return buffer.getvalue()


def png_header(width: int, height: int) -> bytes:
    """A PNG that only claims its size: enough for Pillow to judge it before decoding."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff"))
        + chunk(b"IEND", b"")
    )


# --- PDF pages -------------------------------------------------------------------------------


def test_a_scanned_page_is_told_from_a_page_with_text() -> None:
    with PdfPageImages(image_pdf(scan(), scan())) as scanned:
        assert scanned.image_only_pages() == [1, 2]
        assert scanned.content(1).image_cover == pytest.approx(1.0)
    with PdfPageImages(text_pdf()) as printed:
        assert printed.content(1).text_chars > 40
        assert printed.image_only_pages() == []


def test_a_scan_is_rendered_at_its_own_resolution() -> None:
    with PdfPageImages(image_pdf(scan((1700, 2200)), resolution=200)) as document:
        assert document.content(1).image_dpi == pytest.approx(200.0)
        page = document.render(1)
    assert page.image.mode == "L"
    assert page.dpi == pytest.approx(200.0)
    assert page.image.size == pytest.approx((1700, 2200), abs=1)
    assert page.image.getpixel((200, 120)) == 0 and page.image.getpixel((50, 50)) == 255


def test_a_coarse_scan_is_rendered_at_300_dpi() -> None:
    with PdfPageImages(image_pdf(scan((425, 550)), resolution=50)) as document:
        page = document.render(1)
    assert page.dpi == pytest.approx(300.0)
    assert page.image.size == pytest.approx((2550, 3300), abs=1)


def test_a_poster_sized_page_is_capped() -> None:
    # 200 × 200 inches: 60,000 pixels a side at 300 dpi.
    with PdfPageImages(image_pdf(scan((2000, 2000)), resolution=10)) as document:
        page = document.render(1)
    assert page.image.width * page.image.height <= MAX_OCR_PIXELS
    assert page.dpi is not None and page.dpi < 20


def test_a_damaged_pdf_is_refused_in_words() -> None:
    with pytest.raises(UnreadableDocument, match="the PDF cannot be opened"):
        PdfPageImages(b"%PDF-1.4\nnot really")


def test_asking_for_a_page_that_is_not_there_is_an_error() -> None:
    with PdfPageImages(image_pdf(scan())) as document, pytest.raises(ValueError):
        document.render(2)


# --- image files -----------------------------------------------------------------------------


def test_a_jpeg_becomes_grayscale_with_its_resolution() -> None:
    page = read_image_page(encoded(scan(mode="RGB"), "JPEG", dpi=(200, 200)))
    assert page.image.mode == "L"
    assert page.image.size == (850, 1100)
    assert page.dpi == pytest.approx(200.0)
    assert page.page == 1


def test_a_camera_resolution_is_not_believed() -> None:
    assert read_image_page(encoded(scan(), "PNG", dpi=(72, 72))).dpi is None


def test_the_exif_orientation_of_a_phone_photo_is_applied() -> None:
    sideways = scan((1100, 850))
    exif = Image.Exif()
    exif[0x0112] = 6  # shown turned 90° clockwise
    page = read_image_page(encoded(sideways, "JPEG", exif=exif.tobytes()))
    assert page.image.size == (850, 1100)


def test_transparency_becomes_white_paper() -> None:
    image = Image.new("RGBA", (200, 100), (0, 0, 0, 0))
    ImageDraw.Draw(image).rectangle((10, 10, 50, 50), fill=(0, 0, 0, 255))
    page = read_image_page(encoded(image, "PNG"))
    assert page.image.getpixel((150, 80)) == 255
    assert page.image.getpixel((20, 20)) == 0


def test_sixteen_bit_scans_are_scaled_not_clipped() -> None:
    image = Image.new("I;16", (100, 100), 40000)
    assert read_image_page(encoded(image, "PNG")).image.getpixel((5, 5)) == pytest.approx(
        156, abs=1
    )


def test_each_page_of_a_tiff_is_read() -> None:
    first, second = scan(), scan()
    ImageDraw.Draw(second).rectangle((0, 0, 60, 60), fill="black")
    data = encoded(first, "TIFF", save_all=True, append_images=[second])
    assert image_page_count(data) == 2
    assert read_image_page(data, 2).image.getpixel((10, 10)) == 0
    assert read_image_page(data, 1).image.getpixel((10, 10)) == 255
    with pytest.raises(ValueError):
        read_image_page(data, 3)


def test_a_large_jpeg_is_decoded_reduced() -> None:
    page = read_image_page(encoded(scan((6000, 4000)), "JPEG", dpi=(600, 600)))
    assert page.image.width * page.image.height <= MAX_OCR_PIXELS
    assert page.image.width / page.image.height == pytest.approx(1.5, abs=0.01)
    assert page.dpi is not None and page.dpi == pytest.approx(
        600 * page.image.width / 6000, rel=0.01
    )


def test_a_decompression_bomb_is_refused_in_words() -> None:
    with pytest.raises(UnreadableDocument, match=r"too large to read safely \(20,000 × 20,000"):
        read_image_page(png_header(20_000, 20_000))


def test_a_huge_png_is_refused_before_it_is_decoded() -> None:
    with pytest.raises(UnreadableDocument, match=r"too large to read safely \(9,000 × 7,000"):
        read_image_page(png_header(9_000, 7_000))


def test_a_truncated_image_is_refused_in_words() -> None:
    data = encoded(scan(), "JPEG")
    with pytest.raises(UnreadableDocument, match="damaged or incomplete"):
        read_image_page(data[: len(data) // 3])


def test_something_that_is_not_an_image_is_refused_in_words() -> None:
    with pytest.raises(UnreadableDocument, match="not supported"):
        read_image_page(b"hello, this is text")
