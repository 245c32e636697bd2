"""Filled IRS forms: one result per form, copies merged, packets split, boxes placed."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from advisoros_desktop.extraction import Extraction, extract_bytes, extract_file

REPO = Path(__file__).resolve().parents[3]


def only(outcome: object) -> Extraction:
    assert isinstance(outcome, list) and len(outcome) == 1, outcome
    return outcome[0]


def test_w2_copies_filled_alike_are_one_result(corpus: Path) -> None:
    result = only(extract_file(corpus / "w2" / "w2-001-filled.pdf"))
    assert (result.form_type, result.category, result.pages) == ("W-2", "w2", [1, 2, 3])
    assert result.confidence >= 0.95
    wages = next(f for f in result.fields if f.key == "wagesAndTips")
    assert (wages.label, wages.value, wages.confidence, wages.page, wages.source) == (
        "Wages, tips, other compensation",
        "22321.06",
        0.99,
        1,
        "acroform",
    )
    # Box 1 sits right of the middle, near the top of the W-2 (top-left origin).
    assert wages.bbox is not None
    x0, y0, x1, y1 = wages.bbox
    assert 0.5 < x0 < x1 < 0.8 and 0.05 < y0 < y1 < 0.15
    year = next(f for f in result.fields if f.key == "taxYear")
    assert (year.value, year.source) == ("2026", "text") and year.bbox is not None


def test_a_name_and_address_box_gives_two_fields_a_reviewer_can_tell_apart(
    corpus: Path,
) -> None:
    result = only(extract_file(corpus / "1099-nec" / "1099nec-001-filled.pdf"))
    fields = {f.key: f for f in result.fields}
    name, address = fields["payerName"], fields["payerAddress"]
    assert name.bbox == address.bbox  # the same box on the form
    assert name.label.endswith("(name)") and address.label.endswith("(address)")
    assert name.label.removesuffix(" (name)") == address.label.removesuffix(" (address)")


def test_a_packet_of_different_forms_gives_one_result_per_form(corpus: Path) -> None:
    writer = PdfWriter()
    for path in (
        corpus / "w2" / "w2-002-filled.pdf",
        corpus / "1099-nec" / "1099nec-002-filled.pdf",
        corpus / "1099-int" / "1099int-002-filled.pdf",
    ):
        writer.append(PdfReader(path))
    packet = io.BytesIO()
    writer.write(packet)
    outcome = extract_bytes(packet.getvalue(), "packet.pdf")
    assert isinstance(outcome, list)
    assert [(r.form_type, r.pages) for r in outcome] == [
        ("W-2", [1, 2, 3]),
        ("1099-NEC", [4]),
        ("1099-INT", [5]),
    ]
    assert outcome[1].value("directSales") is True
    assert outcome[2].value("recipientTin") == "129-78-3249"


def test_payer_telephone_is_not_part_of_the_address(corpus: Path) -> None:
    result = only(extract_file(corpus / "1099-div" / "1099div-001-filled.pdf"))
    assert result.value("payerName") == "KINGSBURY INVESTMENTS LLC"
    assert result.value("payerAddress") == "2719 POPLAR ROAD, ORLANDO, FL 32803-1335"


def test_the_command_prints_the_w2_as_json(corpus: Path) -> None:
    path = corpus / "w2" / "w2-001-filled.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "advisoros_desktop.cli", "extract", str(path), "--json"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 1
    result = json.loads(lines[0])
    expected = json.loads((corpus / "w2" / "w2-001-filled.truth.json").read_text())["fields"]
    assert result["formType"] == "W-2" and result["file"] == str(path)
    assert {f["key"]: f["value"] for f in result["fields"]} == expected
