"""Bad input never crashes extraction: each file gets a clear reason instead."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfWriter

from advisoros_desktop.extraction import Extraction, ExtractionFailure, extract_bytes, extract_file
from advisoros_desktop.extraction.document_file import load
from advisoros_desktop.extraction.model import UnreadableDocument
from advisoros_desktop.extraction.ocr_engine import Tesseract

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def blank_pdf(pages: int = 1, password: str | None = None) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(612, 792)
    if password is not None:
        writer.encrypt(password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def error_of(data: bytes, name: str = "doc.pdf") -> str:
    outcome = extract_bytes(data, name)
    assert isinstance(outcome, ExtractionFailure), outcome
    assert outcome.file == name and outcome.to_json() == {"file": name, "error": outcome.error}
    return outcome.error


@pytest.mark.parametrize(
    ("data", "name", "says"),
    [
        (b"", "w2.pdf", "empty"),
        (PNG, "w2.pdf", "PNG image"),
        (b"hello, this is text", "notes.txt", "not a PDF or an image"),
        (b"PK\x03\x04rest", "w2.docx", "ZIP"),
        (b"%PDF-1.7\n garbage garbage", "broken.pdf", "damaged"),
        (blank_pdf()[:200], "truncated.pdf", "damaged"),
        (blank_pdf(password="secret"), "locked.pdf", "password-protected"),
    ],
)
def test_unreadable_files_get_a_reason(data: bytes, name: str, says: str) -> None:
    assert says in error_of(data, name)


def test_a_pdf_without_fields_or_known_text_is_unknown() -> None:
    outcome = extract_bytes(blank_pdf(pages=2), "scan.pdf")
    assert isinstance(outcome, list) and len(outcome) == 1
    assert (outcome[0].form_type, outcome[0].category, outcome[0].pages) == (
        "unknown",
        "general",
        [1, 2],
    )


def test_an_owner_password_alone_does_not_stop_reading() -> None:
    outcome = extract_bytes(blank_pdf(password=""), "owner-only.pdf")
    assert isinstance(outcome, list) and outcome[0].form_type == "unknown"


def test_a_damaged_image_gets_a_reason() -> None:
    assert "cannot be read" in error_of(PNG, "receipt.png")


def test_without_ocr_an_image_is_unknown_and_says_ocr_unavailable(tmp_path: Path) -> None:
    image = io.BytesIO()
    Image.new("L", (400, 300), 255).save(image, "PNG")
    outcome = extract_bytes(image.getvalue(), "receipt.png", ocr=Tesseract(tmp_path / "none"))
    assert isinstance(outcome, list) and isinstance(outcome[0], Extraction)
    [result] = outcome
    assert (result.form_type, result.pages, result.fields) == ("unknown", [1], [])
    [check] = result.checks
    assert (check.code, check.severity) == ("ocr_unavailable", "error")
    assert check.message.startswith("OCR unavailable: the tesseract program is not installed")


def test_files_that_are_not_there_or_too_big(tmp_path: Path) -> None:
    assert "no such file" in str(extract_file(tmp_path / "missing.pdf"))
    assert "folder" in str(extract_file(tmp_path))
    big = tmp_path / "big.pdf"
    big.write_bytes(blank_pdf())
    with pytest.raises(UnreadableDocument, match="too large"):
        load(big, "big.pdf", max_bytes=100)
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    outcome = extract_file(empty)
    assert isinstance(outcome, ExtractionFailure) and "empty" in outcome.error
