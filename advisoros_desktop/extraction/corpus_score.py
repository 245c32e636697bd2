"""How well extraction reads the shared test corpus (documents with ``NAME.truth.json``).

The scoring rules are the corpus README's: per ground-truth field, extracted
value and truth are normalised alike and must be equal; a wrong form type,
an error or a missing result makes all the document's fields wrong; extra
fields are ignored. Accuracy is reported per form type × variant, with the
share of correct fields among those returned with confidence ≥ 0.9 (what a
reviewer is told they may trust).

Run ``python -m advisoros_desktop.extraction.corpus_score PATH/TO/corpus``.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from advisoros_desktop.extraction.extractor import Outcome, extract_file
from advisoros_desktop.extraction.form_keys import kind_of
from advisoros_desktop.extraction.model import Extraction
from advisoros_desktop.extraction.values import (
    ValueKind,
    collapse,
    normalize_date,
    normalize_money,
)

HIGH_CONFIDENCE = 0.9
_IDENTIFIERS = (ValueKind.SSN, ValueKind.EIN, ValueKind.TIN)


@dataclass
class Row:
    """Counts for one form type × variant."""

    documents: int = 0
    fields: int = 0
    correct: int = 0
    confident: int = 0
    confident_correct: int = 0
    cpu_seconds: float = 0.0
    misses: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.fields if self.fields else 1.0


@dataclass
class CorpusScore:
    rows: dict[tuple[str, str], Row] = field(default_factory=dict)

    def total(self, variant: str | None = None) -> Row:
        total = Row()
        for (_, row_variant), row in self.rows.items():
            if variant is None or row_variant == variant:
                total.documents += row.documents
                total.fields += row.fields
                total.correct += row.correct
                total.confident += row.confident
                total.confident_correct += row.confident_correct
                total.cpu_seconds += row.cpu_seconds
                total.misses += row.misses
        return total

    @property
    def confident_share(self) -> float:
        total = self.total()
        return total.confident_correct / total.confident if total.confident else 1.0


def comparable(form_type: str, key: str, value: object) -> object:
    """A value as the README's scoring rules compare it."""
    if isinstance(value, bool) or not isinstance(value, str):
        return value
    kind = kind_of(form_type, key)
    if kind is ValueKind.MONEY:
        money = normalize_money(value)
        return money.value if money.ok else collapse(value)
    if kind in _IDENTIFIERS:
        return collapse(value).upper().replace("*", "X").replace("-", "").replace(" ", "")
    if kind is ValueKind.CODE:
        return collapse(value).upper()
    if kind is ValueKind.DATE:
        date = normalize_date(value)
        return date.value if date.ok else collapse(value)
    return collapse(value)


def truth_files(corpus: Path) -> list[Path]:
    return sorted(path for path in corpus.rglob("*.truth.json") if "irs-blank" not in path.parts)


def score_corpus(corpus: Path, extract: Callable[[Path], Outcome] = extract_file) -> CorpusScore:
    score = CorpusScore()
    for truth_path in truth_files(corpus):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        form_type, variant = truth["formType"], truth["variant"]
        row = score.rows.setdefault((form_type, variant), Row())
        started = _cpu_seconds()
        outcome = extract(truth_path.parent / truth["file"])
        row.cpu_seconds += _cpu_seconds() - started
        _score_document(row, truth, outcome)
    return score


def _cpu_seconds() -> float:
    """CPU time of this process and of the programs it ran (Tesseract reads scans)."""
    times = os.times()
    return time.process_time() + times.children_user + times.children_system


def _score_document(row: Row, truth: dict[str, object], outcome: Outcome) -> None:
    form_type = str(truth["formType"])
    expected = truth["fields"]
    assert isinstance(expected, dict)
    result = _matching(outcome, form_type)
    row.documents += 1
    for key, value in expected.items():
        row.fields += 1
        found = next((f for f in result.fields if f.key == key), None) if result else None
        right = found is not None and comparable(form_type, key, found.value) == comparable(
            form_type, key, value
        )
        row.correct += right
        if found is not None and found.confidence >= HIGH_CONFIDENCE:
            row.confident += 1
            row.confident_correct += right
        if not right:
            got = "missing" if found is None else repr(found.value)
            row.misses.append(f"{truth['file']}: {key} expected {value!r}, got {got}")


def _matching(outcome: Outcome, form_type: str) -> Extraction | None:
    if not isinstance(outcome, list):
        return None
    return next((result for result in outcome if result.form_type == form_type), None)


def format_table(score: CorpusScore) -> str:
    """The accuracy table: one line per form type × variant, per variant, then the totals.

    The targets are set per variant (filled, flattened, scanned, original), so
    each variant's line over every form type comes after the detail.
    """
    lines = [
        f"{'form type':<10} {'variant':<10} {'docs':>4} {'fields':>6} {'correct':>7} "
        f"{'accuracy':>8} {'conf>=0.9':>9} {'of which ok':>11} {'CPU s/doc':>9}"
    ]
    for (form_type, variant), row in sorted(score.rows.items()):
        lines.append(_line(form_type, variant, row))
    for variant in sorted({variant for _form_type, variant in score.rows}):
        lines.append(_line("all", variant, score.total(variant)))
    lines.append(_line("all", "", score.total()))
    lines.append(
        f"correct among fields returned with confidence >= {HIGH_CONFIDENCE}: "
        f"{score.confident_share:.1%}"
    )
    return "\n".join(lines)


def _line(form_type: str, variant: str, row: Row) -> str:
    share = f"{row.confident_correct / row.confident:.1%}" if row.confident else "-"
    per_doc = row.cpu_seconds / row.documents if row.documents else 0.0
    return (
        f"{form_type:<10} {variant:<10} {row.documents:>4} {row.fields:>6} {row.correct:>7} "
        f"{row.accuracy:>8.1%} {row.confident:>9} {share:>11} {per_doc:>9.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m advisoros_desktop.extraction.corpus_score CORPUS_DIR")
        return 2
    print(format_table(score_corpus(Path(args[0]))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
