"""The real Tesseract reads the corpus scans: known values are among its words, in place.

Needs the ``tesseract`` program (Debian's ``tesseract-ocr``) and, for the
corpus scans, ../shared/corpus; each test skips with the reason when its
part is missing.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from advisoros_desktop.extraction.model import UnreadableDocument
from advisoros_desktop.extraction.ocr_engine import OcrUnavailable, Tesseract
from advisoros_desktop.extraction.ocr_page_words import as_page_words
from advisoros_desktop.extraction.scanned_pages import (
    ScannedPage,
    read_image_file,
    read_pdf_scans,
)
from advisoros_desktop.extraction.values import normalize_money, normalize_ssn


@pytest.fixture(scope="module")
def tesseract() -> Tesseract:
    engine = Tesseract()
    if not engine.is_available():
        pytest.skip("the tesseract program is not installed (Debian package tesseract-ocr)")
    return engine


def truth_of(path: Path) -> dict[str, object]:
    truth: dict[str, object] = json.loads(path.with_suffix(".truth.json").read_text("utf-8"))
    return truth


def money_words(page: ScannedPage) -> dict[str, list[tuple[float, ...]]]:
    """Amounts read, each with the boxes it was read at (box 1 and box 16 often agree)."""
    found: dict[str, list[tuple[float, ...]]] = {}
    for word in page.words:
        money = normalize_money(word.text)
        if money.ok:
            found.setdefault(str(money.value), []).append(word.bbox)
    return found


def ssn_words(page: ScannedPage) -> set[str]:
    return {
        str(ssn.value) for word in page.words if (ssn := normalize_ssn(word.text)).ok and ssn.value
    }


def test_a_scanned_w2_pdf_gives_its_wages_and_ssn(tesseract: Tesseract, corpus: Path) -> None:
    path = corpus / "w2" / "w2-001-scanned.pdf"
    truth = truth_of(path)
    fields = truth["fields"]
    assert isinstance(fields, dict)
    [page] = read_pdf_scans(path.read_bytes(), tesseract)
    assert page.page == 1
    assert page.dpi == pytest.approx(200.0)
    assert page.skew_degrees == pytest.approx(truth["rotationDegrees"], abs=0.3)
    amounts = money_words(page)
    assert fields["wagesAndTips"] in amounts
    assert fields["federalIncomeTaxWithheld"] in amounts
    assert fields["employeeSsn"] in ssn_words(page)
    # Box 1 is in the top right quarter of a W-2.
    assert any(
        0.5 < x0 < x1 < 1.0 and 0.0 < y0 < y1 < 0.25
        for x0, y0, x1, y1 in amounts[fields["wagesAndTips"]]
    )
    assert all(0.0 <= word.confidence <= 1.0 for word in page.words)


def test_a_scanned_w2_jpeg_gives_its_wages_and_ssn(tesseract: Tesseract, corpus: Path) -> None:
    path = corpus / "w2" / "w2-003-scanned.jpg"
    fields = truth_of(path)["fields"]
    assert isinstance(fields, dict)
    [page] = read_image_file(path.read_bytes(), tesseract)
    assert fields["wagesAndTips"] in money_words(page)
    assert fields["employeeSsn"] in ssn_words(page)
    assert page.ocr.lines and page.ocr.blocks


def test_ocr_words_line_up_with_the_official_layout_in_points(
    tesseract: Tesseract, corpus: Path
) -> None:
    # w2-002 was scanned turned by about 1°: the straightened words keep their rows.
    [page] = read_pdf_scans((corpus / "w2" / "w2-002-scanned.pdf").read_bytes(), tesseract)
    words = as_page_words(page)
    assert words.page_words.page_box == pytest.approx((0.0, 0.0, 612.0, 792.0), abs=1)
    label = next(
        line for line in words.page_words.lines if "compensation" in " ".join(w.text for w in line)
    )
    wages = next(word for word in label if word.text.startswith("Wages"))
    # Where the IRS form prints "Wages," (PDF points, origin bottom-left), within a few points.
    assert wages.x0 == pytest.approx(348, abs=6) and wages.y0 == pytest.approx(722, abs=6)
    assert 0.5 < words.confidence([wages]) <= 1.0
    shown = words.shown_bbox([wages])
    assert shown is not None and shown[0] == pytest.approx(348 / 612, abs=0.03)


def test_without_tesseract_the_document_says_ocr_unavailable(tmp_path: Path) -> None:
    image = Image.new("L", (850, 1100), 255)
    buffer = io.BytesIO()
    image.save(buffer, "PDF", resolution=100)
    engine = Tesseract(tmp_path / "bin" / "tesseract")
    with pytest.raises(OcrUnavailable, match=r"^OCR unavailable: the tesseract program"):
        read_pdf_scans(buffer.getvalue(), engine)
    with pytest.raises(OcrUnavailable, match=r"^OCR unavailable"):
        read_image_file(buffer.getvalue(), engine)


@pytest.mark.slow
def test_a_12000_pixel_photo_is_read_or_refused(tesseract: Tesseract) -> None:
    image = Image.new("L", (12_000, 7_000), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=160)
    for row in range(6):
        draw.text((600, 600 + row * 1000), f"Invoice total 1,{row}45.00", fill=0, font=font)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    del image, draw
    try:
        pages = read_image_file(buffer.getvalue(), tesseract)
    except UnreadableDocument as refusal:
        assert "too large" in str(refusal)
    else:
        [page] = pages
        assert page.pixel_size[0] * page.pixel_size[1] <= 12_000_000
        assert any("total" in word.text.lower() for word in page.words)
