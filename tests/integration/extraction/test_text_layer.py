"""The text-layer source on real files: flattened IRS forms and vendors' invoices."""

from __future__ import annotations

import time
from pathlib import Path

from advisoros_desktop.extraction import Extraction, extract_file


def only(outcome: object) -> Extraction:
    assert isinstance(outcome, list) and len(outcome) == 1, outcome
    return outcome[0]


def test_a_flattened_w2_is_one_result_over_its_three_copies(corpus: Path) -> None:
    result = only(extract_file(corpus / "w2" / "w2-001-flattened.pdf"))
    assert (result.form_type, result.pages) == ("W-2", [1, 2, 3])
    wages = next(f for f in result.fields if f.key == "wagesAndTips")
    assert (wages.value, wages.source, wages.page) == ("22321.06", "text", 1)
    assert wages.confidence >= 0.9 and wages.bbox is not None
    x0, y0, x1, y1 = wages.bbox
    assert 0.5 < x0 < x1 < 0.8 and 0.05 < y0 < y1 < 0.15
    assert result.value("retirementPlan") is True and result.value("taxYear") == "2026"


def test_a_flattened_1099_splits_the_payer_box_and_drops_the_telephone(corpus: Path) -> None:
    result = only(extract_file(corpus / "1099-div" / "1099div-001-flattened.pdf"))
    assert result.value("payerName") == "KINGSBURY INVESTMENTS LLC"
    assert result.value("payerAddress") == "2719 POPLAR ROAD, ORLANDO, FL 32803-1335"
    labels = {f.key: f.label for f in result.fields}
    assert labels["payerName"].endswith("(name)") and labels["payerAddress"].endswith("(address)")


def test_a_two_page_invoice_is_one_document(corpus: Path) -> None:
    result = only(extract_file(corpus / "invoices" / "QualityHosting.pdf"))
    assert (result.form_type, result.category, result.pages) == ("invoice", "invoice", [1, 2])
    total = next(f for f in result.fields if f.key == "totalAmount")
    assert (total.value, total.page) == ("34.73", 2)
    assert result.value("invoiceDate") == "2014-05-07" and result.value("currency") == "EUR"


def test_a_one_page_text_pdf_takes_well_under_200_ms_of_cpu(corpus: Path) -> None:
    paths = [
        corpus / "1099-nec" / "1099nec-001-flattened.pdf",
        corpus / "invoices" / "AmazonWebServices.pdf",
    ]
    for path in paths:
        extract_file(path)  # warm up imports and fonts
        started = time.process_time()
        extract_file(path)
        assert time.process_time() - started < 0.2, path.name
