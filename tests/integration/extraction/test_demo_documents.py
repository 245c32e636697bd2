"""Extraction on the demo firm's own W-2s and 1099s: payroll-style prints, not the IRS layout.

The demo's generators draw the IRS box labels on a grid of their own, so the
official layout cannot be fitted and the values are read label by label.
Each generated file carries the truth printed on it; fields are scored as
the corpus is (``corpus_score.comparable``), and a field reported with
confidence ≥ 0.9 must be right.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from advisoros_desktop.extraction import extract_bytes
from advisoros_desktop.extraction.corpus_score import HIGH_CONFIDENCE, comparable
from advisoros_desktop.server.demo import people
from advisoros_desktop.server.demo.documents import form_1099_pdf, w2_pdf
from advisoros_desktop.server.demo.generated import GeneratedDocument

DOCUMENTS_PER_KIND = 20
KINDS = ("W-2", "1099-NEC", "1099-INT", "1099-DIV", "1099-MISC")
REACHED = 0.95


@dataclass
class Tally:
    fields: int = 0
    correct: int = 0
    confident: int = 0
    confident_wrong: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.fields if self.fields else 1.0


def generated(kind: str, seed: int) -> GeneratedDocument:
    rng = random.Random(seed)
    if kind == "W-2":
        return w2_pdf(rng, people.make_company(rng), people.make_person(rng), 2025)
    short = kind.removeprefix("1099-")
    payer = people.make_company(rng, {"INT": "bank", "DIV": "brokerage"}.get(short, "business"))
    # Every fourth recipient is a business (a contractor's LLC reports its EIN).
    recipient = people.make_company(rng) if seed % 4 == 0 else people.make_person(rng)
    return form_1099_pdf(rng, short, payer, recipient, 2025)  # type: ignore[arg-type]


def score(kind: str, tally: Tally, document: GeneratedDocument) -> None:
    outcome = extract_bytes(document.content, document.file_name)
    assert isinstance(outcome, list), outcome
    result = next((found for found in outcome if found.form_type == kind), None)
    for key, expected in document.truth.items():
        tally.fields += 1
        found = None if result is None else next((f for f in result.fields if f.key == key), None)
        right = found is not None and comparable(kind, key, found.value) == comparable(
            kind, key, expected
        )
        tally.correct += right
        if not right:
            got = "missing" if found is None else repr(found.value)
            tally.misses.append(f"{document.file_name}: {key} expected {expected!r}, got {got}")
        if found is not None and found.confidence >= HIGH_CONFIDENCE:
            tally.confident += 1
            if not right:
                tally.confident_wrong.append(f"{document.file_name}: {key} = {found.value!r}")


def table(tallies: dict[str, Tally]) -> str:
    lines = [f"{'form type':<10} {'docs':>4} {'fields':>6} {'correct':>7} {'accuracy':>8} "
             f"{'conf>=0.9':>9} {'wrong':>5}"]  # fmt: skip
    for kind, tally in tallies.items():
        lines.append(
            f"{kind:<10} {DOCUMENTS_PER_KIND:>4} {tally.fields:>6} {tally.correct:>7} "
            f"{tally.accuracy:>8.1%} {tally.confident:>9} {len(tally.confident_wrong):>5}"
        )
    return "\n".join(lines)


def test_the_demo_firms_w2s_and_1099s_are_read_field_by_field() -> None:
    tallies = {kind: Tally() for kind in KINDS}
    for kind in KINDS:
        for seed in range(DOCUMENTS_PER_KIND):
            score(kind, tallies[kind], generated(kind, 1000 + seed))
    print()
    print(table(tallies))
    for tally in tallies.values():
        for miss in tally.misses[:10]:
            print("  ", miss)
    for kind, tally in tallies.items():
        assert tally.accuracy >= REACHED, (kind, tally.misses[:20])
        assert not tally.confident_wrong, (kind, tally.confident_wrong)
