"""Bad input gets a clear status from extraction, never a crash or a silent empty result.

Files are made in ``tmp_path``: corrupt, encrypted, empty and 300-page PDFs,
a 300-page scan, a PNG named ``.pdf``, 12,000-pixel images. A scan too long
to read whole is read up to the page limit and says so. Tests that need
the ``tesseract`` program skip with the reason when it is missing.
"""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfWriter

from advisoros_desktop.extraction import Extraction, ExtractionFailure, extract_file
from advisoros_desktop.extraction.extractor import Outcome
from advisoros_desktop.extraction.ocr_engine import Tesseract
from advisoros_desktop.extraction.scan_reading import MAX_OCR_PAGES


@pytest.fixture(scope="module")
def tesseract() -> Tesseract:
    engine = Tesseract()
    if not engine.is_available():
        pytest.skip("the tesseract program is not installed (Debian package tesseract-ocr)")
    return engine


def blank_pdf(pages: int, password: str | None = None) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(612, 792)
    if password is not None:
        writer.encrypt(password, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def scanned_pdf(pages: int) -> bytes:
    """An image-only PDF: each page a small grayscale "scan" with a line of print."""
    frames = []
    for number in range(1, pages + 1):
        frame = Image.new("L", (425, 550), 255)
        ImageDraw.Draw(frame).text((40, 40), f"Page {number}", fill=0)
        frames.append(frame)
    out = io.BytesIO()
    frames[0].save(out, "PDF", resolution=50.0, save_all=True, append_images=frames[1:])
    return out.getvalue()


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def failure(outcome: Outcome) -> str:
    assert isinstance(outcome, ExtractionFailure), outcome
    return outcome.error


def test_a_corrupt_pdf_says_it_may_be_damaged(tmp_path: Path) -> None:
    corrupt = blank_pdf(1)
    corrupt = corrupt[:40] + b"\x00garbage\x00" * 20 + corrupt[-30:]
    assert "damaged" in failure(extract_file(write(tmp_path, "corrupt.pdf", corrupt)))
    truncated = write(tmp_path, "truncated.pdf", blank_pdf(1)[:150])
    assert "damaged" in failure(extract_file(truncated))


def test_an_encrypted_pdf_asks_for_a_copy_without_the_password(tmp_path: Path) -> None:
    path = write(tmp_path, "locked.pdf", blank_pdf(2, password="secret"))
    assert "password-protected" in failure(extract_file(path))


def test_an_empty_file_says_it_is_empty(tmp_path: Path) -> None:
    assert "empty (0 bytes)" in failure(extract_file(write(tmp_path, "empty.pdf", b"")))


def test_a_png_named_pdf_is_refused_by_name(tmp_path: Path) -> None:
    image = io.BytesIO()
    Image.new("L", (50, 50), 255).save(image, "PNG")
    path = write(tmp_path, "w2.pdf", image.getvalue())
    assert "named .pdf but is a PNG image" in failure(extract_file(path))


def test_a_300_page_pdf_with_nothing_to_read_is_unknown_quickly(tmp_path: Path) -> None:
    path = write(tmp_path, "long.pdf", blank_pdf(300))
    started = time.process_time()
    outcome = extract_file(path)
    assert time.process_time() - started < 20
    assert isinstance(outcome, list)
    [result] = outcome
    assert (result.form_type, len(result.pages), result.checks) == ("unknown", 300, [])


def test_a_300_page_scan_is_read_up_to_the_limit_and_says_so(
    tmp_path: Path, tesseract: Tesseract
) -> None:
    path = write(tmp_path, "scan.pdf", scanned_pdf(300))
    outcome = extract_file(path, ocr=tesseract)
    assert isinstance(outcome, list) and outcome
    limits = [c for result in outcome for c in result.checks if c.code == "ocr_page_limit"]
    assert limits and all(c.severity == "warning" for c in limits)
    assert f"first {MAX_OCR_PAGES} of 300 scanned pages" in limits[0].message
    assert "290 scanned pages, from page 11 to 300, were not read" in limits[0].message
    # Nothing recognisable was read: one "unknown" result for the whole file.
    assert [(r.form_type, len(r.pages)) for r in outcome] == [("unknown", 300)]


def test_a_scan_without_tesseract_says_ocr_unavailable(tmp_path: Path) -> None:
    path = write(tmp_path, "scan.pdf", scanned_pdf(3))
    outcome = extract_file(path, ocr=Tesseract(tmp_path / "no-tesseract"))
    assert isinstance(outcome, list)
    [result] = outcome
    assert isinstance(result, Extraction) and result.form_type == "unknown"
    [check] = result.checks
    assert check.code == "ocr_unavailable" and check.severity == "error"
    assert check.message.startswith("OCR unavailable: the tesseract program is not installed")
    assert "Scanned pages 1, 2, 3 were not read." in check.message


def test_a_12000_pixel_png_is_refused_as_too_large(tmp_path: Path, tesseract: Tesseract) -> None:
    image = io.BytesIO()
    Image.new("L", (12_000, 12_000), 255).save(image, "PNG", compress_level=1)
    path = write(tmp_path, "poster.png", image.getvalue())
    reason = failure(extract_file(path, ocr=tesseract))
    assert "too large to read safely (12,000 × 12,000 pixels)" in reason


@pytest.mark.slow
def test_a_12000_pixel_jpeg_is_read_at_a_reduced_size(tmp_path: Path, tesseract: Tesseract) -> None:
    image = io.BytesIO()
    Image.new("L", (12_000, 12_000), 255).save(image, "JPEG", quality=50)
    path = write(tmp_path, "photo.jpg", image.getvalue())
    outcome = extract_file(path, ocr=tesseract)
    assert isinstance(outcome, list)
    [result] = outcome
    assert (result.form_type, result.pages, result.checks) == ("unknown", [1], [])
