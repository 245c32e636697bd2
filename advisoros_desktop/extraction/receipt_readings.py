"""Several OCR readings of one receipt, and which reading to believe for each field.

Tesseract misreads a till roll's small print differently depending on how
the page is segmented and how large it is drawn: one reading turns a date's
8 into a 6, another drops the total's line. So a receipt is read more than
once (``receipt_scan``), the fields are found in every reading, and for
each field the value is taken that the receipt's own arithmetic confirms,
else the one most readings agree on, else the one OCR was surest of. When
the readings disagree the value is not reported as sure: a reviewer looks.

``ReceiptReadings`` is also the placer of the fields (a ``Placer``): each
reading's words are placed on the page through the scan they come from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from advisoros_desktop.extraction.invoice_text_source import Placer
from advisoros_desktop.extraction.model import ExtractedField
from advisoros_desktop.extraction.page_words import PageWords, Word

# Readings that disagree on a value leave it below what a reviewer may skip.
DISAGREEING = 0.85


@dataclass
class ReceiptReadings:
    """The readings of a receipt's pages, the first the main one, and how to place their words.

    ``placers`` maps ``id()`` of a reading's ``PageWords`` to the placer of its scan;
    ``fallback`` places words of any other page.
    """

    readings: list[list[PageWords]]
    fallback: Placer
    placers: dict[int, Placer] = field(default_factory=dict)

    def __call__(
        self,
        key: str,
        label: str,
        value: str,
        confidence: float,
        page: PageWords,
        words: Sequence[Word],
    ) -> ExtractedField:
        place = self.placers.get(id(page), self.fallback)
        return place(key, label, value, confidence, page, words)


@dataclass(frozen=True)
class Candidate:
    """A field as one reading found it.

    ``checked`` when the receipt's arithmetic confirms the value as read,
    ``derived`` when the value is what the receipt's other lines add up to
    where the field itself was read a digit or two differently.
    """

    field: ExtractedField
    checked: bool = False
    derived: bool = False


def agreed(candidates: Sequence[Candidate | None]) -> ExtractedField | None:
    """The field to report from the readings' candidates (see the module's docstring).

    A confirmed value comes first, then the value most readings found, then
    one the receipt's lines add up to, then the surest, then the earlier
    reading's. Readings that found another value
    cap the confidence at ``DISAGREEING`` unless the arithmetic confirms it.
    """
    found = [c for c in candidates if c is not None]
    if not found:
        return None
    groups: dict[str, list[Candidate]] = {}
    for candidate in found:
        groups.setdefault(_comparable(candidate.field.value), []).append(candidate)

    def rank(members: list[Candidate]) -> tuple[bool, int, bool, float, int]:
        first = min(found.index(m) for m in members)
        best = max(m.field.confidence for m in members)
        checked = any(m.checked for m in members)
        return (checked, len(members), any(m.derived for m in members), best, -first)

    members = max(groups.values(), key=rank)
    chosen = max(members, key=lambda m: (m.checked, m.field.confidence))
    result = chosen.field
    if len(groups) > 1 and not chosen.checked and result.confidence > DISAGREEING:
        result = ExtractedField(
            key=result.key,
            label=result.label,
            value=result.value,
            confidence=DISAGREEING,
            page=result.page,
            bbox=result.bbox,
            source=result.source,
        )
    return result


def _comparable(value: object) -> str:
    return " ".join(str(value).split())
