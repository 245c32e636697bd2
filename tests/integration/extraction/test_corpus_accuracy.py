"""Extraction accuracy over the shared corpus, by the corpus README's scoring rules.

Run with ``-s`` to see the table (form type × variant, share of confident
fields that are right, CPU per document, Tesseract's included). Scans are
read by OCR: about two minutes of CPU for the corpus, hence ``slow``; without
the ``tesseract`` program the test skips.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from advisoros_desktop.extraction.corpus_score import format_table, score_corpus
from advisoros_desktop.extraction.ocr_engine import Tesseract

# What OCR reaches on the SROIE receipts: all ten are classified as receipts,
# and 26 of 30 fields are right (86.7 %): every date and total (each receipt
# read four or five times, the readings weighed field by field, a misread
# total put right by the receipt's own arithmetic). The misses are shop names:
# print OCR reads wrongly in every reading ("MR O.I.Y." for "MR D.I.Y.", twice),
# a name printed in mixed case that the truth gives in capitals, a damaged
# character the truth copies. The scanned variant as a whole (forms and
# receipts) meets the 90 %; the receipts alone do not, and this
# records where they stand, so a regression still fails.
RECEIPTS_REACHED = 26  # of 30 fields


@pytest.mark.slow
# About two minutes of CPU: more than the suite's five-minute limit on a busy machine.
@pytest.mark.timeout(1200)
def test_corpus_accuracy(corpus: Path) -> None:
    if not Tesseract().is_available():
        pytest.skip("the tesseract program is not installed (Debian package tesseract-ocr)")
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    score = score_corpus(corpus)
    print()
    print(format_table(score))

    filled = score.total("filled")
    assert filled.documents == 28
    assert filled.accuracy == 1.0, filled.misses
    assert score.confident_share >= 0.98, score.total().misses

    # The text layer: flattened forms per form type, and the real invoices.
    for form_type in ("W-2", "1099-NEC", "1099-INT", "1099-DIV", "1099-MISC"):
        row = score.rows[(form_type, "flattened")]
        assert row.documents > 0 and row.accuracy >= 0.98, (form_type, row.misses)
    invoices = score.rows[("invoice", "original")]
    assert invoices.documents == 7 and invoices.accuracy >= 0.9, invoices.misses

    # The targets, per variant over every form type.
    assert score.total("flattened").accuracy >= 0.98, score.total("flattened").misses
    assert score.total("scanned").accuracy >= 0.90, score.total("scanned").misses

    # OCR: scanned forms per form type, and the receipts.
    for form_type in ("W-2", "1099-NEC", "1099-INT", "1099-DIV", "1099-MISC"):
        row = score.rows[(form_type, "scanned")]
        assert row.documents > 0 and row.accuracy >= 0.90, (form_type, row.misses)
    receipts = score.rows[("receipt", "scanned")]
    assert receipts.documents == 10 and receipts.correct >= RECEIPTS_REACHED, receipts.misses
