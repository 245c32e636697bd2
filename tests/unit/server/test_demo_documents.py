"""Tests for the demo document generators used by `advisoros server --demo`.

The demo seeds "already extracted" fields from each document's truth, so the
truth must match what is printed, the PDFs must carry a real text layer (and
the scans none), and a seed must always reproduce the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import random
import re
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image
from pypdf import PdfReader

from advisoros_desktop.server.demo import people
from advisoros_desktop.server.demo.documents import (
    GeneratedDocument,
    form_1099_pdf,
    invoice_pdf,
    scanned_page,
    w2_pdf,
)
from advisoros_desktop.server.demo.generated import DATE_STYLES, date_printed
from advisoros_desktop.server.demo.w2 import SOCIAL_SECURITY_WAGE_BASE, w2_amounts

SSN = re.compile(r"^(\d{3})-(\d{2})-(\d{4})$")
EIN = re.compile(r"^(\d{2})-\d{7}$")
# Prefixes the IRS assigns (https://www.irs.gov/businesses/small-businesses-self-employed/how-eins-are-assigned-and-valid-ein-prefixes).
VALID_EIN_PREFIXES = {
    *range(1, 7), *range(10, 17), *range(20, 28), *range(30, 49), *range(50, 69),
    *range(71, 78), *range(80, 89), *range(90, 96), 98, 99,
}  # fmt: skip
MONEY = re.compile(r"^\d+\.\d{2}$")


def make_w2(seed: int, tax_year: int = 2024) -> GeneratedDocument:
    rng = random.Random(seed)
    return w2_pdf(rng, people.make_company(rng), people.make_person(rng), tax_year)


def make_1099(seed: int, kind: str) -> GeneratedDocument:
    rng = random.Random(seed)
    payer_kind = {"INT": "bank", "DIV": "brokerage"}.get(kind, "business")
    payer = people.make_company(rng, payer_kind)
    recipient = people.make_person(rng) if seed % 4 else people.make_company(rng)
    return form_1099_pdf(rng, kind, payer, recipient, 2025)  # type: ignore[arg-type]


def make_invoice(seed: int) -> GeneratedDocument:
    rng = random.Random(seed)
    vendor = people.make_company(rng)
    return invoice_pdf(rng, vendor.name, people.make_person(rng).full_name, tax_year=2025)


def make_scan(seed: int, kind: str, output: str | None) -> GeneratedDocument:
    rng = random.Random(seed)
    return scanned_page(
        rng,
        people.make_company(rng, "bank" if kind == "bank_statement" else "business").name,
        date(2025, 1 + seed % 12, 1 + seed % 28),
        kind=kind,  # type: ignore[arg-type]
        customer_name=people.make_person(rng).full_name,
        output=output,  # type: ignore[arg-type]
    )


PDF_GENERATORS: dict[str, Callable[[int], GeneratedDocument]] = {
    "w2": make_w2,
    "1099-NEC": lambda seed: make_1099(seed, "NEC"),
    "1099-INT": lambda seed: make_1099(seed, "INT"),
    "1099-DIV": lambda seed: make_1099(seed, "DIV"),
    "1099-MISC": lambda seed: make_1099(seed, "MISC"),
    "invoice": make_invoice,
}
SCAN_GENERATORS: dict[str, Callable[[int], GeneratedDocument]] = {
    "receipt-jpeg": lambda seed: make_scan(seed, "receipt", "jpeg"),
    "receipt-pdf": lambda seed: make_scan(seed, "receipt", "pdf"),
    "statement-jpeg": lambda seed: make_scan(seed, "bank_statement", "jpeg"),
    "statement-pdf": lambda seed: make_scan(seed, "bank_statement", "pdf"),
}
ALL_GENERATORS = {**PDF_GENERATORS, **SCAN_GENERATORS}


def normalised(text: str) -> str:
    """Lower-case, drop "$" and thousands separators, collapse whitespace."""
    return " ".join(text.lower().replace("$", " ").replace(",", "").split())


def pypdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def pdfium_text(content: bytes) -> str:
    document = pdfium.PdfDocument(content)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def assert_truth_printed(truth: dict[str, str | bool], text: str) -> None:
    """Every truth value must be readable in `text`, in some printed form."""
    flat = normalised(text)
    for key, value in truth.items():
        assert isinstance(value, str), key
        if key.endswith("Address"):
            # Lines are printed in separate boxes; check each address part.
            for part in value.split(", "):
                assert normalised(part) in flat, (key, part)
        elif key in ("invoiceDate", "dueDate"):
            day = date.fromisoformat(value)
            assert any(date_printed(day, style) in text for style in DATE_STYLES), key
        elif MONEY.match(value):
            # Not preceded or followed by other digits: "2000.00" must not match "52000.00".
            assert re.search(rf"(?<![\d.]){re.escape(value)}(?!\d)", flat), (key, value)
        else:
            assert normalised(value) in flat, (key, value)


def cents(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@pytest.mark.parametrize("name", ALL_GENERATORS)
def test_same_seed_gives_identical_document(name: str) -> None:
    first, second = ALL_GENERATORS[name](11), ALL_GENERATORS[name](11)
    assert first.content == second.content
    assert first == second


@pytest.mark.parametrize("name", ALL_GENERATORS)
def test_different_seeds_give_different_documents(name: str) -> None:
    digests = {hashlib.sha256(ALL_GENERATORS[name](seed).content).hexdigest() for seed in range(5)}
    assert len(digests) == 5


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("name", PDF_GENERATORS)
def test_pdf_text_layer_contains_the_truth(name: str, seed: int) -> None:
    document = PDF_GENERATORS[name](seed)
    assert document.mime_type == "application/pdf"
    assert document.content.startswith(b"%PDF-")
    assert_truth_printed(document.truth, pypdf_text(document.content))
    assert_truth_printed(document.truth, pdfium_text(document.content))


def test_documents_declare_their_type() -> None:
    assert (make_w2(1).form_type, make_w2(1).category) == ("W-2", "w2")
    for kind in ("NEC", "INT", "DIV", "MISC"):
        document = make_1099(1, kind)
        assert (document.form_type, document.category, document.tax_year) == (
            f"1099-{kind}",
            "1099",
            2025,
        )
    assert make_invoice(1).form_type == "invoice"
    assert make_scan(1, "receipt", None).category == "receipt"
    assert make_scan(1, "bank_statement", None).category == "bank_statement"
    with pytest.raises(ValueError):
        GeneratedDocument("x.pdf", "application/pdf", b"", "W-9", "general", None, {})


def test_w2_text_has_the_form_title() -> None:
    text = normalised(pypdf_text(make_w2(3, tax_year=2025).content))
    assert "form w-2 wage and tax statement 2025" in text


@pytest.mark.parametrize("tax_year", sorted(SOCIAL_SECURITY_WAGE_BASE))
def test_w2_amounts_follow_payroll_rules(tax_year: int) -> None:
    wage_base = SOCIAL_SECURITY_WAGE_BASE[tax_year]
    capped = 0
    for seed in range(60):
        truth = make_w2(seed, tax_year).truth
        amount = {key: Decimal(value) for key, value in truth.items() if MONEY.match(str(value))}
        assert all(MONEY.match(str(truth[key])) for key in amount)
        assert amount["socialSecurityWages"] == min(amount["medicareWages"], wage_base)
        assert amount["socialSecurityTaxWithheld"] == cents(
            amount["socialSecurityWages"] * Decimal("0.062")
        )
        assert amount["medicareTaxWithheld"] == cents(amount["medicareWages"] * Decimal("0.0145"))
        assert truth["box12aCode"] == "D"
        assert amount["box12aAmount"] > 0
        assert amount["wagesAndTips"] == amount["medicareWages"] - amount["box12aAmount"]
        assert amount["stateWages"] == amount["wagesAndTips"]
        assert 0 < amount["federalIncomeTaxWithheld"] < amount["wagesAndTips"]
        assert truth["taxYear"] == str(tax_year)
        capped += amount["medicareWages"] > wage_base
    assert capped, "no seed exercised the Social Security wage base cap"


def test_unsupported_arguments_are_rejected() -> None:
    with pytest.raises(ValueError):
        w2_amounts(random.Random(1), 1999)
    with pytest.raises(ValueError):
        make_1099(1, "B")
    with pytest.raises(ValueError):
        make_scan(1, "letter", "jpeg")


def test_1099_amounts_are_plausible() -> None:
    penalties = 0
    for seed in range(40):
        dividends = make_1099(seed, "DIV").truth
        assert Decimal(str(dividends["qualifiedDividends"])) <= Decimal(
            str(dividends["totalOrdinaryDividends"])
        )
        interest = make_1099(seed, "INT").truth
        penalties += "earlyWithdrawalPenalty" in interest
        misc = make_1099(seed, "MISC").truth
        assert len({"rents", "royalties", "otherIncome"} & misc.keys()) == 1
        nec = make_1099(seed, "NEC").truth
        assert {"nonemployeeCompensation", "federalIncomeTaxWithheld"} <= nec.keys()
    assert 0 < penalties < 40


def test_identifiers_follow_issuing_rules() -> None:
    rng = random.Random(5)
    for _ in range(2000):
        area, group, serial = map(int, SSN.fullmatch(people.make_ssn(rng)).groups())  # type: ignore[union-attr]
        assert 1 <= area <= 899 and area != 666
        assert group != 0 and serial != 0
        prefix = EIN.fullmatch(people.make_ein(rng))
        assert prefix and int(prefix.group(1)) in VALID_EIN_PREFIXES
    for seed in range(10):
        truth = make_w2(seed).truth
        assert SSN.fullmatch(str(truth["employeeSsn"]))
        assert EIN.fullmatch(str(truth["employerEin"]))
        nec = make_1099(seed, "NEC").truth
        assert EIN.fullmatch(str(nec["payerTin"]))


def test_phone_numbers_are_in_the_fictional_range() -> None:
    text = pypdf_text(make_1099(2, "NEC").content)
    phones = re.findall(r"\(\d{3}\) (\d{3})-(\d{4})", text)
    assert phones
    assert all(exchange == "555" and line.startswith("01") for exchange, line in phones)


def test_invoice_truth_is_normalised() -> None:
    for seed in range(20):
        truth = make_invoice(seed).truth
        assert truth["currency"] == "USD"
        assert MONEY.match(str(truth["totalAmount"])) and MONEY.match(str(truth["taxAmount"]))
        assert date.fromisoformat(str(truth["dueDate"])) > date.fromisoformat(
            str(truth["invoiceDate"])
        )


@pytest.mark.parametrize("name", ["receipt-jpeg", "statement-jpeg"])
def test_jpeg_scans_are_plain_grayscale_images(name: str) -> None:
    document = SCAN_GENERATORS[name](3)
    assert document.mime_type == "image/jpeg"
    assert document.file_name.endswith(".jpg")
    with Image.open(io.BytesIO(document.content)) as image:
        assert image.format == "JPEG"
        assert image.mode == "L"
        assert image.size == (1275, 1650)
        assert round(image.info["dpi"][0]) == 150


@pytest.mark.parametrize("name", ["receipt-pdf", "statement-pdf"])
def test_pdf_scans_have_no_text_layer(name: str) -> None:
    document = SCAN_GENERATORS[name](3)
    assert document.mime_type == "application/pdf"
    reader = PdfReader(io.BytesIO(document.content))
    assert len(reader.pages) == 1
    assert reader.pages[0].extract_text().strip() == ""
    assert len(reader.pages[0].images) == 1
    assert pdfium_text(document.content).strip() == ""


def test_receipt_truth_adds_up() -> None:
    truth = make_scan(4, "receipt", "jpeg").truth
    assert set(truth) == {"vendorName", "invoiceDate", "totalAmount", "taxAmount"}
    assert Decimal(str(truth["taxAmount"])) < Decimal(str(truth["totalAmount"]))
    date.fromisoformat(str(truth["invoiceDate"]))


def test_generators_do_not_import_qt() -> None:
    code = (
        "import sys, advisoros_desktop.server.demo.documents;"
        "sys.exit(any(name.startswith('PySide6') for name in sys.modules))"
    )
    repository_root = Path(__file__).resolve().parents[3]
    result = subprocess.run([sys.executable, "-c", code], cwd=repository_root, check=False)
    assert result.returncode == 0
