"""The checks fail on the corpus's inconsistent records, and only on those.

Over the truth values (whatever source will read them one day) and over what
extraction reads from the filled forms.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import pytest

from advisoros_desktop.extraction import extract_file
from advisoros_desktop.extraction.checks import run_checks
from advisoros_desktop.extraction.corpus_score import truth_files
from advisoros_desktop.extraction.ocr_engine import Tesseract

# The corpus has 2026 forms; checks allow up to next year.
TODAY = dt.date(2026, 6, 1)


def _truths(corpus: Path) -> list[tuple[Path, dict]]:
    return [(path, json.loads(path.read_text())) for path in truth_files(corpus)]


def test_truth_values_fail_checks_exactly_when_inconsistent(corpus: Path) -> None:
    wrong = []
    for path, truth in _truths(corpus):
        failed = {c.code for c in run_checks(truth["formType"], truth["fields"], TODAY)}
        if truth.get("inconsistent"):
            if truth["inconsistency"] not in failed:
                wrong.append(f"{path.name}: {truth['inconsistency']} not among {failed}")
        elif failed:
            wrong.append(f"{path.name}: consistent but failed {failed}")
    assert wrong == []


def test_filled_forms_read_fail_checks_exactly_when_inconsistent(corpus: Path) -> None:
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    filled = [(p, t) for p, t in _truths(corpus) if t["variant"] == "filled"]
    assert len(filled) == 28 and sum(bool(t.get("inconsistent")) for _, t in filled) == 3
    for path, truth in filled:
        outcome = extract_file(path.parent / truth["file"], today=TODAY)
        assert isinstance(outcome, list) and len(outcome) == 1, outcome
        failed = {check.code for check in outcome[0].checks}
        if truth.get("inconsistent"):
            assert truth["inconsistency"] in failed, (path.name, failed)
        else:
            assert failed == set(), (path.name, outcome[0].checks)


def test_flattened_forms_read_fail_checks_exactly_when_inconsistent(corpus: Path) -> None:
    flattened = [(p, t) for p, t in _truths(corpus) if t["variant"] == "flattened"]
    assert len(flattened) == 28
    for path, truth in flattened:
        outcome = extract_file(path.parent / truth["file"], today=TODAY)
        assert isinstance(outcome, list) and len(outcome) == 1, outcome
        failed = {check.code for check in outcome[0].checks}
        if truth.get("inconsistent"):
            assert truth["inconsistency"] in failed, (path.name, failed)
        else:
            assert failed == set(), (path.name, outcome[0].checks)


@pytest.mark.parametrize("name", ["w2-001-scanned.pdf", "w2-003-scanned.jpg"])
def test_scanned_forms_read_fail_checks_exactly_when_inconsistent(corpus: Path, name: str) -> None:
    # OCR reads these scans; a check fires on what was read, never on what OCR missed.
    if not Tesseract().is_available():
        pytest.skip("the tesseract program is not installed (Debian package tesseract-ocr)")
    truth = json.loads((corpus / "w2" / name).with_suffix(".truth.json").read_text("utf-8"))
    outcome = extract_file(corpus / "w2" / name, today=TODAY)
    assert isinstance(outcome, list) and len(outcome) == 1, outcome
    failed = {check.code for check in outcome[0].checks}
    if truth.get("inconsistent"):
        assert truth["inconsistency"] in failed, (name, failed)
    else:
        assert failed == set(), (name, outcome[0].checks)
